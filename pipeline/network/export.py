"""The actor graph as files for network tools: GraphML and GEXF, written atomically."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO

import networkx as nx

from pipeline.atomic import atomic_write_bytes

__all__ = ["write_graphml", "write_gexf"]


def _xml_bytes(writer: Callable[[nx.MultiDiGraph, IO[bytes]], object], G: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    writer(G, buf)
    return buf.getvalue()


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GraphML (Gephi, yEd, Cytoscape), atomically.

    >>> import tempfile
    >>> G = nx.MultiDiGraph(); G.add_edge("urn:a", "urn:b", key="e1", label="sentenced")
    'e1'
    >>> p = write_graphml(G, Path(tempfile.mkdtemp()) / "g.graphml")
    >>> H = nx.read_graphml(p, edge_key_type=str, force_multigraph=True)
    >>> list(H.edges(keys=True, data="label"))
    [('urn:a', 'urn:b', 'e1', 'sentenced')]
    """
    return atomic_write_bytes(path, _xml_bytes(lambda g, f: nx.write_graphml(g, f, encoding="utf-8"), G))


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GEXF 1.2 (Gephi), atomically, with no date in it.

    >>> import tempfile
    >>> G = nx.MultiDiGraph(); G.add_edge("urn:a", "urn:b", key="e1", label="sentenced")
    'e1'
    >>> H = nx.read_gexf(write_gexf(G, Path(tempfile.mkdtemp()) / "g.gexf"))
    >>> [(u, v, d["label"]) for u, v, d in H.edges(data=True)]
    [('urn:a', 'urn:b', 'sentenced')]
    """
    data = _xml_bytes(nx.write_gexf, G)
    # networkx stamps today's date into <meta>; the attribute is optional: drop it, same graph -> same bytes
    data = re.sub(rb'(<meta) lastmodifieddate="[^"]*"', rb"\1", data, count=1)
    return atomic_write_bytes(path, data)
