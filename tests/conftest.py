"""Shared fixtures: the only place tests get models, documents and graphs from."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "examples" / "ep-2013-kazakhstan.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


# -- SPARQL: query, store, endpoint -------------------------------------------------

MINI_TRIG = DATA / "mini.trig"


@pytest.fixture(scope="session")
def mini_trig() -> Path:
    """The hand-written one-document graph (TriG) in the shape `whereas build` produces."""
    return MINI_TRIG


@pytest.fixture()
def mini_dataset():
    """A fresh rdflib Dataset of ``tests/data/mini.trig`` (tests may change it)."""
    from pipeline.rdf.export import read_dataset

    return read_dataset(MINI_TRIG)


@pytest.fixture()
def mini_store_path(tmp_path: Path) -> Path:
    """A closed Oxigraph store folder holding the document of ``tests/data/mini.trig``."""
    from pipeline.rdf.export import read_dataset
    from pipeline.rdf.store import Store

    path = tmp_path / "store"
    with Store.open(path) as st:
        st.load_documents(read_dataset(MINI_TRIG))
    return path


# -- Read and Structure: documents as read, test inputs -----------------------------

READ_DATA = DATA / "read"


@pytest.fixture(scope="session")
def read_data() -> Path:
    """The folder of Read/Structure test inputs: PDFs, HTML pages, a report, bad files."""
    return READ_DATA


@pytest.fixture(scope="session")
def sample_doc():
    """The sample resolution as read and cleaned (a SourceDocument)."""
    from pipeline.read import read_document

    return read_document(SAMPLE)


@pytest.fixture()
def sparql_server():
    """Start real SPARQL endpoints on free local ports: ``sparql_server(store, **options) -> (base URL, engine)``.

    Each runs in a background thread (waitress) with its worker processes, stopped at teardown.
    """
    from contextlib import ExitStack

    from pipeline.rdf.endpoint import create_app, running

    with ExitStack() as stack:

        def start(store, **options):
            app = create_app(store, **options)
            engine = app.extensions["whereas"]
            stack.callback(engine.close)
            return stack.enter_context(running(app)), engine

        yield start


# -- Ontology, shapes and validation --------------------------------------------------

ONTOLOGY_TTL = ROOT / "ontology" / "whereas.ttl"


@pytest.fixture(scope="session")
def ontology_graph():
    """``ontology/whereas.ttl`` parsed (shared: tests must not change it)."""
    from rdflib import Graph

    return Graph().parse(ONTOLOGY_TTL, format="turtle")


# -- Extraction: the spaCy pipeline, built graphs of composed texts and of the sample ---


@pytest.fixture(scope="session")
def nlp():
    """The whereas spaCy pipeline on the pinned English model (loaded once)."""
    from pipeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def build_text(nlp):
    """``build_text(text, name="ep-2099-test")``: the BuildResult of one document given as text."""
    from pipeline.build import build_sources
    from pipeline.facts import SourceDocument
    from pipeline.read.cleanup import clean

    def build(text: str, name: str = "ep-2099-test", **options):
        source = SourceDocument(name, f"{name}.txt", clean(text))
        return build_sources([source], **options)

    return build


@pytest.fixture(scope="session")
def sample_build(nlp):
    """The sample resolution built (a BuildResult), once per session, named as the README's
    command names it (``examples/…`` from the repository root)."""
    import os

    from pipeline.build import build_graph

    return build_graph([Path(os.path.relpath(SAMPLE, ROOT))]) if Path.cwd() == ROOT else build_graph([SAMPLE])


EXAMPLES = ROOT / "examples"
EXAMPLES_GOLD = EXAMPLES / "gold"


@pytest.fixture(scope="session")
def examples_gold() -> Path:
    """The folder of the example documents' gold annotations (``examples/gold/<document>.json``)."""
    return EXAMPLES_GOLD


@pytest.fixture(scope="session")
def example_build(nlp):
    """``example_build(name)``: the BuildResult of ``examples/<name>.txt`` built alone (once per session)."""
    from pipeline.build import build_graph

    built: dict[str, object] = {}

    def build(name: str):
        if name not in built:
            built[name] = build_graph([EXAMPLES / f"{name}.txt"])
        return built[name]

    return build


#: three short documents of ``examples/`` (two of them on one case): a corpus for the build's
#: execution tests (cache, --jobs, Dask), whose outputs must not differ
SMALL_CORPUS = ("case-kyrgyzstan-news.txt", "dev-news-wire-iran.txt", "case-kyrgyzstan-ngo-update.txt")


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    """A folder holding copies of :data:`SMALL_CORPUS` (tests may edit them)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in SMALL_CORPUS:
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    return folder


@pytest.fixture(scope="session")
def examples_build(nlp):
    """Every document of ``examples/`` built together (a BuildResult), as the README's main command
    builds them (``examples/`` from the repository root), once per session."""
    import os

    from pipeline.build import build_graph

    return build_graph([Path(os.path.relpath(EXAMPLES, ROOT))]) if Path.cwd() == ROOT else build_graph([EXAMPLES])


GOLDEN_GRAPH = ROOT / "output" / "graph.ttl"


@pytest.fixture(scope="session")
def golden_graph() -> Path:
    """The committed graph of ``examples/`` (``output/graph.ttl``): what a build must reproduce."""
    return GOLDEN_GRAPH


# -- Actor network: projection, exports, the interactive page in a real browser --------

VIZ_GRAPH = DATA / "viz" / "graustark.trig"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def viz_graph() -> Path:
    """The hand-written two-document graph of invented actors (TriG) for the network tests."""
    return VIZ_GRAPH


@pytest.fixture(scope="session")
def sample_graph() -> Path:
    """The committed graph of ``examples/``, the sample among them (``output/graph.ttl``); skips while it
    is not there."""
    path = ROOT / "output" / "graph.ttl"
    if not path.exists():
        pytest.skip(f"{path} not built yet")
    return path


@pytest.fixture(scope="session")
def chromium_browser():
    """Debian's headless chromium driven by playwright (never `playwright install`).

    Skips when chromium or playwright is missing, unless WHEREAS_REQUIRE_BROWSER=1 (CI): then fails.
    """
    import os

    required = os.environ.get("WHEREAS_REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        if required:
            pytest.fail(f"WHEREAS_REQUIRE_BROWSER=1 but playwright cannot be imported: {exc}")
        pytest.skip("playwright is not installed")
    if not CHROMIUM.exists():
        if required:
            pytest.fail(f"WHEREAS_REQUIRE_BROWSER=1 but {CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
