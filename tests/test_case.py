"""pipeline/case.py: reports of one event linked across documents, conflicts kept, a person's timeline."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import RDF, URIRef

from pipeline.case import Source, add_case_graph, format_timeline, link_events, match_gold, timeline, timelines
from pipeline.iri import IriMinter
from pipeline.vocab import WH

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PERSON = "https://w3id.org/whereas/id/person/anna-novak"


def report(doc: str, type_: str = "Arrest", date: str | None = None, **values) -> Source:
    """One document's report of an event on Anna Novak."""
    return Source(
        document=doc,
        event=f"https://ex.org/id/event/{doc}/{type_.lower()}-{values.pop('n', 1)}",
        type=type_,
        standing=values.pop("standing", "asserted"),
        evidence=(),
        subjects=(values.pop("subject", PERSON),),
        subject_labels=("Anna Novak",),
        agents=(),
        court=values.pop("court", None),
        court_iri=values.pop("court_iri", None),
        place=None,
        date=date,
        term=values.pop("term", None),
        charges=(),
        outcome=values.pop("outcome", None),
        about=(),
        own_act_date=values.pop("own_act_date", None),
        places=values.pop("places", ()),
    )


def test_a_coarser_date_is_the_same_event_without_conflict() -> None:
    events = link_events([report("a", date="2022-03-04"), report("b", date="2022-03"), report("c", date="2022")])
    assert len(events) == 1
    (ev,) = events
    assert (ev.date, ev.documents, ev.conflicts) == ("2022-03-04", ("a", "b", "c"), ())


def test_across_documents_keeps_only_the_events_several_documents_report() -> None:
    reports = [
        report("a", date="2022-03-04"),
        report("b", date="2022-03"),
        report("a", "Sentencing", "2022-06-01"),
        report("c", "Release", "2023-01-02", n=2),
        report("c", "Release", "2023-01-02", n=3),
    ]
    every = link_events(reports)
    assert [(ev.type, ev.documents) for ev in every] == [
        ("Arrest", ("a", "b")),
        ("Sentencing", ("a",)),
        ("Release", ("c",)),
    ]
    assert link_events(reports, across_documents=True) == every[:1]


def test_dates_a_day_apart_are_one_event_in_conflict_the_majority_on_top() -> None:
    (ev,) = link_events(
        [report("a", date="2022-01-22"), report("b", date="2022-01-23"), report("c", date="2022-01-22")]
    )
    assert ev.date == "2022-01-22"
    assert [(c.field, c.values) for c in ev.conflicts] == [
        ("date", (("a", "2022-01-22"), ("b", "2022-01-23"), ("c", "2022-01-22")))
    ]


def test_far_dates_other_types_and_other_people_are_other_events() -> None:
    events = link_events(
        [
            report("a", date="2022-01-22"),
            report("b", date="2022-05-02"),
            report("c", "Trial", date="2022-01-22"),
            report("d", date="2022-01-22", subject="https://w3id.org/whereas/id/person/karl-berg"),
        ]
    )
    assert sorted((e.type, e.date, e.documents) for e in events) == [
        ("Arrest", "2022-01-22", ("a",)),
        ("Arrest", "2022-01-22", ("d",)),
        ("Arrest", "2022-05-02", ("b",)),
        ("Trial", "2022-01-22", ("c",)),
    ]


def test_a_court_named_shorter_is_no_conflict_another_court_another_event() -> None:
    events = link_events(
        [
            report("a", "CourtDecision", "2023-09-26", court="Supreme Court of the Kyrgyz Republic", court_iri="x"),
            report("b", "CourtDecision", "2023-09", court="Supreme Court", court_iri="y"),
            report("c", "CourtDecision", "2023-09-26", court="Bishkek City Court", court_iri="z"),
        ]
    )
    assert [(e.court, e.documents, e.conflicts) for e in events] == [
        ("Bishkek City Court", ("c",), ()),
        ("Supreme Court of the Kyrgyz Republic", ("a", "b"), ()),
    ]


def test_a_term_the_sources_disagree_on_stays_per_source() -> None:
    (ev,) = link_events(
        [
            report("a", "Sentencing", "2022-10-10", term="P7Y6M"),
            report("b", "Sentencing", "2022-10-10", term="P7Y"),
            report("c", "Sentencing", "2022-10", term="P7Y"),
        ]
    )
    assert ev.term == "P7Y"
    assert [(c.field, dict(c.values)) for c in ev.conflicts] == [("term", {"a": "P7Y6M", "b": "P7Y", "c": "P7Y"})]


