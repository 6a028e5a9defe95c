"""A SPARQL 1.1 Protocol endpoint over a store, with a query page; queries run in killable worker processes."""

from __future__ import annotations

import errno
import json
import math
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, request
from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler

from pipeline.errors import QueryError, StoreError, WhereasError
from pipeline.iri import DEFAULT_BASE
from pipeline.rdf.snapshots import current_snapshot
from pipeline.rdf.store import Store
from pipeline.rdf.worker import GRAPH_TYPES, RESULT_TYPES, TEXT, Answer, evaluate
from pipeline.resources import ontology_dir
from pipeline.vocab import PREFIXES

__all__ = ["RESULT_TYPES", "GRAPH_TYPES", "Engine", "Answer", "create_app", "running", "saved_queries", "serve"]

_FORM = "application/x-www-form-urlencoded"
_START_TIMEOUT = 60.0
#: How much lower a long query's worker runs (``nice``), so cheap queries get the processor first.
_LONG_NICENESS = 10
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
#: Where the WSGI environment carries the moment a request arrived (its request line read).
ARRIVAL = "whereas.arrival"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _with_charset(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("+json", "/json", "+xml"))
    return f"{media_type}; charset=utf-8" if textual else media_type


# -- the pool of query workers --------------------------------------------------------------


@dataclass(eq=False, slots=True)
class _Worker:
    process: subprocess.Popen
    conn: Any  # multiprocessing Connection
    lowered: bool = False  # runs a long query at a lower CPU priority (and is replaced after it)


@dataclass(eq=False, slots=True)
class _Job:
    task: dict[str, Any]
    deadline: float
    long: bool  # runs (or waits) as a long query
    holds_long_slot: bool = False
    worker: _Worker | None = None
    given: threading.Event = field(default_factory=threading.Event)  # set when a worker is assigned


