"""Typed data passed between the stages: documents, parts, mentions, actors, events, relations."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, TypeVar

__all__ = [
    "PartKind",
    "ActorType",
    "EventType",
    "ACTING_EVENTS",
    "EventClass",
    "RelationType",
    "Outcome",
    "Standing",
    "DatePrecision",
    "SourceDocument",
    "DocumentPart",
    "DocumentStructure",
    "TextSpan",
    "DateValue",
    "Mention",
    "EventMention",
    "RelationMention",
    "DocumentFacts",
    "Actor",
    "Event",
    "Relation",
]

_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle instances as the class called with their fields: read back about twice as fast as
    through slots' ``__setstate__`` (a rebuild reads a whole corpus's cached facts, and --jobs
    and Dask send facts between processes)."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, tuple([getattr(self, name) for name in names])

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


class PartKind(str, Enum):
    """Kinds of document part; values are ``wh:`` class names."""

    CITATION = "Citation"
    RECITAL = "Recital"
    PARAGRAPH = "Paragraph"
    FOOTNOTE = "Footnote"
    #: lines before a resolution's parts that state facts: the members tabling a joint motion for their groups
    TABLING = "Tabling"


class ActorType(str, Enum):
    """Actor classes; values are ``wh:`` class names."""

    PERSON = "Person"
    ORGANISATION = "Organisation"
    COURT = "Court"
    POLITICAL_PARTY = "PoliticalParty"
    MEDIA_OUTLET = "MediaOutlet"
    GOVERNMENT_BODY = "GovernmentBody"
    INTERNATIONAL_ORGANISATION = "InternationalOrganisation"
    NGO = "NGO"
    PLACE = "Place"
    COUNTRY = "Country"


class EventType(str, Enum):
    """Event classes; values are ``wh:`` class names."""

    ARREST = "Arrest"
    DETENTION = "Detention"
    TRIAL = "Trial"
    SENTENCING = "Sentencing"
    COURT_DECISION = "CourtDecision"
    BAN = "Ban"
    RELEASE = "Release"
    LAWSUIT = "Lawsuit"
    STATEMENT = "Statement"
    VISIT = "Visit"
    RELEASE_DEMAND = "ReleaseDemand"
    KILLING = "Killing"
    HUNGER_STRIKE = "HungerStrike"


#: events whose subjects act (speak, travel) rather than undergo them: what befalls someone is none of these
ACTING_EVENTS = frozenset({EventType.STATEMENT, EventType.VISIT})


class EventClass(str, Enum):
    """Classes an event may have beside its core type: an acquittal is also the trial it ends, a pardon
    the release it grants; values are ``wh:`` class names."""

    ACQUITTAL = "Acquittal"
    PARDON = "Pardon"


class RelationType(str, Enum):
    """Relations between actors; values are ``wh:`` property names."""

    SPOUSE_OF = "spouseOf"
    RELATIVE_OF = "relativeOf"
    MEMBER_OF = "memberOf"
    LEADER_OF = "leaderOf"
    EMPLOYEE_OF = "employeeOf"
    HOLDS_POSITION = "holdsPosition"


class Outcome(str, Enum):
    """Outcomes of a court decision; values are ``wh:`` individual names."""

    UPHELD = "upheld"
    OVERTURNED = "overturned"
    REFUSED = "refused"
    OTHER = "other"


class Penalty(str, Enum):
    """Penalties of a sentencing beyond a plain prison term; values are ``wh:`` individual names."""

    LIFE = "lifeImprisonment"
    DEATH = "deathPenalty"
    SUSPENDED = "suspendedSentence"
    FINE = "fine"
    TRAVEL_BAN = "travelBan"


class Standing(str, Enum):
    """How a document puts an event forward; values are ``wh:`` individual names."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    ALLEGED = "alleged"
    DENIED = "denied"
    DEMANDED = "demanded"


