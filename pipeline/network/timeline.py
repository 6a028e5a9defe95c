"""A person's timeline: the events they are the subject of or that concern them, in date order,
each with the documents reporting it, their sentences, and where the documents disagree.

The reports of one real event are grouped as the case graph groups them: a ``wh:CaseEvent``
with a ``wh:source`` per document's event node and a ``wh:Conflict`` (``wh:onProperty``,
``wh:between``) per disputed value, as ``pipeline.case`` writes it into a multi-document build.
A graph without a case graph gives one line per event node. Reading the case graph, not
linking events here, keeps one definition of "the same event" (``pipeline.case``'s).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import Dataset, Graph

from pipeline.network.model import JOIN, Conflict, Report, TimelineEntry
from pipeline.network.project import Extraction, duration_words, extract
from pipeline.normalize.dates import may_be_same_day

__all__ = ["TIMELINE_CLASSES", "timelines", "timelines_of"]

#: The actor classes that get a timeline: the people whose case it is.
TIMELINE_CLASSES = frozenset({"Person"})
#: ``wh:onProperty`` of a conflict -> the field of a timeline entry.
_FIELDS = {"date": "date", "sentenceTerm": "term", "court": "court", "outcome": "outcome"}


def _compatible(coarse: str, fine: str) -> bool:
    """Whether ``coarse`` (a date at some precision) can be the same day as ``fine``.

    >>> _compatible("2022-03", "2022-03-04"), _compatible("2022-01-22", "2022-01-23"), _compatible("2022", "2022")
    (True, False, True)
    """
    return len(coarse) <= len(fine) and may_be_same_day(coarse, fine)


def _consensus(values: Iterable[str], *, dates: bool = False) -> str:
    """The value most reports give (for dates, a coarser date supports a finer one); ties go
    to the more precise value, then the first in order.

    >>> _consensus(["2022-01-22", "2022-01-23", "2022-01-22"], dates=True)
    '2022-01-22'
    >>> _consensus(["2022-03", "2022-03-04"], dates=True), _consensus(["7 years", "7 years 6 months", ""])
    ('2022-03-04', '7 years 6 months')
    """
    given = [v for v in values if v]
    if not given:
        return ""
    support = Counter(
        {v: sum(1 for w in given if (_compatible(w, v) if dates else w == v)) for v in sorted(set(given))}
    )
    return min(support, key=lambda v: (-support[v], -len(v), v))


def _report(ext: Extraction, iri: str) -> Report:
    ev = ext.events[iri]
    evidence = ext.evidence.get(iri, ())
    courts = [ext.actors[a]["label"] for role, a in ev.roles if role == "court"]
    return Report(
        event=iri,
        document=evidence[0].document if evidence else "",
        date=ev.date,
        court=JOIN.join(courts),
        term=JOIN.join(duration_words(t) for t in ev.terms),
        charges=tuple(ev.charges),
        outcome=JOIN.join(ev.outcomes),
        standing=ev.standing,
        evidence=evidence,
    )


def _entry(ext: Extraction, iri: str, sources: tuple[str, ...], role: str) -> TimelineEntry:
    reports = sorted((_report(ext, s) for s in sources), key=lambda r: (r.document, r.date, r.event))
    conflicts = []
    for prop, between in ext.conflicts.get(iri, ()):
        name = _FIELDS.get(prop, prop)
        values = tuple(
            sorted({(r.document, str(getattr(r, name, ""))) for r in reports if r.event in between}, key=str)
        )
        if len({v for _, v in values}) > 1:  # a conflict whose reports now agree is none
            conflicts.append(Conflict(name, values))
    types = Counter(ext.events[s].type for s in sources)
    return TimelineEntry(
        iri=iri,
        type=min(types, key=lambda t: (-types[t], t)),
        role=role,
        date=_consensus((r.date for r in reports), dates=True),
        court=_consensus(r.court for r in reports),
        term=_consensus(r.term for r in reports),
        charges=tuple(sorted({c for r in reports for c in r.charges})),
        outcome=_consensus(r.outcome for r in reports),
        reports=tuple(reports),
        conflicts=tuple(conflicts),
    )


def _concerning(ext: Extraction) -> dict[str, dict[str, str]]:
    """Actor IRI -> {event IRI: the actor's role}: the events an actor is the subject of, and
    those about them or their events (a statement on their sentencing, a ruling on it)."""
    out: dict[str, dict[str, str]] = {}
    for iri, ev in ext.events.items():
        for role, actor in ev.roles:
            if role == "subject":
                out.setdefault(actor, {})[iri] = "subject"
    for _source, target, iri in ext.edges:
        out.setdefault(target, {}).setdefault(iri, "about")
    return out


def timelines_of(ext: Extraction, actors: Iterable[str] | None = None) -> dict[str, list[TimelineEntry]]:
    """The timeline of every person (``TIMELINE_CLASSES``) in ``ext``, or of those among ``actors``:
    date order, undated last; people with no event are left out."""
    case_of: dict[str, str] = {}
    for case, sources in ext.cases.items():
        for source in sources:
            case_of.setdefault(source, case)
    concerning = _concerning(ext)
    people = {a for a, d in ext.actors.items() if d["type"] in TIMELINE_CLASSES}
    wanted = sorted(people if actors is None else people & set(actors))
    out: dict[str, list[TimelineEntry]] = {}
    for actor in wanted:
        theirs = concerning.get(actor, {})
        groups: dict[str, tuple[str, ...]] = {}
        for iri in sorted(theirs):
            linked = case_of.get(iri)
            if linked is None:
                groups[iri] = (iri,)
            elif linked not in groups:
                groups[linked] = ext.cases[linked]
        entries = [
            _entry(ext, key, sources, "subject" if any(theirs.get(s) == "subject" for s in sources) else "about")
            for key, sources in groups.items()
        ]
        if entries:
            out[actor] = sorted(entries, key=lambda e: (e.date == "", e.date, e.type, e.iri))
    return out


def timelines(ds: Dataset | Graph, actors: Iterable[str] | None = None) -> dict[str, list[TimelineEntry]]:
    """The timelines of the people in a whereas graph (see :func:`timelines_of`).

    >>> from rdflib import Dataset
    >>> ds = Dataset(default_union=True).parse(format="trig", data='''
    ... @prefix wh: <https://w3id.org/whereas/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:anna> a wh:Person ; rdfs:label "Anna Berg" .
    ... <urn:court> a wh:Court ; rdfs:label "City Court" .
    ... <urn:a1> a wh:Arrest ; wh:subject <urn:anna> ; wh:date "2098-01-22" ; wh:evidence <urn:s1> .
    ... <urn:s1> wh:text "Anna Berg was arrested on 22 January 2098" ; wh:inDocument <urn:doc/one> .
    ... <urn:a2> a wh:Arrest ; wh:subject <urn:anna> ; wh:date "2098-01-23" ; wh:evidence <urn:s2> .
    ... <urn:s2> wh:text "23.01.2098 - Anna Berg arrested" ; wh:inDocument <urn:doc/two> .
    ... <urn:t1> a wh:Sentencing ; wh:subject <urn:anna> ; wh:court <urn:court> ; wh:sentenceTerm "P2Y" .
    ... <urn:case> a wh:CaseEvent ; wh:source <urn:a1>, <urn:a2> ; wh:conflict <urn:c> .
    ... <urn:c> a wh:Conflict ; wh:onProperty wh:date ; wh:between <urn:a1>, <urn:a2> .''')
    >>> [(e.type, e.date, e.court, e.term, len(e.reports)) for e in timelines(ds)["urn:anna"]]
    [('Arrest', '2098-01-22', '', '', 2), ('Sentencing', '', 'City Court', '2 years', 1)]
    >>> timelines(ds)["urn:anna"][0].conflicts
    (Conflict(field='date', values=(('urn:doc/one', '2098-01-22'), ('urn:doc/two', '2098-01-23'))),)
    """
    return timelines_of(extract(ds), actors)
