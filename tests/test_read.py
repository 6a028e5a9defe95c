"""Read stage: finding documents, reading .txt/.pdf/.html, cleanup of extraction artefacts."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.read import find_documents, read_document
from pipeline.read.cleanup import clean
from pipeline.read.pdf import drop_running_lines
from pipeline.read.text import is_binary

PDF_TEXT = (
    "European Parliament resolution of 18 April 2013 on the human rights situation in Kazakhstan"
    " (2013/2600(RSP))\n\n"
    "The European Parliament,\n\n"
    "– having regard to its previous resolutions on Kazakhstan, including that of 15 March 2012 on Kazakhstan,\n\n"
    "– having regard to Rules 122(5) and 110(4) of its Rules of Procedure,\n\n"
    "A. whereas on 21 December 2012 the Almaty District Court banned the opposition party ‘Alga!’ on charges"
    " of extremism, following a lawsuit of the Prosecutor-General;\n\n"
    "B. whereas on 7 December 2012 the human rights defender Vadim Kuramshin was sentenced to 12 years in"
    " prison; whereas the repression of the opposition continued;\n\n"
    "1. Calls on the Kazakh authorities to release Vladimir Kozlov;\n\n"
    "2. Instructs its President to forward this resolution to the Council.\n\n"
    "1 P7_TA(2012)0089.\n"
)


def _error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message
    return message


# -- find_documents ------------------------------------------------------------------


def test_find_documents_searches_folders_recursively_in_sorted_order(tmp_path):
    for name in ["b.txt", "a/z.pdf", "a/y.HTML", "a/b/x.htm", "c.docx", "notes.md", ".hidden/h.txt", ".h.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = find_documents([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a/b/x.htm", "a/y.HTML", "a/z.pdf", "b.txt"]


def test_find_documents_keeps_the_order_given_and_reads_a_document_once(tmp_path):
    (tmp_path / "one.txt").write_text("x")
    (tmp_path / "two.txt").write_text("x")
    found = find_documents([tmp_path / "two.txt", tmp_path, tmp_path / "one.txt"])
    assert [p.name for p in found] == ["two.txt", "one.txt"]


def test_find_documents_errors_name_the_path_and_the_cause(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"^.*/missing\.txt: no such file or folder$"):
        find_documents([tmp_path / "missing.txt"])
    with pytest.raises(
        InputError,
        match=r"^.*/empty: no documents in the folder \(looked for \.txt, \.pdf, "
        r"\.html, \.htm\)$",
    ):
        find_documents([tmp_path / "empty"])
    with pytest.raises(
        InputError,
        match=r"^.*/notes\.docx: unsupported file type \.docx; use one of "
        r"\.txt, \.pdf, \.html, \.htm$",
    ):
        find_documents([tmp_path / "notes.docx"])


# -- .txt ----------------------------------------------------------------------------


def test_sample_is_read_and_cleaned(sample_path, sample_doc):
    assert sample_doc.doc_id == "ep-2013-kazakhstan"
    assert sample_doc.path == sample_path.name  # the source relative to its corpus root
    assert sample_doc.media_type == "text/plain"
    blocks = sample_doc.text.split("\n\n")
    assert len(blocks) == 2 + 8 + 15 + 18 + 4  # title, author, citations, recitals, paragraphs, footnotes
    assert all(block and "\n" not in block.rstrip("\n") and block == block.strip() for block in blocks[:-1])
    assert sample_doc.text.endswith("4 P7_TA(2012)0459.\n")
    assert blocks[:2] == [
        "European Parliament resolution on the human rights situation in Kazakhstan (2013/2600(RSP))",
        "The European Parliament,",
    ]
    assert blocks[2] == (
        "– having regard to its previous resolutions on Kazakhstan, including those of 15 March 2012 on"
        " Kazakhstan, 15 December 2011 on the state of implementation of the EU Strategy for Central Asia, and"
        " 17 September 2009 on the case of Yevgeni Zhotis in Kazakhstan,"
    )
    assert blocks[-4:] == [
        "1 P7_TA(2012)0089.",
        "2 P7_TA(2011)0588.",
        "3 OJ C 224 E, 19.8.2010, p. 30.",
        "4 P7_TA(2012)0459.\n",
    ]


@pytest.mark.parametrize(
    "fragment",
    [
        "EU-Kazakhstan enhanced partnership and cooperation agreement,",  # footnote 4 mark gone
        "Kazakhstan’s Prosecutor-General, the Almaty District Court",  # hyphen at a line end, capital after
        "under the Prosecutor-General to reform",  # "Prosecutor- \nGeneral": the space after the hyphen too
        "open EU-Kazakhstan relationship;",
        "the reform of Article 164 on ‘inciting social discord’;",  # a number, not a footnote mark
        "Human Rights Action plan for 2013-2020;",
        "having regard to Rules 122(5) and 110(4) of its Rules of Procedure,",
        "support for the E3+3 talks with Iran",
        "conform to international standards and to allow",  # page top inside a paragraph
        "forum where issues can be openly addressed; stresses that these dialogues",
        "the charge of ‘inciting social discord,’ a vague",  # quotes as typed
    ],
)
def test_sample_fragments_survive_cleanup(sample_doc, fragment):
    assert fragment in sample_doc.text


def test_sample_cleanup_removes_artefacts(sample_doc):
    text = sample_doc.text
    assert "\n " not in text and " \n" not in text and "  " not in text
    assert not re.search(r"[a-z][1-4][,;.]", text)  # no footnote mark left glued to a word
    assert "exercising their profession;\n\nC. whereas Kazakhstan is an important" in text
    assert "began on 1 January 2013;\n\nL. whereas Kazakhstan, as a member" in text


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "With BOM.txt"
    path.write_bytes(codecs.BOM_UTF8 + "A. whereas ‘Alga!’ was banned;\n".encode())
    doc = read_document(path)
    assert (doc.doc_id, doc.text) == ("with-bom", "A. whereas ‘Alga!’ was banned;\n")


@pytest.mark.parametrize(
    "name, cause",
    [
        ("empty.txt", "file is empty"),
        ("blank.txt", "file is empty"),
        ("binary.txt", "binary file, not text"),
        ("corrupt.pdf", "not a readable PDF: Stream has ended unexpectedly"),
        ("encrypted.pdf", "not a readable PDF: encrypted, a password is needed"),
        ("no-text.pdf", "PDF has no text layer"),
        ("no-main-text.html", "no main text found in the HTML page"),
    ],
)
def test_bad_inputs_raise_one_line_errors(read_data, name, cause):
    assert _error(read_data / name) == f"{read_data / name}: {cause}"


@pytest.mark.parametrize(
    "name, data, cause",
    [
        ("utf16.txt", "Kazakhstan".encode("utf-16")[:-1], "not UTF-16 text (byte 0x6e at offset 20)"),
        ("nul.txt", b"A. whereas\x00\x00", "binary file, not text"),
        ("controls.txt", bytes(range(1, 9)) * 20 + b"text", "binary file, not text"),
        ("text.pdf", b"This is not a PDF at all", "not a readable PDF: no PDF header"),
        ("half.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "not a readable PDF: Stream has ended unexpectedly"),
        ("empty.pdf", b"", "file is empty"),
        ("empty.html", b"", "file is empty"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
    ],
)
def test_more_bad_inputs(tmp_path, name, data, cause):
    path = tmp_path / name
    path.write_bytes(data)
    assert _error(path) == f"{path}: {cause}"


def test_missing_and_unsupported_paths(tmp_path):
    assert _error(tmp_path / "gone.txt") == f"{tmp_path / 'gone.txt'}: no such file or folder"
    (tmp_path / "a.rtf").write_text("{\\rtf1}")
    assert (
        _error(tmp_path / "a.rtf") == f"{tmp_path / 'a.rtf'}: unsupported file type .rtf; use one of "
        ".txt, .pdf, .html, .htm"
    )
    assert _error(tmp_path) == f"{tmp_path}: is a folder, not a document"


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("A. whereas")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)  # root may read anything: make the refusal explicit
    assert _error(path) == f"{path}: cannot read the file: permission denied"


def test_is_binary_accepts_text_in_legacy_encodings():
    assert not is_binary("Жанаозен, décembre – ‘Alga!’".encode("cp1251", errors="replace"))
    assert not is_binary(b"Zhanaozen\f\r\n\tpage two")
    assert is_binary(b"\x01\x02\x03 some text")


# -- .pdf ----------------------------------------------------------------------------


def test_pdf_is_read_page_by_page_and_cleaned(read_data):
    doc = read_document(read_data / "resolution.pdf")
    assert (doc.doc_id, doc.media_type) == ("resolution", "application/pdf")
    # the footnote at the foot of page 1 leaves the sentence running on to page 2;
    # the running footer "PE503.593v01-00 1/2" is gone; "repres-/sion" and "Prosecutor-/General" rejoined
    assert doc.text == PDF_TEXT


def test_running_headers_and_footers_are_dropped():
    pages = [
        "Report 2013\nFirst page text\n\nPage 1 of 3",
        "Report 2013\nSecond page\nPage 2 of 3",
        "Report 2013\nThird page\n\n1 Note.\nPage 3 of 3",
    ]
    assert drop_running_lines(pages) == ["First page text\n", "Second page", "Third page\n\n1 Note."]
    # a line met once, or on a single page, stays
    assert drop_running_lines(["Title\nbody", "Other\nbody two"]) == ["Title\nbody", "Other\nbody two"]
    assert drop_running_lines(["only\npage"]) == ["only\npage"]


# -- .html ---------------------------------------------------------------------------


def test_html_main_text_only(read_data):
    doc = read_document(read_data / "news.html")
    assert (doc.doc_id, doc.media_type) == ("news", "text/html")
    assert doc.text.split("\n\n") == [
        "Kazakhstan: opposition leader Vladimir Kozlov loses appeal",
        "On 13 March 2013 the Court of Cassation in Astana refused to hear the appeal of Vladimir Kozlov, the"
        " leader of the unregistered opposition party ‘Alga!’. Kozlov was sentenced on 8 October 2012 to seven"
        " and a half years in prison on charges of ‘inciting social discord’.",
        "His wife, Aliya Turusbekova, told reporters that the family would turn to the Supreme Court. The Almaty"
        " District Court had banned ‘Alga!’ on 21 December 2012 at the request of the Prosecutor-General.",
        "The Steppe Rights Monitor calls on the Kazakh authorities to release Vladimir Kozlov immediately and to"
        " reform Article 164 of the Criminal Code.\n",
    ]
    for boilerplate in [
        "Home",
        "Browse by country",
        "Donate",
        "cookies",
        "All rights reserved",
        "Privacy",
        "Related",
        "Newspapers closed",
        "newsletter",
    ]:
        assert boilerplate not in doc.text


def test_html_layout_tables_read_as_parts(read_data):
    """The EP's web pages lay a text adopted out in tables: marker cell, text cell."""
    doc = read_document(read_data / "ep-resolution.html")
    blocks = doc.text.split("\n\n")
    assert blocks[3:6] == [
        "The European Parliament,",
        "– having regard to its previous resolutions on Kazakhstan, including that of 15 March 2012 on"
        " Kazakhstan,",  # the bracketed mark "(1)" goes: its footnote is on the page
        "– having regard to Rules 122(5) and 110(4) of its Rules of Procedure,",
    ]
    assert blocks[-1] == "(1) Texts adopted, P7_TA(2012)0089.\n"
    for boilerplate in ["Plenary", "Members of the European Parliament", "Legal notice", "Accessibility"]:
        assert boilerplate not in doc.text


