"""Events in news, NGO and judgment styles: composed sentences with invented names, places and courts."""

from __future__ import annotations

import pytest
from rdflib import RDF

from pipeline.vocab import PREFIXES, WH

_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _events(result, kind: str) -> list[dict]:
    """Every event of a type as a dict of its roles and values, in a stable order."""
    rows = result.dataset.query(
        _PREFIXES
        + f"""
        SELECT ?e ?p ?v WHERE {{
          ?e a wh:{kind} ; ?p ?o .
          OPTIONAL {{ ?o rdfs:label ?label }}
          BIND(COALESCE(?label, ?o) AS ?v)
        }}"""
    )
    keep = {"subject", "agent", "court", "place", "charge", "date", "sentenceTerm", "outcome", "penalty", "legalBasis"}
    events: dict = {}
    for e, p, v in rows:
        local = str(p).rsplit("#", 1)[-1]
        if local not in keep:
            continue
        value = str(v).rsplit("#", 1)[-1] if local in ("outcome", "penalty") else str(v)
        events.setdefault(e, {}).setdefault(local, []).append(value)
    out = [{k: sorted(v) for k, v in ev.items()} for ev in events.values()]
    return sorted(out, key=lambda ev: (ev.get("subject", []), ev.get("date", [])))


def _one(result, kind: str) -> dict:
    found = _events(result, kind)
    assert len(found) == 1, found
    return found[0]


# -- statements in reporting genres ---------------------------------------------------------------


def _before_events(nlp, text: str):
    """``text`` read by the pipeline up to the event finder, for a test to set the parse the model gave a
    sentence before the event finder reads it."""
    doc = nlp.make_doc(text)
    names = [name for name, _ in nlp.pipeline]
    for _, proc in nlp.pipeline[: names.index("whereas_events")]:
        doc = proc(doc)
    return doc


def test_reported_words_of_a_named_speaker_are_one_statement_dated_or_not(build_text):
    r = build_text(
        "ORSK, May 4 (Wire) – The blogger Timur Vasin was detained on Sunday, his lawyer said.\n\n"
        '"They gave no reason," lawyer Irina Lobova told Wire. Lobova said she would appeal.'
    )
    assert _one(r, "Statement")["subject"] == ["Irina Lobova"]


def test_a_statement_in_the_present_tense_is_made_on_the_documents_day(build_text):
    r = build_text(
        "Zarvania: Statement by the Spokesperson on the case of blogger Ivo Marek\n\n10.12.2020\n\n"
        "On Human Rights Day, the European Union reiterates its concern at the six-year sentence of the blogger "
        "Ivo Marek."
    )
    assert [(ev["subject"], ev["date"]) for ev in _events(r, "Statement") if ev.get("date")] == [
        (["European Union"], ["2020-12-10"])
    ]


def test_a_video_posted_on_a_weekday_of_a_dated_wire_story_is_a_dated_statement(build_text):
    r = build_text(
        "ORVA, Oct 3 (Wire) – A court sentenced the protester Milad Arin to death in January 2023, his family "
        "said.\n\nHis mother, Zahra Arin, posted a video on Instagram on Tuesday pleading for the execution to "
        'be halted. "My son threw no stones," she said.\n\nHis father posted the deed to the family\'s '
        "apartment as security."
    )
    assert [(ev["subject"], ev.get("date")) for ev in _events(r, "Statement")] == [(["Zahra Arin"], ["2023-10-03"])]


def test_said_at_the_time_is_the_date_told_last(build_text):
    r = build_text(
        "ORVA, Oct 3 (Wire) – A court sentenced the editor Farid Tamo to six years in January 2023, his lawyer "
        "said.\n\nAuthorities shut down his newspaper, Orva Daily, in April, when the Press Board revoked its "
        "licence. Tamo said at the time that the closure was a message to every newsroom."
    )
    said = [ev for ev in _events(r, "Statement") if ev["subject"] == ["Farid Tamo"]]
    assert [ev.get("date") for ev in said] == [["2023-04"]]


def test_undated_statement_in_a_resolution_is_still_left_out(build_text):
    r = build_text(
        "– having regard to the statement by the spokesperson of the European External Action "
        "Service on the case,\n\nA. whereas the Minister said that Timur Vasin was a criminal;"
    )
    assert _events(r, "Statement") == []


# -- subjects across sentences: pronouns, descriptors, groups -------------------------------------


def test_pronoun_in_the_next_paragraph_is_the_person_last_spoken_of(build_text):
    r = build_text(
        "Police arrested the blogger Timur Vasin in Orsk on 3 May 2019.\n\n"
        "On 2 June 2020 the Orsk District Court sentenced him to four years in prison."
    )
    ev = _one(r, "Sentencing")
    assert (ev["subject"], ev["court"], ev["date"], ev["sentenceTerm"]) == (
        ["Timur Vasin"],
        ["Orsk District Court"],
        ["2020-06-02"],
        ["P4Y"],
    )


def test_pronoun_agrees_in_gender_with_its_person(build_text):
    r = build_text(
        "The blogger Timur Vasin was arrested in Orsk on 3 May 2019. His wife, Olga Smirnova, "
        "said he had been beaten. He was sentenced to four years in prison on 2 June 2020."
    )
    assert _one(r, "Sentencing")["subject"] == ["Timur Vasin"]


def test_a_given_name_tells_the_gender_a_pronoun_agrees_with(build_text):
    # nothing in the text says who is a woman: her given name does (not the subject just before)
    r = build_text(
        "The journalist Halvard Brenik met the lawyer Orsolya Quillon in Kelmar on 3 May 2031. "
        "Halvard Brenik spoke to reporters. She was arrested on 4 May 2031."
    )
    assert _one(r, "Arrest")["subject"] == ["Orsolya Quillon"]


def test_a_pronoun_is_the_person_its_own_sentence_named_before_it(build_text):
    # "as she was about to board": the woman the sentence is about, not the one named most so far
    r = build_text(
        "The lawyer Orsolya Quillon said the trial was unfair. Quillon also spoke to the press.\n\n"
        "Her colleague Tamsin Vessa, who was fined in 2030, was stopped at Kelmar airport on 3 May 2031 "
        "as she was about to board a flight. She was arrested on 4 May 2031."
    )
    assert _one(r, "Arrest")["subject"] == ["Tamsin Vessa"]


def test_descriptor_points_back_to_the_person_known_by_that_noun(build_text):
    r = build_text(
        "The journalist Timur Vasin wrote about the mine. His sister, Olga Vasina, is a teacher.\n\n"
        "The 34-year-old journalist was arrested at his home on 3 May 2019."
    )
    assert _one(r, "Arrest")["subject"] == ["Timur Vasin"]


def test_a_heading_starts_another_story_for_pronouns(build_text):
    r = build_text(
        "I. Orsk\n\nThe blogger Timur Vasin was sentenced to four years in prison on 2 June 2020. "
        "The Orsk District Court found Vasin guilty, and the Orsk Regional Court upheld his sentence.\n\n"
        "II. Lumbwa\n\nPolice arrested the reporter Kofi Mensah on 8 July 2021, two days after his story.\n\n"
        "He was charged with spreading falsehoods on 9 July 2021."
    )
    assert _one(r, "Lawsuit")["subject"] == ["Kofi Mensah"]


def test_a_pronoun_after_a_heading_without_people_looks_past_it(build_text):
    r = build_text(
        "Background\n\nPolice arrested the reporter Kofi Mensah in Lumbwa on 8 July 2021.\n\n"
        "International reaction\n\nOn 3 May 2022 the Lumbwa Press Union called for his release."
    )
    assert _one(r, "ReleaseDemand")["subject"] == ["Kofi Mensah"]


def test_the_court_is_the_court_named_last(build_text):
    r = build_text(
        "The trial of Timur Vasin opened before the Orsk District Court on 1 March 2020.\n\n"
        "On 2 June 2020 the court sentenced Vasin to four years in prison."
    )
    ev = _one(r, "Sentencing")
    assert (ev["subject"], ev["court"]) == (["Timur Vasin"], ["Orsk District Court"])


def test_the_two_men_are_the_two_people_named_together(build_text):
    r = build_text(
        "Police arrested Timur Vasin and Pavel Gromov in Orsk on 3 May 2019.\n\n"
        "On 2 June 2020 the two men were sentenced to four years in prison."
    )
    assert [ev["subject"] for ev in _events(r, "Sentencing")] == [["Pavel Gromov"], ["Timur Vasin"]]


def test_a_list_of_staff_named_after_their_roles_is_arrested_whole(nlp):
    # the parse the model gave a statement: "its editor-in-chief" in apposition to the director's name, the next
    # name its conjunct, and the list going on from it
    from spacy.attrs import DEP

    doc = _before_events(
        nlp,
        "On 21 November 2031, officers of the Varno police arrested its director, Tamsin Vessa, its "
        "editor-in-chief, Halvard Brenik, and the reporters Ysolde Varnik and Perrin Vessa.",
    )
    role = next(t for t in doc if t.text == "editor-in-chief")
    assert role.head.text == "Vessa" and role.dep_ in ("conj", "appos")  # as parsed here
    rows = doc.to_array([DEP])
    rows[role.i] = doc.vocab.strings.add("appos")
    doc.from_array([DEP], rows)
    doc = nlp.get_pipe("whereas_events")(doc)
    arrested = sorted(doc[slice(*s)].text for ev in doc._.events if ev["type"] == "Arrest" for s in ev["subject"])
    assert arrested == ["Halvard Brenik", "Perrin Vessa", "Tamsin Vessa", "Ysolde Varnik"]


def test_both_are_the_two_people_the_paragraphs_events_befell_named_apart(build_text):
    r = build_text(
        "Ms Tamsin Vessa was arrested by officers of the National Police on 2 October 2031 at the airport in Varno. "
        "Mr Halvard Brenik was arrested the same evening at the couple's home in Astana. Both were charged by an "
        "investigating judge on 5 October 2031 and placed in pre-trial detention."
    )
    assert [ev["subject"] for ev in _events(r, "Lawsuit")] == [["Halvard Brenik"], ["Tamsin Vessa"]]
    assert [ev["subject"] for ev in _events(r, "Detention")] == [["Halvard Brenik"], ["Tamsin Vessa"]]


def test_a_laws_year_dates_nothing_and_gives_no_year_to_a_date_without_one(build_text):
    r = build_text(
        "Haniya Vessa was arrested on 22 March 2031. She was charged under the Anti-Terrorism Act, 1997 and the "
        "Penal Code with sedition. On 4 June, the Anti-Terrorism Court in Quetta refused her application for bail."
    )
    assert [ev.get("date") for ev in _events(r, "CourtDecision")] == [["2031-06-04"]]
    assert all("1997" not in str(ev.get("date")) for kind in ("Lawsuit", "Detention") for ev in _events(r, kind))


def test_a_trial_which_opened_on_a_day_is_of_that_day_and_a_case_files_year_dates_nothing(build_text):
    r = build_text(
        "Halvard Brenik and Perrin Vessa were arrested in Varno on 2 October 2031. Their trial, which opened on 22 "
        "April 2032, rested "
        "almost entirely on recordings of a private call.\n\nOn 4 March the prosecution ordered Tamsin Vessa "
        "detained for 15 days in Case No. 811 of 2033."
    )
    assert [ev.get("date") for ev in _events(r, "Trial")] == [["2032-04-22"], ["2032-04-22"]]
    assert all("2033" != ev.get("date", [""])[0] for ev in _events(r, "Detention"))


def test_a_court_the_parser_hung_on_a_participle_between_commas_decides_the_ban(build_text):
    r = build_text(
        "whereas on 13 October 2031 the Administrative Court of Algiers, acting on a petition by the Ministry of the "
        "Interior, ordered the dissolution of the Lumeria Rights League;"
    )
    assert _one(r, "Ban")["court"] == ["Administrative Court of Algiers"]


def test_a_relative_clause_in_the_singular_is_on_its_own_name_not_the_names_listed_with_it(build_text):
    r = build_text(
        "F. whereas since February 2031 more than 20 opposition figures, lawyers and businesspeople have been "
        "arrested in the so-called conspiracy case; whereas those arrested include Halvard Brenik, the "
        "secretary-general of the Movement for Dignity and Justice (Harakat Karama wa Adala), who was arrested at "
        "his home in La Marsa on 24 February 2031 and is being held in Mornaguia prison, and Tamsin Vessa, a former "
        "Minister of Social Affairs and a member of the party’s executive bureau, who was arrested the next day and "
        "is being held in the Manouba women’s prison;"
    )
    arrests = {ev["subject"][0]: ev.get("place", []) for ev in _events(r, "Arrest")}
    assert arrests["Tamsin Vessa"] != ["La Marsa"]
    held = sorted((ev["subject"][0], ev.get("place", [""])[0]) for ev in _events(r, "Detention"))
    assert ("Tamsin Vessa", "Mornaguia prison") not in held and ("Halvard Brenik", "Mornaguia prison") in held


def test_other_people_counted_are_not_those_named_before_and_a_legal_personality_cancelled_is_a_ban(build_text):
    r = build_text(
        "A. whereas Halvard Brenik, Perrin Vessa, Tamsin Vessa and Ysolde Varnik were arrested in Moscow on 3 "
        "March 2031; whereas at least four other lawyers defending political prisoners have been prosecuted since "
        "2030;\n\nB. whereas on 6 August 2031 the Supreme Electoral Council cancelled the legal personality of the "
        "Lumeria Unity Party;"
    )
    assert _events(r, "Lawsuit") == []
    assert _one(r, "Ban")["subject"] == ["Lumeria Unity Party"]


# -- release demands by any caller ----------------------------------------------------------------


def test_the_names_a_quoted_demand_lists_end_with_the_quote(build_text):
    r = build_text(
        '"The prison sentences are part of a pattern," said today the Council of Europe Commissioner for Human '
        'Rights, Orsolya Quillon.\n\n"Lumeria has undertaken to secure the rights guaranteed by the Convention. I '
        'call on the authorities to release Tamsin Vessa and Halvard Brenik," the Commissioner said.'
    )
    assert [ev["subject"] for ev in _events(r, "ReleaseDemand")] == [["Halvard Brenik"], ["Tamsin Vessa"]]


def test_demand_for_a_list_of_names_is_one_per_person(build_text):
    r = build_text(
        "The European Parliament,\n\n1. Calls for the immediate release of Anna Petrenko, Oleg Brodsky, "
        "Maria Kovalenko and Ivan Sidorov, and of all other political prisoners;"
    )
    assert [ev["subject"] for ev in _events(r, "ReleaseDemand")] == [
        ["Anna Petrenko"],
        ["Ivan Sidorov"],
        ["Maria Kovalenko"],
        ["Oleg Brodsky"],
    ]


def test_a_demand_for_names_each_opened_by_a_title_is_one_per_person(build_text):
    # (the model reads "U Soe Myint Thein" as a body's name, title and all, so the parse lists nothing)
    r = build_text(
        "2. Calls for the immediate and unconditional release of Ko Zaw Naing Oo, U Soe Myint Thein and Daw Nang "
        "Hseng Noom, as well as of all other political prisoners in Myanmar;"
    )
    demanded = [ev["subject"] for ev in _events(r, "ReleaseDemand")]
    assert demanded == [["Nang Hseng Noom"], ["Soe Myint Thein"], ["Zaw Naing Oo"]]


def test_names_right_after_release_and_its_adverbs_are_each_demanded(build_text):
    r = build_text(
        "The European Parliament,\n\n– having regard to its previous resolutions,\n\n"
        "A. whereas the activists were arrested;\n\n"
        "1. Urges the authorities to release immediately and unconditionally Nguyễn Thị Lan "
        "and Trịnh Văn Mai, and to drop all charges against them;"
    )
    assert sorted(e["subject"][0] for e in _events(r, "ReleaseDemand")) == [
        "Nguyễn Thị Lan",
        "Trịnh Văn Mai",
    ]


def test_caller_of_a_later_verb_is_the_subject_of_the_first(build_text):
    r = build_text(
        "In May 2019 the UN Working Group on Arbitrary Detention found his detention arbitrary and "
        "asked the Government of Ruritania to release the blogger Timur Vasin."
    )
    ev = _one(r, "ReleaseDemand")
    assert (ev["subject"], ev["agent"], ev["date"]) == (
        ["Timur Vasin"],
        ["UN Working Group on Arbitrary Detention"],
        ["2019-05"],
    )
    assert _events(r, "Detention") == []  # "Arbitrary Detention" is a name, not an event


def test_we_call_in_a_quote_is_the_speaker_calling(build_text):
    r = build_text(
        '"We call on the authorities to release Timur Vasin immediately," said Irina Lobova, '
        "a spokesperson for the group."
    )
    assert _one(r, "ReleaseDemand")["agent"] == ["Irina Lobova"]


def test_an_ngo_action_list_is_the_publisher_demanding(build_text):
    r = build_text(
        "STEPPE RIGHTS NETWORK\nCase update\n\nThe blogger Timur Vasin is held in Orsk.\n\n"
        "WE CALL ON THE AUTHORITIES TO:\n\n• release Timur Vasin immediately and unconditionally;\n"
        "• allow his lawyer to see him."
    )
    ev = _one(r, "ReleaseDemand")
    assert (ev["subject"], [a.lower() for a in ev["agent"]]) == (["Timur Vasin"], ["steppe rights network"])


def test_should_release_is_a_demand(build_text):
    r = build_text(
        "Steppe Rights Network – Dispatches\n\nThe authorities should immediately release Timur Vasin and Pavel Gromov."
    )
    assert [(ev["subject"], ev["agent"]) for ev in _events(r, "ReleaseDemand")] == [
        (["Pavel Gromov"], ["Steppe Rights Network"]),
        (["Timur Vasin"], ["Steppe Rights Network"]),
    ]
    assert _events(r, "Release") == []


# -- chronologies ---------------------------------------------------------------------------------


def test_chronology_items_take_their_leading_date(build_text):
    r = build_text(
        "CHRONOLOGY\n\n• 23.01.2019 – Police arrest the blogger Timur Vasin in Orsk.\n"
        '• 4 March 2019 – The Orsk City Prosecutor\'s Office charges Vasin with "extremism".'
    )
    assert _one(r, "Arrest")["date"] == ["2019-01-23"]
    assert _one(r, "Lawsuit")["date"] == ["2019-03-04"]


# -- detention, bail, acquittal -------------------------------------------------------------------


def test_held_at_taken_to_and_ordered_held_are_detentions(build_text):
    r = build_text(
        "On 3 May 2019 police arrested Timur Vasin and took him to Orsk Central Prison.\n\n"
        "On 5 May 2019 the Orsk District Court ordered him held in pre-trial detention."
    )
    found = _events(r, "Detention")
    assert all(ev["subject"] == ["Timur Vasin"] for ev in found) and found
    assert ["Orsk Central Prison"] in [ev.get("place") for ev in found]


