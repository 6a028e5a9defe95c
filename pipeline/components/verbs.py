"""whereas_verbs: an event's verb the parser read as an adjective is made its clause's verb again.

The small English parser reads the wire story's opening clause "A court in Almaty on Tuesday jailed
journalist X for seven years" as a noun phrase: "jailed" an adjective (``amod``) of "journalist", "court"
the root, X the object of "on". It does so in about a fifth of such clauses when a role noun
("journalist", "opposition activist") stands between the verb and the name ("Police on Tuesday detained
activist X"), and then no rule sees an event. The tagger still reads the word as a verb (past tense or
participle): where it is one of the event patterns' verbs, with a subject before it and no finite verb
between, the clause is rebuilt around it — the subject its ``nsubj``, the noun phrase after it its
``dobj``, the date before it and the phrases after the object its own.

It also gives back a verb's subject the parser hung on a participle phrase set off by commas between them
("the Court of X, acting on a petition by Y, ordered …": "Court" the subject of "acting", "ordered" none).
"""

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from pipeline.components.lemmas import trigger_lemmas
from pipeline.normalize.dates import is_weekday

__all__ = ["VerbRepair"]

_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_PAST = frozenset({"VBD", "VBN"})
_AMOD, _NSUBJ, _ADVCL = get_string_id("amod"), get_string_id("nsubj"), get_string_id("advcl")
#: what the parser hung on the subject or on its root that follows the object and is the verb's own
_CLAUSE_DEPS = frozenset({"prep", "punct", "npadvmod", "advmod", "advcl", "agent", "cc", "conj"})


class VerbRepair:
    """Rebuilds the clause of an event verb the parser hung on the noun after it as an adjective.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Police on Tuesday detained journalist Ivo Brel .".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=["NNS", "IN", "NNP", "VBD", "NN", "NNP", "NNP", "."],
    ...           pos=["NOUN", "ADP", "PROPN", "VERB", "NOUN", "PROPN", "PROPN", "PUNCT"],
    ...           lemmas=["police", "on", "Tuesday", "detain", "journalist", "Ivo", "Brel", "."],
    ...           heads=[6, 0, 1, 4, 6, 6, 6, 6], deps=["nsubj", "prep", "pobj", "amod", "compound", "compound", "ROOT", "punct"])
    >>> [(t.text, t.dep_, t.head.text) for t in VerbRepair(frozenset({"detain"}))(doc) if t.dep_ != "compound"]
    [('Police', 'nsubj', 'detained'), ('on', 'prep', 'detained'), ('Tuesday', 'pobj', 'on'), ('detained', 'ROOT', 'detained'), ('Brel', 'dobj', 'detained'), ('.', 'punct', 'detained')]
    """

    def __init__(self, verbs: frozenset[str]) -> None:
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        changes: dict[int, tuple[int, str]] = {}
        deps = doc.to_array([DEP])
        for i in numpy.flatnonzero(deps == _AMOD).tolist():
            verb = doc[i]
            if verb.tag_ in _PAST and verb.lemma_ in self.verbs and verb.head.i > i:
                changes.update(_rebuilt(doc, verb) or {})
        if (deps == _ADVCL).any():  # (a subject lent to a participle only where a clause hangs on a verb)
            for i in numpy.flatnonzero(deps == _NSUBJ).tolist():
                changes.update(_lent_subject(doc[i]) or {})
        if changes:
            _apply(doc, changes)
        return doc


def _object(verb: Token) -> Token | None:
    """The head of the noun phrase the verb opens: "jailed [opposition activist] X" -> X."""
    obj = verb.head
    while obj.dep_ in ("compound", "amod", "nmod") and obj.head.i > obj.i:
        obj = obj.head
    return obj if obj.pos_ in ("NOUN", "PROPN") else None


def _dated(tok: Token) -> bool:
    """ "last week", "on Tuesday", "on 3 May": a date phrase of the clause."""
    return tok.dep_ == "npadvmod" or (
        tok.dep_ == "prep"
        and any(c.dep_ == "pobj" and (c.ent_type_ == "DATE" or is_weekday(c.text) or c.like_num) for c in tok.children)
    )


