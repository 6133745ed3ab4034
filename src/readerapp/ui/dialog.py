"""The look every small modal shares (confirm, tag, note, export): a centred, bordered box.

Its CSS lives here, not in app.tcss, so it is parsed the first time a dialog
opens rather than before the reader's first frame.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events
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


class EditorDialog(Dialog[ResultType]):
    """A dialog with one text editor, which loses no key typed before the editor is up.

    A key that opens the dialog and the keys typed right after it (a paste, a fast
    burst through tmux) arrive together. Until the editor has the focus, Textual hands
    them to the dialog itself, which would drop them, or act on a Ctrl+S before the
    text it should save. They are kept, and replayed into the editor, in order, once
    it is up. (The keys that open a dialog are priority bindings of the widget, so they
    act as they arrive: see `keymap.bindings`.)
    """

    AUTO_FOCUS = None

    def __init__(self) -> None:
        super().__init__()
        self._early_keys: list[events.Key] = []
        self._editor_ready = False

    def on_mount(self) -> None:
        self.call_later(self._open_editor)  # after the keys queued behind the mount

    def on_key(self, event: events.Key) -> None:
        if not self._editor_ready:
            event.stop()
            event.prevent_default()
            self._early_keys.append(event)

    def _open_editor(self) -> None:
        self.focus_editor()
        self._editor_ready = True
        early, self._early_keys = self._early_keys, []
        for key in early:
            if not self.replay(key):
                break

    def focus_editor(self) -> None:
        """Give the editor the focus (and put its cursor where typing goes)."""
        raise NotImplementedError

    def replay(self, key: events.Key) -> bool:
        """Apply one early key; False when it closed the dialog (nothing more to replay)."""
        raise NotImplementedError
