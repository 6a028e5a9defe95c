"""One key for the Latin spellings of a name transliterated in different ways ("Zhusupbekov", "Jusupbekov")."""

from __future__ import annotations

import re
from functools import cache

from pipeline.normalize.names import name_key
from pipeline.patterns import load_json

__all__ = ["transliteration_key"]


@cache
def _replacements() -> tuple[tuple[str, str], ...]:
    pairs = load_json("transliteration.json")["replacements"]
    return tuple(sorted(((a, b) for a, b in pairs), key=lambda p: -len(p[0])))


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(a) for a, _ in _replacements()))


def transliteration_key(name: str) -> str:
    """The name key with every transliteration variant folded to one spelling, doubled letters single.

    >>> transliteration_key("Eldiyar Zhusupbekov") == transliteration_key("Eldiyar Jusupbekov")
    True
    >>> transliteration_key("Mikhail Khodorkovsky") == transliteration_key("Mihail Hodorkovskiy")
    True
    >>> transliteration_key("Vadim Kuramshin") == transliteration_key("Vladimir Kozlov")
    False
    """
    table = dict(_replacements())
    folded = _pattern().sub(lambda m: table[m.group(0)], name_key(name))
    return re.sub(r"(\w)\1+", r"\1", folded)
