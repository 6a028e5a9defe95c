"""Dates as documents tell them: news formats, datelines, weekdays, relative dates, year-less dates."""

from __future__ import annotations

import pytest

from pipeline.normalize.dates import (
    _RELATIVE,
    Calendar,
    _lowered_as_re_ignorecase,
    dateline_year,
    document_year,
    is_date_phrase,
    normalise_date,
)
from pipeline.structure import dateline


@pytest.mark.parametrize(
    "text, value",
    [
        ("Aug. 20, 2018", "2018-08-20"),
        ("March 12, 2020", "2020-03-12"),
        ("12.03.2020", "2020-03-12"),
        ("on 14 and 15 March 2022", "2022-03-14"),
        ("in late 2021", "2021"),
        ("Sept 3, 2019", "2019-09-03"),
    ],
)
def test_news_and_european_date_formats(text, value):
    assert normalise_date(text).value == value


@pytest.mark.parametrize("text", ["six days", "a ten-year sentence", "30 months", "the seven months since"])
def test_spans_of_time_are_no_dates(text):
    assert not is_date_phrase(text)


def _cal(text: str, own: str | None = None, parts=None) -> Calendar:
    own_date = normalise_date(own) if own else None
    return Calendar(text, own_date, parts or [(0, len(text))])


def _at(cal: Calendar, phrase: str, occurrence: int = 0) -> str | None:
    start = -1
    for _ in range(occurrence + 1):
        start = cal.text.index(phrase, start + 1)
    sentence_start = cal.text.rfind(". ", 0, start) + 1
    sentence_end = cal.text.find(".", start + len(phrase))
    found = cal.resolve(
        phrase, start, (sentence_start, sentence_end if sentence_end > 0 else len(cal.text)), (0, len(cal.text))
    )
    return found[0].value if found else None


def test_weekday_is_dated_from_the_dateline_of_the_same_week():
    cal = _cal("A court on Tuesday upheld the ruling; on Monday police had come.", "2019-05-08")
    assert (_at(cal, "Tuesday"), _at(cal, "Monday")) == ("2019-05-07", "2019-05-06")


def test_today_and_yesterday_are_the_document_s_own_day_and_the_one_before():
    cal = _cal("Today, the court sentenced him. Yesterday police had come.", "2024-02-09")
    assert (_at(cal, "Today"), _at(cal, "Yesterday")) == ("2024-02-09", "2024-02-08")
    assert _at(_cal("Today, the court sentenced him."), "Today") is None  # an undated document


def test_weekday_without_a_dated_document_is_left_undated():
    assert _at(_cal("A court on Tuesday upheld the ruling."), "Tuesday") is None


def test_year_less_dates_in_news_are_the_latest_before_the_story():
    cal = _cal("He was released in November. He was arrested on March 14. He was fined last month.", "2019-10-03")
    assert (_at(cal, "March 14"), _at(cal, "November"), _at(cal, "last month")) == ("2019-03-14", "2018-11", "2019-09")


def test_year_less_date_after_a_later_day_of_the_year_is_in_the_next_year():
    cal = _cal("Arrested in Orsk in November 2016, he was sentenced in January to four years.")
    assert _at(cal, "January") == "2017-01"


def test_a_year_less_day_a_little_before_the_one_told_before_is_of_its_year():
    # a story told out of order, in a brief dated the year after: not the next year's 7 March
    cal = _cal(
        "On 6 March 2024 officers detained Tamsin Vessa and Perrin Vessa. Perrin was released on 20 March. "
        "Tamsin was placed in criminal detention on 7 March.",
        "18 March 2025",
    )
    assert (_at(cal, "20 March"), _at(cal, "7 March")) == ("2024-03-20", "2024-03-07")


def test_relative_dates_count_from_the_date_told_before():
    cal = _cal(
        "On 2 December 2017 he was arrested. Two days later, on 4 December, a court met. "
        "He was released the following day. He left the country the following month."
    )
    assert [_at(cal, p) for p in ("4 December", "Two days later", "the following day", "the following month")] == [
        "2017-12-04",
        "2017-12-04",
        "2017-12-05",
        "2018-01",
    ]


@pytest.mark.parametrize(
    "phrase",
    (
        "LAST YEAR, the previous year, a year ago, This Year, last month, a month ago, this month, today, "
        "Yesterday, the same afternoon, That Night, the next morning, the day after, three days later, "
        "a month later, that week, later that month, the following year, a year later, the same year, "
        "earlier that year, at that time, thıs year, the ſame day"
    ).split(", "),
)
def test_a_relative_date_holds_a_word_its_pattern_is_tried_for(phrase):
    """Calendar tries a relative pattern only on a text holding one of its words: every phrase
    the pattern matches must hold one, in any case (and with the letters re.I folds)."""
    lowered = _lowered_as_re_ignorecase(phrase)
    matching = [words for pattern, words, *_ in _RELATIVE if pattern.search(phrase)]
    assert matching
    assert all(any(word in lowered for word in words) for words in matching)


