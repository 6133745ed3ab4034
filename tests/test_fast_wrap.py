"""The fast soft wrap gives exactly Textual's wrap, for any text and width."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual._wrap import compute_wrap_offsets

from readerapp.ui.fast_wrap import wrap_offsets

words = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=14
)
prose = st.lists(st.tuples(words, st.sampled_from([" ", "  ", "   "])), max_size=60).map(
    lambda parts: "".join(w + s for w, s in parts)
)
anything = st.text(alphabet=st.sampled_from(list("ab c\tdé漢😀 ")), max_size=80)


@settings(max_examples=400)
@given(prose, st.integers(min_value=1, max_value=90))
def test_same_offsets_as_textual_on_prose(line, width):
    assert wrap_offsets(line, width, 4) == compute_wrap_offsets(line, width, tab_size=4)


@settings(max_examples=300)
@given(anything, st.integers(min_value=1, max_value=40))
def test_same_offsets_as_textual_on_tabs_wide_characters_and_long_words(line, width):
    assert wrap_offsets(line, width, 4) == compute_wrap_offsets(line, width, tab_size=4)
