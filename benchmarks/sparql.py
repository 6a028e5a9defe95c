"""SPARQL benchmark: load time and query latency of Oxigraph (the store) against rdflib (graph files).

Generates a corpus-sized dataset shaped like ``whereas build`` output (one named
graph per document: document and part nodes, actors, n-ary events with roles,
dates, terms, charges and evidence spans, reified relations), deterministic for
a seed; loads it into an Oxigraph store and into an rdflib ``Dataset``; runs the
saved competency queries (``ontology/queries/*.rq``, or a built-in set shaped
like them when there are none) on both and prints a table.

    python benchmarks/sparql.py                      # ~1M triples
    python benchmarks/sparql.py --triples 200000 --runs 7 --rdflib-runs 3
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset
from rich import box
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.rdf.store import Store  # noqa: E402
from pipeline.vocab import PREFIXES  # noqa: E402

ID = "https://w3id.org/whereas/id/"
WH = PREFIXES["wh"]
RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
XSD = PREFIXES["xsd"]
DCT = PREFIXES["dcterms"]

ACTOR_TYPES = ["Person"] * 6 + [
    "Court",
    "PoliticalParty",
    "MediaOutlet",
    "GovernmentBody",
    "NGO",
    "InternationalOrganisation",
    "Country",
]
EVENT_TYPES = [
    "Arrest",
    "Detention",
    "Trial",
    "Sentencing",
    "Sentencing",
    "CourtDecision",
    "Ban",
    "Release",
    "Statement",
    "Visit",
    "ReleaseDemand",
    "ReleaseDemand",
    "Killing",
]
RELATIONS = ["spouseOf", "relativeOf", "memberOf", "leaderOf", "employeeOf", "holdsPosition"]
POSITIONS = ["journalist", "opposition leader", "human rights defender", "Prosecutor General", "Prime Minister"]
CHARGES = [
    "inciting social discord",
    "espionage",
    "extremism",
    "tax evasion",
    "treason",
    "hooliganism",
    "calling for the overthrow of the constitutional order",
    "illegal assembly",
    "defamation",
]
WORDS = (
    "whereas the authorities court sentenced journalist opposition leader party newspaper banned "
    "arrested detained released calls for the immediate and unconditional release of human rights "
    "defenders freedom of expression assembly association years prison charges"
).split()

#: Representative questions, used when ``ontology/queries`` holds no ``.rq`` file yet.
BUILTIN_QUERIES: dict[str, str] = {
    "sentenced-by-court": """
SELECT ?person ?court ?date ?term WHERE {
  ?e a wh:Sentencing ; wh:subject ?p ; wh:court ?c .
  ?p rdfs:label ?person . ?c rdfs:label ?court .
  OPTIONAL { ?e wh:date ?date } OPTIONAL { ?e wh:sentenceTerm ?term }
} ORDER BY ?date ?person""",
    "bans-since-2015": """
SELECT ?target ?date WHERE {
  ?b a wh:Ban ; wh:subject/rdfs:label ?target ; wh:date ?date .
  FILTER (STR(?date) >= "2015")
} ORDER BY ?date""",
    "release-demands": """
SELECT ?person (COUNT(DISTINCT ?d) AS ?demands) WHERE {
  ?d a wh:ReleaseDemand ; wh:subject/rdfs:label ?person .
} GROUP BY ?person ORDER BY DESC(?demands) ?person LIMIT 50""",
    "facts-about-an-actor": f"""
SELECT ?event ?type ?role ?text WHERE {{
  ?event ?role <{ID}person/person-1> ; a ?type ; wh:evidence/wh:text ?text .
  FILTER (?role IN (wh:subject, wh:agent, wh:court, wh:place))
}} ORDER BY ?event""",
    "relations-with-evidence": """
