"""whereas_clauses: a semicolon ends a clause, so each "whereas …;" is parsed on its own."""

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ClauseSplitter"]

_BREAKS = frozenset({";"})
_ENDS = frozenset({".", "?", "!"})
_QUOTES = frozenset("‘’“”'\"")
_OPENING = frozenset("‘“")


class ClauseSplitter:
    """Sets the sentence boundaries before the parser runs: after each semicolon and each
    full stop followed by a capital, nowhere else.

    Resolutions chain their recitals and operative clauses with semicolons; parsed as
    one sentence they confuse a small parser, which also likes to end a sentence at an
    exclamation mark inside a quoted name. The parser keeps preset boundaries.
    """

    def __init__(self, nlp: Language, name: str = "whereas_clauses") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if prev.text in _BREAKS:
                token.is_sent_start = True
            elif prev.text in _ENDS or (prev.text in _QUOTES and token.i > 1 and doc[token.i - 2].text in _ENDS):
                # a full stop ends a sentence when a capital follows; "‘Forward!’ on charges" goes on
                token.is_sent_start = token.is_title or token.is_upper or token.like_num or token.text in _OPENING
            else:
                token.is_sent_start = False
        return doc


@Language.factory("whereas_clauses", assigns=["token.is_sent_start"])
def make_clause_splitter(nlp: Language, name: str) -> ClauseSplitter:
    return ClauseSplitter(nlp, name)
