"""whereas_clauses: a semicolon ends a clause, so each "whereas …;" is parsed on its own."""


from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ClauseSplitter"]

_BREAKS = frozenset({";"})


class ClauseSplitter:
    """Marks the token after each semicolon as a sentence start, before the parser runs.

    Resolutions chain their recitals and operative clauses with semicolons; parsed as
    one sentence they confuse a small parser. The parser keeps preset boundaries.
    """

    def __init__(self, nlp: Language, name: str = "whereas_clauses") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.text in _BREAKS:
                doc[token.i + 1].is_sent_start = True
        return doc


@Language.factory("whereas_clauses", assigns=["token.is_sent_start"])
def make_clause_splitter(nlp: Language, name: str) -> ClauseSplitter:
    return ClauseSplitter(nlp, name)