def test_bail_denied_is_a_refusal_in_the_defendants_case(build_text):
    r = build_text(
        "Police arrested Timur Vasin on 3 May 2019.\n\nOn 10 May 2019, the Orsk District Court denied him bail."
    )
    ev = _one(r, "CourtDecision")
    assert (ev["subject"], ev["court"], ev["outcome"]) == (["Timur Vasin"], ["Orsk District Court"], ["refused"])


def test_acquittal_ends_a_trial(build_text):
    r = build_text("On 14 March 2019, the Orsk District Court acquitted the blogger Timur Vasin.")
    ev = _one(r, "Trial")
    assert (ev["subject"], ev["court"], ev["date"]) == (["Timur Vasin"], ["Orsk District Court"], ["2019-03-14"])
    assert _one(r, "Acquittal") == ev  # one node: the trial, and the acquittal that ends it


# -- acquittals and pardons -------------------------------------------------------------------------


def _classes(result, kind: str) -> dict[str, set[str]]:
    """Subject label -> the wh: classes of the events of ``kind`` that happen to them."""
    rows = result.dataset.query(
        _PREFIXES + f"SELECT ?who ?c WHERE {{ ?e a wh:{kind} ; a ?c ; wh:subject/rdfs:label ?who }}"
    )
    out: dict[str, set[str]] = {}
    for who, c in rows:
        out.setdefault(str(who), set()).add(str(c).rsplit("#", 1)[-1])
    return out


def test_a_court_acquits_of_charges(build_text):
    r = build_text("A court in Zarvania acquitted the blogger Tomas Velinko of espionage on 3 May 2021.")
    ev = _one(r, "Acquittal")
    assert (ev["subject"], ev["date"], ev["charge"]) == (["Tomas Velinko"], ["2021-05-03"], ["espionage"])
    assert _classes(r, "Acquittal") == {"Tomas Velinko": {"Acquittal", "Trial"}}
    assert _events(r, "Sentencing") == []


def test_an_appeals_court_overturns_and_acquits_in_one_decision(build_text):
    r = build_text(
        "The activist Lena Varga was sentenced to six years in 2019.\n\n"
        "On 5 June 2022 the Zarvan Court of Appeal overturned the conviction and acquitted her."
    )
    ev = _one(r, "Acquittal")
    assert (ev["subject"], ev["court"], ev["date"], ev["outcome"]) == (
        ["Lena Varga"],
        ["Zarvan Court of Appeal"],
        ["2022-06-05"],
        ["overturned"],
    )
    assert _classes(r, "Acquittal") == {"Lena Varga": {"Acquittal", "CourtDecision"}}
    assert _events(r, "Trial") == []  # no trial of its own: the decision acquits


def test_an_acquittal_of_one_charge_ends_the_trial_told_before(build_text):
    r = build_text(
        "The blogger Ivo Marek was arrested in May 2017. His trial before the Orvan High Criminal Court opened on "
        "23 October 2017.\n\n"
        "On 28 June 2018 that court acquitted the applicant of membership of an armed group but convicted him of "
        "disseminating propaganda, sentencing him to three years' imprisonment."
    )
    trial = _one(r, "Trial")  # one trial, dated from its start, that is also the acquittal of one charge
    assert (trial["subject"], trial["court"], trial["date"], trial["charge"]) == (
        ["Ivo Marek"],
        ["Orvan High Criminal Court"],
        ["2017-10-23"],
        ["membership of an armed group"],
    )
    assert _one(r, "Acquittal") == trial
    ev = _one(r, "Sentencing")
    assert (ev["court"], ev["date"], ev["charge"]) == (
        ["Orvan High Criminal Court"],
        ["2018-06-28"],
        ["disseminating propaganda"],
    )


def test_a_head_of_state_pardons(build_text):
    r = build_text("On 12 June 2021 President Arlen Dovic pardoned the journalist Mira Solvenk and three others.")
    ev = _one(r, "Pardon")
    assert (ev["subject"], ev["agent"], ev["date"]) == (["Mira Solvenk"], ["Arlen Dovic"], ["2021-06-12"])
    assert _classes(r, "Pardon") == {"Mira Solvenk": {"Pardon", "Release"}}


def test_a_royal_pardon_granted_or_released_under(build_text):
    r = build_text(
        "The poet Idris Kahlan was granted a royal pardon in October 2020.\n\n"
        "The blogger Ivo Marek was released in March 2023 under a presidential pardon, after serving "
        "five years of a ten-year sentence."
    )
    got = {ev["subject"][0]: ev["date"] for ev in _events(r, "Pardon")}
    assert got == {"Idris Kahlan": ["2020-10"], "Ivo Marek": ["2023-03"]}
    assert set(_classes(r, "Release")) == {"Idris Kahlan", "Ivo Marek"}


def test_acquittals_and_pardons_query_and_shapes(build_text):
    from pathlib import Path

    from pipeline.rdf.validate import validate_graph

    query = (Path(__file__).parent.parent / "ontology" / "queries" / "acquittals-and-pardons.rq").read_text()
    r = build_text(
        "On 3 May 2021 the Orvan District Court acquitted the blogger Tomas Velinko of espionage.\n\n"
        "On 12 June 2021 President Arlen Dovic pardoned the journalist Mira Solvenk.\n\n"
        "Rights groups urged the President to pardon the poet Idris Kahlan."
    )
    rows = [tuple("" if v is None else str(v) for v in row) for row in r.dataset.query(query)]
    assert rows == [
        ("Mira Solvenk", "Pardon", "Arlen Dovic", "2021-06-12", ""),
        ("Tomas Velinko", "Acquittal", "Orvan District Court", "2021-05-03", "espionage"),
    ]
    assert validate_graph(r.dataset).messages == ()


def test_officers_of_a_body_are_that_body_acting(build_text):
    r = build_text("On 3 May 2019, officers of the State Security Service arrested the blogger Timur Vasin in Orsk.")
    ev = _one(r, "Arrest")
    assert (ev["agent"], ev["place"]) == (["State Security Service"], ["Orsk"])


# -- names the model leaves untyped, groups, detentions told in steps -----------------------------


def test_a_name_known_from_elsewhere_in_the_document_fills_its_role(build_text):
    r = build_text(
        "The human rights defender Yared Bekele Tadesse was arrested on 18 August 2023 together with his "
        "colleague Selam Girma.\n\n"
        "On 21 August 2023, the Orvan District Court ordered Yared and Selam held in pre-trial detention.\n\n"
        "On 4 September 2023, without informing his family, the police transferred Yared to Orvan military "
        "camp in the Dallo region."
    )
    got = [(ev["subject"], ev.get("court"), ev.get("place"), ev["date"]) for ev in _events(r, "Detention")]
    assert got == [
        (["Selam Girma"], ["Orvan District Court"], None, ["2023-08-21"]),
        (["Yared Bekele Tadesse"], ["Orvan District Court"], None, ["2023-08-21"]),
        (["Yared Bekele Tadesse"], None, ["Orvan military camp"], ["2023-09-04"]),
    ]


def test_both_are_the_people_arrested_together_and_held_from_their_arrest(build_text):
    r = build_text(
        "On 18 August 2023 officers of the Orvan Police arrested the blogger Yared Bekele Tadesse at his "
        "office, together with his colleague Selam Girma. They seized his laptop. Both were taken to Kirra "
        "police station in Dallo.\n\n"
        "On 2 November 2023, Yared was transferred back to Dallo and placed in Mekana prison."
    )
    got = [(ev["subject"][0], ev["place"][0], ev["date"][0]) for ev in _events(r, "Detention")]
    assert got == [
        ("Selam Girma", "Kirra police station", "2023-08-18"),
        ("Yared Bekele Tadesse", "Kirra police station", "2023-08-18"),
        ("Yared Bekele Tadesse", "Mekana prison", "2023-11-02"),
    ]


def test_the_members_of_a_group_named_in_the_next_sentence(build_text):
    r = build_text(
        "On 9 February 2023, 140 people who had been imprisoned for political reasons were released and put on a "
        "flight to Madrid. Among them were Lina Orvas Duarte, the president of the opposition party Frente Cívico "
        "(FC), and the student leader Tomas Brel Ochoa.\n\n"
        "On 3 March 2023 the authorities arrested 30 students in Dallo. They included the blogger Anna Petrova "
        "and the poet Ivan Sokolov."
    )
    assert [(ev["subject"][0], ev["date"][0]) for ev in _events(r, "Release")] == [
        ("Lina Orvas Duarte", "2023-02-09"),
        ("Tomas Brel Ochoa", "2023-02-09"),
    ]
    assert [ev["subject"][0] for ev in _events(r, "Arrest")] == ["Anna Petrova", "Ivan Sokolov"]
    assert _events(r, "Sentencing") == []  # "who had been imprisoned" describes the group


def test_a_trial_that_opened_on_a_day_is_dated_by_it(build_text):
    r = build_text(
        "The blogger Yared Bekele Tadesse was arrested in May 2023.\n\n"
        "His trial before the Dallo High Court opened on 25 January 2024 and was adjourned."
    )
    ev = _one(r, "Trial")
    assert (ev["subject"], ev["court"], ev["date"]) == (["Yared Bekele Tadesse"], ["Dallo High Court"], ["2024-01-25"])


def test_one_detention_per_place_and_a_release_from_prison_says_where_one_was_held(build_text):
    r = build_text(
        "On 8 July 2024 police arrested the reporter Tendo Mwale in Kasama. He was held at Kasama Central "
        "Police Station for three nights.\n\n"
        "On 10 July 2024, the Kasama Magistrates' Court denied him bail, and he was sent to Kasama Remand Prison.\n\n"
        "Mwale's co-defendant, a 22-year-old student named Joel Banda, was acquitted on 14 March 2025 and "
        "released from Kasama Remand Prison that evening."
    )
    got = [(ev["subject"][0], ev["place"][0], ev.get("date")) for ev in _events(r, "Detention")]
    assert got == [
        ("Joel Banda", "Kasama Remand Prison", None),
        ("Tendo Mwale", "Kasama Central Police Station", ["2024-07-08"]),
        ("Tendo Mwale", "Kasama Remand Prison", ["2024-07-10"]),
    ]
    assert _one(r, "Acquittal")["subject"] == ["Joel Banda"]  # "a student named X": the person named


def test_the_court_ordered_him_held(build_text):
    r = build_text(
        "The blogger Levan Kiria was arrested on 2 December 2024.\n\n"
        "On 4 December, the Kasama City Court rejected his lawyer's request for bail and ordered him held in "
        "pre-trial detention. He was taken to Kirra prison."
    )
    ev = _one(r, "Detention")
    assert (ev["subject"], ev["court"], ev["place"], ev["date"]) == (
        ["Levan Kiria"],
        ["Kasama City Court"],
        ["Kirra prison"],
        ["2024-12-04"],
    )


def test_a_decision_told_with_another_decisions_verb_is_one_and_it_is_what_was_named(build_text):
    r = build_text(
        "Police arrested the reporter Tendo Mwale on 8 July 2024. On 19 July, the High Court of Zarvania "
        "overturned the magistrate's decision on appeal and granted him bail.\n\n"
        "On 14 March 2025 the Kasama Magistrates' Court acquitted Mwale. The prosecution appealed against the "
        "acquittal, but on 30 September 2025 the High Court of Zarvania upheld it."
    )
    got = [(ev["court"][0], ev["date"][0], ev["outcome"][0]) for ev in _events(r, "CourtDecision")]
    assert got == [
        ("High Court of Zarvania", "2024-07-19", "overturned"),
        ("High Court of Zarvania", "2025-09-30", "upheld"),
    ]
    upheld = r.dataset.query(
        _PREFIXES + "SELECT ?s WHERE { ?e a wh:CourtDecision ; wh:date ?d ; wh:standing ?s . "
        'FILTER(STR(?d) = "2025-09-30") }'
    )
    assert [str(s).rsplit("#", 1)[-1] for (s,) in upheld] == ["asserted"]  # upheld, not what the appeal asked


def test_a_later_ruling_by_another_court_in_the_same_sentence_stays_its_own(build_text):
    r = build_text(
        "On 14 February 2026 the Kasama City Court upheld the sentence of the blogger Levan Kiria, and on 26 "
        "September 2026 the Supreme Court of Zarvania rejected Mr Kiria's cassation appeal."
    )
    got = [(ev["court"][0], ev["date"][0], ev["outcome"][0]) for ev in _events(r, "CourtDecision")]
    assert got == [
        ("Kasama City Court", "2026-02-14", "upheld"),
        ("Supreme Court of Zarvania", "2026-09-26", "refused"),
    ]


# -- events that share their clause's roles, charges as worded ------------------------------------


def test_participle_shares_the_governing_clause(build_text):
    r = build_text(
        'On 28 June 2018 the Orsk District Court convicted Timur Vasin of "extremism", sentencing '
        "him to three years, one month and fifteen days' imprisonment."
    )
    ev = _one(r, "Sentencing")
    assert (ev["subject"], ev["court"], ev["date"], ev["sentenceTerm"], ev["charge"]) == (
        ["Timur Vasin"],
        ["Orsk District Court"],
        ["2018-06-28"],
        ["P3Y1M15D"],
        ["extremism"],
    )


def test_indictment_charging_two_people_together(build_text):
    r = build_text(
        "On 3 April 2017 the prosecutor filed an indictment charging the blogger Timur Vasin, together "
        "with the newspaper's editor, Pavel Gromov, with membership of an armed group and "
        "disseminating propaganda in favour of a terrorist organisation."
    )
    found = _events(r, "Lawsuit")
    assert [ev["subject"] for ev in found] == [["Pavel Gromov"], ["Timur Vasin"]]
    assert all(ev["date"] == ["2017-04-03"] for ev in found)
    assert found[0]["charge"] == [
        "disseminating propaganda in favour of a terrorist organisation",
        "membership of an armed group",
    ]


def test_declared_inadmissible_is_a_refusal(build_text):
    r = build_text(
        "The blogger Timur Vasin was arrested in Orsk.\n\nOn 11 January 2018, the Constitutional Court "
        "declared inadmissible the application the blogger had lodged against his detention."
    )
    ev = _one(r, "CourtDecision")
    assert (ev["subject"], ev["court"], ev["outcome"]) == (["Timur Vasin"], ["Constitutional Court"], ["refused"])
    assert _events(r, "Statement") == []


def test_pending_release_is_no_release(build_text):
    r = build_text("Pending the release of Timur Vasin, the authorities should let his lawyer see him.")
    # kept as a claim the text denies (tests/test_standing.py), not as a release
    assert _events(r, "Release") == []
    [claim] = r.dataset.subjects(WH.eventClass, WH.Release)
    assert (claim, WH.standing, WH.denied) in r.dataset and (claim, RDF.type, WH.Event) in r.dataset


# -- penalties beyond a prison term ---------------------------------------------------------------


def test_suspended_sentence_and_fine_keep_term_amount_and_currency(build_text):
    r = build_text(
        "On 3 May 2021 the Orsk District Court sentenced Timur Vasin to a three-year suspended sentence and a fine of 100,000 rubles."
    )
    ev = _one(r, "Sentencing")
    assert (ev["penalty"], ev["sentenceTerm"]) == (["fine", "suspendedSentence"], ["P3Y"])
    rows = {
        (str(a), str(c))
        for a, c in r.dataset.query(_PREFIXES + "SELECT ?a ?c WHERE { ?s wh:fineAmount ?a ; wh:fineCurrency ?c }")
    }
    assert rows == {("100000.0", "rubles")}  # canonical xsd:decimal, as Turtle writes it back


def test_death_life_and_travel_ban_are_penalties(build_text):
    r = build_text(
        "On 10 July 2023 the Orsk District Court sentenced Timur Vasin to death.\n\n"
        "On 11 July 2023 the same court sentenced Olga Lobova to life in prison.\n\n"
        "On 12 July 2023 it sentenced Irina Petrenko to 11 years in prison, followed by an 11-year travel ban."
    )
    got = {ev["subject"][0]: (ev.get("penalty"), ev.get("sentenceTerm")) for ev in _events(r, "Sentencing")}
    assert got == {
        "Timur Vasin": (["deathPenalty"], None),
        "Olga Lobova": (["lifeImprisonment"], None),
        "Irina Petrenko": (["travelBan"], ["P11Y"]),
    }


def test_penalties_query_answers_who_got_which_penalty(build_text):
    from pathlib import Path

    query = (Path(__file__).parent.parent / "ontology" / "queries" / "penalties.rq").read_text()
    r = build_text("On 10 July 2023 the Orsk District Court sentenced Timur Vasin to death.")
    rows = [(str(row.person), str(row.penalty).rsplit("#", 1)[-1], str(row.court)) for row in r.dataset.query(query)]
    assert rows == [("Timur Vasin", "deathPenalty", "Orsk District Court")]


def test_the_death_of_a_victim_is_no_death_penalty(build_text):
    r = build_text(
        "On 3 May 2021 the Orsk District Court sentenced Timur Vasin to 12 years in prison for the death of a guard."
    )
    ev = _one(r, "Sentencing")
    assert "penalty" not in ev and ev["sentenceTerm"] == ["P12Y"]


# -- which court decides: the court of the clause, "before the X Court", a framing ruling ----------


def test_a_trial_that_opened_before_a_court_is_before_that_court(build_text):
    r = build_text(
        "Lev Arkin was arrested in May 2019. His trial opened behind closed doors on 2 June 2020 before the "
        "Orsk City Court.\n\n"
        "The EU is following closely the trial of Ivo Marek, the former editor of the Harbour Post, which "
        "opened before the Tomsk District Court on 3 January 2024."
    )
    got = sorted((ev["subject"][0], ev["court"][0]) for ev in _events(r, "Trial"))
    assert got == [("Ivo Marek", "Tomsk District Court"), ("Lev Arkin", "Orsk City Court")]


def test_trial_before_a_court_and_a_court_that_charged(build_text):
    r = build_text(
        "The trial of Timur Vasin before the Orsk Regional Court began on 4 April 2019. "
        "Lev Arkin was brought before the Tomsk Military Court, which charged him with treason."
    )
    assert _one(r, "Trial")["court"] == ["Orsk Regional Court"]
    ev = _one(r, "Lawsuit")
    assert (ev["subject"], ev["court"]) == (["Lev Arkin"], ["Tomsk Military Court"])


def test_a_trial_framing_a_sentence_takes_the_sentencing_court(build_text):
    r = build_text(
        "On 2 June 2019, after a trial held behind closed doors, the Orsk Regional Court sentenced "
        "Timur Vasin to six years in prison."
    )
    ev = _one(r, "Trial")
    assert (ev["subject"], ev["court"]) == (["Timur Vasin"], ["Orsk Regional Court"])


def test_a_court_of_appeal_is_not_the_court_whose_name_it_extends(build_text):
    r = build_text(
        "On 2 March 2020 the Zarvan Criminal Court sentenced the blogger Tomas Velinko to five years in prison.\n\n"
        "On 9 June 2020 the Zarvan Criminal Court of Appeal upheld the sentence."
    )
    assert _one(r, "Sentencing")["court"] == ["Zarvan Criminal Court"]
    assert _one(r, "CourtDecision")["court"] == ["Zarvan Criminal Court of Appeal"]


