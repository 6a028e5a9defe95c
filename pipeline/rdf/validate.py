"""Check a graph against the SHACL shapes of ontology/shapes.ttl: one readable line per violation."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SH, NamespaceManager
from rdflib.term import Node

from pipeline.errors import InputError, WhereasError
from pipeline.facts import RelationType
from pipeline.rdf.export import union_graph
from pipeline.resources import ontology_dir
from pipeline.vocab import PREFIXES, WH

__all__ = ["ONTOLOGY_DIR", "ONTOLOGY_PATH", "SHAPES_PATH", "ValidationReport", "validate_graph"]

ONTOLOGY_DIR = ontology_dir()  # in the package when installed from a wheel
ONTOLOGY_PATH = ONTOLOGY_DIR / "whereas.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"

#: the relations between actors: plain triples, each described by an rdf:Statement node
_RELATIONS = tuple(WH[r.value] for r in RelationType)


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of a validation: ``messages`` holds one sorted line per violation."""

    conforms: bool
    messages: tuple[str, ...] = ()


@functools.cache
def _turtle(path: Path) -> Graph:
    """``path`` parsed once per process (shapes and ontology never change while it runs)."""
    if not path.is_file():
        raise InputError(path, "no such file (the ontology folder ships with whereas)")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(path, f"not valid Turtle: {first}") from exc


@functools.cache
def _names() -> NamespaceManager:
    nm = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        nm.bind(prefix, ns)
    return nm


def _show(node: Node) -> str:
    return node.n3(_names()) if isinstance(node, (URIRef, Literal)) else str(node)


def _line(report: Graph, result: Node) -> str:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    text = "; ".join(messages) or _show(report.value(result, SH.sourceConstraintComponent) or SH.Violation)
    where = _show(focus) if focus is not None else "(graph)"
    if isinstance(path, URIRef):
        where += " " + _show(path)
    line = f"{where}: {text}"
    if value is not None and value != focus:
        line += f" (value: {_show(value)})"
    return line


def _reification_lines(g: Graph, symmetric: frozenset[Node]) -> list[str]:
    """Relation triples without an rdf:Statement node, and rdf:Statement nodes without their triple.

    SHACL Core cannot relate the three values of a statement node to a triple, and pySHACL parses
    a SPARQL constraint anew for every focus node, so this check is done here.
    """
    lines: list[str] = []
    described: set[tuple[Node, Node, Node]] = set()
    for st in sorted(set(g.subjects(RDF.type, RDF.Statement)), key=str):
        parts = [list(g.objects(st, p)) for p in (RDF.subject, RDF.predicate, RDF.object)]
        if any(len(values) != 1 for values in parts):
            continue  # the shapes report a statement node without exactly one of each
        s, p, o = (values[0] for values in parts)
        described.add((s, p, o))
        if (s, p, o) not in g:
            lines.append(f"{_show(st)}: describes a triple the graph does not hold: {_show(s)} {_show(p)} {_show(o)}")
    for p in _RELATIONS:
        for s, o in g.subject_objects(p):
            if (s, p, o) in described or (p in symmetric and (o, p, s) in described):
                continue
            lines.append(
                f"{_show(s)} {_show(p)}: this relation has no rdf:Statement node carrying "
                f"its evidence (value: {_show(o)})"
            )
    return lines


@functools.cache
def _symmetric() -> frozenset[Node]:
    return frozenset(_turtle(ONTOLOGY_PATH).subjects(RDF.type, OWL.SymmetricProperty))


def validate_graph(ds: Dataset | Graph, context: Graph | None = None) -> ValidationReport:
    """Check ``ds`` (every named graph of a Dataset, or a Graph) against ``ontology/shapes.ttl``.

    The ontology is mixed into a copy of the data, so shapes on ``wh:Actor`` apply to a
    ``wh:Court`` and ``sh:class wh:Event`` accepts a ``wh:Sentencing``. RDFS inference is
    deliberately off: it would type every value of ``wh:court`` as a ``wh:Court`` through the
    property's range, and every ``sh:class`` check would pass whatever the value. Besides the
    shapes, every relation triple must have an ``rdf:Statement`` node describing it (either
    direction for a symmetric relation) and every ``rdf:Statement`` must describe a triple the
    graph holds.

    Args:
        ds: the graph to check; it is not modified.
        context: triples of other graphs that ``ds``'s nodes point to (the class of a node it
            links to): read, not checked; only violations of nodes ``ds`` describes are reported.

    Returns:
        ``conforms`` and one line per violation, ``"<focus> <path>: <message> (value: <value>)"``,
        sorted.

    Raises:
        InputError: the shapes or the ontology file is missing or not valid Turtle.
        WhereasError: pySHACL cannot run the shapes.

    >>> from rdflib import Graph, Literal, URIRef
    >>> from rdflib.namespace import RDF, RDFS
    >>> from pipeline.vocab import WH
    >>> validate_graph(Graph())
    ValidationReport(conforms=True, messages=())
    >>> g = Graph()
    >>> kozlov = URIRef("https://example.org/id/person/vladimir-kozlov")
    >>> _ = g.add((kozlov, RDF.type, WH.Person))
    >>> _ = g.add((kozlov, RDFS.label, Literal("Vladimir Kozlov")))
    >>> _ = g.add((kozlov, RDFS.label, Literal("Kozlov")))
    >>> report = validate_graph(g)
    >>> report.conforms
    False
    >>> print(*report.messages, sep="\\n")
    <https://example.org/id/person/vladimir-kozlov> rdfs:label: an actor has exactly one rdfs:label; other names belong in skos:altLabel
    """
    data = Graph()
    if isinstance(ds, Dataset):
        data = union_graph(ds)
    else:
        for triple in ds:
            data.add(triple)
    described = None
    if context is not None:
        described = set(data.subjects())
        for triple in context:
            data.add(triple)
    shapes, ontology = _turtle(SHAPES_PATH), _turtle(ONTOLOGY_PATH)
    extra = _reification_lines(data, _symmetric())
    try:
        conforms, report, text = pyshacl.validate(
            data,
            shacl_graph=shapes,
            ont_graph=ontology,
            inference="none",
            inplace=True,
            advanced=False,
            allow_warnings=False,
            allow_infos=False,
        )
    except Exception as exc:  # pySHACL reports bad shapes with its own exception types
        raise WhereasError(SHAPES_PATH, f"cannot validate: {exc}") from exc
    if isinstance(report, Exception) or not isinstance(report, Graph):
        raise WhereasError(SHAPES_PATH, f"cannot validate: {text}")
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    if described is not None:
        results = [r for r in results if report.value(r, SH.focusNode) in described]
        conforms = not results
    messages = tuple(sorted({_line(report, r) for r in results} | set(extra)))
    return ValidationReport(conforms=bool(conforms) and not extra, messages=messages)
