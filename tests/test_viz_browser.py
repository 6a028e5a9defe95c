"""The interactive page in a real headless chromium: offline, every actor drawn, search, clicks, facts.

The page forbids eval in its Content-Security-Policy, so waits go through selectors and
``expect`` (``wait_for_function`` polls with eval); the policy stays on in these tests.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from pipeline.iri import IriMinter
from pipeline.network import actor_facts, find_actors, timelines, to_actor_graph
from pipeline.rdf.export import read_dataset, write_dataset
from pipeline.viz.command import run_viz
from pipeline.vocab import WH

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "output"
ID = "https://w3id.org/whereas/id/"
ELENA, PETAR = ID + "person/elena-vasko", ID + "person/petar-vasko"


# --------------------------------------------------------------------------- helpers


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def _open(browser, html: Path):
    """The page, loaded, with every request it made recorded."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(html.as_uri())
    page.wait_for_selector('body[data-ready="true"]', state="attached")
    return page, requests, errors


def _offline(requests: list[str], html: Path) -> list[str]:
    return [u for u in requests if u != html.as_uri() and not u.startswith(("data:", "blob:"))]


def _click_actor(page, iri: str) -> None:
    """A real mouse click where the actor's node is drawn on the canvas."""
    xy = page.evaluate(
        """id => {
        const net = whereasViz.network, p = net.canvasToDOM(net.getPosition(id));
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return {x: r.left + p.x, y: r.top + p.y};
    }""",
        iri,
    )
    page.mouse.click(xy["x"], xy["y"])


