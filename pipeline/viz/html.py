"""The interactive page: one self-contained HTML file (vis-network inlined, data as JSON)."""

from __future__ import annotations

import dataclasses
import html
import importlib.metadata
import json
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path

import networkx as nx

from pipeline.atomic import atomic_write_bytes
from pipeline.errors import OutputError
from pipeline.network.layout import layout
from pipeline.network.model import ACTOR_CLASSES, Fact, TimelineEntry
from pipeline.viz.style import style_of

__all__ = ["VIS_NETWORK", "page_data", "render_html", "write_html"]

#: The vis-network build inlined in the page: the standalone one the pinned pyvis ships.
VIS_NETWORK = ("pyvis", "pyvis/lib/vis-9.1.2/")
_JOIN = " | "
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_DATE = re.compile(r"^(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?")


@cache
def _vis_asset(name: str) -> str:
    dist, folder = VIS_NETWORK
    try:
        found = [f for f in importlib.metadata.files(dist) or () if str(f).replace("\\", "/") == folder + name]
    except importlib.metadata.PackageNotFoundError:
        found = []
    if not found:
        raise OutputError(None, f"{folder}{name} not found: install the pinned {dist} package")
    return Path(str(found[0].locate())).read_text(encoding="utf-8")


def _asset(name: str) -> str:
    return files("pipeline.viz").joinpath(name).read_text(encoding="utf-8")


def _bounds(date: str) -> tuple[str, str] | None:
    m = _DATE.match(date or "")
    if not m:
        return None
    year, month, day = m.groups()
    return f"{year}-{month or '01'}-{day or '01'}", f"{year}-{month or '12'}-{day or '31'}"


def page_data(
    G: nx.MultiDiGraph,
    facts: Mapping[str, Sequence[Fact]],
    timelines: Mapping[str, Sequence[TimelineEntry]] | None = None,
) -> dict:
    """What the page shows, as plain JSON-ready data: nodes with positions, edges with
    their source sentences, the types present with their look, facts per actor, the
    timelines of the people (``pipeline.network.timeline``), date span.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:c", label="City Court", type="Court", altLabels="", positions="", degree=1)
    >>> G.add_node("urn:a", label="Anna", type="Person", altLabels="Ms Anna", positions="", degree=1)
    >>> _ = G.add_edge("urn:c", "urn:a", key="urn:e1", label="sentenced", relation="Sentencing",
    ...                kind="event", date="2098-05", event="urn:e1", evidence="")
    >>> d = page_data(G, {})
    >>> [(t["type"], t["count"]) for t in d["types"]], d["nodes"][0]["altLabels"], d["dates"]
    ([('Person', 1), ('Court', 1)], ['Ms Anna'], {'min': '2098-05-01', 'max': '2098-05-31'})
    """
    pos = layout(G)
    scale = max(420.0, 60.0 * math.sqrt(len(G)))  # canvas pixels: ~100 px between neighbours
    nodes = []
    for n in sorted(G):
        d = G.nodes[n]
        x, y = pos[n]
        nodes.append(
            {
                "id": n,
                "label": str(d.get("label", n)),
                "type": str(d.get("type", "Actor")),
                "altLabels": [a for a in str(d.get("altLabels", "")).split(_JOIN) if a],
                "positions": [p for p in str(d.get("positions", "")).split(_JOIN) if p],
                "degree": int(G.degree(n)),
                "x": round(x * scale, 1),
                "y": round(-y * scale, 1),
            }
        )
    evidence: dict[str, list[dict]] = defaultdict(list)
    for items in facts.values():
        for fact in items:
            for iri in fact.iri.split(_JOIN):
                for ev in fact.evidence:
                    item = dataclasses.asdict(ev)
                    if iri and item not in evidence[iri]:
                        evidence[iri].append(item)
    edges: list[dict] = []
    parallel: dict[tuple[str, str], int] = defaultdict(int)
    for i, (u, v, key, d) in enumerate(sorted(G.edges(keys=True, data=True), key=lambda e: e[:3])):
        pair = (min(u, v), max(u, v))
        sentences: list[dict] = []
        for iri in str(d.get("event", "")).split(_JOIN):
            sentences += [e for e in evidence.get(iri, []) if e not in sentences]
        edges.append(
            {
                "id": f"e{i}",
                "from": u,
                "to": v,
                "key": str(key),
                "label": str(d.get("label", "")),
                "relation": str(d.get("relation", "")),
                "kind": str(d.get("kind", "")),
                "date": str(d.get("date", "")),
                "event": str(d.get("event", "")),
                "evidence": sentences,
                "curve": round(0.18 * parallel[pair], 2),
            }
        )
        parallel[pair] += 1
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        counts[node["type"]] += 1
    order = [t for t in ACTOR_CLASSES if t in counts] + sorted(set(counts) - set(ACTOR_CLASSES))
    types = [{"type": t, "count": counts[t], "colour": style_of(t).colour, "shape": style_of(t).shape} for t in order]
    fact_data = {n: [dataclasses.asdict(f) for f in facts.get(n, ())] for n in sorted(G)}
    spans = [b for b in (_bounds(e["date"]) for e in edges) if b]
    spans += [b for fs in fact_data.values() for b in (_bounds(f["date"]) for f in fs) if b]
    dates = {"min": min(b[0] for b in spans), "max": max(b[1] for b in spans)} if spans else {"min": "", "max": ""}
    timeline_data = {
        n: [dataclasses.asdict(e) for e in (timelines or {})[n]] for n in sorted(G) if n in (timelines or {})
    }
    return {
        "nodes": nodes,
        "edges": edges,
        "types": types,
        "facts": fact_data,
        "timelines": timeline_data,
        "dates": dates,
    }


