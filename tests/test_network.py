"""The actor network: projection, facts, filters, centrality, exports and the `viz` command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import InputError, OutputError, WhereasError
from pipeline.network import (
    actor_facts,
    centrality,
    focus_graph,
    format_centrality,
    select_types,
    to_actor_graph,
    write_gexf,
    write_graphml,
)
from pipeline.rdf.export import read_dataset
from pipeline.viz.command import run_viz
from pipeline.viz.html import page_data, render_html

ID = "https://w3id.org/whereas/id/"
ELENA, PETAR, IVO, MIRA = (
    ID + p for p in ("person/elena-vasko", "person/petar-vasko", "person/ivo-marek", "person/mira-sol")
)
FU, VOICE = ID + "politicalparty/freedom-union", ID + "mediaoutlet/graustark-voice"
DCOURT, SCOURT = ID + "court/edelweiss-district-court", ID + "court/supreme-court-of-graustark"
MOJ, EP = ID + "governmentbody/ministry-of-justice-of-graustark", ID + "internationalorganisation/european-parliament"
ODW, GRAUSTARK, EDELWEISS = ID + "ngo/open-dialogue-watch", ID + "country/graustark", ID + "place/edelweiss"
EV = ID + "event/"

PREFIX = """@prefix wh: <https://w3id.org/whereas/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


@pytest.fixture(scope="module")
def ds(viz_graph: Path) -> Dataset:
    return read_dataset(viz_graph)


@pytest.fixture(scope="module")
def G(ds: Dataset) -> nx.MultiDiGraph:
    return to_actor_graph(ds)


def _ttl(text: str) -> Dataset:
    return Dataset(default_union=True).parse(data=PREFIX + text, format="turtle")


def _label(G: nx.MultiDiGraph, n: str) -> str:
    return G.nodes[n]["label"]


# --------------------------------------------------------------------------- projection


def test_nodes_are_the_actors_with_their_most_specific_type_and_names(G):
    assert dict(G.nodes(data="type")) == {
        ELENA: "Person",
        PETAR: "Person",
        IVO: "Person",
        MIRA: "Person",
        FU: "PoliticalParty",
        VOICE: "MediaOutlet",
        DCOURT: "Court",
        SCOURT: "Court",
        MOJ: "GovernmentBody",
        EP: "InternationalOrganisation",
        ODW: "NGO",
        GRAUSTARK: "Country",
        EDELWEISS: "Place",
    }
    assert G.nodes[ELENA] == {
        "label": "Elena Vasko",
        "type": "Person",
        "altLabels": "Ms Vasko | Vasko",
        "positions": "opposition journalist",
        "degree": 7,
    }
    assert G.nodes[MIRA]["positions"] == "UN High Commissioner for Human Rights"
    assert G.nodes[EDELWEISS]["degree"] == 0  # the place of an arrest: a node, with no edge of its own
    assert list(G.nodes) == sorted(G.nodes)


