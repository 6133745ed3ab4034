"""Re-anchoring: find an annotation's passage again after the article text changed.

Cheapest and surest first:

1. **exact**: the quote still stands at the stored offsets with its context
   around it. This is the only work done for an unchanged article, so opening
   an article with many annotations costs almost nothing extra.
2. **moved**: the whole passage with its context (prefix + quote + suffix)
   occurs once elsewhere: it moved.
3. Otherwise every place that could hold the passage competes: each exact
   occurrence of the quote, scored by how much of the prefix and suffix
   agree right beside it, and **fuzzy** places where pieces of prefix + quote +
   suffix locate a region and a difflib alignment maps the quote's boundaries
   into it (the quote itself was edited). The best place wins only if enough
   context agrees beside it (more the further it is from the stored offset:
   a passage that travelled far must bring its context along) and no other
   place comes close.

The same words with other words around them are not the same passage: a
sentence an article holds twice, or a deleted sentence whose replacement
starts with the same word. So an exact occurrence counts only if the stored
context holds right beside it on one side at least (an edit that left the
passage whole is on one side of it, or beyond the context), and a short
quote, which says little by itself, needs it to hold on both sides. And any
other occurrence where the context holds on a side is a rival: formulaic
prose repeats whole phrases ("…while the mayor was abroad. The university
argued that…"), and two places that each look like the passage give None.

A wrong anchor is worse than none: a note pinned to the wrong sentence misleads
a fact-checker, while an orphaned note is listed with its quote and can be
re-attached by hand. So no step guesses: two similar places, a weak match, or
an edit at a boundary that makes the passage's extent unclear give None.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import Match, SequenceMatcher

from readerapp.core.annotation import TextSelector

#: A fuzzy match must be at least this similar to the quote (difflib ratio);
#: quotes shorter than SHORT_QUOTE need STRICT_SIMILARITY.
MIN_QUOTE_SIMILARITY = 0.75
SHORT_QUOTE = 12
STRICT_SIMILARITY = 0.85
#: Agreeing context a place needs: at least MIN_CONTEXT characters and CONTEXT_SHARE
#: of the stored prefix + suffix, rising by 1/DRIFT per character of distance from
#: the stored offset up to FAR_SHARE.
MIN_CONTEXT = 8
CONTEXT_SHARE = 0.4
DRIFT = 1500
FAR_SHARE = 0.8
#: The lead in score the best place needs over any other: MIN_LEAD characters plus
#: LEAD_SHARE of the passage with its context.
MIN_LEAD = 4
LEAD_SHARE = 0.05
#: Being exactly at the stored offset counts as this many characters of context.
STORED_OFFSET_BONUS = 8
#: Occurrences of a quote beyond this are not examined (it says nothing anyway).
MAX_OCCURRENCES = 5000

SEED = 8  # characters per seed when locating an edited passage
MAX_SEED_HITS = 16  # a seed found more often than this is not distinctive
MIN_BLOCK = 3  # alignment blocks shorter than this are coincidences
ADJACENT = 8  # context characters right beside the quote that must match on a held side
REGIONS = 3  # how many likely regions the fuzzy step aligns


@dataclass(frozen=True)
class Anchor:
    """Where an annotation's passage is in the current text, and how it was found."""

    start: int
    end: int
    method: str  # "exact" | "moved" | "fuzzy"


@dataclass(frozen=True)
class _Place:
    """A place that could hold the passage, and the evidence for it."""

    start: int
    end: int
    similarity: float  # of text[start:end] to the quote, 1.0 for an exact occurrence
    context: float  # characters of prefix and suffix that agree, plus the offset bonus
    acceptable: bool  # enough evidence to be chosen at all
    method: str
    claims: bool = False  # some evidence that it is the passage: a rival to any other place

    @property
    def score(self) -> float:
        return self.similarity * (self.end - self.start) + self.context


def anchor(selector: TextSelector, text: str) -> Anchor | None:
    """The passage of `selector` in `text`, or None (orphaned) when it cannot be found for sure."""
    exact, prefix, suffix, start = selector.exact, selector.prefix, selector.suffix, selector.start
    if not exact:
        return None
    if start >= 0 and text.startswith(exact, start):
        end = start + len(exact)
        if text.startswith(suffix, end) and _ends_with(text, start, prefix):
            return Anchor(start, end, "exact")

    window = prefix + exact + suffix
    whole = text.find(window)
    if whole != -1:
        if text.find(window, whole + 1) != -1:
            return None  # the passage with all its context occurs twice: ambiguous
        begin = whole + len(prefix)
        return Anchor(begin, begin + len(exact), "exact" if begin == start else "moved")

    places = _exact_places(selector, text) + _fuzzy_places(selector, text)
    best = _choose(places, selector)
    if best is None:
        return None
    return Anchor(best.start, best.end, best.method)


