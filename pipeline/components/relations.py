"""whereas_relations: relations between actors (spouse, member, leader…) and the offices people hold."""

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from pipeline.components.extensions import ACTOR_LABELS, POSITIONS
from pipeline.components.gazetteer import position_label
from pipeline.normalize.names import QUOTES, is_acronym, tidy_name
from pipeline.patterns import load_jsonl

__all__ = ["RelationFinder", "expand_pattern"]

_ORGANISATIONS = sorted(ACTOR_LABELS - {"Person", "Place", "Country"})
_PLACEHOLDERS = {
    "@Person": ["Person"],
    "@Organisation": _ORGANISATIONS,
    "@Actor": sorted(ACTOR_LABELS - {"Place"}),
}


def expand_pattern(pattern: list) -> list[dict]:
    """A relation pattern with its "@Kind" placeholders spelled out as token patterns.

    >>> expand_pattern(["@Person", {"LOWER": "and"}])
    [{'ENT_TYPE': {'IN': ['Person']}, 'OP': '+'}, {'LOWER': 'and'}]
    """
    return [{"ENT_TYPE": {"IN": _PLACEHOLDERS[t]}, "OP": "+"} if isinstance(t, str) else t
            for t in pattern]


class RelationFinder:
    """Relations from token patterns (``relations.jsonl``) and offices next to names.

    An office ("High Representative", "UN High Commissioner for Human Rights", "opposition
    leader") right before a person's name, or in apposition to it, is a ``holdsPosition``;
    a generic office word ("leader", "director") counts only through a relation pattern
    that names the organisation.
    """

    def __init__(self, nlp: Language, name: str = "whereas_relations") -> None:
        self.name = name
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.rules: dict[str, dict] = {}
        for n, rule in enumerate(load_jsonl("relations.jsonl")):
            key = f"relation-{n}"
            self.rules[key] = rule
            self.matcher.add(key, [expand_pattern(rule["pattern"])], greedy="LONGEST")
        self.generic = {row["label"] for row in load_jsonl("positions.jsonl") if row.get("generic")}

    def __call__(self, doc: Doc) -> Doc:
        doc._.relations = self.match(doc)
        return doc

    def match(self, doc: Doc) -> list[dict]:
        found: list[dict] = []
        actors = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
        for match_id, start, end in self.matcher(doc):
            rule = self.rules[doc.vocab.strings[match_id]]
            inside = [e for e in actors if e.start >= start and e.end <= end]
            if len(inside) < 2:
                continue
            subj, obj = (inside[0], inside[-1]) if rule["order"] == "forward" else (inside[-1], inside[0])
            if subj == obj:
                continue
            found.append(self._relation(rule["type"], subj, doc[start:end], rule.get("confidence", 0.8),
                                        obj=obj))
        found.extend(self._positions(doc, actors))
        unique: dict[tuple, dict] = {}
        for rel in found:
            key = (rel["type"], tuple(rel["subject"]), tuple(rel["object"] or ()), rel["position"])
            if key not in unique or unique[key]["confidence"] < rel["confidence"]:
                unique[key] = rel
        return sorted(unique.values(), key=lambda r: (r["subject"], r["type"]))

    def _positions(self, doc: Doc, actors: list[Span]) -> list[dict]:
        persons = {e.start: e for e in actors if e.label_ == "Person"}
        ends = {e.end: e for e in actors if e.label_ == "Person"}
        out = []
        for office in doc.spans.get(POSITIONS, []):
            label = office.id_ or position_label(office.text)
            if label in self.generic:
                continue
            holder, confidence = None, 0.0
            nxt = office.end
            while nxt < len(doc) and doc[nxt].text in QUOTES:
                nxt += 1
            if nxt in persons:  # "High Representative Catherine Ashton"
                holder, confidence = persons[nxt], 0.9
            elif nxt < len(doc) and doc[nxt].text == "," and nxt + 1 in persons:
                after = persons[nxt + 1]  # "the UN High Commissioner, Navi Pillay,"
                if after.end >= len(doc) or doc[after.end].is_punct:
                    holder, confidence = after, 0.85
            if holder is None:
                start = office.start - 1
                if start >= 0 and doc[start].lower_ in ("the", "a", "an"):
                    start -= 1
                if start >= 1 and doc[start].text == "," and start in ends:
                    holder, confidence = ends[start], 0.8  # "Navi Pillay, the UN High Commissioner"
            if holder is None:
                continue
            worded = tidy_name(office.text)
            if is_acronym(worded.replace("/", "")) or "/" in worded:
                worded = label  # "HR/VP" -> "High Representative"
            out.append(self._relation("holdsPosition", holder, office, confidence, position=worded))
        return out

    @staticmethod
    def _relation(kind: str, subj: Span, where: Span, confidence: float, obj: Span | None = None,
                  position: str | None = None) -> dict:
        sent = where[0].sent
        return {"type": kind, "subject": [subj.start, subj.end],
                "object": [obj.start, obj.end] if obj is not None else None,
                "position": position, "confidence": confidence,
                "sentence": [sent.start_char, sent.end_char]}


@Language.factory("whereas_relations", requires=["doc.ents"], assigns=["doc._.relations"])
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(nlp, name)
