"""A person's timeline for the actor page: the events they are the subject of or that concern them,
in date order, each with the documents reporting it, their sentences, and where the documents disagree.

The timelines are ``pipeline.case``'s (one reader of "the same event" and of the value most
sources give): :func:`pipeline.case.timelines` links the reports of one real event across
documents, names their conflicts and takes the majority's values; this module only puts them
in the page's terms (terms in words, each report's sentences with the part they stand in).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset, Graph

from pipeline.case import CaseEvent, Source
from pipeline.case import timelines as case_timelines
from pipeline.network.model import Conflict, Evidence, Report, TimelineEntry
from pipeline.network.project import Extraction, duration_words, extract

__all__ = ["TIMELINE_CLASSES", "timelines", "timelines_of"]

#: The actor classes that get a timeline: the people whose case it is.
TIMELINE_CLASSES = frozenset({"Person"})


def _words(field: str, value: str | None) -> str:
    """A value as the page shows it: a term in words ("7 years 6 months"), anything else as is."""
    if not value:
        return ""
    return duration_words(value) if field == "term" else value


def _report(src: Source, ext: Extraction) -> Report:
    evidence = ext.evidence.get(src.event) or tuple(Evidence(e.text, src.document, "", e.start) for e in src.evidence)
    return Report(
        event=src.event,
        document=src.document,
        date=src.date or "",
        court=src.court or "",
        term=_words("term", src.term),
        charges=src.charges,
        outcome=src.outcome or "",
        standing=src.standing,
        evidence=evidence,
    )


def _entry(ev: CaseEvent, person: str, ext: Extraction) -> TimelineEntry:
    return TimelineEntry(
        iri=ev.iri,
        type=ev.type,
        role="subject" if any(person in s.subjects for s in ev.sources) else "about",
        date=ev.date or "",
        court=ev.court or "",
        term=_words("term", ev.term),
        charges=ev.charges,
        outcome=ev.outcome or "",
        reports=tuple(_report(s, ext) for s in ev.sources),
        conflicts=tuple(Conflict(c.field, tuple((d, _words(c.field, v)) for d, v in c.values)) for c in ev.conflicts),
        date_inferred=ev.date_inferred,
    )


def timelines_of(
    g: Dataset | Graph, ext: Extraction, actors: Iterable[str] | None = None
) -> dict[str, list[TimelineEntry]]:
    """The timeline of every person (``TIMELINE_CLASSES``) of ``g``, or of those among ``actors``,
    as :func:`pipeline.case.timelines` reads them; ``ext`` (``g`` extracted) gives each report's
    sentences with their parts. Date order, undated last; people with no event are left out."""
    wanted = None if actors is None else set(actors)
    out: dict[str, list[TimelineEntry]] = {}
    for person, tl in case_timelines(g).items():
        if (wanted is None or person in wanted) and ext.actors.get(person, {}).get("type") in TIMELINE_CLASSES:
            out[person] = [_entry(ev, person, ext) for ev in tl.events]
    return out


def timelines(ds: Dataset | Graph, actors: Iterable[str] | None = None) -> dict[str, list[TimelineEntry]]:
    """The timelines of the people in a whereas graph (see :func:`timelines_of`).

    >>> from rdflib import Dataset
    >>> ds = Dataset(default_union=True).parse(format="trig", data='''
    ... @prefix wh: <https://w3id.org/whereas/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... @prefix dcterms: <http://purl.org/dc/terms/> .
    ... <urn:one> dcterms:identifier "one" . <urn:two> dcterms:identifier "two" .
    ... <urn:anna> a wh:Person ; rdfs:label "Anna Berg" .
    ... <urn:court> a wh:Court ; rdfs:label "City Court" .
    ... <urn:a1> a wh:Arrest ; wh:subject <urn:anna> ; wh:date "2098-01-22" ; wh:evidence <urn:s1> .
    ... <urn:s1> wh:text "Anna Berg was arrested on 22 January 2098" ; wh:inDocument <urn:one> .
    ... <urn:a2> a wh:Arrest ; wh:subject <urn:anna> ; wh:date "2098-01-23" ; wh:evidence <urn:s2> .
    ... <urn:s2> wh:text "23.01.2098 - Anna Berg arrested" ; wh:inDocument <urn:two> .
    ... <urn:t1> a wh:Sentencing ; wh:subject <urn:anna> ; wh:court <urn:court> ; wh:sentenceTerm "P2Y" ;
    ...     wh:evidence <urn:s3> .
    ... <urn:s3> wh:text "She was sentenced to two years" ; wh:inDocument <urn:two> .''')
    >>> [(e.type, e.date, e.court, e.term, len(e.reports)) for e in timelines(ds)["urn:anna"]]
    [('Arrest', '2098-01-22', '', '', 2), ('Sentencing', '', 'City Court', '2 years', 1)]
    >>> timelines(ds)["urn:anna"][0].conflicts
    (Conflict(field='date', values=(('one', '2098-01-22'), ('two', '2098-01-23'))),)
    """
    return timelines_of(ds, extract(ds), actors)