def test_a_court_named_by_its_acronym_decides_as_a_court(build_text):
    r = build_text(
        "The Zarvan Security Court (ZSC) was set up in 2015 to try terrorism cases.\n\n"
        "On 10 July 2021, the ZSC sentenced the teacher Ivo Marek to death over his posts."
    )
    ev = _one(r, "Sentencing")
    assert (ev["court"], ev.get("agent")) == (["Zarvan Security Court"], None)


def test_a_court_of_a_numbered_branch_and_the_same_court_later(build_text):
    r = build_text(
        "On 30 September 2023 Branch 15 of the Orvan Revolutionary Court convicted the journalist Kaveh Tamiz "
        "of espionage.\n\nHis lawyer said he would appeal.\n\nHis wife said he was innocent.\n\n"
        "Tamiz's colleague Arash Delavar, who was arrested with him, received a two-year sentence from the "
        "same court in October."
    )
    got = {ev["subject"][0]: ev["court"] for ev in _events(r, "Sentencing")}
    assert got == {
        "Kaveh Tamiz": ["Branch 15 of the Orvan Revolutionary Court"],
        "Arash Delavar": ["Branch 15 of the Orvan Revolutionary Court"],
    }


def test_the_district_court_is_the_court_so_named_however_far_back(build_text):
    r = build_text(
        "On 10 October 2022 the Orvan District Court of Dallo convicted the editor Ivo Marek of extremism.\n\n"
        "The Dallo City Court upheld the sentence in February.\n\nHis lawyer said he would appeal.\n\n"
        "His wife said he was innocent.\n\nHis colleague Arash Delavar received a two-year sentence from "
        "the district court in October."
    )
    ev = next(ev for ev in _events(r, "Sentencing") if ev["subject"] == ["Arash Delavar"])
    assert ev["court"] == ["Orvan District Court of Dallo"]


def test_a_sentence_given_or_received_and_a_co_defendants_court_and_day(build_text):
    r = build_text(
        "On 3 May 2021 the Orvan District Court sentenced the activist Lena Varga to five years in prison. "
        "Her colleague Pavel Rusk received a three-year suspended sentence.\n\n"
        "In June 2022 the Dallo City Court gave the blogger Ivo Marek a four-year sentence."
    )
    got = [(ev["subject"][0], ev["court"][0], ev["date"][0], ev["sentenceTerm"][0]) for ev in _events(r, "Sentencing")]
    assert got == [
        ("Ivo Marek", "Dallo City Court", "2022-06", "P4Y"),
        ("Lena Varga", "Orvan District Court", "2021-05-03", "P5Y"),
        ("Pavel Rusk", "Orvan District Court", "2021-05-03", "P3Y"),
    ]


# -- one sentence, several people, their own terms -------------------------------------------------


def test_people_after_a_second_to_phrase_take_its_term(build_text):
    r = build_text(
        "On 2 June 2019 the Orsk Regional Court sentenced Ms Vasina to six years in a penal colony and "
        "Mr Arkin and Ms Belova to four years each on charges of ‘hooliganism’."
    )
    got = [(ev["subject"], ev["sentenceTerm"], ev["court"], ev["charge"]) for ev in _events(r, "Sentencing")]
    assert sorted(got) == sorted(
        [
            (["Vasina"], ["P6Y"], ["Orsk Regional Court"], ["hooliganism"]),
            (["Arkin"], ["P4Y"], ["Orsk Regional Court"], ["hooliganism"]),
            (["Belova"], ["P4Y"], ["Orsk Regional Court"], ["hooliganism"]),
        ]
    )


def test_respectively_gives_each_person_their_term_and_the_trial_all_of_them(build_text):
    r = build_text(
        "After a trial held on 14 May 2020, the Orsk City Court sentenced Lev Tomin, Ivan Pelko and "
        "Oleg Sidin to nine, eight and six years’ imprisonment respectively."
    )
    got = sorted((ev["subject"][0], ev["sentenceTerm"][0]) for ev in _events(r, "Sentencing"))
    assert got == [("Ivan Pelko", "P8Y"), ("Lev Tomin", "P9Y"), ("Oleg Sidin", "P6Y")]
    assert sorted(ev["subject"][0] for ev in _events(r, "Trial")) == ["Ivan Pelko", "Lev Tomin", "Oleg Sidin"]


@pytest.mark.parametrize(
    ("text", "got"),
    [
        # the group's noun before the names: the numbers go to the names
        (
            "On 3 May 2024, the Minsk City Court sentenced the three journalists, Halvard Brenik, Orsolya "
            "Quillon and Ysolde Brenik, to nine, eight and seven years respectively on charges of extremism.",
            [("Halvard Brenik", "P9Y"), ("Orsolya Quillon", "P8Y"), ("Ysolde Brenik", "P7Y")],
        ),
        # "respectively" hung on the term's noun
        (
            "The court sentenced Perrin Vessa and Tamsin Vessa to 12 and 10 years respectively.",
            [("Perrin Vessa", "P12Y"), ("Tamsin Vessa", "P10Y")],
        ),
        # the terms in an "of" phrase of the sentence's noun
        (
            "Two activists, Halvard Brenik and Orsolya Quillon, received prison terms of six and four years "
            "respectively.",
            [("Halvard Brenik", "P6Y"), ("Orsolya Quillon", "P4Y")],
        ),
    ],
)
def test_respectively_reads_past_a_group_noun_and_wherever_the_parser_hangs_it(build_text, text, got):
    r = build_text(text)
    assert sorted((ev["subject"][0], ev["sentenceTerm"][0]) for ev in _events(r, "Sentencing")) == got


def test_a_sentence_handed_by_a_court_is_that_courts(build_text):
    r = build_text("Halvard Brenik was handed a five-year sentence by the Minsk Regional Court.")
    assert [(ev["subject"], ev["court"], ev["sentenceTerm"]) for ev in _events(r, "Sentencing")] == [
        (["Halvard Brenik"], ["Minsk Regional Court"], ["P5Y"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        # semicolons the parser takes for sentence ends; honorifics; "each"
        "On 3 May 2021 the Orsk City Court sentenced Mr Tomin to five years’ imprisonment; Ms Pelko and "
        "Mr Sidin to four years’ imprisonment each; and Ms Vessa to 18 months’ imprisonment.",
        # gapped: no verb and no "to" after the first term; a descriptor before a name
        "On 3 May 2021 the Orsk City Court sentenced Lev Tomin to five years. Ivan Pelko and Oleg Sidin "
        "received four years each, and the cameraman Tamsin Vessa a year and a half.",
    ],
)
def test_a_list_of_people_and_terms_gives_each_their_own_term(build_text, text):
    r = build_text(text)
    got = sorted((ev["subject"][0].split()[-1], ev["sentenceTerm"][0]) for ev in _events(r, "Sentencing"))
    assert got == [("Pelko", "P4Y"), ("Sidin", "P4Y"), ("Tomin", "P5Y"), ("Vessa", "P1Y6M")]


def test_terms_told_together_without_saying_whose_are_no_ones(build_text):
    r = build_text("Lev Tomin and Ivan Pelko were sentenced to 12 and 15 years in prison by the Orsk City Court.")
    assert sorted((ev["subject"][0], ev.get("sentenceTerm")) for ev in _events(r, "Sentencing")) == [
        ("Ivan Pelko", None),
        ("Lev Tomin", None),
    ]


def test_a_bare_number_after_a_term_takes_its_unit(build_text):
    r = build_text("The Orsk City Court sentenced Lev Tomin to ten years, Ivan Pelko to eight and Oleg Sidin to five.")
    got = sorted((ev["subject"][0], ev["sentenceTerm"][0]) for ev in _events(r, "Sentencing"))
    assert got == [("Ivan Pelko", "P8Y"), ("Lev Tomin", "P10Y"), ("Oleg Sidin", "P5Y")]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The Orsk City Court sentenced Lev Tomin to ten years in prison and a five-year travel ban.", "P10Y"),
        ("The Orsk City Court sentenced Lev Tomin to 7 years and 6 months' imprisonment for extremism.", "P7Y6M"),
    ],
)
def test_a_ban_sentenced_beside_a_prison_term_adds_nothing_to_it(build_text, text, term):
    assert _one(build_text(text), "Sentencing")["sentenceTerm"] == [term]


def test_a_group_told_by_its_count_is_the_people_named_after_it_as_it_befell_them(build_text):
    r = build_text(
        "Orsk, 4 May 2021\n\nYesterday, the Orsk City Court sentenced four journalists of the newspaper Orsk "
        "Vestnik to prison terms of between five and seven years.\n\nLev Tomin and Ivan Pelko were each "
        "sentenced to seven years. Oleg Sidin and Tamsin Vessa received five years each. All four were "
        "convicted of “extremism”. The journalists were arrested in May 2020."
    )
    got = sorted(
        (ev["subject"][0], ev["court"][0], ev["date"][0], ev["sentenceTerm"][0], ev["charge"][0])
        for ev in _events(r, "Sentencing")
    )
    assert got == [
        ("Ivan Pelko", "Orsk City Court", "2021-05-03", "P7Y", "extremism"),
        ("Lev Tomin", "Orsk City Court", "2021-05-03", "P7Y", "extremism"),
        ("Oleg Sidin", "Orsk City Court", "2021-05-03", "P5Y", "extremism"),
        ("Tamsin Vessa", "Orsk City Court", "2021-05-03", "P5Y", "extremism"),
    ]
    arrested = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Arrest"))
    assert arrested == [(n, "2020-05") for n in ("Ivan Pelko", "Lev Tomin", "Oleg Sidin", "Tamsin Vessa")]


def test_a_group_by_its_count_points_back_to_people_whose_sentences_a_source_told(build_text):
    r = build_text(
        "The Orsk City Court sentenced Lev Tomin to nine years, Ivan Pelko to eight years and Oleg Sidin "
        "to seven years, defence lawyer Tamsin Vessa told reporters. The three were arrested in May 2020."
    )
    arrested = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Arrest"))
    assert arrested == [(n, "2020-05") for n in ("Ivan Pelko", "Lev Tomin", "Oleg Sidin")]


def test_an_appeal_rejected_and_the_sentence_upheld_by_one_court_are_one_decision(build_text):
    r = build_text(
        "The Orsk City Court sentenced Lev Tomin to five years on 2 May 2019. On 4 October 2019 the Tomsk "
        "Regional Court rejected his appeal and upheld his sentence."
    )
    ev = _one(r, "CourtDecision")
    assert (ev["court"], ev["date"], ev["outcome"]) == (["Tomsk Regional Court"], ["2019-10-04"], ["upheld"])


def test_jailed_pending_trial_by_a_judgeship_of_peace_is_a_detention_it_ordered(build_text):
    r = build_text(
        "On 14 April 2025 the Orsk 3rd Criminal Judgeship of Peace ordered the reporter Lev Tomin jailed pending trial."
    )
    assert _events(r, "Sentencing") == []
    ev = _one(r, "Detention")
    assert (ev["subject"], ev["court"], ev["date"]) == (
        ["Lev Tomin"],
        ["Orsk 3rd Criminal Judgeship of Peace"],
        ["2025-04-14"],
    )


def test_the_court_an_appeal_went_to_and_the_court_whose_decision_it_is(build_text):
    r = build_text(
        "Lev Tomin was sentenced to five years on 2 May 2019. His appeal to the Tomsk Military Court was "
        "rejected on 4 October 2019. The EU regrets the decision of the Supreme Court of Ruritania of "
        "26 November 2020 to reject the cassation appeal of the blogger Lev Tomin. Ms Pelko's conviction "
        "was upheld on appeal by the Orsk Regional Court on 30 March 2022."
    )
    got = sorted((ev["subject"][0], ev["court"][0], ev["date"][0]) for ev in _events(r, "CourtDecision"))
    assert got == [
        ("Lev Tomin", "Supreme Court of Ruritania", "2020-11-26"),
        ("Lev Tomin", "Tomsk Military Court", "2019-10-04"),
        ("Pelko", "Orsk Regional Court", "2022-03-30"),
    ]


def test_officers_of_a_body_who_searched_and_arrested_are_that_body_arresting(build_text):
    r = build_text(
        "On 3 May 2019, officers of the State Security Service searched the offices of the newspaper "
        "Orsk Vestnik in Orsk and arrested its editor, Timur Vasin."
    )
    ev = _one(r, "Arrest")
    assert (ev["subject"], ev["agent"], ev["date"]) == (["Timur Vasin"], ["State Security Service"], ["2019-05-03"])


def test_places_of_a_coordinated_search_and_of_an_arrival(build_text):
    r = build_text(
        "On 3 May 2019, officers of the State Security Service searched the offices of the newspaper "
        "Orsk Vestnik in Tomsk and arrested its editor, Timur Vasin. Lev Pelko was arrested on his "
        "arrival in Omsk on 5 June 2019."
    )
    got = sorted((ev["subject"][0], ev["place"][0]) for ev in _events(r, "Arrest"))
    assert got == [("Lev Pelko", "Omsk"), ("Timur Vasin", "Tomsk")]


def test_places_hung_on_the_agent_on_a_raid_and_on_a_city_the_model_did_not_label(build_text):
    r = build_text(
        "On 4 May 2023 Perrin Vessa was arrested by officers of the State Security Service at Orsk "
        "International Airport on his return from Tbilisi. Halvard Brenik was arrested by members of the "
        "Lumerian Police Force in Gomel on 12 June 2023. Police detained the reporters Tamsin Vessa and "
        "Ysolde Brenik in dawn raids on their homes in Istanbul on 5 November 2024. The National Police "
        "arrested Orsolya Quillon, a member of the ACN, in Matagalpa on 7 March 2023."
    )
    got = sorted((ev["subject"][0], ev.get("place", [None])[0]) for ev in _events(r, "Arrest"))
    assert got == [
        ("Halvard Brenik", "Gomel"),
        ("Orsolya Quillon", "Matagalpa"),
        ("Perrin Vessa", "Orsk International Airport"),
        ("Tamsin Vessa", "Istanbul"),
        ("Ysolde Brenik", "Istanbul"),
    ]


# -- charges as worded ------------------------------------------------------------------------------


def test_quoted_charges_after_the_term_and_after_an_accusation(build_text):
    r = build_text(
        'On 3 September 2024, the Orsk Military Court sentenced Lev Tomin to 30 years in prison for "treason" '
        'and "rebellion". In August 2024, the Media Commission suspended the registration of the newspaper Orsk Vestnik '
        'for three months, accusing the paper of "unethical reporting".'
    )
    ev = _one(r, "Sentencing")
    assert (ev["subject"], ev["sentenceTerm"], ev["charge"]) == (["Lev Tomin"], ["P30Y"], ["rebellion", "treason"])
    assert _one(r, "Ban")["charge"] == ["unethical reporting"]


def test_a_quoted_charge_ends_at_its_closing_quote(build_text):
    """What follows the quote ("over posts calling for …") is no part of the charge, however the parser
    hung the opening quote; two quoted charges stay two."""
    r = build_text(
        "On 11 July 2023 the Orsk District Court sentenced Lev Tomin to five years in prison for ‘public calls "
        "for mass riots’ over videos criticising rising food prices. On 6 March 2024 the Orsk City Court "
        "sentenced Ana Vell to 15 years in prison for “undermining national integrity” and “spreading false "
        "news through information technologies”, after a trial held behind closed doors."
    )
    got = sorted((ev["subject"][0], *ev["charge"]) for ev in _events(r, "Sentencing"))
    assert got == [
        ("Ana Vell", "spreading false news through information technologies", "undermining national integrity"),
        ("Lev Tomin", "public calls for mass riots"),
    ]


def test_the_subject_of_a_clause_coordinated_with_a_passive_release_is_who_is_released(build_text):
    """ "X spent two years in prison and was released": X is released, by no one the text names; a court
    that convicted is still the court of the sentence coordinated with it."""
    r = build_text(
        "The blogger Lev Tomin spent two years in prison and was released in October 2022. The Orsk City Court "
        "convicted Ana Vell on 3 May 2023 and she was sentenced to five years in prison."
    )
    release = _one(r, "Release")
    assert (release["subject"], release.get("agent", [])) == (["Lev Tomin"], [])
    assert _one(r, "Sentencing")["court"] == ["Orsk City Court"]


def test_a_sentence_served_handed_down_against_and_a_release_dated_before_its_of(build_text):
    r = build_text(
        "The EU notes the release on 18 January 2024 of the journalist Ivo Marek, after he had served a sentence "
        "of 22 months. The experts expressed alarm at the death sentence handed down in March 2024 by a military "
        "tribunal against Lev Tomin, a former student leader."
    )
    assert _one(r, "Release")["subject"] == ["Ivo Marek"]
    assert sorted(ev["subject"][0] for ev in _events(r, "Sentencing")) == ["Ivo Marek", "Lev Tomin"]


def test_a_sentencing_nouns_term_court_and_date_hung_on_the_word_above_it(build_text):
    """The parser hangs "to ten years …" on "concerned", "by the court" and "on 12 February" on "years";
    a term after "commuted" is the new one, not the sentence's."""
    r = build_text(
        "Norway is deeply concerned by the sentencing of the human rights lawyer Mira Kovanko to ten years in prison by "
        "the Velgrad City Court on 12 February 2024. The Supreme Court commuted the death sentence of Lev Tomin to "
        "life imprisonment in 2020."
    )
    got = {ev["subject"][0]: ev for ev in _events(r, "Sentencing")}
    kovanko = got["Mira Kovanko"]
    assert (kovanko["sentenceTerm"], kovanko["court"], kovanko["date"]) == (
        ["P10Y"],
        ["Velgrad City Court"],
        ["2024-02-12"],
    )
    assert "sentenceTerm" not in got["Lev Tomin"]


def test_ensuring_that_a_person_is_released_is_asked_for_not_told(build_text):
    """ "ensure that X is released": a demand, no release that happened; "the ruling ensured that X was
    released" tells one."""
    r = build_text(
        "The Free Voices Centre called on the authorities to ensure that Ana Vell is released immediately and "
        "unconditionally. The ruling of 3 May 2023 ensured that Ivo Lind was released on 5 May 2023."
    )
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], demand["agent"]) == (["Ana Vell"], ["Free Voices Centre"])
    assert [ev["subject"] for ev in _events(r, "Release")] == [["Ivo Lind"]]


def test_taken_away_and_released_in_a_gerund_after_the_clause(build_text):
    """ "X was taken away … and questioned … before being released": X is arrested and released."""
    r = build_text(
        "Orsk, 8 Feb 2024\n\nLind's wife, Ana Vell, a senior editor at the daily Orsk Vestnik, was taken away "
        "with him and questioned for nine hours about her husband's meetings before being released without charge "
        "on 6 February 2024."
    )
    assert _one(r, "Arrest")["subject"] == ["Ana Vell"]
    release = _one(r, "Release")
    assert (release["subject"], release["date"]) == (["Ana Vell"], ["2024-02-06"])


