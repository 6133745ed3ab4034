"""What the screens across articles (Notes, People, a person's quotes, Allegations) share:
their look, and what Escape does (from a box back to the list, from the list back)."""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

ACROSS_CSS = """
#across-title, #across-columns, #across-status {
    height: 1;
    padding: 0 1;
    background: $panel;
}
#across-filters {
    height: auto;
}
#across-filters Input {
    width: 1fr;
}
#across-detail {
    height: 9;
}
"""


def back(screen: Screen[None], row_list: Widget) -> None:
    """Escape: from a box, back to the list (what it filters stays); from the list, back
    to the screen before."""
    if isinstance(screen.focused, Input):
        row_list.focus()
    else:
        screen.app.pop_screen()
