"""pipeline/components/standing.py: how a text puts each event forward, on composed sentences of each kind."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS

from pipeline.vocab import WH


def _standings(result) -> set[tuple[str, str, str]]:
    """(event class, subject, standing) of every event of the graph; a denied or demanded event (but a
    ReleaseDemand, itself the demand) is typed wh:Event only, with the class it denies or asks for as
    wh:eventClass."""
    g = result.dataset
    out = set()
    for event, standing in g.subject_objects(WH.standing):
        (kind_iri,) = g.objects(event, RDF.type)
        if standing == WH.denied or (standing == WH.demanded and kind_iri != WH.ReleaseDemand):
            assert kind_iri == WH.Event
            kind_iri = g.value(event, WH.eventClass)
        kind = str(kind_iri).rsplit("#", 1)[1]
        for subject in g.objects(event, WH.subject):
            out.add((kind, str(g.value(subject, RDFS.label)), str(standing).rsplit("#", 1)[1]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asserted: the text's own voice
        ("G. whereas the journalist Anna Novak was arrested on 4 May 2015;", ("Arrest", "Anna Novak", "asserted")),
        # reported: a reporting verb over the event's clause, before or after it, or "according to"
        (
            "ORSK, May 4 (Wire) – The blogger Timur Vasin was arrested on Sunday, his lawyer said.",
            ("Arrest", "Timur Vasin", "reported"),
        ),
        (
            "According to his lawyer, the blogger Timur Vasin was arrested on 3 May 2016.",
            ("Arrest", "Timur Vasin", "reported"),
        ),
        (
            "His wife said that the blogger Timur Vasin had been arrested on 3 May 2016.",
            ("Arrest", "Timur Vasin", "reported"),
        ),
        # alleged: an alleging adverb on the event, an accusation over it
        (
            "The journalist Karim Sadr was allegedly arrested by the police on 3 May 2016.",
            ("Arrest", "Karim Sadr", "alleged"),
        ),
        (
            "The activist Omar Diallo was accused of killing the policeman Ivan Petrov on 2 May 2018.",
            ("Killing", "Ivan Petrov", "alleged"),
        ),
        # denied: the negation that used to drop the event, a denial verb over it, "pending"
        ("G. whereas the editor Lena Fox was not arrested on 2 May 2018;", ("Arrest", "Lena Fox", "denied")),
        (
            "The police denied that they had arrested the editor Lena Fox on 2 May 2018.",
            ("Arrest", "Lena Fox", "denied"),
        ),
        # a claim the event is told in, denied
        (
            "Police on Monday denied reports that the reporter Ysolde Brenik had been detained in Kelmar.",
            ("Arrest", "Ysolde Brenik", "denied"),
        ),
        (
            "Claims that the reporter Ysolde Brenik had been detained in Kelmar were denied by the police.",
            ("Arrest", "Ysolde Brenik", "denied"),
        ),
        # a claim said to be false, there or in the next clause
        (
            "Rumours that the reporter Ysolde Brenik had been arrested in April proved false.",
            ("Arrest", "Ysolde Brenik", "denied"),
        ),
        (
            "G. whereas reports circulated on 2 May 2031 that the reporter Ysolde Brenik had been arrested at her "
            "home; whereas those reports proved unfounded;",
            ("Arrest", "Ysolde Brenik", "denied"),
        ),
        (
            "Pending the release of Timur Vasin, the authorities should let his lawyer see him.",
            ("Release", "Timur Vasin", "denied"),
        ),
        # demanded: the event is what a call asks for
        ("1. Calls for a fair and public trial of Omar Diallo;", ("Trial", "Omar Diallo", "demanded")),
        # ... but not an event the demanded thing is about: the killing happened, the inquiry is asked for
        (
            "1. Calls for an independent investigation into the killing of the journalist Omar Diallo;",
            ("Killing", "Omar Diallo", "asserted"),
        ),
        # a demand is itself the speaker's own act
        ("2. Urges the authorities to release Omar Diallo;", ("ReleaseDemand", "Omar Diallo", "asserted")),
    ],
)
def test_standing_of_each_kind(build_text, text: str, expected: tuple[str, str, str]) -> None:
    assert _standings(build_text(text)) == {expected}


def test_a_denied_event_is_no_event_for_the_evaluation_nor_the_saved_queries(build_text, tmp_path) -> None:
    from pipeline.rdf.export import write_dataset
    from pipeline.rdf.query import run_query

    r = build_text("G. whereas the editor Lena Fox was not sentenced on 2 May 2018;")
    assert _standings(r) == {("Sentencing", "Lena Fox", "denied")}
    path = tmp_path / "g.trig"
    write_dataset(r.dataset, path)
    for query in ("sentenced", "unreleased"):  # (rdflib answers an empty grouping with one blank row)
        assert [row for row in run_query(path, query, "csv").splitlines()[1:] if row.strip(",")] == []


def test_what_an_action_list_asks_for_is_demanded(build_text) -> None:
    r = build_text(
        "FVN CALLS ON THE AUTHORITIES TO:\n\n"
        "• release Timur Vasin immediately and quash his conviction;\n\n"
        "• allow independent media to work without interference."
    )
    assert ("CourtDecision", "Timur Vasin", "demanded") in _standings(r)
    assert ("CourtDecision", "Timur Vasin", "asserted") not in _standings(r)
    # the call quashes no conviction: no wh:CourtDecision in the graph, the class asked for kept as wh:eventClass
    assert not list(r.dataset.subjects(RDF.type, WH.CourtDecision))
    assert list(r.dataset.subjects(WH.eventClass, WH.CourtDecision))


def test_an_event_a_citation_names_is_no_demand(build_text) -> None:
    r = build_text(
        "European Parliament resolution of 14 March 2031 on the case of Halvard Brenik in Lumeria\n\n"
        "The European Parliament,\n\n"
        "– having regard to the statement by the Spokesperson of the European External Action Service of "
        "3 February 2031 on the sentencing of Halvard Brenik,\n\n"
        "B. whereas on 2 February 2031 the Korvel Regional Court sentenced Mr Brenik to nine years in prison;\n",
        name="ep-2099-test",
    )
    assert ("Sentencing", "Halvard Brenik", "asserted") in _standings(r)
    assert ("Sentencing", "Halvard Brenik", "demanded") not in _standings(r)


def test_an_event_the_text_states_in_its_own_voice_is_asserted_whatever_another_mention_reports(build_text) -> None:
    r = build_text(
        "Halvard Brenik was sentenced to seven years on 10 October 2031, his lawyer said.\n\n"
        "On 10 October 2031 the Korvel District Court sentenced Halvard Brenik to seven years in prison."
    )
    assert {s for s in _standings(r) if s[0] == "Sentencing"} == {("Sentencing", "Halvard Brenik", "asserted")}
