"""A list of many rows that draws only the rows in view: the lists of the screens across articles.

Ten thousand notes in a `DataTable` cost a widget-sized amount of work per row on
every keystroke of a search; this list keeps the rows as data and draws a row
only when it scrolls into view (the Line API, as toolong's log view), so a new
filter result costs one assignment and a repaint of one screen of rows.

Each screen says how a row is drawn at a width (`draw`: plain text only, built
with `ui.plain`) and what a row stands for across redraws (`key`), so the cursor
stays on the same note or person when the list is filtered, sorted or reloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from readerapp.ui.keymap import LIST_KEYS, bindings

Row = TypeVar("Row")

#: Cells between two columns of a row.
GAP = 2


def cells(*columns: tuple[Text, int]) -> Text:
    """Columns of a row, each cut (with an ellipsis) or padded to its cells."""
    row = Text()
    for number, (text, width) in enumerate(columns):
        if number:
            row.append(" " * GAP)
        cell = text.copy()
        cell.truncate(max(0, width), overflow="ellipsis", pad=True)
        row.append_text(cell)
    return row


class RowList(ScrollView, Generic[Row], can_focus=True):
    """Rows drawn on demand, a cursor moved with j/k, Enter chooses the row under it."""

    BINDINGS = bindings(LIST_KEYS, "list")

    COMPONENT_CLASSES = {"row-list--cursor", "row-list--empty"}

    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-gutter: stable;
        background: $surface;
        & > .row-list--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .row-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .row-list--empty {
            color: $text-muted;
            text-style: italic;
        }
    }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor rests on another row (None: the list is empty)."""

        row_list: RowList[Any]
        row: Any

        @property
        def control(self) -> RowList[Any]:
            return self.row_list

    @dataclass
    class Chosen(Message):
        """Enter (or a click on the cursor's row) on a row."""

        row_list: RowList[Any]
        row: Any

        @property
        def control(self) -> RowList[Any]:
            return self.row_list

    def __init__(
        self,
        draw: Callable[[Row, int], Text],
        key: Callable[[Row], Hashable],
        *,
        empty: str = "nothing here",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.draw = draw
        self.key = key
        self.empty = empty
        self.rows: Sequence[Row] = ()
        self.cursor = 0
        self._strips: dict[int, Strip] = {}
        self._drawn_width = -1

    # -- the rows ------------------------------------------------------------------------

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def show(self, rows: Sequence[Row], *, empty: str | None = None, keep: bool = True) -> None:
        """Show `rows`; the cursor stays on the row that stands for the same thing, if it
        is still listed (`keep`), else on the same place in the list."""
        kept = self.current
        before = self.cursor
        self.rows = rows
        if empty is not None:
            self.empty = empty
        self.cursor = min(before, max(0, len(rows) - 1))
        if keep and kept is not None:
            wanted = self.key(kept)
            found = next((i for i, row in enumerate(rows) if self.key(row) == wanted), None)
            if found is not None:
                self.cursor = found
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(rows))
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    def redraw(self) -> None:
        """Draw every row again (what a row shows changed, not which rows there are)."""
        self._strips.clear()
        self.refresh()

    def move_to_key(self, wanted: Hashable) -> bool:
        for index, row in enumerate(self.rows):
            if self.key(row) == wanted:
                self.go(index)
                return True
        return False

    # -- drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._drawn_width:
            self._strips.clear()
            self._drawn_width = width
        index = int(self.scroll_y) + y
        base = self.rich_style
        if not self.rows:
            if y == 0:
                text = Text(
                    f" {self.empty}", style=self.get_component_rich_style("row-list--empty")
                )
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        cursor = index == self.cursor
        cached = None if cursor else self._strips.get(index)
        if cached is not None:
            return cached
        text = self.draw(self.rows[index], max(1, width - 1))
        style = base + self.get_component_rich_style("row-list--cursor") if cursor else base
        strip = self._strip(Text.assemble(" ", text), width, style)
        if not cursor:
            self._strips[index] = strip
        return strip

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        text.no_wrap = True
        segments = [s for s in text.render(self.app.console) if s.text != "\n"]
        return Strip(Segment.apply_style(segments, style), width).crop_extend(0, width, style)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))
        self._strips.clear()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    # -- the cursor ----------------------------------------------------------------------

    def go(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index == self.cursor:
            return
        self.cursor = index
        self._scroll_to_cursor()
        self.refresh()  # the rows' strips are kept: only the two cursor rows are drawn
        self.post_message(self.Highlighted(self, self.current))

    def _scroll_to_cursor(self) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        self.go(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.go(self.cursor - 1)

    def action_page_down(self) -> None:
        self.go(self.cursor + self._page)

    def action_page_up(self) -> None:
        self.go(self.cursor - self._page)

    def action_top(self) -> None:
        self.go(0)

    def action_bottom(self) -> None:
        self.go(len(self.rows) - 1)

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self, self.current))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_y) + event.y
        if not 0 <= index < len(self.rows):
            return
        if index == self.cursor:
            self.action_choose()
        else:
            self.go(index)
