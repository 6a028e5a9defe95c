"""The projection: a whereas graph (rdflib) read by SPARQL into a networkx graph of actors,
and the facts (events, relations, positions) each actor takes part in."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import cast

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Node

from pipeline.network.model import (
    ACTOR_CLASSES,
    EVENT_EDGES,
    JOIN,
    RELATION_LABELS,
    SYMMETRIC_RELATIONS,
    Evidence,
    Fact,
    Participant,
)
from pipeline.rdf.export import union_graph
from pipeline.vocab import ONTOLOGY_IRI, PREFIXES

__all__ = [
    "Extraction",
    "extract",
    "graph_of",
    "facts_of",
    "set_degrees",
    "duration_words",
    "to_actor_graph",
    "actor_facts",
]

_POSITION = "holdsPosition"  # a node attribute, not an edge: positions are not actors
_ROLES = ("subject", "agent", "court", "place", "participant")
_LINKS = {"about": "about", "decisionOn": "ruling on"}  # event -> event links, as shown in facts
_PART_CLASSES = ("Citation", "Recital", "Paragraph", "Footnote", "Tabling")


@dataclass(slots=True)
class _Event:
    type: str
    label: str = ""
    date: str = ""
    details: list[str] = field(default_factory=list)
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, actor IRI)
    links: list[tuple[str, str]] = field(default_factory=list)  # (about|decisionOn, event IRI)
    confidence: float | None = None
    dates: list[str] = field(default_factory=list)  # every wh:date, as written
    terms: list[str] = field(default_factory=list)  # wh:sentenceTerm, xsd:duration
    charges: list[str] = field(default_factory=list)  # labels, with their legal basis
    outcomes: list[str] = field(default_factory=list)  # local names: upheld, refused, ...
    standing: str = ""  # wh:standing's local name (asserted, reported, alleged, denied, demanded)


@dataclass(slots=True)
class Extraction:
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


def _rows(g: Graph, query: str) -> Iterator[ResultRow]:
    """The rows of a SELECT ``query`` (every query here is one)."""
    return iter(cast("Iterable[ResultRow]", g.query(query, initNs=PREFIXES)))


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


def _by_predicate(g: Graph, predicates: Iterable[str]) -> dict[str, list[tuple[str, Node]]]:
    """``{predicate local name: [(subject IRI, object term), ...]}`` for the given ``wh:``-style names.

    One UNION query, a branch per predicate: rdflib evaluates each branch from its
    predicate index, where a joined ``VALUES ?p`` block would be scanned row by row.
    """
    union = " UNION ".join(f"{{ ?s {p} ?o BIND({p} AS ?p) }}" for p in predicates)
    out: dict[str, list[tuple[str, Node]]] = defaultdict(list)
    for row in _rows(g, f"SELECT DISTINCT ?s ?p ?o WHERE {{ {union} }}"):
        out[_local(row.p)].append((str(row.s), row.o))
    return out


def extract(ds: Dataset | Graph) -> Extraction:
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
            "wh:standing",
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
                ev.dates.append(str(o))
            elif p == "confidence" and isinstance(o, Literal):
                try:
                    ev.confidence = max(float(o), ev.confidence if ev.confidence is not None else -math.inf)
                except (TypeError, ValueError):
                    pass
            elif p == "charge":
                basis = sorted(bases.get(str(o), ()))
                charge = labels.get(str(o), _local(o)) + (f" ({', '.join(basis)})" if basis else "")
                ev.details.append(f"charge: {charge}")
                ev.charges.append(charge)
            elif p == "legalBasis":
                ev.details.append(f"legal basis: {labels.get(str(o), _local(o))}")
            elif p == "sentenceTerm":
                ev.details.append(f"sentence: {duration_words(str(o))}")
                ev.terms.append(str(o))
            elif p == "outcome":
                ev.details.append(f"outcome: {_local(o)}")
                ev.outcomes.append(_local(o))
            elif p == "standing":
                ev.standing = _local(o)
            else:  # about, decisionOn
                ev.links.append((p, str(o)))
    for role, pairs in _by_predicate(g, tuple(f"wh:{r}" for r in _ROLES)).items():
        for s, o in pairs:
            if s in events and str(o) in actors:
                events[s].roles.append((role, str(o)))
    for ev in events.values():
        ev.details.sort()
        for values in (ev.dates, ev.terms, ev.charges, ev.outcomes):
            values[:] = sorted(set(values))
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
        rs, rp, ro = str(row.s), _local(row.p), str(row.o)
        if rs in actors and (ro in actors or rp == _POSITION):
            relations[(rs, rp, ro)] = []
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
            start = int(str(starts[span])) if span in starts else -1
        except (TypeError, ValueError):
            start = -1
        where = " ".join(filter(None, (part_kinds.get(part, ""), numbers.get(part, ""))))
        evidence[str(row.node)].add(Evidence(str(row.text), span_doc.get(span, ""), where, start))
    return Extraction(
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


def duration_words(value: str) -> str:
    """An ``xsd:duration`` of whole years, months, weeks or days in words; anything else as is.

    >>> duration_words("P7Y6M"), duration_words("P1Y"), duration_words("PT5H")
    ('7 years 6 months', '1 year', 'PT5H')
    """
    m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", value)
    if not m or not any(m.groups()):
        return value
    return " ".join(
        f"{n} {unit}{'s' * (int(n) != 1)}" for n, (_, unit) in zip(m.groups(), _DURATION_UNITS, strict=True) if n
    )


# --------------------------------------------------------------------------- the graph


def set_degrees(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    for node, degree in G.degree():
        G.nodes[node]["degree"] = int(degree)
    return G


def graph_of(ext: Extraction) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for iri, actor in ext.actors.items():
        G.add_node(
            iri,
            label=actor["label"],
            type=actor["type"],
            altLabels=JOIN.join(actor["altLabels"]),
            positions=JOIN.join(actor["positions"]),
        )
    rows: list[tuple[str, str, str, dict]] = []
    for s, t, event in ext.edges:
        ev = ext.events[event]
        attrs: dict[str, str | float] = {
            "label": EVENT_EDGES[ev.type].label,
            "relation": ev.type,
            "kind": "event",
            "date": ev.date,
            "event": event,
            "evidence": JOIN.join(e.text for e in ext.evidence.get(event, ())),
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
            "event": JOIN.join(sts),
            "evidence": JOIN.join(dict.fromkeys(e.text for e in sentences)),
        }
        confidences = [ext.confidence[st] for st in sts if st in ext.confidence]
        if confidences:
            attrs["confidence"] = max(confidences)
        rows.append((s, o, p, attrs))
    for s, t, key, attrs in sorted(rows, key=lambda r: r[:3]):
        G.add_edge(s, t, key=key, **attrs)
    return set_degrees(G)


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
    return graph_of(extract(ds))


def facts_of(ext: Extraction) -> dict[str, list[Fact]]:
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
        iri = JOIN.join(sts)
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
    return facts_of(extract(ds))
