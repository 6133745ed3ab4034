"""The Textual application: picks the first screen and owns app-wide actions."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen

from readerapp.core.article import Article
from readerapp.ui.keymap import APP_KEYS, NOTE_KEYS, SCREEN_KEYS, bindings

if TYPE_CHECKING:
    from readerapp.core.notebook import Notebook
    from readerapp.core.store import AnnotationStore


class ReaderApp(App[None]):
    """readerapp: an article (or a library of them) with its analysis and your notes."""

    TITLE = "readerapp"
    CSS_PATH = "app.tcss"
    BINDINGS = bindings(APP_KEYS, "app")
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        article: Article | None = None,
        *,
        library: Path | None = None,
        db_path: Path | None = None,
    ) -> None:
        super().__init__()
        if article is None and library is None:
            raise ValueError("ReaderApp needs an article or a library folder")
        self.article = article
        self.library = library
        if db_path is None:
            from readerapp.core.locations import database_path

            db_path = database_path()
        self.db_path = db_path
        self.notebooks: list[Notebook] = []
        self._store: AnnotationStore | None = None
        self._store_lock = threading.Lock()

    def annotation_store(self) -> AnnotationStore:
        """The notes database, opened once, from whichever worker needs it first.

        A file that is not a usable database opens read-only and the user is asked
        whether to move it aside; it is never overwritten.
        """
        with self._store_lock:
            if self._store is None:
                from readerapp.core.store import open_store

                self._store = open_store(self.db_path)
                if self._store.error is not None:
                    self.call_from_thread(self._ask_about_store, self._store)
            return self._store

    def _ask_about_store(self, store: AnnotationStore) -> None:
        from readerapp.ui.confirm_screen import ConfirmScreen

        problem = str(store.error)
        if store.error is None or not store.error.recoverable:
            self.notify(
                f"{problem} Notes are read-only.", severity="error", timeout=20, markup=False
            )
            return

        def answered(move: bool | None) -> None:
            if move:
                backup = store.move_aside()
                self.notify(
                    f"Moved the old file to {backup}; new notes are saved again.",
                    timeout=15,
                    markup=False,
                )
            else:
                self.notify(
                    "Notes are read-only this session; the file was left untouched.",
                    severity="warning",
                    timeout=15,
                    markup=False,
                )

        self.push_screen(
            ConfirmScreen(
                f"{problem}\n\nMove it aside to a timestamped backup and start a new notes "
                "file? (No: keep it and read-only)",
                "Move aside",
                "Read-only",
            ),
            answered,
        )

    def close_notebooks(self) -> None:
        """Wait for every queued save, so quitting loses nothing."""
        for notebook in self.notebooks:
            notebook.close()

    async def action_quit(self) -> None:
        self.close_notebooks()
        self.exit()

    def on_unmount(self) -> None:
        self.close_notebooks()

    def get_default_screen(self) -> Screen:
        """The reader (or the library) is the first screen: no blank screen painted before it."""
        if self.library is not None:
            from readerapp.ui.library_screen import LibraryScreen

            return LibraryScreen(self.library)
        from readerapp.ui.reader_screen import ReaderScreen

        assert self.article is not None
        return ReaderScreen(self.article)

    def action_help(self) -> None:
        from readerapp.ui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.db_path))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists readerapp's own actions beside Textual's."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys", "Show every key readerapp answers to", self.action_help)
        for key in SCREEN_KEYS + NOTE_KEYS:
            if key.action.startswith(("focus_", "colour")):
                continue
            if screen.check_action(key.action, ()) is not False and hasattr(
                screen, f"action_{key.action}"
            ):
                yield SystemCommand(
                    key.description,
                    f"{key.description} (key: {key.display})",
                    lambda action=key.action: screen.run_action(action),
                )
