"""Load on the SPARQL endpoint: many concurrent clients, a share of them running cross joins.

Starts ``whereas serve`` (the real command) on a store on localhost, runs a fixed number
of requests from concurrent clients — cheap queries, cross joins that can only end by the
time limit, and the query page — and prints the latency of each kind (p50, p95, slowest)
and their statuses. Every answer must come within ``--timeout`` + 1 s of the request;
the script exits 1 if one did not.

    python benchmarks/load.py                                  # 200 clients, 3,000 requests, 10 % cross joins
    python benchmarks/load.py --clients 50 --requests 500 --timeout 2 --workers 4
    python benchmarks/load.py --store output/store             # an existing store instead of a generated one

Localhost only: it serves on 127.0.0.1 and sends nothing anywhere else.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
#: Cheap questions, the kind a page or a script asks most.
CHEAP = [
    "ASK { ?e a wh:Sentencing }",
    "SELECT ?p ?name WHERE { ?p a wh:Person ; rdfs:label ?name } LIMIT 20",
    "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a wh:Document }",
    "SELECT ?e ?date WHERE { ?e a wh:Ban ; wh:date ?date } ORDER BY ?date LIMIT 10",
    "SELECT ?court (COUNT(?e) AS ?n) WHERE { ?e wh:court ?c . ?c rdfs:label ?court } GROUP BY ?court LIMIT 10",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _make_store(folder: Path, triples: int) -> Path:
    """A store of a generated corpus shaped like ``whereas build`` output (see sparql.py)."""
    import pyoxigraph as ox
    from sparql import generate

    from pipeline.rdf.store import Store

    quads = generate(triples)
    store = folder / "store"
    with Store.open(store) as st:
        st.ox.bulk_load(ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        st.normalize()  # each triple several document graphs state, once in the shared graph (see Store)
        st.publish()
    return store


def _wait_until_up(port: int, server: subprocess.Popen, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"load: the server exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("load: the server did not come up")


class _Client(threading.Thread):
    def __init__(self, port: int, plan: list[str], results: list, lock: threading.Lock, seed: int) -> None:
        super().__init__(daemon=True)
        self.port, self.plan, self.results, self.lock = port, plan, results, lock
        self.rng = random.Random(seed)
        self.conn: http.client.HTTPConnection | None = None

    def _request(self, kind: str) -> tuple[int, float]:
        if kind == "page":
            path = "/"
        else:
            query = CROSS_JOIN if kind == "cross join" else self.rng.choice(CHEAP)
            path = "/sparql?query=" + quote(query)
        started = time.monotonic()
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                self.conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
                response = self.conn.getresponse()
                response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return response.status, time.monotonic() - started
            except (OSError, http.client.HTTPException):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt == 2:
                    return 0, time.monotonic() - started
        return 0, time.monotonic() - started

    def run(self) -> None:
        while True:
            with self.lock:
                if not self.plan:
                    return
                kind = self.plan.pop()
            status, seconds = self._request(kind)
            with self.lock:
                self.results.append((kind, status, seconds))


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="serve this store (default: generate one)")
    parser.add_argument("--triples", type=int, default=50_000, help="size of the generated store")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--requests", type=int, default=3_000, help="at most a few thousand")
    parser.add_argument("--cross", type=float, default=0.10, help="share of cross joins")
    parser.add_argument("--page", type=float, default=0.05, help="share of query-page loads")
    parser.add_argument("--timeout", type=float, default=5.0, help="the server's --timeout")
    parser.add_argument("--workers", type=int, default=2, help="the server's --workers")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    if args.requests > 10_000:
        parser.error("--requests: at most 10,000")

    rng = random.Random(args.seed)
    n_cross, n_page = round(args.requests * args.cross), round(args.requests * args.page)
    plan = ["cross join"] * n_cross + ["page"] * n_page + ["cheap"] * (args.requests - n_cross - n_page)
    rng.shuffle(plan)

    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or _make_store(Path(tmp), args.triples)
        port = _free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipeline.cli",
                "serve",
                str(store),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--timeout",
                str(args.timeout),
                "--workers",
                str(args.workers),
            ],
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        try:
            _wait_until_up(port, server)
            results: list[tuple[str, int, float]] = []
            lock = threading.Lock()
            clients = [_Client(port, plan, results, lock, args.seed + i) for i in range(args.clients)]
            started = time.monotonic()
            for client in clients:
                client.start()
            for client in clients:
                client.join()
            elapsed = time.monotonic() - started
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()

    limit = args.timeout + 1.0
    by_kind: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for kind, status, seconds in results:
        by_kind[kind].append((status, seconds))
    print(
        f"{len(results):,} requests from {args.clients} clients in {elapsed:.1f} s "
        f"({len(results) / elapsed:.0f}/s); --timeout {args.timeout:g} s, --workers {args.workers}"
    )
    print(f"{'':12} {'requests':>9} {'p50':>9} {'p95':>9} {'slowest':>9}   statuses")
    for kind in ("cheap", "page", "cross join"):
        rows = by_kind.get(kind, [])
        if not rows:
            continue
        times = [s for _, s in rows]
        statuses = ", ".join(f"{code or 'no answer'}: {n}" for code, n in sorted(Counter(c for c, _ in rows).items()))
        print(
            f"{kind:12} {len(rows):>9,} {_percentile(times, 0.5):>8.3f}s {_percentile(times, 0.95):>8.3f}s "
            f"{max(times):>8.3f}s   {statuses}"
        )
    slowest = max(s for _, _, s in results)
    late = sum(1 for _, _, s in results if s > limit)
    unanswered = sum(1 for _, status, _ in results if status == 0)
    print(
        f"slowest answer {slowest:.3f} s; limit --timeout + 1 s = {limit:g} s: "
        + ("every answer within it" if not late else f"{late} answer(s) later")
    )
    print(json.dumps({"late": late, "unanswered": unanswered, "slowest": round(slowest, 3)}))
    return 1 if late or unanswered else 0


if __name__ == "__main__":
    sys.exit(main())
