"""The help screen: the full keymap, generated from the key table, and where notes live."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from readerapp import __version__
from readerapp.ui.keymap import HelpRow, help_groups
from readerapp.ui.plain import name, plain


def group_table(groups: list[tuple[str, list[HelpRow]]], *, ids: bool) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True, min_width=10)
    table.add_column()
    for group, rows in groups:
        table.add_row(Text(group, style="bold underline"), "")
        for row in rows:
            what = Text(row.key.description)
            if ids:
                what.append(f"  {row.binding_id}", style="dim")
            table.add_row(plain(row.display), what)
        table.add_row("", "")
    return table


HELP_COLUMNS = (
    ("Reading", "Selecting", "Finding", "Library"),
    ("Annotating", "Correcting", "Sidebar", "Panes", "App"),
)


def keymap_table(keymap: Mapping[str, str] | None = None, *, ids: bool = False) -> Table:
    """Every key group, in two columns that fit a 40-row terminal; the keys as remapped."""
    groups = help_groups(keymap)
    layout = Table.grid(padding=(0, 4))
    layout.add_row(
        *(
            group_table([(name, groups[name]) for name in column if name in groups], ids=ids)
            for column in HELP_COLUMNS
        )
    )
    return layout


class HelpScreen(ModalScreen[None]):
    """Every key, grouped; Escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("i", "toggle_ids", "Show the ids keys are remapped by", id="help.ids"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    #help-panel {
        width: 112;
        max-width: 100%;
        max-height: 90%;
        height: auto;
        border: round $accent;
        padding: 0 2;
        background: $surface;
    }
    #help-title {
        margin-bottom: 1;
    }
    """

    def __init__(
        self,
        db_path: Path | None = None,
        *,
        keymap: Mapping[str, str] | None = None,
        settings: Path | None = None,
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.keymap = keymap or {}
        self.settings = settings
        self.ids = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-panel"):
            title = Text.assemble(
                (f"readerapp {__version__} — keys", "bold"),
                ("   Esc, q or ? closes this help", "dim"),
            )
            if self.db_path is not None:
                title.append("\nNotes are saved in ", style="dim")
                title.append_text(name(self.db_path, "dim"))
            if self.settings is not None:
                title.append("\nSettings, and keys remapped by id: ", style="dim")
                title.append_text(name(self.settings, "dim"))
                title.append("   i shows the ids", style="dim")
            yield Static(title, id="help-title")
            yield Static(keymap_table(self.keymap), id="help-keys")

    def action_toggle_ids(self) -> None:
        self.ids = not self.ids
        self.query_one("#help-keys", Static).update(keymap_table(self.keymap, ids=self.ids))

    def action_scroll(self, direction: str) -> None:
        panel = self.query_one("#help-panel", VerticalScroll)
        if direction == "down":
            panel.scroll_down()
        else:
            panel.scroll_up()
