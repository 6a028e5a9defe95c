"""The one reader and writer of graph files: format from the suffix, atomic, deterministic."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from pipeline.atomic import atomic_write_bytes
from pipeline.errors import InputError, OutputError
from pipeline.vocab import PREFIXES

__all__ = ["FORMATS", "rdf_format", "read_dataset", "write_dataset", "serialize", "union_graph"]

#: suffix -> rdflib format name
FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
_QUADS = {"trig", "nquads", "json-ld"}
#: Characters XML 1.0 cannot hold at all, not even as a character reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def rdf_format(path: str | Path) -> str:
    """The rdflib format for a file name.

    >>> rdf_format("output/graph.trig")
    'trig'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(
            path, f"unknown graph format {suffix or '(no suffix)'}; use one of " + ", ".join(sorted(set(FORMATS)))
        )
    return FORMATS[suffix]


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every graph of ``ds`` in one graph, added in sorted order (so a writer that
    walks the graph in its order writes the same bytes for the same triples)."""
    g = Graph()
    _bind(g)
    for triple in sorted({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}):
        g.add(triple)
    return g


class _KnownNames(TurtleSerializer):
    """Turtle and TriG writers that work out each IRI's prefixed name once for the whole file.

    rdflib asks a graph's namespace manager, which keeps only the names it found: an IRI
    without a prefix (the resources' own, most of a graph) was split and looked up each time
    it was written, and in TriG each graph's manager starts empty. The answers are rdflib's
    (``TurtleSerializer.get_pname`` of rdflib 7.6), kept while no prefix is made up.
    """

    def _known_names(self, store: Graph) -> None:
        self._pnames: dict[tuple[Node, bool], tuple[str, URIRef, str] | None] = {}
        self._prefixes = {prefix for prefix, _ in store.namespaces()}

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        if not isinstance(uri, URIRef):
            return None
        key = (uri, gen_prefix)
        if key in self._pnames:
            parts = self._pnames[key]
        else:
            parts = self._pname_parts(uri, gen_prefix)
            if parts is not None and parts[0] not in self._prefixes:  # a prefix made up: other answers may change
                self._prefixes.add(parts[0])
                self._pnames.clear()
            self._pnames[key] = parts
        if parts is None:
            return None
        prefix, namespace, local = parts
        return f"{self.addNamespace(prefix, namespace)}:{local}"

    def _pname_parts(self, uri: URIRef, gen_prefix: bool) -> tuple[str, URIRef, str] | None:
        try:
            prefix, namespace, local = self.store.compute_qname(uri, generate=gen_prefix)
        except Exception:
            pfx = self.store.store.prefix(uri)  # is the IRI a namespace itself?
            if pfx is None:
                return None
            prefix, namespace, local = pfx, uri, ""
        local = local.replace(r"(", r"\(").replace(r")", r"\)")
        local = self.LOCALNAME_PECRENT_CHARACTER_REQUIRING_ESCAPE_REGEX.sub("\\%", local)
        if local.endswith("."):
            return None
        return prefix, namespace, local


class _Turtle(_KnownNames):
    def __init__(self, store: Graph) -> None:
        super().__init__(store)
        self._known_names(store)


class _SortedTrig(_KnownNames, TrigSerializer):
    """TriG with the graphs in order of their names (the default graph first), not of insertion."""

    def __init__(self, store: Dataset) -> None:
        TrigSerializer.__init__(self, store)
        default = self.default_context
        self.contexts.sort(key=lambda g: (g.identifier != default, str(g.identifier)))
        self._known_names(store)


def _sorted_json(node: Any, key: str = "") -> Any:
    """JSON-LD with every array sorted (but ``@list``s, whose order means something)."""
    if isinstance(node, dict):
        return {k: _sorted_json(v, k) for k, v in node.items()}
    if isinstance(node, list):
        items = [_sorted_json(item) for item in node]
        return items if key == "@list" else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return node


def _check_xml(g: Graph) -> None:
    """RDF/XML cannot carry some characters at all: say which instead of writing ill-formed XML."""
    for triple in g:
        for term in triple:
            if isinstance(term, (Literal, URIRef)) and (bad := _NOT_XML.search(str(term))):
                raise OutputError(
                    None,
                    f"cannot write RDF/XML: a {'literal' if isinstance(term, Literal) else 'IRI'}"
                    f" holds U+{ord(bad.group()):04X}, which XML cannot carry; write Turtle, "
                    "N-Triples or JSON-LD instead",
                )


def serialize(ds: Dataset, fmt: str) -> bytes:
    """``ds`` as bytes in ``fmt``, the same bytes for the same graphs however they were built.

    Turtle, N-Triples and RDF/XML get the union of the graphs; TriG, N-Quads and
    JSON-LD keep one named graph per document, in order of their names.

    Raises:
        OutputError: the graph cannot be written in ``fmt`` (RDF/XML and control characters).
    """
    if fmt == "trig":
        _bind(ds)
        out = io.BytesIO()
        _SortedTrig(ds).serialize(out, encoding="utf-8")
        data = out.getvalue()
    elif fmt == "json-ld":
        _bind(ds)
        doc = json.loads(ds.serialize(format=fmt, encoding="utf-8"))
        data = (json.dumps(_sorted_json(doc), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    elif fmt in _QUADS:
        _bind(ds)
        data = ds.serialize(format=fmt, encoding="utf-8")
    else:
        g = union_graph(ds)
        if fmt == "xml":
            _check_xml(g)
        try:
            if fmt == "turtle":
                out = io.BytesIO()
                _Turtle(g).serialize(out, encoding="utf-8")
                data = out.getvalue()
            else:
                data = g.serialize(format=fmt, encoding="utf-8")
        except Exception as exc:  # rdflib's XML writer fails on predicates it cannot split, and the like
            raise OutputError(
                None,
                f"cannot write {fmt}: {str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}",
            ) from exc
    if fmt in ("nt", "nquads"):  # line formats come out in hash order: sort them (a line ends at "\n" only)
        lines = sorted(line for line in data.decode("utf-8").split("\n") if line.strip())
        data = ("\n".join(lines) + "\n").encode("utf-8")
    return data


def write_dataset(ds: Dataset, path: str | Path) -> Path:
    """Write ``ds`` to ``path`` atomically: a temporary file renamed into place."""
    path = Path(path)
    fmt = rdf_format(path)
    try:
        data = serialize(ds, fmt)
    except OutputError as exc:
        raise OutputError(path, exc.cause) from exc
    return atomic_write_bytes(path, data)


def _parse_error(exc: Exception) -> str:
    """A parser's complaint in one line: where, what, and the text it stopped at."""
    if isinstance(exc, BadSyntax):
        text = exc._str.decode("utf-8", "replace") if isinstance(exc._str, bytes) else str(exc._str)
        near = " ".join(text[exc._i : exc._i + 40].split())
        return f"line {exc.lines + 1}: {exc._why}" + (f", near “{near}”" if near else ", at the end")
    message = " ".join(str(exc).split())
    return message or type(exc).__name__


def read_dataset(path: str | Path) -> Dataset:
    """Parse a graph file into a ``Dataset`` (triples-only formats land in the default graph)."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a graph file")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(path, f"unknown graph format {suffix or '(no suffix)'}")
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format=FORMATS[suffix])
    except Exception as exc:  # rdflib's parsers raise many kinds: each said in one line
        raise InputError(path, f"not valid {FORMATS[suffix]}: {_parse_error(exc)}") from exc
    _bind(ds)
    return ds
