"""The persistent Oxigraph store: loading, replacing and removing document graphs, errors."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import RDFS

from pipeline.errors import QueryError, StoreError
from pipeline.rdf.store import SHARED_GRAPH, DocumentRecord, Store, is_store, store_status

DOC = "https://w3id.org/whereas/id/document/ep-2099-ruritania"
OTHER = "https://w3id.org/whereas/id/document/ep-2099-other"
SOURCE = "examples/ep-2099-ruritania.txt"
ID_ANNA = "https://w3id.org/whereas/id/person/anna-berg"


def _with_second_document(ds: Dataset) -> Dataset:
    """``ds`` plus a copy of its document under another IRI and source path."""
    src = ds.graph(URIRef(DOC))
    other = ds.graph(URIRef(OTHER))
    for s, p, o in src:
        s = URIRef(OTHER) if s == URIRef(DOC) else s
        o = Literal("examples/ep-2099-other.txt") if o == Literal(SOURCE) else o
        other.add((s, p, o))
    return ds


def _quads(st: Store, graph: str) -> set[str]:
    return {str(q) for q in st.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


def test_loading_the_same_dataset_twice_changes_nothing(tmp_path: Path, mini_dataset: Dataset) -> None:
    with Store.open(tmp_path / "store") as st:
        assert st.load_documents(mini_dataset) == 1
        assert len(st) == 73
        before = _quads(st, DOC)
        assert st.load_documents(mini_dataset) == 0
        assert len(st) == 73
        assert _quads(st, DOC) == before
        assert st.documents() == [DOC]


def test_a_store_keeps_its_content_across_openings(mini_store_path: Path) -> None:
    assert is_store(mini_store_path)
    with Store.open(mini_store_path, create=False) as st:
        assert len(st) == 73
        assert st.documents() == [DOC]


def _whole(st: Store, graph: str) -> set[str]:
    """A document's whole graph: the triples only it states and those it shares with others."""
    return {str(q) for q in st.document_quads(graph)}


def test_a_changed_document_replaces_only_its_own_graph(tmp_path: Path, mini_dataset: Dataset) -> None:
    ds = _with_second_document(mini_dataset)
    with Store.open(tmp_path / "store") as st:
        assert st.load_documents(ds) == 2
        assert len(st) == 78  # each triple once: the copy differs from the first only by its document node's 5
        other_before = _whole(st, OTHER)

        g = ds.graph(URIRef(DOC))
        anna = URIRef("https://w3id.org/whereas/id/person/anna-berg")
        g.remove((anna, RDFS.label, None))
        g.add((anna, RDFS.label, Literal("Anna Maria Berg")))
        g.add((anna, RDFS.comment, Literal("a journalist")))
        assert st.load_documents(ds) == 1

        assert _whole(st, OTHER) == other_before
        labels = {
            str(r["l"].value) for r in st.query(f"SELECT ?l WHERE {{ GRAPH <{DOC}> {{ <{anna}> rdfs:label ?l }} }}")
        }
        assert labels == {"Anna Maria Berg"}
        assert len(st) == 80  # the new label and the comment; the old label is now the other's alone
        assert f'<{anna}> <{RDFS.label}> "Anna Berg"' in {
            str(q.triple) for q in st.ox.quads_for_pattern(None, None, None, ox.NamedNode(OTHER))
        }


def test_blank_nodes_compare_canonically(tmp_path: Path, mini_dataset: Dataset) -> None:
    g = mini_dataset.graph(URIRef(DOC))
    node = BNode()
    g.add((URIRef(DOC), RDFS.seeAlso, node))
    g.add((node, RDFS.label, Literal("an anonymous note")))
    with Store.open(tmp_path / "store") as st:
        assert st.load_documents(mini_dataset) == 1
        assert len(st) == 75
        # the same content read afresh has new blank node labels, yet nothing changes
        again = Dataset(default_union=True)
        for s, p, o, c in mini_dataset.quads((None, None, None, None)):
            s = BNode("fresh") if isinstance(s, BNode) else s
            o = BNode("fresh") if isinstance(o, BNode) else o
            again.add((s, p, o, c))
        assert st.load_documents(again) == 0
        assert len(st) == 75


def test_triples_outside_a_named_graph_are_refused(tmp_path: Path) -> None:
    ds = Dataset(default_union=True)
    ds.add((URIRef("https://example.org/a"), RDFS.label, Literal("a")))
    with Store.open(tmp_path / "store") as st:
        with pytest.raises(StoreError, match="1 triple\\(s\\) outside any named graph"):
            st.load_documents(ds)
        assert len(st) == 0