def _panel_facts(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('#facts .fact')].map(li => ({
        type: li.querySelector('.fact-type').textContent,
        date: li.querySelector('.fact-date').textContent,
        label: li.querySelector('.fact-label').textContent,
        hidden: li.hidden,
        participants: [...li.querySelectorAll('.participant .actor-link')].map(a => a.textContent),
        evidence: [...li.querySelectorAll('.evidence')].map(q => q.textContent),
    }))""")


def _expected(facts) -> list[tuple]:
    return [(f.type, f.date, f.label, [p.label for p in f.participants], [e.text for e in f.evidence]) for f in facts]


def _shown(rows: list[dict]) -> list[tuple]:
    return [(r["type"], r["date"], r["label"], r["participants"], r["evidence"]) for r in rows]


def _check_page_draws_the_graph(page, G) -> None:
    assert page.evaluate("whereasViz.nodes.length") == G.number_of_nodes()
    assert page.evaluate("whereasViz.edges.length") == G.number_of_edges()
    assert sorted(page.evaluate("whereasViz.nodes.getIds()")) == sorted(G)
    legend = page.eval_on_selector_all("#legend .legend-item", "items => items.map(i => i.dataset.type)")
    assert sorted(legend) == sorted({t for _, t in G.nodes(data="type")})
    counts = page.eval_on_selector_all("#legend .legend-item .count", "items => items.map(i => +i.textContent)")
    assert sum(counts) == G.number_of_nodes()
    # every node is drawn on the canvas, at a finite position
    assert page.evaluate("""() => Object.values(whereasViz.network.getPositions())
        .every(p => Number.isFinite(p.x) && Number.isFinite(p.y))""")
    assert page.evaluate("Object.keys(whereasViz.network.getPositions()).length") == G.number_of_nodes()


def _big_dataset(n_actors: int = 2000, seed: int = 11) -> Dataset:
    """A generated corpus graph of ``n_actors`` actors, 1.5 events per actor, a few relations."""
    rnd = random.Random(seed)
    mint = IriMinter()
    ds = Dataset(default_union=True)
    doc_id = "ep-2100-generated"
    g = ds.graph(mint.document(doc_id))
    kinds = ["Person"] * 10 + [
        "Court",
        "PoliticalParty",
        "MediaOutlet",
        "GovernmentBody",
        "NGO",
        "InternationalOrganisation",
        "Country",
        "Place",
    ]
    actors = []
    for i in range(n_actors):
        kind = kinds[i % len(kinds)]
        iri = mint.actor(kind, f"{kind} {i:04d}")
        g.add((iri, RDF.type, WH[kind]))
        g.add((iri, RDFS.label, Literal(f"{kind} {i:04d}")))
        if kind == "Person":
            g.add((iri, SKOS.altLabel, Literal(f"Alias {i:04d}")))
        actors.append((iri, kind))
    courts = [a for a, k in actors if k == "Court"]
    people = [a for a, k in actors if k == "Person"]
    for j in range(n_actors * 3 // 2):
        kind = rnd.choice(["Sentencing", "Arrest", "Ban", "ReleaseDemand", "Lawsuit"])
        subject = rnd.choice(people)
        event = mint.event(doc_id, kind, str(subject), j)
        g.add((event, RDF.type, WH[kind]))
        g.add((event, WH.subject, subject))
        if kind in ("Sentencing", "Ban"):
            g.add((event, WH.court, rnd.choice(courts)))
        else:
            g.add((event, WH.agent, rnd.choice(actors)[0]))
        g.add((event, WH.date, Literal(f"{2000 + j % 25}-{1 + j % 12:02d}-{1 + j % 28:02d}", datatype=XSD.date)))
        span = mint.span(doc_id, 100 * j, 100 * j + 60)
        g.add((event, WH.evidence, span))
        g.add((span, RDF.type, WH.TextSpan))
        g.add((span, WH.text, Literal(f"Sentence {j}: a {kind.lower()} of {subject.rsplit('/', 1)[-1]}.")))
    for _ in range(n_actors // 5):
        a, b = rnd.sample(people, 2)
        g.add((a, WH.memberOf, b))
    return ds


# --------------------------------------------------------------------------- tests


def test_fixture_page_offline_search_click_facts_filters(chromium_browser, viz_graph, tmp_path):
    ds = read_dataset(viz_graph)
    html = tmp_path / "actors.html"
    run_viz(viz_graph, output=html)
    page, requests, errors = _open(chromium_browser, html)
    try:
        assert _offline(requests, html) == []
        assert errors == []
        _check_page_draws_the_graph(page, to_actor_graph(ds))

        page.fill("#search", "ms vasko")
        page.click("#search-button")
        assert page.text_content("#search-status") == "Found Elena Vasko"
        assert page.evaluate("whereasViz.network.getSelectedNodes()") == [ELENA]

        _click_actor(page, PETAR)
        expect(page.locator("#panel-title")).to_have_text("Petar Vasko")
        assert [r["type"] for r in _panel_facts(page)] == ["employeeOf", "spouseOf"]

        _click_actor(page, ELENA)
        expect(page.locator("#panel-title")).to_have_text("Elena Vasko")
        assert page.get_attribute("#panel", "data-kind") == "node"
        facts = actor_facts(ds)[ELENA]
        shown = _panel_facts(page)
        assert _shown(shown) == _expected(facts)
        sentencing = shown[0]
        assert (sentencing["type"], sentencing["date"], sentencing["participants"]) == (
            "Sentencing",
            "2097-10-08",
            ["Edelweiss District Court"],
        )
        assert sentencing["evidence"] == [
            "whereas on 8 October 2097 the Edelweiss District Court sentenced the opposition journalist "
            "Elena Vasko to seven and a half years in prison on charges of 'inciting social discord'"
        ]
        page.screenshot(path=str(tmp_path / "before-filters.png"))

        # dates: from 2098 on, the 2097 links and facts go, undated ones stay
        page.fill("#date-from", "2098-01-01")
        page.dispatch_event("#date-from", "change")
        assert page.text_content("#date-status") == "11 of 16 links shown"
        assert page.evaluate("whereasViz.edges.get({filter: e => e.hidden}).length") == 5
        hidden = [(r["type"], r["date"]) for r in _panel_facts(page) if r["hidden"]]
        assert hidden == [("Sentencing", "2097-10-08"), ("CourtDecision", "2097-11-19")]
        assert page.text_content("#facts-hidden") == "2 fact(s) outside the date range hidden"
        page.click("#date-reset")
        assert page.text_content("#date-status") == "16 of 16 links shown"

        # types: unticking Court hides exactly the two courts
        page.uncheck('#legend .legend-item[data-type="Court"] input')
        assert sorted(page.evaluate("whereasViz.nodes.get({filter: n => n.hidden}).map(n => n.id)")) == [
            ID + "court/edelweiss-district-court",
            ID + "court/supreme-court-of-graustark",
        ]
        page.check('#legend .legend-item[data-type="Court"] input')

        # a link: clicking the middle of the (straight) spouse edge shows its source sentence
        page.click("#fit")
        xy = page.evaluate(
            """([a, b]) => {
            const net = whereasViz.network, p = net.getPosition(a), q = net.getPosition(b);
            const m = net.canvasToDOM({x: (p.x + q.x) / 2, y: (p.y + q.y) / 2});
            const r = document.querySelector('#network canvas').getBoundingClientRect();
            return {x: r.left + m.x, y: r.top + m.y};
        }""",
            [PETAR, ELENA],
        )
        page.mouse.click(xy["x"], xy["y"])
        expect(page.locator("#panel")).to_have_attribute("data-kind", "edge")
        assert page.text_content("#panel-title") == "spouse of"
        assert page.eval_on_selector_all("#edge-evidence .evidence", "q => q.map(x => x.textContent)") == [
            "Petar Vasko, the husband of Elena Vasko"
        ]

        page.fill("#search", "Nobody at all")
        page.press("#search", "Enter")
        assert page.text_content("#search-status") == "No actor matches \u201cNobody at all\u201d"
        OUTPUT.mkdir(exist_ok=True)
        _click_actor(page, ELENA)
        page.mouse.move(0, 0)
        page.screenshot(path=str(OUTPUT / "actors-fixture-screenshot.png"))
        assert _offline(requests, html) == [] and errors == []
    finally:
        page.close()


def test_a_2000_actor_page_renders_and_answers_a_search(chromium_browser, tmp_path):
    ds = _big_dataset(2000)
    source = write_dataset(ds, tmp_path / "big.trig")
    html = tmp_path / "big.html"
    assert run_viz(source, output=html).startswith(f"{html}: 2000 actors, ")
    page, requests, errors = _open(chromium_browser, html)
    try:
        assert _offline(requests, html) == [] and errors == []
        G = to_actor_graph(ds)
        _check_page_draws_the_graph(page, G)
        page.fill("#search", "alias 0420")
        page.click("#search-button")
        assert page.text_content("#search-status") == "Found Person 0420"
        [target] = find_actors(G, "Person 0420")
        assert page.evaluate("whereasViz.network.getSelectedNodes()") == [target]
        expect(page.locator("#panel-title")).to_have_text("Person 0420")
        facts = actor_facts(ds)
        assert _shown(_panel_facts(page)) == _expected(facts[target])
        # a real click on whichever actor is drawn on top near the middle of the view
        # (in 2,000 actors a node may lie under another: ask vis which one the pointer finds)
        box = page.locator("#network canvas").bounding_box()
        hit = page.evaluate(
            """([x, y, target]) => {
            const net = whereasViz.network;
            for (let r = 0; r < 400; r += 4) {
                for (const [dx, dy] of [[r, 0], [-r, 0], [0, r], [0, -r]]) {
                    const id = net.getNodeAt({x: x + dx, y: y + dy});
                    if (id !== undefined && id !== target) { return {id: id, x: x + dx, y: y + dy}; }
                }
            }
            return null;
        }""",
            [box["width"] / 2, box["height"] / 2, target],
        )
        assert hit is not None
        page.mouse.click(box["x"] + hit["x"], box["y"] + hit["y"])
        expect(page.locator("#panel-title")).to_have_text(G.nodes[hit["id"]]["label"])
        assert _shown(_panel_facts(page)) == _expected(facts[hit["id"]])
    finally:
        page.close()


def test_sample_page_shows_the_facts_of_vladimir_kozlov(chromium_browser, sample_graph, tmp_path):
    ds = read_dataset(sample_graph)
    html = tmp_path / "actors.html"
    run_viz(sample_graph, output=html)
    page, requests, errors = _open(chromium_browser, html)
    try:
        assert _offline(requests, html) == [] and errors == []
        G = to_actor_graph(ds)
        _check_page_draws_the_graph(page, G)
        page.fill("#search", "Kozlov")
        page.click("#search-button")
        assert page.text_content("#search-status") == "Found Vladimir Kozlov"
        [kozlov] = find_actors(G, "Vladimir Kozlov")
        _click_actor(page, kozlov)
        expect(page.locator("#panel-title")).to_have_text("Vladimir Kozlov")
        shown = _panel_facts(page)
        assert _shown(shown) == _expected(actor_facts(ds)[kozlov])
        by_type = {r["type"]: r for r in shown}
        # what the resolution says of him, each with its source sentence
        assert any("seven and a half years" in s for s in by_type["Sentencing"]["evidence"])
        assert by_type["CourtDecision"]["date"] == "2013-03-13"
        assert "Court of Cassation" in by_type["CourtDecision"]["participants"]
        assert "European Parliament" in by_type["ReleaseDemand"]["participants"]
        assert any("release" in s for s in by_type["ReleaseDemand"]["evidence"])
        assert by_type["spouseOf"]["participants"] == ["Aliya Turusbekova"]
        assert any("the wife of Vladimir Kozlov" in s for s in by_type["spouseOf"]["evidence"])
        assert all(r["evidence"] for r in shown)
        OUTPUT.mkdir(exist_ok=True)
        page.mouse.move(0, 0)  # no tooltip over the picture
        page.screenshot(path=str(OUTPUT / "actors-screenshot.png"))
    finally:
        page.close()


# --------------------------------------------------------------------------- a person's timeline

CASE_DOCS = sorted((ROOT / "examples").glob("case-kyrgyzstan-*.txt"))
ZHUSUPBEKOV = ID + "person/eldiyar-zhusupbekov"


@pytest.fixture(scope="module")
def case_graph(tmp_path_factory) -> Path:
    """The four documents of the Kyrgyzstan case built together, as ``whereas build`` builds them."""
    from pipeline.build import build_graph

    assert len(CASE_DOCS) == 4
    return write_dataset(build_graph(CASE_DOCS).dataset, tmp_path_factory.mktemp("case") / "case.trig")


def _timeline_rows(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('#timeline .tl-event')].map(li => ({
        date: li.querySelector('.tl-date').textContent,
        type: li.querySelector('.tl-type').textContent,
        court: (li.querySelector('.tl-court') || {}).textContent || '',
        term: (li.querySelector('.tl-term') || {}).textContent || '',
        outcome: (li.querySelector('.tl-outcome') || {}).textContent || '',
        documents: [...li.querySelectorAll('.tl-report')].map(r => r.dataset.document),
        conflicts: [...li.querySelectorAll('.tl-conflict')].map(c => c.dataset.field),
        conflicted: [...li.querySelectorAll('.conflicted')].map(c => c.className.split(' ')[0]),
    }))""")


