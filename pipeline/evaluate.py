"""Score a built graph against gold annotations: precision, recall and F1 of actors, events and relations.

The gold format is described in ``docs/gold-format.md``. The matching is a
faithful port of the reference scorer the project is measured with
(``tests/data/eval/score.py``, kept as it was received): the same name
normalisation, the same greedy event matching, the same argument checks and
the same overall figure, so ``whereas evaluate`` and the reference give the
same numbers on the same graph. Two things are deliberately stricter, so a
report never depends on the order in which a file lists its triples or on
Python's string hashing: graph nodes are visited in IRI order, and a node
that carries the names of two gold actors is read as the one whose name
sorts first.

A graph file may hold several documents: a gold file is paired with the
document whose source file name (``dcterms:source``) is the gold's
``"document"``, and is scored against that document's named graph. A graph
of one document and a single gold file pair directly. The mean over
documents is taken as ``score-corpus`` takes it: a part (actors, events,
relations) that neither the gold nor the graph has in a document is left
out of that part's mean.
"""

from __future__ import annotations

import json
import re
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS
from rdflib.term import Node as RdfNode

from pipeline.errors import InputError
from pipeline.iri import slug
from pipeline.vocab import ONTOLOGY_IRI, SCHEMA, WH

__all__ = [
    "ACTOR_TYPES",
    "EVENT_TYPES",
    "RELATION_TYPES",
    "Gold",
    "GraphDocument",
    "ActorScore",
    "EventScore",
    "RelationScore",
    "DocumentScore",
    "PartMean",
    "Evaluation",
    "norm",
    "overlap",
    "months",
    "load_gold",
    "load_graph",
    "graph_documents",
    "score_document",
    "evaluate_dataset",
    "evaluate",
    "format_report",
]

#: Where a node's names are read from.
LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, FOAF.name, SCHEMA.name)

#: Gold actor type -> the classes a graph node may carry for it (a general type accepts its specialisations).
ACTOR_TYPES: dict[str, frozenset[str]] = {
    "Person": frozenset({"Person"}),
    "Court": frozenset({"Court"}),
    "PoliticalParty": frozenset({"PoliticalParty"}),
    "MediaOutlet": frozenset({"MediaOutlet"}),
    "GovernmentBody": frozenset({"GovernmentBody"}),
    "InternationalOrganisation": frozenset({"InternationalOrganisation"}),
    "NGO": frozenset({"NGO"}),
    "Organisation": frozenset(
        {"Organisation", "Court", "PoliticalParty", "MediaOutlet", "GovernmentBody", "InternationalOrganisation", "NGO"}
    ),
    "Country": frozenset({"Country"}),
    "Place": frozenset({"Place", "Country"}),
}
ALL_ACTOR_CLASSES: frozenset[str] = frozenset().union(*ACTOR_TYPES.values())
EVENT_TYPES = frozenset(
    {
        "Arrest",
        "Trial",
        "Sentencing",
        "CourtDecision",
        "Ban",
        "Release",
        "Lawsuit",
        "Statement",
        "Visit",
        "ReleaseDemand",
        "Killing",
        "Detention",
    }
)
RELATION_TYPES = frozenset({"spouseOf", "relativeOf", "memberOf", "leaderOf", "employeeOf", "holdsPosition"})
SYMMETRIC = frozenset({"spouseOf", "relativeOf"})
#: Words dropped from the front of a name ("Mr Kozlov" is "Kozlov").
TITLES = frozenset({"mr", "mrs", "ms", "dr", "the", "prof", "professor", "sir", "madam"})
_STOPWORDS = frozenset({"of", "the", "a", "an", "and", "to", "on", "for", "with", "in"})
#: The gold arguments an event may state, most specific first (they decide which gold event chooses first).
_SPECIFIC = ("date", "court", "term", "charges", "place", "by", "outcome")
#: Letters that NFKD does not split into a base letter and an accent.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "đ": "d",
        "Đ": "D",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ð": "d",
        "þ": "th",
        "ħ": "h",
    }
)
_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")
#: How many items of a list the text report shows before "... (+N)".
_SHOWN = 25


# -- names, terms, durations ----------------------------------------------------------------


