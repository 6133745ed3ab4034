"""Export this article's notes: choose the format, then the file (a sensible default).

The default is `<article>.notes.<suffix>` in the user's documents folder (else the
home folder), never the current folder a terminal happens to be in (a git clone
would collect untracked files); it is editable, and an existing file is replaced
only after asking.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from readerapp.core.article import Article
from readerapp.core.exchange.formats import FORMATS
from readerapp.core.exchange.output import default_export_path
from readerapp.core.locations import export_folder
from readerapp.ui.dialog import Dialog
from readerapp.ui.plain import plain

ExportChoice = tuple[str, Path]  # the format's name and the file to write


class ExportScreen(Dialog[ExportChoice | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.folder = export_folder()
        self.fmt = FORMATS[0].name
        self._offered = str(self.default_path())  # what the field held before any typing

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain("Export this article's notes", "bold"))
            yield OptionList(*(Option(plain(fmt.label), id=fmt.name) for fmt in FORMATS))
            yield Static(plain("File:", "dim"))
            yield Input(self._offered, id="export-path")
            yield Static(plain("Enter on a format, then Enter to write · Esc cancels", "dim"))

    def default_path(self) -> Path:
        return default_export_path(self.article, self.fmt, self.folder)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.fmt = event.option.id
            field = self.query_one(Input)
            if field.value == self._offered:  # not edited: follow the format
                self._offered = field.value = str(self.default_path())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip():
            return
        if not path.exists():
            self.dismiss((self.fmt, path))
            return
        from readerapp.ui.confirm_screen import ConfirmScreen

        def answered(replace: bool | None) -> None:
            if replace:
                self.dismiss((self.fmt, path))

        self.app.push_screen(
            ConfirmScreen(f"{path} exists. Replace it?", "Replace", "Choose another name"),
            answered,
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
