"""Identity: one actor per real-world actor, across the sentences of a document and the documents of a corpus."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from rapidfuzz import fuzz

from pipeline.components.gazetteer import (
    bare_aliases,
    city_population,
    country_names,
    demonyms,
    given_name_gender,
    known_actors,
    lookup,
    position_label,
)
from pipeline.components.name_cues import best_type, name_type, name_words
from pipeline.components.office_kinds import is_institutional, office_type
from pipeline.coref import resolve_anaphora
from pipeline.facts import Actor, ActorType, DocumentFacts, Mention, RelationType
from pipeline.normalize.names import is_acronym, name_key, tidy_name
from pipeline.normalize.transliteration import transliteration_key
from pipeline.patterns import load_json, load_lines

__all__ = ["Identities", "document_groups", "resolve_identities", "same_person"]

#: how alike two spellings of a surname must be to be one person ("Kuramshin" / "Kurashim")
SURNAME_SIMILARITY = 75
#: what stands between a name and another name for the same actor
_ALIAS = re.compile(
    r"\s*[,(]?\s*(?:also |better |widely |more commonly )?(?:known as|alias|a\.k\.a\.|nicknamed|called)\s+[‘“'\"]?"
)
#: the preposition before a name that is where a longer phrase is ("… Centre in Minsk", "… prison of Hrodna")
_PLACE_OF = re.compile(r"\b(?:in|of|near)\s+$")
#: how alike a lone surname must be to the surname of a full name to stand for it
LONE_SURNAME_SIMILARITY = 85


@dataclass(slots=True)
class Identities:
    """The corpus's actors, and for each document the actor key of each of its mentions."""

    actors: dict[str, Actor] = field(default_factory=dict)
    keys: list[list[str | None]] = field(default_factory=list)
    forms: list[dict[str, set[str]]] = field(default_factory=list)  # per document: key -> names met
    authors: list[str | None] = field(default_factory=list)  # per document: the author's actor key
    #: per document: the actor keys of the bodies that sign it (a joint statement's "Signed:" list)
    signers: list[tuple[str, ...]] = field(default_factory=list)


class _Clusters:
    """Union-find over the name mentions of a corpus: (document, mention index) pairs."""

    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def add(self, item: tuple[int, int]) -> None:
        self.parent.setdefault(item, item)

    def find(self, item: tuple[int, int]) -> tuple[int, int]:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[tuple[int, int], list[tuple[int, int]]]:
        out: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for item in sorted(self.parent):
            out[self.find(item)].append(item)
        return out


def same_person(a: str, b: str) -> bool:
    """Two full names of one person, allowing a misspelt surname the text itself makes.

    >>> same_person("Vadim Kuramshin", "Vadim Kurashim")
    True
    >>> same_person("Vadim Kuramshin", "Vladimir Kozlov")
    False
    """
    ta, tb = name_key(a).split(), name_key(b).split()
    if len(ta) < 2 or len(tb) < 2 or ta[0] != tb[0]:
        return False
    return fuzz.ratio(ta[-1], tb[-1]) >= SURNAME_SIMILARITY


@cache
def _generic_words() -> frozenset[str]:
    return frozenset(load_lines("institution_words.txt"))


@cache
def _country_words() -> tuple[dict[str, str], dict[str, str]]:
    """Nationality words and country names (as name keys) -> the country."""
    return ({name_key(k): v for k, v in demonyms().items() if v}, {name_key(k): v for k, v in country_names().items()})


def _institution_key(label: str, fallback_country: str | None) -> str | None:
    """A key for an institution known by a generic name ("Supreme Court", "Kazakh Government"):
    qualified by its country, from the name itself or else from the document."""
    words = name_key(label).split()
    country = None
    rest = []
    demonym, countries = _country_words()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            chunk = " ".join(words[i : i + n])
            if chunk in countries or chunk in demonym:
                country = countries.get(chunk) or demonym[chunk]
                i += n
                break
        else:
            rest.append(words[i])
            i += 1
    rest = [w for w in rest if w not in ("of", "the")]
    generic = _generic_words()
    if not rest or not all(w in generic for w in rest):
        return None
    country = country or fallback_country
    if country is None:
        return None
    return f"{name_key(country).replace(' ', '-')}/{' '.join(rest)}"


