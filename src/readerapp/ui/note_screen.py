"""The note editor: multi-line; Ctrl+S saves, Escape cancels (asking before text is lost)."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from readerapp.core.safe_text import clean_text, shown
from readerapp.ui.confirm_screen import ConfirmScreen
from readerapp.ui.dialog import EditorDialog
from readerapp.ui.plain import notify, plain


class NoteScreen(EditorDialog[str | None]):
    # Not priority bindings: those act the moment the key arrives, before keys typed
    # just ahead of it (a paste, a fast burst) have reached the editor, and lose them.
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    DEFAULT_CSS = """
    NoteScreen .dialog {
        height: 20;
    }
    NoteScreen TextArea {
        height: 1fr;
    }
    """

    def __init__(self, note: str, what: str) -> None:
        super().__init__()
        self.original = note
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(f"Note on {self.what}", "bold"), id="note-title")
            yield TextArea(shown(self.original), soft_wrap=True, show_line_numbers=False, id="note")
            yield Static(Text("Ctrl+S saves · Esc cancels", style="dim"))

    def focus_editor(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def replay(self, key: events.Key) -> bool:
        editor = self.query_one(TextArea)
        if key.key == "ctrl+s":
            self.action_save()
            return False
        if key.key == "escape":
            self.action_cancel()
            return False
        if key.key == "enter":
            editor.insert("\n")
        elif key.key == "backspace":
            editor.action_delete_left()
        elif key.is_printable and key.character:
            editor.insert(key.character)
        return True

    @property
    def text(self) -> str:
        return clean_text(self.query_one(TextArea).text).strip()

    @property
    def unsaved(self) -> bool:
        return self.text != self.original.strip()

    def action_save(self) -> None:
        """Save, unless the note is over the size every note is held to (say so, keep it)."""
        from readerapp.core import limits

        problem = limits.NOTE.problem(self.text)
        if problem is not None:
            notify(self, f"This note is {problem}; shorten it to save it.", severity="error")
            return
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        if not self.unsaved:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard the changes to this note?", "Discard", "Keep editing"),
            answered,
        )
