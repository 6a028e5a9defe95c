"""DependencyMatcher patterns walked along the parse from their root node: spaCy's matches, found cheaply.

spaCy's ``DependencyMatcher`` first runs a token ``Matcher`` over every token of a Doc for
every node of every pattern, then tries the cartesian product of the positions found. A
pattern is a tree hanging from its first node, so the same matches follow from walking the
parse: the first node's candidates (the tokens holding its word, or the tokens a caller
names, such as the event triggers found), then each further node among the children, head,
descendants or ancestors of the node it hangs on. :class:`TreeMatcher` does that over the
Doc's attribute arrays, without a Token object per test, and gives the list the
``DependencyMatcher`` gives: keys in the order they were added, a key's patterns in order,
and each pattern's matches in the order of their token positions, node by node.

Only what whereas's pattern files use is supported, and anything else is refused when the
pattern is added rather than matched differently: the relations ``>``, ``<``, ``>>``, ``<<``,
``.`` and ``;``; ``ORTH``, ``TEXT``, ``LOWER``, ``NORM``, ``LEMMA``, ``POS``, ``TAG``, ``DEP`` and
``ENT_TYPE`` as a string or an ``IN`` or ``NOT_IN`` list; ``IS_SENT_START``; ``MORPH`` with
``IS_SUPERSET``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, NORM, ORTH, POS, SENT_START, SPACY, TAG
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.components.columns import joined, strings_of

__all__ = ["Parse", "TreeMatcher"]

#: a pattern attribute -> the column of the Doc's attribute array that holds it
_COLUMNS = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "NORM": 2, "LEMMA": 3, "POS": 4, "TAG": 5, "DEP": 6, "ENT_TYPE": 7}
_ARRAY = [ORTH, LOWER, NORM, LEMMA, POS, TAG, DEP, ENT_TYPE, SENT_START, SPACY]
_SENT_START, _SPACY = 8, 9
#: an unsigned 64-bit value at or above this is a negative offset (that value less ``_WRAP``)
_SIGNED, _WRAP = 1 << 63, 1 << 64
#: attributes whose literal words give the first node's candidates from an index of the Doc (else the
#: narrowest tags, labels or types it must have do)
_INDEXED = ("ORTH", "TEXT", "LOWER", "LEMMA")
_OPS = (">", "<", ">>", "<<", ".", ";")


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity: equal first nodes are made one when added
class _Node:
    left: int  # the index of the node this one hangs on (-1 for the first)
    op: str
    tests: tuple[tuple[int, bool, frozenset[int]], ...]  # (column, whether the value must be in, values)
    sent_start: bool | None
    morph: frozenset[int] | None  # MORPH IS_SUPERSET: features the token must all have
    index: tuple[int, frozenset[int]] | None  # (column, words) one of which the token must hold


def _values(attr: str, spec: Any) -> tuple[bool, frozenset[int]]:
    if isinstance(spec, str):
        return True, frozenset({get_string_id(spec)})
    if isinstance(spec, dict) and len(spec) == 1 and set(spec) <= {"IN", "NOT_IN"}:
        ((predicate, words),) = spec.items()
        if isinstance(words, list) and all(isinstance(w, str) for w in words):
            return predicate == "IN", frozenset(get_string_id(w) for w in words)
    raise ValueError(f"TreeMatcher: unsupported value for {attr}: {spec!r}")


def _compile(vocab: Vocab, pattern: list[dict[str, Any]]) -> tuple[_Node, ...]:
    ids: dict[str, int] = {}
    nodes = []
    for n, spec in enumerate(pattern):
        if n == 0:
            if "REL_OP" in spec or "LEFT_ID" in spec:
                raise ValueError("TreeMatcher: the first node of a pattern is its root")
            left, op = -1, ""
        else:
            op = spec["REL_OP"]
            if op not in _OPS:
                raise ValueError(f"TreeMatcher: unsupported REL_OP {op!r}")
            left = ids[spec["LEFT_ID"]]  # a KeyError: the node it hangs on comes later (spaCy refuses it too)
        ids[spec["RIGHT_ID"]] = n
        tests = []
        sent_start: bool | None = None
        morph: frozenset[int] | None = None
        index: tuple[int, frozenset[int]] | None = None
        for attr, value in spec.get("RIGHT_ATTRS", {}).items():
            if attr in _COLUMNS:
                inside, words = _values(attr, value)
                tests.append((_COLUMNS[attr], inside, words))
                if inside and attr in _INDEXED and (index is None or len(words) < len(index[1])):
                    index = (_COLUMNS[attr], words)
            elif attr == "IS_SENT_START" and isinstance(value, bool):
                sent_start = value
            elif (
                attr == "MORPH"
                and isinstance(value, dict)
                and set(value) == {"IS_SUPERSET"}
                and all(isinstance(f, str) for f in value["IS_SUPERSET"])
            ):
                morph = frozenset(vocab.morphology.add(f) for f in value["IS_SUPERSET"])
            else:
                raise ValueError(f"TreeMatcher: unsupported attribute {attr}: {value!r}")
        tests.sort(key=lambda t: (not t[1], len(t[2])))  # the narrowest tests first: most tokens fail one
        if index is None and tests and tests[0][1]:  # no word: the fewest tags, labels or types it must have one of
            index = (tests[0][0], tests[0][2])
        nodes.append(_Node(left, op, tuple(tests), sent_start, morph, index))
    return tuple(nodes)


class Parse:
    """A Doc's attribute columns, heads and children as Python lists (one pass over the Doc)."""

    __slots__ = ("_present", "_related", "_sentences", "children", "columns", "doc", "heads")

    def __init__(self, doc: Doc, only: tuple[int, ...] | None = None) -> None:
        """``only``: the columns (``_COLUMNS``' numbers) a reader needs, where not all: the others are left
        empty (a column of 64-bit hashes costs a Python int per token to read)."""
        self.doc = doc
        # one read of the Doc; the heads as offsets, stored unsigned, made signed and absolute in Python (numpy's
        # operations on a part's twenty values cost more in their calls than the additions)
        attrs = _ARRAY if only is None else [_ARRAY[c] for c in only]
        *read, offsets = doc.to_array([*attrs, HEAD]).T.tolist() if len(doc) else [[] for _ in range(len(attrs) + 1)]
        if only is None:
            columns = read
        else:
            columns = [[] for _ in _ARRAY]
            for c, column in zip(only, read, strict=True):
                columns[c] = column
        self.columns: list[list[int]] = columns
        self.heads = heads = list(range(len(offsets)))  # a root's offset is 0: its own head
        self.children: list[list[int]] = [[] for _ in offsets]
        children = self.children
        for i, offset in enumerate(offsets):
            if offset:
                head = heads[i] = i + (offset - _WRAP if offset >= _SIGNED else offset)
                children[head].append(i)
        self._related: dict[tuple[int, str], list[int]] = {}
        self._present: dict[int, frozenset[int]] = {}
        self._sentences: list[tuple[int, int]] | None = None

    def column(self, attr: str) -> list[int]:
        """The Doc's column of a token attribute ("DEP", "LOWER", …) as hashes, one a token."""
        return self.columns[_COLUMNS[attr]]

    def sentence(self, i: int) -> tuple[int, int]:
        """The start and end of the sentence token ``i`` lies in: those of ``doc[i].sent`` (of a parsed Doc),
        without the Span it makes and its scan for sentence starts (the bounds of every token found once)."""
        if self._sentences is None:
            starts = self.columns[_SENT_START]
            self._sentences = bounds = []
            start, size = 0, len(starts)
            while start < size:  # each sentence's end: the next start after its first token (found in C)
                try:
                    end = starts.index(1, start + 1)
                except ValueError:  # the last sentence
                    end = size
                bounds.extend([(start, end)] * (end - start))
                start = end
        return self._sentences[i]

    def text(self) -> str:
        """``doc.text``, off the parse's columns (``Doc.text`` makes a Token for each token)."""
        return joined(strings_of(self.doc, self.columns[_COLUMNS["ORTH"]]), self.columns[_SPACY])

    def present(self, column: int) -> frozenset[int]:
        """The values the tokens hold in ``column``."""
        present = self._present.get(column)
        if present is None:
            present = self._present[column] = frozenset(self.columns[column])
        return present

    def among(self, column: int, words: frozenset[int]) -> frozenset[int]:
        """The ``words`` some token holds in ``column`` (its values not made a set for one look-up)."""
        present = self._present.get(column)
        return words.intersection(self.columns[column]) if present is None else words & present

    def holds(self, column: int, words: frozenset[int]) -> bool:
        """Whether a token's ``column`` is one of ``words``."""
        return not words.isdisjoint(self.present(column))

    def holding(self, column: int, words: frozenset[int]) -> list[int]:
        """The tokens whose ``column`` is one of ``words``, in order (the words found in C first: most Docs
        hold none, or one, of a pattern's)."""
        values = self.columns[column]
        held = words.intersection(values)
        if not held:
            return []
        if len(held) > 1:
            return [i for i, value in enumerate(values) if value in held]
        (word,) = held
        found, i = [], -1
        for _ in range(values.count(word)):
            i = values.index(word, i + 1)
            found.append(i)
        return found

    def subtree(self, i: int) -> list[int]:
        """Token ``i`` and its descendants (``Token.subtree``'s tokens, in no set order)."""
        out = [i]
        todo = list(self.children[i])
        while todo:
            j = todo.pop()
            out.append(j)
            todo.extend(self.children[j])
        return out

    def related(self, i: int, op: str) -> list[int]:
        """The tokens in relation ``op`` to token ``i``, in order (``DependencyMatcher``'s operators)."""
        if op == ">":
            return self.children[i]
        found = self._related.get((i, op))
        if found is None:
            found = self._related[(i, op)] = self._relate(i, op)
        return found

    def _relate(self, i: int, op: str) -> list[int]:
        if op == "<":
            return [] if self.heads[i] == i else [self.heads[i]]
        if op == ">>":
            out: list[int] = []
            todo = list(self.children[i])
            while todo:
                j = todo.pop()
                out.append(j)
                todo.extend(self.children[j])
            return sorted(out)
        if op == "<<":
            return sorted(self._ancestors(i))
        j = i + 1 if op == "." else i - 1  # the next token, or the one before, in the same parse tree
        if not 0 <= j < len(self.heads):
            return []
        ancestors = self._ancestors(i)
        root = self.doc[ancestors[-1] if ancestors else i]
        return [j] if root.left_edge.i <= j <= root.right_edge.i else []

    def _ancestors(self, i: int) -> list[int]:
        out: list[int] = []
        j = i
        while self.heads[j] != j and len(out) < len(self.heads):
            j = self.heads[j]
            out.append(j)
        return out

    def fits(self, i: int, node: _Node) -> bool:
        columns = self.columns
        for column, inside, words in node.tests:
            if (columns[column][i] in words) is not inside:
                return False
        if node.sent_start is not None and (columns[_SENT_START][i] == 1) is not node.sent_start:
            return False
        if node.morph is not None:
            features = {get_string_id(f) for f in self.doc[i].morph}
            if not node.morph <= features:
                return False
        return True