class Engine:
    """Runs SPARQL on a store for the endpoint, every answer within a deadline from the request's arrival.

    No answer comes later than ``timeout`` seconds after its request arrived (plus
    the time to send it): a query that cannot start by then is answered 503 with
    ``Retry-After``, one that runs past it is stopped and answered 503.

    pyoxigraph cannot cancel a running query, so how one is stopped depends on
    whether the store may change here:

    - Read-only (a store path without ``allow_update``): queries run in ``workers``
      worker processes, each reading the store's newest snapshot (see
      :class:`~pipeline.rdf.store.Store`) — the store stays open to writers, and a
      worker reopens the snapshot a writer publishes, so new documents show without
      a restart. A query past its deadline is stopped by killing its worker, which
      is replaced. So that a few expensive queries cannot hold every worker, a query
      still running after ``budget`` seconds counts as long, and at most
      ``workers // 2`` long queries run at once (one worker: no such limit); a query
      seen to be long waits for a long slot the next time it comes.
    - Writable (``allow_update``, or an open :class:`Store` given): queries and
      updates run in threads of this process on the open store. One past its
      deadline is answered 503 and abandoned: it runs to its end in the background,
      holding one of the ``workers`` slots. An update is one transaction, applied
      whole or not at all; it ends by rebuilding the default graph as the union of
      the named graphs (what queries read) and publishing a snapshot for readers.

    Args:
        store: an open store (queried in this process), or the folder of one.
        timeout: seconds from a request's arrival to its answer.
        max_results: rows or triples an answer may have.
        allow_update: accept SPARQL UPDATE.
        workers: queries that may run at the same time.
        budget: seconds after which a running query counts as long (default: a
            quarter of ``timeout``, at most half a second).
    """

    def __init__(
        self,
        store: Store | str | Path,
        *,
        timeout: float = 30.0,
        max_results: int = 100_000,
        allow_update: bool = False,
        workers: int = 2,
        budget: float | None = None,
    ) -> None:
        if timeout <= 0 or max_results < 0 or workers < 1:
            raise ValueError("timeout must be > 0, max_results >= 0 and workers >= 1")
        self.timeout = timeout
        self.max_results = max_results
        self.allow_update = allow_update
        self.workers = workers
        self.budget = budget if budget is not None else min(0.5, timeout / 4)
        self.long_slots = workers // 2 if workers > 1 else workers
        self.max_waiting = 1024
        #: Long queries waiting for a slot: more would wait past their deadline anyway (each before them
        #: may hold its slot the whole time limit), so they are told at once to come back later.
        self.max_waiting_long = 4 * self.long_slots
        self._cv = threading.Condition()
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._short: deque[_Job] = deque()
        self._long: deque[_Job] = deque()
        self._long_running = 0
        self._known_long: OrderedDict[str, None] = OrderedDict()
        self._slots = threading.BoundedSemaphore(workers)
        self._update_lock = threading.Lock()
        self._closed = False
        self._owned: Store | None = None
        self.store: Store | None = None
        if isinstance(store, Store):
            self.path, self.store = store.path, store
        elif allow_update:
            self.store = self._owned = Store.open(store, create=False)
            self.path = self.store.path
        else:
            self.path = Path(store)
            _ensure_snapshot(self.path)
            try:
                self._start_workers(workers)
            except BaseException:
                self.close()
                raise

    @property
    def in_process(self) -> bool:
        """Queries run in this process (the store is open for writing) rather than in workers."""
        return self.store is not None

    # worker processes

    def _launch(self) -> tuple[_Worker, Any]:
        # A fresh interpreter running the light worker module, talking over one end of a pipe.
        parent, child = multiprocessing.Pipe()
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([_PACKAGE_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])]),
        }
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from pipeline.rdf.worker import entry; entry()",
                str(child.fileno()),
                str(self.path),
                json.dumps(PREFIXES),
            ],
            pass_fds=[child.fileno()],
            stdin=subprocess.DEVNULL,
            env=env,
        )
        child.close()
        worker = _Worker(process, parent)
        with self._cv:
            self._all.add(worker)
        return worker, parent

    def _ready(self, worker: _Worker) -> None:
        try:
            if not worker.conn.poll(_START_TIMEOUT):
                raise StoreError(self.path, "a query worker did not start")
            status, detail = worker.conn.recv()
        except (EOFError, OSError) as exc:
            self._kill(worker)
            raise StoreError(self.path, "a query worker did not start") from exc
        except StoreError:
            self._kill(worker)
            raise
        if status != "ready":
            self._kill(worker)
            raise StoreError(self.path, f"a query worker cannot read the store: {detail}")

    def _start_workers(self, n: int) -> None:
        launched = [self._launch()[0] for _ in range(n)]  # start together, then wait for each
        for worker in launched:
            self._ready(worker)
        with self._cv:
            self._idle.extend(launched)
            self._dispatch()

    def _kill(self, worker: _Worker) -> None:
        with self._cv:
            if worker not in self._all:  # killed already
                return
            self._all.discard(worker)
            if worker in self._idle:
                self._idle.remove(worker)
        if worker.process.poll() is None:
            worker.process.kill()

        def reap() -> None:
            try:
                worker.process.wait(10)
            except subprocess.TimeoutExpired:  # pragma: no cover - a process that ignores SIGKILL
                pass
            worker.conn.close()

        threading.Thread(target=reap, name="whereas-sparql-reap", daemon=True).start()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now; start another in the background."""
        self._kill(worker)

        def respawn() -> None:
            if self._closed:
                return
            try:
                fresh, _ = self._launch()
                self._ready(fresh)
            except WhereasError:  # pragma: no cover - the machine is out of processes
                return
            if self._closed:
                self._kill(fresh)
                return
            with self._cv:
                self._idle.append(fresh)
                self._dispatch()

        threading.Thread(target=respawn, name="whereas-sparql-respawn", daemon=True).start()

    def worker_pids(self) -> list[int]:
        """Process ids of the live worker processes, sorted."""
        with self._cv:
            return sorted(w.process.pid for w in self._all)

    def close(self) -> None:
        """Stop the worker processes; release the store if the engine opened it."""
        self._closed = True
        with self._cv:
            workers = list(self._all)
        for worker in workers:
            self._kill(worker)
        if self._owned is not None:
            self._owned.close()
        self._owned = None

    # scheduling: short queries first, at most `long_slots` long ones

    def _long_slot_free(self) -> bool:
        """Whether one more long query may run: a long slot is free, and the workers left for short
        queries (those alive, a replacement starting included) stay as many as reserved for them."""
        reserved = self.workers - self.long_slots
        return self._long_running < self.long_slots and len(self._all) - self._long_running - 1 >= reserved

    def _dispatch(self) -> None:
        """Give idle workers to waiting jobs (with the lock held)."""
        while self._idle:
            if self._long and self._long_slot_free():
                job = self._long.popleft()
                job.holds_long_slot = True
                self._long_running += 1
            elif self._short:
                job = self._short.popleft()
                if job.task["query"] in self._known_long:  # seen to be long since it came: wait as one
                    job.long = True
                    self._long.append(job)
                    continue
            else:
                break
            job.worker = self._idle.pop()
            job.given.set()  # wakes that job's request alone

    def _acquire(self, job: _Job) -> _Worker | None:
        """Wait for a worker until the job's deadline; None when none came in time or too many wait."""
        with self._cv:
            if (
                job.deadline <= time.monotonic()
                or len(self._short) + len(self._long) >= self.max_waiting
                or (job.long and len(self._long) >= self.max_waiting_long)
            ):
                return None  # it cannot start in time: too late already, or too many before it
            job.given.clear()
            (self._long if job.long else self._short).append(job)
            self._dispatch()
        job.given.wait(max(0.0, job.deadline - time.monotonic()))
        with self._cv:
            if job.worker is None:  # none came in time
                (self._long if job.long else self._short).remove(job)
                return None
            worker, job.worker = job.worker, None
            if job.deadline <= time.monotonic() or self._closed:  # came too late to start
                if job.holds_long_slot:
                    job.holds_long_slot = False
                    self._long_running -= 1
                self._idle.append(worker)
                self._dispatch()
                return None
            return worker

    def _release(self, job: _Job, worker: _Worker | None) -> None:
        """A job is over: its long slot and (if still alive) its worker are free again.

        A worker whose priority was lowered for a long query is replaced by a fresh one
        (a process cannot raise its own priority again without privileges).
        """
        if worker is not None and worker.lowered:
            self._replace(worker)
            worker = None
        with self._cv:
            if job.holds_long_slot:
                job.holds_long_slot = False
                self._long_running -= 1
            if worker is not None and worker in self._all:
                self._idle.append(worker)
            self._dispatch()

    def _lower(self, worker: _Worker) -> None:
        """Let cheap queries have the processor first: a long query runs niced."""
        if not worker.lowered:
            try:
                os.setpriority(os.PRIO_PROCESS, worker.process.pid, _LONG_NICENESS)
                worker.lowered = True
            except (OSError, AttributeError):  # not on this system, or the process is gone
                pass

    def _remember(self, sparql: str, long: bool) -> None:
        with self._cv:
            if long:
                self._known_long[sparql] = None
                self._known_long.move_to_end(sparql)
                while len(self._known_long) > 256:
                    self._known_long.popitem(last=False)
            else:
                self._known_long.pop(sparql, None)

    def _busy(self) -> Answer:
        return Answer.text(
            503,
            f"the server is busy: no query worker was free within the time limit of {self.timeout:g} s; try again",
            (("Retry-After", str(max(1, math.ceil(self.timeout)))),),
        )

    def _late(self) -> Answer:
        return Answer.text(503, f"query stopped: it ran past the time limit of {self.timeout:g} s")

    def _run(self, job: _Job, worker: _Worker) -> Answer | None:
        """Run a job on a worker; None when the job must wait for a long slot and go again."""
        started = time.monotonic()
        try:
            if job.long and self.long_slots < self.workers:
                self._lower(worker)
            worker.conn.send(job.task)
            if not job.long and self.long_slots < self.workers:
                if worker.conn.poll(max(0.0, min(self.budget, job.deadline - started))):
                    answer = worker.conn.recv()
                    self._release(job, worker)
                    return answer
                if time.monotonic() < job.deadline:  # past the budget: a long query
                    self._remember(job.task["query"], True)
                    with self._cv:
                        job.long = True
                        if self._long_slot_free():
                            job.holds_long_slot = True
                            self._long_running += 1
                    if not job.holds_long_slot:  # every long slot is taken: wait for one
                        self._replace(worker)
                        self._release(job, None)
                        return None
                    self._lower(worker)
            if worker.conn.poll(max(0.0, job.deadline - time.monotonic())):
                answer = worker.conn.recv()
                if job.long and time.monotonic() - started < self.budget:
                    self._remember(job.task["query"], False)  # fast this time: it was a busy machine
                self._release(job, worker)
                return answer
        except (EOFError, OSError):
            self._replace(worker)
            self._release(job, None)
            return Answer.text(500, "the query worker died; try again")
        self._replace(worker)
        self._release(job, None)
        return self._late()

    # requests

    def _deadline(self, arrival: float | None) -> float:
        """When a request must have its answer: ``timeout`` after it arrived, less a little for
        sending it (so a loaded machine still answers within the limit)."""
        margin = min(0.25, self.timeout / 10)
        return (arrival if arrival is not None else time.monotonic()) + self.timeout - margin

    def _in_thread(self, work: Callable[[], Answer], deadline: float, late: str) -> Answer:
        """Run ``work() -> Answer`` in a thread; past ``deadline`` answer 503 ``late`` and let it run."""
        outcome: list[Answer] = []

        def run() -> None:
            try:
                outcome.append(work())
            except WhereasError as exc:
                outcome.append(Answer.text(500, exc.cause))
            except Exception as exc:
                outcome.append(Answer.text(500, f"query failed: {_first_line(exc)}"))

        runner = threading.Thread(target=run, name="whereas-sparql", daemon=True)
        runner.start()
        runner.join(max(0.0, deadline - time.monotonic()))
        return outcome[0] if outcome else Answer.text(503, late)

    def query(
        self,
        sparql: str,
        *,
        result_type: str | None,
        graph_type: str | None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        arrival: float | None = None,
    ) -> Answer:
        """Answer a query in ``result_type`` (SELECT/ASK) or ``graph_type`` (CONSTRUCT/DESCRIBE).

        A ``None`` type means the client accepts none: such an answer is 406.
        ``arrival`` (``time.monotonic()``) is when the request came; the deadline counts from it.
        """
        deadline = self._deadline(arrival)
        task = {
            "query": sparql,
            "result_type": result_type,
            "graph_type": graph_type,
            "default_graphs": default_graphs or [],
            "named_graphs": named_graphs or [],
            "max_results": self.max_results,
        }
        if self.in_process:
            store = self.store
            assert store is not None
            if not self._slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
                return self._busy()

            def work() -> Answer:
                try:
                    return evaluate(store.ox, task, PREFIXES, union=store.union)
                finally:
                    self._slots.release()

            return self._in_thread(work, deadline, f"query abandoned: it ran past the time limit of {self.timeout:g} s")
        with self._cv:
            long = sparql in self._known_long
        job = _Job(task, deadline, long)
        while True:
            worker = self._acquire(job)
            if worker is None:
                return self._busy()
            answer = self._run(job, worker)
            if answer is not None:
                return answer

    def update(self, sparql: str, arrival: float | None = None) -> Answer:
        """Apply a SPARQL update in one transaction (403 unless the engine allows updates)."""
        if not self.allow_update or self.store is None:
            return Answer.text(403, "updates are disabled on this endpoint (start it with --allow-update)")
        store = self.store
        deadline = self._deadline(arrival)
        if not self._update_lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return Answer.text(
                503,
                "another update is still running; try again",
                (("Retry-After", str(max(1, math.ceil(self.timeout)))),),
            )

        def work() -> Answer:
            try:
                store.update(sparql)  # then each triple is put back in one graph (Store.normalize)
                store.publish()  # what other readers (whereas query) see
                return Answer(204, TEXT, b"")
            except QueryError as exc:
                return Answer.text(400 if "syntax error" in exc.cause else 500, exc.cause)
            finally:
                self._update_lock.release()

        return self._in_thread(
            work,
            deadline,
            f"the update ran past the time limit of {self.timeout:g} s; "
            "it goes on and will be applied whole or not at all",
        )


