"""The tree matcher finds what spaCy's DependencyMatcher finds, in the same order, with the real patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from pipeline.patterns import load_jsonl
from pipeline.treematch import TreeMatcher

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_FLAG = "test_treematch_root"
if not Token.has_extension(_FLAG):
    Token.set_extension(_FLAG, default=False)


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [
        p
        for path in sorted(EXAMPLES.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    return list(nlp.pipe(texts))


def _both(vocab, patterns: list[list[dict]]) -> tuple[DependencyMatcher, TreeMatcher]:
    plain, tree = DependencyMatcher(vocab), TreeMatcher(vocab, validate=True)
    for n, pattern in enumerate(patterns):
        plain.add(f"k{n}", [pattern])
        tree.add(f"k{n}", [pattern])
    return plain, tree


def test_the_event_and_relation_patterns_match_as_spacys(nlp, docs):
    relations = nlp.get_pipe("whereas_relations")
    patterns = [e["pattern"] for e in load_jsonl("events.jsonl")]
    patterns += [relations._expand_link(r["pattern"]) for r in load_jsonl("relations.jsonl") if "link" in r]
    plain, tree = _both(nlp.vocab, patterns)
    plain.add("k0", [patterns[-1]])  # a key added twice keeps both patterns, in order
    tree.add("k0", [patterns[-1]])
    seen = 0
    for doc in docs:
        found = tree(doc)
        assert found == plain(doc)
        seen += len(found)
    assert seen > 200


def test_the_role_patterns_from_given_roots_match_as_spacys(nlp, docs):
    """Roots named by the caller stand for a flag the first node must carry."""
    rules = [r["pattern"] for r in load_jsonl("roles.jsonl")]
    flagged = [[{**p[0], "RIGHT_ATTRS": {**p[0]["RIGHT_ATTRS"], "_": {_FLAG: True}}}, *p[1:]] for p in rules]
    plain = DependencyMatcher(nlp.vocab)
    for n, pattern in enumerate(flagged):
        plain.add(f"k{n}", [pattern])
    _, tree = _both(nlp.vocab, rules)
    seen = 0
    for doc in docs:
        roots = [t.i for t in doc if t.pos_ in ("VERB", "NOUN")][::2]
        for i in roots:
            doc[i]._.set(_FLAG, True)
        expected = plain(doc)
        for i in roots:
            doc[i]._.set(_FLAG, False)
        assert tree(doc, roots) == expected
        seen += len(expected)
    assert seen > 200


def test_operators_on_a_hand_made_parse():
    nlp = spacy.blank("en")
    words = ["police", "arrested", "the", "young", "lawyer", "yesterday"]
    doc = Doc(
        nlp.vocab, words=words, heads=[1, 1, 4, 4, 1, 1], deps=["nsubj", "ROOT", "det", "amod", "dobj", "npadvmod"]
    )
    root = {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LOWER": "arrested"}}
    patterns = [
        [root, {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "c", "RIGHT_ATTRS": {}}],
        [root, {"LEFT_ID": "v", "REL_OP": ">>", "RIGHT_ID": "d", "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["dobj"]}}}],
        [
            {"RIGHT_ID": "a", "RIGHT_ATTRS": {"DEP": "amod"}},
            {"LEFT_ID": "a", "REL_OP": "<<", "RIGHT_ID": "up", "RIGHT_ATTRS": {}},
        ],
        [
            {"RIGHT_ID": "a", "RIGHT_ATTRS": {}},
            {"LEFT_ID": "a", "REL_OP": "<", "RIGHT_ID": "h", "RIGHT_ATTRS": {"ORTH": "lawyer"}},
        ],
        [{"RIGHT_ID": "a", "RIGHT_ATTRS": {}}, {"LEFT_ID": "a", "REL_OP": ".", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}],
        [{"RIGHT_ID": "a", "RIGHT_ATTRS": {}}, {"LEFT_ID": "a", "REL_OP": ";", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}],
    ]
    plain, tree = _both(nlp.vocab, patterns)
    assert tree(doc) == plain(doc)
    assert len(tree(doc)) == 3 + 4 + 2 + 2 + 5 + 5


def test_what_it_cannot_do_is_refused_when_added():
    tree = TreeMatcher(spacy.blank("en").vocab)
    with pytest.raises(ValueError, match="REL_OP"):
        tree.add(
            "x",
            [
                [
                    {"RIGHT_ID": "a", "RIGHT_ATTRS": {}},
                    {"LEFT_ID": "a", "REL_OP": "$++", "RIGHT_ID": "b", "RIGHT_ATTRS": {}},
                ]
            ],
        )
    with pytest.raises(ValueError, match="REGEX"):
        tree.add("y", [[{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": {"REGEX": "^x"}}}]])
    with pytest.raises(ValueError, match="IS_TITLE"):
        tree.add("z", [[{"RIGHT_ID": "a", "RIGHT_ATTRS": {"IS_TITLE": True}}]])


def test_every_event_pattern_has_an_id_of_its_own():
    """The event finder keys its patterns by id: a second pattern with an id silently replaces the first."""
    ids = [entry["id"] for entry in load_jsonl("events.jsonl")]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_every_pattern_the_pipeline_adds_unvalidated_passes_spacys_validation(nlp):
    """The components add their patterns without spaCy's validation (a tenth of a second of each
    load); every one is validated here, so a malformed pattern fails the tests, not a build."""
    from spacy.matcher import Matcher

    from pipeline.components.gazetteer import position_patterns
    from pipeline.components.relations import expand_pattern

    relations = nlp.get_pipe("whereas_relations")
    trees, tokens = DependencyMatcher(nlp.vocab, validate=True), Matcher(nlp.vocab, validate=True)
    for entry in load_jsonl("events.jsonl"):
        trees.add(entry["id"], [entry["pattern"]])
    for n, rule in enumerate(load_jsonl("roles.jsonl")):
        trees.add(f"role-{n}", [rule["pattern"]])
    for n, rule in enumerate(load_jsonl("relations.jsonl")):
        if "link" in rule:
            trees.add(f"relation-{n}", [relations._expand_link(rule["pattern"])])
        elif "roster" not in rule:
            tokens.add(f"relation-{n}", [expand_pattern(rule["pattern"])])
    for n, entry in enumerate(position_patterns()):
        if isinstance(entry["pattern"], list):
            tokens.add(f"position-{n}", [entry["pattern"]])
    assert len(trees) > 100 and len(tokens) > 5
    with pytest.raises(ValueError):  # what validation would say of a malformed one
        Matcher(nlp.vocab, validate=True).add("bad", [[{"LOWER": {"IN": "court"}}]])
