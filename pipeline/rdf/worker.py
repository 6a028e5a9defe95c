"""A SPARQL query worker: evaluates queries sent over a pipe on the newest snapshot of a store.

Light on imports (pyoxigraph and the standard library), so a worker killed for running
past its time limit is replaced quickly.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from pipeline.errors import StoreError
from pipeline.rdf.snapshots import current_snapshot, keeps_triples_once, pin_snapshot
from pipeline.rdf.syntax import explain_syntax_error

__all__ = ["RESULT_TYPES", "GRAPH_TYPES", "TEXT", "Answer", "evaluate", "entry"]

#: Media types of SELECT/ASK answers, the first is the default.
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
}
#: Media types of CONSTRUCT/DESCRIBE answers, the first is the default.
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
}
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer: status, media type, body and extra headers."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def text(cls, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Answer:
        return cls(status, TEXT, (message.rstrip("\n") + "\n").encode("utf-8"), headers)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def evaluate(store: ox.Store, task: dict[str, Any], prefixes: dict[str, str], union: bool = True) -> Answer:
    """Run the query of ``task`` on ``store`` and serialise its answer.

    ``task`` holds ``query``, ``result_type`` and ``graph_type`` (the media types the
    client accepts, None for none), ``default_graphs``, ``named_graphs`` and ``max_results``.
    Without default graphs, the query reads the union of the store's graphs (``union``; each
    triple is in one of them), or, in a store of an older whereas, its default graph (which
    holds that union).
    """
    options: dict[str, Any] = {"prefixes": prefixes}
    if task["default_graphs"]:
        options["default_graph"] = [ox.NamedNode(g) for g in task["default_graphs"]]
    elif union:
        options["use_default_graph_as_union"] = True
    if task["named_graphs"]:
        options["named_graphs"] = [ox.NamedNode(g) for g in task["named_graphs"]]
    limit = task["max_results"]
    try:
        result = store.query(task["query"], **options)
        if isinstance(result, ox.QueryTriples):
            media_type = task["graph_type"]
            if media_type is None:
                return Answer.text(
                    406, "a CONSTRUCT/DESCRIBE query answers with a graph; accept one of " + ", ".join(GRAPH_TYPES)
                )
            triples = list(islice(result, limit + 1))
            if len(triples) > limit:
                return Answer.text(
                    500,
                    f"the answer has more than {limit} triples (the server's "
                    "--max-results); narrow the query or add a LIMIT",
                )
            fmt = GRAPH_TYPES[media_type]
            graph_prefixes = prefixes if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
            return Answer(200, media_type, ox.serialize(triples, format=fmt, prefixes=graph_prefixes) or b"")
        media_type = task["result_type"]
        if media_type is None:
            return Answer.text(406, "a SELECT/ASK query answers with results; accept one of " + ", ".join(RESULT_TYPES))
        if isinstance(result, ox.QuerySolutions):
            # Count, then run again to serialise (pyoxigraph serialises only its own iterator); a
            # snapshot does not change between the two runs.
            if sum(1 for _ in islice(result, limit + 1)) > limit:
                return Answer.text(
                    500,
                    f"the answer has more than {limit} rows (the server's "
                    "--max-results); narrow the query or add a LIMIT",
                )
            result = store.query(task["query"], **options)
        assert not isinstance(result, ox.QueryTriples)
        return Answer(200, media_type, result.serialize(format=RESULT_TYPES[media_type]) or b"")
    except SyntaxError as exc:
        return Answer.text(400, f"SPARQL syntax error: {explain_syntax_error(task['query'], str(exc))}")
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return Answer.text(500, f"query failed: {_first_line(exc)}")


class _Reader:
    """The newest snapshot of a store, opened read-only and held; reopened when a writer publishes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.store: ox.Store | None = None
        self.seq: int | None = None
        self.fd: int | None = None
        self.union = True  # the snapshot keeps each triple once (see evaluate)

    def current(self) -> ox.Store:
        if self.store is not None and current_snapshot(self.path) == self.seq:
            return self.store
        pinned = pin_snapshot(self.path)
        if pinned is None:
            raise StoreError(self.path, "the store has no snapshot to read")
        folder, seq, fd = pinned
        try:
            store = ox.Store.read_only(str(folder))
        except BaseException:
            os.close(fd)
            raise
        if self.fd is not None:
            self.store = None
            os.close(self.fd)  # the older snapshot may go now
        self.store, self.seq, self.fd = store, seq, fd
        self.union = keeps_triples_once(folder)
        return store


def _main(conn: Connection, path: str, prefixes: dict[str, str]) -> None:  # pragma: no cover - a child process
    reader = _Reader(path)
    try:
        try:
            reader.current()
        except (OSError, RuntimeError, StoreError) as exc:
            conn.send(("error", _first_line(exc)))
            return
        conn.send(("ready", os.getpid()))
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
            try:
                store = reader.current()
            except (OSError, RuntimeError, StoreError) as exc:
                conn.send(Answer.text(500, f"cannot read the store: {_first_line(exc)}"))
                continue
            conn.send(evaluate(store, task, prefixes, reader.union))
    except (BrokenPipeError, KeyboardInterrupt):
        return


def entry() -> None:  # pragma: no cover - runs in a child process
    """A worker's start: ``argv`` holds the pipe's file descriptor, the store's path and the prefixes (JSON)."""
    _main(Connection(int(sys.argv[1])), sys.argv[2], json.loads(sys.argv[3]))