def document_groups(facts: DocumentFacts) -> list[list[int]]:
    """What identity makes of one document alone: its name mentions (by index) grouped into the
    actors they are within it, each group and the list sorted. It depends on the document's
    facts only, so a rebuild may keep it (see :func:`resolve_identities`)."""
    clusters = _Clusters()
    _cluster_document(clusters, 0, facts)
    return [[i for _, i in members] for members in clusters.groups().values()]


def resolve_identities(corpus: list[DocumentFacts], within: Sequence[list[list[int]]] | None = None) -> Identities:
    """Group mentions into actors, type each from all its mentions, name it by its fullest form.

    ``within``, if given, holds each document's :func:`document_groups`, kept from an earlier build.
    """
    clusters = _Clusters()
    for d, facts in enumerate(corpus):
        for group in within[d] if within is not None else document_groups(facts):
            for i in group:
                clusters.add((d, i))
                clusters.union((d, group[0]), (d, i))  # a group's root is its first (least) member
    groups = clusters.groups()

    # type and label of each group, then its key
    info: dict[tuple[int, int], tuple[str, str]] = {}
    for root, members in groups.items():
        mentions = [corpus[d].mentions[i] for d, i in members]
        info[root] = (_type_of(mentions), _label_of(mentions))
    countries = [_main_country(facts) for facts in corpus]
    key_of: dict[tuple[int, int], str] = {}
    national: set[str] = set()  # keys of bare "Parliament", "Commission" … that name a state's body
    states: set[str] = set()  # keys of the country a bare "the Kingdom", "the Republic" names
    state_forms = frozenset(load_lines("state_forms.txt"))
    for root, members in groups.items():
        kind, label = info[root]
        canonical = next((c for d, i in members if (c := _canonical(corpus[d], corpus[d].mentions[i]))), None)
        if not canonical and name_key(label) in state_forms and countries[root[0]]:
            key = "country/" + str(countries[root[0]]).replace(" ", "-")  # the country the document is about
            states.add(key)
        elif not canonical and all(corpus[d].mentions[i].text in bare_aliases() for d, i in members):
            info[root] = ("GovernmentBody", label)
            key = _institution_key(label, countries[root[0]]) or name_key(label)
            national.add(key)
        elif canonical:
            key = canonical
        else:
            institution = _institution_key(label, countries[root[0]]) if kind in ("Court", "GovernmentBody") else None
            key = institution or name_key(label) or label
        key_of[root] = key
    _link_lone_surnames(groups, info, key_of)
    _link_transliterations(groups, info, key_of)

    # every key's mentions across the corpus
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for root, members in groups.items():
        by_key[key_of[root]].extend(corpus[d].mentions[i] for d, i in members)
    out = Identities()
    for key in sorted(by_key):
        mentions = by_key[key]
        label = _label_of(mentions)
        forms = sorted({m.text for m in mentions if m.text != label})
        kind = (
            ActorType.GOVERNMENT_BODY
            if key in national
            else ActorType.COUNTRY
            if key in states
            else ActorType(_type_of(mentions))
        )
        out.actors[key] = Actor(key, kind, label, tuple(forms))

    for d, facts in enumerate(corpus):
        keys: list[str | None] = [None] * len(facts.mentions)
        for i, m in enumerate(facts.mentions):
            if not m.refers:
                keys[i] = key_of[clusters.find((d, i))]
        author = _author_key(facts, out, keys)
        out.signers.append(tuple(_body_key(facts, out, keys, name) for name in facts.structure.signatories))
        _resolve_references(facts, keys, out, author)
        out.keys.append(keys)
        out.authors.append(author)
        written: dict[str, set[str]] = defaultdict(set)
        for m, k in zip(facts.mentions, keys, strict=True):
            if k and (not m.refers or k.startswith("office/")):
                written[k].add(tidy_name(m.text) if m.refers else m.text)
        out.forms.append(dict(written))
    return out