# -- cleanup -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        # stray leading spaces at page tops, lines joined with single spaces
        (" A. whereas the court \nbanned the party;\n", "A. whereas the court banned the party;\n"),
        # hyphenation: capital after the hyphen keeps it, lower case joins, compounds written elsewhere stay
        (
            "1. Calls on the Prosecutor- \nGeneral and the EU-\nKazakhstan council;\n",
            "1. Calls on the Prosecutor-General and the EU-Kazakhstan council;\n",
        ),
        ("1. Condemns the repres-\nsion;\n", "1. Condemns the repression;\n"),
        (
            "1. Notes the socio-economic crisis and the socio-\neconomic effects;\n",
            "1. Notes the socio-economic crisis and the socio-economic effects;\n",
        ),
        ("1. Covers 2013-\n2020;\n", "1. Covers 2013-2020;\n"),
        (
            "1. Notes the opinion of the Commission -\nthe body;\n",
            "1. Notes the opinion of the Commission - the body;\n",
        ),
        ("1. Stresses the impor\u00ad\ntance;\n", "1. Stresses the importance;\n"),
        # a part may begin without a blank line before it; CRLF line ends
        (
            "K. whereas x began on 1 January 2013;\r\n L. whereas y;\r\n",
            "K. whereas x began on 1 January 2013;\n\nL. whereas y;\n",
        ),
        (
            "– having regard to A,\n- having regard to B,\nA. whereas C;\n1. Calls D;\n2. Asks E.\n",
            "– having regard to A,\n\n- having regard to B,\n\nA. whereas C;\n\n1. Calls D;\n\n2. Asks E.\n",
        ),
        # not the next recital or paragraph: a line of the same part
        (
            "A. whereas it was sentenced to\n12. Years later\nC. whereas;\n",
            "A. whereas it was sentenced to 12. Years later C. whereas;\n",
        ),
        # no footnote body: digits stay ("Article 164", "E3+3", "Kazakhstan1")
        (
            "1. Reform Article 164; support E3+3 talks; Kazakhstan1, Asia2;\n",
            "1. Reform Article 164; support E3+3 talks; Kazakhstan1, Asia2;\n",
        ),
        # a footnote body: its mark goes, it moves to the end; "CO2" is no mark
        (
            "A. whereas on Kazakhstan1, CO2 rose1;\n\n1 P7_TA(2012)0089.\nB. whereas x;\n",
            "A. whereas on Kazakhstan, CO2 rose;\n\nB. whereas x;\n\n1 P7_TA(2012)0089.\n",
        ),
        # footnotes at a page foot interrupt a sentence that goes on on the next page (form feed)
        (
            "B. whereas Kozlov1 was sentenced to\n1 OJ C 224 E.\n2 Second note\ngoes on.\f12 years in prison;\n",
            "B. whereas Kozlov was sentenced to 12 years in prison;\n\n1 OJ C 224 E.\n\n2 Second note goes on.\n",
        ),
        # an EP document's running footer ends its page: it goes, and the part goes on after it
        (
            "2. Calls for the release of Ms Tomin1 and\n\n1 Article 437 bis.\n\nRC\\1284467EN.docx 2/3 "
            "PE753.112v01-00\nEN United in diversity EN\n\nMs Pelko;\n\n3. Asks E.\n",
            "2. Calls for the release of Ms Tomin and Ms Pelko;\n\n3. Asks E.\n\n1 Article 437 bis.\n",
        ),
        (
            "A. whereas x;\nPE641.392v01-00 2/5 RE\\1190837EN.docx\nB. whereas y 1/3;\n",
            "A. whereas x;\n\nB. whereas y 1/3;\n",
        ),
        # a chronology's lines, each a date and a dash, are items of their own
        (
            "Timeline\n1966 – born in Minsk\nApril 2008 – detained for three days\n22 May 2016 – arrested; freed on\n"
            "24 May\n2013–2016 – member of the council\n",
            "Timeline\n\n1966 – born in Minsk\n\nApril 2008 – detained for three days\n\n22 May 2016 – arrested; freed on "
            "24 May\n\n2013–2016 – member of the council\n",
        ),
        # a sentence a page break cuts goes on on the next page; a heading before one does not
        (
            "A. whereas X was sentenced to\n\nRC\\1190837EN.docx 1/3\n\nten years;\n",
            "A. whereas X was sentenced to ten years;\n",
        ),
        ("Principal facts\n\fThe applicants were born.\n", "Principal facts\n\nThe applicants were born.\n"),
        # bracketed marks and bodies, as on the EP's web pages; "Article 7(1)" is no mark
        (
            "1. Recalls Article 7(1) and Kazakhstan(1);\n\n(1) OJ C 1.\n",
            "1. Recalls Article 7(1) and Kazakhstan;\n\n(1) OJ C 1.\n",
        ),
        # typographic quotes and dashes stay as they are
        ("– having regard to ‘Alga!’ – and “Respublika” —\n", "– having regard to ‘Alga!’ – and “Respublika” —\n"),
        ("", ""),
        (" \n\n \f\n", ""),
    ],
)
def test_cleanup(raw, cleaned):
    assert clean(raw) == cleaned


