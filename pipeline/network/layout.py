"""Positions of the actors: one deterministic 2-D layout shared by the page and the pictures."""

from __future__ import annotations

import random

import networkx as nx

__all__ = ["layout"]


def layout(G: nx.MultiDiGraph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Deterministic 2-D positions for the nodes, centred and scaled into [-1, 1].

    A Fruchterman-Reingold layout (igraph's, in C: a 2,000-actor graph takes seconds,
    where networkx's takes half a minute) from seeded start positions with a seeded
    generator, so the same graph always gets the same picture.

    >>> pos = layout(nx.MultiDiGraph([("a", "b"), ("b", "c")]))
    >>> sorted(pos) == ["a", "b", "c"] and pos == layout(nx.MultiDiGraph([("a", "b"), ("b", "c")]))
    True
    >>> max(abs(v) for xy in pos.values() for v in xy)
    1.0
    """
    import igraph

    nodes = sorted(G)
    if len(nodes) <= 1:
        return {n: (0.0, 0.0) for n in nodes}
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted({tuple(sorted((index[u], index[v]))) for u, v in G.edges() if u != v})
    rng = random.Random(seed)
    start = [[rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0)] for _ in nodes]
    igraph.set_random_number_generator(rng)
    try:
        coords = (
            igraph.Graph(n=len(nodes), edges=edges)
            .layout_fruchterman_reingold(seed=start, niter=500 if len(nodes) <= 1000 else 250)
            .coords
        )
    finally:
        igraph.set_random_number_generator(random)
    cx = sum(x for x, _ in coords) / len(coords)
    cy = sum(y for _, y in coords) / len(coords)
    span = max(max(abs(x - cx), abs(y - cy)) for x, y in coords) or 1.0
    return {n: (round((x - cx) / span, 5), round((y - cy) / span, 5)) for n, (x, y) in zip(nodes, coords, strict=True)}
