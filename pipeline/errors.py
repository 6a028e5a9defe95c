"""Errors the user sees: one line naming the file and the cause."""

from __future__ import annotations

from pathlib import Path

__all__ = ["WhereasError", "InputError", "OutputError", "StoreError", "QueryError"]


class WhereasError(Exception):
    """Base of every error whereas reports to a user.

    >>> str(InputError("corpus/a.txt", "file is empty"))
    'corpus/a.txt: file is empty'
    """

    def __init__(self, path: str | Path | None, cause: str) -> None:
        self.path = str(path) if path is not None else None
        self.cause = " ".join(str(cause).split())  # one line, always
        super().__init__(f"{self.path}: {self.cause}" if self.path else self.cause)


class InputError(WhereasError):
    """A document or graph that cannot be read."""


class OutputError(WhereasError):
    """An output that cannot be written."""


class StoreError(WhereasError):
    """A store that cannot be opened or changed."""


class QueryError(WhereasError):
    """A SPARQL query that cannot be parsed or run."""
