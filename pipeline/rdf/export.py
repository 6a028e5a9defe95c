"""The one reader and writer of graph files: format from the suffix, atomic, deterministic."""

from __future__ import annotations

import heapq
import io
import json
import pickle
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.plugins.serializers.nquads import _nq_row
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.term import Node

from pipeline.atomic import atomic_write_bytes, atomic_writer
from pipeline.errors import InputError, OutputError
from pipeline.vocab import PREFIXES

__all__ = [
    "FORMATS",
    "GraphWriter",
    "rdf_format",
    "read_dataset",
    "write_dataset",
    "serialize",
    "union_graph",
]

#: suffix -> rdflib format name
FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
_QUADS = {"trig", "nquads", "json-ld"}
#: Characters XML 1.0 cannot hold at all, not even as a character reference.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def rdf_format(path: str | Path) -> str:
    """The rdflib format for a file name.

    >>> rdf_format("output/graph.trig")
    'trig'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(
            path, f"unknown graph format {suffix or '(no suffix)'}; use one of " + ", ".join(sorted(set(FORMATS)))
        )
    return FORMATS[suffix]


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every graph of ``ds`` in one graph, added in sorted order (so a writer that
    walks the graph in its order writes the same bytes for the same triples)."""
    g = Graph()
    _bind(g)
    for triple in sorted({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}):
        g.add(triple)
    return g


#: a prefixed name's prefix, namespace and local part (None: the IRI is written whole)
PnameParts = tuple[str, URIRef, str] | None


class _KnownNames(TurtleSerializer):
    """Turtle and TriG writers that work out each IRI's prefixed name once for the whole file.

    rdflib asks a graph's namespace manager, which keeps only the names it found: an IRI
    without a prefix (the resources' own, most of a graph) was split and looked up each time
    it was written, and in TriG each graph's manager starts empty. The answers are rdflib's
    (``TurtleSerializer.get_pname`` of rdflib 7.6), kept while no prefix is made up.
    """

    def _known_names(self, store: Graph, shared: dict[tuple[Node, bool], PnameParts] | None = None) -> None:
        """``shared``: answers kept across the writers of one file's graphs, each bound to the same
        prefixes (an answer holds while no writer made up a prefix of its own)."""
        self._pnames: dict[tuple[Node, bool], PnameParts] = {}
        self._prefixes = {prefix for prefix, _ in store.namespaces()}
        self._bound = len(self._prefixes)
        self._shared = shared

    def get_pname(self, uri: Node, gen_prefix: bool = True) -> str | None:
        if not isinstance(uri, URIRef):
            return None
        key = (uri, gen_prefix)
        if key in self._pnames:
            parts = self._pnames[key]
        else:
            shared = self._shared if len(self._prefixes) == self._bound else None  # no prefix made up yet
            if shared is not None and key in shared:
                parts = shared[key]
            else:
                parts = self._pname_parts(uri, gen_prefix)
                if parts is not None and parts[0] not in self._prefixes:  # a prefix made up: other answers may change
                    self._prefixes.add(parts[0])
                    self._pnames.clear()
                elif shared is not None:
                    shared[key] = parts
            self._pnames[key] = parts
        if parts is None:
            return None
        prefix, namespace, local = parts
        return f"{self.addNamespace(prefix, namespace)}:{local}"

    def _pname_parts(self, uri: URIRef, gen_prefix: bool) -> PnameParts:
        try:
            prefix, namespace, local = self.store.compute_qname(uri, generate=gen_prefix)
        except Exception:
            pfx = self.store.store.prefix(uri)  # is the IRI a namespace itself?
            if pfx is None:
                return None
            prefix, namespace, local = pfx, uri, ""
        local = local.replace(r"(", r"\(").replace(r")", r"\)")
        local = self.LOCALNAME_PECRENT_CHARACTER_REQUIRING_ESCAPE_REGEX.sub("\\%", local)
        if local.endswith("."):
            return None
        return prefix, namespace, local