def test_edges_join_actors_of_events_and_relations_labelled_from_the_table(G):
    edges = sorted(
        (_label(G, u), _label(G, v), d["label"], d["relation"], d["kind"], d["date"]) for u, v, d in G.edges(data=True)
    )
    assert edges == sorted(
        [
            ("Edelweiss District Court", "Elena Vasko", "sentenced", "Sentencing", "event", "2097-10-08"),
            ("Supreme Court of Graustark", "Elena Vasko", "decided on", "CourtDecision", "event", "2097-11-19"),
            ("Edelweiss District Court", "Freedom Union", "banned", "Ban", "event", "2097-12"),
            ("Ministry of Justice of Graustark", "Graustark Voice", "banned", "Ban", "event", "2097-12-21"),
            ("Ministry of Justice of Graustark", "Ivo Marek", "arrested", "Arrest", "event", "2097-01-15"),
            ("Ministry of Justice of Graustark", "Graustark Voice", "sued", "Lawsuit", "event", "2099"),
            ("Open Dialogue Watch", "Freedom Union", "statement on", "Statement", "event", ""),
            ("Mira Sol", "Elena Vasko", "statement on", "Statement", "event", "2098"),
            ("Mira Sol", "Graustark", "visited", "Visit", "event", "2098-02"),
            ("European Parliament", "Elena Vasko", "demands release of", "ReleaseDemand", "event", ""),
            # the second document's demand names two people: one event, two edges
            ("European Parliament", "Elena Vasko", "demands release of", "ReleaseDemand", "event", ""),
            ("European Parliament", "Ivo Marek", "demands release of", "ReleaseDemand", "event", ""),
            ("Petar Vasko", "Elena Vasko", "spouse of", "spouseOf", "relation", ""),
            ("Elena Vasko", "Freedom Union", "member of", "memberOf", "relation", ""),
            ("Ivo Marek", "Freedom Union", "leader of", "leaderOf", "relation", ""),
            ("Petar Vasko", "Graustark Voice", "employee of", "employeeOf", "relation", ""),
        ]
    )
    assert not any(d["relation"] == "holdsPosition" for _, _, d in G.edges(data=True))


def test_edges_carry_event_iri_evidence_and_confidence(G):
    sentencing = EV + "ep-2098-graustark/sentencing-elena-vasko-3"
    assert G.edges[DCOURT, ELENA, sentencing] == {
        "label": "sentenced",
        "relation": "Sentencing",
        "kind": "event",
        "date": "2097-10-08",
        "event": sentencing,
        "confidence": 0.92,
        "evidence": "whereas on 8 October 2097 the Edelweiss District Court sentenced the opposition "
        "journalist Elena Vasko to seven and a half years in prison on charges of "
        "'inciting social discord'",
    }
    spouse = G.edges[PETAR, ELENA, "spouseOf"]
    assert spouse["event"] == ID + "statement/792ea75d62"
    assert spouse["evidence"] == "Petar Vasko, the husband of Elena Vasko"
    assert spouse["confidence"] == 0.8


def test_every_attribute_is_a_string_or_a_number(G):
    values = [v for _, d in G.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in G.edges(data=True) for v in d.values()]
    assert values and all(type(v) in (str, int, float) for v in values)


def test_named_graphs_are_read_as_one_even_without_a_union_default(ds, G):
    separate = Dataset()  # default_union=False: the default graph alone is empty
    for s, p, o, g in ds.quads((None, None, None, None)):
        separate.graph(g).add((s, p, o))
    H = to_actor_graph(separate)
    assert nx.utils.graphs_equal(H, G)
    assert H.has_edge(MOJ, VOICE, EV + "ep-2099-graustark/lawsuit-graustark-voice-3")


def test_most_specific_class_and_symmetric_relation_once():
    G = to_actor_graph(
        _ttl("""
        <urn:c> a wh:Place, wh:Country, wh:Actor ; rdfs:label "Ruritania" .
        <urn:k> a wh:Organisation, wh:Court ; rdfs:label "City Court" .
        <urn:a> a wh:Person ; rdfs:label "Anna" . <urn:b> a wh:Person .
        <urn:a> wh:spouseOf <urn:b> . <urn:b> wh:spouseOf <urn:a> .
        <urn:a> wh:memberOf <urn:k> . <urn:k> wh:memberOf <urn:a> .
        <urn:x> wh:spouseOf <urn:a> .  # not an actor: no edge
    """)
    )
    assert dict(G.nodes(data="type")) == {"urn:a": "Person", "urn:b": "Person", "urn:c": "Country", "urn:k": "Court"}
    assert G.nodes["urn:b"]["label"] == "b"  # no rdfs:label: the IRI's last segment
    assert sorted((u, v, k) for u, v, k in G.edges(keys=True)) == [
        ("urn:a", "urn:b", "spouseOf"),
        ("urn:a", "urn:k", "memberOf"),
        ("urn:k", "urn:a", "memberOf"),
    ]


