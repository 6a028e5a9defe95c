"""Extraction quality on the example documents, each built alone, held to the floors of tests/data/quality_floors.json.

A floor sits just under what a document reached when the floors were last raised, so a
change that loses facts fails here; raise the floors with benchmarks/raise_floors.py when
extraction improves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate_dataset, load_gold

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((Path(__file__).resolve().parent / "data" / "quality_floors.json").read_text(encoding="utf-8"))
DOCUMENTS = FLOORS["documents"]


def _show(items: tuple[str, ...], n: int = 8) -> str:
    return "; ".join(items[:n]) + (f" ... (+{len(items) - n})" if len(items) > n else "")


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_example_reaches_its_floors(name, example_build, examples_gold):
    floors = DOCUMENTS[name]
    [doc] = evaluate_dataset(example_build(name).dataset, [load_gold(examples_gold / f"{name}.json")]).documents
    reached = {"overall": doc.overall_f1, **{part: getattr(doc, part).f1 for part in ("actors", "events", "relations")}}
    below = [
        f"{key} F1 {reached[key]:.3f} < floor {floor}"
        for key, floor in floors.items()
        if key in reached and reached[key] < floor
    ]
    if doc.actors.fragmented > floors.get("fragmented_max", doc.actors.fragmented):
        below.append(f"{doc.actors.fragmented} fragmented actors > {floors['fragmented_max']}")
    assert not below, (
        f"{name}: "
        + ", ".join(below)
        + f"\n  missing actors: {_show(doc.actors.missing)}\n  missed events: {_show(doc.events.missed)}"
        + f"\n  missed relations: {_show(doc.relations.missed)}"
    )


def test_every_example_with_a_gold_has_floors_and_every_floor_an_example(examples_gold):
    documents = {p.stem for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".html", ".pdf")}
    golds = {p.stem for p in examples_gold.glob("*.json") if not isinstance(load_gold(p), str)}
    assert set(DOCUMENTS) == documents & golds
    assert documents <= golds, "every example document has its gold"
    for name, floors in DOCUMENTS.items():
        assert set(floors) <= {"overall", "actors", "events", "relations", "fragmented_max"}, name
        assert "overall" in floors and all(0 <= v <= 1 for k, v in floors.items() if k != "fragmented_max"), name


def test_the_sample_stays_whole():
    assert DOCUMENTS["ep-2013-kazakhstan"]["overall"] >= 0.95
    assert DOCUMENTS["ep-2013-kazakhstan"]["fragmented_max"] == 0