def _open_person(browser, html: Path, name: str):
    page, requests, errors = _open(browser, html)
    page.fill("#search", name)
    page.click("#search-button")
    expect(page.locator("#panel-title")).to_have_text(name)
    return page, requests, errors


def test_case_page_shows_the_timeline_of_eldiyar_zhusupbekov(chromium_browser, case_graph, tmp_path):
    ds = read_dataset(case_graph)
    html = tmp_path / "actors.html"
    run_viz(case_graph, output=html)
    page, requests, errors = _open_person(chromium_browser, html, "Eldiyar Zhusupbekov")
    try:
        assert _offline(requests, html) == [] and errors == []
        expected = timelines(ds)[ZHUSUPBEKOV]
        rows = _timeline_rows(page)
        assert [(r["date"], r["type"], r["court"], r["term"], r["outcome"]) for r in rows] == [
            (e.date, e.type, e.court, e.term, e.outcome) for e in expected
        ]
        assert [r["documents"] for r in rows] == [[x.document for x in e.reports] for e in expected]
        dated = [r["date"] for r in rows if r["date"]]
        assert dated == sorted(dated) and rows[: len(dated)] == [r for r in rows if r["date"]]  # undated last
        shown = {(r["date"], r["type"], r["court"], r["term"], r["outcome"]) for r in rows}
        for line in [
            ("2022-01-22", "Arrest", "", "", ""),
            ("2022-10-10", "Sentencing", "Oktyabrsky District Court of Bishkek", "7 years", ""),
            ("2023-02-14", "CourtDecision", "Bishkek City Court", "", "upheld"),
            ("2023-09-26", "CourtDecision", "Supreme Court of the Kyrgyz Republic", "", "refused"),
            ("2025-08-29", "Release", "", "", ""),
        ]:
            assert line in shown
        # each line opens onto its documents and sentences
        release = page.locator('#timeline .tl-event[data-type="Release"]')
        expect(release.locator(".evidence").first).to_be_hidden()
        release.locator("summary").click()
        expect(release.locator(".evidence").first).to_be_visible()
        assert release.locator(".tl-document").all_text_contents() == ["case-kyrgyzstan-release-report"]
        assert any("29 August 2025" in t for t in release.locator(".evidence").all_text_contents())
        # the date filter hides the lines outside the range
        page.fill("#date-from", "2023-01-01")
        page.dispatch_event("#date-from", "change")
        hidden = page.eval_on_selector_all(
            "#timeline .tl-event", "ls => ls.filter(l => l.hidden).map(l => l.dataset.date)"
        )
        assert hidden and all(d < "2023" for d in hidden)
    finally:
        page.close()


