"""Measures of the actor graph: the most central actors (degree, betweenness) and their table."""

from __future__ import annotations

import io
from dataclasses import dataclass

import networkx as nx

__all__ = ["Centrality", "centrality", "format_centrality"]

_EXACT_BETWEENNESS = 500  # actors; beyond, betweenness is estimated from this many sources


@dataclass(frozen=True, slots=True)
class Centrality:
    """One row of ``--stats``."""

    id: str
    label: str
    type: str
    degree: int
    betweenness: float


def centrality(G: nx.MultiDiGraph, top: int = 15) -> list[Centrality]:
    """The ``top`` actors by degree (links, in and out), then betweenness centrality.

    Betweenness is computed on the undirected simple graph (normalised), exactly up to
    500 actors and from a fixed sample of 500 sources beyond; ties fall back to the
    label and the IRI, so the order is always the same.

    >>> G = nx.MultiDiGraph([("urn:a", "urn:b"), ("urn:b", "urn:c")])
    >>> [(r.id, r.degree, r.betweenness) for r in centrality(G)]
    [('urn:b', 2, 1.0), ('urn:a', 1, 0.0), ('urn:c', 1, 0.0)]
    """
    simple = nx.Graph(G)
    k = None if len(simple) <= _EXACT_BETWEENNESS else _EXACT_BETWEENNESS
    between = nx.betweenness_centrality(simple, k=k, normalized=True, seed=0)
    rows = [
        Centrality(n, str(d.get("label", n)), str(d.get("type", "")), int(G.degree(n)), round(between.get(n, 0.0), 6))
        for n, d in G.nodes(data=True)
    ]
    rows.sort(key=lambda r: (-r.degree, -r.betweenness, r.label, r.id))
    return rows[:top]


def format_centrality(rows: list[Centrality], *, rich: bool = False) -> str:
    """``rows`` as a table: plain aligned text, or a rich table with colour for a terminal.

    >>> print(format_centrality([Centrality("urn:a", "Anna Berg", "Person", 3, 0.5)]), end="")
    #  actor      type    degree  betweenness
    1  Anna Berg  Person       3        0.500
    """
    header = ("#", "actor", "type", "degree", "betweenness")
    cells = [(str(i), r.label, r.type, str(r.degree), f"{r.betweenness:.3f}") for i, r in enumerate(rows, 1)]
    if rich:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="Most central actors")
        for i, name in enumerate(header):
            table.add_column(name, justify="right" if i in (0, 3, 4) else "left")
        for row in cells:
            table.add_row(*row)
        out = io.StringIO()
        Console(file=out, force_terminal=True, width=120).print(table)
        return out.getvalue()
    widths = [max(len(c[i]) for c in [header, *cells]) for i in range(len(header))]
    lines = []
    for row in [header, *cells]:
        parts = [v.rjust(w) if i in (3, 4) else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines) + "\n"
