"""The competency questions of ontology/queries/ answered on the sample."""

from __future__ import annotations

from pathlib import Path

import pytest

QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "queries"


def _answer(dataset, query: str, **params: str) -> list[tuple[str, ...]]:
    from rdflib import Literal, Variable

    bindings = {Variable(k): Literal(v) for k, v in params.items()}
    rows = dataset.query((QUERIES / f"{query}.rq").read_text(encoding="utf-8"), initBindings=bindings)
    return [tuple("" if v is None else str(v) for v in row) for row in rows]


def test_every_query_has_a_title_line():
    for path in QUERIES.glob("*.rq"):
        assert path.read_text(encoding="utf-8").startswith("# "), path


def test_who_was_sentenced_by_which_court_when_to_what_on_which_charges(sample_build):
    rows = _answer(sample_build.dataset, "sentenced")
    assert [r[:4] for r in rows] == [
        ("Vadim Kuramshin", "", "2012-12-07", "P12Y"),
        ("Vladimir Kozlov", "", "", "P7Y6M"),
    ]
    assert rows[0][4] == "blackmailing the district attorney’s assistant"
    charges = set(rows[1][4].split("; "))
    assert charges == {
        "inciting social discord",
        "calling for the forcible overthrow of the constitutional order",
        "creating and leading an organised group with the aim of committing crimes",
    }


def test_which_parties_and_media_were_banned(sample_build):
    assert _answer(sample_build.dataset, "bans") == [
        ("Alga!", "PoliticalParty", "Almaty District Court", "2012-12-21", "extremism"),
        ("Respublika", "MediaOutlet", "", "2012-12-25", "extremism"),
    ]


def test_media_bans_since_2012(sample_build):
    [(outlet, date, sentence)] = _answer(sample_build.dataset, "media-bans-since-2012")
    assert (outlet, date) == ("Respublika", "2012-12-25") and "were banned on charges of extremism" in sentence


def test_whom_the_parliament_calls_to_release_and_their_history(sample_build):
    rows = _answer(sample_build.dataset, "release-demands")
    assert {r[0] for r in rows} == {"Vladimir Kozlov", "Vadim Kuramshin", "Roza Tuletaeva"}
    assert ("Vadim Kuramshin", "CourtDecision", "2013-02-14", "Appeal Court") in rows
    assert ("Vadim Kuramshin", "Arrest", "2012-09", "") in rows
    assert ("Vladimir Kozlov", "CourtDecision", "2013-03-13", "Court of Cassation") in rows


def test_which_decisions_upheld_which_sentences(sample_build):
    assert _answer(sample_build.dataset, "decisions") == [
        ("Appeal Court", "2013-02-14", "upheld", "Sentencing of Vadim Kuramshin", "Vadim Kuramshin"),
        ("Court of Appeal", "2013-02-22", "upheld", "Ban of Respublika", "Respublika"),
        ("Court of Cassation", "2013-03-13", "refused", "Sentencing of Vladimir Kozlov", "Vladimir Kozlov"),
    ]


def test_who_holds_which_office(sample_build):
    assert _answer(sample_build.dataset, "positions") == [
        ("Catherine Ashton", "High Representative"),
        ("Navi Pillay", "UN High Commissioner for Human Rights"),
        ("Vladimir Kozlov", "opposition leader"),
    ]


@pytest.mark.parametrize(
    "fact",
    [
        "Sentencing of Vladimir Kozlov",
        "Trial of Vladimir Kozlov",
        "Release demand for Vladimir Kozlov",
        "Aliya Turusbekova spouseOf Vladimir Kozlov",
    ],
)
def test_every_fact_about_one_actor_with_its_sentence(sample_build, fact):
    rows = {r[0]: r[3] for r in _answer(sample_build.dataset, "actor-facts", name="Vladimir Kozlov")}
    assert fact in rows and "Kozlov" in rows[fact]


