"""A token Matcher that tries each pattern only on Docs holding a word the pattern cannot match without.

spaCy's Matcher advances every pattern over every token: 2,000 patterns that open with
"one or more capitalised words" keep 2,000 partial matches alive through every name of a
text, though each can only end on its own head word ("… Court", "… Actu"). Grouping the
patterns by such a required word (its *anchor*) and running a group only on a Doc that holds
its anchor gives the same matches at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, NamedTuple

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, ORTH, TAG
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

__all__ = ["AnchoredMatcher", "PatternGate", "WordGate", "anchor", "holds_any", "requirements"]

_LITERAL_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER"}
Anchor = frozenset[tuple[str, str]]


def _words(spec: Any) -> list[str] | None:
    """The words a token attribute's value allows, where it is a literal or an ``IN`` list."""
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and len(spec) == 1 and "IN" in spec and all(isinstance(w, str) for w in spec["IN"]):
        return list(spec["IN"])
    return None


def anchor(pattern: list[dict[str, Any]]) -> Anchor | None:
    """The fewest (attribute, word) pairs one of which a Doc must hold for ``pattern`` to match.

    A token counts when it must occur exactly once (no ``OP``, or ``OP`` "1") and its ORTH,
    TEXT or LOWER is a word or an ``IN`` list of words; ``None`` when no token does.

    >>> sorted(anchor([{"IS_TITLE": True, "OP": "+"}, {"ORTH": {"IN": ["Court", "Tribunal"]}}]))
    [('ORTH', 'Court'), ('ORTH', 'Tribunal')]
    >>> anchor([{"IS_TITLE": True, "OP": "+"}, {"LOWER": "party", "OP": "?"}]) is None
    True
    """
    return _anchor(_literals(pattern))


def requirements(pattern: list[dict[str, Any]]) -> list[Anchor]:
    """Every set of (attribute, word) pairs a Doc must hold one of for ``pattern`` to match: one
    for each token that must occur (no ``OP``, or "1" or "+") with a literal or ``IN`` ORTH, TEXT
    or LOWER.

    >>> [sorted(r) for r in requirements([{"ORTH": "Court"}, {"LOWER": "of"}, {"IS_TITLE": True, "OP": "+"}])]
    [[('ORTH', 'Court')], [('LOWER', 'of')]]
    """
    return [found for _, found in _literals(pattern)]


def _anchor(literals: list[tuple[str, Anchor]]) -> Anchor | None:
    """The smallest word set of a token that must occur exactly once (the first of equal ones)."""
    return min((words for op, words in literals if op == "1"), key=len, default=None)


def _anchor_spec(pattern: list[dict[str, Any]], found: Anchor) -> dict[str, Any]:
    """The token of ``pattern`` that gave it its anchor ``found``: the first that must occur exactly once and whose
    ORTH, TEXT or LOWER allows the words of ``found`` (every match holds a token that passes it)."""
    for token in pattern:
        if token.get("OP", "1") != "1":
            continue
        for key, attr in _LITERAL_ATTRS.items():
            spec = token.get(key)
            words = _words(spec) if spec is not None else None
            if words is not None and frozenset((attr, w) for w in words) == found:
                return token
    raise ValueError(f"no token of {pattern!r} gives the anchor {sorted(found)!r}")


def _literals(pattern: list[dict[str, Any]]) -> list[tuple[str, Anchor]]:
    """Per token that must occur (no ``OP``, or "1" or "+") and holds a literal or ``IN`` ORTH, TEXT or
    LOWER: its ``OP`` and the (attribute, word) pairs it allows, in the pattern's order."""
    out = []
    for token in pattern:
        op = token.get("OP", "1")
        if op != "1" and op != "+":
            continue
        for key, attr in _LITERAL_ATTRS.items():
            spec = token.get(key)
            words = _words(spec) if spec is not None else None
            if words is not None:
                out.append((op, frozenset((attr, w) for w in words)))
    return out


_Hashed = tuple[frozenset[int], frozenset[int]]


class _RestBits(NamedTuple):
    """An AnchoredMatcher's groups' other requirements as bits (see ``AnchoredMatcher._filed_rests``)."""

    groups: list[list[int]]  # per group, each of its patterns' other requirements, as bits
    meets: tuple[dict[int, int], dict[int, int]]  # ORTH and LOWER hashes -> the requirements they meet, as bits
    #: per group, the OR of its patterns' other requirements, and which sets of them met (bits, within that OR) let a
    #: pattern of the group match: worked out once for each set (Docs meet few different sets)
    masks: list[int]
    opened: list[dict[int, bool]]


@cache
def _hashed(requirement: Anchor) -> _Hashed:
    """A requirement as the ORTH and the LOWER hashes it accepts (the same few requirements recur in thousands
    of patterns: each hashed once)."""
    orth = frozenset(get_string_id(w) for attr, w in requirement if attr == "ORTH")
    return orth, frozenset(get_string_id(w) for attr, w in requirement if attr == "LOWER")


