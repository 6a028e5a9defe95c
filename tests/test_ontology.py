"""ontology/whereas.ttl: the same terms as pipeline.vocab.WH, documented, typed, aligned."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, Namespace

from pipeline.facts import ActorType, EventType, Outcome, PartKind, Penalty, RelationType, Standing
from pipeline.vocab import ONTOLOGY_IRI, SCHEMA, WH

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD warns under pytest's collection
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ONTOLOGY = URIRef("https://w3id.org/whereas/ontology")
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
EXTERNAL = (
    str(SCHEMA),
    str(FOAF),
    str(ORG),
    str(PROV),
    str(SEM),
    str(ELI),
    str(SKOS),
    str(DCTERMS),
    "http://www.w3.org/2006/time#",
)
WH_TERMS = {WH[name] for name in WH.__annotations__}


def defined(g: Graph) -> set[URIRef]:
    """Every wh: IRI the ontology declares as a class, property or individual."""
    return {
        s
        for kind in KINDS
        for s in g.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_IRI)
    }


def kind(g: Graph, term: URIRef) -> set[URIRef]:
    return {k for k in KINDS if (term, RDF.type, k) in g}


def supers(g: Graph, term: URIRef) -> set[URIRef]:
    """Every named class or property above ``term`` (transitively), ``term`` excluded."""
    found: set[URIRef] = set()
    frontier = [term]
    while frontier:
        node = frontier.pop()
        for up in (*g.objects(node, RDFS.subClassOf), *g.objects(node, RDFS.subPropertyOf)):
            if isinstance(up, URIRef) and up not in found:
                found.add(up)
                frontier.append(up)
    return found


def english(g: Graph, term: URIRef, prop: URIRef) -> list[str]:
    return [str(o) for o in g.objects(term, prop) if isinstance(o, Literal) and o.language == "en" and str(o).strip()]


def test_header(ontology_graph: Graph) -> None:
    g = ontology_graph
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in g
    assert str(g.value(ONTOLOGY, DCTERMS.title)) == "whereas ontology"
    assert len(str(g.value(ONTOLOGY, DCTERMS.description))) > 100
    assert str(g.value(ONTOLOGY, OWL.versionInfo)) == "0.1.0"
    assert g.value(ONTOLOGY, OWL.versionIRI) == URIRef("https://w3id.org/whereas/ontology/0.1.0")
    assert g.value(ONTOLOGY, DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")


def test_defines_exactly_the_terms_of_vocab(ontology_graph: Graph) -> None:
    assert defined(ontology_graph) == WH_TERMS


def test_mentions_no_wh_term_it_does_not_define(ontology_graph: Graph) -> None:
    mentioned = {
        n for triple in ontology_graph for n in triple if isinstance(n, URIRef) and str(n).startswith(ONTOLOGY_IRI)
    }
    assert mentioned == WH_TERMS


@pytest.mark.parametrize("term", sorted(WH_TERMS), ids=lambda t: t.fragment)
def test_every_term_is_documented(ontology_graph: Graph, term: URIRef) -> None:
    assert len(english(ontology_graph, term, RDFS.label)) == 1
    assert len(english(ontology_graph, term, RDFS.comment)) == 1
    assert ontology_graph.value(term, RDFS.isDefinedBy) == ONTOLOGY


@pytest.mark.parametrize("term", sorted(WH_TERMS), ids=lambda t: t.fragment)
def test_every_term_has_one_kind(ontology_graph: Graph, term: URIRef) -> None:
    """No punning: a term is a class, an object property, a datatype property or an individual."""
    assert len(kind(ontology_graph, term)) == 1


def test_no_external_term_is_punned(ontology_graph: Graph) -> None:
    """External terms are declared once, with the kind their wh: sub-terms have."""
    g = ontology_graph
    for term in {s for k in KINDS for s in g.subjects(RDF.type, k) if isinstance(s, URIRef)}:
        assert len(kind(g, term)) == 1, term
    for link, kinds in ((RDFS.subClassOf, {OWL.Class}), (RDFS.subPropertyOf, None)):
        for sub, sup in g.subject_objects(link):
            if isinstance(sup, URIRef):
                assert kind(g, sup) == (kinds or kind(g, sub)), (sub, link, sup)


def properties(g: Graph) -> list[URIRef]:
    return sorted(t for t in WH_TERMS if kind(g, t) & {OWL.ObjectProperty, OWL.DatatypeProperty})


def test_properties_have_domain_and_range(ontology_graph: Graph) -> None:
    g = ontology_graph
    props = properties(g)
    assert len(props) == 37
    for p in props:
        domain, rng = g.value(p, RDFS.domain), g.value(p, RDFS.range)
        assert domain is not None and rng is not None, p
        if (p, RDF.type, OWL.ObjectProperty) in g:
            assert (rng, RDF.type, OWL.Class) in g, p
        else:
            assert str(rng).startswith(str(XSD)) or (rng, RDF.type, RDFS.Datatype) in g, p


def union(g: Graph, node: BNode, link: URIRef = OWL.unionOf) -> set:
    return set(Collection(g, g.value(node, link)))


def test_datatypes_of_attributes(ontology_graph: Graph) -> None:
    g = ontology_graph
    assert union(g, g.value(WH.date, RDFS.range)) == {XSD.date, XSD.gYearMonth, XSD.gYear}
    assert g.value(WH.sentenceTerm, RDFS.range) == XSD.duration
    assert g.value(WH.start, RDFS.range) == g.value(WH.end, RDFS.range) == XSD.nonNegativeInteger
    confidence = g.value(WH.confidence, RDFS.range)
    assert g.value(confidence, OWL.onDatatype) == XSD.decimal
    facets = {
        (p, o.toPython())
        for r in Collection(g, g.value(confidence, OWL.withRestrictions))
        for p, o in g.predicate_objects(r)
    }
    assert facets == {(XSD.minInclusive, 0), (XSD.maxInclusive, 1)}
    for p in (WH.text, WH.number, WH.procedureNumber, WH.extractedBy):
        assert g.value(p, RDFS.range) == XSD.string


def test_domains_and_ranges_of_roles_and_provenance(ontology_graph: Graph) -> None:
    g = ontology_graph
    assert g.value(WH.court, RDFS.range) == WH.Court
    assert g.value(WH.place, RDFS.range) == WH.Place
    assert g.value(WH.charge, RDFS.range) == WH.Charge
    assert g.value(WH.outcome, RDFS.domain) == WH.CourtDecision
    assert g.value(WH.decisionOn, RDFS.range) == WH.Event
    assert g.value(WH.holdsPosition, RDFS.range) == WH.Position
    assert g.value(WH.sentenceTerm, RDFS.domain) == WH.Sentencing
    assert g.value(WH.evidence, RDFS.range) == WH.TextSpan
    assert union(g, g.value(WH.evidence, RDFS.domain)) == {WH.Event, RDF.Statement}
    assert union(g, g.value(WH.confidence, RDFS.domain)) == {WH.Event, RDF.Statement}
    assert union(g, g.value(WH.start, RDFS.domain)) == {WH.TextSpan, WH.DocumentPart}
    assert union(g, g.value(WH.about, RDFS.range)) == {WH.Event, WH.Actor}


def test_symmetric_relations(ontology_graph: Graph) -> None:
    symmetric = {p for p in ontology_graph.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == {WH.spouseOf, WH.relativeOf}


def test_roles_are_participants(ontology_graph: Graph) -> None:
    roles = set(ontology_graph.subjects(RDFS.subPropertyOf, WH.participant))
    assert roles == {WH.subject, WH.agent, WH.court, WH.place}


def test_class_tree_matches_the_typed_facts(ontology_graph: Graph) -> None:
    g = ontology_graph
    for actor in ActorType:
        assert WH[actor.value] == WH.Actor or WH.Actor in supers(g, WH[actor.value])
    for event in EventType:
        assert (WH[event.value], RDFS.subClassOf, WH.Event) in g
    for part in PartKind:
        assert (WH[part.value], RDFS.subClassOf, WH.DocumentPart) in g
    assert WH.Organisation in supers(g, WH.Court)
    assert WH.Place in supers(g, WH.Country)
    individuals = set(g.subjects(RDF.type, WH.Outcome))
    assert individuals == {WH[o.value] for o in Outcome}
    one_of = g.value(WH.Outcome, OWL.equivalentClass)
    assert union(g, one_of, OWL.oneOf) == individuals
    standings = set(g.subjects(RDF.type, WH.Standing))
    assert standings == {WH[s.value] for s in Standing}
    assert union(g, g.value(WH.Standing, OWL.equivalentClass), OWL.oneOf) == standings
    assert WH.Event not in supers(g, WH.CaseEvent)  # a case event is not counted as a reported event
    for relation in RelationType:
        assert (WH[relation.value], RDF.type, OWL.ObjectProperty) in g


#: What ONTOLOGY.md and the brief ask the core vocabulary to align with (a subset of what it has).
REQUIRED_ALIGNMENTS = {
    WH.Person: {SCHEMA.Person, FOAF.Person, SEM.Actor},
    WH.Organisation: {SCHEMA.Organization, FOAF.Organization, ORG.Organization, SEM.Actor},
    WH.GovernmentBody: {SCHEMA.GovernmentOrganization, ORG.FormalOrganization},
    WH.NGO: {SCHEMA.NGO},
    WH.Place: {SCHEMA.Place, SEM.Place},
    WH.Country: {SCHEMA.Country, SCHEMA.Place},
    WH.Event: {SEM.Event, SCHEMA.Event},
    WH.Sentencing: {SEM.Event, SCHEMA.Event},
    WH.Document: {ELI.LegalResource, PROV.Entity},
    WH.Recital: {ELI.LegalResourceSubdivision},
    WH.TextSpan: {PROV.Entity},
    WH.Position: {ORG.Post},
    WH.spouseOf: {SCHEMA.spouse},
    WH.memberOf: {ORG.memberOf, SCHEMA.memberOf},
    WH.leaderOf: {ORG.headOf},
    WH.holdsPosition: {ORG.holds},
    WH.subject: {SEM.hasActor},
    WH.agent: {SEM.hasActor},
    WH.court: {SEM.hasActor},
    WH.place: {SEM.hasPlace},
    WH.date: {SEM.hasTimeStamp},
    WH.inDocument: {PROV.wasQuotedFrom},
}

#: Terms with no standard counterpart: aligning them would entail something false.
UNALIGNED = {
    WH.Actor,  # sem:Actor and foaf:Agent leave places out; the subclasses are aligned
    WH.sentenceTerm,  # time:hasXSDDuration would make the sentencing a time:TemporalEntity
    WH.charge,
    WH.outcome,
    WH.penalty,
    WH.fineAmount,
    WH.fineCurrency,  # no event vocabulary has penalties or fines
    WH.decisionOn,  # no event vocabulary has charges or rulings
    WH.legalBasis,  # eli:based_on is defined on legal resources, not on events
    WH.evidence,  # not prov:wasDerivedFrom: the event is not derived from the text (see its comment)
    WH.confidence,
    WH.start,
    WH.end,  # extraction bookkeeping
    WH.extractedBy,  # a literal, not a prov:Activity
    WH.standing,  # no vocabulary says how a text puts a claim forward
    WH.Conflict,
    WH.conflict,
    WH.onProperty,
    WH.between,  # disagreements between sources: no standard counterpart
    WH.source,  # not prov:wasDerivedFrom: the real event is not derived from its reports
    WH.eventClass,  # a class as a value, not rdf:type (see wh:CaseEvent)
}


@pytest.mark.parametrize("term", sorted(REQUIRED_ALIGNMENTS), ids=lambda t: t.fragment)
def test_required_alignments(ontology_graph: Graph, term: URIRef) -> None:
    assert REQUIRED_ALIGNMENTS[term] <= supers(ontology_graph, term)


OUTCOMES = (
    {WH[o.value] for o in Outcome} | {WH[p.value] for p in Penalty} | {WH[s.value] for s in Standing}
)  # individuals: aligned through their class


@pytest.mark.parametrize("term", sorted(WH_TERMS - UNALIGNED - OUTCOMES), ids=lambda t: t.fragment)
def test_every_other_class_and_property_is_aligned(ontology_graph: Graph, term: URIRef) -> None:
    assert any(str(s).startswith(EXTERNAL) for s in supers(ontology_graph, term))


@pytest.mark.parametrize("term", sorted(UNALIGNED), ids=lambda t: t.fragment)
def test_unaligned_terms_say_why_or_belong_to_bookkeeping(ontology_graph: Graph, term: URIRef) -> None:
    """The list above is honest: these terms really have no external super-term."""
    assert not any(str(s).startswith(EXTERNAL) for s in supers(ontology_graph, term))


def test_alignments_only_add(ontology_graph: Graph) -> None:
    """No equivalence with, and no restatement of, another vocabulary's terms."""
    g = ontology_graph
    assert not list(g.triples((None, OWL.equivalentProperty, None)))
    for s, o in g.subject_objects(OWL.equivalentClass):
        assert s in (WH.Outcome, WH.Penalty, WH.Standing) and isinstance(o, BNode)
    external = {s for s, _, _ in g if isinstance(s, URIRef) and s != ONTOLOGY and not str(s).startswith(ONTOLOGY_IRI)}
    assert SCHEMA.Person in external
    for s in external:
        assert set(g.predicates(s)) <= {RDF.type}, s
