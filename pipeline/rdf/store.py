"""A persistent Oxigraph store of documents: one named graph per document, replaced whole."""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path
from types import TracebackType
from typing import Union

import pyoxigraph as ox
from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from pipeline.errors import QueryError, StoreError
from pipeline.vocab import PREFIXES

__all__ = ["Store", "StoreLock", "QueryResult", "RESYNC_UNION", "is_store"]

#: What :meth:`Store.query` returns: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).
QueryResult = Union[ox.QuerySolutions, ox.QueryBoolean, ox.QueryTriples]

# Stores this process holds (a Store opened for writing, or a StoreLock): POSIX locks do not
# exclude the process that holds them, so this registry does.
_HELD: set[str] = set()
_HELD_LOCK = threading.Lock()

# The default graph of a store is kept equal to the set union of its document graphs, and
# queries read it, because pyoxigraph 0.5's `use_default_graph_as_union` yields a triple once
# per named graph holding it (oxigraph issue #1919): an actor described in two documents would
# come out twice, and joins multiply the duplicates.
_UNSHARE = """DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH {g} {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {g}) }}
}}"""
_SHARE = "INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}"
#: Rebuilds the default graph as the union of the named graphs (after arbitrary updates).
RESYNC_UNION = """DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;
INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"""

_FIND_BY_SOURCE = """
SELECT DISTINCT ?g ?source WHERE {
  GRAPH ?g { ?doc a wh:Document ; dcterms:source ?source }
}"""


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store.

    >>> is_store("tests/data/mini.trig")
    False
    """
    return (Path(path) / "CURRENT").is_file()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _open_error(path: Path, exc: Exception) -> StoreError:
    msg = str(exc)
    if "LOCK" in msg and "lock hold by current process" in msg:
        return StoreError(path, "store is already open in this process")
    if "LOCK" in msg and ("Resource temporarily unavailable" in msg or "lock" in msg.lower()):
        return StoreError(path, "store is in use by another process")
    if "Permission denied" in msg:
        return StoreError(path, "permission denied")
    return StoreError(path, f"cannot open store: {_first_line(exc)}")


def _claim(path: Path) -> str:
    key = str(path.resolve())
    with _HELD_LOCK:
        if key in _HELD:
            raise StoreError(path, "store is already open in this process")
        _HELD.add(key)
    return key


def _unclaim(key: str | None) -> None:
    if key is not None:
        with _HELD_LOCK:
            _HELD.discard(key)


class StoreLock:
    """Holds a store's lock without opening it, so no other process can write it meanwhile.

    It takes the same lock Oxigraph (RocksDB) takes on ``<store>/LOCK``, so
    ``Store.open`` elsewhere fails with "store is in use by another process",
    while read-only snapshots (``Store.open(path, read_only=True)``) still open.

    >>> StoreLock("tests/data")
    Traceback (most recent call last):
    ...
    pipeline.errors.StoreError: tests/data: no store here; make one with `whereas build DOCS --store tests/data`
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not is_store(self.path):
            raise StoreError(self.path, "no store here; make one with `whereas build DOCS --store "
                             f"{self.path}`")
        self._key: str | None = _claim(self.path)
        try:
            self._fd: int | None = os.open(self.path / "LOCK", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            _unclaim(self._key)
            raise StoreError(self.path, f"cannot lock store: {exc.strerror or exc}") from exc
        try:
            fcntl.lockf(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self._fd)
            _unclaim(self._key)
            raise StoreError(self.path, "store is in use by another process") from exc

    def release(self) -> None:
        """Let other processes open the store again."""
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the lock
            self._fd = None
        _unclaim(self._key)
        self._key = None

    def __enter__(self) -> "StoreLock":
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _has_blank_nodes(quads: set[ox.Quad]) -> bool:
    return any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads)


def _canonical(quads: set[ox.Quad]) -> set[ox.Quad]:
    """The quads with blank nodes relabelled canonically (RDFC-1.0), so equal graphs compare equal."""
    if not _has_blank_nodes(quads):
        return quads
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def _same_file(a: str, b: str) -> bool:
    return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


