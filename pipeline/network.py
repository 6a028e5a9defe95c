"""The network of actors: a networkx projection of the graph, its filters, centrality and exports."""

from __future__ import annotations

import io
import math
import random
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result

from pipeline.atomic import atomic_write_bytes
from pipeline.errors import InputError, OutputError, WhereasError
from pipeline.rdf.export import read_dataset, union_graph
from pipeline.vocab import ONTOLOGY_IRI, PREFIXES

__all__ = [
    "ACTOR_CLASSES",
    "EVENT_EDGES",
    "RELATION_LABELS",
    "SYMMETRIC_RELATIONS",
    "OUTPUT_FORMATS",
    "EventEdges",
    "Evidence",
    "Participant",
    "Fact",
    "Centrality",
    "to_actor_graph",
    "actor_facts",
    "actor_names",
    "select_types",
    "find_actors",
    "focus_graph",
    "centrality",
    "format_centrality",
    "layout",
    "write_graphml",
    "write_gexf",
    "run_viz",
]

#: Actor classes of the ontology -> their parent class (``None`` for the root).
#: The most specific class of an actor is the deepest one it is typed with.
ACTOR_CLASSES: dict[str, str | None] = {
    "Actor": None,
    "Person": "Actor",
    "Organisation": "Actor",
    "Court": "Organisation",
    "PoliticalParty": "Organisation",
    "MediaOutlet": "Organisation",
    "GovernmentBody": "Organisation",
    "InternationalOrganisation": "Organisation",
    "NGO": "Organisation",
    "Place": "Actor",
    "Country": "Place",
}


@dataclass(frozen=True, slots=True)
class EventEdges:
    """How one event class joins actors: a label, and (source path, target path) pairs.

    Paths are SPARQL property paths from the event node to an actor, so that a
    statement reaches the subject of the event it is about (``wh:about/wh:subject``).
    """

    label: str
    paths: tuple[tuple[str, str], ...]


#: Event class -> the edges its participants make. Domain knowledge as data: extend here.
EVENT_EDGES: dict[str, EventEdges] = {
    "Sentencing": EventEdges("sentenced", (("wh:court", "wh:subject"), ("wh:agent", "wh:subject"))),
    "CourtDecision": EventEdges("decided on", (("wh:court", "wh:subject"), ("wh:court", "wh:decisionOn/wh:subject"))),
    "Ban": EventEdges("banned", (("wh:court", "wh:subject"), ("wh:agent", "wh:subject"))),
    "ReleaseDemand": EventEdges("demands release of", (("wh:agent", "wh:subject"),)),
    "Statement": EventEdges("statement on", (("wh:subject", "wh:about"), ("wh:subject", "wh:about/wh:subject"))),
    "Visit": EventEdges("visited", (("wh:subject", "wh:place"),)),
    "Arrest": EventEdges("arrested", (("wh:agent", "wh:subject"),)),
    "Detention": EventEdges("detained", (("wh:agent", "wh:subject"),)),
    "Trial": EventEdges("tried", (("wh:court", "wh:subject"), ("wh:agent", "wh:subject"))),
    "Release": EventEdges("released", (("wh:court", "wh:subject"), ("wh:agent", "wh:subject"))),
    "Lawsuit": EventEdges("sued", (("wh:agent", "wh:subject"),)),
    "Killing": EventEdges("killed", (("wh:agent", "wh:subject"),)),
}

#: Relation property -> (label seen from the subject, label seen from the object).
RELATION_LABELS: dict[str, tuple[str, str]] = {
    "spouseOf": ("spouse of", "spouse of"),
    "relativeOf": ("relative of", "relative of"),
    "memberOf": ("member of", "has member"),
    "leaderOf": ("leader of", "led by"),
    "employeeOf": ("employee of", "employs"),
    "holdsPosition": ("holds position", "held by"),
}
SYMMETRIC_RELATIONS = frozenset({"spouseOf", "relativeOf"})
_POSITION = "holdsPosition"  # a node attribute, not an edge: positions are not actors
_ROLES = ("subject", "agent", "court", "place", "participant")
_LINKS = {"about": "about", "decisionOn": "ruling on"}  # event -> event links, as shown in facts
_PART_CLASSES = ("Citation", "Recital", "Paragraph", "Footnote")

#: Output suffix -> what writes it.
OUTPUT_FORMATS: tuple[str, ...] = (".gexf", ".graphml", ".html", ".png", ".svg")
_JOIN = " | "
_EXACT_BETWEENNESS = 500  # actors; beyond, betweenness is estimated from this many sources


@dataclass(frozen=True, slots=True)
class Evidence:
    """A source sentence: its text, the document IRI, and the part ("Recital A")."""

    text: str
    document: str = ""
    part: str = ""
    start: int = -1