class DatePrecision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document as read: ``text`` is the cleaned text every offset points into."""

    doc_id: str
    path: str
    text: str
    media_type: str = "text/plain"


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DocumentPart:
    """A citation, recital, paragraph or footnote: ``text == doc.text[start:end]``."""

    doc_id: str
    kind: PartKind
    number: str
    start: int
    end: int
    text: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DocumentStructure:
    """What the structure stage finds in one document."""

    doc_id: str
    kind: str  # "resolution" or "report"
    title: str | None
    procedure_number: str | None
    author: str | None  # "European Parliament" when the text opens with "The European Parliament,"
    date: str | None  # ISO date of adoption where the text gives one
    parts: tuple[DocumentPart, ...] = ()
    #: the bodies that sign a joint statement ("Signed:" and a name a line): who its own demands are by
    signatories: tuple[str, ...] = ()


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class TextSpan:
    """Evidence: a span of the document text, with the part it lies in."""

    doc_id: str
    part_kind: PartKind
    part_number: str
    start: int
    end: int
    text: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DateValue:
    """A date at the precision the text gives: ``value`` is ISO (2012-12-21, 2012-11, 2012)."""

    value: str
    precision: DatePrecision


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """One textual mention of an actor, in document offsets.

    ``refers`` is empty for a name; "pronoun" for he/his/she/her, "author" for "its" where the
    text speaks for its author, "office:<label>" for an office standing for its holder,
    "descriptor" for a noun phrase pointing back ("the 34-year-old journalist", "the court"),
    "group" for one pointing back to several people ("they", "the two men").
    ``coref`` holds the cues coreference agrees on, as (name, value) pairs: kind, role, gender,
    number, nouns ("a|b"), group and not (document offsets of other mentions, "12|80"), count.
    """

    start: int
    end: int
    text: str
    type: ActorType | None
    votes: tuple[tuple[str, int, str], ...] = ()  # (wh: class, weight, cue) for every type cue met
    canonical: str | None = None  # gazetteer identity, where the vocabulary knows the actor
    refers: str = ""
    sentence: TextSpan | None = None
    coref: tuple[tuple[str, str], ...] = ()


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class EventMention:
    """An event as found in one sentence; roles refer to the document's mentions by index."""

    type: EventType
    evidence: TextSpan
    trigger: tuple[int, int]
    subjects: tuple[int, ...] = ()
    agents: tuple[int, ...] = ()
    courts: tuple[int, ...] = ()
    places: tuple[int, ...] = ()
    date: DateValue | None = None
    term: str | None = None  # xsd:duration
    charges: tuple[str, ...] = ()
    legal_basis: tuple[str, ...] = ()
    outcome: Outcome | None = None
    decision_ref: str | None = None  # "previous" ("this sentence was confirmed") or "same-subject"
    decided: str | None = None  # the word for what a decision rules on: "sentence", "ban", "appeal"…
    context: int | None = None  # index of the event mention this one is framed by ("following …")
    about: tuple[int, ...] = ()  # mentions a statement is on
    about_event: int | None = None  # index of the event mention a statement is on ("on the trial of X")
    confidence: float = 1.0
    penalties: tuple[Penalty, ...] = ()  # beyond a plain prison term: life, death, suspended, fine, travel ban
    fine_amount: str | None = None  # xsd:decimal lexical form
    fine_currency: str | None = None  # as the text words it
    standing: Standing = Standing.ASSERTED
    #: "the trial opened", "the detention was extended": a definite noun naming an event of the case
    #: told of before, whose subject it leaves out
    refers_back: bool = False
    classes: tuple[EventClass, ...] = ()  # beside its type: an acquittal, a pardon
    #: "the resolution, which calls for his release": document offsets of the noun of the document whose
    #: words a demand is (a statement's own noun, or one pointing back to a statement told before)
    in_document: tuple[int, int] | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class RelationMention:
    """A relation between two actor mentions, or an actor and a position, by mention index."""

    type: RelationType
    subject: int
    evidence: TextSpan
    object: int | None = None
    position: str | None = None
    confidence: float = 1.0
    #: the object is a colleague with the same role ("X's fellow co-chair"): the relation holds with the
    #: organisation in which the object has it
    peer: bool = False
    #: a leadership read from a staff role named as the one ("the paper's editor"): staff where another person
    #: leads the same organisation
    yields: bool = False


@_pickled_by_fields
@dataclass(slots=True)
class DocumentFacts:
    """Everything extracted from one document, before identity resolution."""

    document: SourceDocument
    structure: DocumentStructure
    mentions: list[Mention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    #: start offsets of persons named as someone else's relative, lawyer or colleague ("his lawyer,
    #: X"): not whom a later "his" stands for
    described: set[int] = field(default_factory=set)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world actor: ``key`` is stable across documents and mints its IRI."""

    key: str
    type: ActorType
    label: str
    alt_labels: tuple[str, ...] = ()


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """An event of one document after identity resolution: roles are actor keys."""

    type: EventType
    evidence: tuple[TextSpan, ...]
    trigger_start: int
    subjects: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    courts: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: DateValue | None = None
    term: str | None = None
    charges: tuple[str, ...] = ()
    legal_basis: tuple[str, ...] = ()
    outcome: Outcome | None = None
    decision_on: int | None = None  # index of the ruled-on event in the same document's list
    about: tuple[str, ...] = ()  # actors a statement is on
    about_event: int | None = None  # index of the event a statement is on, in the same list
    confidence: float = 1.0
    penalties: tuple[Penalty, ...] = ()  # beyond a plain prison term: life, death, suspended, fine, travel ban
    fine_amount: str | None = None  # xsd:decimal lexical form
    fine_currency: str | None = None  # as the text words it
    standing: Standing = Standing.ASSERTED
    classes: tuple[EventClass, ...] = ()  # beside its type: an acquittal, a pardon


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Relation:
    """A relation of one document after identity resolution."""

    type: RelationType
    subject: str
    evidence: tuple[TextSpan, ...]
    object: str | None = None
    position: str | None = None
    confidence: float = 1.0