def _choose(places: list[_Place], selector: TextSelector) -> _Place | None:
    """The acceptable place with the best score, if no other place comes close to it."""
    acceptable = [p for p in places if p.acceptable]
    if not acceptable:
        return None
    best = max(acceptable, key=lambda p: p.score)
    span = len(selector.prefix) + len(selector.exact) + len(selector.suffix)
    lead = MIN_LEAD + LEAD_SHARE * span
    for other in places:
        overlaps = other.start < best.end and best.start < other.end
        rival = other.acceptable or other.claims or other.score > best.score - lead
        if not overlaps and rival:
            return None
    return best


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


def _context_needed(selector: TextSelector, pos: int) -> float:
    """Characters of agreeing context a place at `pos` needs.

    A passage near its old offset moved by an edit close by; one far away
    must bring most of its context along, or formulaic prose ("In 2013, the
    office reported 530 cases") offers a look-alike for every deleted passage.
    """
    available = len(selector.prefix) + len(selector.suffix)
    share = min(FAR_SHARE, CONTEXT_SHARE + abs(pos - selector.start) / DRIFT)
    return min(available, max(MIN_CONTEXT, share * available))


def _context_at(selector: TextSelector, text: str, start: int, end: int) -> int:
    """Characters of prefix and suffix that agree right beside text[start:end]."""
    context = _prefix_agreement(text, start, selector.prefix)
    context += _suffix_agreement(text, end, selector.suffix)
    return context + (STORED_OFFSET_BONUS if start == selector.start else 0)


def _exact_places(selector: TextSelector, text: str) -> list[_Place]:
    """Every occurrence of the exact quote, with the context that agrees around it."""
    exact = selector.exact
    places: list[_Place] = []
    pos = text.find(exact)
    while pos != -1 and len(places) < MAX_OCCURRENCES:
        end = pos + len(exact)
        context = _context_at(selector, text, pos, end)
        held = _held_beside(selector, text, pos, end)
        short = len(exact) < SHORT_QUOTE
        same_passage = all(held) if short else any(held)
        acceptable = context >= _context_needed(selector, pos) and same_passage
        method = "exact" if pos == selector.start else "moved"
        places.append(_Place(pos, end, 1.0, context, acceptable, method, claims=any(held)))
        pos = text.find(exact, pos + 1)
    return places