def _ensure_snapshot(path: Path) -> None:
    """A store written by an older whereas has no snapshot yet: make one (opening it for writing once)."""
    if current_snapshot(path) is not None:
        return
    try:
        with Store.open(path, create=False):
            pass  # closing a store without a snapshot publishes one
    except StoreError as exc:
        if "no store here" in exc.cause or "is a file" in exc.cause:
            raise
        raise StoreError(
            path, f"the store has no snapshot to serve yet and cannot be opened to make one: {exc.cause}"
        ) from exc


# -- the web application -----------------------------------------------------------------


def saved_queries(folder: Path | None = None) -> list[dict[str, str]]:
    """The saved queries of ``folder`` (``*.rq``, default the ontology's), by file name, titled by their
    first ``# comment``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "sentenced.rq").write_text("# Who was sentenced?\\nSELECT * {}\\n")
    ...     saved_queries(Path(tmp))
    [{'name': 'sentenced', 'title': 'Who was sentenced?', 'query': '# Who was sentenced?\\nSELECT * {}\\n'}]
    """
    folder = ontology_dir() / "queries" if folder is None else folder
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
    data = {"queries": saved_queries(queries_dir), "prefixes": {**PREFIXES, "id": DEFAULT_BASE + "id/"}}
    # JSON inside <script>: "<" escaped so no "</script>" can end the block
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return template.replace("{{DATA}}", payload)


