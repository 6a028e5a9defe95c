"""Undo text-extraction artefacts: one line per part, hyphenation and footnote marks resolved, footnotes last."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.facts import PartKind
from pipeline.read.hygiene import finish, scrub
from pipeline.structure import (
    BULLET,
    DATE_ALONE,
    PART_MARKERS,
    SIGNED_HEADER,
    name_line,
    next_recital_letter,
    signature_line,
)

__all__ = ["clean"]

#: Characters that hyphenate a word at a line end; a soft hyphen only marks where it may break.
_HYPHENS = "-\u2010"
_SOFT_HYPHEN = "\u00ad"
#: Ends of a line after which a new block is not the continuation of a sentence.
_SENTENCE_END = ".!?;:"
#: A footnote reference glued to the end of a word or a closing quote: "Kazakhstan1," "Asia2," "’3",
#: or in brackets as on the EP's web pages: "Kazakhstan(1),".
_REFERENCE = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[’”)]))(?P<open>\()?(?P<number>\d{1,3})(?(open)\))(?![.,]\d)"
    r"(?=[\s,;.:!?)’”]|$)"
)
# Every pattern here runs over untrusted text and must stay linear in it: a run of letters is
# matched from its first letter only (the look-behind) and never given back (possessive ``++``),
# so a 1 MB word costs one pass, not one pass per letter.
_WORD_END = re.compile(r"(?<![^\W\d_])[^\W\d_]++$")
_WORD_START = re.compile(r"[^\W\d_]++")
_BARE_NUMBER = re.compile(r"(?P<open>\()?(?P<number>[0-9]{1,3})(?(open)\))")
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:[-\u2010][^\W\d_]++)+")
#: How far back from a line end a hyphenated word is looked for; how far back from a footnote mark.
_TAIL = 128
#: the longest heading a page break may follow ("Principal facts"): a longer block without a full stop goes on
_HEADING = 100
#: the longest line of an address block ("Office of the Prosecutor General, PO Box 12")
_ADDRESS_LINE = 48
_WORD_TAIL = re.compile(r"[^\W\d_]{1,64}$")


#: The running footer of a page of a European Parliament document as a PDF gives it: its file
#: ("RC\1190837EN.docx", "B9-0123/2019"), page ("1/3"), PE number ("PE641.392v01-00") and the motto
#: line ("EN United in diversity EN"). A run of such lines ends a page, as a form feed does.
_FOOTER_LINE = (
    r"(?:(?:[A-Z]{2,3}\\\d{5,8}[A-Z]{2}\.docx|PE[ \t]?\d{3}\.\d{3}(?:v\d{2}-\d{2})?|\d{1,3}/\d{1,3}|EN)[ \t]*+)++"
    r"|(?:EN[ \t]++)?United in diversity(?:[ \t]++EN)?"
)
_PAGE_FOOTER = re.compile(rf"^(?:[ \t]*+(?:{_FOOTER_LINE})[ \t]*+(?:\n|\Z))++", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # without surrounding whitespace; "" for a blank line
    page: int
    offset: int  # where the line starts in the input
    indented: bool  # a stray space before it: in text extracted from a PDF, the top of a page


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for page, page_text in enumerate(text.split("\f")):
        for line in page_text.split("\n"):
            text = line.strip()
            lines.append(_Line(text, page, offset, bool(text) and line[:1].isspace()))
            offset += len(line) + 1
    return lines


def _compounds(text: str) -> frozenset[str]:
    """Hyphenated word pairs the text writes within a line ("civil-society", "socio-economic")."""
    pairs: set[str] = set()
    for compound in _COMPOUND.findall(text):
        words = re.split(r"[-\u2010]", compound.lower())
        pairs.update(f"{a}-{b}" for a, b in pairwise(words))
    return frozenset(pairs)


#: the heading of a press release's contacts: names, offices and numbers a line each
_CONTACT_HEADER = re.compile(
    r"[ \t]*(?i:for (?:further|more) information(?:[^:\n]{0,40}?,? please contact)?|(?:press|media) contacts?|contacts?)"
    r"[ \t]*:[ \t]*$"
)


#: a telephone number in international form, a line of a contact block ("+32 (0)2 29 53183")
_PHONE = re.compile(r"\+[0-9]")
#: a line of a header of labelled values ("Location: Geneva", "Spokesperson for the UN High Commissioner: X")
_LABELLED = re.compile(r"[A-Z][^:\n]{0,80}:[ \t]+\S[^:\n]{0,80}$")
#: the longest line of a contact card (an office may be long: "Lead Spokesperson for Foreign Affairs and …")
_CONTACT_LINE = 90


def _is_address(lines: list[_Line]) -> bool:
    """Whether a block's lines are the items of an address or a list of names, not a wrapped
    sentence: three or more short lines, each ending in a capitalised word, a number or a comma,
    each opening with a capital or a digit ("President X" / "Office of the President" / "PO Box 257").

    >>> _is_address([_Line(t, 0, 0, False) for t in ("Minister X", "Ministry of Justice", "Addis Ababa, Ethiopia")])
    True
    >>> _is_address([_Line(t, 0, 0, False) for t in ("whereas the journalist", "was arrested on", "3 May")])
    False
    >>> _is_address([_Line(t, 0, 0, False) for t in ("Signatories:", "Asociación de Cronistas Libres del Valle Alto (ACLVA)")])
    True
    >>> _is_address([_Line(t, 0, 0, False) for t in ("For further information:", "Ana Vell", "Press Officer for Foreign Affairs")])
    True
    >>> _is_address([_Line(t, 0, 0, False) for t in ("Spokesperson for the UN High Commissioner for Human Rights: Ana Vell",
    ...                                               "Location: Geneva")])
    True
    >>> _is_address([_Line(t, 0, 0, False) for t in ("Ana Vell", "Lead Spokesperson for Foreign Affairs and Security Policy",
    ...                                               "+32 (0)2 29 53183")])
    True
    """
    if len(lines) >= 2 and SIGNED_HEADER.match(lines[0].text):  # "Signatories:" and a name a line, however long
        return all(signature_line(line.text) for line in lines[1:])
    if len(lines) >= 2 and _CONTACT_HEADER.match(lines[0].text):  # "For further information:", a name, an office …
        return True
    if len(lines) >= 2 and all(_LABELLED.match(line.text) for line in lines):
        return True  # a briefing's header: "Spokesperson for …: X" / "Location: Geneva" / "Date: …"
    if any(_PHONE.match(line.text) for line in lines) and all(
        line.text and len(line.text) <= _CONTACT_LINE and line.text[-1] not in ".!?;" for line in lines
    ):
        return True  # a contact card: a name, an office, telephone numbers
    if len(lines) == 2 and name_line(lines[0].text) and signature_line(lines[1].text):
        return True  # a signature: a name, and its office on the line below ("Special Rapporteur on …")
    if len(lines) < 3:
        return False
    for line in lines:
        text = line.text
        if not text or len(text) > _ADDRESS_LINE or not (text[0].isupper() or text[0].isdigit() or _PHONE.match(text)):
            return False
        if text[-1] in _HYPHENS or text[-1] == _SOFT_HYPHEN:
            return False  # a word broken across lines: a wrapped sentence
        last = text.rstrip(",").split()[-1].strip("()") if text.rstrip(",").split() else ""  # "… Americas (HRFA)"
        if not last or not (last[0].isupper() or last[0].isdigit()) or text[-1] in ".!?;":
            return False
    return True


def _join(left: str, right: str, compounds: frozenset[str]) -> tuple[bool, str]:
    """How two lines of one part join: whether the last character of ``left`` goes, and what comes between.

    One space, or nothing across a hyphenated line end: "Prosecutor-" + "General" keeps
    the hyphen (a capital follows), "repres-" + "sion" drops it, unless the text writes
    that very compound elsewhere ("socio-economic"). ``left`` need only be the end of
    the text so far (its last :data:`_TAIL` characters).

    >>> _join("the repres-", "sion", frozenset()), _join("the Prosecutor-", "General", frozenset())
    ((True, ''), (False, ''))
    """
    if left.endswith(_SOFT_HYPHEN):
        return True, ""
    if len(left) > 1 and left[-1] in _HYPHENS and left[-2].isalnum() and right[:1].isalnum():
        head, tail = _WORD_END.search(left[:-1]), _WORD_START.match(right)
        if head and tail and right[0].islower() and f"{head.group()}-{tail.group()}".lower() not in compounds:
            return True, ""
        return False, ""
    return False, " "


def _date_apart(left: str, right: str) -> bool:
    """Whether a line holding a date alone stands apart from the line before or after it: a header's or
    byline's date ("By Ana Vell, The Quarterly" / "21 October 2024"), not a sentence wrapped before its
    date ("… was arrested on" / "3 May 2021").

    >>> _date_apart("By Ana Vell, The Quarterly", "21 October 2024"), _date_apart("was arrested on", "3 May 2021")
    (True, False)
    >>> _date_apart("21 October 2024", "Khadija keeps her letters"), _date_apart("21 October 2024", "and later")
    (True, False)
    """
    if DATE_ALONE.fullmatch(right):
        last = left.split()[-1] if left.split() else ""
        return bool(last) and (last[0].isupper() or last[0].isdigit()) and left[-1] not in ","
    return DATE_ALONE.fullmatch(left) is not None and right[:1].isupper()


def _strippable(text: str, at: int) -> bool:
    """Whether a footnote number at ``at`` is glued to a word (not "CO2", "E3", "G20") or a closing quote."""
    if text[at - 1] in "’”)":
        return True
    word = _WORD_TAIL.search(text, max(0, at - 64), at)  # a bounded look back: linear over many marks
    return word is not None and len(word.group()) >= 2 and any(c.islower() for c in word.group())


def _strip_references(text: str, numbers: set[int]) -> str:
    return _REFERENCE.sub(
        lambda m: "" if int(m["number"]) in numbers and _strippable(text, m.start()) else m.group(), text
    )


_OPENERS = (PartKind.CITATION, PartKind.RECITAL, PartKind.PARAGRAPH)


def _paragraph_number(number: str) -> int:
    """12 for paragraph "12", and for an inserted "12a"."""
    digits = re.match(r"\d+", number)
    return int(digits.group()) if digits else 0


@dataclass(slots=True)
class _Grouper:
    """Sorts the lines into body blocks (one per part) and footnote bodies, in one pass."""

    lines: list[_Line]
    first_reference: dict[int, int]  # footnote number -> offset of its first glued reference
    blocks: list[list[_Line]] = field(default_factory=list)
    notes: list[list[_Line]] = field(default_factory=list)
    current: list[_Line] | None = None  # the open body block
    note: list[_Line] | None = None  # the open footnote body, while in a run of footnotes
    run_page: int = -1
    resume: list[_Line] | None = None  # the body block before the last run of footnotes
    after_run: bool = False  # nothing but blank lines since the last run of footnotes
    blank_after_run: int | None = None  # page on which a blank line ended the last run
    next_note: int = 1
    next_recital: str = "A"
    next_paragraph: int = 1
    page_stop: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        # For each line, the next line that is blank, opens a part or starts a page: found in one
        # backward pass, so asking whether a footnote fills the rest of its page costs nothing.
        stops = [len(self.lines)] * len(self.lines)
        following = len(self.lines)
        for i in range(len(self.lines) - 1, -1, -1):
            stops[i] = following
            line = self.lines[i]
            if (
                not line.text
                or (i > 0 and self.lines[i - 1].page != line.page)
                or any(PART_MARKERS[kind].match(line.text) for kind in _OPENERS)
            ):
                following = i
        self.page_stop = stops

    def opens_part(self, text: str, mid_block: bool) -> tuple[PartKind, str] | None:
        """The part a line opens; within a block only a citation or the next recital/paragraph counts."""
        for kind in _OPENERS:
            m = PART_MARKERS[kind].match(text)
            if not m:
                continue
            number = m.groupdict().get("number") or ""
            if mid_block and kind is PartKind.RECITAL and number != self.next_recital:
                return None
            if mid_block and kind is PartKind.PARAGRAPH and _paragraph_number(number) != self.next_paragraph:
                return None
            return kind, number
        return None

    def advance(self, kind: PartKind, number: str) -> None:
        if kind is PartKind.RECITAL:
            self.next_recital = next_recital_letter(number)
        elif kind is PartKind.PARAGRAPH:
            self.next_paragraph = _paragraph_number(number) + 1

    def note_number(self, i: int) -> int | None:
        """The footnote number line ``i`` begins with: "1 P7_TA(2012)0089.", "(1) …", or "1" alone above its text."""
        line = self.lines[i]
        m = PART_MARKERS[PartKind.FOOTNOTE].match(line.text)
        if m:
            return int(m["number"])
        bare = _BARE_NUMBER.fullmatch(line.text)
        if bare and i + 1 < len(self.lines):
            j = i + 1  # the text it would be joined with: the next line's, or across blank lines the page's next
            while j + 1 < len(self.lines) and not self.lines[j].text:
                j += 1
            if j > i + 1 and self.lines[j].page == line.page:
                j = i + 1  # blank lines on its own page end its block: nothing joins it
            below = self.lines[j].text
            if below and not self.opens_part(below, mid_block=True):
                return int(bare["number"])
        return None

    def opens_notes(self, i: int) -> bool:
        """Whether line ``i`` begins a run of footnote bodies: the next footnote's number, a space, its text.

        At the start of a block it must be referenced earlier ("Kazakhstan1,"), follow the
        previous footnote, or be followed by the next one; inside a block it must be
        referenced and fill the rest of its page.
        """
        line = self.lines[i]
        if self.note_number(i) != self.next_note:
            return False
        reference = self.first_reference.get(self.next_note)
        referenced = reference is not None and reference < line.offset
        if self.current is None:
            if referenced or self.blank_after_run == line.page:
                return True
            following = self.lines[i + 1] if i + 1 < len(self.lines) else None
            return bool(following and following.page == line.page and self.note_number(i + 1) == self.next_note + 1)
        if not referenced:
            return False
        stop = self.page_stop[i]  # the first line after i that is blank, opens a part or is on another page
        return stop == len(self.lines) or self.lines[stop].page != line.page

    def add_note(self, line: _Line) -> None:
        self.note = [line]
        self.notes.append(self.note)
        self.next_note += 1

    def end_run(self, blank: bool, page: int) -> None:
        self.note = None
        self.after_run = True
        self.blank_after_run = page if blank else None

    def in_run(self, i: int, line: _Line) -> bool:
        """Take a line while in a run of footnotes; False when the run ends before it (a new page or part)."""
        if not line.text or line.page != self.run_page or line.indented:
            self.end_run(blank=not line.text, page=line.page)
            return not line.text
        if self.note_number(i) == self.next_note:
            self.add_note(line)
        elif self.opens_part(line.text, mid_block=True):
            self.end_run(blank=False, page=line.page)
            return False
        else:
            assert self.note is not None
            self.note.append(line)
        return True

    def in_body(self, i: int, line: _Line) -> None:
        if not line.text:
            self.current = None
            return
        if self.opens_notes(i):
            self.resume = self.current if self.current is not None else (self.blocks[-1] if self.blocks else None)
            self.current = None
            self.run_page = line.page
            self.add_note(line)
            return
        part = self.opens_part(line.text, mid_block=self.current is not None)
        if part is not None:
            self.advance(*part)
            self.current = [line]
            self.blocks.append(self.current)
        elif BULLET.match(line.text):  # "• …", "- …": each item of a list its own block
            self.current = [line]
            self.blocks.append(self.current)
        elif self.current is not None:
            self.current.append(line)
        elif (
            self.after_run
            and self.resume is not None
            and (not self.resume[-1].text.endswith(tuple(_SENTENCE_END)) or line.text[:1].islower())
        ):
            self.current = self.resume  # the sentence the footnotes interrupted goes on
            self.current.append(line)
        elif self._goes_on(line):
            self.current = self.blocks[-1]  # the sentence a page break interrupted goes on
            self.current.append(line)
        else:
            self.current = [line]
            self.blocks.append(self.current)
        self.after_run = False
        self.blank_after_run = None

    def _goes_on(self, line: _Line) -> bool:
        """Whether ``line``, first of a new page, goes on with the last block: that block's sentence has not
        ended, and the line begins in lower case or the block is longer than a heading."""
        if not self.blocks or self.blocks[-1][-1].page >= line.page:
            return False
        last = self.blocks[-1]
        if last[-1].text.endswith(tuple(_SENTENCE_END)):
            return False
        return line.text[:1].islower() or sum(len(x.text) for x in last) > _HEADING

    def run(self) -> _Grouper:
        for i, line in enumerate(self.lines):
            if self.note is None or not self.in_run(i, line):
                self.in_body(i, line)
        return self


def _page_break(footer: re.Match[str]) -> str:
    """A page's running footer, as the page break it stands for (one only: a page already broken keeps its break)."""
    if "docx" not in footer[0] and "PE" not in footer[0] and "diversity" not in footer[0]:
        return footer[0]  # "EN 1/3" alone could be anything
    return "\f"