def test_statement_reaches_the_subject_of_what_it_is_about_and_skips_itself():
    G = to_actor_graph(
        _ttl("""
        <urn:a> a wh:Person . <urn:b> a wh:Person . <urn:k> a wh:Court .
        <urn:s> a wh:Sentencing ; wh:court <urn:k> ; wh:subject <urn:a> .
        <urn:st> a wh:Statement ; wh:subject <urn:b> ; wh:about <urn:s> .
        <urn:self> a wh:Statement ; wh:subject <urn:a> ; wh:about <urn:s> .
        <urn:d> a wh:CourtDecision ; wh:court <urn:k> ; wh:decisionOn <urn:s> .
    """)
    )
    assert sorted(G.edges(keys=True)) == [
        ("urn:b", "urn:a", "urn:st"),
        ("urn:k", "urn:a", "urn:d"),
        ("urn:k", "urn:a", "urn:s"),
    ]


# --------------------------------------------------------------------------- facts


def test_facts_of_an_actor_every_event_relation_and_position_with_sources(ds):
    facts = actor_facts(ds)[ELENA]
    summary = [
        (f.kind, f.type, f.role, f.date, [(p.role, p.label) for p in f.participants], [e.part for e in f.evidence])
        for f in facts
    ]
    assert summary == [
        ("event", "Sentencing", "subject", "2097-10-08", [("court", "Edelweiss District Court")], ["Recital A"]),
        ("event", "CourtDecision", "subject", "2097-11-19", [("court", "Supreme Court of Graustark")], ["Recital B"]),
        ("event", "Statement", "about", "2098", [("subject", "Mira Sol")], ["Recital G"]),
        ("event", "ReleaseDemand", "subject", "", [("agent", "European Parliament")], ["Paragraph 1"]),
        (
            "event",
            "ReleaseDemand",
            "subject",
            "",
            [("subject", "Ivo Marek"), ("agent", "European Parliament")],
            ["Paragraph 1"],
        ),
        ("position", "holdsPosition", "subject", "", [], ["Recital A"]),
        ("relation", "memberOf", "subject", "", [("object", "Freedom Union")], ["Recital C"]),
        ("relation", "spouseOf", "object", "", [("subject", "Petar Vasko")], ["Recital D"]),
    ]
    sentencing, decision = facts[0], facts[1]
    assert sentencing.details == ("charge: inciting social discord", "sentence: 7 years 6 months")
    assert decision.details == ("outcome: upheld", "ruling on: Sentencing of Elena Vasko")
    assert facts[5].label == "holds position: opposition journalist"
    assert [e.document for e in facts[4].evidence] == [ID + "document/ep-2099-graustark"]
    assert facts[4].evidence[0].text == "Reiterates its call for the release of Elena Vasko and Ivo Marek;"


def test_facts_of_a_place_and_of_the_other_side_of_a_relation(ds):
    facts = actor_facts(ds)
    [arrest] = facts[EDELWEISS]
    assert (arrest.type, arrest.role, [p.label for p in arrest.participants]) == (
        "Arrest",
        "place",
        ["Ivo Marek", "Ministry of Justice of Graustark"],
    )
    assert [(f.type, f.label) for f in facts[FU] if f.kind == "relation"] == [
        ("leaderOf", "led by"),
        ("memberOf", "has member"),
    ]


# --------------------------------------------------------------------------- filters


def test_focus_by_label_or_alias_case_insensitive(G):
    assert sorted(focus_graph(G, "ELENA VASKO", hops=0)) == [ELENA]
    one = focus_graph(G, "ms vasko", hops=1)
    assert set(one) == {ELENA, DCOURT, SCOURT, MIRA, EP, PETAR, FU}
    assert one.nodes[ELENA]["degree"] == 7 and one.nodes[FU]["degree"] == 2  # degrees of the subgraph
    assert set(focus_graph(G, "Marek", hops=2)) == {IVO, MOJ, EP, FU, VOICE, ELENA, DCOURT, ODW}


