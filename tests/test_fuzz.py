"""Property-based fuzzing of the whole path: read -> build -> write in every format -> parse back.

Hypothesis composes documents from the genre's sentences, hostile characters (controls, bidi
overrides, zero-width joiners, combining marks, markup, quotes) and arbitrary text, under
hostile file names. Bounded: a few dozen examples, each within a deadline.
"""

from __future__ import annotations

import tempfile
import unicodedata
import xml.dom.minidom
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal

from pipeline.build import build_sources
from pipeline.errors import InputError
from pipeline.rdf.export import FORMATS, read_dataset, write_dataset
from pipeline.read import read_document
from pipeline.structure import find_structure

_NAMES = [
    "Anna Berg",
    "Karl Holm",
    "Nov\u200dak",
    "Zoë Müller",
    "Ünal Öz",
    "O’Brien",
    "Li\u202e Wei",
    "Jean-Paul Sartre-Roy",
]
_COURTS = ["Strelsau City Court", "Zenda Court of Appeal", "the Supreme Court of Ruritania"]
_HOSTILE = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x0b",
        "\x1b",
        "\x7f",
        "\x85",
        "\u00ad",
        "\u200b",
        "\u200d",
        "\u202e",
        "\u2066",
        "\u2028",
        "\u2029",
        "\ufeff",
        "\ufffe",
        "e\u0301",
        "<",
        "&",
        "]]>",
        '"',
        "\\",
        "‘",
        "’",
        "“",
        "”",
        "\r",
        "\f",
        "\t",
        "😀",
        "中文",
        "\U000e0041",
    ]
)
_SENTENCE = st.builds(
    lambda name, court, day: (
        f"whereas on {day} May 2015 the journalist {name} was sentenced by the {court} to three years in prison"
    ),
    st.sampled_from(_NAMES),
    st.sampled_from(_COURTS),
    st.integers(1, 28),
)
_PIECE = st.one_of(_SENTENCE, _HOSTILE, st.text(max_size=20), st.sampled_from([" ", "\n", "\n\n", ";", "."]))
_BODY = st.lists(_PIECE, min_size=1, max_size=12).map("".join)
_DOCUMENT = st.builds(
    lambda recitals, paragraph: (
        "The European Parliament,\n\n"
        + "".join(f"{chr(65 + i)}. {text};\n\n" for i, text in enumerate(recitals))
        + f"1. Calls for {paragraph};\n"
    ),
    st.lists(_BODY, min_size=1, max_size=4),
    _BODY,
)
_FILE_NAME = st.builds(
    lambda stem: stem.replace("/", "-").replace("\x00", "") or "x",
    st.text(alphabet=st.sampled_from("ab-_. \u202e\u200dé😀<>&\"'\x01"), min_size=1, max_size=12),
)
_HIDDEN = {"Cc", "Cf", "Cs"}


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


@settings(
    max_examples=25,
    deadline=timedelta(seconds=60),
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=st.one_of(_DOCUMENT, _BODY), stem=_FILE_NAME)
@example(
    text="The European Parliament,\n\nA. whereas the blogger \u202eAnna Nov\u200dak\u202c was arrested;\n",
    stem="ep-\u202e\x01",
)
def test_read_build_write_parse_back(nlp, text: str, stem: str) -> None:
    from rdflib.compare import isomorphic

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{stem}.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            source = read_document(path)
        except InputError as exc:  # an empty or binary-looking file: a one-line error naming it
            assert "\n" not in str(exc) and str(path) in str(exc)
            return
        for part in find_structure(source).parts:
            assert source.text[part.start : part.end] == part.text
        result = build_sources([source])
        built = _union(result.dataset)
        for literal in (o for o in built.objects() if isinstance(o, Literal)):
            assert not [c for c in str(literal) if unicodedata.category(c) in _HIDDEN and c not in "\n\t"]
        for suffix in sorted({s for s, f in FORMATS.items() if s not in (".json", ".owl", ".turtle")}):
            out = write_dataset(result.dataset, Path(tmp) / f"graph{suffix}")
            if suffix == ".rdf":
                xml.dom.minidom.parse(str(out))
            assert isomorphic(_union(read_dataset(out)), built), suffix