def _script_json(data: object) -> str:
    """JSON that cannot close the ``<script>`` element it sits in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _inline(code: str, tag: str) -> str:
    return re.sub(f"</({tag})", r"<\\/\1", code, flags=re.IGNORECASE)


def render_html(
    G: nx.MultiDiGraph,
    facts: Mapping[str, Sequence[Fact]],
    *,
    title: str = "Actors",
    timelines: Mapping[str, Sequence[TimelineEntry]] | None = None,
) -> str:
    """The page for ``G``: opens offline, fetches nothing, same graph -> same bytes.

    Nodes take colour and shape from their type (legend with check boxes to filter),
    size from their degree; a search box finds an actor by name or alias; two dates
    hide links and facts outside a range; clicking an actor lists its ``facts`` with
    their source sentences in the side panel (a person's timeline first: date order, each
    line with its documents, sentences and conflicts), clicking a link shows its evidence.

    >>> G = nx.MultiDiGraph(); G.add_node("urn:a", label="</script><b>Anna", type="Person")
    >>> page = render_html(G, {}, title="Test")
    >>> page.count("</script>") == 3 and "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003eAnna" in page
    True
    """
    parts = {
        "title": html.escape(title),
        "vis_css": _inline(_vis_asset("vis-network.css"), "style"),
        "page_css": _inline(_asset("page.css"), "style"),
        "data": _script_json(page_data(G, facts, timelines)),
        "vis_js": _inline(_vis_asset("vis-network.min.js"), "script"),
        "page_js": _inline(_asset("page.js"), "script"),
    }
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _asset("page.html"))


def write_html(
    G: nx.MultiDiGraph,
    facts: Mapping[str, Sequence[Fact]],
    path: str | Path,
    *,
    title: str = "Actors",
    timelines: Mapping[str, Sequence[TimelineEntry]] | None = None,
) -> Path:
    """Write the page for ``G`` to ``path`` atomically.

    >>> import tempfile
    >>> G = nx.MultiDiGraph(); G.add_node("urn:a", label="Anna", type="Person")
    >>> page = write_html(G, {}, Path(tempfile.mkdtemp()) / "a.html").read_text(encoding="utf-8")
    >>> page.startswith("<!DOCTYPE html>") and '"label":"Anna"' in page
    True
    """
    return atomic_write_bytes(path, render_html(G, facts, title=title, timelines=timelines).encode("utf-8"))
