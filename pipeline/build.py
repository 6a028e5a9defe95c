"""The main job: documents in, one RDF dataset out (read, structure, annotate, identify, resolve, graph)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from typing import TypeVar, cast

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.term import Node

from pipeline import DEFAULT_MODEL
from pipeline.cache import FactsCache, FactsSpool, GraphCache, TextCache, document_key
from pipeline.case import Source, fill_case_graph, link_events, reported_events
from pipeline.components.gazetteer import keep_lookups_in, load_cities
from pipeline.errors import InputError
from pipeline.facts import Actor, DocumentFacts, SourceDocument
from pipeline.identity import Identities, document_groups, resolve_identities
from pipeline.iri import DEFAULT_BASE, IriMinter
from pipeline.progress import Progress
from pipeline.rdf.build import DocumentGraph, document_graph
from pipeline.read import DEFAULT_MAX_CHARS, DocumentFile, corpus_files, read_document
from pipeline.read.text import Note
from pipeline.resolve import resolve_events, resolve_relations
from pipeline.vocab import PREFIXES, WH

T = TypeVar("T")

__all__ = [
    "BuildCounts",
    "BuildResult",
    "BuiltGraph",
    "Corpus",
    "Execution",
    "ReadOptions",
    "build_graph",
    "build_sources",
    "extract",
    "read_corpus",
    "stream_sources",
]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How documents are read: ``encoding`` forced (else detected), the longest text, and whether
    one unreadable file stops the build (``strict``) or is skipped."""

    encoding: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    strict: bool = False


@dataclass(frozen=True, slots=True)
class Corpus:
    """What was read: each document with its file, and the files skipped with their errors."""

    files: tuple[DocumentFile, ...]
    sources: tuple[SourceDocument, ...]
    skipped: tuple[InputError, ...] = ()

    @property
    def total(self) -> int:
        """Files found."""
        return len(self.sources) + len(self.skipped)

    def skipped_summary(self) -> str:
        """ "2 of 15 files skipped" (or "")."""
        return f"{len(self.skipped)} of {self.total} files skipped" if self.skipped else ""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """The built dataset and what went into it."""

    dataset: Dataset
    documents: tuple[DocumentGraph, ...]
    actors: dict[str, Actor]
    skipped: tuple[InputError, ...] = field(default=())

    def summary(self) -> str:
        events = sum(len(d.events) for d in self.documents)
        relations = sum(len(d.relations) for d in self.documents)
        return (
            f"{len(self.documents)} document(s), {len(self.actors)} actors, {events} events, "
            f"{relations} relations, {len(self.dataset)} triples"
        )