@pytest.mark.parametrize("ref", [DOC, "ep-2099-ruritania", SOURCE, "./" + SOURCE, "absolute"])
def test_remove_a_document_by_iri_id_or_source_path(tmp_path: Path, mini_dataset: Dataset, ref: str) -> None:
    if ref == "absolute":
        ref = os.path.abspath(SOURCE)
    with Store.open(tmp_path / "store") as st:
        st.load_documents(_with_second_document(mini_dataset))
        assert st.remove_document(ref) == 73
        assert st.documents() == [OTHER]
        assert len(st) == 73


def test_remove_an_unknown_document_names_the_store(tmp_path: Path, mini_dataset: Dataset) -> None:
    with Store.open(tmp_path / "store") as st:
        st.load_documents(mini_dataset)
        with pytest.raises(StoreError) as err:
            st.remove_document("ep-1999-nowhere")
        assert str(err.value) == (
            f"{tmp_path / 'store'}: no document 'ep-1999-nowhere' in the store (give a document IRI, id or source path)"
        )
        assert len(st) == 73


def test_an_ambiguous_id_is_refused(tmp_path: Path, mini_dataset: Dataset) -> None:
    ds = mini_dataset
    copy = ds.graph(URIRef("https://example.org/id/document/ep-2099-ruritania"))
    for t in ds.graph(URIRef(DOC)):
        copy.add(t)
    with Store.open(tmp_path / "store") as st:
        st.load_documents(ds)
        with pytest.raises(StoreError, match="matches 2 documents"):
            st.remove_document("ep-2099-ruritania")
        assert len(st) == 73  # two documents of one content: every triple shared, kept once