def _text_gate(pattern: list[dict[str, Any]]) -> tuple[int, re.Pattern[str]] | None:
    """For a pattern of one token given by a regular expression on its text (or its lower-case form),
    ORTH (or LOWER) and that expression without its ``^`` and ``$``: a Doc none of whose tokens'
    texts (lower-case forms) it matches cannot hold the token.

    >>> _text_gate([{"TEXT": {"REGEX": "^ab+c$"}}])[1].pattern, _text_gate([{"LOWER": {"REGEX": "^ab$"}}])[0] == LOWER
    ('ab+c', True)
    >>> _text_gate([{"TEXT": {"REGEX": "^ab+"}}]) is None, _text_gate([{"LOWER": "x"}]) is None
    (True, True)
    """
    if len(pattern) != 1 or set(pattern[0]) - {"TEXT", "ORTH", "LOWER"} or len(pattern[0]) != 1:
        return None
    ((attr, spec),) = pattern[0].items()
    if not isinstance(spec, dict) or set(spec) != {"REGEX"} or not isinstance(spec["REGEX"], str):
        return None
    regex = spec["REGEX"]
    if regex.startswith("^") and regex.endswith("$") and not regex.endswith("\\$"):
        regex = regex[1:-1]  # dropping an assertion only lets more through
    if any(a in regex for a in ("^", "$", "\\b", "\\B", "\\A", "\\Z", "(?")):
        return None  # an assertion that reads the token's edges (or a flag): no gate
    return (LOWER if attr == "LOWER" else ORTH), re.compile(regex)


#: a test of a token's form by a pattern's token: (ORTH or LOWER, "IN", "NOT_IN" or "REGEX", hashes or expression),
#: or (ORTH, "IS_TITLE", whether the word is title-cased)
_FormTest = tuple[int, str, Any]
#: the keys of a pattern's token that test its form, and the attribute each reads
_FORM_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER}


def _form_tests(spec: dict[str, Any]) -> tuple[_FormTest, ...]:
    """What a pattern's token asks of a token's ORTH/TEXT and LOWER: a word, an ``IN`` or ``NOT_IN``
    list, a ``REGEX``, and whether it is title-cased (``IS_TITLE``, a flag of the word's form); any
    other value, and any other attribute, is left out: it only narrows.

    >>> [(t[1], sorted(t[2]) if t[1] != "REGEX" else t[2].pattern) for t in _form_tests({"TEXT": {"REGEX": "^A"}, "POS": "X"})]
    [('REGEX', '^A')]
    >>> _form_tests({"IS_TITLE": True, "OP": "+"}) == ((ORTH, "IS_TITLE", True),)
    True
    """
    tests: list[_FormTest] = []
    for key, value in spec.items():
        if key == "IS_TITLE" and isinstance(value, bool):  # "one or more capitalised words": not any word
            tests.append((ORTH, key, value))
            continue
        attr = _FORM_ATTRS.get(key)
        if attr is None:
            continue
        if isinstance(value, str):
            tests.append((attr, "IN", frozenset({get_string_id(value)})))
        elif isinstance(value, dict) and len(value) == 1:
            ((op, words),) = value.items()
            hashed = _word_hashes(words) if op in ("IN", "NOT_IN") and isinstance(words, list) else None
            if hashed is not None:
                tests.append((attr, op, hashed))
            elif op == "REGEX" and isinstance(words, str):
                tests.append((attr, op, re.compile(words)))
    return tuple(tests)


#: the form tests of the patterns' tokens read so far, by the token's dict (the name shapes' patterns share their
#: tokens' dicts: 47,000 tokens, 3,000 dicts), with the dict itself (an id is another dict's once that one is gone)
_TESTS_OF: dict[int, tuple[dict[str, Any], tuple[_FormTest, ...]]] = {}


def _spec_tests(spec: dict[str, Any]) -> tuple[_FormTest, ...]:
    """:func:`_form_tests` of a pattern's token, worked out once for each dict."""
    known = _TESTS_OF.get(id(spec))
    if known is not None and known[0] is spec:
        return known[1]
    tests = _form_tests(spec)
    _TESTS_OF[id(spec)] = (spec, tests)
    return tests


#: the hashes of the lists of words of patterns' tokens read so far, by their words (the name shapes share a few
#: long lists: each hashed once a process, not once for each group made)
_HASHED_WORDS: dict[tuple[Any, ...], frozenset[int] | None] = {}


def _word_hashes(words: list[Any]) -> frozenset[int] | None:
    """The ORTH (or LOWER) hashes of an ``IN`` or ``NOT_IN`` list of words, or None where an item is no string.

    >>> _word_hashes(["a", "b"]) == frozenset({get_string_id("a"), get_string_id("b")}), _word_hashes(["a", 1])
    (True, None)
    """
    try:
        key = tuple(words)
        if key in _HASHED_WORDS:
            return _HASHED_WORDS[key]
    except TypeError:  # an item that is no string (nor hashable)
        return None
    hashed = frozenset(get_string_id(w) for w in words) if all(isinstance(w, str) for w in words) else None
    _HASHED_WORDS[key] = hashed
    return hashed


