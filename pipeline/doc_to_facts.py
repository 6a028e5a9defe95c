"""From annotated spaCy Docs (one per part) to typed mentions, events and relations in document offsets."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.actors import WIRE_DATELINE, best_type
from pipeline.components.coref import cue_key
from pipeline.components.events import mention_spans
from pipeline.components.extensions import ACTOR_LABELS, ANAPHORS, NESTED, POSITIONS, UNTYPED_NAME
from pipeline.components.gazetteer import position_label
from pipeline.components.name_cues import name_words
from pipeline.components.offices import is_institutional
from pipeline.components.relations import DESCRIBED
from pipeline.facts import (
    ActorType,
    DatePrecision,
    DateValue,
    DocumentFacts,
    DocumentPart,
    DocumentStructure,
    EventClass,
    EventMention,
    EventType,
    Mention,
    Outcome,
    PartKind,
    Penalty,
    RelationMention,
    RelationType,
    SourceDocument,
    Standing,
    TextSpan,
)
from pipeline.normalize.dates import Calendar
from pipeline.normalize.names import name_key, tidy_name
from pipeline.patterns import load_json
from pipeline.structure import BULLET, tablings

__all__ = ["annotate", "part_body", "facts_from_docs"]

# The marker a part opens with ("A. ", "12. ", "– "): not part of the prose the model reads.
_MARKER = {
    PartKind.CITATION: re.compile(r"[–—•·*-]\s*"),
    PartKind.RECITAL: re.compile(r"\(?[A-Z]{1,2}[.)]\s+"),
    PartKind.PARAGRAPH: re.compile(r"\d{1,3}[a-z]?\.\s+"),
    PartKind.FOOTNOTE: re.compile(r"\d{1,3}\s+"),
    PartKind.TABLING: re.compile(""),
}
#: parts the model does not read: footnotes (references to other texts, not prose), the tabling members'
#: lists (read by their layout: :func:`_tabling_facts`)
_UNREAD = {PartKind.FOOTNOTE, PartKind.TABLING}
#: how sure a fact read off a members' list of a joint motion's front matter is
_TABLED = ("tabled", 5)
# Parts where "its" is the author's voice ("having regard to its resolution", "reaffirms its call").
_AUTHOR_VOICE = {PartKind.CITATION, PartKind.PARAGRAPH}


def part_body(part: DocumentPart, kind: str) -> tuple[str, int]:
    """The prose of a part and its offset in the document: the marker left out.

    >>> p = DocumentPart("d", PartKind.RECITAL, "A", 10, 30, "A. whereas X was held")
    >>> part_body(p, "resolution")
    ('whereas X was held', 13)
    """
    marker = _MARKER[part.kind].match(part.text) if kind == "resolution" else BULLET.match(part.text)
    skip = marker.end() if marker else 0
    return part.text[skip:], part.start + skip


def annotate(
    nlp: Language,
    documents: Iterable[tuple[SourceDocument, DocumentStructure]],
    batch_size: int = 64,
    on_document: Callable[[SourceDocument], None] | None = None,
) -> Iterator[DocumentFacts]:
    """Run every part of every document through ``nlp.pipe`` in batches; yield each document's facts."""
    pending: dict[int, tuple[SourceDocument, DocumentStructure, list]] = {}
    counts: dict[int, int] = {}

    def items() -> Iterator[tuple[Doc, tuple[int, int, int]]]:
        for n, (source, structure) in enumerate(documents):
            parts = [p for p in structure.parts]
            pending[n] = (source, structure, [None] * len(parts))
            counts[n] = len(parts)
            memory: dict = {}  # what a part's components learn for the later parts ("Vell" after "Ana Vell")
            for i, part in enumerate(parts):
                text, offset = part_body(part, structure.kind)
                if part.kind in _UNREAD:
                    text = ""
                doc = nlp.make_doc(text)
                doc._.document = memory
                yield doc, (n, i, offset)

    done = 0
    for doc, (n, i, offset) in nlp.pipe(items(), as_tuples=True, batch_size=batch_size):
        source, structure, docs = pending[n]
        docs[i] = (doc, offset)
        counts[n] -= 1
        while done in pending and counts[done] == 0:  # in document order
            source, structure, docs = pending.pop(done)
            yield facts_from_docs(source, structure, docs)
            if on_document is not None:
                on_document(source)
            done += 1
    while done in pending:  # documents with no parts
        source, structure, docs = pending.pop(done)
        yield facts_from_docs(source, structure, docs)
        if on_document is not None:
            on_document(source)
        done += 1