@dataclass(frozen=True, slots=True)
class Participant:
    """Another actor taking part in a fact, with its role."""

    role: str
    id: str
    label: str
    type: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing an actor takes part in: an event, a relation, or a position held.

    ``kind`` is ``event``, ``relation`` or ``position``; ``type`` the ``wh:`` local name
    (``Sentencing``, ``memberOf``); ``role`` the actor's own role (``subject``, ``court``,
    or ``subject``/``object`` of a relation); ``iri`` the event or ``rdf:Statement`` node.
    """

    kind: str
    type: str
    label: str
    role: str
    date: str
    iri: str
    participants: tuple[Participant, ...] = ()
    details: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Centrality:
    """One row of ``--stats``."""

    id: str
    label: str
    type: str
    degree: int
    betweenness: float


# --------------------------------------------------------------------------- extraction


@dataclass(slots=True)
class _Event:
    type: str
    label: str = ""
    date: str = ""
    details: list[str] = field(default_factory=list)
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, actor IRI)
    links: list[tuple[str, str]] = field(default_factory=list)  # (about|decisionOn, event IRI)
    confidence: float | None = None


@dataclass(slots=True)
class _Extract:
    actors: dict[str, dict]  # IRI -> {type, label, altLabels, positions}
    events: dict[str, _Event]
    edges: list[tuple[str, str, str]]  # (source actor, target actor, event IRI)
    relations: dict[tuple[str, str, str], list[str]]  # (s, p local name, o) -> statement IRIs
    evidence: dict[str, tuple[Evidence, ...]]  # event or statement IRI -> sentences
    confidence: dict[str, float]  # statement IRI -> confidence
    position_labels: dict[str, str]  # position IRI -> label


def _values(var: str, names: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ " + " ".join(f"wh:{n}" for n in names) + " }"


def _local(term: object) -> str:
    s = str(term)
    if s.startswith(ONTOLOGY_IRI):
        return s[len(ONTOLOGY_IRI) :]
    return re.split(r"[/#:]", s.rstrip("/#"))[-1] or s


def _rows(g: Graph, query: str) -> Result:
    return g.query(query, initNs=PREFIXES)


def _queryable(ds: Dataset | Graph) -> Graph:
    """A graph whose default graph is every triple: the dataset itself when it is a union."""
    if isinstance(ds, Dataset) and not ds.default_union:
        return union_graph(ds)
    return ds


def _depth(cls: str) -> int:
    depth, parent = 0, ACTOR_CLASSES[cls]
    while parent is not None:
        depth, parent = depth + 1, ACTOR_CLASSES[parent]
    return depth


_CLASS_ORDER = {c: i for i, c in enumerate(ACTOR_CLASSES)}


def _most_specific(classes: Iterable[str]) -> str:
    return min(classes, key=lambda c: (-_depth(c), _CLASS_ORDER[c]))


def _by_predicate(g: Graph, predicates: Iterable[str]) -> dict[str, list[tuple[str, object]]]:
    """``{predicate local name: [(subject IRI, object term), ...]}`` for the given ``wh:``-style names.

    One UNION query, a branch per predicate: rdflib evaluates each branch from its
    predicate index, where a joined ``VALUES ?p`` block would be scanned row by row.
    """
    union = " UNION ".join(f"{{ ?s {p} ?o BIND({p} AS ?p) }}" for p in predicates)
    out: dict[str, list[tuple[str, object]]] = defaultdict(list)
    for row in _rows(g, f"SELECT DISTINCT ?s ?p ?o WHERE {{ {union} }}"):
        out[_local(row.p)].append((str(row.s), row.o))
    return out


def _extract(ds: Dataset | Graph) -> _Extract:
    """Every fact the network needs, by SPARQL over the union of the graphs.

    Each query is one basic graph pattern (at most one ``VALUES`` block ahead of it);
    results are joined here by IRI. rdflib's evaluator joins groups row by row, which
    makes a single query joining everything take minutes on a 2,000-actor graph.
    """
    g = _queryable(ds)

    classes: dict[str, set[str]] = defaultdict(set)
    for row in _rows(g, f"SELECT DISTINCT ?actor ?class WHERE {{ {_values('class', ACTOR_CLASSES)} ?actor a ?class }}"):
        if isinstance(row.actor, URIRef):
            classes[str(row.actor)].add(_local(row["class"]))
    names = _by_predicate(g, ("rdfs:label", "skos:altLabel"))
    labels: dict[str, str] = {}
    for s, o in names["label"]:
        labels[s] = min(str(o), labels.get(s, str(o)))
    alts: dict[str, set[str]] = defaultdict(set)
    for s, o in names["altLabel"]:
        if s in classes:
            alts[s].add(str(o))
    positions: dict[str, set[str]] = defaultdict(set)
    position_labels: dict[str, str] = {}
    for s, o in _by_predicate(g, ("wh:holdsPosition",))["holdsPosition"]:
        position_labels[str(o)] = labels.get(str(o), _local(o))
        positions[s].add(position_labels[str(o)])
    actors = {}
    for iri in sorted(classes):
        label = labels.get(iri, _local(iri))
        actors[iri] = {
            "type": _most_specific(classes[iri]),
            "label": label,
            "altLabels": sorted(alts[iri] - {label}),
            "positions": sorted(positions[iri]),
        }

    order = {t: i for i, t in enumerate(EVENT_EDGES)}
    events: dict[str, _Event] = {}
    for row in _rows(g, f"SELECT DISTINCT ?event ?type WHERE {{ {_values('type', EVENT_EDGES)} ?event a ?type }}"):
        iri, etype = str(row.event), _local(row.type)
        if iri not in events or order[etype] < order[events[iri].type]:
            events[iri] = _Event(etype, label=labels.get(iri, ""))
    attrs = _by_predicate(
        g,
        (
            "wh:date",
            "wh:sentenceTerm",
            "wh:outcome",
            "wh:confidence",
            "wh:charge",
            "wh:legalBasis",
            "wh:about",
            "wh:decisionOn",
        ),
    )
    bases: dict[str, list[str]] = defaultdict(list)  # a charge's legal basis
    for s, o in attrs["legalBasis"]:
        if s not in events:
            bases[s].append(labels.get(str(o), _local(o)))
    for p, pairs in attrs.items():
        for s, o in pairs:
            ev = events.get(s)
            if ev is None:
                continue
            if p == "date":
                ev.date = min(filter(None, (ev.date, str(o))))
            elif p == "confidence" and isinstance(o, Literal):
                try:
                    ev.confidence = max(float(o), ev.confidence if ev.confidence is not None else -math.inf)
                except (TypeError, ValueError):
                    pass
            elif p == "charge":
                basis = sorted(bases.get(str(o), ()))
                ev.details.append(
                    f"charge: {labels.get(str(o), _local(o))}" + (f" ({', '.join(basis)})" if basis else "")
                )
            elif p == "legalBasis":
                ev.details.append(f"legal basis: {labels.get(str(o), _local(o))}")
            elif p == "sentenceTerm":
                ev.details.append(f"sentence: {_duration(str(o))}")
            elif p == "outcome":
                ev.details.append(f"outcome: {_local(o)}")
            else:  # about, decisionOn
                ev.links.append((p, str(o)))
    for role, pairs in _by_predicate(g, tuple(f"wh:{r}" for r in _ROLES)).items():
        for s, o in pairs:
            if s in events and str(o) in actors:
                events[s].roles.append((role, str(o)))
    for ev in events.values():
        ev.details.sort()
        ev.roles.sort(key=lambda r: (_ROLES.index(r[0]), r[1]))
        ev.links.sort()

    edges: set[tuple[str, str, str]] = set()
    by_paths: dict[tuple[str, str], list[str]] = defaultdict(list)
    for etype, spec in EVENT_EDGES.items():
        for paths in spec.paths:
            by_paths[paths].append(etype)
    for (src, tgt), etypes in by_paths.items():
        for row in _rows(
            g,
            f"""SELECT DISTINCT ?event ?source ?target WHERE {{ {_values("type", etypes)}
                ?event a ?type ; {src} ?source ; {tgt} ?target }}""",
        ):
            s, t = str(row.source), str(row.target)
            if s in actors and t in actors and s != t:
                edges.add((s, t, str(row.event)))

    relations: dict[tuple[str, str, str], list[str]] = {}
    for row in _rows(g, f"SELECT DISTINCT ?s ?p ?o WHERE {{ {_values('p', RELATION_LABELS)} ?s ?p ?o }}"):
        s, p, o = str(row.s), _local(row.p), str(row.o)
        if s in actors and (o in actors or p == _POSITION):
            relations[(s, p, o)] = []
    confidence: dict[str, float] = {}
    for row in _rows(
        g,
        """SELECT DISTINCT ?st ?s ?p ?o ?conf WHERE {
            ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
            OPTIONAL { ?st wh:confidence ?conf } }""",
    ):
        key = (str(row.s), _local(row.p), str(row.o))
        if key in relations:
            relations[key].append(str(row.st))
            if isinstance(row.conf, Literal):
                try:
                    confidence[str(row.st)] = max(float(row.conf), confidence.get(str(row.st), -math.inf))
                except (TypeError, ValueError):
                    pass
    for sts in relations.values():
        sts[:] = sorted(set(sts))

    spans = _by_predicate(g, ("wh:inDocument", "wh:inPart", "wh:start", "wh:number"))
    span_doc = {s: str(o) for s, o in spans["inDocument"]}
    span_part = {s: str(o) for s, o in spans["inPart"]}
    starts = {s: o for s, o in spans["start"]}
    numbers = {s: str(o) for s, o in spans["number"]}
    part_kinds: dict[str, str] = {}
    for row in _rows(g, f"SELECT DISTINCT ?part ?kind WHERE {{ {_values('kind', _PART_CLASSES)} ?part a ?kind }}"):
        part_kinds[str(row.part)] = _local(row.kind)
    evidence: dict[str, set[Evidence]] = defaultdict(set)
    for row in _rows(g, "SELECT DISTINCT ?node ?span ?text WHERE { ?node wh:evidence ?span . ?span wh:text ?text }"):
        span = str(row.span)
        part = span_part.get(span, "")
        try:
            start = int(starts[span]) if span in starts else -1
        except (TypeError, ValueError):
            start = -1
        where = " ".join(filter(None, (part_kinds.get(part, ""), numbers.get(part, ""))))
        evidence[str(row.node)].add(Evidence(str(row.text), span_doc.get(span, ""), where, start))
    return _Extract(
        actors=actors,
        events=events,
        edges=sorted(edges),
        relations=relations,
        evidence={
            k: tuple(sorted(v, key=lambda e: (e.document, e.start, e.text, e.part))) for k, v in evidence.items()
        },
        confidence=confidence,
        position_labels=position_labels,
    )


_DURATION_UNITS = (("Y", "year"), ("M", "month"), ("W", "week"), ("D", "day"))


def _duration(value: str) -> str:
    """An ``xsd:duration`` of whole years, months, weeks or days in words; anything else as is.

    >>> _duration("P7Y6M"), _duration("P1Y"), _duration("PT5H")
    ('7 years 6 months', '1 year', 'PT5H')
    """
    m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", value)
    if not m or not any(m.groups()):
        return value
    return " ".join(
        f"{n} {unit}{'s' * (int(n) != 1)}" for n, (_, unit) in zip(m.groups(), _DURATION_UNITS, strict=True) if n
    )


# --------------------------------------------------------------------------- the graph


def _set_degrees(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    for node, degree in G.degree():
        G.nodes[node]["degree"] = int(degree)
    return G


def _graph(ext: _Extract) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for iri, actor in ext.actors.items():
        G.add_node(
            iri,
            label=actor["label"],
            type=actor["type"],
            altLabels=_JOIN.join(actor["altLabels"]),
            positions=_JOIN.join(actor["positions"]),
        )
    rows: list[tuple[str, str, str, dict]] = []
    for s, t, event in ext.edges:
        ev = ext.events[event]
        attrs = {
            "label": EVENT_EDGES[ev.type].label,
            "relation": ev.type,
            "kind": "event",
            "date": ev.date,
            "event": event,
            "evidence": _JOIN.join(e.text for e in ext.evidence.get(event, ())),
        }
        if ev.confidence is not None:
            attrs["confidence"] = ev.confidence
        rows.append((s, t, event, attrs))
    merged: dict[tuple[str, str, str], list[str]] = {}
    for (s, p, o), sts in ext.relations.items():
        if p == _POSITION:
            continue
        if p in SYMMETRIC_RELATIONS and (o, p, s) in merged:  # one edge for both directions
            merged[(o, p, s)] = sorted(set(merged[(o, p, s)]) | set(sts))
        else:
            merged[(s, p, o)] = list(sts)
    for (s, p, o), sts in merged.items():
        if s == o:
            continue
        sentences = [e for st in sts for e in ext.evidence.get(st, ())]
        attrs = {
            "label": RELATION_LABELS[p][0],
            "relation": p,
            "kind": "relation",
            "date": "",
            "event": _JOIN.join(sts),
            "evidence": _JOIN.join(dict.fromkeys(e.text for e in sentences)),
        }
        confidences = [ext.confidence[st] for st in sts if st in ext.confidence]
        if confidences:
            attrs["confidence"] = max(confidences)
        rows.append((s, o, p, attrs))
    for s, t, key, attrs in sorted(rows, key=lambda r: r[:3]):
        G.add_edge(s, t, key=key, **attrs)
    return _set_degrees(G)


def to_actor_graph(ds: Dataset | Graph) -> nx.MultiDiGraph:
    """Project a whereas graph onto its actors: who did what to whom.

    Nodes are actor IRIs with ``label``, ``type`` (most specific ``wh:`` class),
    ``altLabels`` and ``positions`` (joined with `` | ``) and ``degree``. An edge joins two
    actors of one event (keyed by the event IRI, see :data:`EVENT_EDGES`) or of one relation
    (keyed by the property name, see :data:`RELATION_LABELS`), with ``label``, ``relation``,
    ``kind``, ``date``, ``event`` (event or ``rdf:Statement`` IRIs), ``evidence`` (the source
    sentences) and ``confidence``. Every attribute is a string or a number, so GraphML and
    GEXF keep them all.

    Args:
        ds: A dataset (its named graphs are read as one) or a graph.

    Returns:
        A new ``MultiDiGraph``, nodes and edges in sorted order.

    >>> from rdflib import Dataset
    >>> ds = Dataset(default_union=True).parse(format="trig", data='''
    ... @prefix wh: <https://w3id.org/whereas/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:court> a wh:Court ; rdfs:label "City Court" .
    ... <urn:anna> a wh:Person ; rdfs:label "Anna Berg" .
    ... <urn:e1> a wh:Sentencing ; wh:court <urn:court> ; wh:subject <urn:anna> ; wh:date "2098-05-03" .''')
    >>> G = to_actor_graph(ds)
    >>> sorted(G.nodes(data="label"))
    [('urn:anna', 'Anna Berg'), ('urn:court', 'City Court')]
    >>> [(u, v, d["label"], d["date"]) for u, v, d in G.edges(data=True)]
    [('urn:court', 'urn:anna', 'sentenced', '2098-05-03')]
    """
    return _graph(_extract(ds))


def _facts(ext: _Extract) -> dict[str, list[Fact]]:
    def who(role: str, iri: str) -> Participant:
        actor = ext.actors[iri]
        return Participant(role, iri, actor["label"], actor["type"])

    def about(iri: str) -> str:
        ev = ext.events.get(iri)
        if ev is None:
            return ext.actors[iri]["label"] if iri in ext.actors else _local(iri)
        if ev.label:
            return ev.label
        return f"{ev.type} ({ev.date})" if ev.date else ev.type

    def details(ev: _Event) -> tuple[str, ...]:
        return tuple(ev.details) + tuple(f"{_LINKS[p]}: {about(o)}" for p, o in ev.links)

    facts: dict[str, list[Fact]] = {iri: [] for iri in ext.actors}
    for iri, ev in ext.events.items():
        for role, actor in ev.roles:
            others = tuple(who(r, a) for r, a in ev.roles if a != actor)
            facts[actor].append(
                Fact(
                    "event",
                    ev.type,
                    ev.label or ev.type,
                    role,
                    ev.date,
                    iri,
                    others,
                    details(ev),
                    ext.evidence.get(iri, ()),
                    ev.confidence,
                )
            )
    seen = {(actor, iri) for iri, ev in ext.events.items() for _, actor in ev.roles}
    for _source, target, iri in ext.edges:  # reached through wh:about or wh:decisionOn
        if (target, iri) not in seen:
            seen.add((target, iri))
            ev = ext.events[iri]
            facts[target].append(
                Fact(
                    "event",
                    ev.type,
                    ev.label or ev.type,
                    "about",
                    ev.date,
                    iri,
                    tuple(who(r, a) for r, a in ev.roles),
                    details(ev),
                    ext.evidence.get(iri, ()),
                    ev.confidence,
                )
            )
    for (s, p, o), sts in ext.relations.items():
        sentences = tuple(dict.fromkeys(e for st in sts for e in ext.evidence.get(st, ())))
        conf = max((ext.confidence[st] for st in sts if st in ext.confidence), default=None)
        iri = _JOIN.join(sts)
        forward, backward = RELATION_LABELS[p]
        if p == _POSITION:
            facts[s].append(
                Fact(
                    "position",
                    p,
                    f"{forward}: {ext.position_labels.get(o, _local(o))}",
                    "subject",
                    "",
                    iri,
                    (),
                    (),
                    sentences,
                    conf,
                )
            )
            continue
        facts[s].append(Fact("relation", p, forward, "subject", "", iri, (who("object", o),), (), sentences, conf))
        if o != s:
            facts[o].append(Fact("relation", p, backward, "object", "", iri, (who("subject", s),), (), sentences, conf))
    for items in facts.values():
        items.sort(key=lambda f: (f.date == "", f.date, f.kind, f.type, f.iri, f.role))
    return facts


def actor_facts(ds: Dataset | Graph) -> dict[str, list[Fact]]:
    """For each actor IRI, every event it takes part in (any role), relation and position.

    Facts come dated first (oldest first), then undated; each carries the other
    participants, details (sentence, charge, outcome, what a statement is about) and the
    source sentences.

    >>> from rdflib import Dataset
    >>> ds = Dataset(default_union=True).parse(format="trig", data='''
    ... @prefix wh: <https://w3id.org/whereas/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:court> a wh:Court ; rdfs:label "City Court" .
    ... <urn:anna> a wh:Person ; rdfs:label "Anna Berg" .
    ... <urn:e1> a wh:Sentencing ; wh:court <urn:court> ; wh:subject <urn:anna> ; wh:evidence <urn:s> .
    ... <urn:s> wh:text "the City Court sentenced Anna Berg" .''')
    >>> [fact] = actor_facts(ds)["urn:anna"]
    >>> fact.type, fact.role, [p.label for p in fact.participants], fact.evidence[0].text
    ('Sentencing', 'subject', ['City Court'], 'the City Court sentenced Anna Berg')
    """
    return _facts(_extract(ds))


# --------------------------------------------------------------------------- filters


def actor_names(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The label of ``node`` followed by its alternative labels.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:a", label="Anna Berg", altLabels="Berg | Ms Berg")
    >>> actor_names(G, "urn:a")
    ['Anna Berg', 'Berg', 'Ms Berg']
    """
    data = G.nodes[node]
    alts = [a for a in str(data.get("altLabels", "")).split(_JOIN) if a]
    return [str(data.get("label", node)), *alts]