class _Reach:
    """Which tokens a match of some patterns may cover, told by a token's form alone (and so worked
    out once per word): a match covers only tokens a token of its pattern accepts, so it lies in the
    run of such tokens around the anchor it holds. Only the tests of :func:`_form_tests` are read:
    a token they pass may still fail the others, and the runs are at most longer than the matches."""

    __slots__ = ("_covers", "_specs", "everywhere")

    def __init__(self) -> None:
        self._specs: dict[tuple[_FormTest, ...], None] = {}  # (a dict: each test once, in the order first added)
        self._covers: dict[int, bool] = {}  # ORTH hash -> whether a pattern's token may take it
        self.everywhere = False  # a pattern's token takes any form: the runs are the whole Doc

    def add(self, pattern: list[dict[str, Any]]) -> None:
        for spec in pattern:
            tests = _spec_tests(spec)
            self.everywhere = self.everywhere or not tests
            self._specs.setdefault(tests)
        self._covers.clear()

    def run(self, doc: Doc, orths: list[int], lowers: list[int], i: int) -> tuple[int, int]:
        """The run of tokens a match may cover around token ``i``: (its start, its end)."""
        covers = self._covers  # (a word seen before is looked up here, without a call for each token)
        start, end = i, i + 1
        while start > 0:
            covered = covers.get(orths[start - 1])
            if not (self._may_cover(doc, orths[start - 1], lowers[start - 1]) if covered is None else covered):
                break
            start -= 1
        while end < len(orths):
            covered = covers.get(orths[end])
            if not (self._may_cover(doc, orths[end], lowers[end]) if covered is None else covered):
                break
            end += 1
        return start, end

    def _may_cover(self, doc: Doc, orth: int, lower: int) -> bool:
        covers = self._covers.get(orth)
        if covers is None:
            covers = self._covers[orth] = any(self._passes(tests, doc, orth, lower) for tests in self._specs)
        return covers

    @staticmethod
    def _passes(tests: tuple[_FormTest, ...], doc: Doc, orth: int, lower: int) -> bool:
        for attr, op, values in tests:
            value = orth if attr == ORTH else lower
            if op == "REGEX":
                if not values.search(doc.vocab.strings[value]):  # as the Matcher's REGEX: a search
                    return False
            elif op == "IS_TITLE":
                if doc.vocab[value].is_title is not values:  # the word's flag, as the Matcher reads it
                    return False
            elif (value in values) is not (op == "IN"):
                return False
        return True


#: the keys of a pattern's token that read the word alone: its text, its lower-case form, the lexeme's flag
_WORD_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "IS_TITLE", "OP"})
#: how many runs of words a group keeps the matches of
_RUNS_KEPT = 4096


def _reads_words(pattern: list[dict[str, Any]]) -> bool:
    """Whether every token of ``pattern`` reads only the word it stands for (its text or lower-case form as a
    word, a list of words or a regular expression; whether it is title-cased): then the Matcher's matches in a
    run of tokens are those of its words, wherever the run stands, whatever else the Doc holds.

    >>> _reads_words([{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["court"]}}, {"TEXT": {"REGEX": "^A"}}])
    True
    >>> _reads_words([{"POS": "PROPN"}]), _reads_words([{"LOWER": {"FUZZY": "court"}}])
    (False, False)
    """
    return all(
        key in _WORD_KEYS
        and (isinstance(value, (str, bool)) or (isinstance(value, dict) and set(value) <= {"IN", "NOT_IN", "REGEX"}))
        for spec in pattern
        for key, value in spec.items()
    )


class _Entry(NamedTuple):
    """A pattern of a group, as its ``add`` gave it, with its place among the group's patterns (``serial``)."""

    serial: int
    key: str
    pattern: list[dict[str, Any]]
    on_match: Callable | None
    kw: dict[str, Any]


