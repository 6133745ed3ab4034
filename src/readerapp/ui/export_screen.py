"""Choose an export format for the current article's notes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from readerapp.core.exchange.formats import FORMATS
from readerapp.ui.dialog import Dialog


class ExportScreen(Dialog[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Export this article's notes", style="bold"))
            yield OptionList(*(Option(Text(fmt.label), id=fmt.name) for fmt in FORMATS))
            yield Static(
                Text("Enter writes the file into the current folder · Esc cancels", style="dim")
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
