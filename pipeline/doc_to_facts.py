"""From annotated spaCy Docs (one per part) to typed mentions, events and relations in document offsets."""

from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.components.events import mention_spans
from pipeline.components.extensions import ACTOR_LABELS, NESTED, POSITIONS
from pipeline.components.offices import is_institutional
from pipeline.components.gazetteer import position_label
from pipeline.facts import (ActorType, DatePrecision, DateValue, DocumentFacts, DocumentPart,
                            DocumentStructure, EventMention, EventType, Mention, Outcome, PartKind,
                            RelationMention, RelationType, SourceDocument, TextSpan)
from pipeline.normalize.names import tidy_name

__all__ = ["annotate", "part_body", "facts_from_docs"]

# The marker a part opens with ("A. ", "12. ", "– "): not part of the prose the model reads.
_MARKER = {
    PartKind.CITATION: re.compile(r"[–—-]\s*"),
    PartKind.RECITAL: re.compile(r"[A-Z]{1,2}\.\s+"),
    PartKind.PARAGRAPH: re.compile(r"\d{1,3}[a-z]?\.\s+"),
    PartKind.FOOTNOTE: re.compile(r"\d{1,3}\s+"),
}
# Parts where "its" is the author's voice ("having regard to its resolution", "reaffirms its call").
_AUTHOR_VOICE = {PartKind.CITATION, PartKind.PARAGRAPH}


def part_body(part: DocumentPart, kind: str) -> tuple[str, int]:
    """The prose of a part and its offset in the document: the marker left out.

    >>> p = DocumentPart("d", PartKind.RECITAL, "A", 10, 30, "A. whereas X was held")
    >>> part_body(p, "resolution")
    ('whereas X was held', 13)
    """
    marker = _MARKER[part.kind].match(part.text) if kind == "resolution" else None
    skip = marker.end() if marker else 0
    return part.text[skip:], part.start + skip


def annotate(nlp: Language, documents: Iterable[tuple[SourceDocument, DocumentStructure]],
             batch_size: int = 64, on_document: Callable[[SourceDocument], None] | None = None,
             ) -> Iterator[DocumentFacts]:
    """Run every part of every document through ``nlp.pipe`` in batches; yield each document's facts."""
    pending: dict[int, tuple[SourceDocument, DocumentStructure, list]] = {}
    counts: dict[int, int] = {}

    def items() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for n, (source, structure) in enumerate(documents):
            parts = [p for p in structure.parts]
            pending[n] = (source, structure, [None] * len(parts))
            counts[n] = len(parts)
            for i, part in enumerate(parts):
                text, offset = part_body(part, structure.kind)
                if part.kind is PartKind.FOOTNOTE:  # references to other texts, not prose
                    text = ""
                yield text, (n, i, offset)

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


def facts_from_docs(source: SourceDocument, structure: DocumentStructure,
                    docs: list[tuple[Doc, int]]) -> DocumentFacts:
    """Mentions, events and relations of one document from the Docs of its parts."""
    facts = DocumentFacts(source, structure)
    for part, (doc, offset) in zip(structure.parts, docs):
        _PartReader(facts, part, doc, offset).read()
    return facts


class _PartReader:
    """Turns one part's Doc into facts appended to the document's lists."""

    def __init__(self, facts: DocumentFacts, part: DocumentPart, doc: Doc, offset: int) -> None:
        self.facts, self.part, self.doc, self.offset = facts, part, doc, offset
        self.index: dict[tuple[int, int], int] = {}
        self.at = mention_spans(doc)

    def read(self) -> None:
        for ent in list(self.doc.ents) + list(self.doc.spans.get(NESTED, [])):
            if ent.label_ in ACTOR_LABELS:
                self._mention(ent)
        for office in self.doc.spans.get(POSITIONS, []):  # an office named as an institution of its own
            if is_institutional(office.text):
                self._mention(office)
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
        for raw in self.doc._.relations or []:
            self._relation(raw)

    def _evidence(self, start_char: int, end_char: int) -> TextSpan:
        text = self.doc.text[start_char:end_char].strip()
        lead = len(self.doc.text[start_char:end_char]) - len(self.doc.text[start_char:end_char].lstrip())
        start = self.offset + start_char + lead
        return TextSpan(self.part.doc_id, self.part.kind, self.part.number, start, start + len(text), text)

    def _mention(self, span: Span) -> int | None:
        key = (span.start, span.end)
        if key in self.index:
            return self.index[key]
        sent = span.sent
        cues = tuple(tuple(c) for c in (self.doc._.actor_cues or {}).get(f"{span.start}:{span.end}", ()))
        pronoun = len(span) == 1 and span[0].pos_ in ("PRON", "DET") and span.label_ in ("Person", "Author")
        if span.label_ in ACTOR_LABELS and not pronoun:
            mention = Mention(self.offset + span.start_char, self.offset + span.end_char,
                              (self.doc._.actor_names or {}).get(f"{span.start}:{span.end}") or tidy_name(span.text),
                              ActorType(span.label_), cues,
                              span.kb_id_ or None, "", self._evidence(sent.start_char, sent.end_char))
        elif pronoun:
            if span.label_ == "Author" and self.part.kind not in _AUTHOR_VOICE:
                return None
            mention = Mention(self.offset + span.start_char, self.offset + span.end_char, span.text,
                              ActorType.PERSON if span.label_ == "Person" else None, (), None,
                              "pronoun" if span.label_ == "Person" else "author",
                              self._evidence(sent.start_char, sent.end_char))
        elif span.label_ == "Position":
            mention = Mention(self.offset + span.start_char, self.offset + span.end_char, span.text,
                              None, (), None, "office:" + (span.id_ or position_label(span.text)),
                              self._evidence(sent.start_char, sent.end_char))
        else:
            return None
        self.facts.mentions.append(mention)
        self.index[key] = len(self.facts.mentions) - 1
        return self.index[key]

    def _refs(self, spans: list[list[int]]) -> tuple[int, ...]:
        out = []
        for s, e in spans:
            span = self.at.get(s)
            if span is None or (span.start, span.end) != (s, e):
                span = self.doc[s:e]
                label = self.at[s].label_ if s in self.at else ""
                span = Span(self.doc, s, e, label=label)
            n = self._mention(span)
            if n is not None and n not in out:
                out.append(n)
        return tuple(out)

    def _events(self, raw: dict) -> None:
        dates = raw.get("dates") or ([raw["date"]] if raw.get("date") else [None])
        for date in dates:
            confidence = raw["confidence"]
            value = None
            if date is not None:
                value = DateValue(date["value"], DatePrecision(date["precision"]))
                if date.get("year_from_context"):
                    confidence *= 0.9
            context = raw.get("context_of")
            self.facts.events.append(EventMention(
                type=EventType(raw["type"]),
                evidence=self._evidence(*raw["sentence"]),
                trigger=(self.offset + self.doc[raw["trigger"][0]].idx,
                         self.offset + self.doc[raw["trigger"][1] - 1].idx + len(self.doc[raw["trigger"][1] - 1])),
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
            ))

    def _relation(self, raw: dict) -> None:
        subj = self._refs([raw["subject"]])
        obj = self._refs([raw["object"]]) if raw["object"] else ()
        if not subj or (raw["object"] and not obj):
            return
        self.facts.relations.append(RelationMention(
            type=RelationType(raw["type"]), subject=subj[0],
            evidence=self._evidence(*raw["sentence"]),
            object=obj[0] if obj else None, position=raw.get("position"),
            confidence=raw["confidence"]))
