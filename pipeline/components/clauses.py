"""whereas_clauses: a semicolon ends a clause, so each "whereas …;" is parsed on its own; a news
dateline is a sentence of its own."""

import re

import numpy
from spacy.attrs import IS_LOWER, IS_STOP, IS_TITLE, IS_UPPER, LIKE_NUM, ORTH, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.structure import NEWS_DATELINE

__all__ = ["ClauseSplitter"]

_BREAKS = frozenset({";"})
_ENDS = frozenset({".", "?", "!"})
_QUOTES = frozenset("‘’“”'\"")
_OPENING = frozenset("‘“")
_DASHES = frozenset("–—-")
_BREAK_IDS, _END_IDS, _QUOTE_IDS, _OPENING_IDS, _DASH_IDS = (
    frozenset(get_string_id(w) for w in words) for words in (_BREAKS, _ENDS, _QUOTES, _OPENING, _DASHES)
)
#: Token.is_sent_start True and False as the Doc's SENT_START array holds them (1 and -1)
_START, _NOT_START = numpy.uint64(1), numpy.uint64(numpy.iinfo(numpy.uint64).max)
#: a capital letter and a full stop, one token: an initial, or a name that ends a sentence ("posted on X.")
_LETTER_STOP = re.compile(r"^[A-Z]\.$")
#: tokens a dateline may take ("SAN JOSÉ, Costa Rica, Oct. 3, 2024 (Agency) –")
_DATELINE_TOKENS = 20


class ClauseSplitter:
    """Sets the sentence boundaries before the parser runs: after each semicolon, each full stop
    followed by a capital and the dash of a news dateline opening the Doc, nowhere else.

    Resolutions chain their recitals and operative clauses with semicolons; parsed as
    one sentence they confuse a small parser, which also likes to end a sentence at an
    exclamation mark inside a quoted name. The parser keeps preset boundaries.
    """

    def __init__(self, nlp: Language, name: str = "whereas_clauses") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Each token after the first starts a sentence or not (``Token.is_sent_start`` True or False),
        read and written as the Doc's arrays, not a Token object (and an annotation check) per token."""
        if len(doc) < 2:
            return doc
        if doc.has_annotation("DEP"):  # as Token.is_sent_start refuses it
            raise ValueError(Errors.E043)
        rows = doc.to_array([ORTH, IS_TITLE, IS_UPPER, LIKE_NUM, IS_LOWER, IS_STOP, SENT_START])
        orth, title, upper, num, lower, stop = (rows[:, n].tolist() for n in range(6))
        starts = rows[:, 6].copy()
        for i in range(1, len(doc)):
            prev = orth[i - 1]
            if prev in _BREAK_IDS:
                start = True
            elif prev in _END_IDS or (
                prev in _QUOTE_IDS and i > 1 and orth[i - 2] in _END_IDS and starts[i - 1] != _START
            ):  # ("… end.” Next", not "… end. “I call": the quote opening the sentence is its first token)
                # a full stop ends a sentence when a capital follows; "‘Forward!’ on charges" goes on
                start = bool(title[i] or upper[i] or num[i]) or orth[i] in _OPENING_IDS
            elif (
                title[i] and stop[i] and i > 1 and lower[i - 2] and _LETTER_STOP.match(doc.vocab.strings[prev])
            ):  # "his account on X. Five other men were jailed": a letter's name, not an initial ("by A. Petrov")
                start = True
            else:
                start = False
            starts[i] = _START if start else _NOT_START
        after = self._after_dateline(doc) if not _DASH_IDS.isdisjoint(orth[:_DATELINE_TOKENS]) else None
        if after is not None:  # "TUNIS, Feb 8 (Wire) – X was arrested": not "TUNIS … X" one noun phrase
            starts[after] = _START
        doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # a uint64 column, as to_array gave it
        return doc

    @staticmethod
    def _after_dateline(doc: Doc) -> int | None:
        """The token after the dash of a dateline the Doc opens with ("GENEVA (14 March 2023) –"), if any."""
        if not ((doc[0].is_upper or doc[0].is_title) and len(doc[0]) > 1):
            return None
        found = NEWS_DATELINE.match(doc[:_DATELINE_TOKENS].text)
        if found is None:
            return None
        token = doc.char_span(found.end() - 1, found.end())
        if token is None or token.end >= len(doc):
            return None
        return int(token.end)


@Language.factory("whereas_clauses", assigns=["token.is_sent_start"])
def make_clause_splitter(nlp: Language, name: str) -> ClauseSplitter:
    return ClauseSplitter(nlp, name)
