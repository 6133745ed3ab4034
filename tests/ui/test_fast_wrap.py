"""The fast soft wrap gives exactly Textual's wrap, for any text and width."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual._wrap import compute_wrap_offsets

from readerapp.ui.fast_wrap import wrap_offsets, wrap_rows

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


@settings(max_examples=200)
@given(
    st.lists(
        st.one_of(prose, anything, anything.map(lambda line: line * 8)), min_size=1, max_size=6
    ),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=12),
)
def test_the_first_rows_of_a_huge_article_are_the_first_rows_of_the_whole(lines, width, rows):
    text = "\n".join(lines)
    starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    full = wrap_rows(text, starts, width)
    first = wrap_rows(text, starts, width, max_rows=rows)
    assert first[0] == full[0][: len(first[0])] and first[1] == full[1][: len(first[1])]
    assert first[0], "at least one row to show"
    # Every character sits in exactly one row of the full wrap, in order.
    assert "".join(text[s:e] for s, e in zip(*full, strict=True)) == text.replace("\n", "")
