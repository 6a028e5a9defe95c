"""pipeline/rdf/validate.py: mini.trig conforms; each kind of breakage reads as one exact line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, Namespace
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import InputError
from pipeline.rdf import validate as validate_module
from pipeline.rdf.export import read_dataset, union_graph, write_dataset
from pipeline.rdf.validate import ValidationReport, validate_graph
from pipeline.vocab import WH

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD warns under pytest's collection
ID = Namespace("https://w3id.org/whereas/id/")
DOC = ID["document/ep-2099-ruritania"]
ANNA = ID["person/anna-berg"]
KARL = ID["person/karl-berg"]
COURT = ID["court/strelsau-city-court"]
SENTENCING = ID["event/ep-2099-ruritania/sentencing-anna-berg-11"]
SPAN = ID["document/ep-2099-ruritania/span/3-129"]
MARRIAGE = ID["statement/0123456789"]
DECISION = ID["event/ep-2099-ruritania/courtdecision-anna-berg-50"]


def graph_of(ds: Dataset) -> Graph:
    return ds.graph(DOC)


def replace(g: Graph, s: URIRef, p: URIRef, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


def add_decision(g: Graph) -> None:
    """A court decision on the sentencing, with evidence and confidence but no outcome."""
    g.add((DECISION, RDF.type, WH.CourtDecision))
    g.add((DECISION, WH.court, COURT))
    g.add((DECISION, WH.decisionOn, SENTENCING))
    g.add((DECISION, WH.evidence, SPAN))
    g.add((DECISION, WH.confidence, Literal("0.8", datatype=XSD.decimal)))
    g.add((DECISION, WH.standing, WH.asserted))


def test_mini_conforms(mini_dataset: Dataset) -> None:
    assert validate_graph(mini_dataset) == ValidationReport(conforms=True, messages=())


BROKEN: dict[str, tuple[Callable[[Graph], None], list[str]]] = {
    "actor with two labels": (
        lambda g: g.add((ANNA, RDFS.label, Literal("Anna B."))),
        [f"<{ANNA}> rdfs:label: an actor has exactly one rdfs:label; other names belong in skos:altLabel"],
    ),
    "event without evidence": (
        lambda g: g.remove((SENTENCING, WH.evidence, None)),
        [
            f"<{SENTENCING}> wh:evidence: no wh:evidence: every event and reified relation needs "
            "at least one wh:TextSpan"
        ],
    ),
    "date typed xsd:string": (
        lambda g: replace(g, SENTENCING, WH.date, Literal("2098-05-03", datatype=XSD.string)),
        [
            f"<{SENTENCING}> wh:date: wh:date must be a valid xsd:date, xsd:gYearMonth or xsd:gYear "
            '(value: "2098-05-03"^^xsd:string)'
        ],
    ),
    "text span with start after end": (
        lambda g: replace(g, SPAN, WH.start, Literal(130)),
        [f'<{SPAN}> wh:start: wh:start must not be after wh:end (value: "130"^^xsd:integer)'],
    ),
    "court decision without outcome": (
        add_decision,
        [
            f"<{DECISION}> wh:outcome: a court decision needs a wh:outcome "
            "(wh:upheld, wh:overturned, wh:refused or wh:other)"
        ],
    ),
    "event with two standings": (
        lambda g: g.add((SENTENCING, WH.standing, WH.asserted)).add((SENTENCING, WH.standing, WH.reported)),
        [
            f"<{SENTENCING}> wh:standing: an event has at most one wh:standing "
            "(asserted, reported, alleged, denied or demanded)"
        ],
    ),
    "standing not one of the five": (
        lambda g: g.add((SENTENCING, WH.standing, WH.upheld)),
        [
            f"<{SENTENCING}> wh:standing: wh:standing must be one of wh:asserted, wh:reported, wh:alleged, "
            "wh:denied, wh:demanded (value: wh:upheld)"
        ],
    ),
    "confidence 1.5": (
        lambda g: replace(g, SENTENCING, WH.confidence, Literal("1.5", datatype=XSD.decimal)),
        [f'<{SENTENCING}> wh:confidence: wh:confidence must lie in [0, 1] (value: "1.5"^^xsd:decimal)'],
    ),
    "confidence as a float (xsd:double)": (
        lambda g: replace(g, SENTENCING, WH.confidence, Literal(0.9)),
        [f'<{SENTENCING}> wh:confidence: wh:confidence must be an xsd:decimal (value: "0.9"^^xsd:double)'],
    ),
    "court role filled by a person": (
        lambda g: replace(g, SENTENCING, WH.court, KARL),
        [f"<{SENTENCING}> wh:court: wh:court must point to a wh:Court (value: <{KARL}>)"],
    ),
    "sentence term that is no duration": (
        lambda g: replace(g, SENTENCING, WH.sentenceTerm, Literal("six years")),
        [
            f"<{SENTENCING}> wh:sentenceTerm: wh:sentenceTerm must be a valid xsd:duration (e.g. P7Y6M) "
            '(value: "six years")'
        ],
    ),
    "outcome outside the four": (
        lambda g: (add_decision(g), g.add((DECISION, WH.outcome, WH.Court))),
        [
            f"<{DECISION}> wh:outcome: wh:outcome must be one of wh:upheld, wh:overturned, wh:refused, "
            "wh:other (value: wh:Court)"
        ],
    ),
    "court without label (a subclass of wh:Actor)": (
        lambda g: g.remove((COURT, RDFS.label, None)),
        [f"<{COURT}> rdfs:label: an actor needs an rdfs:label (its fullest name)"],
    ),
    "empty label": (
        lambda g: replace(g, KARL, RDFS.label, Literal("  ")),
        [f'<{KARL}> rdfs:label: an actor\'s rdfs:label is empty (value: "  ")'],
    ),
    "span outside any document": (
        lambda g: g.remove((SPAN, WH.inDocument, None)),
        [f"<{SPAN}> wh:inDocument: a text span needs exactly one wh:inDocument"],
    ),
    "relation without its statement node": (
        lambda g: g.add((ANNA, WH.relativeOf, KARL)),
        [f"<{ANNA}> wh:relativeOf: this relation has no rdf:Statement node carrying its evidence (value: <{KARL}>)"],
    ),
    "statement node without its triple": (
        lambda g: g.remove((ANNA, WH.spouseOf, KARL)),
        [f"<{MARRIAGE}>: describes a triple the graph does not hold: <{ANNA}> wh:spouseOf <{KARL}>"],
    ),
    "reified relation without evidence": (
        lambda g: g.remove((MARRIAGE, WH.evidence, None)),
        [f"<{MARRIAGE}> wh:evidence: no wh:evidence: every event and reified relation needs at least one wh:TextSpan"],
    ),
    "acquittal typed as a sentencing": (
        lambda g: g.add((SENTENCING, RDF.type, WH.Acquittal)),
        [
            f"<{SENTENCING}> rdf:type: an acquittal is no wh:Sentencing (value: wh:Sentencing)",
            f"<{SENTENCING}>: an acquittal is also the wh:Trial it ends or the wh:CourtDecision that overturns "
            "a conviction",
        ],
    ),
    "pardon granted to a court": (
        lambda g: (
            g.add((SENTENCING, RDF.type, WH.Pardon)),
            g.add((SENTENCING, WH.subject, COURT)),
        ),
        [f"<{SENTENCING}> wh:subject: a pardon is granted to a wh:Person (value: <{COURT}>)"],
    ),
    "two broken things, sorted": (
        lambda g: (
            g.add((ANNA, RDFS.label, Literal("Anna B."))),
            replace(g, SENTENCING, WH.confidence, Literal("1.5", datatype=XSD.decimal)),
        ),
        [
            f'<{SENTENCING}> wh:confidence: wh:confidence must lie in [0, 1] (value: "1.5"^^xsd:decimal)',
            f"<{ANNA}> rdfs:label: an actor has exactly one rdfs:label; other names belong in skos:altLabel",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_variant_fails_with_the_expected_line(mini_dataset: Dataset, case: str) -> None:
    change, expected = BROKEN[case]
    change(graph_of(mini_dataset))
    report = validate_graph(mini_dataset)
    assert report == ValidationReport(conforms=False, messages=tuple(expected))


def test_symmetric_relation_may_be_reified_the_other_way(mini_dataset: Dataset) -> None:
    g = graph_of(mini_dataset)
    g.remove((ANNA, WH.spouseOf, KARL))
    g.add((KARL, WH.spouseOf, ANNA))
    replace(g, MARRIAGE, RDF.subject, KARL)
    replace(g, MARRIAGE, RDF.object, ANNA)
    g.add((ANNA, WH.spouseOf, KARL))  # both directions, one statement node
    assert validate_graph(mini_dataset).conforms


def test_partial_dates_and_durations_conform(mini_dataset: Dataset) -> None:
    g = graph_of(mini_dataset)
    for value in (Literal("2098-05", datatype=XSD.gYearMonth), Literal("2098", datatype=XSD.gYear)):
        replace(g, SENTENCING, WH.date, value)
        replace(g, SENTENCING, WH.sentenceTerm, Literal("P7Y6M", datatype=XSD.duration))
        assert validate_graph(mini_dataset).conforms, value


def test_validation_leaves_the_input_unchanged(mini_dataset: Dataset, mini_trig: Path) -> None:
    before = union_graph(mini_dataset)
    validate_graph(mini_dataset)
    assert isomorphic(union_graph(mini_dataset), before)
    assert len(before) == len(union_graph(read_dataset(mini_trig)))


def test_a_plain_graph_and_a_turtle_round_trip_validate_alike(mini_dataset: Dataset, tmp_path: Path) -> None:
    graph_of(mini_dataset).add((ANNA, RDFS.label, Literal("Anna B.")))
    expected = validate_graph(mini_dataset)
    assert not expected.conforms
    assert validate_graph(union_graph(mini_dataset)) == expected
    write_dataset(mini_dataset, tmp_path / "graph.ttl")
    assert validate_graph(read_dataset(tmp_path / "graph.ttl")) == expected


def test_deterministic(mini_dataset: Dataset) -> None:
    g = graph_of(mini_dataset)
    g.remove((SENTENCING, WH.evidence, None))
    g.add((KARL, RDFS.label, Literal("K. Berg")))
    g.add((COURT, RDFS.label, Literal("the court")))
    first = validate_graph(mini_dataset)
    assert len(first.messages) == 3
    assert first.messages == tuple(sorted(first.messages))
    assert validate_graph(mini_dataset) == first


def test_shapes_and_ontology_are_parsed_once() -> None:
    shapes = validate_module._turtle(validate_module.SHAPES_PATH)
    assert validate_module._turtle(validate_module.SHAPES_PATH) is shapes
    assert validate_module.SHAPES_PATH == Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl"


def test_broken_shapes_file_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "shapes.ttl"
    bad.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y ", encoding="utf-8")
    monkeypatch.setattr(validate_module, "SHAPES_PATH", bad)
    with pytest.raises(InputError) as err:
        validate_graph(Graph())
    assert str(err.value).startswith(f"{bad}: not valid Turtle: ")
    assert "\n" not in str(err.value)
    monkeypatch.setattr(validate_module, "SHAPES_PATH", tmp_path / "missing.ttl")
    with pytest.raises(InputError, match=r"missing.ttl: no such file"):
        validate_graph(Graph())


def test_cli_validate(mini_dataset: Dataset, mini_trig: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", str(mini_trig)])
    assert ok.exit_code == 0
    assert ok.output == f"{mini_trig}: conforms\n"
    graph_of(mini_dataset).remove((SENTENCING, WH.evidence, None))
    broken = write_dataset(mini_dataset, tmp_path / "broken.trig")
    bad = runner.invoke(app, ["validate", str(broken)])
    assert bad.exit_code == 1
    assert bad.output.splitlines() == [
        f"<{SENTENCING}> wh:evidence: no wh:evidence: every event and reified relation needs at least one wh:TextSpan",
        f"{broken}: does not conform",
    ]