def select_types(
    G: nx.MultiDiGraph, types: Iterable[str], *, keep: Iterable[str] = (), source: str | Path | None = None
) -> nx.MultiDiGraph:
    """The subgraph of actors whose type is one of ``types`` (case-insensitive), plus ``keep``.

    Raises:
        WhereasError: a name that is no actor class; the message lists the valid ones.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:a", type="Person"); G.add_node("urn:c", type="Court")
    >>> G.add_edge("urn:c", "urn:a", key="e1")
    'e1'
    >>> H = select_types(G, ["person"])
    >>> list(H.nodes(data="degree"))
    [('urn:a', 0)]
    >>> select_types(G, ["Persn"])
    Traceback (most recent call last):
    ...
    pipeline.errors.WhereasError: --types: unknown actor type 'Persn'; valid types: Actor, Country, Court, GovernmentBody, InternationalOrganisation, MediaOutlet, NGO, Organisation, Person, Place, PoliticalParty
    """
    by_lower = {c.lower(): c for c in ACTOR_CLASSES}
    wanted = set()
    for name in types:
        if name.strip().lower() not in by_lower:
            raise WhereasError(
                source or "--types",
                f"unknown actor type {name.strip()!r}; valid types: " + ", ".join(sorted(ACTOR_CLASSES)),
            )
        wanted.add(by_lower[name.strip().lower()])
    keep = set(keep)
    nodes = [n for n, t in G.nodes(data="type") if t in wanted or n in keep]
    return _set_degrees(nx.MultiDiGraph(G.subgraph(nodes)))