SELECT ?a ?relation ?b ?confidence ?text WHERE {
  ?st a rdf:Statement ; rdf:subject ?a ; rdf:predicate ?relation ; rdf:object ?b ;
      wh:confidence ?confidence ; wh:evidence/wh:text ?text .
  FILTER (?relation = wh:spouseOf)
} ORDER BY ?a ?b""",
}


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _date(rng: random.Random) -> ox.Literal:
    year = rng.randint(1995, 2024)
    kind = rng.random()
    if kind < 0.6:
        return ox.Literal(
            f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype=ox.NamedNode(XSD + "date")
        )
    if kind < 0.85:
        return ox.Literal(f"{year}-{rng.randint(1, 12):02d}", datatype=ox.NamedNode(XSD + "gYearMonth"))
    return ox.Literal(str(year), datatype=ox.NamedNode(XSD + "gYear"))


def _actor(i: int) -> tuple[ox.NamedNode, str]:
    kind = ACTOR_TYPES[i % len(ACTOR_TYPES)]
    return ox.NamedNode(f"{ID}{kind.lower()}/{kind.lower()}-{i}"), kind


def generate(target_triples: int, seed: int = 7) -> list[ox.Quad]:
    """Quads of documents shaped like ``whereas build`` output, about ``target_triples`` of them."""
    rng = random.Random(seed)
    n_actors = max(50, target_triples // 200)
    quads: list[ox.Quad] = []
    a = ox.NamedNode(RDF + "type")
    label, alt = ox.NamedNode(RDFS + "label"), ox.NamedNode(SKOS + "altLabel")

    def iri(local: str) -> ox.NamedNode:
        return ox.NamedNode(WH + local)

    doc_no = 0
    while len(quads) < target_triples:
        doc_id = f"ep-{2000 + doc_no % 25}-doc-{doc_no}"
        doc = ox.NamedNode(f"{ID}document/{doc_id}")
        g = doc

        def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
            quads.append(ox.Quad(s, p, o, g))

        add(doc, a, iri("Document"))
        add(doc, ox.NamedNode(DCT + "title"), ox.Literal(f"Resolution {doc_no}: " + _text(rng, 8)))
        add(doc, ox.NamedNode(DCT + "date"), _date(rng))
        add(doc, ox.NamedNode(DCT + "source"), ox.Literal(f"corpus/{doc_id}.txt"))
        add(doc, iri("procedureNumber"), ox.Literal(f"{2000 + doc_no % 25}/{2500 + doc_no}(RSP)"))
        parts = []
        offset = 0
        for k in range(rng.randint(8, 16)):
            kind, number = ("Recital", chr(65 + k)) if k < 8 else ("Paragraph", str(k - 7))
            part = ox.NamedNode(f"{doc.value}/{kind.lower()}/{number.lower()}")
            text = _text(rng, 30)
            add(part, a, iri(kind))
            add(part, ox.NamedNode(DCT + "isPartOf"), doc)
            add(part, iri("number"), ox.Literal(number))
            add(part, iri("start"), ox.Literal(str(offset), datatype=ox.NamedNode(XSD + "integer")))
            add(part, iri("end"), ox.Literal(str(offset + len(text)), datatype=ox.NamedNode(XSD + "integer")))
            add(part, iri("text"), ox.Literal(text))
            parts.append((part, offset, len(text)))
            offset += len(text) + 2
        cast = sorted({rng.randrange(n_actors) for _ in range(rng.randint(6, 14))})
        cast = sorted({*cast, 1}) if rng.random() < 0.2 else cast  # a well-known defendant
        for i in cast:
            node, kind = _actor(i)
            add(node, a, iri(kind))
            add(node, label, ox.Literal("Vladimir Kozlov" if i == 1 else f"{kind} {i}"))
            if kind == "Person":
                add(node, alt, ox.Literal("Kozlov" if i == 1 else f"Mr {i}"))
        parliament = ox.NamedNode(f"{ID}internationalorganisation/european-parliament")
        add(parliament, a, iri("InternationalOrganisation"))
        add(parliament, label, ox.Literal("European Parliament"))
        add(parliament, alt, ox.Literal("Parliament"))

        def evidence(subject: ox.NamedNode) -> None:
            part, start, length = rng.choice(parts)
            s = rng.randrange(0, max(1, length - 40))
            span = ox.NamedNode(f"{doc.value}/span/{start + s}-{start + s + 40}")
            add(
                subject,
                iri("confidence"),
                ox.Literal(f"0.{rng.randint(50, 99)}", datatype=ox.NamedNode(XSD + "decimal")),
            )
            add(subject, iri("evidence"), span)
            add(span, a, iri("TextSpan"))
            add(span, iri("inDocument"), doc)
            add(span, iri("inPart"), part)
            add(span, iri("start"), ox.Literal(str(start + s), datatype=ox.NamedNode(XSD + "integer")))
            add(span, iri("end"), ox.Literal(str(start + s + 40), datatype=ox.NamedNode(XSD + "integer")))
            add(span, iri("text"), ox.Literal(_text(rng, 12)))

        people = [i for i in cast if ACTOR_TYPES[i % len(ACTOR_TYPES)] == "Person"] or cast
        courts = [i for i in cast if ACTOR_TYPES[i % len(ACTOR_TYPES)] == "Court"]
        bannable = [i for i in cast if ACTOR_TYPES[i % len(ACTOR_TYPES)] in ("PoliticalParty", "MediaOutlet", "NGO")]
        earlier: list[ox.NamedNode] = []
        for k in range(rng.randint(5, 12)):
            kind = rng.choice(EVENT_TYPES)
            subject, _ = _actor(rng.choice(bannable if kind == "Ban" and bannable else people))
            event = ox.NamedNode(f"{ID}event/{doc_id}/{kind.lower()}-{k}")
            add(event, a, iri(kind))
            add(event, label, ox.Literal(f"{kind} of {subject.value.rsplit('/', 1)[1]}"))
            add(event, iri("subject"), subject)
            if kind in ("Sentencing", "Trial", "CourtDecision", "Ban") and courts:
                add(event, iri("court"), _actor(rng.choice(courts))[0])
            if kind == "ReleaseDemand":
                add(event, iri("agent"), parliament)
            elif kind in ("Statement", "Arrest", "Ban"):
                add(event, iri("agent"), _actor(rng.choice(cast))[0])
            if kind == "CourtDecision" and earlier:
                add(event, iri("outcome"), iri(rng.choice(["upheld", "overturned", "refused", "other"])))
                add(event, iri("decisionOn"), rng.choice(earlier))
            if kind in ("Sentencing", "Trial", "Ban"):
                earlier.append(event)
            if rng.random() < 0.8:
                add(event, iri("date"), _date(rng))
            if kind == "Sentencing":
                add(
                    event,
                    iri("sentenceTerm"),
                    ox.Literal(f"P{rng.randint(1, 15)}Y", datatype=ox.NamedNode(XSD + "duration")),
                )
                charge = rng.choice(CHARGES)
                node = ox.NamedNode(f"{ID}charge/{charge.replace(' ', '-')}")
                add(event, iri("charge"), node)
                add(node, a, iri("Charge"))
                add(node, label, ox.Literal(charge))
            evidence(event)
        for k in range(rng.randint(1, 4)):
            relation = rng.choice(RELATIONS)
            s, o = _actor(rng.choice(people))[0], _actor(rng.choice(cast))[0]
            if relation == "holdsPosition":
                title = rng.choice(POSITIONS)
                o = ox.NamedNode(f"{ID}position/{title.lower().replace(' ', '-')}")
                add(o, a, iri("Position"))
                add(o, label, ox.Literal(title))
            add(s, iri(relation), o)
            st = ox.NamedNode(f"{ID}statement/{doc_id}-{k}")
            add(st, a, ox.NamedNode(RDF + "Statement"))
            add(st, ox.NamedNode(RDF + "subject"), s)
            add(st, ox.NamedNode(RDF + "predicate"), iri(relation))
            add(st, ox.NamedNode(RDF + "object"), o)
            evidence(st)
        doc_no += 1
    return quads


def load_queries(folder: Path) -> dict[str, str]:
    """The saved competency queries of ``folder``, or the built-in set when there are none."""
    saved = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))} if folder.is_dir() else {}
    return saved or dict(BUILTIN_QUERIES)


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def _median(fn, runs: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(runs):
        seconds, rows = _timed(fn)
        times.append(seconds)
    return statistics.median(times), rows


def _count(result) -> int:
    if isinstance(result, (bool, ox.QueryBoolean)):
        return int(bool(result))
    return sum(1 for _ in result)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the generated dataset")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3, help="runs per query on Oxigraph (median)")
    parser.add_argument(
        "--rdflib-runs", type=int, default=None, help="runs per query on rdflib (default: 3, or 1 above 300k triples)"
    )
    parser.add_argument("--queries", type=Path, default=ROOT / "ontology" / "queries")
    parser.add_argument("--skip-rdflib", action="store_true", help="only Oxigraph")
    args = parser.parse_args(argv)
    rdflib_runs = args.rdflib_runs or (1 if args.triples > 300_000 else 3)
    console = Console(highlight=False)

    seconds, quads = _timed(lambda: generate(args.triples, args.seed))
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    graphs = len({q.graph_name for q in quads})
    console.print(
        f"generated {len(quads):,} quads in {graphs:,} document graphs "
        f"({len(data) / 1e6:.0f} MB N-Quads) in {seconds:.1f} s"
    )
    del quads
    queries = load_queries(args.queries)
    source = "built-in" if queries == BUILTIN_QUERIES else f"{len(queries)} saved"

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "store") as store:

        def load() -> None:  # the document graphs, then each triple several state moved to the shared graph
            store.ox.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            store.normalize()

        ox_load, _ = _timed(load)
        ox_times = {name: _median(lambda q=q: _count(store.query(q)), args.runs) for name, q in queries.items()}

    rd_load, rd_times = None, {}
    if not args.skip_rdflib:
        ds = Dataset(default_union=True)
        rd_load, _ = _timed(lambda: ds.parse(data=data.decode("utf-8"), format="nquads"))
        rd_times = {
            name: _median(lambda q=q: _count(ds.query(q, initNs=PREFIXES)), rdflib_runs) for name, q in queries.items()
        }

    table = Table(
        title=f"SPARQL on {args.triples:,} triples ({source} queries; median of {args.runs} runs "
        f"on Oxigraph, {rdflib_runs} on rdflib)",
        box=box.SIMPLE_HEAD,
    )
    for column in ("", "rows", "Oxigraph", "rdflib", "rdflib / Oxigraph"):
        table.add_column(column, justify="left" if not column else "right")

    def ratio(a: float | None, b: float) -> str:
        if a is None or b <= 0:
            return "–"
        return f"{a / b:,.1f}×" if a / b < 10 else f"{a / b:,.0f}×"

    table.add_row(
        "load", "", f"{ox_load:.2f} s", f"{rd_load:.2f} s" if rd_load is not None else "–", ratio(rd_load, ox_load)
    )
    mismatches = []
    for name, (seconds, rows) in ox_times.items():
        other = rd_times.get(name)
        if other is not None and other[1] != rows:
            mismatches.append(f"{name}: Oxigraph {rows} rows, rdflib {other[1]}")
        table.add_row(
            name,
            f"{rows:,}",
            f"{seconds * 1000:,.1f} ms",
            f"{other[0] * 1000:,.1f} ms" if other else "–",
            ratio(other[0] if other else None, seconds),
        )
    console.print(table)
    for line in mismatches:
        console.print(f"MISMATCH {line}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
