"""The graph: one rdflib named graph per document, in the whereas ontology, every fact with its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from pipeline import __version__
from pipeline.facts import (
    Actor,
    DatePrecision,
    DocumentStructure,
    Event,
    EventClass,
    EventType,
    Relation,
    SourceDocument,
    Standing,
    TextSpan,
)
from pipeline.iri import IriMinter
from pipeline.normalize.names import QUOTES
from pipeline.vocab import WH

__all__ = [
    "DocumentGraph",
    "document_graph",
    "used_actors",
    "date_literal",
]

_DATATYPES = {DatePrecision.DAY: XSD.date, DatePrecision.MONTH: XSD.gYearMonth, DatePrecision.YEAR: XSD.gYear}
# How an event reads as a label: "Sentencing of X", "Release demand for X", "Statement by X".
_LABELS: dict[EventType | EventClass, str] = {
    EventType.ARREST: "Arrest of {}",
    EventType.DETENTION: "Detention of {}",
    EventType.TRIAL: "Trial of {}",
    EventType.SENTENCING: "Sentencing of {}",
    EventType.COURT_DECISION: "Court decision in the case of {}",
    EventType.BAN: "Ban of {}",
    EventType.RELEASE: "Release of {}",
    EventType.LAWSUIT: "Lawsuit against {}",
    EventType.STATEMENT: "Statement by {}",
    EventType.VISIT: "Visit by {}",
    EventType.RELEASE_DEMAND: "Release demand for {}",
    EventType.KILLING: "Killing of {}",
    EventType.HUNGER_STRIKE: "Hunger strike by {}",
    EventClass.ACQUITTAL: "Acquittal of {}",
    EventClass.PARDON: "Pardon of {}",
}
_ROLES = (("subjects", WH.subject), ("agents", WH.agent), ("courts", WH.court), ("places", WH.place))


@dataclass(frozen=True, slots=True)
class DocumentGraph:
    """What goes into one document's named graph."""

    source: SourceDocument
    structure: DocumentStructure
    events: tuple[Event, ...]
    relations: tuple[Relation, ...]
    forms: dict[str, set[str]]  # actor key -> the names this document uses for it
    author: str | None = None  # actor key of the body that adopts the text
    signers: tuple[str, ...] = ()  # actor keys of the bodies that sign it (a joint statement)


def date_literal(value: str, precision: DatePrecision) -> Literal:
    """A date at its precision as a typed literal.

    >>> date_literal("2012-11", DatePrecision.MONTH).datatype.endswith("gYearMonth")
    True
    """
    return Literal(value, datatype=_DATATYPES[precision])


def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


class _ActorIris(dict[str, URIRef]):
    """Actor key -> IRI, minted when first asked for (a document uses a few of the corpus's actors)."""

    def __init__(self, actors: dict[str, Actor], minter: IriMinter) -> None:
        super().__init__()
        self.actors, self.minter = actors, minter

    def __missing__(self, key: str) -> URIRef:
        iri = self[key] = self.minter.actor(self.actors[key].type.value, key)
        return iri


def used_actors(doc: DocumentGraph, min_confidence: float = 0.0) -> list[str]:
    """The keys of the actors whose triples a document's graph holds, sorted: those it names,
    its author, and the roles of its events and relations kept at ``min_confidence``."""
    used = set(doc.forms)
    for ev in doc.events:
        if ev.confidence >= min_confidence:
            for attr, _ in _ROLES:
                used.update(getattr(ev, attr))
            used.update(ev.about)
    for rel in doc.relations:
        if rel.confidence >= min_confidence:
            used.add(rel.subject)
            if rel.object:
                used.add(rel.object)
    if doc.author:
        used.add(doc.author)
    used.update(doc.signers)
    return sorted(used)