def _unexpected(path: Path, exc: Exception) -> InputError:
    """A reader's failure that is no InputError (a library tripping on an odd file), in one line."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else "no detail"
    return InputError(path, f"cannot be read ({type(exc).__name__}: {detail})")


def read_corpus(
    paths: list[Path],
    options: ReadOptions = ReadOptions(),
    *,
    progress: Progress | None = None,
    on_skip: Callable[[InputError], None] | None = None,
    on_note: Note | None = None,
    cache: Path | None = None,
) -> Corpus:
    """Read every document under ``paths``: a file that cannot be read is skipped (``on_skip`` is
    told) unless ``options.strict``, when its error stops the build. With ``cache`` (a folder),
    the text of a file read before with the same bytes is taken from there (see
    :class:`~pipeline.cache.TextCache`).

    Raises:
        InputError: A path given does not exist or holds no document; with ``strict``, the
            first file that cannot be read; without it, when no file at all can be read.
    """
    progress = progress or Progress()
    files = corpus_files(paths)
    texts = TextCache(cache) if cache is not None else None
    read: list[tuple[DocumentFile, SourceDocument]] = []
    skipped: list[InputError] = []
    for n, file in enumerate(files):
        progress.reading(n, len(files), str(file.path))
        try:
            read.append(
                (
                    file,
                    read_document(
                        file, encoding=options.encoding, max_chars=options.max_chars, on_note=on_note, texts=texts
                    ),
                )
            )
        except Exception as exc:  # an InputError, or a reader's own failure on an odd file: that file's too
            error = exc if isinstance(exc, InputError) else _unexpected(file.path, exc)
            if options.strict:
                if error is exc:
                    raise
                raise error from exc
            skipped.append(error)
            if on_skip is not None and len(files) > 1:  # a lone file's error is the build's
                on_skip(error)
    if texts is not None:
        texts.prune()
    if not read:
        if len(skipped) == 1:
            raise skipped[0]
        raise InputError(None, f"no document could be read ({len(skipped)} of {len(files)} files skipped)")
    return Corpus(tuple(f for f, _ in read), tuple(s for _, s in read), tuple(skipped))


@dataclass(frozen=True, slots=True)
class Execution:
    """Where and how the per-document stage runs: ``jobs`` processes here (None: as many as the
    work is worth, see :func:`~pipeline.parallel.auto_jobs`), or the Dask scheduler at ``dask``;
    with ``cache`` (a folder), facts of documents annotated before are reused."""

    jobs: int | None = 1
    dask: str | None = None
    cache: Path | None = None


def extract(
    sources: Iterable[SourceDocument],
    model: str | None = None,
    progress: Progress | None = None,
    execution: Execution = Execution(),
) -> list[DocumentFacts]:
    """Structure and annotate documents that have been read: per document, nothing shared.

    Documents whose facts ``execution.cache`` holds are not annotated again; the others go
    to the model in this process, in ``execution.jobs`` processes, or to a Dask cluster, and
    their facts into the cache. ``progress`` hears of each document (and, in this process,
    of each part annotated, so a long document shows how far it is).
    """
    progress = progress or Progress()
    sources = list(sources)
    store = FactsCache(execution.cache, model or DEFAULT_MODEL) if execution.cache is not None else None
    if store is not None:  # the lookup tables (GeoNames cities, given names), built once, read by later builds
        keep_lookups_in(store.folder)
    facts: list[DocumentFacts | None] = [None] * len(sources)
    todo: list[int] = []
    for n, source in enumerate(sources):
        facts[n] = store.get(source) if store is not None else None
        if facts[n] is None:
            todo.append(n)
    for n, source in enumerate(sources):
        if facts[n] is not None:
            progress.cached(source)
    pending = [sources[n] for n in todo]
    found: Iterator[DocumentFacts] = iter(())
    if pending:  # (all from the cache: not even spaCy is loaded)
        found = _annotate(pending, model, progress, execution, store)
    for n, result in zip(todo, found, strict=True):
        facts[n] = result
        progress.document_done(sources[n])
        if store is not None:
            store.put(sources[n], result)
    if store is not None:
        store.prune()
    for n, source in enumerate(sources):  # one copy of each text: facts from the cache or another
        done = facts[n]  # process carry an equal copy of the document read here
        if done is not None and done.document is not source and done.document == source:
            done.document = source
    return cast(list[DocumentFacts], facts)


def _annotate(
    pending: list[SourceDocument],
    model: str | None,
    progress: Progress,
    execution: Execution,
    store: FactsCache | None,
) -> Iterator[DocumentFacts]:
    """The facts of the documents no cache holds: annotated here, in ``execution.jobs`` processes or on
    a Dask cluster (spaCy and the model are loaded only now)."""
    from pipeline.parallel import annotate_dask, annotate_local, annotate_parallel, auto_jobs

    jobs = min(execution.jobs if execution.jobs is not None else auto_jobs(pending), len(pending))
    if execution.dask is not None or jobs > 1:
        for source in pending:  # annotated elsewhere: each document is seen done, not part by part
            progress.queued(source, len(source.text))
        if execution.dask is not None:
            return annotate_dask(pending, model, execution.dask)
        if store is not None:  # built (or read) once here, then read by each worker
            load_cities()
        return annotate_parallel(pending, model, jobs, store.folder if store is not None else None)
    return annotate_local(pending, model, progress)


def build_graph(
    paths: list[Path],
    *,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    min_confidence: float = 0.0,
    options: ReadOptions = ReadOptions(),
    progress: Progress | None = None,
    execution: Execution = Execution(),
) -> BuildResult:
    """Build the graph of the documents under ``paths``: one named graph per document.

    Files that cannot be read are skipped (see :func:`read_corpus`) and listed in the result.
    """
    corpus = read_corpus(paths, options, progress=progress)
    result = build_sources(
        list(corpus.sources),
        base=base,
        model=model,
        min_confidence=min_confidence,
        progress=progress,
        execution=execution,
    )
    return BuildResult(result.dataset, result.documents, result.actors, corpus.skipped)


def build_sources(
    sources: list[SourceDocument],
    *,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    min_confidence: float = 0.0,
    progress: Progress | None = None,
    execution: Execution = Execution(),
) -> BuildResult:
    """Build the graph of documents already read (the cleaned text of each), in memory: one
    ``Dataset`` (see :func:`stream_sources` for a build that hands each graph over as it is made)."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)

    def into_dataset(built: BuiltGraph) -> None:
        target = ds.graph(built.graph.identifier)
        for triple in built.graph:
            target.add(triple)

    documents: list[DocumentGraph] = []
    counts = stream_sources(
        sources,
        [into_dataset],
        base=base,
        model=model,
        min_confidence=min_confidence,
        progress=progress,
        execution=execution,
        documents=documents,
    )
    return BuildResult(ds, tuple(documents), counts.actors)


