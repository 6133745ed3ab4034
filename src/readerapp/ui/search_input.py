"""The search box under the article, mounted on first use of `/`."""

from __future__ import annotations

from textual.widgets import Input


class SearchInput(Input):
    """Every keystroke re-highlights the matches; Enter jumps, Escape closes."""

    DEFAULT_CSS = """
    SearchInput {
        dock: bottom;
        display: none;
        margin-bottom: 2;
    }
    """

    def __init__(self) -> None:
        super().__init__(placeholder="Search the article (Enter: jump, Esc: close)", id="search")
