"""The main job: documents in, one RDF dataset out (read, structure, annotate, identify, resolve, graph)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from rdflib import Dataset
from spacy.language import Language

from pipeline.doc_to_facts import annotate
from pipeline.errors import InputError
from pipeline.facts import Actor, DocumentFacts, DocumentStructure, SourceDocument
from pipeline.identity import resolve_identities
from pipeline.iri import DEFAULT_BASE, IriMinter
from pipeline.nlp import DEFAULT_MODEL, load_nlp
from pipeline.progress import Progress
from pipeline.rdf.build import DocumentGraph, build_dataset
from pipeline.read import DEFAULT_MAX_CHARS, DocumentFile, corpus_files, read_document
from pipeline.read.text import Note
from pipeline.resolve import resolve_events, resolve_relations
from pipeline.structure import find_structure

__all__ = ["BuildResult", "Corpus", "ReadOptions", "build_graph", "build_sources", "extract", "read_corpus"]


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
) -> Corpus:
    """Read every document under ``paths``: a file that cannot be read is skipped (``on_skip`` is
    told) unless ``options.strict``, when its error stops the build.

    Raises:
        InputError: A path given does not exist or holds no document; with ``strict``, the
            first file that cannot be read; without it, when no file at all can be read.
    """
    progress = progress or Progress()
    files = corpus_files(paths)
    read: list[tuple[DocumentFile, SourceDocument]] = []
    skipped: list[InputError] = []
    for n, file in enumerate(files):
        progress.reading(n, len(files), str(file.path))
        try:
            read.append(
                (file, read_document(file, encoding=options.encoding, max_chars=options.max_chars, on_note=on_note))
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
    if not read:
        if len(skipped) == 1:
            raise skipped[0]
        raise InputError(None, f"no document could be read ({len(skipped)} of {len(files)} files skipped)")
    return Corpus(tuple(f for f, _ in read), tuple(s for _, s in read), tuple(skipped))


class _Watched:
    """The spaCy pipeline, telling ``on_part`` the characters of each part's Doc as it comes out."""

    def __init__(self, nlp: Language, on_part: Callable[[int], None]) -> None:
        self._nlp, self._on_part = nlp, on_part

    def pipe(self, texts: Any, **options: Any) -> Iterator[Any]:
        for item in self._nlp.pipe(texts, **options):
            doc = item[0] if options.get("as_tuples") else item
            self._on_part(len(doc.text))
            yield item

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def extract(
    sources: Iterable[SourceDocument], model: str | None = None, progress: Progress | None = None
) -> list[DocumentFacts]:
    """Structure and annotate documents that have been read: per document, nothing shared.

    ``progress`` hears of each part annotated, so a long document shows how far it is.
    """
    progress = progress or Progress()
    nlp = load_nlp(model)
    sources = list(sources)
    # spaCy refuses texts past nlp.max_length (a memory guard); the reader's --max-chars is the one limit
    nlp.max_length = max(nlp.max_length, *(len(s.text) + 1 for s in sources), 1)

    def structured() -> Iterator[tuple[SourceDocument, DocumentStructure]]:
        for source in sources:
            structure = find_structure(source)
            progress.queued(source, sum(len(part.text) for part in structure.parts))
            yield source, structure

    watched = cast(Language, _Watched(nlp, progress.part_done))  # annotate uses only its pipe()
    return list(annotate(watched, structured(), on_document=progress.document_done))


def build_graph(
    paths: list[Path],
    *,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    min_confidence: float = 0.0,
    options: ReadOptions = ReadOptions(),
    progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of the documents under ``paths``: one named graph per document.

    Files that cannot be read are skipped (see :func:`read_corpus`) and listed in the result.
    """
    corpus = read_corpus(paths, options, progress=progress)
    result = build_sources(
        list(corpus.sources), base=base, model=model, min_confidence=min_confidence, progress=progress
    )
    return BuildResult(result.dataset, result.documents, result.actors, corpus.skipped)


def build_sources(
    sources: list[SourceDocument],
    *,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    min_confidence: float = 0.0,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of documents already read (the cleaned text of each)."""
    progress = progress or Progress()
    progress.start(len(sources))
    try:
        corpus = extract(sources, model, progress)
    finally:
        progress.close()
    ids = resolve_identities(corpus)
    documents = []
    for facts, keys, forms, author in zip(corpus, ids.keys, ids.forms, ids.authors, strict=True):
        documents.append(
            DocumentGraph(
                facts.document,
                facts.structure,
                tuple(resolve_events(facts, keys, ids.actors, author)),
                tuple(resolve_relations(facts, keys, ids.actors)),
                forms,
                author,
            )
        )
    dataset = build_dataset(documents, ids.actors, IriMinter(base), min_confidence, model or DEFAULT_MODEL)
    return BuildResult(dataset, tuple(documents), ids.actors)
