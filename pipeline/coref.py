"""Coreference: the actor each pronoun and descriptor points back to, across a document's parts.

Rule-based, from the cues ``whereas_coref`` writes (gender, number, role, the nouns a person
is known by): a pronoun or descriptor goes to the earlier actor that agrees with it and is
most salient where it stands — each earlier mention adds its role's weight, decayed by the
sentences between, and the subject of the sentence just before counts most unless the
anaphor opens a new paragraph. "The court" goes to the court named last, "the paper" to the
media outlet named last; "they", "the two men", "both" to the people last named together.
A pronoun agrees in gender with what the text says of a person, else with their given name
(nomquamgender's data), and is first the person its own sentence named before it (its subject
first). Anaphors look back a few paragraphs, but a pronoun in a resolution only within its own
part (each recital names whom it speaks of), unless a possessive opens the recital ("whereas his
daughter, X, …"). "The first applicant" is the person the text ranked so, "both applicants" all
of them. Weights are in ``coref.json``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from pipeline.components.gazetteer import given_name_gender
from pipeline.facts import ACTING_EVENTS, Actor, ActorType, DocumentFacts, Mention, RelationType, Standing
from pipeline.normalize.names import name_key
from pipeline.patterns import load_json
from pipeline.structure import experts

__all__ = ["resolve_anaphora", "resolve_groups", "is_heading"]

_ORGANISATIONS = {ActorType.MEDIA_OUTLET, ActorType.POLITICAL_PARTY, ActorType.NGO, ActorType.ORGANISATION}


@dataclass(slots=True)
class _Seen:
    """An earlier mention of an actor, as coreference weighs it."""

    key: str
    sentence: int
    part: int
    role: str
    index: int


def is_heading(text: str) -> bool:
    """A section heading of a report: one short line that does not end as a sentence does.

    >>> is_heading("II. Harare"), is_heading("He was charged."), is_heading("ENDS")
    (True, False, True)
    """
    text = text.strip()
    return 0 < len(text) <= 60 and "\n" not in text and text[-1] not in '.!?;:,"”’)'


def _cues(m: Mention) -> dict[str, str]:
    return dict(m.coref)


def _surname_gender(label: str, suffixes: dict[str, list[str]]) -> str:
    """A weak cue: a female surname ending ("Ivanova"), where nothing else says.

    >>> _surname_gender("Nadia Petrova", {"f": ["ova"]}), _surname_gender("Ivan Petrov", {"f": ["ova"]})
    ('f', '')
    """
    last = label.split()[-1].lower() if label.split() else ""
    for gender, endings in suffixes.items():
        if len(last) > 4 and any(last.endswith(e) for e in endings):
            return gender
    return ""


@lru_cache(maxsize=1 << 14)  # every person of the corpus, asked again for each document
def _label_gender(label: str) -> str:
    """What a person's name says of their gender, where the text says nothing: a given name nearly
    only women or only men bear ("Orsolya", "Halvard"; of a name of two words or more), else a female
    surname ending."""
    words = label.split()
    given = given_name_gender(words[0]) if len(words) > 1 else ""
    return given or _surname_gender(label, load_json("coref.json")["surname_suffixes"])


class _Document:
    """The order, sentences and parts of one document's mentions."""

    def __init__(self, facts: DocumentFacts) -> None:
        self.facts = facts
        self.mentions = facts.mentions
        self.order = sorted(range(len(self.mentions)), key=lambda i: (self.mentions[i].start, self.mentions[i].end))
        starts = sorted({m.sentence.start for m in self.mentions if m.sentence})
        self.sentence_no = {s: n for n, s in enumerate(starts)}
        self.part_no = {(p.kind, p.number): n for n, p in enumerate(facts.structure.parts)}
        self.part_start = {(p.kind, p.number): p.start for p in facts.structure.parts}
        self.by_start = {m.start: i for i, m in enumerate(self.mentions)}
        #: part number -> the number of the last heading at or before it ("II. Harare" opens a new story)
        self.section: list[int] = []
        last = -1
        for n, p in enumerate(facts.structure.parts):
            if is_heading(p.text):
                last = n
            self.section.append(last)

    def section_of(self, part: int) -> int:
        return self.section[part] if 0 <= part < len(self.section) else -1

    def sentence(self, m: Mention) -> int:
        return self.sentence_no.get(m.sentence.start, 0) if m.sentence else 0

    def part(self, m: Mention) -> int:
        return self.part_no.get((m.sentence.part_kind, m.sentence.part_number), 0) if m.sentence else 0

    def opens_part(self, m: Mention) -> bool:
        """Whether the mention's sentence is the first of its paragraph (a marker "A. " allowed)."""
        if not m.sentence:
            return False
        start = self.part_start.get((m.sentence.part_kind, m.sentence.part_number))
        return start is not None and m.sentence.start - start <= 4