def _rebuilt(doc: Doc, verb: Token) -> dict[int, tuple[int, str]] | None:
    """The new (head, dep) of each token the verb's clause moves, or None where it is an adjective."""
    obj = _object(verb)
    if obj is None or doc[verb.i - 1].pos_ not in ("NOUN", "PROPN", "NUM"):
        return None  # "the verdict against jailed journalist X", "the court's jailed …": an adjective
    sent = verb.sent
    before = doc[sent.start : verb.i]
    if any(t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX") for t in before):
        return None  # "the court heard jailed journalist X": the clause has its verb
    subject = next(
        (
            t
            for t in before
            if t.pos_ in _NOMINAL
            and t.ent_type_ != "DATE"
            and not is_weekday(t.text)
            # a noun as the root or a clause ("ccomp") stands where the lost verb's clause did
            and (t.dep_ in ("ROOT", "nsubj", "nsubjpass", "ccomp") or verb.i <= t.head.i <= obj.i)
        ),
        None,
    )
    if subject is None:
        return None
    inside = subject.dep_ == "ROOT" or verb.i <= subject.head.i <= obj.i  # hung on the verb or its phrase
    if not inside and subject.head.pos_ in ("VERB", "AUX"):
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c != subject for c in subject.head.children):
            return None  # "relatives of detained journalist X demanded …": the clause's verb is another
    new = {verb.i: (verb.i, "ROOT") if inside else (subject.head.i, "ccomp")}
    new[subject.i] = (verb.i, "nsubj")
    new[obj.i] = (verb.i, "dobj")
    clause = {subject.i, sent.root.i} if inside else {subject.i}
    for t in sent:
        if t.i in new:
            continue
        head = t.head.i
        if t.i > obj.i and head in clause and t.dep_ in _CLAUSE_DEPS:
            new[t.i] = (verb.i, t.dep_)  # "… journalist X for seven years."
        elif t.i < verb.i and head in clause | {obj.i} and _dated(t):
            new[t.i] = (verb.i, t.dep_)  # "… on Tuesday jailed …"
        elif t.i < subject.i and verb.i <= head <= obj.i:
            new[t.i] = (subject.i, t.dep_)  # "[A] Minsk court jailed journalist X": the subject's own word
        elif t.i < verb.i and verb.i <= head <= obj.i:  # "on [Friday] sentenced journalist X"
            prep = doc[t.i - 1]
            if prep.dep_ == "prep" and not any(c.dep_ == "pobj" and c != obj for c in prep.children):
                new[t.i] = (prep.i, "pobj")
                new[prep.i] = (verb.i, "prep")
            else:
                new[t.i] = (verb.i, "npadvmod")
    return new


def _lent_subject(subject: Token) -> dict[int, tuple[int, str]] | None:
    """ "the Court of X, acting on a petition by Y, ordered the dissolution of Z": the parser hangs the subject
    on the participle set off by commas before the verb, and the verb has none. The subject is the verb's."""
    clause = subject.head
    verb = clause.head
    if (
        clause.dep_ != "advcl"
        or clause.tag_ not in ("VBG", "VBN")
        or not subject.i < clause.i < verb.i
        or subject.doc[clause.i - 1].text != ","
        or verb.pos_ != "VERB"
        or verb.tag_ not in _FINITE
        or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
    ):
        return None
    return {subject.i: (verb.i, "nsubj")}


def _apply(doc: Doc, changes: dict[int, tuple[int, str]]) -> None:
    """Write the new heads and labels, unless they would make a cycle (then the parse stays)."""
    heads = [changes[t.i][0] if t.i in changes else t.head.i for t in doc]
    for i in changes:
        seen, k = set(), i
        while heads[k] != k:
            if k in seen:
                return
            seen.add(k)
            k = heads[k]
    rows = numpy.zeros((len(doc), 2), dtype="uint64")
    rows[:, 0] = (numpy.array(heads, dtype="int64") - numpy.arange(len(doc), dtype="int64")).view("uint64")
    rows[:, 1] = [doc.vocab.strings.add(changes[t.i][1]) if t.i in changes else t.dep for t in doc]
    doc.from_array([HEAD, DEP], rows)  # type: ignore[arg-type]  # uint64 columns, as to_array gives them


@Language.factory("whereas_verbs", requires=["token.dep", "token.tag", "token.lemma"], assigns=["token.dep"])
def make_verb_repair(nlp: Language, name: str) -> VerbRepair:
    return VerbRepair(trigger_lemmas())
