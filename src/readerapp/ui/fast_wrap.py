"""Soft wrap of long articles without Textual's per-word loop.

Textual's WrappedDocument measures every word of every line in Python: about
120 ms for a 1 MB article, paid at startup and on every resize. News prose is
mostly printable ASCII with single spaces, where the same greedy wrap can jump a
whole screen row at a time with `str.rfind`. `FastWrappedDocument` does that for
such lines and hands every other line (tabs, wide characters, words longer than
the width) to Textual's own `compute_wrap_offsets`, so the result is identical
(tests/test_fast_wrap.py checks it against Textual's function).
"""

from __future__ import annotations

from textual._wrap import compute_wrap_offsets
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import get_tab_widths


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


class FastWrappedDocument(WrappedDocument):
    """A WrappedDocument whose `wrap` takes the fast path line by line."""

    def wrap(self, width: int, tab_width: int | None = None) -> None:
        self._width = width
        if tab_width:
            self._tab_width = tab_width
        tab_width = self._tab_width
        wrap_offsets_list: list[list[int]] = []
        offset_to_line_info: list[tuple[int, int]] = []
        line_index_to_offsets: list[list[int]] = []
        tab_widths: list[list[int]] = []
        current = 0
        for line_index, line in enumerate(self.document.lines):
            if "\t" in line:
                sections = get_tab_widths(line, tab_width)
                tab_widths.append([w for _, w in sections])
                offsets = (
                    compute_wrap_offsets(
                        line, width, tab_size=tab_width, precomputed_tab_sections=sections
                    )
                    if width
                    else []
                )
            else:
                tab_widths.append([0] if line else [])
                offsets = wrap_offsets(line, width, tab_width)
            wrap_offsets_list.append(offsets)
            rows = len(offsets) + 1
            offset_to_line_info.extend((line_index, row) for row in range(rows))
            line_index_to_offsets.append(list(range(current, current + rows)))
            current += rows
        self._wrap_offsets = wrap_offsets_list
        self._offset_to_line_info = offset_to_line_info
        self._line_index_to_offsets = line_index_to_offsets
        self._tab_width_cache = tab_widths
