"""The network of actors: a networkx projection of the graph, its filters, centrality and exports.

The package is layered, each module importing only those above it in this list:

- ``model``: actor classes, event and relation link types, the ``Fact`` records (data only);
- ``project``: the whereas graph (rdflib) projected by SPARQL onto a networkx graph of actors,
  and each actor's facts;
- ``timeline``: a person's events in date order, the documents reporting each, their conflicts;
- ``filters``: by actor type, by name, by neighbourhood;
- ``measures``: centrality and its table;
- ``layout``: deterministic positions;
- ``export``: GraphML and GEXF files.

The pictures (``pipeline.viz``) and the ``viz`` command (``pipeline.viz.command``) sit on top and
import from here; nothing here imports them.
"""

from __future__ import annotations

from pipeline.network.export import write_gexf, write_graphml
from pipeline.network.filters import actor_names, find_actors, focus_graph, select_types
from pipeline.network.layout import layout
from pipeline.network.measures import Centrality, centrality, format_centrality
from pipeline.network.model import (
    ACTOR_CLASSES,
    EVENT_EDGES,
    RELATION_LABELS,
    SYMMETRIC_RELATIONS,
    Conflict,
    EventEdges,
    Evidence,
    Fact,
    Participant,
    Report,
    TimelineEntry,
)
from pipeline.network.project import actor_facts, to_actor_graph
from pipeline.network.timeline import timelines

__all__ = [
    "ACTOR_CLASSES",
    "EVENT_EDGES",
    "RELATION_LABELS",
    "SYMMETRIC_RELATIONS",
    "EventEdges",
    "Evidence",
    "Participant",
    "Fact",
    "Report",
    "Conflict",
    "TimelineEntry",
    "Centrality",
    "to_actor_graph",
    "actor_facts",
    "timelines",
    "actor_names",
    "select_types",
    "find_actors",
    "focus_graph",
    "centrality",
    "format_centrality",
    "layout",
    "write_graphml",
    "write_gexf",
]