def test_a_locked_store_gives_a_one_line_error(mini_store_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, pyoxigraph
            st = pyoxigraph.Store({str(mini_store_path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as err:
            Store.open(mini_store_path)
        assert str(err.value) == (
            f"{mini_store_path}: store is being written by another process (a build or "
            "a removal); try again when it is done"
        )
        # a read-only snapshot does not need the lock
        with Store.open(mini_store_path, read_only=True) as ro:
            assert len(ro) == 73
            with pytest.raises(StoreError, match="read-only"):
                ro.remove_document(DOC)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_closing_releases_the_lock(mini_store_path: Path) -> None:
    st = Store.open(mini_store_path)
    with pytest.raises(StoreError, match="already open in this process"):
        Store.open(mini_store_path)
    st.close()
    with Store.open(mini_store_path) as again:
        assert len(again) == 73
    with pytest.raises(StoreError, match="store is closed"):
        len(st)


def test_a_file_is_not_a_store(mini_trig: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store.open(mini_trig)
    assert str(err.value) == f"{mini_trig}: is a file, not a store folder"


def test_a_missing_store_is_not_created_when_told_not_to(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store.open(tmp_path / "nothing", create=False)
    assert str(err.value) == (
        f"{tmp_path / 'nothing'}: no store here; make one with `whereas build DOCS --store {tmp_path / 'nothing'}`"
    )
    assert not (tmp_path / "nothing").exists()


def test_a_folder_of_other_files_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="folder is not empty and holds no store"):
        Store.open(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_store_under_a_file_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    with pytest.raises(StoreError) as err:
        Store.open(tmp_path / "plain" / "store")
    assert str(err.value) == f"{tmp_path / 'plain' / 'store'}: cannot create store folder: Not a directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_refused(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="not writable"):
            Store.open(folder)
    finally:
        folder.chmod(0o700)


def test_a_malformed_query_is_one_line(mini_store_path: Path) -> None:
    with Store.open(mini_store_path) as st:
        with pytest.raises(QueryError) as err:
            st.query("SELECT ?x WHERE {\n ?x a }", source="q.rq")
    assert str(err.value) == (
        "q.rq: SPARQL syntax error: line 2, column 8, near “}”: expected FILTER, SELECT, VALUES or a term"
    )


def test_the_default_graph_is_the_union_of_documents(tmp_path: Path, mini_dataset: Dataset) -> None:
    with Store.open(tmp_path / "store") as st:
        st.load_documents(_with_second_document(mini_dataset))
        rows = [
            (r["doc"].value, r["n"].value)
            for r in st.query(
                "SELECT ?doc (COUNT(*) AS ?n) WHERE { ?doc a wh:Document ; ?p ?o } GROUP BY ?doc ORDER BY ?doc"
            )
        ]
    assert rows == [(OTHER, "5"), (DOC, "5")]


def test_a_triple_in_two_documents_is_one_triple_of_the_union(tmp_path: Path, mini_dataset: Dataset) -> None:
    with Store.open(tmp_path / "store") as st:
        # both documents describe Anna Berg: pyoxigraph's own union would give her twice (oxigraph #1919)
        st.load_documents(_with_second_document(mini_dataset))
        rows = [r["n"].value for r in st.query("SELECT ?n WHERE { ?p a wh:Person ; rdfs:label ?n }")]
        assert sorted(rows) == ["Anna Berg", "Karl Berg"]
        # the shared triples stay while one document still has them ...
        st.remove_document("ep-2099-other")
        assert sorted(r["n"].value for r in st.query("SELECT ?n WHERE { ?p a wh:Person ; rdfs:label ?n }")) == [
            "Anna Berg",
            "Karl Berg",
        ]
        # ... and a replaced document takes its old triples out of the union
        mini_dataset.remove_graph(URIRef(OTHER))
        g = mini_dataset.graph(URIRef(DOC))
        g.remove((URIRef(ID_ANNA), RDFS.label, None))
        g.add((URIRef(ID_ANNA), RDFS.label, Literal("Anna M. Berg")))
        assert st.load_documents(mini_dataset) == 1
        assert sorted(r["n"].value for r in st.query("SELECT ?n WHERE { ?p a wh:Person ; rdfs:label ?n }")) == [
            "Anna M. Berg",
            "Karl Berg",
        ]
        assert not bool(st.query("ASK { ?p rdfs:label 'Anna Berg' }"))
        st.remove_document(DOC)
        assert len(st) == 0 and len(st.ox) == 0


# -- each triple once: document graphs, the shared graph and the ledger ----------------------------


def _layout(st: Store) -> dict[str, set[str]]:
    """The store as kept: each graph's triples (the default graph as "")."""
    out: dict[str, set[str]] = {}
    for q in st.ox.quads_for_pattern(None, None, None, None):
        name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        out.setdefault(name, set()).add(str(q.triple))
    return out


def _check_each_triple_once(st: Store) -> None:
    graphs = _layout(st)
    assert "" not in graphs  # no union copy in the default graph
    seen: dict[str, str] = {}
    for graph, triples in graphs.items():
        for t in triples:
            assert t not in seen, f"{t} in {graph} and {seen[t]}"
            seen[t] = graph


def test_a_triple_two_documents_state_is_kept_once_in_the_shared_graph(tmp_path: Path, mini_dataset: Dataset) -> None:
    ds = _with_second_document(mini_dataset)
    expected = {g: {str(t) for t in _whole_of(ds, g)} for g in (DOC, OTHER)}
    with Store.open(tmp_path / "store") as st:
        st.load_documents(ds)
        _check_each_triple_once(st)
        layout = _layout(st)
        assert len(layout[DOC]) == len(layout[OTHER]) == 5  # their document nodes; the rest is shared
        assert len(layout[SHARED_GRAPH]) == 73 - 5
        assert {g: {str(q.triple) for q in st.document_quads(g)} for g in (DOC, OTHER)} == expected
        # the union the queries read has each triple once: Anna Berg is one row
        assert [r["n"].value for r in st.query("SELECT ?n WHERE { ?p rdfs:label 'Anna Berg' ; a ?n }")] == [
            "https://w3id.org/whereas/ontology#Person"
        ]
        assert st.documents() == [OTHER, DOC]
    with Store.open(tmp_path / "store", read_only=True) as reader:  # a snapshot carries its ledger
        assert reader.union
        back = reader.to_dataset()
        assert {str(t) for t in _whole_of(back, DOC)} == expected[DOC]
        assert {str(t) for t in _whole_of(back, OTHER)} == expected[OTHER]
    with Store.open(tmp_path / "store") as st:
        st.remove_document(OTHER)  # what only the first document states moves back into its graph
        assert set(_layout(st)) == {DOC}
        assert {str(q.triple) for q in st.document_quads(DOC)} == expected[DOC]


def _whole_of(ds: Dataset, graph: str) -> set[ox.Triple]:
    data = ds.graph(URIRef(graph)).serialize(format="nt", encoding="utf-8")
    return {q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)}


@pytest.mark.parametrize("killed", ["before the store", "after the store"])
def test_a_writer_killed_between_the_ledger_and_the_store_is_made_good(
    tmp_path: Path, mini_trig: Path, killed: str
) -> None:
    path = tmp_path / "store"
    # build the first document, then kill the process loading the second at the chosen moment
    first = f"""
import os
import pipeline.rdf.store as store
from pipeline.rdf.export import read_dataset
from rdflib import Dataset, URIRef
ds = read_dataset({str(mini_trig)!r})
with store.Store.open({str(path)!r}) as st:
    st.load_documents(ds)
second = Dataset(default_union=True)
for s, p, o in ds.graph(URIRef({DOC!r})):
    second.graph(URIRef({OTHER!r})).add((URIRef({OTHER!r}) if s == URIRef({DOC!r}) else s, p, o))
if {killed!r} == "before the store":
    real = store._Ledger.write_ahead
    def write_ahead(self, *args):
        real(self, *args)
        os._exit(0)
    store._Ledger.write_ahead = write_ahead
else:
    store._Ledger.done = lambda self, pending: os._exit(0)
st = store.Store.open({str(path)!r})
st.load_documents(second)
"""
    subprocess.run([sys.executable, "-c", textwrap.dedent(first)], check=True, cwd=Path(__file__).parents[1])
    with Store.open(path) as st:  # the next writer runs the update the ledger holds
        _check_each_triple_once(st)
        assert st.documents() == [OTHER, DOC]
        assert len(_layout(st)[SHARED_GRAPH]) == 73 - 5
        assert len(st.document_quads(OTHER)) == len(st.document_quads(DOC)) == 73
        assert st._ledger is not None and st._ledger.pending() == []


def test_a_store_of_an_older_whereas_is_read_through_its_default_graph_then_adopted(
    tmp_path: Path, mini_dataset: Dataset
) -> None:
    ds = _with_second_document(mini_dataset)
    path = tmp_path / "store"
    path.mkdir()
    old = ox.Store(str(path))  # as an older whereas kept it: every document graph whole, and their union
    quads = list(ox.parse(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS))
    old.extend(quads)
    old.extend(ox.Quad(*q.triple, ox.DefaultGraph()) for q in set(quads))
    old.flush()
    del old
    with Store.open(path, read_only=True) as reader:
        assert not reader.union
        assert len(reader) == 146
        assert [
            r["n"].value for r in reader.query("SELECT ?n WHERE { ?p a wh:Person ; rdfs:label ?n } ORDER BY ?n")
        ] == [
            "Anna Berg",
            "Karl Berg",
        ]
    with Store.open(path) as st:  # its first writer gives it a ledger and keeps each triple once
        assert st.union
        _check_each_triple_once(st)
        assert len(st) == 78
        assert {str(q.triple) for q in st.document_quads(OTHER)} == {str(t) for t in _whole_of(ds, OTHER)}
    with Store.open(path, read_only=True) as reader:
        assert reader.union and len(reader) == 78


def test_an_update_by_hand_leaves_each_triple_in_one_graph(tmp_path: Path, mini_dataset: Dataset) -> None:
    with Store.open(tmp_path / "store") as st:
        st.load_documents(mini_dataset)
        anna = f"<{ID_ANNA}> a wh:Person"
        st.update(f"INSERT DATA {{ GRAPH <https://example.org/g> {{ {anna} }} }}")  # the document states it too
        _check_each_triple_once(st)
        assert st.documents() == ["https://example.org/g", DOC]
        assert len(_layout(st)[SHARED_GRAPH]) == 1
        rows = list(st.query("SELECT ?p WHERE { ?p a wh:Person }"))
        assert len(rows) == 2  # Anna and Karl Berg, once each
        st.update("DROP GRAPH <https://example.org/g>")  # the document alone states it again
        _check_each_triple_once(st)
        assert set(_layout(st)) == {DOC}
        assert len(st.document_quads(DOC)) == 73


# -- snapshots: readers beside a writer ---------------------------------------------------------


def test_readers_see_the_store_as_the_last_writer_left_it(tmp_path: Path, mini_dataset: Dataset) -> None:
    path = tmp_path / "store"
    with Store.open(path) as st:
        st.load_documents(mini_dataset)
    reader = Store.open(path, read_only=True)  # holds the snapshot of that build
    with Store.open(path) as st:  # a writer while it reads
        st.remove_document(DOC)
    assert len(reader) == 73 and reader.snapshot == 1
    with Store.open(path, read_only=True) as fresh:
        assert len(fresh) == 0 and fresh.snapshot == 2
    reader.close()
    with Store.open(path) as st:
        st.load_documents(mini_dataset)
    # what no reader holds any more is swept when a writer publishes
    assert sorted(p.name for p in (path / "whereas" / "snapshots").iterdir()) == ["3", "current"]


def test_a_snapshot_held_by_a_reader_is_not_swept(tmp_path: Path, mini_dataset: Dataset) -> None:
    path = tmp_path / "store"
    with Store.open(path) as st:
        st.load_documents(mini_dataset)
    with Store.open(path, read_only=True) as reader:
        for _ in range(3):
            with Store.open(path) as st:
                st.update("INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> a wh:Person } }")
        assert (path / "whereas" / "snapshots" / "1").is_dir()
        assert len(reader) == 73
    assert sorted(p.name for p in (path / "whereas" / "snapshots").iterdir()) == ["1", "4", "current"]


# -- where documents came from ------------------------------------------------------------------


def _record(file: str, sha: str = "a" * 64, graph: str = DOC) -> DocumentRecord:
    return DocumentRecord(graph, graph.rsplit("/", 1)[-1], Path(file).name, file, sha)


def test_the_same_file_or_the_same_text_is_the_same_document(tmp_path: Path, mini_dataset: Dataset) -> None:
    with Store.open(tmp_path / "store") as st:
        st.load_documents(mini_dataset, [_record("/corpus/a/ep-2099-ruritania.txt")])
        assert st.conflicts([_record("/corpus/a/ep-2099-ruritania.txt", "b" * 64)]) == []  # edited in place
        assert st.conflicts([_record("/moved/ep-2099-ruritania.txt")]) == []  # moved, same text
        assert st.conflicts([_record("/corpus/b/ep-2099-ruritania.txt", "b" * 64)]) == [
            "document 'ep-2099-ruritania' in the store was read from /corpus/a/ep-2099-ruritania.txt; "
            "/corpus/b/ep-2099-ruritania.txt is another file with the same id (rename one of them, or give "
            "--replace to replace the stored one)"
        ]
        with pytest.raises(StoreError, match="is another file with the same id"):
            st.load_documents(mini_dataset, [_record("/corpus/b/ep-2099-ruritania.txt", "b" * 64)])
        assert (
            st.load_documents(mini_dataset, [_record("/corpus/b/ep-2099-ruritania.txt", "b" * 64)], replace=True) == 0
        )  # same triples: nothing to load, but it is b's now
        assert st.records()[DOC].file == "/corpus/b/ep-2099-ruritania.txt"


def test_a_document_without_a_record_is_judged_by_its_source_and_text(tmp_path: Path, mini_dataset: Dataset) -> None:
    with Store.open(tmp_path / "store") as st:
        st.load_documents(mini_dataset)  # as an older whereas did: no record of the file
        assert st.conflicts([_record(os.path.abspath(SOURCE))]) == []  # its dcterms:source names that file
        assert st.conflicts([_record("/elsewhere/ep-2099-ruritania.txt")]) != []


def test_a_file_read_under_a_new_id_leaves_no_old_graph(tmp_path: Path, mini_dataset: Dataset) -> None:
    with Store.open(tmp_path / "store") as st:
        st.load_documents(
            _with_second_document(mini_dataset),
            [_record("/corpus/2019/report.txt"), _record("/corpus/x.txt", graph=OTHER)],
        )
        renamed = Dataset(default_union=True)
        for s, p, o, _ in mini_dataset.quads((None, None, None, URIRef(DOC))):
            renamed.graph(URIRef(DOC + "-2019")).add((s, p, o))
        changed = st.load_documents(renamed, [_record("/corpus/2019/report.txt", graph=DOC + "-2019")])
        assert changed == 2  # the new graph added, the old one of that file removed
        assert st.documents() == [OTHER, DOC + "-2019"]


def test_remove_by_the_path_of_the_file_read(tmp_path: Path, mini_dataset: Dataset) -> None:
    file = tmp_path / "corpus" / "ep-2099-ruritania.txt"
    with Store.open(tmp_path / "store") as st:
        st.load_documents(mini_dataset, [_record(str(file))])
        assert st.remove_document(str(file)) == 73
        assert st.documents() == [] and st.records() == {}


def test_status_of_a_store_without_a_build_record(mini_store_path: Path) -> None:
    assert store_status(mini_store_path) == (
        f"{mini_store_path}: 1 document(s), 73 triples (snapshot 1)\n"
        "last build: no record (built by an older whereas, or never)\n"
    )
