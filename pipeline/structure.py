"""Structure stage: a document's title, identifiers and parts (citations, recitals, paragraphs, footnotes)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.facts import DatePrecision, DocumentPart, DocumentStructure, PartKind, SourceDocument
from pipeline.normalize.dates import dateline_year, normalise_date, years_in
from pipeline.normalize.names import TITLES

__all__ = [
    "PART_MARKERS",
    "PATTERNS",
    "MONTHS",
    "NEWS_DATELINE",
    "next_recital_letter",
    "blocks",
    "dateline",
    "find_structure",
    "Tabling",
    "tablings",
]

#: How each kind of part begins, matched at the start of a block; ``number`` is its letter or number.
#: Citations are numbered by their order instead.
PART_MARKERS: dict[PartKind, re.Pattern[str]] = {
    # "– having regard to", "•  having regard to" (the EP's web pages), "Having regard to"
    PartKind.CITATION: re.compile(r"(?:[–—•·*-][ \t]*h|H)aving regard to\b"),
    # "A. whereas", "(A)  whereas" (the EP's web pages), "A) whereas"
    PartKind.RECITAL: re.compile(r"\(?(?P<number>[A-Z]{1,2})[.)][ \t]+(?i:whereas)\b"),
    PartKind.PARAGRAPH: re.compile(r"(?P<number>\d{1,3}[a-z]?)\.[ \t]+(?=[A-Z‘“\"'])"),
    # "1 P7_TA(2012)0089." as extracted from a PDF, "(1) Texts adopted, …" as the EP's web pages write it
    PartKind.FOOTNOTE: re.compile(r"(?P<open>\()?(?P<number>\d{1,3})(?(open)\))[ \t]+(?=\S)"),
}

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DATE = rf"(?P<day>\d{{1,2}})[ \t]+(?P<month>{'|'.join(MONTHS)})[ \t]+(?P<year>\d{{4}})\b"

#: What the preamble of a resolution says about the document (before its first part).
PATTERNS: dict[str, re.Pattern[str]] = {
    # "(2013/2600(RSP))": year / number (procedure type), as in the EP's Legislative Observatory
    "procedure": re.compile(r"\b\d{4}/\d{4}\([A-Z]{3}\)"),
    # "The European Parliament," on its own: the body that adopts the text
    "author": re.compile(r"The (?P<author>[A-Z][^,\n]{2,80}),"),
    # the title line of an EP text
    "title": re.compile(r"European Parliament (?:resolution|recommendation|decision|legislative resolution)\b"),
    # "European Parliament resolution of 18 April 2013 on …"
    "title_date": re.compile(rf"\bof[ \t]+{_DATE}"),
    # "adopted on 18 April 2013", "adopted by the Parliament on 18 April 2013"
    "adopted": re.compile(rf"\badopted(?:[ \t]+by[^.;\n]{{1,60}}?)?[ \t]+on[ \t]+{_DATE}"),
}

#: Where a report's first block may serve as its title.
_MAX_TITLE = 200
# A blank line between blocks, matched from the first space of a run only (the look-behind) and
# never backtracking (``*+``): linear even on a megabyte of spaces.
_BLANK_LINE = re.compile(r"(?<![ \t])[ \t]*+\n[ \t]*+\n")
_NON_SPACE = re.compile(r"\S")
_SUBPOINT = re.compile(r"[(a-z]|[–—•-][ \t]")


def next_recital_letter(letter: str | None) -> str:
    """The letter of the recital after ``letter``: A…Z, then AA, AB… as the EP numbers them.

    >>> [next_recital_letter(x) for x in (None, "A", "Z", "AA", "AZ")]
    ['A', 'B', 'AA', 'AB', 'BA']
    """
    if not letter:
        return "A"
    value = 0
    for char in letter:
        value = value * 26 + ord(char) - ord("A") + 1
    value += 1
    out = ""
    while value:
        value, rest = divmod(value - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def blocks(text: str) -> list[tuple[int, int]]:
    """The blank-line-separated blocks of a text, as ``(start, end)`` offsets without outer whitespace.

    >>> text = "Title\\n\\n A. whereas x;\\nstill A \\n\\n\\n1. Calls"
    >>> [text[s:e] for s, e in blocks(text)]
    ['Title', 'A. whereas x;\\nstill A', '1. Calls']
    """
    spans = []
    last = len(text.rstrip())  # where only white space is left
    pos = 0
    while (start := _NON_SPACE.search(text, pos, last)) is not None:
        blank = _BLANK_LINE.search(text, start.start(), last)
        end = blank.start() if blank else last
        spans.append((start.start(), end))
        pos = blank.end() if blank else last
    return spans


def _ends_with_colon(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with a colon, trailing spaces aside (without copying it).

    >>> _ends_with_colon("x Calls for: \\n", 0, 14), _ends_with_colon("x Calls for", 0, 11)
    (True, False)
    """
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == ":"


