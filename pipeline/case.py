"""Cases across documents: the events several documents report linked as one, disagreements kept, one timeline per person."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cache
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from pipeline.errors import InputError, WhereasError
from pipeline.facts import EventType
from pipeline.iri import IriMinter
from pipeline.normalize.dates import may_be_same_day
from pipeline.normalize.names import name_key
from pipeline.normalize.transliteration import transliteration_key
from pipeline.vocab import WH

__all__ = [
    "CASE_FIELDS",
    "FORMATS",
    "Evidence",
    "Source",
    "Conflict",
    "CaseEvent",
    "Timeline",
    "reported_events",
    "link_events",
    "case_events",
    "add_case_graph",
    "fill_case_graph",
    "drop_case_graph",
    "timeline",
    "timelines",
    "load_timeline",
    "format_timeline",
    "GoldMatch",
    "match_gold",
]

#: the attributes whose disagreement between sources is a conflict, with their property
CASE_FIELDS = {"date": WH.date, "term": WH.sentenceTerm, "court": WH.court, "outcome": WH.outcome}
#: output formats of ``whereas case``
FORMATS = ("table", "markdown", "csv", "json")
#: two day-precise dates at most this many days apart may be one event (whose date is then in conflict)
CLOSE_DAYS = 3
_EVENT_CLASSES = {WH[t.value]: t.value for t in EventType}
_SMALL_WORDS = {"of", "the", "and", "in", "for", "no"}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence a source states the event in."""

    text: str
    start: int
    end: int
    span: str  # the wh:TextSpan IRI