def facts_from_docs(source: SourceDocument, structure: DocumentStructure, docs: list[tuple[Doc, int]]) -> DocumentFacts:
    """Mentions, events and relations of one document from the Docs of its parts."""
    facts = DocumentFacts(source, structure)
    own = DateValue(structure.date, DatePrecision.DAY) if structure.date else None
    calendar = Calendar(source.text, own, [(p.start, p.end) for p in structure.parts])
    for part, (doc, offset) in zip(structure.parts, docs, strict=False):
        if part.kind is PartKind.TABLING:
            _tabling_facts(facts, part)
            continue
        text = "" if part.kind in _UNREAD else part_body(part, structure.kind)[0]
        _PartReader(facts, part, doc, offset, calendar, text).read()
    return facts


def _tabling_facts(facts: DocumentFacts, part: DocumentPart) -> None:
    """The members a joint motion's front matter lists as tabling it for their groups ("A, B" / "on behalf of
    the PPE Group"): each a person, each group a political group, and each member a member of their group."""
    cue, weight = _TABLED
    for tabling in tablings(part.text):
        start, end = part.start + tabling.start, part.start + tabling.end
        lines = TextSpan(part.doc_id, part.kind, part.number, start, end, facts.document.text[start:end])

        def mention(at: tuple[int, int], kind: ActorType, lines: TextSpan = lines) -> int:
            s, e = part.start + at[0], part.start + at[1]
            vote = ((kind.value, weight, cue),)
            facts.mentions.append(Mention(s, e, facts.document.text[s:e], kind, votes=vote, sentence=lines))
            return len(facts.mentions) - 1

        group = mention(tabling.group, ActorType.POLITICAL_PARTY)
        for member in tabling.members:
            facts.relations.append(
                RelationMention(RelationType.MEMBER_OF, mention(member, ActorType.PERSON), lines, object=group)
            )


