"""Read a web page's main text with trafilatura: no navigation, menus or footers, no network."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import trafilatura

from pipeline.errors import InputError
from pipeline.read.text import Note, decode, is_binary, read_bytes

__all__ = ["read_html"]

#: Elements of trafilatura's XML whose items or rows are paragraphs of their own.
_CONTAINERS = frozenset({"list", "table"})
#: Elements that separate words: a line break, or a block inside a paragraph or a cell.
_BREAKS = frozenset({"lb", "p", "head", "quote", "item", "row", "cell", "list", "table", "code"})


@contextmanager
def _quiet_trafilatura() -> Iterator[None]:
    """trafilatura logs what it discards; the user gets one error or none."""
    loggers = [logging.getLogger(name) for name in ("trafilatura", "htmldate", "courlan")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _text(element: ET.Element) -> str:
    """The text inside an element, a space around each block or break; iterative, so any depth reads."""
    parts: list[str] = []
    stack: list[tuple[ET.Element, bool]] = [(element, False)]  # (element, its closing half)
    while stack:
        node, closing = stack.pop()
        spaced = node is not element and node.tag in _BREAKS
        if closing:
            parts.append(" " if spaced else "")
            parts.append(node.tail or "" if node is not element else "")
            continue
        parts.append(" " if spaced else "")
        parts.append(node.text or "")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(parts)


def _paragraphs(element: ET.Element) -> Iterator[str]:
    """One paragraph per heading, paragraph, quote, list item or table row; a row's cells side by side.

    The EP lays out its texts adopted as tables ("A." | "whereas …"), which so read "A. whereas …".
    """
    for child in element:
        if child.tag in _CONTAINERS:
            yield from _paragraphs(child)
        else:
            text = " ".join(_text(child).split())
            if text:
                yield text


def read_html(path: Path, encoding: str | None = None, on_note: Note | None = None) -> str:
    """The main text of an HTML page, one paragraph (heading, list item, table row) per block.

    The page is parsed from the file alone (``encoding`` when given, else the charset
    it declares, else a guess); comments, navigation, menus and footers are left out.

    Args:
        path: The ``.html``/``.htm`` file.
        encoding: Its encoding, overriding what the page declares.
        on_note: Unused (trafilatura detects the page's encoding).

    Returns:
        The main text, paragraphs separated by a blank line, spaces inside one collapsed
        (as HTML renders them).

    Raises:
        InputError: The file is missing, unreadable, empty, binary, or has no main text.

    >>> page = Path(__file__).parents[2] / "tests" / "data" / "read" / "news.html"
    >>> read_html(page).split("\\n\\n")[0]
    'Kazakhstan: opposition leader Vladimir Kozlov loses appeal'
    """
    data = read_bytes(path)
    page: bytes | str = data
    if encoding is not None:
        page = decode(path, data, encoding)
    elif is_binary(data):
        raise InputError(path, "binary file, not text")
    with _quiet_trafilatura():
        xml = trafilatura.extract(
            page,
            output_format="xml",
            include_comments=False,
            include_tables=True,
            favor_precision=True,
            deduplicate=False,
            with_metadata=False,
        )
    main = ET.fromstring(xml).find("main") if xml else None
    paragraphs = list(_paragraphs(main)) if main is not None else []
    if not paragraphs:
        raise InputError(path, "no main text found in the HTML page")
    return "\n\n".join(paragraphs) + "\n"