class _Group:
    """The patterns of one anchor, and the ``Matcher`` that holds them, made the first time a Doc
    holds the anchor: most groups' head words ("… Actu", "… Fundación") occur in no text of a given
    build, and adding thousands of patterns to spaCy Matchers was most of the time of loading the
    pipeline.

    The Matcher runs only over the stretches of a Doc a match may cover (:class:`_Reach`) around the
    tokens holding the anchor, where every match lies: it walks every token it is given, making a
    Token object for each and testing each pattern's first token there (a Doc's part is about 22
    tokens, a name's stretch a few). Where every pattern reads only words (:func:`_reads_words`), a
    stretch's matches are those of its words: found once for each run of words (a text names the same
    bodies and people again and again) and kept.

    A pattern is added to the Matcher only once a stretch holds a word of each of its
    :func:`requirements` (a match lies in its stretch, and holds them): "Court of …" waits for a
    stretch holding "of". Adding a pattern was most of the cost of a group met for the first time (the
    Matcher makes and hashes each token's lists of words anew), and most stretches hold the words of
    few of a group's patterns. The Matcher holds its patterns in the order they were added to the
    group (a pattern wanted before one it holds makes a new Matcher), so that it gives the matches of
    a stretch in the order one Matcher holding every pattern gives them."""

    __slots__ = (
        "_anchor_specs",
        "_entries",
        "_held",
        "_make",
        "_matcher",
        "_meets",
        "_needs",
        "_numbers",
        "_opens",
        "_reach",
        "_runs",
        "_serials",
        "_top",
        "_unread",
        "_whole",
        "_worded",
    )

    def __init__(self, make: Callable[[], Matcher]) -> None:
        self._make = make
        self._matcher: Matcher | None = None
        self._entries: list[_Entry] = []  # every pattern of the group, in the order added
        self._serials = 0  # how many patterns have been added (removed ones included)
        self._held: set[int] = set()  # the serials of the patterns the Matcher holds
        self._top = -1  # the last serial the Matcher holds
        #: read off the patterns at the group's first run; a removed pattern's tokens stay: the stretches are at most
        #: longer
        self._reach = _Reach()
        #: the patterns added whose tokens the reach, the anchor tests and the requirements have not read yet, each
        #: with its anchor token
        self._unread: list[tuple[_Entry, dict[str, Any]]] = []
        #: each requirement of the patterns read (as the ORTH and LOWER hashes it accepts) -> its bit
        self._numbers: dict[_Hashed, int] = {}
        #: ORTH and LOWER hashes -> the requirements they meet, as bits
        self._meets: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._needs: dict[int, int] = {}  # a pattern's serial -> its requirements, as bits
        self._whole = False  # a pattern has a callback: it reads the Doc matched and its offsets
        self._worded = True  # every pattern reads only words: the matches of a run are its words'
        #: a run's words (ORTH hashes) -> the matches in it, from its start (kept while every pattern reads words)
        self._runs: dict[tuple[int, ...], list[tuple[int, int, int]]] = {}
        #: the form tests of each pattern's anchor token (:func:`_anchor_spec`), each once: a match holds a token
        #: holding the anchor that passes one of them ("Broadcaster", not "broadcaster", for "… Broadcaster")
        self._anchor_specs: dict[tuple[_FormTest, ...], None] = {}
        #: ORTH hash -> whether a token of that word passes an anchor token's tests (its LOWER is the word's)
        self._opens: dict[int, bool] = {}

    def add(
        self,
        key: str,
        pattern: list[dict[str, Any]],
        on_match: Callable | None,
        kw: dict[str, Any],
        anchor_spec: dict[str, Any],
    ) -> None:
        """Add ``pattern`` (``anchor_spec``: its token that gave the group's anchor)."""
        self._whole = self._whole or on_match is not None
        self._worded = self._worded and _reads_words(pattern)
        self._runs.clear()  # a pattern more: the runs' matches found before may lack its
        entry = _Entry(self._serials, key, pattern, on_match, kw)
        self._serials += 1
        self._entries.append(entry)
        self._unread.append((entry, anchor_spec))

    def remove(self, key: str) -> None:
        self._runs.clear()  # (a removed pattern's anchor tests stay: they only let more runs through)
        self._entries = [e for e in self._entries if e.key != key]
        if self._matcher is not None and key in self._matcher:
            self._matcher.remove(key)
        self._held = {e.serial for e in self._entries if e.serial in self._held}

    def empty(self) -> bool:
        return not self._entries

    def matcher(self) -> Matcher:
        """The group's Matcher, holding every pattern of the group."""
        return self._holding(self._entries)

    def _holding(self, wanted: list[_Entry]) -> Matcher:
        """The group's Matcher, holding the patterns ``wanted`` (in the group's order) and those it held."""
        held = self._held
        missing = [e for e in wanted if e.serial not in held]
        matcher = self._matcher
        if matcher is not None and not missing:
            return matcher
        if matcher is None or missing[0].serial < self._top:  # (a pattern before one it holds: made anew)
            held |= {e.serial for e in missing}
            missing = [e for e in self._entries if e.serial in held]
            matcher = self._matcher = self._make()
            held.clear()
        for entry in missing:
            matcher.add(entry.key, [entry.pattern], on_match=entry.on_match, **entry.kw)
            held.add(entry.serial)
            self._top = entry.serial
        return matcher

    def __call__(
        self, doc: Doc, columns: list[list[int]], anchor: _Hashed, kw: dict[str, Any], held: _Hashed
    ) -> list[tuple[int, int, int]]:
        """The matches in ``doc`` (its ORTH and LOWER ``columns`` given, and the values they ``held``), as the
        Matcher finds them there."""
        if self._unread:
            self._read()
        if self._whole or self._reach.everywhere or kw.get("as_spans") or kw.get("with_alignments"):
            return list(self.matcher()(doc, **kw))
        orths, lowers = columns
        anchored: set[int] = set()  # the tokens holding the anchor, each word found by list.index, not a loop
        for words, column, values in ((anchor[0], orths, held[0]), (anchor[1], lowers, held[1])):
            for word in words & values:
                i = -1
                for _ in range(column.count(word)):
                    i = column.index(word, i + 1)
                    anchored.add(i)
        matches: list[tuple[int, int, int]] = []
        end = 0
        ordered = sorted(anchored)
        for n, i in enumerate(ordered):
            if i >= end:
                start, end = self._reach.run(doc, orths, lowers, i)
                # a run none of whose tokens holding the anchor passes an anchor token's tests holds no match: the
                # Matcher is not run there (nor made, where no run of any Doc so far has had one)
                if any(self._passes(doc, orths[j], lowers[j]) for j in ordered[n:] if j < end):
                    matches.extend(
                        (key, start + s, start + e) for key, s, e in self._in_run(doc, columns, start, end, kw)
                    )
        return matches

    def _read(self) -> None:
        """Read the tokens of the patterns added since the last run: where matches may reach, the anchor tokens, and
        the words each pattern requires."""
        numbers, meets = self._numbers, self._meets
        for entry, anchor_spec in self._unread:
            self._reach.add(entry.pattern)
            self._anchor_specs.setdefault(_spec_tests(anchor_spec))
            need = 0
            for requirement in requirements(entry.pattern):
                hashed = _hashed(requirement)
                bit = numbers.get(hashed)
                if bit is None:
                    bit = numbers[hashed] = 1 << len(numbers)
                    for by_word, words in zip(meets, hashed, strict=True):
                        for word in words:
                            by_word[word] = by_word.get(word, 0) | bit
                need |= bit
            self._needs[entry.serial] = need
        self._unread = []
        self._opens.clear()

    def _passes(self, doc: Doc, orth: int, lower: int) -> bool:
        """Whether a token of the word ``orth`` (lower-case form ``lower``) passes an anchor token's tests."""
        passes = self._opens.get(orth)
        if passes is None:
            passes = self._opens[orth] = any(_Reach._passes(tests, doc, orth, lower) for tests in self._anchor_specs)
        return passes

    def _in_run(
        self, doc: Doc, columns: list[list[int]], start: int, end: int, kw: dict[str, Any]
    ) -> list[tuple[int, int, int]]:
        """The Matcher's matches in the run ``start``-``end`` of ``doc`` (whose ORTH and LOWER columns are
        ``columns``), from the run's start."""
        orths, lowers = columns
        worded = self._worded and not kw
        words = tuple(orths[start:end])
        if worded:
            found = self._runs.get(words)
            if found is not None:
                return found
        # the patterns the run holds a word of each requirement of (no other can match there)
        by_orth, by_lower = self._meets
        met = 0
        for word in words:
            met |= by_orth.get(word, 0)
        for word in lowers[start:end]:
            met |= by_lower.get(word, 0)
        needs = self._needs
        wanted = [e for e in self._entries if needs[e.serial] & met == needs[e.serial]]
        # the Matcher gives a Span's matches from the Span's start (a Span made as doc[start:end] makes it, without
        # the slice's checks: the run lies in the Doc)
        found = self._holding(wanted)(Span(doc, start, end), **kw) if wanted else []
        if worded:
            if len(self._runs) >= _RUNS_KEPT:
                self._runs.clear()
            self._runs[words] = found
        return found


