"""The help screen: the full keymap, generated from the key table, and where notes live."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from readerapp import __version__
from readerapp.ui.keymap import help_groups


def keymap_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True, min_width=12)
    table.add_column()
    for group, keys in help_groups().items():
        table.add_row(Text(group, style="bold underline"), "")
        for key in keys:
            table.add_row(Text(key.display), Text(key.description))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Every key, grouped; Escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]

    def __init__(self, db_path: Path | None = None) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-panel"):
            yield Static(Text(f"readerapp {__version__} — keys", style="bold"), id="help-title")
            yield Static(keymap_table())
            if self.db_path is not None:
                yield Static(Text.assemble(("Notes are saved in ", "dim"), str(self.db_path)))
            yield Static(Text("Esc, q or ? closes this help.", style="dim"))

    def action_scroll(self, direction: str) -> None:
        panel = self.query_one("#help-panel", VerticalScroll)
        if direction == "down":
            panel.scroll_down()
        else:
            panel.scroll_up()
