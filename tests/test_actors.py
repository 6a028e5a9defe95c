"""Actors: spans, types and identity, on sentences composed with names that appear in no example document."""

from __future__ import annotations

import pytest

from pipeline.components.gazetteer import city_population
from pipeline.components.name_cues import name_type
from pipeline.components.offices import is_institutional, office_type
from pipeline.normalize.names import name_key


def _actors(result) -> dict[str, str]:
    """label -> type of every actor built."""
    return {a.label: a.type.value for a in result.actors.values()}


def _forms(result, label: str) -> set[str]:
    actor = next(a for a in result.actors.values() if a.label == label)
    return {actor.label, *actor.alt_labels}


def _typed_after(
    nlp, text: str, words: tuple[int, list[str]], ents: list[tuple[int, int, str]], proper: tuple[int, ...] = ()
):
    """The Doc of ``text`` after the actor typer, where the model had read ``ents`` ((start, end, label)) and
    nothing else, and tagged the tokens ``proper`` proper nouns: as it reads some names, which invented ones do not
    reproduce (``words``: where the test's tokens stand, checked first)."""
    from spacy.attrs import POS, TAG
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    names = [name for name, _ in nlp.pipeline]
    for _, proc in nlp.pipeline[: names.index("whereas_statistical_ents")]:
        doc = proc(doc)
    at, expected = words
    assert [t.text for t in doc[at : at + len(expected)]] == expected
    if proper:
        rows = doc.to_array([POS, TAG])
        for i in proper:
            rows[i] = [doc.vocab.strings.add("PROPN"), doc.vocab.strings.add("NNP")]
        doc.from_array([POS, TAG], rows)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    for _, proc in nlp.pipeline[names.index("whereas_statistical_ents") : names.index("whereas_actors") + 1]:
        doc = proc(doc)
    return doc


# -- what a name's own words say ------------------------------------------------------------


@pytest.mark.parametrize(
    "name, kind",
    [
        ("State Agency for Civil Registration", "GovernmentBody"),  # a state word before the head
        ("Moldovan Human Rights Commission", "GovernmentBody"),  # a national human-rights commission
        ("Harbour City Prosecutor's Office", "GovernmentBody"),
        ("Riverside Legal Defence Trust", "NGO"),  # an NGO head
        ("Colectivo Korvelo de Derechos Humanos", "NGO"),  # the head opening the name, in its own language
        ("Global Justice Alert", "NGO"),
        ("Rapid Action Battalion", "GovernmentBody"),  # a unit of the security forces
        ("Lumeria Constabulary", "GovernmentBody"),  # a police force
        ("Centre for Legal Aid and Civic Education", "NGO"),  # an institution head with civil words
        ("OSCE Mission to Skopje", "InternationalOrganisation"),  # an international prefix
        ("Valley Observer", "MediaOutlet"),
        ("Diario del Lago", "MediaOutlet"),  # a newspaper's word in its own language, opening the name
        ("Radyo Lumad Sentral", "MediaOutlet"),
        ("Lakeside Remand Prison", "Place"),
        ("Northern Province", "Place"),
        ("Democratic Choice Party", "PoliticalParty"),
        ("Supreme Court of Ruthenia", "Court"),
        ("Constitutional Council", "Court"),  # a two-word head: a court, not a council
        ("Provincial People's Committee of Binh Son", "GovernmentBody"),  # the possessive split off
        ("Inter-American Commission on Human Rights", "InternationalOrganisation"),
        ("High Judicial Council", "GovernmentBody"),
        ("Boulevard Ahmadou Diallo", "Place"),  # a street word opening a name
        ("Moldova Civic Rights Bureau", "NGO"),  # a bureau with civil words, its country named
        ("Kazakhstan International Bureau for Human Rights", "NGO"),
        ("Prosecutor-General ’s Office", "GovernmentBody"),  # a hyphened prosecutor
        ("House of Representatives", "GovernmentBody"),
    ],
)
def test_a_names_own_words_give_its_type(name, kind):
    assert name_type(name.split())[0] == kind


def test_a_persons_name_says_nothing_of_a_type():
    assert name_type(["Oksana", "Melnyk"]) is None


def test_city_gazetteer_knows_other_spellings():
    assert city_population("Homyel") == city_population("Gomel") > 300_000
    assert city_population("Oksana Melnyk") is None


def test_name_keys_are_transliterated():
    assert name_key("Barış Yıldırım") == name_key("Baris Yildirim") == "baris yildirim"
    assert name_key("Đoàn Thị Lụa") == "doan thi lua"


# -- spans -------------------------------------------------------------------------------------


def test_institutions_with_their_state_and_listed_portfolios(build_text):
    r = build_text(
        "On 3 May 2021 the Supreme Court of the Slovak Republic and the Ministry of Labour, Social "
        "Affairs and Family rejected the appeal of Marek Hudak.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Supreme Court of the Slovak Republic"] == "Court"
    assert actors["Ministry of Labour, Social Affairs and Family"] == "GovernmentBody"


def test_places_of_detention_named_with_a_lower_case_head(build_text):
    r = build_text(
        "The blogger Samir Haddad was moved from Tazmamart prison to Detention Centre No. 4 in October 2020.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Tazmamart prison"] == "Place"
    assert actors["Detention Centre No. 4"] == "Place"
    assert actors["Samir Haddad"] == "Person"  # the occupation before the name is not part of it


def test_a_numbered_place_of_detention_and_a_place_before_an_abbreviated_month(build_text):
    r = build_text(
        "The reporter Perrin Vessa, arrested at Korvel airport on Feb. 24, 2023, is held in Penitentiary No. 13.",
        name="news-test",
    )
    assert _actors(r) == {"Perrin Vessa": "Person", "Korvel airport": "Place", "Penitentiary No. 13": "Place"}


def test_a_court_named_after_its_city_in_lower_case_but_not_an_indefinite_one(build_text):
    r = build_text(
        "Separately, the Velgrad court on Sunday sentenced Ana Vell, an activist, to three years in prison. "
        "A Moscow court sentenced the blogger Ivo Marek to five years. A Kazakh court fined him.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Velgrad court"] == "Court"
    assert not {"Moscow court", "Kazakh court"} & set(actors)


def test_a_surname_alone_names_the_person_an_earlier_part_named_in_full(nlp):
    """The model tags no name in "Quiroga was released …"; the document's earlier part named Ana Quiroga
    (``doc._.document``, one dict shared by the parts of a document, carries the surnames)."""
    memory: dict = {}
    first = nlp.make_doc("The journalist Ana Quiroga was arrested on 2 April 2024.")
    first._.document = memory
    nlp(first)
    assert memory == {"surnames": {"quiroga": "Ana Quiroga"}, "first_names": {"ana": "Ana Quiroga"}, "bodies": {}}
    text = "Quiroga was released on May 9, 2024, under precautionary measures that require her to report to the court."
    assert "Quiroga" not in [e.text for e in nlp(text).ents]  # alone, no name
    later = nlp.make_doc(text)
    later._.document = memory
    assert next((e.text, e.label_) for e in nlp(later).ents) == ("Quiroga", "Person")


def test_an_acronym_in_brackets_spells_out_its_name_and_is_the_same_actor(build_text):
    r = build_text(
        "Officers of the Bureau for Civic Integrity and Lawful Order (BCILO) searched the offices of "
        "the Centre for Legal Aid and Civic Education (CLACE). BCILO agents took away computers.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Centre for Legal Aid and Civic Education"] == "NGO"
    assert "CLACE" in _forms(r, "Centre for Legal Aid and Civic Education")
    assert "BCILO" in _forms(r, "Bureau for Civic Integrity and Lawful Order")


def test_a_model_entity_lost_to_a_bare_vocabulary_word_is_kept(build_text):
    # "Council" alone names the EU's Council; inside a state body's name it must not swallow it
    r = build_text(
        "The National Broadcasting Council revoked the licence of Radio Dunav on 2 June 2022.", name="news-test"
    )
    assert _actors(r)["National Broadcasting Council"] == "GovernmentBody"


