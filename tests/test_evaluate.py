"""`whereas evaluate`: the reference scorer's figures, pairing gold files with documents, the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import InputError
from pipeline.evaluate import Gold, evaluate, evaluate_dataset, graph_documents, load_gold, load_graph
from pipeline.rdf.export import write_dataset
from pipeline.rdf.store import Store

REFERENCE = Path(__file__).resolve().parent / "data" / "eval" / "score.py"
SAMPLE = "ep-2013-kazakhstan"
runner = CliRunner()


def _reference(graph: Path, gold: Path) -> dict:
    """The reference scorer's JSON report of ``graph`` against ``gold``."""
    done = subprocess.run(
        [sys.executable, str(REFERENCE), str(graph), str(gold), "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def _assert_same_figures(ours: dict, ref: dict) -> None:
    """Every field of the reference report, equal in ours (lists as multisets: their order is no figure)."""
    assert ours["overall_f1"] == pytest.approx(ref["overall_f1"], abs=1e-9)
    for part in ("actors", "events", "relations"):
        assert set(ours[part]) == set(ref[part]), part
        for key, want in ref[part].items():
            got = ours[part][key]
            if isinstance(want, list):
                assert sorted(got) == sorted(want), f"{part}.{key}"
            else:
                assert got == pytest.approx(want, abs=1e-9), f"{part}.{key}"


@pytest.mark.parametrize("name", [SAMPLE, "dev-biography-tajikistan", "dev-hrw-dispatch-venezuela"])
def test_the_figures_are_the_reference_scorers(name, example_build, examples_gold, tmp_path):
    graph = write_dataset(example_build(name).dataset, tmp_path / f"{name}.ttl")
    gold = examples_gold / f"{name}.json"
    ref = _reference(graph, gold)
    [ours] = evaluate(graph, [gold]).documents
    _assert_same_figures(ours.to_dict(), ref)
    assert ours.document == name and ours.gold_path == str(gold)


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_every_format_whereas_writes_gives_the_same_report(suffix, example_build, examples_gold, tmp_path):
    gold = examples_gold / f"{SAMPLE}.json"
    ds = example_build(SAMPLE).dataset
    [in_memory] = evaluate_dataset(ds, [load_gold(gold)]).documents
    [from_file] = evaluate(write_dataset(ds, tmp_path / f"graph{suffix}"), [gold]).documents
    assert from_file.to_dict() == in_memory.to_dict()


# -- several documents in one graph -------------------------------------------------------------

# Two documents' graphs in the shape `whereas build` gives them (hand-written: no extraction involved).
TWO_DOCUMENTS = """
@prefix wh: <https://w3id.org/whereas/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix doc: <https://w3id.org/whereas/id/document/> .
@prefix person: <https://w3id.org/whereas/id/person/> .
@prefix place: <https://w3id.org/whereas/id/place/> .
@prefix court: <https://w3id.org/whereas/id/court/> .

doc:ep-2099-alpha {
    doc:ep-2099-alpha a wh:Document ; dcterms:identifier "ep-2099-alpha" ; dcterms:source "corpus/ep-2099-alpha.txt" .
    person:tomas-verhoeven a wh:Person ; rdfs:label "Tomas Verhoeven" .
    place:rivne a wh:Place ; rdfs:label "Rivne" .
    <https://w3id.org/whereas/id/event/ep-2099-alpha/arrest> a wh:Arrest ; wh:subject person:tomas-verhoeven ;
        wh:place place:rivne ; wh:date "2018-03-03"^^xsd:date .
}

doc:ep-2099-beta {
    doc:ep-2099-beta a wh:Document ; dcterms:identifier "ep-2099-beta" ; dcterms:source "corpus/ep-2099-beta.txt" .
    person:tomas-verhoeven a wh:Person ; rdfs:label "Tomas Verhoeven" ; skos:altLabel "Verhoeven" .
    person:ilse-brandauer a wh:Person ; rdfs:label "Ilse Brandauer" .
    court:lviv-regional-court a wh:Court ; rdfs:label "Lviv Regional Court" .
    <https://w3id.org/whereas/id/event/ep-2099-beta/sentencing> a wh:Sentencing ; wh:subject person:ilse-brandauer ;
        wh:court court:lviv-regional-court ; wh:sentenceTerm "P3Y"^^xsd:duration .
}
"""


def _gold(path: Path, document: str | None, actors: list[dict], events: list[dict]) -> Path:
    data = {"actors": actors, "events": events, "relations": []}
    if document:
        data["document"] = document
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture()
def two_documents(tmp_path):
    """A graph of two documents (TriG, and the same as Turtle) and a gold file for each."""
    from pipeline.rdf.export import read_dataset

    (tmp_path / "corpus.trig").write_text(TWO_DOCUMENTS, encoding="utf-8")
    ds = read_dataset(tmp_path / "corpus.trig")
    golds = [
        _gold(
            tmp_path / "alpha.json",
            "ep-2099-alpha.txt",
            [{"name": "Tomas Verhoeven", "type": "Person"}, {"name": "Rivne", "type": "Place"}],
            [{"type": "Arrest", "who": ["Tomas Verhoeven"], "date": "2018-03-03", "place": "Rivne"}],
        ),
        _gold(
            tmp_path / "beta.json",
            "ep-2099-beta.txt",
            [
                {"name": "Ilse Brandauer", "type": "Person"},
                {"name": "Lviv Regional Court", "type": "Court"},
                {"name": "Nadia Sorensen", "type": "Person"},
            ],
            [{"type": "Sentencing", "who": ["Ilse Brandauer"], "court": "Lviv Regional Court", "term": "P4Y"}],
        ),
    ]
    return {
        "trig": tmp_path / "corpus.trig",
        "ttl": write_dataset(ds, tmp_path / "corpus.ttl"),
        "golds": golds,
        "tmp": tmp_path,
    }


def test_each_gold_is_scored_against_its_own_document(two_documents):
    result = evaluate(two_documents["trig"], two_documents["golds"])
    alpha, beta = result.documents
    assert (alpha.document, beta.document) == ("ep-2099-alpha", "ep-2099-beta")
    # each document's named graph alone: the other's actors are not spurious here
    assert (alpha.actors.gold, alpha.actors.predicted, alpha.actors.typed, alpha.actors.spurious) == (2, 2, 2, ())
    assert (alpha.events.matched, alpha.events.argument_accuracy, alpha.overall_f1) == (1, 1.0, 1.0)
    assert beta.actors.missing == ("Nadia Sorensen",) and beta.actors.spurious == ("tomas verhoeven",)
    assert (beta.actors.precision, beta.actors.recall) == (2 / 3, 2 / 3)
    assert (beta.events.matched, beta.events.argument_errors, beta.events.argument_accuracy) == (
        1,
        ("Sentencing(Ilse Brandauer): wrong term",),
        0.5,
    )
    assert beta.overall_f1 == pytest.approx(2 * (3 / 4) * (3 / 4) / (3 / 4 + 3 / 4))
    assert result.overall_f1 == pytest.approx((alpha.overall_f1 + beta.overall_f1) / 2)
    assert result.part_mean("actors").recall == pytest.approx((1.0 + 2 / 3) / 2)
    assert result.part_mean("relations").f1 == 0.0  # no relation anywhere: no document counts
    assert [d.doc_id for d in graph_documents(load_graph(two_documents["trig"]))] == ["ep-2099-alpha", "ep-2099-beta"]


def test_a_gold_names_its_document_by_file_name_or_by_its_own_name(two_documents):
    tmp = two_documents["tmp"]
    data = json.loads(two_documents["golds"][0].read_text(encoding="utf-8"))
    del data["document"]
    renamed = tmp / "ep-2099-alpha.json"
    renamed.write_text(json.dumps(data), encoding="utf-8")
    [doc] = evaluate(two_documents["trig"], [renamed, tmp / "beta.json"]).documents[:1]
    assert doc.document == "ep-2099-alpha" and doc.overall_f1 == 1.0


def test_a_gold_whose_document_is_not_in_the_graph_is_skipped_with_a_note(two_documents):
    other = _gold(two_documents["tmp"] / "gamma.json", "ep-2099-gamma.txt", [], [])
    result = runner.invoke(
        app, ["evaluate", str(two_documents["trig"]), *map(str, two_documents["golds"]), str(other), "--summary"]
    )
    assert result.exit_code == 0, result.output
    assert (
        result.stderr == f"whereas: note: {other}: no document ep-2099-gamma.txt in {two_documents['trig']}; skipped\n"
    )
    assert result.stdout.splitlines()[-1].startswith("mean over 2 documents: F1 ")


def test_a_turtle_file_of_several_documents_is_refused(two_documents):
    result = runner.invoke(app, ["evaluate", str(two_documents["ttl"]), *map(str, two_documents["golds"])])
    assert result.exit_code == 1
    assert result.stderr == (
        f"whereas: error: {two_documents['ttl']}: holds 2 documents without named graphs, so their "
        "facts cannot be told apart; write the graph as .trig or .nq, or use a store\n"
    )


# -- gold files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ('{"document": "a.txt", "actors": [', "not valid JSON: Expecting value (line 1, column 34)"),
        (
            '{"actors": [{"name": "Anna Berg", "type": "Judge"}]}',
            "actor 1 (Anna Berg): type 'Judge' is not one of Person, Court, PoliticalParty, MediaOutlet, GovernmentBody, "
            "InternationalOrganisation, NGO, Organisation, Country, Place",
        ),
        ('{"actors": [{"type": "Person"}]}', "actor 1 has no name"),
        (
            '{"actors": [], "relations": [{"type": "spouseOf", "subject": "A"}]}',
            "relation 1 (spouseOf of A) has no object",
        ),
    ],
)
def test_a_gold_file_that_cannot_be_read_is_one_line_naming_it(text, cause, tmp_path, example_build):
    graph = write_dataset(example_build(SAMPLE).dataset, tmp_path / "graph.ttl")
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(graph), str(bad)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"whereas: error: {bad}: {cause}\n"


