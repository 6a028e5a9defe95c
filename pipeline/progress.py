"""How a long build tells where it is: a bar on a terminal, plain log lines elsewhere, or nothing."""

from __future__ import annotations

import sys
import time
from collections import deque
from typing import TextIO

from pipeline.facts import SourceDocument

__all__ = ["Progress", "LogProgress", "BarProgress", "progress_for"]


class Progress:
    """Receives a build's progress; this base class shows nothing.

    The build calls :meth:`reading` for each file it reads, :meth:`start` with the
    number of documents read, :meth:`queued` for each
    document as it goes to the model (with its parts' characters), :meth:`part_done`
    as each part comes out, :meth:`document_done` when its facts are ready, and
    :meth:`close` at the end.
    """

    def reading(self, done: int, total: int, name: str) -> None:
        """``done`` of ``total`` files read; ``name`` is being read next."""

    def start(self, total: int) -> None:
        """``total`` documents go to the model."""

    def queued(self, source: SourceDocument, chars: int) -> None:
        """A document goes to the model: ``chars`` characters in its parts."""

    def part_done(self, chars: int) -> None:
        """A part of ``chars`` characters of the current document has been annotated."""

    def document_done(self, source: SourceDocument) -> None:
        """The facts of ``source`` are ready."""

    def cached(self, source: SourceDocument) -> None:
        """The facts of ``source`` came from the cache: it is not annotated again."""

    def close(self) -> None:
        """The build is over (or stopped)."""


class _Tracker(Progress):
    """Keeps count: documents queued, the one being annotated and how far into it."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.words = 0
        self.started = time.monotonic()
        self._queue: deque[tuple[SourceDocument, int]] = deque()
        self.current_chars = 0  # annotated of the current document
        self.from_cache = 0  # documents whose facts came from the cache

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()

    def queued(self, source: SourceDocument, chars: int) -> None:
        self._queue.append((source, chars))

    @property
    def current(self) -> tuple[SourceDocument, int] | None:
        return self._queue[0] if self._queue else None

    def part_done(self, chars: int) -> None:
        self.current_chars += chars

    def document_done(self, source: SourceDocument) -> None:
        if self._queue:
            self._queue.popleft()
        self.done += 1
        self.words += len(source.text.split())
        self.current_chars = 0

    def cached(self, source: SourceDocument) -> None:
        self.done += 1
        self.from_cache += 1

    def share(self) -> float:
        """How far into the current document, 0 to 1 (not 1 until its facts are ready)."""
        current = self.current
        return min(0.99, self.current_chars / current[1]) if current and current[1] else 0.0

    def rate(self) -> str:
        return f"{self.words / max(time.monotonic() - self.started, 1e-9):,.0f}"


class LogProgress(_Tracker):
    """Plain lines on a stream that is not a terminal (a job's log): at most one per ``interval`` seconds.

    >>> import io
    >>> out = io.StringIO()
    >>> log = LogProgress(stream=out, interval=0)
    >>> doc = SourceDocument("d", "d.txt", "A. whereas x;\\n")
    >>> log.start(1); log.queued(doc, 100); log.part_done(40); log.document_done(doc); log.close()
    >>> print(out.getvalue(), end="")
    whereas: [1/1] d.txt: 40% of 100 characters
    whereas: [1/1] d.txt: done
    whereas: 1 of 1 documents annotated
    >>> log = LogProgress(stream=out, interval=0)
    >>> log.start(2); log.cached(doc); log.queued(doc, 100); log.document_done(doc); log.close()
    >>> print(out.getvalue().splitlines()[-1])
    whereas: 1 of 2 documents annotated, 1 from the cache
    """

    def __init__(self, stream: TextIO | None = None, interval: float = 10.0) -> None:
        super().__init__()
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self._last = time.monotonic() if interval else -float("inf")  # a short build says only how it ended

    def _say(self, line: str, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last >= self.interval:
            self._last = now
            print(f"whereas: {line}", file=self.stream, flush=True)

    def reading(self, done: int, total: int, name: str) -> None:
        self._say(f"reading file {done + 1} of {total}: {name}")

    def part_done(self, chars: int) -> None:
        super().part_done(chars)
        current = self.current
        if current is not None:
            self._say(
                f"[{self.done + 1}/{self.total}] {current[0].path}: {self.share():.0%} of {current[1]:,} characters"
            )

    def document_done(self, source: SourceDocument) -> None:
        super().document_done(source)
        self._say(f"[{self.done}/{self.total}] {source.path}: done", force=self.done == self.total)

    def close(self) -> None:
        cached = f", {self.from_cache} from the cache" if self.from_cache else ""
        self._say(f"{self.done - self.from_cache} of {self.total} documents annotated{cached}", force=True)


class BarProgress(_Tracker):
    """A bar on a terminal: documents done, how far into the current one, words per second."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as Bar

        super().__init__()
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[current]}"),
            TextColumn("{task.fields[rate]} words/s"),
            TimeElapsedColumn(),
        )
        self._bar = Bar(*columns, transient=True)
        self._bar.start()
        self._task = self._bar.add_task("reading", total=None, current="", rate="-")

    def reading(self, done: int, total: int, name: str) -> None:
        self._bar.update(self._task, description="reading", completed=done, total=total, current=name)

    def start(self, total: int) -> None:
        super().start(total)
        self._bar.update(self._task, description="documents", completed=0, total=total, current="")

    def part_done(self, chars: int) -> None:
        super().part_done(chars)
        current = self.current
        if current is not None:
            self._bar.update(
                self._task,
                description="documents",
                completed=self.done + self.share(),
                total=self.total,
                current=f"{current[0].path} {self.share():.0%}",
                rate=self.rate(),
            )

    def document_done(self, source: SourceDocument) -> None:
        super().document_done(source)
        self._bar.update(self._task, completed=self.done, rate=self.rate())

    def cached(self, source: SourceDocument) -> None:
        super().cached(source)
        self._bar.update(self._task, completed=self.done)

    def close(self) -> None:
        self._bar.stop()


def progress_for(enabled: bool, stream: TextIO | None = None) -> Progress:
    """A bar when ``stream`` (default stderr) is a terminal, log lines when it is not, nothing when disabled."""
    if not enabled:
        return Progress()
    stream = stream if stream is not None else sys.stderr
    if stream.isatty():
        return BarProgress()
    return LogProgress(stream)