class _Turtle(_KnownNames):
    def __init__(self, store: Graph) -> None:
        super().__init__(store)
        self._known_names(store)


class _SortedTrig(_KnownNames, TrigSerializer):
    """TriG with the graphs in order of their names (the default graph first), not of insertion."""

    def __init__(self, store: Dataset) -> None:
        TrigSerializer.__init__(self, store)
        default = self.default_context
        self.contexts.sort(key=lambda g: (g.identifier != default, str(g.identifier)))
        self._known_names(store)


def _sorted_json(node: Any, key: str = "") -> Any:
    """JSON-LD with every array sorted (but ``@list``s, whose order means something)."""
    if isinstance(node, dict):
        return {k: _sorted_json(v, k) for k, v in node.items()}
    if isinstance(node, list):
        items = [_sorted_json(item) for item in node]
        return items if key == "@list" else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return node


def _check_xml(g: Graph) -> None:
    """RDF/XML cannot carry some characters at all: say which instead of writing ill-formed XML."""
    for triple in g:
        for term in triple:
            if isinstance(term, (Literal, URIRef)) and (bad := _NOT_XML.search(str(term))):
                raise OutputError(
                    None,
                    f"cannot write RDF/XML: a {'literal' if isinstance(term, Literal) else 'IRI'}"
                    f" holds U+{ord(bad.group()):04X}, which XML cannot carry; write Turtle, "
                    "N-Triples or JSON-LD instead",
                )