#: a sentence of prose ending its block: "Having regard to the timing of the arrest, the Court found that … ."
_PROSE_END = re.compile(r"[.!?][\"”’']?\s*$")


def _marker(text: str) -> tuple[PartKind, str] | None:
    for kind in (PartKind.CITATION, PartKind.RECITAL, PartKind.PARAGRAPH):
        m = PART_MARKERS[kind].match(text)
        if m:
            if kind is PartKind.CITATION and text.startswith("H") and _PROSE_END.search(text):
                return None  # a citation ends in a comma or a semicolon; this is a judgment's or report's prose
            return kind, m.groupdict().get("number") or ""
    return None


def _footnotes(text: str, spans: list[tuple[int, int]]) -> int:
    """How many of the last blocks are footnotes: a run numbered 1, 2, … n closing the text."""
    numbers: list[int] = []
    for start, end in reversed(spans):
        m = PART_MARKERS[PartKind.FOOTNOTE].match(text, start, end)
        if not m or "\n" in text[start:end]:
            break
        numbers.append(int(m["number"]))
    numbers.reverse()
    for i, number in enumerate(numbers):
        if number == 1 and numbers[i:] == list(range(1, len(numbers) - i + 1)):
            return len(numbers) - i
    return 0


def _iso(m: re.Match[str] | None) -> str | None:
    if not m:
        return None
    try:
        return date(int(m["year"]), MONTHS.index(m["month"]) + 1, int(m["day"])).isoformat()
    except ValueError:  # "31 February"
        return None


def _preamble(text: str, spans: list[tuple[int, int]]) -> tuple[str | None, str | None, str | None, str | None]:
    """Title, procedure number, author and adoption date from the blocks before the first part."""
    texts = [text[s:e] for s, e in spans]
    proc_at, procedure = next(
        ((i, m) for i, t in enumerate(texts) if (m := PATTERNS["procedure"].search(t))), (None, None)
    )
    author = next((m["author"] for t in texts if (m := PATTERNS["author"].fullmatch(t))), None)
    title_at = next((i for i, t in enumerate(texts) if PATTERNS["title"].match(t)), None)
    if title_at is None and proc_at is not None:  # the line(s) before the procedure number
        assert procedure is not None  # found together with proc_at
        before = texts[proc_at][: procedure.start()].strip(" \t\n(")
        title_at = proc_at if before else (proc_at - 1 if proc_at else None)
    if title_at is None:
        title_at = next((i for i, t in enumerate(texts) if not PATTERNS["author"].fullmatch(t)), None)
    title = None
    if title_at is not None:
        raw = texts[title_at][: procedure.start()] if procedure is not None and title_at == proc_at else texts[title_at]
        title = " ".join(raw.split()).rstrip(" (") or None
    adopted = next((m for t in texts if (m := PATTERNS["adopted"].search(t))), None)
    when = _iso(adopted) or (_iso(PATTERNS["title_date"].search(title)) if title else None)
    return title, procedure.group() if procedure else None, author, when