def test_focus_on_an_unknown_actor_suggests_close_names(G):
    with pytest.raises(WhereasError) as err:
        focus_graph(G, "Elena Vaskova", source="g.trig")
    assert str(err.value) == "g.trig: no actor named 'Elena Vaskova'; did you mean 'Elena Vasko'?"
    with pytest.raises(WhereasError, match=r"no actor named 'zzzz'$"):
        focus_graph(G, "zzzz")


def test_types_filter_keeps_those_types_and_rejects_unknown_names(G):
    H = select_types(G, ["Person", "court"])
    assert set(H) == {ELENA, PETAR, IVO, MIRA, DCOURT, SCOURT}
    assert sorted((u, v) for u, v, _ in H.edges(keys=True)) == sorted(
        [(DCOURT, ELENA), (SCOURT, ELENA), (MIRA, ELENA), (PETAR, ELENA)]
    )
    with pytest.raises(WhereasError) as err:
        select_types(G, ["Persons"])
    assert "unknown actor type 'Persons'; valid types: Actor, Country, Court," in str(err.value)


# --------------------------------------------------------------------------- statistics


def test_centrality_table_order_and_values(G):
    rows = centrality(G, top=4)
    assert [(r.label, r.degree) for r in rows] == [
        ("Elena Vasko", 7),
        ("Freedom Union", 4),
        ("Ivo Marek", 3),
        ("European Parliament", 3),
    ]
    # on the undirected simple graph, normalised by networkx: 2 / ((n - 1)(n - 2)) for n = 13
    simple = nx.Graph(G)
    assert rows[0].betweenness == round(nx.betweenness_centrality(simple)[ELENA], 6) == 0.532828
    assert rows[2].betweenness > rows[3].betweenness  # ties in degree broken by betweenness
    plain = format_centrality(rows)
    assert plain.splitlines()[0].split() == ["#", "actor", "type", "degree", "betweenness"]
    assert plain.splitlines()[1].split() == ["1", "Elena", "Vasko", "Person", "7", "0.533"]
    assert "\x1b[" in format_centrality(rows, rich=True)


# --------------------------------------------------------------------------- exports


def test_graphml_round_trip_keeps_nodes_edges_keys_and_attributes(G, tmp_path):
    path = write_graphml(G, tmp_path / "actors.graphml")
    H = nx.read_graphml(path, edge_key_type=str, force_multigraph=True)
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(H.edges(keys=True, data=True), key=lambda e: e[:3]) == sorted(
        G.edges(keys=True, data=True), key=lambda e: e[:3]
    )
    assert H.is_directed() and H.is_multigraph()
    assert write_graphml(G, tmp_path / "again.graphml").read_bytes() == path.read_bytes()


def test_gexf_round_trip_keeps_nodes_edges_keys_and_attributes(G, tmp_path):
    path = write_gexf(G, tmp_path / "actors.gexf")
    H = nx.read_gexf(path)
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    back = sorted(
        (
            (u, v, k, {a: b for a, b in d.items() if a != "id"})  # the reader adds GEXF's edge id
            for u, v, k, d in H.edges(keys=True, data=True)
        ),
        key=lambda e: e[:3],
    )
    assert back == sorted(G.edges(keys=True, data=True), key=lambda e: e[:3])
    assert b"lastmodifieddate" not in path.read_bytes()  # same graph, same bytes, any day
    assert write_gexf(G, tmp_path / "again.gexf").read_bytes() == path.read_bytes()


def test_svg_is_deterministic_and_png_is_a_picture(viz_graph, tmp_path):
    first = run_viz(viz_graph, output=tmp_path / "a.svg")
    assert first == f"{tmp_path / 'a.svg'}: 13 actors, 16 links\n"
    run_viz(viz_graph, output=tmp_path / "b.svg")
    svg = (tmp_path / "a.svg").read_bytes()
    assert svg == (tmp_path / "b.svg").read_bytes()
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert b"<dc:date>" not in svg
    run_viz(viz_graph, output=tmp_path / "a.png")
    from PIL import Image

    with Image.open(tmp_path / "a.png") as img:
        assert img.format == "PNG" and img.width > 1000 and img.height > 800