def test_a_call_the_parser_hung_as_a_clause_on_its_caller(build_text):
    """ "The X Network, a coalition of …, on Monday called for …": the network calls (no relative pronoun)."""
    r = build_text(
        "Orsk, 10 June 2024\n\nThe Orsk Civic Rights Network, a coalition of human rights groups, on Monday "
        "called for the immediate release of Ivo Lind."
    )
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], demand["agent"]) == (["Ivo Lind"], ["Orsk Civic Rights Network"])


def test_the_name_closed_by_a_comma_before_a_speaking_verb_without_subject_speaks(build_text):
    """ "On 13 May the Minister of X, Y, told reporters …" (the minister parsed as "On"'s object)."""
    r = build_text(
        "Orsk, 20 May 2024\n\nOn 13 May 2024 the Minister of Land Management, Lim Dara, told reporters that "
        "the protest had been organised by troublemakers."
    )
    said = _one(r, "Statement")
    assert (said["subject"], said["date"]) == (["Lim Dara"], ["2024-05-13"])


def test_the_city_of_a_court_is_not_who_sentences(nlp):
    doc = nlp("A Kraków court sentenced the blogger Ivo Marek to five years on 3 May.")
    (ev,) = doc._.events
    assert ([doc[a:b].text for a, b in ev["subject"]], ev["agent"], ev["court"]) == (["Ivo Marek"], [], [])


def test_a_revoked_licence_or_suspended_registration_is_a_ban_of_its_holder(build_text):
    r = build_text(
        "On 3 March 2023 the Telecommunications Institute revoked the broadcasting licence of Radio Orsk, "
        "a community station. In August 2024, the Media Commission suspended the registration of the "
        "newspaper Orsk Vestnik for three months."
    )
    got = sorted((ev["subject"][0], ev["agent"][0], ev["date"][0]) for ev in _events(r, "Ban"))
    assert got == [
        ("Orsk Vestnik", "Media Commission", "2024-08"),
        ("Radio Orsk", "Telecommunications Institute", "2023-03-03"),
    ]


def test_held_for_months_in_a_prison_remained_in_and_a_shared_passive_subject(build_text):
    r = build_text(
        "Lev Tomin had been arrested in Orsk in June 2022 and held for months in solitary confinement in "
        "Orsk Central Prison. The economist Ivan Pelko remained in Tomsk Central Prison throughout the year."
    )
    got = sorted((ev["subject"][0], ev["place"][0]) for ev in _events(r, "Detention"))
    assert got == [("Ivan Pelko", "Tomsk Central Prison"), ("Lev Tomin", "Orsk Central Prison")]


def test_documents_adopted_submitted_or_sent_are_dated_statements_of_their_author(build_text):
    r = build_text(
        "A. whereas on 19 October 2023 the European Parliament adopted an urgency resolution on Lev Tomin;\n\n"
        "B. whereas the Council of Europe Commissioner for Human Rights, who submitted written observations "
        "on 4 May 2020, intervened in the case;"
    )
    got = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Statement"))
    assert got == [
        ("Council of Europe Commissioner for Human Rights", "2020-05-04"),
        ("European Parliament", "2023-10-19"),
    ]


def test_the_date_of_a_decision_noun_is_the_decisions_not_the_statements(build_text):
    r = build_text(
        "TOMSK (10 December 2020) – On Human Rights Day, the European Union reiterates its concern at the "
        "decision of the Supreme Court of Ruritania of 26 November 2020 to reject the cassation appeal of "
        "the blogger Lev Tomin."
    )
    ev = _one(r, "CourtDecision")
    assert (ev["subject"], ev["court"], ev["date"]) == (["Lev Tomin"], ["Supreme Court of Ruritania"], ["2020-11-26"])
    assert "2020-11-26" not in [d for st in _events(r, "Statement") for d in st.get("date", [])]


# -- who acts: through others' orders, in the document they issue ----------------------------------


def test_on_the_orders_of_a_ministry_and_a_resolution_calling_for_release(build_text):
    r = build_text(
        "The website Orsk Vestnik has been blocked since 25 January 2022 on the orders of the Ministry of "
        "Culture.\n\n• 19 October 2023 – The European Parliament adopts a resolution calling for the "
        "immediate release of Lev Tomin."
    )
    assert _one(r, "Ban")["agent"] == ["Ministry of Culture"]
    ev = _one(r, "ReleaseDemand")
    assert (ev["subject"], ev["agent"]) == (["Lev Tomin"], ["European Parliament"])


def test_a_conviction_on_charges_is_the_sentencing_it_merges_with(build_text):
    r = build_text(
        "On 2 May 2019 the Orsk Regional Court sentenced Lev Tomin to six years in prison. The Orsk Regional "
        'Court convicted Lev Tomin of "propaganda against the state" and "treason".'
    )
    ev = _one(r, "Sentencing")
    assert (ev["subject"], ev["sentenceTerm"], ev["court"], ev["charge"]) == (
        ["Lev Tomin"],
        ["P6Y"],
        ["Orsk Regional Court"],
        ["propaganda against the state", "treason"],
    )


def test_listed_resolutions_past_a_topic_and_blocked_access_to_a_site(build_text):
    r = build_text(
        "European Parliament resolution of 24 October 2019 on Ruritania\n\nThe European Parliament,\n\n"
        "– having regard to its previous resolutions on Ruritania, in particular those of 10 March 2016 on "
        "Ruritania, of 8 February 2018 on executions in Ruritania and of 13 December 2018 on Ruritania,\n\n"
        "A. whereas on 15 July 2019 the Media Council blocked access to Orsk Vestnik for ‘publishing false news’;"
    )
    dates = sorted(d for ev in _events(r, "Statement") for d in ev.get("date", []))
    assert dates == ["2016-03-10", "2018-02-08", "2018-12-13"]
    ev = _one(r, "Ban")
    assert (ev["subject"], ev["agent"], ev["charge"]) == (
        ["Orsk Vestnik"],
        ["Media Council"],
        ["publishing false news"],
    )


def test_a_sentence_told_by_its_year_and_by_its_day_is_one_event_with_the_day(build_text):
    r = build_text(
        "Lev Tomin was arrested in 2015 and sentenced in 2016 to 28 years in prison.\n\n"
        "On 6 October 2016, the Orsk Regional Court sentenced Lev Tomin to 28 years in prison."
    )
    ev = _one(r, "Sentencing")
    assert (ev["date"], ev["sentenceTerm"], ev["court"]) == (["2016-10-06"], ["P28Y"], ["Orsk Regional Court"])


def test_calls_for_one_release_by_two_callers_are_two_demands(build_text):
    r = build_text(
        "On 19 June 2020 the OSCE Representative on Freedom of the Media called for the release of Lev Tomin.\n\n"
        "The European Union calls on the Ruritanian authorities to release Mr Tomin immediately."
    )
    got = sorted(ev["agent"][0] for ev in _events(r, "ReleaseDemand"))
    assert got == ["European Union", "OSCE Representative on Freedom of the Media"]


def test_a_second_charge_after_its_own_legal_basis(build_text):
    r = build_text(
        'On 11 December 2023, prosecutors charged Lev Tomin with "outrage against the constitutional order" '
        'under Article 257 of the Criminal Code and with "rendering support to a terrorist organization" under '
        "the Terrorism Proclamation."
    )
    ev = _one(r, "Lawsuit")
    assert (ev["subject"], ev["charge"], ev["legalBasis"]) == (
        ["Lev Tomin"],
        ["outrage against the constitutional order", "rendering support to a terrorist organization"],
        ["Article 257 of the Criminal Code"],
    )


# -- places of detention named by number, hunger strikes --------------------------------------------


def test_a_detention_place_named_by_number_is_where_the_person_is_held(build_text):
    r = build_text(
        "CHRONOLOGY\n\n• 5 May 2019 – Timur Vasin is taken to Remand Centre No. 2 in Orsk.\n"
        "• April 2020 – Vasin is transferred to Penal Colony No. 9.\n\n"
        "Vasin is serving his sentence in Penal Colony No. 9."
    )
    got = [(ev["subject"], ev.get("place"), ev.get("date")) for ev in _events(r, "Detention")]
    assert got == [
        (["Timur Vasin"], ["Remand Centre No. 2"], ["2019-05-05"]),
        (["Timur Vasin"], ["Penal Colony No. 9"], ["2020-04"]),  # the serving one is the same detention
    ]


def test_a_transfer_the_following_month_takes_that_month(build_text):
    r = build_text(
        "The Orsk City Court upheld the sentence on 14 March 2021, and Timur Vasin was transferred to "
        "Penal Colony No. 9 the following month."
    )
    assert _one(r, "Detention")["date"] == ["2021-04"]


def test_a_chronology_item_does_not_date_what_a_clause_within_it_tells_of(build_text):
    r = build_text(
        "CHRONOLOGY\n\n• 3 March 2019 – Police arrest Timur Vasin in Orsk.\n"
        "• June 2021 – The Working Group publishes an opinion finding his detention arbitrary."
    )
    assert all(ev.get("date") != ["2021-06"] for ev in _events(r, "Detention"))


def test_hunger_strikes_are_the_strikers_dated_by_the_verb_that_begins_them(build_text):
    r = build_text(
        "A. whereas in May 2019 Mr Lev Tomin went on a 12-day hunger strike in protest against the "
        "refusal of visits;\n\nB. whereas on 2 June 2020 Anna Rusova began a hunger strike;"
    )
    got = [(ev["subject"], ev.get("date")) for ev in _events(r, "HungerStrike")]
    assert got == [(["Anna Rusova"], ["2020-06-02"]), (["Lev Tomin"], ["2019-05"])]


def test_a_hunger_strike_told_in_a_relative_clause(build_text):
    r = build_text(
        "ORSK, Feb 14 (Wire) – The blogger Timur Vasin, arrested on Jan. 5, 2023, was sentenced on Tuesday to "
        "six years in prison.\n\nHis wife said he had not recovered from a hunger strike he staged last August."
    )
    assert _one(r, "HungerStrike") == {"subject": ["Timur Vasin"], "date": ["2022-08"]}


# -- "the trial": the case the text tells of ------------------------------------------------------


def test_the_trial_of_a_chronology_is_the_trial_of_the_person_charged_before(build_text):
    r = build_text(
        'CHRONOLOGY\n\n• 4 March 2019 – The Orsk City Prosecutor\'s Office charges Timur Vasin with "extremism".\n'
        "• June 6, 2019 – The trial opens behind closed doors at the Orsk District Court."
    )
    assert [(ev["subject"], ev.get("date")) for ev in _events(r, "Trial")] == [(["Timur Vasin"], ["2019-06-06"])]


def test_the_trial_passes_over_a_relative_held_before_it(build_text):
    r = build_text(
        "The blogger Timur Vasin was detained in Marseille on 12 March 2020.\n\n"
        "His wife, Ms Irina Vasina, was taken in for questioning on 14 March 2020. She was held at the police "
        "station overnight.\n\nThe trial opened before the Marseille City Court on 2 June 2020."
    )
    assert [ev["subject"] for ev in _events(r, "Trial")] == [["Timur Vasin"]]


def test_the_closure_names_no_one_of_its_own(build_text):
    r = build_text(
        "Police arrested the editor Timur Vasin on 3 May 2019.\n\nHis colleague said the closure was a warning."
    )
    assert _events(r, "Ban") == []


def test_who_thanked_and_said_is_who_speaks(build_text):
    r = build_text(
        "ORSK, Sept 3 (Wire) – At a press conference in Orsk on 2 September 2025, the 44-year-old blogger "
        "Timur Vasin thanked his supporters and said he would return to work."
    )
    assert _one(r, "Statement") == {"subject": ["Timur Vasin"], "date": ["2025-09-02"]}


def test_a_place_based_caller_demands_and_its_demand_takes_the_clause_date(build_text):
    """ "The Oslo-based X called Tuesday's ruling … and demanded Y's release": "-based" is no verb."""
    r = build_text(
        "ORSK, March 7 (Wire) – A court on Tuesday upheld the sentence of the blogger Timur Vasin, arrested on "
        'Jan. 5, 2023.\n\nThe Oslo-based Free Voices Network called Tuesday\'s ruling "a disgrace" and demanded '
        "the blogger's release."
    )
    ev = _one(r, "ReleaseDemand")
    assert (ev["subject"], ev["agent"], ev["date"]) == (["Timur Vasin"], ["Free Voices Network"], ["2023-03-07"])


def test_who_brought_the_case_prosecutes_the_person_the_story_is_about(build_text):
    r = build_text(
        "ORSK, March 7 (Wire) – A court on Tuesday upheld the sentence of the blogger Timur Vasin, arrested on "
        "Jan. 5, 2023, and convicted in October.\n\nHis co-accused, Lev Tomin, received a suspended sentence "
        "and was freed.\n\nThe Orsk City Prosecutor's Office, which brought the case, said the blogger had "
        "insulted officials."
    )
    assert [(ev["subject"], ev.get("agent")) for ev in _events(r, "Lawsuit")] == [
        (["Timur Vasin"], ["Orsk City Prosecutor's Office"])
    ]


def test_charges_brought_against_a_person_are_a_lawsuit_by_who_brought_them(build_text):
    r = build_text("On 4 May 2019, the Orsk City Prosecutor's Office brought charges against the blogger Timur Vasin.")
    ev = _one(r, "Lawsuit")
    assert (ev["subject"], ev["agent"], ev["date"]) == (
        ["Timur Vasin"],
        ["Orsk City Prosecutor's Office"],
        ["2019-05-04"],
    )


def test_the_trial_after_a_heading_is_of_the_person_of_that_section(build_text):
    r = build_text(
        "I. Orsk\n\nPolice arrested the blogger Timur Vasin on 3 May 2019. He was charged on 5 May 2019 and held "
        "in pre-trial detention.\n\nII. Marseille\n\nPolice arrested the reporter Lev Tomin on 8 June 2020.\n\n"
        "The trial dragged on for months."
    )
    assert [ev["subject"] for ev in _events(r, "Trial")] == [["Lev Tomin"]]


# -- bans of outlets, parties and organisations ---------------------------------------------------------


def test_what_a_ban_stops_belongs_to_the_one_banned(build_text):
    r = build_text(
        "On 4 May 2021 the Press Council blocked the website of the independent news outlet Orsk Vestnik for "
        "six months. The website of Radio Tamsk was blocked by the Press Council on 9 June 2021. On 2 July 2021 "
        "the Media Authority blocked access to the website of the news portal Nova Zorya. On 3 August 2021 the Ministry of "
        "Justice suspended the activities of the rights group Tamsk Watch for six months. On 9 August 2021 the Media "
        "Authority blocked access in Moldova to the news website Korvel Azi Online."
    )
    got = sorted((ev["subject"][0], ev["agent"][0], ev["date"][0]) for ev in _events(r, "Ban"))
    assert got == [
        ("Korvel Azi Online", "Media Authority", "2021-08-09"),
        ("Nova Zorya", "Media Authority", "2021-07-02"),
        ("Orsk Vestnik", "Press Council", "2021-05-04"),
        ("Radio Tamsk", "Press Council", "2021-06-09"),
        ("Tamsk Watch", "Ministry of Justice", "2021-08-03"),
    ]


def test_a_company_that_publishes_an_outlet_and_a_licence_an_outlet_had_revoked(build_text):
    r = build_text(
        "On 2 May 2023 the Tamsk District Court ordered the liquidation of the company that publishes the newspaper Orsk "
        "Vestnik. Radio Lumen had its broadcasting licence revoked by the Media Authority on 8 March 2021 and "
        "has since operated from exile."
    )
    got = sorted((ev["subject"][0], ev.get("court", ev.get("agent"))[0], ev["date"][0]) for ev in _events(r, "Ban"))
    assert got == [
        ("Orsk Vestnik", "Tamsk District Court", "2023-05-02"),
        ("Radio Lumen", "Media Authority", "2021-03-08"),
    ]


def test_a_dissolution_sought_is_a_lawsuit_and_a_person_barred_is_no_ban(build_text):
    r = build_text(
        "On 30 June 2022 the Ministry of Justice filed a lawsuit with the Supreme Court seeking the dissolution "
        "of the Green Dawn Party. The party's leader, Ivan Pelko, has since been prohibited from leaving the "
        "country. The Tamsk City Court also banned him from using the internet for three years. On 29 May "
        "2023, the Tamsk Economic Court fined Lev Tomin 20,000 roubles and imposed a five-year travel ban on him."
    )
    assert _events(r, "Ban") == []
    ev = _one(r, "Lawsuit")
    assert (ev["subject"], ev["agent"], ev["date"]) == (["Green Dawn Party"], ["Ministry of Justice"], ["2022-06-30"])


def test_a_suspended_sentence_is_no_ban(build_text):
    r = build_text(
        "On 12 May 2022 the Orsk Regional Court convicted Lev Tomin and Ivan Pelko of extremism and handed them "
        "suspended sentences of three and two years respectively."
    )
    assert _events(r, "Ban") == []


def test_the_suspension_extended_is_the_suspension_told_before(build_text):
    r = build_text(
        'On 15 September 2022, the Press Council suspended Radio Lumen\'s licence for six months for "bias". '
        "The suspension was extended indefinitely in February 2023."
    )
    got = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Ban"))
    assert got == [("Radio Lumen", "2022-09-15"), ("Radio Lumen", "2023-02")]


def test_a_group_banned_in_a_relative_clause(build_text):
    r = build_text(
        "The charges related to his work for the Orsk Civic Forum, an opposition group that the Supreme Court "
        "designated as extremist and banned on 5 October 2023."
    )
    ev = _one(r, "Ban")
    assert (ev["subject"], ev["court"], ev["date"]) == (["Orsk Civic Forum"], ["Supreme Court"], ["2023-10-05"])


def test_it_and_its_on_what_is_banned_are_the_organisation_named_before(build_text):
    r = build_text(
        "Tamsk Info, which reported extensively on corruption trials, has been inaccessible in Ruritania since "
        "Dec. 27, 2022, when the authorities blocked it without a court order.\n\n"
        "Mr Pelko was a correspondent for the weekly Orsk Vestnik. Orsk Vestnik itself has been unable to print "
        "since the Ministry of Culture withdrew its registration in 2022.",
        name="news-2099-test",
    )
    got = sorted((ev["subject"][0], ev.get("agent", ["-"])[0], ev["date"][0]) for ev in _events(r, "Ban"))
    assert got == [("Orsk Vestnik", "Ministry of Culture", "2022"), ("Tamsk Info", "-", "2022-12-27")]


# -- detentions dated from their start ------------------------------------------------------------------


def test_held_since_then_since_an_arrest_and_in_a_named_place(build_text):
    r = build_text(
        "Lev Tomin was arrested by soldiers in Orsk on 9 February 2024. He has been held since then in Tamsk "
        "Central Prison.\n\n"
        "Ivan Pelko was arrested on 3 October 2023 and is being held in SIZO-3 in Orsk.\n\n"
        "Human rights lawyer Nadia Belova spent most of the year in Orsk Central Prison, where she had been held "
        "since her arrest in November 2020.",
        name="news-2099-test",
    )
    got = sorted((ev["subject"][0], ev.get("date", ["-"])[0]) for ev in _events(r, "Detention"))
    assert got == [("Ivan Pelko", "2023-10-03"), ("Lev Tomin", "2024-02-09"), ("Nadia Belova", "2020-11")]