#: the token attributes a pattern of one token may test to be looked up in the Doc's arrays, not matched
_TESTED = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
#: those of them the Matcher refuses to read where a Doc has none (unless ``allow_missing``), by name
_ANNOTATED = {TAG: "TAG", DEP: "DEP"}
#: the attributes a look-up prefers to file a pattern under: those whose values are rarest first
_FILED_FIRST = (LOWER, ORTH, TAG, DEP, IS_SPACE)


class _Test(NamedTuple):
    """One attribute test of a one-token pattern as the Matcher makes it: the token's value of ``attr``
    (a hash, or 0 and 1 for a flag) is one of ``values``, or none of them where ``negated``."""

    attr: int
    values: frozenset[int]
    negated: bool
    literal: bool  # a value of its own, not an IN or NOT_IN list: the Matcher checks its annotation


def _one_token_tests(pattern: list[dict[str, Any]]) -> list[_Test] | None:
    """The tests of a pattern of exactly one token, each a value or an ``IN``/``NOT_IN`` list of an
    attribute of :data:`_TESTED`, at least one of them not negated; ``None`` for any other pattern
    (an operator, a regular expression, another attribute), which the Matcher keeps.

    >>> [(t.negated, t.literal) for t in _one_token_tests([{"TAG": "NN", "DEP": {"NOT_IN": ["det"]}}])]
    [(False, True), (True, False)]
    >>> _one_token_tests([{"TAG": "NN", "OP": "?"}]), _one_token_tests([{"DEP": {"NOT_IN": ["det"]}}])
    (None, None)
    """
    if len(pattern) != 1:
        return None
    tests = []
    for key, value in pattern[0].items():
        attr = _TESTED.get(key)
        if attr is None:
            return None
        if attr == IS_SPACE:
            if not isinstance(value, bool):
                return None
            tests.append(_Test(attr, frozenset({int(value)}), False, True))
        elif isinstance(value, str):
            tests.append(_Test(attr, frozenset({get_string_id(value)}), False, True))
        elif (
            isinstance(value, dict)
            and len(value) == 1
            and set(value) <= {"IN", "NOT_IN"}
            and all(isinstance(w, str) for w in next(iter(value.values())))
        ):
            ((op, words),) = value.items()
            tests.append(_Test(attr, frozenset(get_string_id(w) for w in words), op == "NOT_IN", False))
        else:
            return None
    return tests if any(not t.negated for t in tests) else None


