"""`whereas query`: SPARQL over a graph file (rdflib) or a store (Oxigraph), answers in every format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import InputError, QueryError, StoreError
from pipeline.rdf.query import declared_prefixes, is_ordered, run_query

EVENTS = """SELECT ?event ?type ?subject ?court ?date WHERE {
  ?event a ?type ; wh:subject ?subject .
  OPTIONAL { ?event wh:court ?court }
  OPTIONAL { ?event wh:date ?date }
}"""
ID = "https://w3id.org/whereas/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"

EVENTS_TABLE = """\
event                                                    type               subject               court                          date
───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
id:event/ep-2099-ruritania/releasedemand-anna-berg-175   wh:ReleaseDemand   id:person/anna-berg
id:event/ep-2099-ruritania/sentencing-anna-berg-11       wh:Sentencing      id:person/anna-berg   id:court/strelsau-city-court   2098-05-03
2 rows
"""
EVENTS_CSV = (
    "event,type,subject,court,date\r\n"
    f"{ID}event/ep-2099-ruritania/releasedemand-anna-berg-175,https://w3id.org/whereas/ontology#ReleaseDemand,"
    f"{ID}person/anna-berg,,\r\n"
    f"{ID}event/ep-2099-ruritania/sentencing-anna-berg-11,https://w3id.org/whereas/ontology#Sentencing,"
    f"{ID}person/anna-berg,{ID}court/strelsau-city-court,2098-05-03\r\n"
)
EVENTS_TSV = (
    "?event\t?type\t?subject\t?court\t?date\n"
    f"<{ID}event/ep-2099-ruritania/releasedemand-anna-berg-175>\t<https://w3id.org/whereas/ontology#ReleaseDemand>\t"
    f"<{ID}person/anna-berg>\t\t\n"
    f"<{ID}event/ep-2099-ruritania/sentencing-anna-berg-11>\t<https://w3id.org/whereas/ontology#Sentencing>\t"
    f'<{ID}person/anna-berg>\t<{ID}court/strelsau-city-court>\t"2098-05-03"^^<{XSD}date>\n'
)
EVENTS_JSON = {
    "head": {"vars": ["event", "type", "subject", "court", "date"]},
    "results": {
        "bindings": [
            {
                "event": {"type": "uri", "value": f"{ID}event/ep-2099-ruritania/releasedemand-anna-berg-175"},
                "type": {"type": "uri", "value": "https://w3id.org/whereas/ontology#ReleaseDemand"},
                "subject": {"type": "uri", "value": f"{ID}person/anna-berg"},
            },
            {
                "event": {"type": "uri", "value": f"{ID}event/ep-2099-ruritania/sentencing-anna-berg-11"},
                "type": {"type": "uri", "value": "https://w3id.org/whereas/ontology#Sentencing"},
                "subject": {"type": "uri", "value": f"{ID}person/anna-berg"},
                "court": {"type": "uri", "value": f"{ID}court/strelsau-city-court"},
                "date": {"type": "literal", "value": "2098-05-03", "datatype": f"{XSD}date"},
            },
        ]
    },
}
SPOUSES = "CONSTRUCT { ?a wh:spouseOf ?b . ?a rdfs:label ?n } WHERE { ?a wh:spouseOf ?b ; rdfs:label ?n }"
SPOUSES_TURTLE = f"""\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix wh: <https://w3id.org/whereas/ontology#> .

<{ID}person/anna-berg> rdfs:label "Anna Berg" ;
    wh:spouseOf <{ID}person/karl-berg> .
