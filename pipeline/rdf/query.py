"""Run a SPARQL query over a graph file or a store and format the answer: table, csv, tsv, json, RDF."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from pyparsing import ParseBaseException
from rdflib import Dataset, Graph, Literal
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.errors import InputError, QueryError
from pipeline.iri import DEFAULT_BASE
from pipeline.rdf.export import read_dataset, serialize
from pipeline.rdf.store import Store
from pipeline.resources import ontology_dir
from pipeline.vocab import PREFIXES

__all__ = [
    "RESULT_FORMATS",
    "GRAPH_FORMATS",
    "DISPLAY_PREFIXES",
    "run_query",
    "read_query",
    "declared_prefixes",
    "is_ordered",
    "shorten",
    "format_results",
    "format_graph",
    "parse_params",
    "declared_params",
    "bind_values",
]

#: Output formats of SELECT and ASK answers.
RESULT_FORMATS = ("table", "csv", "tsv", "json")
#: Output formats of CONSTRUCT and DESCRIBE answers (``table`` means the default, Turtle).
GRAPH_FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}

_QUERY_SUFFIXES = (".rq", ".sparql")
_DECLARATION = re.compile(r"(?:\s+|#[^\n]*)*(?:PREFIX\s+([^\s:]*):\s*<([^>]*)>|BASE\s*<[^>]*>)", re.IGNORECASE)
_NOT_CODE = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: a parameter a saved query declares: ``# param ?name: what it is``
_PARAM_LINE = re.compile(r"^#\s*param\s+[?$]([A-Za-z_][A-Za-z0-9_]*)\s*:?\s*(.*)$", re.MULTILINE)
#: Shortens instance IRIs in tables (display only; queries must declare ``id:`` to use it).
DISPLAY_PREFIXES = {**PREFIXES, "id": DEFAULT_BASE + "id/"}
_TYPE_RANK = {"bnode": 1, "uri": 2, "literal": 3, "triple": 4}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _saved(name: str) -> Path | None:
    """The saved query shipped with whereas named ``name`` ("sentenced" or "sentenced.rq"), if any."""
    if "/" in name or "\\" in name or not name.strip():
        return None
    path = ontology_dir() / "queries" / (name if name.endswith(".rq") else name + ".rq")
    return path if path.is_file() else None


def read_query(sparql: str) -> tuple[str, str]:
    """The query text and the name to report it by: a ``.rq`` file's path, or ``query``.

    A name that is no file but one of the saved queries (``sentenced``,
    ``sentenced.rq``) reads that query, wherever whereas is installed.

    >>> read_query("ASK { ?s ?p ?o }")
    ('ASK { ?s ?p ?o }', 'query')
    >>> read_query("sentenced")[1]
    'sentenced.rq'
    >>> read_query("missing.rq")
    Traceback (most recent call last):
    ...
    pipeline.errors.QueryError: missing.rq: no such query file
    """
    looks_like_path = "\n" not in sparql and "{" not in sparql
    saved = _saved(sparql.strip()) if looks_like_path and not Path(sparql).is_file() else None
    if saved is not None:
        return saved.read_text(encoding="utf-8"), saved.name
    if looks_like_path and sparql.strip().lower().endswith(_QUERY_SUFFIXES) and not Path(sparql).is_file():
        raise QueryError(sparql, "no such query file")
    if looks_like_path and Path(sparql).is_file():
        try:
            text = Path(sparql).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(sparql, f"cannot read query file: {_first_line(exc)}") from exc
        source = sparql
    else:
        text, source = sparql, "query"
    if not text.strip():
        raise QueryError(source, "empty query")
    return text, source


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``--param name=value`` pairs as a dict (the value as given: it is bound as a string literal).

    >>> parse_params(['name=Vladimir Kozlov', '?court="Supreme Court"'])
    {'name': 'Vladimir Kozlov', 'court': 'Supreme Court'}
    >>> parse_params(["1x=y"])
    Traceback (most recent call last):
    ...
    pipeline.errors.QueryError: --param 1x=y: give NAME=VALUE, NAME a SPARQL variable name
    """
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _PARAM_NAME.fullmatch(name):
            raise QueryError(f"--param {pair}", "give NAME=VALUE, NAME a SPARQL variable name")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        out[name] = value
    return out