class _LookUps:
    """Patterns of one token (the attribute ruler's "TAG NN gives POS NOUN", "TAG PRP and LOWER 'its'")
    found by looking the Doc's attribute arrays up, not by a Matcher run: each Matcher call walks every
    token, making a Token object for each, and the attribute ruler's rules for single words ran five
    calls a Doc, its rules by tag and dependency label one more. A pattern is filed under the value (or values) of one test it needs; the token that has one is
    checked against its other tests."""

    def __init__(self) -> None:
        self._patterns: list[tuple[int, list[_Test]]] = []  # (key, tests), in the order added
        #: attribute -> value -> (key, the pattern's other tests) of the patterns filed under it
        self._filed: dict[int, dict[int, list[tuple[int, tuple[_Test, ...]]]]] = {}
        self._attrs: list[int] = []  # every attribute any pattern tests, in the order first seen
        self._checked: set[int] = set()  # the attributes of _ANNOTATED some pattern tests with a value of its own

    def __len__(self) -> int:
        return len(self._patterns)

    def add(self, key: int, tests: list[_Test]) -> None:
        self._patterns.append((key, tests))
        filed_by = min((t for t in tests if not t.negated), key=lambda t: _FILED_FIRST.index(t.attr))
        rest = tuple(t for t in tests if t is not filed_by)
        filed = self._filed.setdefault(filed_by.attr, {})
        for value in filed_by.values:
            filed.setdefault(value, []).append((key, rest))
        for t in tests:
            if t.attr not in self._attrs:
                self._attrs.append(t.attr)
            if t.literal and t.attr in _ANNOTATED:
                self._checked.add(t.attr)

    def remove(self, key: int) -> None:
        kept = [(k, tests) for k, tests in self._patterns if k != key]
        self._patterns, self._filed, self._attrs, self._checked = [], {}, [], set()
        for k, tests in kept:
            self.add(k, tests)

    def __call__(self, doc: Doc, allow_missing: bool) -> list[tuple[int, int, int]]:
        if not allow_missing:
            for attr in self._checked:
                if not doc.has_annotation(attr):
                    name = _ANNOTATED[attr]
                    raise ValueError(
                        f"a pattern needs the {name} of a Doc that has none (allow_missing=True permits it)"
                    )
        if not self._attrs or not len(doc):
            return []
        attrs: list[int | str] = list(self._attrs)
        columns = dict(zip(self._attrs, doc.to_array(attrs).T.tolist(), strict=True))
        matches = []
        for attr, filed in self._filed.items():
            column = columns[attr]
            if filed.keys().isdisjoint(column):
                continue
            for i, value in enumerate(column):
                entries = filed.get(value)
                if entries is None:
                    continue
                for key, rest in entries:
                    if not rest or all((columns[t.attr][i] in t.values) is not t.negated for t in rest):
                        matches.append((key, i, i + 1))
        return matches