def test_a_case_graph_makes_one_line_per_event_with_its_conflicts_marked(chromium_browser, case_graph, tmp_path):
    """Reports linked by the build's case graph are one line with every source; a wh:Conflict marks the value."""
    html = tmp_path / "actors.html"
    run_viz(case_graph, output=html)
    page, _, errors = _open_person(chromium_browser, html, "Eldiyar Zhusupbekov")
    try:
        assert errors == []
        rows = {(r["date"], r["type"]): r for r in _timeline_rows(page)}
        arrest = rows[("2022-01-22", "Arrest")]
        assert {"case-kyrgyzstan-ep-resolution", "case-kyrgyzstan-ngo-update"} <= {
            d.rsplit("/", 1)[-1] for d in arrest["documents"]
        }
        assert arrest["conflicts"] == ["date"] and arrest["conflicted"] == ["tl-date"]
        sentencing = rows[("2022-10-10", "Sentencing")]
        assert sentencing["term"] == "7 years" and sentencing["conflicts"] == ["term"]
        assert sentencing["conflicted"] == ["tl-term"]
        assert ("2022-01-23", "Arrest") not in rows  # the one-day-later report is a source of the arrest
        [marks] = page.locator('#timeline .tl-conflict[data-field="date"] .tl-conflict-values').all_text_contents()
        assert "case-kyrgyzstan-ngo-update 2022-01-23" in marks and "case-kyrgyzstan-ep-resolution 2022-01-22" in marks
        [term] = page.locator('#timeline .tl-conflict[data-field="term"] .tl-conflict-values').all_text_contents()
        assert "case-kyrgyzstan-ep-resolution 7 years 6 months" in term and "case-kyrgyzstan-ngo-update 7 years" in term
        assert page.locator("#timeline-section h2").text_content().endswith(", 2 conflicts")
        page.locator("#timeline-section").scroll_into_view_if_needed()  # the README's picture: conflicts in view
        OUTPUT.mkdir(exist_ok=True)
        page.mouse.move(0, 0)
        page.screenshot(path=str(OUTPUT / "actors-timeline-screenshot.png"))
    finally:
        page.close()


def test_case_build_marks_exactly_the_two_contradictions(chromium_browser, case_graph, tmp_path):
    """Built with pipeline.case, the four documents give the case graph itself: the arrest date and
    the prison term are the two conflicts of Mr Zhusupbekov's timeline, and no other."""
    html = tmp_path / "actors.html"
    run_viz(case_graph, output=html)
    page, _, errors = _open_person(chromium_browser, html, "Eldiyar Zhusupbekov")
    try:
        assert errors == []
        marked = [(r["type"], r["conflicts"]) for r in _timeline_rows(page) if r["conflicts"]]
        assert marked == [("Arrest", ["date"]), ("Sentencing", ["term"])]
    finally:
        page.close()
