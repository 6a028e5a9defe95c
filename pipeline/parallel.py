"""The per-document stage (structure, NLP, facts) mapped over documents: here, in processes or on Dask.

Each document is annotated alone (its parts through ``nlp.pipe`` in batches of 64, no part of
another document in the batch), so its facts are the same whichever process or machine
annotates it and however the corpus is split: ``--jobs 4`` and a Dask cluster give output
byte-identical to one process. Facts come back in the order of the documents given.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, cast

from spacy.language import Language

from pipeline.components.gazetteer import keep_lookups_in
from pipeline.doc_to_facts import annotate
from pipeline.errors import WhereasError
from pipeline.facts import DocumentFacts, SourceDocument
from pipeline.nlp import load_nlp
from pipeline.progress import Progress
from pipeline.structure import find_structure

__all__ = [
    "MAX_JOBS",
    "WORDS_PER_JOB",
    "default_jobs",
    "auto_jobs",
    "document_facts",
    "annotate_local",
    "annotate_parallel",
    "annotate_dask",
]

#: the most processes ``--jobs`` starts by default (each holds a model: ~300 MB with the small one)
MAX_JOBS = 8


def default_jobs() -> int:
    """The machine's cores (those this process may use), at most :data:`MAX_JOBS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_JOBS))


#: words a process is worth starting for: loading the model costs about as much as annotating them
WORDS_PER_JOB = 20_000


def auto_jobs(sources: Sequence[SourceDocument]) -> int:
    """Processes for ``sources`` when the user has not said: the cores, but no more than one per
    :data:`WORDS_PER_JOB` words (a few short documents are annotated here, with no process started).

    >>> auto_jobs([SourceDocument("a", "a.txt", "A. whereas X was held;")])
    1
    """
    words = sum(len(source.text.split()) for source in sources)
    return max(1, min(default_jobs(), words // WORDS_PER_JOB))


def document_facts(nlp: Language, source: SourceDocument, progress: Progress | None = None) -> DocumentFacts:
    """Structure one document and annotate its parts: its facts, independent of any other document.

    ``progress`` hears of the document queued (with its parts' characters) and of each part.
    """
    # spaCy refuses texts past nlp.max_length (a memory guard); the reader's --max-chars is the one limit
    nlp.max_length = max(nlp.max_length, len(source.text) + 1)
    structure = find_structure(source)
    if progress is not None:
        progress.queued(source, sum(len(part.text) for part in structure.parts))
    on_part = progress.part_done if progress is not None else None
    watched = nlp if on_part is None else cast(Language, _Watched(nlp, on_part))
    return next(annotate(watched, [(source, structure)]))


class _Watched:
    """The spaCy pipeline, telling ``on_part`` the characters of each part's Doc as it comes out."""

    def __init__(self, nlp: Language, on_part: Callable[[int], None]) -> None:
        self._nlp, self._on_part = nlp, on_part

    def pipe(self, texts: Any, **options: Any) -> Iterator[Any]:
        for item in self._nlp.pipe(texts, **options):
            doc = item[0] if options.get("as_tuples") else item
            self._on_part(doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0)  # len(doc.text), unjoined
            yield item

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def annotate_local(
    sources: Sequence[SourceDocument],
    model: str | None,
    progress: Progress | None = None,
) -> Iterator[DocumentFacts]:
    """Annotate in this process, one document after another."""
    nlp = load_nlp(model)
    for source in sources:
        yield document_facts(nlp, source, progress)


#: one document at a time per process: the components keep per-Doc state on themselves, so a
#: Dask worker with several threads must not run two Docs through one pipeline at once
_ONE_AT_A_TIME = threading.Lock()


def _remote_facts(source: SourceDocument, model: str | None) -> DocumentFacts:
    """What a worker process (or a Dask worker) runs: the model is loaded once per process."""
    with _ONE_AT_A_TIME:
        return document_facts(load_nlp(model), source)


def _load(model: str | None, lookups: Path | None = None) -> None:
    keep_lookups_in(lookups)
    load_nlp(model)


def annotate_parallel(
    sources: Sequence[SourceDocument], model: str | None, jobs: int, lookups: Path | None = None
) -> Iterator[DocumentFacts]:
    """Annotate in ``jobs`` worker processes (each loads the model once); facts in document order.

    With ``lookups`` (a folder, see :func:`~pipeline.components.gazetteer.keep_lookups_in`) the
    workers read the lookup tables kept there instead of each building them again."""
    # forkserver: workers fork from a clean server process, not from this one (its threads, its state)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.parallel"])
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_load, initargs=(model, lookups)) as pool:
        yield from pool.map(_remote_facts, sources, [model] * len(sources))


def annotate_dask(sources: Sequence[SourceDocument], model: str | None, address: str) -> Iterator[DocumentFacts]:
    """Annotate on the Dask cluster whose scheduler is at ``address`` (``tcp://host:8786``).

    The workers must have whereas and the model installed (the same versions as here). Each
    document is one task; facts are gathered back in document order.
    """
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - the test extra installs it
        raise WhereasError(None, "--dask needs dask.distributed: pip install 'whereas[dask]'") from exc
    try:
        client = Client(address, timeout="30s", set_as_default=False)
    except OSError as exc:
        raise WhereasError(None, f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        futures = client.map(_remote_facts, list(sources), model=model, pure=False)
        try:
            for future in futures:
                yield future.result()
                future.release()
        finally:
            client.cancel(futures)
