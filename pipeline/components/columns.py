"""A Doc's token attributes as Python lists: what a component reads of many tokens, without a Token object
(``doc[i]``, about 0.1 µs) or a Span (``doc[a:b]``, about 1 µs) for each reading."""

from typing import cast

from spacy.attrs import LOWER
from spacy.tokens import Doc

__all__ = ["Columns"]

#: the strings of the LOWER hashes read so far (a hash is its string's, in any Doc's StringStore): a look-up in
#: a dict, not a decoding of the StringStore's bytes, for each token of each Doc
_LOWER_STRINGS: dict[int, str] = {}


class Columns:
    """The columns of one Doc's attribute array (``LOWER``, ``ORTH``, ``POS``, ``TAG`` …), each read off the
    Doc once, when first asked, and its tokens' lower-case forms as strings.

    Made for one call of a component: a column read stays as it was read, so a component that sets
    entities reads ``ENT_*`` anew after it has. The attributes ``together`` (those a component reads of
    most Docs) are read in one array when the first of them is asked for (one read of four columns costs
    about half as much as four reads of one).
    """

    __slots__ = ("_lower", "_read", "_together", "doc")

    def __init__(self, doc: Doc, together: tuple[int, ...] = ()) -> None:
        self.doc = doc
        self._read: dict[int, list[int]] = {}
        self._together = together
        self._lower: list[str] | None = None

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

    @property
    def lower(self) -> list[str]:
        """Each token's ``lower_``."""
        if self._lower is None:
            hashes = self[LOWER]
            lower: list[str | None] = list(map(_LOWER_STRINGS.get, hashes))
            if None in lower:
                strings = self.doc.vocab.strings
                for k, h in enumerate(hashes):
                    if lower[k] is None:
                        lower[k] = _LOWER_STRINGS[h] = strings[h]
            self._lower = cast(list[str], lower)
        return self._lower