def resolve_anaphora(facts: DocumentFacts, keys: list[str | None], actors: dict[str, Actor]) -> dict[int, int]:
    """Set ``keys[i]`` for each singular pronoun and descriptor mention of ``facts``.

    ``keys`` holds the actor key of every name mention already; it is filled in place. Returned:
    pronoun -> the office mention it stands for ("Following her visit, the Special Rapporteur …"),
    whose holder is known only once offices are resolved.
    """
    data = load_json("coref.json")
    cfg = data["salience"]
    doc = _Document(facts)
    report = facts.structure.kind == "report"
    gender: dict[str, str] = {}
    nouns = called_nouns(facts, keys)
    ranked = _ranked(doc, keys)
    for i, m in enumerate(doc.mentions):
        key = keys[i]
        if m.refers or not key:
            continue
        g = _cues(m).get("gender", "")
        if g:
            gender[key] = g if gender.get(key, g) == g else "?"
    for key in {k for k in keys if k} - gender.keys():  # the document's people (not the corpus's)
        actor = actors.get(key)
        if actor is not None and actor.type is ActorType.PERSON:
            g = _label_gender(actor.label)
            if g:
                gender[key] = g

    history: list[_Seen] = []
    named: dict[str, int] = defaultdict(int)  # how often each actor was named or referred to so far
    later: dict[int, int] = {}
    for i in doc.order:
        m = doc.mentions[i]
        cues = _cues(m)
        role = cues.get("role", "other")
        if not m.refers:
            key = keys[i]
            if key:
                history.append(_Seen(key, doc.sentence(m), doc.part(m), role, i))
                named[key] += 1
            continue
        if m.refers not in ("pronoun", "descriptor") or cues.get("unnamed"):
            continue  # ("His wife told reporters …, she said": someone the text does not name)
        found: str | None = None
        rank = cues.get("rank", "")
        then = doc.by_start.get(int(cues["then"])) if cues.get("then") else None
        if then is not None:  # the subject after the phrase the pronoun opens: a name now, an office later
            if keys[then] is None:
                later[i] = then
                continue
            found = keys[then]
        elif m.refers == "descriptor" and len(ranked.get(rank, ())) == 1:
            found = next(iter(ranked[rank]))  # "the second applicant": one party of the case, anywhere later
        elif m.refers == "descriptor" and rank:
            continue  # "the 1st Appellant" where the text ranked no one so: not whoever was named last (a judge)
        elif m.refers == "descriptor" and m.type is not ActorType.PERSON:
            found = _named_by_its_words(doc, m, history, actors)
        for barrier in (True, False):  # the people of its own section first, else those before the heading
            if found is not None:
                break
            window = _window(doc, m, history, report, cfg, barrier)
            if m.type is ActorType.PERSON:
                found = _person(doc, m, cues, window, keys, actors, gender, nouns, named, cfg)
                if found is None and not report and role == "poss" and barrier and _opens_part(doc, m, history, actors):
                    # "whereas his daughter, X, …" opening a recital: the person the parts just before speak of
                    window = _window(doc, m, history, True, {**cfg, "window_parts": 2}, barrier)
                    found = _person(doc, m, cues, window, keys, actors, gender, nouns, named, cfg)
            else:
                found = _latest(window, actors, m.type)
            if found is not None or not report:
                break
        if found is None:
            continue
        key = found
        keys[i] = key
        history.append(_Seen(key, doc.sentence(m), doc.part(m), role, i))
        named[key] += 1
        g = cues.get("gender", "")
        if g and m.refers == "pronoun" and key not in gender:
            gender[key] = g  # "X … she said": learnt from the pronoun that agreed
    return later


