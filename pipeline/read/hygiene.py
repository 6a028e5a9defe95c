"""Text hygiene: one Unicode normal form, and no control, bidi or zero-width characters in the text."""

from __future__ import annotations

import unicodedata
from functools import cache

__all__ = ["scrub", "finish", "safe_text"]

#: Characters the cleanup stage reads: tab, line feed, carriage return, form feed (a page break),
#: and the soft hyphen (a word broken at a line end).
_KEPT = frozenset("\t\n\r\f\u00ad")
#: Line and paragraph breaks written otherwise.
_BREAKS = {"\v": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
#: Planes holding format characters (Cf): the basic and supplementary multilingual planes and tags.
_PLANES = (range(0x20000), range(0xE0000, 0xE1000))


class _Table(dict[int, str | None]):
    """``str.translate`` table: controls (C0, C1), format characters (bidi marks and embeddings,
    zero-width space and joiners, byte-order marks, tags), surrogates and noncharacters go.
    Each character's entry is made the first time a text holds it (a text uses a few hundred of
    the 1.1 million)."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        if char in _KEPT:
            out: str | None = char
        elif char in _BREAKS:
            out = _BREAKS[char]
        elif category in ("Cc", "Cs") or (category == "Cf" and any(code in plane for plane in _PLANES)):
            out = None
        elif code & 0xFFFE == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:  # noncharacters
            out = None
        else:
            out = char
        self[code] = out
        return out


@cache
def _table() -> _Table:
    return _Table()


def scrub(raw: str) -> str:
    """Raw text made safe to clean: invisible and control characters out, in Unicode NFC.

    C0 and C1 controls go (tab, line feed, carriage return and form feed stay for
    cleanup; vertical tab, NEL and the Unicode line and paragraph separators become
    line breaks), and so do format characters — bidi marks, embeddings, overrides and
    isolates, zero-width spaces and joiners, byte-order marks — surrogates and
    noncharacters. Soft hyphens stay until cleanup has joined the words they break.

    >>> scrub("Nov\\u200dak \\u202eKazakhstan\\u202c\\x07 cafe\\u0301")
    'Novak Kazakhstan café'
    """
    return unicodedata.normalize("NFC", raw.translate(_table()))


def finish(text: str) -> str:
    """Cleaned text's last step: the soft hyphens cleanup did not need go, and NFC once more.

    >>> finish("Nov\\u00adak")
    'Novak'
    """
    return unicodedata.normalize("NFC", text.replace("\u00ad", ""))


def safe_text(text: str) -> str:
    """Any string bound for a graph (a file name, a label) with the same characters removed,
    soft hyphens too, and line breaks kept.

    >>> safe_text("ep\\u202e-2013\\x00.txt")
    'ep-2013.txt'
    """
    return finish(scrub(text).replace("\f", "\n").replace("\r", "\n"))
