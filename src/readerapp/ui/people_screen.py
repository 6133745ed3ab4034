"""The People screen: everyone quoted across the library, merged by name (core.people).

One row per person: name, roles, the number of articles and quotes, the other
names used. `/` finds a person by any name or role; Enter lists their quotes
across articles (`PersonScreen`), where Enter opens an article at one. While a
first index runs (a progress bar says how far), the people found so far are
listed and the screen answers every key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from readerapp.core.text_search import fold
from readerapp.ui.across import IndexedScreen, to_box
from readerapp.ui.detail_pane import DetailPane
from readerapp.ui.index_progress import IndexProgress
from readerapp.ui.key_hints import KeyHints
from readerapp.ui.keymap import PEOPLE_KEYS, bindings
from readerapp.ui.library_people import person_key
from readerapp.ui.plain import plain
from readerapp.ui.row_list import RowList, cells
from readerapp.ui.sidebar_items import counted, excerpt

if TYPE_CHECKING:
    from readerapp.core.people import Person


def person_columns(width: int) -> tuple[int, int, int]:
    """Cells for the name, roles and other names (articles and quotes are fixed)."""
    room = max(20, width - 8 - 6 - 2 * 4)
    name_w, roles_w = room * 30 // 100, room * 35 // 100
    return name_w, roles_w, room - name_w - roles_w


def draw_person(person: Person, width: int) -> Text:
    name_w, roles_w, aliases_w = person_columns(width)
    name = plain(excerpt(person.name, name_w), "bold")
    if person.anonymous:
        name.append(" (anonymous)", style="italic dim")
    return cells(
        (name, name_w),
        (plain(excerpt("; ".join(person.roles), roles_w), "italic"), roles_w),
        (Text(f"{person.article_count:>8}"), 8),
        (Text(f"{person.quote_count:>6}"), 6),
        (plain(excerpt(", ".join(person.aliases), aliases_w), "dim"), aliases_w),
    )


def people_header(width: int) -> Text:
    name_w, roles_w, aliases_w = person_columns(width)
    names = (
        ("Name", name_w),
        ("Roles", roles_w),
        ("Articles", 8),
        ("Quotes", 6),
        ("Also called", aliases_w),
    )
    return Text.assemble(cells(*((Text(n, "bold dim"), w) for n, w in names)))


def matches(person: Person, wanted: str) -> bool:
    """Whether a folded query is in any of the person's names or roles."""
    return any(wanted in fold(words) for words in (*person.names(), *person.roles))


class PeopleScreen(IndexedScreen["Person"]):
    """Every person quoted across the articles; Enter lists their quotes."""

    BINDINGS = bindings(PEOPLE_KEYS, "people", priority=True)  # see across.py
    KEYS = PEOPLE_KEYS
    LIST_ID = "people"

    def compose(self) -> ComposeResult:
        yield Static(Text("People across articles", "bold"), id="across-title")
        yield IndexProgress()
        with Horizontal(id="across-filters"):
            yield Input(placeholder="/: find a person by name, alias or role", id="people-search")
        yield Static(id="across-columns")
        yield RowList(draw_person, person_key, empty="indexing the articles…", id=self.LIST_ID)
        yield DetailPane(id="across-detail")
        yield KeyHints()

    def header(self, width: int) -> Text:
        return people_header(width)

    def detail(self, row: Person) -> Text:
        from readerapp.ui.details import person_detail

        return person_detail(row)

    def refilter(self) -> None:
        view = self.view
        if view is None:
            return
        title = Text.assemble(("People across articles  ", "bold"))
        found = len(view.persons)
        title.append_text(plain(f"{found:,} {'person' if found == 1 else 'people'} in "))
        title.append_text(plain(f"{counted(len(view.articles), 'article')} of {view.source}"))
        self.query_one("#across-title", Static).update(title)
        wanted = fold(self.query_one("#people-search", Input).value.strip())
        persons = [p for p in view.persons if matches(p, wanted)] if wanted else view.persons
        empty = self.empty_text(
            view, bool(wanted), "nobody by that name", "nobody is quoted in these articles"
        )
        self.row_list.show(persons, empty=empty)

    @on(RowList.Chosen)
    def _chosen(self, event: RowList.Chosen) -> None:
        from readerapp.ui.person_screen import PersonScreen

        self.app.push_screen(PersonScreen(event.row, self.session))

    def action_search(self) -> None:
        to_box(self, self.query_one("#people-search", Input))
