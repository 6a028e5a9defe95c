"""A Doc's token attributes as Python lists: what a component reads of many tokens, without a Token object
(``doc[i]``, about 0.1 µs) or a Span (``doc[a:b]``, about 1 µs) for each reading."""

from typing import cast

from spacy.attrs import IDX, LOWER, ORTH, SPACY
from spacy.tokens import Doc

__all__ = ["Columns", "joined", "strings_of"]

#: the strings of the ORTH and LOWER hashes read so far (a hash is its string's, in any Doc's StringStore): a
#: look-up in a dict, not a decoding of the StringStore's bytes, for each token of each Doc
_STRINGS: dict[int, str] = {}


class Columns:
    """The columns of one Doc's attribute array (``LOWER``, ``ORTH``, ``POS``, ``TAG`` …), each read off the
    Doc once, when first asked, and its tokens' texts and lower-case forms as strings.

    Made for one call of a component: a column read stays as it was read, so a component that sets
    entities reads ``ENT_*`` anew after it has. The attributes ``together`` (those a component reads of
    most Docs) are read in one array when the first of them is asked for (one read of four columns costs
    about half as much as four reads of one).
    """

    __slots__ = ("_decoded", "_read", "_text", "_together", "doc")

    def __init__(self, doc: Doc, together: tuple[int, ...] = ()) -> None:
        self.doc = doc
        self._read: dict[int, list[int]] = {}
        self._together = together
        self._decoded: dict[int, list[str]] = {}
        self._text: str | None = None

    def __getitem__(self, attr: int) -> list[int]:
        """The Doc's array of ``attr`` (a token attribute id from ``spacy.attrs``) as a list."""
        column = self._read.get(attr)
        if column is None:
            if attr in self._together:
                attrs = self._together
                rows = self.doc.to_array(list(attrs)).T.tolist() if len(self.doc) else [[] for _ in attrs]
                self._read.update(zip(attrs, rows, strict=True))
                return self._read[attr]
            column = self._read[attr] = self.doc.to_array(attr).tolist() if len(self.doc) else []
        return column

    def _strings(self, attr: int) -> list[str]:
        """The strings of the Doc's ``attr`` column (``ORTH`` or ``LOWER``)."""
        decoded = self._decoded.get(attr)
        if decoded is None:
            decoded = self._decoded[attr] = strings_of(self.doc, self[attr])
        return decoded

    @property
    def lower(self) -> list[str]:
        """Each token's ``lower_``."""
        return self._strings(LOWER)

    @property
    def texts(self) -> list[str]:
        """Each token's ``text``."""
        return self._strings(ORTH)

    @property
    def text(self) -> str:
        """``doc.text``: the tokens' texts, each with the space after it (Doc.text makes a Token for each)."""
        if self._text is None:
            self._text = joined(self.texts, self[SPACY])
        return self._text

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, sliced from the Doc's text (a Span's joins its tokens' texts)."""
        if start >= end:
            return ""
        idx = self[IDX]
        return self.text[idx[start] : idx[end - 1] + len(self.texts[end - 1])]


def strings_of(doc: Doc, hashes: list[int]) -> list[str]:
    """The strings of ``hashes`` (a Doc's ``ORTH`` or ``LOWER`` column), each decoded once per process."""
    found: list[str | None] = list(map(_STRINGS.get, hashes))
    if None in found:
        strings = doc.vocab.strings
        for k, h in enumerate(hashes):
            if found[k] is None:
                found[k] = _STRINGS[h] = strings[h]
    return cast(list[str], found)


def joined(texts: list[str], spaces: list[int]) -> str:
    """A Doc's text from its tokens' ``texts`` and their ``SPACY`` column (whether a space follows each)."""
    return "".join([t + " " if space else t for t, space in zip(texts, spaces, strict=True)])
