"""PNG and SVG pictures of the actor network, for reports: same graph, same bytes."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from pipeline.atomic import atomic_write_bytes
from pipeline.errors import OutputError
from pipeline.network.layout import layout
from pipeline.network.model import ACTOR_CLASSES
from pipeline.viz.style import style_of

__all__ = ["IMAGE_FORMATS", "render_image", "write_image"]

IMAGE_FORMATS = ("png", "svg")
_ALL_LABELS = 30  # up to this many actors every one is labelled; beyond, the most central
_TOP_LABELS = 25
_RC: dict[Any, Any] = {  # matplotlib types its keys as a Literal of every rc name
    "svg.hashsalt": "whereas",  # stable element ids
    "svg.fonttype": "path",  # text as paths: no dependence on the viewer's fonts
    "font.family": "DejaVu Sans",  # ships with matplotlib
}
_AREA = {"*": 1.8, "^": 1.2, "v": 1.2}  # thin markers drawn larger to look as big as a disc
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


def _labelled(G: nx.MultiDiGraph) -> list[str]:
    nodes = sorted(G, key=lambda n: (-G.degree(n), str(G.nodes[n].get("label", n)), n))
    return nodes if len(nodes) <= _ALL_LABELS else nodes[:_TOP_LABELS]


def render_image(G: nx.MultiDiGraph, fmt: str, *, title: str = "Actors") -> bytes:
    """Draw ``G`` as ``png`` or ``svg`` bytes.

    Nodes are coloured and shaped by type (with a legend) and sized by degree; links
    are grey arrows, thicker where several join the same pair; the most central actors
    are labelled. The layout is seeded and SVG ids and dates fixed, so the same graph
    gives the same bytes.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:c", label="City Court", type="Court"); G.add_node("urn:a", label="Anna", type="Person")
    >>> _ = G.add_edge("urn:c", "urn:a", key="e1")
    >>> svg = render_image(G, "svg", title="Test")
    >>> svg.startswith(b"<?xml") and svg == render_image(G, "svg", title="Test")
    True
    """
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; use one of {', '.join(IMAGE_FORMATS)}")
    pos = layout(G)
    n = len(G)
    side = 9.0 if n <= 60 else min(22.0, 9.0 * math.sqrt(n / 60))
    degrees = {v: G.degree(v) for v in G}
    top = max(degrees.values(), default=0) or 1
    sizes = {v: 40.0 + 460.0 * math.sqrt(degrees[v] / top) for v in G}
    nodelist = sorted(G)

    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(side * 1.3, side), dpi=150, layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()

        simple = nx.DiGraph()
        simple.add_nodes_from(nodelist)
        for u, v in sorted((u, v) for u, v in G.edges() if u != v):
            if simple.has_edge(u, v):
                simple[u][v]["count"] += 1
            else:
                simple.add_edge(u, v, count=1)
        edgelist = sorted(simple.edges())
        if edgelist:
            nx.draw_networkx_edges(
                simple,
                pos,
                ax=ax,
                edgelist=edgelist,
                nodelist=nodelist,
                node_size=[sizes[v] for v in nodelist],
                edge_color="#8a8f96",
                alpha=0.55,
                width=[0.6 + 0.6 * math.log2(simple[u][v]["count"]) + 0.4 for u, v in edgelist],
                arrows=True,
                arrowstyle="-|>",
                arrowsize=8 if n <= 200 else 4,
                connectionstyle="arc3,rad=0.08",
            )
        present = [t for t in ACTOR_CLASSES if any(G.nodes[v].get("type") == t for v in G)]
        present += sorted({str(G.nodes[v].get("type")) for v in G} - set(present))
        handles = []
        for t in present:
            members = [v for v in nodelist if G.nodes[v].get("type") == t]
            style = style_of(t)
            ax.scatter(
                [pos[v][0] for v in members],
                [pos[v][1] for v in members],
                s=[sizes[v] * _AREA.get(style.marker, 1.0) for v in members],
                c=style.colour,
                marker=style.marker,
                edgecolors="white",
                linewidths=0.6,
                zorder=3,
            )
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker=style.marker,
                    markersize=8,
                    markerfacecolor=style.colour,
                    markeredgecolor="white",
                    label=f"{t} ({len(members)})",
                )
            )
        for v in _labelled(G):
            x, y = pos[v]
            ax.annotate(
                str(G.nodes[v].get("label", v)),
                (x, y),
                xytext=(0, 6 + math.sqrt(sizes[v]) / 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=7,
                zorder=4,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
            )
        ax.legend(
            handles=handles,
            title="Actor types",
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=8,
            title_fontsize=9,
        )
        m = G.number_of_edges()
        ax.set_title(
            f"{title}\n{n} actor{'s' * (n != 1)}, {m} link{'s' * (m != 1)}"
            + ("" if n <= _ALL_LABELS else f"; the {_TOP_LABELS} most connected are named"),
            fontsize=11,
        )
        ax.margins(0.08)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, metadata=_METADATA[fmt], facecolor="white")
    return buf.getvalue()


def write_image(G: nx.MultiDiGraph, path: str | Path, *, title: str = "Actors") -> Path:
    """Write ``G`` as a picture, ``.png`` or ``.svg`` from the suffix, atomically.

    >>> import tempfile
    >>> G = nx.MultiDiGraph(); G.add_node("urn:a", label="Anna", type="Person")
    >>> write_image(G, Path(tempfile.mkdtemp()) / "a.png").read_bytes()[:4]
    b'\\x89PNG'
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise OutputError(path, f"unknown image format .{fmt}; use .png or .svg")
    return atomic_write_bytes(path, render_image(G, fmt, title=title))
