"""What an actor's own name says of its type: its head word and the words that qualify it."""

from __future__ import annotations

import calendar
import re
from functools import cache, lru_cache
from typing import Any

from pipeline.components.gazetteer import demonyms, lookup
from pipeline.normalize.names import QUOTES
from pipeline.patterns import load_json

__all__ = ["NameWords", "best_type", "name_words", "name_type", "shape_patterns"]

#: words after which a name's head has been said ("Committee for …", "Ministry of …")
_PREPOSITIONS = frozenset(
    {
        "of",
        "for",
        "on",
        "to",
        "against",
        "de",
        "del",
        "della",
        "des",
        "du",
        "in",
        "at",
        "and",
        "&",
        "pour",
        "pela",
        "pelo",
        "para",
        "por",
        "contre",
        "contra",
        "et",
        "y",
        "e",
        "la",
        "le",
        "les",
        "l",
        "el",
        "los",
        "las",
        "da",
        "do",
        "dos",
        "das",
        "für",
    }
)
_POSSESSIVE = re.compile(r"[’']s?$")
#: a possessive the tokenizer splits off its word
_POSSESSIVE_WORDS = frozenset({"'s", "’s", "'", "’"})
#: heads that are acronyms, a head only in capitals: "Albertine Essomba Ngo Bilong" (a name's "Ngo") is no NGO
_ACRONYM_HEADS = frozenset(load_json("name_words.json")["acronym_heads"])


def _unless_capitals(word: str) -> str:
    """``word``, or where it is an acronym head not written in capitals, a form no head has ("Ngo" -> "Ngo·")."""
    return word + "·" if not word.isupper() and word.lower() in _ACRONYM_HEADS else word


# Among equal weights the more specific type wins.
_SPECIFICITY = [
    "Country",
    "Court",
    "PoliticalParty",
    "MediaOutlet",
    "GovernmentBody",
    "InternationalOrganisation",
    "NGO",
    "Person",
    "Place",
    "Organisation",
]
#: each type's place in that order
_RANK = {t: n for n, t in enumerate(_SPECIFICITY)}


def best_type(votes: list[tuple[str, int, str]] | list[list]) -> str | None:
    """The type with the largest total weight; ties go to the more specific type.

    >>> best_type([("Person", 1, "ner"), ("MediaOutlet", 3, "before:outlet")])
    'MediaOutlet'
    >>> best_type([("Organisation", 1, "ner"), ("Court", 1, "x")])
    'Court'
    """
    if not votes:
        return None
    first = votes[0][0]
    if len(votes) == 1:  # (most names: one cue)
        return first
    totals: dict[str, int] = {}
    for vote in votes:  # (type, weight, cue…)
        totals[vote[0]] = totals.get(vote[0], 0) + vote[1]
    if len(totals) < 2:
        return first
    # the largest total, the more specific type among equals (each type has its own rank: one answer)
    best, most, rank = first, totals[first], _RANK[first]
    for kind, total in totals.items():
        if total > most or (total == most and _RANK[kind] < rank):
            best, most, rank = kind, total, _RANK[kind]
    return best


