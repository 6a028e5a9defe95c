"""whereas_actors: keeps the entities that are actors, trims them to their names and types them."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any, cast

from spacy.attrs import (
    ENT_TYPE,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LENGTH,
    LOWER,
    ORTH,
    POS,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import ADJ, DET, NOUN, NUM, PRON, PROPN, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from pipeline.components.columns import joined
from pipeline.components.extensions import ACTOR_LABELS, ANAPHORS, NESTED, POSITIONS, STATISTICAL, extension_key
from pipeline.components.gazetteer import (
    bare_aliases,
    city_population,
    country_names,
    demonyms,
    given_name_gender,
    lookup,
)
from pipeline.components.name_cues import CALENDAR, CAPITALISED, best_type, capitalised_word, name_words
from pipeline.components.offices import OfficeFinder, is_state
from pipeline.normalize.names import QUOTES, is_acronym, name_key
from pipeline.patterns import load_json, load_lines
from pipeline.structure import BULLETS

__all__ = ["ActorTyper", "CONTACT_CARD", "Candidate", "LABELLED", "best_type", "WIRE_DATELINE"]

#: a capitalised word's start (name_cues.CAPITALISED), its pattern compiled once (re.match looks it up at each call)
_CAPITALISED = re.compile(CAPITALISED).match
#: the days and months (name_cues.CALENDAR) as a set
_CALENDAR = frozenset(CALENDAR)
#: the number of a heading in Roman numerals ("II."), never a person's initial at a sentence's start
_HEADING_NUMBER = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)\.$")
#: a byline: its author, a role maybe, and the publisher ("By Ana Vell, The Quarterly"; "By X, Researcher, Y Watch")
BYLINE = re.compile(
    r"By [A-Z][^,\n]{2,60}, (?:[A-Z][^,\n]{2,60}, )?(?:The )?(?P<publisher>[A-Z][\w'’&.-]*(?: (?:[A-Z][\w'’&.-]*|of|for|and|the|on)){0,8})"
)
#: a wire story's dateline, the agency in its brackets: "DUBAI, Oct 3 (Newswire) –", "BISHKEK, 14 February (Agency) -"
WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z\u00C0-\u024F.' -]+, [^\n()]{3,30}\(([^()\n]{2,60})\) [–—-]", re.MULTILINE
)  # ("Tunis, May 22, 2024 (AMP) –" too)
#: the tokens a wire story's dateline may take at the start of its part
_DATELINE_TOKENS = 25

# Weights of the kinds of evidence for a type (see patterns/type_cues.json).
W_GAZETTEER, W_HEAD, W_CONTEXT, W_PHRASE, W_NER = 5, 3, 3, 2, 1
#: cues that a name's own words or the model give, which alone let pass no unlikely name
#: cues read off a name's own words, which a longer name reads anew
_NAME_CUES = ("head:", "state:", "civil:", "international:", "political:", "shape")
_WEAK_CUES = ("ner:", "head:", "state:", "civil:", "international:", "political:")
#: the types of organisations, whose names may go on after "for" or "of" ("Voices for Andean Rights")
_ORGANISATION_TYPES = frozenset(ACTOR_LABELS - {"Person", "Place", "Country", "Court"})
#: the bodies a name alone stands for once the text has said what they are ("the outlet Kvorum" … "Kvorum")
_NAMED_BODIES = frozenset({"MediaOutlet", "NGO", "PoliticalParty"})
#: a city this large is the city even where the model took its name for a person's
BIG_CITY = 300_000


#: a telephone number opening a line: a contact card (see ActorTyper._contact_card)
_PHONE_LINE = re.compile(r"\n[ \t]*\+[0-9]")
#: the cues of a contact card's name and of a header's labelled name: the relations component reads their
#: offices off the same lines
CONTACT_CARD, LABELLED = "contact-card", "labelled:"
#: what joins two names the model read as one, by the name's type: a person's name holds no "and" ("A B and C
#: D" are two people); "in El Aouina, Tunis" is a district and its city
_JOINERS = {"Person": frozenset({"and", "&"}), "Place": frozenset({","})}
#: words after a kind's word that make it a line's label ("Media contact:", "Press enquiries")
_LABEL_AFTER = frozenset({"contact", "contacts", "enquiries", "inquiries", "office", ":"})
#: the tokens a hyphenated name's hyphen may be ("Kovács - Vell")
_HYPHENS = ("-", "‐")


def _lines(texts: list[str]) -> list[tuple[int, int]]:
    """The token ranges of a Doc's lines (``texts``: its tokens' texts), the line breaks left out."""
    breaks = [i for i, text in enumerate(texts) if "\n" in text]
    return list(zip([0, *(b + 1 for b in breaks)], [*breaks, len(texts)], strict=True))


#: a given name of two joined syllables, the second in lower case ("Yee-ting", "Tae-yang"), which the tagger may
#: read as a verb or a noun
_GIVEN_NAME_PAIR = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def _name_words(words: list[str]) -> bool:
    """Whether a line's words (their texts) may be a person's name alone: two to four capitalised words
    ("Ana Kovács-Vell"; a token's is_title is its text's istitle())."""
    named = [w for w in words if w not in _HYPHENS]
    return 2 <= len(named) <= 4 and all(w.istitle() and w.replace("-", "").isalpha() for w in named)


class _Reading:
    """What one call of the component reads once of its Doc (each read of ``doc.ents``, ``doc._`` or a span
    group makes its objects anew)."""

    __slots__ = (
        "columns",
        "doc",
        "document",
        "ents",
        "idx",
        "lower",
        "lower_ids",
        "offices",
        "orth",
        "pos",
        "positions",
        "spaces",
        "statistical",
        "tags",
        "text",
        "texts",
        "user_data",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # the columns the finding and the writing read of (nearly) every Doc, in one array: the tokens' texts and
        # lower-case forms (their hashes), fine tags, parts of speech, spaces after them, offsets and lemmas
        rows = doc.to_array(list(_COLUMNS)).T.tolist() if len(doc) else [[] for _ in _COLUMNS]
        self.columns: dict[int, list[int]] = dict(zip(_COLUMNS, rows, strict=True))
        self.orth, self.lower_ids, self.tags, self.pos, self.spaces, self.idx, _ = rows
        self.texts, self.lower = _strings_of(doc, self.orth), _strings_of(doc, self.lower_ids)
        self.text: str | None = None  # the Doc's text, when first asked for (see span_text)
        self.ents: Sequence[Span] | None = doc.ents  # until the writing sets them
        # the Doc's extensions where spaCy keeps them (each doc._ read makes an Underscore, and its look-up of an
        # extension raises and catches an AttributeError first)
        self.user_data = cast(dict[Any, Any], doc.user_data)  # (keyed by tuples, not the str its stub says)
        self.document: dict | None = self.user_data.get(_DOCUMENT)
        # the offices whereas_positions found, off the dict of the Doc's span groups (SpanGroups is a UserDict: its
        # get runs two calls in Python)
        self.positions: list[Span] = list(doc.spans.data.get(POSITIONS, ()))
        self.statistical: list[Span] | None = None  # the model's own entities, when first asked for
        self.offices: set[int] | None = None  # their tokens, when first asked for

    def full_text(self) -> str:
        """``doc.text``, made once (Doc.text makes a Token for each)."""
        if self.text is None:
            self.text = joined(self.texts, self.spaces)
        return self.text

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: a word's text, or the words' texts joined with the spaces after them (sliced
        off the Doc's text where that is made): no Span made."""
        if end - start == 1:
            return self.texts[start]
        if start >= end:
            return ""
        if self.text is not None:
            return self.text[self.idx[start] : self.idx[end - 1] + len(self.texts[end - 1])]
        texts, spaces = self.texts, self.spaces
        return "".join([texts[k] + " " if spaces[k] else texts[k] for k in range(start, end - 1)]) + texts[end - 1]


@dataclass(slots=True)
class Candidate:
    """An actor mention found in a Doc: token span, the cues for its type, its known identity, and its
    name where that is not the span's text ("Government" in "the President, Government and
    Parliament of X" is the "Government of X")."""

    start: int
    end: int
    votes: list[tuple[str, int, str]] = field(default_factory=list)
    kb_id: str = ""
    name: str = ""
    exact: bool = False  # its span wins over longer ones around it


