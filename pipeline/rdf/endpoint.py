"""A SPARQL 1.1 Protocol endpoint over a store, with a query page; queries run in killable worker processes."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox
from flask import Flask, Response, request

from pipeline.errors import QueryError, StoreError, WhereasError
from pipeline.iri import DEFAULT_BASE
from pipeline.rdf.store import RESYNC_UNION, Store, StoreLock
from pipeline.vocab import PREFIXES

__all__ = ["RESULT_TYPES", "GRAPH_TYPES", "QUERIES_DIR", "Engine", "Answer", "create_app", "running",
           "saved_queries", "serve"]

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
#: Where the saved competency queries live (read at every request of the page).
QUERIES_DIR = Path(__file__).resolve().parents[2] / "ontology" / "queries"

_FORM = "application/x-www-form-urlencoded"
_TEXT = "text/plain; charset=utf-8"
_START_TIMEOUT = 60.0
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer: status, media type and body."""

    status: int
    media_type: str
    body: bytes

    @classmethod
    def text(cls, status: int, message: str) -> "Answer":
        return cls(status, _TEXT, (message.rstrip("\n") + "\n").encode("utf-8"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _with_charset(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("+json", "/json", "+xml"))
    return f"{media_type}; charset=utf-8" if textual else media_type


# -- the worker process --------------------------------------------------------------


def _evaluate(store: ox.Store, task: dict[str, Any]) -> Answer:
    """Run one query of ``task`` on ``store`` and serialise its answer."""
    options: dict[str, Any] = {"prefixes": PREFIXES}
    if task["default_graphs"]:
        options["default_graph"] = [ox.NamedNode(g) for g in task["default_graphs"]]
    # otherwise the store's default graph: the union of the documents, kept by Store
    if task["named_graphs"]:
        options["named_graphs"] = [ox.NamedNode(g) for g in task["named_graphs"]]
    limit = task["max_results"]
    try:
        result = store.query(task["query"], **options)
        if isinstance(result, ox.QueryTriples):
            media_type = task["graph_type"]
            if media_type is None:
                return Answer.text(406, "a CONSTRUCT/DESCRIBE query answers with a graph; accept one of "
                                   + ", ".join(GRAPH_TYPES))
            triples = list(islice(result, limit + 1))
            if len(triples) > limit:
                return Answer.text(500, f"the answer has more than {limit} triples (the server's "
                                   "--max-results); narrow the query or add a LIMIT")
            fmt = GRAPH_TYPES[media_type]
            prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
            return Answer(200, media_type, ox.serialize(triples, format=fmt, prefixes=prefixes))
        media_type = task["result_type"]
        if media_type is None:
            return Answer.text(406, "a SELECT/ASK query answers with results; accept one of "
                               + ", ".join(RESULT_TYPES))
        if isinstance(result, ox.QuerySolutions):
            # Count, then run again to serialise (pyoxigraph serialises only its own iterator). On a
            # read-only snapshot both runs see the same data; beside a writer the bound is approximate.
            if sum(1 for _ in islice(result, limit + 1)) > limit:
                return Answer.text(500, f"the answer has more than {limit} rows (the server's "
                                   "--max-results); narrow the query or add a LIMIT")
            result = store.query(task["query"], **options)
        return Answer(200, media_type, result.serialize(format=RESULT_TYPES[media_type]))
    except SyntaxError as exc:
        return Answer.text(400, f"SPARQL syntax error: {_first_line(exc)}")
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return Answer.text(500, f"query failed: {_first_line(exc)}")


def _worker_main(conn: Connection, path: str) -> None:  # pragma: no cover - runs in a child process
    """Serve queries from ``conn`` on a read-only snapshot of the store at ``path``."""
    try:
        try:
            store = ox.Store.read_only(path)
        except (OSError, RuntimeError) as exc:
            conn.send(("error", _first_line(exc)))
            return
        conn.send(("ready", os.getpid()))
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
            conn.send(_evaluate(store, task))
    except (BrokenPipeError, KeyboardInterrupt):
        return


def _worker_entry() -> None:  # pragma: no cover - runs in a child process
    """Entry point of a worker process: ``argv`` is the connection's file descriptor and the store path."""
    _worker_main(Connection(int(sys.argv[1])), sys.argv[2])


# -- the pool of workers, in the serving process ---------------------------------------


@dataclass(eq=False, slots=True)
class _Worker:
    process: subprocess.Popen
    conn: Connection


class Engine:
    """Runs SPARQL on a store for the endpoint, within a time and a size bound.

    pyoxigraph cannot cancel a running query, so how a query past
    ``timeout`` is stopped depends on whether the store can change:

    - Read-only (a store path without ``allow_update``): this process holds
      the store's lock (:class:`~pipeline.rdf.store.StoreLock`) so nobody can
      write it, and queries run in worker processes, each on a read-only
      snapshot. A query past ``timeout`` is stopped by killing its worker,
      which is replaced; the answer is 503.
    - Writable (``allow_update``, or an open :class:`Store` given): RocksDB
      snapshots are not safe beside a live writer, so queries and updates run
      in threads of this process on the open store. One past ``timeout`` is
      answered 503 and abandoned: it runs to its end in the background,
      holding one of the ``workers`` slots, so runaway queries make the
      server answer "busy" rather than pile up. An update is one transaction:
      applied whole or not at all; it ends by rebuilding the default graph as
      the union of the named graphs (what queries read, see :class:`Store`).

    Args:
        store: an open store (queried in this process), or the folder of one.
        timeout: seconds a request may take, waiting for a free worker included.
        max_results: rows or triples an answer may have.
        allow_update: accept SPARQL UPDATE.
        workers: queries that may run at the same time.
    """

    def __init__(self, store: Store | str | Path, *, timeout: float = 30.0, max_results: int = 100_000,
                 allow_update: bool = False, workers: int = 2) -> None:
        if timeout <= 0 or max_results < 0 or workers < 1:
            raise ValueError("timeout must be > 0, max_results >= 0 and workers >= 1")
        self.timeout = timeout
        self.max_results = max_results
        self.allow_update = allow_update
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(workers)
        self._update_lock = threading.Lock()
        self._closed = False
        self._owned: Store | StoreLock | None = None
        self.store: Store | None = None
        if isinstance(store, Store):
            self.path, self.store = store.path, store
        elif allow_update:
            self.store = self._owned = Store.open(store, create=False)
            self.path = self.store.path
        else:
            self._owned = StoreLock(store)
            self.path = self._owned.path
            try:
                for _ in range(workers):
                    self._idle.put(self._spawn())
            except BaseException:
                self.close()
                raise

    @property
    def in_process(self) -> bool:
        """Queries run in this process (the store is open for writing) rather than in workers."""
        return self.store is not None

    # worker processes

    def _spawn(self) -> _Worker:
        # A fresh interpreter (not multiprocessing's spawn, which re-imports the caller's
        # __main__) running _worker_entry, talking over one end of a socket pair.
        parent, child = multiprocessing.Pipe()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [_PACKAGE_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])])}
        process = subprocess.Popen(
            [sys.executable, "-c", "from pipeline.rdf.endpoint import _worker_entry; _worker_entry()",
             str(child.fileno()), str(self.path)],
            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, env=env)
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        try:
            if not parent.poll(_START_TIMEOUT):
                raise StoreError(self.path, "a query worker did not start")
            status, detail = parent.recv()
        except (EOFError, OSError) as exc:
            self._kill(worker)
            raise StoreError(self.path, "a query worker did not start") from exc
        except StoreError:
            self._kill(worker)
            raise
        if status != "ready":
            self._kill(worker)
            raise StoreError(self.path, f"a query worker cannot read the store: {detail}")
        return worker

    def _kill(self, worker: _Worker) -> None:
        with self._lock:
            if worker not in self._all:  # killed already (by close() or a timed-out request)
                return
            self._all.discard(worker)
        if worker.process.poll() is None:
            worker.process.kill()
        try:
            worker.process.wait(10)
        except subprocess.TimeoutExpired:  # pragma: no cover - a process that ignores SIGKILL
            pass
        worker.conn.close()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        self._kill(worker)

        def respawn() -> None:
            if self._closed:
                return
            try:
                fresh = self._spawn()
            except WhereasError:  # pragma: no cover - the machine is out of processes
                return
            if self._closed:
                self._kill(fresh)
            else:
                self._idle.put(fresh)

        threading.Thread(target=respawn, name="whereas-sparql-respawn", daemon=True).start()

    def worker_pids(self) -> list[int]:
        """Process ids of the live worker processes, sorted."""
        with self._lock:
            return sorted(w.process.pid for w in self._all)

    def close(self) -> None:
        """Stop the worker processes; release the store if the engine opened or locked it."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._kill(worker)
        if isinstance(self._owned, Store):
            self._owned.close()
        elif isinstance(self._owned, StoreLock):
            self._owned.release()
        self._owned = None

    # requests

    def _in_thread(self, work, deadline: float, late: str) -> Answer:
        """Run ``work() -> Answer`` in a thread; past ``deadline`` answer 503 ``late`` and let it run."""
        outcome: list[Answer] = []

        def run() -> None:
            try:
                outcome.append(work())
            except WhereasError as exc:
                outcome.append(Answer.text(500, exc.cause))
            except Exception as exc:  # noqa: BLE001 - a request must always get an answer
                outcome.append(Answer.text(500, f"query failed: {_first_line(exc)}"))

        runner = threading.Thread(target=run, name="whereas-sparql", daemon=True)
        runner.start()
        runner.join(max(0.0, deadline - time.monotonic()))
        return outcome[0] if outcome else Answer.text(503, late)

    def query(self, sparql: str, *, result_type: str | None, graph_type: str | None,
              default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> Answer:
        """Answer a query in ``result_type`` (SELECT/ASK) or ``graph_type`` (CONSTRUCT/DESCRIBE).

        A ``None`` type means the client accepts none: such an answer is 406.
        """
        deadline = time.monotonic() + self.timeout
        task = {"query": sparql, "result_type": result_type, "graph_type": graph_type,
                "default_graphs": default_graphs or [], "named_graphs": named_graphs or [],
                "max_results": self.max_results}
        busy = Answer.text(503, f"every query worker is busy; try again (the time limit is {self.timeout:g} s)")
        if self.in_process:
            if not self._slots.acquire(timeout=self.timeout):
                return busy

            def work() -> Answer:
                try:
                    return _evaluate(self.store.ox, task)
                finally:
                    self._slots.release()

            return self._in_thread(work, deadline, f"query abandoned: it ran past the time limit of "
                                   f"{self.timeout:g} s")
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return busy
        try:
            worker.conn.send(task)
            if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError):
            self._replace(worker)
            return Answer.text(500, "the query worker died; try again")
        self._replace(worker)
        return Answer.text(503, f"query stopped: it ran past the time limit of {self.timeout:g} s")

    def update(self, sparql: str) -> Answer:
        """Apply a SPARQL update in one transaction (403 unless the engine allows updates)."""
        if not self.allow_update or self.store is None:
            return Answer.text(403, "updates are disabled on this endpoint (start it with --allow-update)")
        deadline = time.monotonic() + self.timeout
        if not self._update_lock.acquire(timeout=self.timeout):
            return Answer.text(503, "another update is still running; try again")

        def work() -> Answer:
            try:
                # then rebuild the default graph as the union of the named graphs, in the same transaction
                self.store.update(sparql.rstrip().rstrip(";") + " ;\n" + RESYNC_UNION)
                return Answer(204, _TEXT, b"")
            except QueryError as exc:
                return Answer.text(400 if "syntax error" in exc.cause else 500, exc.cause)
            finally:
                self._update_lock.release()

        return self._in_thread(work, deadline, f"the update ran past the time limit of {self.timeout:g} s; "
                               "it goes on and will be applied whole or not at all")


# -- the web application -----------------------------------------------------------------


def saved_queries(folder: Path | None = None) -> list[dict[str, str]]:
    """The saved queries of ``folder`` (``*.rq``), by file name, titled by their first ``# comment``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "sentenced.rq").write_text("# Who was sentenced?\\nSELECT * {}\\n")
    ...     saved_queries(Path(tmp))
    [{'name': 'sentenced', 'title': 'Who was sentenced?', 'query': '# Who was sentenced?\\nSELECT * {}\\n'}]
    """
    folder = QUERIES_DIR if folder is None else folder
    found = []
    for path in sorted(folder.glob("*.rq")) if folder.is_dir() else []:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        first = text.lstrip().splitlines()[0].strip() if text.strip() else ""
        title = first.lstrip("#").strip() if first.startswith("#") else path.stem.replace("-", " ")
        found.append({"name": path.stem, "title": title or path.stem, "query": text})
    return found


def _page(queries_dir: Path | None) -> str:
    template = resources.files("pipeline.rdf").joinpath("static/index.html").read_text(encoding="utf-8")
    data = {"queries": saved_queries(queries_dir),
            "prefixes": {**PREFIXES, "id": DEFAULT_BASE + "id/"}}
    # JSON inside <script>: "<" escaped so no "</script>" can end the block
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return template.replace("{{DATA}}", payload)


def _respond(answer: Answer) -> Response:
    return Response(answer.body, status=answer.status, content_type=_with_charset(answer.media_type)
                    if answer.status == 200 else answer.media_type)


def create_app(store: Store | str | Path, *, timeout: float = 30.0, max_results: int = 100_000,
               allow_update: bool = False, workers: int = 2, queries_dir: Path | None = None) -> Flask:
    """The endpoint as a WSGI application: ``/sparql`` (SPARQL 1.1 Protocol) and the query page ``/``.

    Args:
        store: the folder of a store; or an open :class:`Store`, queried in this
            process (see :class:`Engine` for what that means for the time limit).
        timeout: seconds a query or update may take.
        max_results: rows or triples an answer may have.
        allow_update: accept SPARQL UPDATE (otherwise 403).
        workers: queries that may run at the same time.
        queries_dir: the saved queries for the page (default ``ontology/queries``).

    Returns:
        A Flask app; ``app.extensions["whereas"]`` is its :class:`Engine`, whose
        ``close()`` stops the workers and releases a store opened or locked here.
    """
    engine = Engine(store if isinstance(store, Store) else Path(store), timeout=timeout,
                    max_results=max_results, allow_update=allow_update, workers=workers)
    app = Flask(__name__, static_folder=None)
    app.extensions["whereas"] = engine

    @app.get("/")
    def page() -> Response:
        return Response(_page(queries_dir), content_type="text/html; charset=utf-8",
                        headers={"Cache-Control": "no-store"})

    @app.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        params = request.args
        query = update = None
        if request.method == "GET":
            if "update" in params:
                return _respond(Answer.text(405, "an update must be sent with POST"))
            query = params.get("query")
        elif request.mimetype == _FORM:
            params = request.form
            query, update = params.get("query"), params.get("update")
        elif request.mimetype == "application/sparql-query":
            query = request.get_data(as_text=True)
        elif request.mimetype == "application/sparql-update":
            update = request.get_data(as_text=True)
        else:
            return _respond(Answer.text(415, f"unsupported content type {request.mimetype or '(none)'}; "
                                        f"send {_FORM}, application/sparql-query or application/sparql-update"))
        if (query is None) == (update is None):
            return _respond(Answer.text(400, "give exactly one of a query or an update"))
        default_graphs = params.getlist("using-graph-uri" if update is not None else "default-graph-uri")
        named_graphs = params.getlist("using-named-graph-uri" if update is not None else "named-graph-uri")
        if update is not None:
            if default_graphs or named_graphs:
                return _respond(Answer.text(400, "using-graph-uri and using-named-graph-uri are not supported"))
            origin = request.headers.get("Origin")
            if origin and urlsplit(origin).netloc != request.host:
                return _respond(Answer.text(403, "an update from another web origin is refused"))
            return _respond(engine.update(update))
        accept = request.accept_mimetypes
        result_type = accept.best_match(list(RESULT_TYPES)) if accept else next(iter(RESULT_TYPES))
        graph_type = accept.best_match(list(GRAPH_TYPES)) if accept else next(iter(GRAPH_TYPES))
        if result_type is None and graph_type is None:
            return _respond(Answer.text(406, "acceptable answers: " + ", ".join([*RESULT_TYPES, *GRAPH_TYPES])))
        answer = engine.query(query, result_type=result_type, graph_type=graph_type,
                              default_graphs=default_graphs, named_graphs=named_graphs)
        response = _respond(answer)
        response.vary.add("Accept")
        return response

    return app


# -- the server -----------------------------------------------------------------------------


def _listen(app: Flask, host: str, port: int, threads: int):
    from waitress.server import create_server

    try:
        return create_server(app, host=host, port=port, threads=threads, ident="whereas")
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise WhereasError(None, f"port {port} is in use on {host}; choose another with --port") from exc
        raise WhereasError(None, f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


@contextmanager
def running(app: Flask, host: str = "127.0.0.1", port: int = 0, threads: int = 4) -> Iterator[str]:
    """Serve ``app`` in a background thread; yields its base URL and stops it on exit.

    ``port=0`` picks a free port. The app's engine is left running.
    """
    server = _listen(app, host, port, threads)
    thread = threading.Thread(target=server.run, name="whereas-http", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.effective_port}"
    finally:
        from waitress import wasyncore

        try:  # close every socket from inside the loop, which then ends
            server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map, ignore_all=True))
        except OSError:  # the trigger is gone already: close from here
            wasyncore.close_all(server._map, ignore_all=True)
        thread.join(10)
        server.task_dispatcher.shutdown()


def serve(store_path: str | Path, *, host: str = "127.0.0.1", port: int = 3030, timeout: float = 30.0,
          max_results: int = 100_000, allow_update: bool = False, workers: int = 2,
          queries_dir: Path | None = None) -> None:
    """Serve the store at ``store_path`` until interrupted: SPARQL at ``/sparql``, the query page at ``/``.

    Binds to localhost unless told otherwise. Without ``allow_update`` the
    store is locked against writers and every query runs in a worker process
    that is killed past ``timeout`` seconds; with it, queries run in this
    process and one past ``timeout`` is answered 503 and abandoned (see
    :class:`Engine`).

    Raises:
        StoreError: the store is missing or in use.
        WhereasError: the port is in use (or cannot be bound).
    """
    app = create_app(Path(store_path), timeout=timeout, max_results=max_results,
                     allow_update=allow_update, workers=workers, queries_dir=queries_dir)
    engine: Engine = app.extensions["whereas"]
    try:
        server = _listen(app, host, port, threads=workers + 2)
        base = f"http://{host}:{server.effective_port}"
        print(f"whereas: serving {store_path} at {base}/sparql, query page {base}/ "
              f"({'updates allowed' if allow_update else 'read-only'}; Ctrl-C stops)", flush=True)
        if threading.current_thread() is threading.main_thread():  # SIGTERM stops as cleanly as Ctrl-C
            previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            server.run()  # returns on Ctrl-C or SIGTERM
        finally:
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGTERM, previous)
    finally:
        engine.close()
