"""A persistent Oxigraph store of documents: one named graph per document, replaced whole, read through snapshots."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox
from pyoxigraph import Quad as _Quad  # names Store's own ``ox`` property hides in the class
from pyoxigraph import Store as _OxStore
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from pipeline import __version__
from pipeline.atomic import atomic_write_bytes
from pipeline.errors import QueryError, StoreError, WhereasError
from pipeline.rdf.snapshots import LEDGER, READERS, SNAPSHOTS, current_snapshot, keeps_triples_once, pin_snapshot
from pipeline.rdf.syntax import explain_syntax_error
from pipeline.vocab import PREFIXES

__all__ = ["Store", "DocumentRecord", "QueryResult", "SHARED_GRAPH", "is_store", "text_digest", "store_status"]

#: What :meth:`Store.query` returns: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

# Stores this process holds open for writing: POSIX locks do not exclude the process that
# holds them, so this registry does.
_HELD: set[str] = set()
_HELD_LOCK = threading.Lock()

#: The named graph that holds, once, each triple two or more document graphs state (an actor's
#: class and name, a charge, a relation several documents report). A triple one document states is
#: in that document's graph; no triple is in two graphs, so the union of the graphs, which queries
#: read, holds each once (pyoxigraph 0.5's union repeats a triple once per graph holding it,
#: oxigraph issue #1919). The ledger (:data:`~pipeline.rdf.snapshots.LEDGER`) names the documents
#: stating each shared triple, which gives each document its whole graph back.
SHARED_GRAPH = "urn:whereas:shared"

#: Characters of updates after which a writer flushes the store: Oxigraph keeps what it writes in
#: memory until then, so a build of many documents would grow by each one it loads.
FLUSH_CHARS = 4 * 2**20

#: Triples that two or more graphs hold (after updates by hand, or in a store of an older whereas).
_REPEATED = """SELECT ?s ?p ?o (GROUP_CONCAT(STR(?g); separator=" ") AS ?graphs) WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER (!isBlank(?s) && !isBlank(?o))
} GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1)"""

_FIND_BY_SOURCE = """
SELECT DISTINCT ?g ?source WHERE {
  GRAPH ?g { ?doc a wh:Document ; dcterms:source ?source }
}"""
_STORED_DOCUMENT = """
SELECT ?source ?text WHERE {{ GRAPH {g} {{ ?doc a wh:Document ; dcterms:source ?source ; wh:text ?text }} }} LIMIT 1"""

# What whereas keeps beside Oxigraph's own files, in the store folder (RocksDB ignores them).
_META = "whereas"
_MANIFEST = f"{_META}/documents.json"  # each document graph's id, source, file and text digest
_BUILD = f"{_META}/last-build.json"  # the last build: when, what, how it ended
_JOURNAL = f"{_META}/last-build.log"  # one line per document graph it loaded, as it goes


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store.

    >>> is_store("tests/data/mini.trig")
    False
    """
    return (Path(path) / "CURRENT").is_file()


def text_digest(text: str) -> str:
    """The SHA-256 of a document's text, in hex: what tells two versions of a document apart.

    >>> text_digest("A. whereas")[:12]
    '2a18504c06a5'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _open_error(path: Path, exc: Exception) -> StoreError:
    msg = str(exc)
    if "LOCK" in msg and "lock hold by current process" in msg:
        return StoreError(path, "store is already open in this process")
    if "LOCK" in msg and ("Resource temporarily unavailable" in msg or "lock" in msg.lower()):
        return StoreError(
            path, "store is being written by another process (a build or a removal); try again when it is done"
        )
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


def _remove_tree(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


# -- what the store keeps of its documents and of its last build -----------------------------


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A document graph as the store knows it: where it came from and what text it had."""

    graph: str  #: the graph's IRI
    doc_id: str  #: the document id
    source: str  #: its path relative to its corpus root (its ``dcterms:source``)
    file: str  #: the absolute path of the file read
    sha256: str  #: :func:`text_digest` of its text

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentRecord:
        return cls(str(data["graph"]), str(data["doc_id"]), str(data["source"]), str(data["file"]), str(data["sha256"]))


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_json(path: Path, data: Any) -> None:
    atomic_write_bytes(path, (json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode())


def _journal(path: Path) -> list[dict[str, Any]]:
    try:
        lines = (path / _JOURNAL).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    entries = []
    for line in lines:
        try:
            entries.append(json.loads(line))
        except ValueError:  # the line a kill cut short
            break
    return entries


def _has_blank_nodes(quads: set[ox.Quad]) -> bool:
    return any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads)


def _canonical(quads: set[ox.Quad]) -> set[ox.Quad]:
    """The quads with blank nodes relabelled canonically (RDFC-1.0), so equal graphs compare equal."""
    if not _has_blank_nodes(quads):
        return quads
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


def _as_stored(quads: set[_Quad]) -> set[_Quad]:
    """The quads as the store keeps them: Oxigraph writes a number's literal in its own canonical form
    ("50000000.0"^^xsd:decimal is kept as "50000000"), so a graph compared with what is stored, or
    recorded in the ledger, is first put in that form (through a store in memory)."""
    if not any(isinstance(q.object, ox.Literal) and q.object.datatype.value in _NUMERIC for q in quads):
        return quads
    memory = ox.Store()
    memory.extend(quads)
    return set(memory)


