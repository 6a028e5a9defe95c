"""Structure stage: parts of a resolution (citations, recitals, paragraphs, footnotes) and the report fallback."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.facts import DocumentStructure, PartKind, SourceDocument
from pipeline.read import read_document
from pipeline.read.cleanup import clean
from pipeline.structure import find_structure, next_recital_letter


def _doc(text: str, doc_id: str = "doc") -> SourceDocument:
    return SourceDocument(doc_id=doc_id, path=f"{doc_id}.txt", text=text)


def _parts(structure, kind: PartKind):
    return [p for p in structure.parts if p.kind is kind]


@pytest.fixture(scope="module")
def sample(sample_doc):
    return find_structure(sample_doc)


def test_sample_metadata(sample):
    assert (sample.doc_id, sample.kind) == ("ep-2013-kazakhstan", "resolution")
    assert sample.title == "European Parliament resolution on the human rights situation in Kazakhstan"
    assert sample.procedure_number == "2013/2600(RSP)"
    assert sample.author == "European Parliament"
    assert sample.date is None


def test_sample_parts_are_numbered_in_order(sample):
    assert [p.number for p in _parts(sample, PartKind.CITATION)] == [str(i) for i in range(1, 9)]
    assert [p.number for p in _parts(sample, PartKind.RECITAL)] == list("ABCDEFGHIJKLMNO")
    assert [p.number for p in _parts(sample, PartKind.PARAGRAPH)] == [str(i) for i in range(1, 19)]
    assert [p.number for p in _parts(sample, PartKind.FOOTNOTE)] == ["1", "2", "3", "4"]
    assert [p.kind for p in sample.parts] == (
        [PartKind.CITATION] * 8 + [PartKind.RECITAL] * 15 + [PartKind.PARAGRAPH] * 18 + [PartKind.FOOTNOTE] * 4
    )


def test_sample_offsets_point_into_the_text(sample, sample_doc):
    previous_end = 0
    for part in sample.parts:
        assert part.doc_id == "ep-2013-kazakhstan"
        assert part.text == sample_doc.text[part.start : part.end]
        assert part.start >= previous_end and part.text == part.text.strip()
        previous_end = part.end


def test_sample_footnotes(sample):
    assert [p.text for p in _parts(sample, PartKind.FOOTNOTE)] == [
        "1 P7_TA(2012)0089.",
        "2 P7_TA(2011)0588.",
        "3 OJ C 224 E, 19.8.2010, p. 30.",
        "4 P7_TA(2012)0459.",
    ]


@pytest.mark.parametrize(
    "kind, number, text",
    [
        (
            PartKind.CITATION,
            "2",
            "– having regard to its resolution of 22 November 2012 containing the European Parliament’s recommendations"
            " to the Council, the Commission and the European External Action Service on the negotiations for an"
            " EU-Kazakhstan enhanced partnership and cooperation agreement,",
        ),
        (PartKind.CITATION, "8", "– having regard to Rules 122(5) and 110(4) of its Rules of Procedure,"),
        (
            PartKind.RECITAL,
            "A",
            "A. whereas on 21 December 2012, following a lawsuit introduced on 20 November 2012 by Kazakhstan’s"
            " Prosecutor-General, the Almaty District Court banned the unregistered opposition party ‘Alga!’ on charges"
            " of extremism; whereas the ban makes Aliya Turusbekova, the wife of Vladimir Kozlov, personally liable;",
        ),
        (
            PartKind.RECITAL,
            "C",
            "C. whereas Kazakhstan is an important international actor and is of the utmost importance for the"
            " political and socio-economic development, as well as the security situation, of the whole region;"
            " whereas it has played a positive role in Central Asia, making efforts to develop good neighbourly"
            " relations with bordering countries, resume regional cooperation and resolve all bilateral issues by"
            " peaceful means; whereas the EU has a vital interest in stepping up political, economic and security"
            " cooperation with that region via a strong and open EU-Kazakhstan relationship;",
        ),
        (
            PartKind.RECITAL,
            "K",
            "K. whereas Kazakhstan’s three-year term as a member of the UNHRC (United Nations Human Rights’ Council)"
            " began on 1 January 2013;",
        ),
        (
            PartKind.RECITAL,
            "L",
            "L. whereas Kazakhstan, as a member of the OSCE, of which it held the chairmanship in 2010, has committed"
            " itself to respecting and implementing the fundamental principles of that organisation;",
        ),
        (
            PartKind.PARAGRAPH,
            "7",
            "7. Calls on the Kazakh authorities to guarantee detention conditions that conform to international"
            " standards and to allow adequate medical treatment for all prisoners, including the opposition leader"
            " Vladimir Kozlov; calls for the full implementation of improvements included in the recent reform of the"
            " prison system and for further improvement to meet international standards;",
        ),
        (
            PartKind.PARAGRAPH,
            "18",
            "18. Instructs its President to forward this resolution to the Council, the European External Action"
            " Service, the EU Special Representative for Human Rights, the governments and parliaments of the Member"
            " States, the Organisation for Security and Cooperation in Europe, the UN Human Rights Council, and the"
            " Government and Parliament of Kazakhstan.",
        ),
    ],
)
def test_sample_part_texts(sample, kind, number, text):
    (part,) = [p for p in sample.parts if p.kind is kind and p.number == number]
    assert part.text == text


def test_pdf_resolution(read_data):
    s = find_structure(read_document(read_data / "resolution.pdf"))
    assert (s.kind, s.procedure_number, s.author, s.date) == (
        "resolution",
        "2013/2600(RSP)",
        "European Parliament",
        "2013-04-18",
    )
    assert s.title == "European Parliament resolution of 18 April 2013 on the human rights situation in Kazakhstan"
    assert [(p.kind.value, p.number, p.text) for p in s.parts] == [
        (
            "Citation",
            "1",
            "– having regard to its previous resolutions on Kazakhstan, including that of 15 March 2012 on Kazakhstan,",
        ),
        ("Citation", "2", "– having regard to Rules 122(5) and 110(4) of its Rules of Procedure,"),
        (
            "Recital",
            "A",
            "A. whereas on 21 December 2012 the Almaty District Court banned the opposition party"
            " ‘Alga!’ on charges of extremism, following a lawsuit of the Prosecutor-General;",
        ),
        (
            "Recital",
            "B",
            "B. whereas on 7 December 2012 the human rights defender Vadim Kuramshin was sentenced"
            " to 12 years in prison; whereas the repression of the opposition continued;",
        ),
        ("Paragraph", "1", "1. Calls on the Kazakh authorities to release Vladimir Kozlov;"),
        ("Paragraph", "2", "2. Instructs its President to forward this resolution to the Council."),
        ("Footnote", "1", "1 P7_TA(2012)0089."),
    ]


def test_html_resolution(read_data):
    s = find_structure(read_document(read_data / "ep-resolution.html"))
    assert (s.kind, s.procedure_number, s.date) == ("resolution", "2013/2600(RSP)", "2013-04-18")
    assert s.title == "European Parliament resolution of 18 April 2013 on the human rights situation in Kazakhstan"
    assert [(p.kind.value, p.number) for p in s.parts] == [
        ("Citation", "1"),
        ("Citation", "2"),
        ("Recital", "A"),
        ("Recital", "B"),
        ("Paragraph", "1"),
        ("Paragraph", "2"),
        ("Footnote", "1"),
    ]
    assert (
        s.parts[-2].text == "2. Instructs its President to forward this resolution to the Council and the Commission."
    )
    assert s.parts[-1].text == "(1) Texts adopted, P7_TA(2012)0089."


def test_report_text(read_data):
    doc = read_document(read_data / "report.txt")
    s = find_structure(doc)
    assert (s.kind, s.procedure_number, s.author, s.date) == ("report", None, None, None)
    assert s.title == "Kazakhstan: Crackdown on the Opposition and Independent Media"
    assert [(p.kind, p.number) for p in s.parts] == [
        (PartKind.PARAGRAPH, "1"),
        (PartKind.PARAGRAPH, "2"),
        (PartKind.PARAGRAPH, "3"),
        (PartKind.PARAGRAPH, "4"),
        (PartKind.FOOTNOTE, "1"),
    ]
    assert s.parts[0].text == s.title
    assert s.parts[1].text.endswith("closed eight newspapers and 23 web news portals.")  # mark "portals1" gone
    assert s.parts[3].text == (
        "The human rights defender Vadim Kuramshin was sentenced to 12 years in prison on 7 December 2012. We"
        " call on the Kazakh authorities to release all three men and to end the prosecution of journalists."
    )
    assert s.parts[4].text == "1 Decision of the Medeu District Court of Almaty, 25 December 2012."
    assert all(p.text == doc.text[p.start : p.end] for p in s.parts)


def test_html_report(read_data):
    s = find_structure(read_document(read_data / "news.html"))
    assert (s.kind, s.title) == ("report", "Kazakhstan: opposition leader Vladimir Kozlov loses appeal")
    assert [p.number for p in s.parts] == ["1", "2", "3", "4"]
    assert s.parts[3].text.startswith("The Steppe Rights Monitor calls on the Kazakh authorities")


@pytest.mark.parametrize(
    "first, title",
    [
        ("Kazakhstan: journalists harassed", "Kazakhstan: journalists harassed"),
        ("The court banned the party.", None),  # a sentence, not a title
        ("Kazakhstan " * 30, None),  # too long for a title
    ],
)
def test_report_title(first, title):
    s = find_structure(_doc(f"{first.strip()}\n\nThe court banned the party in December.\n"))
    assert (s.kind, s.title, len(s.parts)) == ("report", title, 2)


def test_adoption_date_and_headings_and_subpoints():
    text = clean(
        "P7_TA(2013)0184\n\nHuman rights situation in Kazakhstan\n\n"
        "European Parliament resolution of 18 April 2013 on the human rights\nsituation in Kazakhstan\n"
        "(2013/2600(RSP))\n\nThe European Parliament,\n\n"
        "– having regard to the statement adopted on 9 October 2012 by the Council,\n\n"
        "A. whereas the courts banned ‘Alga!’;\n\nGeneral remarks\n\n"
        "1. Calls on the authorities:\n\n(a) to release Vladimir Kozlov;\n\n(b) to reform Article 164;\n\n"
        "Closing remarks\n\n2. Instructs its President to forward this resolution.\n"
    )
    s = find_structure(_doc(text))
    assert s.title == "European Parliament resolution of 18 April 2013 on the human rights situation in Kazakhstan"
    assert (s.procedure_number, s.date, s.author) == ("2013/2600(RSP)", "2013-04-18", "European Parliament")
    assert [(p.kind.value, p.number, p.text) for p in s.parts] == [
        ("Citation", "1", "– having regard to the statement adopted on 9 October 2012 by the Council,"),
        ("Recital", "A", "A. whereas the courts banned ‘Alga!’;"),
        (
            "Paragraph",
            "1",
            "1. Calls on the authorities:\n\n(a) to release Vladimir Kozlov;\n\n(b) to reform Article 164;",
        ),
        ("Paragraph", "2", "2. Instructs its President to forward this resolution."),
    ]


def test_adopted_on_in_the_preamble():
    s = find_structure(
        _doc(
            "Resolution on Belarus (2014/1234(RSP))\n\nadopted on 3 April 2014\n\n"
            "The European Parliament,\n\nA. whereas x;\n"
        )
    )
    assert (s.title, s.date, s.procedure_number) == ("Resolution on Belarus", "2014-04-03", "2014/1234(RSP)")


def test_a_joint_motions_members_list_is_a_part_before_the_citations():
    text = clean(
        "JOINT MOTION FOR A RESOLUTION\n\non Lumeria (2031/2811(RSP))\n\n"
        "Halvard Brenik, Orsolya Quillon\non behalf of the PPE Group\nIvo Tam\non behalf of the S&D Group\n\n"
        "The European Parliament,\n\n– having regard to its resolutions,\n\nA. whereas x;\n"
    )
    s = find_structure(_doc(text))
    assert [(p.kind, p.text) for p in s.parts[:2]] == [
        (
            PartKind.TABLING,
            "Halvard Brenik, Orsolya Quillon on behalf of the PPE Group Ivo Tam on behalf of the S&D Group",
        ),
        (PartKind.CITATION, "– having regard to its resolutions,"),
    ]


def test_recitals_after_z_are_lettered_aa_ab():
    letters = [next_recital_letter(None)]
    while len(letters) < 28:
        letters.append(next_recital_letter(letters[-1]))
    text = clean(
        "The European Parliament,\n"
        + "".join(f"{x}. whereas {x.lower()} happened;\n" for x in letters)
        + "1. Calls for an end;\n"
    )
    s = find_structure(_doc(text))
    assert [p.number for p in _parts(s, PartKind.RECITAL)] == [*list(string.ascii_uppercase), "AA", "AB"]
    assert _parts(s, PartKind.RECITAL)[-1].text == "AB. whereas ab happened;"


def test_empty_text_is_an_empty_report():
    assert find_structure(_doc("")) == DocumentStructure(
        doc_id="doc", kind="report", title=None, procedure_number=None, author=None, date=None, parts=()
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "A. whereas x;",
                "B. whereas y;",
                "1. Calls z;",
                "– having regard to w,",
                "The European Parliament,",
                "Title (2013/2600(RSP))",
                "plain text",
                "(a) sub;",
                "1 OJ C 1.",
                "2 Note.",
                "Heading",
            ]
        ),
        max_size=12,
    ).map("\n\n".join)
)
def test_parts_are_slices_in_order(text):
    s = find_structure(_doc(text))
    end = 0
    for part in s.parts:
        assert text[part.start : part.end] == part.text and part.start >= end and part.text
        end = part.end


def test_web_page_layout_of_a_resolution():
    """Citations after "•", recitals "(A)" and "B)" as the EP's web pages and other copies write them."""
    text = clean(
        "The European Parliament,\n\n•  having regard to its previous resolutions on Ruritania,\n\n"
        "•  having regard to Rule 144 of its Rules of Procedure,\n\n"
        "(A)  whereas the journalist Ana Petrescu was arrested on 2 May 2023;\n\n"
        "B)  whereas she was sentenced on 9 June 2023;\n\n"
        "1.  Calls for her release;\n"
    )
    parts = find_structure(SourceDocument("ep-web", "ep-web.txt", text)).parts
    assert [(p.kind, p.number) for p in parts] == [
        (PartKind.CITATION, "1"),
        (PartKind.CITATION, "2"),
        (PartKind.RECITAL, "A"),
        (PartKind.RECITAL, "B"),
        (PartKind.PARAGRAPH, "1"),
    ]


def test_a_sentence_of_prose_opening_with_having_regard_to_does_not_make_a_report_a_resolution():
    text = (
        "Arrest of journalists pursued an ulterior purpose\n\n"
        "On 14 May 2017 Mr Tomin was arrested by officers of the State Security Service.\n\n"
        "Having regard to the timing of the arrest, the Court found that the charges were a pretext.\n\n"
        "The Court held that there had been a violation of Article 18.\n"
    )
    s = find_structure(SourceDocument("j", "j.txt", text))
    assert s.kind == "report"
    assert [p.text[:9] for p in s.parts] == ["Arrest of", "On 14 May", "Having re", "The Court"]