# --------------------------------------------------------------------------- the page (no browser)


def _embedded(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_page_is_self_contained_and_embeds_the_graph(G, ds):
    facts = actor_facts(ds)
    page = render_html(G, facts, title="Actors <of> Graustark")
    assert "<title>Actors &lt;of&gt; Graustark</title>" in page
    assert not re.search(r"<(script|img|link|iframe)[^>]+(src|href)=", page)
    assert not re.search(r"url\((?!\"?data:)", page)
    data = _embedded(page)
    assert data == json.loads(json.dumps(page_data(G, facts)))
    assert len(data["nodes"]) == 13 and len(data["edges"]) == 16
    assert [t["type"] for t in data["types"]] == [
        "Person",
        "Court",
        "PoliticalParty",
        "MediaOutlet",
        "GovernmentBody",
        "InternationalOrganisation",
        "NGO",
        "Place",
        "Country",
    ]
    assert data["dates"] == {"min": "2097-01-15", "max": "2099-12-31"}
    spouse = next(e for e in data["edges"] if e["key"] == "spouseOf")
    assert spouse["evidence"] == [
        {
            "text": "Petar Vasko, the husband of Elena Vasko",
            "document": ID + "document/ep-2098-graustark",
            "part": "Recital D",
            "start": 539,
        }
    ]
    assert render_html(G, facts, title="Actors <of> Graustark") == page  # deterministic


def test_page_data_cannot_break_out_of_its_script_element():
    hostile = "</script><script>alert(1)</script><!-- & \u2028"
    G = to_actor_graph(_ttl(f'<urn:a> a wh:Person ; rdfs:label "{hostile}" .'))
    page = render_html(G, {}, title=hostile)
    assert page.count("</script>") == 3  # the data block, vis-network and the page's own script
    assert _embedded(page)["nodes"][0]["label"] == hostile


# --------------------------------------------------------------------------- the command


def test_run_viz_default_output_and_stats(tmp_path, viz_graph):
    source = tmp_path / "graph.trig"
    source.write_bytes(viz_graph.read_bytes())
    assert run_viz(source) == f"{tmp_path / 'actors.html'}: 13 actors, 16 links\n"
    assert (tmp_path / "actors.html").read_text().startswith("<!DOCTYPE html>")
    text = run_viz(source, stats=True, types=["Person"])
    assert text.splitlines()[0].split() == ["#", "actor", "type", "degree", "betweenness"]
    assert [line.split()[1] for line in text.splitlines()[1:]] == [
        "Elena",
        "Mira",
        "Petar",
        "Ivo",
    ]  # degrees among persons only


def test_run_viz_focus_and_types_together(viz_graph, tmp_path):
    out = tmp_path / "elena.graphml"
    text = run_viz(viz_graph, output=out, focus="vasko", hops=1, types=["Court"])
    assert text == f"{out}: 3 actors, 2 links\n"  # the focus actor stays, whatever its type
    H = nx.read_graphml(out, edge_key_type=str, force_multigraph=True)
    assert set(H) == {ELENA, DCOURT, SCOURT}


def test_filtered_files_are_the_same_bytes_under_any_string_hash_seed(viz_graph, tmp_path):
    """--focus and --types keep the projection's sorted order: the same graph gives the same file
    in every run (Python salts string hashes per process, so set order changes between runs)."""
    code = (
        "import sys; from pathlib import Path; from pipeline.viz.command import run_viz; "
        "src, out = Path(sys.argv[1]), Path(sys.argv[2]); "
        "run_viz(src, output=out / 'types.gexf', types=['Person', 'Court']); "
        "run_viz(src, output=out / 'focus.graphml', focus='Ivo Marek')"
    )
    files: dict[str, list[bytes]] = {"types.gexf": [], "focus.graphml": []}
    for seed in ("1", "2", "3", "4"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(viz_graph), str(out)], env=env, check=True)
        for name, versions in files.items():
            versions.append((out / name).read_bytes())
    for name, versions in files.items():
        assert len(set(versions)) == 1, name
    H = nx.read_gexf(tmp_path / "1" / "types.gexf")
    assert list(H) == sorted(H) and len(H) == 6


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (
            {"output": "x.pdf"},
            OutputError,
            "x.pdf: unknown output format .pdf; use one of .gexf, .graphml, .html, .png, .svg",
        ),
        ({"output": "x.html", "types": ["Judge"]}, WhereasError, "--types: unknown actor type 'Judge'"),
        ({"output": "x.html", "focus": "Nobody Here"}, WhereasError, "graustark.trig: no actor named 'Nobody Here'"),
        ({"output": "x.svg", "focus": "Edelweiss", "types": ["NGO"], "hops": 3}, None, "1 actor, 0 links"),
    ],
)
def test_run_viz_errors_write_nothing(viz_graph, tmp_path, kwargs, error, message):
    kwargs = {**kwargs, "output": tmp_path / kwargs["output"]}
    if error is None:  # the control case: the focus actor is kept whatever its type
        assert run_viz(viz_graph, **kwargs) == f"{kwargs['output']}: {message}\n"
        return
    with pytest.raises(error) as err:
        run_viz(viz_graph, **kwargs)
    assert message in str(err.value)
    assert "\n" not in str(err.value)
    assert list(tmp_path.glob("x.*")) == []


