"""Events and relations of a document in terms of actors: roles filled, references followed, duplicates merged."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import Any

from pipeline.coref import called_nouns, is_heading, listed_speakers, may_be, resolve_groups
from pipeline.facts import (
    ACTING_EVENTS,
    Actor,
    ActorType,
    DatePrecision,
    DateValue,
    DocumentFacts,
    Event,
    EventClass,
    EventMention,
    EventType,
    Outcome,
    Relation,
    RelationType,
    Standing,
)
from pipeline.normalize.dates import may_be_same_day
from pipeline.patterns import load_json
from pipeline.structure import BULLETS

__all__ = ["resolve_events", "resolve_relations", "fit_relation", "PER_SUBJECT"]

#: Event types that happen to each subject on its own: "calls for the release of X, Y and Z" is
#: one demand per person. A visit or a statement by several actors together stays one event.
PER_SUBJECT = frozenset(EventType) - ACTING_EVENTS
#: What an event inherits from the event that frames it ("following her visit …, she called …")
#: is less certain than what its own words say.
INHERITED = 0.8
_RULED_ON = (
    EventType.SENTENCING,
    EventType.BAN,
    EventType.COURT_DECISION,
    EventType.TRIAL,
    EventType.LAWSUIT,
    EventType.DETENTION,
    EventType.ARREST,
)
#: a trial and the sentence it frames share their court ("after a trial …, the X Court sentenced"); an appeal's
#: court is another
_COURT_SHARED = {EventType.TRIAL, EventType.SENTENCING}
#: what is said or called for: by another actor it is another event
_SAID = (EventType.RELEASE_DEMAND, EventType.STATEMENT)
#: a place is where something happens, never who acts
_AGENT_TYPES = frozenset(t.value for t in ActorType) - {"Place"}
#: what follows the person's name that opens a list's entry: "Ivo Brel – reporter, Lumeria Daily. Arrested …",
#: "Ivo Brel (Lumeria): arrested …"
_ENTRY_HEAD = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?[–—:-]\s")
#: what may stand before the name that opens a list's entry: its bullet, spaces
_OPENING_MARKS = "".join(sorted(BULLETS)) + " \t"
#: what happens to the person an entry is about, told with no subject ("Arrested in Yangon on 3 April")
_ENTRY_TYPES = PER_SUBJECT - {EventType.RELEASE_DEMAND}
#: what "this sentence", "the ban", "the verdict" … point back to
_RULED_ON_BY_WORD = {
    "sentence": (EventType.SENTENCING,),
    "conviction": (EventType.SENTENCING, EventType.TRIAL),
    "verdict": (EventType.SENTENCING, EventType.TRIAL, EventType.COURT_DECISION),
    "ban": (EventType.BAN,),
    "decision": (EventType.BAN, EventType.SENTENCING, EventType.COURT_DECISION),
    "ruling": (EventType.BAN, EventType.SENTENCING, EventType.COURT_DECISION),
    "judgment": (EventType.SENTENCING, EventType.COURT_DECISION, EventType.BAN),
}


def resolve_events(
    facts: DocumentFacts,
    keys: list[str | None],
    actors: dict[str, Actor],
    author: str | None = None,
    signers: tuple[str, ...] = (),
) -> list[Event]:
    """The document's events with actor keys, in text order, ready for the graph.

    ``author`` is the actor who adopts the text: the agent of its own demands; ``signers``, the
    bodies that sign a joint statement, are those of its demands together.
    """
    values = load_json("event_values.json")
    # news and NGO reports: a named actor's reported words on the case are statements, dated or not
    reported = facts.structure.kind == "report"
    allowed = {EventType(t): set(types) for t, types in values["subject_types"].items()}

    listed = listed_speakers(facts, keys)  # "the experts said": those a UN press release lists
    called = called_nouns(facts, keys)  # the nouns each person is called by: "the lawyers" are not the accused
    groups = resolve_groups(facts, keys, actors, listed, called)  # "they", "the two men": the people named together
    groups.update(_groups_of_events(facts, keys, actors, groups, called))

    def refs(indices: tuple[int, ...], types: AbstractSet[str] | None = None) -> tuple[str, ...]:
        out = []
        for i in indices:
            for key in groups.get(i, (keys[i],)):
                if key and key not in out and (types is None or actors[key].type.value in types):
                    out.append(key)
        return tuple(out)

    drafts: list[Event | None] = []
    for ev in facts.events:
        subjects = refs(ev.subjects, allowed.get(ev.type))
        agents = tuple(k for k in refs(ev.agents, _AGENT_TYPES) if k not in subjects)
        courts = refs(ev.courts, {"Court"})
        if ev.type not in _SAID:  # "the SCC sentenced X": a court that acts decides, whatever its mention looked like
            courts += tuple(k for k in agents if actors[k].type is ActorType.COURT and k not in courts)
            agents = tuple(k for k in agents if actors[k].type is not ActorType.COURT)
        places = tuple(k for k in refs(ev.places) if actors[k].type.value in values["place_types"])
        if ev.type is EventType.RELEASE_DEMAND and signers and set(agents) <= set(signers):
            agents = signers  # the statement's own demand, however many of its signers the sentence names
        elif ev.type is EventType.RELEASE_DEMAND and not agents and author and ev.in_document is None:
            agents = (author,)  # (a demand a cited document makes is that document's author's: _demanded_in)
        drafts.append(
            Event(
                ev.type,
                (ev.evidence,),
                ev.trigger[0],
                subjects,
                agents,
                courts,
                places,
                ev.date,
                ev.term,
                ev.charges,
                ev.legal_basis,
                ev.outcome,
                None,
                refs(ev.about),
                None,
                ev.confidence,
                penalties=ev.penalties,
                fine_amount=ev.fine_amount,
                fine_currency=ev.fine_currency,
                standing=ev.standing,
                classes=ev.classes,
            )
        )
    _inherit_from_context(facts.events, drafts)
    _demanded_in(facts, drafts)
    _of_the_entry(facts, keys, drafts, actors)
    _refer_back(facts, keys, drafts, actors)
    _held_since_taken(facts.events, drafts)
    _sentenced_together(facts.events, drafts)
    _under_the_verdict(facts, drafts, frozenset(values["verdict_words"]))
    rules_on = _rule_on_earlier(facts.events, drafts)
    _point_back(facts.events, drafts)
    kept: list[Event] = []
    for draft in drafts:
        if draft is None or not draft.subjects:
            continue
        if draft.type is EventType.STATEMENT and draft.date is None and not reported:
            continue  # in a resolution a statement is a dated statement, report or opinion
        if draft.type is EventType.STATEMENT and len(draft.subjects) > 1 and set(draft.subjects) <= set(listed):
            kept.extend(replace(draft, subjects=(s,)) for s in draft.subjects)  # "the experts said": each of them
            continue
        kept.extend(_per_subject(draft))
    kept += _held_where_released(kept, actors, frozenset(values["detention_place_heads"]))
    merged = _merge(kept)
    about = {n: ev.about_event for n, ev in enumerate(facts.events) if ev.about_event is not None}
    return _link(_link(merged, facts.events, rules_on, "decision_on"), facts.events, about, "about_event")


def _groups_of_events(
    facts: DocumentFacts,
    keys: list[str | None],
    actors: dict[str, Actor],
    known: dict[int, tuple[str, ...]],
    called: dict[str, set[str]],
) -> dict[int, tuple[str, ...]]:
    """A plural anaphor no names listed together explain ("X was arrested, together with Y. Both were
    taken to …"): the people the last event before it in its paragraph happened to together, where
    they are as many as the anaphor says."""
    out: dict[int, tuple[str, ...]] = {}
    for i, m in enumerate(facts.mentions):
        if m.refers != "group" or i in known:
            continue
        count = int(dict(m.coref).get("count") or 0)
        best: tuple[int, tuple[str, ...]] | None = None
        for ev in facts.events:
            if ev.type not in PER_SUBJECT or not ev.evidence.start <= ev.trigger[0] < m.start:
                continue
            if ev.evidence.part_number != _part_of(facts, m.start) or ev.evidence.end > m.start:
                continue
            people = tuple(
                dict.fromkeys(
                    k
                    for j in ev.subjects
                    for k in known.get(j, (keys[j],))
                    if k is not None and actors[k].type is ActorType.PERSON
                )
            )
            if not may_be(m, people, called):
                continue
            if len(people) >= 2 and (not count or len(people) == count) and (best is None or ev.trigger[0] > best[0]):
                best = (ev.trigger[0], people)
        if best is not None:
            out[i] = best[1]
    return out


def _part_of(facts: DocumentFacts, offset: int) -> str | None:
    return next((p.number for p in facts.structure.parts if p.start <= offset < p.end), None)


def _link(events: list[Event], mentions: list[EventMention], links: dict[int, int], attr: str) -> list[Event]:
    """Point each event (a decision, a statement) at the final node of the event it is on.

    ``links`` maps event mentions to event mentions; after merging and splitting, a mention's
    node is the event of its type whose evidence holds the mention's sentence.
    """
    out = list(events)
    for n, m in links.items():
        source, target = mentions[n], mentions[m]
        for i, ev in enumerate(out):
            if (
                ev.type is source.type
                and source.evidence in ev.evidence
                and (ev.trigger_start == source.trigger[0] or ev.evidence[0] != source.evidence)
            ):
                hits = [
                    j
                    for j, t in enumerate(out)
                    if t.type is target.type
                    and target.evidence in t.evidence
                    and (attr != "decision_on" or set(t.subjects) & set(ev.subjects))
                ]
                if hits:
                    out[i] = (
                        replace(ev, decision_on=hits[0]) if attr == "decision_on" else replace(ev, about_event=hits[0])
                    )
    return out


def _inherit_from_context(mentions: list[EventMention], drafts: list[Event | None]) -> None:
    """An event framed by another ("a lawsuit … following which the court banned X") shares its
    subject where it names none, and its month or year where it gives no date."""
    for n, ev in enumerate(mentions):
        ctx = ev.context
        frame = drafts[ctx] if ctx is not None else None
        draft = drafts[n]
        if ctx is None or frame is None or draft is None:
            continue
        changes: dict[str, Any] = {}
        if (
            not draft.subjects
            and frame.subjects
            and not (frame.type in ACTING_EVENTS and draft.type not in ACTING_EVENTS)
        ):
            # the frame's subjects, with those of its sentence split by term ("A to six years and B to four"); not
            # a speaker's ("The experts expressed concern … after a trial in which …": the experts were not tried)
            same = [
                d.subjects
                for m, d in enumerate(drafts)
                if d is not None
                and mentions[m].trigger == mentions[ctx].trigger
                and mentions[m].type is mentions[ctx].type
            ]
            changes["subjects"] = tuple(dict.fromkeys(k for subjects in same for k in subjects))
        if draft.date is None and frame.date is not None and frame.date.precision is not DatePrecision.DAY:
            changes["date"] = frame.date
        if not draft.courts and frame.courts and {draft.type, frame.type} <= _COURT_SHARED:
            changes["courts"] = frame.courts  # "after a trial …, the X Court sentenced him": the trial's court
        if changes:
            drafts[n] = replace(draft, confidence=round(draft.confidence * INHERITED, 3), **changes)


def _demanded_in(facts: DocumentFacts, drafts: list[Event | None]) -> None:
    """A demand a document makes is its author's, on its day: "The statement issued on 30 September 2024 by
    X calls for his release" (the statement's own noun), "… rejects the resolution adopted by the European
    Parliament on 13 March 2025. The resolution, which calls for his immediate release, …" (the last
    statement told by that noun)."""
    text = facts.document.text
    statements = [n for n, m in enumerate(facts.events) if m.type is EventType.STATEMENT]
    for n, ev in enumerate(facts.events):
        draft = drafts[n]
        if draft is None or ev.in_document is None:
            continue
        own = [k for k in statements if facts.events[k].trigger == ev.in_document]
        word = text[slice(*ev.in_document)].lower()
        told = [
            k
            for k in statements
            if facts.events[k].trigger[0] < ev.in_document[0] and text[slice(*facts.events[k].trigger)].lower() == word
        ]
        # the statement the noun itself tells, unless it names no author ("The resolution, which calls for …"
        # after the resolution was told): then the last one told before by the same noun that does
        frame = next((f for k in [*own, *reversed(told)] if (f := drafts[k]) is not None and f.subjects), None)
        if frame is None:
            continue
        changes: dict[str, Any] = {}
        if not draft.agents:
            changes["agents"] = frame.subjects
        if draft.date is None and frame.date is not None:
            changes["date"] = frame.date
        if changes:
            drafts[n] = replace(draft, **changes)


def _of_the_entry(
    facts: DocumentFacts, keys: list[str | None], drafts: list[Event | None], actors: dict[str, Actor]
) -> None:
    """A list's entry that opens on a person's name and a dash or colon ("Thiha Aung Lwin – Mingalar Post
    (online). Arrested in Yangon on 3 April 2021. Sentenced on …", a census of prisoners, a case list) tells
    of that person: an event of the entry told with no subject, its verb opening its sentence or the
    entry's text, is theirs."""
    text = facts.document.text
    parts = facts.structure.parts
    starts = [p.start for p in parts]
    bodies: dict[int, tuple[int, str]] = {}  # part index -> (where the entry's text starts, the person)
    for i, m in enumerate(facts.mentions):
        key = keys[i]
        if m.refers or key is None or actors[key].type is not ActorType.PERSON:
            continue
        n = bisect_right(starts, m.start) - 1
        if n < 0 or n in bodies or text[parts[n].start : m.start].strip(_OPENING_MARKS):
            continue
        head = _ENTRY_HEAD.match(text, m.end, parts[n].end)
        if head is not None:
            bodies[n] = (head.end(), key)
    if not bodies:
        return
    for n, ev in enumerate(facts.events):
        draft = drafts[n]
        if draft is None or draft.subjects or ev.type not in _ENTRY_TYPES:
            continue
        body = bodies.get(bisect_right(starts, ev.trigger[0]) - 1)
        if body is None or ev.trigger[0] < body[0]:
            continue
        if not text[max(ev.evidence.start, body[0]) : ev.trigger[0]].strip(" \"“‘'"):
            drafts[n] = replace(draft, subjects=(body[1],), confidence=round(draft.confidence * INHERITED, 3))


def _refer_back(
    facts: DocumentFacts, keys: list[str | None], drafts: list[Event | None], actors: dict[str, Actor]
) -> None:
    """ "The trial opens behind closed doors", "the prosecutor's office, which brought the case": an
    event of "the case" the text tells of, with no subject of its own (``refers_back``), is of the
    person whose case it is: the person who is the subject of most of the case's events (arrests,
    charges, trials, sentences…) told before it in its section (since the last heading), the one
    told of last on a tie, passing over people named as someone's relative or lawyer."""
    parts = facts.structure.parts
    starts = [p.start for p in parts]
    section, last = [], -1
    for n, p in enumerate(parts):
        last = n if is_heading(p.text) else last
        section.append(last)
    aside = {keys[i] for i, m in enumerate(facts.mentions) if m.start in facts.described and keys[i]}

    def part_of(m: EventMention) -> int:
        return max(0, bisect_right(starts, m.evidence.start) - 1)

    for n, ev in enumerate(facts.events):
        draft = drafts[n]
        if draft is None or draft.subjects or not ev.refers_back:
            continue
        opens = section[part_of(ev)]
        told: dict[str, tuple[int, int]] = {}  # person -> (events, the last one's index)
        for m in range(n):
            earlier, before = drafts[m], facts.events[m]
            if earlier is None or before.type not in _RULED_ON or part_of(before) < opens:
                continue
            for k in earlier.subjects:
                if actors[k].type is ActorType.PERSON and k not in aside:
                    told[k] = (told.get(k, (0, 0))[0] + 1, m)
        if told:
            person = max(sorted(told), key=lambda k: told[k])
            drafts[n] = replace(draft, subjects=(person,), confidence=round(draft.confidence * INHERITED, 3))


def _earlier_in_paragraph(
    mentions: list[EventMention], drafts: list[Event | None], n: int
) -> Iterator[tuple[Event | None, EventMention]]:
    """The drafts and mentions of the events told before the ``n``-th in its paragraph, nearest first."""
    ev = mentions[n]
    for m in range(n - 1, -1, -1):
        before = mentions[m]
        if before.evidence.part_number != ev.evidence.part_number or before.evidence.part_kind != ev.evidence.part_kind:
            return
        yield drafts[m], before


def _held_since_taken(mentions: list[EventMention], drafts: list[Event | None]) -> None:
    """ "X was arrested on 5 May … He was taken to Y police station": a detention its words leave undated
    starts with the arrest or detention of the same person told just before it in its paragraph."""
    for n, ev in enumerate(mentions):
        draft = drafts[n]
        if draft is None or ev.type is not EventType.DETENTION or draft.date is not None or not draft.subjects:
            continue
        for other, before in _earlier_in_paragraph(mentions, drafts, n):
            if other is None or not set(other.subjects) & set(draft.subjects):
                continue
            if before.type in (EventType.ARREST, EventType.DETENTION) and other.date is not None:
                drafts[n] = replace(draft, date=other.date, confidence=round(draft.confidence * INHERITED, 3))
            break


def _held_where_released(events: list[Event], actors: dict[str, Actor], heads: frozenset[str]) -> list[Event]:
    """ "X was released from Y prison that evening": X was held in Y prison, a detention the text states
    without a verb of its own (undated: its start is not told)."""
    out = []
    for ev in events:
        if ev.type is not EventType.RELEASE or ev.standing is not Standing.ASSERTED:
            continue
        held = tuple(k for k in ev.places if heads & set(actors[k].label.lower().split()))
        if held and ev.subjects:
            out.append(
                Event(
                    EventType.DETENTION,
                    ev.evidence,
                    ev.trigger_start,
                    ev.subjects,
                    places=held,
                    confidence=round(ev.confidence * INHERITED, 3),
                    standing=ev.standing,
                )
            )
    return out


def _sentenced_together(mentions: list[EventMention], drafts: list[Event | None]) -> None:
    """ "The X Court sentenced A to seven years on 5 May; his co-defendant B received a suspended sentence":
    a sentencing that names neither its court nor its date, told after another person's in the same
    paragraph, was handed down by the same court on the same day."""
    for n, ev in enumerate(mentions):
        draft = drafts[n]
        if draft is None or ev.type is not EventType.SENTENCING or draft.courts:
            continue
        for other, before in _earlier_in_paragraph(mentions, drafts, n):
            if before.type is not EventType.SENTENCING or other is None or not other.subjects:
                continue
            if set(other.subjects) & set(draft.subjects) or not other.courts:
                break
            drafts[n] = _at_the_hearing_of(draft, other) or draft
            break


def _at_the_hearing_of(draft: Event, other: Event) -> Event | None:
    """``draft`` handed down by ``other``'s court on its day, or None where ``draft`` has a day of its own
    (another hearing)."""
    if draft.date is not None and (other.date is None or not may_be_same_day(draft.date.value, other.date.value)):
        return None
    return replace(
        draft, courts=other.courts, date=draft.date or other.date, confidence=round(draft.confidence * INHERITED, 3)
    )


def _under_the_verdict(facts: DocumentFacts, drafts: list[Event | None], verdict_words: frozenset[str]) -> None:
    """ "The X Court handed down the verdicts on Tuesday. … A was given ten years. … B received seven": a
    sentencing that names no court and no other day, told after a dated verdict that names its court but no
    one, was handed down by that court on that day, until a sentencing names a court of its own."""
    verdict: Event | None = None
    for n, ev in enumerate(facts.events):
        draft = drafts[n]
        if draft is None or ev.type is not EventType.SENTENCING:
            continue
        if draft.courts:
            word = facts.document.text[slice(*ev.trigger)].lower()
            verdict = None if draft.subjects or draft.date is None or word not in verdict_words else draft
            continue
        if verdict is not None and draft.subjects:
            drafts[n] = _at_the_hearing_of(draft, verdict) or draft


def _rule_on_earlier(mentions: list[EventMention], drafts: list[Event | None]) -> dict[int, int]:
    """A court decision rules on an earlier event: the one "this sentence" points back to, or the
    sentence or ban of the same subject; it decides the case of that event's subject."""
    rules_on: dict[int, int] = {}
    for n, ev in enumerate(mentions):
        draft = drafts[n]
        if draft is None or ev.type is not EventType.COURT_DECISION:
            continue
        target = None
        if ev.decision_ref == "previous" and not draft.subjects:
            kinds = _RULED_ON_BY_WORD.get(ev.decided or "", _RULED_ON)
            earlier = [
                m
                for m in range(n - 1, -1, -1)
                if (d := drafts[m]) is not None and d.subjects and mentions[m].type in kinds
            ]
            same_part = [
                m
                for m in earlier
                if mentions[m].evidence.part_number == ev.evidence.part_number
                and mentions[m].evidence.part_kind == ev.evidence.part_kind
            ]
            if not same_part and earlier:  # "X upholds the sentence": of the paragraph told last, the first told
                last = mentions[earlier[0]].evidence
                same_part = [
                    m
                    for m in earlier
                    if (mentions[m].evidence.part_number, mentions[m].evidence.part_kind)
                    == (last.part_number, last.part_kind)
                ][-1:]
            target = next(iter(same_part or earlier), None)
        elif draft.subjects:
            near = sorted(
                (abs(m - n), m)
                for m, other in enumerate(drafts)
                if other is not None
                and m != n
                and mentions[m].type in (EventType.SENTENCING, EventType.BAN)
                and set(other.subjects) & set(draft.subjects)
            )
            target = near[0][1] if near else None
        ruled = drafts[target] if target is not None else None
        if target is not None and ruled is not None:
            drafts[n] = replace(draft, subjects=draft.subjects or ruled.subjects)
            rules_on[n] = target
    return rules_on


def _point_back(mentions: list[EventMention], drafts: list[Event | None]) -> None:
    """ "The suspension was extended in February": an event named by a bare definite noun, other than a
    decision, is on the subject of the last event of its type told before it in the same paragraph."""
    for n, ev in enumerate(mentions):
        draft = drafts[n]
        if draft is None or draft.subjects or ev.decision_ref != "previous" or ev.type is EventType.COURT_DECISION:
            continue
        earlier = next(
            (
                d
                for d, before in _earlier_in_paragraph(mentions, drafts, n)
                if d and d.subjects and before.type is ev.type
            ),
            None,
        )
        if earlier is not None:
            drafts[n] = replace(draft, subjects=earlier.subjects, confidence=round(draft.confidence * INHERITED, 3))


def _per_subject(ev: Event) -> list[Event]:
    if ev.type not in PER_SUBJECT or len(ev.subjects) < 2:
        return [ev]
    return [replace(ev, subjects=(s,)) for s in ev.subjects]


def _compatible(a: Event, b: Event) -> bool:
    if a.type is not b.type or set(a.subjects) != set(b.subjects):
        return False
    if (a.standing is Standing.DENIED) != (b.standing is Standing.DENIED):
        return False  # "was arrested" and "was not released" stay apart
    if a.type is EventType.DETENTION and a.places and b.places and not set(a.places) & set(b.places):
        return False  # one detention per place of detention: "held at X police station, then sent to Y prison"
    for attr in ("term", "outcome"):
        x, y = getattr(a, attr), getattr(b, attr)
        if x is not None and y is not None and x != y and not _one_decision(a, b):
            return False
    if a.date is not None and b.date is not None and not may_be_same_day(a.date.value, b.date.value):
        if not _ends_trial(a, b):
            return False  # "sentenced in 2016" and "on 6 October 2016 … sentenced" may be one event
    if a.courts and b.courts and set(a.courts) != set(b.courts):
        return False
    if a.type is EventType.DETENTION and a.places and b.places and not set(a.places) & set(b.places):
        return False  # held in a remand centre, then in a penal colony: one detention per place
    if a.type in _SAID and a.agents and b.agents and not set(a.agents) & set(b.agents):
        return False  # the EU's call and the OSCE's call for one release are two demands
    return True


def _one_decision(a: Event, b: Event) -> bool:
    """ "the Supreme Court rejected their appeals and upheld their sentences": an appeal refused and the
    sentence upheld by one court on one day are one decision (outcome: upheld)."""
    return (
        {a.outcome, b.outcome} == {Outcome.REFUSED, Outcome.UPHELD}
        and bool(a.courts)
        and set(a.courts) == set(b.courts)
        and a.date is not None
        and b.date is not None
        and a.date.value == b.date.value
    )


def _ends_trial(a: Event, b: Event) -> bool:
    """ "Their trial opened on 23 October 2017 … on 28 June 2018 that court acquitted him": the acquittal
    is the trial it ends (one wh:Trial node, dated from its start), whatever day it came."""
    return a.type is EventType.TRIAL and (EventClass.ACQUITTAL in a.classes) != (EventClass.ACQUITTAL in b.classes)


def _precise(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The more precise of two dates that may name the same day."""
    if a is None or b is None:
        return a or b
    return a if len(a.value) >= len(b.value) else b


def _union(a: tuple, b: tuple) -> tuple:
    return a + tuple(x for x in b if x not in a)


def _merge(events: list[Event]) -> list[Event]:
    """One node per event: mentions of the same event in several sentences become one, with all their evidence."""
    out: list[Event] = []
    for ev in sorted(events, key=lambda e: e.trigger_start):
        for n, kept in enumerate(out):
            if _compatible(kept, ev):
                out[n] = replace(
                    kept,
                    evidence=_union(kept.evidence, ev.evidence),
                    agents=_union(kept.agents, ev.agents),
                    courts=_union(kept.courts, ev.courts),
                    places=_union(kept.places, ev.places),
                    date=_precise(kept.date, ev.date)
                    if kept.date is None or ev.date is None or may_be_same_day(kept.date.value, ev.date.value)
                    else kept.date,
                    term=kept.term or ev.term,
                    charges=_union(kept.charges, ev.charges),
                    legal_basis=_union(kept.legal_basis, ev.legal_basis),
                    outcome=Outcome.UPHELD if _one_decision(kept, ev) else kept.outcome or ev.outcome,
                    about=_union(kept.about, ev.about),
                    confidence=max(kept.confidence, ev.confidence),
                    penalties=_union(kept.penalties, ev.penalties),
                    fine_amount=kept.fine_amount or ev.fine_amount,
                    fine_currency=kept.fine_currency or ev.fine_currency,
                    classes=_union(kept.classes, ev.classes),
                    # what the text states in its own voice outweighs a mention that reports, alleges or asks for it
                    standing=Standing.ASSERTED if Standing.ASSERTED in (kept.standing, ev.standing) else kept.standing,
                )
                break
        else:
            out.append(ev)
    return out


_PLACES = (ActorType.PLACE, ActorType.COUNTRY)
_OFFICE_BODIES = (ActorType.INTERNATIONAL_ORGANISATION, ActorType.GOVERNMENT_BODY, ActorType.COURT)
#: who can be a member: a person, a state, or an organisation (a media outlet too) in a coalition, union,
#: network or alliance
_MEMBERS = (
    ActorType.PERSON,
    ActorType.COUNTRY,
    ActorType.NGO,
    ActorType.MEDIA_OUTLET,
    ActorType.ORGANISATION,
    ActorType.POLITICAL_PARTY,
    ActorType.INTERNATIONAL_ORGANISATION,
)


def fit_relation(kind: RelationType, subject: ActorType | None, obj: ActorType | None) -> RelationType | None:
    """The relation as the actors' types allow it, or None where they rule it out.

    Kinship holds between persons; a person leads, works for or belongs to an organisation (a
    country also belongs to one); a political party has members, not staff, and a media outlet
    staff, not members. An office named with its organisation ("Director of the OSCE Office …")
    is a ``holdsPosition`` only where the organisation is a public or international body.

    >>> fit_relation(RelationType.EMPLOYEE_OF, ActorType.PERSON, ActorType.POLITICAL_PARTY).value
    'memberOf'
    >>> fit_relation(RelationType.SPOUSE_OF, ActorType.PERSON, ActorType.NGO) is None
    True
    """
    if kind in (RelationType.SPOUSE_OF, RelationType.RELATIVE_OF):
        return kind if subject is obj is ActorType.PERSON else None
    if kind is RelationType.HOLDS_POSITION:
        if subject is not ActorType.PERSON or (obj is not None and obj not in _OFFICE_BODIES):
            return None
        return kind
    if obj is None or obj is ActorType.PERSON or obj in _PLACES:
        return None
    if kind is RelationType.MEMBER_OF:
        if subject not in _MEMBERS:
            return None
        return RelationType.EMPLOYEE_OF if obj is ActorType.MEDIA_OUTLET and subject is ActorType.PERSON else kind
    if subject is not ActorType.PERSON:
        return None
    if kind is RelationType.EMPLOYEE_OF and obj is ActorType.POLITICAL_PARTY:
        return RelationType.MEMBER_OF
    return kind


def resolve_relations(
    facts: DocumentFacts, keys: list[str | None], actors: dict[str, Actor] | None = None
) -> list[Relation]:
    """The document's relations with actor keys; one per distinct fact, with all its evidence.

    With ``actors`` (the identities), each relation is checked against its actors' types
    (:func:`fit_relation`).
    """
    found: dict[tuple, Relation] = {}
    yielding: set[tuple] = set()  # leaderships only a staff role named as the one says
    peers = []
    for rel in facts.relations:
        subject = keys[rel.subject]
        obj = keys[rel.object] if rel.object is not None else None
        if subject is None or (rel.object is not None and (obj is None or obj == subject)):
            continue
        if rel.peer:
            peers.append((rel, subject, obj))
            continue
        fitted: RelationType | None = rel.type
        if actors is not None:
            fitted = fit_relation(rel.type, _type(actors, subject), _type(actors, obj))
        if fitted is None:
            continue
        kind = fitted
        if rel.position is not None:
            obj = None  # the office's organisation was only its condition
        if kind in (RelationType.SPOUSE_OF, RelationType.RELATIVE_OF) and obj is not None:
            subject, obj = sorted((subject, obj))  # symmetric: one direction
        key = (kind, subject, obj, rel.position.casefold() if rel.position else None)  # "Judge" = "judge"
        if rel.yields and (key not in found or key in yielding):
            yielding.add(key)
        elif not rel.yields:
            yielding.discard(key)
        if key in found:
            old = found[key]
            found[key] = replace(
                old, evidence=_union(old.evidence, (rel.evidence,)), confidence=max(old.confidence, rel.confidence)
            )
        else:
            found[key] = Relation(kind, subject, (rel.evidence,), obj, rel.position, rel.confidence)
    for rel, subject, colleague in peers:  # "X's fellow co-chair, Y": Y co-chairs what X co-chairs
        for kind, holder, obj, position in list(found):
            if kind is rel.type and holder == colleague and obj is not None and position is None and obj != subject:
                key = (kind, subject, obj, None)
                if key not in found:
                    found[key] = Relation(kind, subject, (rel.evidence,), obj, None, round(rel.confidence * 0.9, 3))
    # "the outlet's editor, Y" after "X is the director of the outlet": Y is its staff
    firm = {(r.subject, r.object) for k, r in found.items() if r.type is RelationType.LEADER_OF and k not in yielding}
    for key in sorted(yielding, key=str):
        lead = found[key]
        if any(obj == lead.object and subject != lead.subject for subject, obj in firm):
            del found[key]
            staff = (RelationType.EMPLOYEE_OF, *key[1:])
            found.setdefault(staff, replace(lead, type=RelationType.EMPLOYEE_OF))
    # who leads an organisation is not also told as its staff or member ("X was its editor-in-chief" after
    # "X, a journalist of Y")
    leads = {(r.subject, r.object) for r in found.values() if r.type is RelationType.LEADER_OF}
    return [
        r for r in found.values() if r.type not in _LED or r.position is not None or (r.subject, r.object) not in leads
    ]


#: relations a leadership of the same organisation says more than
_LED = (RelationType.EMPLOYEE_OF, RelationType.MEMBER_OF)


def _type(actors: dict[str, Actor], key: str | None) -> ActorType | None:
    return actors[key].type if key is not None and key in actors else None
