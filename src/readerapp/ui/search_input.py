"""The search box under the article, mounted on first use of `/`."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchInput(Input):
    """Every keystroke re-highlights the matches; Enter jumps to the next, Escape closes."""

    BINDINGS = [Binding("escape", "close", "Close the search", id="search.close")]

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

    def __init__(self) -> None:
        super().__init__(placeholder="Search the article (Enter: jump, Esc: close)", id="search")

    def open(self) -> None:
        self.display = True
        self.focus()

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed(jump=False))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.Closed(jump=True))
