"""The competency questions of ontology/queries/ answered on the sample."""

from __future__ import annotations

from pathlib import Path

import pytest

QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "queries"


def _answer(dataset, name: str) -> list[tuple[str, ...]]:
    rows = dataset.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    return [tuple("" if v is None else str(v) for v in row) for row in rows]


def test_every_query_has_a_title_line():
    for path in QUERIES.glob("*.rq"):
        assert path.read_text(encoding="utf-8").startswith("# "), path


def test_who_was_sentenced_by_which_court_when_to_what_on_which_charges(sample_build):
    rows = _answer(sample_build.dataset, "sentenced")
    assert [r[:4] for r in rows] == [
        ("Vadim Kuramshin", "", "2012-12-07", "P12Y"),
        ("Vladimir Kozlov", "", "", "P7Y6M"),
    ]
    assert rows[0][4] == "blackmailing the district attorney’s assistant"
    charges = set(rows[1][4].split("; "))
    assert charges == {
        "inciting social discord",
        "calling for the forcible overthrow of the constitutional order",
        "creating and leading an organised group with the aim of committing crimes",
    }


def test_which_parties_and_media_were_banned(sample_build):
    assert _answer(sample_build.dataset, "bans") == [
        ("Alga!", "PoliticalParty", "Almaty District Court", "2012-12-21", "extremism"),
        ("Respublika", "MediaOutlet", "", "2012-12-25", "extremism"),
    ]


def test_media_bans_since_2012(sample_build):
    [(outlet, date, sentence)] = _answer(sample_build.dataset, "media-bans-since-2012")
    assert (outlet, date) == ("Respublika", "2012-12-25") and "were banned on charges of extremism" in sentence


def test_whom_the_parliament_calls_to_release_and_their_history(sample_build):
    rows = _answer(sample_build.dataset, "release-demands")
    assert {r[0] for r in rows} == {"Vladimir Kozlov", "Vadim Kuramshin", "Roza Tuletaeva"}
    assert ("Vadim Kuramshin", "CourtDecision", "2013-02-14", "Appeal Court") in rows
    assert ("Vadim Kuramshin", "Arrest", "2012-09", "") in rows
    assert ("Vladimir Kozlov", "CourtDecision", "2013-03-13", "Court of Cassation") in rows


def test_which_decisions_upheld_which_sentences(sample_build):
    assert _answer(sample_build.dataset, "decisions") == [
        ("Appeal Court", "2013-02-14", "upheld", "Sentencing of Vadim Kuramshin", "Vadim Kuramshin"),
        ("Court of Appeal", "2013-02-22", "upheld", "Ban of Respublika", "Respublika"),
        ("Court of Cassation", "2013-03-13", "refused", "Sentencing of Vladimir Kozlov", "Vladimir Kozlov"),
    ]


def test_who_holds_which_office(sample_build):
    assert _answer(sample_build.dataset, "positions") == [
        ("Catherine Ashton", "High Representative"),
        ("Navi Pillay", "UN High Commissioner for Human Rights"),
        ("Vladimir Kozlov", "opposition leader"),
    ]


@pytest.mark.parametrize(
    "fact",
    [
        "Sentencing of Vladimir Kozlov",
        "Trial of Vladimir Kozlov",
        "Release demand for Vladimir Kozlov",
        "Aliya Turusbekova spouseOf Vladimir Kozlov",
    ],
)
def test_every_fact_about_one_actor_with_its_sentence(sample_build, fact):
    rows = {r[0]: r[3] for r in _answer(sample_build.dataset, "actor-facts")}
    assert fact in rows and "Kozlov" in rows[fact]