#: A report's own date: "Date: 14 May 2024" in its header, a header block ending with a date
#: ("Berlin, 22 July 2024", "13.06.2023", a byline "By X, The Review 20 March 2026"), or a news
#: dateline opening the story ("DUBAI, Oct 3 (Wire) –", "GENEVA (14 March 2023) –").
#: a date to the day as a header writes it: "09.02.2024", "9 February 2024", "February 9, 2024"
_DAY_DATE = (
    r"\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4}"
)
#: a place before a date, and its comma ("Caracas, ")
_PLACE = r"[A-Z][\w'’. -]{1,40},[ \t]*"
_LABELLED_DATE = re.compile(r"\b(?i:date)[ \t]*:[ \t]*(?P<date>[\w .,]{4,30}?)(?=[ \t]*(?:\n|$))", re.M)
_DATE_AT_END = re.compile(
    r"(?P<date>(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+\d{4}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}"
    r"|\d{1,2}\.\d{1,2}\.\d{4}))[ \t]*$"
)
#: a line of a header block holding a date alone ("14.02.2025\nPress Team", "12 March 2024\nIndex: …")
_DATE_LINE = re.compile(r"^[ \t]*(?P<date>" + _DAY_DATE + r")[ \t]*$", re.M)
#: a line holding a date alone, or a place and a date ("21 October 2024", "Caracas, 20 February 2025")
DATE_ALONE = re.compile(r"[ \t]*(?:" + _PLACE + r")?(?:" + _DAY_DATE + r")[ \t]*")
NEWS_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z .'’-]{1,40}[A-Z]|[A-Z][a-z\u00C0-\u024F'’-]+(?:[ \t][A-Z][a-z\u00C0-\u024F'’-]+){0,3})"
    r"(?:,[ \t]*[A-Z][A-Za-z\u00C0-\u024F'’. -]{1,30}?)?"  # "LUMEPORT, Ruritania, June 11": the place's country
    r",?[ \t]*\(?(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?"
    r"|\d{1,2}[ \t]+[A-Z][a-z]{2,8}(?:[ \t]+\d{4})?)\)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[–—-]"
)
#: a header block opening with its place and date, whatever follows ("Brussels, 09.02.2024 Statement 24/071")
_PLACE_DATE = re.compile(_PLACE + r"(?P<date>" + _DAY_DATE + r")\b")
#: how far into a report its header (and dateline) may stand, and how long a header block is
_HEADER_CHARS = 1200
_HEADER_BLOCK = 250


def dateline(text: str) -> str | None:
    """A report's own date (ISO, day precision) from its header or dateline; a dateline
    without its year takes the year the story implies.

    >>> dateline("Case update – Ruritania Lyon, 22 July 2024\\n\\nThe journalist …")
    '2024-07-22'
    >>> dateline("Title\\n\\nDUBAI, Oct 3 (Wire) – A court … ruling dated Sept. 30, 2023 …")
    '2023-10-03'
    >>> dateline("Title\\n\\nOslo, 09.02.2024 Statement 24/001\\n\\nToday the court …")
    '2024-02-09'
    >>> dateline("Title\\n\\n14.02.2031\\nPress Team\\n\\nYesterday the court …")
    '2031-02-14'
    """
    head = text[:_HEADER_CHARS]
    candidates = [m["date"] for m in _LABELLED_DATE.finditer(head)]
    for start, end in blocks(head)[:8]:
        block = head[start:end]
        d = NEWS_DATELINE.match(block)
        if d:
            candidates.append(d["date"])
        if len(block) <= _HEADER_BLOCK:
            m = (
                _DATE_AT_END.search(block)
                or _DATE_AT_END.match(block.split(" ", 1)[0])
                or _PLACE_DATE.match(block)
                or _DATE_LINE.search(block)
            )
            if m:
                candidates.append(m["date"])
    for candidate in candidates:
        found = normalise_date(candidate)
        if found is not None and found.precision is DatePrecision.DAY:
            return found.value
        if found is None and not years_in(candidate):
            probe = normalise_date(candidate, 2000)  # the dateline's month, whatever its year
            month = int(probe.value[5:7]) if probe is not None and len(probe.value) >= 7 else None
            found = normalise_date(candidate, dateline_year(text, month))
            if found is not None and found.precision is DatePrecision.DAY:
                return found.value
    return None


#: the marks that open a list's item
BULLETS = frozenset("•·▪◦*-–—")
#: A list item in a report: "• …", "- …", "* …" at the start of a line; or a chronology's line, a date and a
#: dash ("22 May 2016 – arrested at …", "April 2008 – detained", "2013–2016 – member of …").
BULLET = re.compile(
    r"[•·*–—-][ \t]+"
    rf"|(?:\d{{1,2}}[ \t]+)?(?:{'|'.join(MONTHS)})[ \t]+\d{{4}}[ \t]+[–—-][ \t]+"
    r"|\d{4}(?:[–-]\d{2,4})?[ \t]+[–—-][ \t]+"
)
#: Words that end the name of a body publishing a report ("… Network", "… Watch").
_PUBLISHER_HEADS = frozenset(
    {
        "network",
        "international",
        "watch",
        "monitor",
        "observatory",
        "centre",
        "center",
        "committee",
        "foundation",
        "association",
        "coalition",
        "federation",
        "institute",
        "alliance",
        "union",
        "defenders",
        "council",
        "commission",
        "office",
        "service",
        "organisation",
        "organization",
        "league",
        "society",
    }
)


def _items(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A report's blocks, a block listing items ("• …" on each line) cut into one part per item
    (a line without a marker continues the item before it).

    >>> text = "Chronology\\n\\n• 1 May – arrested\\n• 2 May – charged\\n  with fraud"
    >>> [text[s:e] for s, e in _items(text, blocks(text))]
    ['Chronology', '• 1 May – arrested', '• 2 May – charged\\n  with fraud']
    """
    out = []
    for start, end in spans:
        lines = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\n]+", text[start:end])]
        marked = [BULLET.match(text, s) is not None for s, _ in lines]
        if sum(marked) < 2:
            out.append((start, end))
            continue
        items: list[list[int]] = []
        for (s, e), bullet in zip(lines, marked, strict=False):
            if bullet or not items:
                items.append([s + len(text[s:e]) - len(text[s:e].lstrip()), e])
            else:
                items[-1][1] = e
        out.extend((s, e) for s, e in items)
    return out


#: the line that opens a joint statement's list of signatories ("Signed:", "Signatories", "Signed by:")
SIGNED_HEADER = re.compile(r"^[ \t]*(?i:signed(?: by)?|signatories|signatory organi[sz]ations)[ \t]*:?[ \t]*$", re.M)
#: a numbered list's mark: "1. ", "12) "
_NUMBERED_ITEM = re.compile(r"\d{1,3}[.)][ \t]+")
#: an acronym in brackets after a signatory's name ("Human Rights Front (HRF)")
_BRACKETED = re.compile(r"[ \t]*\([^()]*\)[ \t]*$")


#: the paragraph of a UN press release that names the experts who speak in it
EXPERTS_LIST = re.compile(r"^[ \t*]*The experts[ \t]*:[ \t]*(?P<items>[^\n]+(?:\n[^\n]+)*)", re.M)
#: an item of that list naming a body of experts rather than one of them ("Working Group on Arbitrary Detention")
_EXPERT_BODY = re.compile(r"^(?:Working Group|Committee|Expert Mechanism|Subcommittee)\b")


def experts(text: str) -> tuple[str, ...]:
    """The experts a UN press release lists as speaking in it ("The experts: X, Special Rapporteur on …;
    Working Group on Y: A (Chair-Rapporteur), B; and the Working Group on Z."): each expert named with
    a mandate of their own, and each body named as such (its members speak as the body).

    >>> experts("…\\n\\nThe experts: Ms. Ada Vell, Special Rapporteur on torture; Working Group on "
    ...         "Arbitrary Detention: Mr. Oren Tal (Chair-Rapporteur), Ms. Ivy Ro; and the Working Group on "
    ...         "Enforced or Involuntary Disappearances.")
    ('Ada Vell', 'Working Group on Arbitrary Detention', 'Working Group on Enforced or Involuntary Disappearances')
    """
    found = max(EXPERTS_LIST.finditer(text), key=lambda m: m.start(), default=None)
    if found is None:
        return ()
    names: list[str] = []
    for item in re.split(r"[ \t]*;[ \t]*", " ".join(found["items"].split())):
        item = re.sub(r"^(?:and[ \t]+)?(?:the[ \t]+)?", "", item.strip()).rstrip(".")
        if _EXPERT_BODY.match(item):
            names.append(item.split(":", 1)[0].strip())
        elif "," in item and ":" not in item:
            words = item.split(",", 1)[0].split()
            while words and words[0].lower().rstrip(".") in TITLES:
                words = words[1:]  # "Ms. Ada Vell"
            names.append(" ".join(words))
    return tuple(n for n in names if n and n[0].isupper() and len(n) <= SIGNATURE_CHARS)


def signatories(text: str) -> tuple[str, ...]:
    """The bodies a joint statement lists as its signatories, one a line under "Signed:" to the
    text's end: names (a capital first, no full stop at the end), their bracketed acronyms left out;
    or the experts a UN press release lists as speaking in it (see :func:`experts`).

    >>> signatories("We call for his release.\\n\\nSigned:\\nOrdo Veritas (OV)\\nFree Press Circle\\n")
    ('Ordo Veritas', 'Free Press Circle')
    >>> signatories("Release them.\\n\\nSignatories:\\n1. Ordo Veritas (OV)\\n2. Free Press Circle\\n")
    ('Ordo Veritas', 'Free Press Circle')
    >>> signatories("Signed: the Minister.")
    ()
    """
    found = max(SIGNED_HEADER.finditer(text), key=lambda m: m.start(), default=None)  # the last such line
    if found is None:
        return experts(text) or signed_names(text)
    names = []
    for line in text[found.end() :].splitlines():
        line = line.strip()
        # "- X", "• X" or "1. X": the name after the list's mark, not a dash inside a name
        bullet = BULLET.match(line) or _NUMBERED_ITEM.match(line)
        line = _BRACKETED.sub("", line[bullet.end() :] if bullet else line).strip()
        if not line:
            continue
        if not signature_line(line):
            return ()  # prose after the list: no list of signatories
        names.append(line)
    return tuple(names)


def signed_names(text: str) -> tuple[str, ...]:
    """The names of the signatures closing a letter, two or more, a block each of a name and the office it
    holds on the line below ("Ana Vell\\nSpecial Rapporteur on …\\n\\nIvo Tam\\nVice-Chair of …").

    >>> signed_names("We call for his release.\\n\\nAna Vell\\nSpecial Rapporteur on torture\\n\\nIvo Tam\\nChair\\n")
    ('Ana Vell', 'Ivo Tam')
    >>> signed_names("We call for his release.\\n\\nAna Vell\\nPress Officer\\n")
    ()
    """
    names: list[str] = []
    for block in reversed(text.strip().split("\n\n")):
        lines = block.strip().split("\n")
        if len(lines) != 2 or not name_line(lines[0].strip()) or not signature_line(lines[1].strip()):
            break
        names.append(lines[0].strip())
    return tuple(reversed(names)) if len(names) >= 2 else ()


#: a word of a person's name on a line of its own: letters, a hyphen or an apostrophe inside ("Annor-Mensah")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def name_line(text: str) -> bool:
    """Whether a line holds a person's name alone: two to four capitalised words, not in capitals ("Kofi
    Annor-Mensah"; not a heading's "CIVIC DEFENDERS INTERNATIONAL").

    >>> name_line("Hana Mirković"), name_line("whereas the journalist"), name_line("Press Release 12/2024")
    (True, False, False)
    >>> name_line("CIVIC DEFENDERS INTERNATIONAL")
    False
    """
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() and not w.isupper() and _NAME_WORD.fullmatch(w) for w in words)


def signature_line(line: str) -> bool:
    """Whether a line may be one signatory's name: short, opening with a capital, not a sentence's end.

    >>> signature_line("Ordo Veritas (OV)"), signature_line("We call for his release.")
    (True, False)
    """
    return bool(line) and len(line) <= SIGNATURE_CHARS and line[0].isupper() and line[-1] not in ".!?;"


def report_author(text: str) -> str | None:
    """The body that publishes a report, where the report opens with its name
    ("REPORTERS' FREEDOM NETWORK (RFN) Case update …", "Americas Rights Observatory – Dispatches").

    >>> report_author("CIVIC DEFENDERS INTERNATIONAL URGENT ACTION\\n\\nThe defender …")
    'Civic Defenders International'
    >>> report_author("Kazakhstan: crackdown on the opposition\\n\\n…") is None
    True
    >>> report_author("Ruritanian Ministry of Foreign Affairs Press release | No: 1/24\\n\\nThe ministry …")
    'Ruritanian Ministry of Foreign Affairs'
    >>> report_author("NORTHERN LIGHT FOR RIGHTS\\nURGENT ACTION\\n\\nThe journalist …")
    'Northern Light for Rights'
    >>> report_author("URGENT ACTION\\n\\nRelease her now.\\n\\nYours sincerely,\\n\\nOrdo Veritas International")
    'Ordo Veritas International'
    >>> report_author("Press briefing notes\\n\\nSpokesperson for the UN High Commissioner: Ana Vell\\nLocation: Geneva")
    'Ana Vell'
    """
    spans = blocks(text[:_HEADER_CHARS])
    if not spans:
        return None
    speaker = _SPEAKER_LINE.search(text[:_HEADER_CHARS])
    if speaker:
        return speaker["name"]  # a briefing's "Spokesperson for …: X": X speaks its "we"
    kind = _REPORT_KINDS.search(text[spans[0][0] : spans[0][1]].strip())
    named = kind and _CAPITALISED_NAME.fullmatch(kind["name"])
    if named:
        return _as_written(named.group())  # "GLOBAL ALERT FOR RIGHTS URGENT ACTION": whatever its last word
    found = _publisher(text[spans[0][0] : spans[0][1]])
    if found is None:  # the signature closing an appeal: the publisher's name on the last line, alone
        last = text.rstrip().rsplit("\n", 1)[-1].strip()
        found = _publisher(last) if len(last) <= SIGNATURE_CHARS else None
        if found is not None and len(found.split()) != len(last.split()):
            found = None
    return found


#: a briefing's header line naming who delivers it ("Spokesperson for the UN High Commissioner …: Ana Vell")
_SPEAKER_LINE = re.compile(
    r"^[ \t]*(?:Spokesperson|Spokesman|Spokeswoman|Speaker|Delivered by)\b[^:\n]*:[ \t]*"
    r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3})[ \t]*$",
    re.M,
)
#: the longest last line read as an appeal's signature (a name of a few words; a longer line is prose)
SIGNATURE_CHARS = 120
#: what a report calls itself on the line after its publisher's name
_REPORT_KINDS = re.compile(
    r"^(?P<name>[^\n|]{4,90}?)\s+(?i:urgent action|press release|news release|media release|public statement)"
    r"(?:$|\s*[|:–—])"
)
#: a name of two to seven capitalised words (all capitals, or each word's first letter), no digits
_CAPITALISED_NAME = re.compile(
    r"(?:[A-Z][A-Z'’&-]+(?: (?:OF|FOR|THE|AND|[A-Z][A-Z'’&-]+)){1,6})|(?:[A-Z][a-z'’&-]+(?: (?:of|for|the|and|[A-Z][a-z'’&-]+)){1,6})"
)


def _as_written(name: str) -> str:
    """A name in capitals as usually written ("GLOBAL ALERT FOR RIGHTS" -> "Global Alert for Rights")."""
    if not name.isupper():
        return name
    return " ".join(
        w.lower() if n and w in ("OF", "FOR", "THE", "AND") else w.title() for n, w in enumerate(name.split())
    )


def _publisher(block: str) -> str | None:
    """The publisher's name a block opens with, where its last word is a publisher's ("… Network", "… Watch")."""
    first = re.split(r"[ \t]+[–—-][ \t]|[ \t]*\(|:", block, maxsplit=1)[0]
    words = first.split()
    for n in range(min(len(words), 7), 1, -1):
        name = words[:n]
        if name[-1].lower() not in _PUBLISHER_HEADS:
            continue
        caps = [w for w in name if w.lower() not in ("of", "for", "the", "and")]
        if all(w.isupper() for w in caps) or all(w[:1].isupper() and not w.isupper() for w in caps):
            joined = " ".join(name)
            return joined.title() if joined.isupper() else joined
    return None


@dataclass(frozen=True, slots=True)
class Tabling:
    """Members tabling a motion for their political group, as a joint motion's front matter lists them
    ("A, B, C" / "on behalf of the PPE Group"): offsets into the text read."""

    members: tuple[tuple[int, int], ...]
    group: tuple[int, int]
    start: int  # the lines: the first member's to the group's line end
    end: int


#: what closes a list of members: "on behalf of the S&D Group", "on behalf of The Left Group"
_ON_BEHALF = re.compile(r"\bon[ \t]+behalf[ \t]+of[ \t]+(?:the[ \t]+)?(?P<group>\S+(?:[ \t]+\S+){0,2}?[ \t]+Group)\b")
#: a word of a member's name: "Jorrit", "van", "Wiśniewska", "Pierre-Yves", "O’Sullivan"
_MEMBER_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _members(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The names ``text[start:end]`` lists, separated by commas (capitalised words, lower-case particles
    inside: "Jorrit van der Heijden"), as offsets; None if it holds anything else."""
    names: list[tuple[int, int]] = []
    pos = start
    for piece in text[start:end].split(","):
        words = piece.split()
        if words:
            if len(words) > 6 or not (words[0][0].isupper() and words[-1][0].isupper()):
                return None
            if not all(_MEMBER_WORD.fullmatch(w) for w in words):
                return None
            first = pos + piece.index(words[0])
            names.append((first, first + len(piece.strip())))
        pos += len(piece) + 1
    return names or None


def tablings(text: str) -> list[Tabling]:
    """The members' lists of a joint motion's front matter, each closed by its group ("A, B, C on behalf
    of the PPE Group D on behalf of the S&D Group", a line each or run together as a block).

    >>> text = "Ana Vell, Jorrit van der Heijden,\\nIvo Tam\\non behalf of the PPE Group Lea Ost on behalf of The Left Group"
    >>> [([text[s:e] for s, e in t.members], text[slice(*t.group)]) for t in tablings(text)]
    [(['Ana Vell', 'Jorrit van der Heijden', 'Ivo Tam'], 'PPE Group'), (['Lea Ost'], 'The Left Group')]
    >>> tablings("The Minister spoke on behalf of the PPE Group")
    []
    """
    found: list[Tabling] = []
    pos = 0
    for behalf in _ON_BEHALF.finditer(text):
        members = _members(text, pos, behalf.start())
        if members is None and not found:  # the first list: on its own line after other words
            line = text.rfind("\n", pos, behalf.start()) + 1
            members = _members(text, line, behalf.start()) if line else None
        if members is not None:
            found.append(Tabling(tuple(members), behalf.span("group"), members[0][0], behalf.end()))
        pos = behalf.end()
    return found


def find_structure(doc: SourceDocument) -> DocumentStructure:
    """Find the parts of a document in its cleaned text.

    A resolution (citations "– having regard to", recitals "A. whereas", numbered
    paragraphs) gets its parts, title, procedure number, author and adoption date; any
    other text is a ``"report"`` whose blocks are paragraphs 1, 2, 3… In both, a closing
    run of blocks numbered 1, 2, … n (where cleanup gathers them) are the footnotes.

    Args:
        doc: The document as read; offsets point into ``doc.text``.

    Returns:
        The structure, parts in text order; each part's ``text == doc.text[start:end]``
        and begins with its marker.

    >>> text = ("European Parliament resolution of 18 April 2013 on Kazakhstan (2013/2600(RSP))\\n\\n"
    ...         "The European Parliament,\\n\\n– having regard to its resolution of 15 March 2012 on Kazakhstan,\\n\\n"
    ...         "A. whereas Vladimir Kozlov was sentenced;\\n\\n1. Calls for his release;\\n\\n1 P7_TA(2012)0089.\\n")
    >>> s = find_structure(SourceDocument("kz", "kz.txt", text))
    >>> s.kind, s.title, s.procedure_number, s.author, s.date
    ('resolution', 'European Parliament resolution of 18 April 2013 on Kazakhstan', '2013/2600(RSP)', 'European Parliament', '2013-04-18')
    >>> [(p.kind.value, p.number, p.text[:12]) for p in s.parts]
    [('Citation', '1', '– having reg'), ('Recital', 'A', 'A. whereas V'), ('Paragraph', '1', '1. Calls for'), ('Footnote', '1', '1 P7_TA(2012')]
    """
    text = doc.text
    spans = blocks(text)
    n_notes = _footnotes(text, spans)
    body, notes = spans[: len(spans) - n_notes], spans[len(spans) - n_notes :]
    marked = [_marker(text[s:e]) for s, e in body]
    first = next((i for i, m in enumerate(marked) if m is not None), len(body))
    title, procedure, author, when = _preamble(text, body[:first])
    kinds = {m[0] for m in marked if m is not None}
    resolution = bool(kinds & {PartKind.CITATION, PartKind.RECITAL}) or (
        author is not None and PartKind.PARAGRAPH in kinds
    )

    found: list[tuple[PartKind, str, int, int]] = []
    if resolution:
        lists = [(s + t.start, s + t.end) for s, e in body[:first] for t in tablings(text[s:e])]
        if lists:  # the members tabling a joint motion: one part, from the first list to the last group
            found.append((PartKind.TABLING, "1", lists[0][0], lists[-1][1]))
        citations = 0
        for (start, end), mark in zip(body[first:], marked[first:], strict=False):
            if mark is None:
                kind, number, begin, _ = found[-1]
                block = text[start:end]
                if _SUBPOINT.match(block) or _ends_with_colon(text, begin, found[-1][3]):
                    found[-1] = (kind, number, begin, end)  # a sub-point "(a) …" of the part before
                continue  # else a heading between parts
            kind, number = mark
            if kind is PartKind.CITATION:
                citations += 1
                number = str(citations)
            found.append((kind, number, start, end))
    else:
        found = [(PartKind.PARAGRAPH, str(i), s, e) for i, (s, e) in enumerate(_items(text, body), 1)]
        first_block = text[body[0][0] : body[0][1]] if body else ""
        title = (
            first_block
            if first_block
            and len(first_block) < _MAX_TITLE
            and "\n" not in first_block
            and not first_block.endswith(".")
            else None
        )
        procedure = None
        author = report_author(text)
        when = dateline(text)
    for s, e in notes:
        marker = PART_MARKERS[PartKind.FOOTNOTE].match(text, s, e)
        assert marker is not None  # the notes were found by this pattern
        found.append((PartKind.FOOTNOTE, marker["number"], s, e))
    parts = tuple(DocumentPart(doc.doc_id, kind, number, s, e, text[s:e]) for kind, number, s, e in found)
    return DocumentStructure(
        doc_id=doc.doc_id,
        kind="resolution" if resolution else "report",
        title=title,
        procedure_number=procedure,
        author=author,
        date=when,
        parts=parts,
        signatories=signatories(text),
    )
