"""The reader's status line: the last thing that happened, and where the cursor is."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from readerapp.ui.plain import plain


class StatusLine(Static):
    """Says one thing at a time, literally (`text`), with the cursor's place on the right
    (paragraph and percent), so a passage can be cited."""

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
        self.position = ""
        self.way_back = ""  # opened from a list across articles: where Esc goes back to

    def say(self, text: str) -> None:
        self.text = text
        self.refresh()

    def at(self, paragraph: int, paragraphs: int, percent: int) -> None:
        self.position = f"¶ {paragraph}/{paragraphs} · {percent}%"
        self.refresh()

    def render(self) -> Text:
        right = plain(f"{self.way_back} · " if self.way_back else "", "dim")
        right.append(self.position, style="dim")
        room = max(0, self.content_region.width - right.cell_len - 2)
        line = plain(self.text)
        line.truncate(room, overflow="ellipsis")
        line.pad_right(room - line.cell_len + 2)
        line.append_text(right)
        return line
