"""The search box under the article, mounted on first use of `/`."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchInput(Input):
    """Every keystroke re-highlights the matches; Enter jumps to the next, Escape closes;
    ↑ and ↓ go back through the searches made before (this session's, newest first)."""

    BINDINGS = [
        Binding("escape", "close", "Close the search", id="search.close"),
        Binding("up", "history(-1)", "Earlier search", show=False, id="search.earlier"),
        Binding("down", "history(1)", "Later search", show=False, id="search.later"),
    ]

    DEFAULT_CSS = """
    SearchInput {
        dock: bottom;
        display: none;
        margin-bottom: 2;
    }
    """

    @dataclass
    class Closed(Message):
        """The box closed: with Enter (`jump`: go to the next match) or Escape."""

        jump: bool

    def __init__(self, history: list[str]) -> None:
        super().__init__(
            placeholder="Search the article (Enter: jump, ↑: earlier searches, Esc: close)",
            id="search",
        )
        self.history = history  # shared with the session: every reader's searches
        self._place = len(history)

    def open(self) -> None:
        self.display = True
        self._place = len(self.history)
        self.focus()

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        self._place = max(0, min(self._place + step, len(self.history)))
        self.value = self.history[self._place] if self._place < len(self.history) else ""
        self.cursor_position = len(self.value)

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed(jump=False))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        query = event.value.strip()
        if query:
            if query in self.history:
                self.history.remove(query)
            self.history.append(query)
        self.display = False
        self.post_message(self.Closed(jump=True))