def test_headlines_codes_and_platforms_are_no_actors(build_text):
    r = build_text(
        "Moldova: A Reporter Jailed, a Station Closed\n\nThe reporter Ion Rusu posted the video on "
        "Telegram and YouTube; the appeal UA 17/23 was issued on 4 March 2023.",
        name="news-test",
    )
    actors = _actors(r)
    assert not {"Telegram", "YouTube", "Station", "UA"} & set(actors)
    assert actors["Ion Rusu"] == "Person"


def test_a_courts_registry_and_the_official_journal_are_no_actors(build_text):
    r = build_text(
        "This summary has been prepared by the Registry and does not bind the Court.\n\n"
        "The Court dissolved the Lumeria Renewal Party and ordered that its decision be published in the "
        "Official Journal."
    )
    assert not {"Registry", "Official Journal"} & set(_actors(r))


def test_a_headings_roman_number_is_no_part_of_a_name(build_text):
    r = build_text(
        "I. Information received\n\nII. Perrin Vessa: eleven years for a lawyer\n\n"
        "The lawyer Perrin Vessa was arrested on 3 May 2023.",
        name="news-test",
    )
    assert _actors(r) == {"Perrin Vessa": "Person"}


def test_an_international_bodys_acronym_before_its_people_is_no_mention_of_the_body(build_text):
    r = build_text(
        "On 20 September 2023 UN human rights experts called for the release of Perrin Vessa. He is subject to "
        "EU restrictive measures. KGB officers arrested the journalist Perrin Vessa on 3 May 2023.",
        name="news-test",
    )
    assert _actors(r) == {"EU": "InternationalOrganisation", "KGB": "GovernmentBody", "Perrin Vessa": "Person"}


def test_real_international_and_national_bodies_are_known_by_name(build_text):
    r = build_text(
        "On 20 September 2023 the Commonwealth, the Organisation internationale de la Francophonie and the ACP-EU "
        "Joint Parliamentary Assembly condemned the arrest of Perrin Vessa. The Tatmadaw detained him. A member of "
        "the Verkhovna Rada and a deputy of the State Duma spoke for him.",
        name="news-test",
    )
    assert _actors(r) == {
        "Commonwealth": "InternationalOrganisation",
        "Organisation internationale de la Francophonie": "InternationalOrganisation",
        "ACP-EU Joint Parliamentary Assembly": "InternationalOrganisation",
        "Tatmadaw": "GovernmentBody",
        "Verkhovna Rada": "GovernmentBody",
        "State Duma": "GovernmentBody",
        "Perrin Vessa": "Person",
    }


def test_a_capitalised_noun_of_a_headline_names_no_one_after_it(build_text):
    r = build_text(
        "Lumeria: Rights Lawyer Forcibly Disappeared, Then Jailed on Terrorism Charges\n"
        "Journalist Briefly Held, News Website Blocked After Reporting on Case\n\n"
        "May 21, 2024\n\nThe journalist Tamsin Vessa was held for six hours on 2 May 2024.",
        name="news-test",
    )
    actors = _actors(r)
    assert "Briefly Held" not in actors
    assert actors["Tamsin Vessa"] == "Person"


# -- types from context ------------------------------------------------------------------------


def test_lower_case_words_before_a_name_say_its_kind_and_are_no_part_of_it(build_text):
    r = build_text(
        "Halvard Brenik is a former member of the board of the cultural association Asirem, which the "
        "Administrative Court of Korvel dissolved on 13 October 2021.",
        name="news-test",
    )
    assert _actors(r)["Asirem"] == "NGO"


def test_an_organisation_named_after_its_country_keeps_the_country_in_its_name(build_text):
    r = build_text(
        "Tamsin Vessa, a researcher with the Uganda Centre for Rights and Dignity, was arrested on 2 May 2023.",
        name="news-test",
    )
    assert _actors(r) == {"Tamsin Vessa": "Person", "Uganda Centre for Rights and Dignity": "NGO"}


def test_a_title_opening_the_name_of_a_place_is_no_persons(build_text):
    r = build_text("Perrin Vessa was arrested at the King Fahd Causeway on 3 May 2023.", name="news-test")
    assert _actors(r) == {"Perrin Vessa": "Person", "King Fahd Causeway": "Place"}


def test_a_bylines_publisher_is_an_outlet(build_text):
    r = build_text(
        "Letters from Korvel\n\nBy Ysolde Brenik, The Korvel Quarterly\n21 October 2024\n\n"
        "Perrin Vessa was arrested on 3 May 2024.",
        name="news-test",
    )
    assert _actors(r) == {"Ysolde Brenik": "Person", "Korvel Quarterly": "MediaOutlet", "Perrin Vessa": "Person"}


