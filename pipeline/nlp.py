"""The one spaCy pipeline: a trained English model plus the whereas components, loaded in one place."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from types import FunctionType
from typing import Any, cast

import spacy
import srsly
from spacy.attrs import ENT_TYPE, ORTH
from spacy.lang.char_classes import HYPHENS
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, minibatch, registry

import pipeline.components.actors
import pipeline.components.clauses
import pipeline.components.coref
import pipeline.components.events
import pipeline.components.lemmas
import pipeline.components.offices
import pipeline.components.relations
import pipeline.components.standing
import pipeline.components.verbs  # noqa: F401
from pipeline import DEFAULT_MODEL
from pipeline.anchored import AnchoredMatcher
from pipeline.components.extensions import POSITIONS
from pipeline.components.gazetteer import actor_patterns, country_patterns, position_patterns
from pipeline.components.name_cues import shape_patterns
from pipeline.errors import WhereasError
from pipeline.patterns import load_json

__all__ = [
    "DEFAULT_MODEL",
    "load_nlp",
    "add_whereas_pipes",
    "anchor_attribute_ruler",
    "annotate_in_batches",
    "keep_hyphenated_words",
]


def add_whereas_pipes(nlp: Language) -> Language:
    """Add the whereas components to a trained English pipeline (with parser and ner)."""
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise WhereasError(None, f"spaCy model {nlp.meta.get('name')!r} lacks {', '.join(sorted(missing))}")
    keep_hyphenated_words(nlp)
    nlp.add_pipe("whereas_clauses", before="parser")
    if "lemmatizer" in nlp.pipe_names:  # "re-arrested": the genre's hyphenated verbs, which it misreads
        nlp.add_pipe("whereas_lemmas", after="lemmatizer")
    # "A court on Tuesday jailed journalist X": a verb the parser hung on the noun after it (lemmas read)
    nlp.add_pipe("whereas_verbs", after="whereas_lemmas" if "whereas_lemmas" in nlp.pipe_names else "parser")
    nlp.add_pipe("whereas_statistical_ents", after="ner")
    ruler: Any = nlp.add_pipe(
        "entity_ruler",
        name="whereas_gazetteer",
        after="whereas_statistical_ents",
        config={"overwrite_ents": True, "validate": True},
    )
    countries: Any = nlp.add_pipe(
        "entity_ruler",
        name="whereas_countries",
        after="whereas_gazetteer",
        config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
    )
    offices: Any = nlp.add_pipe(
        "span_ruler",
        name="whereas_positions",
        after="whereas_countries",
        config={
            "spans_key": POSITIONS,
            "validate": False,  # validated by tests/test_treematch.py, not at each load
            "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        },
    )
    # thousands of name-shape patterns, each ending on its own head word: tried only where it stands; not
    # validated at each load (7 s of pydantic per process): tests/test_anchored.py validates every one of them
    ruler.matcher = AnchoredMatcher(nlp.vocab, validate=False, fuzzy_compare=ruler.matcher_fuzzy_compare)
    # the office patterns each need their own words too ("Special Rapporteur", "minister"); the span ruler
    # reads its matches as a sorted set, as the entity ruler does (validated by tests/test_treematch.py)
    offices.matcher = AnchoredMatcher(nlp.vocab, validate=False, fuzzy_compare=offices.matcher_fuzzy_compare)
    with nlp.select_pipes(enable=[]):  # phrase patterns need only the tokenizer
        ruler.add_patterns(actor_patterns() + shape_patterns())
        countries.add_patterns(country_patterns())
        offices.add_patterns(position_patterns())
    for filled in (ruler, countries, offices):  # their check for no patterns counted them all at each Doc
        filled._require_patterns = _patterns_given
    for entity_ruler in (ruler, countries):
        entity_ruler.set_annotations = _ruler_annotations(entity_ruler)
        entity_ruler.match = _entity_matches(entity_ruler)
    offices.match = _span_matches(offices)
    offices.set_annotations = _span_annotations(offices)
    nlp.add_pipe("whereas_offices", after="whereas_positions")
    nlp.add_pipe("whereas_actors", after="whereas_offices")
    nlp.add_pipe("whereas_coref", after="whereas_actors")
    nlp.add_pipe("whereas_events", after="whereas_coref")
    nlp.add_pipe("whereas_standing", after="whereas_events")
    nlp.add_pipe("whereas_relations", after="whereas_standing")
    anchor_attribute_ruler(nlp)
    for _, component in nlp.pipeline:  # the trained components batch their Docs themselves
        if not isinstance(component, (TrainablePipe, FunctionType)):
            annotate_in_batches(component)
    return nlp


def _patterns_given() -> None:
    """The rulers' check that they hold patterns, which they were given when added (spaCy's counts the
    patterns of every label at each call: 0.05 s over the parts of 100 documents, most of it the countries ruler's 250 labels)."""


