"""The one date normaliser: a date phrase to an ISO value at the precision the text gives."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from pipeline.facts import DatePrecision, DateValue
from pipeline.normalize.durations import NUMBER_WORDS

__all__ = [
    "is_month_name",
    "is_weekday",
    "may_be_same_day",
    "normalise_date",
    "years_in",
    "nearest_year",
    "is_date_phrase",
    "document_year",
    "dateline_year",
    "Calendar",
]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
# the lookahead for a month's first letter lets the regex engine pass over most places at once
# (it tries the alternatives of a case-insensitive group one by one at each place)
_M = "(?=[adfjmnos])(?P<month>" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_Y = r"(?P<year>(?:1[89]|20)\d\d)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# The first form that matches wins; a range ("15 and 16 March 2013") gives its first day.
_FORMS: list[tuple[re.Pattern[str], DatePrecision]] = [
    (re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"), DatePrecision.DAY),
    (
        re.compile(
            rf"\b{_D}(?:\s*+(?:and|to|-|–|/)\s*+[0-3]?\d(?:st|nd|rd|th)?)?(?:\s++of)?\s++{_M},?+\s++{_Y}\b", re.I
        ),
        DatePrecision.DAY,
    ),
    (re.compile(rf"\b{_M}\s++{_D}(?:\s*+(?:and|to|-|–)\s*+[0-3]?\d)?,?+\s++{_Y}\b", re.I), DatePrecision.DAY),
    (re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:1[89]|20)\d\d)\b"), DatePrecision.DAY),
    (re.compile(rf"\b{_M},?+\s++(?:of\s++)?{_Y}\b", re.I), DatePrecision.MONTH),
    (re.compile(rf"\b{_D}(?:\s++of)?\s++{_M}\b(?!\s*+,?+\s*+\d)", re.I), DatePrecision.DAY),
    (re.compile(rf"(?<![\w-]){_M}\s++{_D}\b(?!\s*+,?+\s*+\d)(?![.,]\d)", re.I), DatePrecision.DAY),
    (re.compile(rf"(?<![\w-]){_M}\b(?!\s*+,?+\s*+\d)", re.I), DatePrecision.MONTH),
    (re.compile(rf"(?<![\d/-]){_Y}(?![\d/-])"), DatePrecision.YEAR),
]
_YEAR = re.compile(r"(?<![\d/.-])((?:1[89]|20)\d\d)(?![\d/-])")
_DOTTED_YEAR = re.compile(r"\b[0-3]?\d\.[01]?\d\.((?:1[89]|20)\d\d)\b")  # "23.01.2022"
# Phrases that name a span of time, not a date ("12 years", "the last two years").
_DURATION = re.compile(r"\b(years?|months?|weeks?|days?|decades?)\b|\d{4}\s*+[-–]\s*+\d{4}", re.I)


def is_month_name(word: str) -> bool:
    """Whether ``word`` names a month, in full or cut short ("February", "Feb.", "Sept").

    >>> is_month_name("February"), is_month_name("feb."), is_month_name("Monday")
    (True, True, False)
    """
    return word.lower().rstrip(".") in _MONTHS


def is_weekday(word: str) -> bool:
    """Whether ``word`` names a day of the week ("Tuesday").

    >>> is_weekday("Tuesday"), is_weekday("tuesday"), is_weekday("Tues")
    (True, True, False)
    """
    return word.lower() in _WEEKDAYS


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _MONTHS[text.lower().rstrip(".")]


def normalise_date(text: str, context_year: int | None = None) -> DateValue | None:
    """A date phrase as ISO at its own precision; a year-less date takes ``context_year``.

    >>> normalise_date("21 December 2012")
    DateValue(value='2012-12-21', precision=<DatePrecision.DAY: 'day'>)
    >>> normalise_date("at the end of November 2012").value
    '2012-11'
    >>> normalise_date("15 and 16 March 2013").value
    '2013-03-15'
    >>> normalise_date("2012").value
    '2012'
    >>> normalise_date("September", context_year=2012).value
    '2012-09'
    >>> normalise_date("September") is None  # no year in the text nor around it
    True
    >>> normalise_date("seven and a half years") is None
    True
    """
    text = " ".join(text.split())
    if _DURATION.search(text) and not re.search(_M, text, re.I):
        return None
    for pattern, precision in _FORMS:
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else context_year
        if year is None:
            return None
        try:
            if precision is DatePrecision.YEAR:
                return DateValue(f"{year:04d}", precision)
            month = _month(groups["month"])
            if precision is DatePrecision.MONTH:
                date(year, month, 1)
                return DateValue(f"{year:04d}-{month:02d}", precision)
            d = date(year, month, int(groups["day"]))
            return DateValue(d.isoformat(), precision)
        except (ValueError, KeyError):
            return None
    return None


def years_in(text: str) -> list[int]:
    """Every four-digit year written in ``text``, in order.

    >>> years_in("on 7 December 2012 ... in August 2012; 2013-2020; 23.01.2014")
    [2012, 2012, 2014]
    """
    return [y for _, y in _years_at(text)]


def nearest_year(text: str, at: int) -> int | None:
    """The year written in ``text`` nearest to offset ``at`` (where a year-less date stands).

    >>> nearest_year("on his return in September ... after a trial in August 2012", 16)
    2012
    >>> nearest_year("in September", 3) is None
    True
    """
    found = [(abs(m.start() - at), int(m.group(1))) for m in _YEAR.finditer(text)]
    return min(found)[1] if found else None


def may_be_same_day(a: str, b: str) -> bool:
    """Whether two ISO dates at their precision can name the same day: equal, or one the year
    or month of the other.

    >>> may_be_same_day("2016", "2016-10-06"), may_be_same_day("2016-10", "2016-11-02"), may_be_same_day("2022-03-04", "2022-03-04")
    (True, False, True)
    """
    return a.startswith(b) or b.startswith(a)


# -- dates in their document ------------------------------------------------------------------------

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_NUMBER_WORDS = {w: n for w, n in NUMBER_WORDS.items() if n <= 10}  # "two weeks ago", "a day later"
_N = r"(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + ")"
#: Dates said relative to the document's own date ("last month") or to the date told just before
#: ("the same day", "two days later"): (pattern, words one of which each match holds, what it is
#: relative to, unit, shift). The words let a document that holds none of them skip the pattern.
_RELATIVE: list[tuple[re.Pattern[str], tuple[str, ...], str, str, int]] = [
    (
        re.compile(r"\b(?:last|the previous|the past) year\b|\ba year ago\b", re.I),
        ("last year", "previous year", "past year", "year ago"),
        "document",
        "year",
        -1,
    ),
    (re.compile(r"\bthis year\b", re.I), ("this year",), "document", "year", 0),
    (re.compile(r"\blast month\b|\ba month ago\b", re.I), ("last month", "month ago"), "document", "month", -1),
    (re.compile(r"\bthis month\b", re.I), ("this month",), "document", "month", 0),
    # "Today, the court sentenced …"
    (re.compile(r"^(?:earlier )?today$", re.I), ("today",), "document", "day", 0),
    (re.compile(r"^yesterday$", re.I), ("yesterday",), "document", "day", -1),
    (
        re.compile(r"\b(?:the )?(?:same|that) (?:day|afternoon|evening|morning|night)\b", re.I),
        tuple(
            f"{which} {when}"
            for which in ("same", "that")
            for when in ("day", "afternoon", "evening", "morning", "night")
        ),
        "before",
        "day",
        0,
    ),
    (
        re.compile(r"\b(?:the )?(?:next|following) (?:day|morning)\b|\bthe day after\b", re.I),
        ("next day", "following day", "next morning", "following morning", "day after"),
        "before",
        "day",
        1,
    ),
    (re.compile(rf"\b{_N} days? later\b", re.I), ("day later", "days later"), "before", "day", 0),
    (
        re.compile(r"\b(?:the )?(?:next|following) month\b|\ba month later\b", re.I),
        ("next month", "following month", "month later"),
        "before",
        "month",
        1,
    ),
    (
        re.compile(r"\b(?:the )?(?:same|that) (?:month|week)\b|\b(?:later|earlier) that month\b", re.I),
        ("same month", "that month", "same week", "that week"),
        "before",
        "month",
        0,
    ),
    (
        re.compile(r"\b(?:the )?(?:next|following) year\b|\ba year later\b", re.I),
        ("next year", "following year", "year later"),
        "before",
        "year",
        1,
    ),
    (
        re.compile(r"\b(?:the )?same year\b|\b(?:later |earlier )?that year\b", re.I),
        ("same year", "that year"),
        "before",
        "year",
        0,
    ),
    # "X said at the time": the date told last
    (re.compile(r"^at (?:the|that) time$", re.I), ("at the time", "at that time"), "before", "same", 0),
]


def _lowered_as_re_ignorecase(text: str) -> str:
    """``text`` in lower case, with the three letters re.I takes for an ASCII letter where
    str.lower() does not (dotless and dotted i, long s) as that letter."""
    return text.lower().replace("ı", "i").replace("i\u0307", "i").replace("ſ", "s")


#: a month named alone, as a name is written (not the modal "may")
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(m for m in calendar.month_name if m) + r")\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
#: forms with a written year, or a day and month: what later dates are told relative to
_ANCHORS = [p for p, _ in _FORMS[:5]] + [_FORMS[5][0], _FORMS[6][0], _FORMS[-1][0]]


def _shift(value: DateValue, unit: str, n: int) -> DateValue | None:
    """``value`` moved by ``n`` days, months or years, at the precision of ``unit``.

    >>> _shift(DateValue("2012-12-31", DatePrecision.DAY), "day", 1).value
    '2013-01-01'
    >>> _shift(DateValue("2013-02-14", DatePrecision.DAY), "month", 1).value
    '2013-03'
    """
    parts = [int(x) for x in value.value.split("-")]
    if unit == "year":
        return DateValue(f"{parts[0] + n:04d}", DatePrecision.YEAR)
    if unit == "month":
        if len(parts) < 2:
            return None
        y, m = divmod(parts[0] * 12 + parts[1] - 1 + n, 12)
        return DateValue(f"{y:04d}-{m + 1:02d}", DatePrecision.MONTH)
    if len(parts) < 3:
        return None
    return DateValue(date.fromordinal(date(*parts).toordinal() + n).isoformat(), DatePrecision.DAY)


#: how far back in the year a date told without its year may lie from the one told before it, and still be of its year
_HALF_YEAR = 182


def _days_back(anchor: tuple[int, ...], probe: tuple[int, ...]) -> int:
    """How many days of the year ``probe`` ((month, day), or (month,): its middle) lies before ``anchor``; 0 where
    it lies after it.

    >>> _days_back((3, 20), (3, 7)), _days_back((11, 3), (1, 5)), _days_back((7,), (5,)), _days_back((3, 1), (4, 2))
    (13, 302, 61, 0)
    """

    def day_of_year(when: tuple[int, ...]) -> int:
        return date(2001, when[0], when[1] if len(when) > 1 else 15).timetuple().tm_yday

    return max(0, day_of_year(anchor) - day_of_year(probe))


def _order(value: DateValue) -> tuple[int, ...]:
    """(month, day) of a date, as far as its precision goes."""
    return tuple(int(x) for x in value.value.split("-")[1:])


def document_year(text: str) -> int | None:
    """The year a text speaks of most: the year written most often, the later on a tie.

    >>> document_year("events of 2023: in 2023 … since 2017 … in 2023")
    2023
    """
    years = years_in(text)
    if not years:
        return None
    return max(set(years), key=lambda y: (years.count(y), y))


#: a report's header naming the year it covers ("ANNUAL REPORT 2024: EVENTS OF 2023")
_COVERS = re.compile(r"\bevents (?:of|in) ((?:19|20)\d\d)\b", re.I)
_COVERS_CHARS = 400


def covered_year(text: str) -> int | None:
    """The year a report says at its head that it covers, where it says so.

    >>> covered_year("GULF MONITOR – ANNUAL REPORT 2024: EVENTS OF 2023\\n\\nSAUDI ARABIA …")
    2023
    >>> covered_year("Kazakhstan: events of the week") is None
    True
    """
    found = _COVERS.search(text[:_COVERS_CHARS])
    return int(found.group(1)) if found else None


def dateline_year(text: str, month: int | None = None) -> int | None:
    """The year of a news story whose dateline gives only a month and day ("DUBAI, Oct 3"):
    the latest year the story writes of what has happened (not "he could be freed in July 2025"),
    or the year after it where the story speaks of "last year" or tells of a later month of that
    year than the dateline's ``month``.

    >>> dateline_year("arrested on Jan. 22, 2022 … On Oct. 10 last year, the court convicted him")
    2023
    >>> dateline_year("the ruling is dated Sept. 30, 2023 … arrested in November 2022")
    2023
    >>> dateline_year("jailed in January 2024 … he could be freed in July 2025, she said")
    2024
    >>> dateline_year("arrested in May 2025, he may be freed in 2026")
    2025
    >>> dateline_year("arrested on the night of Dec. 4, 2024", month=2)  # a dateline of February
    2025
    """
    years = years_in(text)
    if not years:
        return None
    told = [y for at, y in _years_at(text) if not _AHEAD.search(text, max(0, at - _AHEAD_CHARS), at)]
    year = max(told or years)
    if re.search(r"\blast year\b", text, re.I):
        return year + 1
    if month is not None and any(
        int(m["year"]) == year
        and _month(m["month"]) > month
        and not _AHEAD.search(text, max(0, m.start() - _AHEAD_CHARS), m.start())
        for form in _TOLD_MONTHS
        for m in form.finditer(text)
    ):
        return year + 1  # "TBILISI, Feb 6" after "on the night of Dec. 4, 2024": February of the year after
    return year


#: the forms of a date that name a month of a year ("Dec. 4, 2024", "4 December 2024", "December 2024")
_TOLD_MONTHS = (_FORMS[1][0], _FORMS[2][0], _FORMS[4][0])


#: words before a year that put it ahead of the story ("could be freed in July 2025", "ahead of the 2026 vote")
_AHEAD = re.compile(  # ("may" in lower case only: "in May 2024" is a month)
    r"\b(?:(?i:will|would|could|might|shall|due|expected|scheduled|until|ahead of|upcoming|next)|may)\b"
)
_AHEAD_CHARS = 30


def _years_at(text: str) -> list[tuple[int, int]]:
    """Every four-digit year written in ``text`` with its offset, in order (see :func:`years_in`)."""
    found = [(m.start(1), int(m.group(1))) for m in _YEAR.finditer(text)]
    found += [(m.start(1), int(m.group(1))) for m in _DOTTED_YEAR.finditer(text)]
    # (not a law's year: "the Anti-Terrorism Act, 1997")
    return sorted((at, y) for at, y in found if not names_a_law(text, at))


class Calendar:
    """Dates as a document tells them: its own date, the dates told before, the years around.

    A date with its year is read as written. A relative date ("the same day", "two days later",
    "the following month") counts from the last date told before it; "last month", "last
    year" and a weekday ("on Tuesday") from the document's own date (a weekday only where that
    date has its day, as a news dateline does). A date without a year takes the year of a
    date in its sentence, else of the last date told before it in its paragraph — the next
    year where it falls earlier in the year than that date ("arrested in November 2022 …
    sentenced in January") — else the year that puts it on or before the document's date,
    else the year the document speaks of most.

    >>> text = "On 2 December 2024 he was arrested. Two days later, on 4 December, the court met."
    >>> cal = Calendar(text, None)
    >>> cal.resolve("4 December", text.index("4 December"), (36, len(text)), (0, len(text)))
    (DateValue(value='2024-12-04', precision=<DatePrecision.DAY: 'day'>), True)
    >>> news = Calendar("…", DateValue("2023-10-03", DatePrecision.DAY))
    >>> news.resolve("Monday", 0, (0, 1), (0, 1))[0].value, news.resolve("in March", 0, (0, 1), (0, 1))[0].value
    ('2023-10-02', '2023-03')
    >>> told = "It was closed in April 2023. Its editor said at the time that …"
    >>> Calendar(told, None).resolve("at the time", told.index("at the"), None, None)[0].value
    '2023-04'
    """

    def __init__(self, text: str, own_date: DateValue | None, parts: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.own = own_date
        self.year = int(own_date.value[:4]) if own_date else document_year(text)
        #: the year a report covers ("events of 2023"): a date told without its year is of that year
        self.covers = covered_year(text)
        self.anchors: list[tuple[int, int, DateValue]] = []
        lowered = _lowered_as_re_ignorecase(text)
        spans = sorted(
            {m.span() for p in _ANCHORS for m in p.finditer(text)}
            | {
                m.span()
                for p, words, *_ in _RELATIVE
                if any(word in lowered for word in words)
                for m in p.finditer(text)
            }
        )
        last_end = -1
        for start, end in spans:
            if start < last_end:
                continue  # a shorter form inside a longer one already read
            last_end = end
            if names_a_law(text, start):
                continue  # "the Anti-Terrorism Act, 1997", "Law No. 149 of 2019": a law's year, no date of the story
            part = next(((s, e) for s, e in parts if s <= start < e), None)
            found = self._resolve(text[start:end], start, None, part)
            if found is not None:
                self.anchors.append((start, end, found[0]))

    def resolve(
        self, phrase: str, start: int, sentence: tuple[int, int] | None, part: tuple[int, int] | None
    ) -> tuple[DateValue, bool] | None:
        """The date ``phrase`` (at offset ``start`` of the text) stands for, and whether its year
        (or the whole date) came from around it rather than from the phrase itself."""
        return self._resolve(phrase, start, sentence, part)

    def _before(self, start: int, lo: int = 0) -> list[DateValue]:
        return [v for s, e, v in self.anchors if lo <= s and e <= start]

    def _resolve(
        self, phrase: str, start: int, sentence: tuple[int, int] | None, part: tuple[int, int] | None
    ) -> tuple[DateValue, bool] | None:
        text = " ".join(phrase.split())
        for pattern, _, base, unit, shift in _RELATIVE:
            m = pattern.search(text)
            if not m:
                continue
            if base == "document":
                if self.own is None or (unit == "month" and self.own.precision is DatePrecision.YEAR):
                    return None
                moved = _shift(self.own, unit, shift)
                if unit == "year" and moved is not None:  # "Oct. 10 last year"
                    dated = normalise_date(text, int(moved.value))
                    if dated is not None:
                        return dated, True
                return (moved, True) if moved is not None else None
            if unit == "same":
                told = [(e, v) for s, e, v in self.anchors if e <= start]
                since = told[-1][0] if told else 0
                months = list(_MONTH_WORD.finditer(self.text, since, start))  # "… in April. X said at the time"
                if months:
                    m = months[-1]
                    found = self._resolve(m.group(0), m.start(), None, part)
                    if found is not None:
                        return found[0], True
                return (told[-1][1], True) if told else None
            before = [v for v in self._before(start) if unit != "day" or v.precision is DatePrecision.DAY]
            before = [v for v in before if unit != "month" or v.precision is not DatePrecision.YEAR]
            if not before:
                return None
            n = shift
            if m.groupdict().get("n"):
                word = m["n"].lower()
                n = int(word) if word.isdigit() else _NUMBER_WORDS[word]
            moved = _shift(before[-1], unit, n)
            return (moved, True) if moved is not None else None
        if years_in(text):
            value = normalise_date(text)
            return (value, False) if value is not None else None
        day = _WEEKDAY.search(text)
        if day and not re.search(_M, text, re.I):
            if self.own is None or self.own.precision is not DatePrecision.DAY:
                return None
            own = date.fromisoformat(self.own.value)
            back = (own.weekday() - _WEEKDAYS[day.group(1).lower()]) % 7
            return DateValue(date.fromordinal(own.toordinal() - back).isoformat(), DatePrecision.DAY), True
        probe = normalise_date(text, 2000)  # a day and month, or a month: which year?
        if probe is None or probe.precision is DatePrecision.YEAR:
            return None
        year = self._year_for(probe, start, sentence, part)
        if year is None:
            return None
        value = normalise_date(text, year)
        if (
            value is not None
            and self.own is not None
            and self.own.precision is DatePrecision.DAY
            and value.value[: len(self.own.value)] > self.own.value[: len(value.value)]
        ):
            value = normalise_date(text, year - 1)  # told as past: not after the document's own date
        return (value, True) if value is not None else None

    def _year_for(
        self, probe: DateValue, start: int, sentence: tuple[int, int] | None, part: tuple[int, int] | None
    ) -> int | None:
        def after(anchor: DateValue) -> int:
            year = int(anchor.value[:4])
            a, p = _order(anchor), _order(probe)
            if a and _days_back(a, p) > _HALF_YEAR:
                year += (
                    1  # told after a day far later in the year: the year after ("On 3 November 2023 … On 5 January")
                )
            return year  # (not "On 6 March 2024 … released on 20 March. X was detained on 7 March": told out of order)

        near = []
        if sentence is not None:
            near = [
                (abs(s - start), s < start, v)
                for s, e, v in self.anchors
                if sentence[0] <= s and e <= sentence[1] and s != start
            ]
            earlier = [x for x in near if x[1]]
            if earlier:
                return after(min(earlier, key=lambda x: x[0])[2])
        if self.covers is not None:  # a report on 2023: "in March" is March 2023, whatever the paragraph told before
            return self.covers
        # "On 6 March, the court sentenced X, arrested on 4 August 2022, …", "In May, … for donations made
        # in 2014": a date told later in the sentence is often a past one; it gives the year only as a
        # month or day, and only where the document has no date of its own
        later = [x for x in near if x[2].precision is not DatePrecision.YEAR]
        if later and (self.own is None or self.own.precision is DatePrecision.YEAR):
            return int(min(later, key=lambda x: x[0])[2].value[:4])
        if part is not None:
            told = [(s, v) for s, e, v in self.anchors if part[0] <= s and e <= start]
            # "the first such visit since 2016. In his statement on 26 September", "the weekly, founded in
            # 2020, … In January": a year a period runs from, or a founding's, is not the year the story is in
            story = [
                v
                for s, v in told
                if not (v.precision is DatePrecision.YEAR and _SINCE.search(self.text[max(0, s - 24) : s]))
            ]
            if story:
                return after(story[-1])
        if self.own is not None and self.own.precision is not DatePrecision.YEAR:
            own = _order(self.own)
            p = _order(probe)
            year = self.year
            if year is None:
                return None
            if p[0] > own[0] or (len(p) > 1 and len(own) > 1 and p[0] == own[0] and p[1] > own[1]):
                year -= 1  # a news story tells what has happened: the latest such day before it
            return year
        return self.year


#: a law's or a case's title just before a year ("the Anti-Terrorism Act, 1997", "Law 149 of 2019", "Case No. 811 of
#: 2025", "Criminal Appeal No. 86 of 2024"): the year names the law or the case file, not a time of the story
_LAW_YEAR = re.compile(
    r"\b(?:Act|Law|Code|Decree|Ordinance|Proclamation|Constitution|Case|Appeal|Petition)"
    r"(?:\s+(?:No\.?\s*)?[\w/.-]*\d[\w/.-]*)?"
    r"(?:,\s*|\s+of\s+)$"
)


def names_a_law(text: str, at: int) -> bool:
    """Whether the year at offset ``at`` of ``text`` is part of a law's title ("the Anti-Terrorism Act, 1997").

    >>> names_a_law("charged under the Anti-Terrorism Act, 1997 and", 38), names_a_law("arrested in 1997", 12)
    (True, False)
    """
    return _LAW_YEAR.search(text, max(0, at - 40), at) is not None


#: "since", or a founding or a birth, just before a year (searched up to the phrase's start): a year a period
#: runs from, or an actor's background ("the weekly, founded in 2020, …"), not the year the story is in
_SINCE = re.compile(r"\b(?:since|(?:founded|established|created|set\s+up|born)\s+in)\s+(?:the\s+(?:year\s+)?)?$", re.I)


def is_date_phrase(text: str) -> bool:
    """Whether a phrase names a date (with or without its year, or relative to another date),
    not a span of time.

    >>> [is_date_phrase(t) for t in ("14 March", "the same day", "Tuesday", "seven years", "2012")]
    [True, True, True, False, True]
    """
    text = " ".join(text.split())
    if any(p.search(text) for p, *_ in _RELATIVE):
        return True
    if _WEEKDAY.search(text):
        return True
    return normalise_date(text, 2000) is not None
