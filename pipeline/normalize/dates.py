"""The one date normaliser: a date phrase to an ISO value at the precision the text gives."""

from __future__ import annotations

import calendar
import re
from datetime import date

from pipeline.facts import DatePrecision, DateValue

__all__ = ["normalise_date", "years_in", "nearest_year"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_M = "(?P<month>" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_Y = r"(?P<year>(?:1[89]|20)\d\d)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# The first form that matches wins; a range ("15 and 16 March 2013") gives its first day.
_FORMS: list[tuple[re.Pattern[str], DatePrecision]] = [
    (re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"), DatePrecision.DAY),
    (re.compile(rf"\b{_D}(?:\s*(?:and|to|-|–|/)\s*[0-3]?\d(?:st|nd|rd|th)?)?(?:\s+of)?\s+{_M},?\s+{_Y}\b", re.I), DatePrecision.DAY),
    (re.compile(rf"\b{_M}\s+{_D}(?:\s*(?:and|to|-|–)\s*[0-3]?\d)?,?\s+{_Y}\b", re.I), DatePrecision.DAY),
    (re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:1[89]|20)\d\d)\b"), DatePrecision.DAY),
    (re.compile(rf"\b{_M},?\s+(?:of\s+)?{_Y}\b", re.I), DatePrecision.MONTH),
    (re.compile(rf"\b{_D}(?:\s+of)?\s+{_M}\b(?!\s*,?\s*\d)", re.I), DatePrecision.DAY),
    (re.compile(rf"(?<![\w-]){_M}\b(?!\s*,?\s*\d)", re.I), DatePrecision.MONTH),
    (re.compile(rf"(?<![\d/-]){_Y}(?![\d/-])"), DatePrecision.YEAR),
]
_YEAR = re.compile(r"(?<![\d/.-])((?:1[89]|20)\d\d)(?![\d/-])")
# Phrases that name a span of time, not a date ("12 years", "the last two years").
_DURATION = re.compile(r"\b(years?|months?|weeks?|days?|decades?)\b|\d{4}\s*[-–]\s*\d{4}", re.I)


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

    >>> years_in("on 7 December 2012 ... in August 2012; 2013-2020")
    [2012, 2012]
    """
    return [int(y) for y in _YEAR.findall(text)]


def nearest_year(text: str, at: int) -> int | None:
    """The year written in ``text`` nearest to offset ``at`` (where a year-less date stands).

    >>> nearest_year("on his return in September ... after a trial in August 2012", 16)
    2012
    >>> nearest_year("in September", 3) is None
    True
    """
    found = [(abs(m.start() - at), int(m.group(1))) for m in _YEAR.finditer(text)]
    return min(found)[1] if found else None