# Lines made of what extracted resolutions are made of: part markers, footnote bodies,
# glued footnote marks, hyphenated line ends, page-top spaces, page breaks.
_WORDS = st.sampled_from(
    [
        "whereas",
        "Kazakhstan1,",
        "Asia2;",
        "the",
        "Court",
        "Prosecutor-",
        "General",
        "repres-",
        "sion",
        "EU-",
        "E3+3",
        "Article",
        "164",
        "2013-2020",
        "‘Alga!’",
        "–",
        "civil-society",
        "civil-",
        "society",
        "on",
        "12",
        "years",
        "1",
        "2",
        "3",
        "(RSP))",
        "of",
        "Council,",
        "CO2",
        "résumé",
        "“quoted”",
        "Asia(1),",
        "(2)",
    ]
)
_STARTS = st.sampled_from(
    [
        "",
        "",
        "",
        " ",
        "A. whereas ",
        "B. whereas ",
        "1. Calls ",
        "2. Stresses ",
        "– having regard to ",
        "1 ",
        "2 ",
        "3 ",
        "(1) ",
        "  ",
    ]
)
_LINE = st.builds(lambda start, words: start + " ".join(words), _STARTS, st.lists(_WORDS, max_size=8))
_RAW = st.lists(st.one_of(_LINE, st.sampled_from(["", "", "\f", " "])), max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_RAW, st.text()))
@example("A. whereas on Kazakhstan1,\n\n1 P7_TA(2012)0089.\n2 P7_TA(2011)0588.\n C. whereas Asia2;\n")
@example("Kazakhstan1,\n\n1\n\x0c\nwhereas")  # a bare note number at a page's foot, the next page's text below it
def test_cleanup_is_idempotent(raw):
    once = clean(raw)
    assert clean(once) == once


