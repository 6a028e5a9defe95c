"""The main job: documents in, one RDF dataset out (read, structure, annotate, identify, resolve, graph)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.doc_to_facts import annotate
from pipeline.errors import InputError
from pipeline.facts import Actor, DocumentFacts, SourceDocument
from pipeline.identity import resolve_identities
from pipeline.iri import DEFAULT_BASE, IriMinter
from pipeline.nlp import DEFAULT_MODEL, load_nlp
from pipeline.rdf.build import DocumentGraph, build_dataset
from pipeline.read import find_documents, read_document
from pipeline.resolve import resolve_events, resolve_relations
from pipeline.structure import find_structure

__all__ = ["BuildResult", "build_graph", "build_sources", "extract"]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """The built dataset and what went into it."""

    dataset: Dataset
    documents: tuple[DocumentGraph, ...]
    actors: dict[str, Actor]

    def summary(self) -> str:
        events = sum(len(d.events) for d in self.documents)
        relations = sum(len(d.relations) for d in self.documents)
        return (f"{len(self.documents)} document(s), {len(self.actors)} actors, {events} events, "
                f"{relations} relations, {len(self.dataset)} triples")


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator:
    if not enabled:
        yield lambda doc: None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} words/s"), TimeElapsedColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("documents", total=total, rate="-")
        words = 0

        def advance(doc) -> None:
            nonlocal words
            words += len(doc.text.split())
            elapsed = bar.tasks[task].elapsed or 1e-9
            bar.update(task, advance=1, rate=f"{words / elapsed:,.0f}")

        yield advance


def extract(sources: list[SourceDocument], model: str | None = None, progress: bool = False) -> list[DocumentFacts]:
    """Structure and annotate documents that have been read."""
    nlp = load_nlp(model)
    with _progress(progress, len(sources)) as advance:
        return list(annotate(nlp, ((s, find_structure(s)) for s in sources), on_document=advance))


def build_graph(paths: list[Path], *, base: str = DEFAULT_BASE, model: str | None = None,
                min_confidence: float = 0.0, progress: bool = False) -> BuildResult:
    """Build the graph of the documents under ``paths``: one named graph per document."""
    sources = [read_document(f) for f in find_documents(paths)]
    seen: dict[str, str] = {}
    for source in sources:  # a document's id names its graph: two files may not share one
        if source.doc_id in seen:
            raise InputError(source.path, f"has the same document id {source.doc_id!r} as {seen[source.doc_id]}; "
                             "rename one of them")
        seen[source.doc_id] = source.path
    return build_sources(sources, base=base, model=model, min_confidence=min_confidence, progress=progress)


def build_sources(sources: list[SourceDocument], *, base: str = DEFAULT_BASE, model: str | None = None,
                  min_confidence: float = 0.0, progress: bool = False) -> BuildResult:
    """Build the graph of documents already read (the cleaned text of each)."""
    corpus = extract(sources, model, progress)
    ids = resolve_identities(corpus)
    documents = []
    for facts, keys, forms, author in zip(corpus, ids.keys, ids.forms, ids.authors):
        documents.append(DocumentGraph(facts.document, facts.structure,
                                       tuple(resolve_events(facts, keys, ids.actors, author)),
                                       tuple(resolve_relations(facts, keys, ids.actors)), forms, author))
    dataset = build_dataset(documents, ids.actors, IriMinter(base), min_confidence, model or DEFAULT_MODEL)
    return BuildResult(dataset, tuple(documents), ids.actors)
