"""Corpus-grade robustness: the ten problems of issue 11, each as tests that failed before the fix.

Documents are composed here (invented names); builds are small, so the model is the only slow part.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import unicodedata
import urllib.error
import urllib.request
import xml.dom.minidom
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.read import read_document
from pipeline.read.cleanup import clean
from pipeline.structure import find_structure

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
WH = "https://w3id.org/whereas/ontology#"
DOC = "https://w3id.org/whereas/id/document/"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
CHEAP = "ASK { ?a wh:spouseOf ?b }"


def _resolution(name: str, court: str = "Strelsau City Court") -> str:
    return (
        f"The European Parliament,\n\nA. whereas on 4 May 2015 the journalist {name} was sentenced by the "
        f"{court} to three years in prison;\n\n1. Calls for the release of {name};\n"
    )


def _build(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["build", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


def _graph_texts(path: Path) -> dict[str, str]:
    """Document id -> its text, from a built graph file."""
    ds = Dataset(default_union=True)
    ds.parse(path)
    return {
        str(ds.value(doc, DCTERMS.identifier)): str(ds.value(doc, URIRef(WH + "text")))
        for doc in ds.subjects(RDF.type, URIRef(WH + "Document"))
    }


@contextlib.contextmanager
def _terminates(seconds: int = 120) -> Iterator[None]:
    """A hang guard, not a speed test: a quadratic scan of a megabyte runs for hours and would stall
    the suite, so past a generous bound it fails instead (linear code takes well under a second)."""

    def stop(*_: object) -> None:
        raise AssertionError(f"still running after {seconds} s: not linear in the input")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- 1. Silent data loss in a store ---------------------------------------------------------------


def test_1_one_file_name_in_two_folders_is_two_documents(tmp_path: Path) -> None:
    for year, name in (("2019", "Anna Berg"), ("2020", "Karl Holm")):
        (tmp_path / "corpus" / year).mkdir(parents=True)
        (tmp_path / "corpus" / year / "report.txt").write_text(_resolution(name))
    out = tmp_path / "graph.trig"
    code, _, err = _build(tmp_path / "corpus", "-o", out, "--no-progress", "--no-validate")
    assert code == 0, err
    texts = _graph_texts(out)
    assert sorted(texts) == ["2019-report", "2020-report"]
    assert "Anna Berg" in texts["2019-report"] and "Karl Holm" in texts["2020-report"]
    ds = Dataset(default_union=True)
    ds.parse(out)
    assert sorted(str(o) for o in ds.objects(None, DCTERMS.source)) == ["2019/report.txt", "2020/report.txt"]


def test_1_a_store_does_not_replace_another_files_document_unless_told(tmp_path: Path) -> None:
    store = tmp_path / "store"
    for folder, name in (("examples", "Anna Berg"), ("2020", "Karl Holm")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ep-2099-ruritania.txt").write_text(_resolution(name))
    code, _, err = _build(tmp_path / "examples" / "ep-2099-ruritania.txt", "--store", store, "--no-progress")
    assert code == 0, err
    out = tmp_path / "x.ttl"
    code, _, err = _build(tmp_path / "2020" / "ep-2099-ruritania.txt", "--store", store, "-o", out, "--no-progress")
    assert code == 1 and not out.exists()
    assert err.strip().splitlines() == [
        f"whereas: error: {store}: document 'ep-2099-ruritania' in the store was read from "
        f"{tmp_path / 'examples' / 'ep-2099-ruritania.txt'}; {tmp_path / '2020' / 'ep-2099-ruritania.txt'} is "
        "another file with the same id (rename one of them, or give --replace to replace the stored one)"
    ]
    answer = runner.invoke(app, ["query", str(store), "SELECT ?t { ?d a wh:Document ; wh:text ?t }", "-f", "csv"])
    assert "Anna Berg" in answer.stdout and "Karl Holm" not in answer.stdout  # the first one is still there
    code, _, err = _build(tmp_path / "2020" / "ep-2099-ruritania.txt", "--store", store, "--replace", "--no-progress")
    assert code == 0, err
    answer = runner.invoke(app, ["query", str(store), "SELECT ?t { ?d a wh:Document ; wh:text ?t }", "-f", "csv"])
    assert "Karl Holm" in answer.stdout and "Anna Berg" not in answer.stdout


# -- 2. A hang on one odd file --------------------------------------------------------------------

MEGABYTE = 1 << 20


def test_2_a_megabyte_on_one_line_is_cleaned_and_structured(tmp_path: Path) -> None:
    word = "x" * MEGABYTE  # one run of letters: the compound-word scan was quadratic on it
    spaced = "a" + " " * MEGABYTE + "b"  # one run of spaces: the block scan was quadratic on it
    with _terminates():
        assert clean(word) == word + "\n"
        path = tmp_path / "one-line.txt"
        path.write_text("Kazakh-" + word + " and " + spaced)
        doc = read_document(path, max_chars=4 * MEGABYTE)
        parts = find_structure(doc).parts
    assert doc.text == "Kazakh-" + word + " and " + spaced + "\n"
    assert [(p.start, p.end) for p in parts] == [(0, len(doc.text) - 1)]


def test_2_a_megabyte_of_repeated_lines_is_read_whole(tmp_path: Path) -> None:
    line = "– having regard to its resolution of 15 March 2012 on Kazakhstan1, and the ‘Alga!’ case,\n"
    copies = MEGABYTE // len(line)
    path = tmp_path / "repeated.txt"
    path.write_text("The European Parliament,\n\n" + line * copies + "\n1 P7_TA(2012)0089.\n", encoding="utf-8")
    with _terminates():
        doc = read_document(path, max_chars=4 * MEGABYTE)
        structure = find_structure(doc)
    kinds = [p.kind.value for p in structure.parts]
    assert kinds == ["Citation"] * copies + ["Footnote"]
    assert (
        structure.parts[0].text
        == "– having regard to its resolution of 15 March 2012 on Kazakhstan, and the ‘Alga!’ case,"
    )


def test_2_a_document_past_max_chars_is_skipped_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "small.txt").write_text(_resolution("Anna Berg"))
    (tmp_path / "corpus" / "huge.txt").write_text("A. whereas " + "x " * 1000 + ";\n")
    out = tmp_path / "graph.ttl"
    code, stdout, err = _build(tmp_path / "corpus", "-o", out, "--max-chars", "1000", "--no-progress", "--no-validate")
    assert code == 0, err
    assert err.splitlines() == [
        f"whereas: skipped {tmp_path / 'corpus' / 'huge.txt'}: 2,013 characters, more than the limit of 1,000; "
        "split the document or raise --max-chars",
        "whereas: 1 of 2 files skipped",
    ]
    assert "1 document(s)" in stdout


# -- 3. One unreadable file stops a whole corpus ---------------------------------------------------


def _mixed_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a-good.txt").write_text(_resolution("Anna Berg"))
    (folder / "b-empty.txt").write_text("")
    (folder / "c-corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n")
    (folder / "d-good.txt").write_text(_resolution("Karl Holm", "Zenda Court of Appeal"))
    return folder


def test_3_a_folder_build_goes_on_past_unreadable_files(tmp_path: Path) -> None:
    corpus = _mixed_corpus(tmp_path / "corpus")
    out = tmp_path / "graph.trig"
    code, stdout, err = _build(corpus, "-o", out, "--no-progress", "--no-validate")
    assert code == 0
    assert err.splitlines() == [
        f"whereas: skipped {corpus / 'b-empty.txt'}: file is empty",
        f"whereas: skipped {corpus / 'c-corrupt.pdf'}: not a readable PDF: Stream has ended unexpectedly",
        "whereas: 2 of 4 files skipped",
    ]
    assert sorted(_graph_texts(out)) == ["a-good", "d-good"]
    assert stdout.startswith(f"{out}: 2 document(s)")


def test_3_strict_stops_at_the_first_unreadable_file(tmp_path: Path) -> None:
    corpus = _mixed_corpus(tmp_path / "corpus")
    out = tmp_path / "graph.trig"
    code, _, err = _build(corpus, "-o", out, "--no-progress", "--strict")
    assert code == 1 and not out.exists()
    assert err.splitlines() == [f"whereas: error: {corpus / 'b-empty.txt'}: file is empty"]


def test_3_a_corpus_of_nothing_readable_fails_naming_each_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("")
    (corpus / "b.txt").write_bytes(b"\x00\x01binary")
    code, _, err = _build(corpus, "-o", tmp_path / "g.ttl", "--no-progress")
    assert code == 1
    assert err.splitlines() == [
        f"whereas: skipped {corpus / 'a.txt'}: file is empty",
        f"whereas: skipped {corpus / 'b.txt'}: binary file, not text",
        "whereas: error: no document could be read (2 of 2 files skipped)",
    ]


# -- 4. The endpoint stalls under a few expensive queries -------------------------------------------


def _get(url: str, timeout: float = 120) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode("utf-8")


def _in_background(url: str) -> tuple[threading.Thread, list]:
    got: list = []
    thread = threading.Thread(target=lambda: got.append(_get(url)), daemon=True)
    thread.start()
    return thread, got


def test_4_the_query_page_never_waits_for_query_workers(sparql_server, mini_store_path: Path) -> None:
    base, _ = sparql_server(mini_store_path, timeout=60.0, workers=1)
    slow = [_in_background(f"{base}/sparql?query={quote(SLOW)}") for _ in range(6)]
    time.sleep(0.5)
    status, _, page = _get(base + "/", timeout=60)
    assert status == 200 and "<textarea" in page
    assert all(thread.is_alive() for thread, _ in slow)  # answered while every query still waits or runs


def test_4_cheap_queries_are_answered_while_expensive_ones_run(sparql_server, mini_store_path: Path) -> None:
    base, engine = sparql_server(mini_store_path, timeout=60.0, workers=2)
    slow = [_in_background(f"{base}/sparql?query={quote(SLOW)}") for _ in range(2)]
    time.sleep(1.0)
    status, _, body = _get(f"{base}/sparql?query={quote(CHEAP)}", timeout=60)
    assert (status, json.loads(body)["boolean"]) == (200, True)
    assert all(thread.is_alive() for thread, _ in slow)  # the cheap one did not wait for them
    assert engine.long_slots == 1


def test_4_the_deadline_counts_from_arrival(sparql_server, mini_store_path: Path) -> None:
    _, engine = sparql_server(mini_store_path, timeout=5.0, workers=1)
    pids = engine.worker_pids()
    answer = engine.query(
        CHEAP, result_type="application/sparql-results+json", graph_type=None, arrival=time.monotonic() - 5.0
    )  # it waited its whole time before it got here
    assert answer.status == 503
    assert dict(answer.headers)["Retry-After"] == "5"
    assert answer.body.decode().startswith("the server is busy: no query worker was free within the time limit")
    assert engine.worker_pids() == pids  # nothing was started for it


def test_4_workers_is_an_option_of_serve() -> None:
    help_text = runner.invoke(app, ["serve", "--help"], terminal_width=200).stdout
    assert "--workers" in help_text and "--timeout" in help_text


# -- 5. A store held by serve; a locked store found only after the NLP work -------------------------


def test_5_a_served_store_can_be_written_and_the_endpoint_sees_it(sparql_server, mini_store_path: Path) -> None:
    base, _ = sparql_server(mini_store_path, workers=1)
    count = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a wh:Document }"
    assert json.loads(_get(f"{base}/sparql?query={quote(count)}")[2])["results"]["bindings"][0]["n"]["value"] == "1"
    removed = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "remove", str(mini_store_path), "ep-2099-ruritania"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert removed.returncode == 0, removed.stderr
    assert json.loads(_get(f"{base}/sparql?query={quote(count)}")[2])["results"]["bindings"][0]["n"]["value"] == "0"


def test_5_a_store_being_written_is_found_before_any_nlp_work(
    tmp_path: Path, mini_store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.parallel

    loaded = []
    monkeypatch.setattr(pipeline.parallel, "load_nlp", lambda *a: loaded.append(a) or pytest.fail("NLP ran"))
    (tmp_path / "doc.txt").write_text(_resolution("Anna Berg"))
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
        out = tmp_path / "graph.ttl"
        code, _, err = _build(tmp_path / "doc.txt", "--store", mini_store_path, "-o", out, "--no-progress")
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert code == 1 and not out.exists() and loaded == []
    assert err.splitlines() == [
        f"whereas: error: {mini_store_path}: store is being written by another process "
        "(a build or a removal); try again when it is done"
    ]


# -- 6. No feedback without a terminal, none inside a long document ---------------------------------


def test_6_progress_without_a_terminal_is_plain_log_lines(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(_resolution("Anna Berg"))
    code, _, err = _build(tmp_path / "doc.txt", "-o", tmp_path / "g.ttl", "--no-validate")  # stderr: not a terminal
    assert code == 0
    assert "whereas: [1/1] doc.txt: done" in err.splitlines()
    assert err.splitlines()[-1] == "whereas: 1 of 1 documents annotated"


def test_6_a_long_document_shows_how_far_it_is(build_text) -> None:
    import io

    from pipeline.build import build_sources
    from pipeline.facts import SourceDocument
    from pipeline.progress import LogProgress

    text = clean(
        "The European Parliament,\n\n"
        + "".join(
            f"{chr(65 + i)}. whereas on {i + 1} May 2015 the journalist Anna Berg was arrested;\n\n" for i in range(8)
        )
    )
    log = io.StringIO()
    build_sources([SourceDocument("long", "long.txt", text)], progress=LogProgress(log, interval=0))
    lines = log.getvalue().splitlines()
    shares = [line for line in lines if "% of" in line]
    assert len(shares) >= 8 and shares[0].startswith("whereas: [1/1] long.txt: ")
    assert lines[-2:] == ["whereas: [1/1] long.txt: done", "whereas: 1 of 1 documents annotated"]


# -- 7. Control, bidi and zero-width characters pass into literals ----------------------------------

_HIDDEN = {"Cc", "Cf", "Cs"}


def _hidden(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in _HIDDEN and c not in "\n\t"]


def test_7_hidden_characters_do_not_reach_the_graph(build_text) -> None:
    r = build_text(
        "A. whereas on 4 May 2015 the journalist Anna Nov\u200dak was sentenced by the Strelsau City "
        "Court\x07 to three years in prison;\n\nB. whereas the \u202eblogger\u202c Anna Novak\u00ad "
        "appealed;\n\n1. Calls for the release of Anna No\u00advak;\n"
    )
    labels = sorted(a.label for a in r.actors.values())
    assert "Anna Novak" in labels and not any("Nov" in label and label != "Anna Novak" for label in labels)
    literals = [str(o) for o in r.dataset.objects() if isinstance(o, Literal)]
    assert [h for text in literals for h in _hidden(text)] == []


def test_7_every_format_round_trips_hostile_names(tmp_path: Path) -> None:
    name = 'ep-\u202e2099\u200b-\x01rurit\u0430nia <&>\u2028 "quoted".txt'
    (tmp_path / name).write_text(
        "The European Parliament,\n\nA. whereas on 4 May 2015 the journalist "
        "Anna Nov\u200dak\x0b was sentenced by the Strelsau City Court to three years "
        "in prison ‘for <“hooliganism”> & ]]>’;\u2029\n"
    )
    base = tmp_path / "graph.trig"
    code, _, err = _build(tmp_path / name, "-o", base, "--no-progress")
    assert code == 0, err
    built = Dataset(default_union=True)
    built.parse(base, format="trig")
    for suffix, fmt in (
        (".ttl", "turtle"),
        (".nt", "nt"),
        (".nq", "nquads"),
        (".jsonld", "json-ld"),
        (".rdf", "xml"),
        (".trig", "trig"),
    ):
        out = tmp_path / f"out{suffix}"
        exported = runner.invoke(app, ["export", str(base), "-o", str(out)])
        assert exported.exit_code == 0, exported.stderr
        if fmt == "xml":
            xml.dom.minidom.parse(str(out))  # well-formed
        back = Dataset(default_union=True)
        back.parse(out, format=fmt)
        assert isomorphic(_union(back), _union(built)), fmt
        for literal in (o for o in back.objects() if isinstance(o, Literal)):
            assert _hidden(str(literal)) == [], (fmt, str(literal))


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_7_rdf_xml_refuses_what_xml_cannot_carry(tmp_path: Path) -> None:
    source = tmp_path / "given.nt"
    source.write_text('<https://example.org/a> <https://example.org/p> "bell \\u0007 rings" .\n')
    out = tmp_path / "out.rdf"
    result = runner.invoke(app, ["export", str(source), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists() and not list(tmp_path.glob(".out.rdf*"))
    assert result.stderr == (
        f"whereas: error: {out}: cannot write RDF/XML: a literal holds U+0007, which XML "
        "cannot carry; write Turtle, N-Triples or JSON-LD instead\n"
    )


# -- 8. Errors users cannot act on --------------------------------------------------------------------


def test_8_a_malformed_query_is_answered_in_plain_words(sparql_server, mini_store_path: Path) -> None:
    base, _ = sparql_server(mini_store_path)
    status, _, body = _get(f"{base}/sparql?query={quote('SELECT ?x WHERE { ?x a foo:Person }')}")
    assert (status, body) == (
        400,
        "SPARQL syntax error: line 1, column 24, at “foo:Person”: the prefix foo: is "
        "not declared (add PREFIX foo: <…>)\n",
    )


def test_8_a_broken_turtle_file_says_where_and_why(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c\nex:d ex:e ex:f .\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"whereas: error: {path}: not valid turtle: line 3: expected '.' or '}}' or ']' at "
        "end of statement, near “ex:d ex:e ex:f .”\n"
    )


@pytest.mark.parametrize(("encoding", "named"), [("cp1252", "cp1252"), ("latin-1", "cp1252")])
def test_8_windows_and_latin1_reports_are_read_and_the_encoding_named(
    tmp_path: Path, encoding: str, named: str
) -> None:
    path = tmp_path / "report.txt"
    text = "Résolution: whereas the café owner Zoë Müller was arrested in Straße 5;\n"
    path.write_bytes(text.encode(encoding))
    notes: list[str] = []
    doc = read_document(path, on_note=notes.append)
    assert doc.text == text
    assert notes == [f"{path}: not UTF-8; read as {named} (detected; --encoding chooses another)"]


def test_8_encoding_can_be_forced_and_a_bad_one_is_refused_before_any_work(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("Résolution sur la Biélorussie; whereas Zoë was arrested;\n".encode("latin-1"))
    assert read_document(path, encoding="latin-1").text.startswith("Résolution sur la Biélorussie")
    result = runner.invoke(app, ["build", str(path), "--encoding", "utf-8", "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 1
    assert result.stderr == f"whereas: error: {path}: not utf-8 text (byte 0xe9 at offset 1)\n"
    result = runner.invoke(app, ["build", str(path), "--encoding", "klingon", "-o", str(tmp_path / "g.ttl")])
    assert result.stderr == "whereas: error: unknown encoding 'klingon' (--encoding); try utf-8, cp1252 or latin-1\n"


# -- 9. Leftovers -------------------------------------------------------------------------------------


def test_9_a_killed_writes_temporary_file_is_swept_on_the_next_write(tmp_path: Path) -> None:
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, tempfile; "
            f"tempfile.mkstemp(prefix='.graph.ttl.' + str(os.getpid()) + '.', suffix='.tmp', "
            f"dir={str(tmp_path)!r}); os.kill(os.getpid(), 9)",
        ],
        timeout=60,
    )
    assert killed.returncode == -9
    assert len(list(tmp_path.glob(".graph.ttl.*.tmp"))) == 1
    from pipeline.atomic import atomic_write_bytes

    atomic_write_bytes(tmp_path / "graph.ttl", b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_9_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.atomic import atomic_write_bytes

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(tmp_path / "graph.ttl", b"never")
    assert list(tmp_path.iterdir()) == []


def test_9_a_killed_store_build_is_reported_as_interrupted(tmp_path: Path, mini_trig: Path) -> None:
    store = tmp_path / "store"
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import os
        from pipeline.rdf.export import read_dataset
        from pipeline.rdf.store import DocumentRecord, Store
        st = Store.open({str(store)!r})
        doc = "{DOC}ep-2099-ruritania"
        records = [DocumentRecord(doc, "ep-2099-ruritania", "ep-2099-ruritania.txt", "/corpus/ep-2099-ruritania.txt", "a" * 64),
                   DocumentRecord("{DOC}ep-2099-other", "ep-2099-other", "ep-2099-other.txt", "/corpus/ep-2099-other.txt", "b" * 64)]
        with st.recording(records):
            st.load_documents(read_dataset({str(mini_trig)!r}), records[:1])
            os.kill(os.getpid(), 9)  # killed before the second document
    """),
        ],
        timeout=120,
    )
    assert killed.returncode == -9
    status = runner.invoke(app, ["status", str(store)])
    assert status.exit_code == 0, status.stderr
    lines = status.stdout.splitlines()
    assert lines[1].startswith("last build: interrupted, started ")
    assert lines[2] == "  1 of 2 document(s) stored before it was stopped; build again to finish"
    assert lines[3].split()[:2] == ["added", "ep-2099-ruritania"]
    assert lines[4].split()[:3] == ["not", "stored", "ep-2099-other"]


