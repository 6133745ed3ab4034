"""One person's quotes across articles: a row per quote; Enter opens the article at it.

The article opens with all of that person's quotes in it highlighted and the
cursor on the one chosen (n/N walk them, as after choosing a speaker in the
sidebar); Escape clears them, and Escape again comes back here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from readerapp.core.text_search import fold
from readerapp.ui.across import AcrossScreen, to_box
from readerapp.ui.detail_pane import DetailPane
from readerapp.ui.key_hints import KeyHints
from readerapp.ui.keymap import PEOPLE_KEYS, bindings
from readerapp.ui.plain import plain
from readerapp.ui.row_list import RowList, cells
from readerapp.ui.sidebar_items import counted, excerpt

if TYPE_CHECKING:
    from readerapp.core.analysis.model import Quote
    from readerapp.core.people import Appearance, Person
    from readerapp.ui.session import Session

DATE_CELLS = 10


@dataclass(frozen=True)
class QuoteRow:
    appearance: Appearance
    quote: Quote

    @property
    def key(self) -> tuple[str, int, int]:
        return str(self.appearance.article.path), self.quote.start, self.quote.end


def quote_rows(person: Person) -> list[QuoteRow]:
    return [QuoteRow(a, q) for a in person.appearances for q in a.quotes]


def draw_quote(row: QuoteRow, width: int) -> Text:
    article = row.appearance.article
    title_w = max(12, (width - DATE_CELLS - 4) * 30 // 100)
    quote_w = max(10, width - DATE_CELLS - 4 - title_w)
    quote = row.quote
    said = excerpt(quote.text, quote_w - 2)
    return cells(
        (plain(excerpt(article.title or article.path.name, title_w), "bold"), title_w),
        (Text(article.date or "", style="dim"), DATE_CELLS),
        (plain(f"“{said}”" if quote.direct else f"≈ {said}"), quote_w),
    )


def quotes_header(width: int) -> Text:
    title_w = max(12, (width - DATE_CELLS - 4) * 30 // 100)
    names = (("Article", title_w), ("Date", DATE_CELLS), ("Quote", width))
    return Text.assemble(cells(*((Text(n, "bold dim"), w) for n, w in names)))


class PersonScreen(AcrossScreen[QuoteRow]):
    """A person's quotes, article by article."""

    BINDINGS = bindings(PEOPLE_KEYS, "people", priority=True)  # see across.py
    KEYS = PEOPLE_KEYS
    LIST_ID = "quotes"

    def __init__(self, person: Person, session: Session) -> None:
        super().__init__()
        self.person = person
        self.session = session
        self.rows = quote_rows(person)

    def compose(self) -> ComposeResult:
        person = self.person
        title = plain(person.name, "bold")
        if person.roles:
            title.append_text(plain(f", {'; '.join(person.roles)}", "italic"))
        title.append(
            f"  {counted(person.quote_count, 'quote')} in "
            f"{counted(person.article_count, 'article')}  · Esc: back to People",
            style="dim",
        )
        yield Static(title, id="across-title")
        with Horizontal(id="across-filters"):
            yield Input(placeholder="/: search these quotes", id="quote-search")
        yield Static(id="across-columns")
        yield RowList(draw_quote, lambda row: row.key, empty="no quotes", id=self.LIST_ID)
        yield DetailPane(id="across-detail")
        yield KeyHints()

    def on_mount(self) -> None:
        self.refilter()

    def header(self, width: int) -> Text:
        return quotes_header(width)

    def detail(self, row: QuoteRow) -> Text:
        from readerapp.ui.details import appearance_quote_detail

        return appearance_quote_detail(self.person, row.appearance, row.quote)

    def refilter(self) -> None:
        wanted = fold(self.query_one("#quote-search", Input).value.strip())
        rows = [r for r in self.rows if wanted in fold(r.quote.text)] if wanted else self.rows
        self.row_list.show(rows, empty="no quote holds that")

    @on(RowList.Chosen)
    def _chosen(self, event: RowList.Chosen) -> None:
        """Enter: the article, all of this person's quotes there lit, the chosen one first."""
        from readerapp.ui.opening import Destination, open_at

        row: QuoteRow = event.row
        appearance = row.appearance
        quotes = appearance.quotes
        destination = Destination(
            str(appearance.article.path),
            appearance.article.title,
            f"the quotes of {self.person.name}",
            label=appearance.name or self.person.name,
            sha256=appearance.article.sha256,
            spans=tuple((q.start, q.end) for q in quotes),
            texts=tuple(q.text for q in quotes),
            index=quotes.index(row.quote),
        )
        open_at(self, self.session, destination)

    def action_search(self) -> None:
        to_box(self, self.query_one("#quote-search", Input))
