"""The only place instance IRIs are minted: deterministic, readable, safe for any text."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import URIRef
from slugify import slugify

__all__ = ["DEFAULT_BASE", "IriMinter", "slug"]

DEFAULT_BASE = "https://w3id.org/whereas/"
_MAX_SLUG = 60


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]


@lru_cache(maxsize=1 << 16)  # pure, and a corpus mints the same actor and part slugs many times over
def slug(text: str) -> str:
    """A lower-case ASCII path segment for any text; never empty.

    >>> slug("Vladimir Kozlov")
    'vladimir-kozlov'
    >>> slug("‘Alga!’")
    'alga'
    >>> slug("Ünïcödé / Straße")
    'unicode-strasse'
    >>> slug("!!!")  # nothing sluggable: a stable hash instead
    'x-9a7b006d20'
    """
    s = slugify(text, max_length=_MAX_SLUG, word_boundary=True, save_order=True)
    if not s:
        return "x-" + _digest(text)
    if len(slugify(text)) > _MAX_SLUG:  # truncated: keep distinct texts distinct
        s = f"{s}-{_digest(text)[:6]}"
    return s


@dataclass(frozen=True, slots=True)
class IriMinter:
    """Mints every instance IRI under one base.

    >>> m = IriMinter("https://example.org/")
    >>> m.actor("Person", "vladimir kozlov")
    rdflib.term.URIRef('https://example.org/id/person/vladimir-kozlov')
    >>> m.part("ep-2013-kazakhstan", "Recital", "A")
    rdflib.term.URIRef('https://example.org/id/document/ep-2013-kazakhstan/recital/a')
    """

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            object.__setattr__(self, "base", self.base + "/")

    def _iri(self, *segments: str) -> URIRef:
        return URIRef(self.base + "id/" + "/".join(segments))

    def actor(self, actor_type: str, key: str) -> URIRef:
        return self._iri(slug(actor_type), slug(key))

    def document(self, doc_id: str) -> URIRef:
        return self._iri("document", slug(doc_id))

    def part(self, doc_id: str, kind: str, number: str) -> URIRef:
        return self._iri("document", slug(doc_id), slug(kind), slug(number))

    def span(self, doc_id: str, start: int, end: int) -> URIRef:
        return self._iri("document", slug(doc_id), "span", f"{int(start)}-{int(end)}")

    def event(self, doc_id: str, event_type: str, subject_key: str, start: int, date: str = "") -> URIRef:
        """An event of a document: its type, first subject, date and where its word stands.

        >>> IriMinter("https://ex.org/").event("d", "Statement", "european-parliament", 151, "2012-03-15")
        rdflib.term.URIRef('https://ex.org/id/event/d/statement-european-parliament-2012-03-15-151')
        """
        name = "-".join(x for x in (event_type, subject_key, date) if x)
        return self._iri("event", slug(doc_id), f"{slug(name)}-{int(start)}")

    def case_event(self, event_type: str, subject: str, date: str, sources: list[str]) -> URIRef:
        """A real event several documents report: its class, first subject and date, and a digest of
        its reports (so two undated trials of one person stay two).

        >>> IriMinter("https://ex.org/").case_event("Arrest", "Anna Novak", "2015-05-04", ["b", "a"])
        rdflib.term.URIRef('https://ex.org/id/case/arrest-anna-novak-2015-05-04-687d61996b')
        """
        name = "-".join(x for x in (event_type, subject, date) if x)
        return self._iri("case", f"{slug(name)}-{_digest(*sorted(sources))}")

    def conflict(self, case_event: str, field: str) -> URIRef:
        """The disagreement of a case event's sources on one attribute."""
        return URIRef(f"{case_event}/conflict/{slug(field)}")

    def case_graph(self) -> URIRef:
        """The named graph of the case events (they belong to no one document)."""
        return self._iri("cases")

    def charge(self, label: str) -> URIRef:
        return self._iri("charge", slug(label))

    def provision(self, label: str) -> URIRef:
        return self._iri("provision", slug(label))

    def position(self, label: str) -> URIRef:
        return self._iri("position", slug(label))

    def statement(self, subject: str, predicate: str, obj: str, doc_id: str = "") -> URIRef:
        """The reified statement of a relation as one document states it (each document's graph
        carries its own evidence and confidence for a relation several documents state)."""
        return self._iri("statement", _digest(subject, predicate, obj, *([doc_id] if doc_id else [])))

    def own_nodes(self, doc_id: str | None) -> Callable[[object], bool]:
        """Whether a node is one that only the named graph of document ``doc_id`` holds (its node,
        parts, spans, events and statements), or, with None, only the case graph (case events and
        their conflicts). Actors, charges, provisions and positions are in every graph that names
        them.

        >>> own = IriMinter("https://ex.org/").own_nodes("d")
        >>> own(URIRef("https://ex.org/id/document/d/span/1-5")), own(URIRef("https://ex.org/id/event/d/arrest-x-12"))
        (True, True)
        >>> own(URIRef("https://ex.org/id/document/d2")), own(URIRef("https://ex.org/id/person/x"))
        (False, False)
        """
        prefixes: tuple[str, ...]
        if doc_id is None:
            exact, prefixes = "", (self.base + "id/case/",)
        else:
            exact = str(self.document(doc_id))
            prefixes = (exact + "/", f"{self.base}id/event/{slug(doc_id)}/", self.base + "id/statement/")
        return lambda node: isinstance(node, URIRef) and (str.__eq__(node, exact) or str.startswith(node, prefixes))