class NameWords:
    """The word lists of ``patterns/name_words.json``, read once."""

    def __init__(self, data: dict) -> None:
        self.heads: dict[str, str] = {
            " ".join(_POSSESSIVE.sub("", p) for p in w.split()): t for t, words in data["heads"].items() for w in words
        }  # read as names are: "people's committee" -> "people committee"
        self.longest_head = max(len(w.split()) for w in self.heads)
        self.institutions = frozenset(data["institution_heads"])
        self.leading_places = frozenset(data["leading_place_heads"])
        self.state = frozenset(data["state_words"])
        self.international = tuple(
            sorted((tuple(p.split()) for p in data["international_prefixes"]), key=len, reverse=True)
        )
        self.civil = frozenset(data["civil_words"])
        self.civil_first = frozenset(data["not_state_when_civil"])
        self.political = frozenset(data["political_words"])
        self.political_heads = frozenset(data["political_heads"])
        #: what a name's words give, worked out once per name: a name recurs through its document
        self._typed = lru_cache(maxsize=1 << 14)(self._type_of)
        self.mandate_openers = frozenset(data["mandate_openers"])

    def type_of(self, words: list[str]) -> tuple[str, str] | None:
        """(type, cue) that a name's words give, or None where they say nothing.

        >>> nw = name_words()
        >>> nw.type_of("State Committee for National Security".split())
        ('GovernmentBody', 'state:committee')
        >>> nw.type_of("Centre for Rights and Civic Engagement".split())
        ('NGO', 'civil:centre')
        >>> nw.type_of("Harare Remand Prison".split())
        ('Place', 'head:remand prison')
        >>> nw.type_of("UN Human Rights Office".split())
        ('InternationalOrganisation', 'international:office')
        >>> nw.type_of("Ivan Petrov".split()) is None
        True
        """
        return self._typed(tuple(words))

    def _type_of(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        low = self._words(list(words))
        if not low:
            return None
        if len(low) > 1 and low[0] in self.leading_places:
            return "Place", f"head:{low[0]}"  # "Boulevard Mohammed V", "Rue de la Loi"
        head = self._leading_head(low)
        if head is None:
            head_at = next((i - 1 for i, w in enumerate(low) if i > 0 and w in _PREPOSITIONS), len(low) - 1)
            head = self._head(low, head_at)
        if head is None:  # "Branch 15 of the Tehran Revolutionary Court": any head word, last first
            for i in range(len(low) - 1, -1, -1):
                head = self._head(low, i)
                if head is not None:
                    break
        if head is None:
            return None
        word, at = head
        kind = self.heads.get(word)
        if kind in (None, "GovernmentBody", "NGO", "Organisation"):
            qualified = self._qualified(low, at, word, kind)
            if qualified is not None:
                return qualified
        if kind is not None:
            return kind, f"head:{word}"
        return None

    @staticmethod
    def _words(words: list[str]) -> list[str]:
        """Lower-case words without possessives and quotes; a quoted name after its kind is left out."""
        text = " ".join(w for w in words if w not in _POSSESSIVE_WORDS)  # "People 's Committee"
        quoted = re.search(r"[‘“'\"«]", text)
        if quoted and quoted.start() > 0 and not re.match(r"\w['’]", text[quoted.start() - 1 : quoted.start() + 1]):
            text = text[: quoted.start()]
        low = [_POSSESSIVE.sub("", _unless_capitals(w).lower()).strip(QUOTES) for w in text.split()]
        return [w for w in low if w]

    def head_of(self, words: list[str]) -> str | None:
        """The head word of a name, lower case: "the Hemaya Foundation for Detainees' Rights" ->
        "foundation"; a quoted name's kind counts ("Human Rights Centre ‘Abarona’" -> "centre").

        >>> name_words().head_of("Bishkek City Court".split())
        'court'
        """
        low = self._words(words)
        if not low:
            return None
        head_at = next((i - 1 for i, w in enumerate(low) if i > 0 and w in _PREPOSITIONS), len(low) - 1)
        head = self._head(low, head_at)
        return head[0].split()[-1] if head else None

    def _leading_head(self, low: list[str]) -> tuple[str, int] | None:
        """A head that holds a preposition and opens the name: "Council of State of Turkey"."""
        for n in range(min(self.longest_head, len(low)), 2, -1):
            phrase = " ".join(low[:n])
            if phrase in self.heads and any(w in _PREPOSITIONS for w in low[1 : n - 1]):
                return phrase, n - 1
        return None

    def _head(self, low: list[str], at: int) -> tuple[str, int] | None:
        for n in range(min(self.longest_head, at + 1), 0, -1):
            phrase = " ".join(low[at - n + 1 : at + 1])
            if phrase in self.heads or (n == 1 and phrase in self.institutions):
                return phrase, at
        return None

    def _qualified(self, low: list[str], at: int, head: str, kind: str | None) -> tuple[str, str] | None:
        """An institution's kind from what qualifies it: international, state or civil."""
        for prefix in self.international:
            if tuple(low[: len(prefix)]) == prefix and len(low) > len(prefix):
                return "InternationalOrganisation", f"international:{head}"
        civil = any(w in self.civil for w in low) or any(
            " ".join(low[i : i + 2]) in self.civil for i in range(len(low) - 1)
        )
        if head in self.political_heads and not civil and any(w in self.political for w in low):
            return "PoliticalParty", f"political:{head}"  # "Union pour le Renouveau Démocratique"
        if kind == "NGO":
            return None
        if kind == "Organisation":
            return ("NGO", f"civil:{head}") if civil else None
        before, after = low[: at - len(head.split()) + 1], low[at + 1 :]
        state = (
            any(w in self.state for w in before)
            or _names_a_state(before)
            or (after[:1] == ["of"] and _names_a_state(after[1:]))
        )
        if civil and head in self.civil_first and kind is None:
            return "NGO", f"civil:{head}"
        if state:
            return "GovernmentBody", f"state:{head}"
        if civil and kind is None:
            return "NGO", f"civil:{head}"
        return None


def _names_a_state(words: list[str]) -> bool:
    """A country, a nationality word or "the Republic" among ``words``."""
    words = [w for w in words if w not in ("the",)]
    dem = _demonym_words()
    for i in range(len(words)):
        if words[i] in dem:
            return True
        for n in (3, 2, 1):
            chunk = " ".join(words[i : i + n])
            if len(chunk) > 2:
                known = lookup(chunk)
                if known and known[1] == "Country":
                    return True
    return False


@cache
def _demonym_words() -> frozenset[str]:
    return frozenset(w.lower() for w, country in demonyms().items() if country)


@cache
def name_words() -> NameWords:
    """The name word lists, read once."""
    return NameWords(load_json("name_words.json"))


def name_type(words: list[str]) -> tuple[str, str] | None:
    """(type, cue) of a name from its own words; see :meth:`NameWords.type_of`."""
    return name_words().type_of(words)


#: words that never open a name ("the Court", "whereas the Centre", "in Minsk Regional Court")
_NOT_NAME_START = [
    "the",
    "a",
    "an",
    "whereas",
    "on",
    "in",
    "by",
    "of",
    "and",
    "for",
    "to",
    "at",
    "from",
    "with",
    "this",
    "that",
    "its",
    "his",
    "her",
    "their",
    "our",
    "mr",
    "mrs",
    "ms",
    "dr",
    "former",
    "new",
    "both",
    "all",
    "each",
    "every",
    "when",
    "while",
    "after",
    "before",
    "since",
    "during",
    "under",
]
_POSSESSIVES = ["’s", "'s", "’", "'"]
_ORDINAL = r"^\d+(st|nd|rd|th)$"
#: capitalised words that end a name's "of …" rather than continue it ("the Supreme Court on Monday", "X airport on Feb. 24")
CALENDAR = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    # a month's abbreviation with its full stop ("on Feb. 24"): never a name's word ("May" alone may be one)
    *(m.lower() + "." for m in calendar.month_abbr if m),
    "sept.",
]
_ARTICLE = r"(?:al|el|ad|ash|as|at|az|ibn|bin|abu)-[A-Z]"
#: a word with an Arabic article (or "bin", "abu") before its capital ("al-Ha'ir", "el-Sisi")
ARTICLED = "^" + _ARTICLE
#: a word written with a capital, or an Arabic article before one
CAPITALISED = r"^(?:[A-Z\u00C0-\u00DE\u0100-\u017F]|" + _ARTICLE + ")"