def declared_params(sparql: str) -> dict[str, str]:
    """The parameters a query declares in its comments (``# param ?name: what it is``): each must
    be given (``--param name=…``) when the query runs.

    >>> declared_params("# Facts\\n# param ?name: an actor's name\\nSELECT * { ?a rdfs:label ?name }")
    {'name': "an actor's name"}
    """
    return {m.group(1): m.group(2).strip() for m in _PARAM_LINE.finditer(sparql)}


def _check_params(text: str, source: str, params: dict[str, str]) -> None:
    """Every parameter given is a variable of the query; every parameter it declares is given."""
    code = _NOT_CODE.sub(" ", text)
    for name in params:
        if not re.search(rf"[?$]{re.escape(name)}\b", code):
            raise QueryError(source, f"--param {name}: the query has no variable ?{name}")
    missing = [n for n in declared_params(text) if n not in params]
    if missing:
        raise QueryError(source, "needs " + ", ".join(f"--param {n}=…" for n in missing))


_WHERE = re.compile(r"\bWHERE\b", re.IGNORECASE)


def bind_values(sparql: str, params: dict[str, str]) -> str:
    """The query with its first group (the WHERE clause) opening with ``VALUES ?name { "value" }``
    per parameter: each value an RDF literal serialised by Oxigraph (quotes and backslashes
    escaped), so no value can change the query's structure.

    >>> print(bind_values('SELECT ?x WHERE { ?x rdfs:label ?name }', {"name": 'A" } #'}))
    SELECT ?x WHERE { VALUES ?name { "A\\" } #" } ?x rdfs:label ?name }
    """
    if not params:
        return sparql
    code = _NOT_CODE.sub(lambda m: " " * len(m.group(0)), sparql)
    where = _WHERE.search(code)
    brace = code.find("{", where.end() if where else 0)
    if brace < 0:
        raise QueryError(None, "a query with parameters needs a WHERE clause")
    values = " ".join(f"VALUES ?{name} {{ {ox.Literal(value)} }}" for name, value in sorted(params.items()))
    return f"{sparql[: brace + 1]} {values}{sparql[brace + 1 :]}"


def declared_prefixes(sparql: str) -> dict[str, str]:
    """The prefixes a query's prologue declares.

    >>> declared_prefixes("# people\\nPREFIX id: <https://w3id.org/whereas/id/>\\nSELECT * {}")
    {'id': 'https://w3id.org/whereas/id/'}
    """
    found: dict[str, str] = {}
    pos = 0
    while m := _DECLARATION.match(sparql, pos):
        if m.group(2) is not None:
            found[m.group(1)] = m.group(2)
        pos = m.end()
    return found


def is_ordered(sparql: str) -> bool:
    """Whether a query asks for an order (``ORDER BY`` outside strings, IRIs and comments).

    >>> is_ordered("SELECT ?x { ?x rdfs:label 'order by' } # order by")
    False
    >>> is_ordered("SELECT ?x { ?x rdfs:label ?l } ORDER BY ?l")
    True
    """
    return bool(_ORDER_BY.search(_NOT_CODE.sub(" ", sparql)))


def shorten(iri: str, prefixes: dict[str, str]) -> str:
    """``iri`` as a prefixed name when one of ``prefixes`` covers it (the longest wins).

    >>> shorten("https://w3id.org/whereas/ontology#Person", PREFIXES)
    'wh:Person'
    >>> shorten("https://example.org/x", PREFIXES)
    'https://example.org/x'
    """
    best_ns, best_prefix = "", None
    for prefix, ns in prefixes.items():
        if ns and len(ns) > len(best_ns) and iri.startswith(ns) and len(iri) > len(ns):
            best_ns, best_prefix = ns, prefix
    return iri if best_prefix is None else f"{best_prefix}:{iri[len(best_ns) :]}"


def _cell(term: dict[str, str] | None, prefixes: dict[str, str]) -> str:
    if term is None:
        return ""
    if term["type"] == "uri":
        return shorten(term["value"], prefixes)
    if term["type"] == "bnode":
        return "_:" + term["value"]
    if term["type"] == "triple":
        return json.dumps(term["value"], ensure_ascii=False)
    return term["value"]


