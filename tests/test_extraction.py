"""Events, relations and actors from sentences composed in the genre's styles (invented names and places)."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from pipeline.vocab import PREFIXES, WH

_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _events(result, kind: str) -> list[dict]:
    """Every event of a type as {subject, agent, court, place, date, term, charges, outcome}."""
    rows = result.dataset.query(
        _PREFIXES
        + f"""
        SELECT ?e ?p ?v WHERE {{
          ?e a wh:{kind} ; ?p ?o .
          OPTIONAL {{ ?o rdfs:label ?label }}
          BIND(COALESCE(?label, ?o) AS ?v)
        }}"""
    )
    names = {"subject": "subject", "agent": "agent", "court": "court", "place": "place", "charge": "charges"}
    events: dict = {}
    for e, p, v in rows:
        ev = events.setdefault(
            e,
            {
                "subject": [],
                "agent": [],
                "court": [],
                "place": [],
                "date": None,
                "term": None,
                "outcome": None,
                "charges": [],
            },
        )
        local = str(p).rsplit("#", 1)[-1]
        if local in names:
            ev[names[local]] = sorted(ev[names[local]] + [str(v)])
        elif local == "date":
            ev["date"] = v
        elif local == "sentenceTerm":
            ev["term"] = v
        elif local == "outcome":
            ev["outcome"] = str(v).rsplit("#", 1)[-1]
    return sorted(events.values(), key=lambda ev: (ev["subject"], str(ev["date"])))


def _actors(result) -> dict[str, str]:
    return {a.label: a.type.value for a in result.actors.values()}


def _relations(result, prop: str) -> set[tuple[str, str]]:
    rows = result.dataset.query(
        _PREFIXES
        + f"""
        SELECT ?s ?o WHERE {{ ?x wh:{prop} ?y . ?x rdfs:label ?s . ?y rdfs:label ?o }}"""
    )
    return {(str(r.s), str(r.o)) for r in rows}


def test_passive_with_court_date_term_and_quoted_charges(build_text):
    r = build_text(
        "A. whereas on 4 May 2015 the journalist Anna Novak was sentenced by the Gomel Regional "
        "Court to three and a half years in prison on charges of ‘hooliganism’ and ‘insulting a "
        "public official’;"
    )
    assert _events(r, "Sentencing") == [
        {
            "subject": ["Anna Novak"],
            "agent": [],
            "court": ["Gomel Regional Court"],
            "place": [],
            "date": Literal("2015-05-04", datatype=XSD.date),
            "term": Literal("P3Y6M", datatype=XSD.duration),
            "outcome": None,
            "charges": ["hooliganism", "insulting a public official"],
        }
    ]
    assert _actors(r)["Gomel Regional Court"] == "Court"


def test_active_ban_of_a_quoted_party_by_a_court(build_text):
    r = build_text(
        "B. whereas on 3 April 2014 the Supreme Court banned the opposition party ‘Forward!’ on charges of extremism;"
    )
    [ban] = _events(r, "Ban")
    assert (ban["subject"], ban["court"], str(ban["date"]), ban["charges"]) == (
        ["Forward!"],
        ["Supreme Court"],
        "2014-04-03",
        ["extremism"],
    )
    assert _actors(r)["Forward!"] == "PoliticalParty"


def test_coordinated_release_demand_is_one_per_person_by_the_parliament(build_text):
    r = build_text(
        "The European Parliament,\n\n1. Calls for the immediate release of Anna Novak, Pavel Orlov and Maria Kim;"
    )
    demands = _events(r, "ReleaseDemand")
    assert [d["subject"] for d in demands] == [["Anna Novak"], ["Maria Kim"], ["Pavel Orlov"]]
    assert all(d["agent"] == ["European Parliament"] for d in demands)


def test_relative_clause_sentence_and_decision_on_it(build_text):
    r = build_text(
        "C. whereas on 2 March 2016 the Court of Cassation refused to grant appeal in the case of "
        "Oleg Brodsky, who was sentenced to 12 years in prison on charges of ‘high treason’;"
    )
    [decision] = _events(r, "CourtDecision")
    assert (decision["subject"], decision["court"], str(decision["date"]), decision["outcome"]) == (
        ["Oleg Brodsky"],
        ["Court of Cassation"],
        "2016-03-02",
        "refused",
    )
    [sentence] = _events(r, "Sentencing")
    assert (str(sentence["term"]), sentence["charges"], sentence["date"]) == ("P12Y", ["high treason"], None)
    rows = list(r.dataset.query(_PREFIXES + "ASK { ?d a wh:CourtDecision ; wh:decisionOn ?s . ?s a wh:Sentencing }"))
    assert rows == [True]


def test_this_sentence_points_back_to_the_sentencing(build_text):
    r = build_text(
        "D. whereas on 7 June 2016 the blogger Ilya Marin was sentenced to 18 months in prison; "
        "whereas this sentence was upheld by the City Court of Appeal on 1 September 2016;"
    )
    [decision] = _events(r, "CourtDecision")
    assert (decision["subject"], decision["court"], decision["outcome"], str(decision["date"])) == (
        ["Ilya Marin"],
        ["City Court of Appeal"],
        "upheld",
        "2016-09-01",
    )
    assert str(_events(r, "Sentencing")[0]["term"]) == "P1Y6M"  # 18 months, as xsd:duration writes it


def test_possessive_pronoun_and_year_from_context(build_text):
    r = build_text(
        "E. whereas the activist Timur Aliev was released in July 2019; whereas Mr Aliev’s re-arrest "
        "took place on his return from a conference in Vienna in September; whereas his trial is "
        "scheduled for 2020;"
    )
    [arrest] = _events(r, "Arrest")
    assert (arrest["subject"], str(arrest["date"]), arrest["date"].datatype) == (
        ["Timur Aliev"],
        "2019-09",
        XSD.gYearMonth,
    )
    [trial] = _events(r, "Trial")
    assert trial["subject"] == ["Timur Aliev"]
    assert _actors(r)["Timur Aliev"] == "Person" and "Aliev" not in _actors(r)


def test_a_misspelling_the_text_makes_is_one_person(build_text):
    r = build_text(
        "F. whereas the lawyer Sergei Markin was arrested on 3 May 2017;\n\n1. Calls for the release of Sergei Markyn;"
    )
    people = [a for a in r.actors.values() if a.type.value == "Person"]
    assert len(people) == 1 and set(people[0].alt_labels) | {people[0].label} == {"Sergei Markin", "Sergei Markyn"}
    assert _events(r, "ReleaseDemand")[0]["subject"] == _events(r, "Arrest")[0]["subject"]


def test_negated_event_is_not_a_fact(build_text):
    r = build_text("G. whereas the editor Lena Fox was questioned but was not arrested on 2 May 2018;")
    # a negated event is a denied claim (tests/test_standing.py), never an arrest that took place
    assert _events(r, "Arrest") == []
    assert all((a, WH.standing, WH.denied) in r.dataset for a in r.dataset.subjects(WH.eventClass, WH.Arrest))


def test_statement_by_spokesperson_speaks_for_the_body(build_text):
    r = build_text(
        "– having regard to the statement of 5 May 2015 by the spokesperson of the European External "
        "Action Service on the case of Anna Novak,"
    )
    [statement] = _events(r, "Statement")
    assert (statement["subject"], str(statement["date"])) == (["European External Action Service"], "2015-05-05")
    on = r.dataset.query(_PREFIXES + "SELECT ?l WHERE { ?s a wh:Statement ; wh:about/rdfs:label ?l }")
    assert [str(row.l) for row in on] == ["Anna Novak"]


def test_statement_on_an_event_points_at_that_event(build_text):
    r = build_text(
        "– having regard to the statement of 2 June 2016 by the High Representative Federica Mogherini "
        "on the arrest of Mikola Statkevich,"
    )
    rows = list(
        r.dataset.query(
            _PREFIXES
            + """SELECT ?speaker ?on WHERE {
        ?s a wh:Statement ; wh:subject/rdfs:label ?speaker ; wh:about ?e . ?e a wh:Arrest ; rdfs:label ?on }"""
        )
    )
    assert [(str(a), str(b)) for a, b in rows] == [("Federica Mogherini", "Arrest of Mikola Statkevich")]


def test_undated_statement_is_not_kept(build_text):
    r = build_text(
        "– having regard to the statement by the spokesperson of the European External Action Service "
        "on the case of Anna Novak,"
    )
    assert _events(r, "Statement") == []


def test_visit_with_place_and_month(build_text):
    r = build_text(
        "H. whereas in March 2017 the UN Special Rapporteur on Human Rights Defenders, Ana Ruiz, visited Tajikistan;"
    )
    [visit] = _events(r, "Visit")
    assert (visit["subject"], visit["place"], str(visit["date"])) == (["Ana Ruiz"], ["Tajikistan"], "2017-03")
    assert ("Ana Ruiz", "UN Special Rapporteur on Human Rights Defenders") in _relations(r, "holdsPosition")


def test_spouse_leader_and_member_relations(build_text):
    r = build_text(
        "I. whereas Irina Kask, the wife of Pavel Kask, was detained on 4 April 2018; whereas "
        "Pavel Kask, the leader of the Freedom Party, was arrested on 3 April 2018; whereas "
        "Moldova, as a member of the OSCE, has committed itself to these principles;"
    )
    spouses = _relations(r, "spouseOf")
    assert spouses in ({("Irina Kask", "Pavel Kask")}, {("Pavel Kask", "Irina Kask")})
    assert _relations(r, "leaderOf") == {("Pavel Kask", "Freedom Party")}
    assert ("Moldova", "OSCE") in _relations(r, "memberOf")


def test_nationality_words_and_generic_groups_are_not_actors(build_text):
    r = build_text("J. whereas the Ruritanian authorities have detained several Ruritanian journalists;")
    assert "Ruritanian" not in _actors(r)


def test_every_fact_keeps_its_sentence(build_text):
    r = build_text("K. whereas on 9 May 2019 the poet Karl Berg was arrested in Strelsau;")
    rows = list(
        r.dataset.query(
            _PREFIXES
            + """
        SELECT ?text ?start ?end ?doc WHERE { ?e a wh:Arrest ; wh:evidence ?s .
          ?s wh:text ?text ; wh:start ?start ; wh:end ?end ; wh:inDocument ?d . ?d wh:text ?doc }"""
        )
    )
    assert len(rows) == 1
    text, start, end, doc = rows[0]
    assert (
        str(doc)[int(start) : int(end)]
        == str(text)
        == "whereas on 9 May 2019 the poet Karl Berg was arrested in Strelsau;"
    )


@pytest.mark.parametrize("cutoff, kept", [(0.0, 1), (0.99, 0)])
def test_min_confidence_filters_events(build_text, cutoff, kept):
    r = build_text("L. whereas the singer Mira Lund was arrested on 1 June 2020;", min_confidence=cutoff)
    assert len(_events(r, "Arrest")) == kept


def test_a_name_known_as_another_is_one_person(build_text):
    r = build_text(
        "B. whereas the blogger Nguyen Ngoc Nhu Quynh, known as Mother Mushroom, was sentenced to ten "
        "years in prison on 29 June 2017;"
    )
    people = [a for a in r.actors.values() if a.type.value == "Person"]
    assert [(p.label, p.alt_labels) for p in people] == [("Nguyen Ngoc Nhu Quynh", ("Mother Mushroom",))]


def test_bodies_named_together_are_not_one_actor_and_ministries_keep_their_country(build_text):
    r = build_text(
        "F. whereas the newspaper Tuoi Tre was suspended in July 2018 by the Vietnamese Ministry of "
        "Information and Communications;\n\n3. Instructs its President to forward this resolution to the "
        "Government and National Assembly of Vietnam."
    )
    assert not any(" and National" in a.label for a in r.actors.values())
    [ban] = _events(r, "Ban")
    assert ban["subject"] == ["Tuoi Tre"] and str(ban["date"]) == "2018-07"
    assert any(k.startswith("vietnam/ministry") for k in r.actors)


def test_a_bare_parliament_in_a_news_report_is_that_countrys_parliament(build_text):
    r = build_text(
        "Ukraine passes new law\n\nKYIV, 3 May 2019 - The Parliament adopted a law on 2 May 2019.", name="news-kyiv"
    )
    [parliament] = [a for a in r.actors.values() if a.label == "Parliament"]
    assert (parliament.key, parliament.type.value) == ("ukraine/parliament", "GovernmentBody")


def test_a_criminal_investigation_opened_against_a_person_is_a_lawsuit(build_text):
    r = build_text(
        "On 21 February 2031 the Public Prosecutor's Office opened a criminal investigation against Halvard Brenik "
        'for "obstruction of justice".'
    )
    [lawsuit] = _events(r, "Lawsuit")
    assert (lawsuit["subject"], str(lawsuit["date"]), lawsuit["charges"]) == (
        ["Halvard Brenik"],
        "2031-02-21",
        ["obstruction of justice"],
    )


def test_has_been_held_since_a_date_is_a_detention_from_it(build_text):
    r = build_text("Halvard Brenik, a member of the Korvel Choice Party, has been held since 4 February 2031.")
    [detention] = _events(r, "Detention")
    assert (detention["subject"], str(detention["date"])) == (["Halvard Brenik"], "2031-02-04")


def test_a_call_to_release_all_the_above_mentioned_persons_is_one_for_each_listed_before(build_text):
    r = build_text(
        "The European Parliament,\n\n"
        "A. whereas on 13 August 2031 the Korvel Grave Crimes Court sentenced Tamsin Vessa to eight years' "
        "imprisonment and Halvard Brenik to seven years;\n\n"
        "B. whereas Perrin Quillon was arrested on 2 August 2031;\n\n"
        "1. Strongly condemns the sentencing of Tamsin Vessa, Halvard Brenik and Perrin Quillon;\n\n"
        "2. Calls on the Korvel authorities to release immediately and unconditionally all the above-mentioned "
        "persons;\n",
        name="ep-2099-test",
    )
    demands = _events(r, "ReleaseDemand")
    assert sorted(s for d in demands for s in d["subject"]) == ["Halvard Brenik", "Perrin Quillon", "Tamsin Vessa"]


def test_a_listed_imperative_to_release_is_a_demand_not_a_release(build_text):
    r = build_text(
        "We urge the Korvel authorities to:\n\n- immediately release Halvard Brenik and Tamsin Vessa;\n- close the "
        "criminal investigation against Perrin Quillon.\n",
        name="statement-2099-test",
    )
    assert _events(r, "Release") == []
    assert sorted(s for d in _events(r, "ReleaseDemand") for s in d["subject"]) == ["Halvard Brenik", "Tamsin Vessa"]


def test_a_body_declared_an_undesirable_organisation_in_a_small_clause_is_banned(build_text):
    r = build_text(
        "C. whereas Tamsin Vessa, a journalist with the independent outlet Kvorum, was charged in absentia on 8 "
        "December 2031; whereas on 19 October 2031 the Prosecutor General's Office declared Kvorum an ‘undesirable "
        "organisation’, making any cooperation with it a criminal offence;"
    )
    [ban] = _events(r, "Ban")
    assert (ban["subject"], ban["agent"], str(ban["date"])) == (
        ["Kvorum"],
        ["Prosecutor General's Office"],
        "2031-10-19",
    )


def test_a_title_written_with_a_full_stop_ends_no_sentence(build_text):
    # "Hon." and "Adv." as titles: the release demanded is of the person named after each, "of" by "of"
    r = build_text(
        "The party demands the immediate release of our Chairperson, Hon. Halvard Brenik, of Mr Perrin Quillon "
        "and of all members still detained. Its lawyer, Adv. Tamsin Vessa, has also called for their release.\n",
        name="statement-2099-test",
    )
    demanded = sorted(s for d in _events(r, "ReleaseDemand") for s in d["subject"])
    assert demanded[:2] == ["Halvard Brenik", "Perrin Quillon"]
    assert "Tamsin Vessa" in _actors(r) and not any(a.lower().startswith("adv") for a in _actors(r))


def test_a_licence_withdrawn_together_with_those_of_others_bans_each(build_text):
    r = build_text(
        "On 21 May 2031, the Ministry of Information withdrew the licence of Korvel FM, together with those of "
        'Radio Lumeria and the television channel Vessa TV, citing "non-compliance".\n',
        name="report-2099-test",
    )
    assert sorted(s for ev in _events(r, "Ban") for s in ev["subject"]) == ["Korvel FM", "Radio Lumeria", "Vessa TV"]


def test_a_list_of_roles_and_names_after_among_them_names_each_arrested(build_text):
    r = build_text(
        "On the morning of Saturday, 7 June 2031, police fired tear gas at delegates gathering at the Kirumba "
        "grounds and arrested at least 41 young people, among them the national chairperson of the youth wing, Mr "
        "Halvard Brenik, the secretary for Mwanza region, Ms Ysolde Brenik, and the party's candidates for the "
        "city, Mr Perrin Vessa and Ms Tamsin Vessa.\n",
        name="statement-2099-test",
    )
    arrested = {s for ev in _events(r, "Arrest") for s in ev["subject"]}
    assert {"Halvard Brenik", "Ysolde Brenik", "Perrin Vessa", "Tamsin Vessa"} <= arrested
