"""Events and relations of a document in terms of actors: roles filled, references followed, duplicates merged."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import Any

from pipeline.components.extensions import ACTOR_LABELS
from pipeline.coref import resolve_groups
from pipeline.facts import (
    Actor,
    ActorType,
    DatePrecision,
    DateValue,
    DocumentFacts,
    Event,
    EventMention,
    EventType,
    Relation,
    RelationType,
    Standing,
)
from pipeline.normalize.dates import may_be_same_day
from pipeline.patterns import load_json

__all__ = ["resolve_events", "resolve_relations", "fit_relation", "PER_SUBJECT"]

#: Event types that happen to each subject on its own: "calls for the release of X, Y and Z" is
#: one demand per person. A visit or a statement by several actors together stays one event.
PER_SUBJECT = frozenset(EventType) - {EventType.STATEMENT, EventType.VISIT}
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
_AGENT_TYPES = ACTOR_LABELS - {"Place"}
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
    facts: DocumentFacts, keys: list[str | None], actors: dict[str, Actor], author: str | None = None
) -> list[Event]:
    """The document's events with actor keys, in text order, ready for the graph.

    ``author`` is the actor who adopts the text: the agent of its own demands.
    """
    values = load_json("event_values.json")
    # news and NGO reports: a named actor's reported words on the case are statements, dated or not
    reported = facts.structure.kind == "report"
    allowed = {EventType(t): set(types) for t, types in values["subject_types"].items()}

    groups = resolve_groups(facts, keys, actors)  # "they", "the two men": the people named together

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
        places = tuple(k for k in refs(ev.places) if actors[k].type.value in values["place_types"])
        if ev.type is EventType.RELEASE_DEMAND and not agents and author:
            agents = (author,)
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
            )
        )
    _inherit_from_context(facts.events, drafts)
    rules_on = _rule_on_earlier(facts.events, drafts)
    _point_back(facts.events, drafts)
    kept: list[Event] = []
    for draft in drafts:
        if draft is None or not draft.subjects:
            continue
        if draft.type is EventType.STATEMENT and draft.date is None and not reported:
            continue  # in a resolution a statement is a dated statement, report or opinion
        kept.extend(_per_subject(draft))
    merged = _merge(kept)
    about = {n: ev.about_event for n, ev in enumerate(facts.events) if ev.about_event is not None}
    return _link(_link(merged, facts.events, rules_on, "decision_on"), facts.events, about, "about_event")


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
        if not draft.subjects and frame.subjects:
            # the frame's subjects, with those of its sentence split by term ("A to six years and B to four")
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
                for m in range(n - 1, -1, -1)
                if (d := drafts[m]) is not None
                and d.subjects
                and mentions[m].type is ev.type
                and mentions[m].evidence.part_number == ev.evidence.part_number
                and mentions[m].evidence.part_kind == ev.evidence.part_kind
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
    for attr in ("term", "outcome"):
        x, y = getattr(a, attr), getattr(b, attr)
        if x is not None and y is not None and x != y:
            return False
    if a.date is not None and b.date is not None and not may_be_same_day(a.date.value, b.date.value):
        return False  # "sentenced in 2016" and "on 6 October 2016 … sentenced" may be one event
    if a.courts and b.courts and set(a.courts) != set(b.courts):
        return False
    if a.type in _SAID and a.agents and b.agents and not set(a.agents) & set(b.agents):
        return False  # the EU's call and the OSCE's call for one release are two demands
    return True


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
                    date=_precise(kept.date, ev.date),
                    term=kept.term or ev.term,
                    charges=_union(kept.charges, ev.charges),
                    legal_basis=_union(kept.legal_basis, ev.legal_basis),
                    outcome=kept.outcome or ev.outcome,
                    about=_union(kept.about, ev.about),
                    confidence=max(kept.confidence, ev.confidence),
                    penalties=_union(kept.penalties, ev.penalties),
                    fine_amount=kept.fine_amount or ev.fine_amount,
                    fine_currency=kept.fine_currency or ev.fine_currency,
                )
                break
        else:
            out.append(ev)
    return out


_PLACES = (ActorType.PLACE, ActorType.COUNTRY)
_OFFICE_BODIES = (ActorType.INTERNATIONAL_ORGANISATION, ActorType.GOVERNMENT_BODY, ActorType.COURT)
#: who can be a member: a person, a state, or an organisation in a coalition, union or alliance
_MEMBERS = (
    ActorType.PERSON,
    ActorType.COUNTRY,
    ActorType.NGO,
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
    for rel in facts.relations:
        subject = keys[rel.subject]
        obj = keys[rel.object] if rel.object is not None else None
        if subject is None or (rel.object is not None and (obj is None or obj == subject)):
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
        if key in found:
            old = found[key]
            found[key] = replace(
                old, evidence=_union(old.evidence, (rel.evidence,)), confidence=max(old.confidence, rel.confidence)
            )
        else:
            found[key] = Relation(kind, subject, (rel.evidence,), obj, rel.position, rel.confidence)
    return list(found.values())


def _type(actors: dict[str, Actor], key: str | None) -> ActorType | None:
    return actors[key].type if key is not None and key in actors else None
