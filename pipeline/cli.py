"""The ``whereas`` command: one thin command per verb."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer

from pipeline.errors import StoreError, WhereasError
from pipeline.iri import DEFAULT_BASE
from pipeline.read import DEFAULT_MAX_CHARS

__all__ = ["app", "main"]

app = typer.Typer(
    name="whereas",
    help="Build knowledge graphs of actors and events from resolutions and human-rights reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(exc: WhereasError) -> None:
    typer.echo(f"whereas: error: {exc}", err=True)
    raise typer.Exit(code=1)


def _say(line: str) -> None:
    typer.echo(f"whereas: {line}", err=True)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Documents (.txt, .pdf, .html) or folders of them.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Graph file; format from the suffix: .ttl .trig .nt .nq .jsonld. Default: output/graph.ttl unless --store is given.",
        ),
    ] = None,
    store: Annotated[
        Path | None, typer.Option("--store", help="Add to (or update in) a persistent Oxigraph store.")
    ] = None,
    base: Annotated[str, typer.Option("--base", help="Base IRI of minted identifiers.")] = DEFAULT_BASE,
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy model to load (default: the pinned en_core_web_sm mirror).")
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop events and relations below this confidence."),
    ] = 0.0,
    validate: Annotated[
        bool, typer.Option("--validate/--no-validate", help="Check the graph against the ontology's SHACL shapes.")
    ] = True,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show progress: a bar on a terminal, log lines otherwise.")
    ] = True,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Stop at the first file that cannot be read (default: skip it, name it, go on)."),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Let a document replace a stored one with the same id read from another file."),
    ] = False,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="Encoding of .txt and .html files (default: UTF-8, else detected and named)."),
    ] = None,
    max_chars: Annotated[
        int,
        typer.Option("--max-chars", min=1, help="Longest document accepted, in characters; longer ones are skipped."),
    ] = DEFAULT_MAX_CHARS,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes annotating documents in parallel (default: the machine's cores, at most 8, one per 20,000 words).",
        ),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            help="Keep each document's annotations here and re-annotate only new or changed documents (default with --store: in the store's folder).",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask", help="Annotate on the Dask cluster whose scheduler is at this address (tcp://HOST:8786)."
        ),
    ] = None,
) -> None:
    """Read documents and build their graph: one named graph per document.

    A file that cannot be read is named and skipped, and the graph of the rest is
    built (exit status 0); --strict stops at the first instead.
    """
    from pipeline.build import BuiltGraph, Execution, ReadOptions, read_corpus, stream_sources
    from pipeline.progress import progress_for
    from pipeline.rdf.export import GraphWriter, rdf_format
    from pipeline.read.text import check_encoding

    if output is None and store is None:
        output = Path("output/graph.ttl")
    try:
        # everything that can be refused is refused before any document is read
        if output is not None:
            rdf_format(output)
        if encoding is not None:
            encoding = check_encoding(encoding)
        _check_base(base)
        with contextlib.ExitStack() as stack:
            st = None
            if store is not None:
                from pipeline.rdf.store import Store

                st = stack.enter_context(Store.open(store))
            if cache is None and store is not None:
                cache = store / "whereas" / "cache"
            reporter = progress_for(progress)
            corpus = read_corpus(
                paths,
                ReadOptions(encoding, max_chars, strict),
                progress=reporter,
                on_skip=lambda exc: _say(f"skipped {exc}"),
                on_note=lambda note: _say(f"note: {note}"),
                cache=cache,
            )
            records = []
            if st is not None:
                from pipeline.iri import IriMinter
                from pipeline.rdf.store import DocumentRecord, text_digest

                minter = IriMinter(base)
                records = [
                    DocumentRecord(
                        str(minter.document(s.doc_id)), s.doc_id, s.path, os.path.abspath(f.path), text_digest(s.text)
                    )
                    for f, s in zip(corpus.files, corpus.sources, strict=True)
                ]
                if not replace:
                    problems = st.conflicts(records)
                    for line in problems[1:]:
                        _say(f"error: {store}: {line}")
                    if problems:
                        raise StoreError(store, problems[0])
                stack.enter_context(st.recording(records, [str(e) for e in corpus.skipped]))
            # each graph goes to the file, the shapes and the store as it is made, then is forgotten
            sinks = []
            writer = None
            if output is not None:
                writer = stack.enter_context(GraphWriter(output))
                written = f"written-{writer.format}"  # what the file holds of a graph, kept for a rebuild
                sinks.append(
                    lambda built: writer.add_prepared(
                        built.name, built.derived(written, lambda g: writer.prepare(g, built.local))
                    )
                )
            messages: set[str] = set()
            if validate:
                from pipeline.rdf.validate import validate_graph

                def check(built: BuiltGraph) -> None:
                    messages.update(built.derived("shapes", lambda g: validate_graph(g, built.context).messages))

                sinks.append(check)
            loader = None
            if st is not None:
                loader = st.loader(records, replace=replace)
                sinks.append(
                    lambda built: (
                        loader.add_ntriples(built.name, built.derived("ntriples", loader.ntriples))
                        if built.doc_id is not None
                        else None
                    )
                )
            counts = stream_sources(
                list(corpus.sources),
                sinks,
                base=base,
                model=model,
                min_confidence=min_confidence,
                progress=reporter,
                execution=Execution(jobs, dask, cache),
            )
            for line in sorted(messages):
                _say(f"shape violation: {line}")
            if writer is not None:
                writer.close()
                typer.echo(f"{output}: {counts.summary()}")
            if st is not None and loader is not None:
                changed = loader.finish()  # a store holds document graphs only: the case graph stays out
                typer.echo(
                    f"{store}: {changed} document graph(s) added, replaced or removed; "
                    f"{len(st.documents())} in the store"
                )
            if corpus.skipped:
                _say(corpus.skipped_summary())
    except WhereasError as exc:
        _fail(exc)


def _check_base(base: str) -> None:
    """A base IRI must be absolute and free of characters an IRI cannot hold."""
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    if (
        not parts.scheme
        or not (parts.netloc or parts.path)
        or any(c in base for c in ' <>"{}|\\^`')
        or any(ord(c) < 0x21 for c in base)
    ):
        raise WhereasError(None, f"--base {base!r} is not an absolute IRI (like https://example.org/kg/)")


@app.command()
def query(
    target: Annotated[Path, typer.Argument(help="A graph file or a store folder.")],
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or a file (.rq) holding one.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, tsv, json; for CONSTRUCT/DESCRIBE: turtle, nt, jsonld")
    ] = "table",
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help='NAME=VALUE: bind the query\'s ?NAME to the string VALUE (repeatable), e.g. --param name="Vladimir Kozlov"',
        ),
    ] = None,
) -> None:
    """Run a SPARQL query (wh:, rdfs:, skos:, xsd:, schema:, prov:, dcterms: are predeclared)."""
    from pipeline.rdf.query import parse_params, run_query

    try:
        typer.echo(run_query(target, sparql, fmt, parse_params(param or [])), nl=False)
    except WhereasError as exc:
        _fail(exc)


@app.command()
def case(
    name: Annotated[str, typer.Argument(help="The person's name (the label or another name the graph has).")],
    target: Annotated[Path, typer.Argument(help="A graph file or a store folder.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, markdown, csv or json")] = "table",
) -> None:
    """The person's case: every event about them in date order, each with the documents that
    report it, and the values those documents disagree on side by side."""
    from pipeline.case import FORMATS, format_timeline, load_timeline

    try:
        if fmt not in FORMATS:
            raise WhereasError(None, f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
        typer.echo(format_timeline(load_timeline(target, name), fmt), nl=False)
    except WhereasError as exc:
        _fail(exc)


@app.command()
def export(
    source: Annotated[Path, typer.Argument(help="A graph file.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Target file; format from the suffix.")],
) -> None:
    """Convert a graph to another RDF format (.ttl .trig .nt .nq .jsonld)."""
    from pipeline.rdf.export import read_dataset, write_dataset

    try:
        write_dataset(read_dataset(source), output)
        typer.echo(str(output))
    except WhereasError as exc:
        _fail(exc)


@app.command("validate")
def validate_cmd(
    source: Annotated[Path, typer.Argument(help="A graph file.")],
) -> None:
    """Check a graph against the SHACL shapes of ontology/shapes.ttl."""
    from pipeline.rdf.export import read_dataset
    from pipeline.rdf.validate import validate_graph

    try:
        report = validate_graph(read_dataset(source))
    except WhereasError as exc:
        _fail(exc)
    for line in report.messages:
        typer.echo(line)
    typer.echo(f"{source}: {'conforms' if report.conforms else 'does not conform'}")
    if not report.conforms:
        raise typer.Exit(code=1)


@app.command()
def viz(
    source: Annotated[Path, typer.Argument(help="A graph file.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help=".html .graphml .gexf .png .svg")] = None,
    focus: Annotated[
        str | None, typer.Option("--focus", help="Only the neighbourhood of this actor (label or alias).")
    ] = None,
    hops: Annotated[int, typer.Option("--hops", min=0, help="Neighbourhood size for --focus.")] = 1,
    types: Annotated[
        str | None, typer.Option("--types", help="Comma-separated actor types to keep, e.g. Person,Court")
    ] = None,
    stats: Annotated[bool, typer.Option("--stats", help="Print the most central actors as a table.")] = False,
) -> None:
    """Draw the network of actors: who did what to whom."""
    from pipeline.viz.command import run_viz

    try:
        typer.echo(
            run_viz(
                source,
                output=output,
                focus=focus,
                hops=hops,
                types=[t.strip() for t in types.split(",") if t.strip()] if types else None,
                stats=stats,
            ),
            nl=False,
        )
    except WhereasError as exc:
        _fail(exc)


@app.command()
def evaluate(
    graph: Annotated[Path, typer.Argument(help="A built graph file (.ttl .trig .nt .nq .jsonld) or a store folder.")],
    gold: Annotated[
        list[Path],
        typer.Argument(help="Gold annotation files (docs/gold-format.md); each pairs with the document it names."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON.")] = False,
    summary: Annotated[bool, typer.Option("--summary", help="Only one line per document and the means.")] = False,
    min_f1: Annotated[
        float, typer.Option("--min-f1", min=0.0, max=1.0, help="Exit 1 when the mean overall fact F1 is under this.")
    ] = 0.0,
) -> None:
    """Score a graph against gold annotations: precision, recall, F1 per document and their means."""
    import json

    from pipeline.evaluate import evaluate as run_evaluation
    from pipeline.evaluate import format_report

    try:
        result = run_evaluation(graph, gold)
    except WhereasError as exc:
        _fail(exc)
    for path, why in result.skipped:
        typer.echo(f"whereas: note: {path}: {why}; skipped", err=True)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_report(result, summary=summary), nl=False)
    if result.overall_f1 < min_f1:
        typer.echo(f"whereas: overall fact F1 {result.overall_f1:.3f} is under --min-f1 {min_f1}", err=True)
        raise typer.Exit(code=1)


@app.command()
def serve(
    store: Annotated[Path, typer.Argument(help="A store folder made by `whereas build --store`.")],
    host: Annotated[str, typer.Option("--host", help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 3030,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0.1,
            help="Seconds from a request's arrival to its answer; a query that cannot start or finish by then is answered 503.",
        ),
    ] = 30.0,
    max_results: Annotated[int, typer.Option("--max-results", help="Rows or triples a query may return.")] = 100_000,
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Accept SPARQL UPDATE.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Queries that may run at once (worker processes).")
    ] = 2,
) -> None:
    """Serve a store as a SPARQL 1.1 endpoint at /sparql, with a query page at /.

    The store stays open to `whereas build --store` and `whereas remove` while it is
    served; the endpoint sees their changes without a restart.
    """
    from pipeline.rdf.endpoint import serve as serve_store

    try:
        serve_store(
            store,
            host=host,
            port=port,
            timeout=timeout,
            max_results=max_results,
            allow_update=allow_update,
            workers=workers,
        )
    except WhereasError as exc:
        _fail(exc)


@app.command()
def remove(
    store: Annotated[Path, typer.Argument(help="A store folder.")],
    documents: Annotated[list[str], typer.Argument(help="Document IRIs, ids or source paths to remove.")],
) -> None:
    """Remove documents (their named graphs) from a store."""
    from pipeline.rdf.store import Store

    try:
        with Store.open(store, create=False) as st:
            for doc in documents:
                n = st.remove_document(doc)
                typer.echo(f"{doc}: {n} triple(s) removed")
    except WhereasError as exc:
        _fail(exc)


@app.command()
def status(
    store: Annotated[Path, typer.Argument(help="A store folder.")],
) -> None:
    """Show what a store holds and how its last build went (complete, failed or interrupted)."""
    from pipeline.rdf.store import store_status

    try:
        typer.echo(store_status(store), nl=False)
    except WhereasError as exc:
        _fail(exc)


def main() -> None:
    """The ``whereas`` console script: run the command, then end the process without the
    interpreter's teardown.

    Freeing a loaded spaCy pipeline and a build's objects one by one at exit takes a quarter of a
    second, a seventh of a rebuild after one changed document. Standard streams are flushed and
    the exit handlers run (temporary files, logging) as at a normal exit; an exit with a message
    rather than a status, or with other threads still running, ends the normal way.
    """
    try:
        app()
        code = 0
    except SystemExit as exc:
        others = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
        if not (exc.code is None or isinstance(exc.code, int)) or others:
            raise
        code = exc.code or 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: what Python's own exit reports as status 120
            code = code or 120
    atexit._run_exitfuncs()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
