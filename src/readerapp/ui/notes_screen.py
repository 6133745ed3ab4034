"""The Notes screen: every annotation in the database, across all articles (coding retrieval).

"Every passage tagged contradiction", "every note where I wrote FOI": a row per
annotation (article, passage, tags, the note's first line, date), a tag filter
with completion, a search over notes, tags and passages (case and quote marks
folded, as `core.notes_query` does), three orders. Enter opens the article with
the cursor on the passage; Escape there comes back here, on the same row.

The database is read and each note's article checked (is the passage still
there? is the file here at all?) in a worker; sorting ten thousand rows by tag
is a worker's job too. A keystroke only filters the rows of the current order
(one substring test per row) and shows them in a `RowList`, which draws only
the rows in view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from readerapp.core.text_search import fold
from readerapp.ui.across import AcrossScreen, to_box
from readerapp.ui.detail_pane import DetailPane
from readerapp.ui.key_hints import KeyHints
from readerapp.ui.keymap import NOTES_KEYS, bindings
from readerapp.ui.palette import swatch
from readerapp.ui.plain import notify, plain
from readerapp.ui.row_list import RowList, cells
from readerapp.ui.sidebar_items import QUOTATION_MARKS, counted, excerpt
from readerapp.ui.tag_screen import TagInput, TagSuggester, parse_tags

if TYPE_CHECKING:
    from readerapp.core.notes_query import NoteRow, NotesList
    from readerapp.ui.session import Session

SORTS = ("article", "tag", "date")
DATE_CELLS = 10


def note_columns(width: int) -> tuple[int, int, int, int]:
    """Cells for the title, passage, tags and note at `width` (the mark and date are fixed)."""
    room = max(20, width - 2 - DATE_CELLS - 2 * 4)
    title, passage, tags = room * 20 // 100, room * 28 // 100, room * 20 // 100
    return title, passage, tags, room - title - passage - tags


def draw_note(row: NoteRow, width: int) -> Text:
    """One note as a row: a mark (its colour; ⚠ orphaned; ? no file here), then the columns."""
    a = row.annotation
    if row.orphaned:
        mark = ("⚠ ", "yellow")
    elif row.orphaned is None:
        mark = ("? ", "dim")
    else:
        mark = swatch(a.colour)
    title_w, passage_w, tags_w, note_w = note_columns(width)
    passage = excerpt(a.selector.exact.strip(QUOTATION_MARKS), passage_w)
    line = Text.assemble(mark)
    line.append_text(
        cells(
            (plain(excerpt(row.title or row.path, title_w), "bold"), title_w),
            (plain(f"“{passage}”", "yellow" if row.orphaned else ""), passage_w),
            (plain(" ".join(f"#{t}" for t in a.tags), "cyan"), tags_w),
            (plain(row.first_line, "italic"), note_w),
            (Text(a.updated[:10], style="dim"), DATE_CELLS),
        )
    )
    return line


def columns_header(width: int) -> Text:
    title_w, passage_w, tags_w, note_w = note_columns(width)
    names = (("Article", title_w), ("Passage", passage_w), ("Tags", tags_w), ("Note", note_w))
    header = Text("  ")  # under the mark
    header.append_text(
        cells(*((Text(n, style="bold dim"), w) for n, w in names), (Text("Date", "bold dim"), 10))
    )
    return header


class NotesScreen(AcrossScreen["NoteRow"]):
    """Every annotation across articles; Enter opens one's article at its passage."""

    BINDINGS = bindings(NOTES_KEYS, "notes", priority=True)  # see across.py
    KEYS = NOTES_KEYS  # the palette lists them while this screen is shown
    LIST_ID = "notes"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[NoteRow] = []  # every note, as last read
        self.lists: dict[str, NotesList] = {}  # the rows in each order asked for so far
        self.sort = SORTS[0]
        self.shown: list[NoteRow] = []
        self.loaded = False
        self._suggester = TagSuggester([])
        self._known: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static(
            Text("Notes across articles  reading the database…", "bold"), id="across-title"
        )
        with Horizontal(id="across-filters"):
            yield TagInput(
                placeholder="f: tags, comma-separated (Tab completes)",
                suggester=self._suggester,
                id="tag-filter",
            )
            yield Input(placeholder="/: search notes, tags and passages", id="note-search")
        yield Static(id="across-columns")
        yield RowList(draw_note, lambda row: row.annotation.id, empty="loading…", id=self.LIST_ID)
        yield DetailPane(id="across-detail")
        yield Static(id="across-status")
        yield KeyHints()

    def on_screen_resume(self) -> None:
        """Shown, or back from an article: the notes are read again (they may have changed)."""
        self.run_worker(self._load, thread=True, exclusive=True, group="load")

    def header(self, width: int) -> Text:
        return columns_header(width)

    def detail(self, row: NoteRow) -> Text:
        from readerapp.ui.details import note_row_detail

        return note_row_detail(row)

    # -- reading and ordering, in workers --------------------------------------------

    def _load(self) -> None:
        """Worker thread: every annotation, and whether its passage is still in its article."""
        from readerapp.core.library_index import LibraryCache
        from readerapp.core.notes_query import NoteRow, NotesList, note_rows, sorted_rows

        annotations = self.session.store().all()
        sort = self.sort
        if not self.loaded:  # the first time: the notes at once, then whether each is in place
            unchecked = [NoteRow(a, a.article.title, a.article.path, False) for a in annotations]
            self.app.call_from_thread(self._show_first, sorted_rows(unchecked, sort))
        cache = LibraryCache.beside(self.session.db_path)
        rows = note_rows(annotations, cache.catalog)
        cache.catalog.save()
        listed = NotesList(sorted_rows(rows, sort))
        self.app.call_from_thread(self._show_loaded, rows, sort, listed)

    def _show_first(self, ordered: list[NoteRow]) -> None:
        """The notes as the database has them, before their articles are looked at (a
        thousand files): shown so the list is there at once, filtered when the rest is."""
        typed = self.query_one("#note-search", Input).value
        if self.loaded or typed or self.query_one("#tag-filter", Input).value:
            return
        self.shown = ordered
        self.row_list.show(ordered, empty="no notes yet: select a passage, then h, t or a")
        status = "checking that each passage is still in its article…"
        self.query_one("#across-status", Static).update(Text(status, "italic dim"))

    def _show_loaded(self, rows: list[NoteRow], sort: str, listed: NotesList) -> None:
        self.rows, self.lists, self.loaded = rows, {sort: listed}, True
        counts = listed.tag_counts()
        self._suggester.known = sorted(counts, key=lambda t: (-counts[t], fold(t)))
        self._known = {fold(t) for t in counts}
        self.refilter()

    def action_sort(self) -> None:
        """s: by article, by tag, by date, by article…"""
        if isinstance(self.focused, Input):
            raise SkipAction()  # a letter typed in a box
        if not self.loaded:
            return
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        if self.sort in self.lists:
            self.refilter()
            return
        self.query_one("#across-status", Static).update(Text(f"sorting by {self.sort}…"))
        rows, sort = self.rows, self.sort

        def order() -> None:
            from readerapp.core.notes_query import NotesList, sorted_rows

            listed = NotesList(sorted_rows(rows, sort))
            self.app.call_from_thread(self._sorted, rows, sort, listed)

        self.run_worker(order, thread=True, exclusive=True, group="sort")

    def _sorted(self, rows: list[NoteRow], sort: str, listed: NotesList) -> None:
        if rows is self.rows:  # not read again meanwhile
            self.lists[sort] = listed
            if sort == self.sort:
                self.refilter()

    # -- filtering, on each keystroke ---------------------------------------------------

    def wanted_tags(self) -> tuple[list[str], list[str]]:
        """The tags typed in the filter: those in use (which filter), and the others."""
        typed = parse_tags(self.query_one("#tag-filter", Input).value)
        known = [t for t in typed if fold(t) in self._known]
        return known, [t for t in typed if fold(t) not in self._known]

    def refilter(self) -> None:
        listed = self.lists.get(self.sort)
        if listed is None:
            return
        tags, unknown = self.wanted_tags()
        search = self.query_one("#note-search", Input).value.strip()
        self.shown = listed.filter(tags=tags, search=search)
        filtered = bool(tags or search)
        empty = "no note matches" if filtered else "no notes yet: select a passage, then h, t or a"
        self.row_list.show(self.shown, empty=empty)
        self._say(tags, unknown, search)

    def _say(self, tags: list[str], unknown: list[str], search: str) -> None:
        rows = self.rows
        orphaned = sum(1 for r in rows if r.orphaned)
        away = sum(1 for r in rows if r.orphaned is None)
        title = Text.assemble(("Notes across articles  ", "bold"), (counted(len(rows), "note"), ""))
        if orphaned:
            title.append(f" · {orphaned} orphaned (⚠)", style="yellow")
        if away:
            title.append(f" · {away} with no file here (?)", style="dim")
        title.append(f" · sorted by {self.sort} (s)", style="dim")
        self.query_one("#across-title", Static).update(title)
        status = Text(f"showing {len(self.shown):,}" if tags or search else "")
        if tags:
            status.append_text(plain(" tagged " + " and ".join(f"#{t}" for t in tags), "cyan"))
        if search:
            status.append_text(plain(f" holding “{search}”"))
        if unknown:
            words = ", ".join(f"#{t}" for t in unknown)
            status.append_text(plain(f"  {words}: no note has it (Tab completes a tag)", "yellow"))
        self.query_one("#across-status", Static).update(status)

    # -- the row under the cursor ----------------------------------------------------

    @on(RowList.Chosen)
    def _chosen(self, event: RowList.Chosen) -> None:
        """Enter: the article, with the cursor on the passage; or why it cannot open."""
        from readerapp.ui.opening import Destination, open_at

        row: NoteRow = event.row
        title = row.title or row.path
        if row.orphaned:
            notify(
                self,
                f"This passage is no longer in “{title}”: the article changed since the note "
                "was made, so it cannot be opened there. The note is kept: the article's reader "
                "lists it under Notes → Orphaned.",
                title="Cannot open at the passage",
                severity="warning",
                timeout=12,
            )
            return
        destination = Destination(row.path, title, "Notes", annotation_id=row.annotation.id)
        open_at(self, self.session, destination)

    # -- keys ------------------------------------------------------------------------

    def action_search(self) -> None:
        to_box(self, self.query_one("#note-search", Input))

    def action_filter_tags(self) -> None:
        to_box(self, self.query_one("#tag-filter", Input))