def find_actors(G: nx.MultiDiGraph, name: str, *, source: str | Path | None = None) -> list[str]:
    """The actors called ``name``: case-insensitive, labels first, then alternative labels
    (an alias several actors share finds them all).

    Raises:
        WhereasError: no actor has that name; the message suggests the closest names.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:a", label="Anna Berg", altLabels="Berg"); G.add_node("urn:b", label="Berg")
    >>> find_actors(G, "BERG"), find_actors(G, "anna berg")
    (['urn:b'], ['urn:a'])
    """
    wanted = name.strip().casefold()
    by_label = sorted(n for n in G if str(G.nodes[n].get("label", "")).casefold() == wanted)
    found = by_label or sorted(n for n in G if wanted in (a.casefold() for a in actor_names(G, n)))
    if found:
        return found
    from rapidfuzz import fuzz, process, utils

    names = sorted({(a, n) for n in G for a in actor_names(G, n)})
    hits = process.extract(
        name, [a for a, _ in names], scorer=fuzz.WRatio, processor=utils.default_process, limit=10, score_cutoff=70
    )
    suggestions: list[str] = []
    for _, _, i in sorted(hits, key=lambda h: (-h[1], h[0])):
        label = str(G.nodes[names[i][1]].get("label", names[i][1]))
        if label not in suggestions:
            suggestions.append(label)
    hint = ("; did you mean " + ", ".join(repr(s) for s in suggestions[:3]) + "?") if suggestions else ""
    raise WhereasError(source or "--focus", f"no actor named {name!r}{hint}")