def _respond(answer: Answer) -> Response:
    return Response(
        answer.body,
        status=answer.status,
        headers=list(answer.headers),
        content_type=_with_charset(answer.media_type) if answer.status == 200 else answer.media_type,
    )


def create_app(
    store: Store | str | Path,
    *,
    timeout: float = 30.0,
    max_results: int = 100_000,
    allow_update: bool = False,
    workers: int = 2,
    queries_dir: Path | None = None,
    budget: float | None = None,
) -> Flask:
    """The endpoint as a WSGI application: ``/sparql`` (SPARQL 1.1 Protocol) and the query page ``/``.

    Args:
        store: the folder of a store; or an open :class:`Store`, queried in this
            process (see :class:`Engine` for what that means for the time limit).
        timeout: seconds from a request's arrival to its answer.
        max_results: rows or triples an answer may have.
        allow_update: accept SPARQL UPDATE (otherwise 403).
        workers: queries that may run at the same time.
        queries_dir: the saved queries for the page (default the ontology's).
        budget: see :class:`Engine`.

    Returns:
        A Flask app; ``app.extensions["whereas"]`` is its :class:`Engine`, whose
        ``close()`` stops the workers and releases a store opened here. The page
        never waits for a query worker.
    """
    engine = Engine(
        store if isinstance(store, Store) else Path(store),
        timeout=timeout,
        max_results=max_results,
        allow_update=allow_update,
        workers=workers,
        budget=budget,
    )
    app = Flask(__name__, static_folder=None)
    app.extensions["whereas"] = engine

    @app.get("/")
    def page() -> Response:
        return Response(
            _page(queries_dir), content_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"}
        )

    @app.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        arrival = request.environ.get(ARRIVAL)
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
            return _respond(
                Answer.text(
                    415,
                    f"unsupported content type {request.mimetype or '(none)'}; "
                    f"send {_FORM}, application/sparql-query or application/sparql-update",
                )
            )
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
            return _respond(engine.update(update, arrival))
        if query is not None and not query.strip():
            return _respond(Answer.text(400, "the query is empty"))
        accept = request.accept_mimetypes
        result_type = accept.best_match(list(RESULT_TYPES)) if accept else next(iter(RESULT_TYPES))
        graph_type = accept.best_match(list(GRAPH_TYPES)) if accept else next(iter(GRAPH_TYPES))
        if result_type is None and graph_type is None:
            return _respond(Answer.text(406, "acceptable answers: " + ", ".join([*RESULT_TYPES, *GRAPH_TYPES])))
        answer = engine.query(
            query or "",
            result_type=result_type,
            graph_type=graph_type,
            default_graphs=default_graphs,
            named_graphs=named_graphs,
            arrival=arrival,
        )
        response = _respond(answer)
        response.vary.add("Accept")
        return response

    return app