def test_types_leaving_no_actor_is_an_error(tmp_path):
    source = tmp_path / "people.ttl"
    source.write_text(PREFIX + "<urn:a> a wh:Person .", encoding="utf-8")
    with pytest.raises(WhereasError, match=r"people.ttl: no actors of type NGO in the graph$"):
        run_viz(source, output=tmp_path / "x.html", types=["NGO"])
    assert not (tmp_path / "x.html").exists()


def test_run_viz_bad_inputs(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        run_viz(tmp_path / "missing.ttl", output=tmp_path / "a.html")
    empty = tmp_path / "empty.ttl"
    empty.write_text(PREFIX + "<urn:x> rdfs:label 'not an actor' .", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty.ttl: no actors in the graph"):
        run_viz(empty, output=tmp_path / "a.html")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> a ", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.ttl: not valid turtle"):
        run_viz(broken, output=tmp_path / "a.html")
    assert not (tmp_path / "a.html").exists()


def test_a_failed_run_leaves_an_existing_output_untouched(viz_graph, tmp_path):
    out = tmp_path / "actors.gexf"
    out.write_text("previous", encoding="utf-8")
    with pytest.raises(WhereasError):
        run_viz(viz_graph, output=out, focus="nobody")
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["actors.gexf"]


def test_cli_viz(viz_graph, tmp_path):
    runner = CliRunner()
    out = tmp_path / "a.gexf"
    ok = runner.invoke(app, ["viz", str(viz_graph), "-o", str(out), "--focus", "Ivo Marek", "--hops", "1"])
    assert ok.exit_code == 0, ok.output
    assert ok.output == f"{out}: 4 actors, 3 links\n"
    stats = runner.invoke(app, ["viz", str(viz_graph), "--stats", "--types", "Person, Court"])
    assert stats.exit_code == 0 and "Elena Vasko" in stats.output and "\x1b[" not in stats.output
    bad = runner.invoke(app, ["viz", str(viz_graph), "--types", "Persn"])
    assert bad.exit_code == 1
    assert bad.stderr.startswith("whereas: error: --types: unknown actor type 'Persn'; valid types: ")
    assert bad.stderr.count("\n") == 1
