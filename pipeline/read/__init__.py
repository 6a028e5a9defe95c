"""Read stage: find the documents to read and read each into a cleaned :class:`SourceDocument`."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.cache import TextCache
from pipeline.errors import InputError
from pipeline.facts import SourceDocument
from pipeline.iri import slug
from pipeline.read.cleanup import clean
from pipeline.read.hygiene import safe_text
from pipeline.read.text import Note, read_text

__all__ = ["READERS", "DEFAULT_MAX_CHARS", "DocumentFile", "find_documents", "corpus_files", "read_document"]

#: The longest document read by default, in characters of its text (spaCy's own limit per text).
DEFAULT_MAX_CHARS = 1_000_000


def read_pdf(path: Path, encoding: str | None, on_note: Note | None) -> str:
    from pipeline.read.pdf import read_pdf as read  # pypdf loaded only for a PDF (a tenth of a second)

    return read(path, encoding, on_note)


def read_html(path: Path, encoding: str | None, on_note: Note | None) -> str:
    from pipeline.read.html import read_html as read  # trafilatura loaded only for a page (a quarter of a second)

    return read(path, encoding, on_note)


#: Suffix -> (reader of the raw text, media type of the source).
READERS: dict[str, tuple[Callable[[Path, str | None, Note | None], str], str]] = {
    ".txt": (read_text, "text/plain"),
    ".pdf": (read_pdf, "application/pdf"),
    ".html": (read_html, "text/html"),
    ".htm": (read_html, "text/html"),
}


def _supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def _unsupported(path: Path) -> InputError:
    return InputError(path, f"unsupported file type {path.suffix or '(no suffix)'}; use one of " + ", ".join(READERS))


def find_documents(paths: list[Path]) -> list[Path]:
    """The documents to read: files as given, folders searched recursively for supported files.

    Folder contents come sorted by path; hidden files and folders (".name") are skipped;
    a document named twice is read once, where first named.

    Args:
        paths: Files (``.txt``, ``.pdf``, ``.html``, ``.htm``) and folders.

    Returns:
        The documents, in a deterministic order.

    Raises:
        InputError: A path does not exist, a file has an unsupported suffix, or a
            folder holds no document.

    >>> examples = Path(__file__).parents[2] / "examples"
    >>> found = [path.name for path in find_documents([examples, examples / "ep-2013-kazakhstan.txt"])]
    >>> found[0], found.count("ep-2013-kazakhstan.txt")
    ('case-kyrgyzstan-ep-resolution.txt', 1)
    >>> find_documents([Path("examples/missing.txt")])
    Traceback (most recent call last):
    ...
    pipeline.errors.InputError: examples/missing.txt: no such file or folder
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(
                (
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and _supported(p)
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                ),
                key=lambda p: p.relative_to(path).as_posix(),
            )
            if not inside:
                raise InputError(path, "no documents in the folder (looked for " + ", ".join(READERS) + ")")
        elif path.is_file() or path.is_symlink():
            if not path.exists():
                raise InputError(path, "no such file or folder (a broken link)")
            if not _supported(path):
                raise _unsupported(path)
            inside = [path]
        elif path.exists():
            raise InputError(path, "not a regular file or folder")
        else:
            raise InputError(path, "no such file or folder")
        for doc in inside:
            key = doc.resolve()
            if key not in seen:
                seen.add(key)
                found.append(doc)
    return found


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """A document of a corpus, before it is read: its file, its id, where it lies in the corpus."""

    path: Path  #: the file, as found (named in messages)
    doc_id: str  #: unique in the corpus; names the document's graph
    source: str  #: its path relative to the corpus root, with "/" (the graph's ``dcterms:source``)


def _corpus_root(paths: list[Path]) -> str:
    """The deepest folder holding everything given: a folder itself, a file's folder."""
    folders = [os.path.abspath(p if Path(p).is_dir() else Path(p).parent) for p in paths]
    return os.path.commonpath(folders) if folders else os.getcwd()


def _unique_ids(sources: list[str]) -> list[str]:
    """Document ids, unique among ``sources`` (distinct relative paths).

    The slug of the file name without its suffix; where two would share one, the slug
    of the relative path, then with the suffix, then with a hash of it.

    >>> _unique_ids(["2019/report.pdf", "2020/report.pdf", "ep-2013.txt"])
    ['2019-report', '2020-report', 'ep-2013']
    >>> _unique_ids(["a/b.txt", "a/b.pdf", "a-b.txt"])
    ['a-b-txt', 'a-b-pdf', 'a-b']
    """

    def candidates(source: str) -> tuple[str, ...]:
        path = PurePosixPath(source)
        stem = slug(path.stem)
        whole = slug(str(path.with_suffix("")).replace("/", " "))
        with_suffix = slug(source.replace("/", " ").replace(".", " "))
        return stem, whole, with_suffix, f"{with_suffix}-{hashlib.sha1(source.encode()).hexdigest()[:6]}"

    options = [candidates(s) for s in sources]
    level = [0] * len(sources)
    while True:
        ids = [option[n] for option, n in zip(options, level, strict=True)]
        counts = Counter(ids)
        clashing = [i for i, doc_id in enumerate(ids) if counts[doc_id] > 1 and level[i] < 3]
        if not clashing:
            return ids
        for i in clashing:
            level[i] += 1


