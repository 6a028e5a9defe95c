"""Every custom Doc attribute whereas sets: plain lists and dicts, so Docs survive to_bytes()."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Doc

from pipeline.facts import ActorType

__all__ = [
    "register_extensions",
    "ACTOR_LABELS",
    "ACTOR_LABEL_IDS",
    "PERSON_LABEL_ID",
    "ANAPHORS",
    "POSITIONS",
    "STATISTICAL",
    "NESTED",
    "UNTYPED_NAME",
    "extension_key",
]

#: span group keys
ANAPHORS = "whereas_anaphors"
POSITIONS = "whereas_positions"
STATISTICAL = "whereas_statistical"  # the model's own entities, kept before the rulers overwrite them
NESTED = "whereas_nested"  # actor names inside longer actor names ("Astana" in "EU delegation in Astana")

#: entity labels that denote actors after ``whereas_actors`` has run (the wh: class names)
ACTOR_LABELS = frozenset(t.value for t in ActorType)
#: their hashes and the person's, as ``Span.label`` holds them (``label_`` decodes the string anew at each read)
ACTOR_LABEL_IDS = frozenset(get_string_id(label) for label in ACTOR_LABELS)
PERSON_LABEL_ID = get_string_id(ActorType.PERSON.value)

#: label of a proper noun in an event's role that no entity covers ("the police transferred Tomas to …"): a
#: name only where the document names an actor so elsewhere (``doc_to_facts`` decides, across the parts)
UNTYPED_NAME = "Name"

_EXTENSIONS = (
    "actor_cues",  # {"start:end" (token offsets of an actor entity): [[type, weight, cue], ...]}
    "actor_names",  # {"start:end": name} where an actor's name is not its span's text ("Government of X")
    "events",  # [{"type", "trigger": [s, e], "roles": {role: [[s, e], ...]}, "date", ...}]
    "relations",  # [{"type", "subject": [s, e], "object": [s, e] | None, "position", ...}]
    "coref",  # {"start:end" (an actor name or anaphor): {"kind", "role", "gender", "number", ...}}
    # what the parts of one document read so far tell the next: {"surnames": {surname: name}}, one dict
    # shared by the Docs of a document's parts (``doc_to_facts.annotate`` gives it; None for a text alone)
    "document",
)


def extension_key(name: str) -> tuple[str, str, None, None]:
    """Where a Doc keeps the extension ``name`` in its ``user_data``, as ``doc._`` reads and sets it: a component
    reading or setting it in every part goes there directly (each ``doc._`` access makes an Underscore object).
    Our extensions have a default and no getter or setter, so the two ways hold the same value.

    >>> doc = Doc(__import__("spacy").blank("en").vocab, words=["x"]); doc._.events = []
    >>> doc.user_data[extension_key("events")] is doc._.events
    True
    """
    return ("._.", name, None, None)


def register_extensions() -> None:
    """Declare the Doc extensions once (idempotent).

    >>> register_extensions(); Doc.has_extension("events")
    True
    """
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            # default None, not a shared mutable: components assign a fresh value per Doc
            Doc.set_extension(name, default=None)


register_extensions()
