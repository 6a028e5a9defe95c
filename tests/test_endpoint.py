"""The SPARQL 1.1 endpoint, queried over HTTP by a real client (SPARQLWrapper) on a local port."""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic
from SPARQLWrapper import CSV, GET, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, QueryBadFormed

from pipeline.errors import StoreError, WhereasError
from pipeline.rdf.endpoint import saved_queries, serve
from pipeline.rdf.store import Store

ID = "https://w3id.org/whereas/id/"
WH = "https://w3id.org/whereas/ontology#"
PEOPLE = "SELECT ?p ?name WHERE { ?p a wh:Person ; rdfs:label ?name } ORDER BY ?name"
SPOUSES = "CONSTRUCT { ?a wh:spouseOf ?b } WHERE { ?a wh:spouseOf ?b }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def _client(base: str, query: str, fmt: str, method: str = GET) -> SPARQLWrapper:
    client = SPARQLWrapper(base + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method == POSTDIRECTLY:
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY)
    else:
        client.setMethod(method)
    return client


def _http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read().decode("utf-8")


@pytest.fixture()
def endpoint(sparql_server, mini_store_path: Path) -> str:
    base, _ = sparql_server(mini_store_path, timeout=20.0)
    return base


@pytest.mark.parametrize("method", [GET, POST, POSTDIRECTLY])
def test_select_as_json(endpoint: str, method: str) -> None:
    result = _client(endpoint, PEOPLE, JSON, method).query()
    assert result.response.headers["Content-Type"] == "application/sparql-results+json; charset=utf-8"
    doc = result.convert()
    assert doc["head"]["vars"] == ["p", "name"]
    assert [(b["p"]["value"], b["name"]["value"]) for b in doc["results"]["bindings"]] == [
        (ID + "person/anna-berg", "Anna Berg"),
        (ID + "person/karl-berg", "Karl Berg"),
    ]


@pytest.mark.parametrize("method", [GET, POST])
def test_select_as_xml(endpoint: str, method: str) -> None:
    dom = _client(endpoint, PEOPLE, XML, method).query().convert()
    names = [n.firstChild.data for n in dom.getElementsByTagName("literal")]
    assert names == ["Anna Berg", "Karl Berg"]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (CSV, f"p,name\r\n{ID}person/anna-berg,Anna Berg\r\n{ID}person/karl-berg,Karl Berg\r\n"),
        (TSV, f'?p\t?name\n<{ID}person/anna-berg>\t"Anna Berg"\n<{ID}person/karl-berg>\t"Karl Berg"\n'),
    ],
)
def test_select_as_csv_and_tsv(endpoint: str, fmt: str, expected: str) -> None:
    assert _client(endpoint, PEOPLE, fmt, POST).query().convert().decode("utf-8") == expected


@pytest.mark.parametrize("method", [GET, POST])
def test_ask(endpoint: str, method: str) -> None:
    assert _client(endpoint, "ASK { ?a wh:spouseOf ?b }", JSON, method).query().convert() == {
        "head": {},
        "boolean": True,
    }
    dom = _client(endpoint, "ASK { ?a wh:leaderOf ?b }", XML, method).query().convert()
    assert dom.getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize(
    ("fmt", "rdf_format", "media_type"),
    [
        (TURTLE, "turtle", "text/turtle"),
        (JSONLD, "json-ld", "application/ld+json"),
    ],
)
@pytest.mark.parametrize("method", [GET, POST])
def test_construct(endpoint: str, fmt: str, rdf_format: str, media_type: str, method: str) -> None:
    result = _client(endpoint, SPOUSES, fmt, method).query()
    assert result.response.headers["Content-Type"].split(";")[0] == media_type
    body = result.response.read()
    got = Graph().parse(data=body, format=rdf_format)
    expected = Graph()
    expected.add((URIRef(ID + "person/anna-berg"), URIRef(WH + "spouseOf"), URIRef(ID + "person/karl-berg")))
    assert isomorphic(got, expected), graph_diff(got, expected)


def test_construct_as_n_triples(endpoint: str) -> None:
    status, media_type, body = _http(
        endpoint + "/sparql?query=" + quote(SPOUSES), headers={"Accept": "application/n-triples"}
    )
    assert (status, media_type) == (200, "application/n-triples")
    assert body == f"<{ID}person/anna-berg> <{WH}spouseOf> <{ID}person/karl-berg> .\n"


def test_describe(endpoint: str) -> None:
    client = _client(endpoint, f"DESCRIBE <{ID}court/strelsau-city-court>", TURTLE)
    got = Graph().parse(data=client.query().response.read(), format="turtle")
    assert set(got.objects(URIRef(ID + "court/strelsau-city-court"), None)) == {
        URIRef(WH + "Court"),
        Literal("Strelsau City Court"),
    }