class ActorTyper:
    """Turns statistical and rule entities into actor mentions typed with ``wh:`` class names.

    Keeps an entity when it names an actor (not a nationality, a law or a generic group),
    trims articles, titles, possessives and quotes, and collects every cue for its type:
    the vocabulary, the head of the name ("… Court"), the words around it ("the
    opposition party ‘Alga!’", "the journalist X", "the case of X") and the statistical
    label, which weighs least because it errs most on this genre.
    """

    def __init__(self, nlp: Language, name: str = "whereas_actors") -> None:
        self.name = name
        cues = load_json("type_cues.json")
        self.ner_labels: dict[str, str] = cues["ner_labels"]
        self.non_actor_labels = frozenset(cues["non_actor_labels"])
        self._non_actor_ids = frozenset(get_string_id(label) for label in self.non_actor_labels)  # (Span.label)
        self._ner_label_ids = frozenset(get_string_id(label) for label in self.ner_labels)
        #: labels the model gives to a person's name often enough to look at its context
        self.misread_labels = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE"})
        self.name_words = name_words()
        self.before = {w: t for t, words in cues["before_name"].items() for w in words}
        self.kind_acronyms = frozenset(cues["kind_acronyms"])
        self.people_of_body = frozenset(cues["people_of_body"])
        self.before_lower = {w: t for t, words in cues["before_name_lowercase"].items() for w in words}
        self.person_verbs = frozenset(cues["person_verbs"])
        self.person_subject_verbs = frozenset(cues["person_subject_verbs"])
        self.city_after = frozenset(cues["city_after"])
        self.person_passive_verbs = frozenset(cues["person_passive_verbs"])
        self.apposition_skip = frozenset(
            (
                "the",
                "a",
                "an",
                "former",
                "prominent",
                "well-known",
                "independent",
                "opposition",
                "human",
                "rights",
                "local",
                "leading",
                "veteran",
            )
        )
        self.before_phrase = [(tuple(p), t) for t, ps in cues["before_phrase"].items() for p in ps]
        self.after = [(tuple(p), t) for t, ps in cues["after_name"].items() for p in ps]
        self._before_phrase_at, self._after_at = _phrase_index(self.before_phrase), _phrase_index(self.after)
        #: an organisation's kind after its name ("the Nova Zorya newspaper"); a place's ("the X region") is no cue
        self.kind_after = {p[0]: t for p, t in self.after if len(p) == 1 and t not in ("Place", "Person")}
        self.not_heads = frozenset(cues["not_actor_heads"])
        self.not_names = frozenset(name_key(n) for n in cues["not_actor_names"])
        self.titles = frozenset(cues["titles"])
        self.judicial_titles = frozenset(cues["judicial_titles"])
        self._judicial_title_ids = frozenset(get_string_id(w) for w in self.judicial_titles)
        self.report_kinds = frozenset(tuple(k) for k in cues["report_kinds"])
        self.fields = frozenset(cues["field_labels"])
        self.demand_verbs = frozenset(cues["demand_verbs"])
        self.regions = frozenset(name_key(r) for r in cues["world_regions"])
        #: lower-case words inside a name: "Mariana dos Santos", "Folha do Norte", "Mohammed bin Salman"
        self.body_particles = frozenset(cues["body_particles"])
        self.salutations = frozenset(load_json("offices.json")["salutations"])  # "Dear Minister X"
        self.currencies = frozenset(load_json("event_values.json")["currencies"])  # "pay Ms X EUR 7,500"
        roles = load_json("relation_roles.json")
        #: the nouns of a role in a body ("chair", "rapporteur", "member"), and the prefixes of a deputy's
        self.role_nouns = frozenset(w for words in roles["nouns"].values() for w in words)
        self.deputy_prefixes = tuple(p for p in roles["deputies"] if p.endswith("-"))
        self.suffixes = frozenset(cues["name_suffixes"])
        # lower-case words inside a name: "dos" ("Mariana dos Santos"), "pour les" ("Collectif … pour les
        # Droits Humains"), a patronymic ("Rauf Akif oglu Sultanli")
        self.particles = frozenset(cues["name_particles"]) | self.body_particles | self.suffixes
        #: words for what a person does, which stand before a name ("blogger X", "Magistrate X")
        self.occupations = frozenset(cues["before_name"]["Person"]) - {
            "wife",
            "husband",
            "widow",
            "son",
            "daughter",
            "mother",
            "father",
            "brother",
            "sister",
        }
        self.pronouns = {w: t for t, words in cues["pronouns"].items() for w in words}
        self._reading: _Reading | None = None  # what a call reads once of its Doc
        self._pronoun_ids = frozenset(get_string_id(w) for w in self.pronouns)
        self._bracketless: set[int] = set()  # the token texts (ORTH hashes) read that hold no ")"
        self._lemma_kinds: dict[int, str | None] = {}  # the kinds of the lemmas (hashes) read (see _kind_of)
        self.demonyms = frozenset(demonyms())
        self.bare = bare_aliases()
        self.institutions = frozenset(load_lines("institution_words.txt"))
        self.quoted = Matcher(nlp.vocab)
        opening, closing = ["‘", "“", "'", '"', "«"], ["’", "”", "'", '"', "»"]
        #: what every quoted pattern needs: an opening quote and one of the nouns (a Doc without is not tried)
        self._quoted_needs = (
            frozenset(get_string_id(q) for q in opening),
            frozenset(get_string_id(n) for nouns in cues["quoted_after"].values() for n in nouns),
        )
        for label, nouns in cues["quoted_after"].items():
            self.quoted.add(
                label,
                [
                    [
                        {"LOWER": {"IN": nouns}},
                        {"ORTH": {"IN": opening}},
                        {"ORTH": {"NOT_IN": opening + closing}, "OP": "+"},
                        {"ORTH": {"IN": closing}},
                    ]
                ],
            )

    def __call__(self, doc: Doc) -> Doc:
        self._reading = _Reading(doc)  # read once for the finding and the writing
        try:
            self.set_annotations(doc, self.match(doc))
        finally:
            self._reading = None
        return doc

    # -- finding ------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[Candidate]:
        called = self._reading is not None and self._reading.doc is doc  # in __call__, which reads it
        if not called:
            self._reading = _Reading(doc)
        try:
            return self._match(doc)
        finally:
            if not called:
                self._reading = None

    def _of(self, doc: Doc) -> "_Reading":
        """What this call reads once of ``doc`` (all read anew outside a call)."""
        return self._reading if self._reading is not None and self._reading.doc is doc else _Reading(doc)

    def _ents(self, doc: Doc) -> Sequence[Span]:
        """``doc.ents``, read once in a call until the writing sets them (each read makes every Span anew)."""
        ents = self._of(doc).ents
        return ents if ents is not None else doc.ents

    def _document(self, doc: Doc) -> dict | None:
        """The dict the parts of the Doc's document share (``doc._.document``), read once in a call."""
        return self._of(doc).document

    def _told_before(self, doc: Doc, key: str) -> dict:
        """What the earlier parts of the Doc's document told under ``key`` ("surnames", "first_names", "acronyms")."""
        return (self._document(doc) or {}).get(key, {})

    def _positions(self, doc: Doc) -> list[Span]:
        """The offices ``whereas_positions`` found, read once in a call (each read makes their Spans anew)."""
        return self._of(doc).positions

    def _statistical(self, doc: Doc) -> list[Span]:
        """The model's own entities (kept before the rulers overwrote them), read once in a call."""
        reading = self._of(doc)
        if reading.statistical is None:
            reading.statistical = list(doc.spans.data.get(STATISTICAL, ()))  # (see positions in _Reading)
        return reading.statistical

    def _offices(self, doc: Doc) -> set[int]:
        """The tokens of the offices ``whereas_positions`` found, read once in a call."""
        reading = self._of(doc)
        if reading.offices is None:
            reading.offices = {i for s in self._positions(doc) for i in range(s.start, s.end)}
        return reading.offices

    def _column(self, doc: Doc, attr: int) -> list[int]:
        """The Doc's array of ``attr`` (a token attribute this component does not change), read once in a call."""
        columns = self._of(doc).columns
        column = columns.get(attr)
        if column is None:  # (not one of those read together)
            column = columns[attr] = doc.to_array(attr).tolist() if len(doc) else []
        return column

    def _tokens_with(self, doc: Doc, attr: int, values: frozenset[int]) -> list[int]:
        """The indices of the tokens whose ``attr`` (LOWER, ORTH, TAG…) is one of ``values`` (hashes), in
        order: read off the Doc's array, without a Token object per token."""
        return _indices(self._column(doc, attr), values)

    def _match(self, doc: Doc) -> list[Candidate]:
        found: list[Candidate] = []
        reading = self._of(doc)
        orth, lower = reading.orth, reading.lower_ids  # (the hashes the gates below test, in C)
        positions = self._positions(doc)
        offices = {(s.start, s.end) for s in positions}
        rejected = set()  # the entities no candidate came of: the same span and label gives none again
        ents = self._ents(doc)
        for ent in ents:
            cand = self._accept(doc, ent, offices)
            if cand is not None:
                found.append(cand)
            else:
                rejected.add(_entity_key(ent))
        # a model's entity that a vocabulary match overwrote and that match was then set aside:
        # "the National Electoral Council" lost to a bare "Council" that names no EU body here
        taken = {i for c in found for i in range(c.start, c.end)}
        taken |= {i for e in ents if e.label in self._non_actor_ids for i in range(e.start, e.end)}
        for ent in self._statistical(doc):
            label_id = ent.label  # (its hash: the string is decoded by _accept, where it reads one)
            if (
                label_id in self._ner_label_ids
                and taken.isdisjoint(range(ent.start, ent.end))
                and _entity_key(ent) not in rejected
            ):
                cand = self._accept(doc, ent, offices)
                if cand is not None:
                    found.append(cand)
                    taken |= set(range(cand.start, cand.end))
            elif label_id == _ORG:
                found = self._country_led(doc, ent, found)
        if positions:  # (a name after an office: none without an office)
            found.extend(self._names_after_offices(doc, found))
        found.extend(self._unlabelled_names(doc, found))
        # an opening quote and a noun a quoted name may follow, else no quoted name
        may_quote = not self._quoted_needs[0].isdisjoint(orth) and not self._quoted_needs[1].isdisjoint(lower)
        for match_id, start, end in self.quoted(doc) if may_quote else ():
            inner = doc[start + 2 : end - 1]
            if inner and (inner[0].is_title or inner[0].is_upper) and len(inner) <= 8:
                label = doc.vocab.strings[match_id]
                votes = [(label, W_CONTEXT, f"quoted-after:{doc[start].lower_}")]
                known = lookup(inner.text)
                found.append(Candidate(inner.start, inner.end, votes, known[0] if known else ""))
        if not _NNS.isdisjoint(reading.tags):  # (a plural kind, else no list after one)
            found.extend(self._listed_after_kind(doc))
        found.extend(self._named_after_kind(doc, found))
        found = self._join_across_and(doc, found)
        found = self._join_across_for(doc, found)
        found = self._court_in_city(doc, found)
        if _OPENING_BRACKET in orth:  # (an acronym in brackets, else none defined here)
            found.extend(self._acronyms(doc, found))
        if reading.document:  # (what the document's earlier parts told, else no acronym they defined)
            found.extend(self._acronyms_defined_before(doc, found))
        if not _AND_OR.isdisjoint(lower):  # (a list of bodies ends in "and" or "or")
            found.extend(self._shared_state(doc))
        if not self._bracketless.issuperset(orth[:_DATELINE_TOKENS]):  # (a ")" in the first tokens, else no dateline)
            found.extend(self._dateline_agency(doc))
        if reading.lower[:1] == ["by"]:  # (a byline opens its part)
            found.extend(self._byline_publisher(doc, found))
        # a line break and a colon, which the card and the header need, are in the tokens' texts (a space after a
        # token is " "): the Doc's text is made only where they are
        words = "".join(reading.texts)
        if "\n" in words:
            found.extend(self._contact_card(doc, reading.full_text(), found))
        if ":" in words:
            found.extend(self._labelled_names(doc, reading.full_text()))
        if not self._judicial_title_ids.isdisjoint(orth):  # (a judge's title, else no judge named after one)
            found.extend(self._judges(doc))
        if _VERSUS_IDS.isdisjoint(lower):
            return found  # no "v." between parties: no name cites a case
        return [c for c in found if not _cites_a_case(doc, c.end)]

    def _country_led(self, doc: Doc, ent: Span, found: list[Candidate]) -> list[Candidate]:
        """ "the Bahrain Centre for Rights and Dignity": an organisation whose name opens with its country's,
        which the gazetteer took for the country and a name shape for the rest; the model's entity spans
        both. The two become one organisation (not a state body: "the Bahrain Ministry of Interior" is
        the ministry)."""
        start = ent.start + (self._of(doc).lower[ent.start] == "the")
        country = next((c for c in found if c.start == start and c.kb_id.startswith("country/")), None)
        rest = next((c for c in found if country and c.start == country.end and c.end == ent.end), None)
        if country is None or rest is None or rest.kb_id or doc[country.end - 1].dep_ != "compound":
            return found
        kind = best_type(rest.votes)
        if kind not in _ORGANISATION_TYPES or kind == "GovernmentBody":
            return found
        joined = Candidate(country.start, rest.end, [*rest.votes, (kind, W_CONTEXT, "country-led")])
        return [joined if c is rest else c for c in found if c is not country]

    def _contact_card(self, doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
        """A press release's contact card ("Ana Vell / Press Officer for … / +32 2 29 53183", its lines kept by
        the reader) or a letter's signature ("Ana Vell / Special Rapporteur on …"): its first line, two to four
        capitalised words, is a person's name, however the model read it."""
        if "\n" not in text or not (_PHONE_LINE.search(text) or text.strip().count("\n") == 1):
            return []  # (a card has a telephone line; a signature is a name and its office on the line below)
        out = []
        texts = self._of(doc).texts
        for start, end in _lines(texts):
            if not _name_words(texts[start:end]):
                continue
            if end >= len(doc) or not doc[end + 1 : end + 2].text[:1].isupper():
                continue  # a name has its office on the next line
            if self.name_words.head_of([t.text for t in doc[start:end] if t.text not in _HYPHENS]) or any(
                c.exact and c.start < end and start < c.end for c in found
            ):
                continue  # an office's or a body's name ("Press Office"), or a name the text's own cues read
            out.append(Candidate(start, end, [("Person", W_CONTEXT, CONTACT_CARD)]))
        return out

    def _labelled_names(self, doc: Doc, text: str) -> list[Candidate]:
        """A header's line naming the speaker after their office ("Spokesperson for the UN High Commissioner for
        Human Rights: Ana Vell"): the name after the colon is a person's, where the office opens with a person's
        role."""
        if ":" not in text:
            return []
        out = []
        reading = self._of(doc)  # (the words off the columns: no Token for each)
        texts, lower = reading.texts, reading.lower
        for start, end in _lines(texts):
            if start == end or self.before.get(lower[start]) != "Person":
                continue  # (a line opening with a person's role only)
            colon = next((k for k in range(start, end) if texts[k] == ":"), None)
            if colon is None or colon == start:
                continue
            if _name_words(texts[colon + 1 : end]):
                out.append(Candidate(colon + 1, end, [("Person", W_CONTEXT, f"{LABELLED}{lower[start]}")]))
        return out

    def _judges(self, doc: Doc) -> list[Candidate]:
        """ "Justice Ama Owusu-Bekoe (presiding), Justice Tomas Eberle and …": the name of two to four capitalised
        words after a judge's title is a person's, the title left out, however the model cut or typed it."""
        out = []
        for tok in (doc[i] for i in self._tokens_with(doc, ORTH, self._judicial_title_ids)):
            if tok.i > 1 and doc[tok.i - 1].lower_ in ("of", "for") and doc[tok.i - 2].is_title:
                continue  # "Ministry of Justice", "Court of Justice"
            end = tok.i + 1
            while end < len(doc) and end - tok.i <= 4 and doc[end].is_title and _wordlike(doc[end].text):
                end += 1
            words = [t.lower_ for t in doc[tok.i + 1 : end]]
            closed = (
                end == len(doc) or doc[end].is_punct or doc[end].lower_ == "and" or doc[end].pos_ in ("VERB", "AUX")
            )
            if (
                2 <= len(words) <= 4
                and closed
                and not any(w in self.name_words.heads or w in self.institutions for w in words)
                and not lookup(doc[tok.i + 1 : end].text)
                and doc[end - 1].text not in country_names()  # "Justice Access Uganda (JAU)": a body's name
            ):
                out.append(Candidate(tok.i + 1, end, [("Person", W_CONTEXT, f"title:{tok.lower_}")], exact=True))
        return out

    def _dateline_agency(self, doc: Doc) -> list[Candidate]:
        """The agency a wire story's dateline names at the start of its part ("TUNIS, Jan 5 (Wirex) –") is a
        media outlet, one word the model read as a person's name or did not read as a name at all; the city
        before it, where the gazetteer knows it, is a place."""
        if not self._bracket_closed(doc, self._column(doc, ORTH)[:_DATELINE_TOKENS]):
            return []  # no ")" in the first tokens: their words read, not the text of the Doc's opening made
        head = doc[:_DATELINE_TOKENS].text  # a dateline opens the part: its first tokens, not all of Doc.text
        found = WIRE_DATELINE.match(head) if ")" in head else None
        if found is None:
            return []
        out = []
        span = doc.char_span(found.start(1), found.end(1), alignment_mode="contract")
        if span is not None and len(span) and span[0].is_title:
            out.append(Candidate(span.start, span.end, [("MediaOutlet", W_GAZETTEER, "dateline")]))
        city = doc.char_span(0, head.index(","), alignment_mode="contract")
        if city is not None and len(city) and city_population(city.text) is not None:
            out.append(Candidate(city.start, city.end, [("Place", W_GAZETTEER, "dateline")]))
        return out

    def _byline_publisher(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """The body a byline names after its author ("By Ana Vell, The Atlas Quarterly", "By X, Senior Researcher,
        Y Watch"): the publisher, a media outlet unless its name's words say what else it is. Only where no
        other reading took the words."""
        if not len(doc) or self._of(doc).lower[0] != "by":
            return []
        m = BYLINE.fullmatch(self._of(doc).full_text())
        span = doc.char_span(m.start("publisher"), m.end("publisher"), alignment_mode="contract") if m else None
        if span is None or not len(span) or any(c.start < span.end and span.start < c.end for c in found):
            return []
        typed = self.name_words.type_of([t.text for t in span])
        return [Candidate(span.start, span.end, [(typed[0] if typed else "MediaOutlet", W_CONTEXT, "byline")])]

    def _bracket_closed(self, doc: Doc, forms: list[int]) -> bool:
        """Whether one of the token texts ``forms`` (ORTH hashes) holds a ")" (each text is read once a process)."""
        if self._bracketless.issuperset(forms):
            return False
        strings = doc.vocab.strings
        for orth in forms:
            if orth not in self._bracketless:
                if ")" in strings[orth]:
                    return True
                self._bracketless.add(orth)
        return False

    def _shared_state(self, doc: Doc) -> list[Candidate]:
        """ "the President, Government and Jogorku Kenesh of the Kyrgyz Republic": bodies listed with
        the state they share, each named with it ("Government of the Kyrgyz Republic"); a body with a
        name of its own keeps it ("Jogorku Kenesh")."""
        out: list[Candidate] = []
        if _AND_OR.isdisjoint(self._column(doc, LOWER)):
            return out  # no list: its last body follows "and" or "or"
        for at in self._tokens_with(doc, LOWER, _OF):
            of = doc[at]
            if of.i < 3:
                continue
            # the bodies listed before the "of" first: most "of"s follow no list, and the state's name is not read
            conjuncts = _conjuncts_before(doc, of.i)
            if len(conjuncts) < 2 or not any(doc[s - 1].lower_ in ("and", "or") for s, _ in conjuncts[:-1]):
                continue  # a list ends in "and": not "Mohamed Eddine, Secretary General of the …"
            state = of.i + 1 + (of.i + 1 < len(doc) and doc[of.i + 1].lower_ == "the")
            end = OfficeFinder.state_end(doc, of.i)
            if end == of.i or not is_state(doc[state:end].text):
                continue
            of_state = doc[of.i : end].text
            known = lookup(doc[state:end].text)
            if known:  # the state itself, which a longer name around it may have hidden
                out.append(Candidate(state, end, [(known[1], W_GAZETTEER, f"known:{known[0]}")], known[0], exact=True))
            for s, e in conjuncts:
                words = {t.lower_ for t in doc[s:e]}
                vote = [("GovernmentBody", W_HEAD, "listed-with-state")]
                if words <= self.institutions:  # its words only (the state's name is a name of its own), which
                    # win over a longer span the model cut ("Government and")
                    out.append(Candidate(s, e, vote, name=f"{doc[s:e].text} {of_state}", exact=True))
                else:  # a body with a name of its own: "Jogorku Kenesh", not "… of the Kyrgyz Republic"
                    out.append(Candidate(s, e, vote, exact=True))
        return out

    def _listed_after_kind(self, doc: Doc) -> list[Candidate]:
        """ "the newspapers Nordlys and Vestvind", "the parties A, B and C": each name listed after a plural
        kind is one of that kind, however the model cut or read them."""
        out: list[Candidate] = []
        lemmas = self._column(doc, LEMMA)
        for at in self._tokens_with(doc, TAG, _NNS):  # a plural kind
            kind = self._kind_of(doc, lemmas[at])
            if kind in (None, "Person") or at + 1 >= len(doc):
                continue
            tok = doc[at]
            i, names = tok.i + 1, []
            while i < len(doc):
                j = i
                while (
                    j < len(doc)
                    and _CAPITALISED(doc[j].text)
                    and _wordlike(doc[j].text)
                    and doc[j].lower_ not in _CALENDAR
                    and j - i < 5
                ):
                    j += 1
                if j == i:
                    break
                names.append((i, j))
                if j + 1 < len(doc) and doc[j].lower_ in (",", "and", "or"):
                    i = j + 1 + (doc[j].text == "," and doc[j + 1].lower_ in ("and", "or"))
                else:
                    break
            if len(names) < 2:
                continue  # one name after its kind is the apposition cue's ("the newspaper X")
            for start, end in names:
                known = lookup(doc[start:end].text)
                votes = [(kind, W_CONTEXT, f"listed-after:{tok.lower_}")]
                if known:
                    votes.append((known[1], W_GAZETTEER, f"known:{known[0]}"))
                out.append(Candidate(start, end, votes, known[0] if known else "", exact=True))
        return out

    def _named_after_kind(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "the rights group Korvel Justice Initiative said": a name the model did not read, right after the
        word for its kind ("the newspaper", "the rights group"), is one of that kind."""
        taken = {i for c in found for i in range(c.start, c.end)}
        out: list[Candidate] = []
        lemmas = self._column(doc, LEMMA)
        for at in self._tokens_with(doc, TAG, _NN):  # a singular kind, opened by "the"/"a" or a modifier
            kind = self._kind_of(doc, lemmas[at])  # (its lemma off the column: a Token only for a kind's word)
            if kind in (None, "Person") or at == 0 or at + 1 == len(doc) or doc[at - 1].dep_ not in _KIND_OPENERS:
                continue
            tok = doc[at]
            if not _CAPITALISED(doc[at + 1].text):
                continue  # no name right after the word ("the city of Osh")
            end = at + 1
            while end < len(doc) and end - at <= 6 and end not in taken:
                word = doc[end].text
                if _CAPITALISED(word) and _wordlike(word) and doc[end].lower_ not in _CALENDAR:
                    end += 1
                elif (
                    (doc[end].lower_ in _NAME_LINKS or (doc[end].lower_ in self.body_particles and doc[end].is_lower))
                    and end + 1 < len(doc)
                    and _CAPITALISED(doc[end + 1].text)
                ):
                    end += 1  # "Observatory for Rights", "the law firm Zashchita i Pravo": a link inside the name
                else:
                    break
            while end > at + 1 and doc[end - 1].lower_ in _NAME_LINKS:
                end -= 1
            first = doc[at + 1].lower_
            if end == at + 1 or end in taken or first in self.titles or self.before.get(first) == "Person":
                continue  # no name, one the model read, or a person's title ("the party Chairman X")
            if end < len(doc) and _CAPITALISED(doc[end].text):
                continue  # a longer name than six words: not read here
            known = lookup(doc[at + 1 : end].text)
            votes = [(kind, W_CONTEXT, f"named-after:{tok.lower_}")]
            if known:
                votes.append((known[1], W_GAZETTEER, f"known:{known[0]}"))
            out.append(Candidate(at + 1, end, votes, known[0] if known else "", exact=True))
        return out

    def _kind_of(self, doc: Doc, lemma: int) -> str | None:
        """The type a noun's lemma (its hash, off the Doc's LEMMA column) names before a name ("newspaper":
        MediaOutlet), or None: looked up once a process for each lemma, not decoded and lowered for each noun."""
        if lemma in self._lemma_kinds:
            return self._lemma_kinds[lemma]
        kind = self._lemma_kinds[lemma] = self.before.get(doc.vocab.strings[lemma].lower())
        return kind

    def _join_across_and(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "the Burkinabe Movement for Human and Peoples' Rights": a name the model cut at the "and" of
        its mandate, the second part no name of its own (no head, no person)."""
        lower = self._of(doc).lower  # (the words off the columns: a Token only for a tag)
        if _AND not in self._of(doc).lower_ids or not _word_beside(lower, found, "and", before=True):
            return sorted(found, key=_START)  # no "and" after a name or before one: none joined, none goes on

        def partner(c: Candidate, starts: dict[int, Candidate]) -> Candidate | None:
            nxt = starts.get(c.end + 1)
            if (
                nxt is not None
                and c.end < len(doc)
                and lower[c.end] == "and"
                and not c.kb_id
                and not nxt.kb_id
                and any(w in ("for", "of", "on") for w in lower[c.start + 1 : c.end])
                and best_type(c.votes) not in ("Person", "Place", "Country")
                and best_type(nxt.votes) != "Person"
                and self.name_words.type_of([t.text for t in doc[nxt.start : nxt.end]]) is None
            ):
                return nxt
            return None

        def alone(c: Candidate, starts: dict[int, Candidate]) -> Candidate:
            end = self._mandate_after_and(doc, c, starts)  # "the Y Association for Freedoms and Equality"
            start = c.start
            if (  # "the Democratic and Social Renewal Party": a qualifier of the name before its "and"
                start >= 3
                and not c.kb_id
                and lower[start - 1] == "and"
                and doc[start - 2].tag_ == "JJ"
                and doc[start - 2].is_title
                and start - 2 not in covered
                and lower[start - 3] == "the"
                and best_type(c.votes) in _BODY_TYPES
            ):
                start -= 2
            return (
                Candidate(start, end if end is not None else c.end, c.votes) if (start, end) != (c.start, None) else c
            )

        covered = {i for c in found for i in range(c.start, c.end)}  # (read by alone, only where an "and" stands)
        return self._join_next(doc, found, partner, alone)

    def _join_across_for(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "the Council of Tarn Villages for the Defence of the Forest": a body's name the model cut at the "for"
        of its mandate, the second part opening with a mandate's word ("Defence", "Protection")."""
        lower = self._of(doc).lower  # (the words off the columns: no Token for each)
        if _FOR not in self._of(doc).lower_ids or not _word_beside(lower, found, "for"):
            return sorted(found, key=_START)  # no "for" after a name: none joined (as _join_next)

        def partner(c: Candidate, starts: dict[int, Candidate]) -> Candidate | None:
            nxt = starts.get(c.end + 1 + (c.end + 1 < len(lower) and lower[c.end + 1] == "the"))
            if (
                nxt is not None
                and lower[c.end] == "for"
                and not c.kb_id
                and not nxt.kb_id
                and best_type(c.votes) in _ORGANISATION_TYPES
                and best_type(nxt.votes) not in ("Person", "Place", "Country")
                and lower[nxt.start] in self.name_words.mandate_openers
            ):
                return nxt
            return None

        return self._join_next(doc, found, partner)

    def _court_in_city(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "the High Court in Banjul", "the High People's Court in Hanoi": a court with a name of generic words
        only is named with the city it sits in, where the text names it so."""
        if _IN not in self._of(doc).lower_ids:
            return found
        lower = self._of(doc).lower  # (the words off the columns: no Token for each)
        if not _word_beside(lower, found, "in"):
            return sorted(found, key=_START)  # no "in" after a name: none joined (as _join_next)

        def partner(c: Candidate, starts: dict[int, Candidate]) -> Candidate | None:
            nxt = starts.get(c.end + 1)
            if (
                nxt is None
                or lower[c.end] != "in"
                or c.kb_id
                or best_type(c.votes) != "Court"
                or best_type(nxt.votes) != "Place"
                or nxt.end - nxt.start > 3
            ):
                return None
            words = [w for w in name_key(doc[c.start : c.end].text).split() if w not in ("the", "of")]
            # (a long name tells its court apart: "the Supreme State Security Emergency Court in Cairo" is its own)
            return nxt if len(words) <= 3 and all(w in self.institutions for w in words) else None

        return self._join_next(doc, found, partner)

    def _join_next(
        self,
        doc: Doc,
        found: list[Candidate],
        partner: Callable[[Candidate, dict[int, Candidate]], Candidate | None],
        alone: Callable[[Candidate, dict[int, Candidate]], Candidate] = lambda c, _: c,
    ) -> list[Candidate]:
        """The candidates in order of their starts, each joined with the next one ``partner`` finds it (which
        then goes), else as ``alone`` leaves it."""
        starts = {c.start: c for c in found}
        out: list[Candidate] = []
        dropped: set[int] = set()
        for c in sorted(found, key=_START):
            if id(c) in dropped:
                continue
            nxt = partner(c, starts)
            if nxt is not None:
                out.append(self._joined(doc, c, nxt))
                dropped.add(id(nxt))
            else:
                out.append(alone(c, starts))
        return out

    def _joined(self, doc: Doc, first: Candidate, last: Candidate) -> Candidate:
        """One name from ``first`` to the end of ``last``: the first part's own cues, less those its head word
        gave (the part's head is not the name's), and what the whole name's words give."""
        votes = [v for v in first.votes if not v[2].startswith(_NAME_CUES)]
        typed = self.name_words.type_of([t.text for t in doc[first.start : last.end]])
        if typed is not None:
            votes.append((typed[0], W_HEAD, typed[1]))
        return Candidate(first.start, last.end, votes)

    def _mandate_after_and(self, doc: Doc, c: Candidate, starts: dict[int, Candidate]) -> int | None:
        """Where a civil body's name the vocabulary's shape cut at the "and" of its mandate ends: after the
        one to three capitalised words after the "and" that are no name of their own ("the Z Alliance for
        Labour and Democratic Rights"), or None."""
        reading = self._of(doc)  # (the words off the columns: a Token only for an entity's type)
        lower, texts = reading.lower, reading.texts
        if (
            c.kb_id
            or c.end + 1 >= len(lower)
            or lower[c.end] != "and"
            or best_type(c.votes) not in ("NGO", "Organisation", "PoliticalParty", "GovernmentBody")
            or not any(w in ("for", "of", "on") for w in lower[c.start + 1 : c.end])
        ):
            return None
        end = c.end + 1
        while end < len(lower) and end - c.end <= 4 and texts[end].istitle() and texts[end].isalpha():
            if end in starts or doc[end].ent_type_ in ("Person", "Place", "Country"):
                return None
            end += 1
        if end == c.end + 1 or end - c.end > 4 or (end < len(lower) and lower[end] in ("’s", "'s")):
            return None
        run = texts[c.end + 1 : end]
        if self.name_words.type_of(run) is not None or lookup(" ".join(run)):
            return None
        return end

    def _acronyms(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "the Centre for Rights and Civic Engagement (CRCE)": the name its initials spell, and the
        acronym as another name of the same actor. Where the initials do not fit (an acronym of
        the name in another language), the name found before the brackets stands."""
        out: list[Candidate] = []
        ends: dict[int, Candidate] = {}
        for c in found:  # the longest name before the brackets, not a country at its end ("… du Burundi (SOPRIBU)")
            if c.end not in ends or c.start < ends[c.end].start:
                ends[c.end] = c
        closing = set(self._tokens_with(doc, ORTH, _CLOSE))
        for opening in self._tokens_with(doc, ORTH, _OPEN):  # a word in brackets: "(" at i - 1, ")" at i + 1
            i = opening + 1
            if not 2 <= i < len(doc) - 1 or i + 1 not in closing or not is_acronym(doc[i].text):
                continue
            acronym = doc[i].text
            named = spell_out(doc, i - 1, acronym)
            name = ends.get(i - 1)
            if named is not None and (name is None or named < name.start):
                # the name before the brackets was only its last words; a country they name is not the name's
                # ("Anglophone Rights Watch Cameroon (ARWC)")
                country = (
                    name is not None
                    and name.kb_id.startswith("country/")
                    and not lookup(doc[named : i - 1].text)  # (not "the People's Republic of China (PRC)")
                )
                votes = [] if name is None or country else list(name.votes)  # (the country's cues are not its)
                typed = self.name_words.type_of([t.text for t in doc[named : i - 1]])
                if typed is not None:
                    votes.append((typed[0], W_HEAD, typed[1]))
                votes.append(("Organisation", W_NER, f"spelled-by:{acronym}"))
                name = Candidate(named, i - 1, votes, name.kb_id if name is not None and not country else "")
                out.append(name)
            if name is None or (
                named is None and best_type(name.votes) == "Person" and self._body_acronym(doc, i, ends)
            ):
                continue  # "Ana Lind (PDP)", "Ana Lind (S&D)": a person's party in brackets, no name of hers
            votes = [(t, w, f"acronym-of:{cue}") for t, w, cue in name.votes if not cue.startswith("known:")]
            out.append(Candidate(i, i + 1, votes or [("Organisation", W_NER, "acronym")], name.kb_id))
        if out:  # "… (KDV). The KDV was banned": the acronym used again, whatever the tagger made of it
            out.extend(self._acronyms_again(doc, found, out))
        defined = [c for c in out if c.end - c.start == 1 and is_acronym(doc[c.start].text)]
        document = self._document(doc) if defined else None
        if document is not None:  # and in the document's later parts
            kept = document.setdefault("acronyms", {})
            for c in defined:
                kept.setdefault(doc[c.start].text, {"votes": [list(v) for v in c.votes], "kb": c.kb_id})
        return out

    def _body_acronym(self, doc: Doc, i: int, ends: dict[int, Candidate]) -> bool:
        """Whether the acronym at token ``i`` is a body's: a known one's, or one the document gives in brackets
        after a name not a person's (here, or in an earlier part); ``ends``: the names found, by their end."""
        acronym = doc[i].text
        if lookup(acronym) is not None or acronym in self._told_before(doc, "acronyms"):
            return True
        closing = set(self._tokens_with(doc, ORTH, _CLOSE))
        for k in (opening + 1 for opening in self._tokens_with(doc, ORTH, _OPEN)):
            name = ends.get(k - 1) if k != i and k + 1 in closing and doc[k].text == acronym else None
            if name is not None and best_type(name.votes) != "Person":
                return True
        return False

    def _acronyms_defined_before(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "the Centre for Civic Engagement (CCE)" in one paragraph, "CCE staff were detained" in a later
        one: the acronym an earlier part defined, with what its definition said of it (a new candidate
        where none covers it, its cues added to the model's candidate of that word)."""
        known = self._told_before(doc, "acronyms")
        if not known:
            return []
        taken = {i for c in found for i in range(c.start, c.end)}
        alone = {c.start: c for c in found if c.end - c.start == 1}
        out = []
        for i in self._tokens_with(doc, ORTH, frozenset(get_string_id(a) for a in known)):
            entry = known[doc[i].text]
            votes = [(t, w, cue) for t, w, cue in entry["votes"]]
            if i in alone:  # the model found it too: what its definition said of it counts as well
                alone[i].votes.extend(v for v in votes if v not in alone[i].votes)
            elif i not in taken:
                out.append(Candidate(i, i + 1, votes, entry["kb"]))
        return out

    @staticmethod
    def _acronyms_again(doc: Doc, found: list[Candidate], defined: list[Candidate]) -> list[Candidate]:
        """The later uses of the acronyms ``defined`` in brackets that no candidate covers."""
        taken = {i for c in (*found, *defined) for i in range(c.start, c.end)}
        first = {doc[c.start].text: c for c in defined if c.end - c.start == 1 and is_acronym(doc[c.start].text)}
        out = []
        for tok in doc:
            c = first.get(tok.text)
            if c is not None and tok.i > c.start and tok.i not in taken:
                out.append(Candidate(tok.i, tok.i + 1, list(c.votes), c.kb_id))
        return out

    def _accept(self, doc: Doc, ent: Span, offices: set[tuple[int, int]]) -> Candidate | None:
        """The actor candidate an entity gives, if it names an actor that is not an office."""
        label = ent.label_  # (each read decodes the string anew)
        if label in self.non_actor_labels:
            text = self._of(doc).span_text(ent.start, ent.end)  # (ent.text joins its tokens' texts)
            known = lookup(text)
            if known and known[1] == "Country":
                pass  # a country the model took for a nationality ("Tajikistan" NORP) is kept
            elif (
                len(ent) == 1
                and self._of(doc).texts[ent.start].istitle()
                and self._of(doc).lower[ent.start]
                in _surnames_named(self._statistical(doc), self._told_before(doc, "surnames"))
            ):
                # "Ivo Bengali … Bengali was released": a surname the model took for a language or a people
                return self._candidate(doc, ent, [("Person", W_CONTEXT, "surname-of-person")])
            elif self._listed_with_people(doc, ent):  # "Rustam Aliyev, Kamran Mammadov and Elnur Huseynov"
                return self._candidate(doc, ent, [("Person", W_CONTEXT, "listed-with-person")])
            elif (
                label == "NORP"
                and len(ent) == 1
                and text not in self.demonyms
                and given_name_gender(text)
                and ent.end < len(doc)
                and doc[ent.end].is_title
                and doc[ent.end].pos_ == "PROPN"
                and not doc[ent.end].ent_type_
            ):  # "brought by Malika Umarova": a given name the model took for a people, the surname after it
                return Candidate(ent.start, ent.end + 1, [("Person", W_CONTEXT, "given-name-and-surname")])
            elif (
                label == "NORP"
                and text not in self.demonyms
                and ent.end < len(doc)
                and doc[ent.end].lower_ in self.kind_after
            ):  # "the opposition Birlik movement": a name the model took for a nationality, its kind after it
                kind = self.kind_after[doc[ent.end].lower_]
                return self._candidate(doc, ent, [(kind, W_CONTEXT, f"kind-after:{doc[ent.end].lower_}")])
            elif label in self.misread_labels:  # "the writer Ernesto Villalta" read as a title
                cand = self._candidate(doc, ent)
                if cand is None or (cand.start, cand.end) in offices:
                    return None
                if any(cue == "city" for _, _, cue in cand.votes) and self._located(doc, cand.start, cand.end):
                    return cand  # "arrested X, a member of Y, in Matagalpa": a city the model took for a product
                return cand if any(w >= W_CONTEXT and t == "Person" for t, w, _ in cand.votes) else None
            else:
                return None
        cand = self._candidate(doc, ent)
        if cand is None or (cand.start, cand.end) in offices or self._qualifies_people(doc, cand):
            return None
        if not offices:
            return cand  # (no office for the name to hold or lie in: most parts)
        inner = [(s, e) for s, e in offices if cand.start <= s and e <= cand.end]
        if inner and not cand.kb_id and not self._named_after(self._of(doc).texts, cand.start, cand.end):
            return None  # "the UN High Commissioner, Navi Pillay": the office and its holder, read apart
        if any(s <= cand.start and cand.end <= e for s, e in offices) and (
            not cand.kb_id or any(s == cand.start and cand.end < e for s, e in offices)
        ):
            return None  # "the Union for Foreign Affairs" inside "High Representative of the Union …",
            # "UN" in "UN Special Rapporteur on …": the office's own organisation
        return cand

    def _qualifies_people(self, doc: Doc, cand: Candidate) -> bool:
        """ "UN human rights experts", "three UN special rapporteurs", "EU citizens": an international body's
        acronym before people in the plural says whose they are; the body itself is not spoken of (not "KGB
        officers", a state body's, who act for it; not "EU restrictive measures"; not "sent to the UN")."""
        if cand.end - cand.start != 1 or not self._of(doc).texts[cand.start].isupper():  # (a token's is_upper)
            return False
        tok = doc[cand.start]
        return (
            best_type(cand.votes) == "InternationalOrganisation"
            and tok.dep_ in ("compound", "nmod")
            and tok.head.i > tok.i
            and tok.head.tag_ == "NNS"
            and tok.head.lemma_.lower() in self.people_of_body
        )

    def _listed_with_people(self, doc: Doc, ent: Span) -> bool:
        """A name of two or more capitalised words the model read as a nationality or a work, listed
        as a conjunct of names it read as people's."""
        reading = self._of(doc)  # (the words off the columns: no Token for each)
        pos, texts = reading.pos, reading.texts
        if (
            len(ent) < 2
            or not all(pos[k] == PROPN and texts[k].istitle() for k in range(ent.start, ent.end))
            or reading.span_text(ent.start, ent.end) in self.demonyms
        ):
            return False
        people = {i for e in self._statistical(doc) if e.label == _PERSON for i in range(e.start, e.end)}
        return any(c.i in people for c in ent.root.conjuncts) or (ent.root.dep_ == "conj" and ent.root.head.i in people)

    def _names_after_offices(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "HR/VP Ashton", "President Lukashenko": a capitalised name right after an office is a person."""
        taken = {i for c in found for i in range(c.start, c.end)}
        out = []
        for office in self._positions(doc):
            start = office.end
            if start + 1 < len(doc) and doc[start].text == ",":  # "the UN High Commissioner, Ana Ruiz,"
                start += 1
            end = start
            while (
                end < len(doc)
                and doc[end].pos_ == "PROPN"
                and doc[end].is_title
                and end not in taken
                and end - start < 3
            ):
                end += 1
            if end > start:  # "Crown Prince Mohammed bin Salman"
                end = self._across_particles(doc, start, end)[1]
            apposition = start > office.end
            if end > start and (not apposition or end == len(doc) or doc[end].is_punct):
                out.append(Candidate(start, end, [("Person", W_CONTEXT, f"after-office:{office.text}")]))
        return out

    def _misread_after_title(self, doc: Doc) -> set[int]:
        """ "sentenced Mr Alasgarli to eight years": the first word of a date, number or quantity the model
        read right after a title ("Mr", "Ms") is the name the title is of."""
        out = set()
        reading = self._of(doc)  # (the words off the columns: no Token per entity)
        lower, texts, pos = reading.lower, reading.texts, reading.pos
        for e in self._ents(doc):
            first = e.start
            if (
                first > 0
                and lower[first - 1] in self.titles
                and e.label_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL")
                and pos[first] == PROPN
                and _CAPITALISED(texts[first])
                and lower[first] not in _CALENDAR
            ):
                out.add(first)
        return out

    def _unlabelled_names(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """Capitalised names the statistical model missed, kept only where their context says
        what they are ("the blogger X", "Mr X", "X, who …") or where they share the surname of a
        person named in the same text ("Leyla Yunus and her husband Arif Yunus")."""
        taken = {i for c in found for i in range(c.start, c.end)}
        taken |= {i for e in self._ents(doc) for i in range(e.start, e.end)}
        taken -= self._misread_after_title(doc)
        taken |= self._offices(doc)  # an office is no name
        reading = self._of(doc)
        lower, texts, pos = reading.lower, reading.texts, reading.pos
        # a run opens on a proper noun that no entity or office holds (the others are passed over off the Doc's
        # POS array): where there is none (most parts), nothing else is read
        opens = [k for k, tag in enumerate(pos) if tag == PROPN and k not in taken]
        if not opens:
            return []
        span_text = reading.span_text  # (a name's text off the columns: no Span made)
        # the people this part names in full, and those an earlier part named in full
        persons = [c for c in found if best_type(c.votes) == "Person"]
        surnames = {lower[c.end - 1] for c in persons if c.end - c.start >= 2}
        named_before = self._told_before(doc, "surnames")
        bodies = self._told_before(doc, "bodies")
        starts, ends = {c.start for c in persons}, {c.end for c in persons}  # (read by _in_list_of_people)
        out = []
        after = 0  # where the last run (and the mandate read after it) ended
        for i in opens:
            if i < after:
                continue
            j = _name_run(doc, i, taken, texts, pos)
            j = self._before_currency(doc, i, j)
            titled = j > i + 1 and lower[i] in self.titles and texts[i].istitle()
            if titled:
                i += 1  # "Mr Kaya": the title before the name is no part of it
            if j > i and lower[i] not in self.titles:
                votes: list[tuple[str, int, str]] = []
                if titled and j - i >= 2:  # "Mr Marek Tarvel (Chair-Rapporteur)": a person's name after a title
                    votes.append(("Person", W_CONTEXT, f"title:{lower[i - 1]}"))
                self._context_votes(doc, i, j, votes)
                text = span_text(i, j)
                if self._located(doc, i, j) and not is_acronym(text) and city_population(text):
                    votes.append(("Place", W_CONTEXT, "city"))  # "arrested by police in Mandalay": no entity there
                kind = lower[j] if j < len(doc) else ""
                if (
                    kind in self.kind_after
                    and i > 0
                    and lower[i - 1] == "the"
                    and not city_population(text)
                    and not lookup(text)
                ):  # "the Nova Zorya newspaper", "the Birlik movement": a name its kind follows
                    votes.append((self.kind_after[kind], W_CONTEXT, f"kind-after:{kind}"))
                if j - i >= 2 and self._in_list_of_people(doc, i, j, starts, ends):
                    votes.append(("Person", W_PHRASE, "listed-with-people"))
                body = bodies.get(text.lower())
                if body is not None:  # "… the outlet Kvorum …. the editor-in-chief of Kvorum"
                    votes.append((body, W_CONTEXT, "named-before"))
                last = lower[j - 1]
                if last in surnames or last in named_before:  # "… Mira Vukovic said. Vukovic denies them."
                    votes.append(("Person", W_CONTEXT if j - i == 1 else W_PHRASE, "surname-of-person"))
                if best_type(votes) in _ORGANISATION_TYPES:
                    j = self._mandate(doc, j, taken)  # "the group Voices [for Andean Rights]"
                    text = span_text(i, j)
                heads = set(lower[i:j])
                # a lone word or a sentence's first words need a strong cue: "Petrov, the editor of …"
                strong = any(w >= W_CONTEXT for _, w, _ in votes)
                if (
                    votes
                    and (strong or (j - i >= 2 and (not doc[i].is_sent_start or _after_dash(doc, i))))
                    and not any(h in self.name_words.heads or h in self.not_heads for h in heads)
                    and text not in self.demonyms
                    and not all(self._role_word(w) for w in lower[i:j])  # "… OUR CHAIRPERSON, SECRETARY-GENERAL AND …"
                ):
                    out.append(Candidate(i, j, votes))
            after = max(j, i + 1)
        return out

    @staticmethod
    def _in_list_of_people(doc: Doc, start: int, end: int, starts: set[int], ends: set[int]) -> bool:
        """Whether a run of capitalised words stands in a list of names, separated by commas and "and", that
        holds a person's ("release Lam Wing-sze, Chow Tsz-kin, Ho Man-lok and …": the model saw only the last);
        ``starts`` and ``ends``: where the persons found start and end."""
        for step in (1, -1):
            at = end if step == 1 else start - 1
            for _ in range(6):  # (a list's names, at most)
                gap = at
                while 0 <= gap < len(doc) and doc[gap].text in (",", "and") and abs(gap - at) < 2:
                    gap += step
                if gap == at or not 0 <= gap < len(doc):
                    break
                if (step == 1 and gap in starts) or (step == -1 and gap + 1 in ends):
                    return True
                edge = gap  # another capitalised name of two or three words, read on
                while (
                    0 <= edge < len(doc)
                    and abs(edge - gap) < 3
                    and doc[edge].pos_ == "PROPN"
                    and _CAPITALISED(doc[edge].text)
                ):
                    edge += step
                if abs(edge - gap) < 2:
                    break
                at = edge
        return False

    def _mandate(self, doc: Doc, end: int, taken: set[int]) -> int:
        """The end of an organisation's name that goes on after "for", "of" or "on" with capitalised words
        ("Voices for Andean Rights", "Friends of the Earth")."""
        reading = self._of(doc)
        lower = reading.lower
        if end + 1 >= len(lower) or lower[end] not in ("for", "of", "on"):
            return end
        i = end + 1 + (lower[end + 1] == "the")
        j = _name_run(doc, i, taken, reading.texts, reading.pos)
        return j if j > i else end

    def _whole_name(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """A person's name the model cut short: "Brisco Vell [Tanner]", "[Lê] Minh Chau" — the
        capitalised words next to it that belong to no other name, title or office."""
        offices = self._offices(doc)
        n = 0
        while end < len(doc) and n < 2 and self._name_word(doc, end, offices):
            end, n = end + 1, n + 1
        n = 0
        while (
            start > 0
            and n < 1
            and self._name_word(doc, start - 1, offices)
            and not self._opens_demand(doc, start - 1)
            # a sentence's first word, only where the parse joins it to the name: "Ana [Souza], the editor"
            and (
                not doc[start - 1].is_sent_start
                or (doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == start)
                or self._after_list_number(doc, start - 1)
            )
        ):
            start, n = start - 1, n + 1
        return start, end

    @staticmethod
    def _after_list_number(doc: Doc, i: int) -> bool:
        """Whether the word at ``i`` follows a list's number opening its line ("\n1. Emeka [Obinna Nwachukwu]"):
        the first word of an entry, not of a sentence."""
        return i >= 2 and doc[i - 1].text in (".", ")") and doc[i - 2].like_num and (i == 2 or "\n" in doc[i - 3].text)

    def _area_of_post(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a region's name is the area a post covers: after "for" ("Director for the Middle East and
        North Africa"), or before the post's noun ("the group's North Africa researcher")."""
        if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].lower_ in self.before:
            return True
        i = start - 1
        while i >= 0 and start - i <= 8 and (doc[i].lower_ in ("the", "and") or doc[i].is_title):
            i -= 1
        return i >= 0 and doc[i].lower_ == "for"

    def _opens_demand(self, doc: Doc, i: int) -> bool:
        """Whether the word at ``i`` is a demand's imperative opening a sentence or a list's item."""
        return doc[i].lower_ in self.demand_verbs and (i == 0 or doc[i].is_sent_start or doc[i - 1].text in _ITEM_MARKS)

    def _first_name(self, doc: Doc, start: int) -> int:
        """The start of a one-word name with the capitalised word the parse joins to it as its first
        name ("Ana Vell", "Karim Al-Hadi"), where that word is no name, title or office of its own."""
        if start == 0:
            return start
        first, name = doc[start - 1], doc[start]
        if (
            first.dep_ == "compound"
            and first.head.i == name.i
            and self._name_word(doc, start - 1, self._offices(doc))
            and not self.name_words.heads.get(name.lower_)
        ):
            return start - 1
        return start

    def _surname_after(self, doc: Doc, at: int) -> bool:
        """Whether the word at ``at`` is a given name the parse joins to the name word after it, which no entity
        holds ("[Ingrid] Halvorsen-Tamm", the model's organisation of one word)."""
        first = doc[at]
        if at + 1 >= len(doc) or first.dep_ != "compound" or first.head.i != at + 1 or doc[at + 1].ent_type_:
            return False
        return bool(given_name_gender(first.text)) and self._name_word(doc, at + 1, self._offices(doc))

    def _name_word(self, doc: Doc, k: int, offices: set[int]) -> bool:
        """Whether the word at ``k`` next to a name may be part of it: a capitalised proper noun that is no other
        name, title, office ("Minister of Foreign Affairs [Karin Dahl]"), kind, nationality or day."""
        reading = self._of(doc)  # (the words off the columns: a Token only for what they do not hold)
        text, word = reading.texts[k], reading.lower[k]
        return (
            k not in offices
            and bool(_CAPITALISED(text))
            and _wordlike(text)
            and word not in self.before
            and word not in self.titles
            and text not in self.judicial_titles  # "Justice [Ama Owusu]": a judge's title, not a first name
            and text not in self.demonyms
            and word not in _CALENDAR
            and (reading.pos[k] == PROPN or (bool(_GIVEN_NAME_PAIR.match(text)) and not doc[k].is_sent_start))
            and not doc[k].ent_type_
        )

    def _across_particles(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """A name the model cut at a lower-case particle: "[Mariana] dos [Santos]", "[Folha] do
        [Norte]", "Ana [Souza]" — one or two particles between capitalised words of one name."""

        reading = self._of(doc)  # (the words off the columns: a Token only for an entity's type or a sentence's start)
        lower, texts, pos = reading.lower, reading.texts, reading.pos
        size = len(texts)

        def capitalised(k: int) -> bool:
            """Whether the word at ``k`` may be a name's: capitalised, a proper noun, noun or adjective, no kind,
            day or nationality."""
            return (
                bool(_CAPITALISED(texts[k]))
                and _wordlike(texts[k])
                and pos[k] in _NAME_POS
                and lower[k] not in self.before
                and lower[k] not in _CALENDAR
                and texts[k] not in self.demonyms
            )

        if end - start > 1 and lower[end - 1] in _NAME_LINKS and texts[end - 1].islower():
            # "the Full Gospel Fellowship of [Varno]": the model's name ends at a link word; the name
            # goes on through the capitalised words after it, else ends before the link
            if end < size and capitalised(end):
                while end < size and capitalised(end) and end - start < 8:
                    end += 1
            else:
                end -= 1

        def particles(i: int, step: int) -> int:
            n = 0
            while 0 <= i + step * n < size and n < 2 and lower[i + step * n] in self.particles:
                if not texts[i + step * n].islower():
                    return 0
                n += 1
            return n

        n = particles(end, 1)
        if n and end + n < size and capitalised(end + n):
            end += n + 1
            while end < size and capitalised(end) and not doc[end].ent_type_ and end - start < 6:
                end += 1
        if end < size and texts[end].islower() and lower[end] in self.suffixes and capitalised(end - 1):
            end += 1  # "Aysel Vagif gizi": a patronymic ends the name
        elif (
            end < size
            and (joined := _PARTICLE_JOINED.match(texts[end])) is not None
            and joined.group(1)[0].isupper()
            and capitalised(end - 1)
        ):
            end += 1  # "Hasan Mirza al-Qassab": the surname the particle opens, one word with it
        n = particles(start - 1, -1)
        if n and start - n - 1 >= 0 and capitalised(start - n - 1):
            start -= n + 1
            while start > 0 and capitalised(start - 1) and end - start < 7 and not doc[start].is_sent_start:
                start -= 1  # "Collectif Ubuntu pour les [Droits Humains]": the words of the name before
        if start > 0 and _JOINED_PARTICLE.match(texts[start - 1]) and not doc[start - 1].ent_type_:
            start -= 1  # "Hezb-e [Azadi]", "Jamaat-e [Islami]": a particle joined to the word before it
        return start, end

    def _trim(self, doc: Doc, ent: Span, votes: list, label: str, ent_id: str) -> tuple[int, int]:
        """The name inside an entity: no article, title, occupation, country's possessive or
        trailing punctuation ("the journalist Ivan Petrov", "Kazakhstan’s Prosecutor-General"); ``label`` and
        ``ent_id``: the entity's, as the caller read them (each read decodes its string anew, and the ID its
        root's, found anew)."""
        start, end = ent.start, ent.end
        reading = self._of(doc)
        lower, texts, pos = reading.lower, reading.texts, reading.pos
        for office in self._positions(doc):  # "filed by Minister of the Interior X", the model's "the Interior X"
            if (
                office.start <= start < office.end < end
                and all(texts[k].istitle() and pos[k] == PROPN for k in range(office.end, end))
                and self.name_words.type_of(texts[office.end : end]) is None
            ):  # (not "the President of the Republic of X", nor "the King Fahd Causeway": names of their own)
                start = office.end
        if start + 1 < end and texts[start + 1] == ":" and texts[start] in self.demonyms:
            return end, end  # "X (Kazakh: <X in its own script>; born …)": the name again, in a language named
        # (a token's is_lower and is_alpha are its text's islower() and isalpha(); a word of letters is no
        # punctuation: a Token is made for the others' is_punct only)
        while start < end:
            word, text = lower[start], texts[start]
            if word in ("the", "a", "an", "whereas") or text in QUOTES or (not text.isalpha() and doc[start].is_punct):
                start += 1
            elif _HEADING_NUMBER.match(text) and doc[start].is_sent_start:
                start += 1  # "I. Wen Zhiqiang: eleven years …", "II. Information received": a heading's number
            elif word in self.salutations and end - start >= 2:
                rest = lower[start + 1 : end]
                if label != "PERSON" or all(w in self.titles or w in self.before for w in rest):
                    return end, end  # "Dear Prosecutor General,": a letter's reader, by office only
                start += 1  # "Dear Mr Brenik"
            elif (word in self.titles and not self._named_after(texts, start, end)) or (
                word in self.occupations
                and end - start >= 2
                and all(_CAPITALISED(t) for t in texts[start + 1 : end])
                and self.name_words.type_of(texts[start + 1 : end]) is None
            ):
                votes.append(("Person", W_CONTEXT, f"title:{word}"))
                start += 1
            elif (
                (text.islower() or (word in self.kind_acronyms and self._kind_before_name(doc, start, end)))
                and text.isalpha()
                and word not in self.particles
                and end - start >= 2
                and self._name_after_words(texts, start + 1, end)
            ):  # "the weekly Nordlys", "the youth association X": what the name is, before it
                if word in self.before and self.before[word] != "Person":
                    votes.append((self.before[word], W_CONTEXT, f"kind:{word}"))
                start += 1
            elif (
                end - start >= 2
                and word in self.demand_verbs
                and self._opens_demand(doc, start)
                and self.name_words.type_of(texts[start + 1 : end]) is None
            ):  # (not "Free Lumeria Foundation": what follows the verb names an organisation by its head)
                start += 1  # "- Release X and Y immediately": a demand's imperative, not the name's first word
            elif (
                start + 2 < end
                and lower[start + 1] in ("’s", "'s")
                and not ent_id
                and (lookup(text) or ("", ""))[1] == "Country"
            ):
                start += 2  # "Kazakhstan’s Prosecutor-General": the office, its country aside
            else:
                break
        while end - start > 1 and end < len(doc) and lower[end] == ":" and lower[end - 1] in self.fields:
            end -= 1  # "Eritrea Date: 12 June": a form's field label after a name
        if end - start > 1 and end < len(doc) and (lower[end - 1], lower[end]) in self.report_kinds:
            end -= 1  # "Ministry of Foreign Affairs Press release": what the text is, after its author's name
        orth = reading.orth
        if _OPENING_BRACKET in orth[start + 1 : end]:  # "the Ombudsman of the Kyrgyz Republic (Akyikatchy"
            end = orth.index(_OPENING_BRACKET, start + 1, end)
        while (
            end - start > 1
            and len(texts[end - 1]) == 4
            and doc[end - 1].like_num
            and texts[end - 2] not in ("No.", "No", "Nr.")
        ):
            end -= 1  # "Tajik State National University 1997": a year after a name
        while end > start and (
            lower[end - 1] in ("’s", "'s", "’", "'")
            or (not texts[end - 1].isalpha() and doc[end - 1].is_punct and texts[end - 1] not in "!)")
            or (label == "PERSON" and texts[end - 1].islower() and texts[end - 1].isalpha() and end - start > 1)
        ):  # "found Tsertsvadze guilty"
            end -= 1
        return start, end

    def _named_after(self, texts: list[str], start: int, end: int) -> bool:
        """Whether a title opens the name of a place or body named after its holder ("King Fahd Causeway",
        "Sheikh Zayed Road", "King Abdulaziz University"): the words after it say what the name is."""
        typed = self.name_words.type_of(texts[start + 1 : end]) if end - start >= 3 else None
        return typed is not None and typed[0] != "Person"

    def _name_after_words(self, texts: list[str], start: int, end: int) -> bool:
        """Whether ``texts[start:end]`` is a capitalised name after none or more lower-case words ("Nordlys";
        "association Nadhor" of "the youth association Nadhor")."""
        k = start
        while k < end and texts[k].isalpha() and texts[k].islower() and texts[k] not in self.particles:
            k += 1
        return k < end and all(_CAPITALISED(t) for t in texts[k:end])

    def _kind_before_name(self, doc: Doc, start: int, end: int) -> bool:
        """ "the NGO Orsk Civic Monitor": a kind in capitals before a name, where the name's own words say
        no other type and the name does not go on with a plural noun (not "the NGO Relations Office", a state body
        whose name holds the word)."""
        kind = self.before.get(doc[start].lower_) if doc[start].lower_ in self.kind_acronyms else None
        if kind is None or end - start < 2 or doc[start + 1].tag_ in ("NNS", "NNPS"):
            return False  # "the NGO Relations Office": the name goes on with a plural noun of what it deals with
        typed = self.name_words.type_of([t.text for t in doc[start + 1 : end]])
        return typed is None or typed[0] in (kind, "Organisation")

    def _candidate(self, doc: Doc, ent: Span, cues: list[tuple[str, int, str]] | None = None) -> Candidate | None:
        votes: list[tuple[str, int, str]] = list(cues or [])
        label, ent_id = ent.label_, ent.ent_id_  # (each read decodes the string anew)
        start, end = self._trim(doc, ent, votes, label, ent_id)
        if label == "PERSON":  # "Ana Vell\nSpecial Rapporteur on …" (a signature): a person's name ends its line
            texts = self._of(doc).texts  # (the words off the columns: no Token for each)
            end = next((k for k in range(start + 1, end) if "\n" in texts[k]), end)
        if start >= end:
            return None
        if label == "PERSON":
            start, end = self._whole_name(doc, start, end)
        elif label == "ORG" and end - start == 1:  # "Ana [Vell]" the model took for an organisation
            start = self._first_name(doc, start)
            if start < ent.start:  # a first name and a surname: a person's shape
                votes.append(("Person", W_PHRASE, "first-name"))
            elif self._surname_after(doc, start):  # "[Ingrid] Halvorsen-Tamm": the model's is the first name
                end += 1
                votes.append(("Person", W_PHRASE, "first-name"))
        reading = self._of(doc)
        lower, texts = reading.lower, reading.texts
        patronymic = end < len(doc) and lower[end] in self.suffixes  # "Gunel Rafig [gizi] Aghayeva"
        if label in ("PERSON", "ORG") or patronymic:
            start, end = self._across_particles(doc, start, end)
            if not self.suffixes.isdisjoint(lower[start + 1 : end]):
                votes.append(("Person", W_HEAD, "patronymic"))
            if not self.body_particles.isdisjoint(lower[start + 1 : end - 1]) and any(
                lower[k] in self.body_particles and texts[k].islower() for k in range(start + 1, end - 1)
            ):
                votes.append(("Organisation", W_HEAD, "body-particle"))  # "Justicia en Red": no person's name
        if label == "PERSON" and end - start >= 3 and self._address_after(doc, end - 1):
            end -= 1  # "Minister of Justice X Y\nGitega, Burundi": a letter's address line the reading joined
        # (the name's words read off the columns, its Span made only for a name that passes these: a token's is_title,
        # is_upper and is_lower are its text's istitle(), isupper() and islower())
        text = reading.span_text(start, end)
        words = texts[start:end]
        if not (any(map(str.istitle, words)) or any(map(str.isupper, words)) or any(map(capitalised_word, words))):
            return None
        if _CREDIT.match(texts[start]):
            return None  # a photo credit: "REUTERS/Jane Doe", "AFP/Getty"
        key = name_key(text)
        if key in self.not_names or text in self.demonyms:
            return None
        if key in self.regions and self._area_of_post(doc, start, end):
            return None
        if not ent_id and texts[end - 1].islower() and start > 0 and lower[start - 1] in ("a", "an"):
            return None  # "a Moscow court", "a Minsk prison": what kind of body, not which one
        if (
            not ent_id
            and end - start > 1
            and all(map(str.islower, words[1:]))
            and (texts[start] in self.demonyms or texts[start] in country_names())
        ):
            return None  # "Moldovan opposition party", "Bahrain court" (a headline's): a kind of body, not its name
        first = lower[start]
        if not ent_id and self._bracketed_role(doc, start, end):
            return None  # "Mr X (Vice-Chair on Communications)": the role of the person named before it
        if not ent_id and end - start > 2 and lower[start + 1] in ("and", "or") and first in self.institutions:
            return None  # "the Government and Parliament of X": two bodies, neither named alone
        kb_id = ent_id if label not in self.ner_labels else ""  # a model's span has no identity
        if not kb_id:  # "the Working Group on Arbitrary Detention of the UN Human Rights Council": two names
            for k in range(start + 2, end - 1):
                if lower[k] == "of" and lookup(reading.span_text(start, k)):
                    end = k
                    text = reading.span_text(start, end)
                    break
        if text in self.bare:
            if not self._stands_alone(doc, start, end):
                return None
            kb_id = self.bare[text]
        known = lookup(text)
        if known and not kb_id:
            kb_id = known[0]
        if (
            not kb_id
            and end - start == 1
            and first in self.name_words.heads
            and end < len(doc)
            and lower[end] in _LABEL_AFTER
        ):
            return None  # "Media contact: …", "Press enquiries:": a kind's word labelling a line, no one named
        if kb_id:
            votes.append((known[1] if known else label, W_GAZETTEER, f"known:{kb_id}"))
        typed = None
        # "Radio Kestrel"; a lone word the model read as a person only where it names a state body ("Majlis"),
        # not a surname ("Court", "Post")
        if end - start > 1 or label != "PERSON" or self.name_words.heads.get(first) == "GovernmentBody":
            typed = self.name_words.type_of(texts[start:end])
        if not kb_id and label in ACTOR_LABELS:  # a name shape of the entity ruler; "some organisation" says least
            # the shape weighs less where the name's own words say otherwise ("Inter-American Commission …")
            weak = label == "Organisation" or (typed is not None and typed[0] != label)
            votes.append((label, W_PHRASE if weak else W_HEAD, "shape"))
        span = Span(doc, start, end)  # (doc[start:end] without its slice's normalising: start < end here)
        root = span.root  # (found anew at each read: once for the head and the context)
        head = root.lower_
        last = lower[end - 1]
        # the last word counts where it may be the name's head, not where it ends a mandate after "for" or
        # "on" ("the X Forum for Dialogue")
        inside = lower[start + 1 : end - 1]
        mandate = "for" in inside or "on" in inside
        if head in self.not_heads or (last in self.not_heads and not mandate):
            if not kb_id:
                return None
        if typed is not None:
            votes.append((typed[0], W_HEAD, typed[1]))
        self._context_votes(doc, start, end, votes, span, root)
        for office in self._positions(doc):  # "High Representative X", "the UN High Commissioner, X,"
            if office.end == start or (office.end == start - 1 and doc[start - 1].text == ","):
                votes.append(("Person", W_CONTEXT, f"after-office:{office.text}"))
                break
        if label in self.ner_labels:
            votes.append((self.ner_labels[label], W_NER, f"ner:{label}"))
        if (
            label in ("ORG", "NORP")
            and not kb_id
            and typed is None
            and 2 <= end - start <= 3
            and all(w.istitle() and w.isalpha() for w in texts[start:end])
            and given_name_gender(texts[start])
        ):  # "the case brought by Malika Umarova": a given name opening it says whose name the model took for a body's
            votes.append(("Person", W_PHRASE, "given-name"))
        if (
            label in self.ner_labels
            and label != "PERSON"
            and end - start == 1
            and not kb_id
            and first in self._told_before(doc, "first_names")  # the people an earlier part named in full
            and city_population(text) is None
        ):  # "Yannis Vell … On 1 April, Yannis was transferred": the first name the model took for a place
            votes.append(("Person", W_CONTEXT, "first-name-of-person"))
        if (
            label in self.ner_labels
            and label != "PERSON"
            and end - start == 1
            and not kb_id
            and texts[start].istitle()
            and first in self._told_before(doc, "surnames")  # the people an earlier part named in full
        ):  # "Nurzhan Sarybay … In January 2024 Sarybay was transferred": the surname the model took for a body
            votes.append(("Person", W_CONTEXT, "surname-of-person"))
        # a city's name, unless the model read a person there and the city is small ("Moyo"); "TSJ" is no city's name
        # here (an acronym is told only of a city's name: most names are none)
        population = city_population(text) if not kb_id and label != "Country" else None
        if (
            population
            and not is_acronym(text)
            and (label != "PERSON" or population >= BIG_CITY or self._located(doc, start, end))
        ):
            votes.append(("Place", W_PHRASE, "city"))
        if not votes:
            return None
        if all(cue.startswith(_WEAK_CUES) for _, _, cue in votes) and (
            self._unlikely_name(doc, span) or (end - start == 1 and self.before.get(first) == "Person")
        ):
            return None  # ... nor a role's noun alone ("Statement by the Spokesperson"): no one named
        if (
            label in ACTOR_LABELS
            and not kb_id
            and end < len(doc)
            and texts[end].istitle()
            and texts[end].isalpha()
            and not doc[end].ent_type_
            and (lower[end] not in self.before or self._model_read_on(doc, end))
            and not doc[end].is_sent_start
        ):
            return None  # a shape inside a longer capitalised name: "World Press" of "World Press Freedom Index",
            # "Lumeria Press" of the "Lumeria Press Union" the model read
        return Candidate(start, self._before_currency(doc, start, end), votes, kb_id)

    def _bracketed_role(self, doc: Doc, start: int, end: int) -> bool:
        """Whether ``doc[start:end]`` is the whole of a bracket right after a name and opens with a role's noun
        ("Mr X (Vice-Chair on Communications)", "Ms Y (Chair-Rapporteur)")."""
        reading = self._of(doc)  # (the words off the columns: no Token for each)
        texts = reading.texts
        if start < 2 or end >= len(texts) or texts[start - 1] != "(" or texts[end] != ")":
            return False
        if not (reading.pos[start - 2] == PROPN and texts[start - 2].istitle()):
            return False
        return self._role_word(reading.lower[start])

    def _role_word(self, word: str) -> bool:
        """Whether a lower-case word is a role's noun, a deputy's too ("chair", "vice-chair", "secretary-general")."""
        for prefix in self.deputy_prefixes:
            word = word.removeprefix(prefix)
        return word in self.role_nouns or word.split("-")[0] in self.role_nouns

    def _before_currency(self, doc: Doc, start: int, end: int) -> int:
        """The end of a name ``start``-``end`` without the currency codes after it ("pay Ms X EUR 7,500")."""
        if end - start > 1:  # (a name of one word keeps it: its words not read)
            reading = self._of(doc)
            lower, texts = reading.lower, reading.texts
            while end - start > 1 and lower[end - 1] in self.currencies and texts[end - 1].isupper():
                end -= 1
        return end

    def _model_read_on(self, doc: Doc, end: int) -> bool:
        """Whether the statistical model read one name going on across token ``end`` from the one before it."""
        return any(e.start < end < e.end for e in self._statistical(doc))

    def _located(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a name stands where a place does: "born in X", "arrested in X" (not "in X's case")."""
        lower = self._of(doc).lower
        return (
            start > 0 and lower[start - 1] in self.city_after and not (end < len(lower) and lower[end] in ("'s", "’s"))
        )

    @staticmethod
    def _address_after(doc: Doc, i: int) -> bool:
        """Whether token ``i`` is a city of the gazetteer opening an address: "Gitega, Burundi"."""
        return (
            i + 2 < len(doc)
            and doc[i + 1].text == ","
            and doc[i + 2].ent_type_ in ("Country", "GPE")
            and city_population(doc[i].text) is not None
        )

    @staticmethod
    def _unlikely_name(doc: Doc, span: Span) -> bool:
        """What only the statistical model calls a name, and nothing else supports, where the model
        errs most: headings and headlines in title case ("a Party Erased from the Ballot",
        "Background"), codes and numbers ("UA 41/24", "COVID-19"), a capitalised verb or noun
        opening a paragraph ("Condemns"), words in lower case."""
        if not span[0].is_title and not span[0].is_upper and not capitalised_word(span[0].text):
            return True
        if any(t.like_num or any(c.isdigit() for c in t.text) for t in span):
            return True
        if len(span) == 1 and span[0].pos_ not in ("PROPN",):
            return True
        sent = span.sent
        # the sentence's tokens as (is_alpha, length, ent_type, is_title, is_upper, is_punct), off the Doc's array
        rows = doc.to_array(_SENT_READ)[sent.start : sent.end].tolist()
        if span.end - span.start == 1 and sum(1 for r in rows if not r[5]) <= 3:
            return True  # a one-word heading: "Background"
        return ActorTyper._title_cased(rows)

    @staticmethod
    def _title_cased(rows: list[list[int]]) -> bool:
        """Whether a sentence (its rows of ``_SENT_READ``) is a heading or headline in title case: most of its
        words that are no name are capitalised ("Journalist Briefly Held, News Website Blocked")."""
        words = [r for r in rows if r[0] and r[1] > 3 and not r[2]]  # words that are no name
        return len(words) >= 3 and sum(bool(r[3] or r[4]) for r in words) >= 0.75 * len(words)

    @staticmethod
    def _headline_word(doc: Doc, i: int) -> bool:
        """Whether token ``i`` stands in a headline in title case, where a capitalised noun is no cue
        ("Journalist Briefly Held": not "the journalist X")."""
        sent = doc[i].sent
        return ActorTyper._title_cased(doc.to_array(_SENT_READ)[sent.start : sent.end].tolist())

    def _stands_alone(self, doc: Doc, start: int, end: int) -> bool:
        """A bare "Parliament" or "Council" names the body only when nothing qualifies it."""
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        if (
            before is not None
            and (before.is_title or before.pos_ in ("PROPN", "ADJ"))
            and before.lower_ not in ("the", "whereas")
            and not before.is_sent_start
        ):
            return False
        if before is not None and before.lower_ in ("and", "or") and before.head.i != start:
            return False  # "the Government and Parliament of X"
        return not (after is not None and after.lower_ in ("of", "for"))

    def _context_votes(
        self, doc: Doc, start: int, end: int, votes: list, name: Span | None = None, root: Token | None = None
    ) -> None:
        """Cues for a name's type in the words around it: "the journalist X", "his wife, X", "Author: X",
        "the Yemeni national X", "a reporter for X", "arrested X", "X, a daily newspaper" (``name``: the span
        ``doc[start:end]`` where the caller has made it, ``root`` its root where the caller has found it)."""
        reading = self._of(doc)  # (the words around the name off the columns: a Token only for a flag or a head)
        lower, texts, pos = reading.lower, reading.texts, reading.pos
        i = start - 1
        while i >= 0 and texts[i] in QUOTES:
            i -= 1
        labelled = (
            i >= 1 and texts[i] in (":", ",") and lower[i - 1] in self.before and self.before[lower[i - 1]] == "Person"
        )
        if labelled:
            i -= 1  # "his wife, Nadia X", "Author: Claire X"
        if i >= 0:
            word = lower[i]
            if (
                word in self.before
                and (labelled or word in self.titles or not (texts[i].istitle() and self._headline_word(doc, i)))
                and not (word in self.kind_acronyms and not texts[i].isupper())
            ):  # ("Mr", "Ms" before a name even in a list of title-cased names and roles; "NGO", not a name's "Ngo")
                votes.append((self.before[word], W_CONTEXT, f"before:{word}"))
            elif word in self.before_lower and texts[i].islower():
                votes.append((self.before_lower[word], W_CONTEXT, f"before:{word}"))
            elif pos[i] == VERB and doc[i].lemma_ in self.person_verbs:
                votes.append(("Person", W_PHRASE, f"object-of:{doc[i].lemma_}"))
        words = lower[max(0, i - 1) : i + 1]
        for phrase, t in _phrases_matching(self._before_phrase_at, words, before=True):
            votes.append((t, W_PHRASE, "before:" + " ".join(phrase)))
        j = end
        while j < len(doc) and texts[j] in QUOTES:
            j += 1
        if (
            j + 2 < len(doc)
            and texts[j] == ","
            and texts[j + 2] == ","
            and doc[j + 1].is_digit
            and 0 < int(texts[j + 1]) <= 110
        ):
            votes.append(("Person", W_CONTEXT, "age"))  # "X, 58, was taken from his home"
        # "X, the leader of …", "X, a daily newspaper …": an apposition naming what the actor is (after its
        # acronym: "X (MFK), a small left-wing party")
        opens = j + 3 if j + 3 < len(doc) and texts[j] == "(" and texts[j + 2] == ")" else j
        k = opens
        if k < len(doc) and texts[k] in (",", "–", "—"):  # (a list entry's "X – reporter, Y")
            k += 1
            while k < len(doc) and k - opens < 6:
                if lower[k] == "whose":
                    k = len(doc)  # "the outlet X, whose editor, Y,": X's editor, not what X is
                elif lower[k] in self.apposition_skip or pos[k] in _APPOSITION_SKIP_POS:
                    k += 1
                elif k + 1 < len(doc) and lower[k + 1] in ("’s", "'s"):
                    k += 2  # "X, the group's executive director"
                elif pos[k] == NOUN and doc[k].dep_ == "compound" and 0 < doc[k].head.i - k <= 2:
                    k = doc[k].head.i  # "X, a regional television channel": the noun the others qualify
                else:
                    break
            if k < len(doc) and lower[k] in self.before and not texts[k].istitle():
                votes.append((self.before[lower[k]], W_CONTEXT, f"apposition:{lower[k]}"))
        name = name if name is not None else Span(doc, start, end)
        root = root if root is not None else name.root
        dep = root.dep_  # (each read decodes the string anew)
        if (
            dep in ("nsubj", "nsubjpass")
            and not name.text.isupper()
            and (
                root.head.lemma_ in self.person_subject_verbs
                or (dep == "nsubjpass" and root.head.lemma_ in self.person_passive_verbs)
            )
        ):
            # "X was born", "X was arrested"; not a dateline's "CITY, May 5 –" the parser hangs on the verb
            votes.append(("Person", W_PHRASE, f"subject-of:{root.head.lemma_}"))
        role = self._role_named(root) if dep == "appos" and start > 0 and texts[start - 1] == "," else None
        if role is not None:  # "the chair of the party, X,", "the lawyer of Ms Y, X,": X is the chair, the lawyer
            votes.append(("Person", W_CONTEXT, f"apposition:{role}"))
        following = lower[j : j + 2]
        if j < len(doc) and texts[j] == "(":  # "the Karama wal Amal (Dignity and Hope) party": after its translation
            close = next((k for k in range(j + 1, min(j + 9, len(doc))) if texts[k] == ")"), None)
            if close is not None and lower[close + 1 : close + 2] and lower[close + 1] in self.kind_after:
                following = lower[close + 1 : close + 3]
            born = next((k for k in range(j + 2, min(j + 16, len(doc) - 1)) if texts[k] in (")", "born")), None)
            if born is not None and texts[born] == "born" and texts[born - 1] in (";", ","):
                # "X (Kazakh: <the name in its script>; born 2 August 1974)": a biography's person
                votes.append(("Person", W_PHRASE, "after:( … born"))
        # "X, president of the Y Council, who was detained": the "who" is X, of whom Y says nothing
        owned = dep == "pobj" and root.head.lower_ == "of" and self.before.get(root.head.head.lower_) == "Person"
        for phrase, t in _phrases_matching(self._after_at, following, before=False):
            if not (owned and t == "Person"):
                votes.append((t, W_PHRASE, "after:" + " ".join(phrase)))

    def _role_named(self, root: Token) -> str | None:
        """The person's role whose name ``root`` gives, set off by commas after the role's "of" and a name,
        where the parse hangs it on that name: "the lawyer of Ms Y, X,", "the chair of the Z and member of
        the W Assembly, X," ("lawyer", "member"). A name cannot take another name in apposition, so X is the
        role's holder (after a common noun, "the wife of the journalist, X," X may be the journalist)."""
        host = root.head
        if host.pos_ != "PROPN" or host.dep_ != "pobj" or host.head.lower_ != "of":
            return None
        role = host.head.head
        return role.lower_ if role.pos_ == "NOUN" and self.before.get(role.lower_) == "Person" else None

    def _join_fragments(self, doc: Doc, found: list[Candidate]) -> list[Candidate]:
        """ "Ilya" + "Marin": one name the model cut in two (the first word a compound of the next)."""
        out: list[Candidate] = []
        texts = self._of(doc).texts
        for c in sorted(found, key=lambda c: (c.start, -c.end)):
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.end == c.start
                and all(doc[i].lower_ in self.occupations for i in range(prev.start, prev.end))
                and all(t.pos_ == "PROPN" for t in doc[prev.start : c.end])
            ):  # "Major General" + "Adel Ghoneim": what is left of a rank the model read as a name is the title
                out[-1] = Candidate(c.start, c.end, prev.votes + c.votes)
                continue
            if (
                prev is not None
                and prev.end == c.start
                and self._offices(doc).isdisjoint(range(prev.start, c.end))  # "Bar Association President Ana Ruiz"
                and not prev.kb_id
                and not c.kb_id
                and doc[prev.end - 1].dep_ == "compound"
                and c.start <= doc[prev.end - 1].head.i < c.end
                and all(t.pos_ == "PROPN" for t in doc[prev.start : c.end])
            ):
                out[-1] = Candidate(prev.start, c.end, prev.votes + c.votes + [("Person", W_NER, "joined-name")])
                continue
            # (a gloss's bracket closes right before the name's words: most names have none)
            glossed = self._glossed(doc, c) if not c.kb_id and c.start >= 5 and texts[c.start - 1] == ")" else None
            if glossed is not None:
                # 'the Zhana Kadam (“New Step”) Democratic Party': one name, its words' translation in between
                if prev is not None and prev.start >= glossed:
                    out.pop()  # the first words, where the model read them as a name of their own
                opening = texts.index("(", glossed)
                name = " ".join(texts[glossed:opening] + texts[c.start : c.end])
                out.append(Candidate(glossed, c.end, c.votes, name=name))
                continue
            out.append(c)
        return out

    def _glossed(self, doc: Doc, rest: Candidate) -> int | None:
        """Where a name begins whose body's words (``rest``: an organisation's capitalised words) follow a
        bracketed translation in quotes of its first words ('Zhana Kadam (“New Step”) Democratic Party'): the
        first of one to four capitalised words before the bracket; None where there is no such gloss."""
        texts = self._of(doc).texts
        close = rest.start - 1
        if (
            close < 4
            or texts[close] != ")"
            or texts[close - 1] not in QUOTES
            or best_type(rest.votes) not in (_ORGANISATION_TYPES)
        ):
            return None
        opening = next((k for k in range(close - 2, max(close - 9, 0), -1) if texts[k] == "("), None)
        if opening is None or opening < 1 or texts[opening + 1] not in QUOTES:
            return None
        if not all(t[:1].isupper() for t in texts[rest.start : rest.end]):
            return None
        start = opening
        while start > 0 and opening - start < 4 and texts[start - 1].istitle() and not doc[start - 1].is_sent_start:
            start -= 1
        return start if start < opening else None

    @staticmethod
    def _conjunct_votes(doc: Doc, found: list[Candidate]) -> None:
        """ "X, Y and Z": a name listed with people, and known by nothing stronger, is a person too."""
        at: dict[int, Candidate] | None = None  # the candidate at each token, made when a name first asks
        for c in found:
            if any(w >= W_PHRASE for _, w, _ in c.votes) or best_type(c.votes) == "Person":
                continue
            if at is None:
                at = {i: p for p in found for i in range(p.start, p.end)}
            root = doc[c.start : c.end].root
            for other in root.conjuncts:
                peer = at.get(other.i)
                if (
                    peer is not None
                    and peer is not c
                    and best_type(peer.votes) == "Person"
                    and any(t == "Person" for t, _, _ in peer.votes)
                ):
                    c.votes.append(("Person", W_PHRASE, "listed-with-person"))
                    break

    # -- writing ------------------------------------------------------------------------
    def set_annotations(self, doc: Doc, found: list[Candidate]) -> None:
        found = self._join_fragments(doc, found)
        self._conjunct_votes(doc, found)
        reading = self._of(doc)
        lower = reading.lower
        by_span: dict[tuple[int, int], Candidate] = {}
        for c in found:
            prev = by_span.get((c.start, c.end))
            if prev is None:
                by_span[(c.start, c.end)] = c
            else:
                prev.votes.extend(c.votes)
                prev.kb_id = prev.kb_id or c.kb_id
                prev.name = prev.name or c.name
        for (s, e), c in list(by_span.items()):  # two names the model read as one (see _JOINERS)
            kind = best_type(c.votes)
            if kind not in _JOINERS or c.kb_id:
                continue
            cuts = [i for i in range(s + 1, e - 1) if lower[i] in _JOINERS[kind]]
            if not cuts:
                continue  # nothing joins two names
            pieces = list(zip([s, *(i + 1 for i in cuts)], [*cuts, e], strict=True))
            named = [(first, last) for first, last in pieces if first < last and doc[first].is_title]
            if not cuts or (kind == "Place" and len(named) < len(pieces)):
                continue  # a place's pieces are each a name, or it is one name
            del by_span[(s, e)]
            for first, last in named:
                by_span.setdefault((first, last), Candidate(first, last, list(c.votes)))
        exact = [c for c in by_span.values() if c.exact]
        for c in exact:
            for key in [k for k in by_span if k != (c.start, c.end) and k[0] <= c.start and c.end <= k[1]]:
                c.votes.extend(v for v in by_span.pop(key).votes if v[2].startswith("ner:"))
        typed: list[tuple[int, int, str, str]] = []  # each actor's start, end, label and identity
        for (s, e), c in by_span.items():
            label = best_type(c.votes)
            if label == "Person" and any(doc[k].like_num for k in range(s, e)):
                continue  # a person's name has no number: "PO Box 257" after an office
            typed.append((s, e, label or "Organisation", c.kb_id))
        # quoted and trimmed actor spans win over overlapping raw entities: spaCy's filter_spans (the longest first,
        # the first of equals) over the actors as tuples, a Span made only for each actor kept
        taken: set[int] = set()
        kept_typed = []
        for s, e, label, kb_id in sorted(typed, key=_longest_first, reverse=True):
            if s not in taken and e - 1 not in taken:
                kept_typed.append((s, e, label, kb_id))
                taken.update(range(s, e))
        kept_typed.sort(key=_START_OF_ROW)
        actors = [Span(doc, s, e, label=label, kb_id=kb_id) for s, e, label, kb_id in kept_typed]
        others = [
            e for e in self._ents(doc) if e.label in self._non_actor_ids and taken.isdisjoint(range(e.start, e.end))
        ]
        # as ``doc.ents = …`` sets them, without its copy of every Span
        doc.set_ents(sorted(actors + others, key=_START), default="outside")
        reading.ents = None  # the entities read before are no more
        kept = {(a.start, a.end) for a in actors}
        written = [(f"{s}:{e}", c) for (s, e), c in sorted(by_span.items()) if (s, e) in kept]
        # doc._.actor_cues and doc._.actor_names, set where spaCy keeps them
        reading.user_data[_ACTOR_CUES] = {key: [list(v) for v in c.votes] for key, c in written}
        reading.user_data[_ACTOR_NAMES] = {key: c.name for key, c in written if c.name}
        document = reading.document
        if document is not None:  # the names of the people named in full, for the document's later parts
            surnames = document.setdefault("surnames", {})
            first_names = document.setdefault("first_names", {})
            bodies = document.setdefault("bodies", {})
            for a in actors:
                if a.label_ == "Person" and len(a) >= 2 and a[-1].is_title:
                    surnames.setdefault(a[-1].lower_, a.text)
                    if a[0].is_title and a[0].lower_ not in self.titles:
                        first_names.setdefault(a[0].lower_, a.text)
                elif a.label_ in _NAMED_BODIES and not a.kb_id_ and (a.start, a.end) in by_span:
                    # "the independent outlet Kvorum": a body its context named, known by its name alone later
                    if any(
                        w >= W_CONTEXT and not cue.startswith("ner") for _, w, cue in by_span[(a.start, a.end)].votes
                    ):
                        bodies.setdefault(a.text.lower(), a.label_)
        nested = []
        # the names a place may lie inside (their candidates' identities: no decoding of each span's)
        unknown = [a for a in actors if len(a) > 1 and not by_span[(a.start, a.end)].kb_id]
        for ent in self._statistical(doc) if unknown else ():  # a place named inside a longer actor name
            if (
                ent.label_ in ("GPE", "LOC")
                and ent.text.lower() not in self.name_words.heads
                and any(
                    a.start <= ent.start and ent.end <= a.end and (a.start, a.end) != (ent.start, ent.end)
                    for a in unknown
                )
            ):
                known = lookup(ent.text)
                nested.append(
                    Span(doc, ent.start, ent.end, label=known[1] if known else "Place", kb_id=known[0] if known else "")
                )
        # (a group of no spans is set only over one the Doc holds: its readers take a missing group for an empty
        # one, and most parts name no place inside a name and no pronoun)
        spans = doc.spans
        if nested or NESTED in spans:
            spans[NESTED] = nested
        pos = reading.pos
        anaphors = [
            Span(doc, i, i + 1, label=self.pronouns[lower[i]])
            for i in _indices(reading.lower_ids, self._pronoun_ids)
            if pos[i] == PRON or pos[i] == DET
        ]
        if anaphors or ANAPHORS in spans:
            spans[ANAPHORS] = anaphors


#: an agency's credit before a photographer's name: "REUTERS/Samrang", "AFP/"
_CREDIT = re.compile(r"^[A-Z]{2,}/")

#: what stands before a list's item or a demand's first word: a bullet, a dash, a colon, a semicolon
_ITEM_MARKS = BULLETS | {":", ";"}
#: a capitalised word with a short lower-case particle joined by a hyphen: "Hezb-e", "Hizb-ut", "Tehreek-e"
_JOINED_PARTICLE = re.compile(r"^[A-Z][a-z]{2,}-[a-z]{1,3}$")
#: a surname opened by a lower-case particle joined to it: "Hasan Mirza [al-Qassab]", "Ahmed [el-Sayed]"
_PARTICLE_JOINED = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul|ud|ur)-([^\W\d_][^\W\d_'’]+)$")

#: a candidate's start, what the joins sort candidates by
_START = attrgetter("start")
#: an actor's start, for the actors as (start, end, label, identity)
_START_OF_ROW = itemgetter(0)


def _longest_first(row: tuple[int, int, str, str]) -> tuple[int, int]:
    """What spaCy's filter_spans sorts spans by (reversed: the longest first, the first of equals), for an actor
    as (start, end, label, identity)."""
    return row[1] - row[0], -row[0]


#: the word between the parties of a case's name: "Smith v. Turkey"
_VERSUS = frozenset({"v.", "v", "vs.", "vs", "versus", "c."})
_VERSUS_IDS = frozenset(get_string_id(w) for w in _VERSUS)


def _entity_key(ent: Span) -> tuple[int, int, int]:
    """What :meth:`ActorTyper._accept` reads of an entity, in a Doc whose reading it does not change: its tokens and
    label (its ``ent_id_`` is its root token's), the same key, the same answer."""
    return ent.start, ent.end, ent.label


def _word_beside(lower: list[str], found: list[Candidate], word: str, before: bool = False) -> bool:
    """Whether ``word`` (lower case) stands right after one of the candidates ``found``, or (``before``) right before
    one (``lower``: the Doc's words in lower case): where none does, the joins across it have nothing to join."""
    size = len(lower)
    for c in found:
        if (c.end < size and lower[c.end] == word) or (before and c.start > 0 and lower[c.start - 1] == word):
            return True
    return False


def _conjuncts_before(doc: Doc, i: int) -> list[tuple[int, int]]:
    """The runs of capitalised words listed before token ``i`` ("the President, Government and Jogorku Kenesh [of]"),
    nearest first, each as (start, end): a run, then "and", "or", "," or ", and" before it, another run."""
    conjuncts: list[tuple[int, int]] = []
    while i > 0:
        j = i
        while j > 0 and doc[j - 1].is_title and doc[j - 1].lower_ not in ("the",):
            j -= 1
        if j == i:
            break
        conjuncts.append((j, i))
        if j > 0 and doc[j - 1].lower_ in ("and", "or", ","):
            i = j - 1
            if i > 0 and doc[i].text == "," and doc[i - 1].lower_ in ("and", "or"):
                i -= 1
            continue
        break
    return conjuncts


def _cites_a_case(doc: Doc, end: int) -> bool:
    """Whether a name ending at ``end`` is the first party of a case's name ("Ilhan v. Turkey"):
    the case is cited, not its applicant named."""
    return end + 1 < len(doc) and doc[end].lower_ in _VERSUS and doc[end + 1].is_title


def _surnames_named(statistical: list[Span], before: dict[str, str]) -> set[str]:
    """The surnames (lower case) of the people the model named in full (``statistical``: its entities), or an
    earlier part of the document (``before``: its surnames)."""
    named = {e[-1].lower_ for e in statistical if e.label == _PERSON and len(e) >= 2}
    return named | set(before)


def _after_dash(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows a dash: the first words after a dateline ("TUNIS (Wire) – Ana Vell was")
    open a sentence of their own, but not with a capital only the sentence gives them."""
    return i > 0 and doc[i - 1].text in ("–", "—", "-")


def _wordlike(text: str) -> bool:
    """Letters, or letters joined by hyphens or apostrophes: "Aït-Saïd", "Jun-jun", "O'Neill"."""
    return all(part.isalpha() for part in _WORD_JOINS.split(text)) and text[0].isalpha()


#: what joins the parts of a word (see _wordlike)
_WORD_JOINS = re.compile(r"[-‑'’]")

#: words an acronym skips ("Centre for Rights and Civic Engagement" -> CRCE)
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "to", "against", "de", "del", "la", "el", "y", "&"})


def spell_out(doc: Doc, end: int, acronym: str) -> int | None:
    """The start of the capitalised words before ``end`` whose initials spell ``acronym``.

    Connecting words may be skipped or spelled ("OSCE": Organization for Security and
    Co-operation in Europe; "CRCE": Centre for Rights and Civic Engagement).
    """
    letters = acronym.lower()
    start = end
    while (
        start > 0
        and end - start < 12
        and (doc[start - 1].is_title or doc[start - 1].lower_ in _CONNECTORS or doc[start - 1].is_upper)
        and not doc[start - 1].is_punct
    ):
        start -= 1
    for s in range(start, end):
        if doc[s].lower_ in _CONNECTORS:
            continue
        if _spells([t.text for t in doc[s:end]], letters):
            return s
    return None


def _spells(words: list[str], letters: str) -> bool:
    """Whether the words' initials (connectors optional, hyphenated parts counted) are ``letters``."""

    def walk(w: int, k: int) -> bool:
        if k == len(letters):
            return all(x.lower() in _CONNECTORS for x in words[w:])
        if w == len(words):
            return False
        word = words[w]
        parts = [p for p in re.split(r"[-‑]", word) if p]
        if word.lower() in _CONNECTORS and walk(w + 1, k):
            return True
        initials = "".join(p[0].lower() for p in parts)
        if letters.startswith(initials, k) and walk(w + 1, k + len(initials)):
            return True
        return bool(parts) and parts[0][0].lower() == letters[k] and walk(w + 1, k + 1)

    return walk(0, 0)


@Language.component("whereas_statistical_ents", requires=["doc.ents"], assigns=["doc.spans"])
def keep_statistical_ents(doc: Doc) -> Doc:
    """Keep the model's own entities aside before the vocabulary rulers overwrite them."""
    doc.spans[STATISTICAL] = list(doc.ents)
    return doc


@Language.factory(
    "whereas_actors", requires=["doc.ents", "token.dep"], assigns=["doc.ents", "doc._.actor_cues", "doc.spans"]
)
def make_actor_typer(nlp: Language, name: str) -> ActorTyper:
    return ActorTyper(nlp, name)


#: a list of (phrase, type) by where each phrase stands in it: {phrase length: {phrase: [places]}}
_PhraseIndex = tuple[
    list[tuple[tuple[str, ...], str]],
    dict[int, dict[tuple[str, ...], list[int]]],
    tuple[frozenset[str], frozenset[str]] | None,
]


def _phrase_index(rows: list[tuple[tuple[str, ...], str]]) -> _PhraseIndex:
    by_length: dict[int, dict[tuple[str, ...], list[int]]] = {}
    for n, (phrase, _) in enumerate(rows):
        by_length.setdefault(len(phrase), {}).setdefault(phrase, []).append(n)
    # the first and the last words of the phrases (None where a phrase has none: no word is needed to match it)
    edges = (
        (frozenset(phrase[0] for phrase, _ in rows), frozenset(phrase[-1] for phrase, _ in rows))
        if all(phrase for phrase, _ in rows)
        else None
    )
    return rows, by_length, edges


def _phrases_matching(index: _PhraseIndex, near: list[str], before: bool) -> list[tuple[tuple[str, ...], str]]:
    """The rows whose phrase is the last words of ``near`` (``before``: the words before a name, the phrase
    ending where the name starts) or its first words (the words after a name), in the rows' order: what a loop
    over all rows comparing each finds, with one look-up per phrase length. Where no phrase ends with the word
    next to the name (the last of ``near`` before it, the first after it), none matches (most names' neighbours)."""
    rows, by_length, edges = index
    if edges is not None and (not near or (near[-1] not in edges[1] if before else near[0] not in edges[0])):
        return []
    places = [
        n
        for length, phrases in by_length.items()
        for n in phrases.get(tuple(near[-length:] if before else near[:length]), ())
    ]
    # (the places of one length are in the rows' order already)
    return [rows[n] for n in (sorted(places) if len(by_length) > 1 else places)]


#: where spaCy keeps a Doc's extensions doc._.document, doc._.actor_cues and doc._.actor_names in its user_data (as
#: its Underscore's _get_key makes the keys of a Doc's own)
_DOCUMENT, _ACTOR_CUES, _ACTOR_NAMES = (extension_key(name) for name in ("document", "actor_cues", "actor_names"))
#: the columns the finding reads of (nearly) every Doc: read in one array
_COLUMNS = (ORTH, LOWER, TAG, POS, SPACY, IDX, LEMMA)
_SENT_READ = [IS_ALPHA, LENGTH, ENT_TYPE, IS_TITLE, IS_UPPER, IS_PUNCT]
_OF = frozenset({get_string_id("of")})
_ORG, _PERSON = get_string_id("ORG"), get_string_id("PERSON")  # (the model's labels, as Span.label holds them)
_AND, _FOR, _IN = get_string_id("and"), get_string_id("for"), get_string_id("in")
#: the words a list of bodies sharing a state needs before its last one (see ActorTyper._shared_state)
_AND_OR = frozenset({_AND, get_string_id("or")})
#: the parts of speech of the words an apposition may open with before what it names ("a daily newspaper")
_APPOSITION_SKIP_POS = frozenset({DET, ADJ, NUM})
_NNS = frozenset({get_string_id("NNS")})
_NN = frozenset({get_string_id("NN")})
#: the types of body whose names may open with a qualifier and "and" ("the Democratic and Social Renewal Party")
_BODY_TYPES = _ORGANISATION_TYPES - {"InternationalOrganisation"}
_KIND_OPENERS = ("det", "compound", "amod")  # what stands before a kind's word that a name follows ("the newspaper")
#: the lower-case words inside a name read after its kind's word ("the group Observatory for Rights and Freedoms")
_NAME_LINKS = frozenset({"for", "of", "and", "de", "du", "des", "del", "la", "el"})
_OPENING_BRACKET = get_string_id("(")
_OPEN, _CLOSE = frozenset({_OPENING_BRACKET}), frozenset({get_string_id(")")})
#: the parts of speech of a capitalised word that may be a name's (see ActorTyper._across_particles)
_NAME_POS = frozenset({PROPN, NOUN, ADJ})


#: the strings of the ORTH and LOWER hashes read so far (a hash is its string's in any Doc's StringStore), each
#: decoded once per process
_STRINGS: dict[int, str] = {}


def _strings_of(doc: Doc, hashes: list[int]) -> list[str]:
    """The strings of ``hashes`` (a Doc's ORTH or LOWER column): looked up together (in C) where each was read
    before (nearly every word of a part), else decoded off the Doc's StringStore once."""
    try:
        if len(hashes) > 1:
            return list(itemgetter(*hashes)(_STRINGS))
        return [_STRINGS[h] for h in hashes]
    except KeyError:
        strings = doc.vocab.strings
        for h in hashes:
            if h not in _STRINGS:
                _STRINGS[h] = strings[h]
        return [_STRINGS[h] for h in hashes]


def _indices(column: list[int], values: frozenset[int]) -> list[int]:
    """The indices of a Doc's column (LOWER, ORTH, TAG… hashes) whose value is one of ``values``, in order."""
    if values.isdisjoint(column):  # (most Docs hold none: a test of the list in C)
        return []
    if len(values) == 1:  # (one word or tag: its places found by list.index, in C)
        (value,) = values
        found = [column.index(value)]
        for _ in range(column.count(value) - 1):
            found.append(column.index(value, found[-1] + 1))
        return found
    return [i for i, v in enumerate(column) if v in values]


def _name_run(doc: Doc, i: int, taken: set[int], texts: list[str] | None = None, pos: list[int] | None = None) -> int:
    """The end of the run of at most four capitalised proper nouns from ``i`` that no entity holds (``texts`` and
    ``pos``: the Doc's token texts and parts of speech where the caller has read them)."""
    if texts is None or pos is None:
        texts, pos = [t.text for t in doc], [t.pos for t in doc]
    j = i
    while (
        j < len(texts)
        and j not in taken
        and (pos[j] == PROPN or (j > i and _HYPHENED_NAME.match(texts[j])))
        and _CAPITALISED(texts[j])
        and _wordlike(texts[j])
        and j - i < 4
    ):
        j += 1
    return j


#: "Ms Dunne-Varga": a double surname the tagger may take for a common noun
_HYPHENED_NAME = re.compile(r"^[A-Z\u00C0-\u00DE][^\W\d_]+(?:-[A-Z\u00C0-\u00DE][^\W\d_]+)+$")