def _window(
    doc: _Document, m: Mention, history: list[_Seen], report: bool, cfg: dict, barrier: bool = False
) -> list[_Seen]:
    """The earlier mentions an anaphor may point back to (with ``barrier``, none before a report's
    last heading: "II. Harare" opens another story)."""
    part, sentence = doc.part(m), doc.sentence(m)
    out = []
    section = doc.section_of(part)
    for seen in history:
        if doc.mentions[seen.index].start >= m.start:
            continue
        if barrier and report and seen.part < section:
            continue  # a heading between: another story's people
        if report or m.refers != "pronoun":
            if part - seen.part > cfg["window_parts"] or sentence - seen.sentence > cfg["window_sentences"]:
                continue
        elif seen.part != part:
            continue
        out.append(seen)
    return out


def _opens_part(doc: _Document, m: Mention, history: list[_Seen], actors: dict[str, Actor]) -> bool:
    """Whether ``m`` is the first person its part speaks of ("whereas his daughter, X, …"; "whereas on
    27 May the court rejected his appeal"), outside a quotation (where "his" may be anyone's)."""
    part = doc.part(m)
    if any(seen.part == part and actors[seen.key].type is ActorType.PERSON for seen in history):
        return False
    before = doc.facts.document.text[m.sentence.start : m.start] if m.sentence else ""
    return before.count("“") <= before.count("”") and before.count('"') % 2 == 0


#: words of a descriptor that do not tell one actor of its kind from another
_PLAIN = frozenset({"the", "this", "that", "these", "those", "same", "said", "its", "their", "his", "her"})


def _named_by_its_words(doc: _Document, m: Mention, history: list[_Seen], actors: dict[str, Actor]) -> str | None:
    """ "the district court", "the appeals court", "the same court": the last actor of the descriptor's kind
    the document named before it whose name holds the descriptor's distinguishing words ("district"), or,
    for "the same …", the last of its kind; wherever in the document it was named."""
    data = load_json("coref.json")
    heads = set(data["court_nouns"]) | {w for words in data["organisation_nouns"].values() for w in words}
    words = [w for w in re.findall(r"\w+", m.text.lower()) if w not in _PLAIN and w not in heads]
    if not words and "same" not in m.text.lower().split():
        return None
    kinds = (
        _ORGANISATIONS if m.type in _ORGANISATIONS - {ActorType.MEDIA_OUTLET, ActorType.POLITICAL_PARTY} else {m.type}
    )
    for seen in reversed(history):
        if doc.mentions[seen.index].start >= m.start or actors[seen.key].type not in kinds:
            continue
        label = set(re.findall(r"\w+", actors[seen.key].label.lower()))  # "first-instance": "first", "instance"
        if all(w in label for w in words):
            return seen.key
    return None


def _latest(window: list[_Seen], actors: dict[str, Actor], kind: ActorType | None) -> str | None:
    """ "the court", "the paper": the actor of that kind named last."""
    kinds = _ORGANISATIONS if kind in _ORGANISATIONS - {ActorType.MEDIA_OUTLET, ActorType.POLITICAL_PARTY} else {kind}
    for seen in reversed(window):
        if actors[seen.key].type in kinds:
            return seen.key
    return None


def _person(
    doc: _Document,
    m: Mention,
    cues: dict[str, str],
    window: list[_Seen],
    keys: list[str | None],
    actors: dict[str, Actor],
    gender: dict[str, str],
    nouns: dict[str, set[str]],
    named: dict[str, int],
    cfg: dict,
) -> str | None:
    """The person a pronoun or descriptor points back to, by agreement and salience: a pronoun is the
    subject of its sentence named before it ("The applicant was represented by X and by his wife"),
    else the person named last before it there ("police arrested X together with his brother", "X,
    who …, was arrested as she was about to board"); else the most salient, and of two as salient
    the one the document names more often."""
    excluded = {keys[doc.by_start[int(s)]] for s in cues.get("not", "").split("|") if s and int(s) in doc.by_start}
    want_gender = cues.get("gender", "")
    here = doc.sentence(m)
    people = [s for s in window if actors[s.key].type is ActorType.PERSON and s.key not in excluded]
    if want_gender:
        people = [s for s in people if gender.get(s.key, "") in ("", "?", want_gender)]
    wanted = {n for n in cues.get("nouns", "").split("|") if n}
    if m.refers == "descriptor":
        people = [s for s in people if s.sentence < here]  # a descriptor points to an earlier sentence
        if wanted:
            known = [s for s in people if nouns.get(s.key, set()) & wanted]
            if known:
                people = known
    if not people:
        return None
    if m.refers == "pronoun" and cues.get("role") == "poss" and excluded:  # "his wife, Y B": the one person named B
        surnames = {actors[k].label.split()[-1] for k in excluded if k and k in actors}
        kin = {s.key for s in people if actors[s.key].label.split()[-1] in surnames}
        if len(kin) == 1:
            return kin.pop()
    listed = doc.by_start.get(int(cues["listed"])) if cues.get("listed") else None
    if m.refers == "pronoun" and listed is not None and keys[listed] in {s.key for s in people}:
        return keys[listed]  # "A, B and her brother": the name the phrase is listed after
    if m.refers == "pronoun":
        same = [s for s in people if s.sentence == here]
        subjects = [s for s in same if s.role == "subj"]
        if same:
            return max(subjects or same, key=lambda s: doc.mentions[s.index].start).key
    score: dict[str, float] = defaultdict(float)
    for s in people:
        score[s.key] += cfg["role"].get(s.role, 1.0) * cfg["decay"] ** max(0, here - s.sentence)
    if not doc.opens_part(m):
        before = [s for s in people if s.sentence < here]
        if before:
            last = max(s.sentence for s in before)
            for s in before:
                if s.sentence == last and s.role == "subj" and s.part == doc.part(m):
                    score[s.key] += cfg["previous_subject"]
    return max(sorted(score), key=lambda k: (round(score[k], 6), named[k]))