def _cluster_document(clusters: _Clusters, d: int, facts: DocumentFacts) -> None:
    names = [(i, m) for i, m in enumerate(facts.mentions) if not m.refers]
    for i, _ in names:
        clusters.add((d, i))
    words = {i: name_key(m.text).split() for i, m in names}
    # a court whose name opens the document, a heading line of its own (a judgment summary's), is "the Court"
    lines = facts.document.text.split("\n", 1)
    heading = frozenset(
        i
        for i, m in names
        if len(lines) > 1 and len(lines[0]) <= 150 and m.start <= 3 and m.end <= len(lines[0])
        if m.type is ActorType.COURT
    )
    partial = _partial_names(names, words, heading)
    first: dict[str, int] = {}
    for i, m in names:  # the same known body, or the same name (a part of a longer name waits)
        canonical = _canonical(facts, m)
        if i in partial and not canonical:
            continue
        key = "id:" + canonical if canonical else "name:" + name_key(m.text)
        if key in first:
            clusters.union((d, first[key]), (d, i))
        else:
            first[key] = i
    text = facts.document.text
    by_start = {m.start: i for i, m in names}
    for i, m in names:  # "United Nations Human Rights Council (UNHRC)"
        rest = text[m.end : m.end + 3]
        if rest.startswith(" (") or rest.startswith("("):
            j = by_start.get(m.end + (2 if rest.startswith(" (") else 1))
            if (
                j is not None
                and text[facts.mentions[j].end : facts.mentions[j].end + 1] == ")"
                and (is_acronym(m.text) or is_acronym(facts.mentions[j].text))
                and (m.type is ActorType.PERSON) == (facts.mentions[j].type is ActorType.PERSON)
            ):  # (not "Ana Lind (PDP)": a person's party in brackets, no name of hers)
                clusters.union((d, i), (d, j))
    for i, m in names:  # "X, known as Y", "X (also known as Y)", "X, alias Y"
        if _ALIAS.match(text, m.end) is None:
            continue  # (what follows the name opens no alias at all)
        if _PLACE_OF.search(text, max(0, m.start - 4), m.start):
            continue  # "Pre-trial Detention Centre No. 1 in Minsk, known as Valadarka": the centre's name, not Minsk's
        for j, n in names:
            if n.start > m.end and _ALIAS.fullmatch(text, m.end, n.start):
                clusters.union((d, i), (d, j))
    # people: a misspelt full name is one person with the right spelling
    persons: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for i, m in names:
        if i not in partial:
            persons[clusters.find((d, i))].append(m)
    full = {
        r: ms
        for r, ms in persons.items()
        if (_type_of(ms) == "Person" or not _strongly_not_person(ms))
        and max(len(name_key(x.text).split()) for x in ms) >= 2
    }
    roots = sorted(full)
    for a_i, a in enumerate(roots):
        for b in roots[a_i + 1 :]:
            if "Person" not in (_type_of(full[a]), _type_of(full[b])):
                continue  # one of the two at least must be known as a person
            if any(same_person(x.text, y.text) for x in full[a] for y in full[b]):
                clusters.union(a, b)
    # a part of a longer name ("Kozlov", "Mr Kozlov", "Lan Chi", "the Kestrel", "the Oriel
    # Foundation") is the one actor whose fuller name it is part of; where several share it,
    # the one the text introduced first (a relative or namesake is named in full)
    unresolved: dict[str, int] = {}
    for i in sorted(partial, key=lambda i: facts.mentions[i].start):
        m = facts.mentions[i]
        hosts: dict[tuple[int, int], int] = {}
        genders: dict[tuple[int, int], set[str]] = defaultdict(set)  # what each host's mentions say of their gender
        for j in partial[i]:
            root = clusters.find((d, j))
            hosts[root] = min(hosts.get(root, m.start + len(text)), facts.mentions[j].start)
            n = facts.mentions[j]
            genders[root].add(dict(n.coref).get("gender") or given_name_gender(n.text.split()[0]))
        want = dict(m.coref).get("gender", "")
        if want and len(hosts) > 1:  # "Ms Brenik" after Halvard and Ysolde Brenik: the woman
            hosts = {r: s for r, s in hosts.items() if not genders[r] - {want, ""}} or hosts
        before = {r: s for r, s in hosts.items() if s < m.start}
        pool = before or hosts
        if pool:
            clusters.union((d, i), min(pool, key=lambda r: (pool[r], r)))
            continue
        key = name_key(m.text)  # a part whose fuller name never comes: one actor by its name
        if key in unresolved:
            clusters.union((d, unresolved[key]), (d, i))
        else:
            unresolved[key] = i


