"""Finding a correction's item again: in this analysis, maybe a new one, maybe an edited text.

Every passage is a text selector, anchored with the annotations' own
anchoring, so a quote or an evidence passage is found where the edited
article now has it, or not at all. Among the items, the one that matches
best by what the machine said of it wins, but only when no other item matches
as well: a tie is no match. A correction that finds nothing is orphaned with
the reason given here (never guessed onto a look-alike).

- A speaker: its machine name first, then any of its names and aliases, then
  the quotes it was found with (half of them at least, in the same places).
- A quote: its passage exactly where the item was first found; failing that,
  one overlapping most of it; the speaker it was found for breaks a tie.
- An allegation: likewise by its evidence passage; accuser and accused, then
  the claim, break a tie.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from readerapp.core.anchoring import anchor
from readerapp.core.annotation import TextSelector
from readerapp.core.corrections.record import AllegationRef, QuoteRef, SpeakerRef
from readerapp.core.corrections.working import (
    Span,
    Working,
    WorkingAllegation,
    WorkingQuote,
    WorkingSpeaker,
    overlap,
)

#: Another passage stands for the stored one when it overlaps this share of the longer.
COVERS_MOST = 0.6

GONE = "its passage is no longer in the article"
AMBIGUOUS = "more than one item matches it equally"

T = TypeVar("T")


@dataclass(frozen=True)
class Found:
    """A quote or allegation found, and whether at its exact first place."""

    exact: bool


class Anchors:
    """Selectors anchored in one text, each once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[TextSelector, Span | None] = {}

    def span(self, selector: TextSelector) -> Span | None:
        if selector not in self._found:
            found = anchor(selector, self.text)
            self._found[selector] = (found.start, found.end) if found else None
        return self._found[selector]


def _best(candidates: Sequence[T], score: Callable[[T], tuple[int, ...]]) -> T | str | None:
    """The one candidate with the highest nonzero score; AMBIGUOUS on a tie; None: none."""
    scored = [(score(c), c) for c in candidates]
    scored = [(s, c) for s, c in scored if any(s)]
    if not scored:
        return None
    top = max(s for s, _ in scored)
    winners = [c for s, c in scored if s == top]
    return winners[0] if len(winners) == 1 else AMBIGUOUS


def _covers(a: Span, b: Span) -> bool:
    return overlap(a, b) >= COVERS_MOST * max(a[1] - a[0], b[1] - b[0], 1)


def find_speaker(
    ref: SpeakerRef, working: Working, anchors: Anchors, *, removed: bool = False
) -> WorkingSpeaker | str | None:
    """The speaker `ref` names; a reason string if it cannot be told; None: no such speaker.

    `removed`: removed speakers count too (a second removal of one joins the first).
    Each test runs only among the speakers the previous ones left tied.
    """
    candidates = [
        s
        for s in working.speakers
        if s.merged_into is None and not s.dropped and (s.live or (removed and s.removed_by))
    ]
    key = working.key(ref.name)
    if ref.new:  # a name the user typed: that name, whoever has it
        return _best(candidates, lambda s: (int(s.key == key), int(working.key(s.name) == key)))
    pool = [s for s in candidates if s.key == key]
    if len(pool) == 1:
        return pool[0]
    named = bool(pool)
    keys = {working.key(n) for n in (ref.name, *ref.aliases)}
    aliased = [s for s in (pool or candidates) if keys & s.keys]
    if len(aliased) == 1:
        return aliased[0]
    named = named or bool(aliased)
    pool = aliased or pool or candidates
    spans = [span for q in ref.quotes if (span := anchors.span(q)) is not None]

    def hits(s: WorkingSpeaker) -> tuple[int, ...]:
        found = sum(
            1 for span in spans if any(_covers(span, o) for o in s.origin_spans.overlapping(span))
        )
        return (found if spans and 2 * found >= len(spans) else 0,)

    if not spans:
        return AMBIGUOUS if named else None
    chosen = _best(pool, hits)
    if chosen is None and named:
        return AMBIGUOUS  # names matched several, and their quotes do not tell them apart
    return chosen


def _usable(item: WorkingQuote | WorkingAllegation, removed: bool) -> bool:
    if item.dropped:
        return False
    if isinstance(item, WorkingQuote) and (item.owner is None or not item.owner.live):
        return False
    return item.live or (removed and bool(item.removed_by))


def find_quote(
    ref: QuoteRef, working: Working, anchors: Anchors, *, removed: bool = False
) -> tuple[WorkingSpeaker, WorkingQuote, Found] | str:
    """The quote `ref` names and its speaker now; else the reason it cannot be found."""
    span = anchors.span(ref.selector)
    if span is None:
        return GONE
    pool = [q for q in working.quotes_at.get(span, ()) if _usable(q, removed)]
    if not pool:
        pool = [
            q
            for origin in working.quote_spans.overlapping(span)
            if _covers(origin, span)
            for q in working.quotes_at.get(origin, ())
            if _usable(q, removed)
        ]
    owner = working.key(ref.speaker)
    best = _best(pool, lambda q: (1, int(owner == working.key(q.origin_speaker))))
    if best is None:
        return "the analysis no longer finds this quote"
    if isinstance(best, str):
        return best
    assert best.owner is not None
    return best.owner, best, Found(exact=best.origin == span)


def find_allegation(
    ref: AllegationRef, working: Working, anchors: Anchors, *, removed: bool = False
) -> tuple[WorkingAllegation, Found] | str:
    """The allegation `ref` names; else the reason it cannot be found."""
    span = anchors.span(ref.selector)
    if span is None:
        return GONE
    pool = [a for a in working.allegations_at.get(span, ()) if _usable(a, removed)]
    if not pool:
        pool = [
            a
            for origin in working.allegation_spans.overlapping(span)
            if _covers(origin, span)
            for a in working.allegations_at.get(origin, ())
            if _usable(a, removed)
        ]
    parties = (working.key(ref.accuser), working.key(ref.accused))
    claim = working.key(ref.claim)

    def score(a: WorkingAllegation) -> tuple[int, ...]:
        accuser, accused, said = (working.key(v) for v in a.origin_values)
        return (1, int((accuser, accused) == parties), int(said == claim))

    best = _best(pool, score)
    if best is None:
        return "the analysis no longer finds this allegation"
    if isinstance(best, str):
        return best
    same = score(best) == (1, 1, 1)
    return best, Found(exact=best.origin == span and same)
