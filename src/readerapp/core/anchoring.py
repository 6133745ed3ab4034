"""Re-anchoring: find an annotation's passage again after the article text changed.

Three tries, cheapest and surest first:

1. **exact**: the quote still stands at the stored offsets with its context
   around it. This is the only work done for an unchanged article, so opening
   an article with many annotations costs almost nothing extra.
2. **moved**: the exact quote occurs elsewhere; the occurrence whose
   surroundings best match the stored prefix and suffix wins.
3. **fuzzy**: the quote itself was edited; pieces of prefix + quote + suffix
   locate the region, an alignment (difflib) maps the quote's boundaries into
   it, and the result is kept only if it is still close to the quote and its
   context agrees.

A wrong anchor is worse than none: a note pinned to the wrong sentence misleads
a fact-checker, while an orphaned note is shown with its quote and can be
re-attached by hand. So every step refuses to guess: several equally good
places, or a weak match, give None (orphaned).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import Match, SequenceMatcher

from readerapp.core.annotation import TextSelector

#: A fuzzy match must be at least this similar to the quote (difflib ratio).
MIN_QUOTE_SIMILARITY = 0.75
#: Context characters that count as evidence for a place, and the lead one place
#: needs over the next best to win.
MIN_CONTEXT = 8
MIN_LEAD = 4
#: Being exactly at the stored offset counts as this many characters of context.
STORED_OFFSET_BONUS = 8
#: Occurrences of a quote beyond this are not examined (it says nothing anyway).
MAX_OCCURRENCES = 5000
#: A unique exact quote this long is accepted even if all its context changed.
DISTINCTIVE_QUOTE = 24

SEED = 8  # characters per seed when locating an edited passage
MAX_SEED_HITS = 16  # a seed found more often than this is not distinctive
MIN_BLOCK = 3  # alignment blocks shorter than this are coincidences


@dataclass(frozen=True)
class Anchor:
    """Where an annotation's passage is in the current text, and how it was found."""

    start: int
    end: int
    method: str  # "exact" | "moved" | "fuzzy"


def anchor(selector: TextSelector, text: str) -> Anchor | None:
    """The passage of `selector` in `text`, or None when it cannot be found for sure."""
    exact = selector.exact
    if not exact:
        return None
    start = selector.start
    if start >= 0 and text.startswith(exact, start):
        end = start + len(exact)
        if text.startswith(selector.suffix, end) and _ends_with(text, start, selector.prefix):
            return Anchor(start, end, "exact")
    found = _anchor_exact_quote(selector, text)
    if found is not _WEAK:
        return found  # type: ignore[return-value]
    return _anchor_fuzzy(selector, text)


def _ends_with(text: str, pos: int, prefix: str) -> bool:
    return pos >= len(prefix) and text.startswith(prefix, pos - len(prefix))


def _prefix_agreement(text: str, pos: int, prefix: str) -> int:
    """How many characters just before `pos` agree with the end of `prefix`."""
    n = 0
    limit = min(len(prefix), pos)
    while n < limit and text[pos - n - 1] == prefix[-n - 1]:
        n += 1
    return n


def _suffix_agreement(text: str, pos: int, suffix: str) -> int:
    """How many characters from `pos` on agree with the start of `suffix`."""
    n = 0
    limit = min(len(suffix), len(text) - pos)
    while n < limit and text[pos + n] == suffix[n]:
        n += 1
    return n


class _Weak:
    """Marker: the exact quote gave no verdict; let the fuzzy search try."""


_WEAK = _Weak()