def _ends_at(doc: Doc, length: int) -> bool:
    """Whether the Doc's text is ``length`` characters long (its last token's end, with its space)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) == length if len(doc) else length == 0


class _PartReader:
    """Turns one part's Doc into facts appended to the document's lists."""

    def __init__(
        self, facts: DocumentFacts, part: DocumentPart, doc: Doc, offset: int, calendar: Calendar, text: str = ""
    ) -> None:
        self.facts, self.part, self.doc, self.offset, self.calendar = facts, part, doc, offset, calendar
        self.index: dict[tuple[int, int], int] = {}
        #: one evidence span per stretch of text: the mentions and events of a sentence share it (their
        #: cached facts then hold the sentence once; a rebuild reads them back the faster)
        self.spans: dict[tuple[int, int], TextSpan] = {}
        self.at = mention_spans(doc)
        # the text the model read (spaCy's tokens keep it whole), else joined from the tokens: once per part
        self.text = text if _ends_at(doc, len(text)) else doc.text
        #: what the components wrote on the Doc, read once per part
        self.actor_cues = doc._.actor_cues or {}
        self.coref = doc._.coref or {}
        self.actor_names = doc._.actor_names or {}

    def read(self) -> None:
        for ent in list(self.doc.ents) + list(self.doc.spans.get(NESTED, [])):
            if ent.label_ in ACTOR_LABELS:
                self._mention(ent)
        for office in self.doc.spans.get(POSITIONS, []):  # an office named as an institution of its own
            if is_institutional(office.text):
                self._mention(office)
        for span in self.doc.spans.get(ANAPHORS, []):  # every anaphor, so coreference sees whole chains
            self._mention(span)
        first_of: list[int] = []  # raw event -> index of its first EventMention
        for raw in self.doc._.events or []:
            first_of.append(len(self.facts.events))
            self._events(raw)
        for n in range(first_of[0] if first_of else len(self.facts.events), len(self.facts.events)):
            ev = self.facts.events[n]
            if ev.context is not None:
                ev = replace(ev, context=first_of[ev.context])
            if ev.about_event is not None:
                ev = replace(ev, about_event=first_of[ev.about_event])
            self.facts.events[n] = ev
        for span in self.doc.spans.get(DESCRIBED, []):
            self.facts.described.add(self.offset + span.start_char)
        for raw in self.doc._.relations or []:
            self._relation(raw)

    def _evidence(self, start_char: int, end_char: int) -> TextSpan:
        span = self.spans.get((start_char, end_char))
        if span is None:
            span = self.spans[start_char, end_char] = self._new_evidence(start_char, end_char)
        return span

    def _new_evidence(self, start_char: int, end_char: int) -> TextSpan:
        piece = self.text[start_char:end_char]
        text = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        start = self.offset + start_char + lead
        return TextSpan(self.part.doc_id, self.part.kind, self.part.number, start, start + len(text), text)

    def _mention(self, span: Span) -> int | None:
        key = (span.start, span.end)
        if key in self.index:
            return self.index[key]
        sent = span.sent
        cues = tuple(tuple(c) for c in self.actor_cues.get(f"{span.start}:{span.end}", ()))
        coref = self.coref.get(cue_key(span.start, span.end), {})
        pronoun = len(span) == 1 and span[0].pos_ in ("PRON", "DET") and span.label_ in ("Person", "Author")
        if coref.get("kind") in ("descriptor", "group"):
            kind = ActorType(span.label_) if span.label_ in ACTOR_LABELS else ActorType.PERSON
            mention = Mention(
                self.offset + span.start_char,
                self.offset + span.end_char,
                span.text,
                kind,
                (),
                None,
                coref["kind"],
                self._evidence(sent.start_char, sent.end_char),
                self._coref(coref),
            )
        elif span.label_ in ACTOR_LABELS and not pronoun:
            mention = Mention(
                self.offset + span.start_char,
                self.offset + span.end_char,
                self.actor_names.get(f"{span.start}:{span.end}") or tidy_name(span.text),
                ActorType(span.label_),
                cues,
                span.kb_id_ or None,
                "",
                self._evidence(sent.start_char, sent.end_char),
                self._coref(coref),
            )
        elif pronoun:
            if span.label_ == "Author" and (
                self.part.kind not in _AUTHOR_VOICE or self.facts.structure.kind != "resolution"
            ):
                return None
            mention = Mention(
                self.offset + span.start_char,
                self.offset + span.end_char,
                span.text,
                ActorType.PERSON if span.label_ == "Person" else None,
                (),
                None,
                "pronoun" if span.label_ == "Person" else "author",
                self._evidence(sent.start_char, sent.end_char),
                self._coref(coref),
            )
        elif span.label_ == UNTYPED_NAME:
            known = self._known_name(span.text)
            if known is None:
                return None
            mention = Mention(
                self.offset + span.start_char,
                self.offset + span.end_char,
                tidy_name(span.text),
                known,
                (),
                None,
                "",
                self._evidence(sent.start_char, sent.end_char),
            )
        elif span.label_ == "Position":
            mention = Mention(
                self.offset + span.start_char,
                self.offset + span.end_char,
                span.text,
                None,
                (),
                None,
                "office:" + (span.id_ or position_label(span.text)),
                self._evidence(sent.start_char, sent.end_char),
            )
        else:
            return None
        self.facts.mentions.append(mention)
        self.index[key] = len(self.facts.mentions) - 1
        return self.index[key]

    def _known_name(self, text: str) -> ActorType | None:
        """The type of the actor an untyped name in an event's role stands for, where the document
        named it before: the same name ("the ZSC" after "Zarvan Security Court (ZSC)"), or a run of a
        person's name ("Tomas" or "Velinko" after "Tomas Velinko"), typed as most of those mentions are
        (identity then joins it to its actor). None where the document names no such actor."""
        words = text.split()
        kinds: list[ActorType] = []
        for m in self.facts.mentions:
            if m.refers or m.type is None:
                continue
            if m.text == text:
                kinds.append(m.type)
            elif m.type is ActorType.PERSON:
                theirs = m.text.split()
                if len(theirs) > len(words) and any(
                    theirs[k : k + len(words)] == words for k in range(len(theirs) - len(words) + 1)
                ):
                    kinds.append(m.type)
        return max(kinds, key=lambda k: (kinds.count(k), -kinds.index(k))) if kinds else None

    def _coref(self, cues: dict) -> tuple[tuple[str, str], ...]:
        """Coreference cues as (name, value) pairs; spans they name become document offsets."""
        out = []
        for name, value in sorted(cues.items()):
            if name in ("group", "not", "then", "listed"):
                keys = [value] if isinstance(value, str) else value
                value = [str(self.offset + self.doc[int(k.split(":")[0])].idx) for k in keys if k]
            if isinstance(value, list):
                value = "|".join(value)
            out.append((name, str(value)))
        return tuple(out)

    def _offsets(self, start: int, end: int) -> tuple[int, int]:
        """The document offsets of the part's tokens ``start`` to ``end``."""
        last = self.doc[end - 1]
        return self.offset + self.doc[start].idx, self.offset + last.idx + len(last)

    def _refs(self, spans: list[list[int]]) -> tuple[int, ...]:
        out = []
        for s, e in spans:
            span = self.at.get(s)
            if span is None or (span.start, span.end) != (s, e):
                span = self.doc[s:e]
                label = self.at[s].label_ if s in self.at else UNTYPED_NAME
                span = Span(self.doc, s, e, label=label)
            n = self._mention(span)
            if n is not None and n not in out:
                out.append(n)
        return tuple(out)

    def _own_ruling(self, raw: dict) -> bool:
        """Whether an undated decision is that of the court whose summary the document is: "the Court" it
        names by the one word, in a document that opens with a court's name."""
        if (
            raw["type"] != "CourtDecision"
            or self.calendar.own is None
            or self.calendar.own.precision is not DatePrecision.DAY
        ):
            return False
        bare = any(e - s == 1 and self.doc[s].text == "Court" for s, e in raw["court"])
        return bare and "court" in self.facts.document.text.lstrip().split("\n", 1)[0].lower()

    def _date(self, phrases: list[dict], sentence: list[int]) -> tuple[DateValue | None, bool]:
        """The first of an event's date phrases its document's calendar can read, and whether
        its year (or all of it) came from around it."""
        bounds = (self.offset + sentence[0], self.offset + sentence[1])
        for phrase in phrases:
            found = self.calendar.resolve(
                phrase["text"], self.offset + phrase["start"], bounds, (self.part.start, self.part.end)
            )
            if found is not None:
                return found
        return None, False

    def _events(self, raw: dict) -> None:
        groups = [[d] for d in raw["dates"]] if raw.get("dates") else [raw.get("date") or []]
        for phrases in groups:
            confidence = raw["confidence"]
            value, inferred = self._date(phrases, raw["sentence"])
            own = self.calendar.own
            if (
                value is None
                and raw.get("now")
                and self.facts.structure.kind == "report"
                and own is not None
                and own.precision is DatePrecision.DAY
            ):  # a statement in the present tense of a dated release or statement: made on its day
                value, inferred = own, True
            if value is None and own is not None and self._own_ruling(raw):
                value, inferred = own, True  # "the Court held …" in a court's summary: the judgment's day
            if inferred:
                confidence *= 0.9
            context = raw.get("context_of")
            self.facts.events.append(
                EventMention(
                    type=EventType(raw["type"]),
                    evidence=self._evidence(*raw["sentence"]),
                    trigger=self._offsets(*raw["trigger"]),
                    subjects=self._refs(raw["subject"]),
                    agents=self._refs(raw["agent"]),
                    courts=self._refs(raw["court"]),
                    places=self._refs(raw["place"]),
                    date=value,
                    term=raw.get("term"),
                    charges=tuple(raw.get("charges", ())),
                    legal_basis=tuple(raw.get("legal_basis", ())),
                    outcome=Outcome(raw["outcome"]) if raw.get("outcome") else None,
                    decision_ref=raw.get("decision_on"),
                    decided=raw.get("decided"),
                    context=context,  # a raw index of this part; made a document index by read()
                    about=self._refs(raw.get("about", [])),
                    about_event=raw.get("about_event"),
                    confidence=round(confidence, 3),
                    penalties=tuple(Penalty(p) for p in raw.get("penalties", ())),
                    fine_amount=raw.get("fine_amount"),
                    fine_currency=raw.get("fine_currency"),
                    standing=Standing(raw.get("standing", "asserted")),
                    refers_back=raw.get("refers_back", False),
                    classes=tuple(EventClass(c) for c in raw.get("classes", ())),
                    in_document=self._offsets(*raw["in_document"]) if "in_document" in raw else None,
                )
            )

    def _relation(self, raw: dict) -> None:
        ref = raw.get("object_ref")
        if ref and ref[0][0] == "couple":  # "the couple's son": a relative of each spouse named before
            # ("their son": only of a marriage told in the sentences just before)
            near = self._evidence(*raw["sentence"]).start - _THEIR_REACH if ref == [["couple", "near"]] else None
            for spouse in self._couple(near):
                self._relation({**raw, "object": None, "object_ref": None, "spouse": spouse})
            return
        subj = self._side(raw["subject"], raw.get("subject_ref"), raw.get("subject_floor"))
        obj = self._side(raw["object"], raw.get("object_ref"), raw.get("object_floor")) if raw["object"] else ()
        if not subj or (raw["object"] and not obj) or subj == obj:
            return
        if "spouse" in raw:
            obj = (raw["spouse"],)
        kind, position = raw["type"], raw.get("position")
        seat = self._seat_body(raw["seat_in"]) if raw.get("seat_in") else ()
        if seat:  # "a member of parliament, X" where the document names its parliament: a seat in it
            kind, position, obj = "memberOf", None, seat
        self.facts.relations.append(
            RelationMention(
                type=RelationType(kind),
                subject=subj[0],
                evidence=self._evidence(*raw["sentence"]),
                object=obj[0] if obj else None,
                position=position,
                confidence=raw["confidence"],
                peer=raw.get("peer", False),
                yields=raw.get("yields", False),
            )
        )

    def _couple(self, since: int | None = None) -> tuple[int, ...]:
        """The two spouses of the last marriage told so far in the document (mention indices); with
        ``since``, only where it was told in a sentence ending after that document offset."""
        married = [r for r in self.facts.relations if r.type is RelationType.SPOUSE_OF and r.object is not None]
        if not married or married[-1].object is None or (since is not None and married[-1].evidence.end < since):
            return ()
        return (married[-1].subject, married[-1].object)

    def _seat_body(self, words: list[str]) -> tuple[int, ...]:
        """The one state body named so far whose name holds one of ``words`` ("the Orsk Majlisi", "the
        National Assembly"), where the document names one; none where it names two."""
        found: dict[str, int] = {}
        for i, m in enumerate(self.facts.mentions):
            if not m.refers and m.type is ActorType.GOVERNMENT_BODY and set(m.text.lower().split()) & set(words):
                found.setdefault(m.canonical or m.text.lower(), i)
        return tuple(found.values()) if len(found) == 1 else ()

    def _dateline(self) -> tuple[int, ...]:
        """The agency a wire story's dateline names, where the document names it as an actor."""
        found = _DATELINE.search(self.facts.document.text)
        if found is None:
            return ()
        name = tidy_name(found.group(1)).lower()
        for i, m in enumerate(self.facts.mentions):
            if (
                not m.refers
                and m.type not in (None, ActorType.PERSON, ActorType.PLACE, ActorType.COUNTRY)
                and m.text.lower() == name
            ):
                return (i,)
        return ()

    def _side(self, span: list[int], ref: list[list[str]] | None, floor: int | None = None) -> tuple[int, ...]:
        """A relation's subject or object: the mention at ``span``, or the actor a reference stands for.

        An organisation's reference ("its editor", "the paper's editor") stands for the nearest
        organisation of the kinds it may be (each list of kinds in turn) named before it in its
        part, or in the part before where it opens its part (``floor`` None), or anywhere before
        (``floor`` -1: "the newspaper's editor"). A person's pronoun ("his wife") is its own mention,
        which coreference resolves by agreement and salience; a person's reference without one ("the
        41-year-old's lawyer") is the nearest person named before it in its sentence, else the person
        named most often so far among those named in its part and the two before, else in the document.
        """
        if not ref:
            return self._refs([span])
        at = self.offset + self.doc[span[0]].idx
        mentions = self.facts.mentions
        parts = self.facts.structure.parts
        n = next((i for i, p in enumerate(parts) if p is self.part), 0)
        if ref == [["dateline"]]:
            return self._dateline()
        if ref == [["surname"]]:  # the person named before whose surname it is ("Céspedes" of "Ana Céspedes Ruiz")
            word = self.doc[span[0]].lower_
            named = [
                i
                for i, m in enumerate(mentions)
                if not m.refers and m.type is ActorType.PERSON and m.start < at and word in m.text.lower().split()[1:]
            ]
            return (max(named, key=lambda i: mentions[i].start),) if named else ()
        if ref == [["Person"]]:
            s, e = span
            if s in self.at and (self.at[s].start, self.at[s].end) == (s, e) and self.at[s].label_ == "Person":
                return self._refs([span])  # "his wife": the pronoun, which coreference resolves by agreement
            return _person_before(
                mentions,
                at,
                self.offset + self.doc[span[0]].sent.start_char,
                [(p.start, p.end) for p in parts[max(0, n - 2) : n + 1]][::-1],
                self.facts.described,
            )
        low = 0 if floor == -1 else self.part.start if floor is not None else parts[max(0, n - 1)].start
        agency = _DATELINE.search(self.facts.document.text)
        own = tidy_name(agency.group(1)).lower() if agency else None  # the agency reporting is not "the paper"
        # a surname of a person named before is that person, whatever the model took it for ("Bensalah's release")
        surnames = {
            m.text.split()[-1].lower()
            for m in mentions
            if m.type is ActorType.PERSON and not m.refers and m.start < at and len(m.text.split()) > 1
        }
        # "the group's researcher" after "the group Voices for Andean Rights … called for Quispe's release": a
        # name something besides the model types (its words, a kind before it, the vocabulary) first; "its"
        # stands for the nearest
        kind_word = self.doc[span[0]].lower_ not in ("its", "their")
        # the names of a kind named before it, in the window: candidates of each tier below
        before = [
            (i, m, m.type.value)
            for i, m in enumerate(mentions)
            if not m.refers and m.type is not None and low <= m.start < at and m.text.lower() not in _REFERENCE_WORDS
        ]
        allowed = {kind for kinds in ref for kind in kinds}
        noun = self.doc[span[0]].lemma_.lower()
        # "the network's executive director": the nearest whose name ends in the word, whatever was named between
        ending = [
            i for i, m, kind in before if kind_word and kind in allowed and name_key(m.text).split()[-1:] == [noun]
        ]
        if ending:
            return (max(ending, key=lambda i: mentions[i].start),)
        # "the station's technician" after "the radio station X" and "the newspaper Y": the one the text called so
        called = [
            i
            for i, m, kind in before
            if kind_word and kind in allowed and any(noun in v[2].partition(":")[2].split() for v in m.votes)
        ]
        if called:
            return (max(called, key=lambda i: mentions[i].start),)
        for kinds in ref:
            for strong in (True, False) if kind_word else (False,):
                fits = [
                    i
                    for i, m, kind in before
                    if kind in kinds
                    and m.text.lower() != own
                    and (" " in m.text or m.text.lower() not in surnames)
                    and (not strong or any(v[1] > 1 for v in m.votes))
                ]
                if fits:
                    near = max(fits, key=lambda i: mentions[i].start)
                    said = mentions[near].sentence
                    if not kind_word and said is not None and said.end <= at and self.doc[span[0]].is_sent_start:
                        # "its" after the sentence naming it: that sentence's first of its kinds, its topic ("X
                        # went off the air after the ministry revoked its licence. Its director, …" is X's)
                        near = min((i for i in fits if mentions[i].sentence == said), key=lambda i: mentions[i].start)
                    return (near,)
        if ref == [["PoliticalParty"]] and kind_word:  # "the party" of a "Movement for …" its words made civil
            heads = name_words().political_heads
            named = [
                i
                for i, m in enumerate(mentions)
                if not m.refers and low <= m.start < at and (name_words().head_of(m.text.split()) or "") in heads
            ]
            return (max(named, key=lambda i: mentions[i].start),) if named else ()
        return ()