def called_nouns(facts: DocumentFacts, keys: list[str | None]) -> dict[str, set[str]]:
    """Person key -> the nouns the text calls them by next to their name ("the lawyer X", "X, a reporter")."""
    called: dict[str, set[str]] = defaultdict(set)
    for k, mention in enumerate(facts.mentions):
        key = keys[k]
        if key and not mention.refers:
            called[key].update(n for n in _cues(mention).get("nouns", "").split("|") if n)
    return called


def may_be(group: Mention, members: Sequence[str], called: dict[str, set[str]]) -> bool:
    """Whether a plural anaphor may stand for ``members``: "…, the lawyers said" speaks for the people named
    before it and is not them, unless the text called one of them a lawyer."""
    counsel = _counsel_nouns()
    pleading = set(_cues(group).get("nouns", "").split("|")) & counsel
    return not pleading or any(called.get(k, set()) & counsel for k in members)


@lru_cache(maxsize=1)
def _counsel_nouns() -> frozenset[str]:
    return frozenset(load_json("coref.json")["counsel_nouns"])


def resolve_groups(
    facts: DocumentFacts,
    keys: list[str | None],
    actors: dict[str, Actor],
    speakers: tuple[str, ...] | None = None,
    called: dict[str, set[str]] | None = None,
) -> dict[int, tuple[str, ...]]:
    """Mention index -> the people a plural anaphor points back to ("they", "the two men", "both").

    The people last named together ("A and B", "A, together with B") in the window; where the
    anaphor says how many ("the three men"), a group of that size. ``speakers``: :func:`listed_speakers`,
    where the caller has read them (else read when a group first needs them); ``called``: :func:`called_nouns`,
    likewise.
    """
    cfg = load_json("coref.json")["salience"]
    doc = _Document(facts)
    report = facts.structure.kind == "report"
    groups: dict[tuple[int, str], list[str]] = {}
    seen_order: list[tuple[int, tuple[int, str]]] = []
    out: dict[int, tuple[str, ...]] = {}
    history: list[_Seen] = []
    ranked = _ranked(doc, keys)
    if called is None:
        called = called_nouns(facts, keys)

    def resolved(i: int, m: Mention, members: tuple[str, ...]) -> None:
        """The group ``i`` found by other means than the names listed before it: one that a later "they"
        or "the journalists" may point back to."""
        out[i] = members
        gid = (doc.part(m), f"resolved:{i}")
        groups[gid] = list(members)
        seen_order.append((i, gid))
        history.append(_Seen(members[0], doc.sentence(m), doc.part(m), "", i))

    for i in doc.order:
        m = doc.mentions[i]
        cues = _cues(m)
        key = keys[i]
        if not m.refers and key and actors[key].type is ActorType.PERSON and cues.get("group"):
            gid = (doc.part(m), cues["group"])
            members = groups.setdefault(gid, [])
            if key not in members:
                members.append(key)
            seen_order.append((i, gid))
            history.append(_Seen(key, doc.sentence(m), doc.part(m), "", i))
        if m.refers != "group":
            continue
        count = int(cues.get("count") or 0)
        parties = _parties(ranked, cues)
        if parties:  # "both Applicants", "the first and fourth applicants": the parties the text ranked so
            resolved(i, m, parties)
            continue
        if cues.get("speakers"):  # "UN experts today expressed …": those the press release lists
            if speakers is None:
                speakers = listed_speakers(facts, keys)
            if speakers:
                resolved(i, m, speakers)
            continue
        if "couple" in cues.get("nouns", "").split("|"):
            spouses = _couple_before(facts, keys, actors, m.start)
            if spouses:
                out[i] = spouses
                continue
        window = {s.index for s in _window(doc, m, history, report, cfg)}
        for j, gid in reversed(seen_order):
            if j not in window:
                continue
            members = groups[gid]
            if not may_be(m, members, called):
                continue
            if len(members) >= 2 and (not count or len(members) == count):
                out[i] = tuple(members)
                break
        if i not in out and count >= 2 and m.sentence:
            # "A was arrested … B was arrested the same evening. Both were charged": the two whom the events of
            # the paragraph befell so far, named apart
            since = doc.part_start.get((m.sentence.part_kind, m.sentence.part_number), m.start)
            befallen = _befallen_before(facts, keys, actors, m.start, since)
            if len(befallen) == count:
                resolved(i, m, befallen)
        if i not in out and count > 2:  # "charged all six": the six whom the document's events befell so far
            befallen = _befallen_before(facts, keys, actors, m.start)
            if len(befallen) == count:
                resolved(i, m, befallen)
        if i not in out and cues.get("ahead"):  # "sentenced five journalists of X …", then their names
            named = _befallen_after(facts, doc, keys, actors, i)
            if len(named) == count or 2 <= len(named) < count:  # all, or those of them the text names
                out[i] = named
        if i not in out and not cues.get("nouns"):  # "raided the couple's home and arrested them": the group
            here = doc.sentence(m)  # its sentence named before it
            before = [j for j in out if doc.sentence(doc.mentions[j]) == here and doc.mentions[j].start < m.start]
            if before:
                out[i] = out[max(before, key=lambda j: doc.mentions[j].start)]
    return out


