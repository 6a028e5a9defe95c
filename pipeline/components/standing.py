"""The standing of each event a sentence mentions: asserted, reported, alleged, denied or demanded."""

from functools import cache
from typing import Any

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from pipeline.components.extensions import extension_key
from pipeline.facts import Standing
from pipeline.patterns import load_json
from pipeline.structure import BULLETS
from pipeline.treematch import _COLUMNS, _SENT_START, Parse

__all__ = ["StandingFinder", "standing_of", "negated", "words"]

#: each standing's value (an Enum's ``value`` is a property read)
_VALUES = {standing: standing.value for standing in Standing}

#: where ``doc._.events`` is kept in ``doc.user_data`` (what the Doc's ``_`` reads, without the Underscore object each
#: read of ``doc._`` makes; an extension without a value reads None)
_EVENTS = extension_key("events")

#: dependency labels through which an event stays the content of the clause above it
_CLAUSAL = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis", "relcl", "csubj", "pcomp", "acl", "appos"})
#: labels by which a demand or denial verb governs what it demands or denies
_GOVERNED = frozenset({"dobj", "xcomp", "ccomp", "pobj", "prep", "pcomp", "nsubjpass", "conj", "attr", "oprd"})


@cache
def words() -> dict[str, Any]:
    """The word lists of ``patterns/standing.json`` (sets of lemmas)."""
    raw = load_json("standing.json")
    return {k: (v if k in ("reporting_prepositions",) or k.startswith("_") else frozenset(v)) for k, v in raw.items()}


class _Ids:
    """The word lists of ``standing.json`` and the labels and tags the readers test, hashed as a parse's
    columns hold them (the readers compare hashes, not a Token's strings)."""

    def __init__(self) -> None:
        w = words()
        for key, value in w.items():
            if isinstance(value, frozenset):
                setattr(self, key, frozenset(get_string_id(v) for v in value))
        #: the first words of the reporting prepositions ("according" of "according to")
        self.reporting_firsts = frozenset(get_string_id(p[0]) for p in w["reporting_prepositions"] if p)
        self.every_preposition = any(not p for p in w["reporting_prepositions"])
        #: the (label, word) pairs of a child that asks whether or says may (see _negated)
        self.question_pairs = frozenset((_MARK, get_string_id(word)) for word in w["question_marks"])
        self.modal_pairs = frozenset((_AUX, get_string_id(word)) for word in w["modal_verbs"])


@cache
def _ids() -> Any:
    return _Ids()


def _id_set(*labels: str) -> frozenset[int]:
    return frozenset(get_string_id(label) for label in labels)


_DEP, _LOWER, _LEMMA, _POS = (_COLUMNS[a] for a in ("DEP", "LOWER", "LEMMA", "POS"))
#: the parse's columns the readers read (with the sentence starts of ``Parse.sentence``): not its texts (an action
#: item's verb is read off its Token), tags, norms, entity types or spaces
_READ = (_LOWER, _LEMMA, _POS, _DEP, _SENT_START)
_MARK, _AUX, _NEG, _DET, _THAT, _PREP, _NSUBJ, _CONJ, _ADVMOD, _BE, _CCOMP = (
    get_string_id(w) for w in ("mark", "aux", "neg", "det", "that", "prep", "nsubj", "conj", "advmod", "be", "ccomp")
)
_VERB, _NOUN = get_string_id("VERB"), get_string_id("NOUN")
_VERBAL = _id_set("VERB", "AUX")
_NOMINAL = _id_set("NOUN", "PROPN", "PRON")
_OBJECTS = _id_set("pobj", "dobj")
_NEGATED_HEAD_DEPS = _id_set("dobj", "xcomp", "pobj", "nsubjpass")
_ARGUMENT_DEPS = _id_set("nsubj", "nsubjpass", "dobj", "attr", "pobj", "prep", "compound", "amod")
_CLAUSAL_IDS = frozenset(get_string_id(w) for w in _CLAUSAL)
_GOVERNED_IDS = frozenset(get_string_id(w) for w in _GOVERNED)
_SUBJECTS = _id_set("nsubj", "nsubjpass")
_SAYING_DEPS = _id_set("parataxis", "ccomp")
_SAID_DEPS = _id_set("ccomp", "xcomp", "advcl", "parataxis")
_PREP_DEPS = _id_set("prep", "pcomp")
_ALLEGING_DEPS = _id_set("amod", "compound")
_COPULA_DEPS = _id_set("xcomp", "attr", "ccomp")
_CLAIM_DEPS = _id_set("acl", "ccomp", "xcomp", "conj")
_CLAIM_CLAUSE_DEPS = _id_set("acl", "ccomp")
_DENIED_DEPS = _id_set("dobj", "nsubjpass", "conj")


