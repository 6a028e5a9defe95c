"""Read a web page's main text with trafilatura: no navigation, menus or footers, no network."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import trafilatura

from pipeline.errors import InputError
from pipeline.read.text import is_binary, read_bytes

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
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _text(element: ET.Element) -> str:
    parts = [element.text or ""]
    for sub in element:
        inner = _text(sub)
        parts.append(f" {inner} " if sub.tag in _BREAKS else inner)
        parts.append(sub.tail or "")
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


def read_html(path: Path) -> str:
    """The main text of an HTML page, one paragraph (heading, list item, table row) per block.

    The page is parsed from the file alone (the charset it declares, else a guess);
    comments, navigation, menus and footers are left out.

    Args:
        path: The ``.html``/``.htm`` file.

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
    if is_binary(data):
        raise InputError(path, "binary file, not text")
    with _quiet_trafilatura():
        xml = trafilatura.extract(data, output_format="xml", include_comments=False, include_tables=True,
                                  favor_precision=True, deduplicate=False, with_metadata=False)
    main = ET.fromstring(xml).find("main") if xml else None
    paragraphs = list(_paragraphs(main)) if main is not None else []
    if not paragraphs:
        raise InputError(path, "no main text found in the HTML page")
    return "\n\n".join(paragraphs) + "\n"