def document_graph(
    doc: DocumentGraph,
    actors: dict[str, Actor],
    minter: IriMinter,
    min_confidence: float = 0.0,
    model: str = "",
) -> Graph:
    """The named graph of one document, on its own (not in a dataset): the document and its
    parts, the actors it names, its events and relations with their evidence."""
    doc_iri = minter.document(doc.source.doc_id)
    g = Graph(identifier=doc_iri)
    _document(g, doc, doc_iri, minter, model)
    actor_iri = _ActorIris(actors, minter)
    events = [ev for ev in doc.events if ev.confidence >= min_confidence]
    relations = [rel for rel in doc.relations if rel.confidence >= min_confidence]
    for creator in dict.fromkeys(([doc.author] if doc.author else []) + list(doc.signers)):
        g.add((doc_iri, DCTERMS.creator, actor_iri[creator]))
    for key in used_actors(doc, min_confidence):
        _actor(g, actors[key], actor_iri[key], doc.forms.get(key, set()))
    event_iris = [
        minter.event(
            doc.source.doc_id,
            ev.type.value,
            ev.subjects[0] if ev.subjects else "",
            ev.trigger_start,
            ev.date.value if ev.date else "",
        )
        for ev in doc.events
    ]
    kept = {id(ev) for ev in events}
    for ev, iri in zip(doc.events, event_iris, strict=False):
        if id(ev) in kept:
            _event(g, ev, iri, event_iris, actors, actor_iri, doc, minter)
    for rel in relations:
        _relation(g, rel, actor_iri, doc, minter)
    return g


def _document(g: Graph, doc: DocumentGraph, iri: URIRef, minter: IriMinter, model: str) -> None:
    s = doc.structure
    g.add((iri, RDF.type, WH.Document))
    g.add((iri, DCTERMS.title, Literal(s.title or doc.source.doc_id)))
    g.add((iri, DCTERMS.source, Literal(doc.source.path)))
    g.add((iri, DCTERMS.identifier, Literal(doc.source.doc_id)))
    g.add((iri, DCTERMS["format"], Literal(doc.source.media_type)))
    g.add((iri, WH.text, Literal(doc.source.text)))
    g.add((iri, WH.extractedBy, Literal(f"whereas {__version__}" + (f" with {model}" if model else ""))))
    if s.procedure_number:
        g.add((iri, WH.procedureNumber, Literal(s.procedure_number)))
    if s.date:
        g.add((iri, DCTERMS.date, Literal(s.date, datatype=XSD.date)))
    for part in s.parts:
        p = minter.part(doc.source.doc_id, part.kind.value, part.number)
        g.add((p, RDF.type, WH[part.kind.value]))
        g.add((p, DCTERMS.isPartOf, iri))
        g.add((p, WH.number, Literal(part.number)))
        g.add((p, WH.start, Literal(part.start)))
        g.add((p, WH.end, Literal(part.end)))
        g.add((p, WH.text, Literal(part.text)))


def _actor(g: Graph, actor: Actor, iri: URIRef, forms: set[str]) -> None:
    g.add((iri, RDF.type, WH[actor.type.value]))
    g.add((iri, RDFS.label, Literal(actor.label)))
    for form in sorted(forms - {actor.label}):
        g.add((iri, SKOS.altLabel, Literal(form)))


def _evidence(g: Graph, node: URIRef, spans: tuple[TextSpan, ...], doc: DocumentGraph, minter: IriMinter) -> None:
    doc_iri = minter.document(doc.source.doc_id)
    for span in spans:
        s = minter.span(span.doc_id, span.start, span.end)
        g.add((node, WH.evidence, s))
        g.add((s, RDF.type, WH.TextSpan))
        g.add((s, WH.inDocument, doc_iri))
        g.add((s, WH.inPart, minter.part(span.doc_id, span.part_kind.value, span.part_number)))
        g.add((s, WH.start, Literal(span.start)))
        g.add((s, WH.end, Literal(span.end)))
        g.add((s, WH.text, Literal(span.text)))


