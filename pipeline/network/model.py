"""What the actor network is made of: actor classes, how events and relations become links,
and the facts an actor takes part in. Data only: every other network module builds on it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ACTOR_CLASSES",
    "EVENT_EDGES",
    "RELATION_LABELS",
    "SYMMETRIC_RELATIONS",
    "JOIN",
    "EventEdges",
    "Evidence",
    "Participant",
    "Fact",
    "Report",
    "Conflict",
    "TimelineEntry",
]

#: Actor classes of the ontology -> their parent class (``None`` for the root).
#: The most specific class of an actor is the deepest one it is typed with.
ACTOR_CLASSES: dict[str, str | None] = {
    "Actor": None,
    "Person": "Actor",
    "Organisation": "Actor",
    "Court": "Organisation",
    "PoliticalParty": "Organisation",
    "MediaOutlet": "Organisation",
    "GovernmentBody": "Organisation",
    "InternationalOrganisation": "Organisation",
    "NGO": "Organisation",
    "Place": "Actor",
    "Country": "Place",
}


@dataclass(frozen=True, slots=True)
class EventEdges:
    """How one event class joins actors: a label, and (source path, target path) pairs.

    Paths are SPARQL property paths from the event node to an actor, so that a
    statement reaches the subject of the event it is about (``wh:about/wh:subject``).
    """

    label: str
    paths: tuple[tuple[str, str], ...]


#: Event class -> the edges its participants make. Domain knowledge as data: extend here.
EVENT_EDGES: dict[str, EventEdges] = {
    "Sentencing": EventEdges("sentenced", (("wh:court", "wh:subject"), ("wh:agent", "wh:subject"))),
    "CourtDecision": EventEdges("decided on", (("wh:court", "wh:subject"), ("wh:court", "wh:decisionOn/wh:subject"))),
    "Ban": EventEdges("banned", (("wh:court", "wh:subject"), ("wh:agent", "wh:subject"))),
    "ReleaseDemand": EventEdges("demands release of", (("wh:agent", "wh:subject"),)),
    "Statement": EventEdges("statement on", (("wh:subject", "wh:about"), ("wh:subject", "wh:about/wh:subject"))),
    "Visit": EventEdges("visited", (("wh:subject", "wh:place"),)),
    "Arrest": EventEdges("arrested", (("wh:agent", "wh:subject"),)),
    "Detention": EventEdges("detained", (("wh:agent", "wh:subject"),)),
    "Trial": EventEdges("tried", (("wh:court", "wh:subject"), ("wh:agent", "wh:subject"))),
    "Release": EventEdges("released", (("wh:court", "wh:subject"), ("wh:agent", "wh:subject"))),
    "Lawsuit": EventEdges("sued", (("wh:agent", "wh:subject"),)),
    "Killing": EventEdges("killed", (("wh:agent", "wh:subject"),)),
}

#: Relation property -> (label seen from the subject, label seen from the object).
RELATION_LABELS: dict[str, tuple[str, str]] = {
    "spouseOf": ("spouse of", "spouse of"),
    "relativeOf": ("relative of", "relative of"),
    "memberOf": ("member of", "has member"),
    "leaderOf": ("leader of", "led by"),
    "employeeOf": ("employee of", "employs"),
    "holdsPosition": ("holds position", "held by"),
}
SYMMETRIC_RELATIONS = frozenset({"spouseOf", "relativeOf"})
#: Separator of several values in one node or edge attribute (GraphML and GEXF keep strings).
JOIN = " | "


@dataclass(frozen=True, slots=True)
class Evidence:
    """A source sentence: its text, the document IRI, and the part ("Recital A")."""

    text: str
    document: str = ""
    part: str = ""
    start: int = -1


@dataclass(frozen=True, slots=True)
class Participant:
    """Another actor taking part in a fact, with its role."""

    role: str
    id: str
    label: str
    type: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing an actor takes part in: an event, a relation, or a position held.

    ``kind`` is ``event``, ``relation`` or ``position``; ``type`` the ``wh:`` local name
    (``Sentencing``, ``memberOf``); ``role`` the actor's own role (``subject``, ``court``,
    or ``subject``/``object`` of a relation); ``iri`` the event or ``rdf:Statement`` node.
    """

    kind: str
    type: str
    label: str
    role: str
    date: str
    iri: str
    participants: tuple[Participant, ...] = ()
    details: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """One document's account of an event: its own event node, the values it gives, its sentences."""

    event: str  # the document's event node
    document: str  # the document's id (dcterms:identifier), else its IRI
    date: str = ""
    court: str = ""  # label(s), joined with " | "
    term: str = ""  # in words: "7 years 6 months"
    charges: tuple[str, ...] = ()
    outcome: str = ""
    standing: str = ""  # how the document puts it: asserted, reported, alleged, denied, demanded
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """The reports of one event disagreeing on ``field`` (date, term, court or outcome):
    ``values`` pairs each stating document with the value it gives."""

    field: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line of a person's timeline: a real event, as one or several documents report it.

    ``iri`` is the case event (``pipeline.case``: the reports of documents linked as one real
    event); ``role`` is the person's (``subject``, or ``about`` for an event concerning them or
    their events). The values are those most reports give (a coarser date supporting a finer
    one); each report keeps its own, and ``conflicts`` names disagreements. ``date_inferred``: no
    report states the date, it is that of the document whose author's own act the event is.
    """

    iri: str
    type: str
    role: str
    date: str = ""
    court: str = ""
    term: str = ""
    charges: tuple[str, ...] = ()
    outcome: str = ""
    reports: tuple[Report, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    date_inferred: bool = False