@settings(max_examples=300, deadline=None)
@given(st.one_of(_RAW, st.text()))
def test_cleanup_invents_no_text(raw):
    kept = Counter(c for c in clean(raw) if not c.isspace())
    # the text is put in NFC: a compatibility ideograph (U+F900 …) is its unified one, not an invention
    given_ = Counter(c for c in unicodedata.normalize("NFC", raw.replace("\r", "\n")) if not c.isspace())
    assert not kept - given_


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["the", "Court", "banned", "‘Alga!’", "whereas", "Kozlov", "–"]), min_size=1, max_size=6
        ).map(" ".join),
        max_size=12,
    ).map("\n".join)
)
def test_cleanup_keeps_every_word_of_plain_text(raw):
    assert clean(raw).split() == raw.split()


# -- hygiene, encodings, corpus ids ----------------------------------------------------------


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("A. whereas Nov\u200dak and Nov\u200cak;", "A. whereas Novak and Novak;"),  # zero-width joiners
        ("A. whereas \u202eKazakhstan\u202c was \u2066named\u2069;", "A. whereas Kazakhstan was named;"),  # bidi
        ("A. whereas Zoe\u0308 met Ze\u0301non;", "A. whereas Zoë met Zénon;"),  # NFC
        ("A. whereas\x00 the\x07 bell\x1b\x7f rang\x85 twice\x9f;", "A. whereas the bell rang twice;"),
        ("A. whereas the tab\tstays;", "A. whereas the tab\tstays;"),
        ("A. whereas one\u2028line\u2029B. whereas two;", "A. whereas one line\n\nB. whereas two;"),
        ("\ufeffA. whereas a mark\ufeff inside;", "A. whereas a mark inside;"),
    ],
)
def test_hidden_characters_go_and_the_text_is_nfc(raw, cleaned):
    assert clean(raw) == cleaned + "\n"


