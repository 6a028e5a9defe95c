"""``whereas viz``: read a graph, project its actors, filter them, write a page, a picture or a
network file, and report. The top of the network layers: it imports ``pipeline.network`` and
the pictures; nothing imports it but the command line."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from rdflib import Dataset

from pipeline.errors import InputError, OutputError, WhereasError
from pipeline.network.export import write_gexf, write_graphml
from pipeline.network.filters import find_actors, focus_graph, select_types
from pipeline.network.measures import centrality, format_centrality
from pipeline.network.project import Extraction, extract, facts_of, graph_of
from pipeline.network.timeline import timelines_of
from pipeline.rdf.export import read_dataset

__all__ = ["OUTPUT_FORMATS", "run_viz"]

#: Output suffix -> what writes it.
OUTPUT_FORMATS: tuple[str, ...] = (".gexf", ".graphml", ".html", ".png", ".svg")


def _describe(G: nx.MultiDiGraph) -> str:
    n, m = G.number_of_nodes(), G.number_of_edges()
    return f"{n} actor{'s' * (n != 1)}, {m} link{'s' * (m != 1)}"


def _write_html(G: nx.MultiDiGraph, ds: Dataset, ext: Extraction, path: Path, title: str) -> None:
    from pipeline.viz.html import write_html

    facts = facts_of(ext)
    write_html(G, {n: facts[n] for n in G}, path, title=title, timelines=timelines_of(ds, ext, sorted(G)))


def _write_image(G: nx.MultiDiGraph, ds: Dataset, ext: Extraction, path: Path, title: str) -> None:
    from pipeline.viz.static import write_image

    write_image(G, path, title=title)


#: Output suffix -> writer(G, the graph read, its extracted facts, path, title).
_WRITERS: dict[str, Callable[[nx.MultiDiGraph, Dataset, Extraction, Path, str], object]] = {
    ".gexf": lambda G, ds, ext, path, title: write_gexf(G, path),
    ".graphml": lambda G, ds, ext, path, title: write_graphml(G, path),
    ".html": _write_html,
    ".png": _write_image,
    ".svg": _write_image,
}
assert tuple(sorted(_WRITERS)) == OUTPUT_FORMATS


def run_viz(
    source: Path,
    *,
    output: Path | None = None,
    focus: str | None = None,
    hops: int = 1,
    types: list[str] | None = None,
    stats: bool = False,
) -> str:
    """``whereas viz``: read a graph, project its actors, filter, write ``output``, report.

    The output format comes from the suffix: ``.html`` (one self-contained interactive
    page), ``.graphml``, ``.gexf``, ``.png`` or ``.svg``. With neither ``output`` nor
    ``stats``, the page is written as ``actors.html`` beside the source.

    Returns:
        The text to print: what was written, and the ``--stats`` table.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "g.ttl").write_text('''@prefix wh: <https://w3id.org/whereas/ontology#> .
    ... <urn:court> a wh:Court . <urn:anna> a wh:Person .
    ... <urn:e1> a wh:Sentencing ; wh:court <urn:court> ; wh:subject <urn:anna> .''')
    >>> run_viz(folder / "g.ttl", output=folder / "actors.gexf")  # doctest: +ELLIPSIS
    '.../actors.gexf: 2 actors, 1 link\\n'
    """
    source = Path(source)
    if output is not None and Path(output).suffix.lower() not in OUTPUT_FORMATS:
        raise OutputError(
            output,
            f"unknown output format {Path(output).suffix or '(no suffix)'}; use one of " + ", ".join(OUTPUT_FORMATS),
        )
    if types:
        select_types(nx.MultiDiGraph(), types)  # names checked before the graph is read
    ds = read_dataset(source)
    ext = extract(ds)
    G = graph_of(ext)
    if len(G) == 0:
        raise InputError(source, "no actors in the graph (no node typed wh:Person, wh:Court, wh:Country, …)")
    title = f"Actors in {source.name}"
    centres: list[str] = []
    if focus:
        centres = find_actors(G, focus, source=source)
        G = focus_graph(G, focus, hops, source=source)
        title = (
            f"Actors within {hops} hop{'s' * (hops != 1)} of "
            + ", ".join(G.nodes[c]["label"] for c in centres)
            + f" in {source.name}"
        )
    if types:
        G = select_types(G, types, keep=centres)
        if len(G) == 0:
            raise WhereasError(source, "no actors of type " + ", ".join(types) + " in the graph")
    if output is None and not stats:
        output = source.with_name("actors.html")
    lines: list[str] = []
    if output is not None:
        output = Path(output)
        _WRITERS[output.suffix.lower()](G, ds, ext, output, title)
        lines.append(f"{output}: {_describe(G)}")
    if stats:
        lines.append(format_centrality(centrality(G), rich=sys.stdout.isatty()).rstrip("\n"))
    return "\n".join(lines) + "\n"