def _partial_names(
    names: list[tuple[int, Mention]], words: dict[int, list[str]], heading: frozenset[int] = frozenset()
) -> dict[int, list[int]]:
    """Mentions that name a part of a longer name in the same text -> the mentions of the longer names.

    A person's part is any run of their name's words ("Darel", "Darel Voss", "Lan Chi",
    "Brisco") or a surname spelled a little apart ("Rahkov" for "Rahmov"); an
    organisation's part keeps the longer name's head ("the Kestrel", "the city court",
    "the Oriel Foundation", "the Civic Dawn Party").
    """
    nw = name_words()
    kinds = {i: _type_of([m]) for i, m in names}
    names_of = {i: m.canonical for i, m in names}
    out: dict[int, list[int]] = {}
    for i, m in names:
        w = words[i]
        if not w or len(w) > 3 or m.canonical:
            continue
        if len(w) == 1 and kinds[i] != "Person":  # "the Community" where the text names ECOWAS
            headed = [j for j, n in names if n.canonical and _known_head(n.canonical) == w[0]]
            if len({names_of[j] for j in headed}) == 1:
                out[i] = headed
                continue
        person = kinds[i] == "Person" or not _strongly_not_person([m])
        # a city's name as the first word of a name the model took for a person's ("Hrodna" of "Hrodna
        # Vestki") is the city: a surname may be a city's name ("Moyo" of "Tendai Moyo"), a given name hardly
        city = len(w) == 1 and kinds[i] == "Place" and any(v[2] == "city" for v in m.votes)
        weak = all(v[1] <= 1 for v in m.votes)  # nothing but the model says what it is
        hosts = []
        for j, n in names:
            v = words[j]
            if len(v) <= len(w):
                continue
            if kinds[j] == "Person" and person and not n.canonical and not (city and w[0] == v[0]):
                if (
                    _run_of(w, v)
                    or _given_and_surname(w, v)
                    or (len(w) == 1 and max(fuzz.ratio(w[0], x) for x in v[1:]) >= LONE_SURNAME_SIMILARITY)
                ):
                    hosts.append(j)
            elif (
                kinds[j] not in ("Person", "Country")
                and (kinds[i] not in ("Person", "Country") or weak)
                and _part_of_organisation(w, v, n.text, kinds[j], nw, kinds[i], bool(n.canonical) or j in heading)
            ):
                hosts.append(j)  # an organisation's or a place's part, though the model took it for a person's
        if hosts:
            exact = [
                j for j in hosts if _run_of(w, words[j]) or (kinds[j] == "Person" and _given_and_surname(w, words[j]))
            ]
            if kinds[i] == "Person":  # "Yousef al-Ruwaili", "Yousef": Yousef Abdullah al-Ruwaili, not his son
                exact = [j for j in exact if words[j][0] == w[0]] or exact  # Abdullah Yousef al-Ruwaili
            if len(w) == 1 and kinds[i] != "Person":  # "the Court" of a judgment: the international court
                known = {j: n.canonical for j, n in names}
                exact = [
                    j
                    for j in exact
                    if kinds[j] == "InternationalOrganisation" or (kinds[j] == "Court" and (known[j] or j in heading))
                ] or exact  # a court the vocabulary knows is an international one (ECtHR, CJEU); or the heading's
            out[i] = exact or _closest_spelling(w[0], hosts, words)
    return out


