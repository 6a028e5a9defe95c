"""Refresh what the README shows as real output, after an extraction change (run from the repository root).

    .venv/bin/python benchmarks/refresh_readme.py            # output/, the README's outputs, the quality floors

1. rebuilds ``output/`` as the README's main command does (the graph, the actor graph's page, picture
   and GraphML);
2. replaces, in README.md, the output of the sample's evaluation, the quality table of "How well"
   (``benchmarks/quality.sh``), the saved queries' tables under "Querying" and the case table under
   "Cases across documents" with what the commands print now. A table the README shows an excerpt
   of keeps the rows of the same people (its row count is the real one);
3. raises the quality floors (``benchmarks/raise_floors.py``; it never lowers one).

Read the diff before committing: a changed figure is a changed result.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = str(ROOT / ".venv" / "bin" / "whereas")
README = ROOT / "README.md"


def run(*args: str) -> str:
    out = subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True)
    return out.stdout


def replace_block(text: str, after: str, new: str) -> str:
    """The first fenced block opened after the line holding ``after``, its content made ``new``."""
    start = _opening(text, after)
    end = text.index("```\n", start)
    return text[:start] + new.rstrip("\n") + "\n" + text[end:]


def _opening(text: str, after: str) -> int:
    """Where the content of the first block opened after ``after`` starts (a fence closing the block that
    holds ``after`` itself is skipped)."""
    at = text.index(after)
    fences = text[:at].count("\n```")
    start = text.index("```\n", at) + 4
    if fences % 2 == 1:  # ``after`` is inside a block: the fence found closes it
        start = text.index("```\n", start) + 4
    return start


def excerpt(old_block: str, new_output: str, key_columns: int) -> str:
    """The rows of ``new_output`` whose first ``key_columns`` columns a row of ``old_block`` has; its header,
    ruler (as long as the old one) and row count. Where the old block showed every row, every row."""
    old_lines = old_block.rstrip("\n").split("\n")
    new_lines = new_output.rstrip("\n").split("\n")
    header, rows, count = new_lines[0], new_lines[2:-1], new_lines[-1]
    old_rows = old_lines[2:-1]
    shown = re.match(r"(\d+) rows", old_lines[-1])
    if shown is None or len(old_rows) >= int(shown.group(1)):  # the README showed every row: it still does
        return new_output
    starts = _column_starts(header)

    def key(line: str) -> tuple[str, ...]:
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], len(line) + 1], strict=False)]
        return tuple(cells[:key_columns])

    wanted = {key(r) for r in old_rows}
    kept = [r for r in rows if key(r) in wanted]
    return "\n".join([header, old_lines[1], *kept, count]) + "\n"


def _column_starts(header: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?:(?<=\s\s)|^)\S", header)]


def old_block(text: str, after: str) -> str:
    start = _opening(text, after)
    return text[start : text.index("```\n", start)]


def main() -> None:
    run(CLI, "build", "examples/", "-o", "output/graph.ttl", "--no-progress")
    for out in ("output/actors.html", "output/actors.png", "output/actors.graphml"):
        run(CLI, "viz", "output/graph.ttl", "-o", out)
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        sample = str(Path(tmp) / "sample.ttl")
        run(CLI, "build", "examples/ep-2013-kazakhstan.txt", "-o", sample, "--no-progress")
        evaluated = run(CLI, "evaluate", sample, "examples/gold/ep-2013-kazakhstan.json")
        text = replace_block(text, "whereas evaluate sample.ttl examples/gold/ep-2013-kazakhstan.json", evaluated)
        quality = run("bash", "benchmarks/quality.sh")
        text = replace_block(text, "the graph has any, means over documents):", quality)
        for query, keys in (("sentenced.rq", 0), ("release-demands.rq", 1), ("decisions.rq", 4)):
            after = f"ontology/queries/{query}`"
            table = run(CLI, "query", "output/graph.ttl", f"ontology/queries/{query}")
            if keys:
                table = excerpt(old_block(text, after), table, keys)
            text = replace_block(text, after, table)
        case = str(Path(tmp) / "case.trig")
        files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples").glob("case-kyrgyzstan-*.txt"))
        run(CLI, "build", *files, "-o", case, "--no-progress")
        table = run(CLI, "case", "Eldiyar Jusupbekov", case, "--format", "markdown")
        start = text.index("**Eldiyar Zhusupbekov:")
        end = text.index("\n\n", text.index("\n|", start))
        text = text[:start] + table.strip("\n") + text[end:]
        README.write_text(text, encoding="utf-8")
        report = Path(tmp) / "quality.json"
        report.write_text(run("bash", "benchmarks/quality.sh", "--json"), encoding="utf-8")
        subprocess.run([sys.executable, "benchmarks/raise_floors.py", str(report)], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
