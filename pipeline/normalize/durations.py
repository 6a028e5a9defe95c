"""The one duration normaliser: a prison term as written to an xsd:duration."""

from __future__ import annotations

import re

__all__ = ["NUMBER_WORDS", "normalise_term"]

_UNITS = {"year": "Y", "years": "Y", "month": "M", "months": "M", "week": "W", "weeks": "W", "day": "D", "days": "D"}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
_NUM = (
    r"(\d+(?:[.,]5)?|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")(?:(?<=ty)[\s-]+(one|two|three|four|five|six|seven|eight|nine))?"  # "twenty-five", not "a three-year"
)
#: a range of terms states none ("prison terms of between seven and nine years")
_RANGE = re.compile(r"\bbetween\b", re.I)
#: several people's terms told together ("to 12 and 15 years respectively", "10 to 12 years") state none
_LISTED = re.compile(rf"\b{_NUM}\s*(?:,|and|or|to)\s+{_NUM}[\s-]+(?:years?|months?|weeks?|days?)\b", re.I)
_PART = re.compile(rf"\b{_NUM}(\s+and\s+a\s+half)?[\s-]+(years?|months?|weeks?|days?)\b(\s+and\s+a\s+half)?", re.I)
#: a term's units, largest first: one term tells each at most once, in this order ("two years and six months")
_ORDER = "YMWD"
_LIFE = re.compile(r"\blife\b", re.I)


def _number(word: str, unit_word: str | None) -> float:
    w = word.lower().replace(",", ".")
    n = float(w) if re.fullmatch(r"\d+(?:\.5)?", w) else NUMBER_WORDS[w]
    if unit_word:
        n += NUMBER_WORDS[unit_word.lower()]
    return n


def normalise_term(text: str) -> str | None:
    """``text``'s prison term as an xsd:duration, or None when it states none.

    >>> normalise_term("seven and a half years in prison")
    'P7Y6M'
    >>> normalise_term("12 years"), normalise_term("18 months"), normalise_term("two years and six months")
    ('P12Y', 'P1Y6M', 'P2Y6M')
    >>> normalise_term("a year and a half"), normalise_term("twenty-five years"), normalise_term("a three-year sentence")
    ('P1Y6M', 'P25Y', 'P3Y')
    >>> normalise_term("life imprisonment") is None  # no fixed term
    True
    >>> normalise_term("terms of between seven years and six months and nine years") is None  # several people's
    True
    >>> normalise_term("12 and 15 years in prison respectively"), normalise_term("seven and a half years")
    (None, 'P7Y6M')
    >>> normalise_term("four years, four years and six months, and five years") is None  # several people's
    True
    """
    if _RANGE.search(text) or _LISTED.search(text):
        return None
    total = {"Y": 0.0, "M": 0.0, "W": 0.0, "D": 0.0}
    told: list[str] = []
    for m in _PART.finditer(text):
        n = _number(m.group(1), m.group(2))
        if m.group(3) or m.group(5):
            n += 0.5
        unit = _UNITS[m.group(4).lower()]
        if told and _ORDER.index(unit) <= _ORDER.index(told[-1]):
            return None  # "four years, four years and six months, and five years": several terms, not one
        told.append(unit)
        total[unit] += n
    if not told:
        return None
    # canonical form, as rdflib writes an xsd:duration: "18 months" is P1Y6M
    months_total = round(total["Y"] * 12 + total["M"])
    years, months = divmod(months_total, 12)
    out = "P"
    if years:
        out += f"{years}Y"
    if months:
        out += f"{round(months)}M"
    if total["W"]:
        out += f"{int(total['W'] * 7 + total['D'])}D"
    elif total["D"]:
        out += f"{int(total['D'])}D"
    return out if out != "P" else None
