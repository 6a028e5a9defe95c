"""Domain knowledge as data: gazetteers, type cues and event/relation patterns, read once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load_jsonl", "load_json", "load_lines"]


def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """Every JSON object of a ``.jsonl`` pattern file (blank lines and ``//`` lines skipped).

    >>> any(e["id"] == "european-parliament" for e in load_jsonl("actors.jsonl"))
    True
    """
    rows = []
    for n, line in enumerate(_text(name).splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("//"):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # a broken data file is a bug: say where
                raise ValueError(f"pipeline/patterns/{name}:{n}: {exc}") from exc
    return tuple(rows)


@cache
def load_json(name: str) -> Any:
    """A JSON pattern file."""
    return json.loads(_text(name))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of a word-list file."""
    return tuple(
        line.strip() for line in _text(name).splitlines() if line.strip() and not line.lstrip().startswith("#")
    )