def test_an_apposition_types_the_name_before_it(build_text):
    r = build_text(
        "Lucía Ferrer, a reporter for El Faro del Sur, a weekly newspaper in Cusco, was detained on 9 May 2022.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["El Faro del Sur"] == "MediaOutlet"
    assert actors["Lucía Ferrer"] == "Person"


def test_a_role_before_a_comma_or_a_colon_makes_a_person(build_text):
    r = build_text(
        "His wife, Delia Marwick, was questioned for six hours.\n\nAuthor: Tomasz Wrobel, Policy Department",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Delia Marwick"] == "Person"
    assert actors["Tomasz Wrobel"] == "Person"


def test_a_court_of_a_place_named_with_a_particle_is_whole(build_text):
    r = build_text(
        "In May 2019 the Provincial People's Court of Villa del Rosario sentenced Irene Calvo to three years.",
        name="news-test",
    )
    assert _actors(r)["Provincial People's Court of Villa del Rosario"] == "Court"


def test_the_subject_of_a_persons_predicate_is_a_person(build_text):
    # the model reads this name as an organisation; "was born" and "was arrested" say otherwise
    r = build_text(
        "Odalys Cisneros Montalvo was born in 1979 in Santiago de Cuba, the daughter of a worker. "
        "Odalys Cisneros Montalvo was arrested on 4 May 2021.",
        name="news-test",
    )
    assert _actors(r)["Odalys Cisneros Montalvo"] == "Person"


def test_a_name_before_born_is_a_person_and_a_judges_title_before_a_country_is_a_bodys_name(build_text):
    # the model reads the name as a place; "Justice" opens a body's name ending on its country, not a judge's
    r = build_text(
        "Ysolde Marenvi Quillor\n\nYsolde Marenvi Quillor (born 2 May 1976) is a Lumerian lawyer. She is the founder "
        "of Justice Access Moldova (JAM), a legal aid organisation.\n\nMarenvi was arrested on 3 May 2011.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Ysolde Marenvi Quillor"] == "Person"
    assert actors["Justice Access Moldova"] != "Person"
    assert "Marenvi" not in actors  # the one person, named by her surname


# -- offices -----------------------------------------------------------------------------------


def test_offices_as_institutions():
    assert is_institutional("UN Special Rapporteur on the right to food")
    assert is_institutional("President of the Republic of Moldova")
    assert not is_institutional("Minister of Education")
    assert not is_institutional("President")
    assert office_type("UN Special Rapporteur on the right to food") == "InternationalOrganisation"
    assert office_type("Ombudsman of Armenia") == "GovernmentBody"


def test_an_office_with_no_holder_in_the_text_is_an_actor(build_text):
    r = build_text(
        "On 2 April 2024 the UN Special Rapporteur on the independence of judges and lawyers said "
        "that the trial of Pavel Orlik was unfair.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["UN Special Rapporteur on the independence of judges and lawyers"] == "InternationalOrganisation"
    assert "UN" not in actors  # the office's own organisation is no second actor


def test_a_state_office_with_no_holder_is_a_government_body(build_text):
    r = build_text(
        "4. Calls on the President of the Republic of Moldova to pardon Andrei Cebotari;", name="ep-2099-test"
    )
    assert _actors(r)["President of the Republic of Moldova"] == "GovernmentBody"


# -- identity ----------------------------------------------------------------------------------


def test_given_names_and_surnames_join_the_full_name(build_text):
    r = build_text(
        "Police arrested Tesfaye Bekele Woldemariam on 2 June 2023. Tesfaye was held for a week. "
        "Bekele Woldemariam said he was beaten.",
        name="news-test",
    )
    people = [a for a in r.actors.values() if a.type.value == "Person"]
    assert [p.label for p in people] == ["Tesfaye Bekele Woldemariam"]
    assert {"Tesfaye", "Bekele Woldemariam"} <= set(people[0].alt_labels)


def test_a_surname_shared_by_a_relative_goes_to_the_person_introduced_first(build_text):
    r = build_text(
        "The journalist Goran Vukovic was arrested on 3 March 2021. His sister, Mira Vukovic, said "
        "the charges were invented. Vukovic denies them.",
        name="news-test",
    )
    assert "Vukovic" in _forms(r, "Goran Vukovic")
    assert "Vukovic" not in _forms(r, "Mira Vukovic")


def test_a_surname_after_ms_shared_by_a_husband_goes_to_the_woman(build_text):
    r = build_text(
        "Police detained Halvard Brenik, a lawyer and the husband of the party leader, Ysolde Brenik, on 6 "
        "November.\n\nMs Brenik told the mission on 7 November that the arrests were designed to frighten voters."
    )
    assert [ev.subjects for ev in _events(r, "Statement")] == [("ysolde brenik",)]


def test_a_given_name_and_surname_without_the_middle_name_is_the_person_whose_name_opens_with_it(build_text):
    r = build_text(
        "Perrin Halvard Vessa, a lawyer, was arrested on 3 March 2021. His son, Halvard Perrin Vessa, was "
        "arrested on 5 May 2021. Halvard was released in June 2021. The network calls for the release of "
        "Perrin Vessa.",
        name="news-test",
    )
    assert {"Perrin Vessa"} <= _forms(r, "Perrin Halvard Vessa")
    assert {"Halvard"} <= _forms(r, "Halvard Perrin Vessa")
    assert "Perrin Vessa" not in _forms(r, "Halvard Perrin Vessa")


def test_the_names_of_a_contact_card_are_people(build_text):
    r = build_text(
        "Lumeria: Statement on the sentencing of Tamsin Vessa\n\n07.08.2025\n\n"
        "The EU calls for the release of Tamsin Vessa.\n\nFor further information:\n\n"
        "Ysolde Brenik-Varno\nLead Spokesperson for Foreign Affairs and Security Policy\n+32 (0)2 29 86570\n\n"
        "Halvard Kelmar\nPress Officer for Foreign Affairs and Security Policy\n+32 (0)2 29 53183\n",
        name="news-test",
    )
    actors = _actors(r)
    assert (actors["Ysolde Brenik-Varno"], actors["Halvard Kelmar"]) == ("Person", "Person")


def test_a_role_named_alone_is_no_one(build_text):
    r = build_text(
        "Lumeria: Statement by the Spokesperson on the sentencing of journalist Tamsin Vessa\n\n07.08.2025\n\n"
        "Yesterday the Orsk City Court sentenced Tamsin Vessa to two years in prison.",
        name="news-test",
    )
    assert "Spokesperson" not in _actors(r)


def test_a_name_the_text_calls_an_organisation_is_one_though_the_model_reads_a_person(build_text):
    r = build_text(
        "On 19 February 2025 the authorities cancelled the registration of the human rights organisation "
        "Manovar Selik.\n\nManovar Selik denies the accusations. Police arrested Tamsin Vessa, a volunteer "
        "with Manovar Selik, in Orsk.\n\nPolice searched the newsroom of the independent newspaper Vitebsk "
        "Kurier in Vitebsk. Vitebsk Kurier was closed.",
        name="news-test",
    )
    actors = _actors(r)
    assert (actors["Manovar Selik"], actors["Tamsin Vessa"]) == ("NGO", "Person")
    assert (actors["Vitebsk Kurier"], actors["Vitebsk"]) == ("MediaOutlet", "Place")  # the city is no outlet's alias
    assert "Vitebsk" not in _forms(r, "Vitebsk Kurier")


def test_a_shorter_name_of_an_organisation_joins_its_full_name(build_text):
    r = build_text(
        "The Harbour Tribune published the report on 1 May 2022. The Tribune was fined a week later.", name="news-test"
    )
    assert "Tribune" in _forms(r, "Harbour Tribune")
    assert _actors(r)["Harbour Tribune"] == "MediaOutlet"


def test_a_numbered_place_named_short_is_the_one_of_its_number(build_text):
    r = build_text(
        "The journalist Perrin Vessa is serving his sentence in Correctional Colony No. 47 in Korvel. The Ombudsman visited "
        "Vessa in Colony No. 47 on 3 May 2024.",
        name="news-test",
    )
    assert "Colony No. 47" in _forms(r, "Correctional Colony No. 47")
    assert "Colony No. 47" not in _actors(r)


def test_native_and_ascii_spellings_are_one_person(build_text):
    r = build_text(
        "Barış Yıldırım, a columnist, was detained on 5 May 2020. Prosecutors said Baris Yildirim "
        "had insulted the president.",
        name="news-test",
    )
    people = [a for a in r.actors.values() if a.type.value == "Person"]
    assert len(people) == 1


def test_bodies_listed_with_the_state_they_share_are_each_named_with_it(build_text):
    r = build_text(
        "7. Instructs its President to forward this resolution to the Council, the Commission and the "
        "President, Government and Milli Majlis of the Republic of Azerbaijan.",
        name="ep-2099-test",
    )
    actors = _actors(r)
    assert actors["Government of the Republic of Azerbaijan"] == "GovernmentBody"
    assert actors["President of the Republic of Azerbaijan"] == "GovernmentBody"
    assert actors["Milli Majlis"] == "GovernmentBody"  # a body with a name of its own keeps it


def test_a_persons_name_the_model_cut_short_or_misread_is_made_whole(build_text):
    r = build_text(
        "Those convicted include the poet Rosendo Aguirre Maldonado and the student leader Itzel Paredes Quispe.",
        name="news-test",
    )
    people = {label for label, kind in _actors(r).items() if kind == "Person"}
    assert people == {"Rosendo Aguirre Maldonado", "Itzel Paredes Quispe"}


def test_names_with_lower_case_particles_are_whole(build_text):
    r = build_text(
        "Judge Mariana dos Santos ordered the release of Pedro van der Berg, and Carlos Mendes, the "
        "editor-in-chief of Folha do Norte, was questioned.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Mariana dos Santos"] == "Person"
    assert actors["Pedro van der Berg"] == "Person"
    assert actors["Folha do Norte"] == "MediaOutlet"
    assert "Santos" not in actors and "Folha" not in actors


def test_a_surname_opened_by_a_joined_particle_ends_the_name_the_model_cut_before_it(nlp):
    # as the model reads some Arabic names: "[Hasan Mirza] al-Qassab", the surname left out
    doc = _typed_after(
        nlp,
        "The court jailed Halvard Mirza al-Brenik for three years.",
        (3, ["Halvard", "Mirza", "al-Brenik"]),
        [(3, 5, "PERSON")],
    )
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "Person"] == [("Halvard Mirza al-Brenik", "Person")]


def test_a_name_the_model_ended_at_a_link_word_goes_on_through_the_capitalised_words_after_it(build_text):
    r = build_text("Members of the Full Gospel Fellowship of Harare were detained on 2 May 2031.", name="news-test")
    names = set(_actors(r))
    assert "Full Gospel Fellowship of Harare" in names
    assert not any(n.endswith(" of") for n in names)


def test_a_biographys_name_with_its_native_spelling_and_birth_in_brackets_is_a_person(build_text):
    r = build_text(
        "Halvard Brenik (Kazakh: Халвард Бреник; born 2 August 1974) is an economist and opposition politician.",
        name="bio-test",
    )
    assert _actors(r) == {"Halvard Brenik": "Person"}


def test_a_role_in_brackets_after_a_name_is_no_actor_and_a_title_makes_a_person_in_a_list(build_text):
    r = build_text(
        "*The experts: Working Group on Arbitrary Detention: Ms Orsolya Quillon (Chair-Rapporteur), Mr Halvard "
        "Brenik (Vice-Chair on Communications), Ms Tamsin Vessa and Mr Perrin Vessa.",
        name="un-test",
    )
    actors = _actors(r)
    assert actors == {
        "Working Group on Arbitrary Detention": "InternationalOrganisation",
        "Orsolya Quillon": "Person",
        "Halvard Brenik": "Person",
        "Tamsin Vessa": "Person",
        "Perrin Vessa": "Person",
    }


def test_state_bodies_named_with_a_list_a_hyphened_prosecutor_or_a_house(build_text):
    r = build_text(
        "On 3 May 2031 the Federal Service for Supervision of Communications, Information Technology and Mass Media "
        "blocked the site. The Prosecutor-General’s Office opened a case. The House of Representatives voted.",
    )
    assert _actors(r) == {
        "Federal Service for Supervision of Communications, Information Technology and Mass Media": "GovernmentBody",
        "Prosecutor-General’s Office": "GovernmentBody",
        "House of Representatives": "GovernmentBody",
    }


def test_a_bodys_acronym_is_of_its_whole_name_not_of_the_country_it_ends_with(build_text):
    r = build_text(
        "Burundi: rights defender convicted\n\nTamsin Vessa, the legal representative of the association "
        "Solidarité pour les Prisonniers du Burundi (SOPRIBU), was arrested on 14 February 2031 in Bujumbura. Her "
        "lawyer, Halvard Brenik, a partner at the law firm Zashchita i Pravo, was arrested the next day.",
        name="un-test",
    )
    actors = _actors(r)
    assert actors["Solidarité pour les Prisonniers du Burundi"] in ("NGO", "Organisation")
    assert actors["Burundi"] == "Country"
    assert actors["Zashchita i Pravo"] == "Organisation"


def test_a_surname_alone_the_model_took_for_a_body_is_the_person_named_before(build_text):
    r = build_text(
        "Nurzhan Zhumabay is an economist and opposition politician.\n\nFamily\n\nZhumabay is married to Saltanat "
        "Ermekova, a paediatrician.",
        name="bio-test",
    )
    assert _actors(r) == {"Nurzhan Zhumabay": "Person", "Saltanat Ermekova": "Person"}
    spouses = {
        tuple(sorted((r.actors[rel.subject].label, r.actors[rel.object].label)))
        for doc in r.documents
        for rel in doc.relations
        if rel.type.value == "spouseOf" and rel.object
    }
    assert spouses == {("Nurzhan Zhumabay", "Saltanat Ermekova")}


def test_an_acronym_heads_word_not_in_capitals_in_a_persons_name_says_no_type(build_text):
    # "Ngo" ("daughter of") in a Cameroonian name is no NGO; "NGO" in capitals is
    r = build_text(
        "B. whereas on 28 January 2031 Tamsin Vessa was arrested in Douala together with the party’s vice-president, "
        "Marthe Ekani Ngo Biyong, and its treasurer, Perrin Vessa;",
    )
    assert _actors(r) == {
        "Tamsin Vessa": "Person",
        "Marthe Ekani Ngo Biyong": "Person",
        "Perrin Vessa": "Person",
        "Douala": "Place",
    }
    assert name_type("Lumeria NGO".split()) == ("NGO", "head:ngo")


def test_an_urgent_actions_index_code_and_names_field_are_no_actors(build_text):
    r = build_text(
        "FURTHER INFORMATION ON UA 112/31    Index: MDE 12/0417/2031    Egypt    Date: 9 April 2031\n\n"
        "Tamsin Vessa was arrested in Cairo on 2 April 2031.\n\nNAMES AND PRONOUNS: Tamsin Vessa (she/her)",
        name="ua-test",
    )
    names = {n.lower() for n in _actors(r)}
    assert "mde" not in names and "names" not in names and "pronouns" not in names
    assert "tamsin vessa" in names


def test_a_body_named_in_french_or_spanish_is_whole_and_no_person(build_text):
    r = build_text(
        "On 3 September 2023, agents arrested four members of the Collectif Ubuntu pour les Droits Humains "
        "(CUDH), a Burundian organisation. The lawyers of Justicia en Red said the raid was illegal.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Collectif Ubuntu pour les Droits Humains"] == "NGO"
    assert actors["Justicia en Red"] == "Organisation"
    assert "Droits Humains" not in actors


def test_a_patronymic_inside_a_name_keeps_the_name_whole(build_text):
    r = build_text(
        "The applicants, Rauf Akif oglu Sultanli and Gunel Rafig gizi Aghayeva, are Azerbaijani nationals.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Rauf Akif oglu Sultanli"] == "Person" and actors["Gunel Rafig gizi Aghayeva"] == "Person"
    assert "Aghayeva" not in actors and "Gunel Rafig" not in actors


def test_a_state_bodys_name_goes_on_after_the_and_of_its_mandate(build_text):
    r = build_text(
        "On 27 February 2025 officers of the Main Directorate for Combating Organised Crime and Corruption "
        "(GUBOPiK) detained Orsolya Quillon.",
        name="news-test",
    )
    assert _actors(r)["Main Directorate for Combating Organised Crime and Corruption"] == "GovernmentBody"


def test_a_letters_salutation_is_no_part_of_a_name(build_text):
    r = build_text("Dear Prosecutor General,\n\nI write about Halvard Brenik, held in Minsk.", name="news-test")
    assert not [label for label in _actors(r) if label.startswith("Dear")]
    assert _actors(r)["Halvard Brenik"] == "Person"


def test_a_surname_with_an_article_after_an_honorific_is_the_person_named_in_full(build_text):
    r = build_text(
        "The rights defender Halvard Brenik al-Quillon was arrested in Kelmar on 3 May 2031. Mr. al-Quillon "
        "was sentenced to ten years in prison. Dr Tae-sun Vessa visited him.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Halvard Brenik al-Quillon"] == "Person"
    assert actors["Tae-sun Vessa"] == "Person"
    assert "al-Quillon" not in actors and "Mr. al-Quillon" not in actors
    [sentencing] = [e for e in r.documents[0].events if e.type.value == "Sentencing"]
    assert sentencing.subjects == ("halvard brenik al quillon",)


def test_names_listed_between_dashes_or_after_a_colon_are_people(build_text):
    r = build_text(
        "Three activists—Aigerim Bekova, Dauren Sultanov, and Nurlan Ospanov—were convicted on 4 June 2022. "
        "The defendants: Rustam Aliyev, Kamran Mammadov and Elnur Huseynov.",
        name="news-test",
    )
    actors = _actors(r)
    for name in ("Aigerim Bekova", "Dauren Sultanov", "Nurlan Ospanov", "Elnur Huseynov"):
        assert actors[name] == "Person"


def test_a_head_holding_a_preposition_opens_a_name():
    assert name_type("Council of State".split()) == ("Court", "head:council of state")
    assert name_type("Council of Ministers of Ukraine".split())[0] == "GovernmentBody"


def test_a_royal_title_before_a_name_is_an_office_not_part_of_the_name(build_text):
    r = build_text("Crown Prince Khalid bin Faisal met King Hamad in Riyadh on 3 May 2019.", name="news-test")
    actors = _actors(r)
    assert actors["Khalid bin Faisal"] == "Person" and actors["Hamad"] == "Person"


# -- letters, forms and addresses ------------------------------------------------------------


def test_an_address_block_and_a_forms_labels_make_no_actors(build_text):
    r = build_text(
        "UA 12/26 Index: AFR 11/2222/2026 Ruvania Date: 2 May 2026\n\n"
        "The journalist Odile Mbarga was arrested on 1 May 2026.\n\n"
        "Minister Kofi Adomako\nOffice of the President\nPO Box 311, Liberty Avenue\nFreetown, Sierra Leone\n\n"
        "Dear Minister Adomako,\n\nI urge you to release Odile Mbarga.",
        name="ua-2026-test",
    )
    actors = _actors(r)
    assert actors["Odile Mbarga"] == "Person"
    assert actors["Kofi Adomako"] == "Person"
    assert actors["Office of the President"] == "GovernmentBody"
    assert actors["Liberty Avenue"] == "Place"
    assert not [a for a in actors if "Date" in a or "Box" in a or "Dear" in a or "Avenue Freetown" in a]


def test_a_kind_word_before_or_after_a_name_types_it(build_text):
    actors = _actors(
        build_text(
            "A. whereas Sina Halvorsen, a correspondent for the weekly Nordlys, and Rashid Mansour of the Al-Fajr "
            "newspaper were expelled; whereas Zhanna Abenova, an activist of the party Hezb-e Azadi, was detained;"
        )
    )
    assert actors["Nordlys"] == "MediaOutlet"
    assert actors["Al-Fajr"] == "MediaOutlet"
    assert actors["Hezb-e Azadi"] == "PoliticalParty"


def test_a_role_in_a_union_is_no_public_office(build_text):
    actors = _actors(
        build_text("A. whereas Mohamed Salah Eddine, Secretary General of the Tunisian Labour Union, was detained;")
    )
    assert actors["Mohamed Salah Eddine"] == "Person"
    assert "Tunisian Labour Union" in actors


def test_a_parliaments_own_name_is_a_state_body(build_text):
    assert _actors(build_text("A. whereas the Majlis adopted the law on 4 April 2020;")) == {"Majlis": "GovernmentBody"}


def test_a_courts_chamber_or_division_is_the_court(build_text):
    r = build_text(
        "A. whereas the Supreme Court of Justice (SCJ) upheld the ban; whereas the Electoral Chamber of the SCJ had "
        "ruled on 3 May 2020; whereas the Central High Court, Meskel Division, tried Abel Girma; whereas the "
        "Central High Court refused bail on 2 June 2020;"
    )
    courts = [a for a in r.actors.values() if a.type.value == "Court"]
    assert len(courts) == 2, [(a.label, a.alt_labels) for a in courts]
    forms = sorted(sorted({a.label, *a.alt_labels}) for a in courts)
    assert forms == [
        ["Central High Court", "Central High Court, Meskel Division"],
        ["Electoral Chamber of the SCJ", "SCJ", "Supreme Court of Justice"],
    ]


def test_the_court_of_a_judgment_summary_is_the_european_court(build_text):
    r = build_text(
        "The Ankara 3rd Magistrate's Court ordered the detention of Deniz Kaya on 2 May 2019. In its judgment of "
        "4 June 2024 the European Court of Human Rights held that there had been a violation. The Court awarded "
        "Deniz Kaya 10,000 euros.",
        name="echr-2099-test",
    )
    assert "Court" in _forms(r, "European Court of Human Rights")
    assert "Court" not in _forms(r, "Ankara 3rd Magistrate's Court")


def test_a_name_cut_at_the_and_of_its_mandate_is_whole(build_text):
    actors = _actors(
        build_text(
            "A. whereas Awa Traoré, president of the Sahelian Movement for Human and Peoples' Rights (SMHPR), was "
            "abducted on 2 May 2024; whereas the Superior Council of Communication suspended Radio Sahel;"
        )
    )
    assert actors["Sahelian Movement for Human and Peoples' Rights"] == "NGO"
    assert actors["Superior Council of Communication"] == "GovernmentBody"
    assert not [a for a in actors if a.startswith("Peoples")]


def test_an_office_naming_a_body_and_a_person_after_a_verb(build_text):
    r = build_text(
        "The Attorney General's Office charged Rosa Quispe on 3 May 2022. Attorney General Tomas Villca said the "
        "evidence was strong.",
        name="news-2099-test",
    )
    actors = _actors(r)
    assert actors["Attorney General's Office"] == "GovernmentBody"
    assert actors["Rosa Quispe"] == "Person"
    rels = {(rel.type.value, r.actors[rel.subject].label, rel.position) for d in r.documents for rel in d.relations}
    assert rels == {("holdsPosition", "Tomas Villca", "Attorney General")}


def test_names_listed_after_a_plural_kind_are_of_that_kind(build_text):
    actors = _actors(
        build_text(
            "A. whereas the authorities closed the newspapers Nordlys and Vestvind in 2020; whereas the parties "
            "Frihet and Samhold were banned; whereas the human rights groups Kalinga Watch and Sentinela were raided;"
        )
    )
    assert {k: v for k, v in actors.items() if k not in ("authorities",)} == {
        "Nordlys": "MediaOutlet",
        "Vestvind": "MediaOutlet",
        "Frihet": "PoliticalParty",
        "Samhold": "PoliticalParty",
        "Kalinga Watch": "NGO",
        "Sentinela": "NGO",
    }


def test_a_double_surname_the_tagger_took_for_a_noun_continues_a_name_after_a_title():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from pipeline.components.actors import _name_run

    words = ["On", "1", "May", "Ms", "Hlakwenza-Dumisa", "was", "arrested", "by", "Pro-democracy", "groups"]
    pos = ["ADP", "NUM", "PROPN", "PROPN", "NOUN", "AUX", "VERB", "ADP", "NOUN", "NOUN"]
    doc = Doc(Vocab(), words=words, pos=pos)
    assert _name_run(doc, 3, set()) == 5  # "Ms Hlakwenza-Dumisa"
    assert _name_run(doc, 8, set()) == 8  # no proper noun to continue


def test_a_press_release_is_its_authors_not_part_of_the_name(build_text):
    r = build_text(
        "Ruritanian Ministry of Foreign Affairs\nPress release | No: 019/24 | Date: 14 February 2024\n\n"
        "Ruritania is concerned by the sentencing of the lawyer Ilona Varga to ten years in prison.\n\n"
        "Press contact: Communication unit, Ruritanian Ministry of Foreign Affairs",
        name="mfa-2099-test",
    )
    named = [a.label for a in r.actors.values() if "Ministry" in a.label]
    assert named == ["Ruritanian Ministry of Foreign Affairs"]


def test_the_parts_of_a_document_share_what_they_read(nlp):
    """``annotate`` gives every part of one document the same memory: a later part reads what an earlier one named."""
    from pipeline.doc_to_facts import annotate
    from pipeline.facts import SourceDocument
    from pipeline.read.cleanup import clean
    from pipeline.structure import find_structure

    def source(name: str, first: str) -> SourceDocument:
        text = clean(
            f"Orsk, 10 May 2024\n\nThe journalist {first} Quiroga was arrested on 2 April 2024.\n\n"
            "Quiroga was released on May 9, 2024, under precautionary measures that require her to report "
            "to the court every 30 days."
        )
        return SourceDocument(name, f"{name}.txt", text)

    sources = [source("news-a", "Ana"), source("news-b", "Marta")]
    facts = list(annotate(nlp, [(s, find_structure(s)) for s in sources]))
    for f in facts:  # the lone surname of the last part is a person's mention in each document
        last = f.structure.parts[-1]
        assert [(m.text, m.type.value) for m in f.mentions if m.start >= last.start][:1] == [("Quiroga", "Person")]


def test_an_acronym_an_earlier_part_defined_is_the_same_actor_later(nlp):
    """ "the Centre for Civic Engagement (CCE)" in one paragraph, "CCE staff …" in a later one."""
    memory: dict = {}
    first = nlp.make_doc("Agents raided the Centre for Civic Engagement (CCE) in Orsk on 3 April 2024.")
    first._.document = memory
    nlp(first)
    assert list(memory.get("acronyms", {})) == ["CCE"]
    text = "On Monday two CCE staff were detained."
    later = nlp.make_doc(text)
    later._.document = memory
    assert ("CCE", "NGO") in [(e.text, e.label_) for e in nlp(later).ents]


def test_two_people_the_model_read_as_one_name_and_a_name_going_on_past_a_head(nlp):
    """ "Marek Tarvel and Ilan Tarvel" are two people; "the Lumeria Press Union" is not the outlet "Lumeria Press"."""
    doc = nlp("On 3 May 2031 the Lumeria Press Union called for the release of Marek Tarvel and Ilan Tarvel.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ != "DATE"] == [
        ("Lumeria Press Union", "Organisation"),
        ("Marek Tarvel", "Person"),
        ("Ilan Tarvel", "Person"),
    ]


def test_a_first_name_alone_names_the_person_an_earlier_part_named_in_full(nlp):
    """A lone first name the model takes for a place is the person the document named in full before."""
    memory: dict = {}
    first = nlp.make_doc("The journalist Yannis Vell was arrested on 2 April 2031.")
    first._.document = memory
    nlp(first)
    assert memory["first_names"] == {"yannis": "Yannis Vell"}
    later = nlp.make_doc("On 1 April 2031, Yannis was transferred to Kessel prison, far from his family.")
    later._.document = memory
    assert ("Yannis", "Person") in [(e.text, e.label_) for e in nlp(later).ents]


def test_a_wire_storys_un_rights_office_and_a_peoples_alliance(build_text):
    r = build_text(
        "KELMAR, May 4 (Wire) – The U.N. human rights office said on Monday it was concerned about the arrest of "
        "Halvard Brenik, a member of the opposition Kelmar People's Alliance.",
        name="news-2099-test",
    )
    actors = _actors(r)
    office = next(a for a in r.actors.values() if a.key == "ohchr")
    assert "U.N. human rights office" in {office.label, *office.alt_labels}
    assert "U.N." not in actors and "United Nations" not in actors
    assert actors["Kelmar People's Alliance"] == "PoliticalParty"


def test_a_name_after_a_title_is_the_name_without_it_however_the_model_read_it(build_text):
    r = build_text(
        "A. whereas the journalist Halvard Quillonov was arrested on 3 May 2031; whereas on 30 January 2032 the "
        "Kelmar Serious Crimes Court sentenced Mr Quillonov to eight years and six months’ imprisonment;",
        name="ep-2099-test",
    )
    [sentencing] = _events(r, "Sentencing")  # the model read "Quillonov to eight years" as a date
    assert sentencing.subjects == ("halvard quillonov",)
    assert "Mr Quillonov" not in _actors(r)


def _events(result, kind: str) -> list:
    return [e for d in result.documents for e in d.events if e.type.value == kind]


def test_a_name_whose_mandate_holds_a_plural_possessive_is_whole(build_text):
    r = build_text(
        "The authorities of Kelmar suspended the Association for Vessans' Dignity and the Committee for "
        "Weavers' Rights on 2 May 2031.",
        name="news-2099-test",
    )
    actors = _actors(r)
    assert "Association for Vessans' Dignity" in actors and "Committee for Weavers' Rights" in actors
    assert "Association for Vessans" not in actors and "Committee for Weavers" not in actors


def test_a_mandate_of_two_phrases_ending_in_a_plural_possessive_is_whole(build_text):
    r = build_text(
        "The authorities of Kelmar suspended the Association for the Protection of Vessans' Rights on 2 May 2031.",
        name="news-2099-test",
    )
    actors = _actors(r)
    assert "Association for the Protection of Vessans' Rights" in actors
    assert "Association for the Protection of Vessans" not in actors


def test_a_currency_after_a_name_is_no_part_of_it(build_text):
    r = build_text(
        "The Court held that Lumeria was to pay Mr Brenik 9,800 euros (EUR), Ms Quillonov EUR 7,500 and "
        "Mr Vessa EUR 3,600 in respect of non-pecuniary damage.",
        name="news-2099-test",
    )
    assert not [label for label in _actors(r) if label.endswith("EUR")]


def test_a_demands_imperative_is_no_part_of_the_name_after_it(nlp):
    # the model reads some names so ("- Release A and B immediately"): given its reading, the name is without the verb
    from spacy.tokens import Span

    doc = nlp.make_doc("Release Perrin Vessa and Quillor Brenik immediately and unconditionally;")
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "ner":
            doc.ents = [Span(doc, 0, 3, "PERSON"), Span(doc, 4, 6, "PERSON")]
    assert [(e.text, e.label_) for e in doc.ents] == [("Perrin Vessa", "Person"), ("Quillor Brenik", "Person")]


def test_a_name_on_a_line_of_a_contact_block_ends_with_its_line(build_text):
    r = build_text(
        "Lumeria: Statement by the Spokesperson on the case of Perrin Vessa\n\n"
        "The European Union calls for the release of the journalist Perrin Vessa.\n\n"
        "For further information:\nHalvard Brenik\nPress Officer for Foreign Affairs and Security Policy\n"
        "+32 (0)2 29 12345\n",
        name="news-2099-test",
    )
    assert not [label for label in _actors(r) if "Press" in label]


def test_a_region_a_post_covers_is_no_actor(build_text):
    r = build_text(
        '"The verdict is a travesty," said Ysolde Quillon, Kelmar Rights Watch\'s Deputy Director for the Middle '
        "East and North Africa. Tamsin Vessa, the group's Central Asia researcher, agreed.",
        name="news-2099-test",
    )
    actors = _actors(r)
    assert not {"Middle East", "North Africa", "Central Asia"} & set(actors), actors


def test_an_apposition_says_what_a_name_is_by_its_head_noun(build_text):
    r = build_text(
        "On 16 December 2031, the Vessan Broadcasting Board suspended the licence of Kelmar Nord, a regional "
        "television channel in Varno whose director was Halvard Brenik.",
        name="news-2099-test",
    )
    assert _actors(r).get("Kelmar Nord") == "MediaOutlet"


def test_an_organisation_whose_name_opens_with_a_demand_verb_keeps_it(build_text):
    r = build_text(
        "Free Lumeria Foundation said the verdict was unjust. Protect Kelmar Defenders Network condemned the "
        "arrest of Halvard Brenik.",
        name="news-2099-test",
    )
    actors = _actors(r)
    assert "Free Lumeria Foundation" in actors and "Lumeria Foundation" not in actors, actors


def test_a_permanent_mission_to_the_un_is_one_body(build_text):
    r = build_text(
        "On 2 September 2031 the Permanent Mission of Lumeria to the United Nations Office at Geneva replied to "
        "the communication of the Working Group.",
        name="news-2099-test",
    )
    assert _actors(r).get("Permanent Mission of Lumeria to the United Nations Office at Geneva") == "GovernmentBody"


def test_the_eus_delegation_named_with_a_possessive_is_one_body(build_text):
    r = build_text(
        "The European Union's delegation in Varno said on Thursday it was following the case of Halvard Brenik.",
        name="news-2099-test",
    )
    assert _actors(r).get("European Union's delegation in Varno") == "InternationalOrganisation", _actors(r)


def test_a_possessive_before_a_kind_in_lower_case_is_a_persons_not_part_of_a_name(build_text):
    r = build_text(
        "Halvard Brenik's prison term was reduced on 2 June 2031. Tamsin Vessa's prison conditions have "
        "worsened, said the journalist Ysolde Quillon. Perrin Vessa was held in St Mary's Prison in Korvel."
    )
    actors = _actors(r)
    assert {actors.get("Halvard Brenik"), actors.get("Tamsin Vessa")} == {"Person"}
    assert not any(label.endswith(" prison") for label in actors)
    assert actors.get("St Mary's Prison") == "Place"


def test_the_models_guess_on_a_full_name_outweighs_its_guesses_on_the_surname_alone():
    from pipeline.facts import ActorType, Mention
    from pipeline.identity import _type_of

    def mention(text: str, kind: ActorType, votes: tuple) -> Mention:
        return Mention(0, len(text), text, kind, votes=votes)

    full = mention("Halvard Brenik", ActorType.PERSON, (("Person", 1, "ner:PERSON"),))
    part = mention("Brenik", ActorType.ORGANISATION, (("Organisation", 1, "ner:ORG"),))
    assert _type_of([full, part, part, part]) == "Person"
    # what the text says of a part still counts ("Brenik, the newspaper")
    said = mention("Brenik", ActorType.MEDIA_OUTLET, (("MediaOutlet", 3, "apposition:newspaper"),))
    assert _type_of([full, said]) == "MediaOutlet"


def test_a_movement_for_a_cause_is_one_name_and_its_apposition_after_an_acronym_says_its_kind(build_text):
    r = build_text(
        "In January 2031 the Council of State suspended the Movement for a Free Korvel (MFK), a small left-wing "
        "party. The Lumeria Civic Union (LCU), a small opposition party, was dissolved in 2030."
    )
    actors = _actors(r)
    assert actors["Movement for a Free Korvel"] == "PoliticalParty"
    assert _forms(r, "Movement for a Free Korvel") == {"Movement for a Free Korvel", "MFK"}
    assert actors["Lumeria Civic Union"] == "PoliticalParty"
    banned = {r.actors[key].label for ev in _events(r, "Ban") for key in ev.subjects}
    assert banned == {"Movement for a Free Korvel", "Lumeria Civic Union"}


def test_a_town_alone_is_not_the_organisation_named_after_it(build_text):
    r = build_text(
        "The journalist Marek Tarvel founded the Varno Detainees Fund in 2019. On 14 April 2031, agents arrested "
        "Tarvel at a café in Varno."
    )
    actors = _actors(r)
    assert actors.get("Varno") == "Place"
    assert _forms(r, "Varno Detainees Fund") == {"Varno Detainees Fund"}


def test_a_district_and_its_city_the_model_read_as_one_place_are_two(build_text):
    r = build_text(
        "On 3 March 2031 the reporter Halvard Brenik was summoned to the headquarters of the National Guard in "
        "El Aouina, Tunis, and questioned for eight hours."
    )
    actors = _actors(r)
    assert (actors.get("El Aouina"), actors.get("Tunis")) == ("Place", "Place")
    assert "El Aouina, Tunis" not in actors


def test_a_place_of_detention_keeps_the_lower_case_words_of_its_name(build_text):
    r = build_text(
        "Halvard Brenik is being held in the Korvel civil prison. The journalist Orsolya Quillon is held at the "
        "Vessa women's prison."
    )
    actors = _actors(r)
    assert actors.get("Korvel civil prison") == "Place"
    assert actors.get("Vessa women's prison") == "Place"


def test_a_given_name_of_two_joined_syllables_ends_the_name_the_model_cut_short(build_text):
    # the tagger reads "Yee-ting" as a verb and the model takes the surname alone
    r = build_text(
        "2. Calls on the authorities to release immediately and unconditionally Ho Man-lok, Tang Siu-fung and "
        "Cheung Yee-ting;",
        name="ep-2099-test",
    )
    actors = _actors(r)
    assert actors.get("Cheung Yee-ting") == "Person"
    assert "Cheung" not in actors


def test_a_numbered_place_of_detention_needs_no_name_of_its_own(build_text):
    r = build_text(
        "Both were held in pre-trial detention centre No 1 on Lenin Street in Varno. Brenik was then transferred "
        "to prison colony No. 3/1 and later to penal colony No 4 in Korvel."
    )
    actors = _actors(r)
    assert actors.get("pre-trial detention centre No 1") == "Place"
    assert actors.get("prison colony No. 3/1") == "Place"
    assert actors.get("penal colony No 4") == "Place"


def test_a_government_of_a_country_named_with_a_possessive(build_text):
    r = build_text("A. whereas the Government of the People's Republic of Lumeria closed the newspaper in 2031;")
    assert _actors(r).get("Government of the People's Republic of Lumeria") == "GovernmentBody"


def test_a_mandate_of_two_words_joined_by_and_is_part_of_the_name(build_text):
    r = build_text(
        "Halvard Brenik, a researcher at the Varno Centre for Rights and Freedoms, was arrested on 3 May 2031, "
        "according to the Korvel-based Observatory for Peace and Justice."
    )
    actors = _actors(r)
    assert actors.get("Varno Centre for Rights and Freedoms") in ("NGO", "Organisation")
    assert actors.get("Observatory for Peace and Justice") in ("NGO", "Organisation")
    assert "Freedoms" not in actors and "Justice" not in actors


def test_names_the_model_missed_in_a_list_of_people_are_persons(build_text):
    r = build_text(
        "2. Calls on the authorities to release immediately and unconditionally Lam Wing-sze, Chow Tsz-kin, "
        "Ho Man-lok, Tang Siu-fung and Cheung Yee-ting;",
        name="ep-2099-test",
    )
    actors = _actors(r)
    assert actors.get("Lam Wing-sze") == "Person"
    assert actors.get("Chow Tsz-kin") == "Person"


def test_a_rank_the_model_read_as_a_name_is_no_part_of_the_persons_name(build_text):
    r = build_text(
        "His family sent telegrams to the Minister of Interior, Major General Halvard Brenik, on 3 May 2031."
    )
    actors = _actors(r)
    assert actors.get("Halvard Brenik") == "Person"
    assert not [a for a in actors if "General" in a]


def test_a_place_named_with_a_lower_case_kind_ends_at_the_kind(build_text):
    # "for LURIL" is what the monitor worked for; a capitalised kind goes on ("the Korvel Prison for Women")
    r = build_text(
        "Perrin Vessa has worked since 2011 as a monitor in Korvel province for LURIL, an organisation that visits "
        "prisons. Halvard Brenik is held in the Varno Prison for Women."
    )
    actors = _actors(r)
    assert actors.get("Korvel province") == "Place"
    assert actors.get("LURIL") in ("NGO", "Organisation")
    assert "Korvel province for LURIL" not in actors
    assert actors.get("Varno Prison for Women") == "Place"


def test_a_name_opening_with_a_given_name_that_the_model_took_for_a_body_is_a_persons(build_text):
    r = build_text(
        "On 12 July 2031, the European Court of Human Rights, ruling in the case brought by Malika Tarvelova over "
        "the disappearance of her husband in Korvel in 2029, found Lumeria responsible. Ysolde Quillon is married "
        "to Halvard Brenik."
    )
    actors = _actors(r)
    assert (actors.get("Malika Tarvelova"), actors.get("Ysolde Quillon")) == ("Person", "Person")


def test_a_kinds_word_labelling_a_line_names_no_one(build_text):
    r = build_text("The journalist Halvard Brenik was released on 3 May 2031.\n\nMedia contact: press@lumeria.org\n")
    assert set(_actors(r)) == {"Halvard Brenik"}


def test_a_clergy_title_or_counsel_before_a_name_is_no_part_of_it_nor_a_person(build_text):
    r = build_text(
        "Among her co-accused was Fr. Halvard Brenik, a priest. She is survived by her sister, the retired nun "
        "Sr. Ysolde Vessa. The applicants were represented by Counsel Tamsin Quillon.",
        name="news-2099-test",
    )
    people = {label for label, kind in _actors(r).items() if kind == "Person"}
    assert people == {"Halvard Brenik", "Ysolde Vessa", "Tamsin Quillon"}


def test_a_name_the_model_did_not_read_after_its_kinds_word_is_of_that_kind(build_text):
    r = build_text(
        "The rights group Korvel Justice Initiative, led by the lawyer Orsolya Quillon, said on 3 May 2031 that the "
        "verdict was unjust. He was born in the city of Varno.",
        name="news-2099-test",
    )
    actors = _actors(r)
    assert actors["Korvel Justice Initiative"] == "NGO"
    assert not any(label.startswith("of ") for label in actors)


def test_a_court_of_generic_words_is_named_with_the_city_it_sits_in(build_text):
    r = build_text(
        "On 29 September 2031 the High Court in Nairobi sentenced Halvard Brenik to three years in prison. On 3 May "
        "2032 the Supreme State Security Emergency Court in Alexandria sentenced Tamsin Vessa to five years.",
        name="news-2099-test",
    )
    actors = _actors(r)
    assert actors["High Court in Nairobi"] == "Court"
    assert actors["Supreme State Security Emergency Court"] == "Court"  # a long name: its own


def test_a_qualifier_and_and_before_a_partys_name_are_part_of_it(build_text):
    r = build_text(
        "The authorities banned the Democratic and Social Renewal Party (PRDS) on 3 May 2031. Two other PRDS "
        "leaders, Tamsin Vessa and Halvard Brenik, were arrested.",
        name="news-2099-test",
    )
    assert _actors(r)["Democratic and Social Renewal Party"] == "PoliticalParty"


def test_a_name_its_acronym_spells_out_to_a_country_it_ends_with_is_no_country(build_text):
    r = build_text(
        "A. whereas Ghana is a member of the African Union;\n\n"
        "B. whereas Halvard Brenik, the executive director of the Coastal Rights Watch Ghana (CRWG), was arrested "
        "on 3 May 2031;",
        name="ep-2099-test",
    )
    actors = _actors(r)
    assert (actors["Coastal Rights Watch Ghana"], actors["Ghana"]) == ("NGO", "Country")


def test_each_body_listed_with_the_state_they_share_is_named_with_it(build_text):
    r = build_text(
        "1. Instructs its President to forward this resolution to the Council, the Commission, and the President, "
        "Government and National Assembly of Ghana.",
        name="ep-2099-test",
    )
    actors = _actors(r)
    assert {name: actors.get(name) for name in ("Government of Ghana", "National Assembly of Ghana", "Ghana")} == {
        "Government of Ghana": "GovernmentBody",
        "National Assembly of Ghana": "GovernmentBody",
        "Ghana": "Country",
    }
    assert "Government and" not in actors


def test_a_kind_word_after_a_names_translation_in_brackets_types_the_name(build_text):
    r = build_text(
        "On 3 May 2031 the court handed 20 years to Halvard Brenik, the secretary-general of the opposition Korvel "
        "wal Amal (Dignity and Hope) party, his lawyers said.",
        name="news-2099-test",
    )
    assert _actors(r)["Korvel wal Amal"] == "PoliticalParty"


def test_a_judges_title_is_no_part_of_her_name(nlp):
    # as the model reads some names after "Hon. Justice": the first two a person's, the surname a place
    doc = _typed_after(
        nlp,
        "Lead judgment delivered by Hon. Justice Orsolya Quillon Varnik, JCA.",
        (5, ["Justice", "Orsolya", "Quillon", "Varnik"]),
        [(6, 8, "PERSON"), (8, 9, "GPE")],
    )
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "Person"] == [("Orsolya Quillon Varnik", "Person")]


def test_the_first_word_of_a_numbered_entry_is_no_sentences_opening(nlp):
    # "1. Emeka [Obinna Nwachukwu]": the model's name cut after the list's number, its first word a sentence start
    doc = _typed_after(
        nlp,
        "Between:\n1. Halvard Orsel Brenik\n2. Tamsin Marit Halvorsen\n",
        (5, ["Halvard", "Orsel", "Brenik"]),
        [(6, 8, "PERSON")],
    )
    assert doc[5].is_sent_start
    assert ("Halvard Orsel Brenik", "Person") in [(e.text, e.label_) for e in doc.ents]


def test_a_name_whose_editor_is_named_after_it_is_no_editor(build_text):
    r = build_text(
        "whereas the authorities blocked the website of the independent news outlet Erkin Varno, whose editor, "
        "Tamsin Vessa, had published an interview with Ms Brenik;",
    )
    assert _actors(r)["Erkin Varno"] == "MediaOutlet"


def test_the_parliaments_human_rights_subcommittee_is_known(build_text):
    r = build_text("whereas a delegation of the Subcommittee on Human Rights visited Tashkent in December 2024;")
    assert _actors(r)["Subcommittee on Human Rights"] == "InternationalOrganisation"


def test_courts_named_by_their_level_and_seat_are_not_one_court(build_text):
    # "Basic Court" is a level of courts, not one court: the seat is part of its name
    r = build_text(
        "The Basic Court in Novi Sad fined Perrin Vessa on 3 May 2024, and the Basic Court in Sremska Mitrovica "
        "convicted Halvard Brenik in June; the Higher Court in Novi Sad upheld both rulings in March 2025.",
        name="news-test",
    )
    courts = {label for label, kind in _actors(r).items() if kind == "Court"}
    assert courts == {"Basic Court in Novi Sad", "Basic Court in Sremska Mitrovica", "Higher Court in Novi Sad"}


def test_a_role_in_a_headline_in_capitals_is_no_ones_name(build_text):
    r = build_text(
        "POLICE ARREST OUR NATIONAL CHAIRPERSON, SECRETARY-GENERAL AND MORE THAN 40 MEMBERS AHEAD OF THE CONVENTION\n\n"
        "Officers arrested Halvard Brenik in Mwanza on 6 June 2025.",
        name="news-test",
    )
    assert {label for label, kind in _actors(r).items() if kind == "Person"} == {"Halvard Brenik"}


def test_a_given_name_the_model_took_for_a_body_goes_on_with_the_surname_after_it(nlp):
    # as the model read "[Ingrid] Halvorsen-Tamm" after a rapporteur's mandate: an organisation of one word, the
    # surname a proper noun the given name is a compound of (the tagger takes invented surnames for nouns: set)
    doc = _typed_after(
        nlp,
        "The report of the rapporteur, Ingrid Halvorsen-Quillon, was presented to the Council.",
        (6, ["Ingrid", "Halvorsen-Quillon"]),
        [(6, 7, "ORG")],
        proper=(7,),
    )
    assert doc[6].dep_ == "compound" and doc[6].head.i == 7  # as parsed here
    assert ("Ingrid Halvorsen-Quillon", "Person") in [(e.text, e.label_) for e in doc.ents]


def test_a_names_translation_in_brackets_inside_it_leaves_one_name(build_text):
    r = build_text(
        "On 23 March 2019 Halvard Brenik launched the Zhana Varno (“New Step”) Democratic Party; he was elected its "
        "chairman.",
        name="news-test",
    )
    actors = _actors(r)
    assert actors["Zhana Varno Democratic Party"] == "PoliticalParty"
    assert "Zhana Varno" not in actors


def test_a_reading_gives_each_span_the_text_spacy_gives_it():
    """The actor typer's span texts, joined off its columns or sliced off the Doc's text once made, are the
    Spans' own (a space after a word only where the text has one, none after the last)."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from pipeline.components.actors import _Reading
    from pipeline.components.extensions import register_extensions

    register_extensions()
    words = ["By", "Ana", "Vell", ",", "The", "Quarterly", "\n", "(", "AMP", ")", "–", "Kovács-Vell", "said", "."]
    spaces = [True, True, False, True, True, False, False, False, False, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    reading = _Reading(doc)
    pairs = [(a, b) for a in range(len(doc) + 1) for b in range(a, len(doc) + 1)]
    assert [reading.span_text(a, b) for a, b in pairs] == [doc[a:b].text for a, b in pairs]
    assert reading.full_text() == doc.text
    assert [reading.span_text(a, b) for a, b in pairs] == [doc[a:b].text for a, b in pairs]


def test_a_nationality_or_country_before_lower_case_words_names_no_body(build_text):
    # a headline's "Lumerian opposition party" is a kind of body (the model reads it as an organisation's name)
    r = build_text(
        "ODIHR Director alarmed by dissolution of Moldovan opposition party and detention of its leaders\n\n"
        "Bahrain court jails nine over boycott campaign\n\n"
        "Officers detained the party’s chairman, Halvard Brenik, on 27 February.\n",
        name="statement-2099-test",
    )
    assert not any(label.endswith(("party", "court")) for label in _actors(r)), _actors(r)
