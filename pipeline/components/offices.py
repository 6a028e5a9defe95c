"""whereas_offices: offices as the text words them, with their mandate or their state."""

from collections.abc import Sequence

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.components.extensions import POSITIONS, STATISTICAL
from pipeline.components.gazetteer import lookup
from pipeline.components.name_cues import name_words
from pipeline.components.office_kinds import is_institutional, is_state, names_a_state, office_type
from pipeline.patterns import load_json, load_lines

__all__ = ["OfficeFinder", "is_institutional", "is_state", "office_type"]

#: entity labels of organisations an office may be named with
#: organisations whose offices are roles in them, not public offices
_CIVIL = frozenset({"NGO", "Organisation", "PoliticalParty", "MediaOutlet"})
_ORGANISATIONS = frozenset({"InternationalOrganisation", "Organisation", "GovernmentBody", "ORG"})


class OfficeFinder:
    """Completes the office spans of the ``span_ruler``: "the UN Special Rapporteur on the situation
    of human rights defenders" (a mandate in lower case, read off the parse), "the President of
    the Kyrgyz Republic", "the Vice-President of the Commission / High Representative of the Union
    for Foreign Affairs and Security Policy" (two titles of one office).

    Each span keeps the ruler's label as its id where the ruler found it, else its head word.
    """

    def __init__(self, nlp: Language, name: str = "whereas_offices") -> None:
        self.name = name
        data = load_json("offices.json")
        self.mandates = frozenset(data["mandate_heads"])
        self._mandate_ids = frozenset(get_string_id(w) for w in self.mandates)
        self.prefixes = frozenset(data["international_prefixes"]) - {"United", "European", "Council", "African"}
        self.before = (frozenset(data["mandate_words_before"]) | self.prefixes) - {"the", "of"}
        self.state = frozenset(data["state_office_heads"])
        self.preps = frozenset(data["mandate_prepositions"])
        self.participles = frozenset(data["mandate_participles"])
        self.salutations = frozenset(data["salutations"])
        self.bodies = frozenset(data["bodies_named_after_offices"])
        #: the words of an institution's name, which a minister's portfolio is made of ("Foreign Affairs")
        self.portfolio = frozenset(load_lines("institution_words.txt")) - {"of", "and", "for"}

    def __call__(self, doc: Doc) -> Doc:
        ruled = doc.spans.get(POSITIONS)  # the ruler's offices (read once: each read of doc.spans goes through Python)
        found = self._match(doc, ruled)
        if found or ruled is None or len(ruled):
            self.set_annotations(doc, found)
        # (else the ruler's group, empty, stays: the same as an empty one set anew)
        return doc

    def match(self, doc: Doc) -> list[tuple[int, int, str]]:
        return self._match(doc, doc.spans.get(POSITIONS))

    def _match(self, doc: Doc, ruled: Sequence[Span] | None) -> list[tuple[int, int, str]]:
        """The offices of ``doc``; ``ruled``: the span ruler's group of them (None where it set none)."""
        spans = [(s.start, s.end, s.id_ or s.text) for s in ruled] if ruled else []
        forms = doc.to_array(ORTH).tolist() if len(doc) else []
        if not spans and self._mandate_ids.isdisjoint(forms):
            return []  # no office the ruler found, no mandate's head (most parts): the entities are not read
        covered = {i for s, e, _ in spans for i in range(s, e)}
        # a body the vocabulary knows by name is no office ("OSCE Representative on Freedom of the Media")
        ents = doc.ents  # read once: each read makes every entity's Span anew
        covered |= {i for ent in ents if ent.ent_id_ for i in range(ent.start, ent.end)}
        # mandate offices the vocabulary does not know by name (their tokens found off the Doc's array)
        for tok in (doc[i] for i, orth in enumerate(forms) if orth in self._mandate_ids):
            if tok.i not in covered and tok.pos_ in ("PROPN", "NOUN"):
                start = tok.i
                while start > 0 and doc[start - 1].text in self.before:
                    start -= 1
                if start < tok.i or self._mandate_end(doc, tok.i, tok.i + 1) > tok.i + 1:
                    spans.append((start, tok.i + 1, tok.text))
        out = []
        for start, end, label in sorted(spans):
            if self._named_after(doc, start, end, ents):
                continue  # "Office of the President", "Office of the Prosecutor": a body named after an office
            if end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN" and doc[end - 1].head.i == end:
                continue  # a word that qualifies another here: "deputy editor", "head teacher"
            while start > 0 and doc[start - 1].text in self.prefixes:
                start -= 1  # "UN" before "High Commissioner"
            for ent in ents:  # "Council of Europe" before "Commissioner for Human Rights"
                if ent.label_ in _ORGANISATIONS and (
                    ent.start < start < ent.end or (ent.end == start and ent.label_ == "InternationalOrganisation")
                ):
                    start = ent.start
            while start < end - 1 and doc[start].lower_ in self.salutations:
                start += 1  # "Dear President X": a letter's salutation the model read into a name
            end = self._before_person(doc, start, end)
            end = self._before_unread_name(doc, start, end)
            head = doc[end - 1]
            if head.text in self.mandates or head.text.split("-")[-1] in self.mandates:
                end = self._mandate_end(doc, head.i, end)
            if any(t.text in self.state or t.text in self.mandates for t in doc[start:end]):
                of_end = self.state_end(doc, end)
                if not self._civil(doc, end, of_end):  # not "Secretary General of the Tunisian Labour Union"
                    end = of_end
            out.append((start, end, label))
        merged: list[tuple[int, int, str]] = []
        for start, end, label in sorted(out):
            prev = merged[-1] if merged else None
            if prev is not None and prev[1] + 1 == start and doc[prev[1]].text == "/":
                merged[-1] = (prev[0], end, label)  # "Vice-President of the Commission / High Representative …"
            else:
                merged.append((start, end, label))
        return merged

    @staticmethod
    def _before_person(doc: Doc, start: int, end: int) -> int:
        """The end of an office whose capitalised words ran on into the name of its holder: "Minister of
        Foreign Affairs Karin Dahl" -> "Minister of Foreign Affairs" (where the model reads a person from
        "Karin" to the office's end or beyond)."""
        for ent in doc.spans.get(STATISTICAL, []):
            if ent.label_ == "PERSON" and start + 1 < ent.start < end <= ent.end:
                if doc[ent.start - 1].lower_ not in ("of", "for", "the", "and", "on", "in"):
                    return ent.start
        return end

    def _before_unread_name(self, doc: Doc, start: int, end: int) -> int:
        """The end of an office whose portfolio ran on into a name the model did not read as a person's:
        "Minister of Information Yemane Tesfu" -> "Minister of Information" (two to four capitalised words
        after the words of the portfolio, none of them an institution's word)."""
        at = next((i for i in range(start + 1, end) if doc[i].lower_ in ("of", "for")), None)
        if at is None:
            return end
        i = at + 1
        while i < end and (doc[i].lower_ in self.portfolio or doc[i].lower_ in ("the", "and")):
            i += 1
        if i == at + 1 or doc[i - 1].lower_ in ("the", "and") or not 2 <= end - i <= 4:
            return end
        if all(doc[j].is_title and doc[j].lower_ not in self.portfolio for j in range(i, end)):
            return i
        return end

    def _mandate_end(self, doc: Doc, head: int, end: int) -> int:
        """The end of a mandate: the phrase its "on", "for", "in" or "to" opens, as the parse reads it,
        up to an apposition naming the holder ("…, Ilse Marjanen,")."""
        if end >= len(doc) or doc[end].lower_ not in self.preps:
            return end
        if end + 1 < len(doc) and doc[end + 1].lower_ == "behalf":
            return end  # "the High Representative on behalf of the EU": for whom the holder speaks, no mandate
        edge = max(doc[end].right_edge.i + 1, end + 2)
        sent_end = doc[head].sent.end
        stop = min(edge, sent_end)
        for i in range(end + 1, stop):
            if doc[i].text in (",", ";", "(") and i + 1 < len(doc) and doc[i + 1].ent_type_ in ("PERSON", "Person"):
                return i
            if (
                doc[i].text in (";", "(", "“", '"')
                or (
                    doc[i].pos_ == "VERB"
                    and (doc[i].dep_ not in ("amod", "acl") or doc[i].lower_ not in self.participles)
                )
                or doc[i].tag_ in ("WDT", "WP", "WP$")
                or doc[i].pos_ == "AUX"
            ):
                return i  # "… for Human Rights, who had visited", "… on torture said"
        return stop

    def _named_after(self, doc: Doc, start: int, end: int, ents: Sequence[Span]) -> bool:
        """Whether an office names a body after it ("the Office of the President", "the Attorney General's
        Office"); ``ents``: the Doc's entities."""
        if end + 1 < len(doc) and doc[end].lower_ in ("'s", "’s") and doc[end + 1].text in self.bodies:
            return True  # "the Attorney General's Office"
        at = start - 1
        if at >= 0 and doc[at].lower_ == "the":
            at -= 1
        return (
            at >= 1
            and doc[at].lower_ == "of"
            and doc[at - 1].text in self.bodies
            and any(ent.label_ in _ORGANISATIONS and ent.start < at and end == ent.end for ent in ents)
        )

    @staticmethod
    def _civil(doc: Doc, end: int, of_end: int) -> bool:
        """Whether the "of" phrase after an office names a party, union, NGO or outlet: the office is
        then a role in it (a relation), not a public office with its state."""
        if of_end <= end:
            return False
        words = [t.text for t in doc[end + 1 : of_end] if t.lower_ != "the"]
        if not words or names_a_state(words):
            return False
        known = lookup(" ".join(words))
        if known is not None:
            return known[1] in _CIVIL
        typed = name_words().type_of(words)
        return typed is not None and typed[0] in _CIVIL

    @staticmethod
    def state_end(doc: Doc, end: int) -> int:
        """ "President of the Kyrgyz Republic", "President of the Republic of Moldova", "Ombudsman of
        Georgia": the state the office is of."""
        while end + 1 < len(doc) and doc[end].lower_ == "of":
            i = end + 1
            if doc[i].lower_ == "the":
                i += 1
            j = i
            while j < len(doc) and (doc[j].is_title or doc[j].is_upper) and not doc[j].is_punct:
                j += 1
            if j == i:
                break
            end = j
        return end

    @staticmethod
    def set_annotations(doc: Doc, found: list[tuple[int, int, str]]) -> None:
        spans = [Span(doc, s, e, label="Position", span_id=label) for s, e, label in found]
        doc.spans[POSITIONS] = sorted(filter_spans(spans), key=lambda s: s.start)


@Language.factory("whereas_offices", requires=["doc.spans", "token.dep"], assigns=["doc.spans"])
def make_office_finder(nlp: Language, name: str) -> OfficeFinder:
    return OfficeFinder(nlp, name)
