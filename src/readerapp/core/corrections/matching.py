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
    name_key,
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
    """
    candidates = [
        s
        for s in working.speakers
        if s.merged_into is None and (s.live or (removed and s.removed_by))
    ]
    key = name_key(ref.name)
    if ref.new:  # a name the user typed: that name, whoever has it
        return _best(
            candidates,
            lambda s: (int(name_key(s.origin.name) == key), int(name_key(s.name) == key)),
        )
    keys = {name_key(n) for n in (ref.name, *ref.aliases)}
    spans = [span for q in ref.quotes if (span := anchors.span(q)) is not None]

    def score(s: WorkingSpeaker) -> tuple[int, ...]:
        hits = sum(1 for span in spans if any(_covers(span, o) for o in s.origin_spans))
        enough = hits if spans and 2 * hits >= len(spans) else 0
        return (int(name_key(s.origin.name) == key), int(bool(keys & s.keys())), enough)

    return _best(candidates, score)


def find_quote(
    ref: QuoteRef, working: Working, anchors: Anchors, *, removed: bool = False
) -> tuple[WorkingSpeaker, WorkingQuote, Found] | str:
    """The quote `ref` names and its speaker now; else the reason it cannot be found."""
    span = anchors.span(ref.selector)
    if span is None:
        return GONE
    owner = name_key(ref.speaker)
    pairs = [
        (s, q)
        for s in working.live_speakers()
        for q in s.quotes
        if q.live or (removed and q.removed_by)
    ]

    def score(pair: tuple[WorkingSpeaker, WorkingQuote]) -> tuple[int, ...]:
        q = pair[1]
        exact = q.origin == span
        if not (exact or _covers(q.origin, span)):
            return (0,)
        return (int(exact), 1, int(owner == name_key(q.origin_speaker)))

    best = _best(pairs, score)
    if best is None:
        return "the analysis no longer finds this quote"
    if isinstance(best, str):
        return best
    return best[0], best[1], Found(exact=best[1].origin == span)


def find_allegation(
    ref: AllegationRef, working: Working, anchors: Anchors, *, removed: bool = False
) -> tuple[WorkingAllegation, Found] | str:
    """The allegation `ref` names; else the reason it cannot be found."""
    span = anchors.span(ref.selector)
    if span is None:
        return GONE
    parties = (name_key(ref.accuser), name_key(ref.accused))
    claim = name_key(ref.claim)

    def score(a: WorkingAllegation) -> tuple[int, ...]:
        exact = a.origin == span
        if not (exact or _covers(a.origin, span)):
            return (0,)
        accuser, accused, said = (name_key(v) for v in a.origin_values)
        return (int(exact), 1, int((accuser, accused) == parties), int(said == claim))

    candidates = [a for a in working.allegations if a.live or (removed and a.removed_by)]
    best = _best(candidates, score)
    if best is None:
        return "the analysis no longer finds this allegation"
    if isinstance(best, str):
        return best
    return best, Found(exact=best.origin == span and _same_values(best, ref))


def _same_values(a: WorkingAllegation, ref: AllegationRef) -> bool:
    return tuple(name_key(v) for v in a.origin_values) == tuple(
        name_key(v) for v in (ref.accuser, ref.accused, ref.claim)
    )
