"""The look every small modal shares (confirm, tag, note, export): a centred, bordered box.

Its CSS lives here, not in app.tcss, so it is parsed the first time a dialog
opens rather than before the reader's first frame.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A modal whose content sits in a `.dialog` box, with its buttons in `.buttons`."""

    @property
    def unsaved(self) -> bool:
        """Whether closing this dialog now would lose text the user typed (quit asks first)."""
        return False

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    .dialog {
        width: 72;
        max-width: 100%;
        height: auto;
        border: round $accent;
        padding: 1 2;
        background: $surface;
    }
    .buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    .buttons Button {
        margin-left: 2;
    }
    """
