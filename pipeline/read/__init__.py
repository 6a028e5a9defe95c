"""Read stage: find the documents to read and read each into a cleaned :class:`SourceDocument`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.errors import InputError
from pipeline.facts import SourceDocument
from pipeline.iri import slug
from pipeline.read.cleanup import clean
from pipeline.read.html import read_html
from pipeline.read.pdf import read_pdf
from pipeline.read.text import read_text

__all__ = ["READERS", "find_documents", "read_document"]

#: Suffix -> (reader of the raw text, media type of the source).
READERS: dict[str, tuple[Callable[[Path], str], str]] = {
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
            inside = sorted((p for p in path.rglob("*")
                             if p.is_file() and _supported(p)
                             and not any(part.startswith(".") for part in p.relative_to(path).parts)),
                            key=lambda p: p.relative_to(path).as_posix())
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


def read_document(path: Path) -> SourceDocument:
    """Read one document and clean its text: the text every later offset points into.

    Args:
        path: A ``.txt``, ``.pdf``, ``.html`` or ``.htm`` file.

    Returns:
        The document; ``doc_id`` is the slug of the file name without its suffix.

    Raises:
        InputError: The file cannot be read as a document (one line naming the file and the cause).

    >>> doc = read_document(Path(__file__).parents[2] / "examples" / "ep-2013-kazakhstan.txt")
    >>> doc.doc_id, doc.media_type, doc.text[:48]
    ('ep-2013-kazakhstan', 'text/plain', 'European Parliament resolution on the human righ')
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a folder, not a document")
    if not _supported(path):
        raise _unsupported(path)
    reader, media_type = READERS[path.suffix.lower()]
    text = clean(reader(path))
    if not text.strip():
        raise InputError(path, "file is empty")
    return SourceDocument(doc_id=slug(path.stem), path=str(path), text=text, media_type=media_type)