def test_house_arrest_is_a_detention_dated_by_the_transfer(build_text):
    r = build_text(
        "On 20 November 2023 the Ministry of Interior transferred the journalist Oleg Marinov from Tamsk prison "
        "to house arrest at his residence in Orsk.",
        name="news-2099-test",
    )
    assert _events(r, "Arrest") == []
    ev = _one(r, "Detention")
    assert (ev["subject"], ev["agent"], ev["place"], ev["date"]) == (
        ["Oleg Marinov"],
        ["Ministry of Interior"],
        ["Orsk"],
        ["2023-11-20"],
    )


def test_its_is_never_the_body_that_bans(build_text):
    r = build_text(
        "On 5 August 2024 the tax authority, Fiscor, closed the printing plant in Orsk; the Media Board blocked "
        "its website the same week.",
        name="news-2099-test",
    )
    assert [ev["subject"] for ev in _events(r, "Ban")] == []


def test_a_warrant_is_no_arrest_and_a_ruling_that_confirms_a_view_is_no_decision(build_text):
    r = build_text(
        "On 29 September 2023 the Orsk City Court sentenced Vera Lindova in absentia to eight years in prison "
        "and issued a warrant for her arrest. The prosecutor also sought an arrest warrant for Ivan Pelko.\n\n"
        'The group Orsk Rights Watch said the appeal ruling "confirms that independent journalism has become '
        'a crime".',
        name="news-2099-test",
    )
    assert _events(r, "Arrest") == []
    assert _events(r, "CourtDecision") == []


def test_named_sources_according_to_whom_and_who_said_in_a_statement(build_text):
    r = build_text(
        "Lev Tomin was arrested in September 2023 and has been held in Tamsk Central Prison since, according "
        "to the Committee of Families of Prisoners, which said in a statement on 13 November 2023 that his "
        "trial had lasted less than an hour. He was released on 5 June 2024, according to his former "
        "colleague on the council, Anna Kovac.",
        name="news-2099-test",
    )
    got = sorted((ev["subject"][0], ev.get("date", ["-"])[0]) for ev in _events(r, "Statement"))
    assert got == [("Anna Kovac", "-"), ("Committee of Families of Prisoners", "2023-11-13")]
    ev = _one(r, "Detention")
    assert (ev["place"], ev["date"]) == (["Tamsk Central Prison"], ["2023-09"])


def test_in_detention_since_remanded_and_held_until_its_end(build_text):
    r = build_text(
        "On 7 March 2017 the Orsk Criminal Judgeship of Peace ordered the pre-trial detention of Mr Ivan Pelko, "
        "who was placed in Tamsk Prison, and placed Ms Vera Lindova under house arrest. Mr Pelko remained in "
        "detention until 2 May 2019.\n\n"
        "Blogger Oleg Marinov has been in pre-trial detention since September 2020, first in Orsk Investigations "
        "Prison. Anna Kovac was remanded for two months on 4 May 2021.",
        name="news-2099-test",
    )
    got = sorted((ev["subject"][0], ev.get("place", ["-"])[0], ev["date"][0]) for ev in _events(r, "Detention"))
    assert got == [
        ("Anna Kovac", "-", "2021-05-04"),
        ("Ivan Pelko", "Tamsk Prison", "2017-03-07"),
        ("Oleg Marinov", "Orsk Investigations Prison", "2020-09"),
        ("Vera Lindova", "-", "2017-03-07"),
    ]


def test_taken_into_custody_is_an_arrest(build_text):
    r = build_text("Ivan Pelko was taken into police custody in Orsk on 3 March 2017.", name="news-2099-test")
    ev = _one(r, "Arrest")
    assert (ev["subject"], ev["date"]) == (["Ivan Pelko"], ["2017-03-03"])
    assert _events(r, "Detention") == []


# -- statements of bodies dated by the text -------------------------------------------------------------


def test_a_body_that_found_and_called_and_an_opinion_of_a_body(build_text):
    r = build_text(
        "Ruritania: lawyer jailed\n\n"
        "In 2022, the UN Working Group on Arbitrary Detention found that Lev Tomin had been detained for "
        "exercising his rights and called for his release.",
        name="news-2099-test",
    )
    ev = _one(r, "ReleaseDemand")
    assert (ev["subject"], ev["agent"], ev["date"]) == (
        ["Lev Tomin"],
        ["UN Working Group on Arbitrary Detention"],
        ["2022"],
    )
    ev = _one(r, "Statement")
    assert (ev["subject"], ev["date"]) == (["UN Working Group on Arbitrary Detention"], ["2022"])
    r = build_text(
        "European Parliament resolution of 15 September 2099 on Ruritania\n\nThe European Parliament,\n\n"
        "– having regard to Opinion No. 31/2098 of 18 May 2098 of the UN Working Group on Arbitrary Detention "
        "concerning Lev Tomin,"
    )
    dated = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Statement") if ev.get("date"))
    assert ("UN Working Group on Arbitrary Detention", "2098-05-18") in dated


def test_calls_coordinated_inside_what_is_recalled_are_not_the_recalled_ones(build_text):
    r = build_text(
        "Ruritania: lawyer jailed\n\n"
        "Norway recalls that Ruritania has committed itself to respecting the independence of lawyers, and calls "
        "on the Ruritanian authorities to guarantee these rights in practice.",
        name="news-2099-test",
    )
    assert "Ruritania" not in [s for ev in _events(r, "Statement") for s in ev.get("subject", [])]


# -- parties of a case named by their rank ("the first applicant") ----------------------------------


def test_a_party_introduced_by_its_rank_is_the_one_its_rank_names_later(build_text):
    r = build_text(
        "The applicants\n\n"
        "The first applicant, Marta Velkova-Dunn, is a journalist. The second applicant, Pavel Oster, is the "
        "director of the radio station Kestrel FM.\n\n"
        "Facts\n\n"
        "On 29 July 2022, police officers arrested the first applicant in Orsk. The second applicant was arrested "
        "on 23 September 2022. On 14 November 2022 the Orsk Court of First Instance sentenced him to one year in "
        "prison.",
        name="court-2099-test",
    )
    arrests = [(ev["subject"], ev["date"]) for ev in _events(r, "Arrest")]
    assert arrests == [(["Marta Velkova-Dunn"], ["2022-07-29"]), (["Pavel Oster"], ["2022-09-23"])]
    assert _one(r, "Sentencing")["subject"] == ["Pavel Oster"]


# -- bans told without a ban verb on the name ------------------------------------------------------


def test_bans_told_as_closures_losses_and_strikings_off(build_text):
    r = build_text(
        "The Oakleaf Courier was forced to cease publication on 24 June 2021. "
        "On 27 December 2022, security forces sealed the offices of the news website Vantor Online. "
        "The daily Kelso Times lost its licence on 19 March 2023. "
        "On 15 May 2023 the National Election Board struck the Dawn Party off the register of parties.",
        name="news-2099-test",
    )
    bans = [(ev["subject"], ev["date"]) for ev in _events(r, "Ban")]
    assert bans == [
        (["Dawn Party"], ["2023-05-15"]),
        (["Kelso Times"], ["2023-03-19"]),
        (["Oakleaf Courier"], ["2021-06-24"]),
        (["Vantor Online"], ["2022-12-27"]),
    ]


def test_a_ban_of_the_name_one_of_several_stands_beside(build_text):
    r = build_text(
        "Before that, she was a presenter at Radio Kelso, one of several private broadcasters that were shut "
        "down by the government in May 2015.",
        name="news-2099-test",
    )
    assert [(ev["subject"], ev["date"]) for ev in _events(r, "Ban")] == [(["Radio Kelso"], ["2015-05"])]


def test_an_organisation_shares_the_passive_subject_of_a_coordinated_ban(build_text):
    r = build_text(
        "The Zarvan National Congress was declared a terrorist entity under the Security Act and banned by the "
        "government in November 2008.",
        name="news-2099-test",
    )
    assert [(ev["subject"], ev["date"]) for ev in _events(r, "Ban")] == [(["Zarvan National Congress"], ["2008-11"])]


def test_an_acronym_used_again_names_the_banned_party_across_paragraphs(build_text):
    r = build_text(
        "He leads the Zarvan People's Party for Justice (ZPPJ), an opposition party.\n\n"
        "In December 2018 the Election Commission cancelled the ZPPJ's registration.",
        name="news-2099-test",
    )
    ban = _one(r, "Ban")
    assert (ban["subject"], ban["agent"], ban["date"]) == (
        ["Zarvan People's Party for Justice"],
        ["Election Commission"],
        ["2018-12"],
    )


def test_a_place_heading_a_title_with_a_colon_speaks_no_words(build_text):
    r = build_text(
        "Peru: UN expert alarmed by criminalisation of land defenders, urges release of Marta Kelso Dunn\n\n"
        "LIMA (21 May 2024) – A UN human rights expert today expressed alarm at the arrest of the land "
        "defender Marta Kelso Dunn.",
        name="news-2099-test",
    )
    assert all("Peru" not in ev.get("subject", []) for ev in _events(r, "Statement"))
    assert all("Peru" not in ev.get("agent", []) for ev in _events(r, "ReleaseDemand"))


def test_a_party_struck_off_the_list_of_parties_is_banned(build_text):
    r = build_text(
        "G. whereas on 15 May 2023 the National Election Board struck the Dawn Party off the list of registered "
        "political parties;",
        name="ep-2099-test",
    )
    ban = _one(r, "Ban")
    assert (ban["subject"], ban["date"]) == (["Dawn Party"], ["2023-05-15"])


def test_a_year_a_period_runs_from_does_not_date_the_next_day_and_month(build_text):
    r = build_text(
        "The rapporteur Tomas Kelsen visited Peru from 16 to 26 September 2023, the first such visit since 2016. "
        "In his end-of-mission statement on 26 September, he called for the release of Ivo Marek.",
        name="news-2099-test",
    )
    assert [ev["date"] for ev in _events(r, "ReleaseDemand")] == [["2023-09-26"]]


def test_an_undated_call_for_release_is_a_demand_not_also_a_statement(build_text):
    r = build_text(
        "ORSK, Jan 20 (Wire) - Ivo Marek was sentenced to two years on Friday. "
        "The Zarvan Association for Freedoms called for Marek's immediate release.",
        name="news-2099-test",
    )
    assert _one(r, "ReleaseDemand")["agent"] == ["Zarvan Association for Freedoms"]
    assert _events(r, "Statement") == []


def test_a_possessive_in_a_list_of_the_sentenced_names_no_one_more(build_text):
    r = build_text(
        "Tomas Kelsen edits the paper. On 21 November 2023 the Orsk Tribunal sentenced its director, Marta Velkova, "
        "and her deputy, Pavel Oster, to three years in prison each.",
        name="news-2099-test",
    )
    assert [ev["subject"] for ev in _events(r, "Sentencing")] == [["Marta Velkova"], ["Pavel Oster"]]


def test_a_name_beside_a_subject_noun_of_kin_is_the_subject_a_pronoun_points_back_to(build_text):
    r = build_text(
        "Mahfuz Karim led the party for years. Karim was arrested in 2007. Karim was sentenced in 2008. "
        "The couple's son, Tanvir Karim, was swept up in the protests of 2018. Police arrested him in Orsk on "
        "4 August 2018.",
        name="news-2099-test",
    )
    assert [(ev["subject"], ev["date"]) for ev in _events(r, "Arrest")] == [
        (["Mahfuz Karim"], ["2007"]),
        (["Tanvir Karim"], ["2018-08-04"]),
    ]


def test_people_among_the_ones_arrested_are_arrested(build_text):
    r = build_text(
        "Ms Marta Ho and Mr Pavel Tse were among the pro-democracy figures arrested by the Orsk Police Force on "
        "6 January 2021.",
        name="news-2099-test",
    )
    assert [(ev["subject"], ev["date"]) for ev in _events(r, "Arrest")] == [
        (["Marta Ho"], ["2021-01-06"]),
        (["Pavel Tse"], ["2021-01-06"]),
    ]


def test_a_possessive_the_tagger_took_for_a_modifier_is_whose_release_is_asked(build_text):
    r = build_text(
        "The Zarvan Coalition for Justice and Human Dignity, a network of local rights groups, has also called for "
        "Floriane Irakoze-Ntwari’s release.",
        name="news-2099-test",
    )
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], demand["agent"]) == (
        ["Floriane Irakoze-Ntwari"],
        ["Zarvan Coalition for Justice and Human Dignity"],
    )


def test_a_court_summary_holds_its_own_ruling_on_its_day(build_text):
    text = (
        "REGIONAL COURT OF JUSTICE OF THE TARN COMMUNITY\n\n"
        "Summary of judgment\n\n"
        "Delivered in Orsk on 6 May 2021\n\n"
        "The applicant, Ivo Marek, is a journalist. The Orsk City Court sentenced him on 2 March 2020 to a year in "
        "prison.\n\n"
        "The Court held that the conviction of the applicant had violated his right to freedom of expression.\n\n"
        "The Court was composed of Justice Ama Owusu-Bekoe (presiding), Justice Lena Varga and Justice Omar Sy-Dieng."
    )
    r = build_text(text, name="court-2099-test")
    decisions = [ev for ev in _events(r, "CourtDecision") if ev.get("date") == ["2021-05-06"]]
    assert [(ev["subject"], ev["court"][0].lower()) for ev in decisions] == [
        (["Ivo Marek"], "regional court of justice of the tarn community")
    ]
    bench = {
        str(s)
        for s, o in r.dataset.query(
            _PREFIXES + "SELECT ?n ?c WHERE { ?p wh:memberOf ?c ; rdfs:label ?n . ?c a wh:Court }"
        )
    }
    assert bench == {"Ama Owusu-Bekoe", "Lena Varga", "Omar Sy-Dieng"}


def test_taken_from_home_is_an_arrest_where_the_home_is(build_text):
    """ "X was taken from his home in P … by officers of Y": Y arrests X in P."""
    r = build_text(
        "VARNO, March 9, 2031 (Wire) – Marek Tarvel, 61, was taken from his home in Lumeport before dawn on "
        "Tuesday by officers of the Border Directorate, his lawyer said."
    )
    arrest = _one(r, "Arrest")
    assert (arrest["subject"], arrest["agent"], arrest["place"], arrest["date"]) == (
        ["Marek Tarvel"],
        ["Border Directorate"],
        ["Lumeport"],
        ["2031-03-04"],
    )


def test_a_judge_at_a_court_ordered_him_held_on_a_day(build_text):
    """ "On Wednesday a judge at the X Court ordered him held": the detention's court and date are the order's."""
    r = build_text(
        "VARNO, March 9, 2031 (Wire) – Marek Tarvel was arrested on Monday. On Wednesday an investigating judge at "
        "the Varno Court of Inquiry ordered him held in Kessel prison."
    )
    detention = _one(r, "Detention")
    assert (detention["subject"], detention["court"], detention["date"]) == (
        ["Marek Tarvel"],
        ["Varno Court of Inquiry"],
        ["2031-03-05"],
    )


def test_a_kin_noun_beside_a_title_before_a_name_is_that_person(build_text):
    """ "His brother-in-law, former Minister of Justice X, was sentenced": X is."""
    r = build_text(
        "Marek Tarvel was arrested on 2 March 2031. His brother-in-law, former Minister of Justice Pell Aramov, was "
        "sentenced in absentia in October 2030 by the Varno Court of Criminal Affairs to five years in prison."
    )
    sentencing = _one(r, "Sentencing")
    assert (sentencing["subject"], sentencing["court"], sentencing["date"], sentencing["sentenceTerm"]) == (
        ["Pell Aramov"],
        ["Varno Court of Criminal Affairs"],
        ["2030-10"],
        ["P5Y"],
    )


def test_a_dateline_is_no_part_of_the_first_sentence_and_independent_experts_speak_for_themselves(build_text):
    """ "GENEVA (4 May 2031) – UN experts today called …": the experts call, not GENEVA, not the UN."""
    r = build_text(
        "Lumeria: experts urge release\n\nGENEVA (4 May 2031) – UN human rights experts today expressed alarm at "
        "the detention of Marek Tarvel and called for his release."
    )
    assert _events(r, "Statement") == []
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], demand["date"]) == (["Marek Tarvel"], ["2031-05-04"])


def test_where_an_arrest_happened_by_the_police_of_a_place_or_the_protest_it_broke_up(build_text):
    """ "police in P arrested X"; "police arrested Y during a protest in Q"."""
    r = build_text(
        "On 2 February 2031 police in Lumeport arrested the correspondent Marek Tarvel. "
        "His son, Ilan Tarvel, was arrested by police during a protest in Kessaly on 4 February 2031."
    )
    places = {tuple(ev["subject"]): ev.get("place") for ev in _events(r, "Arrest")}
    assert places == {("Marek Tarvel",): ["Lumeport"], ("Ilan Tarvel",): ["Kessaly"]}


def test_a_quotation_going_on_after_said_x_is_still_x_calling(build_text):
    """ "“…,” said X, the Special Rapporteur. “I call on … to release Y”": X demands; the opening quote is no
    sentence of its own."""
    r = build_text(
        "“Defenders are punished for their work,” said Ilse Varnhout, the Special Rapporteur. “I call on the "
        "Government of Lumeria to release Marek Tarvel immediately.”"
    )
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], demand["agent"]) == (["Marek Tarvel"], ["Ilse Varnhout"])


def test_a_joint_statements_own_demands_are_by_all_its_signatories(build_text):
    """ "The undersigned organisations – A and B – call on … to: - release X" and a "Signed:" list under it:
    every signatory demands, and each is a creator of the document."""
    r = build_text(
        "Lumeria: free the journalist\n\n"
        "The undersigned organisations – the Varno Rights Centre (VRC) and the Kessel Press Circle – call on the "
        "authorities of Lumeria to release Marek Tarvel.\n\n"
        "Our demands\n\nThe undersigned organisations call on the Government of Lumeria to:\n"
        "- release Marek Tarvel immediately and unconditionally;\n- end the harassment of journalists.\n\n"
        "Signed:\nVarno Rights Centre (VRC)\nKessel Press Circle\nOrdo Lumen Network\n"
    )
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], sorted(demand["agent"])) == (
        ["Marek Tarvel"],
        ["Kessel Press Circle", "Ordo Lumen Network", "Varno Rights Centre"],
    )
    creators = {str(n) for (n,) in r.dataset.query(_PREFIXES + "SELECT ?n WHERE { ?d dcterms:creator/rdfs:label ?n }")}
    assert creators == {"Kessel Press Circle", "Ordo Lumen Network", "Varno Rights Centre"}