def focus_graph(G: nx.MultiDiGraph, name: str, hops: int = 1, *, source: str | Path | None = None) -> nx.MultiDiGraph:
    """The actors within ``hops`` links (either direction) of the actor(s) called ``name``
    (see :func:`find_actors`), with their degrees in the subgraph.

    Raises:
        WhereasError: no actor has that name; the message suggests the closest names.

    >>> G = nx.MultiDiGraph()
    >>> for n, label in [("urn:a", "Anna Berg"), ("urn:b", "Karl Berg"), ("urn:c", "City Court")]:
    ...     G.add_node(n, label=label)
    >>> G.add_edge("urn:a", "urn:b", key="spouseOf"); G.add_edge("urn:c", "urn:a", key="e1")
    'spouseOf'
    'e1'
    >>> sorted(focus_graph(G, "karl berg", hops=1))
    ['urn:a', 'urn:b']
    >>> focus_graph(G, "Karl Borg")
    Traceback (most recent call last):
    ...
    pipeline.errors.WhereasError: --focus: no actor named 'Karl Borg'; did you mean 'Karl Berg'?
    """
    undirected = G.to_undirected(as_view=True)
    nodes: set[str] = set()
    for centre in find_actors(G, name, source=source):
        nodes |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
    return _set_degrees(nx.MultiDiGraph(G.subgraph(nodes)))