#: a pattern as the matcher keeps it: (its key, its nodes, the requirements it has)
_Pattern = tuple[int, tuple[_Node, ...], frozenset[int]]


class _Filing(NamedTuple):
    """A TreeMatcher's patterns as its calls read them, made on the first call after an ``add``.

    A set of requirements is an int, requirement ``n`` its bit ``1 << n``: what a Doc meets is the OR of
    what its words meet, and a pattern may match where its bits are all among those."""

    ordered: list[_Pattern]  # in the order of their matches (a key's patterns after the key's first ``add``)
    needs: list[int]  # per pattern (by its place in ``ordered``), the requirements it has, as bits
    words: dict[int, frozenset[int]]  # per column, the words that meet a requirement
    meets: dict[int, dict[int, int]]  # per column, each of those words -> the requirements it meets, as bits
    #: per column, the words of it a Doc holds (a set) -> the requirements they meet, as bits: worked out once for
    #: each set (Docs hold few different sets of a column's words: the same labels, tags and trigger words)
    met_by: dict[int, dict[frozenset[int], int]]
    #: (the requirements a Doc meets, the keys asked for or None for all) -> the patterns (their places in
    #: ``ordered``) all of whose it meets, in order: worked out once for each (Docs of a text meet few different sets)
    passing: dict[tuple[int, frozenset[int] | None], list[int]]