def _sort_key(variables: list[str]):
    def key(binding: dict[str, dict[str, Any]]) -> tuple:
        out = []
        for var in variables:
            term = binding.get(var)
            if term is None:
                out.append((0, "", "", ""))
            else:
                value = term["value"] if isinstance(term["value"], str) else json.dumps(term["value"], sort_keys=True)
                out.append((_TYPE_RANK.get(term["type"], 5), value, term.get("datatype", ""), term.get("xml:lang", "")))
        return tuple(out)

    return key


def _table(doc: dict[str, Any], prefixes: dict[str, str]) -> str:
    variables = doc["head"].get("vars", [])
    rows = doc["results"]["bindings"]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="", highlight=False)
    for var in variables:
        table.add_column(Text(var))
    for row in rows:
        table.add_row(*(Text(_cell(row.get(v), prefixes)) for v in variables))
    out = io.StringIO()
    Console(
        file=out,
        width=1_000_000,
        color_system=None,
        force_terminal=False,
        no_color=True,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    ).print(table)
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    lines.append(f"{len(rows)} row{'' if len(rows) == 1 else 's'}")
    return "\n".join(lines) + "\n"


def format_results(doc: dict[str, Any], fmt: str, prefixes: dict[str, str] | None = None, ordered: bool = False) -> str:
    """A SELECT or ASK answer, given as SPARQL 1.1 Query Results JSON, in ``fmt``.

    Rows of an unordered answer are sorted, so the same query prints the same text.

    Args:
        doc: the answer in the SPARQL 1.1 Query Results JSON shape.
        fmt: ``table``, ``csv``, ``tsv`` or ``json``.
        prefixes: shorten IRIs in the table with these too (``PREFIXES`` and
            ``id:`` for the default instance base are always used).
        ordered: the query fixes the order of its rows (keep it).

    >>> doc = {"head": {"vars": ["p"]}, "results": {"bindings": [
    ...     {"p": {"type": "uri", "value": "https://w3id.org/whereas/ontology#Person"}}]}}
    >>> print(format_results(doc, "table"), end="")
    p
    ─────────
    wh:Person
    1 row
    >>> format_results({"head": {}, "boolean": True}, "csv")
    'true\\n'
    """
    if "boolean" in doc:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(doc["boolean"])}, indent=2) + "\n"
        return ("true" if doc["boolean"] else "false") + "\n"
    variables = doc["head"].get("vars", [])
    bindings = doc["results"]["bindings"]
    if not ordered:
        bindings = sorted(bindings, key=_sort_key(variables))
    doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    if fmt == "table":
        return _table(doc, {**DISPLAY_PREFIXES, **(prefixes or {})})
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    results = ox.parse_query_results(json.dumps(doc), format=ox.QueryResultsFormat.JSON)
    target = ox.QueryResultsFormat.CSV if fmt == "csv" else ox.QueryResultsFormat.TSV
    return bytes(results.serialize(format=target) or b"").decode("utf-8")


def format_graph(graph: Graph, fmt: str) -> str:
    """A CONSTRUCT or DESCRIBE answer in ``fmt`` (``turtle``, ``nt`` or ``jsonld``), deterministic.

    >>> from rdflib import URIRef, RDF
    >>> g = Graph(); _ = g.add((URIRef("https://example.org/a"), RDF.type, URIRef(PREFIXES["wh"] + "Person")))
    >>> print(format_graph(g, "nt"), end="")
    <https://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/whereas/ontology#Person> .
    """
    ds = Dataset()
    for triple in graph:
        ds.add(triple)
    return serialize(ds, GRAPH_FORMATS[fmt]).decode("utf-8").rstrip("\n") + "\n"


def _check_format(fmt: str) -> None:
    if fmt not in RESULT_FORMATS and fmt not in GRAPH_FORMATS:
        raise QueryError(
            None, f"unknown output format {fmt!r}; use one of " + ", ".join([*RESULT_FORMATS, *GRAPH_FORMATS])
        )


def _fit_format(fmt: str, kind: str, source: str) -> str:
    """The graph format for a CONSTRUCT/DESCRIBE answer; checks ``fmt`` fits ``kind``."""
    if kind in ("CONSTRUCT", "DESCRIBE"):
        if fmt in RESULT_FORMATS and fmt != "table":
            raise QueryError(source, f"a {kind} query gives a graph: use --format turtle, nt or jsonld")
        return "turtle" if fmt == "table" else fmt
    if fmt in GRAPH_FORMATS:
        article = "an" if kind == "ASK" else "a"
        raise QueryError(source, f"{article} {kind} query gives results: use --format table, csv, tsv or json")
    return fmt


