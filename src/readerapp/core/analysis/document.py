"""The document every stage reads, built once: text, quotes, masked text, sentences, paragraphs.

Stages never split or scan the article again for these; they ask the document, whose
lookups are bisects, so a 1 MB article costs each stage one linear pass at most.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from readerapp.core.analysis.names import NAME_RUN_RE
from readerapp.core.analysis.quotes import QuotedSpan, find_quoted_spans, mask_quotes
from readerapp.core.segments import paragraph_spans, sentence_spans

Span = tuple[int, int]
MAX_SENTENCE = 2_000  # characters: longer is not prose (a list, a run-on page, 'said said …')
MAX_QUOTES_PER_SENTENCE = 24
_WORDLIKE = re.compile(r"[^\W_]")
# A dateline opens a report: 'WASHINGTON (Reuters) - …', 'MEXICO CITY — …'.
DATELINE = re.compile(r"[A-Z][A-Z .,'’\-]{2,40}(?:\s*\([^()\n]{1,40}\))?\s+[-—–]\s+")


@dataclass(frozen=True)
class Document:
    """One article as the analysis sees it. `masked` has the same length as `text`."""

    text: str
    masked: str
    quotes: tuple[QuotedSpan, ...]
    sentences: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    headline: str = ""
    names: tuple[Span, ...] = ()  # every run of capitalised words that may be a name
    _name_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _quote_opens: list[int] = field(default_factory=list, repr=False, compare=False)
    _quote_closes: list[int] = field(default_factory=list, repr=False, compare=False)
    _quote_by_open: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    # Facts a stage derives from the whole document once and reads in every slice.
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

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

    def names_between(self, start: int, end: int) -> tuple[Span, ...]:
        """The name runs that start in [start, end)."""
        first = bisect_left(self._name_starts, start)
        return self.names[first : bisect_left(self._name_starts, end, first)]

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
    """Split, find quotes and mask once; every later stage reads the result.

    Text that is not prose is bounded here, so no later stage can be slow on it: a
    'sentence' longer than any real one is cut into pieces at spaces, a quote with no
    letter or digit in it is no quote, and a sentence holding more quotes than prose ever
    does keeps only its first few.
    """
    paragraphs = paragraph_spans(text)
    found = [
        q for q in find_quoted_spans(text, paragraphs) if _WORDLIKE.search(text, q.start, q.end)
    ]
    masked = mask_quotes(text, found)
    sentences: list[Span] = []
    for start, end in paragraphs:
        for sentence in sentence_spans(masked, start, end):
            sentences.extend(_pieces(masked, *sentence))
    starts = [s for s, _ in sentences]
    quotes: list[QuotedSpan] = []
    per_sentence: dict[int, int] = {}
    for quote in found:
        holder = bisect_right(starts, quote.open) - 1
        per_sentence[holder] = per_sentence.get(holder, 0) + 1
        if per_sentence[holder] <= MAX_QUOTES_PER_SENTENCE:
            quotes.append(quote)
    datelines = [m.span() for start, _ in paragraphs if (m := DATELINE.match(text, start))]
    names = tuple(m.span() for m in NAME_RUN_RE.finditer(text))
    if datelines:  # 'WASHINGTON (Reuters) - …' names a place, not a speaker
        names = tuple(n for n in names if not any(a <= n[0] < b for a, b in datelines))
    return Document(
        text=text,
        masked=masked,
        quotes=tuple(quotes),
        sentences=tuple(sentences),
        paragraphs=tuple(paragraphs),
        headline=headline,
        names=names,
        _name_starts=[start for start, _ in names],
        _sentence_starts=starts,
        _paragraph_starts=[p for p, _ in paragraphs],
        _quote_opens=[q.open for q in quotes],
        _quote_closes=[q.close for q in quotes],
        _quote_by_open={q.open: i for i, q in enumerate(quotes)},
    )


def _pieces(masked: str, start: int, end: int) -> list[Span]:
    """A sentence, or pieces of at most MAX_SENTENCE characters cut at spaces."""
    pieces: list[Span] = []
    while end - start > MAX_SENTENCE:
        cut = masked.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
        while start < end and masked[start] == " ":
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces
