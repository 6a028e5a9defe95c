"""The anchored matcher finds exactly what spaCy's Matcher finds, with the gazetteer's and the offices' real patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher

from pipeline.anchored import AnchoredMatcher, anchor
from pipeline.components.gazetteer import actor_patterns, position_patterns
from pipeline.components.name_cues import shape_patterns

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def matchers():
    nlp = spacy.blank("en")
    plain, anchored = Matcher(nlp.vocab, validate=True), AnchoredMatcher(nlp.vocab, validate=True)
    for entry in actor_patterns() + shape_patterns() + position_patterns():
        if isinstance(entry["pattern"], list):
            plain.add(entry["label"], [entry["pattern"]])
            anchored.add(entry["label"], [entry["pattern"]])
    return nlp, plain, anchored


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt"))[:6], ids=lambda p: p.stem)
def test_the_same_matches_as_the_plain_matcher_on_the_examples(matchers, path):
    nlp, plain, anchored = matchers
    for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
        doc = nlp(paragraph)
        # as sets: rulers read them so (one pattern group may repeat a match another holds once)
        assert set(anchored(doc)) == set(plain(doc))


def test_a_pattern_runs_only_where_its_anchor_stands(matchers):
    nlp, _, anchored = matchers
    doc = nlp("the Supreme Court of Justice and the Gomel Regional Court ruled")
    spans = {doc[s:e].text for _, s, e in anchored(doc)}
    assert "Gomel Regional Court" in spans
    assert not anchored(nlp("the judges of the land ruled"))


def test_a_group_runs_only_where_every_word_a_pattern_needs_stands():
    nlp = spacy.blank("en")
    m = AnchoredMatcher(nlp.vocab)
    m.add("Court", [[{"LOWER": "of"}, {"ORTH": {"IN": ["Court", "Tribunal", "Chamber"]}}]])  # anchored on "of"
    m.add("DATE", [[{"TEXT": {"REGEX": "^[0-3]?\\d\\.[01]?\\d\\.20\\d\\d$"}}]])  # no anchor: a gate on the text
    runs: list[int] = []
    for group in m._group_list:  # each group's Matcher, made now, counting its runs
        group._matcher = _Counting(group.matcher(), runs)  # type: ignore[assignment]
    doc = nlp("the Court of Appeal ruled on 12.05.2021 that the head of Tribunal")
    found = {(nlp.vocab.strings[k], doc[s:e].text) for k, s, e in m(doc)}
    assert found == {("Court", "of Tribunal"), ("DATE", "12.05.2021")}
    assert runs == [1, 1]  # once over each stretch a match may cover around an "of": "Court of", "of Tribunal"
    assert not m(nlp("the head of the office said on 12 May 2021")) and runs == [1, 1]  # "of" without a court word


class _Counting:
    def __init__(self, matcher, runs):
        self.matcher, self.runs = matcher, runs

    def __len__(self):
        return len(self.matcher)

    def __call__(self, doc, **kw):
        self.runs.append(1)
        return self.matcher(doc, **kw)


def test_a_group_runs_over_the_stretches_a_match_may_cover():
    """A group's Matcher runs only over the tokens around its anchor that its patterns' tokens may take
    by their form (IS_TITLE is a flag of the form); a token they take by another attribute too (IS_ALPHA:
    any form here) makes it run over the whole Doc."""
    nlp = spacy.blank("en")
    m = AnchoredMatcher(nlp.vocab)
    capitalised = {"TEXT": {"REGEX": "^[A-Z]"}, "LOWER": {"NOT_IN": ["the"]}, "OP": "+"}
    m.add(
        "Court",
        [[capitalised, {"ORTH": "Court"}, {"LOWER": "of", "OP": "?"}, {"TEXT": {"REGEX": "^[A-Z]"}, "OP": "*"}]],
    )
    m.add("Party", [[{"IS_TITLE": True, "OP": "+"}, {"ORTH": "Party"}]])
    given: list[str] = []
    for group in m._group_list:
        group._matcher = _Given(group.matcher(), given)  # type: ignore[assignment]
    doc = nlp("The Velmora Court of Appeal and the Norvik Court heard the Green Party case")
    plain = Matcher(nlp.vocab)
    for key, patterns in m._keys.items():
        plain.add(key, patterns)
    assert sorted(m(doc)) == sorted(plain(doc))
    assert given == ["The Velmora Court of Appeal", "Norvik Court", "Green Party"]
    m.add("Bloc", [[{"IS_ALPHA": True, "OP": "+"}, {"ORTH": "Bloc"}]])
    plain.add("Bloc", m._keys["Bloc"])
    given.clear()
    m._group_list[-1]._matcher = _Given(m._group_list[-1].matcher(), given)  # type: ignore[assignment]
    doc = nlp("the Green Bloc met")
    assert sorted(m(doc)) == sorted(plain(doc)) and given == [doc.text]


class _Given(_Counting):
    def __call__(self, doc, **kw):
        self.runs.append(doc.text)
        return self.matcher(doc, **kw)


def test_anchor_takes_the_rarest_required_word():
    pattern = [{"LOWER": {"IN": ["a", "the"]}}, {"IS_TITLE": True, "OP": "+"}, {"ORTH": "Tribunal"}]
    assert anchor(pattern) == frozenset({("ORTH", "Tribunal")})
    assert anchor([{"ORTH": "Tribunal", "OP": "?"}]) is None


def test_a_group_makes_its_matcher_when_a_doc_first_holds_its_anchor():
    nlp = spacy.blank("en")
    m = AnchoredMatcher(nlp.vocab)
    m.add("Court", [[{"IS_TITLE": True, "OP": "+"}, {"ORTH": "Tribunal"}]])
    m.add("Outlet", [[{"IS_TITLE": True, "OP": "+"}, {"ORTH": "Gazette"}]])
    tribunal, gazette = m._group_list
    assert tribunal._matcher is None and gazette._matcher is None  # nothing made when added
    doc = nlp("the Velmora Tribunal ruled")
    assert [(nlp.vocab.strings[k], doc[s:e].text) for k, s, e in m(doc)] == [("Court", "Velmora Tribunal")]
    assert tribunal._matcher is not None and gazette._matcher is None
    m.remove("Outlet")
    assert gazette.empty() and not m(nlp("the Norvik Gazette wrote"))


def test_a_pattern_joins_its_groups_matcher_once_a_stretch_holds_its_words():
    """A group's pattern is added to its Matcher only where a stretch holds a word of each of its requirements,
    and the Matcher holds its patterns in the group's order: the same matches, in the same order, as a plain
    Matcher's."""
    nlp = spacy.blank("en")
    m = AnchoredMatcher(nlp.vocab)
    m.add("Supreme", [[{"LOWER": {"IN": ["supreme", "high"]}}, {"ORTH": "Court"}]])  # anchored on "Court" too
    m.add("Of", [[{"ORTH": "Court"}, {"LOWER": "of"}, {"IS_TITLE": True}]])
    plain = Matcher(nlp.vocab)
    for key, patterns in m._keys.items():
        plain.add(key, patterns)
    (group,) = m._group_list
    doc = nlp("the Court of Appeal ruled")
    assert m(doc) == plain(doc) and group._held == {1}  # no "supreme": the first pattern waits
    doc = nlp("the Supreme Court of Appeal ruled")
    assert m(doc) == plain(doc) and group._held == {0, 1}  # made anew, the first pattern first
    assert not m(nlp("the Court ruled")) and group._held == {0, 1}


