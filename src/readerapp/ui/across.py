"""What the screens across articles (Notes, People, a person's quotes, Allegations) share:
their look, what Escape does (from a box back to the list, from the list back), and keys
that move to a box without losing what is typed right after them.

`/` and `f` are priority bindings of these screens, so they act as the key arrives and
the keys typed after them (`f`, then `FOI` in one burst) reach the box; a key bound
otherwise acts only once it has bubbled up from the list, when the keys behind it have
been handed to the list already. While a box has the focus they are its letters.
"""

from __future__ import annotations

from textual.actions import SkipAction
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


def to_box(screen: Screen[None], box: Input) -> None:
    """Focus `box` now, so the next keys go to it; in a box already, the key is typed."""
    if isinstance(screen.focused, Input):
        raise SkipAction()
    screen.set_focus(box)


def back(screen: Screen[None], row_list: Widget) -> None:
    """Escape: from a box, back to the list (what it filters stays); from the list, back
    to the screen before."""
    if isinstance(screen.focused, Input):
        screen.set_focus(row_list)
    else:
        screen.app.pop_screen()