def test_a_missing_graph_or_gold_is_one_line_naming_it(tmp_path, examples_gold):
    result = runner.invoke(app, ["evaluate", str(tmp_path / "none.ttl"), str(examples_gold / f"{SAMPLE}.json")])
    assert result.exit_code == 1 and result.stderr == f"whereas: error: {tmp_path / 'none.ttl'}: no such file\n"
    with pytest.raises(InputError, match=r"nothing.json: no such file"):
        load_gold(tmp_path / "nothing.json")


def test_a_file_of_another_shape_is_skipped_not_scored(tmp_path, example_build, examples_gold):
    case = tmp_path / "case-timeline.json"
    case.write_text(
        json.dumps({"case": "x", "documents": {"a": {"file": "a.txt"}}, "actors": [], "events": []}), encoding="utf-8"
    )
    assert load_gold(case) == "a file over several documents, not a per-document gold"
    listing = tmp_path / "list.json"
    listing.write_text("[1, 2]", encoding="utf-8")
    assert load_gold(listing) == 'not a per-document gold (no "actors" list)'
    graph = write_dataset(example_build(SAMPLE).dataset, tmp_path / "graph.ttl")
    result = runner.invoke(app, ["evaluate", str(graph), str(examples_gold / f"{SAMPLE}.json"), str(case)])
    assert result.exit_code == 0 and result.stdout.splitlines()[-1].startswith("overall fact F1 ")
    assert f"{case}: a file over several documents, not a per-document gold; skipped" in result.stderr
    alone = runner.invoke(app, ["evaluate", str(graph), str(case)])
    assert alone.exit_code == 1
    assert alone.stderr.splitlines()[-1] == (
        f"whereas: error: {case}: no per-document gold file to score: "
        "a file over several documents, not a per-document gold"
    )