def test_same_file_names_get_ids_from_their_paths(tmp_path):
    from pipeline.read import corpus_files

    for rel in ("2019/report.txt", "2020/report.txt", "2020/report.pdf", "ep-2013.txt", "a-b.txt", "a/b.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found = {f.source: f.doc_id for f in corpus_files([tmp_path])}
    assert found == {
        "2019/report.txt": "2019-report",
        "2020/report.pdf": "2020-report-pdf",
        "2020/report.txt": "2020-report-txt",
        "a-b.txt": "a-b",
        "a/b.txt": "b",
        "ep-2013.txt": "ep-2013",
    }


def test_files_from_two_folders_are_relative_to_their_common_folder(tmp_path):
    from pipeline.read import corpus_files

    for rel in ("one/x.txt", "two/deep/y.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    files = corpus_files([tmp_path / "one" / "x.txt", tmp_path / "two"])
    assert [(f.doc_id, f.source) for f in files] == [("x", "one/x.txt"), ("y", "two/deep/y.txt")]


def test_a_byte_order_mark_decides_the_encoding(tmp_path):
    for name, data in (
        ("utf16.txt", "A. whereas Zoë;".encode("utf-16")),
        ("utf32.txt", "A. whereas Zoë;".encode("utf-32")),
        ("utf8.txt", codecs.BOM_UTF8 + "A. whereas Zoë;".encode()),
    ):
        (tmp_path / name).write_bytes(data)
        assert read_document(tmp_path / name).text == "A. whereas Zoë;\n"


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        # a byline's date on the next line: a part of its own, the byline whole
        (
            "By Ysolde Brenik, The Korvel Quarterly\n21 October 2024\n\nPerrin Vessa was held.",
            "By Ysolde Brenik, The Korvel Quarterly\n\n21 October 2024\n\nPerrin Vessa was held.\n",
        ),
        ("Korvel, 20 February 2025\nThe court ruled.", "Korvel, 20 February 2025\n\nThe court ruled.\n"),
        # a sentence wrapped before its date, or a place line ending in a comma: one line
        ("Perrin Vessa was arrested on\n3 May 2021\nand held.", "Perrin Vessa was arrested on 3 May 2021 and held.\n"),
        ("Korvel,\n20 February 2025", "Korvel, 20 February 2025\n"),
    ],
)
def test_a_line_holding_a_date_alone_stands_apart_from_a_header_line(raw, cleaned):
    assert clean(raw) == cleaned