def serialize(ds: Dataset, fmt: str) -> bytes:
    """``ds`` as bytes in ``fmt``, the same bytes for the same graphs however they were built.

    Turtle, N-Triples and RDF/XML get the union of the graphs; TriG, N-Quads and
    JSON-LD keep one named graph per document, in order of their names.

    Raises:
        OutputError: the graph cannot be written in ``fmt`` (RDF/XML and control characters).
    """
    if fmt == "trig":
        _bind(ds)
        out = io.BytesIO()
        _SortedTrig(ds).serialize(out, encoding="utf-8")
        data = out.getvalue()
    elif fmt == "json-ld":
        _bind(ds)
        doc = json.loads(ds.serialize(format=fmt, encoding="utf-8"))
        data = (json.dumps(_sorted_json(doc), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    elif fmt in _QUADS:
        _bind(ds)
        data = ds.serialize(format=fmt, encoding="utf-8")
    else:
        g = union_graph(ds)
        if fmt == "xml":
            _check_xml(g)
        try:
            if fmt == "turtle":
                out = io.BytesIO()
                _Turtle(g).serialize(out, encoding="utf-8")
                data = out.getvalue()
            else:
                data = g.serialize(format=fmt, encoding="utf-8")
        except Exception as exc:  # rdflib's XML writer fails on predicates it cannot split, and the like
            raise OutputError(
                None,
                f"cannot write {fmt}: {str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}",
            ) from exc
    if fmt in ("nt", "nquads"):  # line formats come out in hash order: sort them (a line ends at "\n" only)
        lines = sorted(line for line in data.decode("utf-8").split("\n") if line.strip())
        data = ("\n".join(lines) + "\n").encode("utf-8")
    return data


def write_dataset(ds: Dataset, path: str | Path) -> Path:
    """Write ``ds`` to ``path`` atomically: a temporary file renamed into place."""
    path = Path(path)
    fmt = rdf_format(path)
    try:
        data = serialize(ds, fmt)
    except OutputError as exc:
        raise OutputError(path, exc.cause) from exc
    return atomic_write_bytes(path, data)


def _parse_error(exc: Exception) -> str:
    """A parser's complaint in one line: where, what, and the text it stopped at."""
    if isinstance(exc, BadSyntax):
        text = exc._str.decode("utf-8", "replace") if isinstance(exc._str, bytes) else str(exc._str)
        near = " ".join(text[exc._i : exc._i + 40].split())
        return f"line {exc.lines + 1}: {exc._why}" + (f", near “{near}”" if near else ", at the end")
    message = " ".join(str(exc).split())
    return message or type(exc).__name__


def read_dataset(path: str | Path) -> Dataset:
    """Parse a graph file into a ``Dataset`` (triples-only formats land in the default graph)."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a graph file")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(path, f"unknown graph format {suffix or '(no suffix)'}")
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format=FORMATS[suffix])
    except Exception as exc:  # rdflib's parsers raise many kinds: each said in one line
        raise InputError(path, f"not valid {FORMATS[suffix]}: {_parse_error(exc)}") from exc
    _bind(ds)
    return ds


# -- writing graph by graph ------------------------------------------------------------------------
#
# A build hands its named graphs over one at a time, and forgets each once written: the file is
# made from spool files on disk, never from the whole dataset in memory. The bytes are those
# :func:`write_dataset` gives for a dataset of the same graphs (the tests compare the two).

#: characters of N-Triples or N-Quads lines sorted in memory at a time; more are sorted in runs
#: on disk and merged
RUN_CHARS = 16 * 2**20
#: runs merged at once (each an open file)
MERGE_WIDTH = 64

Local = Callable[[Node], bool]
#: what a writer makes of one graph before writing it (see :meth:`GraphWriter.prepare`)
Prepared = Any


class GraphWriter:
    """Write named graphs given one at a time to ``path`` (the format from its suffix), atomically.

    TriG, N-Quads and N-Triples are written from spool files, so memory does not grow with the
    number of graphs; Turtle, JSON-LD and RDF/XML need the union of all graphs at once and are
    built in memory. The file appears, whole, when :meth:`close` returns (or the ``with`` block
    ends without an error); :meth:`abort` (or an error) leaves ``path`` as it was.

    ``local`` (see :meth:`add`) says which nodes of a graph are in no other graph: TriG forgets
    what it counted of them once their graph is written.

    >>> from rdflib import Namespace
    >>> ex = Namespace("https://example.org/")
    >>> out = Path(tempfile.mkdtemp()) / "g.nq"
    >>> with GraphWriter(out) as writer:
    ...     g = Graph(identifier=ex.g)
    ...     _ = g.add((ex.a, ex.p, ex.b))
    ...     writer.add(g)
    >>> print(out.read_text(), end="")
    <https://example.org/a> <https://example.org/p> <https://example.org/b> <https://example.org/g> .
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.format = rdf_format(self.path)
        self._tmp = Path(tempfile.mkdtemp(prefix="whereas-spool-"))
        self._names: set[str] = set()
        self._done = False
        self._impl: _Spool
        if self.format == "trig":
            self._impl = _TrigSpool(self._tmp)
        elif self.format in ("nquads", "nt"):
            self._impl = _LineSpool(self._tmp, quads=self.format == "nquads")
        else:
            self._impl = _DatasetSpool(self.format)

    def add(self, graph: Graph, local: Local | None = None) -> None:
        """Write ``graph`` (a named graph: its identifier names it). ``local(node)`` is true of the
        nodes no other graph holds (the document's own: its parts, spans, events, statements).

        Raises:
            ValueError: a graph of that name was given before.
        """
        self.add_prepared(str(graph.identifier), self.prepare(graph, local))

    def prepare(self, graph: Graph, local: Local | None = None) -> Prepared:
        """What :meth:`add` writes of ``graph``, made alone: the same for the same graph and
        picklable, so a build may keep it for an unchanged document and give it to
        :meth:`add_prepared` the next time instead of the graph."""
        return self._impl.prepare(graph, local) if len(graph) else None

    def add_prepared(self, name: str, prepared: Prepared) -> None:
        """Write the graph named ``name`` from what :meth:`prepare` made of it.

        Raises:
            ValueError: a graph of that name was given before.
        """
        if name in self._names:
            raise ValueError(f"graph {name} written twice")
        self._names.add(name)
        if prepared is not None:
            self._impl.put(name, prepared)

    def close(self) -> Path:
        """Finish the file and rename it into place; the spool is removed. (Once: later calls do nothing.)"""
        if self._done:
            return self.path
        try:
            with atomic_writer(self.path) as out:
                self._impl.finish(out)
        except OutputError as exc:
            raise OutputError(self.path, exc.cause) from exc
        finally:
            self.abort()
        return self.path

    def abort(self) -> None:
        """Drop what was spooled; ``path`` is left as it was (if :meth:`close` has not renamed it)."""
        self._done = True
        self._impl.discard()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> GraphWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class _Spool:
    def prepare(self, graph: Graph, local: Local | None) -> Prepared:
        raise NotImplementedError

    def put(self, name: str, prepared: Prepared) -> None:
        raise NotImplementedError

    def finish(self, out: IO[bytes]) -> None:
        raise NotImplementedError

    def discard(self) -> None:
        """Let go of open files (the folder is removed by the writer)."""


class _DatasetSpool(_Spool):
    """Turtle, JSON-LD, RDF/XML: the union of the graphs is needed at once, so they are kept."""

    def __init__(self, fmt: str) -> None:
        self.format = fmt
        self.dataset = Dataset(default_union=True)

    def prepare(self, graph: Graph, local: Local | None) -> Prepared:
        return tuple(graph)

    def put(self, name: str, prepared: Prepared) -> None:
        target = self.dataset.graph(URIRef(name))
        for triple in prepared:
            target.add(triple)

    def finish(self, out: IO[bytes]) -> None:
        out.write(serialize(self.dataset, self.format))


def _lines(rows: Iterable[str]) -> list[str]:
    """Rows as :func:`serialize` reads them back: encoded as rdflib encodes them, one per line."""
    text = "".join(rows).encode("utf-8", "replace").decode("utf-8")
    return [line for line in text.split("\n") if line.strip()]


class _LineSpool(_Spool):
    """N-Quads and N-Triples: sorted lines (N-Triples without repeats), sorted in runs and merged."""

    def __init__(self, tmp: Path, quads: bool) -> None:
        self.tmp, self.quads = tmp, quads
        self.buffer: set[str] = set()
        self.size = 0
        self.runs: list[Path] = []

    def prepare(self, graph: Graph, local: Local | None) -> Prepared:
        name = graph.identifier
        rows = (_nq_row(t, name) for t in graph) if self.quads else (_nt_row(t) for t in graph)
        return _lines(rows)

    def put(self, name: str, prepared: Prepared) -> None:
        for line in prepared:
            if line not in self.buffer:
                self.buffer.add(line)
                self.size += len(line)
        if self.size > RUN_CHARS:
            self._spill()

    def _spill(self) -> None:
        run = self.tmp / f"run-{len(self.runs)}.txt"
        with open(run, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(line + "\n" for line in sorted(self.buffer))
        self.runs.append(run)
        self.buffer, self.size = set(), 0

    def _merged(self, runs: list[Path]) -> Iterator[str]:
        files = [open(run, encoding="utf-8", newline="\n") for run in runs]
        try:
            last = None
            for line in heapq.merge(*files):
                if line != last:
                    yield line
                    last = line
        finally:
            for fh in files:
                fh.close()

    def finish(self, out: IO[bytes]) -> None:
        if not self.runs:
            lines = sorted(self.buffer)
            out.write(("\n".join(lines) + "\n").encode("utf-8"))
            return
        if self.buffer:
            self._spill()
        runs = self.runs
        while len(runs) > MERGE_WIDTH:  # merge in rounds: never more than MERGE_WIDTH files open
            merged = []
            for start in range(0, len(runs), MERGE_WIDTH):
                target = self.tmp / f"merge-{len(self.runs)}-{start}.txt"
                with open(target, "w", encoding="utf-8", newline="\n") as fh:
                    fh.writelines(self._merged(runs[start : start + MERGE_WIDTH]))
                merged.append(target)
            runs = self.runs = merged
        for line in self._merged(runs):
            out.write(line.encode("utf-8"))


class _TrigBlocks(_KnownNames, TrigSerializer):
    """rdflib's TriG writer over one graph, giving each subject's statement apart: the whole file's
    writer orders a graph's subjects by how often they were referred to in that graph and in the
    graphs before it, which a graph written alone cannot know. ``names`` keeps prefixed names
    worked out for the file's earlier graphs."""

    def __init__(self, graph: Graph, names: dict[tuple[Node, bool], PnameParts] | None = None) -> None:
        ds = Dataset(default_union=True)
        _bind(ds)
        target = ds.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
        TrigSerializer.__init__(self, ds)
        self._known_names(ds, names)

    def split(self) -> tuple[str, dict[str, URIRef], list[tuple[Node, bool, bytes]], dict[Node, int]]:
        """The graph's name as written, the prefixes it uses, each subject (with whether it is of a
        top class) and its statement, and what the graph adds to each node's count of references."""
        self.reset()
        self.preprocess()
        (context,) = [c for c in self._contexts]
        _, subjects = self._contexts[context]
        self.store = context
        self._subjects = subjects
        self._serialized = {}
        self.depth = 1
        blocks = []
        for subject in subjects:
            if isinstance(subject, BNode):
                raise ValueError("graphs with blank nodes are written whole (serialize), not graph by graph")
            self.stream = io.BytesIO()
            self.statement(subject)
            self.write("\n")
            blocks.append((subject, subject in self._topLevels, self.stream.getvalue()))
        label = self.get_pname(context.identifier, False) or context.identifier.n3()
        counts = {n: c for n, c in self._references.items() if not isinstance(n, Literal)}
        return label, dict(self.namespaces), blocks, counts


class _TrigSpool(_Spool):
    """TriG: each graph's statements spooled apart, then written in the order of the graphs' names
    with the counts of references carried from one graph to the next, as rdflib's writer orders
    them (``_SortedTrig``)."""

    def __init__(self, tmp: Path) -> None:
        self.file = open(tmp / "graphs.pickle", "w+b")
        self.offsets: dict[str, int] = {}
        self.namespaces: dict[str, URIRef] = {}
        self.names: dict[tuple[Node, bool], PnameParts] = {}  # prefixed names, worked out once per file

    def prepare(self, graph: Graph, local: Local | None) -> Prepared:
        label, namespaces, blocks, counts = _TrigBlocks(graph, self.names).split()
        own = [str(n) for n in counts if local is not None and local(n)]
        # nodes as plain strings (every one is an IRI: they sort and count alike, and read back fast)
        text_blocks = [(str(s), top, block) for s, top, block in blocks]
        text_counts = {str(n): c for n, c in counts.items()}
        return {p: str(ns) for p, ns in namespaces.items()}, (label, text_blocks, text_counts, own)

    def put(self, name: str, prepared: Prepared) -> None:
        namespaces, written = prepared
        self.namespaces.update(namespaces)
        self.offsets[name] = self.file.tell()
        pickle.dump(written, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def finish(self, out: IO[bytes]) -> None:
        for prefix, uri in sorted(self.namespaces.items()):
            out.write(f"@prefix {prefix}: <{uri}> .\n".encode())
        carried: Counter[str] = Counter()
        for name in sorted(self.offsets):
            self.file.seek(self.offsets[name])
            label, blocks, counts, own = pickle.load(self.file)
            carried.update(counts)
            top = sorted(s for s, is_top, _ in blocks if is_top)
            rest = sorted((False, carried[s], s) for s, is_top, _ in blocks if not is_top)
            text = {s: block for s, _, block in blocks}
            out.write(f"\n{label} {{".encode())
            for subject in [*top, *(s for _, _, s in rest)]:
                out.write(text[subject])
            out.write(b"}\n")
            for node in own:  # in no later graph: what was counted of it is no longer needed
                carried.pop(node, None)
        out.write(b"\n")

    def discard(self) -> None:
        self.file.close()