def _ruler_annotations(ruler: Any) -> Callable[[Doc, list[tuple[int, int, int]]], None]:
    """An entity ruler's ``set_annotations`` as spaCy's ``EntityRuler`` has it, the Doc's entities that its
    matches overlap left out once, after the matches are read (spaCy's filtered the list again after each
    match), and whether a match's tokens have an entity type read off the Doc's array. Without a match the
    Doc's entities are neither read nor set again (after the model's ``ner`` setting them back changes no
    token: most Docs hold no country's name, nearly half no name of the gazetteer's)."""

    def set_annotations(doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        if not matches:
            return
        entities = list(doc.ents)
        new_entities = []
        seen_tokens: set[int] = set()
        typed: list[int] | None = None  # the tokens' entity types, read at the first match where they count
        for match_id, start, end in matches:
            if not ruler.overwrite:
                typed = typed if typed is not None else doc.to_array(ENT_TYPE).tolist()
                if any(typed[start:end]):
                    continue
            if start not in seen_tokens and end - 1 not in seen_tokens:  # boundaries are inclusive
                if match_id in ruler._ent_ids:
                    label, ent_id = ruler._ent_ids[match_id]
                    span = Span(doc, start, end, label=label, span_id=ent_id)
                else:
                    span = Span(doc, start, end, label=match_id)
                new_entities.append(span)
                seen_tokens.update(range(start, end))
        if seen_tokens:
            entities = [e for e in entities if seen_tokens.isdisjoint(range(e.start, e.end))]
        # what ``doc.ents = …`` sets, without the copy of each Span it makes first
        doc.set_ents(entities + new_entities)

    return set_annotations


def _span_annotations(ruler: Any) -> Callable[[Doc, list[Span]], None]:
    """A span ruler's ``set_annotations`` as spaCy's ``SpanRuler`` has it, where a Doc without a match gets its
    empty group of spans without the filter run over no spans (most Docs name no office)."""
    annotate = ruler.set_annotations

    def set_annotations(doc: Doc, matches: list[Span]) -> None:
        if matches or ruler.annotate_ents or not ruler.key or (ruler.key in doc.spans and not ruler.overwrite):
            annotate(doc, matches)
        else:
            doc.spans[ruler.key] = []

    return set_annotations


def _matches(ruler: Any, doc: Doc) -> list[tuple[int, int, int]]:
    """A ruler's matches in ``doc`` as spaCy's rulers find them, without the warning filter they set up at
    each Doc (a copy of the process's filters made and put back each time) against the warning of a
    matcher with no patterns: a matcher with none is not run."""
    matcher, phrases = ruler.matcher, ruler.phrase_matcher
    return [*(matcher(doc) if len(matcher) else ()), *(phrases(doc) if len(phrases) else ())]


def _entity_matches(ruler: Any) -> Callable[[Doc], list[tuple[int, int, int]]]:
    """An entity ruler's ``match``, as spaCy's ``EntityRuler`` has it (see :func:`_matches`)."""

    def match(doc: Doc) -> list[tuple[int, int, int]]:
        found = {(m_id, start, end) for m_id, start, end in _matches(ruler, doc) if start != end}
        return sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    return match


def _span_matches(ruler: Any) -> Callable[[Doc], list[Span]]:
    """A span ruler's ``match``, as spaCy's ``SpanRuler`` has it (see :func:`_matches`)."""

    def match(doc: Doc) -> list[Span]:
        labels = ruler._match_label_id_map
        found = set(
            Span(doc, start, end, label=labels[m_id]["label"], span_id=labels[m_id]["id"])
            for m_id, start, end in _matches(ruler, doc)
            if start != end
        )
        return sorted(list(found))

    return match


def anchor_attribute_ruler(nlp: Language) -> None:
    """Let the model's attribute ruler match its patterns with the :class:`AnchoredMatcher`: a rule for
    one word ("I", "'s", "n't") is tried only on a Doc holding that word, the rules by tag on every
    Doc as before. The ruler sorts its matches by rule before setting attributes, so the tokens get
    the attributes spaCy's own matcher gives them (tests/test_anchored.py)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler: Any = nlp.get_pipe("attribute_ruler")
    patterns = ruler.patterns
    ruler.clear()
    ruler.matcher = AnchoredMatcher(nlp.vocab, validate=False)
    ruler.add_patterns(patterns)


def annotate_in_batches(component: Any) -> None:
    """Make ``nlp.pipe`` run ``component`` over a batch of Docs at a time, each Doc as its ``__call__`` does.

    By default ``nlp.pipe`` hands each Doc to every rule-based component (ours, the model's attribute
    ruler and lemmatizer) before it takes the next Doc; run over a whole batch one after another, a
    component keeps its own code and data in the processor's caches (a tenth less time for the
    whole pipeline over the parts of 100 documents). An error is raised as spaCy's default error
    handler raises it.
    """

    def pipe(docs: Iterable[Doc], batch_size: int = 64, **_: Any) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from [component(doc) for doc in batch]

    component.pipe = pipe  # what nlp.pipe calls where a component has it


#: the titles before a name written with a full stop ("Hon.", "Adv.", "Fr."), each one word: the full stop ends
#: no sentence ("… of our Chairperson, Hon. X, of Mr Y": the model's tokenizer knows "Mr." and "Dr." only)
_TITLE_ABBREVIATIONS = tuple(
    title.capitalize() for title in load_json("type_cues.json")["titles"] if title.endswith(".") and len(title) > 2
)


def keep_hyphenated_words(nlp: Language) -> None:
    """Keep "re-arrest", "Prosecutor-General", "EU-Kazakhstan" as one token each.

    The genre coins hyphenated words the statistical models parse badly once split. A tokenizer
    :func:`load_nlp` built already has these rules; it is not set again (setting them makes spaCy
    compile the tokenizer's 1,300 special cases again, 0.04 s).
    """
    tokenizer: Tokenizer = cast(Tokenizer, nlp.tokenizer)
    infixes = _infixes(nlp.Defaults)
    if getattr(getattr(tokenizer.infix_finditer, "__self__", None), "pattern", None) != infixes.pattern:
        tokenizer.infix_finditer = infixes.finditer
    for abbreviation in ("No.", "Nos.", "Nr.", *_TITLE_ABBREVIATIONS):  # "Detention Centre No. 1" is one sentence
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


@cache
def _infixes(defaults: type) -> re.Pattern[str]:
    """The language's infix rules without those splitting at a hyphen between letters."""
    infixes: list[Any] = [rule for rule in getattr(defaults, "infixes", None) or () if HYPHENS not in str(rule)]
    # a dash between words is punctuation, not a hyphen: "three activists—A, B and C—were"
    infixes.append(r"(?<=[^\W\d_])(?:—|--)(?=[^\W\d_])")
    # "Oslo-based", "Tehran-born": the place stays a word of its own, and "-" and "based" two more, as
    # the model was trained on them ("-based" as one word it takes for the sentence's verb)
    infixes.append(r"(?<=[A-Za-z\u00C0-\u024F])-(?=(?:based|born|headquartered)$)")
    return cast(re.Pattern[str], compile_infix_regex(infixes))


@registry.tokenizers("whereas.unread_tokenizer.v1")
def _unread_tokenizer() -> Callable[[Language], Tokenizer]:
    """An empty tokenizer standing in while spaCy loads the model: :func:`load_nlp` then builds the
    model's own from its settings (spaCy's English tokenizer, built from the language's defaults and
    then loaded from the model, compiled its special cases three times: 0.1 s of every run)."""
    return lambda nlp: Tokenizer(nlp.vocab)


def _model_tokenizer(nlp: Language, settings: Path) -> Tokenizer:
    """The tokenizer saved with the model (``settings``: its file), with the whereas infixes, built in one
    go: spaCy compiles its special cases once, after every other setting is in place."""
    data = srsly.msgpack_loads(settings.read_bytes())
    data["infix_finditer"] = _infixes(nlp.Defaults).pattern
    tokenizer = Tokenizer(nlp.vocab)
    return tokenizer.from_bytes(srsly.msgpack_dumps(data), exclude=["vocab"])


_UNREAD_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "whereas.unread_tokenizer.v1"}}}


@cache
def load_nlp(model: str | None = None) -> Language:
    """Load ``model`` (default: :data:`DEFAULT_MODEL`) and add the whereas components.

    Any installed English pipeline with a parser and NER works: ``en_core_web_md``,
    ``en_core_web_lg`` or ``en_core_web_trf`` where the user has one.
    """
    name = model or DEFAULT_MODEL
    try:
        nlp = spacy.load(name, exclude=["senter", "tokenizer"], config=_UNREAD_TOKENIZER)
    except OSError as exc:
        raise WhereasError(None, f"spaCy model {name!r} is not installed: {str(exc).splitlines()[0]}") from exc
    folder: Any = nlp._path  # the folder spaCy loaded the model from
    nlp.tokenizer = _model_tokenizer(nlp, Path(folder) / "tokenizer")
    return add_whereas_pipes(nlp)