def test_a_release_the_parse_loses_the_object_of_names_the_person_after_a_title(nlp):
    # the parse the model gave a Working Group's opinion: the name after "Mr." an adverb of "release"
    from spacy.attrs import DEP

    doc = _before_events(nlp, "The appropriate remedy would be to release Mr. Brenik immediately.")
    name = next(t for t in doc if t.text == "Brenik")
    assert name.head.lemma_ == "release"  # as parsed here
    rows = doc.to_array([DEP])
    rows[name.i] = doc.vocab.strings.add("advmod")
    doc.from_array([DEP], rows)
    doc = nlp.get_pipe("whereas_events")(doc)
    released = [doc[slice(*s)].text for ev in doc._.events if ev["type"] == "ReleaseDemand" for s in ev["subject"]]
    assert released == ["Brenik"]


def test_a_place_an_alias_follows_is_not_the_alias(build_text):
    r = build_text(
        "Halvard Brenik was detained on 3 November 2023 and has since been held in Pre-trial Detention Centre No. 1 "
        "in Minsk, known as Valadarka, his wife said.\n\n"
        "The party chairman, Perrin Vessa, who was arrested in Minsk in February 2023, has been held incommunicado."
    )
    arrests = {ev["subject"][0]: ev.get("place") for ev in _events(r, "Arrest")}
    assert arrests["Perrin Vessa"] == ["Minsk"]  # not "Valadarka": the centre's other name, not the city's


def test_a_homes_place_the_parse_hangs_on_the_arrested_name_is_the_arrests(nlp):
    # the parse the model gave an urgent action: "at her home in Giza" hung on the surname, taken for a clause
    from spacy.attrs import DEP, HEAD

    doc = _before_events(nlp, "On 14 October 2023, officers arrested Ysolde Brenik at her home in Giza.")
    surname, at = next(t for t in doc if t.text == "Brenik"), next(t for t in doc if t.text == "at")
    assert at.head.lemma_ == "arrest"  # as parsed here
    rows = doc.to_array([HEAD, DEP]).astype("int64")  # (heads as offsets, which may be negative)
    rows[surname.i] = [surname.head.i - surname.i, doc.vocab.strings.add("advcl")]
    rows[at.i] = [surname.i - at.i, doc.vocab.strings.add("prep")]
    doc.from_array([HEAD, DEP], rows.astype("uint64"))
    doc = nlp.get_pipe("whereas_events")(doc)
    places = [doc[slice(*s)].text for ev in doc._.events if ev["type"] == "Arrest" for s in ev["place"]]
    assert places == ["Giza"]


def test_a_release_urged_on_humanitarian_grounds_is_of_the_person_after_them(build_text):
    r = build_text(
        "Brussels, 22/04/2031\n\nThe EU urges the release on humanitarian grounds of Mr Halvard Brenik, whose state "
        "of health has seriously deteriorated in detention."
    )
    assert [ev["subject"] for ev in _events(r, "ReleaseDemand")] == [["Halvard Brenik"]]


def test_a_joint_letters_numbered_signatories_demand_what_it_asks(build_text):
    r = build_text(
        "Joint letter: the EU must call for the release of the journalist\n\n"
        "Dear High Representative,\n\n"
        "We therefore call on you to:\n\n"
        "- demand the immediate and unconditional release of Marek Tarvel;\n"
        "- ensure that the EU Delegation monitors trials.\n\n"
        "Yours sincerely,\n\nSignatories:\n\n1. Varno Rights Centre (VRC)\n2. Kessel Press Circle\n"
    )
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], sorted(demand["agent"])) == (
        ["Marek Tarvel"],
        ["Kessel Press Circle", "Varno Rights Centre"],
    )


def test_the_experts_of_a_un_press_release_are_those_it_lists(build_text):
    """ "UN experts today expressed …" and "The experts: A, Special Rapporteur on …; Working Group on …: B
    (Chair-Rapporteur), C": each listed expert and body says it, and all of them demand the release."""
    r = build_text(
        "Lumeria: UN experts alarmed by detention of journalist\n\n"
        "GENEVA (16 May 2024) – UN experts today expressed grave concern about the detention of the journalist "
        "Marek Tarvel and called on the Government of Lumeria to release him immediately.\n\n"
        "The experts also expressed alarm at the dissolution on 12 August 2023 of the Varno Rights Centre.\n\n"
        "The experts: Ms. Ysolde Brenik, Special Rapporteur on the situation of human rights defenders; Working "
        "Group on Arbitrary Detention: Mr. Halvard Kelmar (Chair-Rapporteur), Ms. Orsolya Quillon.\n"
    )
    said = sorted((ev["subject"][0], ev.get("date", [""])[0]) for ev in _events(r, "Statement"))
    assert said == [("Working Group on Arbitrary Detention", "2024-05-16"), ("Ysolde Brenik", "2024-05-16")]
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], sorted(demand["agent"])) == (
        ["Marek Tarvel"],
        ["Working Group on Arbitrary Detention", "Ysolde Brenik"],
    )


def test_a_briefings_spokesperson_named_in_its_header_speaks_its_we(build_text):
    """OHCHR briefing notes: "Spokesperson for the UN High Commissioner for Human Rights: X" over "Location:" and
    "Date:" lines; "We urge …" is X's demand, and X is not the High Commissioner (the office X holds: see
    test_relations)."""
    r = build_text(
        "Press briefing notes on Lumeria\n\n14 February 2025\n\n"
        "Spokesperson for the UN High Commissioner for Human Rights: Ysolde Brenik\nLocation: Geneva\n"
        "Date: 14 February 2025\nSubject: Lumeria\n\n"
        "We urge the authorities to release Tamsin Vessa. The High Commissioner has repeatedly expressed concern "
        "about the case.\n"
    )
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], demand["agent"]) == (["Tamsin Vessa"], ["Ysolde Brenik"])
    assert [ev["subject"] for ev in _events(r, "Statement")] == [["UN High Commissioner for Human Rights"]]


def test_a_list_of_signatories_with_long_names_stays_a_list(build_text):
    """Names longer than an address's lines under "Signatories:" are not joined into one line when read."""
    r = build_text(
        "The undersigned organisations call on the authorities of Lumeria to release Marek Tarvel.\n\n"
        "Signatories:\nAsociación de Cronistas Libres del Valle Alto (ACLVA)\n"
        "Fundación para la Palabra Abierta del Sur\nOrdo Lumen Network\n"
    )
    creators = {str(n) for (n,) in r.dataset.query(_PREFIXES + "SELECT ?n WHERE { ?d dcterms:creator/rdfs:label ?n }")}
    assert creators == {
        "Asociación de Cronistas Libres del Valle Alto",
        "Fundación para la Palabra Abierta del Sur",
        "Ordo Lumen Network",
    }


def test_a_dateline_with_its_place_in_title_case_dates_the_story(build_text):
    """ "Varno, May 22, 2031 (Wire) – …": the story's date, so "on May 11" is 2031-05-11."""
    r = build_text(
        "Court jails a lawyer\n\nVarno, May 22, 2031 (Wire) – A court on Tuesday sentenced the lawyer Marek Tarvel "
        "to one year in prison.\n\nTarvel, 59, was arrested on May 11 at his office in Varno."
    )
    assert _one(r, "Arrest")["date"] == ["2031-05-11"]
    assert _one(r, "Sentencing")["date"] == ["2031-05-20"]  # the Tuesday before Thursday 22 May


def test_a_possessive_opening_the_sentence_is_the_subject_after_it(build_text):
    """ "Following her visit to X, the Special Rapporteur, Y, said …": Y visited, not the person named before."""
    r = build_text(
        "Joint statement\n\nMarek Tarvel was arrested on 3 May 2031. Following her official visit to Lumeria, which "
        "began on 23 January 2031, the UN Special Rapporteur on the rights of defenders, Ilse Varnhout, said in a "
        "statement of 2 February 2031 that the law should be repealed."
    )
    assert [ev["subject"] for ev in _events(r, "Visit")] == [["Ilse Varnhout"]]


def test_the_couple_is_the_two_spouses_told_before_and_them_after_it(build_text):
    """ "X and her husband, Y, …" then "police raided the couple's home and arrested them", "The couple were
    detained": both spouses; a surname the model took for a language is the person named in full before."""
    r = build_text(
        "Sok Lina and her husband, Meas Tor, lead the campaign. Police also arrested Ivo Bengali.\n\n"
        "On 7 February 2031 police raided the couple's home and arrested them. Bengali was released on 9 February "
        "2031.\n\nThe couple were detained by officers of the Varno Municipal Police on 10 May 2031."
    )
    arrests = sorted((ev["subject"][0], ev.get("date", [""])[0]) for ev in _events(r, "Arrest"))
    assert arrests == [
        ("Ivo Bengali", ""),
        ("Meas Tor", "2031-02-07"),
        ("Meas Tor", "2031-05-10"),
        ("Sok Lina", "2031-02-07"),
        ("Sok Lina", "2031-05-10"),
    ]
    release = _one(r, "Release")
    assert (release["subject"], release["date"]) == (["Ivo Bengali"], ["2031-02-09"])


def test_who_after_an_outlet_in_apposition_is_the_person_the_apposition_describes(build_text):
    """ "X, the founder of the daily newspaper Y, who was arrested … and has since been held": X, not Y."""
    r = build_text(
        "The experts raised the case of Marek Tarvel, the founder and editor of the daily newspaper Diario Lumen, "
        "who was arrested at his home on 29 July 2031 by the Varno Civil Police and has since been held in Kessel "
        "prison."
    )
    arrest, detention = _one(r, "Arrest"), _one(r, "Detention")
    assert (arrest["subject"], arrest["agent"], arrest["date"]) == (
        ["Marek Tarvel"],
        ["Varno Civil Police"],
        ["2031-07-29"],
    )
    assert detention["subject"] == ["Marek Tarvel"]


def test_the_person_who_was_detained_is_the_one_the_who_clause_stands_for(nlp):
    """ "X, president of the Y Council, who was detained": the council is no person and is not detained."""
    doc = nlp(
        "The experts expressed concern at the arrest of Marek Tarvel, president of the Indigenous Council of "
        "Lumeport, who was detained in Lumeport by the Varno Civil Police on 14 August 2031."
    )
    assert ("Indigenous Council of Lumeport", "Organisation") in [(e.text, e.label_) for e in doc.ents]
    assert [[doc[a:b].text for a, b in e["subject"]] for e in doc._.events if e["type"] == "Arrest"] == [
        ["Marek Tarvel"],
        ["Marek Tarvel"],
    ]


def test_a_dateline_without_its_year_takes_the_year_of_what_happened_not_of_what_may(build_text):
    """ "VARNO, July 3 (Wire) – … jailed in January 2031 … he could be freed in July 2032": the story is of 2031;
    "taken from a street" is an arrest."""
    r = build_text(
        "Court cuts sentence\n\nVARNO, July 3 (Wire) – An appeals court on Tuesday cut the sentence of the journalist Marek Tarvel."
        "\n\nTarvel was taken from a street in Lumeport by police in January 2031. He could be freed in July 2032, "
        "his lawyer said.\n\nHis colleague Ilan Voss was arrested on June 28."
    )
    dates = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Arrest"))
    assert dates == [("Ilan Voss", "2031-06-28"), ("Marek Tarvel", "2031-01")]


def test_detained_since_a_day_is_a_detention_from_that_day_not_an_arrest(build_text):
    r = build_text(
        "whereas Marek Tarvel, who has been detained since 3 October 2031, was sentenced on 27 February 2032;"
    )
    detention = _one(r, "Detention")
    assert (detention["subject"], detention["date"]) == (["Marek Tarvel"], ["2031-10-03"])
    assert _events(r, "Arrest") == []


def test_a_report_on_the_events_of_a_year_dates_its_year_less_dates_in_that_year(build_text):
    """ "WORLD REPORT 2032: EVENTS OF 2031" … "the unrest of January 2030. In March …": March 2031."""
    r = build_text(
        "LUMERIA RIGHTS OBSERVATORY – WORLD REPORT 2032: EVENTS OF 2031\n\nLUMERIA\n\n"
        "No one was held to account for the deaths during the unrest of January 2030. In March, police arrested the "
        "journalist Marek Tarvel in Varno."
    )
    assert _one(r, "Arrest")["date"] == ["2031-03"]


def test_plural_parties_of_a_case_are_the_people_the_text_ranked_so(build_text):
    # "the first and third applicants": those ranked so by the list that introduced them, not all
    r = build_text(
        "The applicants are Halvard Brenik, Orsolya Quillon and Tamsin Vessa, who live in Kelmar.\n\n"
        "On 3 May 2031 police arrested the first and third applicants.",
        name="news-2099-test",
    )
    assert sorted(s for ev in _events(r, "Arrest") for s in ev["subject"]) == ["Halvard Brenik", "Tamsin Vessa"]
    # "both Applicants", capitalised, after each was introduced in apposition; "they" after them
    r = build_text(
        "At the material time, the First Applicant, Mr Halvard Brenik, was a teacher, and the Second "
        "Applicant, Ms Orsolya Quillon, was a nurse.\n\nOn 3 May 2031 both Applicants were arrested in "
        "Kelmar. They were released on 4 May 2031.",
        name="news-2099-test",
    )
    for kind in ("Arrest", "Release"):
        assert sorted(s for ev in _events(r, kind) for s in ev["subject"]) == ["Halvard Brenik", "Orsolya Quillon"]


def test_a_term_received_is_a_sentencing_of_whoever_received_it(build_text):
    r = build_text(
        "The court in Kelmar convicted 11 protesters on 2 May 2031. Halvard Brenik and Tamsin Vessa each received "
        "three and a half years. The nurse Orsolya Quillon got a five-year prison term. The mayor received a third term.",
        name="news-2099-test",
    )
    terms = sorted((s, ev.get("sentenceTerm", [None])[0]) for ev in _events(r, "Sentencing") for s in ev["subject"])
    assert terms == [("Halvard Brenik", "P3Y6M"), ("Orsolya Quillon", "P5Y"), ("Tamsin Vessa", "P3Y6M")]


def test_a_ruling_word_in_another_clause_makes_no_court_decision(build_text):
    r = build_text(
        "The journalist Ysolde Brenik was acquitted by the Kelmar court on 2 May 2031. Police on 3 May 2031 "
        "denied reports that the reporter Tamsin Vessa had been detained while covering the verdict.",
        name="news-2099-test",
    )
    assert _events(r, "CourtDecision") == []


def test_a_person_in_apposition_to_a_body_is_whom_the_sentence_speaks_of(build_text):
    r = build_text(
        "The OSCE Representative on Freedom of the Media, Ysolde Brenik, visited Kelmar on 3 May 2031.\n\n"
        "The Lumeria Commission on Human Rights' Special Rapporteur on Defenders, Tamsin Quillon, visited "
        "Varno on 5 May 2031.",
        name="news-2099-test",
    )
    assert sorted(s for ev in _events(r, "Visit") for s in ev["subject"]) == ["Tamsin Quillon", "Ysolde Brenik"]


def test_a_remedy_that_would_be_a_release_is_a_demand_not_a_release(build_text):
    r = build_text(
        "The Working Group considered that the appropriate remedy would be to release the journalist Halvard "
        "Brenik immediately.",
        name="news-2099-test",
    )
    assert _events(r, "Release") == []
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], demand["agent"]) == (["Halvard Brenik"], ["Working Group"])


def test_a_hyphenated_descriptor_names_its_court_and_a_reference_is_no_charge(build_text):
    r = build_text(
        "On 2 May 2031 the Kelmar Court of First Instance sentenced the blogger Halvard Brenik to two years for "
        "“insulting officials” and “spreading false news”. On 3 June 2031 the Kelmar Court of Appeal acquitted "
        "him of the second.\n\nThe lawyer Tamsin Vessa was sentenced in absentia by the first-instance court "
        "to one year in prison on 4 May 2031.",
        name="news-2099-test",
    )
    by_person = {ev["subject"][0]: ev for ev in _events(r, "Sentencing")}
    assert by_person["Tamsin Vessa"]["court"] == ["Kelmar Court of First Instance"]
    charges = {
        c for kind in ("Trial", "CourtDecision", "Sentencing") for ev in _events(r, kind) for c in ev.get("charge", [])
    }
    assert "the second" not in charges


def test_a_release_coordinated_with_what_is_asked_is_a_demand_and_a_travel_ban_no_ban(build_text):
    r = build_text(
        "2. Calls on the authorities to release Halvard Brenik and Tamsin Vessa, to release Orsolya Quillon from "
        "house arrest, and to lift the travel ban imposed on Ysolde Quillonov;\n\n"
        "3. Urges the courts to quash the conviction of Perrin Vessa and to release him immediately;",
        name="ep-2099-test",
    )
    assert _events(r, "Release") == [] and _events(r, "Ban") == []
    demanded = sorted(s for ev in _events(r, "ReleaseDemand") for s in ev["subject"])
    assert demanded == ["Halvard Brenik", "Orsolya Quillon", "Perrin Vessa", "Tamsin Vessa"]


def test_a_participle_detained_since_is_a_detention_not_an_arrest(build_text):
    r = build_text(
        "The former minister Ysolde Quillonov, detained since 2018, has not been released.",
        name="news-2099-test",
    )
    assert _events(r, "Arrest") == []
    assert _one(r, "Detention")["date"] == ["2018"]


def test_she_who_speaks_after_an_unnamed_wife_is_no_one_named(build_text):
    r = build_text(
        "The trade unionist Orsolya Brenik died in 2030. The unionist Halvard Vessa was arrested on 3 May 2031.\n\n"
        'His wife told reporters after the verdict that he had been kept in solitary confinement. "He was '
        'convicted for telling the truth," she said.',
        name="news-2099-test",
    )
    assert not [ev for ev in _events(r, "Statement") if "Orsolya Brenik" in ev.get("subject", [])]


