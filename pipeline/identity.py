"""Identity: one actor per real-world actor, across the sentences of a document and the documents of a corpus."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from pipeline.components.actors import best_type
from pipeline.components.gazetteer import (bare_aliases, country_names, demonyms, known_actors, lookup,
                                           position_label)
from pipeline.coref import resolve_anaphora
from pipeline.facts import Actor, ActorType, DocumentFacts, Mention, RelationType
from pipeline.normalize.names import is_acronym, name_key
from pipeline.patterns import load_lines

__all__ = ["Identities", "resolve_identities", "same_person"]

#: how alike two spellings of a surname must be to be one person ("Kuramshin" / "Kurashim")
SURNAME_SIMILARITY = 75
#: what stands between a name and another name for the same actor
_ALIAS = re.compile(r"\s*[,(]?\s*(?:also |better |widely |more commonly )?(?:known as|alias|a\.k\.a\.|nicknamed|called)\s+[‘“'\"]?")
#: how alike a lone surname must be to the surname of a full name to stand for it
LONE_SURNAME_SIMILARITY = 85


@dataclass(slots=True)
class Identities:
    """The corpus's actors, and for each document the actor key of each of its mentions."""

    actors: dict[str, Actor] = field(default_factory=dict)
    keys: list[list[str | None]] = field(default_factory=list)
    forms: list[dict[str, set[str]]] = field(default_factory=list)  # per document: key -> names met
    authors: list[str | None] = field(default_factory=list)  # per document: the author's actor key


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
    return ({name_key(k): v for k, v in demonyms().items() if v},
            {name_key(k): v for k, v in country_names().items()})


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
            chunk = " ".join(words[i:i + n])
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


def resolve_identities(corpus: list[DocumentFacts]) -> Identities:
    """Group mentions into actors, type each from all its mentions, name it by its fullest form."""
    clusters = _Clusters()
    for d, facts in enumerate(corpus):
        _cluster_document(clusters, d, facts)
    groups = clusters.groups()

    # type and label of each group, then its key
    info: dict[tuple[int, int], tuple[str, str]] = {}
    for root, members in groups.items():
        mentions = [corpus[d].mentions[i] for d, i in members]
        info[root] = (_type_of(mentions), _label_of(mentions))
    countries = [_main_country(facts) for facts in corpus]
    key_of: dict[tuple[int, int], str] = {}
    national: set[str] = set()  # keys of bare "Parliament", "Commission" … that name a state's body
    for root, members in groups.items():
        kind, label = info[root]
        canonical = next((c for d, i in members if (c := _canonical(corpus[d], corpus[d].mentions[i]))), None)
        if not canonical and all(corpus[d].mentions[i].text in bare_aliases() for d, i in members):
            info[root] = ("GovernmentBody", label)
            key = _institution_key(label, countries[root[0]]) or name_key(label)
            national.add(key)
        elif canonical:
            key = canonical
        else:
            key = None
            if kind in ("Court", "GovernmentBody"):
                key = _institution_key(label, countries[root[0]])
            key = key or name_key(label) or label
        key_of[root] = key
    _link_lone_surnames(groups, info, key_of)

    # every key's mentions across the corpus
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for root, members in groups.items():
        by_key[key_of[root]].extend(corpus[d].mentions[i] for d, i in members)
    out = Identities()
    for key in sorted(by_key):
        mentions = by_key[key]
        label = _label_of(mentions)
        forms = sorted({m.text for m in mentions if m.text != label})
        kind = ActorType.GOVERNMENT_BODY if key in national else ActorType(_type_of(mentions))
        out.actors[key] = Actor(key, kind, label, tuple(forms))

    for d, facts in enumerate(corpus):
        keys: list[str | None] = [None] * len(facts.mentions)
        for i, m in enumerate(facts.mentions):
            if not m.refers:
                keys[i] = key_of[clusters.find((d, i))]
        author = _author_key(facts, out)
        _resolve_references(facts, keys, out, author)
        out.keys.append(keys)
        out.authors.append(author)
        forms: dict[str, set[str]] = defaultdict(set)
        for i, m in enumerate(facts.mentions):
            if keys[i] and not m.refers:
                forms[keys[i]].add(m.text)
        out.forms.append(dict(forms))
    return out