def _anchor_exact_quote(selector: TextSelector, text: str) -> Anchor | None | _Weak:
    """Step 2: an occurrence of the exact quote chosen by its context."""
    exact, prefix, suffix = selector.exact, selector.prefix, selector.suffix
    length = len(exact)
    candidates: list[tuple[int, bool, int]] = []  # (evidence, full context, position)
    pos = text.find(exact)
    while pos != -1 and len(candidates) < MAX_OCCURRENCES:
        before = _prefix_agreement(text, pos, prefix)
        after = _suffix_agreement(text, pos + length, suffix)
        full = before == len(prefix) and after == len(suffix)
        bonus = STORED_OFFSET_BONUS if pos == selector.start else 0
        candidates.append((before + after + bonus, full, pos))
        pos = text.find(exact, pos + 1)
    if not candidates:
        return _WEAK
    candidates.sort(key=lambda c: -c[0])
    evidence, full, pos = candidates[0]
    runner_up = candidates[1][0] if len(candidates) > 1 else -1
    available = len(prefix) + len(suffix)

    if evidence == runner_up:
        return _nearest_of_tied(selector, candidates)
    strong = evidence >= min(MIN_CONTEXT, available) and evidence - runner_up >= MIN_LEAD
    whole = full and available + length >= 2 * MIN_CONTEXT
    distinctive = len(candidates) == 1 and length >= DISTINCTIVE_QUOTE
    if strong or whole or distinctive:
        return Anchor(pos, pos + length, "exact" if pos == selector.start else "moved")
    return _WEAK


def _nearest_of_tied(
    selector: TextSelector, candidates: list[tuple[int, bool, int]]
) -> Anchor | None:
    """Several places with the same context: the nearest wins only if it is much nearer
    and the context is complete there; otherwise the passage is ambiguous."""
    top = candidates[0][0]
    tied = [c for c in candidates if c[0] == top]
    if not all(full for _, full, _ in tied):
        return None
    by_distance = sorted(tied, key=lambda c: abs(c[2] - selector.start))
    d1 = abs(by_distance[0][2] - selector.start)
    d2 = abs(by_distance[1][2] - selector.start)
    if d2 < 4 * d1 + len(selector.exact):
        return None
    pos = by_distance[0][2]
    return Anchor(pos, pos + len(selector.exact), "moved")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    similarity: float  # of text[start:end] to the quote
    context: int  # characters of prefix and suffix found around it
    confidence: float  # 0..1, quote similarity and context weighed by length


def _anchor_fuzzy(selector: TextSelector, text: str) -> Anchor | None:
    """Step 3: the quote was edited; align prefix + quote + suffix to the likeliest region."""
    prefix, exact, suffix = selector.prefix, selector.exact, selector.suffix
    pattern = prefix + exact + suffix
    if len(exact) < 3 or len(pattern) < 2 * SEED:
        return None  # too little text to tell a changed passage from a different one
    regions = _likely_regions(pattern, text)
    candidates = [
        c
        for lo, hi in regions
        if (c := _align(pattern, len(prefix), len(prefix) + len(exact), text, lo, hi)) is not None
    ]
    acceptable = [c for c in candidates if _acceptable(c, selector)]
    if not acceptable:
        return None
    acceptable.sort(key=lambda c: -c.confidence)
    best = acceptable[0]
    for other in acceptable[1:]:
        overlaps = other.start < best.end and best.start < other.end
        if not overlaps and other.confidence >= best.confidence - 0.1:
            return None  # two different places fit about as well
    if text[best.start : best.end] == exact:
        return Anchor(best.start, best.end, "moved")
    return Anchor(best.start, best.end, "fuzzy")


