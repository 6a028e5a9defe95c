"""Filters of the actor graph: by actor type, by name (labels and aliases), by neighbourhood."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from pipeline.errors import WhereasError
from pipeline.network.model import ACTOR_CLASSES, JOIN
from pipeline.network.project import set_degrees

__all__ = ["actor_names", "select_types", "find_actors", "focus_graph"]


def _induced(G: nx.MultiDiGraph, nodes: Iterable[str]) -> nx.MultiDiGraph:
    """The subgraph of ``G`` on ``nodes``, a copy with nodes and edges in ``G``'s own order
    and degrees recounted. (``G.subgraph`` walks a set of the nodes: its order, and so the
    bytes of a GraphML or GEXF file, would change from one run to the next.)

    >>> G = nx.MultiDiGraph([("b", "c"), ("a", "b"), ("c", "a")])
    >>> H = _induced(G, {"c", "b"})
    >>> list(H), list(H.edges), H.nodes["b"]["degree"]
    (['b', 'c'], [('b', 'c', 0)], 1)
    """
    keep = set(nodes)
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if n in keep)
    H.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u in keep and v in keep)
    return set_degrees(H)


def actor_names(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The label of ``node`` followed by its alternative labels.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:a", label="Anna Berg", altLabels="Berg | Ms Berg")
    >>> actor_names(G, "urn:a")
    ['Anna Berg', 'Berg', 'Ms Berg']
    """
    data = G.nodes[node]
    alts = [a for a in str(data.get("altLabels", "")).split(JOIN) if a]
    return [str(data.get("label", node)), *alts]


def select_types(
    G: nx.MultiDiGraph, types: Iterable[str], *, keep: Iterable[str] = (), source: str | Path | None = None
) -> nx.MultiDiGraph:
    """The subgraph of actors whose type is one of ``types`` (case-insensitive), plus ``keep``.

    Raises:
        WhereasError: a name that is no actor class; the message lists the valid ones.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:a", type="Person"); G.add_node("urn:c", type="Court")
    >>> G.add_edge("urn:c", "urn:a", key="e1")
    'e1'
    >>> H = select_types(G, ["person"])
    >>> list(H.nodes(data="degree"))
    [('urn:a', 0)]
    >>> select_types(G, ["Persn"])
    Traceback (most recent call last):
    ...
    pipeline.errors.WhereasError: --types: unknown actor type 'Persn'; valid types: Actor, Country, Court, GovernmentBody, InternationalOrganisation, MediaOutlet, NGO, Organisation, Person, Place, PoliticalParty
    """
    by_lower = {c.lower(): c for c in ACTOR_CLASSES}
    wanted = set()
    for name in types:
        if name.strip().lower() not in by_lower:
            raise WhereasError(
                source or "--types",
                f"unknown actor type {name.strip()!r}; valid types: " + ", ".join(sorted(ACTOR_CLASSES)),
            )
        wanted.add(by_lower[name.strip().lower()])
    keep = set(keep)
    nodes = [n for n, t in G.nodes(data="type") if t in wanted or n in keep]
    return _induced(G, nodes)


def find_actors(G: nx.MultiDiGraph, name: str, *, source: str | Path | None = None) -> list[str]:
    """The actors called ``name``: case-insensitive, labels first, then alternative labels
    (an alias several actors share finds them all).

    Raises:
        WhereasError: no actor has that name; the message suggests the closest names.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:a", label="Anna Berg", altLabels="Berg"); G.add_node("urn:b", label="Berg")
    >>> find_actors(G, "BERG"), find_actors(G, "anna berg")
    (['urn:b'], ['urn:a'])
    """
    wanted = name.strip().casefold()
    by_label = sorted(n for n in G if str(G.nodes[n].get("label", "")).casefold() == wanted)
    found = by_label or sorted(n for n in G if wanted in (a.casefold() for a in actor_names(G, n)))
    if found:
        return found
    from rapidfuzz import fuzz, process, utils

    names = sorted({(a, n) for n in G for a in actor_names(G, n)})
    hits = process.extract(
        name, [a for a, _ in names], scorer=fuzz.WRatio, processor=utils.default_process, limit=10, score_cutoff=70
    )
    suggestions: list[str] = []
    for _, _, i in sorted(hits, key=lambda h: (-h[1], h[0])):
        label = str(G.nodes[names[i][1]].get("label", names[i][1]))
        if label not in suggestions:
            suggestions.append(label)
    hint = ("; did you mean " + ", ".join(repr(s) for s in suggestions[:3]) + "?") if suggestions else ""
    raise WhereasError(source or "--focus", f"no actor named {name!r}{hint}")


def focus_graph(G: nx.MultiDiGraph, name: str, hops: int = 1, *, source: str | Path | None = None) -> nx.MultiDiGraph:
    """The actors within ``hops`` links (either direction) of the actor(s) called ``name``
    (see :func:`find_actors`), with their degrees in the subgraph.

    Raises:
        WhereasError: no actor has that name; the message suggests the closest names.

    >>> G = nx.MultiDiGraph()
    >>> for n, label in [("urn:a", "Anna Berg"), ("urn:b", "Karl Berg"), ("urn:c", "City Court")]:
    ...     G.add_node(n, label=label)
    >>> G.add_edge("urn:a", "urn:b", key="spouseOf"); G.add_edge("urn:c", "urn:a", key="e1")
    'spouseOf'
    'e1'
    >>> sorted(focus_graph(G, "karl berg", hops=1))
    ['urn:a', 'urn:b']
    >>> focus_graph(G, "Karl Borg")
    Traceback (most recent call last):
    ...
    pipeline.errors.WhereasError: --focus: no actor named 'Karl Borg'; did you mean 'Karl Berg'?
    """
    undirected = G.to_undirected(as_view=True)
    nodes: set[str] = set()
    for centre in find_actors(G, name, source=source):
        nodes |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=hops))
    return _induced(G, nodes)
