"""Read a web page's main text with trafilatura: no navigation, menus or footers, no network."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import trafilatura

from pipeline.errors import InputError
from pipeline.read.text import is_binary, read_bytes

__all__ = ["read_html"]


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


def read_html(path: Path) -> str:
    """The main text of an HTML page, one paragraph (heading, list item) per blank-line-separated block.

    The page is parsed from the file alone (the charset it declares, else a guess);
    comments, navigation, menus and footers are left out.

    Args:
        path: The ``.html``/``.htm`` file.

    Returns:
        The main text, paragraphs separated by a blank line.

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
        text = trafilatura.extract(data, include_comments=False, include_tables=True, favor_precision=True,
                                   deduplicate=False, with_metadata=False)
    if not text or not text.strip():
        raise InputError(path, "no main text found in the HTML page")
    lines = [line.strip() for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line) + "\n"
