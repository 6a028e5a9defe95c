"""The whole job: the committed graph of examples/ reproduced; on the sample, round trips, determinism, shapes."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS

from pipeline.iri import IriMinter
from pipeline.rdf.export import GraphWriter, rdf_format, read_dataset, serialize, union_graph, write_dataset
from pipeline.rdf.validate import validate_graph
from pipeline.vocab import WH


def _diff(a: Graph, b: Graph) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    lines = [f"- {t}" for t in sorted(only_a)[:10]] + [f"+ {t}" for t in sorted(only_b)[:10]]
    return "\n".join(lines)


def test_examples_build_reproduces_the_committed_graph(examples_build, golden_graph):
    built = union_graph(examples_build.dataset)
    committed = Graph().parse(golden_graph, format="turtle")
    assert isomorphic(built, committed), "output/graph.ttl is stale; rebuild it:\n" + _diff(built, committed)


def test_sample_graph_conforms_to_the_shapes(sample_build):
    report = validate_graph(sample_build.dataset)
    assert report.conforms, "\n".join(report.messages)


def test_the_examples_built_together_conform_to_the_shapes(examples_build):
    report = validate_graph(examples_build.dataset)
    assert report.conforms, "\n".join(report.messages)


def test_sample_structure_is_stored_with_offsets_into_the_document_text(sample_build):
    g = union_graph(sample_build.dataset)
    doc = next(g.subjects(predicate=WH.procedureNumber))
    text = str(g.value(doc, WH.text))
    counts = {}
    for kind in (WH.Citation, WH.Recital, WH.Paragraph, WH.Footnote):
        parts = list(g.subjects(predicate=None, object=kind))
        counts[kind] = len(parts)
        for part in parts:
            start, end = int(g.value(part, WH.start)), int(g.value(part, WH.end))
            assert text[start:end] == str(g.value(part, WH.text))
    assert list(counts.values()) == [8, 15, 18, 4]
    assert str(g.value(doc, WH.procedureNumber)) == "2013/2600(RSP)"


def test_every_evidence_span_points_at_its_text(sample_build):
    g = union_graph(sample_build.dataset)
    doc_text = {d: str(g.value(d, WH.text)) for d in g.subjects(object=WH.Document)}
    spans = list(g.subjects(object=WH.TextSpan))
    assert spans
    for span in spans:
        doc = g.value(span, WH.inDocument)
        start, end = int(g.value(span, WH.start)), int(g.value(span, WH.end))
        assert doc_text[doc][start:end] == str(g.value(span, WH.text))


def test_turtle_round_trip_is_isomorphic(sample_build, tmp_path):
    path = write_dataset(sample_build.dataset, tmp_path / "graph.ttl")
    back = Graph().parse(path, format="turtle")
    built = union_graph(sample_build.dataset)
    assert isomorphic(built, back), _diff(built, back)


def test_trig_round_trip_keeps_one_named_graph_per_document(sample_build, tmp_path):
    path = write_dataset(sample_build.dataset, tmp_path / "graph.trig")
    back = read_dataset(path)
    names = {g.identifier for g in back.graphs() if len(g)}
    doc = next(iter(union_graph(sample_build.dataset).subjects(predicate=WH.procedureNumber)))
    assert doc in names
    assert isomorphic(back.graph(doc), sample_build.dataset.graph(doc))


def test_the_same_input_gives_the_same_bytes(sample_build, sample_path):
    from pipeline.build import build_graph

    again = build_graph([sample_path])  # another path to the same file: the same bytes
    assert serialize(again.dataset, "turtle") == serialize(sample_build.dataset, "turtle")
    assert serialize(again.dataset, "nquads") == serialize(sample_build.dataset, "nquads")


def test_a_user_base_iri_is_used_for_every_minted_iri(build_text):
    r = build_text("A. whereas the journalist Karl Berg was arrested on 9 May 2019;", base="https://example.org/kg/")
    subjects = {str(s) for s in union_graph(r.dataset).subjects()}
    minted = {s for s in subjects if "/id/" in s}
    assert minted and all(s.startswith("https://example.org/kg/id/") for s in minted)


def test_dataset_is_an_rdflib_dataset_with_prefixes(sample_build):
    assert isinstance(sample_build.dataset, Dataset)
    assert b"@prefix wh: <https://w3id.org/whereas/ontology#>" in serialize(sample_build.dataset, "turtle")


# -- a build that writes graph by graph -------------------------------------------------------------


def _graphs_of(ds: Dataset) -> list[Graph]:
    """The named graphs of ``ds``, each on its own, in reverse order of their names."""
    out = []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier), reverse=True):
        if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID:
            alone = Graph(identifier=g.identifier)
            for triple in g:
                alone.add(triple)
            out.append(alone)
    return out


def _own_nodes(graph: Graph):
    minter = IriMinter()
    doc = next(graph.subjects(RDF.type, WH.Document), None)
    return minter.own_nodes(str(graph.value(doc, DCTERMS.identifier)) if doc is not None else None)


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".nt", ".ttl", ".jsonld"])
@pytest.mark.parametrize("spill", [False, True])
def test_graphs_written_one_at_a_time_give_the_bytes_of_the_whole_dataset(
    examples_build, tmp_path, monkeypatch, suffix, spill
):
    import pipeline.rdf.export

    if spill:  # runs of a few lines, merged three at a time: the paths of a corpus larger than memory
        monkeypatch.setattr(pipeline.rdf.export, "RUN_CHARS", 20_000)
        monkeypatch.setattr(pipeline.rdf.export, "MERGE_WIDTH", 3)
    target = tmp_path / f"graph{suffix}"
    with GraphWriter(target) as writer:
        for graph in _graphs_of(examples_build.dataset):
            writer.add(graph, _own_nodes(graph))
    assert target.read_bytes() == serialize(examples_build.dataset, rdf_format(target))


def test_a_writer_that_fails_leaves_the_old_file(tmp_path):
    target = tmp_path / "graph.nq"
    target.write_text("old\n")
    ex = Namespace("https://example.org/")
    g = Graph(identifier=ex.g)
    g.add((ex.a, ex.b, ex.c))
    with pytest.raises(RuntimeError), GraphWriter(target) as writer:
        writer.add(g)
        raise RuntimeError("the build failed")
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"]
    with pytest.raises(ValueError, match="written twice"), GraphWriter(target) as writer:
        writer.add(g)
        writer.add(g)


def test_graph_by_graph_validation_reports_what_the_whole_dataset_reports(examples_build):
    graphs = _graphs_of(examples_build.dataset)
    person = next(s for g in graphs for s in g.subjects(RDF.type, WH.Person))
    broken = next(g for g in graphs if (person, RDF.type, WH.Person) in g)
    broken.add((person, RDFS.label, Literal("a second label")))  # one document's graph breaks a shape
    whole = Dataset(default_union=True)
    for g in graphs:
        for triple in g:
            whole.graph(g.identifier).add(triple)
    types = {(s, RDF.type, o) for g in graphs for s, o in g.subject_objects(RDF.type)}
    messages: set[str] = set()
    for g in graphs:
        context = None
        if g.identifier == IriMinter().case_graph():  # the classes of the events it links are elsewhere
            context = Graph()
            for triple in types:
                if (None, WH.source, triple[0]) in g:
                    context.add(triple)
        messages.update(validate_graph(g, context).messages)
    expected = validate_graph(whole).messages
    assert any("a second label" in m or "exactly one rdfs:label" in m for m in expected)
    assert tuple(sorted(messages)) == expected


def test_trig_names_worked_out_once_give_rdflibs_bytes(sample_build):
    """The TriG and Turtle writers keep each IRI's prefixed name for the whole file: the bytes are rdflib's own."""
    import io

    from rdflib import Dataset, Literal, Namespace
    from rdflib.namespace import XSD
    from rdflib.plugins.serializers.trig import TrigSerializer

    from pipeline.rdf.export import _bind, _SortedTrig

    def plain(ds: Dataset) -> bytes:
        writer = TrigSerializer(ds)
        default = writer.default_context
        writer.contexts.sort(key=lambda g: (g.identifier != default, str(g.identifier)))
        out = io.BytesIO()
        writer.serialize(out, encoding="utf-8")
        return out.getvalue()

    ex, other = Namespace("https://example.org/id/"), Namespace("https://other.example/vocab/")
    wh = Namespace(str(WH))
    made = Dataset()
    for n in range(3):  # graphs sharing IRIs, IRIs without a prefix, a predicate whose prefix is made up
        g = made.graph(ex[f"doc-{n}"])
        g.add((ex["actor/a"], wh.name, Literal(f"A {n}")))
        g.add((ex[f"event/{n}"], wh.subject, ex["actor/a"]))
        g.add((ex[f"event/{n}"], other[f"p{n % 2}"], Literal("1", datatype=XSD.integer)))
        g.add((ex[f"event/{n}"], wh.note, wh["odd(name)"]))
    for ds in (sample_build.dataset, made):
        _bind(ds)
        ours = io.BytesIO()
        _SortedTrig(ds).serialize(ours, encoding="utf-8")
        assert ours.getvalue() == plain(ds)
        union = union_graph(ds)
        assert serialize(ds, "turtle") == union.serialize(format="turtle", encoding="utf-8")
    assert b"@prefix ns1:" in plain(made)
