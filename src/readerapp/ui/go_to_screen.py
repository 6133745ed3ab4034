"""`:` — go to paragraph N: a one-line dialog that takes a number."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from readerapp.ui.dialog import EditorDialog
from readerapp.ui.plain import plain


class GoToScreen(EditorDialog[int | None]):
    """Enter goes to the paragraph typed; Escape stays where the cursor is."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="goto.cancel")]

    def __init__(self, paragraphs: int) -> None:
        super().__init__()
        self.paragraphs = paragraphs

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(f"Go to paragraph (1–{self.paragraphs})", "bold"))
            yield Input(placeholder="number", restrict=r"[0-9]*", id="paragraph")
            yield Static(plain("Enter goes there · Esc cancels", "dim"))

    def focus_editor(self) -> None:
        self.query_one(Input).focus()

    def replay(self, key: events.Key) -> bool:
        field = self.query_one(Input)
        if key.key == "enter":
            self._go(field.value)
            return False
        if key.key == "escape":
            self.action_cancel()
            return False
        if key.character and key.character.isdigit():
            field.insert_text_at_cursor(key.character)
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._go(event.value)

    def _go(self, value: str) -> None:
        self.dismiss(int(value) if value.isdigit() and int(value) > 0 else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
