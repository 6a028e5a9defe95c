"""whereas_relations: relations between actors (spouse, member, leader…) and the offices people hold."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import NOUN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from pipeline.anchored import PatternGate, WordGate, holds_any  # noqa: F401 (holds_any: the gate's plain form)
from pipeline.components.actors import CONTACT_CARD, LABELLED, W_CONTEXT
from pipeline.components.columns import Columns
from pipeline.components.extensions import (
    ACTOR_LABEL_IDS,
    ACTOR_LABELS,
    ANAPHORS,
    PERSON_LABEL_ID,
    POSITIONS,
    extension_key,
)
from pipeline.components.gazetteer import city_population, lookup, position_label
from pipeline.normalize.names import QUOTES, is_acronym, tidy_name
from pipeline.patterns import load_json, load_jsonl
from pipeline.treematch import Parse, TreeMatcher

__all__ = ["RelationFinder", "expand_pattern", "ORGANISATIONS", "DESCRIBED", "COUPLES"]

#: span group: persons named as someone's relative, lawyer or colleague by a pronoun ("his lawyer, X"); a Doc
#: naming no one so has none (``doc.spans.get(DESCRIBED, [])``)
DESCRIBED = "whereas_described"

#: nouns for two spouses, whose relative is each one's ("the couple's son")
COUPLES = frozenset(load_json("relation_roles.json")["couples"])
#: "the opposition X Party", "the weekly X": words before a name the parser may take for the object in its place
NAME_OPENERS = frozenset(load_json("relation_roles.json")["name_openers"])
#: entity labels of organisations (anything an actor can lead, work for or belong to)
ORGANISATIONS = sorted(ACTOR_LABELS - {"Person", "Place", "Country"})
#: what a person is "of" as its staff or member ("X of the Y newspaper"); a court is an office's
_PERSONS_OF = frozenset(set(ORGANISATIONS) - {"Court"})
#: organisations whose offices are roles in them, not public offices
_CIVIL = frozenset({"NGO", "Organisation", "PoliticalParty", "MediaOutlet"})
_CIVIL_KINDS = sorted(_CIVIL)
#: what "its" or "the organisation" may stand for: courts have no staff, members or editors in this genre
_REFERABLE = sorted(set(ORGANISATIONS) - {"Court"})
_PLACEHOLDERS = {
    "@Person": ["Person"],
    "@Organisation": ORGANISATIONS,
    "@Actor": sorted(ACTOR_LABELS - {"Place"}),
}
_KIN = ("spouseOf", "relativeOf")
#: bodies whose offices are public ones
_PUBLIC = ("InternationalOrganisation", "GovernmentBody")
_PUBLIC_IDS = frozenset(get_string_id(label) for label in _PUBLIC)
#: how a role's modifiers are attached: they may make a leader staff ("deputy", "advocacy")
_MODIFIER_DEPS = ("amod", "compound", "nmod")
#: where an adjective stands as a noun would: "X, secretary-general of Y" (appos), "X is secretary-general",
#: "he has been secretary-general of Y" (acomp)
_NOMINAL_DEPS = ("appos", "attr", "acomp", "conj", "pobj", "nsubj", "ROOT")
#: where ``doc._.actor_cues`` and ``doc._.relations`` are kept in ``doc.user_data`` (what the Doc's ``_`` reads and sets,
#: without the Underscore object each read of ``doc._`` makes; an extension without a value reads None)
_ACTOR_CUES, _RELATIONS = extension_key("actor_cues"), extension_key("relations")
#: the dependency labels _links_read follows, hashed as a parse's columns hold them
_CONJ, _ATTR = get_string_id("conj"), get_string_id("attr")
#: the checks a link rule may ask of its matches (relations.jsonl), read by RelationFinder._link_kept
_LINK_CHECKS = (
    "role_first",
    "holder_then_comma",
    "holder_before",
    "closed",
    "shared_subject",
    "after_comma",
    "holder_after_comma",
)


def expand_pattern(pattern: list) -> list[dict]:
    """A relation pattern with its "@Kind" placeholders spelled out as token patterns.

    >>> expand_pattern(["@Person", {"LOWER": "and"}])
    [{'ENT_TYPE': {'IN': ['Person']}, 'OP': '+'}, {'LOWER': 'and'}]
    """
    return [{"ENT_TYPE": {"IN": _PLACEHOLDERS[t]}, "OP": "+"} if isinstance(t, str) else t for t in pattern]


def _links_read(parse: Parse, candidates: list[int]) -> set[int]:
    """The role words whose links ``_roles`` may read for the role words ``candidates``: each candidate's own, those
    of the words it is coordinated with (``_related``), its head's (a compound's: "a member state of the AU") and
    those of the attributes of its head's head ("X was its editor-in-chief, Y a columnist")."""
    heads, children, deps = parse.heads, parse.children, parse.column("DEP")
    read: set[int] = set()
    for i in candidates:
        read.add(i)
        j = i
        while deps[j] == _CONJ and heads[j] != j:
            j = heads[j]
            read.add(j)
        read.update(k for k in children[i] if deps[k] == _CONJ)
        read.add(heads[i])
        read.update(k for k in children[heads[heads[i]]] if deps[k] == _ATTR)
    return read


@dataclass
class _Links:
    """What the link patterns found for one role word: holders and objects (token, confidence, via)."""

    holders: list[tuple[Token, float]] = field(default_factory=list)
    objects: list[tuple[Token, float, str]] = field(default_factory=list)


class RoleLexicon:
    """The words of ``relation_roles.json``: which relation a role noun or verb names."""

    def __init__(self, data: dict) -> None:
        self.nouns = {w: kind for kind, words in data["nouns"].items() for w in words}
        self.verbs = {w: kind for kind, words in data["verbs"].items() for w in words}
        self.prepositional = set(data["prepositional_verbs"])
        self.promote = set(data["promote"])
        self.promote_nouns = set(data["promote_nouns"])
        self.leader_modifiers = set(data["leader_modifiers"])
        self.media = set(data["media_roles"])
        self.lawyers = set(data["lawyer_roles"])
        self.practices = set(data["lawyer_practices"])
        self.titles = set(data["titles"])
        self.office_roles = set(data["office_roles"])
        self.joint_action = set(data["joint_action"])
        self.offices = set(data["offices"])
        self.references = data["references"]
        self.wide = set(data["wide_references"])
        self.deputies = set(data["deputies"])
        self.elected_heads = set(data["elected_heads"])
        #: a deputy written as one word with its head ("vice-president", "vice-chair"): the head it deputises
        self.hyphened_deputies = {
            prefix + head: head for prefix in self.deputies if prefix.endswith("-") for head in self.elected_heads
        }
        self.nouns.update({word: self.nouns[head] for word, head in self.hyphened_deputies.items()})
        self.peers = set(data["peers"])
        self.units = set(data["units"])
        # a title or rank between an office and its holder's name ("the Minister of Justice, Dr X", "the Minister
        # of Interior, Major General Y"): the words that stand before a person's name (type_cues.json)
        cues = load_json("type_cues.json")
        self.titles_before_names = set(cues["titles"]) | set(cues["before_name"]["Person"])
        self.definite_leaders = set(data["definite_leaders"])
        self.party_roles = set(data["party_roles"])
        self.not_in_office = set(data["not_in_office"])

    def noun(self, tok: Token) -> str | None:
        """The lexicon's form of a role noun ("journalists" -> "journalist"; "General" in "Secretary
        General" -> "secretary general"), or None; None too for the first word of a two-word role."""
        if tok.dep_ == "compound" and self.pair(tok.head) is not None:
            return None
        pair = self.pair(tok)
        if pair is not None:
            return pair
        for form in (tok.lower_, tok.lemma_.lower()):
            if form in self.nouns or form in self.offices:
                return form
        return None

    def pair(self, tok: Token) -> str | None:
        """The two-word role a noun ends with its compound ("secretary general", "staff members")."""
        for child in tok.lefts:
            if child.dep_ == "compound" and child.i == tok.i - 1:
                for form in (tok.lower_, tok.lemma_.lower()):
                    if f"{child.lower_} {form}" in self.nouns:
                        return f"{child.lower_} {form}"
        return None

    def verb(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        return lemma if tok.pos_ in ("VERB", "AUX") and lemma in self.verbs else None


#: the possessives that stand for a person, never for the organisation a part belongs to ("his office")
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "my", "our", "your"})

#: a person's age as a word: "27-year-old", "41-year-old"
_AGE = re.compile(r"^\d{1,3}-year-old$")


