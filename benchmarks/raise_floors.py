"""Raise the quality floors of tests/data/quality_floors.json to just under a new `whereas evaluate --json` report.

    benchmarks/quality.sh --json > quality.json && python benchmarks/raise_floors.py quality.json

Each floor becomes the larger of the floor it had and the new figure less a margin
(rounded down to two decimals), so a floor never goes down here: lowering one is a
decision to make by hand, in the floors file, with a reason in the commit. A document
new to the report gets floors for its overall F1 and for each part the gold has and the
graph gets partly right. ``fragmented_max`` ceilings are left as they are.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

FLOORS = Path(__file__).resolve().parent.parent / "tests" / "data" / "quality_floors.json"
MARGIN = 0.005
PARTS = ("actors", "events", "relations")


def just_under(value: float) -> float:
    """``value`` less the margin, rounded down to two decimals (never below 0).

    >>> just_under(0.711), just_under(1.0), just_under(0.0)
    (0.7, 0.99, 0.0)
    """
    return max(0.0, math.floor(round((value - MARGIN) * 100, 6)) / 100)


def floors_of(doc: dict) -> dict[str, float]:
    """The floors a document's report supports: overall, and each part it has any of right."""
    floors = {"overall": just_under(doc["overall_f1"])}
    for part in PARTS:
        if doc[part]["gold"] and doc[part]["f1"] > 0:
            floors[part] = just_under(doc[part]["f1"])
    return floors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", type=Path, help="a `whereas evaluate --json` report of the examples, each built alone")
    ap.add_argument("--floors", type=Path, default=FLOORS)
    args = ap.parse_args()
    report = json.loads(args.report.read_text(encoding="utf-8"))
    data = json.loads(args.floors.read_text(encoding="utf-8"))
    documents = data["documents"]
    for doc in report["documents"]:
        old = documents.setdefault(doc["document"], {})
        for key, value in floors_of(doc).items():
            if value > old.get(key, -1.0):
                print(f"{doc['document']}: {key} {old.get(key, '-')} -> {value}", file=sys.stderr)
                old[key] = value
    data["documents"] = dict(sorted(documents.items()))
    args.floors.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
