"""The lemmas of the genre's hyphenated verbs, which the model's lemmatizer does not know.

"re-arrested" comes out of spaCy's English rules as "re-arreste" ("co-founded" as "co-founde"), so
neither the event triggers (``events.jsonl``: "re-arrest"), the actor typer's person verbs ("X was
re-arrested") nor the relation links ("co-found") see it.
A hyphenated verb whose inflected form, its ending taken off, is a verb the pattern files name
gets that verb as its lemma, right after the model's lemmatizer.
"""

from spacy.attrs import ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc

from pipeline.patterns import load_json, load_jsonl

__all__ = ["HyphenatedLemmas", "hyphenated_verbs", "trigger_lemmas"]

#: the endings of a regular English verb, longest first ("re-arrested", "re-arrests", "re-arresting")
_ENDINGS = ("ing", "ed", "es", "s", "d", "")


def trigger_lemmas() -> frozenset[str]:
    """The lemmas the event patterns (``events.jsonl``) name."""
    words: set[str] = set()
    for entry in load_jsonl("events.jsonl"):
        for node in entry["pattern"]:
            spec = node.get("RIGHT_ATTRS", {}).get("LEMMA")
            words.update([spec] if isinstance(spec, str) else spec.get("IN", []) if isinstance(spec, dict) else [])
    return frozenset(words)


def hyphenated_verbs() -> frozenset[str]:
    """The hyphenated verbs the event triggers, the person verbs of ``type_cues.json`` and the role verbs of
    ``relation_roles.json`` ("co-found") name."""
    words = set(trigger_lemmas())
    cues = load_json("type_cues.json")
    words.update(cues["person_verbs"], cues["person_subject_verbs"], cues["person_passive_verbs"])
    words.update(w for verbs in load_json("relation_roles.json")["verbs"].values() for w in verbs)
    return frozenset(w for w in words if "-" in w)


class HyphenatedLemmas:
    """Sets the lemma of a hyphenated verb the lemmatizer misread ("re-arreste" -> "re-arrest").

    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), ["was", "re-arrested"], pos=["AUX", "VERB"], lemmas=["be", "re-arreste"])
    >>> HyphenatedLemmas(frozenset({"re-arrest"}))(doc)[1].lemma_
    're-arrest'
    """

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        """The verbs are found off the Doc's POS and ORTH arrays: a Token object only for a hyphenated verb."""
        strings = doc.vocab.strings
        for i, (pos, orth) in enumerate(doc.to_array([POS, ORTH]).tolist() if len(doc) else ()):
            if pos != VERB or "-" not in strings[orth]:
                continue
            tok = doc[i]
            if tok.lemma_ in self.verbs:
                continue
            low = tok.text.lower()
            base = next((low[: -len(e)] for e in _ENDINGS if low.endswith(e) and low[: -len(e)] in self.verbs), None)
            if base is not None:
                tok.lemma_ = base
        return doc


@Language.factory("whereas_lemmas", requires=["token.lemma", "token.pos"], assigns=["token.lemma"])
def make_hyphenated_lemmas(nlp: Language, name: str) -> HyphenatedLemmas:
    return HyphenatedLemmas(hyphenated_verbs())