def test_nouns_of_kin_beside_a_list_of_names_give_no_one_a_gender(build_text):
    # "A and B, brother and sister": the parse hangs "brother" on B; whose is which noun it does not say
    r = build_text(
        "On 20 June 2031, the Kelmar Grave Crimes Court sentenced the journalists Perrin Kelmarli and Quillor "
        "Kelmarli, brother and sister, to nine years and to seven and a half years in prison respectively. "
        "Quillor Kelmarli was taken to Kelmar Prison. She was released on 9 July 2031."
    )
    assert _one(r, "Release")["subject"] == ["Quillor Kelmarli"]


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        # a broadcaster ordered off the air is banned
        (
            "On 10 October 2031, the Vessan Broadcasting Authority ordered Radio Kelmar off the air.",
            "Ban",
            {"subject": ["Radio Kelmar"], "date": ["2031-10-10"]},
        ),
        # a broadcaster switched off; a party refused the registration it needs to stand
        (
            "On 2 December 2031, the Vessan Communications Commission switched off Radio Kelmar.",
            "Ban",
            {"subject": ["Radio Kelmar"], "date": ["2031-12-02"]},
        ),
        (
            "The Lantern of Dawn Party was disqualified when the Vessan Election Committee rejected its "
            "registration on 15 May 2031.",
            "Ban",
            {"subject": ["Lantern of Dawn Party"], "date": ["2031-05-15"]},
        ),
        # a hyphenated verb the lemmatizer does not know ("re-arreste"); a court that tries someone
        (
            "whereas Perrin Vessa was re-arrested in Kelmar on 19 April 2031;",
            "Arrest",
            {"subject": ["Perrin Vessa"], "date": ["2031-04-19"]},
        ),
        (
            "whereas on 21 October 2031 the Kelmar Provincial Court tried Ysolde Quillon in a hearing that lasted a "
            "single day;",
            "Trial",
            {"subject": ["Ysolde Quillon"], "date": ["2031-10-21"], "court": ["Kelmar Provincial Court"]},
        ),
        # killed by the manner of death ("hacked to death", "stabbed to death")
        (
            "On 8 June 2031, Perrin Vessa, a commune councillor in Kelmar province, was stabbed to death by two "
            "unidentified men outside his home.",
            "Killing",
            {"subject": ["Perrin Vessa"], "date": ["2031-06-08"]},
        ),
        # "filed charges … before the X Court against Y": the parser hangs "against" on the court
        (
            "On 19 September 2031, the Vessan Ministry of Justice filed charges of sedition before the Kelmar "
            "District Court against the journalist Perrin Vessa.",
            "Lawsuit",
            {"subject": ["Perrin Vessa"], "date": ["2031-09-19"]},
        ),
        # "the arrest, on DATE, of X": the date set off by commas, the "of" phrase hung elsewhere by the parser
        (
            "The EU notes with concern the arrest, on 10 March 2031, of Perrin Vessa, deputy chairman of the "
            "opposition Kelmar Civic Movement, who was detained in Kelmar.",
            "Arrest",
            {"subject": ["Perrin Vessa"], "date": ["2031-03-10"]},
        ),
        # "conducted a visit … in January": the visit's date is the verb's
        (
            "Orsolya Quillon, the Special Rapporteur on the independence of judges, conducted an official visit "
            "to Lumeria in January 2031.",
            "Visit",
            {"subject": ["Orsolya Quillon"], "date": ["2031-01"]},
        ),
    ],
)
def test_events_of_composed_sentences_with_their_roles(build_text, text, kind, expected):
    event = _one(build_text(text), kind)
    assert {k: event.get(k) for k in expected} == expected


def test_a_group_by_its_count_alone_is_the_people_the_events_befell(build_text):
    # "all three": the three people arrested before it, no more (a judge named is no one it befell)
    r = build_text(
        "Judge Orsolya Quillon presided. Tamsin Vessa was arrested in Kelmar on 1 May 2031. Ysolde Brenik and "
        "her brother, Halvard Brenik, were arrested on 2 May 2031. On 3 June 2031 prosecutors charged all "
        "three with sedition."
    )
    assert sorted(e["subject"][0] for e in _events(r, "Arrest")) == ["Halvard Brenik", "Tamsin Vessa", "Ysolde Brenik"]
    assert sorted(e["subject"][0] for e in _events(r, "Lawsuit")) == ["Halvard Brenik", "Tamsin Vessa", "Ysolde Brenik"]


def test_a_list_parsed_as_an_apposition_still_gathers_its_last_name(build_text):
    # "A, B and her brother, C": the parser hangs B on A as an apposition and "brother" on B
    r = build_text(
        "Tamsin Vessa, Ysolde Brenik and her brother, Halvard Brenik, were arrested by officers of Kelmar "
        "Police on 2 May 2031."
    )
    assert sorted(e["subject"][0] for e in _events(r, "Arrest")) == ["Halvard Brenik", "Tamsin Vessa", "Ysolde Brenik"]


def test_a_resolutions_asked_demanded_and_increased_events(build_text):
    r = build_text(
        "A. whereas Halvard Brenik was arrested in Kelmar on 2 May 2031; whereas the authorities have not "
        "disclosed where he is being held or whether he has been charged;\n\n"
        "B. whereas the activist Orsolya Quillon, whom the Kelmar Criminal Court sentenced in 2030 to six years in "
        "prison, saw her sentence increased to 20 years by the Lumerian Supreme Court on 9 August 2031;\n\n"
        "1. Urges the authorities to release Mr Brenik immediately, together with his son Perrin Brenik;",
        name="ep-2031-test",
    )
    assert not _events(r, "Lawsuit")  # asked whether, not said
    assert sorted(e["subject"][0] for e in _events(r, "ReleaseDemand")) == ["Halvard Brenik", "Perrin Brenik"]
    decision = _one(r, "CourtDecision")
    assert (decision["subject"], decision["date"]) == (["Orsolya Quillon"], ["2031-08-09"])


@pytest.mark.parametrize(
    "text",
    [
        "On 10 March 2031, reports circulated on social media that the party's president, Halvard Brenik, had "
        "been arrested at Kelmar airport. The police spokesperson denied the reports the same day.",
        "On Monday 10 March 2031, messages spread online claiming that the editor, Halvard Brenik, had been "
        "detained. The Kelmar police denied on Monday that any such arrest had taken place.",
    ],
)
def test_a_claim_a_later_sentence_denies_is_no_arrest(build_text, text):
    assert not _events(build_text(text), "Arrest")


def test_an_office_word_is_not_the_judge_the_text_named(build_text):
    # "Judge X" keys to no words of an office: it fitted every office word ("the ambassador", "a judge")
    r = build_text(
        "Judge Orsolya Quillon of the Kelmar City Court sentenced Halvard Brenik to five years in prison on "
        "3 May 2031. The ambassador called for his release."
    )
    assert "Orsolya Quillon" not in _one(r, "ReleaseDemand").get("agent", [])


def test_an_event_put_ahead_by_a_modal_did_not_take_place(build_text):
    r = build_text(
        "The blogger Perrin Vessa has been held in Kelmar prison since February 2031 and, with time served, "
        "could be freed in early 2033."
    )
    assert not _events(r, "Release")


def test_the_name_between_commas_after_a_role_of_a_body_is_the_role_holder(build_text):
    # the parse hangs "X" on the body ("the party, X,"), or on the last of the roles listed: X is the chair
    r = build_text(
        "A. whereas the chair of the Lumeria Party and former member of the Orsk Assembly, Halvard Brenik, "
        "was arrested in Orsk on 5 August 2031 and charged with 'hooliganism';\n\n"
        "B. whereas the lawyer of Ms Vessa, Orsolya Quillon, was arrested on 10 November 2031;"
    )
    arrests = _events(r, "Arrest")
    assert [a["subject"] for a in arrests] == [["Halvard Brenik"], ["Orsolya Quillon"]]
    assert _one(r, "Lawsuit")["subject"] == ["Halvard Brenik"]


def test_people_named_after_a_counted_group_are_those_of_it_the_text_names(build_text):
    # eight sentenced, three named in the next two paragraphs: each of the three sentenced on those charges;
    # "Perrin Vessa, 37," is his age, not a term read in the list after "sentenced to 10 years"
    r = build_text(
        "ORSK, May 14 (Newswire) – A Lumerian court on Tuesday sentenced eight opposition politicians to prison "
        'terms on charges of "treason", defence lawyers said.\n\n'
        "Halvard Brenik, 61, a former minister, was sentenced to 14 years, his lawyer said.\n\n"
        "Tamsin Vessa, 44, a lawyer, was sentenced to 10 years, and Perrin Vessa, 37, a commentator, "
        "received four years.",
        name="news-2099-test",
    )
    found = {(e["subject"][0], *e.get("sentenceTerm", []), *e.get("charge", [])) for e in _events(r, "Sentencing")}
    assert found == {
        ("Halvard Brenik", "P14Y", "treason"),
        ("Tamsin Vessa", "P10Y", "treason"),
        ("Perrin Vessa", "P4Y", "treason"),
    }


def test_a_list_of_people_with_ages_and_roles_is_each_arrested_and_denied_bail(build_text):
    # the parser takes the second name for the first's apposition and the third for the second's conjunct
    r = build_text(
        "ORSK, May 14 (Newswire) – On Monday, May 11, police raided the newsroom of the Orsk Courier and arrested "
        "editor-in-chief Halvard Brenik, 46, deputy editor Perrin Vessa, 39, and reporter Tamsin Quillon, 27, "
        "according to news reports.\n\nOn Wednesday, the Orsk City Court denied bail to Brenik, Vessa and Quillon.",
        name="news-2099-test",
    )
    people = ["Halvard Brenik", "Perrin Vessa", "Tamsin Quillon"]
    assert sorted(e["subject"][0] for e in _events(r, "Arrest")) == people
    decisions = _events(r, "CourtDecision")
    assert sorted(e["subject"][0] for e in decisions) == people
    assert {e["court"][0] for e in decisions} == {"Orsk City Court"}


def test_the_last_term_of_a_list_hung_on_its_first_name_is_each_of_theirs(build_text):
    r = build_text(
        "C. whereas the Orsk Grave Crimes Court on 21 November 2031 sentenced Mr Brenik to nine years in prison, "
        "Ms Vessa to eight years and six months, and Mr Qarayev, Ms Abdullayeva and Mr Cəlilov to seven and a half years "
        "each, on charges of 'smuggling';"
    )
    terms = {e["subject"][0]: e.get("sentenceTerm", [None])[0] for e in _events(r, "Sentencing")}
    # the parser hangs the last "to" on the first of the three
    assert terms == {"Brenik": "P9Y", "Vessa": "P8Y6M", "Qarayev": "P7Y6M", "Abdullayeva": "P7Y6M", "Cəlilov": "P7Y6M"}


def test_a_verb_after_a_quoted_charge_shares_the_charging_clause(build_text):
    # the parser joins "held" to the verb inside the quotes ("spreading"); only a verb outside them shares
    r = build_text(
        "A. whereas Mr Brenik has been charged with ‘spreading propaganda against the system’ and is being held "
        "in Orsk Prison;\n\nB. whereas the prosecutor Tamsin Vessa told reporters that the case was ‘based on "
        "evidence’ and that ‘no one is being prosecuted for their opinions’;"
    )
    assert _one(r, "Detention")["subject"] == ["Brenik"]
    assert _one(r, "Lawsuit")["subject"] == ["Brenik"]


def test_cited_reports_and_opinions_are_statements_of_their_issuer_on_their_date(build_text):
    r = build_text(
        "European Parliament resolution of 12 February 2031 on Lumeria (2031/2557(RSP))\n\nThe European Parliament,\n\n"
        "– having regard to the report of 2 October 2030 of the UN Special Rapporteur on the situation of human "
        "rights in Lumeria, Ysolde Brenik, to the UN Human Rights Council,\n\n"
        "– having regard to Opinion No 12/2030 of the UN Working Group on Arbitrary Detention, adopted on "
        "28 April 2030, concerning Halvard Vessa,\n\nA. whereas Halvard Vessa was arrested on 3 June 2030;"
    )
    said = {(e["subject"][0], e["date"][0]) for e in _events(r, "Statement")}
    assert said == {("Ysolde Brenik", "2030-10-02"), ("UN Working Group on Arbitrary Detention", "2030-04-28")}


def test_press_releases_resolutions_and_statements_made_in_a_clause_are_their_speakers(build_text):
    r = build_text(
        "European Parliament resolution of 12 February 2031 on Lumeria (2031/2557(RSP))\n\nThe European Parliament,\n\n"
        "– having regard to Resolution 61/2030 of the Inter-American Commission on Human Rights (IACHR) of "
        "30 August 2030 granting precautionary measures in favour of Halvard Vessa,\n\n"
        "– having regard to the press release of 8 January 2031 of the Orsk Bar Association condemning the "
        "arrests of lawyers,\n\n"
        "A. whereas the Lumerian Ministry of Interior, in a statement of 9 March 2031, denied that Mr Vessa had "
        "been tortured;"
    )
    said = {(e["subject"][0], e["date"][0]) for e in _events(r, "Statement")}
    assert said == {
        ("Inter-American Commission on Human Rights", "2030-08-30"),
        ("Orsk Bar Association", "2031-01-08"),
        ("Lumerian Ministry of Interior", "2031-03-09"),
    }
    assert _events(r, "Release") == []  # a press release is no one's release


def test_an_arrest_after_a_raid_is_in_the_city_the_raided_office_is_named_by(build_text):
    r = build_text(
        "A. whereas on 20 November 2031 officers of the State Security Service raided the Minsk office of the "
        "independent outlet Lumeria Voice and arrested its editor-in-chief, Halvard Brenik;"
    )
    assert _one(r, "Arrest")["place"] == ["Minsk"]


def test_a_quoted_charge_leaves_out_the_full_stop_inside_its_quotes(build_text):
    r = build_text(
        'The prosecution questioned Tamsin Vessa for seven hours and charged her with "spreading false news." '
        "She was released on bail.",
        name="news-2099-test",
    )
    assert _one(r, "Lawsuit")["charge"] == ["spreading false news"]


def test_a_judges_separate_opinion_is_a_statement_of_the_judgments_day(build_text):
    r = build_text(
        "issued by the Registrar of the Court\nECHR 142 (2031)\n18.06.2031\n\n"
        "In today's Chamber judgment in the case of Vessa v. Lumeria the European Court of Human Rights held "
        "that there had been a violation of Article 10.\n\n"
        "Judge Halvard Brenik expressed a partly dissenting opinion, which is annexed to the judgment.",
        name="news-2099-test",
    )
    said = {(e["subject"][0], *e.get("date", [])) for e in _events(r, "Statement")}
    assert ("Halvard Brenik", "2031-06-18") in said


def test_a_since_date_that_opens_a_count_dates_no_event_and_one_of_a_state_does(build_text):
    r = build_text(
        "MINSK, 14 March 2025\n\nThe authorities closed the newspaper Lumeria Voice, the fourth outlet to be shut "
        "down since 2021.\n\nPolice have detained more than 30 journalists since January 2024, including Halvard "
        "Brenik.\n\nThe weekly Minsk Courier has been banned since May 2023."
    )
    got = sorted((ev["subject"][0], ev.get("date", [None])[0]) for ev in _events(r, "Ban") + _events(r, "Arrest"))
    assert got == [("Halvard Brenik", None), ("Lumeria Voice", None), ("Minsk Courier", "2023-05")]


def test_respectively_with_whole_terms_gives_each_its_own_and_no_sum(build_text):
    r = build_text(
        "On 10 March 2025 the Minsk City Court sentenced Halvard Brenik, Orsolya Quillon and Ysolde Brenik to four "
        "years, four years and six months, and five years in prison respectively."
    )
    got = sorted((ev["subject"][0], ev["sentenceTerm"][0]) for ev in _events(r, "Sentencing"))
    assert got == [("Halvard Brenik", "P4Y"), ("Orsolya Quillon", "P4Y6M"), ("Ysolde Brenik", "P5Y")]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a plural descriptor in apposition to a list: its participle is all of theirs
        (
            "On 10 March 2025 the court sentenced Halvard Brenik, Orsolya Quillon and Ysolde Brenik, three students "
            "arrested in Minsk on 4 December 2024, to four years.",
            ["Halvard Brenik", "Orsolya Quillon", "Ysolde Brenik"],
        ),
        # a counted object, then the list after a colon; "her deputy B" is another person than A
        (
            "On 4 December 2024, officers searched the homes of seven staff members and detained four of them: "
            "editor-in-chief Orsolya Quillon, her deputy Halvard Brenik, and the reporters Ysolde Brenik and "
            "Tamsin Vessa.",
            ["Halvard Brenik", "Orsolya Quillon", "Tamsin Vessa", "Ysolde Brenik"],
        ),
        # a role's apposition, then more people with their own descriptor
        (
            "On 4 December 2024 police arrested the party's youth leader, Orsolya Quillon, and two party mobilisers, "
            "Halvard Brenik and Tamsin Vessa, in Minsk.",
            ["Halvard Brenik", "Orsolya Quillon", "Tamsin Vessa"],
        ),
    ],
)
def test_every_person_of_a_described_list_is_arrested_on_its_day(build_text, text, people):
    r = build_text(text)
    got = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Arrest"))
    assert got == [(p, "2024-12-04") for p in people]


def test_a_day_the_model_left_out_of_a_date_dates_the_event(build_text):
    r = build_text(
        "Brussels, 6 March 2025 – The federation condemned the closure.\n\nIn the early hours of 27 February, "
        "officers searched the homes of seven staff members and detained Orsolya Quillon."
    )
    assert [ev["date"] for ev in _events(r, "Arrest")] == [["2025-02-27"]]


def test_she_in_what_an_office_says_is_that_office_not_the_woman_named_before(build_text):
    r = build_text(
        '"They took his glasses," his wife, Ysolde Brenik, told reporters.\n\nOn 28 February 2025 the OSCE '
        'Representative on Freedom of the Media said she was "alarmed" by the detentions and urged Minsk to free '
        "Orsolya Quillon."
    )
    assert [(ev["subject"], ev.get("agent")) for ev in _events(r, "ReleaseDemand")] == [
        (["Orsolya Quillon"], ["OSCE Representative on Freedom of the Media"])
    ]


def test_the_commissioner_and_her_she_are_the_commissioner_named_before_not_the_woman_she_visited(build_text):
    r = build_text(
        "Strasbourg, 3 April 2025 – The Council of Europe Commissioner for Human Rights, Ysolde Brenik, published her "
        "report on Lumeria today. The Commissioner called for the release of the journalist Orsolya Quillon, who was "
        "arrested on 11 January.\n\nTurning to the opposition, the Commissioner noted that Halvard Vessa, the chair "
        "of the party Korvel Path, was sentenced on 19 March to seven months. She urged the authorities to release "
        "Mr Vessa.",
        name="news-test",
    )
    assert sorted((ev["subject"][0], ev["agent"][0]) for ev in _events(r, "ReleaseDemand")) == [
        ("Halvard Vessa", "Ysolde Brenik"),
        ("Orsolya Quillon", "Ysolde Brenik"),
    ]


