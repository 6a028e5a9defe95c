"""Readers of a parse by token index for whereas_events: what ``Token.subtree``, ``Token.conjuncts`` and
``Token.left_edge``/``right_edge`` give, off :class:`pipeline.treematch.Parse`'s heads, children and columns,
without a Token object per word, and the hashes that the parse's columns hold of word lists.

A column holds a word's hash (``LOWER``, ``LEMMA``, ``ORTH``) or a label's id (``DEP``, ``POS``, ``TAG``,
``ENT_TYPE``): a word list made a frozenset of those (:func:`ids`) is tested with one ``in``, where the Token's
``lower_`` or ``dep_`` would decode a string.
"""

from collections.abc import Iterable

from spacy.strings import get_string_id

from pipeline.treematch import _COLUMNS, Parse

__all__ = ["conjuncts", "edges", "ids", "ordered_subtree", "substring_ids"]

ORTH, LOWER, LEMMA = _COLUMNS["ORTH"], _COLUMNS["LOWER"], _COLUMNS["LEMMA"]
POS, TAG, DEP, ENT_TYPE = _COLUMNS["POS"], _COLUMNS["TAG"], _COLUMNS["DEP"], _COLUMNS["ENT_TYPE"]
CONJ = get_string_id("conj")


def ids(words: Iterable[str]) -> frozenset[int]:
    """The hashes (or label ids) of ``words``, as the parse's columns hold them."""
    return frozenset(get_string_id(w) for w in words)


def substring_ids(text: str) -> frozenset[int]:
    """The hashes of every piece of ``text``: a token's ``text in text`` (a substring test) as a look-up of
    its ORTH."""
    return ids(text[a:b] for a in range(len(text)) for b in range(a + 1, len(text) + 1))


def ordered_subtree(parse: Parse, i: int) -> list[int]:
    """Token ``i`` and its descendants in ``Token.subtree``'s order: each left child's subtree, the token,
    each right child's subtree."""
    out: list[int] = []
    _walk(parse.children, i, out)
    return out


def _walk(children: list[list[int]], i: int, out: list[int]) -> None:
    kids = children[i]
    k = 0
    while k < len(kids) and kids[k] < i:
        _walk(children, kids[k], out)
        k += 1
    out.append(i)
    for j in kids[k:]:
        _walk(children, j, out)


def edges(parse: Parse, i: int) -> tuple[int, int]:
    """``Token.left_edge.i`` and ``Token.right_edge.i``: the first and last token of ``i``'s subtree."""
    tokens = parse.subtree(i)
    return min(tokens), max(tokens)


def conjuncts(parse: Parse, i: int) -> list[int]:
    """``Token.conjuncts``' indices: the tokens coordinated with ``i`` (from the first of the coordination,
    its right children labelled ``conj``, breadth first), without ``i``."""
    deps, heads, children = parse.columns[DEP], parse.heads, parse.children
    start = i
    while heads[start] != start and deps[start] == CONJ:
        start = heads[start]
    output = [start]
    for word in output:  # (the list grows as it is read: the queue)
        for c in children[word]:
            if c > word and deps[c] == CONJ:
                output.append(c)
    return [w for w in output if w != i]
