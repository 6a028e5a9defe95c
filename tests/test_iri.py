from hypothesis import given
from hypothesis import strategies as st

from pipeline.iri import IriMinter, slug


@given(st.text())
def test_slug_is_safe_and_stable(text):
    s = slug(text)
    assert s and s == slug(text)
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in s)
    assert len(s) <= 70


def test_distinct_long_texts_get_distinct_slugs():
    a = "the " * 30 + "alpha"
    b = "the " * 30 + "beta"
    assert slug(a) != slug(b)


def test_base_without_slash_is_fixed():
    assert str(IriMinter("https://ex.org/kg").document("doc 1")) == "https://ex.org/kg/id/document/doc-1"