# --------------------------------------------------------------------------- statistics


def centrality(G: nx.MultiDiGraph, top: int = 15) -> list[Centrality]:
    """The ``top`` actors by degree (links, in and out), then betweenness centrality.

    Betweenness is computed on the undirected simple graph (normalised), exactly up to
    500 actors and from a fixed sample of 500 sources beyond; ties fall back to the
    label and the IRI, so the order is always the same.

    >>> G = nx.MultiDiGraph([("urn:a", "urn:b"), ("urn:b", "urn:c")])
    >>> [(r.id, r.degree, r.betweenness) for r in centrality(G)]
    [('urn:b', 2, 1.0), ('urn:a', 1, 0.0), ('urn:c', 1, 0.0)]
    """
    simple = nx.Graph(G)
    k = None if len(simple) <= _EXACT_BETWEENNESS else _EXACT_BETWEENNESS
    between = nx.betweenness_centrality(simple, k=k, normalized=True, seed=0)
    rows = [
        Centrality(n, str(d.get("label", n)), str(d.get("type", "")), int(G.degree(n)), round(between.get(n, 0.0), 6))
        for n, d in G.nodes(data=True)
    ]
    rows.sort(key=lambda r: (-r.degree, -r.betweenness, r.label, r.id))
    return rows[:top]