def _event(
    g: Graph,
    ev: Event,
    iri: URIRef,
    event_iris: list[URIRef],
    actors: dict[str, Actor],
    actor_iri: dict[str, URIRef],
    doc: DocumentGraph,
    minter: IriMinter,
) -> None:
    classes = [ev.type.value, *(c.value for c in ev.classes)]  # "acquitted": the wh:Trial it ends, a wh:Acquittal
    if ev.standing is Standing.DENIED or (ev.standing is Standing.DEMANDED and ev.type is not EventType.RELEASE_DEMAND):
        # a claim that the event did not happen is no arrest, nor is a call for it ("calls on the authorities to
        # quash the convictions" quashes none): a wh:Event of that class, not one of its kind
        g.add((iri, RDF.type, WH.Event))
        for cls in classes:
            g.add((iri, WH.eventClass, WH[cls]))
    else:
        for cls in classes:
            g.add((iri, RDF.type, WH[cls]))
    who = " and ".join(actors[k].label for k in ev.subjects) or "unknown"
    g.add((iri, RDFS.label, Literal(_LABELS[ev.classes[0] if ev.classes else ev.type].format(who))))
    for attr, prop in _ROLES:
        for key in getattr(ev, attr):
            g.add((iri, prop, actor_iri[key]))
    if ev.date is not None:
        g.add((iri, WH.date, date_literal(ev.date.value, ev.date.precision)))
    if ev.term:
        g.add((iri, WH.sentenceTerm, Literal(ev.term, datatype=XSD.duration)))
    if ev.type is EventType.SENTENCING:
        for penalty in ev.penalties:
            g.add((iri, WH.penalty, WH[penalty.value]))
        if ev.fine_amount is not None:
            amount = (
                ev.fine_amount if "." in ev.fine_amount else ev.fine_amount + ".0"
            )  # canonical: as Turtle writes it
            g.add((iri, WH.fineAmount, Literal(amount, datatype=XSD.decimal)))
        if ev.fine_currency is not None:
            g.add((iri, WH.fineCurrency, Literal(ev.fine_currency)))
    for charge in ev.charges:
        charge = charge.strip(QUOTES + " ,;:")  # one label per charge node: no stray quote of the text's
        c = minter.charge(charge)
        g.add((iri, WH.charge, c))
        g.add((c, RDF.type, WH.Charge))
        g.add((c, RDFS.label, Literal(charge)))
    for basis in ev.legal_basis:
        b = minter.provision(basis)
        g.add((iri, WH.legalBasis, b))
        g.add((b, RDF.type, WH.LegalProvision))
        g.add((b, RDFS.label, Literal(basis)))
    if ev.outcome is not None:
        g.add((iri, WH.outcome, WH[ev.outcome.value]))
    if ev.decision_on is not None:
        g.add((iri, WH.decisionOn, event_iris[ev.decision_on]))
    for key in ev.about:
        g.add((iri, WH.about, actor_iri[key]))
    if ev.about_event is not None:
        g.add((iri, WH.about, event_iris[ev.about_event]))
    g.add((iri, WH.confidence, _confidence(ev.confidence)))
    g.add((iri, WH.standing, WH[ev.standing.value]))
    _evidence(g, iri, ev.evidence, doc, minter)


def _relation(g: Graph, rel: Relation, actor_iri: dict[str, URIRef], doc: DocumentGraph, minter: IriMinter) -> None:
    subject = actor_iri[rel.subject]
    prop: URIRef = WH[rel.type.value]
    if rel.position is not None:
        obj = minter.position(rel.position)
        g.add((obj, RDF.type, WH.Position))
        g.add((obj, RDFS.label, Literal(rel.position)))
    else:
        assert rel.object is not None  # a relation has a position or an object
        obj = actor_iri[rel.object]
    g.add((subject, prop, obj))
    statement = minter.statement(str(subject), str(prop), str(obj), doc.source.doc_id)
    g.add((statement, RDF.type, RDF.Statement))
    g.add((statement, RDF.subject, subject))
    g.add((statement, RDF.predicate, prop))
    g.add((statement, RDF.object, obj))
    g.add((statement, WH.confidence, _confidence(rel.confidence)))
    _evidence(g, statement, rel.evidence, doc, minter)