@lru_cache(maxsize=1 << 10)
def _known_head(canonical: str) -> str | None:
    """The head of an international body's full name the vocabulary knows, the word before its first preposition
    ("community" for ECOWAS), where that is no word of an institution's generic name ("council", "union")."""
    known = known_actors().get(canonical)
    if known is None or known.type != "InternationalOrganisation":
        return None
    words = name_key(max(known.names, key=len)).split()
    cut = next((n for n, w in enumerate(words) if n and w in ("of", "for", "on", "in", "to", "against")), len(words))
    nw, roles = name_words(), load_json("relation_roles.json")
    head = words[cut - 1]
    generic = (
        nw.heads.keys() | nw.institutions | _generic_words() | roles["references"].keys() | set(roles["office_roles"])
    )
    return None if head in generic else head


def _part_of_organisation(
    part: list[str], whole: list[str], text: str, kind: str, nw, part_kind: str, known: bool = False
) -> bool:
    """Whether a shorter name names the same organisation or place as a longer one: it keeps the
    longer name's head at one end ("the Kestrel", "the city court", "the Oriel Foundation"), is
    its quoted name ("Tamsin"), its first, distinctive word ("Vell"), a place's name without its
    kind ("Brisco" for "Brisco prison"), or "the Court" of a judgment by an international court."""
    if "Court" in (kind, part_kind) and _other_instance(part, whole):
        return False  # "the X Court" is not "the X Court of Appeal"
    head = _head_of(text)
    at_an_end = whole[: len(part)] == part or whole[-len(part) :] == part
    international = kind == "InternationalOrganisation" or (kind == "Court" and known)  # the ECtHR, the CJEU
    if head and head in part and (at_an_end or (part == [head] and international)):
        return True
    quoted = re.search(r"[‘“«\"](.+?)(?:[’”»\"]|$)", text)
    if quoted and name_key(quoted.group(1)).split() == part:
        return True
    if "Court" in (kind, part_kind) and _court_of_its_part(part, whole):
        return True  # "Federal High Court" for "Federal High Court, Lideta Division"; "TSJ" for "Electoral Chamber of the TSJ"
    if len(part) >= 3 and part[-2] in ("no", "nr") and whole[-len(part) :] == part:
        return True  # "Colony No. 47" for "Correctional Colony No. 47": the same number, the end of the name
    if len(part) == 1 and whole[0] == part[0] and part_kind not in ("Place", "Country") and _distinctive(part[0], nw):
        return True  # "Horizon" for "Horizon Human Rights Observatory"; not "Varno", a town, for "Varno Detainees Fund"
    if (
        kind == part_kind == "Place"
        and whole[: len(part)] == part
        and " ".join(whole[len(part) :]) in nw.heads
        and city_population(" ".join(part)) is None
        and lookup(" ".join(part)) is None
    ):
        return True  # "Brisco" for "Brisco prison", not "Vell" for "Vell Remand Prison"
    return False


@lru_cache(maxsize=1 << 14)
def _head_of(text: str) -> str | None:
    return name_words().head_of(text.split())


def _court_of_its_part(court: list[str], whole: list[str]) -> bool:
    """Whether ``whole`` names a chamber, division or branch of ``court`` (name keys, lower case):
    "federal high court lideta division", "electoral chamber of the tsj", "branch 15 of the x court".

    >>> _court_of_its_part(["tsj"], "electoral chamber of the tsj".split())
    True
    >>> _court_of_its_part(["federal", "high", "court"], "federal high court lideta division".split())
    True
    >>> _court_of_its_part(["city", "court"], "bishkek city court".split())
    False
    """
    parts = _court_parts()
    n = len(court)
    if whole[:n] == court and len(whole) > n and whole[-1] in parts:
        return True
    if whole[-n:] == court and "of" in whole[:-n]:
        return any(w in parts for w in whole[: whole.index("of")])
    return False


