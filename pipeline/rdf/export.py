"""The one reader and writer of graph files: format from the suffix, atomic, deterministic."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

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


def rdf_format(path: str | Path) -> str:
    """The rdflib format for a file name.

    >>> rdf_format("output/graph.trig")
    'trig'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(path, f"unknown graph format {suffix or '(no suffix)'}; use one of "
                          + ", ".join(sorted(set(FORMATS))))
    return FORMATS[suffix]


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every graph of ``ds`` in one graph."""
    g = Graph()
    _bind(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def serialize(ds: Dataset, fmt: str) -> bytes:
    """``ds`` as bytes in ``fmt``; Turtle, N-Triples and RDF/XML get the union of the graphs."""
    if fmt in _QUADS:
        _bind(ds)
        data = ds.serialize(format=fmt, encoding="utf-8")
    else:
        data = union_graph(ds).serialize(format=fmt, encoding="utf-8")
    if fmt in ("nt", "nquads"):  # line formats come out in hash order: sort them
        lines = sorted(line for line in data.decode("utf-8").splitlines() if line.strip())
        data = ("\n".join(lines) + "\n").encode("utf-8")
    return data


def write_dataset(ds: Dataset, path: str | Path) -> Path:
    """Write ``ds`` to ``path`` atomically: a temporary file renamed into place."""
    path = Path(path)
    return atomic_write_bytes(path, serialize(ds, rdf_format(path)))


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
    except (BadSyntax, SyntaxError, ValueError, UnicodeDecodeError, Exception) as exc:  # noqa: B014
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(path, f"not valid {FORMATS[suffix]}: {msg}") from exc
    _bind(ds)
    return ds