class Store:
    """A folder holding an Oxigraph store of document graphs.

    Open it with :meth:`Store.open`, as a context manager that releases the
    store's lock on exit. The SPARQL default graph is the union of the
    document graphs (a set: a triple two documents share is one triple), kept
    so by :meth:`load_documents` and :meth:`remove_document` in the same
    transaction as each change; the prefixes of :data:`pipeline.vocab.PREFIXES`
    are predeclared.

    >>> import tempfile
    >>> from pipeline.rdf.export import read_dataset
    >>> with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "store") as st:
    ...     st.load_documents(read_dataset("tests/data/mini.trig"))
    ...     [str(row["name"].value) for row in st.query("SELECT ?name WHERE { ?p a wh:Person ; rdfs:label ?name } ORDER BY ?name")]
    1
    ['Anna Berg', 'Karl Berg']
    """

    def __init__(self, store: ox.Store, path: Path, read_only: bool = False, key: str | None = None) -> None:
        self._ox: ox.Store | None = store
        self.path = path
        self.read_only = read_only
        self._key = key

    # -- opening and closing ------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = True, read_only: bool = False) -> "Store":
        """Open the store in the folder ``path``; with ``create``, make it if it is missing.

        ``read_only`` opens a static snapshot that does not take the store's
        lock, so it can be read while another process holds the store.

        Raises:
            StoreError: ``path`` is a file, holds something else, cannot be
                created, is missing (``create=False``) or is in use.

        >>> Store.open("tests/data/mini.trig")
        Traceback (most recent call last):
        ...
        pipeline.errors.StoreError: tests/data/mini.trig: is a file, not a store folder
        """
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(path, "is a file, not a store folder")
        if not is_store(path):
            if not create or read_only:
                raise StoreError(path, "no store here; make one with `whereas build DOCS --store "
                                 f"{path}`")
            if path.is_dir() and any(path.iterdir()):
                raise StoreError(path, "folder is not empty and holds no store; "
                                 "refusing to create a store in it")
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(path, f"cannot create store folder: {exc.strerror or exc}") from exc
        if not read_only and not os.access(path, os.W_OK):
            raise StoreError(path, "store folder is not writable")
        key = None if read_only else _claim(path)
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            _unclaim(key)
            raise _open_error(path, exc) from exc
        return cls(store, path, read_only, key)

    def close(self) -> None:
        """Release the store (and its lock); the object cannot be used afterwards."""
        try:
            if self._ox is not None and not self.read_only:
                self._ox.flush()
        except OSError as exc:  # pragma: no cover - disk failure
            raise StoreError(self.path, f"cannot flush store: {_first_line(exc)}") from exc
        finally:
            self._ox = None  # the last reference: Oxigraph closes the store and drops its lock
            _unclaim(self._key)
            self._key = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def ox(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        if self._ox is None:
            raise StoreError(self.path, "store is closed")
        return self._ox

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(self.path, "store is opened read-only")
        return self.ox

    # -- reading ----------------------------------------------------------------

    def __len__(self) -> int:
        """Number of quads in the document graphs (the default graph only mirrors their union)."""
        return len(self.ox) - sum(1 for _ in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def documents(self) -> list[str]:
        """The IRIs of the document graphs, sorted."""
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def to_dataset(self) -> Dataset:
        """The document graphs as an rdflib ``Dataset`` (its default graph is their union).

        >>> import tempfile
        >>> from pipeline.rdf.export import read_dataset
        >>> with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "store") as st:
        ...     _ = st.load_documents(read_dataset("tests/data/mini.trig"))
        ...     len(st.to_dataset()) == len(read_dataset("tests/data/mini.trig"))
        True
        """
        quads = (q for q in self.ox.quads_for_pattern(None, None, None, None)
                 if isinstance(q.graph_name, ox.NamedNode))
        ds = Dataset(default_union=True)
        ds.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        return ds

    def _graph_quads(self, graph: str) -> set[ox.Quad]:
        return set(self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def query(self, sparql: str, *, source: str = "query") -> QueryResult:
        """Run a SPARQL query over the union of the document graphs.

        Args:
            sparql: the query text; ``wh:``, ``rdfs:``, ... need no PREFIX line.
            source: names the query in error messages (a file name, or "query").

        Raises:
            QueryError: the query is malformed or cannot be evaluated.
        """
        try:
            return self.ox.query(sparql, prefixes=PREFIXES)  # the default graph is the union
        except SyntaxError as exc:
            raise QueryError(source, f"SPARQL syntax error: {_first_line(exc)}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(source, _first_line(exc)) from exc

    # -- writing ----------------------------------------------------------------

    def update(self, sparql: str, *, source: str = "update") -> None:
        """Run a SPARQL update in one transaction (all or nothing).

        Raises:
            QueryError: the update is malformed or fails.
        """
        store = self._writable()
        try:
            store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(source, f"SPARQL syntax error: {_first_line(exc)}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(source, _first_line(exc)) from exc

    def _replace_graph(self, graph: str, quads: set[ox.Quad]) -> None:
        """Replace the graph ``graph`` by ``quads`` in one transaction."""
        triples = sorted((q.triple for q in quads), key=str)
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        g = str(ox.NamedNode(graph))
        self.update(f"{_UNSHARE.format(g=g)} ;\nDROP SILENT GRAPH {g} ;\n"
                    f"INSERT DATA {{ GRAPH {g} {{\n{body}}} }} ;\n{_SHARE.format(g=g)}", source=str(self.path))

    def load_documents(self, ds: Dataset) -> int:
        """Add the named graphs of ``ds``, one per document, replacing each whole.

        A graph already in the store with the same content (blank nodes
        compared canonically) is left alone; any other is replaced in one
        transaction, so readers never see half a document.

        Returns:
            How many document graphs were added or replaced.

        Raises:
            StoreError: ``ds`` has triples outside any named graph, or the
                store cannot be written.
        """
        store = self._writable()
        loose = sum(len(g) for g in ds.graphs() if g.identifier == DATASET_DEFAULT_GRAPH_ID)
        if loose:
            raise StoreError(self.path, f"the dataset has {loose} triple(s) outside any named graph; "
                             "only document graphs can be stored")
        data = ds.serialize(format="nquads", encoding="utf-8")
        by_graph: dict[str, set[ox.Quad]] = {}
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise StoreError(self.path, f"graph name {quad.graph_name} is not an IRI")
            by_graph.setdefault(quad.graph_name.value, set()).add(quad)
        for g in ds.graphs():  # named graphs without triples still name documents
            if g.identifier != DATASET_DEFAULT_GRAPH_ID:
                by_graph.setdefault(str(g.identifier), set())
        changed = 0
        for graph in sorted(by_graph):
            new = by_graph[graph]
            exists = store.contains_named_graph(ox.NamedNode(graph))
            if exists and _canonical(self._graph_quads(graph)) == _canonical(new):
                continue
            self._replace_graph(graph, new)
            if not new:
                store.add_graph(ox.NamedNode(graph))
            changed += 1
        return changed

    def _resolve(self, ref: str) -> list[str]:
        graphs = self.documents()
        if ref in graphs:
            return [ref]
        by_id = [g for g in graphs if g.endswith("/document/" + ref.strip("/"))]
        if by_id:
            return by_id
        found = set()
        for row in self.query(_FIND_BY_SOURCE):
            source = row["source"].value
            if source == ref or _same_file(source, ref):
                found.add(row["g"].value)
        return sorted(found)

    def remove_document(self, ref: str) -> int:
        """Remove a document's graph, named by its IRI, its id or its source path.

        Args:
            ref: the graph IRI; or a document id such as ``ep-2013-kazakhstan``
                (the graph whose IRI ends with ``/document/<id>``); or the
                path the document was read from (its ``dcterms:source``).

        Returns:
            The number of triples removed.

        Raises:
            StoreError: no document or several documents match ``ref``.
        """
        self._writable()
        graphs = self._resolve(ref)
        if not graphs:
            raise StoreError(self.path, f"no document {ref!r} in the store "
                             "(give a document IRI, id or source path)")
        if len(graphs) > 1:
            raise StoreError(self.path, f"{ref!r} matches {len(graphs)} documents: "
                             + ", ".join(graphs) + "; give the document IRI")
        graph = graphs[0]
        removed = len(self._graph_quads(graph))
        g = str(ox.NamedNode(graph))
        try:
            self.update(f"{_UNSHARE.format(g=g)} ;\nDROP GRAPH {g}", source=str(self.path))
        except QueryError as exc:
            raise StoreError(self.path, f"cannot remove {graph}: {exc.cause}") from exc
        return removed
