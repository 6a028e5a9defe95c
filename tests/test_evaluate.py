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
    done = subprocess.run([sys.executable, str(REFERENCE), str(graph), str(gold), "--json"],
                          capture_output=True, text=True, check=True)
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


def test_the_sample_scores_what_the_readme_says(example_build, examples_gold):
    [doc] = evaluate_dataset(example_build(SAMPLE).dataset, [load_gold(examples_gold / f"{SAMPLE}.json")]).documents
    assert (doc.actors.gold, doc.actors.predicted, doc.actors.fragmented) == (37, 37, 0)
    assert doc.overall_f1 >= 0.95


# -- several documents in one graph -------------------------------------------------------------

ALPHA = "A. whereas on 3 March 2018 the blogger Tomas Verhoeven was arrested in Rivne;\n"
BETA = "B. whereas the Lviv Regional Court sentenced the lawyer Ilse Brandauer to four years in prison;\n"


def _gold(path: Path, document: str | None, actors: list[dict], events: list[dict]) -> Path:
    data = {"actors": actors, "events": events, "relations": []}
    if document:
        data["document"] = document
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture()
def two_documents(tmp_path, nlp):
    """Two composed documents built together (TriG and Turtle) and a gold file for each."""
    from pipeline.build import build_graph

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ep-2099-alpha.txt").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "docs" / "ep-2099-beta.txt").write_text(BETA, encoding="utf-8")
    built = build_graph([tmp_path / "docs"])
    golds = [
        _gold(tmp_path / "alpha.json", "ep-2099-alpha.txt",
              [{"name": "Tomas Verhoeven", "type": "Person"}, {"name": "Rivne", "type": "Place"}],
              [{"type": "Arrest", "who": ["Tomas Verhoeven"], "date": "2018-03-03", "place": "Rivne"}]),
        _gold(tmp_path / "beta.json", "ep-2099-beta.txt",
              [{"name": "Ilse Brandauer", "type": "Person"}, {"name": "Lviv Regional Court", "type": "Court"},
               {"name": "Nadia Sorensen", "type": "Person"}],
              [{"type": "Sentencing", "who": ["Ilse Brandauer"], "court": "Lviv Regional Court", "term": "P4Y"}]),
    ]
    return {"trig": write_dataset(built.dataset, tmp_path / "corpus.trig"),
            "ttl": write_dataset(built.dataset, tmp_path / "corpus.ttl"), "golds": golds, "tmp": tmp_path}


def test_each_gold_is_scored_against_its_own_document(two_documents):
    result = evaluate(two_documents["trig"], two_documents["golds"])
    alpha, beta = result.documents
    assert (alpha.document, beta.document) == ("ep-2099-alpha", "ep-2099-beta")
    # each document's named graph alone: the other's actors are not spurious here
    assert (alpha.actors.gold, alpha.actors.predicted, alpha.actors.typed, alpha.actors.spurious) == (2, 2, 2, ())
    assert (alpha.events.matched, alpha.events.argument_accuracy, alpha.overall_f1) == (1, 1.0, 1.0)
    assert beta.actors.missing == ("Nadia Sorensen",)
    assert (beta.events.matched, beta.events.argument_errors) == (1, ())
    assert result.overall_f1 == pytest.approx((alpha.overall_f1 + beta.overall_f1) / 2)
    assert result.part_mean("actors").recall == pytest.approx((1.0 + 2 / 3) / 2)
    assert result.part_mean("relations").f1 == 0.0  # no relation anywhere: no document counts
    assert [d.doc_id for d in graph_documents(load_graph(two_documents["trig"]))] == [
        "ep-2099-alpha", "ep-2099-beta"]


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
    result = runner.invoke(app, ["evaluate", str(two_documents["trig"]), *map(str, two_documents["golds"]),
                                 str(other), "--summary"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"whereas: note: {other}: no document ep-2099-gamma.txt in {two_documents['trig']}; skipped\n"
    assert result.stdout.splitlines()[-1].startswith("mean over 2 documents: F1 ")


def test_a_turtle_file_of_several_documents_is_refused(two_documents):
    result = runner.invoke(app, ["evaluate", str(two_documents["ttl"]), *map(str, two_documents["golds"])])
    assert result.exit_code == 1
    assert result.stderr == (f"whereas: error: {two_documents['ttl']}: holds 2 documents without named graphs, so their "
                             "facts cannot be told apart; write the graph as .trig or .nq, or use a store\n")


# -- gold files -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "cause"), [
    ('{"document": "a.txt", "actors": [', "not valid JSON: Expecting value (line 1, column 34)"),
    ('{"actors": [{"name": "Anna Berg", "type": "Judge"}]}',
     "actor 1 (Anna Berg): type 'Judge' is not one of Person, Court, PoliticalParty, MediaOutlet, GovernmentBody, "
     "InternationalOrganisation, NGO, Organisation, Country, Place"),
    ('{"actors": [{"type": "Person"}]}', "actor 1 has no name"),
    ('{"actors": [], "relations": [{"type": "spouseOf", "subject": "A"}]}', "relation 1 (spouseOf of A) has no object"),
])
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
    with pytest.raises(InputError, match="nothing.json: no such file"):
        load_gold(tmp_path / "nothing.json")


def test_a_file_of_another_shape_is_skipped_not_scored(tmp_path, example_build, examples_gold):
    case = tmp_path / "case-timeline.json"
    case.write_text(json.dumps({"case": "x", "documents": {"a": {"file": "a.txt"}}, "actors": [], "events": []}),
                    encoding="utf-8")
    assert load_gold(case) == "a file over several documents, not a per-document gold"
    listing = tmp_path / "list.json"
    listing.write_text("[1, 2]", encoding="utf-8")
    assert load_gold(listing) == 'not a per-document gold (no "actors" list)'
    graph = write_dataset(example_build(SAMPLE).dataset, tmp_path / "graph.ttl")
    result = runner.invoke(app, ["evaluate", str(graph), str(examples_gold / f"{SAMPLE}.json"), str(case)])
    assert result.exit_code == 0 and "overall fact F1 1.000" in result.stdout
    assert f"{case}: a file over several documents, not a per-document gold; skipped" in result.stderr
    alone = runner.invoke(app, ["evaluate", str(graph), str(case)])
    assert alone.exit_code == 1
    assert alone.stderr.splitlines()[-1] == (f"whereas: error: {case}: no per-document gold file to score: "
                                             "a file over several documents, not a per-document gold")


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


def test_text_report_ends_with_the_overall_figure(tmp_path, example_build, examples_gold):
    graph = write_dataset(example_build(SAMPLE).dataset, tmp_path / "graph.ttl")
    result = runner.invoke(app, ["evaluate", str(graph), str(examples_gold / f"{SAMPLE}.json")])
    lines = result.stdout.splitlines()
    assert lines[0] == f"== {SAMPLE} (gold {examples_gold / f'{SAMPLE}.json'})"
    assert lines[1] == "actors    P=1.00 R=1.00 F1=1.00  (gold 37, predicted 37)"
    assert lines[-2] == "events argument accuracy 0.98; fragmented actors 0"
    assert lines[-1] == "overall fact F1 1.000"


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
