"""The article pane: a read-only TextArea that paints highlight spans over the text.

TextArea paints a 1 MB document in about half a second and keeps a cursor and a
selection, which the annotation keys build on. Each paragraph of the canonical
text is one document line, so an offset maps to (row, column) by a bisect over
precomputed line starts instead of TextArea's O(lines) lookup.

TextArea re-wraps the whole document on every resize, scrollbar change and
language change: seven passes over a 1 MB article at startup. ArticleView builds
its document once, with the fast wrap of `fast_wrap`, and skips any re-wrap at an
unchanged width, so a large article is wrapped once at its real width
(TextArea 8.2.8 internals; Textual is pinned).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from rich.style import Style
from rich.text import Text
from textual.document._document import Document
from textual.document._document_navigator import DocumentNavigator
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from readerapp.ui.fast_wrap import FastWrappedDocument

Span = tuple[int, int]


class LineIndex:
    """Maps str offsets in a text to (row, column) locations and back."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self.starts = starts
        self.length = len(text)

    def location(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        row = bisect_right(self.starts, offset) - 1
        return row, offset - self.starts[row]

    def offset(self, location: tuple[int, int]) -> int:
        row, column = location
        row = max(0, min(row, len(self.starts) - 1))
        return min(self.starts[row] + column, self.length)


class ArticleView(TextArea):
    """Read-only article text with named layers of styled spans (search, speaker, notes…)."""

    DEFAULT_CSS = """
    ArticleView {
        border: none;
        padding: 0 1;
        background: $surface;
        scrollbar-gutter: stable;
    }
    ArticleView:focus { border: none; }
    """

    def __init__(self, text: str, *, id: str | None = None) -> None:
        self._wrapped_for: tuple[int, int, int] | None = None
        super().__init__(
            "",
            read_only=True,
            soft_wrap=True,
            show_line_numbers=False,
            show_cursor=True,
            highlight_cursor_line=False,
            id=id,
        )
        self._set_document(text, None)
        self.index = LineIndex(text)
        self._layers: dict[str, list[tuple[int, int, Style]]] = {}
        self._by_row: dict[int, list[tuple[int, int, Style]]] = {}
        self._layer_order: list[str] = []

    def _set_document(self, text: str, language: str | None) -> None:
        """Plain text only: TextArea's own steps, with the fast-wrapping document."""
        if language is not None:
            super()._set_document(text, language)
            return
        self._highlight_query = None
        self.document = Document(text)
        self.wrapped_document = FastWrappedDocument(self.document, tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._build_highlight_map()
        self.move_cursor((0, 0))
        self._rewrap_and_refresh_virtual_size()

    def _watch_language(self, language: str | None) -> None:
        if language is not None:  # plain text only: no document to rebuild
            super()._watch_language(language)

    def _rewrap_and_refresh_virtual_size(self) -> None:
        key = (id(self.wrapped_document), self.wrap_width, self.indent_width)
        if key == self._wrapped_for:
            return
        self._wrapped_for = key
        super()._rewrap_and_refresh_virtual_size()

    # -- offsets ----------------------------------------------------------------

    @property
    def cursor_offset(self) -> int:
        return self.index.offset(self.cursor_location)

    @property
    def selection_span(self) -> Span:
        start, end = sorted(self.index.offset(loc) for loc in self.selection)
        return start, end

    def move_to(self, offset: int, *, extend: bool = False, center: bool = False) -> None:
        """Put the cursor at `offset`; with `extend`, keep the selection's anchor."""
        location = self.index.location(offset)
        anchor = self.selection.start if extend else location
        self.selection = Selection(anchor, location)
        self.scroll_cursor_visible(center=center)

    def select_span(self, start: int, end: int, *, center: bool = True) -> None:
        self.selection = Selection(self.index.location(start), self.index.location(end))
        self.scroll_cursor_visible(center=center)

    def reveal(self, start: int, end: int) -> None:
        """Scroll so the span is in view and the cursor sits at its start."""
        self.move_to(end)
        self.move_to(start, center=True)

    # -- span layers --------------------------------------------------------------

    def set_layer(self, name: str, spans: Iterable[tuple[int, int]], style: Style) -> None:
        self.set_styled_layer(name, ((s, e, style) for s, e in spans))

    def set_styled_layer(self, name: str, spans: Iterable[tuple[int, int, Style]]) -> None:
        """Replace one layer; later-added layers paint over earlier ones."""
        self._layers[name] = [(s, e, st) for s, e, st in spans if e > s]
        if name not in self._layer_order:
            self._layer_order.append(name)
        self._rebuild()

    def clear_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._rebuild()

    def layer(self, name: str) -> list[tuple[int, int, Style]]:
        return self._layers.get(name, [])

    def _rebuild(self) -> None:
        by_row: dict[int, list[tuple[int, int, Style]]] = defaultdict(list)
        for name in self._layer_order:
            for start, end, style in self._layers.get(name, ()):
                first_row, first_col = self.index.location(start)
                last_row, last_col = self.index.location(end)
                for row in range(first_row, last_row + 1):
                    col_start = first_col if row == first_row else 0
                    col_end = last_col if row == last_row else None
                    by_row[row].append((col_start, col_end if col_end is not None else -1, style))
        self._by_row = dict(by_row)
        self.notify_style_update()
        self.refresh()

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for start, end, style in self._by_row.get(line_index, ()):
            line.stylize(style, start, len(line.plain) if end < 0 else end)
        return line