#: CAPITALISED compiled once (re.match looks a pattern up at each call)
_CAPITALISED = re.compile(CAPITALISED).match


def capitalised_word(text: str) -> bool:
    """A word written as a name's words are, title case or not ("Tae-yang", "Ayandeh-ye", "McLeod",
    "al-Sitri"); not a compound of an acronym ("EU-Cuba", "UN-backed").

    >>> [capitalised_word(w) for w in ("Tae-yang", "al-Sitri", "McLeod", "EU-Cuba", "brother")]
    [True, True, True, False, False]
    """
    if not _CAPITALISED(text):
        return False
    parts = text.split("-")
    return len(parts) == 1 or not any(len(p) > 1 and p.isupper() for p in parts)


def shape_patterns() -> list[dict]:
    """Entity-ruler patterns for names shaped like an actor's: capitalised words ending in a head
    ("Iran Justice Watch", "Istanbul 25th High Criminal Court", "Brisco prison"), or a head
    opening a name ("Ministry of Culture, Information and Sports", "Supreme Court of the Kyrgyz
    Republic", "Pre-trial Detention Centre No. 1", "Regional Trial Court Branch 6", "remand prison
    SIZO-1"). Labelled with the head's type; the name's own words then refine it (see
    :meth:`NameWords.type_of`).
    """
    nw = name_words()
    data = load_json("name_words.json")["shapes"]
    lower_ok = set(data["lowercase_heads"])
    lower_words = set(data["lowercase_head_words"])
    word: dict[str, Any] = {"TEXT": {"REGEX": CAPITALISED}, "LOWER": {"NOT_IN": _NOT_NAME_START}}
    # a place of detention named after its country's people is no name of its own ("the Belarusian
    # KGB remand prison"); a ministry or an NGO so named is ("the Dutch Ministry of Foreign Affairs")
    place_word: dict[str, Any] = {
        "TEXT": {"REGEX": CAPITALISED},
        "LOWER": {"NOT_IN": sorted(set(_NOT_NAME_START) | _demonym_words())},
    }
    inner: dict[str, Any] = {"TEXT": {"REGEX": CAPITALISED}, "OP": "*"}
    named: dict[str, Any] = {"TEXT": {"REGEX": CAPITALISED}, "LOWER": {"NOT_IN": CALENDAR}, "OP": "+"}
    of_name: list[dict[str, Any]] = [
        {"LOWER": {"IN": ["of", "for", "on"]}},
        {"LOWER": {"IN": ["the", "a"]}, "OP": "?"},
        named,
    ]
    and_name: list[dict[str, Any]] = [*of_name, {"LOWER": "and"}, named]  # "Observatory for Rights and Freedoms"
    # "Movement for Human and Peoples' Rights"
    and_possessive: list[dict[str, Any]] = [*and_name, {"ORTH": {"IN": _POSSESSIVES}}, named]
    # "Association for Migrants' Dignity": a mandate holding a plural possessive
    possessive_tail: list[dict[str, Any]] = [*of_name, {"ORTH": {"IN": _POSSESSIVES}}, named]
    numbered: list[dict[str, Any]] = [
        {"ORTH": {"IN": ["No.", "Nr.", "no.", "No", "Nr", "no", "N°", "№"]}},
        {"TEXT": {"REGEX": r"^\d+(/\d+)?[A-Za-z]?$"}},
    ]
    tails: list[list[dict[str, Any]]] = [
        [],
        numbered,  # "Colony No. 47"
        [{"LOWER": {"IN": data["numbered_parts"]}}, {"TEXT": {"REGEX": r"^\d+[A-Za-z]?$"}}],  # "… Court Branch 6"
        [
            {"ORTH": ",", "OP": "?"},
            {"TEXT": {"REGEX": CAPITALISED}, "OP": "+"},
            {"LOWER": {"IN": data["numbered_parts"]}},
        ],  # "… Instance Court, Oriel Division"
        of_name,
        [
            *of_name,
            {"LOWER": "of"},
            {"LOWER": "the", "OP": "?"},
            named,
        ],  # "Assembly of the Representatives of the People"
        [*of_name, {"LOWER": {"IN": data["place_particles"]}}, named],  # "Municipal Court of San Pedro de Vell"
        possessive_tail,
        [*of_name, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}, named, {"ORTH": {"IN": _POSSESSIVES}}, named],
        # "Association for the Protection of Detainees' Rights"
    ]
    code: list[dict[str, Any]] = [
        {"TEXT": {"REGEX": r"^[A-Z]{2,6}-?\d{1,3}$"}}
    ]  # "remand prison SIZO-1", "correctional colony IK-7"
    patterns: list[dict] = []
    place_kind = {"LOWER": {"IN": sorted(h for h, k in nw.heads.items() if k == "Place" and " " not in h)}, "OP": "?"}
    for head, kind in sorted(nw.heads.items()):
        if kind in data["skip_types"]:
            continue
        parts = head.split()
        lower = kind in lower_ok or head in lower_words
        head_tokens = [
            {"ORTH": w.upper()}  # "NGO", not a name's "Ngo"
            if w in _ACRONYM_HEADS
            else {"LOWER": w}
            if lower or not w.isalpha()
            else {"LOWER": w, "TEXT": {"REGEX": CAPITALISED}}
            for w in parts
        ]
        first = place_word if kind == "Place" else word
        before = [
            dict(first, OP="+"),
            {"ORTH": {"IN": _POSSESSIVES}, "OP": "?"},
            {"TEXT": {"REGEX": _ORDINAL}, "OP": "?"},
            dict(inner),
            {"ORTH": {"IN": _POSSESSIVES}, "OP": "?"},
        ]
        # a possessive before a head in lower case is a person's ("Brenik's prison term", "Brenik's
        # police escort"); before a capitalised one it may be part of the name ("St Mary's Prison")
        named_head = [{"LOWER": w, "TEXT": {"REGEX": CAPITALISED}} if w.isalpha() else {"LOWER": w} for w in parts]
        no_possessive = [t for t in before if t.get("ORTH") != {"IN": _POSSESSIVES}]
        if kind == "Place":  # "the Sfax civil prison", "the Manouba women's prison"
            qualifier = [{"LOWER": {"IN": data["place_qualifiers"]}}, {"ORTH": {"IN": _POSSESSIVES}, "OP": "?"}]
            patterns.append({"label": kind, "pattern": no_possessive + qualifier + head_tokens})
        # a mandate of two words joined by "and" names a body, not a place, outlet or court: each pattern costs
        # every part it may match
        joined = [and_name, and_possessive] if kind in data["mandate_types"] else []
        for tail in tails + joined:
            if lower:
                # a name goes on after a head in lower case only where the head is capitalised ("the Prison
                # for Women"): "Ngozi province for APRODE" is a place and the body it works for
                start = named_head if tail and tail[0] is of_name[0] else head_tokens
                patterns.append({"label": kind, "pattern": no_possessive + start + tail})
                if not tail:  # (the possessive's form alone: each pattern costs every part it may match)
                    patterns.append({"label": kind, "pattern": before + named_head})
            else:
                patterns.append({"label": kind, "pattern": before + head_tokens + tail})
            if tail and (not lower or len(parts) > 1 or tail is numbered):  # "Penitentiary No. 13" too
                patterns.append({"label": kind, "pattern": named_head + tail})
        if kind == "Place":
            patterns.append({"label": kind, "pattern": head_tokens + code})
            # "penal colony No 4", "prison colony No. 3/1" (a kind before the kind)
            patterns.append({"label": kind, "pattern": [place_kind, *head_tokens, *numbered]})
        if kind == "Court":  # "Branch 15 of the X Revolutionary Court", "Chamber 2 of the Supreme Court"
            part: list[dict[str, Any]] = [
                {"LOWER": {"IN": data["numbered_parts"]}, "TEXT": {"REGEX": CAPITALISED}},
                {"TEXT": {"REGEX": r"^\d+[A-Za-z]?$"}},
                {"LOWER": "of"},
                {"LOWER": "the", "OP": "?"},
            ]
            patterns.append({"label": kind, "pattern": part + before + head_tokens})
    after_place: dict[str, Any] = {
        "TEXT": {"REGEX": CAPITALISED},
        "LOWER": {"NOT_IN": sorted(set(_NOT_NAME_START) | _demonym_words() | set(CALENDAR))},
        "OP": "+",
    }
    # "Mr. al-Sitri": a surname with an article after an honorific is a person's (the honorific is trimmed
    # off), though the model reads no name in lower case; a name in title case is left to the model
    patterns.append(
        {
            "label": "Person",
            "pattern": [{"LOWER": {"IN": data["honorifics"]}}, {"TEXT": {"REGEX": ARTICLED}}, dict(word, OP="*")],
        }
    )
    for head in data["place_lowercase_heads"]:  # "the Velgrad court"
        patterns.append({"label": nw.heads[head], "pattern": [after_place, {"ORTH": head}]})
    for head in sorted(nw.institutions):
        opening: list[dict[str, Any]] = [{"LOWER": head, "TEXT": {"REGEX": CAPITALISED}}]
        before = [dict(word, OP="+"), {"ORTH": {"IN": _POSSESSIVES}, "OP": "?"}, dict(inner)]
        for tail in ([], tails[4], tails[5], possessive_tail, and_name, and_possessive):
            patterns.append({"label": "Organisation", "pattern": before + opening + tail})
            if tail:
                patterns.append({"label": "Organisation", "pattern": opening + tail})
    listed: list[dict[str, Any]] = [{"IS_TITLE": True, "OP": "+"}, {"ORTH": ","}, {"IS_TITLE": True, "OP": "+"}]
    for head in data["listing_heads"]:  # "Ministry of Culture, Information, Sports and Youth Policy"
        opening = [{"ORTH": head}, {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"}]
        # "Federal Service for Supervision of Communications, Information Technology and Mass Media": the list
        # after an "of" of the mandate
        mandate = [*opening, {"IS_TITLE": True, "OP": "+"}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}]
        for n in (1, 2, 3):
            body = listed + [{"ORTH": ","}, {"IS_TITLE": True, "OP": "+"}] * (n - 1)
            for start in (opening, mandate, [dict(word, OP="+"), *mandate]):
                patterns.append(
                    {
                        "label": "Organisation",
                        "pattern": start
                        + body
                        + [{"ORTH": ",", "OP": "?"}, {"LOWER": "and"}, {"IS_TITLE": True, "OP": "+"}],
                    }
                )
        patterns.append(
            {
                "label": "Organisation",
                "pattern": [*opening, {"IS_TITLE": True, "OP": "+"}, {"LOWER": "and"}, {"IS_TITLE": True, "OP": "+"}],
            }
        )
    return patterns
