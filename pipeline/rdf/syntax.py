"""SPARQL syntax errors from Oxigraph's parser, said in plain words: line, column, what was expected."""

from __future__ import annotations

import re

__all__ = ["explain_syntax_error"]

_POSITION = re.compile(r"error at (?P<line>\d+):(?P<column>\d+): (?P<rest>.*)", re.S)
_PREFIXED_END = re.compile(r"(?P<prefix>[A-Za-z][\w.-]*)?:[\w.%-]*$")
_PHRASES = {"Prefix not found": "a declared prefix", "IRI parsing failed": "a well-formed IRI <…>"}


def _alternatives(expected: str) -> tuple[list[str], bool]:
    """The named alternatives of an Oxigraph "expected one of …" list, and whether it also lists
    character classes (``['0' ..= '9']``: the start of a name, a number or a variable)."""
    names: list[str] = []
    word: list[str] = []
    classes, depth, quote = False, 0, False
    for i, char in enumerate(expected):
        if quote:
            if char == "'" and expected[i - 1] != "\\":
                quote = False
        elif char == "'" and depth:
            quote = True
        elif char == "[":
            depth += 1
            classes = True
        elif char == "]":
            depth = max(0, depth - 1)
        elif depth == 0:
            if char == ",":
                names.append("".join(word).strip())
                word = []
            else:
                word.append(char)
    names.append("".join(word).strip())
    return [w for w in names if w], classes


def explain_syntax_error(query: str, message: str) -> str:
    """An Oxigraph SPARQL syntax error in plain words: line, column, what was expected.

    >>> explain_syntax_error("SELECT ?x WHERE {\\n ?x a }", "error at 2:8: expected one of FILTER, SELECT, VALUES, [_]")
    'line 2, column 8, near “}”: expected FILTER, SELECT, VALUES or a term'
    >>> q = "SELECT ?x WHERE { ?x a foo:Person }"
    >>> explain_syntax_error(q, "error at 1:34: expected one of Prefix not found, ['%'], [':'], ['\\\\\\\\'], ['_']")
    'line 1, column 24, at “foo:Person”: the prefix foo: is not declared (add PREFIX foo: <…>)'
    """
    m = _POSITION.match(message.strip())
    if not m:
        return " ".join(message.split())
    line_no, column = int(m["line"]), int(m["column"])
    lines = query.splitlines() or [""]
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    rest = " ".join(m["rest"].split())
    if not rest.startswith("expected"):
        return f"line {line_no}, column {column}: {rest}"
    names, classes = _alternatives(rest.removeprefix("expected one of ").removeprefix("expected "))
    if "Prefix not found" in names:
        prefixed = _PREFIXED_END.search(line[: max(0, column - 1)])
        if prefixed:
            prefix = prefixed["prefix"] or ""
            return (
                f"line {line_no}, column {prefixed.start() + 1}, at “{prefixed.group()}”: the prefix "
                f"{prefix}: is not declared (add PREFIX {prefix}: <…>)"
            )
    before = [t for t in re.finditer(r"\S+", line) if t.start() <= column - 1]
    at = f", near “{before[-1].group()[:30]}”" if before else ""
    words = [_PHRASES.get(w, w) for w in names]
    if len(words) > 8:  # a long list says little: the first few
        words = [*words[:6], "another keyword"]
    words += ["a term"] if classes else []
    if not words:
        return f"line {line_no}, column {column}{at}: unexpected text"
    listed = ", ".join(words[:-1]) + (" or " if len(words) > 1 else "") + words[-1]
    return f"line {line_no}, column {column}{at}: expected {listed}"