def corpus_files(paths: list[Path]) -> list[DocumentFile]:
    """The documents under ``paths`` (see :func:`find_documents`) with their ids and sources.

    Sources are relative to the corpus root, the deepest folder holding every path
    given, so a graph says the same wherever the command runs. A document's id is the
    slug of its file name, or of its relative path where two names would clash
    (``2019/report.pdf`` and ``2020/report.pdf`` are ``2019-report`` and ``2020-report``).

    >>> examples = Path(__file__).parents[2] / "examples"
    >>> [(f.doc_id, f.source) for f in corpus_files([examples]) if f.doc_id.startswith("ep-")]
    [('ep-2013-kazakhstan', 'ep-2013-kazakhstan.txt')]
    """
    files = find_documents(paths)
    root = _corpus_root(list(paths))
    sources = [PurePosixPath(*Path(os.path.relpath(os.path.abspath(f), root)).parts).as_posix() for f in files]
    return [
        DocumentFile(f, doc_id, safe_text(source))
        for f, doc_id, source in zip(files, _unique_ids(sources), sources, strict=True)
    ]


def _too_long(path: Path, length: int, max_chars: int) -> InputError:
    return InputError(
        path, f"{length:,} characters, more than the limit of {max_chars:,}; split the document or raise --max-chars"
    )


@dataclass(frozen=True, slots=True)
class KeptText:
    """What reading a file gave, as a :class:`~pipeline.cache.TextCache` keeps it."""

    raw_length: int  # characters before cleaning (what --max-chars limits)
    text: str
    notes: tuple[str, ...]


def read_document(
    path: Path | DocumentFile,
    *,
    encoding: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_note: Note | None = None,
    texts: TextCache | None = None,
) -> SourceDocument:
    """Read one document and clean its text: the text every later offset points into.

    Args:
        path: A ``.txt``, ``.pdf``, ``.html`` or ``.htm`` file, or a :class:`DocumentFile`
            of a corpus (giving the id and source path).
        encoding: The encoding of a text or HTML file, if known (else detected).
        max_chars: The longest text accepted, in characters.
        on_note: Told what was assumed about the file (an encoding detected).
        texts: Where the texts of files read before are kept: a file whose bytes are unchanged
            is not read again (its notes are told again).

    Returns:
        The document; ``doc_id`` is the slug of the file name without its suffix unless
        a :class:`DocumentFile` gives another.

    Raises:
        InputError: The file cannot be read as a document, or is longer than
            ``max_chars`` (one line naming the file and the cause).

    >>> doc = read_document(Path(__file__).parents[2] / "examples" / "ep-2013-kazakhstan.txt")
    >>> doc.doc_id, doc.media_type, doc.text[:48]
    ('ep-2013-kazakhstan', 'text/plain', 'European Parliament resolution on the human righ')
    """
    if isinstance(path, DocumentFile):
        file, doc_id, source = path.path, path.doc_id, path.source
    else:
        file = Path(path)
        doc_id, source = slug(file.stem), safe_text(file.name)
    path = file
    if path.is_dir():
        raise InputError(path, "is a folder, not a document")
    if not _supported(path):
        raise _unsupported(path)
    reader, media_type = READERS[path.suffix.lower()]
    key = kept = None
    if texts is not None:
        with contextlib.suppress(OSError):  # unreadable: the reader says why
            key = texts.key(path.read_bytes(), path.suffix.lower(), encoding)
            kept = texts.get(key)
    if isinstance(kept, KeptText):
        if on_note is not None:
            for note in kept.notes:
                on_note(note)
    else:
        notes: list[str] = []

        def noted(note: str) -> None:
            notes.append(note)
            if on_note is not None:
                on_note(note)

        raw = reader(path, encoding, noted)
        if len(raw) > max_chars:
            raise _too_long(path, len(raw), max_chars)
        kept = KeptText(len(raw), clean(raw), tuple(notes))
        if texts is not None and key is not None:
            texts.put(key, kept)
    if kept.raw_length > max_chars:  # kept by a build with a higher limit
        raise _too_long(path, kept.raw_length, max_chars)
    if not kept.text.strip():
        raise InputError(path, "file is empty")
    return SourceDocument(doc_id=doc_id, path=source, text=kept.text, media_type=media_type)
