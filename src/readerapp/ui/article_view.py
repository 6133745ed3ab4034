"""The article pane: the canonical text, soft-wrapped, with a cursor, a selection and span layers.

A Line API widget of its own rather than a read-only TextArea: the article is
never edited, and everything the reader does is an offset into the canonical
text. The view keeps one list of wrapped rows as offsets (row starts and ends),
so a cursor or a span maps to the screen by a bisect, paints only the rows in
view, and never needs TextArea's document, history or import at startup.

Each paragraph of the canonical text is one line; lines are wrapped with the
fast wrap of `fast_wrap`, which gives exactly Textual's breaks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import Worker, WorkerState

from readerapp.ui.fast_wrap import wrap_rows
from readerapp.ui.palette import SELECTION

Span = tuple[int, int]
Mark = tuple[int, int, Style]  # an absolute span of the text and the style painted on it

LONG_ARTICLE_CHARS = 200_000  # past this, whole-text work (wrap, sentences) runs in a thread
WORD = re.compile(r"\w+(?:['’]\w+)*")


class LineIndex:
    """Where each line (paragraph) of a text starts, to find an offset's line by bisect."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self.starts = starts
        self.length = len(text)

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, max(0, min(offset, self.length))) - 1


class ArticleView(ScrollView, can_focus=True):
    """Read-only article text with a cursor, a selection and named layers of styled spans."""

    COMPONENT_CLASSES = {"article-view--cursor"}

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        padding: 0 1;
        scrollbar-gutter: stable;
        overflow-x: hidden;
        pointer: text;
        & > .article-view--cursor {
            background: $input-cursor-background;
            color: $input-cursor-foreground;
        }
    }
    """

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self.index = LineIndex(text)
        self.wrapped_width = -1  # the width the rows shown were wrapped at; -1: not yet
        self._wrapping_for = -1  # the width rows are wrapped, or being wrapped, for
        self._row_starts: list[int] = []
        self._row_ends: list[int] = []
        self._anchor = 0
        self._cursor = 0
        self._goal_cells: int | None = None  # the column up/down keep to
        self._dragging = False
        self._layers: dict[str, list[Mark]] = {}
        self._layer_order: list[str] = []
        self._by_line: dict[int, list[Mark]] = {}
        self._strips: dict[int, Strip] = {}
        self._base: Style | None = None  # the pane's own colours, cached with the strips
        self._shown_height = 0  # rows in view at the last resize
        self._numbered: dict[int, int] = {}  # paragraph start → its number, when shown
        self._row_starts, self._row_ends = wrap_rows(text, self.index.starts, 0)

    # -- wrapping ------------------------------------------------------------------

    @property
    def wrap_width(self) -> int:
        """The content width, less one cell so the cursor fits after a full row, and
        less the paragraph numbers' gutter when they show."""
        return max(0, self.scrollable_content_region.width - 1 - self.number_cells)

    @property
    def number_cells(self) -> int:
        """Cells before each row for its paragraph's number (0: numbers hidden)."""
        return len(str(len(self._numbered))) + 2 if self._numbered else 0

    def number_paragraphs(self, starts: list[int] | None) -> None:
        """Show (a list of paragraph starts) or hide (None) the numbers in a gutter."""
        self._numbered = {start: n for n, start in enumerate(starts or (), 1)}
        self._wrapping_for = -1  # the text's width changes with the gutter
        self._strips.clear()
        self._ensure_wrapped()
        self.scroll_cursor_visible()
        self.refresh()

    def _ensure_wrapped(self) -> None:
        """Wrap the rows for the current width, if that is not done or under way.

        A short article is wrapped at once (a few ms). A long one is wrapped in a
        thread, so neither the first frame nor a resize waits on the whole document:
        its first screen of rows is wrapped at once, and until the thread is done a
        resize shows the old rows, cut or padded to the new width.
        """
        width = self.wrap_width
        if width == self._wrapping_for or width <= 0:
            return
        self._wrapping_for = width
        if len(self.text) < LONG_ARTICLE_CHARS:
            self._use_rows(width, wrap_rows(self.text, self.index.starts, width))
            return
        if self.wrapped_width <= 0:
            first_screens = 2 * max(1, self.scrollable_content_region.height)
            self._use_rows(
                width, wrap_rows(self.text, self.index.starts, width, max_rows=first_screens)
            )
        text, line_starts = self.text, self.index.starts
        self.run_worker(
            lambda: (width, wrap_rows(text, line_starts, width)),
            thread=True,
            exclusive=True,
            group="wrap",
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "wrap" and event.state == WorkerState.SUCCESS:
            event.stop()
            result: tuple[int, tuple[list[int], list[int]]] | None = event.worker.result
            if result is not None:
                self._use_rows(*result)

    def _use_rows(self, width: int, rows: tuple[list[int], list[int]]) -> None:
        """Show rows wrapped at `width`, keeping the reader's place: the text at the top of
        the view stays at the top, and a cursor that was in view stays in view."""
        if width != self._wrapping_for:
            return  # wrapped for a width the pane no longer has
        top_row = int(self.scroll_y)
        top = self._row_starts[min(top_row, len(self._row_starts) - 1)]
        cursor_row = self.row_of(self._cursor)
        # In view as last shown: the height may have changed with the width.
        height = self._shown_height or self.scrollable_content_region.height
        last_row = len(self._row_starts) - 1
        cursor_in_view = top_row <= cursor_row < top_row + height
        # Only a first screen of rows so far, and the cursor sent past it (G): follow it.
        cursor_in_view |= cursor_row == last_row and self._row_ends[last_row] < len(self.text)
        self._row_starts, self._row_ends = rows
        self.wrapped_width = width
        self._strips.clear()
        self.virtual_size = Size(width, len(self._row_starts))
        self.scroll_to(y=self.row_of(top), animate=False, immediate=True)
        self._shown_height = self.scrollable_content_region.height
        if cursor_in_view:
            self.scroll_cursor_visible()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap for the new width; a cursor that was in view before stays in view,
        whether the width changed (new rows) or only the height (fewer rows shown)."""
        row = self.row_of(self._cursor)
        top = int(self.scroll_y)
        was_in_view = self._shown_height == 0 or top <= row < top + self._shown_height
        self._shown_height = self.scrollable_content_region.height
        self._ensure_wrapped()
        if was_in_view:
            self.scroll_cursor_visible()

    def row_of(self, offset: int) -> int:
        """The screen row (from the top of the article) that shows `offset`."""
        return max(0, bisect_right(self._row_starts, offset) - 1)

    def _row_last(self, row: int) -> int:
        """The last offset the cursor can take on a row (a wrapped row's end is the next row)."""
        end = self._row_ends[row]
        if row + 1 < len(self._row_starts) and self._row_starts[row + 1] == end:
            return max(self._row_starts[row], end - 1)
        return end

    def _cells_before(self, row: int, offset: int) -> int:
        piece = self.text[self._row_starts[row] : offset]
        return len(piece) if piece.isascii() else cell_len(piece)

    def _offset_at_cells(self, row: int, cells: int) -> int:
        start = self._row_starts[row]
        piece = self.text[start : self._row_last(row)]
        if piece.isascii():
            return start + min(max(0, cells), len(piece))
        width = 0
        for i, char in enumerate(piece):
            width += cell_len(char)
            if width > cells:
                return start + i
        return start + len(piece)

    # -- cursor and selection --------------------------------------------------------

    @property
    def cursor_offset(self) -> int:
        return self._cursor

    @property
    def selection_span(self) -> Span:
        return (min(self._anchor, self._cursor), max(self._anchor, self._cursor))

    @property
    def has_selection(self) -> bool:
        return self._anchor != self._cursor

    def move_to(
        self, offset: int, *, extend: bool = False, center: bool = False, keep_goal: bool = False
    ) -> None:
        """Put the cursor at `offset`; with `extend`, keep the selection's anchor."""
        offset = max(0, min(offset, len(self.text)))
        self._set_selection(self._anchor if extend else offset, offset)
        if not keep_goal:
            self._goal_cells = None
        self.scroll_cursor_visible(center=center)

    def select_span(self, start: int, end: int, *, center: bool = True) -> None:
        self._set_selection(start, end)
        self._goal_cells = None
        self.scroll_cursor_visible(center=center)

    def reveal(self, start: int, end: int) -> None:
        """Scroll so the span is in view and the cursor sits at its start."""
        self.move_to(end)
        self.move_to(start, center=True)

    def _set_selection(self, anchor: int, cursor: int) -> None:
        length = len(self.text)
        had_selection = self.has_selection
        self._anchor = max(0, min(anchor, length))
        self._cursor = max(0, min(cursor, length))
        self._repaint()
        self.cursor_moved()
        if had_selection and not self.has_selection:
            self.selection_dropped()

    def cursor_moved(self) -> None:
        """The cursor (or the selection) changed; subclasses may say where it is."""

    def selection_dropped(self) -> None:
        """A movement (or a click) ended the selection; subclasses may say so."""

    def scroll_cursor_visible(self, *, center: bool = False) -> None:
        self._ensure_wrapped()
        row = self.row_of(self._cursor)
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if center:
            target = max(0, row - height // 2)
        elif row < top:
            target = row
        elif row >= top + height:
            target = row - height + 1
        else:
            return
        self.scroll_to(y=target, animate=False, immediate=True)

    def move_rows(self, rows: int, *, extend: bool = False) -> None:
        """Move the cursor `rows` screen rows down (up if negative), keeping its column."""
        self._ensure_wrapped()
        row = self.row_of(self._cursor)
        if self._goal_cells is None:
            self._goal_cells = self._cells_before(row, self._cursor)
        target = max(0, min(row + rows, len(self._row_starts) - 1))
        if target == row:  # already on the first or last row: go to its start or end
            offset = self._row_starts[row] if rows < 0 else self._row_last(row)
            self.move_to(offset, extend=extend)
            return
        self.move_to(self._offset_at_cells(target, self._goal_cells), extend=extend, keep_goal=True)

    def move_page(self, pages: int, *, extend: bool = False) -> None:
        """Scroll a page and move the cursor with it, so it keeps its place on the screen."""
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to(y=self.scroll_y + pages * height, animate=False, immediate=True)
        self.move_rows(pages * height, extend=extend)

    def word_end_after(self, offset: int) -> int:
        """The end of the next word after `offset` (the end of the text if none)."""
        match = WORD.search(self.text, offset)  # inside a word: the rest of that word
        return match.end() if match else len(self.text)

    def word_start_before(self, offset: int) -> int:
        """The start of the word before `offset` (or of the word it is inside)."""
        window = max(0, offset - 200)
        starts = [m.start() for m in WORD.finditer(self.text, window, offset)]
        while not starts and window > 0:  # a very long run with no word: look further back
            window = max(0, window - 2000)
            starts = [m.start() for m in WORD.finditer(self.text, window, offset)]
        return starts[-1] if starts else 0

    # -- mouse -------------------------------------------------------------------------

    def _offset_under(self, event: events.MouseEvent) -> int:
        self._ensure_wrapped()
        x, y = event.get_content_offset_capture(self)
        row = max(0, min(int(self.scroll_y) + y, len(self._row_starts) - 1))
        return self._offset_at_cells(row, x - self.number_cells)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        self._dragging = True
        self.capture_mouse()
        self.move_to(self._offset_under(event), extend=event.shift)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self.move_to(self._offset_under(event), extend=True)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            self.move_to(self._offset_under(event), extend=True)

    # -- span layers ---------------------------------------------------------------------

    def set_layer(self, name: str, spans: Iterable[tuple[int, int]], style: Style) -> None:
        self.set_styled_layer(name, ((s, e, style) for s, e in spans))

    def set_styled_layer(self, name: str, spans: Iterable[Mark]) -> None:
        """Replace one layer; later-added layers paint over earlier ones."""
        self._layers[name] = [(s, e, st) for s, e, st in spans if e > s]
        if name not in self._layer_order:
            self._layer_order.append(name)
        self._rebuild()

    def clear_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._rebuild()

    def marks_in(self, name: str) -> list[Mark]:
        return self._layers.get(name, [])

    def _rebuild(self) -> None:
        """File every span under the paragraphs (lines) it touches, in layer order."""
        by_line: dict[int, list[Mark]] = defaultdict(list)
        line_of = self.index.line_of
        for name in self._layer_order:
            for mark in self._layers.get(name, ()):
                for line in range(line_of(mark[0]), line_of(mark[1]) + 1):
                    by_line[line].append(mark)
        self._by_line = dict(by_line)
        self._repaint()

    # -- painting ------------------------------------------------------------------------

    def _repaint(self) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._strips.clear()  # a theme change: every row's colours change
        self._base = None
        super().notify_style_update()

    @property
    def base_style(self) -> Style:
        """`rich_style` walks the ancestors on every call; rows reuse it until styles change."""
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def on_focus(self, event: events.Focus) -> None:
        self._repaint()  # the cursor shows only while the pane has focus

    def on_blur(self, event: events.Blur) -> None:
        self._repaint()

    def render_line(self, y: int) -> Strip:
        self._ensure_wrapped()
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if row >= len(self._row_starts):
            return Strip.blank(width, self.base_style)
        strip = self._strips.get(row)
        if strip is None:
            if len(self._strips) > 2000:
                self._strips.clear()
            strip = self._strips[row] = self._render_row(row, width)
        return strip

    def _render_row(self, row: int, width: int) -> Strip:
        start, end = self._row_starts[row], self._row_ends[row]
        text = self.text[start:end]
        base = self.base_style
        marks: list[Mark] = [
            mark
            for mark in self._by_line.get(self.index.line_of(start), ())
            if mark[0] < end and mark[1] > start
        ]
        selected_start, selected_end = self.selection_span
        newline_selected = False
        if selected_start < selected_end and selected_start <= end and selected_end > start:
            marks.append((selected_start, selected_end, SELECTION))
            # A selection that runs on past the paragraph shows on its end.
            newline_selected = selected_end > end and row + 1 < len(self._row_starts)
            newline_selected = newline_selected and self._row_starts[row + 1] == end + 1
        cursor_style = None
        if self.has_focus and start <= self._cursor <= end and row == self.row_of(self._cursor):
            cursor_style = self.get_component_rich_style("article-view--cursor")
            marks.append((self._cursor, self._cursor + 1, cursor_style))
        segments = self._segments(text, start, base, marks)
        if cursor_style is not None and self._cursor == end:
            segments.append(Segment(" ", base + cursor_style))
        elif newline_selected:
            segments.append(Segment(" ", base + marks[-1][2]))
        if self._numbered:
            number = self._numbered.get(start)
            label = f"{number} " if number is not None else ""
            dim = base + Style(dim=True)
            segments.insert(0, Segment(label.rjust(self.number_cells), dim))
        return Strip(segments).crop_extend(0, width, base)

    @staticmethod
    def _segments(text: str, start: int, base: Style, marks: list[Mark]) -> list[Segment]:
        """Cut the row where a mark starts or ends; each piece gets every mark over it."""
        if not marks:
            return [Segment(text, base)]
        length = len(text)
        cuts = {0, length}
        for mark_start, mark_end, _ in marks:
            cuts.add(min(max(0, mark_start - start), length))
            cuts.add(min(max(0, mark_end - start), length))
        ordered = sorted(cuts)
        segments = []
        for a, b in zip(ordered, ordered[1:], strict=False):
            style = base
            for mark_start, mark_end, mark_style in marks:
                if mark_start - start <= a and mark_end - start >= b:
                    style += mark_style
            segments.append(Segment(text[a:b], style))
        return segments
