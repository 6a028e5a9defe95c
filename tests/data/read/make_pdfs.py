"""Regenerate the PDF inputs of tests/test_read.py: ``python tests/data/read/make_pdfs.py``.

``resolution.pdf`` is a two-page PDF written object by object with the standard
Helvetica font, laid out like an EP resolution: a superscript footnote reference
glued to its word, the footnote body at the foot of page 1, a sentence running on
to page 2, a hyphenated word at a line end, a running footer. ``encrypted.pdf`` needs a password;
``no-text.pdf`` has a page but no text layer (as a scan without OCR).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# (x, y, size, rise, text) per text run; A4 is 595 x 842 points.
PAGE_1 = [
    (72, 770, 12, 0, "European Parliament resolution of 18 April 2013 on the human rights situation"),
    (72, 755, 12, 0, "in Kazakhstan"),
    (72, 740, 12, 0, "(2013/2600(RSP))"),
    (72, 710, 11, 0, "The European Parliament,"),
    (72, 680, 11, 0, "\u2013 having regard to its previous resolutions on Kazakhstan, including that of"),
    (72, 666, 11, 0, "15 March 2012 on Kazakhstan"),
    (218, 666, 7, 4, "1"),
    (222, 666, 11, 0, ","),
    (72, 640, 11, 0, "\u2013 having regard to Rules 122(5) and 110(4) of its Rules of Procedure,"),
    (72, 610, 11, 0, "A. whereas on 21 December 2012 the Almaty District Court banned the opposition"),
    (72, 596, 11, 0, "party \u2018Alga!\u2019 on charges of extremism, following a lawsuit of the Prosecutor-"),
    (72, 582, 11, 0, "General;"),
    (72, 556, 11, 0, "B. whereas on 7 December 2012 the human rights defender Vadim Kuramshin was"),
    (72, 542, 11, 0, "sentenced to"),
    (72, 90, 8, 0, "1 P7_TA(2012)0089."),
    (72, 40, 8, 0, "PE503.593v01-00 1/2"),
]
PAGE_2 = [
    (72, 770, 11, 0, "12 years in prison; whereas the repres-"),
    (72, 756, 11, 0, "sion of the opposition continued;"),
    (72, 730, 11, 0, "1. Calls on the Kazakh authorities to release Vladimir Kozlov;"),
    (72, 704, 11, 0, "2. Instructs its President to forward this resolution to the Council."),
    (72, 40, 8, 0, "PE503.593v01-00 2/2"),
]


def _literal(text: str) -> bytes:
    raw = text.encode("cp1252")  # WinAnsiEncoding: ‘ ’ – are 0x91 0x92 0x96
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content(runs: list[tuple[int, int, int, int, str]]) -> bytes:
    ops = [b"BT"]
    for x, y, size, rise, text in runs:
        ops.append(b"/F1 %d Tf %d Ts 1 0 0 1 %d %d Tm %s Tj" % (size, rise, x, y, _literal(text)))
    ops.append(b"ET")
    return b"\n".join(ops)


def build_pdf(pages: list[list[tuple[int, int, int, int, str]]]) -> bytes:
    """A valid PDF 1.4 file, one page per list of text runs."""
    n = len(pages)
    page_ids = [4 + 2 * i for i in range(n)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % p for p in page_ids), n),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for page_id, runs in zip(page_ids, pages, strict=False):
        stream = _content(runs)
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objects[num])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def main() -> None:
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    resolution = build_pdf([PAGE_1, PAGE_2])
    (HERE / "resolution.pdf").write_bytes(resolution)

    writer = PdfWriter(clone_from=PdfReader(BytesIO(resolution)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with open(HERE / "encrypted.pdf", "wb") as fh:
        writer.write(fh)

    (HERE / "no-text.pdf").write_bytes(build_pdf([[]]))


if __name__ == "__main__":
    main()
