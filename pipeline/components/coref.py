"""whereas_coref: marks what points back to an actor and the cues coreference agrees on."""

import re
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from pipeline.components.columns import Columns
from pipeline.components.extensions import ACTOR_LABEL_IDS, ANAPHORS, PERSON_LABEL_ID, POSITIONS, extension_key
from pipeline.normalize.names import QUOTES
from pipeline.patterns import load_json
from pipeline.treematch import _COLUMNS, Parse

__all__ = ["CorefCues", "GROUP", "cue_key", "who_stands_for"]

#: label of an anaphor that points back to several people ("they", "the two men", "both")
GROUP = "Group"
_SUBJECT = ("nsubj", "nsubjpass", "csubj")
_OBJECT = ("dobj", "pobj", "dative", "attr", "oprd")
_COUPLE_ROLES = (*_SUBJECT, *_OBJECT, "poss")
#: the relative pronouns that stand for a person, and their LOWER hashes
_WHO = frozenset(get_string_id(w) for w in ("who", "whom"))
#: the parse's columns and the labels :func:`who_stands_for` reads (hashes, as the parse holds them)
_DEP, _LOWER = _COLUMNS["DEP"], _COLUMNS["LOWER"]
_CONJ, _RELCL = get_string_id("conj"), get_string_id("relcl")
_UP_TO_PERSON_DEPS = frozenset(get_string_id(d) for d in ("appos", "pobj", "prep", "compound", "conj"))


def cue_key(start: int, end: int) -> str:
    """The key of a span in ``doc._.coref``.

    >>> cue_key(3, 5)
    '3:5'
    """
    return f"{start}:{end}"


#: bodies whose name may be an office's ("the OSCE Representative on Freedom of the Media said she …")
_TITLED = frozenset({"InternationalOrganisation", "GovernmentBody", "Organisation"})


#: where ``doc._.coref`` is kept in ``doc.user_data`` (what the Doc's ``_`` reads and sets, without the Underscore
#: object each read of ``doc._`` makes)
_COREF = extension_key("coref")

#: the LOWER hash of "with" ("X, together with Y")
_WITH = get_string_id("with")


def _offices_at(doc: Doc) -> dict[int, Span]:
    """Token -> the office span (``doc.spans[POSITIONS]``) it lies in."""
    return {i: s for s in doc.spans.get(POSITIONS, []) for i in range(s.start, s.end)}


def who_stands_for(parse: Parse, verb: int, at: dict[int, Span]) -> Span | None:
    """The person a relative "who" opening the clause of the verb at token ``verb`` stands for, where the parser
    hung the clause on the last noun before it ("X, the founder of the daily Y, who was arrested …"): the first
    person (in ``at``, token -> actor span) up the apposition and "of" chain from that noun, read off ``parse``
    by token index."""
    heads, deps, lowers = parse.heads, parse.columns[_DEP], parse.columns[_LOWER]
    while deps[verb] == _CONJ and heads[verb] != verb:  # "…, who was arrested … and has been held"
        verb = heads[verb]
    if deps[verb] != _RELCL or not any(lowers[c] in _WHO for c in parse.children[verb]):
        return None
    tok = heads[verb]
    for _ in range(8):
        span = at.get(tok)
        if span is not None and span.label == PERSON_LABEL_ID:
            return span
        if deps[tok] not in _UP_TO_PERSON_DEPS or heads[tok] == tok:
            return None
        tok = heads[tok]
    return None


#: words that set a group apart from the people named before it ("four other lawyers", "more activists")
_OTHERS = frozenset({"other", "further", "more", "additional", "several"})