#: how many sets of requirements met a TreeMatcher keeps the passing patterns of
_PASSING_KEPT = 4096


class TreeMatcher:
    """A drop-in for a ``DependencyMatcher`` without callbacks: ``add``, ``len`` and ``__call__``,
    which may name the tokens the patterns' first node may take (``roots``)."""

    def __init__(self, vocab: Vocab, validate: bool = False) -> None:
        self.vocab = vocab
        self._checker = DependencyMatcher(vocab, validate=True) if validate else None
        self._patterns: dict[int, list[tuple[tuple[_Node, ...], frozenset[int]]]] = {}
        self._firsts: dict[tuple, _Node] = {}
        self._needs: dict[tuple[int, frozenset[int]], int] = {}  # (column, words) a node requires -> its number
        #: per column, each word a requirement names -> the requirements (numbers) a token holding it meets
        self._meets: dict[int, dict[int, list[int]]] = {}
        self._filed: _Filing | None = None
        #: the last parse read and the requirements it meets (several calls read one parse: the roles of each frame)
        self._held_by: tuple[Parse, int] | None = None

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        if self._checker is not None:  # spaCy's own validation of the patterns, as before
            self._checker.add(key, patterns)
        for pattern in patterns:
            first, *rest = _compile(self.vocab, pattern)
            value = (first.tests, first.sent_start, first.morph)
            first = self._firsts.setdefault(value, first)  # one object for equal first nodes: their tokens found once
            # a word (or dependency label, entity type…) each node requires: a Doc lacking one has no match
            needs = set()
            for node in (first, *rest):
                for c, i, w in node.tests:
                    if i:
                        if (c, w) not in self._needs:
                            self._needs[(c, w)] = len(self._needs)
                            for word in w:
                                self._meets.setdefault(c, {}).setdefault(word, []).append(self._needs[(c, w)])
                        needs.add(self._needs[(c, w)])
            self._patterns.setdefault(self.vocab.strings.add(key), []).append(((first, *rest), frozenset(needs)))
        self._filed = None
        self._held_by = None

    def _filing(self) -> _Filing:
        """The patterns in the order of their matches with their requirements, and the words that meet
        them: a Doc that does not meet all of a pattern's requirements is not tried on it (most Docs meet
        the requirements of few patterns)."""
        if self._filed is None:
            ordered = [(key, nodes, needs) for key, patterns in self._patterns.items() for nodes, needs in patterns]
            needs = [sum(1 << n for n in required) for _, _, required in ordered]
            words = {column: frozenset(meets) for column, meets in self._meets.items()}
            bits = {
                column: {word: sum(1 << n for n in met) for word, met in meets.items()}
                for column, meets in self._meets.items()
            }
            self._filed = _Filing(ordered, needs, words, bits, {column: {} for column in words}, {})
        return self._filed

    def __len__(self) -> int:
        return len(self._patterns)

    def _held(self, parse: Parse) -> int:
        """The requirements a Doc meets, as bits (see :class:`_Filing`): one of their words is in its column
        (a pattern lacking one has no match). Read once for the last parse (a parse does not change)."""
        if self._held_by is not None and self._held_by[0] is parse:
            return self._held_by[1]
        held = 0
        filed = self._filing()
        for column, words in filed.words.items():
            found = parse.among(column, words)
            if not found:
                continue
            known = filed.met_by[column]
            met = known.get(found)
            if met is None:
                if len(known) >= _PASSING_KEPT:
                    known.clear()
                meets = filed.meets[column]
                met = 0
                for word in found:
                    met |= meets[word]
                known[found] = met
            held |= met
        self._held_by = (parse, held)
        return held

    def _passing(self, held: int, keys: frozenset[int] | None) -> list[int]:
        """The places in the filing's order of the patterns all of whose requirements are among ``held`` (of the
        ``keys`` given, where they are)."""
        filed = self._filing()
        passing = filed.passing.get((held, keys))
        if passing is None:
            if len(filed.passing) >= _PASSING_KEPT:
                filed.passing.clear()
            passing = filed.passing[(held, keys)] = [
                place
                for place, need in enumerate(filed.needs)
                if need & held == need and (keys is None or filed.ordered[place][0] in keys)
            ]
        return passing

    def parse(self, doc: Doc) -> Parse:
        """What the matcher reads of a Doc, to give to several calls on the same parse."""
        return Parse(doc)

    def __call__(
        self,
        doc: Doc,
        roots: Iterable[int] | None = None,
        parse: Parse | None = None,
        keys: frozenset[int] | None = None,
    ) -> list[tuple[int, list[int]]]:
        """Every match as ``(key, token indices in pattern order)``; with ``roots``, only the matches
        whose first node is one of those tokens; with ``keys`` (the hashes of keys), only the matches of
        those keys' patterns. ``parse`` (from :meth:`parse`) saves reading the Doc again."""
        starts = sorted(set(roots)) if roots is not None else None
        if not self._patterns or starts == [] or not len(doc):
            return []
        parse = parse if parse is not None and parse.doc is doc else Parse(doc)
        ordered = self._filing().ordered
        out: list[tuple[int, list[int]]] = []
        firsts: dict[_Node, list[int]] = {}  # the tokens a first node takes, once for the patterns sharing it
        for place in self._passing(self._held(parse), keys):
            key, nodes, _ = ordered[place]
            first = nodes[0]
            candidates = firsts.get(first)
            if candidates is None:
                if starts is not None:
                    tokens: Iterable[int] = starts
                elif first.index is not None:
                    tokens = parse.holding(*first.index)
                else:
                    tokens = range(len(doc))
                candidates = firsts[first] = [i for i in tokens if parse.fits(i, first)]
            if len(nodes) == 1:
                out.extend((key, [i]) for i in candidates)
                continue
            if starts is None and first.index is None and nodes[1].left == 0 and nodes[1].op in ("<", ">"):
                candidates = _related_to(parse, nodes[1], candidates)
            for i in candidates:
                _extend(parse, nodes, [i], out, key)
        return out