# -- the command line ---------------------------------------------------------------------------


def test_json_report_is_the_librarys(tmp_path, example_build, examples_gold):
    graph = write_dataset(example_build(SAMPLE).dataset, tmp_path / "graph.ttl")
    gold = examples_gold / f"{SAMPLE}.json"
    result = runner.invoke(app, ["evaluate", str(graph), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report == json.loads(json.dumps(evaluate(graph, [gold]).to_dict()))
    [doc] = report["documents"]
    _assert_same_figures(doc, _reference(graph, gold))
    assert report["mean"]["documents"] == 1 and report["mean"]["overall_f1"] == doc["overall_f1"]
    assert report["skipped"] == []


def test_text_report_gives_the_figures_the_misses_and_ends_with_the_overall_figure(
    tmp_path, example_build, examples_gold
):
    graph = write_dataset(example_build(SAMPLE).dataset, tmp_path / "graph.ttl")
    gold = examples_gold / f"{SAMPLE}.json"
    data = json.loads(gold.read_text(encoding="utf-8"))
    data["actors"].append({"name": "Invented Person", "type": "Person"})
    data["events"].append({"type": "Killing", "who": ["Invented Person"], "date": "2013-01-01"})
    changed = tmp_path / "gold.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    [doc] = evaluate(graph, [changed]).documents
    result = runner.invoke(app, ["evaluate", str(graph), str(changed)])
    lines = result.stdout.splitlines()
    assert lines[0] == f"== {SAMPLE} (gold {changed})"
    a = doc.actors
    assert (
        lines[1] == f"actors    P={a.precision:.2f} R={a.recall:.2f} F1={a.f1:.2f}  (gold 38, predicted {a.predicted})"
    )
    assert lines[2].startswith("  missing: ") and lines[2].endswith("Invented Person")
    assert "  missed: Killing(Invented Person 2013-01-01)" in lines
    assert lines[-2] == (
        f"events argument accuracy {doc.events.argument_accuracy:.2f}; fragmented actors {a.fragmented}"
    )
    assert lines[-1] == f"overall fact F1 {doc.overall_f1:.3f}"


def test_min_f1_gives_a_non_zero_exit_under_it(tmp_path, example_build, examples_gold):
    graph = write_dataset(example_build(SAMPLE).dataset, tmp_path / "graph.ttl")
    gold = examples_gold / f"{SAMPLE}.json"
    assert runner.invoke(app, ["evaluate", str(graph), str(gold), "--min-f1", "0.95"]).exit_code == 0
    data = json.loads(gold.read_text(encoding="utf-8"))
    data["actors"] += [{"name": f"Invented Person {i}", "type": "Person"} for i in range(40)]
    harder = tmp_path / "harder.json"
    harder.write_text(json.dumps(data), encoding="utf-8")
    [doc] = evaluate(graph, [harder]).documents
    assert doc.actors.missing[-1] == "Invented Person 39" and doc.overall_f1 < 0.95
    under = runner.invoke(app, ["evaluate", str(graph), str(harder), "--min-f1", "0.95"])
    assert under.exit_code == 1 and under.stdout.splitlines()[-1] == f"overall fact F1 {doc.overall_f1:.3f}"
    assert under.stderr == f"whereas: overall fact F1 {doc.overall_f1:.3f} is under --min-f1 0.95\n"
    assert runner.invoke(app, ["evaluate", str(graph), str(harder), "--min-f1", "0.5"]).exit_code == 0


def test_a_store_folder_is_scored_like_the_file(tmp_path, example_build, examples_gold):
    ds = example_build(SAMPLE).dataset
    with Store.open(tmp_path / "store") as st:
        st.load_documents(ds)
    gold = examples_gold / f"{SAMPLE}.json"
    result = runner.invoke(app, ["evaluate", str(tmp_path / "store"), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.stdout)["documents"]
    _assert_same_figures(doc, _reference(write_dataset(ds, tmp_path / "graph.trig"), gold))
    missing = runner.invoke(app, ["evaluate", str(tmp_path / "nostore"), str(gold)])
    assert missing.exit_code == 1 and str(tmp_path / "nostore") in missing.stderr


def test_gold_document_property():
    assert Gold("g.json", {"document": "a.txt", "actors": []}).document == "a.txt"
    assert Gold("g.json", {"actors": []}).document is None