def _likely_regions(pattern: str, text: str) -> list[tuple[int, int]]:
    """Windows of `text` where pieces of `pattern` occur in the right order, most votes first.

    Each distinctive piece found in the text votes for an alignment offset
    (text position minus pattern position); offsets close together form one region.
    """
    votes: list[tuple[int, int]] = []  # (offset, pattern position)
    step = SEED // 2
    for p in range(0, len(pattern) - SEED + 1, step):
        seed = pattern[p : p + SEED]
        hits: list[int] = []
        pos = text.find(seed)
        while pos != -1 and len(hits) <= MAX_SEED_HITS:
            hits.append(pos)
            pos = text.find(seed, pos + 1)
        if len(hits) <= MAX_SEED_HITS:
            votes.extend((h - p, p) for h in hits)
    if not votes:
        return []
    votes.sort()
    gap = max(2 * SEED, len(pattern) // 2)
    groups: list[list[tuple[int, int]]] = [[votes[0]]]
    for vote in votes[1:]:
        if vote[0] - groups[-1][-1][0] <= gap:
            groups[-1].append(vote)
        else:
            groups.append([vote])
    groups.sort(key=lambda g: -len({p for _, p in g}))
    pad = len(pattern) // 2 + SEED
    regions = []
    for group in groups[:3]:
        lo = max(0, group[0][0] - pad)
        hi = min(len(text), group[-1][0] + len(pattern) + pad)
        regions.append((lo, hi))
    return regions


def _align(pattern: str, qs: int, qe: int, text: str, lo: int, hi: int) -> _Candidate | None:
    """Map the quote's span [qs, qe) of `pattern` into text[lo:hi] by a difflib alignment."""
    window = text[lo:hi]
    matcher = SequenceMatcher(None, pattern, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= MIN_BLOCK]
    if not blocks:
        return None
    start = _map_boundary(blocks, qs, opening=True)
    end = _map_boundary(blocks, qe, opening=False)
    if start is None or end is None:
        return None
    start, end = max(0, min(start, len(window))), max(0, min(end, len(window)))
    if end <= start:
        return None
    found = window[start:end]
    similarity = SequenceMatcher(None, pattern[qs:qe], found, autojunk=False).ratio()
    context = sum(_overlap(b.a, b.a + b.size, 0, qs) for b in blocks)
    context += sum(_overlap(b.a, b.a + b.size, qe, len(pattern)) for b in blocks)
    quote_len = qe - qs
    context_len = len(pattern) - quote_len
    confidence = (similarity * quote_len + context) / (quote_len + context_len)
    return _Candidate(lo + start, lo + end, similarity, context, confidence)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _map_boundary(blocks: list[Match], p: int, *, opening: bool) -> int | None:
    """Where pattern position `p` falls in the window.

    Inside a matching block the mapping is exact. In a gap (edited text) the
    boundary keeps its distance to the nearer end of the gap, so an edit that
    straddles the quote's edge is included in the quote, not lost.
    """
    prev: Match | None = None
    nxt: Match | None = None
    for block in blocks:
        inside = (
            block.a <= p < block.a + block.size if opening else block.a < p <= block.a + block.size
        )
        if inside:
            return block.b + (p - block.a)
        if block.a + block.size <= p:
            prev = block
        elif block.a >= p:
            nxt = block
            break
    if prev is not None and nxt is not None:
        gap_start, gap_end = prev.a + prev.size, nxt.a
        text_start, text_end = prev.b + prev.size, nxt.b
        width = text_end - text_start
        from_start, to_end = p - gap_start, gap_end - p
        if from_start <= to_end:
            return text_start + min(from_start, width)
        return text_end - min(to_end, width)
    if prev is not None:
        return prev.b + p - prev.a
    if nxt is not None:
        return nxt.b - (nxt.a - p)
    return None


def _acceptable(candidate: _Candidate, selector: TextSelector) -> bool:
    """Close to the quote, and placed by its context (or by a long, nearly intact quote)."""
    quote_len = len(selector.exact)
    context_len = len(selector.prefix) + len(selector.suffix)
    needed = MIN_QUOTE_SIMILARITY if quote_len >= 12 else 0.85
    if candidate.similarity < needed or candidate.confidence < 0.6:
        return False
    placed_by_context = candidate.context >= max(MIN_CONTEXT, 0.3 * context_len)
    long_and_intact = quote_len >= 40 and candidate.similarity >= 0.9
    return placed_by_context or long_and_intact
