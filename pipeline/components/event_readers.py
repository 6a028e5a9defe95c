"""Readers of a parse by token index for whereas_events: what ``Token.subtree``, ``Token.conjuncts`` and
``Token.left_edge``/``right_edge`` give, off :class:`pipeline.treematch.Parse`'s heads, children and columns,
without a Token object per word, and the hashes that the parse's columns hold of word lists.

A column holds a word's hash (``LOWER``, ``LEMMA``, ``ORTH``) or a label's id (``DEP``, ``POS``, ``TAG``,
``ENT_TYPE``): a word list made a frozenset of those (:func:`ids`) is tested with one ``in``, where the Token's
``lower_`` or ``dep_`` would decode a string.
"""

from collections.abc import Iterable
from typing import Any

from spacy.strings import get_string_id
from spacy.vocab import Vocab

from pipeline.treematch import _COLUMNS, Parse, _compile, _extend, _Node

__all__ = ["RoleRules", "conjuncts", "conjuncts_after", "edges", "ids", "ordered_subtree", "substring_ids"]

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


def conjuncts_after(parse: Parse, i: int) -> list[int]:
    """The tokens coordinated with ``i`` that come after it (of :func:`conjuncts`, in its order); none, without
    walking, for a token that is neither a conjunct nor coordinates one (most tokens)."""
    deps = parse.columns[DEP]
    if deps[i] != CONJ and all(deps[c] != CONJ for c in parse.children[i]):
        return []
    return [c for c in conjuncts(parse, i) if c > i]


class RoleRules:
    """Role rules (DependencyMatcher patterns whose first node is an event's trigger), asked at given triggers
    only, as :class:`pipeline.treematch.TreeMatcher` finds their matches from those roots: a rule is tried at a
    trigger only where a word its second node requires hangs right on the trigger (a child or the head with
    that dependency label, lemma or word), looked up in a table of those words, not walked for every rule."""

    def __init__(self, vocab: Vocab, rules: list[tuple[str, list[dict[str, Any]]]]) -> None:
        """``rules``: (key, pattern) in the order their matches come (the matcher's order of adding)."""
        #: per rule (by its place), the hash of its key and its nodes as the tree matcher compiles them
        self.rules: list[tuple[int, tuple[_Node, ...]]] = [(get_string_id(key), _compile(vocab, p)) for key, p in rules]
        # what a Doc must hold for a rule to match, as the tree matcher's requirements: for each inside test of its
        # nodes, one of the test's words in a token's column. A requirement is a bit; per column, each word ->
        # the requirements it meets; per rule, the requirements it has
        numbers: dict[tuple[int, frozenset[int]], int] = {}
        self._meets: dict[int, dict[int, int]] = {}
        self._needs: list[int] = []
        for _, nodes in self.rules:
            needs = 0
            for node in nodes:
                for column, inside, words in node.tests:
                    if inside:
                        bit = 1 << numbers.setdefault((column, words), len(numbers))
                        for word in words:
                            self._meets.setdefault(column, {})[word] = self._meets.get(column, {}).get(word, 0) | bit
                        needs |= bit
            self._needs.append(needs)
        #: per column, the words that meet a requirement
        self._words = {column: frozenset(meets) for column, meets in self._meets.items()}
        #: the rules tried at every trigger (no word of theirs to look up)
        self._open: list[int] = []
        #: per column, each word that a child (``below``) or the head (``above``) of the trigger may hold -> the
        #: rules whose second node requires it (hanging on the trigger with ``>`` or ``<``)
        self._below: dict[int, dict[int, list[int]]] = {}
        self._above: dict[int, dict[int, list[int]]] = {}
        for place, (_, nodes) in enumerate(self.rules):
            second = nodes[1] if len(nodes) > 1 and nodes[1].op in (">", "<") else None
            # looked up by the narrowest of its words (a word, lemma, … before a label, tag or type)
            tests = sorted((test for test in second.tests if test[1]), key=_narrowness) if second is not None else []
            if second is None or not tests:
                self._open.append(place)
                continue
            column, _, words = tests[0]
            table = (self._below if second.op == ">" else self._above).setdefault(column, {})
            for word in words:
                table.setdefault(word, []).append(place)

    def __call__(self, parse: Parse, triggers: Iterable[int]) -> list[tuple[int, list[int]]]:
        """Every match at the ``triggers`` as ``(key, token indices in pattern order)``, trigger by trigger (in
        order), and for each trigger in the order the matcher gives them (rule by rule)."""
        columns, heads, children = parse.columns, parse.heads, parse.children
        out: list[tuple[int, list[int]]] = []
        held = 0  # the requirements the Doc meets
        for column, words in self._words.items():
            meets = self._meets[column]
            for word in words.intersection(columns[column]):
                held |= meets[word]
        needs, rules = self._needs, self.rules
        opened = [place for place in self._open if needs[place] & held == needs[place]]
        for t in sorted(set(triggers)):
            places = set(opened)
            # the rules whose second node a child (or the head) of the trigger takes: looked up by its word, then
            # tried on the node's every test
            for column, table in self._below.items():
                values = columns[column]
                for child in children[t]:
                    for place in table.get(values[child], ()):
                        if needs[place] & held == needs[place] and parse.fits(child, rules[place][1][1]):
                            places.add(place)
            head = heads[t]
            if head != t:
                for column, table in self._above.items():
                    for place in table.get(columns[column][head], ()):
                        if needs[place] & held == needs[place] and parse.fits(head, rules[place][1][1]):
                            places.add(place)
            for place in sorted(places):
                key, nodes = rules[place]
                if not parse.fits(t, nodes[0]):
                    continue
                if len(nodes) == 1:
                    out.append((key, [t]))
                else:
                    _extend(parse, nodes, [t], out, key)
        return out


def _narrowness(test: tuple[int, bool, frozenset[int]]) -> tuple[bool, int]:
    """How little a test lets through, to sort by: one on a word, lemma or lower-case form (``ORTH``,
    ``LOWER``, ``LEMMA``) before one on a label, tag or type; then the fewer words first."""
    column, _, words = test
    return column not in _WORD_COLUMNS, len(words)


_WORD_COLUMNS = frozenset({ORTH, LOWER, LEMMA})