def clean(raw_text: str) -> str:
    """Turn extracted text into the text every offset downstream points into.

    Each part (title, citation, recital, paragraph) becomes one line (an address
    block keeps its short lines; a header's line holding a date alone is a part of its own),
    parts are separated by one blank line; stray spaces at page tops go, lines broken
    mid-sentence are joined with one space; a word hyphenated across a line end is
    rejoined ("repres-\\nsion" → "repression", "Prosecutor-\\nGeneral" keeps its hyphen);
    footnote bodies leave the flow for a final section, one per line, and their
    reference numbers glued to words go ("Kazakhstan1," → "Kazakhstan,"). Form feeds
    mark page breaks. The text is in Unicode NFC, without control characters (but line
    breaks and tabs) or invisible format characters (bidi marks and overrides,
    zero-width spaces and joiners, soft hyphens): see :mod:`pipeline.read.hygiene`.
    Nothing else changes: quotes ‘ ’ and dashes – stay as they are.

    Args:
        raw_text: Text as a reader extracted it.

    Returns:
        The cleaned text, ending with a newline ("" when there is no text).

    >>> print(clean(" A. whereas the Prosecutor- \\nGeneral banned ‘Alga!’ on\\nKazakhstan1, the repres-\\n"
    ...             "sion grew;\\n\\n1 P7_TA(2012)0089.\\n B. whereas it was 2013-2020;\\n"), end="")
    A. whereas the Prosecutor-General banned ‘Alga!’ on Kazakhstan, the repression grew;
    <BLANKLINE>
    B. whereas it was 2013-2020;
    <BLANKLINE>
    1 P7_TA(2012)0089.
    """
    text = scrub(raw_text).replace("\r\n", "\n").replace("\r", "\n")
    text = _PAGE_FOOTER.sub(_page_break, text)
    first_reference: dict[int, int] = {}
    for m in _REFERENCE.finditer(text):
        first_reference.setdefault(int(m["number"]), m.start())
    grouped = _Grouper(_lines(text), first_reference).run()
    compounds = _compounds(text)

    def joined(lines: list[_Line]) -> str:
        pieces = [lines[0].text]
        tail = lines[0].text[-_TAIL:]  # the end of the text so far: all a join looks at
        listed = _is_address(lines)
        for previous, line in pairwise(lines):
            drop, between = _join(tail, line.text, compounds)
            if listed and between == " ":
                between = "\n"  # an address's lines stay lines: no name runs across them
            elif between == " " and _date_apart(previous.text, line.text):
                between = "\n\n"  # a header's date: a part of its own
            if drop:
                pieces[-1] = pieces[-1][:-1]
                tail = tail[:-1]
            pieces += [between, line.text]
            tail = (tail + between + line.text)[-_TAIL:]
        return "".join(pieces)

    numbers = set(range(1, grouped.next_note))
    parts = [_strip_references(joined(block), numbers) for block in grouped.blocks]
    parts += [joined(note) for note in grouped.notes]
    parts = [part for part in (finish(p).strip() for p in parts) if part]
    return "\n\n".join(parts) + "\n" if parts else ""