def _cluster_document(clusters: _Clusters, d: int, facts: DocumentFacts) -> None:
    names = [(i, m) for i, m in enumerate(facts.mentions) if not m.refers]
    for i, _ in names:
        clusters.add((d, i))
    first: dict[str, int] = {}
    for i, m in names:  # the same known body, or the same name
        canonical = _canonical(facts, m)
        key = "id:" + canonical if canonical else "name:" + name_key(m.text)
        if key in first:
            clusters.union((d, first[key]), (d, i))
        else:
            first[key] = i
    text = facts.document.text
    by_start = {m.start: i for i, m in names}
    for i, m in names:  # "United Nations Human Rights Council (UNHRC)"
        rest = text[m.end:m.end + 3]
        if rest.startswith(" (") or rest.startswith("("):
            j = by_start.get(m.end + (2 if rest.startswith(" (") else 1))
            if j is not None and text[facts.mentions[j].end:facts.mentions[j].end + 1] == ")" \
                    and (is_acronym(m.text) or is_acronym(facts.mentions[j].text)):
                clusters.union((d, i), (d, j))
    for i, m in names:  # "X, known as Y", "X (also known as Y)", "X, alias Y"
        for j, n in names:
            if n.start > m.end and _ALIAS.fullmatch(text[m.end:n.start]):
                clusters.union((d, i), (d, j))
    # people: a misspelt full name, then a lone surname or "Mr X"
    persons: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for i, m in names:
        persons[clusters.find((d, i))].append(m)
    full = {r: ms for r, ms in persons.items() if (_type_of(ms) == "Person" or not _strongly_not_person(ms))
            and max(len(name_key(x.text).split()) for x in ms) >= 2}
    roots = sorted(full)
    for a_i, a in enumerate(roots):
        for b in roots[a_i + 1:]:
            if "Person" not in (_type_of(full[a]), _type_of(full[b])):
                continue  # one of the two at least must be known as a person
            if any(same_person(x.text, y.text) for x in full[a] for y in full[b]):
                clusters.union(a, b)
    full_names: dict[tuple[int, int], set[str]] = defaultdict(set)
    for r in roots:
        for m in full[r]:
            words = name_key(m.text).split()
            if len(words) >= 2:
                full_names[clusters.find(r)].add(words[-1])
    for root, ms in persons.items():
        if root in full or any(len(name_key(m.text).split()) != 1 for m in ms) or _strongly_not_person(ms):
            continue
        surname = name_key(ms[0].text)
        hits = {r for r, surnames in full_names.items()
                if any(fuzz.ratio(surname, s) >= LONE_SURNAME_SIMILARITY for s in surnames)}
        if len(hits) == 1:
            clusters.union(root, hits.pop())


def _canonical(facts: DocumentFacts, m: Mention) -> str | None:
    """A mention's known identity. A bare "Parliament" or "Commission" is the EU body only in a
    text the EU body speaks in (or that names it in full); in a news report on a national
    parliament it is that parliament."""
    if not m.canonical or m.text not in bare_aliases():
        return m.canonical
    full = known_actors()[m.canonical].names
    author = facts.structure.author or ""
    if any(name_key(n) == name_key(author) for n in full) or any(n in facts.document.text for n in full) \
            or facts.structure.kind == "resolution":
        return m.canonical
    return None


def _strongly_not_person(mentions: list[Mention]) -> bool:
    """A name with a strong cue for another type than Person (a known body, "Party", a country)."""
    return any(t != "Person" and w >= 3 for m in mentions for t, w, *_ in m.votes)


def _type_of(mentions: list[Mention]) -> str:
    votes = [v for m in mentions for v in m.votes]
    return best_type(votes) or (mentions[0].type.value if mentions[0].type else "Organisation")


def _label_of(mentions: list[Mention]) -> str:
    """The fullest name form: most words, then most letters, then as usually written (not a
    dateline's capitals), then the earliest met."""
    forms = [m.text for m in sorted(mentions, key=lambda m: m.start)]
    return max(forms, key=lambda f: (len(f.split()), len(f), not f.isupper(), -forms.index(f)))


def _main_country(facts: DocumentFacts) -> str | None:
    """The country a document is about: the one its names and nationality words point to most."""
    counts = Counter(m.canonical.split("/", 1)[1].replace("-", " ") for m in facts.mentions
                     if m.canonical and m.canonical.startswith("country/"))
    for word, country in demonyms().items():
        if country:
            n = len(re.findall(rf"\b{re.escape(word)}\b", facts.document.text))
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


def _resolve_references(facts: DocumentFacts, keys: list[str | None], ids: Identities,
                        author: str | None) -> None:
    """Pronouns and descriptors by coreference, "its" to the author, offices to their holders."""
    mentions = facts.mentions
    holders: dict[str, str] = {}
    for rel in facts.relations:
        if rel.type is RelationType.HOLDS_POSITION and keys[rel.subject]:
            holders[name_key(position_label(rel.position or ""))] = keys[rel.subject]
    resolve_anaphora(facts, keys, ids.actors)  # pronouns and descriptors (pipeline/coref.py)
    for i, m in enumerate(mentions):
        if m.refers == "author":
            keys[i] = author
        elif m.refers.startswith("office:"):
            keys[i] = holders.get(name_key(position_label(m.refers[len("office:"):])))


def _author_key(facts: DocumentFacts, ids: Identities) -> str | None:
    """The actor who adopts the text ("The European Parliament,"), made an actor if the text names it nowhere else."""
    author = facts.structure.author
    if not author:
        return None
    known = lookup(author)
    key = known[0] if known else name_key(author)
    if key not in ids.actors:  # the author is named only in the preamble
        kind = ActorType(known[1]) if known else ActorType.ORGANISATION
        ids.actors[key] = Actor(key, kind, author)
    return key