_NUMERIC = frozenset(
    f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("decimal", "integer", "double", "float", "boolean")
)


def _is_blank(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def _triples(lines: Iterable[str]) -> list[ox.Triple]:
    """N-Triples lines (without their final " .") parsed."""
    data = "".join(line + " .\n" for line in lines).encode("utf-8")
    return [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)] if data else []


def _triples_of_nt(data: bytes) -> list[ox.Triple]:
    return [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


def _collapse(
    repeated: Any, known: dict[str, set[str]]
) -> tuple[list[tuple[str, str]], dict[str, set[str]], dict[str, set[str]]]:
    """Each triple several graphs hold (rows of :data:`_REPEATED`) moved into the shared graph: the
    ledger rows naming the document graphs that held it (those ``known`` lacks), and the triples
    to delete from each graph and to insert."""
    add: list[tuple[str, str]] = []
    deletes: dict[str, set[str]] = defaultdict(set)
    inserts: dict[str, set[str]] = defaultdict(set)
    for row in repeated:
        nt = str(ox.Triple(row["s"], row["p"], row["o"]))
        graphs = set(row["graphs"].value.split(" "))
        for graph in graphs - {SHARED_GRAPH}:
            deletes[graph].add(nt)
            if graph not in known.get(nt, ()):
                add.append((nt, graph))
        if SHARED_GRAPH not in graphs:
            inserts[SHARED_GRAPH].add(nt)
    return add, deletes, inserts


def _data_block(lines_by_graph: dict[str, set[str]]) -> str:
    """The ``{ GRAPH <g> { … } … }`` of an INSERT DATA or DELETE DATA, graphs and lines sorted."""
    body = "".join(
        f"GRAPH {ox.NamedNode(graph)} {{\n" + "".join(line + " .\n" for line in sorted(lines)) + "}\n"
        for graph, lines in sorted(lines_by_graph.items())
        if lines
    )
    return "{\n" + body + "}"


_LEDGER_SCHEMA = """
CREATE TABLE IF NOT EXISTS triples (id INTEGER PRIMARY KEY, nt TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS graphs (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS states (
  triple INTEGER NOT NULL, graph INTEGER NOT NULL, PRIMARY KEY (triple, graph)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS states_by_graph ON states (graph, triple);
CREATE TABLE IF NOT EXISTS pending (id INTEGER PRIMARY KEY, sparql TEXT NOT NULL);
"""


class _Ledger:
    """Which document graphs state each triple of the shared graph (SQLite, beside the store).

    A change is written here first, with the SPARQL update that makes it in the store
    (``pending``), then made in the store; a build killed between the two has the update run
    again when the store is next opened for writing (it gives the same store run once or twice).
    """

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "")
        self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        if not read_only:
            # no sync at each commit: a killed process loses nothing (the write-ahead log is in the
            # file system's hands); the store itself does not sync each transaction either
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_LEDGER_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def shared_by(self, graph: str) -> set[str]:
        """The shared triples (N-Triples lines) the document graph ``graph`` states."""
        rows = self.db.execute(
            "SELECT t.nt FROM graphs g JOIN states s ON s.graph = g.id JOIN triples t ON t.id = s.triple"
            " WHERE g.iri = ?",
            (graph,),
        )
        return {nt for (nt,) in rows}

    def stating_each(self, lines: Iterable[str]) -> dict[str, set[str]]:
        """The document graphs that state each of ``lines`` (N-Triples) that is shared."""
        out: dict[str, set[str]] = defaultdict(set)
        lines = list(lines)
        for start in range(0, len(lines), 500):
            chunk = lines[start : start + 500]
            for nt, iri in self.db.execute(
                "SELECT t.nt, g.iri FROM triples t JOIN states s ON s.triple = t.id JOIN graphs g ON g.id = s.graph"
                f" WHERE t.nt IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                out[nt].add(iri)
        return out

    def rows(self) -> dict[str, set[str]]:
        """Every shared triple with the graphs stating it."""
        out: dict[str, set[str]] = defaultdict(set)
        for nt, iri in self.db.execute(
            "SELECT t.nt, g.iri FROM states s JOIN triples t ON t.id = s.triple JOIN graphs g ON g.id = s.graph"
        ):
            out[nt].add(iri)
        return out

    def _id(self, table: str, column: str, value: str) -> int:
        self.db.execute(f"INSERT OR IGNORE INTO {table} ({column}) VALUES (?)", (value,))
        (found,) = self.db.execute(f"SELECT id FROM {table} WHERE {column} = ?", (value,)).fetchone()
        return int(found)

    def _apply(self, add: Iterable[tuple[str, str]], remove: Iterable[tuple[str, str]]) -> None:
        for nt, graph in remove:
            self.db.execute(
                "DELETE FROM states WHERE triple = (SELECT id FROM triples WHERE nt = ?)"
                " AND graph = (SELECT id FROM graphs WHERE iri = ?)",
                (nt, graph),
            )
            self.db.execute(
                "DELETE FROM triples WHERE nt = ? AND NOT EXISTS (SELECT 1 FROM states WHERE triple = triples.id)",
                (nt,),
            )
        for nt, graph in add:
            self.db.execute(
                "INSERT OR IGNORE INTO states (triple, graph) VALUES (?, ?)",
                (self._id("triples", "nt", nt), self._id("graphs", "iri", graph)),
            )

    def write_ahead(self, add: list[tuple[str, str]], remove: list[tuple[str, str]], sparql: str) -> int:
        """Record a change and the update that makes it in the store, in one transaction; its number."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self._apply(add, remove)
            cursor = self.db.execute("INSERT INTO pending (sparql) VALUES (?)", (sparql,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return int(cursor.lastrowid or 0)

    def done(self, pending: int) -> None:
        self.db.execute("DELETE FROM pending WHERE id = ?", (pending,))

    def undo(self, pending: int, add: list[tuple[str, str]], remove: list[tuple[str, str]]) -> None:
        """The store refused the update: take the change back."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self._apply(remove, add)
            self.db.execute("DELETE FROM pending WHERE id = ?", (pending,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def pending(self) -> list[tuple[int, str]]:
        return [(int(i), str(q)) for i, q in self.db.execute("SELECT id, sparql FROM pending ORDER BY id")]

    def backup(self, target: Path) -> None:
        """A consistent copy of the ledger at ``target`` (for a snapshot)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(target)
        try:
            self.db.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one plain file, read-only from then on
        finally:
            copy.close()


def _same_file(a: str, b: str) -> bool:
    return os.path.normpath(os.path.abspath(a)) == os.path.normpath(os.path.abspath(b))


def _is_path_suffix(short: str, long: str) -> bool:
    """Whether ``short`` names the last components of the path ``long`` ("a/b.txt" of "/x/a/b.txt")."""
    parts, whole = Path(short).parts, Path(long).parts
    return bool(parts) and whole[-len(parts) :] == parts


class Store:
    """A folder holding an Oxigraph store of document graphs.

    Open it with :meth:`Store.open`, as a context manager that releases it on exit.
    Each triple is kept once: in the graph of the one document that states it, or in
    the shared graph (:data:`SHARED_GRAPH`) when several do, the ledger naming them
    (:meth:`document_quads` gives a document its whole graph back). Queries read the
    union of the graphs, so a triple two documents share is one triple; the prefixes
    of :data:`pipeline.vocab.PREFIXES` are predeclared.

    One process at a time writes a store (Oxigraph's lock). Readers (``whereas
    query``, ``whereas serve``) never take that lock: they read the newest
    *snapshot*, a read-only copy made of hard links that a writer publishes when it
    closes the store, so a build or a removal can run while the store is served and
    the endpoint sees the new documents without a restart. Old snapshots go once no
    reader holds them. The store also keeps, for each document graph, the file it
    came from and its text's digest (so a document from another file with the same
    id is not replaced silently), and a record of its last build (:func:`store_status`).

    >>> import tempfile
    >>> from pipeline.rdf.export import read_dataset
    >>> with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "store") as st:
    ...     st.load_documents(read_dataset("tests/data/mini.trig"))
    ...     [str(row["name"].value) for row in st.query("SELECT ?name WHERE { ?p a wh:Person ; rdfs:label ?name } ORDER BY ?name")]
    1
    ['Anna Berg', 'Karl Berg']
    """

    def __init__(
        self,
        store: ox.Store,
        path: Path,
        read_only: bool = False,
        key: str | None = None,
        pinned: int | None = None,
        snapshot: int | None = None,
        folder: Path | None = None,
    ) -> None:
        self._ox: ox.Store | None = store
        self.path = path
        self.read_only = read_only
        self._key = key
        self._pinned = pinned  # descriptor holding the snapshot read
        self.snapshot = snapshot  #: the snapshot read (read-only), None for the store itself
        self._dirty = not read_only and current_snapshot(path) is None  # readers need a first snapshot
        self._journal: Any = None  # the open journal of a build in progress
        self._unflushed = 0  # characters of updates written since the last flush
        folder = folder or path
        #: each triple in one graph, queried over their union; False: a store of an older whereas,
        #: read through its default graph (which holds the union)
        self.union = keeps_triples_once(folder)
        self._ledger: _Ledger | None = _Ledger(folder / LEDGER, read_only=True) if self.union else None

    # -- opening and closing ------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = True, read_only: bool = False) -> Store:
        """Open the store in the folder ``path``; with ``create``, make it if it is missing.

        ``read_only`` opens the newest snapshot (see :class:`Store`): it takes no lock
        and sees the store as the last writer left it.

        Raises:
            StoreError: ``path`` is a file, holds something else, cannot be
                created, is missing (``create=False``) or is being written.

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
                raise StoreError(path, f"no store here; make one with `whereas build DOCS --store {path}`")
            if path.is_dir() and any(path.iterdir()):
                raise StoreError(path, "folder is not empty and holds no store; refusing to create a store in it")
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(path, f"cannot create store folder: {exc.strerror or exc}") from exc
        if read_only:
            return cls._open_snapshot(path)
        if not os.access(path, os.W_OK):
            raise StoreError(path, "store folder is not writable")
        key = _claim(path)
        try:
            store = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            _unclaim(key)
            raise _open_error(path, exc) from exc
        opened = cls(store, path, False, key)
        try:
            opened._prepare()
        except BaseException:
            opened.close()
            raise
        return opened

    @classmethod
    def _open_snapshot(cls, path: Path) -> Store:
        pinned = pin_snapshot(path)
        if pinned is None:  # a store no whereas writer has closed yet: the store itself, read-only
            try:
                return cls(ox.Store.read_only(str(path)), path, True)
            except (OSError, RuntimeError) as exc:
                raise _open_error(path, exc) from exc
        folder, seq, fd = pinned
        try:
            store = ox.Store.read_only(str(folder))
        except (OSError, RuntimeError) as exc:
            os.close(fd)
            raise _open_error(path, exc) from exc
        return cls(store, path, True, pinned=fd, snapshot=seq, folder=folder)

    def _prepare(self) -> None:
        """A writer's first work: finish the change a killed writer left half made, or give a store
        of an older whereas (or a new one) its ledger, each triple moved into one graph."""
        if self._ledger is not None:
            self._ledger.close()
        ledger = self.path / LEDGER
        if not ledger.is_file():
            self._adopt(ledger)
        self._ledger = _Ledger(ledger)
        self.union = True
        for pending, sparql in self._ledger.pending():
            try:
                self.ox.update(sparql)
            except (OSError, ValueError, RuntimeError, SyntaxError) as exc:
                raise StoreError(self.path, f"cannot finish the store's last change: {_first_line(exc)}") from exc
            self._ledger.done(pending)
            self._dirty = True

    def _adopt(self, ledger: Path) -> None:
        """Make the ledger of a store that has none: a new store, or one whose default graph holds
        the union of its graphs (an older whereas). The union copy goes and each triple several
        graphs hold moves into the shared graph, written ahead in a ledger that takes its place
        only once whole."""
        store = self.ox
        legacy = any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        add, deletes, inserts = _collapse(store.query(_REPEATED), {})
        parts = ["CLEAR SILENT DEFAULT"] if legacy else []
        if any(deletes.values()):
            parts.append("DELETE DATA " + _data_block(deletes))
        if any(inserts.values()):
            parts.append("INSERT DATA " + _data_block(inserts))
        draft = ledger.with_name(ledger.name + ".new")
        draft.parent.mkdir(parents=True, exist_ok=True)
        draft.unlink(missing_ok=True)
        new = _Ledger(draft)
        try:
            if parts:
                new.write_ahead(add, [], " ;\n".join(parts))  # run by _prepare, from the ledger
        finally:
            new.close()
        os.replace(draft, ledger)

    def close(self) -> None:
        """Release the store; a writer that changed it first publishes a snapshot for readers.

        The object cannot be used afterwards.
        """
        try:
            if self._ox is not None and not self.read_only:
                if self._dirty:
                    self.publish()
                self._ox.flush()
        except OSError as exc:  # pragma: no cover - disk failure
            raise StoreError(self.path, f"cannot flush store: {_first_line(exc)}") from exc
        finally:
            if self._ledger is not None:
                self._ledger.close()
                self._ledger = None
            self._ox = None  # the last reference: Oxigraph closes the store and drops its lock
            _unclaim(self._key)
            self._key = None
            if self._pinned is not None:
                os.close(self._pinned)  # lets the snapshot be swept
                self._pinned = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def ox(self) -> _OxStore:
        """The underlying :class:`pyoxigraph.Store`."""
        if self._ox is None:
            raise StoreError(self.path, "store is closed")
        return self._ox

    def _writable(self) -> _OxStore:
        if self.read_only:
            raise StoreError(self.path, "store is opened read-only")
        return self.ox

    # -- snapshots --------------------------------------------------------------

    def publish(self) -> int:
        """Make the store as it is now the snapshot readers open; sweep snapshots no reader holds.

        Returns:
            The new snapshot's number.
        """
        store = self._writable()
        folder = self.path / SNAPSHOTS
        try:
            folder.mkdir(parents=True, exist_ok=True)
            seq = (current_snapshot(self.path) or 0) + 1
            tmp, final = folder / f".tmp-{seq}", folder / str(seq)
            for stale in (tmp, final):  # what a writer killed mid-way left
                _remove_tree(stale)
            store.flush()
            store.backup(str(tmp))
            if self._ledger is not None:
                self._ledger.backup(tmp / LEDGER)
            (tmp / READERS).touch()
            os.replace(tmp, final)
            atomic_write_bytes(folder / "current", f"{seq}\n".encode())
        except (OSError, RuntimeError, sqlite3.Error) as exc:
            raise StoreError(self.path, f"cannot publish a snapshot of the store: {_first_line(exc)}") from exc
        self._dirty = False
        self._sweep_snapshots(keep=seq)
        return seq

    def _sweep_snapshots(self, keep: int) -> None:
        folder = self.path / SNAPSHOTS
        for entry in list(folder.iterdir()) if folder.is_dir() else []:
            if entry.name.startswith((".tmp-", ".trash-")):
                _remove_tree(entry)  # only a writer makes these, and this process is the writer
            elif entry.name.isdigit() and int(entry.name) != keep:
                try:
                    fd = os.open(entry / READERS, os.O_RDONLY)
                except OSError:
                    _remove_tree(entry)
                    continue
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # no reader holds it
                except OSError:
                    os.close(fd)
                    continue  # in use: a later writer sweeps it
                try:
                    trash = folder / f".trash-{entry.name}-{os.getpid()}"
                    os.replace(entry, trash)
                finally:
                    os.close(fd)
                _remove_tree(trash)

    # -- reading ----------------------------------------------------------------

    def __len__(self) -> int:
        """Number of triples the store keeps: each once (in a store of an older whereas, the quads
        of the document graphs; its default graph only mirrors their union)."""
        if self.union:
            return len(self.ox)
        return len(self.ox) - sum(1 for _ in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def documents(self) -> list[str]:
        """The IRIs of the document graphs, sorted."""
        return sorted(
            g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode) and g.value != SHARED_GRAPH
        )

    def to_dataset(self) -> Dataset:
        """The document graphs as an rdflib ``Dataset``, each whole (its own triples and its share
        of the shared graph); its default graph is their union.

        >>> import tempfile
        >>> from pipeline.rdf.export import read_dataset
        >>> with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "store") as st:
        ...     _ = st.load_documents(read_dataset("tests/data/mini.trig"))
        ...     len(st.to_dataset()) == len(read_dataset("tests/data/mini.trig"))
        True
        """
        shared = ox.NamedNode(SHARED_GRAPH)
        quads = (
            q
            for q in self.ox.quads_for_pattern(None, None, None, None)
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != shared
        )
        data = (ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"").decode("utf-8")
        if self._ledger is not None:  # each document's share of the shared graph, back in its graph
            data += "".join(
                f"{nt} {ox.NamedNode(graph)} .\n" for nt, graphs in self._ledger.rows().items() for graph in graphs
            )
        ds = Dataset(default_union=True)
        ds.parse(data=data, format="nquads")
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        return ds

    def document_quads(self, graph: str) -> set[_Quad]:
        """The whole graph of a document: the triples only it states and those it shares."""
        node = ox.NamedNode(graph)
        quads = set(self.ox.quads_for_pattern(None, None, None, node))
        if self._ledger is not None:
            quads.update(_Quad(t.subject, t.predicate, t.object, node) for t in _triples(self._ledger.shared_by(graph)))
        return quads

    def query(self, sparql: str, *, source: str = "query") -> QueryResult:
        """Run a SPARQL query over the union of the store's graphs (each triple once).

        Args:
            sparql: the query text; ``wh:``, ``rdfs:``, ... need no PREFIX line.
            source: names the query in error messages (a file name, or "query").

        Raises:
            QueryError: the query is malformed or cannot be evaluated.
        """
        try:
            return self.ox.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=self.union)
        except SyntaxError as exc:
            raise QueryError(source, f"SPARQL syntax error: {explain_syntax_error(sparql, str(exc))}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(source, _first_line(exc)) from exc

    def records(self) -> dict[str, DocumentRecord]:
        """What the store knows of each document graph's origin (graphs loaded without it are missing)."""
        data = _read_json(self.path / _MANIFEST) or {}
        out = {}
        for graph, entry in (data.get("documents") or {}).items():
            try:
                out[graph] = DocumentRecord.from_json({**entry, "graph": graph})
            except (KeyError, TypeError):
                continue
        return out

    def _stored_document(self, graph: str) -> tuple[str, str] | None:
        rows = self.ox.query(_STORED_DOCUMENT.format(g=ox.NamedNode(graph)), prefixes=PREFIXES)
        assert isinstance(rows, ox.QuerySolutions)
        for row in rows:
            return str(row["source"].value), str(row["text"].value)
        return None

    def conflicts(self, records: Sequence[DocumentRecord]) -> list[str]:
        """Documents the store holds under the ids of ``records`` but from other files, one line each.

        A stored document is the same document when it was read from the same file, or
        has the same text (a file moved); otherwise loading would silently replace it.
        """
        known = self.records()
        found = []
        for record in records:
            if not self.ox.contains_named_graph(ox.NamedNode(record.graph)):
                continue
            stored = known.get(record.graph)
            if stored is not None:
                if stored.file == record.file or stored.sha256 == record.sha256:
                    continue
                origin = stored.file
            else:  # loaded by an older whereas or by hand: judge by its source and text
                document = self._stored_document(record.graph)
                if document is None:
                    continue
                source, text = document
                if (
                    text_digest(text) == record.sha256
                    or _same_file(source, record.file)
                    or _is_path_suffix(source, record.file)
                ):
                    continue
                origin = source
            found.append(
                f"document {record.doc_id!r} in the store was read from {origin}; {record.file} "
                "is another file with the same id (rename one of them, or give --replace to "
                "replace the stored one)"
            )
        return found

    # -- writing ----------------------------------------------------------------

    def update(self, sparql: str, *, source: str = "update") -> None:
        """Run a SPARQL update in one transaction (all or nothing), then put each triple back in one
        graph (see :meth:`normalize`).

        Raises:
            QueryError: the update is malformed or fails.
        """
        store = self._writable()
        try:
            store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(source, f"SPARQL syntax error: {explain_syntax_error(sparql, str(exc))}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(source, _first_line(exc)) from exc
        self._dirty = True
        self.normalize()

    def normalize(self) -> None:
        """After an update by hand: a triple two graphs hold moves into the shared graph (the ledger
        names them), the ledger forgets graphs that are gone and shared triples that were deleted,
        and a shared triple only one graph still states moves back into it (none: it goes)."""
        store = self._writable()
        ledger = self._ledger
        assert ledger is not None
        graphs = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
        shared = {str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(SHARED_GRAPH))}
        rows = ledger.rows()
        remove: list[tuple[str, str]] = []
        deletes: dict[str, set[str]] = defaultdict(set)
        inserts: dict[str, set[str]] = defaultdict(set)
        for nt, holders in rows.items():
            if nt not in shared:  # deleted by hand
                remove.extend((nt, g) for g in holders)
                continue
            gone = holders - graphs
            if not gone:
                continue
            left = holders - gone
            remove.extend((nt, g) for g in gone)
            if len(left) <= 1:
                deletes[SHARED_GRAPH].add(nt)
                remove.extend((nt, g) for g in left)
                for g in left:
                    inserts[g].add(nt)
        add, more_deletes, more_inserts = _collapse(store.query(_REPEATED), rows)
        for target, lines in more_deletes.items():
            deletes[target] |= lines
        for target, lines in more_inserts.items():
            inserts[target] |= lines
        parts = []
        if any(deletes.values()):
            parts.append("DELETE DATA " + _data_block(deletes))
        if any(inserts.values()):
            parts.append("INSERT DATA " + _data_block(inserts))
        if parts or add or remove:
            self._change(add, remove, " ;\n".join(parts))

    def _change(self, add: list[tuple[str, str]], remove: list[tuple[str, str]], sparql: str) -> None:
        """Change the ledger and, by ``sparql``, the store: written ahead, so a kill between the two
        is made good by the next writer (see :meth:`_prepare`)."""
        ledger = self._ledger
        assert ledger is not None
        try:
            pending = ledger.write_ahead(add, remove, sparql)
        except sqlite3.Error as exc:
            raise StoreError(self.path, f"cannot write the store's ledger: {_first_line(exc)}") from exc
        try:
            if sparql:
                self.ox.update(sparql)
        except BaseException as exc:
            ledger.undo(pending, add, remove)
            if isinstance(exc, (OSError, ValueError, RuntimeError, SyntaxError)):
                raise StoreError(self.path, f"cannot write the store: {_first_line(exc)}") from exc
            raise
        ledger.done(pending)
        self._dirty = True
        self._unflushed += len(sparql)
        if self._unflushed > FLUSH_CHARS:
            self.ox.flush()
            self._unflushed = 0

    def _place(self, graph: str, new: set[_Quad], *, keep: bool = True) -> bool:
        """Make ``new`` the whole graph of the document ``graph`` (``keep=False``: take it out), each
        triple in one graph: a triple only this document states goes in its graph; one another
        document's graph holds moves from there into the shared graph; one already shared gets this
        document added in the ledger. A shared triple this document no longer states stays shared
        while two others state it, moves back into the graph of the one that still does, or goes.

        Returns:
            Whether anything changed (an equal graph, blank nodes compared canonically, does not).
        """
        store = self._writable()
        ledger = self._ledger
        assert ledger is not None
        node = ox.NamedNode(graph)
        new = _as_stored(new)
        exists = store.contains_named_graph(node)
        mine = ledger.shared_by(graph)
        if exists and keep and _canonical(self.document_quads(graph)) == _canonical(new):
            return False
        wanted = {str(q.triple): q.triple for q in new}
        shared = ledger.stating_each(wanted.keys() ^ mine)  # the triples that come or go
        add: list[tuple[str, str]] = []
        remove: list[tuple[str, str]] = []
        deletes: dict[str, set[str]] = defaultdict(set)
        inserts: dict[str, set[str]] = defaultdict(set)
        for nt in mine - wanted.keys():
            remove.append((nt, graph))
            others = shared.get(nt, set()) - {graph}
            if len(others) <= 1:
                deletes[SHARED_GRAPH].add(nt)
                for other in others:
                    remove.append((nt, other))
                    inserts[other].add(nt)
        own: set[str] = set()
        for nt, triple in wanted.items():
            if nt in mine:
                continue
            if _is_blank(triple):  # a blank node is its document's own
                own.add(nt)
                continue
            if shared.get(nt):
                add.append((nt, graph))
                continue
            holders = {
                q.graph_name.value
                for q in store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
                if isinstance(q.graph_name, ox.NamedNode)
            } - {graph}
            if not holders:
                own.add(nt)
                continue
            add.append((nt, graph))
            for other in holders - {SHARED_GRAPH}:
                deletes[other].add(nt)
                add.append((nt, other))
            if SHARED_GRAPH not in holders:
                inserts[SHARED_GRAPH].add(nt)
        parts = []
        if any(deletes.values()):
            parts.append("DELETE DATA " + _data_block(deletes))
        parts.append(f"DROP SILENT GRAPH {node}")
        if keep:
            parts.append(f"CREATE SILENT GRAPH {node}")
            inserts[graph] |= own
        if any(inserts.values()):
            parts.append("INSERT DATA " + _data_block(inserts))
        self._change(add, remove, " ;\n".join(parts))
        return True

    def _log(self, entry: dict[str, Any]) -> None:
        """Append a line to the build journal (a build in progress only)."""
        if self._journal is not None:
            self._journal.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
            self._journal.flush()

    def load_documents(self, ds: Dataset, records: Sequence[DocumentRecord] = (), replace: bool = False) -> int:
        """Add the named graphs of ``ds``, one per document, replacing each whole.

        A graph already in the store with the same content (blank nodes compared
        canonically) is left alone; any other is replaced in one transaction, so
        readers never see half a document. ``records`` say where the documents come
        from: a document the store holds under one of their ids but from another file
        is not replaced unless ``replace`` (see :meth:`conflicts`), and the graph a
        file had under another id goes.

        Returns:
            How many document graphs were added, replaced or removed.

        Raises:
            StoreError: ``ds`` has triples outside any named graph, a document would
                replace another file's, or the store cannot be written.
        """
        self._writable()
        loose = sum(len(g) for g in ds.graphs() if g.identifier == DATASET_DEFAULT_GRAPH_ID)
        if loose:
            raise StoreError(
                self.path,
                f"the dataset has {loose} triple(s) outside any named graph; only document graphs can be stored",
            )
        loader = self.loader(records, replace=replace)
        data = ds.serialize(format="nquads", encoding="utf-8")
        by_graph: dict[str, set[ox.Quad]] = {}
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise StoreError(self.path, f"graph name {quad.graph_name} is not an IRI")
            by_graph.setdefault(quad.graph_name.value, set()).add(quad)
        for g in ds.graphs():  # named graphs without triples still name documents
            if g.identifier != DATASET_DEFAULT_GRAPH_ID:
                by_graph.setdefault(str(g.identifier), set())
        for graph in sorted(by_graph):
            loader.add_quads(graph, by_graph[graph])
        return loader.finish()

    def loader(self, records: Sequence[DocumentRecord] = (), replace: bool = False) -> _Loader:
        """Load document graphs given one at a time (a build hands each over as it makes it), as
        :meth:`load_documents` loads a dataset's; :meth:`_Loader.finish` ends the load.

        Raises:
            StoreError: a document the store holds under one of the ids of ``records`` was read
                from another file (unless ``replace``).
        """
        self._writable()
        if not replace:
            problems = self.conflicts(records)
            if problems:
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                raise StoreError(self.path, problems[0] + more)
        return _Loader(self, records)

    def _save_records(self, records: dict[str, DocumentRecord]) -> None:
        _write_json(
            self.path / _MANIFEST,
            {
                "documents": {
                    g: {k: v for k, v in asdict(r).items() if k != "graph"} for g, r in sorted(records.items())
                }
            },
        )

    def _resolve(self, ref: str) -> list[str]:
        graphs = self.documents()
        if ref in graphs:
            return [ref]
        by_id = [g for g in graphs if g.endswith("/document/" + ref.strip("/"))]
        if by_id:
            return by_id
        found = {g for g, r in self.records().items() if g in graphs and _same_file(r.file, ref)}
        if found:
            return sorted(found)
        rows = self.query(_FIND_BY_SOURCE)
        assert isinstance(rows, ox.QuerySolutions)
        for row in rows:
            source = row["source"].value
            if source == ref or _same_file(source, ref) or _is_path_suffix(source, os.path.abspath(ref)):
                found.add(row["g"].value)
        return sorted(found)

    def remove_document(self, ref: str) -> int:
        """Remove a document's graph, named by its IRI, its id or its source path.

        Args:
            ref: the graph IRI; or a document id such as ``ep-2013-kazakhstan``
                (the graph whose IRI ends with ``/document/<id>``); or the
                path of the file the document was read from.

        Returns:
            The number of triples removed.

        Raises:
            StoreError: no document or several documents match ``ref``.
        """
        self._writable()
        graphs = self._resolve(ref)
        if not graphs:
            raise StoreError(self.path, f"no document {ref!r} in the store (give a document IRI, id or source path)")
        if len(graphs) > 1:
            raise StoreError(
                self.path, f"{ref!r} matches {len(graphs)} documents: " + ", ".join(graphs) + "; give the document IRI"
            )
        graph = graphs[0]
        removed = len(self.document_quads(graph))
        self._place(graph, set(), keep=False)
        known = self.records()
        if graph in known:
            del known[graph]
            self._save_records(known)
        return removed

    # -- the record of a build --------------------------------------------------

    @contextmanager
    def recording(self, records: Sequence[DocumentRecord], skipped: Sequence[str] = ()) -> Iterator[None]:
        """Keep a record of a build around its work: running, then complete, failed or interrupted.

        While the build runs, each document graph loaded is journalled as it goes, so a
        build killed half-way leaves a record of what it did (see :func:`store_status`).
        """
        self._writable()
        self._recover()
        base = {
            "whereas": __version__,
            "pid": os.getpid(),
            "started": _now(),
            "documents": [{k: v for k, v in asdict(r).items()} for r in records],
            "skipped": list(skipped),
        }
        _write_json(self.path / _BUILD, {**base, "state": "running"})
        state, cause = "complete", None
        try:
            with open(self.path / _JOURNAL, "w", encoding="utf-8") as journal:
                self._journal = journal
                try:
                    yield
                finally:
                    self._journal = None
        except WhereasError as exc:
            state, cause = "failed", str(exc)
            raise
        except BaseException:
            state = "interrupted"
            raise
        finally:
            _write_json(
                self.path / _BUILD, {**base, "state": state, "ended": _now(), **({"cause": cause} if cause else {})}
            )

    def _recover(self) -> None:
        """Fold what an interrupted build loaded into the documents' records (its journal)."""
        last = _read_json(self.path / _BUILD) or {}
        if last.get("state") != "running":
            return
        known = self.records()
        for entry in _journal(self.path):
            if entry.get("loaded") and {"doc_id", "source", "file", "sha256"} <= set(entry):
                known[entry["graph"]] = DocumentRecord.from_json(entry)
            elif entry.get("removed"):
                known.pop(str(entry.get("graph")), None)
        self._save_records(known)


class _Loader:
    """Document graphs loaded one at a time: see :meth:`Store.loader`."""

    def __init__(self, store: Store, records: Sequence[DocumentRecord]) -> None:
        self.store = store
        self.known = store.records()
        self.incoming = {r.graph: r for r in records}
        files = {r.file: r.graph for r in records}
        self.moved = sorted(g for g, r in self.known.items() if files.get(r.file, g) != g)  # now under another id
        self.changed = 0

    def add(self, graph: Graph) -> None:
        """Load a document's named graph (its identifier names it), replacing the stored one."""
        self.add_ntriples(str(graph.identifier), self.ntriples(graph))

    @staticmethod
    def ntriples(graph: Graph) -> bytes:
        """What :meth:`add` loads of a graph (a build may keep it for an unchanged document)."""
        return graph.serialize(format="nt", encoding="utf-8")

    def add_ntriples(self, graph: str, data: bytes) -> None:
        """Load the named graph ``graph`` from its N-Triples, replacing the stored one."""
        name = ox.NamedNode(graph)
        self.add_quads(graph, {_Quad(t.subject, t.predicate, t.object, name) for t in _triples_of_nt(data)})

    def add_quads(self, graph: str, quads: set[_Quad]) -> None:
        exists = self.store.ox.contains_named_graph(ox.NamedNode(graph))
        if not self.store._place(graph, quads):
            self.store._log({"graph": graph, "unchanged": True})
            return
        self.changed += 1
        record = self.incoming.get(graph)
        self.store._log(
            {
                "graph": graph,
                "loaded": "replaced" if exists else "added",
                **({k: v for k, v in asdict(record).items() if k != "graph"} if record else {}),
            }
        )

    def finish(self) -> int:
        """Take out the graphs whose files are now read under another id, keep the documents'
        records; how many document graphs were added, replaced or removed."""
        for graph in self.moved:
            if self.store.ox.contains_named_graph(ox.NamedNode(graph)):
                self.store._place(graph, set(), keep=False)
                self.changed += 1
                self.store._log({"graph": graph, "removed": "its file is now read under another id"})
        if self.incoming or self.moved:
            self.store._save_records({**{g: r for g, r in self.known.items() if g not in self.moved}, **self.incoming})
        return self.changed


def _writer_active(path: Path) -> bool:
    """Whether a process holds the store open for writing (Oxigraph's lock on ``LOCK``)."""
    if str(path.resolve()) in _HELD:
        return True
    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # drops the probe's lock (this process held no other lock on the file)
    return False


def store_status(path: str | Path) -> str:
    """What a store holds and how its last build ended, as lines of text (``whereas status``).

    Raises:
        StoreError: ``path`` is not a store.
    """
    path = Path(path)
    with Store.open(path, create=False, read_only=True) as st:
        graphs, triples, snapshot = st.documents(), len(st), st.snapshot
    lines = [
        f"{path}: {len(graphs)} document(s), {triples:,} triples"
        + (f" (snapshot {snapshot})" if snapshot is not None else "")
    ]
    last = _read_json(path / _BUILD)
    if not last:
        lines.append("last build: no record (built by an older whereas, or never)")
        return "\n".join(lines) + "\n"
    journal = _journal(path)
    loaded = {e["graph"]: e["loaded"] for e in journal if e.get("loaded")}
    unchanged = {e["graph"] for e in journal if e.get("unchanged")}
    state = last.get("state", "?")
    if state == "running" and not _writer_active(path):
        state = "interrupted"
    planned = last.get("documents", [])
    head = f"last build: {state}, started {last.get('started', '?')}"
    if last.get("ended"):
        head += f", ended {last['ended']}"
    head += f" (whereas {last.get('whereas', '?')}, process {last.get('pid', '?')})"
    lines.append(head)
    if state in ("running", "interrupted"):
        done = len(loaded) + len(unchanged)
        lines.append(
            f"  {done} of {len(planned)} document(s) stored before it "
            + ("was stopped; build again to finish" if state == "interrupted" else "got here")
        )
    elif state == "failed":
        lines.append(f"  {last.get('cause', '')}")
    else:
        lines.append(
            f"  {len(planned)} document(s): {sum(1 for v in loaded.values() if v == 'added')} added, "
            f"{sum(1 for v in loaded.values() if v == 'replaced')} replaced, {len(unchanged)} unchanged"
            + (f"; {len(last.get('skipped', []))} file(s) skipped" if last.get("skipped") else "")
        )
    width = max([len(d.get("doc_id", "")) for d in planned] + [2])
    for doc in planned:
        graph = doc.get("graph", "")
        what = loaded.get(graph) or ("unchanged" if graph in unchanged else "not stored")
        lines.append(
            f"  {what:<10} {doc.get('doc_id', ''):<{width}}  sha256 {doc.get('sha256', '')[:16]}  {doc.get('file', '')}"
        )
    for skipped in last.get("skipped", []):
        lines.append(f"  skipped    {skipped}")
    return "\n".join(lines) + "\n"