class AnchoredMatcher:
    """A drop-in for the ``Matcher`` of an ``entity_ruler``: ``add``, ``remove``, ``len``, ``in``
    and ``__call__`` returning ``(match_id, start, end)`` tuples.

    The same set of matches as one ``Matcher`` holding every pattern (a match two groups both
    find comes twice, which a ruler's set of matches absorbs). Patterns without an anchor go
    to a matcher run on every Doc. A group runs only on a Doc holding, for one of its
    patterns, a word of each of that pattern's :func:`requirements` (its anchor and the other
    words it needs: "of" alone does not run "… Court of …"). A pattern of one token testing its
    form, tag, dependency or whether it is a space (the attribute ruler's "TAG NN gives POS NOUN",
    "TAG PRP and LOWER 'its'") is looked up in the Doc's arrays (:class:`_LookUps`).
    """

    def __init__(self, vocab: Vocab, validate: bool = False, **options: Any) -> None:
        self.vocab, self._validate, self._options = vocab, validate, options
        self._always = Matcher(vocab, validate=validate, **options)
        self._groups: dict[Anchor, _Group] = {}
        self._group_list: list[_Group] = []  # the same, in the order they were made
        #: per group, its anchor hashed (ORTH words, LOWER words), and the other requirements of each
        #: of its patterns (the same ones once)
        self._needs: dict[Anchor, tuple[_Hashed, set[frozenset[_Hashed]]]] = {}
        self._group_needs: list[tuple[_Hashed, set[frozenset[_Hashed]]]] = []  # the same, by group number
        #: ORTH and LOWER hashes -> the groups (their places in ``_groups``) anchored on them
        self._by_word: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
        self._keys: dict[str, list[list[dict[str, Any]]]] = {}  # key -> its patterns, as Matcher.get gives them
        #: per pattern without an anchor, (ORTH or LOWER, a regular expression) a token must match, or None
        self._always_gates: list[tuple[int, re.Pattern[str]] | None] = []
        #: per gate, the ORTH (or LOWER) hashes whose texts hold a match of it, and those whose texts do not (each
        #: text is read once)
        self._gate_hits: list[tuple[set[int], set[int]]] = []
        self._looked_up = _LookUps()  # the patterns of one token looked up, not matched
        self._rest_bits: _RestBits | None = None  # the groups' other requirements as bits, made when first needed

    def _normalize_key(self, key: Any) -> Any:
        return self._always._normalize_key(key)

    def add(
        self, key: str, patterns: Iterable[list[dict[str, Any]]], *, on_match: Callable | None = None, **kw: Any
    ) -> None:
        patterns = list(patterns)
        for pattern in patterns:
            literals = _literals(pattern)
            found = _anchor(literals)
            tests = _one_token_tests(pattern) if on_match is None and not kw else None
            if tests is not None:
                self._looked_up.add(self._normalize_key(key), tests)
            elif found is None:
                self._always_gates.append(_text_gate(pattern))
                self._gate_hits.append((set(), set()))
                self._always.add(key, [pattern], on_match=on_match, **kw)
            else:
                if found not in self._groups:
                    self._groups[found] = _Group(lambda: Matcher(self.vocab, validate=self._validate, **self._options))
                    self._group_list.append(self._groups[found])
                    self._needs[found] = (_hashed(found), set())
                    self._group_needs.append(self._needs[found])
                    for by_word, words in zip(self._by_word, self._needs[found][0], strict=True):
                        for word in words:
                            by_word.setdefault(word, []).append(len(self._groups) - 1)
                self._groups[found].add(key, pattern, on_match, kw, _anchor_spec(pattern, found))
                self._needs[found][1].add(frozenset(_hashed(r) for _, r in literals if r != found))
                self._rest_bits = None
        self._keys.setdefault(key, []).extend(patterns)

    def remove(self, key: str) -> None:
        if key in self._always:
            self._always.remove(key)
        for group in self._group_list:
            group.remove(key)
        self._looked_up.remove(get_string_id(key))
        self._keys.pop(key, None)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def get(self, key: str | int) -> tuple[None, list[list[dict[str, Any]]]]:
        """``(on_match, patterns)`` of a key (or its hash), as ``Matcher.get`` gives them (``on_match``
        is not kept)."""
        name = self.vocab.strings[key] if isinstance(key, int) else key
        return None, list(self._keys.get(name, []))

    def __call__(self, doc: Doc, **kw: Any) -> list[tuple[int, int, int]]:
        columns: list[list[int]] = doc.to_array([ORTH, LOWER]).T.tolist() if len(doc) else [[], []]
        # the Doc's ORTH and LOWER values as sets, made where read (most Docs hold no anchor)
        present: tuple[frozenset[int], frozenset[int]] | None = None
        matches: list[tuple[int, int, int]] = []
        if len(self._always):
            present = (frozenset(columns[0]), frozenset(columns[1]))
            if not self._gated(doc, *present):
                matches = list(self._always(doc, **kw))
        if len(self._looked_up):
            matches.extend(self._looked_up(doc, bool(kw.get("allow_missing"))))

        anchored: set[int] = set()
        for by_word, column in zip(self._by_word, columns, strict=True):
            for w in by_word.keys() & column:  # the Doc's words that anchor a group, found in C
                anchored.update(by_word[w])
        if not anchored:
            return matches
        orth, lower = present if present is not None else (frozenset(columns[0]), frozenset(columns[1]))
        rest_bits = self._filed_rests()
        held = 0  # the other requirements the Doc meets, as bits
        for meets, words in zip(rest_bits.meets, (orth, lower), strict=True):
            for w in meets.keys() & words:
                held |= meets[w]
        for n in sorted(anchored):  # in the order the groups were made, as one pass over them all runs them
            group = self._group_list[n]
            # a pattern all of whose other requirements the Doc meets (most name shapes have none) runs the group
            rests = rest_bits.groups[n]  # (the fewest requirements first: none, for most groups)
            if group.empty():
                continue
            if rests[0]:
                met, opened = held & rest_bits.masks[n], rest_bits.opened[n]
                opens = opened.get(met)
                if opens is None:
                    if len(opened) >= _RUNS_KEPT:
                        opened.clear()
                    opens = opened[met] = any(rest & met == rest for rest in rests)
                if not opens:
                    continue
            matches.extend(group(doc, columns, self._group_needs[n][0], kw, (orth, lower)))
        return matches

    def _filed_rests(self) -> _RestBits:
        """The other requirements of each group's patterns as bits (requirement ``k`` is bit ``1 << k``, a
        pattern's the OR of its own), and the ORTH and LOWER words that meet each: a Doc meets the OR of what
        its words meet, and a pattern may match where its bits are all among those."""
        if self._rest_bits is None:
            number: dict[_Hashed, int] = {}
            groups = []
            for _, rests in self._group_needs:
                groups.append(
                    [sum(1 << number.setdefault(r, len(number)) for r in rest) for rest in sorted(rests, key=len)]
                )
            meets: tuple[dict[int, int], dict[int, int]] = ({}, {})
            for requirement, k in number.items():
                for by_word, words in zip(meets, requirement, strict=True):
                    for word in words:
                        by_word[word] = by_word.get(word, 0) | 1 << k
            masks = [_or(rests) for rests in groups]
            self._rest_bits = _RestBits(groups, meets, masks, [{} for _ in groups])
        return self._rest_bits

    def _gated(self, doc: Doc, orth: frozenset[int], lower: frozenset[int]) -> bool:
        """Whether no pattern without an anchor can match ``doc``: each has a gate (a pattern of one
        token) that no token's text (or lower-case form) matches, where a match needs a token whose
        text does."""
        strings = doc.vocab.strings
        for gate, (hits, misses) in zip(self._always_gates, self._gate_hits, strict=True):
            if gate is None:
                return False
            attr, regex = gate
            words = orth if attr == ORTH else lower
            if not hits.isdisjoint(words):
                return False
            for word in words - misses:  # the texts not read before (the others, found in C, hold no match)
                if regex.search(strings[word]) is not None:
                    hits.add(word)
                    return False
                misses.add(word)
        return True