def _other_instance(court: list[str], whole: list[str]) -> bool:
    """Whether ``whole`` names another court of another instance after ``court``'s name (name keys).

    >>> _other_instance(["criminal", "court"], "criminal court of appeal".split())
    True
    >>> _other_instance(["supreme", "court"], "supreme court of zarvania".split())
    False
    """
    n = len(court)
    if whole[:n] != court:
        return False
    rest = whole[n + 1 :] if whole[n : n + 1] == ["of"] else whole[n:]
    return any(rest[: len(w.split())] == w.split() for w in _other_instances())


@cache
def _other_instances() -> tuple[str, ...]:
    return tuple(load_json("name_words.json")["shapes"]["other_instance"])


@cache
def _court_parts() -> frozenset[str]:
    return frozenset(load_json("name_words.json")["shapes"]["numbered_parts"])


def _distinctive(word: str, nw) -> bool:
    """A word that names nothing by itself in general: no kind of body, state, place or quality."""
    return not (
        word in nw.heads
        or word in nw.institutions
        or word in nw.state
        or word in nw.civil
        or word in nw.political
        or word in _generic_words()
        or lookup(word)
        or city_population(word)
        or word in _country_words()[0]
    )


def _given_and_surname(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is the first word of a person's ``whole`` name and its last words, the middle ones
    (a patronymic, a second given name) left out: "Gleb Zavyalov" of "Gleb Arkadyevich Zavyalov",
    "Yousef al-Ruwaili" of "Yousef Abdullah al-Ruwaili"."""
    n = len(part)
    return 2 <= n < len(whole) and part[0] == whole[0] and part[1:] == whole[len(whole) - n + 1 :]


def _run_of(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is a run of consecutive words of ``whole``."""
    n = len(part)
    return any(whole[k : k + n] == part for k in range(len(whole) - n + 1))


def _closest_spelling(word: str, hosts: list[int], words: dict[int, list[str]]) -> list[int]:
    score = {j: max(fuzz.ratio(word, x) for x in words[j][1:]) for j in hosts}
    best = max(score.values())
    return [j for j in hosts if score[j] == best]


def _canonical(facts: DocumentFacts, m: Mention) -> str | None:
    """A mention's known identity. A bare "Parliament" or "Commission" is the EU body only in a
    text the EU body speaks in (or that names it in full); in a news report on a national
    parliament it is that parliament."""
    if not m.canonical or m.text not in bare_aliases():
        return m.canonical
    full = known_actors()[m.canonical].names
    author = facts.structure.author or ""
    if (
        any(name_key(n) == name_key(author) for n in full)
        or any(n in facts.document.text for n in full)
        or facts.structure.kind == "resolution"
    ):
        return m.canonical
    return None


def _strongly_not_person(mentions: list[Mention]) -> bool:
    """A name with a strong cue for another type than Person (a known body, "Party", a country)."""
    return any(t != "Person" and w >= 3 for m in mentions for t, w, *_ in m.votes)


def _type_of(mentions: list[Mention]) -> str:
    """The type all the mentions' cues point to; a part of a longer name that is also a city's name
    ("Moyo" of "Tendai Moyo") says nothing of the actor's type."""
    longest = max(len(m.text.split()) for m in mentions)
    votes = [v for m in mentions for v in m.votes if v[2] != "city" or len(m.text.split()) == longest]
    # the model's guess on the full name outweighs its guesses on a part ("Hamidouche", taken for an
    # organisation three times, of "Yacine Hamidouche", a person)
    full_guess = any(v[2].startswith("ner:") for m in mentions if len(m.text.split()) == longest for v in m.votes)
    if full_guess:
        votes = [
            v
            for m in mentions
            for v in m.votes
            if (v[2] != "city" and not v[2].startswith("ner:")) or len(m.text.split()) == longest
        ]
    if any(v[0] not in ("Person", "Place") and v[2].startswith(_DEFINING) for v in votes) and not given_name_gender(
        max(mentions, key=lambda m: len(m.text.split())).text.split()[0]
    ):  # "the human rights organisation X" says what X is; the model's "person" on each other mention of the
        # same words is one guess made again, not evidence against it (unless X opens with a given name:
        # "the community broadcaster Jennelyn X")
        votes = [v for v in votes if not (v[0] == "Person" and v[2].startswith("ner:"))]
    if any(v[0] not in _GENERIC and v[2].startswith(_DEFINING) for v in votes):
        # "the X Movement, a small left-wing party": what the text calls it over what a generic head or
        # shape says (an organisation of some kind)
        votes = [v for v in votes if v[0] != "Organisation"]
    return best_type(votes) or (mentions[0].type.value if mentions[0].type else "Organisation")


#: types a defining cue outweighs the generic votes for an organisation with
_GENERIC = ("Person", "Place", "Country", "Organisation")
#: the cues that say in the text's own words what kind of actor a name is ("the newspaper X", "X, a weekly")
_DEFINING = ("before:", "apposition:")


def _label_of(mentions: list[Mention]) -> str:
    """The fullest name form: most words, then most letters, then as usually written (not a
    dateline's capitals), then the earliest met."""
    forms = list(dict.fromkeys(m.text for m in sorted(mentions, key=lambda m: m.start)))
    return max(enumerate(forms), key=lambda nf: (len(nf[1].split()), len(nf[1]), not nf[1].isupper(), -nf[0]))[1]


_WORD = re.compile(r"\w+")


@cache
def _demonyms_by_first_word() -> dict[str, list[tuple[str, str]]]:
    """The nationality words of a state (with its name) under their first word: a text holds one as a
    whole word only if it holds its first word as one."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for word, country in demonyms().items():
        first = _WORD.search(word)
        if country and first:
            out[first.group()].append((word, country))
    return dict(out)


def _main_country(facts: DocumentFacts) -> str | None:
    """The country a document is about: the one its names and nationality words point to most."""
    counts = Counter(
        m.canonical.split("/", 1)[1].replace("-", " ")
        for m in facts.mentions
        if m.canonical and m.canonical.startswith("country/")
    )
    text = facts.document.text
    by_first_word = _demonyms_by_first_word()
    for first in by_first_word.keys() & set(_WORD.findall(text)):  # (most are not in a text)
        for word, country in by_first_word[first]:
            n = len(re.findall(rf"\b{re.escape(word)}\b", text))
            if n:
                counts[name_key(country)] += n
    if not counts:
        return None
    return max(sorted(counts), key=lambda c: counts[c])


def _link_lone_surnames(groups: dict, info: dict, key_of: dict) -> None:
    """Across documents: a lone surname key joins the one full name in the corpus it fits."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for root, (kind, label) in info.items():
        words = name_key(label).split()
        if kind == "Person" and len(words) >= 2:
            surnames[words[-1]].add(key_of[root])
    for root, (kind, label) in info.items():
        words = name_key(label).split()
        if kind == "Person" and len(words) == 1 and len(surnames.get(words[0], ())) == 1:
            key_of[root] = next(iter(surnames[words[0]]))


def _link_transliterations(groups: dict, info: dict, key_of: dict) -> None:
    """Full names of persons spelt in two transliterations ("Zhusupbekov", "Jusupbekov") are one
    person: every key of such a pair takes the key named most often."""
    by_form: dict[str, Counter[str]] = defaultdict(Counter)
    for root, (kind, label) in info.items():
        if kind == "Person" and len(name_key(label).split()) >= 2:
            by_form[transliteration_key(label)][key_of[root]] += len(groups[root])
    remap: dict[str, str] = {}
    for counts in by_form.values():
        if len(counts) > 1:
            main = max(sorted(counts), key=lambda k: counts[k])
            remap.update({k: main for k in counts if k != main})
    for root in key_of:
        key_of[root] = remap.get(key_of[root], key_of[root])


def _resolve_references(facts: DocumentFacts, keys: list[str | None], ids: Identities, author: str | None) -> None:
    """Pronouns and descriptors by coreference, "its" to the author, offices to their holders
    (or, where the text names no holder, to the office itself as an institution)."""
    mentions = facts.mentions
    offices = _Offices(facts, keys)
    later = resolve_anaphora(facts, keys, ids.actors)  # pronouns and descriptors (pipeline/coref.py)
    for i, m in enumerate(mentions):
        if m.refers == "author":
            keys[i] = author
        elif m.refers.startswith("office:"):
            keys[i] = offices.holder(m) or offices.institution(m, ids)
    for i, office in later.items():  # "Following her visit, the Special Rapporteur …": whom the office is
        keys[i] = keys[office]


#: the words that join an office's title to what it is of ("Minister of Justice", "Spokesperson for the …")
_OFFICE_LINKS = frozenset({"of", "for", "on", "to"})


class _Offices:
    """The offices of one document: who holds each, and those named as institutions of their own."""

    def __init__(self, facts: DocumentFacts, keys: list[str | None]) -> None:
        self.held: list[tuple[set[str], str, str, set[str]]] = []  # (office's words, label's key, holder, title)
        for rel in facts.relations:
            holder = keys[rel.subject]
            if rel.type is RelationType.HOLDS_POSITION and holder and rel.position:
                words = name_key(rel.position).split()
                title = set(itertools.takewhile(lambda w: w not in _OFFICE_LINKS, words))
                # "Spokesperson for the UN High Commissioner": an office serving another, not that one
                self.held.append((set(words), name_key(position_label(rel.position)), holder, title))
        # the fullest wording of each office named as an institution: "the Special Rapporteur" is
        # the "UN Special Rapporteur on the situation of human rights defenders" named before
        self.named = sorted(
            {m.text for m in facts.mentions if m.refers.startswith("office:") and is_institutional(m.text)},
            key=lambda t: (-len(t), t),
        )

    def holder(self, m: Mention) -> str | None:
        words = set(name_key(m.text).split())
        label = name_key(position_label(m.refers[len("office:") :]))
        fits = {  # ("Judge" keys to nothing)
            h for w, _, h, title in self.held if w and words and ((words <= w and title & words) or w <= words)
        }
        if not fits and not is_institutional(m.text):
            fits = {h for _, lab, h, _ in self.held if lab and lab == label}
        return fits.pop() if len(fits) == 1 else None

    def institution(self, m: Mention, ids: Identities) -> str | None:
        words = set(name_key(m.text).split())
        wording = next((t for t in self.named if words <= set(name_key(t).split())), None)
        if wording is None:
            return None
        key = "office/" + name_key(wording)
        label = tidy_name(wording)
        actor = ids.actors.get(key)
        if actor is None:
            ids.actors[key] = Actor(key, ActorType(office_type(label)), label)
        elif label != actor.label and label not in actor.alt_labels:
            ids.actors[key] = replace(actor, alt_labels=tuple(sorted({*actor.alt_labels, label})))
        return key


def _author_key(facts: DocumentFacts, ids: Identities, keys: Sequence[str | None] = ()) -> str | None:
    """The actor who adopts the text ("The European Parliament,"): the one the text names so, made an actor if
    the text names it nowhere else."""
    author = facts.structure.author
    if not author:
        return None
    return _body_key(facts, ids, keys, author, typed=False)


def _body_key(facts: DocumentFacts, ids: Identities, keys: Sequence[str | None], name: str, typed: bool = True) -> str:
    """The actor a document's author or signatory ``name`` is: a known one, the one the text names so, or one
    made of the name where the text names it only there (an organisation, or with ``typed`` of the type its
    own words give)."""
    known = lookup(name)
    named = next(
        (
            k
            for m, k in zip(facts.mentions, keys, strict=False)
            if k and not m.refers and name_key(m.text) == name_key(name)
        ),
        None,
    )
    key = known[0] if known else named or name_key(name)
    if key not in ids.actors:  # named only in the preamble or the list of signatories
        own = name_type(name.split()) if typed else None
        kind = ActorType(known[1]) if known else ActorType(own[0]) if own else ActorType.ORGANISATION
        ids.actors[key] = Actor(key, kind, name)
    return key