def _case_dataset():
    """Two documents on Anna Novak's sentencing (seven years; seven and a half), one on Karl Berg's
    sentencing and release, one denying Olga Sova was sentenced; linked by the case graph."""
    from rdflib import RDF, RDFS, XSD, Dataset, Literal
    from rdflib.namespace import DCTERMS

    from pipeline.case import add_case_graph
    from pipeline.iri import IriMinter
    from pipeline.vocab import WH

    m = IriMinter()
    ds = Dataset(default_union=True)
    facts = [
        ("doc-a", "Sentencing", "anna novak", "2015-05-04", "P7Y", None),
        ("doc-b", "Sentencing", "anna novak", "2015-05-04", "P7Y6M", None),
        ("doc-a", "Sentencing", "karl berg", "2014-01-10", "P2Y", None),
        ("doc-b", "Release", "karl berg", "2015-02", None, None),
        ("doc-b", "Sentencing", "olga sova", "2015-03-01", "P1Y", "denied"),
    ]
    for n, (doc, kind, who, date, term, standing) in enumerate(facts):
        d = m.document(doc)
        g = ds.graph(d)
        g.add((d, DCTERMS.identifier, Literal(doc)))
        person = m.actor("Person", who)
        g.add((person, RDF.type, WH.Person))
        g.add((person, RDFS.label, Literal(who.title())))
        ev, span = m.event(doc, kind, who, n, date), m.span(doc, n, n + 1)
        g.add((ev, RDF.type, WH[kind]))
        g.add((ev, RDFS.label, Literal(f"{kind} of {who.title()}")))
        g.add((ev, WH.subject, person))
        g.add((ev, WH.date, Literal(date, datatype=XSD.date if len(date) == 10 else XSD.gYearMonth)))
        if term:
            g.add((ev, WH.sentenceTerm, Literal(term, datatype=XSD.duration)))
        if standing:
            g.add((ev, WH.standing, WH[standing]))
        g.add((ev, WH.evidence, span))
        g.add((span, WH.inDocument, d))
        g.add((span, WH.text, Literal(f"{doc} sentence {n}")))
    add_case_graph(ds, m)
    return ds


def test_people_whose_sentence_differs_between_sources():
    rows = _answer(_case_dataset(), "sentence-conflicts")
    assert rows == [
        ("Anna Novak", "2015-05-04", "P7Y", "doc-a", "doc-a sentence 0"),
        ("Anna Novak", "2015-05-04", "P7Y6M", "doc-b", "doc-b sentence 1"),
    ]


def test_sentenced_people_with_no_release_recorded():
    rows = _answer(_case_dataset(), "unreleased")  # Karl Berg was released; Olga Sova's sentence is denied
    assert [(r[0], r[1], sorted(r[2].split(", "))) for r in rows] == [("Anna Novak", "2015-05-04", ["P7Y", "P7Y6M"])]


def test_every_source_on_one_case_of_the_person_named():
    rows = _answer(_case_dataset(), "case-sources", name="Anna Novak")
    case = {r[2] for r in rows}
    assert len(case) == 1 and next(iter(case)).startswith("https://w3id.org/whereas/id/case/sentencing-anna-novak-")
    assert [(r[0], r[1], r[3], r[4], r[5]) for r in rows] == [
        ("2015-05-04", "Sentencing of Anna Novak", "doc-a", "asserted", "doc-a sentence 0"),
        ("2015-05-04", "Sentencing of Anna Novak", "doc-b", "asserted", "doc-b sentence 1"),
    ]
    assert _answer(_case_dataset(), "case-sources", name="Olga Sova")[0][4] == "denied"


def test_declared_parameters_are_required_and_bound_as_literals(tmp_path):
    from pipeline.errors import QueryError
    from pipeline.rdf.export import write_dataset
    from pipeline.rdf.query import run_query
    from pipeline.rdf.store import Store

    path = tmp_path / "case.trig"
    write_dataset(_case_dataset(), path)
    with pytest.raises(QueryError, match=r"case-sources.rq: needs --param name="):
        run_query(path, "case-sources", "csv")
    with pytest.raises(QueryError, match=r"--param who: the query has no variable \?who"):
        run_query(path, "case-sources", "csv", {"name": "Anna Novak", "who": "x"})
    out = run_query(path, "case-sources", "csv", {"name": "Karl Berg"})
    assert out.splitlines()[1:] == [
        "2014-01-10,Sentencing of Karl Berg,,doc-a,asserted,doc-a sentence 2",
        "2015-02,Release of Karl Berg,,doc-b,asserted,doc-b sentence 3",
    ]
    # a value that would break out of a pasted string is one literal that names no one
    evil = 'Karl Berg" } UNION { ?p ?q ?name } #'
    assert run_query(path, "case-sources", "csv", {"name": evil}).splitlines()[1:] == []
    # the same on a store (Oxigraph's substitutions)
    with Store.open(tmp_path / "store") as st:
        ds = _case_dataset()
        from pipeline.case import drop_case_graph
        from pipeline.iri import IriMinter

        drop_case_graph(ds, IriMinter())
        st.load_documents(ds)
    stored = run_query(tmp_path / "store", "case-sources", "csv", {"name": "Karl Berg"})
    assert stored.splitlines()[1:] == out.splitlines()[1:]
    assert run_query(tmp_path / "store", "case-sources", "csv", {"name": evil}).splitlines()[1:] == []
