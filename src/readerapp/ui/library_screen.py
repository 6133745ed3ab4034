"""The library: the articles of a folder, with title, date, words; Enter opens one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from readerapp.core.library import LibraryEntry, load_library
from readerapp.ui.key_hints import KeyHints
from readerapp.ui.keymap import LIBRARY_KEYS, bindings
from readerapp.ui.plain import name, notify, plain
from readerapp.ui.sidebar_items import excerpt

if TYPE_CHECKING:
    from textual import events

    from readerapp.ui.session import Session

# Date, words and notes columns with the table's cell padding: what the title leaves.
OTHER_COLUMNS = 10 + 8 + 7 + 8


class LibraryTable(DataTable[Text]):
    """The library's rows; j and k move like ↓ and ↑, as everywhere in readerapp."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next article", show=False, id="library.next"),
        Binding("k", "cursor_up", "Previous article", show=False, id="library.previous"),
    ]


class LibraryScreen(Screen[None]):
    """Lists a folder's articles; the folder is read in a worker so the screen shows at once."""

    BINDINGS = bindings(tuple(k for k in LIBRARY_KEYS if k.action != "back"), "library")

    DEFAULT_CSS = """
    #library-header {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    #library {
        height: 1fr;
    }
    """

    def __init__(self, folder: Path, session: Session) -> None:
        super().__init__()
        self.folder = folder
        self.session = session
        self.entries: list[LibraryEntry] = []
        self._counts: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static(
            Text.assemble(("Library  ", "bold"), name(self.folder, "dim")), id="library-header"
        )
        table = LibraryTable(cursor_type="row", zebra_stripes=True, id="library")
        table.add_column(Text("Title"), key="title")
        table.add_column(Text("Date"), key="date")
        table.add_column(Text("Words", justify="right"), key="words")
        table.add_column(Text("Notes", justify="right"), key="notes")
        yield table
        yield Static(Text("reading the folder…", style="italic"), id="status")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.run_worker(self._load, thread=True, exclusive=True)

    def _load(self) -> None:
        entries = load_library(self.folder)
        counts = self.session.store().counts_by_article()
        self.app.call_from_thread(self.show_entries, entries, counts)

    def on_screen_resume(self) -> None:
        """Back from an article: its note count may have changed."""
        if self.entries:
            self.run_worker(self._load, thread=True, exclusive=True)

    def on_resize(self, event: events.Resize) -> None:
        """Titles are cut to the width, so the date, words and notes always show."""
        if self.entries:
            self.show_entries(self.entries, self._counts)

    def show_entries(self, entries: list[LibraryEntry], counts: dict[str, int]) -> None:
        self.entries = entries
        self._counts = counts
        title_width = max(16, self.size.width - OTHER_COLUMNS)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for index, entry in enumerate(entries):
            article = entry.article
            if article is None:
                title = name(entry.path.name, "red")
                title.append_text(plain(f": {entry.error}", "red"))
                title.truncate(title_width, overflow="ellipsis")
                table.add_row(title, Text(""), Text(""), Text(""), key=str(index))
                continue
            date = article.date.isoformat() if article.date else "—"
            table.add_row(
                plain(excerpt(article.title, title_width)),
                Text(date),
                Text(f"{article.word_count:,}", justify="right"),
                Text(str(counts.get(article.sha256, 0) or ""), justify="right"),
                key=str(index),
            )
        if entries:
            table.move_cursor(row=min(max(row, 0), len(entries) - 1))
        readable = sum(1 for e in entries if e.article)
        self.query_one("#status", Static).update(
            Text(f"{readable} articles · Enter opens one · Esc in an article comes back here")
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_article()

    def action_open_article(self) -> None:
        table = self.query_one(DataTable)
        if not self.entries or table.cursor_row < 0:
            return
        entry = self.entries[table.cursor_row]
        if entry.article is None:
            notify(self, entry.error or "cannot open this article", severity="error")
            return
        from readerapp.ui.reader_screen import ReaderScreen

        self.app.push_screen(ReaderScreen(entry.article, self.session, from_library=True))
