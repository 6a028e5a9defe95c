"""Read a PDF's text layer with pypdf, page by page: pages are joined by form feeds for cleanup."""

from __future__ import annotations

import logging
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from pipeline.errors import InputError
from pipeline.read.text import Note, read_bytes

__all__ = ["PAGE_BREAK", "read_pdf", "drop_running_lines"]

#: What separates two pages in the raw text handed to cleanup.
PAGE_BREAK = "\f"
#: A gap between two baselines wider than this many font sizes is a paragraph break (a blank line).
_PARAGRAPH_GAP = 1.5
#: Lines a running header or footer may occupy at the top or the foot of a page.
_RUNNING_ZONE = 2
#: Share of the pages a header or footer must repeat on to be dropped.
_RUNNING_SHARE = 0.6
#: Where a PDF must declare itself (the header may follow some junk bytes).
_HEADER_WINDOW = 1024
#: Errors pypdf lets through on broken files besides its own.
_BROKEN_PDF = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    AssertionError,
    RecursionError,
    OverflowError,
    UnicodeError,
    zlib.error,
)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repair it makes on a damaged file; the user gets one error or none."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _mult(m: list[float], n: list[float]) -> tuple[float, ...]:
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _page_text(page) -> str:
    """A page's text as pypdf extracts it, with a blank line where a vertical gap separates paragraphs.

    The visitor sees the same pieces ``extract_text`` joins, with their position and
    font size; where they do not add up to the extracted text the plain text is kept.
    """
    pieces: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, font_size: float) -> None:
        m = _mult(tm, cm)
        scale = math.hypot(m[2], m[3]) or 1.0
        pieces.append((text, m[5], abs(font_size * scale)))

    plain = page.extract_text(visitor_text=visit)
    if "".join(text for text, _, _ in pieces) != plain:
        return plain
    out: list[str] = []
    line: tuple[float, float] | None = None  # baseline and font size of the current line's start
    at_line_start = True
    for text, y, size in pieces:
        if at_line_start and text.strip():
            if line is not None and abs(line[0] - y) > _PARAGRAPH_GAP * max(line[1], size, 1.0):
                out.append("\n")
            line = (y, size)
            at_line_start = False
        out.append(text)
        if text.endswith("\n"):
            at_line_start = True
    return "".join(out)


def _running_key(line: str, page_number: int, page_count: int) -> str:
    return re.sub(rf"(?<!\d)(?:{page_number}|{page_count})(?!\d)", "#", line.strip())


def drop_running_lines(pages: list[str]) -> list[str]:
    """Drop running headers and footers: lines repeated at the top or foot of most pages.

    A line counts as repeated when it is the same on each page once the page's own
    number and the page count are set aside ("PE503.593 2/5" on page 2, "… 3/5" on page 3).

    Args:
        pages: Each page's extracted text, in order.

    Returns:
        The pages without those lines.

    >>> pages = ["PE503.593 1/2\\nA. whereas the Court\\nbanned", "PE503.593 2/2\\nthe party;"]
    >>> drop_running_lines(pages)
    ['A. whereas the Court\\nbanned', 'the party;']
    """
    if len(pages) < 2:
        return pages
    split = [page.split("\n") for page in pages]
    zones: list[list[tuple[str, int, int]]] = []  # (key, page index, line index)
    for index, lines in enumerate(split):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        zone = sorted(set(filled[:_RUNNING_ZONE] + filled[-_RUNNING_ZONE:]))
        zones.append([(_running_key(lines[i], index + 1, len(pages)), index, i) for i in zone])
    counts = Counter(key for zone in zones for key in {k for k, _, _ in zone})
    needed = max(2, math.ceil(_RUNNING_SHARE * len(pages)))
    running = {key for key, n in counts.items() if n >= needed}
    drop = {(page, i) for zone in zones for key, page, i in zone if key in running}
    return [
        "\n".join(line for i, line in enumerate(lines) if (page, i) not in drop) for page, lines in enumerate(split)
    ]


def read_pdf(path: Path, encoding: str | None = None, on_note: Note | None = None) -> str:
    """The raw text of a PDF: each page's text layer, pages separated by :data:`PAGE_BREAK`.

    Footnote bodies stay where the page puts them (at its foot); cleanup moves them.

    Args:
        path: The PDF file.
        encoding: Unused (a PDF names its own encodings).
        on_note: Unused.

    Returns:
        The pages' text joined by form feeds.

    Raises:
        InputError: The file is missing, unreadable, not a PDF, damaged, encrypted,
            or has no text layer (a scan without OCR).

    >>> sample = Path(__file__).parents[2] / "tests" / "data" / "read" / "resolution.pdf"
    >>> read_pdf(sample).split(PAGE_BREAK)[1].splitlines()[:3]
    ['12 years in prison; whereas the repres-', 'sion of the opposition continued;', '']
    """
    data = read_bytes(path)
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise InputError(path, "not a readable PDF: no PDF header")
    with _quiet_pypdf():
        try:
            reader = PdfReader(BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(path, "not a readable PDF: encrypted, a password is needed")
            pages = [_page_text(page) for page in reader.pages]
        except InputError:
            raise
        except _BROKEN_PDF as exc:
            raise InputError(path, f"not a readable PDF: {str(exc) or type(exc).__name__}") from None
    if not any(page.strip() for page in pages):
        raise InputError(path, "PDF has no text layer")
    return PAGE_BREAK.join(drop_running_lines(pages))