def test_9_trig_and_json_ld_do_not_depend_on_the_order_documents_are_given(tmp_path: Path) -> None:
    import itertools

    from pipeline.rdf.export import serialize

    graphs = {
        name: Graph().parse(
            data=f'<https://example.org/{name}> <https://example.org/p> "{name}" ; '
            f"<https://example.org/q> <https://example.org/shared> .",
            format="turtle",
        )
        for name in "abcd"
    }
    for fmt in ("trig", "json-ld"):
        outputs = set()
        for order in itertools.permutations("abcd"):
            ds = Dataset(default_union=True)
            for name in order:
                for triple in graphs[name]:
                    ds.graph(URIRef(f"{DOC}{name}")).add(triple)
            outputs.add(serialize(ds, fmt))
        assert len(outputs) == 1, (fmt, sorted(outputs))
    # and from the command line, given in two orders, each in its own process (its own hash seed)
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(_resolution(f"Anna {name.upper()}berg"))
    trig = {}
    for order, seed in (("abc", "1"), ("cba", "2")):
        out = tmp_path / f"{order}.trig"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline.cli",
                "build",
                *(str(tmp_path / f"{n}.txt") for n in order),
                "-o",
                str(out),
                "--no-progress",
                "--no-validate",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert done.returncode == 0, done.stderr
        trig[order] = out.read_bytes()
    assert trig["abc"] == trig["cba"]