class BuiltGraph:
    """A named graph as the build makes it, handed to what writes, checks or stores it.

    ``local(node)`` is true of the nodes no other graph holds; ``context`` holds triples of other
    graphs that this graph's nodes point to and that reading it needs (for the case graph: the
    class of each event it links), never part of the graph itself.

    The graph is made when first asked for. What a sink makes of it (the statements it writes,
    its shape messages) it asks for with :meth:`derived`: a document whose graph an earlier build
    made from the same facts, actors and settings answers from the cache, and its graph is not
    built at all.
    """

    __slots__ = ("_fresh", "_graph", "_make", "context", "doc_id", "local", "memo", "name")

    def __init__(
        self,
        name: str,
        make: Callable[[], Graph],
        local: Callable[[Node], bool],
        doc_id: str | None = None,  # None: the case graph
        context: Graph | None = None,
        memo: dict[str, object] | None = None,
    ) -> None:
        self.name, self.local, self.doc_id, self.context = name, local, doc_id, context
        self.memo: dict[str, object] = memo if memo is not None else {}
        self._make, self._graph, self._fresh = make, cast(Graph | None, None), False

    @property
    def graph(self) -> Graph:
        if self._graph is None:
            self._graph = self._make()
        return self._graph

    def derived(self, name: str, make: Callable[[Graph], T]) -> T:
        """What ``make`` makes of the graph: kept under ``name`` (it must be picklable and depend
        on the graph alone), so the next build of an unchanged document reads it back."""
        if name not in self.memo:
            self.memo[name] = make(self.graph)
            self._fresh = True
        return cast(T, self.memo[name])

    @property
    def fresh(self) -> bool:
        """Whether something was derived that the cache did not hold."""
        return self._fresh


@dataclass(frozen=True, slots=True)
class BuildCounts:
    """What a streamed build made."""

    documents: int
    actors: dict[str, Actor]
    events: int
    relations: int
    triples: int  # distinct triples of all graphs

    def summary(self) -> str:
        return (
            f"{self.documents} document(s), {len(self.actors)} actors, {self.events} events, "
            f"{self.relations} relations, {self.triples} triples"
        )


def _own_and_shared(graph: Graph, local: Callable[[Node], bool]) -> tuple[int, list[str]]:
    """How many triples of ``graph`` are about nodes no other graph holds, and the others (as
    N-Triples statements: one string for one triple)."""
    shared = [f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph if not local(s)]
    return len(graph) - len(shared), shared


def _document_groups(facts: DocumentFacts, graphs: GraphCache) -> list[list[int]]:
    """A document's mentions grouped within it (:func:`~pipeline.identity.document_groups`),
    kept in the cache under its text's key."""
    key = hashlib.sha256(b"groups\0" + document_key(facts.document).encode()).hexdigest()
    kept = graphs.get(key).get("groups")
    if isinstance(kept, list):
        return kept
    groups = document_groups(facts)
    graphs.put(key, {"groups": groups})
    return groups


def _graph_key(
    source: SourceDocument,
    keys: list[str | None],
    forms: dict[str, set[str]],
    author: str | None,
    signers: tuple[str, ...],
    actors: dict[str, Actor],
    settings: tuple[str, float, str],
) -> str:
    """The digest of everything a document's graph is made from: its text (whose facts the cache
    folder's code made), the actor identity gave each of its mentions and those actors as identity
    left them, the names it uses, its author and signers, and the build's settings (base, least
    confidence, model). Its events and relations are resolved from these alone, so a document
    whose key the cache holds is neither resolved nor built again."""
    named = sorted({key for key in keys if key is not None} | set(signers) | ({author} if author else set()))
    made_of = (
        document_key(source),
        keys,
        sorted((key, sorted(names)) for key, names in forms.items()),
        author,
        signers,
        [actors[key] for key in named],
        settings,
    )
    return hashlib.sha256(repr(made_of).encode("utf-8")).hexdigest()


def _resolved(
    read: Callable[[], DocumentFacts],
    keys: list[str | None],
    forms: dict[str, set[str]],
    author: str | None,
    signers: tuple[str, ...],
    actors: dict[str, Actor],
) -> DocumentGraph:
    """A document's events and relations in terms of the corpus's actors (its facts read now)."""
    facts = read()
    return DocumentGraph(
        facts.document,
        facts.structure,
        tuple(resolve_events(facts, keys, actors, author, signers)),
        tuple(resolve_relations(facts, keys, actors)),
        forms,
        author,
        signers,
    )


