#!/usr/bin/env python3
# The reference scorer, kept unchanged below this comment so that tests/test_evaluate.py can check
# that `whereas evaluate` (pipeline/evaluate.py, a port of it) gives the same figures. It came from
# the project's shared evaluation kit (/work/shared/eval/score.py on the development machines,
# sha256 2a5384e9a4527050b6f367f3c8b962b94b31533525e7eed4055a5ff3469d6bce before this comment was
# added); its GOLD_FORMAT.md is described in docs/gold-format.md. Do not edit: replace it whole.
"""Score a built knowledge graph against a gold annotation (see GOLD_FORMAT.md).

    python score.py GRAPH GOLD.json [--json] [--min-f1 X]

GRAPH is any RDF file rdflib reads (Turtle, TriG, N-Triples, JSON-LD, ...).
Only the project's core vocabulary (namespace WH below) and rdfs/skos labels
are read, so the graph may carry anything else beside it.

Exit status: 0 where the overall fact F1 reaches --min-f1 (default 0), else 1;
2 on unreadable input. The last line printed is the overall figure.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, RDF, RDFS, SKOS

WH = Namespace("https://w3id.org/whereas/ontology#")
SCHEMA = Namespace("https://schema.org/")
LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, FOAF.name, SCHEMA.name)

# Gold type -> the core classes it may appear as; a more general gold type
# accepts any of its specialisations.
ACTOR_TYPES = {
    "Person": {"Person"},
    "Court": {"Court"},
    "PoliticalParty": {"PoliticalParty"},
    "MediaOutlet": {"MediaOutlet"},
    "GovernmentBody": {"GovernmentBody"},
    "InternationalOrganisation": {"InternationalOrganisation"},
    "NGO": {"NGO"},
    "Organisation": {
        "Organisation",
        "Court",
        "PoliticalParty",
        "MediaOutlet",
        "GovernmentBody",
        "InternationalOrganisation",
        "NGO",
    },
    "Country": {"Country"},
    "Place": {"Place", "Country"},
}
ALL_ACTOR_CLASSES = set().union(*ACTOR_TYPES.values())
EVENT_TYPES = {
    "Arrest",
    "Trial",
    "Sentencing",
    "CourtDecision",
    "Ban",
    "Release",
    "Lawsuit",
    "Statement",
    "Visit",
    "ReleaseDemand",
    "Killing",
    "Detention",
}
RELATION_TYPES = {"spouseOf", "relativeOf", "memberOf", "leaderOf", "employeeOf", "holdsPosition"}
SYMMETRIC = {"spouseOf", "relativeOf"}
TITLES = {"mr", "mrs", "ms", "dr", "the", "prof", "professor", "sir", "madam"}


#: letters that NFKD does not split into a base letter and an accent
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "đ": "d",
        "Đ": "D",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ð": "d",
        "þ": "th",
        "ħ": "h",
    }
)


def norm(text: str) -> str:
    """Case-, accent-, quote- and title-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", str(text).translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`´]s\b", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    while words and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def tokens(text: str) -> set[str]:
    return set(norm(text).split()) - {"of", "the", "a", "an", "and", "to", "on", "for", "with", "in"}


