"""The Allegations screen: who accuses whom across the library, filterable by either side.

Accuser and accused are named as the persons of the People screen where they
are known (`core.people.allegations`), and a filter matches any of a person's
names ("Lopes" finds what "Maria Lopes" alleged as "Ms Lopes"). Enter opens the
article with the evidence highlighted; Escape clears it, and again comes back.
Listing or filtering a thousand articles' allegations takes a few tens of
milliseconds, so it runs in a worker, the newest keystroke's result replacing the
others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from readerapp.ui.across import IndexedScreen, to_box
from readerapp.ui.detail_pane import DetailPane
from readerapp.ui.index_progress import IndexProgress
from readerapp.ui.key_hints import KeyHints
from readerapp.ui.keymap import ALLEGATION_KEYS, bindings
from readerapp.ui.plain import plain
from readerapp.ui.row_list import RowList, cells
from readerapp.ui.sidebar_items import counted, excerpt

if TYPE_CHECKING:
    from readerapp.core.people import AllegationRow
    from readerapp.ui.library_people import LibraryPeople, PeopleView
    from readerapp.ui.session import Session


def allegation_key(row: AllegationRow) -> tuple[str, int, int]:
    return str(row.article.path), row.allegation.start, row.allegation.end


def allegation_columns(width: int) -> tuple[int, int, int, int]:
    """Cells for the accuser, accused, claim and article."""
    room = max(24, width - 3 * 2 - 3)
    accuser, accused, article = room * 18 // 100, room * 18 // 100, room * 20 // 100
    return accuser, accused, room - accuser - accused - article, article


def draw_allegation(row: AllegationRow, width: int) -> Text:
    accuser_w, accused_w, claim_w, article_w = allegation_columns(width)
    article = row.article
    line = cells((plain(excerpt(row.accuser, accuser_w), "bold"), accuser_w))
    line.append(" → ")
    line.append_text(
        cells(
            (plain(excerpt(row.accused, accused_w), "bold"), accused_w),
            (plain(excerpt(row.allegation.claim, claim_w)), claim_w),
            (plain(excerpt(article.title or article.path.name, article_w), "dim"), article_w),
        )
    )
    return line


def allegations_header(width: int) -> Text:
    accuser_w, accused_w, claim_w, article_w = allegation_columns(width)
    line = Text.assemble(cells((Text("Accuser", "bold dim"), accuser_w)), "   ")
    names = (("Accused", accused_w), ("Claim", claim_w), ("Article", article_w))
    line.append_text(cells(*((Text(n, "bold dim"), w) for n, w in names)))
    return line


class AllegationsScreen(IndexedScreen["AllegationRow"]):
    """Every allegation across the articles; `/` filters by accuser, `f` by accused."""

    BINDINGS = bindings(ALLEGATION_KEYS, "allegations", priority=True)  # see across.py
    KEYS = ALLEGATION_KEYS
    LIST_ID = "allegations"

    def __init__(self, people: LibraryPeople, session: Session) -> None:
        super().__init__(people, session)
        self.shown: list[AllegationRow] = []
        self.total = 0  # allegations with no filter

    def compose(self) -> ComposeResult:
        yield Static(Text("Allegations across articles", "bold"), id="across-title")
        yield IndexProgress()
        with Horizontal(id="across-filters"):
            yield Input(placeholder="/: accuser (any of their names)", id="accuser")
            yield Input(placeholder="f: accused (any of their names)", id="accused")
        yield Static(id="across-columns")
        yield RowList(
            draw_allegation, allegation_key, empty="indexing the articles…", id=self.LIST_ID
        )
        yield DetailPane(id="across-detail")
        yield KeyHints()

    def header(self, width: int) -> Text:
        return allegations_header(width)

    def detail(self, row: AllegationRow) -> Text:
        from readerapp.ui.details import allegation_row_detail

        return allegation_row_detail(row)

    @property
    def sides(self) -> tuple[str, str]:
        return (
            self.query_one("#accuser", Input).value.strip(),
            self.query_one("#accused", Input).value.strip(),
        )

    def refilter(self) -> None:
        view = self.view
        if view is None:
            return
        accuser, accused = self.sides

        def filtered() -> None:
            rows = self.people.allegations(view, accuser, accused)
            self.app.call_from_thread(self._filtered, view, (accuser, accused), rows)

        self.run_worker(filtered, thread=True, exclusive=True, group="filter")

    def _filtered(
        self, view: PeopleView, sides: tuple[str, str], rows: list[AllegationRow]
    ) -> None:
        if view is self.view and sides == self.sides:  # still what is asked for
            if not any(sides):
                self.total = len(rows)
            self._show(view, rows)

    def _show(self, view: PeopleView, rows: list[AllegationRow]) -> None:
        self.shown = rows
        title = Text("Allegations across articles  ", "bold")
        title.append_text(plain(f"{counted(self.total, 'allegation')} in "))
        title.append_text(plain(f"{counted(len(view.articles), 'article')} of {view.source}"))
        filtered = any(self.sides)
        if filtered:
            title.append(f" · showing {len(rows):,}", style="cyan")
        self.query_one("#across-title", Static).update(title)
        empty = self.empty_text(view, filtered, "none matches", "no allegations in these articles")
        self.row_list.show(rows, empty=empty)

    @on(RowList.Chosen)
    def _chosen(self, event: RowList.Chosen) -> None:
        """Enter: the article, with the evidence highlighted."""
        from readerapp.ui.opening import Destination, open_at

        row: AllegationRow = event.row
        a = row.allegation
        destination = Destination(
            str(row.article.path),
            row.article.title,
            "Allegations",
            label=f"{row.accuser} → {row.accused}",
            sha256=row.article.sha256,
            spans=((a.start, a.end),),
            texts=(a.evidence,),
        )
        open_at(self, self.session, destination)

    def action_search(self) -> None:
        to_box(self, self.query_one("#accuser", Input))

    def action_filter_accused(self) -> None:
        to_box(self, self.query_one("#accused", Input))