def _held_beside(selector: TextSelector, text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether the stored context holds right beside [start, end), before and after.

    An exact occurrence is the passage, not a look-alike, only if it holds on one
    side at least, and on both for a short quote, which says little by itself.
    """
    before = _side_holds(
        _prefix_agreement(text, start, selector.prefix),
        len(selector.prefix),
        at_edge=start == len(selector.prefix),
    )
    after = _side_holds(
        _suffix_agreement(text, end, selector.suffix),
        len(selector.suffix),
        at_edge=end + len(selector.suffix) == len(text),
    )
    return before, after


def _side_holds(agreeing: int, stored: int, *, at_edge: bool) -> bool:
    """Whether one side of the context holds beside a place: ADJACENT characters agree,
    or all of a shorter stored side does and reaches the text's edge, as it did."""
    if stored >= ADJACENT:
        return agreeing >= ADJACENT
    return agreeing == stored and at_edge


def _fuzzy_places(selector: TextSelector, text: str) -> list[_Place]:
    """Places where an edited version of the passage may be, aligned and scored."""
    prefix, exact, suffix = selector.prefix, selector.exact, selector.suffix
    pattern = prefix + exact + suffix
    if len(exact) < 3 or len(pattern) < 2 * SEED:
        return []  # too little text to tell a changed passage from a different one
    qs, qe = len(prefix), len(prefix) + len(exact)
    places = []
    for lo, hi in _likely_regions(pattern, text):
        place = _align(pattern, qs, qe, text, lo, hi, selector)
        if place is not None:
            places.append(place)
    return places


def _likely_regions(pattern: str, text: str) -> list[tuple[int, int]]:
    """Windows of `text` where pieces of `pattern` occur in the right order, most votes first.

    Each distinctive piece found in the text votes for an alignment offset
    (text position minus pattern position); offsets close together form one region.
    """
    votes: list[tuple[int, int]] = []  # (offset, pattern position)
    for p in range(0, len(pattern) - SEED + 1, SEED // 2):
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
    pad = len(pattern) + SEED  # room for text inserted into the passage
    return [
        (max(0, g[0][0] - pad), min(len(text), g[-1][0] + len(pattern) + pad))
        for g in groups[:REGIONS]
    ]


def _align(
    pattern: str, qs: int, qe: int, text: str, lo: int, hi: int, selector: TextSelector
) -> _Place | None:
    """Map the quote's span [qs, qe) of `pattern` into text[lo:hi] by a difflib alignment."""
    window = text[lo:hi]
    matcher = SequenceMatcher(None, pattern, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= MIN_BLOCK]
    opening = _map_boundary(blocks, qs, opening=True)
    closing = _map_boundary(blocks, qe, opening=False)
    if opening is None or closing is None:
        return None
    (start, unsure_start), (end, unsure_end) = opening, closing
    if end <= start:
        return None
    quote_len = qe - qs
    start, end = lo + start, lo + end
    similarity = SequenceMatcher(None, selector.exact, text[start:end], autojunk=False).ratio()
    context = _context_at(selector, text, start, end)
    held = _held_sides(blocks, qs, qe, len(pattern), start == 0, end == len(text))
    needed = MIN_QUOTE_SIMILARITY if quote_len >= SHORT_QUOTE else STRICT_SIMILARITY
    acceptable = (
        similarity >= needed
        and context >= _context_needed(selector, start)
        and unsure_start + unsure_end <= max(2, 0.1 * quote_len)
        and held == 2
    )
    inner = text.find(selector.exact, start, end)
    if inner != -1:  # the quote is intact: the extra text was inserted beside it
        # An exact occurrence, so the exact rule holds: context right beside it on a
        # side, on both for a short quote (a new sentence may start with the same word).
        beside = _held_beside(selector, text, inner, inner + quote_len)
        same_passage = all(beside) if quote_len < SHORT_QUOTE else any(beside)
        return _Place(inner, inner + quote_len, 1.0, context, acceptable and same_passage, "moved")
    return _Place(start, end, similarity, context, acceptable, "fuzzy")


def _held_sides(
    blocks: list[Match], qs: int, qe: int, total: int, at_text_start: bool, at_text_end: bool
) -> int:
    """On how many sides (0-2) the context right next to the quote was found intact.

    Context matched somewhere near is not enough: "reported 330 cases" and
    "reported 682 cases" share most of their words, but not the ones beside
    the quote. A side with no stored context (the passage began or ended the
    text) holds if the place, too, is at that end of the text.
    """
    k_before, k_after = min(ADJACENT, qs), min(ADJACENT, total - qe)
    before = any(b.a <= qs - k_before and b.a + b.size >= qs for b in blocks)
    after = any(b.a <= qe and b.a + b.size >= qe + k_after for b in blocks)
    if k_before == 0:
        before = at_text_start
    if k_after == 0:
        after = at_text_end
    return int(before) + int(after)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _map_boundary(blocks: list[Match], p: int, *, opening: bool) -> tuple[int, int] | None:
    """Where pattern position `p` falls in the window, and by how much that is unsure.

    Inside a matching block the mapping is certain. In a gap (edited text) it
    is certain when the context or the quote was matched right up to the
    boundary, so the edit lies wholly on one side; when the edit straddles the
    boundary, the boundary keeps its distance to the nearer end of the gap and
    is unsure by the change in the gap's length. With matches on one side only
    it cannot be placed.
    """
    prev: Match | None = None
    nxt: Match | None = None
    for block in blocks:
        if block.a <= p < block.a + block.size if opening else block.a < p <= block.a + block.size:
            return block.b + (p - block.a), 0
        if block.a + block.size <= p:
            prev = block
        elif block.a >= p:
            nxt = block
            break
    if prev is None or nxt is None:
        return None
    gap_start, gap_end = prev.a + prev.size, nxt.a
    text_start, text_end = prev.b + prev.size, nxt.b
    width = text_end - text_start
    from_start, to_end = p - gap_start, gap_end - p
    unsure = 0 if from_start == 0 or to_end == 0 else abs(width - (gap_end - gap_start))
    if from_start <= to_end:
        return text_start + min(from_start, width), unsure
    return text_end - min(to_end, width), unsure