def descriptor(tok: Token) -> bool:
    """Whether a noun stands for a person named before by their age: "the 41-year-old", "The
    34-year-old journalist" (with "the" and no name of its own)."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    if any(c.dep_ in ("appos", "compound") and c.ent_type_ for c in tok.children):
        return False
    return bool(_AGE.match(tok.text)) or any(c.dep_ == "amod" and _AGE.match(c.text) for c in tok.children)


class _Index:
    """The actor mention, pronoun or reference a token stands for."""

    def __init__(self, doc: Doc, references: dict | None = None) -> None:
        self.doc = doc
        self.references = references or {}
        self.ents: dict[int, Span] = {}
        #: the ORTH, LOWER and LEMMA columns the gates of the matchers read, in one array when first asked for
        self.columns = Columns(doc, (ORTH, LOWER, LEMMA))
        #: the actor entities, in order (read once: each read of doc.ents makes every Span anew)
        self.actors = [ent for ent in doc.ents if ent.label in ACTOR_LABEL_IDS]
        for ent in self.actors:
            for i in range(ent.start, ent.end):
                self.ents[i] = ent
        # (each read makes the Spans; most Docs have no group of anaphors, which spans.get finds by a KeyError caught)
        persons = [s for s in doc.spans[ANAPHORS] if s.label == PERSON_LABEL_ID] if ANAPHORS in doc.spans else []
        self.pronouns = {s.start: s for s in persons}
        #: "The 34-year-old journalist": a descriptor the coreference stage resolves, by each of its tokens
        self.descriptors = {i: s for s in persons if len(s) > 1 for i in range(s.start, s.end)}

    def with_references(self, references: dict) -> "_Index":
        """The same index, reading ``references`` ("the newspaper", "its founder") too."""
        other = object.__new__(type(self))  # copy(self), without its generic (and slower) protocol
        other.__dict__.update(self.__dict__)
        other.references = references
        return other

    def actor(self, tok: Token) -> Span | None:
        return self.ents.get(tok.i)

    def _named(self, tok: Token) -> Span | None:
        """The actor a token lies in, or the name in apposition to it ("the newspaper El Centinela")."""
        if tok.i in self.ents:
            return self.ents[tok.i]
        after = self.ents.get(tok.i + 1)
        if (
            after is not None
            and after.start == tok.i + 1
            and tok.pos_ == "NOUN"
            and (tok.lower_ in self.references or tok.lemma_.lower() in self.references)
            and after.label_ not in ("Person", "Place", "Country")
        ):
            return after  # "the channel Kafue TV" however parsed: the name right after its kind
        if (
            after is not None
            and after.start == tok.i + 1
            and tok.lower_ in NAME_OPENERS
            and after.label_ not in ("Person", "Place", "Country")
        ):
            return after  # "the chairman of the opposition Civic Dawn Party", the parser's object "opposition"
        for child in tok.children:
            if child.dep_ in ("appos", "compound", "amod", "nmod") and child.i in self.ents:
                return self.ents[child.i]
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.i in self.ents:
            # "X, an independent journalist who reported for Y", "the Z Centre, an organisation chaired by W"
            return self.ents[tok.head.i]
        edge = tok.left_edge.i
        if (
            tok.pos_ == "NOUN"
            and (tok.lower_ in self.references or tok.lemma_.lower() in self.references)
            and edge >= 2
            and self.doc[edge].lower_ in ("a", "an")
            and self.doc[edge - 1].text == ","
            and edge - 2 in self.ents
            and self.ents[edge - 2].end == edge - 1
            and self.ents[edge - 2].label_ not in ("Person", "Place", "Country")
        ):
            return self.ents[edge - 2]  # "the Z Centre, an organisation chaired by W" however parsed
        kinds = self.references.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" and tok.right_edge == tok else None
        if kinds and tok.i + 2 < len(self.doc) and self.doc[tok.i + 1].text == ",":
            # "the leader of the main opposition party, the Y Party (YP), was …": the name in apposition to the
            # noun of its kind, however parsed (the parser hangs it on the person)
            start = tok.i + 3 if self.doc[tok.i + 2].lower_ == "the" else tok.i + 2
            named = self.ents.get(start)
            if (
                named is not None
                and named.start == start
                and named.label_ in kinds
                and (named.end == len(self.doc) or self.doc[named.end].text in (",", "(", ".", ";", ")"))
            ):
                return named
        return None

    def _referred_before(self, tok: Token, references: dict) -> Token | None:
        """The reference noun before "its" in its sentence that stands for the organisation, where no
        organisation is named between them: "the party's deputy leader under its chairman" (the party's)."""
        for t in reversed(self.doc[tok.sent.start : tok.i]):
            named = self.ents.get(t.i)
            if named is not None and named.label_ not in ("Person", "Place", "Country"):
                return None
            kinds = references.get(t.lemma_.lower()) if t.pos_ == "NOUN" else None
            if kinds and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                return t
        # none in its sentence: the reference noun one of the two sentences before is about, their subject ("The
        # organisation began by … the police and the Rapid Action Battalion. She became its executive director")
        start = tok.sent.start
        for _ in range(2):
            if start == 0:
                return None
            before = self.doc[start - 1].sent
            subject = next((t for t in before if t.dep_ == "nsubj" and t.head == before.root), None)
            if subject is not None and (
                subject.i in self.ents or subject.i + 1 in self.ents or any(c.i in self.ents for c in subject.children)
            ):
                return None  # a sentence about a named actor ("The daily newspaper X employed …"): its own topic
            if (
                subject is not None
                and subject.pos_ == "NOUN"
                and references.get(subject.lemma_.lower())
                and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
            ):
                return subject
            start = before.start
        return None

    def holder(self, tok: Token, person_only: bool) -> tuple[Span, list | None] | None:
        """The person (or, for a membership, any actor but a place) a holder token stands for."""
        if tok.i in self.pronouns:
            return self.pronouns[tok.i], [["Person"]]
        if tok.i not in self.ents and tok.i in self.descriptors:  # "The 34-year-old journalist, who …"
            return self.descriptors[tok.i], None
        if tok.i not in self.ents and descriptor(tok):  # "the 41-year-old": the person named before
            return self.doc[tok.i : tok.i + 1], [["Person"]]
        span = self._named(tok)
        if (
            span is None
            and tok.pos_ == "PROPN"
            and tok.is_title
            and tok.is_alpha
            and tok.dep_ in ("nsubj", "nsubjpass")
            and not any(c.dep_ in ("compound", "det") for c in tok.children)
        ):
            # "In 2008 Céspedes co-founded …": a surname the model did not read as a name, that of a person
            # named before (doc_to_facts looks for them)
            return self.doc[tok.i : tok.i + 1], [["surname"]]
        if span is None and not person_only:  # "The organization … is a member of the coalition"
            found = self.target(tok, False, False, self.references)
            return found if found is not None and found[1] is not None else None
        if span is None or (span.start > 0 and self.doc[span.start - 1].text == "("):
            return None  # "(DRPT)": an abbreviation, not a second actor
        if (
            span.label_ == "Person"
            or (not person_only and span.label_ not in ("Place",))
            or (span.label_ == "Organisation" and not span.kb_id_)
        ):
            return span, None  # a name the model took for an organisation: the role says it is a person
        return None

    def target(self, tok: Token, kin: bool, media: bool, references: dict) -> tuple[Span, list | None] | None:
        """The actor a role is of: a name, "his"/"her", "its"/"their"/"whose", or "the paper"."""
        if tok.i in self.pronouns:
            return (self.pronouns[tok.i], [["Person"]]) if kin else None
        lower = tok.lower_
        if lower == "whose":  # "the Coalition, whose advocacy director, X,": the phrase's antecedent
            for above in list(tok.head.ancestors)[:3]:
                named = self._named(above)
                if named is not None:
                    return (named, None) if (named.label_ == "Person") == kin else None
            before = self.ents.get(tok.i - 2) if tok.i >= 2 and self.doc[tok.i - 1].text == "," else None
            if before is not None and before.end == tok.i - 1 and before.label_ not in ("Place", "Country"):
                # "the channel X, whose director, Y, is …": the name right before, however the clause was parsed
                return (before, None) if (before.label_ == "Person") == kin else None
            return None
        span = self._named(tok)
        if span is not None:
            if kin and span.label_ != "Person" and (span.label_ != "Organisation" or span.kb_id_):
                return None
            return span, None
        if kin:
            if tok.i in self.descriptors:  # "the journalist's wife": whom the descriptor stands for
                return self.descriptors[tok.i], None
            if tok.lemma_.lower() in COUPLES and any(c.lower_ == "the" for c in tok.children):
                return self.doc[tok.i : tok.i + 1], [["couple"]]  # "the couple's son": the spouses named before
            if lower == "their":  # "X is married to Y. … Their daughter, Z,": the spouses told just before
                return self.doc[tok.i : tok.i + 1], [["couple", "near"]]
            return None
        if lower in ("its", "their"):
            # a civil body's role ("its director", "its national coordinator") before a state's: the ministry
            # whose orders closed an outlet is not what "its director" is of
            civil = [_CIVIL_KINDS] if tok.is_sent_start else []  # "Its director, X, …" opening a sentence
            prefer = [["MediaOutlet"], *civil, _REFERABLE] if media else [*civil, _REFERABLE]
            noun = self._referred_before(tok, references)
            if noun is not None:  # "the network's director … and its finance officer": what "the network" is
                return self.doc[noun.i : noun.i + 1], [references[noun.lemma_.lower()], *prefer]
            return self.doc[tok.i : tok.i + 1], prefer
        kinds = references.get(tok.lemma_.lower()) or references.get(lower)
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
            return None  # "the Birlik movement": a name the text gives, not one named before
        if kinds and tok.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that", "same") for c in tok.children):
            return self.doc[tok.i : tok.i + 1], [kinds]
        return None


class RelationFinder:
    """Relations from role words linked by the parse, token patterns, and offices next to names.

    A role word ("wife", "editor-in-chief", "activist", "runs") names a relation; the link
    patterns of ``relations.jsonl`` find the person it describes (the holder: "X, a reporter
    for …", "his wife, X", "X is …", "camera operator X") and the actor it is of (the object:
    "… of Z", "Z's …", "his …", "its …", "a Z researcher"). An office ("High Representative",
    "opposition leader") right before a person's name, or in apposition to it, is a
    ``holdsPosition``.
    """

    def __init__(self, nlp: Language, name: str = "whereas_relations") -> None:
        self.name = name
        self.lexicon = RoleLexicon(load_json("relation_roles.json"))
        # patterns are not validated at each load: tests/test_treematch.py validates every one with spaCy
        self.matcher = Matcher(nlp.vocab)
        # the link patterns run only on a Doc holding a role word (any form noun() or verb() could take): their
        # matches count only at a role word and at the tokens of its tree
        self.links = TreeMatcher(nlp.vocab)  # the parse walked from each first node's words
        self._link_rank: dict[int, int] = {}  # a link rule's place in relations.jsonl, by match id
        rooted: set[int] = set()  # the link rules whose first node is the role word, by match id
        nouns = set(self.lexicon.nouns) | self.lexicon.offices
        self._role_forms = frozenset(nouns | {w.split()[-1] for w in nouns} | set(self.lexicon.verbs))
        #: the tokens that may be role words (noun() or verb() is None for any other): the only ones _roles reads
        self._role_gate = WordGate(self._role_forms)
        self.rules: dict[str, dict] = {}
        self._rule_of: dict[int, dict] = {}  # the rules by their keys' ids, the match ids of the matchers
        self._link_nodes: dict[int, list[str]] = {}  # a link rule's node names, in its pattern's order, by match id
        self._link_checks: dict[int, tuple[str, ...]] = {}  # the checks a link rule's matches must pass, by match id
        self._role_place: dict[int, int] = {}  # where a link rule's role node stands among its nodes, by match id
        self.rosters: list[dict] = []
        self._roster_marks: list[list[list[int]]] = []  # per roster rule, the words of each mark after a body (ORTH)
        self._matcher_gate = PatternGate()  # a Doc without the words some token pattern needs: no run
        #: per token pattern whose matches count only at the Doc's start ("at_start"), the words (ORTH or LOWER hashes)
        #: its first token must have: a Doc opening on none of them needs no run for it (most parts hold "by" and ",")
        self._first_words: list[tuple[int, frozenset[int]]] = []
        for n, rule in enumerate(load_jsonl("relations.jsonl")):
            key = f"relation-{n}"
            self.rules[key] = self._rule_of[get_string_id(key)] = rule
            if "roster" in rule:
                self.rosters.append(rule)
                self._roster_marks.append([[get_string_id(w) for w in mark.split()] for mark in rule["after"]])
            elif "link" in rule:
                self.links.add(key, [self._expand_link(rule["pattern"])])
                self._link_rank[get_string_id(key)] = len(self._link_rank)
                if rule["pattern"][0]["RIGHT_ID"] == "role":
                    rooted.add(get_string_id(key))
                self._link_nodes[get_string_id(key)] = [node["RIGHT_ID"] for node in rule["pattern"]]
                self._link_checks[get_string_id(key)] = tuple(c for c in _LINK_CHECKS if rule.get(c))
                self._role_place[get_string_id(key)] = self._link_nodes[get_string_id(key)].index("role")
            else:
                self.matcher.add(key, [expand_pattern(rule["pattern"])], greedy="LONGEST")
                first = _first_words(rule["pattern"]) if rule.get("at_start") else None
                if first is not None:
                    self._first_words.append(first)
                else:
                    self._matcher_gate.add(expand_pattern(rule["pattern"]))
        #: the link rules walked only from the role words whose links are read (those whose first node is the role
        #: word), and the others, walked from every token their first node may take
        self._rooted_links, self._free_links = frozenset(rooted), frozenset(self._link_rank.keys() - rooted)
        positions = load_jsonl("positions.jsonl")
        self.generic = {row["label"] for row in positions if row.get("generic")}
        #: offices that are a seat in a body, and the words that name such a body ("parliament", "assembly")
        self.seats = {row["label"]: row["seat_in"] for row in positions if "seat_in" in row}
        offices = load_json("offices.json")
        self.office_heads = frozenset(offices["mandate_heads"])
        #: verbs whose "as" names an office held ("served as Minister of Trade")
        self.served_verbs = frozenset(offices["served_as_verbs"])

    def _expand_link(self, pattern: list[dict]) -> list[dict]:
        """A link pattern with "ROLE": "noun" / "verb" spelled out (any noun; a role verb's lemma)."""
        out = []
        for node in pattern:
            attrs = dict(node["RIGHT_ATTRS"])
            role = attrs.pop("ROLE", None)
            if role == "noun":
                attrs.setdefault("POS", {"IN": ["NOUN", "PROPN", "ADJ"]})
            elif role in ("verb", "direct_verb"):  # a direct object: not of a verb that takes a preposition
                verbs = set(self.lexicon.verbs) - (self.lexicon.prepositional if role == "direct_verb" else set())
                attrs.setdefault("LEMMA", {"IN": sorted(verbs)})
                attrs.setdefault("POS", {"IN": ["VERB", "AUX"]})
            out.append({**node, "RIGHT_ATTRS": attrs})
        return out

    def __call__(self, doc: Doc) -> Doc:
        index = _Index(doc)  # read once for the matching and the described (this component sets no entity)
        # doc._.actor_cues and doc._.relations, in the Doc's user_data (spaCy types its keys as strings)
        extensions: dict[Any, Any] = doc.user_data
        cues = extensions.get(_ACTOR_CUES)  # (read once: the matching reads them, and the relations' cues are added)
        relations = extensions[_RELATIONS] = self.match(doc, index, cues)
        described = self.described(doc, index)
        for rel in relations:  # "his wife, X, told …" however parsed: X is the wife, not "he"
            if rel["type"] in _KIN and rel.get("object_ref") == [["Person"]] and "subject_ref" not in rel:
                span = doc[rel["subject"][0] : rel["subject"][1]]
                if span.label_ == "Person" and span not in described:
                    described.append(span)
        if described:  # (see DESCRIBED: no group where no one is)
            doc.spans[DESCRIBED] = sorted(described, key=lambda s: s.start)
        if cues is None:
            cues = extensions[_ACTOR_CUES] = {}
        for rel in relations:
            for side, kind in rel.get("cues", ()):
                s, e = rel[side]
                vote = [kind, W_CONTEXT, f"relation:{rel['type']}"]
                if vote not in cues.setdefault(f"{s}:{e}", []):
                    cues[f"{s}:{e}"].append(vote)  # (the Doc's own dict)
        return doc

    @staticmethod
    def described(doc: Doc, index: "_Index | None" = None) -> list[Span]:
        """Persons named after a noun a pronoun possesses ("His lawyer, Dr X"; "her colleague X"):
        they are not whom the pronoun, or the next one, stands for."""
        index = index if index is not None else _Index(doc)
        out: list[Span] = []
        if not index.pronouns:
            return out
        for i in _tokens_with_pos(doc, NOUN):
            tok = doc[i]
            if any(c.dep_ == "poss" and c.i in index.pronouns for c in tok.children):
                for c in tok.children:
                    actor = index.actor(c) if c.dep_ in ("appos", "compound") else None
                    if actor is not None and actor.label_ == "Person" and actor not in out:
                        out.append(actor)
        return out

    def match(self, doc: Doc, index: "_Index | None" = None, cues: dict | None = None) -> list[dict]:
        """The relations in ``doc`` (``index``: its actors, where read; ``cues``: its ``actor_cues``, where read)."""
        index = index if index is not None else _Index(doc)
        actors = list(index.actors)
        # every token pattern's relation is between actors it covers, or an actor and the pronoun opening it
        found = self._token_patterns(doc, actors, index.columns, index.pronouns) if actors else []
        found.extend(self._roles(doc, index.with_references(self.lexicon.references)))
        found.extend(self._positions(doc, actors, index))
        found.extend(self._persons_of(doc, index))
        found.extend(self._contact_offices(doc, actors, cues if cues is not None else _actor_cues(doc)))
        rostered = self._rosters(doc, actors, index.columns)
        seated = {tuple(r["subject"]) for r in rostered}  # "Justice C (judge rapporteur)": a seat on the bench listed
        found = [
            r
            for r in found
            if not (
                r["type"] == "holdsPosition"
                and r["object"] is None
                and tuple(r["subject"]) in seated
                and (r["position"] or "").lower() in self.lexicon.offices
            )
        ]
        found.extend(rostered)
        unique: dict[tuple, dict] = {}
        for rel in found:
            key = (rel["type"], tuple(rel["subject"]), tuple(rel["object"] or ()), rel["position"])
            if key not in unique or unique[key]["confidence"] < rel["confidence"]:
                unique[key] = rel
        return sorted(unique.values(), key=lambda r: (r["subject"], r["type"], r["object"] or [], r["position"] or ""))

    def _contact_offices(self, doc: Doc, actors: list[Span], cues: dict | None) -> list[dict]:
        """A contact card's office, the line under its name ("Ana Vell / Press Officer for Foreign Affairs /
        +32 …"), and a header's office before the name it labels ("Spokesperson for the UN High Commissioner
        for Human Rights: Ana Vell"): the office the person holds, as worded (``cues``: the Doc's actor cues)."""
        out: list[dict] = []
        if not cues:
            return out  # no name with a cue
        for span in actors:
            read = [v[2] for v in cues.get(f"{span.start}:{span.end}", ())] if span.label == PERSON_LABEL_ID else []
            if CONTACT_CARD in read:
                start = span.end + 1  # after the line break
                end = next((t.i for t in doc[start:] if "\n" in t.text), len(doc))
            elif any(r.startswith(LABELLED) for r in read):
                start = next((t.i + 1 for t in reversed(doc[: span.start]) if "\n" in t.text), 0)
                end = span.start - 1  # the colon
            else:
                continue
            line = doc[start:end]
            if line and line[0].is_title and not any(t.like_num for t in line):
                out.append(self._relation("holdsPosition", span, line, 0.8, position=line.text))
        return out

    # -- token patterns ------------------------------------------------------
    def _token_patterns(
        self, doc: Doc, actors: list[Span], columns: Columns | None = None, pronouns: dict[int, Span] | None = None
    ) -> list[dict]:
        found: list[dict] = []
        forms = (columns[ORTH], columns[LOWER]) if columns is not None else None
        for match_id, start, end in self.matcher(doc) if self._may_match(doc, forms) else ():
            rule = self._rule_of[match_id]
            if rule.get("at_start") and start > 0:
                continue
            inside = [e for e in actors if e.start >= start and e.end <= end]
            if rule.get("object") == "dateline" and inside and inside[-1].label_ == "Person":
                found.append(
                    self._relation(
                        rule["type"],
                        inside[-1],
                        doc[start:end],
                        rule.get("confidence", 0.8),
                        obj=doc[start : start + 1],
                        obj_ref=[["dateline"]],
                    )
                )
                continue
            if rule.get("pronoun"):  # "She is married to Y": the pronoun opening the match, which coreference resolves
                pronoun = (pronouns or {}).get(start)
                if pronoun is not None and inside:
                    found.append(
                        self._relation(
                            rule["type"],
                            pronoun,
                            doc[start:end],
                            rule.get("confidence", 0.8),
                            obj=inside[-1],
                            subj_ref=[["Person"]],
                        )
                    )
                continue
            if len(inside) < 2:
                continue
            subj, obj = (inside[0], inside[-1]) if rule["order"] == "forward" else (inside[-1], inside[0])
            if subj == obj:
                continue
            found.append(self._relation(rule["type"], subj, doc[start:end], rule.get("confidence", 0.8), obj=obj))
        return found

    def _may_match(self, doc: Doc, forms: tuple[list[int], list[int]] | None) -> bool:
        """Whether a token pattern may have a match that counts in ``doc`` (``forms``: its ORTH and LOWER arrays as
        lists, where read): the Doc opens on a first word of a pattern whose matches count only at its start, or
        holds the words another pattern needs."""
        if len(doc) and self._first_words:
            read = forms if forms is not None else doc.to_array([ORTH, LOWER]).T.tolist()
            opening = (read[0][0], read[1][0])  # the first token's ORTH and LOWER
            if any(opening[attr == LOWER] in words for attr, words in self._first_words):
                return True
            forms = (read[0], read[1])
        return self._matcher_gate.opens(doc, forms)

    # -- rosters -------------------------------------------------------------
    def _rosters(self, doc: Doc, actors: list[Span], columns: Columns | None = None) -> list[dict]:
        """Members a body's name lists after it, to the end of the sentence: "Working Group on Enforced
        Disappearances: Joao Mbeki (Chair-Rapporteur), Irena Vukovic and Li Wei." A member whose role in
        brackets is a leader's leads the body."""
        bodies = [e for e in actors if e.label_ in ORGANISATIONS]  # the words after a body only are read
        out: list[dict] = []
        if not bodies:
            return out
        orths = (columns if columns is not None else Columns(doc))[ORTH]
        persons: dict[int, Span] | None = None  # the persons by their first token, read after a body's mark
        for rule, marks in zip(self.rosters, self._roster_marks, strict=True):
            for body in bodies:
                # the first of the rule's marks the tokens after the body are ("was composed of", ":")
                after = next((len(mark) for mark in marks if orths[body.end : body.end + len(mark)] == mark), None)
                if after is None:
                    continue
                if persons is None:
                    persons = {e.start: e for e in actors if e.label_ == "Person"}
                members, i = self._listed(doc, body.end + after, persons, frozenset(rule.get("titles", ())))
                if len(members) < rule.get("min", 2) or not self._ends_list(doc, i):
                    continue
                for person, role in members:
                    kind, conf = rule["roster"], rule.get("confidence", 0.8)
                    words = [w for w in (self.lexicon.noun(t) for t in role) if w]
                    leading = [w for w in words if self.lexicon.nouns.get(w) == "leaderOf"]
                    if (
                        leading
                        and self._kind(leading[0], "leaderOf", self._modifier_words(leading[0], [])) == "leaderOf"
                    ):
                        kind = "leaderOf"  # "(Chair-Rapporteur)" leads the body; "(Vice-Chair on …)" is a member
                    out.append(self._relation(kind, person, body, conf, obj=body))
                    if words and kind != "leaderOf":  # a deputy's role as worded, as "the party's deputy leader"
                        out.append(self._relation("holdsPosition", person, body, conf, obj=body, position=role.text))
        return out

    @staticmethod
    def _listed(
        doc: Doc, i: int, persons: dict[int, Span], titles: frozenset[str] = frozenset()
    ) -> tuple[list[tuple[Span, Span]], int]:
        """The persons listed from token ``i`` ("A (Chair), B, C and D"), each with the words in brackets
        after it (and the title before it, one of ``titles``: "Justice A, Justice B"), and where the list stops."""
        members: list[tuple[Span, Span]] = []
        while i in persons or (i + 1 in persons and doc[i].text in titles):
            i += i not in persons
            person = persons[i]
            i = person.end
            role = doc[i:i]
            if i < len(doc) and doc[i].text == "(":
                close = next((t.i for t in doc[i + 1 : i + 6] if t.text == ")"), None)
                if close is None:
                    break
                role, i = doc[i + 1 : close], close + 1
            members.append((person, role))
            if i < len(doc) and doc[i].text == ",":
                i += 1
            if i < len(doc) and doc[i].lower_ == "and":
                i += 1
        return members, i

    @staticmethod
    def _ends_list(doc: Doc, i: int) -> bool:
        """Whether a list stops at the end of its sentence, or runs on only through names ("and Tae-min
        Park" that the model did not read as a name)."""
        sent_end = doc[i - 1].sent.end if i > 0 else len(doc)
        return all(
            t.pos_ == "PROPN" or t.text in (",", "(", ")", ".", ";") or t.lower_ == "and" or t.is_space
            for t in doc[i:sent_end]
        )

    # -- role words and their links ----------------------------------------
    def _roles(self, doc: Doc, index: "_Index") -> list[dict]:
        links: dict[int, _Links] = defaultdict(_Links)
        # holds_any(doc, self._role_forms), token by token
        candidates = self._role_gate.tokens(doc, (index.columns[LOWER], index.columns[LEMMA]))
        for match_id, tokens in self._link_matches(doc, candidates) if candidates else ():
            # each node's token (its index: a Token is made only for what is read of it)
            named = dict(zip(self._link_nodes[match_id], tokens, strict=False))
            role_at, conf = named["role"], self._rule_of[match_id].get("confidence", 0.8)
            checks = self._link_checks[match_id]
            if checks and not self._link_kept(doc, checks, named):
                continue
            if "holder" in named:
                links[role_at].holders.append((doc[named["holder"]], conf))
            if "object" in named:
                if "holder" in named and "prep" in named:
                    via = "holder-of"
                elif "verb" in named:
                    via = "acl"  # "a lawyer working for …"
                elif "prep" in named:
                    via = doc[named["prep"]].lower_
                else:  # (an acronym the parser took for an adjective, "two PRDS leaders", modifies as a compound)
                    via = doc[named["object"]].dep_.replace("amod", "compound")
                links[role_at].objects.append((doc[named["object"]], conf, via))
        found: list[dict] = []
        for i in candidates:
            tok = doc[i]
            word = self.lexicon.noun(tok) if self._nominal(tok) else self.lexicon.verb(tok)
            if word is None or index.actor(tok) is not None:
                continue  # a role word inside a name ("Human Rights Centre") is no role
            if (
                tok.dep_ in _MODIFIER_DEPS
                and tok.head.i > tok.i
                and self._nominal(tok.head)
                and self.lexicon.noun(tok.head)
            ):
                continue  # "deputy director", "staff reporter": the modifier of another role, not a role
            verb = tok.pos_ in ("VERB", "AUX")
            if (
                verb
                and word == "join"
                and any(
                    c.dep_ == "prep"
                    and c.lower_ in self.lexicon.joint_action
                    and any(g.tag_ == "VBG" for g in c.subtree)
                    for c in tok.children
                )
            ):
                continue  # "Amnesty joined the Network in calling for …": an act, not a membership
            if (
                verb
                and tok.dep_ == "relcl"
                and tok.head.pos_ == "NOUN"
                and index.actor(tok.head) is None
                and not self.lexicon.noun(tok.head)
                and tok.head.lower_ not in self.lexicon.references
                and not self._describes_person(tok.head, index)
            ):
                continue  # "an article she wrote for the magazine X": one piece of work, not a job
            base = (self.lexicon.verbs if verb else self.lexicon.nouns).get(word, "holdsPosition")
            holders = self._holders(tok, links, index)
            objects = self._objects(tok, links, base, index)
            if not holders and not verb and descriptor(tok):
                holders = [(tok, 0.75)]  # "The 27-year-old camera operator for Ekrani TV": the person named before
            if not holders:
                continue
            found.extend(self._role_relations(doc, tok, word, base, verb, holders, objects, index))
        return found

    def _link_kept(self, doc: Doc, checks: tuple[str, ...], named: dict[str, int]) -> bool:
        """Whether a link rule's match passes the ``checks`` its rule asks of it (``named``: each node's token)."""
        role_at = named["role"]
        role = doc[role_at]
        if "role_first" in checks and named["holder"] < role_at:
            return False  # "A former deputy leader of the party, he …": the role comes first
        if "holder_then_comma" in checks and (named["holder"] + 1 >= len(doc) or doc[named["holder"] + 1].text != ","):
            return False  # "Trần Văn Đức, GMN's programme coordinator," parsed as a modifier
        if "holder_before" in checks and named["holder"] > role_at:
            return False  # "X was its editor-in-chief, Y a columnist": Y is no editor-in-chief
        if "closed" in checks and not self._closed(doc[named["holder"]]):
            return False
        if "shared_subject" in checks and any(c.dep_ in ("nsubj", "nsubjpass") for c in role.children):
            return False  # "police arrested him and he joined …": the role verb's subject is its own
        if "after_comma" in checks and (role.left_edge.i == 0 or doc[role.left_edge.i - 1].text != ","):
            return False  # "X, the founder of …" parsed as "X and the founder"
        if "holder_after_comma" in checks and doc[max(0, doc[named["holder"]].left_edge.i - 1)].text != ",":
            return False  # "the director of the station, X": not "the director of the station and X"
        return True

    @staticmethod
    def _describes_person(noun: Token, index: "_Index") -> bool:
        """Whether a noun is in apposition to a person's name ("X, a Catholic priest who chaired …")."""
        named = index.actor(noun.head) if noun.dep_ == "appos" else None
        return named is not None and named.label_ == "Person"

    def _link_matches(self, doc: Doc, candidates: list[int]) -> list[tuple[int, list[int]]]:
        """The link rules' matches, in the order one walk of them all gives them (by rule, each rule's in order):
        a rule whose first node is the role word is walked only from the role words whose links are read (a role
        rule starting at every noun of the Doc walked mostly from words no one reads the links of)."""
        parse = self.links.parse(doc)
        read = _links_read(parse, candidates)
        rooted = self.links(doc, read, parse=parse, keys=self._rooted_links)
        # the other rules' matches at a role word whose links are not read count for nothing: left out here
        free = [
            match
            for match in self.links(doc, parse=parse, keys=self._free_links)
            if match[1][self._role_place[match[0]]] in read
        ]
        return sorted([*rooted, *free], key=lambda match: self._link_rank[match[0]])

    @staticmethod
    def _nominal(tok: Token) -> bool:
        """A noun, or a role noun the tagger read as an adjective ("X, secretary-general of Y", "the party's
        secretary-general Y")."""
        return tok.pos_ in ("NOUN", "PROPN") or (
            tok.pos_ == "ADJ" and (tok.dep_ in _NOMINAL_DEPS or (tok.dep_ == "amod" and tok.head.ent_type_ == "Person"))
        )

    @staticmethod
    def _closed(tok: Token) -> bool:
        """Whether the name a token lies in ends at punctuation or at the end of the text."""
        doc, end = tok.doc, tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return end >= len(doc) or doc[end].is_punct

    def _related(self, tok: Token) -> list[Token]:
        """Role words coordinated with ``tok`` ("the founder and director of …"), nearest first."""
        out, head = [], tok
        while head.dep_ == "conj" and head.head != head:
            head = head.head
            out.append(head)
        out.extend(c for c in tok.children if c.dep_ == "conj")
        return out

    @staticmethod
    def _paired(tok: Token, other: Token, holder: Token, index: _Index) -> Token:
        """ "X's son and daughter, A and B", "A and B, the son and daughter of X": the holder in the place of
        ``tok`` among the coordinated roles, where as many holders are coordinated as roles; else
        ``holder`` (``other``'s, or ``tok``'s own)."""
        first = other
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        roles = sorted([first, *first.conjuncts], key=lambda t: t.i)
        head = holder
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        holders = sorted([head, *head.conjuncts], key=lambda t: t.i)
        places = [n for n, r in enumerate(roles) if r.i == tok.i]
        named = all(index.actor(h) is not None for h in holders)  # names, not "… and a member of …"
        if named and len(roles) == len(holders) > 1 and places:
            return holders[places[0]]
        return holder

    def _holders(self, tok: Token, links: dict[int, _Links], index: _Index) -> list[tuple[Token, float]]:
        own = [(self._named_occupation(h, index), c) for h, c in links[tok.i].holders] if tok.i in links else []
        if own and self._related(tok):  # "A and B, the son and daughter of X": the son is A
            own = [(self._paired(tok, tok, h, index), c) for h, c in own]
        if not any(index.holder(h, False) is not None for h, _ in own):
            own = []  # "a founding member of the Z Centre (ZC)": the bracketed abbreviation is no holder
        if not own and links:  # (no link found: no coordinated role word has one)
            for other in self._related(tok):
                if other.i in links and links[other.i].holders and index.actor(other) is None:
                    own = [(self._paired(tok, other, h, index), c * 0.95) for h, c in links[other.i].holders]
                    break
        if not own and tok.dep_ == "compound" and index.actor(tok.head) is None and tok.head.i in links:
            own = list(links[tok.head.i].holders)  # "a member state of the AU": the links are the head's
        if not own:
            own = self._described_after_comma(tok, index)
        plural = tok.tag_ in ("NNS", "NNPS")
        edge = tok.left_edge.i
        # no holder a person: "A, B and C, three journalists of …" parsed as the apposition of another word
        alone = tok.i not in index.descriptors and all(index.holder(h, True) is None for h, _ in own)
        if alone and plural and edge >= 2 and tok.doc[edge - 1].text == ",":
            named = index.actor(tok.doc[edge - 2])  # "A, B and C, three journalists of …" however parsed
            if named is not None and named.label_ == "Person" and named.end == edge - 1:
                own = [(named.root, 0.8)]
        if not own and plural and tok.i in links:
            own = self._listed_after_object(tok, links[tok.i].objects, index)
        out = []
        for holder, conf in own:
            out.append((holder, conf))
            if plural:  # "A, B and C, the administrators of …"
                out.extend((c, conf) for c in holder.conjuncts)
        return out

    @staticmethod
    def _described_after_comma(tok: Token, index: _Index) -> list[tuple[Token, float]]:
        """ "to her husband, the agronomist Y;": the person named after a comma and the words in lower case
        that describe them, where the parser hung the description on the verb and the name on it."""
        doc = tok.doc
        if tok.tag_ != "NN" or tok.right_edge.i != tok.i or tok.i + 3 >= len(doc) or doc[tok.i + 1].text != ",":
            return []
        k = tok.i + 3 if doc[tok.i + 2].lower_ in ("the", "a", "an") else tok.i + 2
        j = k
        while j < len(doc) and j - k < 4 and doc[j].is_lower and doc[j].is_alpha and index.actor(doc[j]) is None:
            j += 1
        named = index.actor(doc[j]) if k < j < len(doc) else None
        if named is None or named.label_ != "Person" or named.start != j:
            return []
        if named.end < len(doc) and not doc[named.end].is_punct:
            return []
        return [(named.root, 0.8)]

    @staticmethod
    def _named_occupation(tok: Token, index: _Index) -> Token:
        """The person an occupation in apposition stands for where the parser hung the name on it as a
        coordinated word ("X's media officer, the journalist and blogger Y": Y, parsed as "journalist and Y")."""
        if tok.pos_ == "NOUN" and index.actor(tok) is None:
            for c in tok.children:
                named = index.actor(c) if c.dep_ == "conj" else None
                if (
                    named is not None
                    and named.label_ == "Person"
                    and any(g.dep_ == "compound" and g.pos_ == "NOUN" for g in c.children)
                ):
                    return c
        return tok

    def _listed_after_object(
        self, tok: Token, objects: list[tuple[Token, float, str]], index: _Index
    ) -> list[tuple[Token, float]]:
        """ "two journalists of the newspaper Novy Den, Ivan Orlov and Pavel Lisin,": the persons listed
        right after the organisation a plural role is of, closed by punctuation, however parsed."""
        doc = tok.doc
        persons = {e.start: e for e in index.ents.values() if e.label_ == "Person"}
        for obj, _, via in objects:
            named = index.target(obj, False, False, {})
            if via not in ("of", "for", "at") or named is None or named[1] is not None:
                continue
            end = named[0].end
            if end + 1 < len(doc) and doc[end].text == "," and end + 1 in persons:
                members, stop = self._listed(doc, end + 1, persons)
                if stop < len(doc) and (doc[stop - 1].text == "," or doc[stop].text in (".", ";")):
                    return [(person.root, 0.8) for person, _ in members]
        return []

    def _objects(
        self, tok: Token, links: dict[int, _Links], base: str, index: _Index
    ) -> list[tuple[Token, float, str]]:
        own = list(links[tok.i].objects) if tok.i in links else []
        # (a lawyer's is never another role's: "a lawyer and member of the Bar Association" is no staff of it)
        if not own and links and self.lexicon.noun(tok) not in self.lexicon.lawyers:  # (links: as in _holders)
            for other in self._related(tok):
                word = self.lexicon.noun(other)
                if (
                    word
                    and (self.lexicon.nouns.get(word) in _KIN) == (base in _KIN)
                    and other.i in links
                    and links[other.i].objects
                    and not any(c.dep_ == "det" for c in max(tok, other, key=lambda t: t.i).children)
                ):  # not "a retired professor and a founding member of X": a determiner opens a role of its own
                    own = [(o, c * 0.95, via) for o, c, via in links[other.i].objects]
                    break
        if not own and tok.dep_ == "appos" and tok.head.dep_ == "nsubj" and tok.head.head.lemma_ == "be":
            # "X was its editor-in-chief, Y a columnist": the columnist is of what the role before is of
            for attr in tok.head.head.children:
                if attr.dep_ == "attr" and attr.i < tok.head.i and attr.i in links and self.lexicon.noun(attr):
                    own = [(o, round(c * 0.9, 3), via) for o, c, via in links[attr.i].objects]
        if not own and tok.dep_ in ("compound", "amod") and tok.head.i in links:
            named = index.actor(tok.head)
            if named is None:
                own = list(links[tok.head.i].objects)
            elif named.label_ == "Person":  # "its presenter Rose Uwase": the possessor parsed as the name's
                own = [(o, c, via) for o, c, via in links[tok.head.i].objects if via == "poss" and o.i < tok.i]
        if base not in _KIN:  # "members of the Green Youth Union and the Workers Network": each of them
            own += [
                (c, round(conf * 0.95, 3), via)
                for o, conf, via in list(own)
                if via in ("of", "for", "at", "with", "in")
                for c in o.conjuncts
                if index.actor(c) is not None and index.actor(c) != index.actor(o)
            ]
            # "a member of the Council of Europe and of the OSCE": the object of each coordinated preposition
            own += [
                (p, round(conf * 0.95, 3), via)
                for o, conf, via in list(own)
                if via in ("of", "for", "at", "with", "in") and o.dep_ == "pobj"
                for q in o.head.conjuncts
                if q.pos_ == "ADP" and q.lower_ == via
                for p in q.children
                if p.dep_ == "pobj" and index.actor(p) is not None
            ]
        return own

    def _modifiers(self, tok: Token, index: _Index) -> list[Token]:
        """The words before a role noun that qualify it ("deputy", "advocacy", "student")."""
        pair = self.lexicon.pair(tok) is not None  # "Secretary" of "Secretary General" is the role itself
        return [
            c
            for c in self._role_lefts(tok)
            if c.dep_ in _MODIFIER_DEPS
            and index.actor(c) is None
            and not c.is_punct
            and c.lower_ not in self.lexicon.references
            and c.lower_ not in self.lexicon.peers
            and not (pair and c.i == tok.i - 1)
        ]

    def _role_lefts(self, tok: Token) -> list[Token]:
        """The words the parser hung before a role noun, and before the first word of a two-word role ("a joint
        secretary general": "joint" hangs on "secretary")."""
        lefts = list(tok.lefts)
        if self.lexicon.pair(tok) is not None and tok.i > 0 and tok.doc[tok.i - 1].head == tok:
            lefts = [*tok.doc[tok.i - 1].lefts, *lefts]
        return lefts

    def _of_department(self, tok: Token, index: "_Index") -> bool:
        """Whether a leader's noun heads a field or a department ("head of security", "director of
        communications"): its "of" names a common noun in lower case, no actor and no word that stands
        for the organisation itself ("head of the party")."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    named = index._named(obj) or any(index.actor(t) is not None for t in obj.subtree)
                    if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.is_lower and not named:
                        return obj.lemma_ not in self.lexicon.references
        return False

    def _modifier_words(self, word: str, mods: list[Token]) -> set[str]:
        """The words that modify a role noun, the deputy's prefix of a word like "vice-president" with them."""
        words = {m.lower_ for m in mods}
        if word in self.lexicon.hyphened_deputies:
            words.add(word[: -len(self.lexicon.hyphened_deputies[word])])
        return words

    def _kind(self, word: str, base: str, words: set[str]) -> str:
        """The relation a role noun names, the words that modify it weighed ("general secretary", "advocacy
        director"; :meth:`_modifier_words`)."""
        word = self.lexicon.hyphened_deputies.get(word, word)
        if word in self.lexicon.promote_nouns and words & self.lexicon.promote:
            return "leaderOf"
        if word in self.lexicon.elected_heads and words & self.lexicon.deputies:
            return "memberOf"  # "Zorya's deputy chair": one of the members who lead it (a deputy director is staff)
        if base == "leaderOf" and words - self.lexicon.leader_modifiers:
            return "employeeOf"
        return base

    def _role_relations(
        self,
        doc: Doc,
        tok: Token,
        word: str,
        base: str,
        verb: bool,
        holders: list[tuple[Token, float]],
        objects: list[tuple[Token, float, str]],
        index: _Index,
    ) -> list[dict]:
        mods = [] if verb else self._modifiers(tok, index)
        mod_words = set() if verb else self._modifier_words(word, mods)  # (read once: for each holder and object)
        kind = base if verb else self._kind(word, base, mod_words)
        if kind == "leaderOf" and not verb and self._of_department(tok, index):
            kind = "employeeOf"  # "the party's head of security": heads a part of it, not it
        # "the editor of the magazine X", "the paper's editor": its head, unless the document names another
        promoted = not verb and not mods and word in self.lexicon.definite_leaders and self._the_one(tok, index)
        if promoted:
            kind = "leaderOf"
        # "Vasina’s fellow co-chair, X": the possessor is a colleague, the organisation theirs
        peer = not verb and any(c.lower_ in self.lexicon.peers for c in tok.lefts)
        kin = kind in _KIN
        office = kind == "holdsPosition"  # "Judge X", "the governor of the central bank"
        worded = [tok.i] + [
            c.i
            for c in self._role_lefts(tok)
            if c.dep_ in _MODIFIER_DEPS and not c.is_punct and c.lower_ not in self.lexicon.not_in_office
        ]
        out = []
        for holder_tok, h_conf in holders:
            holder = index.holder(holder_tok, kin or kind != "memberOf")
            if holder is None:
                continue
            subj, subj_ref = holder
            emitted = False
            deputy_of: tuple[Span | None, list | None] | None = None
            for obj_tok, o_conf, via in objects:
                if (
                    not kin
                    and word in self.lexicon.lawyers
                    and via in ("poss", "of", "for")
                    and not (via == "of" and self._practice(obj_tok, index))
                ):
                    continue  # "his lawyer", "a lawyer for the newspaper": a client, not an employer
                if kin and via == "holder-of":
                    continue  # "his brother, X of the Y Centre": the centre is X's, not a relative
                target = index.target(obj_tok, kin, word in self.lexicon.media, self.lexicon.references)
                this_kind = kind
                if (
                    target is not None
                    and not kin
                    and via in ("of", "at", "for", "in")
                    and self._unit_of(obj_tok, index)
                ):
                    # "director of the Observatory's Varno office": the holder works in a part of the body that
                    # possesses it; the word before the part names where it is, not the organisation
                    target = self._inner_organisation(obj_tok, index)
                    this_kind = "employeeOf" if kind == "leaderOf" else kind
                if target is not None and via in ("compound", "nmod") and not self._unknown_place(target[0]):
                    continue  # "the Tashkent office director": a city, not an organisation
                if (
                    target is not None
                    and via in ("compound", "nmod")
                    and target[1] is None
                    and len(target[0]) == 1
                    and target[0].label_ in ("Place", "Person")
                    and not target[0].kb_id_
                ):
                    continue  # "the Oriel activist X": one word the model took for a place or person is no body
                if target is None and not kin and not office and via in ("of", "at", "for", "in"):
                    # "the editor of investigations of Radio Kestrel", "head of the legal department of Z":
                    # the holder works in a part of the organisation
                    target = self._inner_organisation(obj_tok, index)
                    this_kind = "employeeOf" if kind == "leaderOf" else kind
                if target is None:
                    continue
                obj, obj_ref = target
                if obj_ref is None and (obj.start <= subj.start < obj.end or subj.start <= obj.start < subj.end):
                    continue
                if word in self.lexicon.party_roles and (obj_ref or [[obj.label_]])[0] != ["PoliticalParty"]:
                    continue  # "a candidate of the X League", not "a candidate at the Y University"
                conf = round(min(h_conf, o_conf), 3)
                prep = via in ("of", "for", "at", "with", "in")
                position = tidy_name(doc[min(worded) : obj.end].text) if prep and obj_ref is None else None
                if office:
                    if position:  # resolve_relations keeps it where the organisation is a public body
                        # "mayor of X", "governor of the Y region": an office of a place, whatever else the place is
                        where = obj_ref is None and obj.label_ in ("Place", "Country")
                        out.append(
                            self._relation(
                                kind, subj, tok, conf, obj=None if where else obj, subj_ref=subj_ref, position=position
                            )
                        )
                        emitted = True
                    continue
                rel = self._relation(this_kind, subj, tok, conf, obj=obj, subj_ref=subj_ref, obj_ref=obj_ref)
                if promoted and this_kind == "leaderOf":
                    rel["yields"] = True
                if peer and not kin:
                    if via != "poss":
                        continue
                    rel["peer"] = True  # resolve_relations gives the holder the colleague's organisation
                    out.append(rel)
                    emitted = True
                    continue
                # the role says what its holder and object are where the model's label says otherwise:
                # "X, 34, is a reporter for Y" (X a person, Y an outlet)
                rel["cues"] = [
                    c
                    for c in (
                        # (also where the model's label says person: the name's other mentions may not)
                        ("subject", "Person")
                        if subj_ref is None and subj.label_ in ("Organisation", "Person") and kind != "memberOf"
                        else None,
                        ("object", "Person") if kin and obj_ref is None and obj.label_ == "Organisation" else None,
                        ("object", "MediaOutlet" if word in self.lexicon.media else "Organisation")
                        if not kin
                        and obj_ref is None
                        and not obj.kb_id_
                        and (
                            (obj.label_ == "Person" and via != "in")
                            or (obj.label_ == "Place" and via in ("for", "poss", "compound"))
                        )
                        else None,
                    )
                    if c
                ]
                out.append(rel)
                emitted = True
                if not verb and kind != base and mod_words & self.lexicon.deputies:
                    party = obj_ref == [["PoliticalParty"]] if obj_ref else obj.label_ == "PoliticalParty"
                    # a party's deputy leader holds an office of its own; another body's deputy only where
                    # it is a public one (resolve_relations weighs the organisation's type)
                    deputy_of = (None, None) if party else (obj, obj_ref)
                if (
                    position
                    and not verb
                    and this_kind == kind
                    and (kind == "leaderOf" or (kind == "employeeOf" and word in self.lexicon.office_roles))
                ):
                    # an office of a public or international body ("Director of the OSCE Office for …");
                    # resolve_relations keeps it only where the organisation is one
                    out.append(
                        self._relation("holdsPosition", subj, tok, conf, obj=obj, subj_ref=subj_ref, position=position)
                    )
            if deputy_of is not None:
                # "the party's deputy leader": a member, and the office as worded where the organisation
                # is a party or a public body (resolve_relations weighs its type); not a centre's deputy director
                first = min(worded)
                while first < tok.i and index.actor(doc[first]) is not None:
                    first += 1  # "LDP vice-president X": the office without the party's name before it
                out.append(
                    self._relation(
                        "holdsPosition",
                        subj,
                        tok,
                        round(h_conf * 0.9, 3),
                        obj=deputy_of[0],
                        subj_ref=subj_ref,
                        obj_ref=deputy_of[1],
                        position=tidy_name(doc[first : tok.i + 1].text),
                    )
                )
            if emitted or verb or objects:
                continue
            if office or (word in self.lexicon.titles and mods):
                # "Judge X", "X, the governor", "the student leader X": an office without an organisation
                out.append(
                    self._relation(
                        "holdsPosition",
                        subj,
                        tok,
                        round(h_conf * 0.9, 3),
                        subj_ref=subj_ref,
                        position=tidy_name(doc[min(worded) : tok.i + 1].text),
                    )
                )
        return out

    @staticmethod
    def _unknown_place(span: Span) -> bool:
        """Whether a name is anything but a place the vocabulary or the city gazetteer knows (the model's
        "place" before a role, "the Green Dawn leader", may be an organisation's name)."""
        return span.label_ != "Place" or (
            not span.kb_id_ and city_population(span.text) is None and not lookup(span.text)
        )

    def _practice(self, tok: Token, index: "_Index") -> bool:
        """Whether a lawyer's "of" names where the lawyer practises ("of the firm X", "of the Y Bar
        Association", "lawyers of the human rights group Z": a group's lawyers are its staff) rather than a
        client."""
        named = index.actor(tok)
        if named is None:  # "the human rights group Z": the name stands beside the noun
            named = next((a for c in tok.children if c.dep_ == "appos" and (a := index.actor(c)) is not None), None)
        if named is not None and named.label_ == "NGO":
            return True
        words = {t.lemma_.lower() for t in (named if named is not None else [tok])}
        words |= {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "appos", "nmod")}
        words.add(tok.lemma_.lower())
        return bool(words & self.lexicon.practices)

    def _title_kind(self, person: Span) -> str:
        """What a person's title before the name makes them of the organisation named after it:
        "Director Kim Lee of the X Centre" leads it; without a title, or with a title of staff, works for it."""
        for c in person.root.children:
            word = self.lexicon.noun(c) if c.dep_ == "compound" and c.i < person.start else None
            if word is not None and self.lexicon.nouns.get(word) in ("leaderOf", "memberOf"):
                return self.lexicon.nouns[word]
        return "employeeOf"

    def _persons_of(self, doc: Doc, index: "_Index") -> list[dict]:
        """ "Tomas Velinko of the Nova Zorya newspaper", "X from Amnesty International": a person named
        with the organisation they are of works for it (a party's are its members; a court's are
        left out: "Judge X of the Y Court" is an office)."""
        out = []
        for ent in index.actors:
            if ent.label != PERSON_LABEL_ID:
                continue
            for prep in ent.root.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
                    continue
                for pobj in prep.children:
                    found = index.target(pobj, False, False, {}) if pobj.dep_ == "pobj" else None
                    if found is None or found[1] is not None or found[0].label_ not in _PERSONS_OF:
                        continue
                    out.append(self._relation(self._title_kind(ent), ent, prep, 0.75, obj=found[0]))
        return out

    def _unit_of(self, tok: Token, index: "_Index") -> bool:
        """Whether a word names a part of an organisation that an actor possesses or that is "of" one ("the
        Observatory's Varno office", "LPW's North Africa desk", "the Varno office of the League"; not the last
        word of a name, "the Human Rights Prosecutor's Office")."""
        named = index.actor(tok)
        if named is not None and named.start < tok.i:
            return False
        return tok.lemma_.lower() in self.lexicon.units and any(
            (c.dep_ == "poss" and c.lower_ not in _PERSONAL_POSSESSIVES) or (c.dep_ == "prep" and c.lower_ == "of")
            for c in tok.children
        )

    @staticmethod
    def _inner_organisation(tok: Token, index: "_Index") -> tuple[Span, list | None] | None:
        """The organisation a part of it is "of" ("investigations of Radio Kestrel") or that possesses it ("the
        party's executive bureau")."""
        for poss in tok.children:
            if poss.dep_ == "poss" and poss.lower_ not in _PERSONAL_POSSESSIVES:
                found = index.target(poss, False, False, index.references)
                if found is not None and (found[1] is None or poss.lower_ not in ("its", "their")):
                    return found
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "in"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found = index.target(pobj, False, False, {})
                        return found if found is not None and found[1] is None else None
        return None

    # -- offices next to names ---------------------------------------------
    @staticmethod
    def _of_organisation(tok: Token, index: "_Index") -> bool:
        """Whether a word is followed by "of"/"for" an organisation ("president of the party X")."""
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                for pobj in prep.children:
                    named = index.target(pobj, False, False, {}) if pobj.dep_ == "pobj" else None
                    if named is not None and named[1] is None and named[0].label_ in ORGANISATIONS:
                        return True
        return False

    def _the_one(self, tok: Token, index: "_Index") -> bool:
        """Whether a singular role noun names its one holder: "the editor of X", "X's editor", "Y, editor of
        X" (in apposition without an article, as news writes the one holder), not "an editor at X" nor "the
        editor of investigations at X" (a part of the organisation)."""
        if tok.tag_ != "NN":
            return False
        if not any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in tok.children) and not (
            tok.dep_ == "appos"
            and not any(c.dep_ == "det" for c in tok.children)
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        ):
            return False
        return all(
            index.target(pobj, False, False, self.lexicon.references) is not None
            for prep in tok.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at", "in")
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        )

    @staticmethod
    def _possessed(tok: Token, index: "_Index") -> bool:
        """Whether an office word is possessed by a pronoun or by an actor that holds no public offices
        ("its president", "her deputy", "the party's president"; not "Belarus's President")."""
        for c in tok.children:
            if c.dep_ != "poss":
                continue
            if c.lower_ in ("its", "their", "his", "her") or c.i in index.pronouns:
                return True
            named = index.actor(c)
            if named is not None and named.label_ in _CIVIL:
                return True
        return False

    def _positions(self, doc: Doc, actors: list[Span], index: "_Index") -> list[dict]:
        out: list[dict] = []
        # an office the vocabulary knows as a body ("the OSCE Representative on Freedom of the Media, X,")
        bodies = [(e, e.text) for e in actors if e.kb_id and e.label in _PUBLIC_IDS and self._names_office(e)]
        offices = [(s, s.id_ or position_label(s.text)) for s in doc.spans.get(POSITIONS, [])] + bodies
        if not offices:
            return out  # (most Docs name no office)
        persons = {e.start: e for e in actors if e.label == PERSON_LABEL_ID}
        ends = {e.end: e for e in actors if e.label == PERSON_LABEL_ID}
        for office, label in offices:
            if label in self.generic:
                continue
            last = office[-1]
            if (
                last.dep_ == "compound"
                and last.head.i >= office.end
                and last.head.ent_type_
                and last.head.ent_type_ != "Person"
            ):
                continue  # "leader of the opposition Free Belarus Party": the office word qualifies a name
            if self.lexicon.noun(office[-1]) and self._of_organisation(office[-1], index):
                continue  # "the president of the party X": a role in an organisation, found by its links
            if self._possessed(office[-1], index):
                continue  # "its president, X", "her deputy, Y": a role in an organisation or under a person
            before = index.actor(doc[office.start - 1]) if office.start > 0 else None
            civil = before if before is not None and before.label_ in _CIVIL else None
            holder, confidence = None, 0.0
            nxt = office.end
            while nxt < len(doc) and doc[nxt].text in QUOTES:
                nxt += 1
            named = self._titled(doc, nxt)  # (past the titles: "Interior Minister General X")
            after_comma = self._titled(doc, nxt + 1) if nxt < len(doc) and doc[nxt].text == "," else None
            if named in persons:  # "High Representative Catherine Ashton"
                holder, confidence = persons[named], 0.9
            elif after_comma in persons:
                after = persons[after_comma]  # "the UN High Commissioner, Navi Pillay,"
                if after.end >= len(doc) or doc[after.end].is_punct:
                    holder, confidence = after, 0.85
            if holder is None:
                start = office.start - 1
                while start >= 0 and doc[start].lower_ in self.lexicon.not_in_office:
                    start -= 1  # "X, a former interior minister"
                if start >= 0 and doc[start].lower_ in ("the", "a", "an"):
                    start -= 1
                if start >= 1 and doc[start].text == "," and start in ends:
                    holder, confidence = ends[start], 0.8  # "Navi Pillay, the UN High Commissioner"
            holder_ref = None
            if holder is None and civil is None:  # "he served as mayor of X from 1994 and as Minister of Trade"
                served = self._served_as(office, index)
                if served is not None:
                    (holder, holder_ref), confidence = served, 0.8
            if holder is None:
                continue
            if civil is not None:  # "Amnesty International Secretary General X": a role in it, no public office
                word = self.lexicon.noun(office[-1]) or office[-1].lower_
                kind = self.lexicon.nouns.get(word)
                if kind is not None:  # "LDP vice-president X": a deputy is a member
                    kind = self._kind(word, kind, self._modifier_words(word, self._modifiers(office[-1], index)))
                if kind in ("leaderOf", "employeeOf", "memberOf"):
                    out.append(self._relation(kind, holder, office, round(confidence * 0.95, 3), obj=civil))
                continue
            worded = tidy_name(doc[self._office_start(office) : office.end].text)
            if is_acronym(worded.replace("/", "")) or "/" in worded:
                worded = label  # "HR/VP" -> "High Representative"
            rel = self._relation("holdsPosition", holder, office, confidence, position=worded, subj_ref=holder_ref)
            if label in self.seats:  # "a member of parliament, X": a seat in the parliament the document names
                rel["seat_in"] = self.seats[label]
            out.append(rel)
        return out

    def _titled(self, doc: Doc, i: int) -> int:
        """Where a name starts after the titles at ``i`` ("Dr", "Major General"): ``i`` where there are none."""
        while i < len(doc) - 1 and doc[i].is_title and doc[i].lower_ in self.lexicon.titles_before_names:
            i += 1
        return i

    def _served_as(self, office: Span, index: "_Index") -> tuple[Span, list | None] | None:
        """The person who served "as" an office, the subject of the verb the "as" (or the first of the "as"
        phrases it is coordinated with) hangs on: "he served as mayor of X from 1994 and as Minister of Y"."""
        at = office.root.head
        if office.root.dep_ in ("oprd", "attr", "xcomp") and at.tag_ == "VBN":
            verb = at  # "X, who had been appointed Prosecutor General in 2019": no "as"
        elif office.root.dep_ != "pobj" or at.lower_ != "as":
            return None
        else:
            while at.dep_ == "conj" and at.head.i != at.i:
                at = at.head
            verb = at.head
            while verb.dep_ == "prep" and verb.head.i != verb.i:  # "… from 1994 and as …": the first phrase's verb
                verb = verb.head
        if verb.lemma_.lower() not in self.served_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subject = verb.head  # "X, who served as Deputy Prime Minister from 1992": the name the clause is on
        return index.holder(subject, True) if subject is not None else None

    def _names_office(self, name: Span) -> bool:
        """Whether a body's name is an office's: its head, the word before its first preposition, is an
        office's ("OSCE Representative on Freedom of the Media", not "UN Working Group on …")."""
        words = [t.text for t in name]
        cut = next((n for n, w in enumerate(words) if n > 0 and w in ("on", "for", "in", "to", "of")), len(words))
        return cut > 1 and words[cut - 1] in self.office_heads

    def _office_start(self, office: Span) -> int:
        """Where an office's wording starts: with the words before it that qualify it ("former municipal
        deputy X" -> "municipal deputy"; "the party's deputy president, X" -> "deputy president"), not those
        that say when or how it was held, nor names ("Russian")."""
        doc, start = office.doc, office.start
        while (
            start > 0
            and doc[start - 1].dep_ in ("amod", "compound")
            and office.start <= doc[start - 1].head.i < office.end
            and doc[start - 1].is_alpha
            and not doc[start - 1].ent_type_
            and doc[start - 1].lower_ not in self.lexicon.not_in_office
        ):
            start -= 1
        return start

    def _relation(
        self,
        kind: str,
        subj: Span,
        where: Span | Token,
        confidence: float,
        obj: Span | None = None,
        position: str | None = None,
        subj_ref: list | None = None,
        obj_ref: list | None = None,
    ) -> dict:
        sent = where.sent
        rel = {
            "type": kind,
            "subject": [subj.start, subj.end],
            "object": [obj.start, obj.end] if obj is not None else None,
            "position": position,
            "confidence": confidence,
            "sentence": [sent.start_char, sent.end_char],
        }
        for side, span, ref in (("subject", subj, subj_ref), ("object", obj, obj_ref)):
            if not ref:
                continue
            rel[f"{side}_ref"] = ref
            if ref not in ([["Person"]], [["dateline"]], [["surname"]], [["couple"]], [["couple", "near"]]):
                # "its", "the group": an organisation named before, in this part, or in the part before
                # where the reference opens its part; "the newspaper": anywhere before
                opens = span is not None and span.sent.start > 0
                rel[f"{side}_floor"] = -1 if set(ref[0]) <= self.lexicon.wide else (0 if opens else None)
        return rel


