"""The standing of each event a sentence mentions: asserted, reported, alleged, denied or demanded."""

from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.facts import Standing
from pipeline.patterns import load_json
from pipeline.structure import BULLETS

__all__ = ["StandingFinder", "standing_of", "negated", "words"]

#: dependency labels through which an event stays the content of the clause above it
_CLAUSAL = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis", "relcl", "csubj", "pcomp", "acl", "appos"})
#: labels by which a demand or denial verb governs what it demands or denies
_GOVERNED = frozenset({"dobj", "xcomp", "ccomp", "pobj", "prep", "pcomp", "nsubjpass", "conj", "attr", "oprd"})


@cache
def words() -> dict[str, Any]:
    """The word lists of ``patterns/standing.json`` (sets of lemmas)."""
    raw = load_json("standing.json")
    return {k: (v if k in ("reporting_prepositions",) or k.startswith("_") else frozenset(v)) for k, v in raw.items()}


def negated(trigger: Token) -> bool:
    """ "was not arrested", "did not issue any statement", "no release", "pending his release": the
    text says the event did not (or not yet) take place, puts it ahead or asks whether it did."""
    w = words()
    if trigger.dep_ in ("pobj", "dobj") and trigger.head.lower_ in w["negation_heads"]:
        return True
    # (its children as (label, word), read once: a token's children are found by a walk over its subtree)
    children = [(c.dep_, c.lower_) for c in trigger.children]
    if any(dep == "mark" and word in w["question_marks"] for dep, word in children):
        return True  # "have not disclosed whether he has been charged"
    if (
        trigger.pos_ == "VERB"
        and any(dep == "aux" and word in w["modal_verbs"] for dep, word in children)
        and ("mark", "that") not in children
    ):
        return True  # "could be freed in early 2027": ahead, or possible only (not "so that he could be tried")
    head = trigger.head if trigger.dep_ in ("dobj", "xcomp", "pobj", "nsubjpass") else None
    for below in (children, [(c.dep_, c.lower_) for c in head.children] if head is not None else []):
        if any(dep == "neg" or (dep == "det" and word in w["negation_determiners"]) for dep, word in below):
            return True
    return False


def _clause_chain(trigger: Token) -> list[Token]:
    """The event's word, the verb it belongs to, and the verbs whose clauses hold that one."""
    chain = [trigger]
    tok = trigger
    # a noun trigger's clause is the verb it is an argument of ("the arrest took place")
    while (
        tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "prep", "compound", "amod") and tok.head.i != tok.i
    ):
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            chain.append(tok)
            break
    while tok.dep_ in _CLAUSAL and tok.head.i != tok.i:
        tok = tok.head
        chain.append(tok)
    return chain


def _reported(chain: list[Token]) -> str | None:
    w = words()
    for n, tok in enumerate(chain):
        for child in tok.children:
            if child.dep_ == "prep":
                said = [child.lower_, *(t.lower_ for t in child.children if t.dep_ in ("prep", "pcomp"))]  # read once
                if any(said[: len(p)] == p for p in w["reporting_prepositions"]):
                    return child.lower_
            # "…, his lawyer said": a reporting verb commenting on the event's clause
            if child.dep_ in ("parataxis", "ccomp") and child.lemma_ in w["reporting_verbs"] and child.i > tok.i:
                if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                    return child.lemma_
        # "his lawyer said (that) he was arrested": the event's clause is what the verb says
        if n and tok.lemma_ in w["reporting_verbs"] and chain[n - 1].dep_ in ("ccomp", "xcomp", "advcl", "parataxis"):
            return tok.lemma_
    return None


def _alleged(trigger: Token, chain: list[Token]) -> str | None:
    w = words()
    below = list(trigger.children)  # (chain[0]; read once: each walk of Token.children scans the subtree)
    for children in (below, *(tok.children for tok in chain[1:2])):
        for child in children:
            if child.dep_ == "advmod" and child.lower_ in w["alleging_adverbs"]:
                return child.lower_
    for child in below:
        if child.dep_ in ("amod", "compound") and child.lower_ in w["alleging_adjectives"]:
            return child.lower_
    # "accused of killing", "alleges that he was tortured"
    tok = trigger
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lemma_ in w["alleging_verbs"]:
            return tok.lemma_
        if tok.pos_ == "NOUN" and tok.i != trigger.i:
            break
    return None


def _governed_by(
    trigger: Token, lemmas: frozenset[str], nouns: frozenset[str] = frozenset(), through_conj: bool = True
) -> str | None:
    """A verb (or noun) of ``lemmas`` whose object is the event itself: the path up from the
    event passes through no other noun ("calls for the release of X", "urges them to release X",
    "denied that he was beaten"; not "calls for an investigation into the killing")."""
    tok = trigger
    for _ in range(6):
        if tok.dep_ not in _GOVERNED or tok.head.i == tok.i or (tok.dep_ == "conj" and not through_conj):
            return None
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return None  # "X appealed against it, but the court upheld it": a clause of its own, not what is asked
        head = tok.head
        if head.lemma_ in lemmas and head.pos_ in ("VERB", "AUX"):
            return head.lemma_
        if head.lemma_ == "be" and tok.dep_ in ("xcomp", "attr", "ccomp"):  # "the remedy would be to release X"
            noun = next((c for c in head.children if c.dep_ == "nsubj" and c.lemma_ in nouns), None)
            if noun is not None:
                return noun.lemma_
        if head.lemma_ in nouns and head.pos_ == "NOUN":
            return head.lemma_
        if head.pos_ in ("NOUN", "PROPN", "PRON") and head.i != trigger.i:
            return None
        tok = head
    return None