def format_centrality(rows: list[Centrality], *, rich: bool = False) -> str:
    """``rows`` as a table: plain aligned text, or a rich table with colour for a terminal.

    >>> print(format_centrality([Centrality("urn:a", "Anna Berg", "Person", 3, 0.5)]), end="")
    #  actor      type    degree  betweenness
    1  Anna Berg  Person       3        0.500
    """
    header = ("#", "actor", "type", "degree", "betweenness")
    cells = [(str(i), r.label, r.type, str(r.degree), f"{r.betweenness:.3f}") for i, r in enumerate(rows, 1)]
    if rich:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="Most central actors")
        for i, name in enumerate(header):
            table.add_column(name, justify="right" if i in (0, 3, 4) else "left")
        for row in cells:
            table.add_row(*row)
        console = Console(file=io.StringIO(), force_terminal=True, width=120)
        console.print(table)
        return console.file.getvalue()
    widths = [max(len(c[i]) for c in [header, *cells]) for i in range(len(header))]
    lines = []
    for row in [header, *cells]:
        parts = [v.rjust(w) if i in (3, 4) else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- layout and files


def layout(G: nx.MultiDiGraph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic 2-D positions for the nodes, centred and scaled into [-1, 1].

    A Fruchterman-Reingold layout (igraph's, in C: a 2,000-actor graph takes seconds,
    where networkx's takes half a minute) from seeded start positions with a seeded
    generator, so the same graph always gets the same picture.

    >>> pos = layout(nx.MultiDiGraph([("a", "b"), ("b", "c")]))
    >>> sorted(pos) == ["a", "b", "c"] and pos == layout(nx.MultiDiGraph([("a", "b"), ("b", "c")]))
    True
    >>> max(abs(v) for xy in pos.values() for v in xy)
    1.0
    """
    import igraph

    nodes = sorted(G)
    if len(nodes) <= 1:
        return {n: (0.0, 0.0) for n in nodes}
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted({tuple(sorted((index[u], index[v]))) for u, v in G.edges() if u != v})
    rng = random.Random(seed)
    start = [[rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0)] for _ in nodes]
    igraph.set_random_number_generator(rng)
    try:
        coords = (
            igraph.Graph(n=len(nodes), edges=edges)
            .layout_fruchterman_reingold(seed=start, niter=500 if len(nodes) <= 1000 else 250)
            .coords
        )
    finally:
        igraph.set_random_number_generator(random)
    cx = sum(x for x, _ in coords) / len(coords)
    cy = sum(y for _, y in coords) / len(coords)
    span = max(max(abs(x - cx), abs(y - cy)) for x, y in coords) or 1.0
    return {n: (round((x - cx) / span, 5), round((y - cy) / span, 5)) for n, (x, y) in zip(nodes, coords, strict=True)}


def _xml_bytes(writer, G: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    writer(G, buf)
    return buf.getvalue()


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GraphML (Gephi, yEd, Cytoscape), atomically.

    >>> import tempfile
    >>> G = nx.MultiDiGraph(); G.add_edge("urn:a", "urn:b", key="e1", label="sentenced")
    'e1'
    >>> p = write_graphml(G, Path(tempfile.mkdtemp()) / "g.graphml")
    >>> H = nx.read_graphml(p, edge_key_type=str, force_multigraph=True)
    >>> list(H.edges(keys=True, data="label"))
    [('urn:a', 'urn:b', 'e1', 'sentenced')]
    """
    return atomic_write_bytes(path, _xml_bytes(lambda g, f: nx.write_graphml(g, f, encoding="utf-8"), G))


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GEXF 1.2 (Gephi), atomically, with no date in it.

    >>> import tempfile
    >>> G = nx.MultiDiGraph(); G.add_edge("urn:a", "urn:b", key="e1", label="sentenced")
    'e1'
    >>> H = nx.read_gexf(write_gexf(G, Path(tempfile.mkdtemp()) / "g.gexf"))
    >>> [(u, v, d["label"]) for u, v, d in H.edges(data=True)]
    [('urn:a', 'urn:b', 'sentenced')]
    """
    data = _xml_bytes(nx.write_gexf, G)
    # networkx stamps today's date into <meta>; the attribute is optional: drop it, same graph -> same bytes
    data = re.sub(rb'(<meta) lastmodifieddate="[^"]*"', rb"\1", data, count=1)
    return atomic_write_bytes(path, data)


# --------------------------------------------------------------------------- the command


def _describe(G: nx.MultiDiGraph) -> str:
    n, m = G.number_of_nodes(), G.number_of_edges()
    return f"{n} actor{'s' * (n != 1)}, {m} link{'s' * (m != 1)}"


def _write_html(G: nx.MultiDiGraph, ext: _Extract, path: Path, title: str) -> None:
    from pipeline.viz.html import write_html

    facts = _facts(ext)
    write_html(G, {n: facts[n] for n in G}, path, title=title)


def _write_image(G: nx.MultiDiGraph, ext: _Extract, path: Path, title: str) -> None:
    from pipeline.viz.static import write_image

    write_image(G, path, title=title)


#: Output suffix -> writer(G, extracted facts, path, title).
_WRITERS: dict[str, Callable[[nx.MultiDiGraph, _Extract, Path, str], object]] = {
    ".gexf": lambda G, ext, path, title: write_gexf(G, path),
    ".graphml": lambda G, ext, path, title: write_graphml(G, path),
    ".html": _write_html,
    ".png": _write_image,
    ".svg": _write_image,
}
assert tuple(sorted(_WRITERS)) == OUTPUT_FORMATS


def run_viz(
    source: Path,
    *,
    output: Path | None = None,
    focus: str | None = None,
    hops: int = 1,
    types: list[str] | None = None,
    stats: bool = False,
) -> str:
    """``whereas viz``: read a graph, project its actors, filter, write ``output``, report.

    The output format comes from the suffix: ``.html`` (one self-contained interactive
    page), ``.graphml``, ``.gexf``, ``.png`` or ``.svg``. With neither ``output`` nor
    ``stats``, the page is written as ``actors.html`` beside the source.

    Returns:
        The text to print: what was written, and the ``--stats`` table.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "g.ttl").write_text('''@prefix wh: <https://w3id.org/whereas/ontology#> .
    ... <urn:court> a wh:Court . <urn:anna> a wh:Person .
    ... <urn:e1> a wh:Sentencing ; wh:court <urn:court> ; wh:subject <urn:anna> .''')
    >>> run_viz(folder / "g.ttl", output=folder / "actors.gexf")  # doctest: +ELLIPSIS
    '.../actors.gexf: 2 actors, 1 link\\n'
    """
    source = Path(source)
    if output is not None and Path(output).suffix.lower() not in OUTPUT_FORMATS:
        raise OutputError(
            output,
            f"unknown output format {Path(output).suffix or '(no suffix)'}; use one of " + ", ".join(OUTPUT_FORMATS),
        )
    if types:
        select_types(nx.MultiDiGraph(), types)  # names checked before the graph is read
    ds = read_dataset(source)
    ext = _extract(ds)
    G = _graph(ext)
    if len(G) == 0:
        raise InputError(source, "no actors in the graph (no node typed wh:Person, wh:Court, wh:Country, …)")
    title = f"Actors in {source.name}"
    centres: list[str] = []
    if focus:
        centres = find_actors(G, focus, source=source)
        G = focus_graph(G, focus, hops, source=source)
        title = (
            f"Actors within {hops} hop{'s' * (hops != 1)} of "
            + ", ".join(G.nodes[c]["label"] for c in centres)
            + f" in {source.name}"
        )
    if types:
        G = select_types(G, types, keep=centres)
        if len(G) == 0:
            raise WhereasError(source, "no actors of type " + ", ".join(types) + " in the graph")
    if output is None and not stats:
        output = source.with_name("actors.html")
    lines: list[str] = []
    if output is not None:
        output = Path(output)
        _WRITERS[output.suffix.lower()](G, ext, output, title)
        lines.append(f"{output}: {_describe(G)}")
    if stats:
        lines.append(format_centrality(centrality(G), rich=sys.stdout.isatty()).rstrip("\n"))
    return "\n".join(lines) + "\n"