def negated(trigger: Token) -> bool:
    """ "was not arrested", "did not issue any statement", "no release", "pending his release": the
    text says the event did not (or not yet) take place, puts it ahead or asks whether it did."""
    return _negated(Parse(trigger.doc, _READ), trigger.i)


def _negated(parse: Parse, i: int) -> bool:
    """:func:`negated` of token ``i``, read off the parse."""
    ids = _ids()
    columns, heads, kids = parse.columns, parse.heads, parse.children
    deps, lowers = columns[_DEP], columns[_LOWER]
    if deps[i] in _OBJECTS and lowers[heads[i]] in ids.negation_heads:
        return True
    # (its children as (label, word), read once, looked up among the pairs that give a cue)
    children = [(deps[c], lowers[c]) for c in kids[i]]
    if not ids.question_pairs.isdisjoint(children):
        return True  # "have not disclosed whether he has been charged"
    if columns[_POS][i] == _VERB and not ids.modal_pairs.isdisjoint(children) and (_MARK, _THAT) not in children:
        return True  # "could be freed in early 2027": ahead, or possible only (not "so that he could be tried")
    head = heads[i] if deps[i] in _NEGATED_HEAD_DEPS else None
    negating = ids.negation_determiners
    for below in (kids[i], kids[head] if head is not None else ()):
        for c in below:
            if deps[c] == _NEG or (deps[c] == _DET and lowers[c] in negating):
                return True
    return False


def _clause_chain(parse: Parse, i: int) -> list[int]:
    """The event's word, the verb it belongs to, and the verbs whose clauses hold that one."""
    deps, poses, heads = parse.columns[_DEP], parse.columns[_POS], parse.heads
    chain = [i]
    tok = i
    # a noun trigger's clause is the verb it is an argument of ("the arrest took place")
    while deps[tok] in _ARGUMENT_DEPS and heads[tok] != tok:
        tok = heads[tok]
        if poses[tok] in _VERBAL:
            chain.append(tok)
            break
    while deps[tok] in _CLAUSAL_IDS and heads[tok] != tok:
        tok = heads[tok]
        chain.append(tok)
    return chain


def _reported(parse: Parse, chain: list[int]) -> str | None:
    w, ids = words(), _ids()
    strings = parse.doc.vocab.strings
    deps, lowers, lemmas, kids = parse.columns[_DEP], parse.columns[_LOWER], parse.columns[_LEMMA], parse.children
    for n, tok in enumerate(chain):
        for child in kids[tok]:
            dep = deps[child]
            if dep == _PREP and (ids.every_preposition or lowers[child] in ids.reporting_firsts):
                said = [strings[lowers[child]], *(strings[lowers[t]] for t in kids[child] if deps[t] in _PREP_DEPS)]
                if any(said[: len(p)] == p for p in w["reporting_prepositions"]):
                    return strings[lowers[child]]
            # "…, his lawyer said": a reporting verb commenting on the event's clause
            if dep in _SAYING_DEPS and lemmas[child] in ids.reporting_verbs and child > tok:
                if any(deps[c] in _SUBJECTS for c in kids[child]):
                    return strings[lemmas[child]]
        # "his lawyer said (that) he was arrested": the event's clause is what the verb says
        if n and lemmas[tok] in ids.reporting_verbs and deps[chain[n - 1]] in _SAID_DEPS:
            return strings[lemmas[tok]]
    return None


def _alleged(parse: Parse, i: int, chain: list[int]) -> str | None:
    ids = _ids()
    strings = parse.doc.vocab.strings
    columns, heads, kids = parse.columns, parse.heads, parse.children
    deps, lowers, lemmas = columns[_DEP], columns[_LOWER], columns[_LEMMA]
    below = kids[i]
    for children in (below, *(kids[tok] for tok in chain[1:2])):
        for child in children:
            if deps[child] == _ADVMOD and lowers[child] in ids.alleging_adverbs:
                return strings[lowers[child]]
    for child in below:
        if deps[child] in _ALLEGING_DEPS and lowers[child] in ids.alleging_adjectives:
            return strings[lowers[child]]
    # "accused of killing", "alleges that he was tortured"
    tok = i
    for _ in range(4):
        if heads[tok] == tok:
            break
        tok = heads[tok]
        if lemmas[tok] in ids.alleging_verbs:
            return strings[lemmas[tok]]
        if columns[_POS][tok] == _NOUN and tok != i:
            break
    return None