def test_what_which_stands_for_is_no_person_the_parser_hung_the_clause_on():
    # the parse the model gave a resolution's recital: the clause on "which" hung on the person, not the daily
    import spacy
    from spacy.tokens import Doc, Span

    from pipeline.components.events import EventFinder

    words = ["X", "Y", ",", "editor", "of", "Lumeria", "Voice", ",", "which", "police", "closed", ",", "was", "held"]
    heads = [1, 13, 1, 1, 3, 6, 4, 1, 10, 10, 1, 1, 13, 13]
    deps = ["compound", "nsubjpass", "punct", "appos", "prep", "compound", "pobj", "punct", "dobj", "nsubj"]
    deps += ["relcl", "punct", "auxpass", "ROOT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    person, daily = Span(doc, 0, 2, label="Person"), Span(doc, 5, 7, label="MediaOutlet")
    at = {i: span for span in (person, daily) for i in range(span.start, span.end)}
    assert EventFinder._which_stands_for(doc, doc[10], [person], at) == [daily]
    assert EventFinder._which_stands_for(doc, doc[10], [daily], at) == [daily]


def test_words_according_to_someone_are_theirs_alone(build_text):
    r = build_text(
        "Halvard Brenik was arrested in May 2024. According to his wife, Orsolya Quillon, he lost 14 kilograms in "
        "the Minsk detention centre."
    )
    assert [ev["subject"] for ev in _events(r, "Statement")] == [["Orsolya Quillon"]]


def test_the_lawyers_who_speak_are_not_the_people_they_speak_for(build_text):
    r = build_text(
        "ISTANBUL, Nov 21 (Reuters) - Police detained the agency's editor-in-chief, Orsolya Quillon, and reporters "
        "Ysolde Brenik and Halvard Brenik in dawn raids on their homes in Istanbul on Nov. 15. Quillon and "
        "Ysolde Brenik were sent to Bakırköy Women's Prison and Halvard Brenik to Marmara Prison, the lawyers said."
    )
    people = {"Orsolya Quillon", "Ysolde Brenik", "Halvard Brenik"}
    assert [ev for ev in _events(r, "Statement") if people & set(ev.get("subject", []))] == []


def test_participles_after_a_while_clause_go_with_the_main_clause_and_pending_trial_is_no_trial(build_text):
    r = build_text(
        "E. whereas Orsolya Quillon, a reporter for the independent news website Lumeria Voice, was detained in "
        "Minsk on 13 July 2021 while filming a police operation, charged with ‘public disorder’ and released on "
        "2 August 2021 pending trial;"
    )
    assert [(ev["subject"], ev["date"]) for ev in _events(r, "Release")] == [(["Orsolya Quillon"], ["2021-08-02"])]
    assert [ev["subject"] for ev in _events(r, "Lawsuit")] == [["Orsolya Quillon"]]
    assert _events(r, "Trial") == []


def test_the_applicants_trial_is_the_trial_of_each_applicant(build_text):
    r = build_text(
        "The applicants, Halvard Brenik and Orsolya Quillon, are Belarusian nationals who live in Minsk.\n\n"
        "The applicants’ trial before the Minsk Regional Court opened on 11 January 2018."
    )
    got = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Trial"))
    assert got == [("Halvard Brenik", "2018-01-11"), ("Orsolya Quillon", "2018-01-11")]


# -- a wire story's verb the parser read as an adjective ---------------------------------------------


def test_a_wire_verb_before_a_role_noun_is_the_clause_verb(build_text):
    r = build_text(
        "A court in Almaty on Tuesday jailed opposition activist Halvard Brenik for seven years on charges of "
        "extremism, his lawyer said. Lumerian authorities on Friday detained journalist Ysolde Brenik. "
        "Relatives of detained journalist Tamsin Vessa on Monday demanded her release."
    )
    ev = _one(r, "Sentencing")
    assert (ev["subject"], ev["sentenceTerm"], ev["charge"]) == (["Halvard Brenik"], ["P7Y"], ["extremism"])
    assert [ev["subject"] for ev in _events(r, "Arrest")] == [["Ysolde Brenik"]]  # not the relatives' "detained"


# -- a list's entries: the person named at the head of each ------------------------------------------


def test_subjectless_sentences_of_a_list_entry_are_of_the_person_it_opens_on(build_text):
    r = build_text(
        "LUMERIA\n\n"
        "Halvard Brenik – reporter, Korvel Daily. Arrested in Gomel on 3 April 2021. Sentenced on 14 December "
        ' 2022 by the Gomel Regional Court to 15 years for "incitement".\n\n'
        "Tamsin Vessa (Lumeria): arrested on 5 May 2023; released on 9 June 2023.\n\n"
        "The editors of the weekly were questioned. Arrested on 2 June 2023, according to colleagues.\n"
    )
    got = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Arrest"))
    assert got == [("Halvard Brenik", "2021-04-03"), ("Tamsin Vessa", "2023-05-05")]
    ev = _one(r, "Sentencing")
    assert (ev["subject"], ev["court"], ev["sentenceTerm"]) == (["Halvard Brenik"], ["Gomel Regional Court"], ["P15Y"])
    assert [ev["subject"] for ev in _events(r, "Release")] == [["Tamsin Vessa"]]


def test_a_count_of_people_named_after_it_and_a_detention_a_judge_orders(build_text):
    r = build_text(
        "whereas on 12 September 2024 the police arrested the director of Lumen Media, Halvard Brenik; whereas "
        "two of the outlet's reporters, Tamsin Vessa and Perrin Vessa, were arrested at their homes the "
        "following day; whereas on 23 September 2024 an investigating judge charged Ysolde Brenik with fraud "
        "and ordered her detained at CC1;"
    )
    got = sorted((ev["subject"][0], ev["date"][0]) for ev in _events(r, "Arrest"))
    assert got == [("Halvard Brenik", "2024-09-12"), ("Perrin Vessa", "2024-09-13"), ("Tamsin Vessa", "2024-09-13")]
    assert [(ev["subject"], ev["date"]) for ev in _events(r, "Detention")] == [(["Ysolde Brenik"], ["2024-09-23"])]


def test_a_demand_a_cited_document_makes_is_its_authors_on_its_day(build_text):
    r = build_text(
        "Lumeria rejects the resolution adopted by the European Parliament on 13 March 2025 on the case of "
        "Halvard Brenik. The resolution, which calls for his immediate release, contains false allegations. "
        "The statement issued on 30 September 2024 by Amnesty International calls for the release of "
        "Ysolde Brenik."
    )
    got = sorted((ev["subject"][0], ev["agent"][0], ev["date"][0]) for ev in _events(r, "ReleaseDemand"))
    assert got == [
        ("Halvard Brenik", "European Parliament", "2025-03-13"),
        ("Ysolde Brenik", "Amnesty International", "2024-09-30"),
    ]


def test_a_sentence_a_court_reduces_is_a_new_sentencing_and_the_decision_rules_on_the_old(build_text):
    r = build_text(
        "whereas on 24 June 2022 the Korvel Court sentenced Perrin Vessa to seven years; whereas on 19 August 2022 "
        "the Supreme Court reduced the sentence of Mr Vessa to five years' imprisonment;"
    )
    got = sorted((ev["court"][0], ev["date"][0], ev["sentenceTerm"][0]) for ev in _events(r, "Sentencing"))
    assert got == [("Korvel Court", "2022-06-24", "P7Y"), ("Supreme Court", "2022-08-19", "P5Y")]
    decision = _one(r, "CourtDecision")
    assert (decision["court"], decision["date"], decision["outcome"]) == (["Supreme Court"], ["2022-08-19"], ["other"])


def test_a_prison_term_a_court_reduces_is_a_decision_on_its_holders_case(build_text):
    r = build_text(
        "On 2 June 2031 the Supreme Court reduced Halvard Brenik's prison term to four years. On 9 June 2031 the "
        "Korvel Court increased the prison term of the blogger Orsolya Quillon."
    )
    got = sorted(
        (ev["subject"][0], ev["court"][0], ev["date"][0], ev["outcome"][0]) for ev in _events(r, "CourtDecision")
    )
    assert got == [
        ("Halvard Brenik", "Supreme Court", "2031-06-02", "other"),
        ("Orsolya Quillon", "Korvel Court", "2031-06-09", "other"),
    ]


def test_a_person_granted_or_denied_bail_in_the_passive_is_the_one_the_decision_is_on(build_text):
    r = build_text(
        "Halvard Brenik was denied bail by the Korvel Court on 8 October 2031. Orsolya Quillon was granted "
        "bail by the Supreme Court on 9 October 2031."
    )
    got = sorted(
        (ev["subject"][0], ev["court"][0], ev["date"][0], ev["outcome"][0]) for ev in _events(r, "CourtDecision")
    )
    assert got == [
        ("Halvard Brenik", "Korvel Court", "2031-10-08", "refused"),
        ("Orsolya Quillon", "Supreme Court", "2031-10-09", "other"),
    ]


def test_a_date_between_and_and_the_coordinated_verb_is_that_verbs(build_text):
    r = build_text(
        "The Korvel Court released Halvard Brenik on bail on 6 May 2031 and, on 11 December 2031, acquitted him."
    )
    assert _one(r, "Release")["date"] == ["2031-05-06"]
    assert _one(r, "Trial")["date"] == ["2031-12-11"]


def test_a_release_urged_by_a_resolution_adopted_on_a_day_is_its_adopters_demand_of_that_day(build_text):
    r = build_text(
        "On 19 March 2031 the Korvel Court sentenced Orsolya Quillon to three years. The UN Special Rapporteur on "
        'the situation of human rights defenders called the verdict "a grave blow" in a statement on 22 March 2031, '
        "and on 25 April 2031 the European Parliament adopted a resolution urging her release."
    )
    demand = _one(r, "ReleaseDemand")
    assert (demand["subject"], demand["agent"], demand["date"]) == (
        ["Orsolya Quillon"],
        ["European Parliament"],
        ["2031-04-25"],
    )


def test_a_weekday_before_its_date_is_that_date_with_the_year_of_its_update_heading(build_text):
    r = build_text(
        "CASE TRACKER\nLast updated: 8 December 2031\n\nUPDATE – 6 September 2031\nThe Supreme Court rejected the "
        "appeal of Halvard Brenik.\n\nUPDATE – 9 February 2029\nHalvard Brenik was arrested on Monday, 5 February, "
        "by officers of the Korvel Police.\n",
        name="news-2099-test",
    )
    assert _one(r, "Arrest")["date"] == ["2029-02-05"]


def test_a_verb_of_saying_with_what_is_said_is_its_speakers_statement(build_text):
    r = build_text(
        '"They took his phone and his laptop," recalls his mother, Anna Petrova, a retired teacher. Halvard Brenik '
        "wrote a book about the trial."
    )
    assert [ev["subject"] for ev in _events(r, "Statement")] == [["Anna Petrova"]]


def test_bail_granted_is_a_decision_and_the_release_it_orders_bail_denied_only_a_decision(build_text):
    r = build_text(
        "Halvard Brenik was granted bail by the Korvel Court on 8 October 2031. Orsolya Quillon was denied bail "
        "by the same court on 9 October 2031."
    )
    release = _one(r, "Release")
    assert (release["subject"], release["court"], release["date"]) == (
        ["Halvard Brenik"],
        ["Korvel Court"],
        ["2031-10-08"],
    )
    assert sorted(ev["subject"][0] for ev in _events(r, "CourtDecision")) == ["Halvard Brenik", "Orsolya Quillon"]


def test_a_sentence_opening_with_its_day_dates_what_it_tells_however_parsed(build_text):
    r = build_text(
        "On the evening of 11 July 2031, men in civilian clothes who identified themselves as SNR agents arrested "
        "Halvard Brenik at a bar in Korvel. On 12 July 2031, Orsolya Quillon said that she had been arrested."
    )
    dated = {ev["subject"][0]: ev.get("date") for ev in _events(r, "Arrest")}
    assert dated["Halvard Brenik"] == ["2031-07-11"]
    assert ["2031-07-12"] not in dated.values()  # what she said had happened took no day of the saying


def test_a_term_of_months_or_years_given_to_a_person_is_a_sentencing(build_text):
    r = build_text(
        "Halvard Brenik, 26, who led the party's youth wing in the capital, was given 20 months on the incitement "
        "charge alone. He was given two days to leave the flat, said Orsolya Quillon."
    )
    assert [(ev["subject"], ev["sentenceTerm"]) for ev in _events(r, "Sentencing")] == [(["Halvard Brenik"], ["P1Y8M"])]


def test_a_verdict_set_aside_or_upheld_is_a_decision_on_the_person_it_was_against(build_text):
    r = build_text(
        "On 11 December 2031 the Korvel Appeal Court set aside the verdict against Halvard Brenik. On 12 December "
        "2031 the Supreme Court upheld the verdict against Orsolya Quillon."
    )
    got = sorted((ev["subject"][0], ev["outcome"][0]) for ev in _events(r, "CourtDecision"))
    assert got == [("Halvard Brenik", "overturned"), ("Orsolya Quillon", "upheld")]


def test_a_warrant_issued_for_an_arrest_is_no_arrest(build_text):
    r = build_text(
        "A warrant was issued for the arrest of Halvard Brenik on 3 May 2031. The court issued a warrant for the "
        "arrest of Orsolya Quillon on 4 May 2031."
    )
    assert _events(r, "Arrest") == []


def test_the_person_right_after_a_misread_verb_of_sentencing_is_its_subject(build_text):
    r = build_text(
        "A court in Lumeria on Tuesday sentenced journalist Halvard Brenik to five years in prison on charges of "
        "treason, his lawyer said on Wednesday."
    )
    sentencing = _one(r, "Sentencing")
    assert (sentencing["subject"], sentencing["charge"]) == (["Halvard Brenik"], ["treason"])


def test_a_plural_role_names_the_persons_listed_after_its_body(build_text):
    # the parser reads "A and B" as conjuncts of the outlet; closed by a comma, they are the reporters
    r = build_text(
        "A. whereas two reporters for the Korvel Times, Tamsin Vessa and Halvard Brenik, were arrested on "
        "2 October 2030 in Varno;"
    )
    assert sorted(e["subject"] for e in _events(r, "Arrest")) == [["Halvard Brenik"], ["Tamsin Vessa"]]


def test_a_body_declared_an_extremist_organisation_is_banned(build_text):
    r = build_text(
        "A. whereas in 2031 the Supreme Court designated the Korvel Rights Centre an extremist organisation; "
        "whereas the Lumeria Democratic Party was declared a terrorist organisation in 2030; whereas the court "
        "declared Halvard Brenik a terrorist in 2030;"
    )
    assert sorted(e["subject"] for e in _events(r, "Ban")) == [["Korvel Rights Centre"], ["Lumeria Democratic Party"]]


def test_a_sentence_ending_at_a_letters_name_ends_there(build_text):
    # "X." is one token, an initial's shape: the sentence after it is no part of the one before
    r = build_text(
        "Tamsin Vessa was sentenced in absentia to five years' imprisonment for running an account on X. Two other "
        "men - Halvard Brenik and Perrin Vessa - were each jailed for three years.",
        name="news-test",
    )
    terms = {ev["subject"][0]: ev["sentenceTerm"] for ev in _events(r, "Sentencing")}
    assert terms == {"Tamsin Vessa": ["P5Y"], "Halvard Brenik": ["P3Y"], "Perrin Vessa": ["P3Y"]}


def test_an_initial_after_a_lower_case_word_still_opens_a_name(nlp):
    doc = nlp("The appeal was signed by A. Petrov and the letter posted on X. The court said nothing.")
    assert [s.text for s in doc.sents] == [
        "The appeal was signed by A. Petrov and the letter posted on X.",
        "The court said nothing.",
    ]


_JUDGMENT = (
    "IN THE COURT OF APPEAL\n\nSUMMARY OF JUDGMENT\n\nBetween:\n1. Halvard Orsel Brenik\n2. Tamsin Marit Halvorsen\n"
    "— Appellants\nAnd:\nFederal Republic of Nigeria — Respondent\n\n"
    "Coram: Hon. Justice Orsolya Quillon Varnik, JCA (Presiding)\n\n"
    "1. The 1st Appellant is the editor of an online newspaper. The 1st Appellant was arrested in Abuja on "
    "14 March 2023. The 2nd Appellant was arrested in Kano on 15 March 2023.\n"
)


def test_a_judgments_parties_are_the_appellants_its_heading_lists_by_number(build_text):
    r = build_text(_JUDGMENT, name="judgment-test")
    arrests = {ev["subject"][0]: ev["place"] for ev in _events(r, "Arrest")}
    assert arrests == {"Halvard Orsel Brenik": ["Abuja"], "Tamsin Marit Halvorsen": ["Kano"]}


def test_a_ranked_party_the_text_never_listed_is_no_one(build_text):
    # not the judge named last: an arrest on the wrong person is worse than none
    r = build_text(_JUDGMENT.replace("— Appellants\n", ""), name="judgment-test")
    assert _events(r, "Arrest") == []


def test_what_a_speakers_sentence_tells_after_its_verb_did_not_befall_the_speaker(build_text):
    # "after a trial" hung on "expressed": the trial is the defender's, not the speaker's
    r = build_text(
        "Halvard Brenik, a lawyer, also expressed concern about the case of environmental defender Tamsin Vessa, a "
        "community leader from the department of Cabañas, who on 14 February 2025 was sentenced by the Specialized "
        "Sentencing Court of San Salvador to twelve years' imprisonment for “illicit association”, after a trial "
        "in which the prosecution relied on the testimony of anonymous witnesses.",
        name="news-test",
    )
    assert [ev["subject"] for ev in _events(r, "Sentencing")] == [["Tamsin Vessa"]]
    assert all(ev["subject"] != ["Halvard Brenik"] for ev in _events(r, "Trial"))


def test_a_prosecutors_dismissal_is_no_court_decision(build_text):
    r = build_text(
        "Two other members, Perrin Vessa and Ysolde Brenik, were arrested in the town of Jaro on 20 December 2024 on "
        "similar charges. Brenik was released on 16 January 2025 after a prosecutor dismissed the complaint against "
        "her for lack of probable cause; Vessa remains in detention. On 3 March 2025 the Court of Appeal dismissed "
        "the appeal of Halvard Orsel.",
        name="news-test",
    )
    assert [ev["subject"] for ev in _events(r, "CourtDecision")] == [["Halvard Orsel"]]


def test_a_body_declared_an_unlawful_association_is_banned(build_text):
    r = build_text(
        'The Lumeria Civic Union (LCU) organised protests. LCU was declared an "unlawful association" by the state '
        "government in October 2024.",
        name="news-test",
    )
    assert [ev["subject"] for ev in _events(r, "Ban")] == [["Lumeria Civic Union"]]
    assert _events(r, "CourtDecision") == []


def test_for_whom_an_office_holder_speaks_is_no_part_of_the_office(build_text):
    r = build_text(
        "– having regard to the declaration of 2 August 2021 by the High Representative on behalf of the European "
        "Union on the situation in Lumeria,\n\n"
        "1. Instructs its President to forward this resolution to the Council, the Commission and the "
        "Vice-President of the Commission / High Representative of the Union for Foreign Affairs and Security "
        "Policy.\n"
    )
    assert [ev["subject"] for ev in _events(r, "Statement")] == [
        ["Vice-President of the Commission / High Representative of the Union for Foreign Affairs and Security Policy"]
    ]


def test_sentences_told_after_a_verdict_that_names_no_one_are_its_courts(build_text):
    r = build_text(
        "MANAMA, June 5 (Meridian) - A court in Manama has jailed five people over an online campaign.\n\n"
        "The Manama High Criminal Court handed down the verdicts on 4 June 2024 in a single hearing.\n\n"
        "The heaviest sentence went to Halvard Brenik, the founder of the Lumeria Forum.\n\n"
        "His wife, Ysolde Brenik, was given six years, while Korvel Varno received four years.\n\n"
        "In 2019, Tamsin Vessa had been sentenced to two years for a post on Facebook."
    )
    got = {
        ev["subject"][0]: (ev.get("court"), ev.get("date"), ev.get("sentenceTerm")) for ev in _events(r, "Sentencing")
    }
    verdict = (["Manama High Criminal Court"], ["2024-06-04"])
    assert got == {
        "Halvard Brenik": (*verdict, None),
        "Ysolde Brenik": (*verdict, ["P6Y"]),
        "Korvel Varno": (*verdict, ["P4Y"]),
        "Tamsin Vessa": (None, ["2019"], ["P2Y"]),  # a year of its own: another trial
    }