def test_an_undated_report_joins_the_one_event_it_can_be_and_no_other() -> None:
    one = link_events([report("a", "Trial", "2022-06-06"), report("b", "Trial")])
    assert [e.documents for e in one] == [("a", "b")]
    two = link_events([report("a", "Trial", "2022-06-06"), report("c", "Trial", "2023-01-10"), report("b", "Trial")])
    assert [e.documents for e in two] == [("a",), ("c",), ("b",)]
    # the document's own act (a resolution's undated call) is placed by the document's date
    own = link_events(
        [
            report("a", "ReleaseDemand", "2023-10-19"),
            report("c", "ReleaseDemand", "2024-06"),
            report("b", "ReleaseDemand", own_act_date="2023-10-19"),
        ]
    )
    assert [(e.date, e.documents) for e in own] == [("2023-10-19", ("a", "b")), ("2024-06", ("c",))]


def test_an_authors_own_undated_act_alone_takes_its_documents_date_as_inferred() -> None:
    (ev,) = link_events([report("ngo", "ReleaseDemand", own_act_date="2024-07-22")])
    assert (ev.date, ev.date_inferred) == ("2024-07-22", True)
    assert ev.to_json()["date_inferred"] is True
    (stated,) = link_events(
        [report("a", "ReleaseDemand", "2023-10-19"), report("b", "ReleaseDemand", own_act_date="2023-10-19")]
    )
    assert (stated.date, stated.date_inferred, "date_inferred" in stated.to_json()) == ("2023-10-19", False, False)


def test_an_undated_detention_joins_the_one_held_in_its_place() -> None:
    remand = ("https://ex.org/id/place/remand-centre-no-2", "Remand Centre No. 2")
    colony = ("https://ex.org/id/place/penal-colony-no-9", "Penal Colony No. 9")
    short = ("https://ex.org/id/place/colony-no-9", "Colony No. 9")
    events = link_events(
        [
            report("a", "Detention", "2019-05-05", places=(remand,)),
            report("b", "Detention", "2020-04", places=(colony,)),
            report("c", "Detention", places=(short,)),  # named shorter: the colony
            # a day apart, but held elsewhere: another detention
            report("d", "Detention", "2019-05-06", places=(("https://ex.org/id/place/orsk-prison", "Orsk Prison"),)),
        ]
    )
    assert [(e.date, e.documents) for e in events] == [
        ("2019-05-05", ("a",)),
        ("2019-05-06", ("d",)),
        ("2020-04", ("b", "c")),
    ]


def test_linking_is_deterministic_whatever_the_order() -> None:
    reports = [report(d, date=x) for d, x in (("a", "2022-01-22"), ("b", "2022-01"), ("c", "2022-01-23"))]
    assert link_events(reports) == link_events(list(reversed(reports)))


def test_the_kyrgyz_case_from_its_four_documents() -> None:
    """Built from the four case documents together, the case of Eldiyar Zhusupbekov: the news
    story's "Jusupbekov" is the same person, exactly the two deliberate contradictions are flagged
    (arrest date, prison term) and nothing CONTRADICTIONS.md says must not be, the case graph keeps
    them as wh:Conflict nodes, and the events match the timeline gold on type, date and sources."""
    from pipeline.build import build_graph

    docs = sorted(EXAMPLES.glob("case-kyrgyzstan-*.txt"))
    assert len(docs) == 4
    result = build_graph(docs)
    ds = result.dataset
    people = [a.label for a in result.actors.values() if a.label.startswith("Eldiyar")]
    assert people == ["Eldiyar Zhusupbekov"]

    tl = timeline(ds, "Eldiyar Jusupbekov")
    assert tl.person == "Eldiyar Zhusupbekov"
    gold = json.loads((EXAMPLES / "gold" / "case-kyrgyzstan-timeline.json").read_text(encoding="utf-8"))
    found = match_gold(tl, gold)
    assert (
        found.conflicts
        == found.gold_conflicts
        == {
            "Arrest 2022-01-22": {
                "date": {
                    "case-kyrgyzstan-ep-resolution": "2022-01-22",
                    "case-kyrgyzstan-news": "2022-01-22",
                    "case-kyrgyzstan-ngo-update": "2022-01-23",
                    "case-kyrgyzstan-release-report": "2022-01-22",
                }
            },
            "Sentencing 2022-10-10": {
                "term": {
                    "case-kyrgyzstan-ep-resolution": "P7Y6M",
                    "case-kyrgyzstan-news": "P7Y",
                    "case-kyrgyzstan-ngo-update": "P7Y",
                    "case-kyrgyzstan-release-report": "P7Y",
                }
            },
        }
    )
    # every conflict of the whole graph (not only this person's) is one of the two
    conflicts = set(ds.subjects(RDF.type, WH.Conflict))
    assert {str(ds.value(c, WH.onProperty)) for c in conflicts} == {str(WH.date), str(WH.sentenceTerm)}
    term = next(c for c in conflicts if ds.value(c, WH.onProperty) == WH.sentenceTerm)
    assert sorted(str(ds.value(e, WH.sentenceTerm)) for e in ds.objects(term, WH.between)) == [
        "P7Y",
        "P7Y",
        "P7Y",
        "P7Y6M",
    ]
    from pipeline.rdf.validate import validate_graph

    assert validate_graph(ds).messages == ()  # the shapes of case events and conflicts hold
    # the timeline gold on type, date and sources: the share reached today (see the README)
    assert found.ratio == 1.0, found.missed  # all 15 of the person's events


