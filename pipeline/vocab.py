"""The whereas ontology as a closed rdflib namespace, and the prefixes users query with."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = ["WH", "SCHEMA", "PREFIXES", "ONTOLOGY_IRI"]

ONTOLOGY_IRI = "https://w3id.org/whereas/ontology#"
SCHEMA = Namespace("https://schema.org/")


class WH(DefinedNamespace):
    """Terms of ``ontology/whereas.ttl`` (a test keeps the two equal)."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # actors
    Actor: URIRef
    Person: URIRef
    Organisation: URIRef
    Court: URIRef
    PoliticalParty: URIRef
    MediaOutlet: URIRef
    GovernmentBody: URIRef
    InternationalOrganisation: URIRef
    NGO: URIRef
    Place: URIRef
    Country: URIRef
    # events
    Event: URIRef
    Arrest: URIRef
    Detention: URIRef
    Trial: URIRef
    Sentencing: URIRef
    CourtDecision: URIRef
    Ban: URIRef
    Release: URIRef
    Lawsuit: URIRef
    Statement: URIRef
    Visit: URIRef
    ReleaseDemand: URIRef
    Killing: URIRef
    HungerStrike: URIRef
    Acquittal: URIRef
    Pardon: URIRef
    # event attributes and their value classes
    Charge: URIRef
    LegalProvision: URIRef
    Position: URIRef
    Outcome: URIRef
    upheld: URIRef
    overturned: URIRef
    refused: URIRef
    other: URIRef
    Penalty: URIRef
    lifeImprisonment: URIRef
    deathPenalty: URIRef
    suspendedSentence: URIRef
    fine: URIRef
    travelBan: URIRef
    # documents and provenance
    Document: URIRef
    DocumentPart: URIRef
    Citation: URIRef
    Recital: URIRef
    Paragraph: URIRef
    Footnote: URIRef
    Tabling: URIRef
    TextSpan: URIRef
    # roles
    participant: URIRef
    subject: URIRef
    agent: URIRef
    court: URIRef
    place: URIRef
    # attributes
    date: URIRef
    sentenceTerm: URIRef
    penalty: URIRef
    fineAmount: URIRef
    fineCurrency: URIRef
    charge: URIRef
    legalBasis: URIRef
    outcome: URIRef
    decisionOn: URIRef
    about: URIRef
    # relations
    spouseOf: URIRef
    relativeOf: URIRef
    memberOf: URIRef
    leaderOf: URIRef
    employeeOf: URIRef
    holdsPosition: URIRef
    # provenance
    evidence: URIRef
    confidence: URIRef
    inDocument: URIRef
    inPart: URIRef
    start: URIRef
    end: URIRef
    text: URIRef
    number: URIRef
    procedureNumber: URIRef
    extractedBy: URIRef
    # standing of claims
    Standing: URIRef
    asserted: URIRef
    reported: URIRef
    alleged: URIRef
    denied: URIRef
    demanded: URIRef
    standing: URIRef
    # cases across documents
    CaseEvent: URIRef
    Conflict: URIRef
    source: URIRef
    eventClass: URIRef
    conflict: URIRef
    onProperty: URIRef
    between: URIRef


PREFIXES: dict[str, str] = {
    "wh": ONTOLOGY_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
}
