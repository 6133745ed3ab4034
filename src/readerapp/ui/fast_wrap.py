"""Soft wrap of long articles without Textual's per-word loop.

Textual's WrappedDocument measures every word of every line in Python, a cost
paid at startup and on every resize that grows with the article. News prose is
mostly printable ASCII with single spaces, where the same greedy wrap can jump a
whole screen row at a time with `str.rfind`. `wrap_offsets` does that for such
lines and hands every other line (tabs, wide characters, words longer than the
width) to Textual's own `compute_wrap_offsets`, so the result is identical
(tests/ui/test_fast_wrap.py checks it against Textual's function).
"""

from __future__ import annotations

from textual._wrap import compute_wrap_offsets


def _break_before(line: str, start: int, limit: int) -> int | None:
    """The last word start in (start, limit]: where the row beginning at `start` must end."""
    end = limit
    while end > start:
        space = line.rfind(" ", start, end)
        if space < 0:
            return None
        if space + 1 < end or line[end] != " ":
            return space + 1
        end = space
    return None


def wrap_offsets(line: str, width: int, tab_width: int) -> list[int]:
    """Where to break `line` to fit `width` cells: Textual's answer, computed faster."""
    if not width:
        return []
    if not (line.isascii() and line.isprintable()):
        return compute_wrap_offsets(line, width, tab_size=tab_width)
    offsets: list[int] = []
    start, length = 0, len(line)
    while length - start > width:
        cut = _break_before(line, start, start + width)
        if cut is None:  # a word longer than the width: Textual folds it
            return compute_wrap_offsets(line, width, tab_size=tab_width)
        offsets.append(cut)
        start = cut
    return offsets


def wrap_rows(
    text: str, line_starts: list[int], width: int, *, max_rows: int | None = None
) -> tuple[list[int], list[int]]:
    """Soft-wrap every line of `text`: the start and end offset of each screen row.

    With `max_rows`, stop once that many rows are wrapped: enough for a first screen of
    a huge article. Those rows are exactly the first rows of the full wrap (a greedy
    wrap of a line's prefix breaks where the whole line does, but for its last row,
    which is left out).
    """
    starts: list[int] = []
    ends: list[int] = []
    count = len(line_starts)
    for line in range(count):
        if max_rows is not None and len(starts) >= max_rows:
            break
        line_start = line_starts[line]
        line_end = line_starts[line + 1] - 1 if line + 1 < count else len(text)
        piece = text[line_start:line_end]
        offsets = None
        if max_rows is not None and width:
            budget = (max_rows - len(starts) + 1) * (width + 1)
            if len(piece) > budget:
                offsets = wrap_offsets(piece[:budget], width, 4)
        if offsets:  # the rows of a prefix, but for its last: it may be cut short
            starts.append(line_start)
            starts.extend(line_start + cut for cut in offsets[:-1])
            ends.extend(line_start + cut for cut in offsets)
            break
        row_start = line_start
        for cut in wrap_offsets(piece, width, 4):
            starts.append(row_start)
            ends.append(line_start + cut)
            row_start = line_start + cut
        starts.append(row_start)
        ends.append(line_end)
    return starts, ends