def _ranked(doc: _Document, keys: list[str | None]) -> dict[str, set[str]]:
    """ "first applicant" -> the people the text introduced so ("The first applicant, X, is …",
    "The applicants are X and Y", or a judgment's list of its parties: see :func:`_listed_parties`)."""
    ranked: dict[str, set[str]] = defaultdict(set)
    for i, m in enumerate(doc.mentions):
        if not m.refers and keys[i]:
            for rank in _cues(m).get("rank", "").split("|"):
                if rank:
                    ranked[rank].add(cast(str, keys[i]))
    for rank, key in _listed_parties(doc, keys):
        ranked[rank].add(key)
    return ranked


#: a line of a judgment's list of parties: "1. X", "2. Y — Appellant", "— Appellants/Cross-Respondents",
#: "Z — Respondent"; the name, then a dash and the roles
_PARTY_LINE = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)][ \t]+)?(?P<name>[^\n—–]*?)[ \t]*"
    r"(?:(?:—|–|--| - )[ \t]*(?P<roles>[A-Za-z-]+(?:[ \t]*/[ \t]*[A-Za-z-]+)*)(?![A-Za-z/-]).*)?$"
)


def _listed_parties(doc: _Document, keys: list[str | None]) -> list[tuple[str, str]]:
    """(rank, actor key) of the parties a judgment lists by role in lines of their own ("1. X\n2. Y\n—
    Appellants/Cross-Respondents\n3. Z — Cross-Respondent"): the n-th name a role labels is its "n-th
    appellant" ("the 2nd Appellant"). A label is a dash and role nouns joined by "/"; it labels the names
    listed since the last label, each a name mention alone on its line."""
    data = load_json("coref.json")
    nouns, ordinals = frozenset(data["party_nouns"]), data["ordinals"]
    text = doc.facts.document.text
    names = {m.start: i for i, m in enumerate(doc.mentions) if not m.refers and keys[i]}
    pending: list[str] = []  # the keys of the names listed since the last label
    count: dict[str, int] = defaultdict(int)
    out: list[tuple[str, str]] = []
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        found = _PARTY_LINE.match(line) if len(line) <= 120 else None
        if found is None:
            pending = []
            continue
        if found.group("name"):
            at = start + found.start("name")
            i = names.get(at)
            if i is None or doc.mentions[i].end != start + found.end("name"):
                pending = []  # a line of other words: no list, or the list is over
                continue
            pending.append(cast(str, keys[i]))
        roles = [r.strip().lower() for r in (found.group("roles") or "").split("/")]
        if found.group("roles"):
            singular = [r[:-1] if r.endswith("s") and r[:-1] in nouns else r for r in roles]
            if not all(r in nouns for r in singular):
                pending = []
                continue
            for key in pending:
                for role in singular:
                    if count[role] < len(ordinals):
                        out.append((f"{ordinals[count[role]]} {role}", key))
                    count[role] += 1
            pending = []
    return out