def _graph_of(
    resolve: Callable[[], DocumentGraph], actors: dict[str, Actor], minter: IriMinter, min_confidence: float, model: str
) -> Graph:
    return document_graph(resolve(), actors, minter, min_confidence, model)


def stream_sources(
    sources: list[SourceDocument],
    sinks: Sequence[Callable[[BuiltGraph], None]],
    *,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    min_confidence: float = 0.0,
    progress: Progress | None = None,
    execution: Execution = Execution(),
    cases: bool = True,
    documents: list[DocumentGraph] | None = None,
) -> BuildCounts:
    """Build the graphs of documents already read and hand each to every sink as it is made: one
    named graph per document, in the order of ``sources``, then (with ``cases`` and more than one
    document) the case graph. A graph is forgotten once the sinks have it, and the documents'
    facts, which identity needs all at once, are then kept on disk (:class:`~pipeline.cache.FactsSpool`)
    and read back one at a time: memory never holds the whole dataset.

    ``documents``, if given, receives each document's :class:`DocumentGraph`.
    """
    progress = progress or Progress()
    progress.start(len(sources))
    try:
        corpus = extract(sources, model, progress, execution)
    finally:
        progress.close()
    model = model or DEFAULT_MODEL
    kept = FactsCache(execution.cache, model) if execution.cache is not None else None
    graphs = GraphCache(kept) if kept is not None else None
    within = [_document_groups(facts, graphs) for facts in corpus] if graphs is not None else None
    ids = resolve_identities(corpus, within)
    with FactsSpool(kept) as spool:  # from here on, one document's facts at a time
        spool.extend(corpus)
        del corpus
        return _stream_documents(sources, spool, ids, sinks, base, min_confidence, model, graphs, cases, documents)


def _stream_documents(
    sources: list[SourceDocument],
    spool: FactsSpool,
    ids: Identities,
    sinks: Sequence[Callable[[BuiltGraph], None]],
    base: str,
    min_confidence: float,
    model: str,
    graphs: GraphCache | None,
    cases: bool,
    documents: list[DocumentGraph] | None,
) -> BuildCounts:
    """The per-document stage of :func:`stream_sources`: each document's events and relations
    resolved, its graph made and handed over, then the case graph."""
    minter = IriMinter(base)
    reports: list[Source] = []
    events = relations = own_triples = 0
    shared: set[str] = set()  # triples about nodes several graphs may hold

    def hand_over(built: BuiltGraph) -> None:
        nonlocal own_triples
        own, shared_triples = built.derived("triples", lambda g: _own_and_shared(g, built.local))
        own_triples += own
        shared.update(shared_triples)
        if cases and built.doc_id is not None:  # what linking needs of each reported event
            reports.extend(built.derived("reports", lambda g: [replace(r, evidence=()) for r in reported_events(g)]))
        for sink in sinks:
            sink(built)

    settings = (base, min_confidence, model)
    for n, (source, keys, forms, author, signers) in enumerate(
        zip(sources, ids.keys, ids.forms, ids.authors, ids.signers, strict=True)
    ):
        resolve = cache(partial(_resolved, partial(spool.__getitem__, n), keys, forms, author, signers, ids.actors))
        key = _graph_key(source, keys, forms, author, signers, ids.actors, settings) if graphs is not None else ""
        memo = graphs.get(key) if graphs is not None else {}
        counted = memo.get("counts")
        if not isinstance(counted, tuple) or documents is not None:
            doc = resolve()
            counted = memo["counts"] = (len(doc.events), len(doc.relations))
            if documents is not None:
                documents.append(doc)
        events += counted[0]
        relations += counted[1]
        built = BuiltGraph(
            str(minter.document(source.doc_id)),
            partial(_graph_of, resolve, ids.actors, minter, min_confidence, model),
            minter.own_nodes(source.doc_id),
            source.doc_id,
            memo=memo,
        )
        hand_over(built)
        if graphs is not None and (built.fresh or resolve.cache_info().currsize):
            graphs.put(key, built.memo)
    if graphs is not None:
        graphs.prune()
    if cases and len(sources) > 1:
        linked = link_events(reports, minter, across_documents=True)
        if linked:
            case_graph = Graph(identifier=minter.case_graph())
            fill_case_graph(case_graph, linked, minter)
            context = Graph()
            for ev in linked:
                for src in ev.sources:
                    context.add((URIRef(src.event), RDF.type, WH[src.type]))
            hand_over(BuiltGraph(str(case_graph.identifier), lambda: case_graph, minter.own_nodes(None), None, context))
    return BuildCounts(len(sources), ids.actors, events, relations, own_triples + len(shared))