def _related_to(parse: Parse, second: _Node, candidates: list[int]) -> list[int]:
    """Those of a first node's ``candidates`` (every token of the Doc, where the node names no word, tag or
    label) that are the head (``>``) or a child (``<``) of a token the pattern's ``second`` node, hanging on
    the first, takes: found from the few tokens that pass its tests ("X, a journalist": an ``appos``), not by
    a walk from every token. The matches are those of every candidate: the others have none."""
    below = parse.holding(*second.index) if second.index is not None else range(len(parse.heads))
    if second.sent_start is None and second.morph is None:  # its tests are all read here (Parse.fits inlined)
        columns = parse.columns
        fitting = [j for j in below if all((columns[c][j] in words) is inside for c, inside, words in second.tests)]
    else:
        fitting = [j for j in below if parse.fits(j, second)]
    if second.op == ">":
        heads = parse.heads
        related = {heads[j] for j in fitting if heads[j] != j}
    else:
        related = {c for j in fitting for c in parse.children[j]}
    return [i for i in candidates if i in related]


def _extend(parse: Parse, nodes: tuple[_Node, ...], chosen: list[int], out: list, key: int) -> None:
    """Every way to place the nodes after ``chosen``, in the order of their positions, into ``out``."""
    node = nodes[len(chosen)]
    last = len(chosen) + 1 == len(nodes)
    columns, tests = parse.columns, node.tests
    plain = node.sent_start is None and node.morph is None  # its tests are all read here (Parse.fits inlined)
    left = chosen[node.left]
    for j in parse.children[left] if node.op == ">" else parse.related(left, node.op):
        for column, inside, words in tests:
            if (columns[column][j] in words) is not inside:
                break
        else:
            if not plain and not parse.fits(j, node):
                continue
            if last:
                out.append((key, [*chosen, j]))
            else:
                chosen.append(j)
                _extend(parse, nodes, chosen, out, key)
                chosen.pop()
