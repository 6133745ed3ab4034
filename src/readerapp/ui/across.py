"""What the screens across articles (Notes, People, a person's quotes, Allegations) share:
their look, their handling of the filter boxes and the list (`AcrossScreen`), what Escape
does (from a box back to the list, from the list back), and keys that move to a box
without losing what is typed right after them.

`/` and `f` are priority bindings of these screens, so they act as the key arrives and
the keys typed after them (`f`, then `FOI` in one burst) reach the box; a key bound
otherwise acts only once it has bubbled up from the list, when the keys behind it have
been handed to the list already. While a box has the focus they are its letters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from readerapp.ui.detail_pane import DetailPane
from readerapp.ui.index_progress import IndexFeed, IndexProgress
from readerapp.ui.row_list import RowList

if TYPE_CHECKING:
    from readerapp.ui.library_people import LibraryPeople, PeopleView
    from readerapp.ui.session import Session

RowT = TypeVar("RowT")

ACROSS_CSS = """
#across-title, #across-columns, #across-status {
    height: 1;
    padding: 0 1;
    background: $panel;
}
#across-filters {
    height: auto;
}
#across-filters Input {
    width: 1fr;
}
#across-detail {
    height: 9;
}
"""


def to_box(screen: Screen[None], box: Input) -> None:
    """Focus `box` now, so the next keys go to it; in a box already, the key is typed."""
    if isinstance(screen.focused, Input):
        raise SkipAction()
    screen.set_focus(box)


def back(screen: Screen[None], row_list: Widget) -> None:
    """Escape: from a box, back to the list (what it filters stays); from the list, back
    to the screen before."""
    if isinstance(screen.focused, Input):
        screen.set_focus(row_list)
    else:
        screen.app.pop_screen()


class AcrossScreen(Screen[None], Generic[RowT]):
    """A filterable list of rows with a header and a detail pane for the row under the
    cursor. Subclasses say how to draw the header (`header`), what the filter boxes keep
    (`refilter`) and what the detail pane shows (`detail`); typing in any box refilters,
    Enter in a box goes back to the list."""

    DEFAULT_CSS = ACROSS_CSS
    LIST_ID: ClassVar[str]

    @property
    def row_list(self) -> RowList[RowT]:
        return self.query_one(f"#{self.LIST_ID}", RowList)

    def header(self, width: int) -> Text:
        raise NotImplementedError

    def refilter(self) -> None:
        raise NotImplementedError

    def detail(self, row: RowT) -> Text:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.set_focus(self.row_list)

    def on_resize(self) -> None:
        self.query_one("#across-columns", Static).update(self.header(self.row_list.size.width))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.refilter()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_focus(self.row_list)

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        row: RowT | None = event.row
        self.query_one(DetailPane).show(Text() if row is None else self.detail(row))

    def action_back(self) -> None:
        back(self, self.row_list)


class IndexedScreen(AcrossScreen[RowT]):
    """An across screen fed by the library's index (People, Allegations): its rows are
    redrawn as each batch of articles is indexed, while a progress bar says how far."""

    def __init__(self, people: LibraryPeople, session: Session) -> None:
        super().__init__()
        self.people = people
        self.session = session
        self.view: PeopleView | None = None
        self.feed = IndexFeed(self, people, self.show_view)

    def on_screen_resume(self) -> None:
        self.feed.start()

    def on_screen_suspend(self) -> None:
        self.feed.stop()

    def on_unmount(self) -> None:
        self.feed.stop()

    def show_view(self, view: PeopleView) -> None:
        self.view = view
        self.query_one(IndexProgress).view(view)
        self.refilter()

    def empty_text(self, view: PeopleView, filtered: bool, no_match: str, none: str) -> str:
        """What an empty list says: the index's problem, that it is still indexing, that
        the filter matches nothing, or that there is nothing at all."""
        if view.problem:
            return view.problem
        if not view.complete:
            return "indexing the articles…"
        return no_match if filtered else none
