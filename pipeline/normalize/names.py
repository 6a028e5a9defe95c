"""Name forms: the one comparison key for actor names, and their tidy surface form."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = ["name_key", "tidy_name", "QUOTES", "TITLES", "is_acronym"]

QUOTES = "‘’“”'\"`´«»„‚"
TITLES = frozenset({"mr", "mrs", "ms", "dr", "prof", "professor", "sir", "madam", "judge"})
_POSSESSIVE = re.compile(r"[’'`´]s?$")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "‘": "'"})


def tidy_name(text: str) -> str:
    """The surface form of a name as a label: no leading article, possessive or quotes.

    >>> tidy_name("the European Parliament’s")
    'European Parliament'
    >>> tidy_name("‘Alga!’")
    'Alga!'
    >>> tidy_name("Prosecutor- General")
    'Prosecutor-General'
    """
    text = " ".join(text.split())
    text = re.sub(r"(\w)- (\w)", r"\1-\2", text)
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = _POSSESSIVE.sub("", text).strip()
    return text.strip(QUOTES + " ,;:").strip()


@lru_cache(maxsize=1 << 16)  # identity compares every name with every other of its document
def name_key(text: str) -> str:
    """Case-, accent-, quote-, article- and title-insensitive key of a name.

    >>> name_key("the OSCE’s Office")
    'osce office'
    >>> name_key("Mr Kurashim")
    'kurashim'
    >>> name_key("Prosecutor General") == name_key("Prosecutor-General")
    True
    >>> name_key("Barış Yıldırım"), name_key("Nguyễn Thị Thu Hà"), name_key("Đặng Yo‘l")
    ('baris yildirim', 'nguyen thi thu ha', 'dang yol')
    """
    text = anyascii(unicodedata.normalize("NFC", text.translate(_DASHES))).casefold()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)  # "Yo‘l", "O'Brien": one word
    words = re.findall(r"[\w]+", text)
    while words and words[0] in TITLES | {"the"}:
        words = words[1:]
    return " ".join(words)


def is_acronym(text: str) -> bool:
    """An all-capitals short name such as "OSCE" or "UNHRC".

    >>> is_acronym("OSCE"), is_acronym("Alga!")
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and " " not in text.strip()