def _parties(ranked: dict[str, set[str]], cues: dict[str, str]) -> tuple[str, ...]:
    """The people a plural noun of the parties of a case stands for: those of the ordinals it names
    ("the first and fourth applicants"), else all the text ranked by that noun ("both Applicants"),
    in their order; none where a rank names no one person or fewer than two are found."""
    ordinals = load_json("coref.json")["ordinals"]
    for noun in (n for n in cues.get("nouns", "").split("|") if n):
        wanted = [o for o in cues.get("ranks", "").split("|") if o]
        if not wanted:
            wanted = [o for o in ordinals if f"{o} {noun}" in ranked]
        people = [ranked.get(f"{o} {noun}", set()) for o in wanted]
        if len(people) >= 2 and all(len(p) == 1 for p in people):
            found = tuple(dict.fromkeys(next(iter(p)) for p in people))
            if len(found) >= 2:
                return found
    return ()


#: how the events a group's count points to are told: as facts, the document's own or a source's
_TOLD = frozenset({Standing.ASSERTED, Standing.REPORTED})


def _befallen_before(
    facts: DocumentFacts, keys: list[str | None], actors: dict[str, Actor], at: int, since: int = 0
) -> tuple[str, ...]:
    """The people the document's events befell before ``at`` (arrested, charged, tried …), in order; with
    ``since``, those told from that document offset on."""
    found: list[str] = []
    for ev in facts.events:
        if not since <= ev.evidence.start < at or ev.type in ACTING_EVENTS or ev.standing not in _TOLD:
            continue
        for j in ev.subjects:
            key = keys[j]
            if key and actors[key].type is ActorType.PERSON and key not in found:
                found.append(key)
    return tuple(found)


def _befallen_after(
    facts: DocumentFacts, doc: _Document, keys: list[str | None], actors: dict[str, Actor], group: int
) -> tuple[str, ...]:
    """The people named after a group told by its count, to whom what befell the group befell too, up to
    the end of the second part after it ("sentenced five journalists to …" and the five named as sentenced
    after it), in order."""
    m = doc.mentions[group]
    last = doc.part(m) + 2
    kinds = {ev.type for ev in facts.events if group in ev.subjects and ev.standing in _TOLD}
    found: list[str] = []
    for ev in facts.events:
        if ev.type not in kinds or ev.evidence.start <= m.start or ev.standing not in _TOLD:
            continue
        for j in ev.subjects:
            key = keys[j]
            if key and doc.part(doc.mentions[j]) <= last and actors[key].type is ActorType.PERSON and key not in found:
                found.append(key)
    return tuple(found)


def listed_speakers(facts: DocumentFacts, keys: list[str | None]) -> tuple[str, ...]:
    """The actors of the experts a UN press release lists as speaking in it (``structure.experts``), as the
    text names them."""
    found: list[str] = []
    for name in experts(facts.document.text) if facts.structure.signatories else ():
        key = next(
            (
                k
                for m, k in zip(facts.mentions, keys, strict=True)
                if k and not m.refers and name_key(m.text) == name_key(name)
            ),
            None,
        )
        if key is not None and key not in found:
            found.append(key)
    return tuple(found)


def _couple_before(facts: DocumentFacts, keys: list[str | None], actors: dict[str, Actor], at: int) -> tuple[str, ...]:
    """ "The couple were detained": the two people of the last marriage the document told before ``at``."""
    for rel in reversed(facts.relations):
        if rel.type is not RelationType.SPOUSE_OF or rel.object is None or rel.evidence.start > at:
            continue
        a, b = keys[rel.subject], keys[rel.object]
        if a and b and a != b and actors[a].type is actors[b].type is ActorType.PERSON:
            return tuple(sorted((a, b)))
    return ()