def _denied_claim(trigger: Token) -> str | None:
    """ "Police denied reports that X had been detained", "Claims that he was beaten were denied",
    "Rumours that X had been arrested proved false": the event told in the clause of a claim (a noun of
    ``denial_objects``) that a denial verb denies or the text says was false; the verb or the word
    of falsity is the cue."""
    w = words()
    tok = trigger
    for _ in range(4):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in ("acl", "ccomp", "xcomp", "conj"):
            return None
        if head.pos_ == "NOUN" and head.lemma_.lower() in w["denial_objects"] and tok.dep_ in ("acl", "ccomp"):
            verb = head.head
            if head.dep_ in ("dobj", "nsubjpass", "conj") and verb.lemma_ in w["denial_verbs"] and verb.pos_ == "VERB":
                return str(verb.lemma_)
            return _falsified(head)
        if head.pos_ == "VERB" and tok.dep_ == "ccomp":  # "reports circulated that …": the claim is the verb's subject
            claim = next((c for c in head.children if c.dep_ == "nsubj" and c.lemma_ in w["denial_objects"]), None)
            if claim is not None:
                return _falsified(claim)
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


def _denied_later(trigger: Token, chain: list[Token]) -> str | None:
    """ "Reports circulated that X had been arrested. Police denied the reports the same day", "messages
    claimed that X had been detained. Police denied that any such arrest had taken place": an event told
    as a claim, which a later sentence of the part denies ("the reports", "any such arrest"); the verb
    that denies it, or None."""
    w = words()
    claimed = any(
        tok.lemma_ in w["reporting_verbs"]
        or tok.lemma_ in w["alleging_verbs"]
        or any(c.dep_ == "nsubj" and c.lemma_ in w["denial_objects"] for c in tok.children)
        for tok in chain[1:]
    )
    if not claimed:
        return None
    doc = trigger.doc
    for verb in doc[trigger.sent.end :]:
        if verb.pos_ != "VERB" or verb.lemma_ not in w["denial_verbs"]:
            continue
        for c in verb.children:
            pointing = any(d.dep_ == "det" and d.lower_ in _POINTING for d in c.children)
            if c.dep_ == "dobj" and c.lemma_ in w["denial_objects"] and pointing:
                return str(verb.lemma_)  # "denied the reports"
            if c.dep_ == "ccomp" and any(t.lower_ == "such" and t.head.pos_ == "NOUN" for t in c.subtree):
                return str(verb.lemma_)  # "denied that any such arrest had taken place"
    return None


def _action_item(chain: list[Token]) -> str | None:
    """ "RFN calls on the authorities to: • release X and quash his conviction": an item of an action
    list, opening (after its bullet) on its own verb in lower case, with no subject, is what the list
    asks for; that verb is the cue."""
    top = chain[-1]
    if not top.text[:1].islower():
        return None
    doc, i = top.doc, top.i  # the item's first word: only spaces and bullets before it in its sentence
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
    w = words()
    if negated(trigger):
        return Standing.DENIED, "not"
    own_speech = event_type in w["own_speech_types"]
    chain = _clause_chain(trigger)
    denial = (
        _governed_by(trigger, w["denial_verbs"], through_conj=False)
        or _denied_claim(trigger)
        or _denied_later(trigger, chain)
    )
    if denial:
        return Standing.DENIED, denial
    if not own_speech:
        demand = _governed_by(trigger, w["demand_verbs"], w["demand_nouns"]) or _action_item(chain)
        if demand:
            return Standing.DEMANDED, demand
    alleged = _alleged(trigger, chain)
    if alleged:
        return Standing.ALLEGED, alleged
    if not own_speech:
        reported = _reported(chain)
        if reported:
            return Standing.REPORTED, reported
    return Standing.ASSERTED, ""


class StandingFinder:
    """Adds ``standing`` (and ``standing_cue``) to every event ``whereas_events`` found."""

    def __init__(self, nlp: Language, name: str = "whereas_standing") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events or []  # read once (each doc._ read makes an Underscore)
        _annotate(events, _standings(doc, events))
        return doc

    def match(self, doc: Doc) -> list[tuple[Standing, str]]:
        return _standings(doc, doc._.events or [])

    def set_annotations(self, doc: Doc, found: list[tuple[Standing, str]]) -> None:
        _annotate(doc._.events or [], found)


def _standings(doc: Doc, events: list[dict]) -> list[tuple[Standing, str]]:
    """The standing of each of a Doc's events, and its cue."""
    return [standing_of(doc[ev["trigger"][0]], ev["type"]) for ev in events]


def _annotate(events: list[dict], found: list[tuple[Standing, str]]) -> None:
    """Each event's ``standing`` (and ``standing_cue``)."""
    for ev, (standing, cue) in zip(events, found, strict=True):
        ev["standing"] = standing.value
        if cue:
            ev["standing_cue"] = cue


@Language.factory("whereas_standing", requires=["doc._.events", "token.dep"], assigns=["doc._.events"])
def make_standing_finder(nlp: Language, name: str) -> StandingFinder:
    return StandingFinder(nlp, name)