def _governed_by(
    parse: Parse, i: int, lemmas: frozenset[int], nouns: frozenset[int] = frozenset(), through_conj: bool = True
) -> str | None:
    """A verb (or noun) of ``lemmas`` (hashes) whose object is the event itself: the path up from the
    event passes through no other noun ("calls for the release of X", "urges them to release X",
    "denied that he was beaten"; not "calls for an investigation into the killing")."""
    strings = parse.doc.vocab.strings
    columns, heads, kids = parse.columns, parse.heads, parse.children
    deps, lemma_of, poses = columns[_DEP], columns[_LEMMA], columns[_POS]
    tok = i
    for _ in range(6):
        dep = deps[tok]
        if dep not in _GOVERNED_IDS or heads[tok] == tok or (dep == _CONJ and not through_conj):
            return None
        if dep == _CONJ and any(deps[c] in _SUBJECTS for c in kids[tok]):
            return None  # "X appealed against it, but the court upheld it": a clause of its own, not what is asked
        head = heads[tok]
        if lemma_of[head] in lemmas and poses[head] in _VERBAL:
            return strings[lemma_of[head]]
        if lemma_of[head] == _BE and dep in _COPULA_DEPS:  # "the remedy would be to release X"
            noun = next((c for c in kids[head] if deps[c] == _NSUBJ and lemma_of[c] in nouns), None)
            if noun is not None:
                return strings[lemma_of[noun]]
        if lemma_of[head] in nouns and poses[head] == _NOUN:
            return strings[lemma_of[head]]
        if poses[head] in _NOMINAL and head != i:
            return None
        tok = head
    return None


def _denied_claim(parse: Parse, i: int) -> str | None:
    """ "Police denied reports that X had been detained", "Claims that he was beaten were denied",
    "Rumours that X had been arrested proved false": the event told in the clause of a claim (a noun of
    ``denial_objects``) that a denial verb denies or the text says was false; the verb or the word
    of falsity is the cue."""
    w, ids = words(), _ids()
    doc, strings = parse.doc, parse.doc.vocab.strings
    columns, heads, kids = parse.columns, parse.heads, parse.children
    deps, lemmas, poses = columns[_DEP], columns[_LEMMA], columns[_POS]
    tok = i
    for _ in range(4):
        head = heads[tok]
        if head == tok or deps[tok] not in _CLAIM_DEPS:
            return None
        if (
            poses[head] == _NOUN
            and strings[lemmas[head]].lower() in w["denial_objects"]
            and deps[tok] in _CLAIM_CLAUSE_DEPS
        ):
            verb = heads[head]
            if deps[head] in _DENIED_DEPS and lemmas[verb] in ids.denial_verbs and poses[verb] == _VERB:
                return str(strings[lemmas[verb]])
            return _falsified(doc[head])
        if poses[head] == _VERB and deps[tok] == _CCOMP:  # "reports circulated that …": the claim is the verb's subject
            claim = next((c for c in kids[head] if deps[c] == _NSUBJ and lemmas[c] in ids.denial_objects), None)
            if claim is not None:
                return _falsified(doc[claim])
        tok = head
    return None


#: determiners that point back to a claim told before ("those reports", "any such arrest")
_POINTING = frozenset(("the", "those", "these", "such"))


def _falsified(claim: Token) -> str | None:
    """ "Rumours that … proved false", "reports that … ; whereas those reports proved unfounded": the
    falsity word a claim (or, later in the part, "those"/"the" same claim) is said to have; else None."""
    w = words()
    doc = claim.doc
    for noun in (claim, *(t for t in doc[claim.i + 1 :] if t.lemma_ == claim.lemma_ and t.dep_ == "nsubj")):
        if noun is not claim and not any(c.dep_ == "det" and c.lower_ in _POINTING for c in noun.children):
            continue
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.lemma_ not in w["falsity_verbs"]:
            continue
        said = [*verb.children, *(g for c in verb.children if c.dep_ in ("xcomp", "advcl") for g in c.children)]
        for c in said:  # "proved false", "turned out to be untrue"
            if c.lower_ in w["falsity_words"] and c.dep_ in ("acomp", "oprd", "attr"):
                return str(c.lower_)
    return None


