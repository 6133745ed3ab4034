"""The analysis pipeline: document, mentions, entities, speech events, attribution, allegations.

Each stage reads the one `Document` built at the start. The article is then read in
slices of a few paragraphs, in order, each slice through every later stage, so the work
can stop between slices: when the caller asks (`should_stop`, checked often, so quitting
never waits for the analysis) or when an unusually long article would take longer than
the time budget. A partial analysis says so in `Analysis.notice`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator

from readerapp.core.analysis.allegations import find_allegations
from readerapp.core.analysis.attribution import Attribution
from readerapp.core.analysis.document import Document, build_document
from readerapp.core.analysis.entities import EntityResolver
from readerapp.core.analysis.model import Allegation, Analysis
from readerapp.core.analysis.names import NameIndex
from readerapp.core.analysis.parties import Parties
from readerapp.core.analysis.speech import find_events
from readerapp.core.analysis.speech_rules import SPEECH_RULES
from readerapp.core.analysis.subjects import MentionReader
from readerapp.core.article import Article

BUDGET_SECONDS = 1.6  # after this, what was read so far is the analysis
SLICE = 12_000  # characters: about a screenful of paragraphs
_LOWER_WORD = re.compile(r"(?<![.!?]\s)\b[a-z][a-z\-]+\b")


def analyze(
    article: Article,
    should_stop: Callable[[], bool] | None = None,
    *,
    budget: float = BUDGET_SECONDS,
) -> Analysis:
    """Return the speakers (with their quotes) and the allegations found in `article`.

    `should_stop` is asked between slices of the article; when it says yes, or when
    `budget` seconds have passed, the analysis of what was read so far comes back.
    """
    text = article.text
    if not text.strip():
        return Analysis()
    deadline = time.perf_counter() + budget
    doc = build_document(text, article.title)
    if not doc.sentences:
        return Analysis()
    vocabulary = frozenset(m.group() for m in _LOWER_WORD.finditer(doc.masked))
    reader = MentionReader(doc.masked, vocabulary)
    resolver = EntityResolver(text, NameIndex(text, list(doc.names)), doc.sentence_index)
    attribution = Attribution(doc, resolver, reader)
    parties = Parties(doc, resolver, attribution.spoken, vocabulary)
    allegations: list[Allegation] = []
    read = 0
    stopped_by_caller = False
    for lo, hi in slices(doc):
        if should_stop is not None and should_stop():
            stopped_by_caller = True
            break
        if read and time.perf_counter() > deadline:
            break  # the first slice is always read
        attribution.add(find_events(doc, reader, SPEECH_RULES, lo, hi), lo, hi)
        parties.refresh()
        allegations.extend(find_allegations(parties, lo, hi))
        read = hi
    return Analysis(
        speakers=resolver.speakers(),
        allegations=tuple(allegations),
        notice=_notice(read, len(text), stopped_by_caller),
    )


def slices(doc: Document) -> Iterator[tuple[int, int]]:
    """Consecutive spans of whole sentences (whole paragraphs where they fit)."""
    start = 0
    end = 0
    for sentence_start, sentence_end in doc.sentences:
        if sentence_start - start >= SLICE and end > start:
            paragraph_start, _ = doc.paragraph_at(sentence_start)
            cut = paragraph_start if paragraph_start > start else sentence_start
            yield start, cut
            start = cut
        end = sentence_end
    yield start, len(doc.text)


def _notice(read: int, length: int, stopped_by_caller: bool) -> str | None:
    if read >= length:
        return None
    if read == 0:
        return "The analysis was stopped before it read the article."
    share = max(1, int(100 * read / length))
    if stopped_by_caller:
        return f"The analysis was stopped after the first {share}% of the article."
    return f"The analysis stopped after the first {share}% of this unusually long article."