def test_content_negotiation(endpoint: str) -> None:
    url = endpoint + "/sparql?query=" + quote(PEOPLE)
    assert _http(url)[1] == "application/sparql-results+json; charset=utf-8"  # no Accept: the default
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert _http(url, headers={"Accept": browser})[1] == "application/sparql-results+json; charset=utf-8"
    status, _, body = _http(url, headers={"Accept": "text/html"})
    assert status == 406
    assert body.startswith("acceptable answers: application/sparql-results+json")
    status, _, body = _http(url, headers={"Accept": "text/turtle"})  # a graph type for a SELECT
    assert status == 406
    assert body.startswith("a SELECT/ASK query answers with results")
    status, _, _ = _http(endpoint + "/sparql?query=" + quote(SPOUSES), headers={"Accept": "text/csv"})
    assert status == 406


def test_a_malformed_query_is_400(endpoint: str) -> None:
    with pytest.raises(QueryBadFormed):
        _client(endpoint, "SELECT ?x WHERE { ?x a }", JSON).query()
    status, media_type, body = _http(endpoint + "/sparql?query=" + quote("SELECT ?x WHERE { ?x a }"))
    assert (status, media_type) == (400, "text/plain; charset=utf-8")
    assert body == "SPARQL syntax error: line 1, column 25, near “}”: expected FILTER, SELECT, VALUES or a term\n"


def test_protocol_errors(endpoint: str) -> None:
    assert _http(endpoint + "/sparql")[0] == 400  # neither query nor update
    form = urlencode({"query": "ASK {}", "update": "CLEAR ALL"}).encode()
    assert _http(endpoint + "/sparql", form)[0] == 400  # both
    status, _, body = _http(endpoint + "/sparql", b"ASK {}", {"Content-Type": "text/plain"})
    assert status == 415
    assert body.startswith("unsupported content type text/plain")
    assert _http(endpoint + "/sparql?update=" + quote("CLEAR ALL"))[0] == 405


def test_default_and_named_graph_parameters(endpoint: str) -> None:
    doc = ID + "document/ep-2099-ruritania"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union = json.loads(_http(endpoint + "/sparql?" + urlencode({"query": count}))[2])
    assert union["results"]["bindings"][0]["n"]["value"] == "73"
    one = json.loads(_http(endpoint + "/sparql?" + urlencode({"query": count, "default-graph-uri": doc}))[2])
    assert one["results"]["bindings"][0]["n"]["value"] == "73"
    none = json.loads(
        _http(endpoint + "/sparql?" + urlencode({"query": count, "default-graph-uri": "https://example.org/empty"}))[2]
    )
    assert none["results"]["bindings"][0]["n"]["value"] == "0"
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    named = json.loads(
        _http(endpoint + "/sparql?" + urlencode([("query", graphs), ("named-graph-uri", "https://example.org/other")]))[
            2
        ]
    )
    assert named["results"]["bindings"] == []


def test_update_is_refused_by_default(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint + "/sparql")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> a wh:Person } }")
    with pytest.raises(urllib.error.HTTPError) as err:
        client.query()
    assert err.value.code == 403
    assert err.value.read().decode() == "updates are disabled on this endpoint (start it with --allow-update)\n"
    status, _, _ = _http(endpoint + "/sparql", b"CLEAR ALL", {"Content-Type": "application/sparql-update"})
    assert status == 403
    ask = "ASK { <https://example.org/a> a wh:Person }"
    assert _client(endpoint, ask, JSON).query().convert()["boolean"] is False


def test_update_when_allowed(sparql_server, mini_store_path: Path) -> None:
    base, _ = sparql_server(mini_store_path, allow_update=True)
    ask = "ASK { <https://example.org/a> a wh:Person }"
    assert _client(base, ask, JSON).query().convert()["boolean"] is False  # the worker's snapshot before
    client = SPARQLWrapper(base + "/sparql")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> a wh:Person } }")
    assert client.query().response.status == 204
    assert _client(base, ask, JSON).query().convert()["boolean"] is True  # ... and after
    status, _, _ = _http(
        base + "/sparql", b"DROP GRAPH <https://example.org/g>", {"Content-Type": "application/sparql-update"}
    )
    assert status == 204
    assert _client(base, ask, JSON).query().convert()["boolean"] is False
    status, _, body = _http(base + "/sparql", b"INSERT DATA {", {"Content-Type": "application/sparql-update"})
    assert status == 400 and body.startswith("SPARQL syntax error")
    # a web page of another site cannot change the store through the user's browser
    status, _, body = _http(
        base + "/sparql", urlencode({"update": "CLEAR ALL"}).encode(), {"Origin": "https://evil.example"}
    )
    assert (status, body) == (403, "an update from another web origin is refused\n")
    assert _client(base, "ASK { ?a wh:spouseOf ?b }", JSON).query().convert()["boolean"] is True


