"""Reading and cleaning time on odd inputs at growing sizes: each should grow linearly.

    python benchmarks/reading.py                # 0.25, 0.5, 1 and 2 MB of each shape
    python benchmarks/reading.py --sizes 1 4    # in megabytes

Prints the seconds ``read.cleanup.clean`` and ``structure.find_structure`` take on each
shape: one run of letters, hyphenated words, one run of spaces, repeated citation lines with
footnote marks, recitals, bare numbers. Doubling the input should about double the time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.facts import SourceDocument  # noqa: E402
from pipeline.read.cleanup import clean  # noqa: E402
from pipeline.structure import find_structure  # noqa: E402

SHAPES = {
    "one word": lambda n: "x" * n,
    "hyphenated": lambda n: "socio-econ- omic " * (n // 17),
    "spaces": lambda n: "a" + " " * n + "b",
    "citations": lambda n: (
        "– having regard to its resolution of 15 March 2012 on Kazakhstan1,\n" * (n // 68) + "\n1 P7_TA(2012)0089.\n"
    ),
    "recitals": lambda n: "".join(f"{chr(65 + i % 26)}. whereas x was held;\n" for i in range(n // 26)),
    "bare numbers": lambda n: "".join(f"{i % 999 + 1}\n" for i in range(n // 4)),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.25, 0.5, 1, 2], help="megabytes")
    args = parser.parse_args(argv)
    print(f"{'shape':14}" + "".join(f"{size:>10g} MB" for size in args.sizes) + "   (clean + structure, seconds)")
    for name, make in SHAPES.items():
        row = []
        for size in args.sizes:
            text = make(int(size * (1 << 20)))
            started = time.perf_counter()
            cleaned = clean(text)
            if cleaned.strip():
                find_structure(SourceDocument("x", "x.txt", cleaned))
            row.append(time.perf_counter() - started)
        print(f"{name:14}" + "".join(f"{t:>13.3f}" for t in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