def _run_on_store(
    target: Path, text: str, source: str, fmt: str, prefixes: dict[str, str], params: dict[str, str]
) -> str:
    with Store.open(target, create=False, read_only=True) as st:
        # Oxigraph substitutes only projected variables: the values open the WHERE clause instead
        result = st.query(bind_values(text, params), source=source)
        try:
            if isinstance(result, ox.QueryTriples):
                fmt = _fit_format(fmt, "CONSTRUCT", source)
                data = ox.serialize(list(result), format=ox.RdfFormat.N_TRIPLES)
                return format_graph(Graph().parse(data=bytes(data or b"").decode("utf-8"), format="nt"), fmt)
            kind = "ASK" if isinstance(result, ox.QueryBoolean) else "SELECT"
            fmt = _fit_format(fmt, kind, source)
            doc = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON) or b"{}")
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(source, _first_line(exc)) from exc
    return format_results(doc, fmt, prefixes, ordered=is_ordered(text))


def _run_on_file(
    target: Path, text: str, source: str, fmt: str, prefixes: dict[str, str], params: dict[str, str]
) -> str:
    ds = read_dataset(target)
    try:
        bindings = {name: Literal(value) for name, value in params.items()}
        result = ds.query(text, initNs=PREFIXES, initBindings=bindings)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            fmt = _fit_format(fmt, result.type, source)
            assert result.graph is not None  # a CONSTRUCT's result is a graph
            return format_graph(result.graph, fmt)
        fmt = _fit_format(fmt, result.type, source)
        doc = json.loads(result.serialize(format="json") or b"{}")
    except ParseBaseException as exc:
        raise QueryError(source, f"SPARQL syntax error: {_first_line(exc)}") from exc
    except QueryError:
        raise
    except Exception as exc:  # rdflib raises many kinds while evaluating; report them in one line
        raise QueryError(source, f"cannot evaluate query: {_first_line(exc)}") from exc
    return format_results(doc, fmt, prefixes, ordered=is_ordered(text))


def run_query(target: Path, sparql: str, fmt: str, params: dict[str, str] | None = None) -> str:
    """Run a SPARQL query over a graph file or a store folder and return the formatted answer.

    The prefixes of :data:`pipeline.vocab.PREFIXES` are predeclared (a query's
    own PREFIX lines win). A graph file is read into an rdflib ``Dataset``
    whose default graph is the union of its named graphs; a store folder is
    opened read-only (so it can be queried while a server holds it).

    Args:
        target: a graph file (``.ttl``, ``.trig``, ``.nq``, ...) or a store folder.
        sparql: the query text, or the path of a ``.rq`` file holding it.
        fmt: ``table`` (aligned text), ``csv``, ``tsv`` or ``json`` for SELECT
            and ASK; ``turtle`` (or ``table``), ``nt`` or ``jsonld`` for
            CONSTRUCT and DESCRIBE.
        params: values of the query's variables (``{"name": "Vladimir Kozlov"}``), each bound
            as a string literal before the query runs (rdflib's initBindings, Oxigraph's
            substitutions): never pasted into the query text. A parameter the query
            declares (``# param ?name: …``) must be given.

    Returns:
        The answer as text, ending with a newline.

    Raises:
        QueryError: a malformed query, an unknown format or one that does not fit the query.
        InputError: an unreadable graph file.
        StoreError: a store that cannot be opened.

    >>> print(run_query(Path("tests/data/mini.trig"),
    ...                 "SELECT ?name WHERE { ?p a wh:Person ; rdfs:label ?name }", "table"), end="")
    name
    ─────────
    Anna Berg
    Karl Berg
    2 rows
    """
    _check_format(fmt)
    text, source = read_query(sparql)
    params = params or {}
    _check_params(text, source, params)
    prefixes = {**PREFIXES, **declared_prefixes(text)}
    target = Path(target)
    if target.is_dir():
        return _run_on_store(target, text, source, fmt, prefixes, params)
    if not target.exists():
        raise InputError(target, "no such graph file or store folder")
    return _run_on_file(target, text, source, fmt, prefixes, params)