def test_a_query_past_its_timeout_is_stopped(sparql_server, mini_store_path: Path) -> None:
    base, engine = sparql_server(mini_store_path, timeout=0.5, workers=1)
    before = engine.worker_pids()
    assert len(before) == 1
    status, _, body = _http(base + "/sparql?query=" + quote(SLOW))
    assert (status, body) == (503, "query stopped: it ran past the time limit of 0.5 s\n")
    assert _gone(before[0])  # the worker running it is gone, not left spinning
    # a fresh worker takes its place and answers the next query
    for _ in range(300):
        if engine.worker_pids() and engine.worker_pids() != before:
            break
        time.sleep(0.1)
    assert len(engine.worker_pids()) == 1
    engine.timeout = 30.0  # the fresh worker may still be starting
    assert _client(base, "ASK { ?a wh:spouseOf ?b }", JSON).query().convert()["boolean"] is True


def _gone(pid: int) -> bool:
    """Whether a process has ended and been reaped (waited for up to 30 s: reaping is in the background)."""
    for _ in range(300):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_the_result_size_is_bounded(sparql_server, mini_store_path: Path) -> None:
    base, _ = sparql_server(mini_store_path, max_results=10)
    with pytest.raises(EndPointInternalError, match="more than 10 rows"):
        _client(base, "SELECT * WHERE { ?s ?p ?o }", JSON).query()
    with pytest.raises(EndPointInternalError, match="more than 10 triples"):
        _client(base, "CONSTRUCT WHERE { ?s ?p ?o }", TURTLE).query()
    rows = _client(base, "SELECT * WHERE { ?s ?p ?o } LIMIT 10", JSON).query().convert()
    assert len(rows["results"]["bindings"]) == 10


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.code: list[str] = []
        self._in_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.urls += [value or "" for name, value in attrs if name in ("src", "href", "action", "data", "srcset")]
        self._in_data = tag == "script" and ("type", "application/json") in attrs

    def handle_endtag(self, tag: str) -> None:
        self._in_data = False

    def handle_data(self, data: str) -> None:
        if not self._in_data:
            self.code.append(data)


def test_the_query_page(sparql_server, mini_store_path: Path, tmp_path: Path) -> None:
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "people.rq").write_text("# Who are the people?\nSELECT ?p WHERE { ?p a wh:Person }\n")
    (queries / "bans.rq").write_text("SELECT ?b WHERE { ?b a wh:Ban }\n")
    base, _ = sparql_server(mini_store_path, queries_dir=queries)
    status, media_type, page = _http(base + "/")
    assert (status, media_type) == (200, "text/html; charset=utf-8")
    parser = _Links()
    parser.feed(page)
    assert parser.urls == []  # nothing fetched from anywhere
    code = "".join(parser.code)
    assert "http://" not in code and "https://" not in code and "//cdn" not in code
    assert "<textarea" in page and 'id="run"' in page
    start = page.index('<script type="application/json" id="data">') + len('<script type="application/json" id="data">')
    data = json.loads(page[start : page.index("</script>", start)])
    assert [(q["name"], q["title"]) for q in data["queries"]] == [("bans", "bans"), ("people", "Who are the people?")]
    # read at every request: a query saved later shows up without a restart
    (queries / "courts.rq").write_text("# Which courts?\nSELECT ?c WHERE { ?c a wh:Court }\n")
    assert "Which courts?" in _http(base + "/")[2]


def test_saved_queries_cannot_break_out_of_the_page(sparql_server, mini_store_path: Path, tmp_path: Path) -> None:
    (tmp_path / "evil.rq").write_text("# </script><script>alert(1)</script>\nASK {}\n")
    base, _ = sparql_server(mini_store_path, queries_dir=tmp_path)
    page = _http(base + "/")[2]
    assert "<script>alert(1)" not in page
    assert saved_queries(tmp_path)[0]["title"] == "</script><script>alert(1)</script>"


def test_an_open_store_object_can_be_served(sparql_server, mini_store_path: Path) -> None:
    with Store.open(mini_store_path) as st:
        base, _ = sparql_server(st)
        assert _client(base, "ASK { ?a wh:spouseOf ?b }", JSON).query().convert()["boolean"] is True


def test_serve_reports_a_port_in_use(mini_store_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(WhereasError) as err:
            serve(mini_store_path, port=port)
    assert str(err.value) == f"port {port} is in use on 127.0.0.1; choose another with --port"
    with Store.open(mini_store_path) as st:  # the store was released
        assert len(st) == 73


def test_serve_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        serve(tmp_path / "nothing")


def test_with_updates_a_late_query_is_answered_and_abandoned(sparql_server, mini_store_path: Path) -> None:
    base, engine = sparql_server(mini_store_path, allow_update=True, timeout=0.5, workers=1)
    assert engine.in_process and engine.worker_pids() == []
    status, _, body = _http(base + "/sparql?query=" + quote(SLOW))
    assert (status, body) == (503, "query abandoned: it ran past the time limit of 0.5 s\n")
    # the abandoned query still holds the only slot: the next one is told the server is busy
    status, _, body = _http(base + "/sparql?query=" + quote("ASK {}"))
    assert (status, body) == (
        503,
        "the server is busy: no query worker was free within the time limit of 0.5 s; try again\n",
    )