def _denied_later(parse: Parse, i: int, chain: list[int]) -> str | None:
    """ "Reports circulated that X had been arrested. Police denied the reports the same day", "messages
    claimed that X had been detained. Police denied that any such arrest had taken place": an event told
    as a claim, which a later sentence of the part denies ("the reports", "any such arrest"); the verb
    that denies it, or None."""
    w, ids = words(), _ids()
    deps, lemmas, poses, kids = parse.columns[_DEP], parse.columns[_LEMMA], parse.columns[_POS], parse.children
    claimed = any(
        lemmas[tok] in ids.reporting_verbs
        or lemmas[tok] in ids.alleging_verbs
        or any(deps[c] == _NSUBJ and lemmas[c] in ids.denial_objects for c in kids[tok])
        for tok in chain[1:]
    )
    if not claimed:
        return None
    doc = parse.doc
    for v in range(parse.sentence(i)[1], len(doc)):
        if poses[v] != _VERB or lemmas[v] not in ids.denial_verbs:
            continue
        verb = doc[v]
        for c in verb.children:
            pointing = any(d.dep_ == "det" and d.lower_ in _POINTING for d in c.children)
            if c.dep_ == "dobj" and c.lemma_ in w["denial_objects"] and pointing:
                return str(verb.lemma_)  # "denied the reports"
            if c.dep_ == "ccomp" and any(t.lower_ == "such" and t.head.pos_ == "NOUN" for t in c.subtree):
                return str(verb.lemma_)  # "denied that any such arrest had taken place"
    return None


def _action_item(parse: Parse, chain: list[int]) -> str | None:
    """ "RFN calls on the authorities to: • release X and quash his conviction": an item of an action
    list, opening (after its bullet) on its own verb in lower case, with no subject, is what the list
    asks for; that verb is the cue."""
    doc = parse.doc
    top = doc[chain[-1]]
    if not top.text[:1].islower():
        return None
    if top.tag_ not in ("VB", "VBP"):
        return None  # an item's verb is bare ("release X"); "– having regard to …" is a citation
    i = top.i  # the item's first word: only spaces and bullets before it in its sentence
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
        if not (doc[i].is_space or doc[i].text in BULLETS):
            return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in top.children):
        return None
    return top.lower_


def standing_of(trigger: Token, event_type: str) -> tuple[Standing, str]:
    """The standing of the event ``trigger`` names, and the word that gives it ("" when asserted).

    The nearest cue wins in this order: negation (denied), a denial verb over the event, a demand
    over it, an alleging word, a reporting frame. A statement or a demand is the speaker's own act:
    only negation and allegation apply to it.
    """
    return _standing(Parse(trigger.doc, _READ), trigger.i, event_type)


def _standing(parse: Parse, i: int, event_type: str) -> tuple[Standing, str]:
    """:func:`standing_of` token ``i``, read off the parse."""
    w, ids = words(), _ids()
    if _negated(parse, i):
        return Standing.DENIED, "not"
    own_speech = event_type in w["own_speech_types"]
    chain = _clause_chain(parse, i)
    denial = (
        _governed_by(parse, i, ids.denial_verbs, through_conj=False)
        or _denied_claim(parse, i)
        or _denied_later(parse, i, chain)
    )
    if denial:
        return Standing.DENIED, denial
    if not own_speech:
        demand = _governed_by(parse, i, ids.demand_verbs, ids.demand_nouns) or _action_item(parse, chain)
        if demand:
            return Standing.DEMANDED, demand
    alleged = _alleged(parse, i, chain)
    if alleged:
        return Standing.ALLEGED, alleged
    if not own_speech:
        reported = _reported(parse, chain)
        if reported:
            return Standing.REPORTED, reported
    return Standing.ASSERTED, ""


class StandingFinder:
    """Adds ``standing`` (and ``standing_cue``) to every event ``whereas_events`` found."""

    def __init__(self, nlp: Language, name: str = "whereas_standing") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        data: dict[Any, Any] = doc.user_data  # (spaCy types its keys as strings)
        events = data.get(_EVENTS) or []  # doc._.events
        _annotate(events, _standings(doc, events))
        return doc

    def match(self, doc: Doc) -> list[tuple[Standing, str]]:
        return _standings(doc, doc._.events or [])

    def set_annotations(self, doc: Doc, found: list[tuple[Standing, str]]) -> None:
        _annotate(doc._.events or [], found)


def _standings(doc: Doc, events: list[dict]) -> list[tuple[Standing, str]]:
    """The standing of each of a Doc's events, and its cue (off the Doc's parse, read once)."""
    if not events:
        return []
    parse = Parse(doc, _READ)
    return [_standing(parse, ev["trigger"][0], ev["type"]) for ev in events]


def _annotate(events: list[dict], found: list[tuple[Standing, str]]) -> None:
    """Each event's ``standing`` (and ``standing_cue``)."""
    for ev, (standing, cue) in zip(events, found, strict=True):
        ev["standing"] = _VALUES[standing]
        if cue:
            ev["standing_cue"] = cue


@Language.factory("whereas_standing", requires=["doc._.events", "token.dep"], assigns=["doc._.events"])
def make_standing_finder(nlp: Language, name: str) -> StandingFinder:
    return StandingFinder(nlp, name)