def test_case_graph_and_formats(tmp_path: Path) -> None:
    """The case graph of a hand-made dataset, and the four formats of its timeline."""
    from rdflib import Dataset, Literal
    from rdflib.namespace import DCTERMS, RDFS, XSD

    ds = Dataset(default_union=True)
    person = URIRef(PERSON)
    minter = IriMinter()
    for doc, term in (("doc-a", "P7Y"), ("doc-b", "P7Y6M"), ("doc-c", "P7Y")):
        g = ds.graph(minter.document(doc))
        d = minter.document(doc)
        g.add((d, DCTERMS.identifier, Literal(doc)))
        ev = minter.event(doc, "Sentencing", "anna novak", 10, "2015-05-04")
        span = minter.span(doc, 0, 10)
        g.add((ev, RDF.type, WH.Sentencing))
        g.add((ev, WH.subject, person))
        g.add((ev, WH.date, Literal("2015-05-04", datatype=XSD.date)))
        g.add((ev, WH.sentenceTerm, Literal(term, datatype=XSD.duration)))
        g.add((ev, WH.evidence, span))
        g.add((span, WH.inDocument, d))
        g.add((span, WH.text, Literal(f"{doc}: sentenced to {term}")))
        g.add((person, RDF.type, WH.Person))
        g.add((person, RDFS.label, Literal("Anna Novak")))
    (ev,) = add_case_graph(ds, minter)
    node = URIRef(ev.iri)
    assert (node, RDF.type, WH.CaseEvent) in ds and (node, WH.eventClass, WH.Sentencing) in ds
    assert len(set(ds.objects(node, WH.source))) == 3
    (conflict,) = ds.objects(node, WH.conflict)
    assert ds.value(conflict, WH.onProperty) == WH.sentenceTerm
    assert len(set(ds.objects(conflict, WH.between))) == 3
    assert not list(ds.subjects(RDF.type, WH.Event))  # the case event is no reported event

    tl = timeline(ds, "anna novak")
    assert timelines(ds) == {PERSON: tl}
    as_json = json.loads(format_timeline(tl, "json"))
    assert as_json["events"][0]["conflicts"] == {"term": {"doc-a": "P7Y", "doc-b": "P7Y6M", "doc-c": "P7Y"}}
    assert as_json["events"][0]["sources"] == ["doc-a", "doc-b", "doc-c"]
    rows = list(csv.DictReader(io.StringIO(format_timeline(tl, "csv"))))
    assert rows[0]["term"] == "P7Y" and rows[0]["conflicts"] == "term: P7Y (doc-a, doc-c) vs P7Y6M (doc-b)"
    markdown = format_timeline(tl, "markdown").splitlines()
    assert markdown[0] == "**Anna Novak: 1 events, 1 conflict (sources: doc-…)**"
    assert markdown[4].startswith("| 2015-05-04 | Sentencing | Anna Novak |")
    table = format_timeline(tl, "table")
    assert "term: P7Y (a, c) vs P7Y6M (b)" in table