def overlap(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / max(len(ta), len(tb))


def months(duration: str) -> int | None:
    m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?", str(duration).strip())
    if not m or not any(m.groups()):
        return None
    y, mo, w, d = (int(g or 0) for g in m.groups())
    return y * 12 + mo + round((w * 7 + d) / 30)


def local(uri) -> str:
    s = str(uri)
    return re.split(r"[#/]", s)[-1]


@dataclass
class Node:
    uri: object
    types: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


class Graph:
    """The parts of a built graph that the scorer reads."""

    def __init__(self, path: str):
        g = Dataset(default_union=True)
        fmt = None
        if path.endswith((".ttl", ".turtle")):
            fmt = "turtle"
        elif path.endswith(".trig"):
            fmt = "trig"
        elif path.endswith((".nt",)):
            fmt = "nt"
        elif path.endswith((".nq",)):
            fmt = "nquads"
        elif path.endswith((".jsonld", ".json")):
            fmt = "json-ld"
        g.parse(path, format=fmt)
        self.g = g
        self.nodes: dict[object, Node] = {}
        for s, o in g.subject_objects(RDF.type):
            if isinstance(o, URIRef) and str(o).startswith(str(WH)):
                self.nodes.setdefault(s, Node(s)).types.add(local(o))
        for node in self.nodes.values():
            for p in LABELS:
                for o in g.objects(node.uri, p):
                    node.names.add(norm(o))
        self.actors = [n for n in self.nodes.values() if n.types & ALL_ACTOR_CLASSES]
        self.events = [n for n in self.nodes.values() if n.types & EVENT_TYPES]
        self.by_name: dict[str, list[Node]] = defaultdict(list)
        for a in self.actors:
            for name in a.names:
                self.by_name[name].append(a)

    def values(self, subject, prop: str) -> list:
        return list(self.g.objects(subject, WH[prop]))

    def text_of(self, value) -> list[str]:
        """A literal's text, or a node's labels."""
        if isinstance(value, Literal):
            return [str(value)]
        names = [str(o) for p in LABELS for o in self.g.objects(value, p)]
        return names or [local(value)]


class Scorer:
    def __init__(self, graph: Graph, gold: dict):
        self.g = graph
        self.gold = gold
        self.alias: dict[str, str] = {}  # any gold name form -> canonical gold name
        self.gold_type: dict[str, str] = {}
        for a in gold.get("actors", []):
            for n in [a["name"], *a.get("aliases", [])]:
                self.alias[norm(n)] = a["name"]
            self.gold_type[a["name"]] = a["type"]

    def nodes_for(self, gold_name: str) -> list[Node]:
        """Graph actor nodes that carry any name form of a gold actor."""
        forms = {k for k, v in self.alias.items() if v == gold_name} | {norm(gold_name)}
        found, seen = [], set()
        for f in forms:
            for n in self.g.by_name.get(f, []):
                if n.uri not in seen:
                    seen.add(n.uri)
                    found.append(n)
        return found

    def gold_name_of(self, node: Node) -> str | None:
        for name in node.names:
            if name in self.alias:
                return self.alias[name]
        return None

    # -- actors -------------------------------------------------------------
    def score_actors(self) -> dict:
        gold = self.gold.get("actors", [])
        found = typed = fragmented = 0
        missing, mistyped = [], []
        for a in gold:
            nodes = self.nodes_for(a["name"])
            if not nodes:
                missing.append(a["name"])
                continue
            found += 1
            if len(nodes) > 1:
                fragmented += 1
            if any(n.types & ACTOR_TYPES[a["type"]] for n in nodes):
                typed += 1
            else:
                mistyped.append(f"{a['name']} ({a['type']} != {sorted({t for n in nodes for t in n.types})})")
        predicted = self.g.actors
        spurious = [sorted(n.names)[0] if n.names else local(n.uri) for n in predicted if self.gold_name_of(n) is None]
        correct_pred = len(predicted) - len(spurious)
        p = correct_pred / len(predicted) if predicted else 0.0
        r = typed / len(gold) if gold else 0.0
        return {
            "gold": len(gold),
            "predicted": len(predicted),
            "found": found,
            "typed": typed,
            "fragmented": fragmented,
            "precision": p,
            "recall": r,
            "f1": f1(p, r),
            "missing": missing,
            "mistyped": mistyped,
            "spurious": sorted(spurious),
        }

    # -- events -------------------------------------------------------------
    def participants(self, event: Node) -> set[str]:
        names = set()
        for _, o in self.g.g.predicate_objects(event.uri):
            node = self.g.nodes.get(o)
            if node is not None and node.types & ALL_ACTOR_CLASSES:
                name = self.gold_name_of(node)
                names.add(name if name else f"?{local(o)}")
        return names

    def arg_checks(self, gold_ev: dict, event: Node) -> tuple[int, int, list[str]]:
        """(args right, args asked, what was wrong) for one gold/predicted pair."""
        right = asked = 0
        wrong = []

        def actor_via(prop: str, want) -> bool:
            wants = want if isinstance(want, list) else [want]
            got = set()
            for o in self.g.values(event.uri, prop):
                node = self.g.nodes.get(o)
                if node is not None:
                    got.add(self.gold_name_of(node))
            return all(w in got for w in wants)

        checks = []
        if gold_ev.get("court"):
            checks.append(("court", lambda: actor_via("court", gold_ev["court"])))
        if gold_ev.get("by"):
            by = gold_ev["by"] if isinstance(gold_ev["by"], list) else [gold_ev["by"]]
            checks.append(("by", lambda: all(b in self.participants(event) for b in by)))
        if gold_ev.get("place"):
            checks.append(("place", lambda: gold_ev["place"] in self.participants(event)))
        if gold_ev.get("date"):
            checks.append(
                ("date", lambda: any(str(v).strip() == gold_ev["date"] for v in self.g.values(event.uri, "date")))
            )
        if gold_ev.get("term"):
            want = months(gold_ev["term"])
            checks.append(("term", lambda: any(months(v) == want for v in self.g.values(event.uri, "sentenceTerm"))))
        if gold_ev.get("charges"):

            def charges_ok():
                got = [t for v in self.g.values(event.uri, "charge") for t in self.g.text_of(v)]
                return all(any(overlap(c, t) >= 0.6 for t in got) for c in gold_ev["charges"])

            checks.append(("charges", charges_ok))
        if gold_ev.get("outcome"):

            def outcome_ok():
                got = [t for v in self.g.values(event.uri, "outcome") for t in self.g.text_of(v)]
                return any(gold_ev["outcome"].lower() in norm(t) for t in got)

            checks.append(("outcome", outcome_ok))
        for name, check in checks:
            asked += 1
            if check():
                right += 1
            else:
                wrong.append(name)
        return right, asked, wrong

    def score_events(self) -> dict:
        gold = [e for e in self.gold.get("events", []) if e["type"] in EVENT_TYPES]
        predicted = self.g.events
        used: set = set()
        matched = args_right = args_asked = 0
        missed, arg_errors = [], []
        # the most specific gold events choose first, so a vague one cannot take a specific one's match
        specific = ("date", "court", "term", "charges", "place", "by", "outcome")
        for ev in sorted(gold, key=lambda e: -sum(1 for k in specific if e.get(k))):
            who = ev.get("who") or []
            who = who if isinstance(who, list) else [who]
            best, best_score = None, (-1, 0)
            for cand in predicted:
                if cand.uri in used or ev["type"] not in cand.types:
                    continue
                if not all(w in self.participants(cand) for w in who):
                    continue
                r, a, _ = self.arg_checks(ev, cand)
                if (r, -a) > best_score:
                    best, best_score = cand, (r, -a)
            if best is None:
                missed.append(f"{ev['type']}({', '.join(who)}{' ' + ev['date'] if ev.get('date') else ''})")
                continue
            used.add(best.uri)
            matched += 1
            r, a, wrong = self.arg_checks(ev, best)
            args_right += r
            args_asked += a
            if wrong:
                arg_errors.append(f"{ev['type']}({', '.join(who)}): wrong {', '.join(wrong)}")
        spurious = [
            f"{'/'.join(sorted(n.types & EVENT_TYPES))}({', '.join(sorted(self.participants(n)))})"
            for n in predicted
            if n.uri not in used
        ]
        p = matched / len(predicted) if predicted else 0.0
        r = matched / len(gold) if gold else 0.0
        return {
            "gold": len(gold),
            "predicted": len(predicted),
            "matched": matched,
            "precision": p,
            "recall": r,
            "f1": f1(p, r),
            "argument_accuracy": args_right / args_asked if args_asked else 1.0,
            "missed": missed,
            "argument_errors": arg_errors,
            "spurious": spurious,
        }

    # -- relations ----------------------------------------------------------
    def score_relations(self) -> dict:
        gold = [r for r in self.gold.get("relations", []) if r["type"] in RELATION_TYPES]
        predicted = set()
        for rel in RELATION_TYPES:
            for s, o in self.g.g.subject_objects(WH[rel]):
                sn = self.g.nodes.get(s)
                s_name = self.gold_name_of(sn) if sn else None
                if rel == "holdsPosition":
                    for t in self.g.text_of(o):
                        predicted.add((rel, s_name or f"?{local(s)}", norm(t)))
                    continue
                on = self.g.nodes.get(o)
                o_name = self.gold_name_of(on) if on else None
                pair = (s_name or f"?{local(s)}", o_name or f"?{local(o)}")
                if rel in SYMMETRIC:
                    pair = tuple(sorted(pair))
                predicted.add((rel, *pair))
        matched, missed, used = 0, [], set()
        for r in gold:
            if r["type"] == "holdsPosition":
                hit = next(
                    (
                        t
                        for t in predicted
                        if t not in used
                        and t[0] == "holdsPosition"
                        and t[1] == r["subject"]
                        and overlap(t[2], r["position"]) >= 0.6
                    ),
                    None,
                )
            else:
                pair = (r["subject"], r["object"])
                if r["type"] in SYMMETRIC:
                    pair = tuple(sorted(pair))
                key = (r["type"], *pair)
                hit = key if key in predicted and key not in used else None
            if hit:
                used.add(hit)
                matched += 1
            else:
                missed.append(f"{r['type']}({r['subject']}, {r.get('object') or r.get('position')})")
        p = matched / len(predicted) if predicted else 0.0
        rr = matched / len(gold) if gold else 0.0
        return {
            "gold": len(gold),
            "predicted": len(predicted),
            "matched": matched,
            "precision": p,
            "recall": rr,
            "f1": f1(p, rr),
            "missed": missed,
            "spurious": sorted(" ".join(t) for t in predicted - used),
        }


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph")
    ap.add_argument("gold")
    ap.add_argument("--json", action="store_true", help="print the whole report as JSON")
    ap.add_argument("--min-f1", type=float, default=0.0)
    args = ap.parse_args()
    try:
        graph = Graph(args.graph)
        gold = json.load(open(args.gold, encoding="utf-8"))
    except Exception as exc:
        print(f"cannot read input: {exc}", file=sys.stderr)
        return 2
    s = Scorer(graph, gold)
    report = {"actors": s.score_actors(), "events": s.score_events(), "relations": s.score_relations()}
    parts = [report[k] for k in ("actors", "events", "relations")]
    tp = report["actors"]["typed"] + report["events"]["matched"] + report["relations"]["matched"]
    n_gold = sum(p["gold"] for p in parts)
    n_pred = sum(p["predicted"] for p in parts)
    correct_pred = (
        report["actors"]["precision"] * report["actors"]["predicted"]
        + report["events"]["matched"]
        + report["relations"]["matched"]
    )
    overall = f1(correct_pred / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0)
    report["overall_f1"] = overall
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for k in ("actors", "events", "relations"):
            p = report[k]
            print(
                f"{k:9s} P={p['precision']:.2f} R={p['recall']:.2f} F1={p['f1']:.2f}"
                f"  (gold {p['gold']}, predicted {p['predicted']})"
            )
            for key in ("missing", "mistyped", "missed", "argument_errors", "spurious"):
                if p.get(key):
                    print(
                        f"  {key}: "
                        + "; ".join(p[key][:25])
                        + (f" ... (+{len(p[key]) - 25})" if len(p[key]) > 25 else "")
                    )
        print(
            f"events argument accuracy {report['events']['argument_accuracy']:.2f}; "
            f"fragmented actors {report['actors']['fragmented']}"
        )
        print(f"overall fact F1 {overall:.3f}")
    return 0 if overall >= args.min_f1 else 1


if __name__ == "__main__":
    sys.exit(main())