"""
SPOUSES_NT = (
    f'<{ID}person/anna-berg> <http://www.w3.org/2000/01/rdf-schema#label> "Anna Berg" .\n'
    f"<{ID}person/anna-berg> <https://w3id.org/whereas/ontology#spouseOf> <{ID}person/karl-berg> .\n"
)


@pytest.fixture(params=["file", "store"])
def target(request: pytest.FixtureRequest, mini_trig: Path, tmp_path: Path) -> Path:
    """The mini graph as a TriG file and as a store: every answer must be the same on both."""
    if request.param == "file":
        return mini_trig
    return request.getfixturevalue("mini_store_path")


@pytest.mark.parametrize(("fmt", "expected"), [("table", EVENTS_TABLE), ("csv", EVENTS_CSV), ("tsv", EVENTS_TSV)])
def test_select_in_text_formats(target: Path, fmt: str, expected: str) -> None:
    assert run_query(target, EVENTS, fmt) == expected


def test_select_as_sparql_results_json(target: Path) -> None:
    assert json.loads(run_query(target, EVENTS, "json")) == EVENTS_JSON


def test_ask(target: Path) -> None:
    assert run_query(target, "ASK { ?a wh:spouseOf ?b }", "table") == "true\n"
    assert run_query(target, "ASK { ?a wh:leaderOf ?b }", "table") == "false\n"
    assert json.loads(run_query(target, "ASK { ?a wh:spouseOf ?b }", "json")) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("fmt", "expected"), [("table", SPOUSES_TURTLE), ("turtle", SPOUSES_TURTLE), ("nt", SPOUSES_NT)]
)
def test_construct(target: Path, fmt: str, expected: str) -> None:
    assert run_query(target, SPOUSES, fmt) == expected


def test_construct_as_json_ld(target: Path) -> None:
    assert json.loads(run_query(target, SPOUSES, "jsonld")) == [
        {
            "@id": f"{ID}person/anna-berg",
            "http://www.w3.org/2000/01/rdf-schema#label": [{"@value": "Anna Berg"}],
            "https://w3id.org/whereas/ontology#spouseOf": [{"@id": f"{ID}person/karl-berg"}],
        }
    ]


def test_describe(target: Path) -> None:
    out = run_query(target, f"DESCRIBE <{ID}court/strelsau-city-court>", "nt")
    assert out == (
        f"<{ID}court/strelsau-city-court> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/whereas/ontology#Court> .\n"
        f"<{ID}court/strelsau-city-court> <http://www.w3.org/2000/01/rdf-schema#label> "
        '"Strelsau City Court" .\n'
    )


def test_a_query_file_and_its_own_prefixes(target: Path, tmp_path: Path) -> None:
    rq = tmp_path / "sentenced.rq"
    rq.write_text(
        "# Who was sentenced by which court?\n"
        "PREFIX court: <https://w3id.org/whereas/id/court/>\n"
        "SELECT ?who ?court WHERE { ?e a wh:Sentencing ; wh:subject/rdfs:label ?who ; wh:court ?court }\n"
    )
    assert run_query(target, str(rq), "table") == (
        "who         court\n─────────────────────────────────────\nAnna Berg   court:strelsau-city-court\n1 row\n"
    )


def test_a_declared_prefix_overrides_a_predeclared_one(target: Path) -> None:
    out = run_query(target, "PREFIX wh: <https://example.org/> ASK { ?x a wh:Person }", "table")
    assert out == "false\n"


def test_order_by_is_kept_and_unordered_rows_are_sorted(target: Path) -> None:
    desc = run_query(target, "SELECT ?n WHERE { ?p a wh:Person ; rdfs:label ?n } ORDER BY DESC(?n)", "csv")
    assert desc == "n\r\nKarl Berg\r\nAnna Berg\r\n"
    unordered = run_query(target, "SELECT ?n WHERE { ?p a wh:Person ; rdfs:label ?n }", "csv")
    assert unordered == "n\r\nAnna Berg\r\nKarl Berg\r\n"


def test_the_answer_is_the_same_in_every_process(mini_trig: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from pipeline.rdf.query import run_query; "
        f"sys.stdout.write(run_query(Path({str(mini_trig)!r}), 'SELECT ?s ?p ?o {{ ?s ?p ?o }}', 'tsv'))"
    )
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(
            subprocess.run(
                [sys.executable, "-W", "ignore", "-c", code], env=env, check=True, capture_output=True, text=True
            ).stdout
        )
    assert len(outs) == 1
    assert len(next(iter(outs)).splitlines()) == 74  # header + 73 triples


@pytest.mark.parametrize("query", ["SELECT ?x WHERE { ?x a }", "SELEKT * { ?s ?p ?o }"])
def test_a_malformed_query_is_a_one_line_error(target: Path, query: str) -> None:
    with pytest.raises(QueryError) as err:
        run_query(target, query, "table")
    assert str(err.value).startswith("query: SPARQL syntax error: ")
    assert "\n" not in str(err.value)


def test_a_malformed_query_file_is_named(target: Path, tmp_path: Path) -> None:
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?x WHERE {")
    with pytest.raises(QueryError, match=f"^{rq}: SPARQL syntax error: "):
        run_query(target, str(rq), "table")


def test_format_errors(target: Path) -> None:
    with pytest.raises(QueryError) as err:
        run_query(target, EVENTS, "xml")
    assert str(err.value) == "unknown output format 'xml'; use one of table, csv, tsv, json, turtle, nt, jsonld"
    with pytest.raises(
        QueryError, match=r"^query: a SELECT query gives results: use --format table, csv, tsv or json$"
    ):
        run_query(target, EVENTS, "turtle")
    with pytest.raises(
        QueryError, match=r"^query: a CONSTRUCT query gives a graph: use --format turtle, nt or jsonld$"
    ):
        run_query(target, SPOUSES, "csv")


def test_missing_inputs(tmp_path: Path, mini_trig: Path) -> None:
    with pytest.raises(QueryError, match=r"^nothing.rq: no such query file$"):
        run_query(mini_trig, "nothing.rq", "table")
    with pytest.raises(QueryError, match=r"^query: empty query$"):
        run_query(mini_trig, "  ", "table")
    with pytest.raises(InputError, match=r"no such graph file or store folder$"):
        run_query(tmp_path / "graph.ttl", "ASK {}", "table")
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError, match="no store here"):
        run_query(tmp_path / "empty", "ASK {}", "table")


def test_a_store_held_by_a_writer_can_still_be_queried(mini_store_path: Path) -> None:
    from pipeline.rdf.store import Store

    with Store.open(mini_store_path):
        assert run_query(mini_store_path, "ASK { ?a wh:spouseOf ?b }", "table") == "true\n"


def test_the_cli_verb(mini_trig: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["query", str(mini_trig), "SELECT ?n { ?p a wh:Person ; rdfs:label ?n }", "-f", "tsv"])
    assert ok.exit_code == 0
    assert ok.output == '?n\n"Anna Berg"\n"Karl Berg"\n'
    bad = runner.invoke(app, ["query", str(mini_trig), "SELECT ?n {"])
    assert bad.exit_code == 1
    assert bad.output.startswith("whereas: error: query: SPARQL syntax error: ")
    assert bad.output.count("\n") == 1


def test_prologue_helpers() -> None:
    assert declared_prefixes("PREFIX : <https://e.org/>\nBASE <https://b/>\n# x\nPREFIX a: <https://a/> SELECT") == {
        "": "https://e.org/",
        "a": "https://a/",
    }
    assert declared_prefixes("SELECT * { } # PREFIX x: <https://x/>") == {}
    assert is_ordered("SELECT * { ?s ?p ?o } order  by ?s")
    assert not is_ordered('SELECT * { ?s ?p "ORDER BY" } # ORDER BY')
