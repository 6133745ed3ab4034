"""The document every stage reads, built once: text, quotes, masked text, sentences, paragraphs.

Stages never split or scan the article again for these; they ask the document, whose
lookups are bisects, so a 1 MB article costs each stage one linear pass at most.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from readerapp.core.analysis.quotes import QuotedSpan, find_quoted_spans, mask_quotes
from readerapp.core.segments import paragraph_spans, sentence_spans

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """One article as the analysis sees it. `masked` has the same length as `text`."""

    text: str
    masked: str
    quotes: tuple[QuotedSpan, ...]
    sentences: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    headline: str = ""
    _sentence_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _quote_opens: list[int] = field(default_factory=list, repr=False, compare=False)
    _quote_closes: list[int] = field(default_factory=list, repr=False, compare=False)
    _quote_by_open: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    # -- sentences and paragraphs -------------------------------------------------------

    def sentence_index(self, position: int) -> int:
        return max(bisect_right(self._sentence_starts, position) - 1, 0)

    def sentence_at(self, position: int) -> Span:
        return self.sentences[self.sentence_index(position)] if self.sentences else (0, 0)

    def paragraph_index(self, position: int) -> int:
        return max(bisect_right(self._paragraph_starts, position) - 1, 0)

    def paragraph_at(self, position: int) -> Span:
        return self.paragraphs[self.paragraph_index(position)] if self.paragraphs else (0, 0)

    def sentences_in(self, start: int, end: int) -> list[Span]:
        first = max(bisect_right(self._sentence_starts, start) - 1, 0)
        last = bisect_left(self._sentence_starts, end)
        return [s for s in self.sentences[first:last] if s[1] > start]

    # -- quotes ---------------------------------------------------------------------------

    def quote_opening_at(self, position: int) -> int | None:
        """The index of the quote whose opening mark is at `position`."""
        return self._quote_by_open.get(position)

    def quotes_between(self, start: int, end: int) -> range:
        """Indexes of the quotes that open in [start, end)."""
        return range(bisect_left(self._quote_opens, start), bisect_left(self._quote_opens, end))

    def last_quote_closed_by(self, position: int) -> int | None:
        """The last quote that closes at or before `position`."""
        index = bisect_right(self._quote_closes, position) - 1
        return index if index >= 0 else None

    def quote_containing(self, position: int) -> int | None:
        index = bisect_right(self._quote_opens, position) - 1
        if index >= 0 and self.quotes[index].open <= position < self.quotes[index].close:
            return index
        return None


def build_document(text: str, headline: str = "") -> Document:
    """Split, find quotes and mask once; every later stage reads the result."""
    paragraphs = paragraph_spans(text)
    quotes = find_quoted_spans(text, paragraphs)
    masked = mask_quotes(text, quotes)
    sentences: list[Span] = []
    for start, end in paragraphs:
        sentences.extend(sentence_spans(masked, start, end))
    return Document(
        text=text,
        masked=masked,
        quotes=tuple(quotes),
        sentences=tuple(sentences),
        paragraphs=tuple(paragraphs),
        headline=headline,
        _sentence_starts=[s for s, _ in sentences],
        _paragraph_starts=[p for p, _ in paragraphs],
        _quote_opens=[q.open for q in quotes],
        _quote_closes=[q.close for q in quotes],
        _quote_by_open={q.open: i for i, q in enumerate(quotes)},
    )