def test_keys_can_be_counted_and_removed():
    nlp = spacy.blank("en")
    m = AnchoredMatcher(nlp.vocab)
    m.add("Court", [[{"IS_TITLE": True}, {"ORTH": "Court"}]])
    m.add("Any", [[{"IS_TITLE": True}]])
    assert len(m) == 2 and "Court" in m
    m.remove("Court")
    assert "Court" not in m and len(m) == 1
    assert {nlp.vocab.strings[k] for k, _, _ in m(nlp("High Court"))} == {"Any"}


def test_holds_any_reads_the_lower_case_form_and_the_lemma(nlp):
    from pipeline.anchored import holds_any

    doc = nlp("Two journalists were DETAINED.")
    assert holds_any(doc, {"journalist"})  # the lemma
    assert holds_any(doc, {"detained"})  # the form, lower-cased
    assert not holds_any(doc, {"lawyer", "wife"})


def test_the_relations_gate_drops_no_relation(nlp, monkeypatch):
    """Relations found with the link patterns run only on Docs holding a role word are those found
    with them run on every Doc, on the examples' paragraphs (with and without role words)."""
    import pipeline.components.relations as relations

    finder = nlp.get_pipe("whereas_relations")
    texts = [
        p
        for path in sorted(EXAMPLES.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    docs = list(nlp.pipe(texts))
    gated = [finder.match(doc) for doc in docs]
    assert sum(1 for doc in docs if not relations.holds_any(doc, finder._role_forms)) > 50  # the gate closes
    monkeypatch.setattr(relations, "holds_any", lambda doc, words: True)
    assert [finder.match(doc) for doc in docs] == gated
    assert sum(map(len, gated)) > 50


def test_the_model_attribute_ruler_on_the_anchored_matcher_sets_what_spacys_sets():
    """``anchor_attribute_ruler``: the model's rules for single words tried only where the word
    stands, every token's POS, morphology and tag as the stock attribute ruler sets them."""
    from spacy.tokens import Doc

    from pipeline.nlp import DEFAULT_MODEL, anchor_attribute_ruler

    stock = spacy.load(DEFAULT_MODEL, exclude=["senter", "lemmatizer", "ner"])  # with the parser: rules read DEP
    anchored = spacy.load(DEFAULT_MODEL, exclude=["senter", "lemmatizer", "ner"])
    anchor_attribute_ruler(anchored)
    assert type(anchored.get_pipe("attribute_ruler").matcher) is AnchoredMatcher
    texts = [p for path in sorted(EXAMPLES.glob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n\n")]
    with stock.select_pipes(disable=["attribute_ruler"]):
        tagged = [stock(t) for t in texts if t.strip()]
    seen = auxiliaries = 0
    for doc in tagged:
        one, two = Doc(doc.vocab).from_bytes(doc.to_bytes()), Doc(doc.vocab).from_bytes(doc.to_bytes())
        stock.get_pipe("attribute_ruler")(one)
        anchored.get_pipe("attribute_ruler")(two)
        assert [(t.pos_, str(t.morph), t.tag_) for t in one] == [(t.pos_, str(t.morph), t.tag_) for t in two]
        seen += sum(t.lower_ in ("'s", "n't", "i") for t in one)
        auxiliaries += sum(t.dep_ in ("aux", "auxpass") and t.pos_ == "AUX" for t in one)
    assert seen > 50  # words single-word rules are about
    assert auxiliaries > 50  # tokens a rule by tag and dependency label is about


def test_the_tokenizer_load_nlp_builds_is_the_models_own_with_the_hyphen_rules(nlp):
    """``load_nlp`` builds the tokenizer once from the model's saved settings: the same settings and
    special cases as spaCy's tokenizer loaded with the model and then given the whereas infixes."""
    from pipeline.nlp import DEFAULT_MODEL, keep_hyphenated_words

    stock = spacy.load(DEFAULT_MODEL, exclude=["senter", "parser", "lemmatizer", "ner"])
    keep_hyphenated_words(stock)
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == stock.tokenizer.to_bytes(exclude=["vocab"])
    words = [t.text for t in nlp.tokenizer("Her re-arrest in Oslo-based Detention Centre No. 1 (U.S.)—a 'test'.")]
    assert words[:9] == ["Her", "re-arrest", "in", "Oslo", "-", "based", "Detention", "Centre", "No."]


def test_a_pattern_of_one_token_is_looked_up_as_the_matcher_matches_it(nlp):
    """Patterns of one token testing forms, tags, dependency labels and spaces, with values, ``IN`` and
    ``NOT_IN`` lists, are looked up in the Doc's arrays: the matches spaCy's Matcher finds."""
    patterns = [
        [{"TAG": "NNP"}],
        [{"TAG": "PRP$", "LOWER": "her"}],
        [{"LOWER": {"IN": ["was", "were"]}, "DEP": {"IN": ["aux", "auxpass", "ROOT"]}}],
        [{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}],
        [{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}],
        [{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}],
        [{"TAG": "_SP", "IS_SPACE": False}],
        [{"ORTH": "Velmora", "TAG": "NNP"}],
        [{"TEXT": {"IN": ["Velmora", "Norvik"]}}],
    ]
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for n, pattern in enumerate(patterns):
        plain.add(f"rule-{n}", [pattern])
        anchored.add(f"rule-{n}", [pattern])
    assert len(anchored._looked_up) == len(patterns) and not len(anchored._always)
    doc = nlp(
        "Her lawyer  was told that the Velmora court, which was closed, had been moved to Norvik.\n\nThat is all."
    )
    assert set(anchored(doc)) == set(plain(doc))
    assert len({k for k, _, _ in plain(doc)}) >= 7  # most patterns match


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt"))[:4], ids=lambda p: p.stem)
def test_the_rulers_match_and_set_what_spacys_own_methods_do(nlp, path):
    """``load_nlp`` gives the gazetteer, countries and offices rulers their own ``match`` (and the gazetteer its
    ``set_annotations``) in place of spaCy's: on the same Docs they give what spaCy's methods give."""
    text = path.read_text(encoding="utf-8")[:20000]
    names = [name for name, _ in nlp.pipeline]
    upto = names.index("whereas_gazetteer")
    doc = nlp.make_doc(text)
    for name in names[:upto]:
        doc = nlp.get_pipe(name)(doc)
    for name in ("whereas_gazetteer", "whereas_countries", "whereas_positions"):
        ruler = nlp.get_pipe(name)
        ours, spacys = ruler.match(doc), type(ruler).match(ruler, doc)
        assert ours == spacys
        if name == "whereas_gazetteer":
            mine, theirs = doc.copy(), doc.copy()
            ruler.set_annotations(mine, ours)
            type(ruler).set_annotations(ruler, theirs, spacys)
            assert [(e.start, e.end, e.label_, e.ent_id_) for e in mine.ents] == [
                (e.start, e.end, e.label_, e.ent_id_) for e in theirs.ents
            ]
        doc = ruler(doc)