def test_9_the_source_is_relative_to_the_corpus_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "sub" / "a.txt").write_text(_resolution("Anna Berg"))
    typed, absolute = tmp_path / "typed.nt", tmp_path / "absolute.nt"
    monkeypatch.chdir(tmp_path)
    assert _build("corpus", "-o", typed, "--no-progress", "--no-validate")[0] == 0
    monkeypatch.chdir(ROOT)
    assert _build(tmp_path / "corpus", "-o", absolute, "--no-progress", "--no-validate")[0] == 0
    assert typed.read_bytes() == absolute.read_bytes()
    assert '<http://purl.org/dc/terms/source> "sub/a.txt"' in typed.read_text()


def test_3_a_reader_tripping_on_an_odd_file_skips_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.read.html

    def trips(*_: object, **__: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pipeline.read.html.trafilatura, "extract", trips)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(_resolution("Anna Berg"))
    (corpus / "deep.html").write_text("<html><body>" + "<div>" * 10 + "text</body></html>")
    code, _, err = _build(corpus, "-o", tmp_path / "g.ttl", "--no-progress", "--no-validate")
    assert code == 0
    assert err.splitlines() == [
        f"whereas: skipped {corpus / 'deep.html'}: cannot be read (RecursionError: maximum recursion depth exceeded)",
        "whereas: 1 of 2 files skipped",
    ]
