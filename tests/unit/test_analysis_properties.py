"""Property tests: the analysis never crashes and every span is an exact slice of the text.

The reader opens arbitrary files, so the analysis must cope with any text: stray quote
marks, unbalanced quotes, lone honorifics, emoji, right-to-left scripts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readerapp.core.analysis import analyze
from readerapp.core.article import ArticleError, parse_article

FRAGMENTS = [
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    ",",
    ".",
    "?",
    " said ",
    " says ",
    "He",
    " she said",
    "Dr. ",
    "Mr ",
    "Ann Lee",
    " van der Berg",
    "O'Hara",
    " accused ",
    " of fraud",
    " denied ",
    "according to ",
    "the official",
    "A source",
    " that ",
    "\n\n",
    "—",
    "😀",
    "مرحبا",
    "e\u0301",
    " alleged ",
    "Did he not steal?",
    " told reporters",
    ", adding that ",
    "(",
    ")",
    "[b]",
]

article_bodies = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=12)),
    min_size=1,
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(article_bodies)
def test_any_text_analyzes_with_exact_spans(body: str) -> None:
    try:
        article = parse_article("Headline\n\n" + body)
    except ArticleError:  # an empty body is the article loader's error, not ours
        return
    analysis = analyze(article)
    text = article.text
    for speaker in analysis.speakers:
        assert speaker.name
        for quote in speaker.quotes:
            assert 0 <= quote.start < quote.end <= len(text)
            assert text[quote.start : quote.end] == quote.text
    for allegation in analysis.allegations:
        assert text[allegation.start : allegation.end] == allegation.evidence