@dataclass(frozen=True, slots=True)
class Source:
    """One document's event node, with the values that document gives."""

    document: str  # document id
    event: str  # the event node's IRI
    type: str  # wh: class name
    standing: str  # asserted, reported, alleged, denied, demanded
    evidence: tuple[Evidence, ...]
    subjects: tuple[str, ...]  # actor IRIs
    subject_labels: tuple[str, ...]
    agents: tuple[str, ...]  # labels
    court: str | None
    court_iri: str | None
    place: str | None
    date: str | None
    term: str | None
    charges: tuple[str, ...]
    outcome: str | None
    about: tuple[str, ...]  # IRIs of actors and events the event is about
    #: the document's own date, where the event is the document's author's own undated act (a
    #: resolution's call for a release): it places the event for linking, it is not its date
    own_act_date: str | None = None
    #: every place the report names, as (IRI, label)
    places: tuple[tuple[str, str], ...] = ()

    @property
    def when(self) -> str | None:
        """The date the event is linked by: its own, else the date of the act that is the document."""
        return self.date or self.own_act_date


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources disagreeing on one attribute: ``values`` pairs each stating document with its value."""

    field: str  # date, term, court or outcome
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """One real event, as its sources report it: the top-level values are the majority's (the most
    precise of them), each source keeps its own."""

    iri: str
    type: str
    who: tuple[str, ...]
    by: tuple[str, ...]
    court: str | None
    place: str | None
    date: str | None
    term: str | None
    charges: tuple[str, ...]
    outcome: str | None
    sources: tuple[Source, ...]
    conflicts: tuple[Conflict, ...] = ()
    #: no source states the date: it is the date of the document whose author's own act the event
    #: is (an NGO's undated call in its update of 22 July: that day)
    date_inferred: bool = False

    @property
    def documents(self) -> tuple[str, ...]:
        """The ids of the documents that report the event, sorted."""
        return tuple(sorted({s.document for s in self.sources}))

    @property
    def standing(self) -> str:
        """How the sources put the event forward: one word, or ``mixed``."""
        kinds = {s.standing for s in self.sources}
        return kinds.pop() if len(kinds) == 1 else "mixed"

    def to_json(self) -> dict:
        """The event in the shape of the timeline gold (``eval/GOLD_FORMAT``): type, who, by, court,
        place, date, term, charges, outcome, sources, conflicts; and each source's evidence."""
        return {
            "type": self.type,
            "who": list(self.who),
            "by": self.by[0] if self.by else None,
            "court": self.court,
            "place": self.place,
            "date": self.date,
            **({"date_inferred": True} if self.date_inferred else {}),
            "term": self.term,
            "charges": list(self.charges) or None,
            "outcome": self.outcome,
            "standing": self.standing,
            "sources": list(self.documents),
            "conflicts": {c.field: dict(c.values) for c in self.conflicts},
            "iri": self.iri,
            "evidence": [
                {"document": s.document, "event": s.event, "standing": s.standing, "text": e.text, "start": e.start}
                for s in self.sources
                for e in s.evidence
            ],
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    """A person's case: the events about them in date order (undated ones last)."""

    person: str  # label
    person_iri: str
    events: tuple[CaseEvent, ...] = field(default=())

    @property
    def conflicts(self) -> list[tuple[CaseEvent, Conflict]]:
        """Every disagreement of the timeline, with its event."""
        return [(ev, c) for ev in self.events for c in ev.conflicts]

    def to_json(self) -> dict:
        return {"person": self.person, "iri": self.person_iri, "events": [ev.to_json() for ev in self.events]}


# -- reading the reported events ------------------------------------------------------------------
def _label(g: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    value = g.value(node, RDFS.label)
    return str(value) if value is not None else None


def _int(node: Node | None) -> int:
    return int(node.toPython()) if isinstance(node, Literal) else 0


def _local(node: Node | None) -> str | None:
    return str(node).rsplit("#", 1)[-1] if node is not None else None


def reported_events(g: Graph) -> list[Source]:
    """Every document's event node in ``g`` (a graph or a dataset's union), with its document."""
    out: list[Source] = []
    for cls in sorted(_EVENT_CLASSES):
        for ev in sorted(set(g.subjects(RDF.type, cls)), key=str):
            if not isinstance(ev, URIRef):
                continue
            spans = sorted(g.objects(ev, WH.evidence), key=lambda s: (str(g.value(s, WH.inDocument)), str(s)))
            if not spans:
                continue
            doc = g.value(spans[0], WH.inDocument)
            doc_id = g.value(doc, DCTERMS.identifier) if doc is not None else None
            evidence = tuple(
                Evidence(str(g.value(s, WH.text) or ""), _int(g.value(s, WH.start)), _int(g.value(s, WH.end)), str(s))
                for s in spans
            )
            subjects = sorted(g.objects(ev, WH.subject), key=str)
            courts = sorted(g.objects(ev, WH.court), key=str)
            places = sorted(g.objects(ev, WH.place), key=str)
            date, term = g.value(ev, WH.date), g.value(ev, WH.sentenceTerm)
            author = g.value(doc, DCTERMS.creator) if doc is not None else None
            doc_date = g.value(doc, DCTERMS.date) if doc is not None else None
            own_act = date is None and author is not None and (ev, WH.agent, author) in g
            out.append(
                Source(
                    document=str(doc_id or doc or ""),
                    event=str(ev),
                    type=_EVENT_CLASSES[cls],
                    standing=_local(g.value(ev, WH.standing)) or "asserted",
                    evidence=evidence,
                    subjects=tuple(str(s) for s in subjects),
                    subject_labels=tuple(_label(g, s) or str(s) for s in subjects),
                    agents=tuple(sorted(_label(g, a) or str(a) for a in g.objects(ev, WH.agent))),
                    court=_label(g, courts[0]) if courts else None,
                    court_iri=str(courts[0]) if courts else None,
                    place=_label(g, places[0]) if places else None,
                    places=tuple((str(p), _label(g, p) or str(p)) for p in places),
                    date=str(date) if date is not None else None,
                    term=str(term) if term is not None else None,
                    charges=tuple(sorted(str(_label(g, c)) for c in g.objects(ev, WH.charge))),
                    outcome=_local(g.value(ev, WH.outcome)),
                    about=tuple(sorted(str(a) for a in g.objects(ev, WH.about))),
                    own_act_date=str(doc_date) if own_act and doc_date is not None else None,
                )
            )
    return out


# -- which reports are one event --------------------------------------------------------------------
def _close(a: str, b: str) -> bool:
    """Two days a few days apart: one event whose sources disagree on its date."""
    if len(a) != 10 or len(b) != 10:
        return False
    try:
        return abs((Date.fromisoformat(a) - Date.fromisoformat(b)).days) <= CLOSE_DAYS
    except ValueError:
        return False


@cache
def _court_words(label: str) -> frozenset[str]:
    """The words of a court's (or a place's) name that tell it from another, each label's read once."""
    return frozenset(w for w in name_key(label).split() if w not in _SMALL_WORDS)


def _same_court(a: Source, b: Source) -> bool:
    """Courts that can be one: the same actor, or one named shorter ("the Supreme Court")."""
    if a.court is None or b.court is None or a.court_iri == b.court_iri:
        return True
    wa, wb = _court_words(a.court), _court_words(b.court)
    return wa <= wb or wb <= wa


def _same_place(a: Source, b: Source) -> bool:
    """Detentions that can be one: no place named, a place in common, or one named shorter
    ("Colony No. 3" beside "Penal Colony No. 3"); held in one place, then in another, is two."""
    if a.type != EventType.DETENTION.value or not a.places or not b.places:
        return True
    for (ia, la), (ib, lb) in itertools.product(a.places, b.places):
        wa, wb = _court_words(la), _court_words(lb)
        if ia == ib or wa <= wb or wb <= wa:
            return True
    return False


def _fits(src: Source, members: list[Source], *, dated: bool) -> int:
    """How well ``src`` fits a group of reports of one event: 0 not at all, 1 a close date, 2 well."""
    first = members[0]
    if not set(src.subjects) & {s for m in members for s in m.subjects}:
        return 0
    if not all(_same_court(src, m) and _same_place(src, m) for m in members):
        return 0  # another court decides, or another place holds: another event
    dates = [m.when for m in members if m.when]
    if not dated:
        terms = {m.term for m in members if m.term}
        return 2 if not (src.term and terms and src.term not in terms) else 0
    when = src.when
    assert when is not None
    if not dates:
        return 0  # an undated group is joined later, by the undated rule
    if all(may_be_same_day(when, d) for d in dates):
        return 2
    if all(may_be_same_day(when, d) or _close(when, d) for d in dates) and first.type == src.type:
        return 1
    return 0


def _precision(src: Source) -> int:
    return len(src.when) if src.when else 0


def link_events(
    sources: Iterable[Source], minter: IriMinter | None = None, *, across_documents: bool = False
) -> list[CaseEvent]:
    """Group the reports of one real event: same class of event, a shared subject, compatible
    dates (a coarser date is compatible; day dates a few days apart are one event in conflict) and
    compatible courts. An undated report joins the one group it can belong to, if there is only one.
    With ``across_documents``, only the events more than one document reports.

    The result is in date order, deterministic whatever the order of ``sources``.
    """
    minter = minter or IriMinter()
    ordered = sorted(sources, key=lambda s: (-_precision(s), s.when or "", s.type, s.document, s.event))
    groups: list[list[Source]] = []
    undated: list[Source] = []
    # (type, subject) -> the groups (their places in ``groups``) holding a report of it: a group
    # shares a subject with a report or does not fit it at all
    holding: dict[tuple[str, str], set[int]] = defaultdict(set)
    place: dict[int, int] = {}  # id of a group -> its place in ``groups``

    def sharing(src: Source) -> list[list[Source]]:
        return [groups[n] for n in sorted({n for s in src.subjects for n in holding.get((src.type, s), ())})]

    def add(group: list[Source], src: Source) -> None:
        if not group:
            place[id(group)] = len(groups)
            groups.append(group)
        group.append(src)
        for s in src.subjects:
            holding[(group[0].type, s)].add(place[id(group)])

    for src in ordered:
        if not src.subjects:
            add([], src)
            continue
        if src.when is None:
            undated.append(src)
            continue
        best, best_fit = None, 0
        for group in sharing(src):
            fit = _fits(src, group, dated=True)
            if fit > best_fit:
                best, best_fit = group, fit
        add([] if best is None else best, src)
    for src in undated:
        candidates = [g for g in sharing(src) if _fits(src, g, dated=False)]
        add(candidates[0] if len(candidates) == 1 else [], src)
    if across_documents:
        groups = [group for group in groups if len({src.document for src in group}) > 1]
    events = [_case_event(group, minter) for group in groups]
    return sorted(events, key=lambda e: (e.date or "9999", e.type, e.who, e.iri))


def _majority(values: list[tuple[str, str]], same) -> tuple[str | None, list[list[tuple[str, str]]]]:
    """The value most sources give (the most precise of its class) and the classes of values."""
    classes: list[list[tuple[str, str]]] = []
    for doc, value in sorted(values, key=lambda v: (-len(v[1]), v[0], v[1])):
        for cls in classes:
            if all(same(value, v) for _, v in cls):
                cls.append((doc, value))
                break
        else:
            classes.append([(doc, value)])
    if not classes:
        return None, classes
    best = max(classes, key=lambda c: (len({d for d, _ in c}), -classes.index(c)))
    return best[0][1], classes


def _per_document(group: list[Source], attr: str) -> list[tuple[str, str]]:
    """Each document's value of ``attr`` (its first report's that states it)."""
    seen: dict[str, str] = {}
    for src in sorted(group, key=lambda s: (s.document, s.event)):
        value = getattr(src, attr)
        if value and src.document not in seen:
            seen[src.document] = value
    return sorted(seen.items())


def _case_event(group: list[Source], minter: IriMinter) -> CaseEvent:
    group = sorted(group, key=lambda s: (s.document, s.event))
    same_court = lambda a, b: (lambda wa, wb: wa <= wb or wb <= wa)(_court_words(a), _court_words(b))  # noqa: E731
    equal = lambda a, b: a == b  # noqa: E731
    values: dict[str, str | None] = {}
    conflicts: list[Conflict] = []
    for name, attr, same in (
        ("date", "date", may_be_same_day),
        ("term", "term", equal),
        ("court", "court", same_court),
        ("outcome", "outcome", equal),
    ):
        stated = _per_document(group, attr)
        value, classes = _majority(stated, same)
        values[name] = value
        if len(classes) > 1:
            conflicts.append(Conflict(name, tuple(stated)))
    subjects = tuple(dict.fromkeys(label for s in group for label in s.subject_labels))
    agents = tuple(dict.fromkeys(a for s in group for a in s.agents))
    charges = tuple(sorted({c for s in group for c in s.charges}))
    place = next((s.place for s in group if s.place), None)
    inferred = False
    if values["date"] is None:  # an author's own undated act: the day of the document that is the act
        values["date"], _ = _majority(_per_document(group, "own_act_date"), may_be_same_day)
        inferred = values["date"] is not None
    type_ = group[0].type
    iri = minter.case_event(type_, subjects[0] if subjects else "", values["date"] or "", [s.event for s in group])
    return CaseEvent(
        str(iri),
        type_,
        subjects,
        agents,
        values["court"],
        place,
        values["date"],
        values["term"],
        charges,
        values["outcome"],
        tuple(group),
        tuple(conflicts),
        inferred,
    )


def case_events(g: Graph, minter: IriMinter | None = None) -> list[CaseEvent]:
    """Every real event of a graph (a dataset's union), its reports linked and its conflicts named."""
    return link_events(reported_events(g), minter)


def add_case_graph(ds: Dataset, minter: IriMinter) -> list[CaseEvent]:
    """Add the case events reported by more than one document to ``ds``, in a named graph of their own.

    Each is a ``wh:CaseEvent`` with ``wh:eventClass``, ``wh:source`` for every report, and a
    ``wh:Conflict`` per disputed attribute naming the reports that state it (``wh:between``).
    """
    drop_case_graph(ds, minter)
    events = link_events(reported_events(ds), minter, across_documents=True)
    if events:
        fill_case_graph(ds.graph(minter.case_graph()), events, minter)
    return events


def fill_case_graph(g: Graph, events: list[CaseEvent], minter: IriMinter) -> None:
    """Add the case events to ``g`` (the case graph): see :func:`add_case_graph`."""
    for ev in events:
        node = URIRef(ev.iri)
        g.add((node, RDF.type, WH.CaseEvent))
        g.add((node, WH.eventClass, WH[ev.type]))
        g.add((node, RDFS.label, Literal(_case_label(ev))))
        for src in ev.sources:
            g.add((node, WH.source, URIRef(src.event)))
        for conflict in ev.conflicts:
            c = minter.conflict(ev.iri, conflict.field)
            g.add((node, WH.conflict, c))
            g.add((c, RDF.type, WH.Conflict))
            g.add((c, WH.onProperty, CASE_FIELDS[conflict.field]))
            stating = {d for d, _ in conflict.values}
            for src in ev.sources:
                if src.document in stating and getattr(src, conflict.field):
                    g.add((c, WH.between, URIRef(src.event)))


def drop_case_graph(ds: Dataset, minter: IriMinter) -> None:
    """Take the case graph out of ``ds`` (a store holds document graphs only)."""
    ds.remove_graph(ds.graph(minter.case_graph()))


def _case_label(ev: CaseEvent) -> str:
    who = " and ".join(ev.who) or "unknown"
    return f"{ev.type} of {who}" + (f", {ev.date}" if ev.date else "")


# -- one person's timeline ----------------------------------------------------------------------------
def _find_person(g: Graph, name: str) -> tuple[URIRef, str]:
    """The actor named ``name`` (label or other name; case, accents and transliteration aside)."""
    wanted, loose = name_key(name), transliteration_key(name)
    exact, near = [], []
    for actor in sorted(set(g.subjects(RDF.type, WH.Person)), key=str):
        labels = [*g.objects(actor, RDFS.label), *g.objects(actor, SKOS.altLabel)]
        keys = {name_key(str(x)) for x in labels}
        if wanted in keys:
            exact.append(actor)
        elif loose in {transliteration_key(str(x)) for x in labels}:
            near.append(actor)
    found = exact or near
    if not found:
        raise WhereasError(None, f"no person named {name!r} in the graph")
    actor = found[0]
    if not isinstance(actor, URIRef):
        raise WhereasError(None, f"no person named {name!r} in the graph")
    return actor, str(g.value(actor, RDFS.label) or name)


def timeline(g: Graph, person: str, minter: IriMinter | None = None) -> Timeline:
    """The case of ``person``: every real event they are a subject of, or that is about them or
    their events, in date order, each with its sources and conflicts.

    Args:
        g: a graph or a ``Dataset`` (its union is read).
        person: a name of the person (label or other name).

    Raises:
        WhereasError: no person of that name.
    """
    actor, label = _find_person(g, person)
    return _timeline_of(str(actor), label, case_events(g, minter))


def _timeline_of(actor: str, label: str, events: list[CaseEvent]) -> Timeline:
    theirs = {s.event for ev in events for s in ev.sources if actor in s.subjects}
    keep = [
        ev for ev in events if any(actor in s.subjects or actor in s.about or theirs & set(s.about) for s in ev.sources)
    ]
    return Timeline(label, actor, tuple(keep))


def timelines(g: Graph, minter: IriMinter | None = None) -> dict[str, Timeline]:
    """The timeline of every person of ``g`` who is the subject of an event, by the person's IRI
    (the events are linked once for all of them: what a page showing every person needs)."""
    events = case_events(g, minter)
    people = sorted({subject for ev in events for s in ev.sources for subject in s.subjects}, key=str)
    out: dict[str, Timeline] = {}
    for iri in people:
        node = URIRef(iri)
        if (node, RDF.type, WH.Person) in g:
            out[iri] = _timeline_of(iri, str(g.value(node, RDFS.label) or iri), events)
    return out


def load_timeline(target: Path, person: str) -> Timeline:
    """The timeline of ``person`` in a graph file or a store folder."""
    target = Path(target)
    if target.is_dir():
        from pipeline.rdf.store import Store

        with Store.open(target, create=False, read_only=True) as st:
            ds = st.to_dataset()
    elif target.exists():
        from pipeline.rdf.export import read_dataset

        ds = read_dataset(target)
    else:
        raise InputError(target, "no such graph file or store folder")
    return timeline(ds, person)


# -- against a timeline gold ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoldMatch:
    """How a timeline compares with a timeline gold (``gold/case-*-timeline.json``)."""

    matched: tuple[str, ...]  # ids of the gold events a timeline event matches on type, date and sources
    missed: tuple[tuple[str, str], ...]  # (gold id, why)
    conflicts: dict[str, dict[str, dict[str, str]]]  # the timeline's conflicts, by "type date"
    gold_conflicts: dict[str, dict[str, dict[str, str]]]

    @property
    def ratio(self) -> float:
        total = len(self.matched) + len(self.missed)
        return len(self.matched) / total if total else 1.0


def match_gold(tl: Timeline, gold: dict) -> GoldMatch:
    """Match the gold events of the timeline's person (``who`` names them) with the timeline's:
    same type, same date, same source documents; each timeline event matches one gold event."""
    person = transliteration_key(tl.person)
    wanted = [e for e in gold["events"] if any(transliteration_key(w) == person for w in e["who"])]
    free = list(tl.events)
    matched, missed = [], []
    for g in wanted:
        hit = next(
            (
                ev
                for ev in free
                if ev.type == g["type"] and ev.date == g["date"] and set(ev.documents) == set(g["sources"])
            ),
            None,
        )
        if hit is not None:
            free.remove(hit)
            matched.append(g["id"])
            continue
        near = [ev for ev in free if ev.type == g["type"]]
        if not near:
            why = "no event of its type"
        elif not any(ev.date == g["date"] for ev in near):
            why = "date " + ", ".join(sorted({ev.date or "none" for ev in near}))
        else:
            docs = next(ev.documents for ev in near if ev.date == g["date"])
            why = "sources " + ", ".join(docs)
        missed.append((g["id"], why))
    return GoldMatch(
        tuple(matched),
        tuple(missed),
        {f"{ev.type} {ev.date}": {c.field: dict(c.values) for c in ev.conflicts} for ev in tl.events if ev.conflicts},
        {f"{e['type']} {e['date']}": e["conflicts"] for e in gold["events"] if e["conflicts"]},
    )


# -- output ---------------------------------------------------------------------------------------------
_COLUMNS = ("date", "event", "who", "court", "term", "charges", "outcome", "standing", "sources", "conflicts")


def _short(doc: str, prefix: str) -> str:
    return doc[len(prefix) :] if prefix and doc.startswith(prefix) and len(doc) > len(prefix) else doc


def _common_prefix(docs: list[str]) -> str:
    if len(docs) < 2:
        return ""
    cut = os.path.commonprefix(docs)  # noqa: RUF071 -- document ids, compared letter by letter
    return cut[: cut.rfind("-") + 1] if "-" in cut else ""


def _conflict_text(c: Conflict, prefix: str) -> str:
    by_value: dict[str, list[str]] = {}
    for doc, value in c.values:
        by_value.setdefault(value, []).append(_short(doc, prefix))
    ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return f"{c.field}: " + " vs ".join(f"{v} ({', '.join(docs)})" for v, docs in ranked)


def _row(ev: CaseEvent, prefix: str, sources_sep: str) -> list[str]:
    """One event's cells under ``_COLUMNS``; documents without ``prefix``."""
    return [
        (ev.date or "") + (" (inferred)" if ev.date_inferred else ""),
        ev.type,
        "; ".join(ev.who),
        ev.court or "",
        ev.term or "",
        "; ".join(ev.charges),
        ev.outcome or "",
        ev.standing,
        sources_sep.join(_short(d, prefix) for d in ev.documents),
        "; ".join(_conflict_text(c, prefix) for c in ev.conflicts),
    ]


def format_timeline(tl: Timeline, fmt: str) -> str:
    """The timeline as ``table`` (terminal), ``markdown``, ``csv`` or ``json``; conflicts beside
    each event, the sources as document ids (in the table, without their common prefix)."""
    if fmt == "json":
        return json.dumps(tl.to_json(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_COLUMNS)
        writer.writerows(_row(ev, "", " ") for ev in tl.events)
        return out.getvalue()
    prefix = _common_prefix(sorted({d for ev in tl.events for d in ev.documents}))
    rows = [_row(ev, prefix, ", ") for ev in tl.events]
    n_conflicts = len(tl.conflicts)
    head = f"{tl.person}: {len(tl.events)} events, {n_conflicts} conflict{'' if n_conflicts == 1 else 's'}"
    if prefix:
        head += f" (sources: {prefix}…)"
    if fmt == "markdown":

        def cell(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        lines = [f"**{cell(head)}**", "", "| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
        lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    if fmt != "table":
        raise WhereasError(None, f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
    widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(_COLUMNS)]
    lines = [head, ""]
    lines.append("  ".join(c.ljust(w) for c, w in zip(_COLUMNS, widths, strict=True)).rstrip())
    lines.append("─" * (sum(widths) + 2 * (len(widths) - 1)))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"