def _or(bits: list[int]) -> int:
    """The OR of ``bits``."""
    out = 0
    for b in bits:
        out |= b
    return out


def holds_any(doc: Doc, words: frozenset[str] | set[str]) -> bool:
    """Whether a token of ``doc`` has its lower-case form or lower-cased lemma among ``words``.

    The gate of a matcher whose matches only count around such a word (the role words of
    ``whereas_relations``): a Doc without one needs no run.
    """
    return any(t.lower_ in words or t.lemma_.lower() in words for t in doc)


class WordGate:
    """:func:`holds_any` read off a Doc's attribute arrays: the tokens whose lower-case form or
    lower-cased lemma is one of ``words``, without a Token object per token (each string the
    Doc's hashes stand for is looked up once per process)."""

    def __init__(self, words: frozenset[str] | set[str]) -> None:
        self.words = frozenset(words)
        #: the LOWER hashes read so far, and those of them whose form is one of the words
        self._lowers_seen: set[int] = set()
        self._lowers_held: set[int] = set()
        #: the LEMMA hashes read so far, and those of them whose lemma, lower-cased, is one of the words
        self._lemmas_seen: set[int] = set()
        self._lemmas_held: set[int] = set()

    def tokens(self, doc: Doc, columns: tuple[list[int], list[int]] | None = None) -> list[int]:
        """The indices of the tokens that hold one of the words, in order (``columns``: the Doc's ``LOWER`` and
        ``LEMMA`` arrays as lists, where the caller has read them)."""
        if not len(doc):
            return []
        lowers, lemmas = columns if columns is not None else doc.to_array([LOWER, LEMMA]).T.tolist()
        strings, words = doc.vocab.strings, self.words
        # the forms and lemmas not read before (most Docs have none): each looked up once
        if not self._lowers_seen.issuperset(lowers):
            for low in set(lowers) - self._lowers_seen:
                if strings[low] in words:
                    self._lowers_held.add(low)
                self._lowers_seen.add(low)
        if not self._lemmas_seen.issuperset(lemmas):
            for lemma in set(lemmas) - self._lemmas_seen:
                if strings[lemma].lower() in words:
                    self._lemmas_held.add(lemma)
                self._lemmas_seen.add(lemma)
        # the Doc's forms and lemmas that are words (found in C), then the tokens holding them
        held_lowers = self._lowers_held.intersection(lowers)
        held_lemmas = self._lemmas_held.intersection(lemmas)
        if not held_lowers and not held_lemmas:
            return []
        return [
            i
            for i, (low, lemma) in enumerate(zip(lowers, lemmas, strict=True))
            if low in held_lowers or lemma in held_lemmas
        ]


class PatternGate:
    """Whether a Doc may match any of some token patterns: it holds, for one of them, a word of each of
    that pattern's :func:`requirements`. A Doc the gate keeps shut needs no run of their Matcher."""

    def __init__(self) -> None:
        self._needs: list[list[_Hashed]] = []
        self._bits: _RestBits | None = None  # the patterns' requirements as bits, made when first needed

    def add(self, pattern: list[dict[str, Any]]) -> None:
        self._needs.append([_hashed(r) for r in requirements(pattern)])
        self._bits = None

    def _filed(self) -> _RestBits:
        """The patterns' requirements as bits (requirement ``k`` is bit ``1 << k``, a pattern's the OR of its own; in
        ``groups``, one list of them all), and the ORTH and LOWER words that meet each."""
        if self._bits is None:
            number: dict[_Hashed, int] = {}
            needs = [sum(1 << number.setdefault(r, len(number)) for r in set(rs)) for rs in self._needs]
            meets: tuple[dict[int, int], dict[int, int]] = ({}, {})
            for requirement, k in number.items():
                for by_word, words in zip(meets, requirement, strict=True):
                    for word in words:
                        by_word[word] = by_word.get(word, 0) | 1 << k
            self._bits = _RestBits([needs], meets, [], [])
        return self._bits

    def opens(self, doc: Doc, columns: tuple[list[int], list[int]] | None = None) -> bool:
        """Whether the gate opens on ``doc`` (``columns``: its ``ORTH`` and ``LOWER`` arrays as lists, where the
        caller has read them)."""
        filed = self._filed()
        held = 0  # the requirements the Doc meets, as bits: those of its words that meet one (found in C)
        if len(doc):
            read = columns if columns is not None else doc.to_array([ORTH, LOWER]).T.tolist()
            for meets, words in zip(filed.meets, read, strict=True):
                for word in meets.keys() & words:
                    held |= meets[word]
        return any(need & held == need for need in filed.groups[0])