#: "the party", "the paper": words that stand for an actor, never one's name
_REFERENCE_WORDS = frozenset(load_json("relation_roles.json")["references"])
#: a wire story's dateline: "DUBAI, Oct 3 (Newswire) –", "BISHKEK, 14 February (Agency) -"
_DATELINE = WIRE_DATELINE
#: how far before "their son" (in characters, about three sentences) the marriage it goes back to may be told
_THEIR_REACH = 500


def _person_before(
    mentions: list[Mention], at: int, sentence: int, parts: list[tuple[int, int]], described: set[int]
) -> tuple[int, ...]:
    """The person a possessive pronoun at ``at`` stands for.

    The nearest person named before it in its sentence; else, in its part (``parts[0]``), then the
    part before (then the one before that), the person the document has named most often so far
    ("X was arrested together with Y. His wife, Z, …" is X's wife where the text is about X); else
    the person the document has named most often. A person named as someone's relative or lawyer
    ("his lawyer, X": ``described``) is passed over outside the sentence.
    """
    persons = [
        (i, m)
        for i, m in enumerate(mentions)
        if not m.refers
        and m.start < at
        and (best_type(list(m.votes)) or (m.type.value if m.type else None)) == "Person"
    ]
    if not persons:
        return ()
    count: dict[str, int] = {}
    for _, m in persons:
        key = m.text.split()[-1].lower()
        count[key] = count.get(key, 0) + 1

    def salience(im: tuple[int, Mention]) -> tuple[int, int]:
        return count[im[1].text.split()[-1].lower()], im[1].start

    same = [(m.start, i) for i, m in persons if m.start >= sentence]
    if same:
        return (max(same)[1],)
    free = [(i, m) for i, m in persons if m.start not in described]
    for start, end in parts:
        inside = [(i, m) for i, m in free if start <= m.start < end]
        if inside:
            return (max(inside, key=salience)[0],)
    return (max(persons, key=salience)[0],)