def norm(text: str) -> str:
    """A name as the scorer compares it: no case, accents, quotes, possessive or leading title.

    This is the scorer's own normaliser, kept apart from the extraction's
    (``pipeline/normalize/names.py``) so that the yardstick does not move
    when extraction changes.

    >>> norm("Mr Vladimir Kozlov’s")
    'vladimir kozlov'
    >>> norm("‘Alga!’")
    'alga'
    >>> norm("Łukasz Dąbrowski")
    'lukasz dabrowski'
    """
    text = unicodedata.normalize("NFKD", str(text).translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`´]s\b", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    while words and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def _tokens(text: str) -> set[str]:
    return set(norm(text).split()) - _STOPWORDS


def overlap(a: str, b: str) -> float:
    """Shared content words over the larger word count: how charges and offices are compared.

    >>> overlap("inciting social discord", "‘inciting social discord’ charges")
    0.75
    >>> overlap("extremism", "")
    0.0
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / max(len(ta), len(tb))


def months(duration: object) -> int | None:
    """An ``xsd:duration`` in whole months (weeks and days rounded to months); None if it is not one.

    >>> months("P7Y6M"), months("P2Y6M"), months("P45D"), months("life")
    (90, 30, 2, None)
    """
    m = _DURATION.fullmatch(str(duration).strip())
    if not m or not any(m.groups()):
        return None
    y, mo, w, d = (int(g or 0) for g in m.groups())
    return y * 12 + mo + round((w * 7 + d) / 30)


def _local(uri: object) -> str:
    return re.split(r"[#/]", str(uri))[-1]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


# -- gold files -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Gold:
    """One per-document gold annotation as read from its file (``data`` is the JSON object)."""

    path: str
    data: dict[str, Any]

    @property
    def document(self) -> str | None:
        """The file name of the annotated document, as the gold names it."""
        return self.data.get("document")


def _check_gold(path: Path, data: dict[str, Any]) -> None:
    """Raise InputError naming the first entry the scorer could not read."""

    def fail(cause: str) -> None:
        raise InputError(path, cause)

    if "document" in data and not isinstance(data["document"], str):
        fail('"document" is not a file name')
    for key in ("actors", "events", "relations"):
        if not isinstance(data.get(key, []), list):
            fail(f'"{key}" is not a list')
    for i, a in enumerate(data.get("actors", []), 1):
        if not isinstance(a, dict) or not isinstance(a.get("name"), str):
            fail(f"actor {i} has no name")
        if a.get("type") not in ACTOR_TYPES:
            fail(f"actor {i} ({a['name']}): type {a.get('type')!r} is not one of {', '.join(ACTOR_TYPES)}")
        if not isinstance(a.get("aliases", []), list) or not all(isinstance(x, str) for x in a.get("aliases", [])):
            fail(f"actor {i} ({a['name']}): aliases are not a list of names")
    for i, e in enumerate(data.get("events", []), 1):
        if not isinstance(e, dict) or not isinstance(e.get("type"), str):
            fail(f"event {i} has no type")
        for key in ("who", "by", "charges"):
            if e.get(key) and not all(isinstance(x, str) for x in _as_list(e[key])):
                fail(f"event {i} ({e['type']}): {key} is not a name or a list of names")
        for key in ("court", "place", "date", "term", "outcome"):
            if e.get(key) and not isinstance(e[key], str):
                fail(f"event {i} ({e['type']}): {key} is not a string")
    for i, r in enumerate(data.get("relations", []), 1):
        if not isinstance(r, dict) or not isinstance(r.get("type"), str) or not isinstance(r.get("subject"), str):
            fail(f"relation {i} has no type or subject")
        other = "position" if r["type"] == "holdsPosition" else "object"
        if r["type"] in RELATION_TYPES and not isinstance(r.get(other), str):
            fail(f"relation {i} ({r['type']} of {r['subject']}) has no {other}")


def load_gold(path: str | Path) -> Gold | str:
    """Read a gold file: the Gold, or why the file is not a per-document gold (a str) and is skipped.

    A file that is not UTF-8 JSON, or whose entries the scorer cannot read,
    is an error; a JSON file of another shape (a case file over several
    documents, a list) is not a per-document gold.

    Raises:
        InputError: The file is missing, not JSON, or has a malformed entry.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(path, "is a folder, not a gold file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(path, "not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        return 'not a per-document gold (no "actors" list)'
    if "documents" in data and "document" not in data:
        return "a file over several documents, not a per-document gold"
    _check_gold(path, data)
    return Gold(str(path), data)


# -- the graph --------------------------------------------------------------------------------


def load_graph(path: str | Path) -> Dataset:
    """A graph file (any format whereas writes) or a store folder, as an rdflib ``Dataset``.

    Raises:
        InputError: The file is missing or does not parse.
        StoreError: The folder holds no store or it cannot be opened.
    """
    from pipeline.rdf.export import read_dataset
    from pipeline.rdf.store import Store

    path = Path(path)
    if path.is_dir():
        with Store.open(path, create=False, read_only=True) as st:
            return st.to_dataset()
    return read_dataset(path)


@dataclass(frozen=True, slots=True)
class GraphDocument:
    """A ``wh:Document`` node of a graph and the named graph that holds it (None: the default graph)."""

    iri: URIRef
    doc_id: str
    source: str
    graph: URIRef | None

    def matches(self, name: str) -> bool:
        """Whether a file name (or a document id) names this document.

        >>> d = GraphDocument(URIRef("urn:d"), "ep-2013-kazakhstan", "examples/ep-2013-kazakhstan.txt", None)
        >>> d.matches("ep-2013-kazakhstan.txt"), d.matches("ep-2013-kazakhstan"), d.matches("ep-2013.txt")
        (True, True, False)
        """
        base = PurePosixPath(name.replace("\\", "/")).name
        return (
            base == PurePosixPath(self.source.replace("\\", "/")).name
            or base == self.doc_id
            or slug(PurePosixPath(base).stem) == self.doc_id
        )


def graph_documents(ds: Dataset) -> list[GraphDocument]:
    """The documents a graph holds, in IRI order."""
    found: dict[URIRef, GraphDocument] = {}
    for doc, _, _, ctx in ds.quads((None, RDF.type, WH.Document, None)):
        if not isinstance(doc, URIRef):
            continue
        graph = None if ctx in (None, DATASET_DEFAULT_GRAPH_ID) else URIRef(str(ctx))
        if doc in found and (found[doc].graph == doc or graph != doc):
            continue
        doc_id = ds.value(doc, DCTERMS.identifier)
        source = ds.value(doc, DCTERMS.source)
        found[doc] = GraphDocument(
            doc, str(doc_id) if doc_id is not None else _local(doc), str(source) if source is not None else "", graph
        )
    return [found[k] for k in sorted(found, key=str)]


@dataclass(slots=True)
class _Node:
    uri: RdfNode
    types: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


class _GraphView:
    """The parts of a built graph that the scorer reads: typed nodes and their names."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.nodes: dict[RdfNode, _Node] = {}
        for s, o in sorted(g.subject_objects(RDF.type), key=lambda so: (str(so[0]), str(so[1]))):
            if isinstance(o, URIRef) and str(o).startswith(ONTOLOGY_IRI):
                self.nodes.setdefault(s, _Node(s)).types.add(_local(o))
        for node in self.nodes.values():
            for p in LABELS:
                for o in g.objects(node.uri, p):
                    node.names.add(norm(o))
        self.actors = [n for n in self.nodes.values() if n.types & ALL_ACTOR_CLASSES]
        self.events = [n for n in self.nodes.values() if n.types & EVENT_TYPES]
        self.by_name: dict[str, list[_Node]] = defaultdict(list)
        for a in self.actors:
            for name in sorted(a.names):
                self.by_name[name].append(a)

    def values(self, subject: RdfNode, prop: str) -> list[RdfNode]:
        return list(self.g.objects(subject, WH[prop]))

    def text_of(self, value: RdfNode) -> list[str]:
        """A literal's text, or a node's labels."""
        if isinstance(value, Literal):
            return [str(value)]
        names = [str(o) for p in LABELS for o in self.g.objects(value, p)]
        return names or [_local(value)]


# -- reports ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorScore:
    """Actors: ``typed`` gold actors found with a fitting type; ``fragmented``, found as several nodes."""

    gold: int
    predicted: int
    found: int
    typed: int
    fragmented: int
    precision: float
    recall: float
    f1: float
    missing: tuple[str, ...]
    mistyped: tuple[str, ...]
    spurious: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventScore:
    """Events: ``matched`` gold events; argument accuracy over the arguments the matched gold events state."""

    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    argument_accuracy: float
    missed: tuple[str, ...]
    argument_errors: tuple[str, ...]
    spurious: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RelationScore:
    """Relations between actors, and offices held (``holdsPosition``)."""

    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    missed: tuple[str, ...]
    spurious: tuple[str, ...]


_PARTS = ("actors", "events", "relations")


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """One document scored against its gold file."""

    document: str
    gold_path: str
    actors: ActorScore
    events: EventScore
    relations: RelationScore
    overall_f1: float

    def part_f1(self, part: str) -> float | None:
        """A part's F1, or None where neither the gold nor the graph has any of it."""
        p = getattr(self, part)
        return None if p.gold == 0 and p.predicted == 0 else p.f1

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data: the reference scorer's keys, with the document and gold file."""
        return {
            "document": self.document,
            "gold": self.gold_path,
            **{k: _listify(asdict(getattr(self, k))) for k in _PARTS},
            "overall_f1": self.overall_f1,
        }


def _listify(d: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


class _Scorer:
    """The reference scorer's matching of one graph against one gold annotation."""

    def __init__(self, graph: _GraphView, gold: dict[str, Any]) -> None:
        self.g = graph
        self.gold = gold
        self.alias: dict[str, str] = {}  # any gold name form -> canonical gold name
        for a in gold.get("actors", []):
            for n in [a["name"], *a.get("aliases", [])]:
                self.alias[norm(n)] = a["name"]

    def nodes_for(self, gold_name: str) -> list[_Node]:
        """Graph actor nodes that carry any name form of a gold actor."""
        forms = {k for k, v in self.alias.items() if v == gold_name} | {norm(gold_name)}
        found, seen = [], set()
        for f in sorted(forms):
            for n in self.g.by_name.get(f, []):
                if n.uri not in seen:
                    seen.add(n.uri)
                    found.append(n)
        return found

    def gold_name_of(self, node: _Node) -> str | None:
        for name in sorted(node.names):
            if name in self.alias:
                return self.alias[name]
        return None

    # -- actors --
    def score_actors(self) -> ActorScore:
        gold = self.gold.get("actors", [])
        found = typed = fragmented = 0
        missing, mistyped = [], []
        for a in gold:
            nodes = self.nodes_for(a["name"])
            if not nodes:
                missing.append(a["name"])
                continue
            found += 1
            if len(nodes) > 1:
                fragmented += 1
            if any(n.types & ACTOR_TYPES[a["type"]] for n in nodes):
                typed += 1
            else:
                mistyped.append(f"{a['name']} ({a['type']} != {sorted({t for n in nodes for t in n.types})})")
        predicted = self.g.actors
        spurious = [sorted(n.names)[0] if n.names else _local(n.uri) for n in predicted if self.gold_name_of(n) is None]
        correct_pred = len(predicted) - len(spurious)
        p = correct_pred / len(predicted) if predicted else 0.0
        r = typed / len(gold) if gold else 0.0
        return ActorScore(
            len(gold),
            len(predicted),
            found,
            typed,
            fragmented,
            p,
            r,
            _f1(p, r),
            tuple(missing),
            tuple(mistyped),
            tuple(sorted(spurious)),
        )

    # -- events --
    def participants(self, event: _Node) -> set[str]:
        names = set()
        for _, o in self.g.g.predicate_objects(event.uri):
            node = self.g.nodes.get(o)
            if node is not None and node.types & ALL_ACTOR_CLASSES:
                name = self.gold_name_of(node)
                names.add(name if name else f"?{_local(o)}")
        return names

    def arg_checks(self, gold_ev: dict[str, Any], event: _Node) -> tuple[int, int, list[str]]:
        """(arguments right, arguments asked, names of the wrong ones) for one gold/predicted pair."""

        def actor_via(prop: str, want: str | list[str]) -> bool:
            got = set()
            for o in self.g.values(event.uri, prop):
                node = self.g.nodes.get(o)
                if node is not None:
                    got.add(self.gold_name_of(node))
            return all(w in got for w in _as_list(want))

        def charges_ok() -> bool:
            got = [t for v in self.g.values(event.uri, "charge") for t in self.g.text_of(v)]
            return all(any(overlap(c, t) >= 0.6 for t in got) for c in gold_ev["charges"])

        def outcome_ok() -> bool:
            got = [t for v in self.g.values(event.uri, "outcome") for t in self.g.text_of(v)]
            return any(gold_ev["outcome"].lower() in norm(t) for t in got)

        checks: list[tuple[str, Callable[[], bool]]] = []
        if gold_ev.get("court"):
            checks.append(("court", lambda: actor_via("court", gold_ev["court"])))
        if gold_ev.get("by"):
            checks.append(("by", lambda: all(b in self.participants(event) for b in _as_list(gold_ev["by"]))))
        if gold_ev.get("place"):
            checks.append(("place", lambda: gold_ev["place"] in self.participants(event)))
        if gold_ev.get("date"):
            checks.append(
                ("date", lambda: any(str(v).strip() == gold_ev["date"] for v in self.g.values(event.uri, "date")))
            )
        if gold_ev.get("term"):
            want = months(gold_ev["term"])
            checks.append(("term", lambda: any(months(v) == want for v in self.g.values(event.uri, "sentenceTerm"))))
        if gold_ev.get("charges"):
            checks.append(("charges", charges_ok))
        if gold_ev.get("outcome"):
            checks.append(("outcome", outcome_ok))
        right = 0
        wrong = []
        for name, check in checks:
            if check():
                right += 1
            else:
                wrong.append(name)
        return right, len(checks), wrong

    def score_events(self) -> EventScore:
        gold = [e for e in self.gold.get("events", []) if e["type"] in EVENT_TYPES]
        predicted = self.g.events
        used: set[RdfNode] = set()
        matched = args_right = args_asked = 0
        missed, arg_errors = [], []
        # the most specific gold events choose first, so a vague one cannot take a specific one's match
        for ev in sorted(gold, key=lambda e: -sum(1 for k in _SPECIFIC if e.get(k))):
            who = _as_list(ev.get("who") or [])
            best, best_score = None, (-1, 0)
            for cand in predicted:
                if cand.uri in used or ev["type"] not in cand.types:
                    continue
                if not all(w in self.participants(cand) for w in who):
                    continue
                r, a, _ = self.arg_checks(ev, cand)
                if (r, -a) > best_score:
                    best, best_score = cand, (r, -a)
            if best is None:
                missed.append(f"{ev['type']}({', '.join(who)}{' ' + ev['date'] if ev.get('date') else ''})")
                continue
            used.add(best.uri)
            matched += 1
            r, a, wrong = self.arg_checks(ev, best)
            args_right += r
            args_asked += a
            if wrong:
                arg_errors.append(f"{ev['type']}({', '.join(who)}): wrong {', '.join(wrong)}")
        spurious = [
            f"{'/'.join(sorted(n.types & EVENT_TYPES))}({', '.join(sorted(self.participants(n)))})"
            for n in predicted
            if n.uri not in used
        ]
        p = matched / len(predicted) if predicted else 0.0
        r = matched / len(gold) if gold else 0.0
        return EventScore(
            len(gold),
            len(predicted),
            matched,
            p,
            r,
            _f1(p, r),
            args_right / args_asked if args_asked else 1.0,
            tuple(missed),
            tuple(arg_errors),
            tuple(sorted(spurious)),
        )

    # -- relations --
    def score_relations(self) -> RelationScore:
        gold = [r for r in self.gold.get("relations", []) if r["type"] in RELATION_TYPES]
        predicted: set[tuple[str, ...]] = set()
        for rel in sorted(RELATION_TYPES):
            for s, o in self.g.g.subject_objects(WH[rel]):
                sn = self.g.nodes.get(s)
                s_name = self.gold_name_of(sn) if sn else None
                if rel == "holdsPosition":
                    for t in self.g.text_of(o):
                        predicted.add((rel, s_name or f"?{_local(s)}", norm(t)))
                    continue
                on = self.g.nodes.get(o)
                o_name = self.gold_name_of(on) if on else None
                pair = (s_name or f"?{_local(s)}", o_name or f"?{_local(o)}")
                if rel in SYMMETRIC:
                    pair = tuple(sorted(pair))
                predicted.add((rel, *pair))
        ordered = sorted(predicted)
        matched, missed, used = 0, [], set()
        for r in gold:
            if r["type"] == "holdsPosition":
                hit = next(
                    (
                        t
                        for t in ordered
                        if t not in used
                        and t[0] == "holdsPosition"
                        and t[1] == r["subject"]
                        and overlap(t[2], r["position"]) >= 0.6
                    ),
                    None,
                )
            else:
                pair = (r["subject"], r["object"])
                if r["type"] in SYMMETRIC:
                    pair = tuple(sorted(pair))
                key = (r["type"], *pair)
                hit = key if key in predicted and key not in used else None
            if hit:
                used.add(hit)
                matched += 1
            else:
                missed.append(f"{r['type']}({r['subject']}, {r.get('object') or r.get('position')})")
        p = matched / len(predicted) if predicted else 0.0
        rr = matched / len(gold) if gold else 0.0
        return RelationScore(
            len(gold),
            len(predicted),
            matched,
            p,
            rr,
            _f1(p, rr),
            tuple(missed),
            tuple(sorted(" ".join(t) for t in predicted - used)),
        )


def score_document(graph: Graph, gold: Gold, document: str | None = None) -> DocumentScore:
    """Score one document's graph (or a whole graph of one document) against its gold.

    The overall fact F1 pools the three parts: correct predictions over all
    predictions, gold facts found over all gold facts.
    """
    s = _Scorer(_GraphView(graph), gold.data)
    actors, events, relations = s.score_actors(), s.score_events(), s.score_relations()
    parts = (actors, events, relations)
    tp = actors.typed + events.matched + relations.matched
    n_gold = sum(p.gold for p in parts)
    n_pred = sum(p.predicted for p in parts)
    correct_pred = actors.precision * actors.predicted + events.matched + relations.matched
    overall = _f1(correct_pred / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0)
    name = document or gold.document or Path(gold.path).stem
    return DocumentScore(name, gold.path, actors, events, relations, overall)


# -- several documents --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PartMean:
    """Means over the documents that have some of a part (in the gold or the graph)."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Every paired document's score, and the gold files left aside with the reason."""

    graph: str
    documents: tuple[DocumentScore, ...]
    skipped: tuple[tuple[str, str], ...] = ()

    @property
    def overall_f1(self) -> float:
        """The mean over documents of the overall fact F1 (0.0 with no document)."""
        return statistics.mean(d.overall_f1 for d in self.documents) if self.documents else 0.0

    def part_mean(self, part: str) -> PartMean:
        """A part's mean precision, recall and F1 over the documents that have any of it."""
        scores = [getattr(d, part) for d in self.documents if d.part_f1(part) is not None]
        if not scores:
            return PartMean(0.0, 0.0, 0.0)
        return PartMean(*(statistics.mean(getattr(p, k) for p in scores) for k in ("precision", "recall", "f1")))

    @property
    def argument_accuracy(self) -> float:
        """The mean over documents of the events' argument accuracy."""
        return statistics.mean(d.events.argument_accuracy for d in self.documents) if self.documents else 0.0

    @property
    def fragmented(self) -> int:
        """Gold actors found as several graph nodes, summed over documents."""
        return sum(d.actors.fragmented for d in self.documents)

    def to_dict(self) -> dict[str, Any]:
        """The whole evaluation as JSON data."""
        mean = {
            "documents": len(self.documents),
            "overall_f1": self.overall_f1,
            **{k: asdict(self.part_mean(k)) for k in _PARTS},
            "argument_accuracy": self.argument_accuracy,
            "fragmented": self.fragmented,
        }
        return {
            "graph": self.graph,
            "documents": [d.to_dict() for d in self.documents],
            "mean": mean,
            "skipped": [{"gold": g, "reason": why} for g, why in self.skipped],
        }


def evaluate_dataset(
    ds: Dataset, golds: Sequence[Gold], graph_name: str = "graph", skipped: Iterable[tuple[str, str]] = ()
) -> Evaluation:
    """Pair each gold with its document in ``ds`` and score it.

    A gold names its document by file name (``"document"``; without one, by
    the gold file's own name). A graph of at most one document and a single
    gold pair directly and the whole graph is scored; otherwise each gold is
    scored against its document's named graph, and a gold whose document
    the graph does not hold is skipped.

    Raises:
        InputError: The graph holds several documents without named graphs
            (a Turtle or N-Triples file of a corpus), so a document's facts
            cannot be told apart; or it holds no document to pair several golds with.
    """
    docs = graph_documents(ds)
    left = list(skipped)
    scores = []
    if len(docs) <= 1 and len(golds) == 1:
        scores.append(score_document(ds, golds[0], docs[0].doc_id if docs else None))
        return Evaluation(graph_name, tuple(scores), tuple(left))
    if not docs:
        raise InputError(graph_name, "holds no wh:Document to pair the gold files with; give one gold file")
    for gold in golds:
        want = gold.document or Path(gold.path).name
        doc = next((d for d in docs if d.matches(want)), None)
        if doc is None:
            left.append((gold.path, f"no document {want} in {graph_name}"))
            continue
        if len(docs) == 1:
            view: Graph = ds
        elif doc.graph is None:
            raise InputError(
                graph_name,
                f"holds {len(docs)} documents without named graphs, so their facts "
                "cannot be told apart; write the graph as .trig or .nq, or use a store",
            )
        else:
            view = ds.graph(doc.graph)
        scores.append(score_document(view, gold, doc.doc_id))
    return Evaluation(graph_name, tuple(scores), tuple(left))


def evaluate(graph: str | Path, gold_paths: Sequence[str | Path]) -> Evaluation:
    """Read a graph (file or store folder) and gold files and score every document that has a gold.

    Raises:
        InputError: An unreadable graph or gold file, or no gold file to score.
        StoreError: A store folder that cannot be opened.
    """
    golds: list[Gold] = []
    skipped: list[tuple[str, str]] = []
    for path in gold_paths:
        got = load_gold(path)
        if isinstance(got, Gold):
            golds.append(got)
        else:
            skipped.append((str(path), got))
    if not golds:
        raise InputError(
            gold_paths[0] if len(gold_paths) == 1 else None,
            "no per-document gold file to score" + (f": {skipped[0][1]}" if len(skipped) == 1 else ""),
        )
    result = evaluate_dataset(load_graph(graph), golds, str(graph), skipped)
    if not result.documents:
        raise InputError(graph, "holds none of the documents the gold files name")
    return result


# -- the text report ------------------------------------------------------------------------------


def _details(d: DocumentScore) -> list[str]:
    lines = []
    for k in _PARTS:
        p = getattr(d, k)
        lines.append(
            f"{k:9s} P={p.precision:.2f} R={p.recall:.2f} F1={p.f1:.2f}  (gold {p.gold}, predicted {p.predicted})"
        )
        for key in ("missing", "mistyped", "missed", "argument_errors", "spurious"):
            items = getattr(p, key, ())
            if items:
                lines.append(
                    f"  {key}: "
                    + "; ".join(items[:_SHOWN])
                    + (f" ... (+{len(items) - _SHOWN})" if len(items) > _SHOWN else "")
                )
    lines.append(f"events argument accuracy {d.events.argument_accuracy:.2f}; fragmented actors {d.actors.fragmented}")
    lines.append(f"overall fact F1 {d.overall_f1:.3f}")
    return lines


def _row(
    name: str, overall: float, a: float | None, e: float | None, args: float, rel: float | None, fragmented: int
) -> str:
    def f(x: float | None) -> str:
        return "  - " if x is None else f"{x:.2f}"

    return (
        f"{name:42s} F1 {overall:.3f}  actors {f(a)}  events {f(e)}  args {args:.2f}"
        f"  relations {f(rel)}  fragmented {fragmented}"
    )


def format_report(result: Evaluation, summary: bool = False) -> str:
    """The evaluation as text: each document's figures and misses, then a line per document and the means.

    With ``summary``, only the lines per document and the means (what ``score-corpus`` prints).
    """
    lines: list[str] = []
    several = len(result.documents) > 1
    if not summary:
        for d in result.documents:
            lines.append(f"== {d.document} (gold {d.gold_path})")
            lines.extend(_details(d))
            lines.append("")
    if several or summary:
        for d in result.documents:
            lines.append(
                _row(
                    d.document,
                    d.overall_f1,
                    d.part_f1("actors"),
                    d.part_f1("events"),
                    d.events.argument_accuracy,
                    d.part_f1("relations"),
                    d.actors.fragmented,
                )
            )
        m = {k: result.part_mean(k) for k in _PARTS}
        lines.append(
            f"mean precision {' '.join(f'{k} {m[k].precision:.2f}' for k in _PARTS)}; "
            f"recall {' '.join(f'{k} {m[k].recall:.2f}' for k in _PARTS)}"
        )
        lines.append(
            f"mean over {len(result.documents)} documents: F1 {result.overall_f1:.3f}  "
            f"actors {m['actors'].f1:.2f}  events {m['events'].f1:.2f}  "
            f"args {result.argument_accuracy:.2f}  relations {m['relations'].f1:.2f}  "
            f"fragmented {result.fragmented}"
        )
    elif lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
