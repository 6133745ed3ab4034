"""The detail pane: the whole of whatever the cursor is on, where a list row shows only its start.

A row in the sidebar or a list is one line, cut to fit; the pane under it shows
the note and its tags in full, an allegation's accuser → accused, claim and
evidence, a speaker's roles, aliases and every quote (`ui.details` writes them).
It scrolls (j/k when it has the focus) when that is longer than the pane.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from readerapp.ui.keymap import DETAIL_KEYS, bindings


class DetailPane(VerticalScroll):
    """Shows one Text (built from plain strings), from the top."""

    BINDINGS = bindings(DETAIL_KEYS, "detail")

    DEFAULT_CSS = """
    DetailPane {
        height: 10;
        border-top: hkey $primary-darken-2;
        background: $panel;
        padding: 0 1;
    }
    DetailPane:focus {
        border-top: hkey $accent;
    }
    DetailPane > Static {
        width: 100%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)

    def show(self, text: Text) -> None:
        if text == self.text:
            return
        self.text = text
        if self.is_mounted:
            self.query_one(Static).update(text)
            self.scroll_home(animate=False)

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)
