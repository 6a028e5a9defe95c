"""What an office's words say of it: an institution of its own or a title, international or a
state's. Plain functions of the words (no spaCy), read by the offices component and by identity."""

from __future__ import annotations

from pipeline.components.gazetteer import demonyms, lookup
from pipeline.patterns import load_json

__all__ = ["is_institutional", "is_state", "names_a_state", "office_type"]


def is_institutional(text: str) -> bool:
    """Whether an office is worded as an institution of its own: with its international
    organisation, its mandate or its state — not a bare title ("the President") nor a portfolio
    ("Minister of Justice"), which only stand for the person who holds them.

    >>> is_institutional("UN Special Rapporteur on the situation of human rights defenders")
    True
    >>> is_institutional("President of the Kyrgyz Republic"), is_institutional("President")
    (True, False)
    >>> is_institutional("Minister of Justice")
    False
    """
    words = text.split()
    data = load_json("offices.json")
    if len(words) > 1 and words[0] in data["international_prefixes"]:
        return True
    for n, word in enumerate(words[:-1]):
        if word in data["mandate_prepositions"] and any(w in data["mandate_heads"] for w in words[:n]):
            return True  # "Special Rapporteur on …", "Co-ordinator in Uzbekistan"
        if word == "of" and names_a_state(words[n + 1 :]):
            return True  # "President of the Kyrgyz Republic", "Public Defender of Georgia"
    return False


def is_state(name: str) -> bool:
    """Whether a name names a state: a country, or "the … Republic", "the Kingdom of …".

    >>> is_state("the Kyrgyz Republic"), is_state("Viet Nam"), is_state("Ivan Petrov")
    (True, True, False)
    """
    return names_a_state(name.split())


def names_a_state(words: list[str]) -> bool:
    rest = [w for w in words if w.lower() != "the"]
    if not rest:
        return False
    if rest[-1] in ("Republic", "Kingdom", "Federation", "State", "Emirates"):
        return True
    if rest[-1] == "Union":  # "the European Union", not "the Tunisian Labour Union" nor "the Journalists Union"
        return len(rest) == 2 and demonyms().get(rest[0]) == ""
    known = lookup(" ".join(rest))
    return known is not None and known[1] == "Country"


def office_type(text: str) -> str:
    """The type of an office standing as an actor: international or a state's body.

    >>> office_type("UN Working Group on Arbitrary Detention"), office_type("Public Defender of Georgia")
    ('InternationalOrganisation', 'GovernmentBody')
    """
    data = load_json("offices.json")
    words = text.split()
    if words and words[0] in data["international_prefixes"]:
        return "InternationalOrganisation"
    if any(h in text for h in data["international_heads"]):
        return "InternationalOrganisation"
    return "GovernmentBody"