class CorefCues:
    """Adds descriptor, court, organisation and plural anaphors to ``doc.spans["whereas_anaphors"]``
    and writes, for every actor name and anaphor, the cues coreference agrees on.

    ``doc._.coref`` maps ``"start:end"`` to a plain dict: ``kind`` ("name", "pronoun",
    "descriptor", "group"), ``role`` (subj, obj, poss, other), ``gender`` ("m", "f" or ""),
    ``number`` ("sg", "pl"), ``nouns`` (what a person is called: "journalist", "applicant"),
    ``group`` (for a name: the first of the names listed with it, "A, B and C", "A together
    with B"), ``count`` (for a group: how many, "the two men"), ``not`` (spans the anaphor
    cannot be: the subject of its own clause, the name in apposition to "his wife, X").
    The cues are resolved across the document's parts by :mod:`pipeline.coref`.
    """

    def __init__(self, nlp: Language, name: str = "whereas_coref") -> None:
        self.name = name
        data = load_json("coref.json")
        self.pronouns = {w: tuple(v) for w, v in data["pronouns"].items()}
        self.gender_words = {w: g for g, words in data["gender_words"].items() for w in words}
        self.person_nouns = frozenset(data["person_nouns"])
        self.age = re.compile(data["age_noun"])
        self.group_words = frozenset(data["group_words"])
        self.speaker_nouns = frozenset(data["speaker_nouns"])
        #: "the couple", "the pair": the two spouses of the marriage told last (see pipeline.coref)
        self.couples = frozenset(load_json("relation_roles.json")["couples"])
        self.numbers = data["numbers"]
        self.court_nouns = frozenset(data["court_nouns"])
        self.org_nouns = {w: t for t, words in data["organisation_nouns"].items() for w in words}
        self.determiners = frozenset(data["determiners"])
        self.ordinals = tuple(data["ordinals"])  # in order: "first", "second", …
        #: an ordinal's word by its spelling, in words or figures ("1st" -> "first")
        self.ordinal_words = {**{w: w for w in self.ordinals}, **data["ordinal_numbers"]}
        #: LOWER and LEMMA hash -> whether a token with it may be an anaphor (see _candidates)
        self._by_lower: dict[int, bool] = {}
        self._by_lemma: dict[int, bool] = {}
        #: what a call reads once of its Doc (this component sets no entity): its LOWER and LEMMA columns
        #: and its actor entities
        self._reading: tuple[Doc, Columns, list[Span]] | None = None

    def __call__(self, doc: Doc) -> Doc:
        self._reading = (doc, Columns(doc, (LOWER, LEMMA)), [e for e in doc.ents if e.label in ACTOR_LABEL_IDS])
        try:
            self.set_annotations(doc, self.match(doc))
        finally:
            self._reading = None
        return doc

    def _of(self, doc: Doc) -> tuple[Columns, list[Span]]:
        """The Doc's LOWER and LEMMA columns and its actor entities, read once in a call."""
        if self._reading is not None and self._reading[0] is doc:
            return self._reading[1], self._reading[2]
        return Columns(doc, (LOWER, LEMMA)), [e for e in doc.ents if e.label in ACTOR_LABEL_IDS]

    # -- finding ----------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        """Every anaphor with its cues: the pronouns already marked, descriptors, plurals."""
        taken = {i for e in self._of(doc)[1] for i in range(e.start, e.end)}
        taken |= {i for s in doc.spans.get(POSITIONS, []) for i in range(s.start, s.end)}
        found: list[tuple[Span, dict]] = []
        anaphors = list(doc.spans.get(ANAPHORS, []))  # (each read of the group makes its Spans anew)
        marked = {s.start for s in anaphors}
        for span in anaphors:
            found.append((span, {}))
        for i in self._candidates(doc):
            if i in taken or i in marked:  # (most pronouns are marked already: no Token made for them)
                continue
            tok = doc[i]
            low = tok.lower_
            if low in self.pronouns and tok.pos_ in ("PRON", "DET") and self.pronouns[low][1] == "pl":
                found.append((Span(doc, tok.i, tok.i + 1, label=GROUP), {"kind": "group"}))
            elif low in self.group_words and tok.pos_ in ("PRON", "DET", "NOUN") and tok.dep_ in _SUBJECT + _OBJECT:
                found.append((Span(doc, tok.i, tok.i + 1, label=GROUP), {"kind": "group", "count": 2}))
            elif low in self.numbers and tok.pos_ == "NUM" and tok.dep_ in _SUBJECT + _OBJECT:
                alls = [c for c in tok.lefts if c.lower_ in ("all", "the")]
                if alls:  # "charged all six with …", "the trial of the three": a group by its count alone
                    cues = {"kind": "group", "count": self.numbers[low]}
                    found.append((Span(doc, alls[0].i, tok.i + 1, label=GROUP), cues))
            elif tok.lemma_.lower() in self.speaker_nouns and tok.tag_ == "NNS" and tok.dep_ in _SUBJECT:
                dets = [c for c in tok.lefts if c.dep_ == "det" and c.i == tok.i - 1]  # "the experts", "UN experts"
                cues = {"kind": "group", "nouns": [tok.lemma_.lower()], "speakers": 1}
                found.append((Span(doc, dets[0].i if dets else tok.i, tok.i + 1, label=GROUP), cues))
            elif tok.lemma_.lower() in self.couples and tok.pos_ == "NOUN" and tok.tag_ == "NN":
                dets = [c for c in tok.lefts if c.dep_ == "det" and c.lower_ in ("the", "this")]
                if dets and tok.dep_ in _COUPLE_ROLES:  # "The couple were detained", "the couple's home"
                    cues = {"kind": "group", "nouns": ["couple"], "count": 2}
                    found.append((Span(doc, dets[0].i, tok.i + 1, label=GROUP), cues))
            else:
                described = self._descriptor(doc, tok, taken)
                if described is not None:
                    found.append(described)
        return found

    def _candidates(self, doc: Doc) -> list[int]:
        """The tokens that may be anaphors, in order: a pronoun or group word, or a word ``_descriptor``
        reads (a person's, court's or organisation's noun, an age); read off the Doc's arrays."""
        if not len(doc):
            return []
        strings, by_lower, by_lemma = doc.vocab.strings, self._by_lower, self._by_lemma
        out = []
        columns = self._of(doc)[0]
        for i, (low, lemma) in enumerate(zip(columns[LOWER], columns[LEMMA], strict=True)):
            may = by_lower.get(low)
            if may is None:
                word = strings[low]
                may = by_lower[low] = (
                    word in self.pronouns
                    or word in self.group_words
                    or word in self.numbers
                    or bool(self.age.match(word))
                )
            if not may:
                may = by_lemma.get(lemma)
                if may is None:
                    word = strings[lemma].lower()
                    may = by_lemma[lemma] = (
                        self._person_noun(word) is not None
                        or word in self.court_nouns
                        or word in self.org_nouns
                        or word in self.couples
                        or word in self.speaker_nouns
                    )
            if may:
                out.append(i)
        return out

    def _descriptor(self, doc: Doc, tok: Token, taken: set[int]) -> tuple[Span, dict] | None:
        """ "the 34-year-old journalist", "the applicant", "the two men", "that court", "the paper"."""
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN") or tok.dep_ in ("compound", "amod", "appos", "nmod"):
            if not (tok.dep_ == "nmod" and any(c.dep_ == "case" for c in tok.children)):
                return None  # (but "the applicants’ trial": a possessive the parser took for a modifier)
        lemma = tok.lemma_.lower()
        if tok.tag_ == "NNPS":
            lemma = self._person_noun(lemma) or lemma
        is_age = bool(self.age.match(tok.lower_))
        if not (lemma in self.person_nouns or is_age or lemma in self.court_nouns or lemma in self.org_nouns):
            return None
        left = [c for c in tok.lefts]
        if (
            tok.i > 0
            and doc[tok.i - 1].dep_ == "mark"
            and doc[tok.i - 1].lower_ == "that"
            and doc[tok.i - 1] not in left
        ):
            left.insert(0, doc[tok.i - 1])  # the parser may hang that "that" on the verb
        dets = [
            c
            for c in left
            if c.dep_ in ("det", "predet") or (c.dep_ == "mark" and c.lower_ == "that" and c.i == tok.i - 1)
        ]  # "On 28 June that court acquitted him": the parser may take "that" for a clause's mark
        if len(dets) > 1 and dets[0].lower_ == "all":
            dets = dets[1:]  # "all the above-mentioned persons": the determiner after "all"
        ahead = False  # "sentenced five journalists of X to …": the people the text names next
        if not dets or dets[0].lower_ not in self.determiners | self.group_words:
            same = any(c.lower_ == "same" for c in left) and any(c.lower_ == "the" for c in left)
            counted = [c for c in left if c.dep_ == "nummod" and self.numbers.get(c.lower_, 0) > 2]
            ahead = bool(counted) and not dets and tok.tag_ == "NNS" and lemma in self.person_nouns
            if not same and not (ahead and tok.dep_ in _SUBJECT + _OBJECT):
                return None
        if any(c.dep_ == "poss" for c in left):
            return None
        if any(c.lower_ in _OTHERS for c in left):
            return None  # "four other lawyers have been prosecuted": people the text has not named, not those it has
        start = min([c.i for c in left] + [tok.i])
        if any(i in taken for i in range(start, tok.i + 1)):
            return None
        nxt = tok.i + 1
        while nxt < len(doc) and doc[nxt].text in QUOTES:
            nxt += 1
        if nxt < len(doc) and (nxt in taken or doc[nxt].pos_ == "PROPN" or doc[nxt].is_title):
            return None  # "the journalist Anna Novak": a name with its cue, not an anaphor
        for child in tok.rights:
            if (child.dep_ == "appos" and (child.i in taken or child.pos_ == "PROPN")) or (
                child.dep_ == "prep"
                and child.lower_ == "of"
                and not ahead
                and (lemma not in self.person_nouns or any(o.i in taken or o.pos_ == "PROPN" for o in child.children))
            ):
                return None  # "the lawyer, X", "the court of X": not pointing back ("the applicant of Y" charge is)
        span_label, cues = "Person", dict[str, object]({"kind": "descriptor", "nouns": [lemma]})
        count = next((self.numbers[c.lower_] for c in left if c.lower_ in self.numbers), None)
        if lemma in self.court_nouns:
            span_label = "Court"
        elif lemma in self.org_nouns and lemma not in self.person_nouns:
            span_label = self.org_nouns[lemma]
        elif tok.tag_ in ("NNS", "NNPS") or count or (dets and dets[0].lower_ in self.group_words):
            span_label, cues = GROUP, {"kind": "group", "nouns": [lemma], "count": count or 0}
        rank = self._rank(tok)
        if rank and span_label == "Person":
            cues["rank"] = rank  # "the second applicant": the one the text introduced so
        ranks = self._ordinals(tok) if lemma in self.person_nouns else []
        if ranks and span_label == GROUP:
            cues["ranks"] = ranks  # "the first and fourth applicants": those the text introduced so
        if ahead:
            cues["ahead"] = 1
        if is_age:
            cues["nouns"] = []
        if lemma in self.gender_words:
            cues["gender"] = self.gender_words[lemma]
        return Span(doc, start, tok.i + 1, label=span_label), cues

    def _person_noun(self, lemma: str) -> str | None:
        """The person noun a lemma is, or its plural ("both Applicants": the model keeps a capitalised
        plural as its own lemma)."""
        if lemma in self.person_nouns:
            return lemma
        return lemma[:-1] if lemma.endswith("s") and lemma[:-1] in self.person_nouns else None

    # -- cues -------------------------------------------------------------------------------
    def _rank(self, tok: Token) -> str:
        """ "the first applicant", "the second defendant": the ordinal and the noun, which name one
        party of a case as the text introduced it ("The first applicant, X, is ...")."""
        lemma = tok.lemma_.lower()
        if lemma not in self.person_nouns:
            return ""
        ordinal = self._ordinals(tok)
        return f"{ordinal[0]} {lemma}" if len(ordinal) == 1 else ""

    def _ordinals(self, tok: Token) -> list[str]:
        """The ordinals before a noun ("the First Applicant", "the first, second and fourth applicants")."""
        out = []
        for c in tok.lefts:
            if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in self.ordinal_words:
                out += [self.ordinal_words[x.lower_] for x in (c, *c.conjuncts) if x.lower_ in self.ordinal_words]
        return sorted(set(out), key=self.ordinals.index)

    def _role(self, tok: Token) -> str:
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:  # "A and B were arrested": B is a subject too
            if tok.dep_ == "appos" and tok.head.lower_ not in self.gender_words:
                break  # "Her lawyer, X, appealed": a noun that does not tell X's gender leaves X in the background
            tok = tok.head  # "The couple's son, X, was arrested": so is the name the noun of kin stands beside
        if tok.dep_ in _SUBJECT:
            return "subj"
        if tok.dep_ in _OBJECT:
            return "obj"
        if tok.dep_ == "poss":
            return "poss"
        return "other"

    def _name_cues(self, doc: Doc, ent: Span, root: Token) -> dict:
        """A name's gender (its title, "his wife, X") and the nouns it is known by (``root``: the name's root, which
        each read of ``ent.root`` finds anew)."""
        gender, nouns, ranks = "", [], []
        i = ent.start - 1
        while i >= 0 and doc[i].pos_ == "PROPN" and doc[i].lower_ not in self.gender_words and ent.start - i < 3:
            i -= 1
        if i >= 0 and doc[i].text == ",":
            i -= 1
        if i >= 0 and doc[i].lower_ in self.gender_words and doc[i].pos_ in ("PROPN", "NOUN"):
            gender = self.gender_words[doc[i].lower_]
        if i >= 0 and (doc[i].lemma_.lower() in self.person_nouns or doc[i].lower_ in self.person_nouns):
            nouns.append(doc[i].lemma_.lower())
        heads = [root.head] if root.dep_ == "appos" else []
        children = list(root.children)  # (each walk of root.children makes its Tokens anew)
        # (not "X, her son Y said" parsed with "son" in apposition to X: a noun with a name of its own is that name's)
        heads += [c for c in children if c.dep_ == "appos" and not _named_apart(doc, c, ent)]
        # "the Second Applicant, Ms X," however parsed: the noun before the comma before the name
        heads += [c for c in children if c.dep_ == "nmod" and c.i < ent.start and doc[c.i + 1].text == ","]
        listed_names = root.dep_ == "conj" or any(c.dep_ == "conj" for c in children)
        for h in heads:
            low = h.lemma_.lower()
            if listed_names and any(c.dep_ == "conj" for c in h.children):
                continue  # "A and B, brother and sister,": whose is which noun the parse does not say
            if not gender and low in self.gender_words:
                gender = self.gender_words[low]
            if low in self.person_nouns:
                nouns.append(low)
                rank = self._rank(h)
                if rank:
                    ranks.append(rank)
            for c in h.children:  # "a senior reporter": the noun's own compound or amod
                if c.dep_ in ("compound",) and c.lemma_.lower() in self.person_nouns:
                    nouns.append(c.lemma_.lower())
        for c in children:  # "investigative journalist X" parsed as a compound
            if c.dep_ in ("compound", "amod") and c.i < ent.start and c.lemma_.lower() in self.person_nouns:
                nouns.append(c.lemma_.lower())
        listed = self._listed_rank(root)
        if listed:
            ranks.append(listed)
        out: dict[str, object] = {"gender": gender, "nouns": sorted(set(nouns))}
        if ranks:
            out["rank"] = sorted(set(ranks))
        return out

    def _listed_rank(self, root: Token) -> str:
        """ "The applicants are A, B, C and D", "The applicants, A and B, are …": the place of a name in
        the list that introduces the parties of a case gives its rank ("the third applicant")."""
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ == "appos":
            parties = first.head
        elif first.dep_ == "attr":
            parties = next((c for c in first.head.children if c.dep_ in ("nsubj", "nsubjpass")), first)
        else:
            return ""
        lemma = parties.lemma_.lower()
        if parties.tag_ not in ("NNS", "NNPS") or lemma not in self.person_nouns:
            return ""
        members = sorted([first, *first.conjuncts], key=lambda t: t.i)
        place = next((n for n, t in enumerate(members) if t.i == root.i), None)
        if place is None or len(members) < 2 or place >= len(self.ordinals):
            return ""
        return f"{self.ordinals[place]} {lemma}"

    def _group_of(self, doc: Doc, ent: Span, at: dict[int, Span], root: Token) -> str:
        """The first of the people listed together with this one: "A, B and C", "A together with B" (``root``:
        the name's root)."""
        members = [ent]
        for conj in root.conjuncts:
            if conj.i in at:
                members.append(at[conj.i])
        if _WITH not in self._of(doc)[0][LOWER]:  # (most parts have no "with")
            return _first_of(members)
        head = root.head
        with_word = None
        if (
            root.dep_ == "pobj"
            and head.lower_ == "with"
            and any(c.lower_ in ("together", "along") for c in head.children)
        ):
            with_word = head
        if with_word is not None:  # "arrested X, together with Y": the verb's own people
            verb = with_word.head
            for c in verb.children:
                if c.i in at and c.dep_ in (*_SUBJECT, "dobj"):
                    members.append(at[c.i])
                    members += [at[x.i] for x in c.conjuncts if x.i in at]
        for c in verb_children(root):  # "X, together with Y, was arrested": Y hangs on X's verb
            if c.lower_ == "with" and any(x.lower_ in ("together", "along") for x in c.children):
                for pobj in c.children:
                    if pobj.i in at:
                        members.append(at[pobj.i])
        return _first_of(members)

    def _not_antecedents(self, doc: Doc, tok: Token, at: dict[int, Span]) -> list[str]:
        """What a pronoun cannot point to: the subject of its own clause ("she was denied access to
        him"), the name in apposition to what it owns ("his wife, X")."""
        out = []
        if tok.dep_ == "poss":
            for c in tok.head.children:
                if c.dep_ == "appos" and c.i in at:
                    out.append(cue_key(at[c.i].start, at[c.i].end))
            owner = tok.head.head
            # "the second applicant, his wife,": not her own (but "X, her son Y said": the noun is Y's)
            if tok.head.dep_ == "appos" and owner.i in at and not _named_apart(doc, tok.head, at[owner.i]):
                out.append(cue_key(at[owner.i].start, at[owner.i].end))
            nxt = tok.head.i + 1
            if nxt < len(doc) and nxt in at and at[nxt].start == nxt:  # "his brother Jamshed X"
                out.append(cue_key(at[nxt].start, at[nxt].end))
        elif tok.dep_ in _OBJECT:
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            for c in verb.children:
                if c.dep_ in _SUBJECT and c.i != tok.i:  # the subject, or the name in apposition to it
                    for s in (c, *(a for a in c.children if a.dep_ == "appos")):  # ("Her colleague, X, drives her")
                        if s.i in at:
                            out.append(cue_key(at[s.i].start, at[s.i].end))
                            break
        return out

    def _unnamed_subject(self, doc: Doc, tok: Token, at: dict[int, Span], gender: str) -> bool:
        """ "His wife told reporters …. “…,” she said": whether the pronoun is the person a noun of kin with
        a possessive and no name beside it stands for (someone the text does not name): the subject of the
        main clause before it in its sentence, or in the sentence before where its own has none outside a
        quotation, with that noun's gender."""
        if not gender:
            return False

        def said(first: int, end: int, own: bool) -> list[Token]:
            """The subjects of tokens ``first``-``end`` outside a quotation closed before ``end``."""
            quotes = [t.i for t in doc[first:end] if t.text in ('"', "“", "”")]
            if own and len(quotes) == 1 and doc[quotes[0]].text != "“":  # a quotation opened in the sentence before
                quotes.insert(0, first)
            inside = range(quotes[0], quotes[-1]) if len(quotes) >= 2 else range(0)
            return [
                t
                for t in doc[first:end]
                if t.dep_ in _SUBJECT and t.pos_ in ("NOUN", "PROPN", "PRON") and t.i not in inside and t.i != tok.i
            ]

        subjects = said(tok.sent.start, tok.i, True)
        if not subjects and tok.sent.start > 0:
            before = doc[tok.sent.start - 1].sent
            subjects = said(before.start, before.end, False)
        main = [t for t in subjects if t.head.dep_ == "ROOT"]  # the main clause's ("His wife told … that he …")
        last = (main or subjects)[-1] if subjects else None
        return bool(
            last is not None
            and last.pos_ == "NOUN"
            and last.i not in at
            and self.gender_words.get(last.lemma_.lower()) == gender
            and any(c.dep_ == "poss" for c in last.children)
            and not any(c.dep_ == "appos" for c in last.children)
        )

    @staticmethod
    def _subject_after(doc: Doc, tok: Token, at: dict[int, Span]) -> str:
        """ "Following her visit to X, the Special Rapporteur recommended …", "After his release, Y said …": a
        possessive in a phrase opening the sentence, before its verb's subject, is that subject (a person
        named, or an office); "the Special Rapporteur said she was alarmed": the subject of a clause an office
        says is that office; its cue key, or "" where the sentence is not so."""
        if tok.dep_ == "nsubj" and tok.lower_ in ("he", "she") and tok.head.dep_ == "ccomp":
            # "the OSCE Representative said she was alarmed and urged …": the office that says it
            offices = _offices_at(doc)
            for c in tok.head.head.children:
                if c.dep_ != "nsubj" or c.i > tok.i or any(a.dep_ == "appos" and a.i in at for a in c.children):
                    continue
                # an office, or a title the model typed as a body ("the OSCE Representative on …")
                named = at.get(c.i)
                office = offices.get(c.i) or (named if named is not None and named.label_ in _TITLED else None)
                if office is not None:
                    return cue_key(office.start, office.end)
            return ""
        if tok.dep_ != "poss" or tok.lower_ not in ("his", "her"):
            return ""
        phrase = tok.head
        while phrase.dep_ in ("pobj", "dobj") and phrase.head.i != phrase.i:
            phrase = phrase.head
        verb = phrase.head
        if phrase.dep_ not in ("prep", "advcl", "npadvmod") or verb.pos_ not in ("VERB", "AUX"):
            return ""
        offices = _offices_at(doc)
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i > phrase.right_edge.i:
                people = [at[t.i] for t in (c, *(a for a in c.children if a.dep_ == "appos")) if t.i in at]
                named = next((p for p in people if p.label_ == "Person"), None) or offices.get(c.i)
                if named is not None:  # the name, or the one in apposition to the office ("…, Y, said")
                    return cue_key(named.start, named.end)
        if verb.i > tok.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            before = verb.i - 2 if doc[verb.i - 1].text == "," else verb.i - 1  # a subject the parser lost: the
            named = at.get(before)  # name right before the verb ("…, the Special Rapporteur, Y, said")
            if named is not None and named.label_ == "Person" and named.end == before + 1 and named.start > tok.i:
                return cue_key(named.start, named.end)
        return ""

    def set_annotations(self, doc: Doc, found: list[tuple[Span, dict]]) -> None:
        spans = [s for s, _ in found]
        names = self._of(doc)[1]
        at: dict[int, Span] = {}
        for span in spans + names:
            for i in range(span.start, span.end):
                at[i] = span
        cues: dict[str, dict] = {}
        # "X, president of the Y Council, who was detained": X is the subject of the clause "who" opens
        lowers = self._of(doc)[0][LOWER]
        subjects: set[int] = set()
        if not _WHO.isdisjoint(lowers):  # (most parts have no "who": their parse is not read)
            parse = Parse(doc)
            for i, word in enumerate(lowers):
                if word in _WHO and doc[i].dep_ in _SUBJECT:
                    person = who_stands_for(parse, parse.heads[i], at)
                    if person is not None:
                        subjects.add(person.start)
        for ent in names:
            root = ent.root
            role = "subj" if ent.start in subjects else self._role(root)
            entry: dict[str, object] = {"kind": "name", "role": role, "number": "sg"}
            if ent.label_ == "Person":
                entry.update(self._name_cues(doc, ent, root))
                group = self._group_of(doc, ent, at, root)
                if group:
                    entry["group"] = group
            cues[cue_key(ent.start, ent.end)] = entry
        for span, extra in found:
            tok = span.root
            low = tok.lower_
            entry = {"kind": "pronoun", "role": self._role(tok), "number": "sg", "gender": ""}
            if low in self.pronouns:
                entry["gender"], entry["number"] = self.pronouns[low]
            entry.update(extra)
            if entry.get("kind") == "group":
                entry["number"] = "pl"
            if entry["kind"] == "pronoun":
                entry["not"] = self._not_antecedents(doc, tok, at)
                then = self._subject_after(doc, tok, at)
                if then:
                    entry["then"] = then
                before = tok.head.head if tok.dep_ == "poss" and tok.head.dep_ == "conj" else None
                if before is not None and before.i in at and at[before.i].label_ == "Person":
                    entry["listed"] = cue_key(at[before.i].start, at[before.i].end)  # "A, B and her brother": B
                if tok.dep_ in _SUBJECT and self._unnamed_subject(doc, tok, at, str(entry["gender"])):
                    entry["unnamed"] = "1"
            cues[cue_key(span.start, span.end)] = entry
        if spans:  # (none found: the group ``whereas_actors`` set holds none either, and stays as it is)
            doc.spans[ANAPHORS] = sorted(spans, key=lambda s: s.start)
        data: dict[Any, Any] = doc.user_data  # (spaCy types its keys as strings)
        data[_COREF] = cues  # doc._.coref = cues


def _first_of(members: list[Span]) -> str:
    """The cue key of the first person of a group of ``members``, where they are two people or more, else ""."""
    people = sorted({(m.start, m.end) for m in members if m.label_ == "Person"})
    return cue_key(*people[0]) if len(people) > 1 else ""


def _named_apart(doc: Doc, noun: Token, owner: Span) -> bool:
    """Whether a noun in apposition to ``owner`` has a person's name of its own beside it ("X, her son Y said"
    parsed with "son" in apposition to X): the noun is that name's, not the owner's."""
    named = [c.i for c in noun.children if c.dep_ == "appos"] + [noun.i + 1]
    return any(i < len(doc) and doc[i].ent_type_ == "Person" and not owner.start <= i < owner.end for i in named)


def verb_children(tok: Token) -> list[Token]:
    """The children of the verb a noun hangs on (for "X, together with Y, was arrested")."""
    verb = tok.head
    return [c for c in verb.children if c.i != tok.i] if tok.dep_ in (*_SUBJECT, "dobj") else []


@Language.factory("whereas_coref", requires=["doc.ents", "token.dep"], assigns=["doc.spans", "doc._.coref"])
def make_coref_cues(nlp: Language, name: str) -> CorefCues:
    return CorefCues(nlp, name)