def _actor_cues(doc: Doc) -> dict | None:
    """``doc._.actor_cues``, read off the Doc's ``user_data``."""
    data: dict[Any, Any] = doc.user_data  # (spaCy types its keys as strings)
    return data.get(_ACTOR_CUES)


def _first_words(pattern: list) -> tuple[int, frozenset[int]] | None:
    """The attribute (ORTH or LOWER) and the words (hashes) the first token of a relation pattern must have, where it
    must occur once and names its words (a word, or an ``IN`` list); else None.

    >>> _first_words([{"LOWER": {"IN": ["by"]}}, "@Person"]) == (LOWER, frozenset({get_string_id("by")}))
    True
    >>> _first_words([{"LOWER": "by", "OP": "?"}]) is None, _first_words(["@Person"]) is None
    (True, True)
    """
    first = pattern[0] if pattern else None
    if not isinstance(first, dict) or first.get("OP", "1") != "1":
        return None
    for key, attr in (("LOWER", LOWER), ("ORTH", ORTH), ("TEXT", ORTH)):
        value = first.get(key)
        words = (
            [value]
            if isinstance(value, str)
            else value.get("IN")
            if isinstance(value, dict) and len(value) == 1
            else None
        )
        if isinstance(words, list) and all(isinstance(w, str) for w in words):
            return attr, frozenset(get_string_id(w) for w in words)
    return None


def _tokens_with_pos(doc: Doc, pos: int) -> list[int]:
    """The indices of the tokens whose coarse part of speech is ``pos``, read off the Doc's array."""
    if not len(doc):
        return []
    return [i for i, p in enumerate(doc.to_array(POS).tolist()) if p == pos]


@Language.factory("whereas_relations", requires=["doc.ents"], assigns=["doc._.relations"])
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(nlp, name)