# -- the server -----------------------------------------------------------------------------


class _Handler(WSGIRequestHandler):
    """Notes when each request arrives; logs nothing."""

    timeout = 60  # seconds a client may take to send its request (a stalled client frees its thread)
    arrival: float = 0.0

    def parse_request(self) -> bool:
        self.arrival = time.monotonic()
        return super().parse_request()

    def make_environ(self) -> dict[str, Any]:
        environ = super().make_environ()
        environ[ARRIVAL] = self.arrival or time.monotonic()
        return environ

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class _Server(ThreadedWSGIServer):
    """A thread per connection, so nothing (the query page least of all) queues behind the queries;
    past ``max_connections`` at once a connection is answered 503 straight away."""

    max_connections = 1024
    _refusal = (
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Retry-After: 1\r\nConnection: close\r\nContent-Length: 31\r\n\r\n"
        b"too many connections; try again"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._active = 0
        self._count = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._count:
            full = self._active >= self.max_connections
            if not full:
                self._active += 1
        if full:
            try:
                request.sendall(self._refusal)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._count:
                self._active -= 1


def _listen(app: Flask, host: str, port: int) -> _Server:
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as exc:
        raise WhereasError(None, f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(1024)  # a burst of clients waits in the kernel, not refused
        return _Server(host, port, app, handler=_Handler, fd=sock.fileno())
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise WhereasError(None, f"port {port} is in use on {host}; choose another with --port") from exc
        raise WhereasError(None, f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    finally:
        sock.close()  # the server holds its own duplicate


@contextmanager
def running(app: Flask, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` in a background thread; yields its base URL and stops it on exit.

    ``port=0`` picks a free port. The app's engine is left running.
    """
    server = _listen(app, host, port)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="whereas-http", daemon=True
    )
    thread.start()
    try:
        yield f"http://{host}:{server.port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def serve(
    store_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 3030,
    timeout: float = 30.0,
    max_results: int = 100_000,
    allow_update: bool = False,
    workers: int = 2,
    queries_dir: Path | None = None,
) -> None:
    """Serve the store at ``store_path`` until interrupted: SPARQL at ``/sparql``, the query page at ``/``.

    Binds to localhost unless told otherwise. Without ``allow_update`` the store
    stays open to writers (``whereas build --store``, ``whereas remove``) and the
    endpoint answers from its newest snapshot; with it, queries and updates run in
    this process (see :class:`Engine`).

    Raises:
        StoreError: the store is missing (or, with ``allow_update``, being written).
        WhereasError: the port is in use (or cannot be bound).
    """
    app = create_app(
        Path(store_path),
        timeout=timeout,
        max_results=max_results,
        allow_update=allow_update,
        workers=workers,
        queries_dir=queries_dir,
    )
    engine: Engine = app.extensions["whereas"]
    try:
        server = _listen(app, host, port)
        base = f"http://{host}:{server.port}"
        print(
            f"whereas: serving {store_path} at {base}/sparql, query page {base}/ "
            f"({'updates allowed' if allow_update else 'read-only'}, {workers} query worker(s), "
            f"time limit {timeout:g} s; Ctrl-C stops)",
            flush=True,
        )
        main = threading.current_thread() is threading.main_thread()
        if main:  # SIGTERM stops as cleanly as Ctrl-C
            previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            server.serve_forever(poll_interval=0.2)  # returns on Ctrl-C; SIGTERM raises SystemExit
        finally:
            server.server_close()
            if main:
                signal.signal(signal.SIGTERM, previous)
    finally:
        engine.close()
