"""The reader's status line: one sentence about the last thing that happened."""

from __future__ import annotations

from textual.widgets import Static

from readerapp.ui.plain import plain


class StatusLine(Static):
    """Says one thing at a time, literally; `text` is what it says now."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 2;
        color: $text;
        background: $panel;
    }
    """

    def __init__(self) -> None:
        super().__init__("", id="status")
        self.text = ""

    def say(self, text: str) -> None:
        self.text = text
        self.update(plain(text))