def test_last_year_counts_from_the_story_date():
    assert (
        _at(_cal("On Oct. 10 last year, the court convicted him.", "2019-02-14"), "Oct. 10 last year") == "2018-10-10"
    )


def test_year_of_a_story_dated_without_its_year():
    assert dateline_year("arrested on Jan. 5, 2017 … convicted on Oct. 10 last year") == 2018
    assert document_year("Events of 2016: in 2016 … since 2012 … in 2016") == 2016


@pytest.mark.parametrize(
    "head, value",
    [
        ("ORSK, Feb 14 (Wire) – A court on Tuesday …, arrested on Jan. 5, 2018, … last year", "2019-02-14"),
        ("GENEVA (14 March 2019) – The office said …", "2019-03-14"),
        ("Case update\nLyon, 22 July 2019\n\nThe blogger …", "2019-07-22"),
        ("URGENT ACTION\nUA 12/19    Ruritania    Date: 14 May 2019\n\nThe defender …", "2019-05-14"),
        ("Press release\n13.06.2019\n\nThe Court held …", "2019-06-13"),
        ("Dispatches\n\nBy A Writer\nNovember 12, 2019\n\nOver the past months …", "2019-11-12"),
    ],
)
def test_dateline_of_reports(head, value):
    assert dateline(head) == value


def test_event_dates_in_a_news_story(build_text):
    r = build_text(
        "ORSK, May 8 (Wire) – A court in Orsk on Tuesday sentenced the blogger Timur Vasin to four "
        "years in prison, his lawyer said. Vasin was arrested on Jan. 5, 2018.\n\n"
        "His colleague Pavel Gromov was arrested on 23.01.2019 and released the following day."
    )
    rows = {
        (str(r_.t).rsplit("#")[-1], str(r_.name), str(r_.date))
        for r_ in r.dataset.query(
            "PREFIX wh: <https://w3id.org/whereas/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            "SELECT ?t ?name ?date WHERE { ?e a ?t ; wh:subject/rdfs:label ?name ; wh:date ?date }"
        )
    }
    assert {
        ("Sentencing", "Timur Vasin", "2019-05-07"),
        ("Arrest", "Timur Vasin", "2018-01-05"),
        ("Arrest", "Pavel Gromov", "2019-01-23"),
        ("Release", "Pavel Gromov", "2019-01-24"),
    } <= rows


# -- linear time: no quantified space that backtracks ----------------------------------------------


def test_date_patterns_quantify_spaces_possessively():
    """A greedy ``\\s*`` before an optional comma and another ``\\s*`` (or before a lookahead)
    backtracks over a long run of spaces from every start: quadratic. Possessive quantifiers
    (``\\s*+``, ``\\s++``) never give back, so each pattern reads a line once."""
    import re

    from pipeline.normalize import dates

    patterns = [p for p, _ in dates._FORMS] + [dates._DURATION]
    for pattern in patterns:
        assert not re.search(r"\\s[*+](?![+])", pattern.pattern), pattern.pattern
        assert not re.search(r",\?(?![+])", pattern.pattern), pattern.pattern


def test_a_megabyte_line_of_spaces_after_a_date_is_read():
    line = "on 12 May" + " " * 1_000_000 + "x May 12" + " " * 1_000_000 + "2019"
    assert normalise_date(line).value == "2019-05-12"  # whitespace collapsed: "May 12 2019"
    cal = Calendar(line, None)
    assert [v.value for _, _, v in cal.anchors][-1] == "2019-05-12"
    assert is_date_phrase(line)


def test_a_year_told_later_in_the_sentence_about_the_past_does_not_date_the_event():
    text = (
        "ORSK (14 March 2023) – On 6 March, the court sentenced Lev Tomin, a priest arrested on 4 August 2022, "
        "to 15 years.\n\nIn September, the court sentenced Ivan Pelko for donations made in 2014."
    )
    cal = Calendar(text, normalise_date("14 March 2023"))
    at = text.index("6 March")
    assert cal.resolve("6 March", at, (at - 3, text.index("15 years")), (0, len(text)))[0].value == "2023-03-06"
    undated = Calendar(text[text.index("In September") :], None)
    sentence = (0, len(text) - text.index("In September"))
    assert undated.resolve("September", 3, sentence, sentence)[0].value == "2014-09"  # the only year it has
    told = "In September, the court sentenced Ivan Pelko. In 2023 he was freed. In May, for donations made in 2014, X."
    cal = Calendar(told, None)
    at = told.index("May")
    assert cal.resolve("May", at, (told.index("In May"), len(told)), (0, len(told)))[0].value == "2023-05"


def test_a_founding_year_or_a_since_year_told_before_does_not_give_a_later_month_its_year():
    text = "The weekly, founded in 2020, was closed. In January, its columnist was arrested."
    assert _at(_cal(text, "14 March 2025"), "January") == "2025-01"
    text = "It was the first such visit since 2016. In his statement on 26 September, he spoke."
    assert _at(_cal(text, "3 October 2023"), "26 September") == "2023-09-26"
