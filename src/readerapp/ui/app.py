"""The Textual application: picks the first screen and owns app-wide actions."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from readerapp.core.article import Article
from readerapp.ui.keymap import APP_KEYS, SCREEN_KEYS, bindings


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
        self.db_path = db_path

    def on_mount(self) -> None:
        if self.library is not None:
            from readerapp.ui.library_screen import LibraryScreen

            self.push_screen(LibraryScreen(self.library))
        else:
            from readerapp.ui.reader_screen import ReaderScreen

            assert self.article is not None
            self.push_screen(ReaderScreen(self.article))

    def action_help(self) -> None:
        from readerapp.ui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.db_path))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists readerapp's own actions beside Textual's."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys", "Show every key readerapp answers to", self.action_help)
        for key in SCREEN_KEYS:
            if key.action.startswith("focus_"):
                continue
            if screen.check_action(key.action, ()) is not False and hasattr(
                screen, f"action_{key.action}"
            ):
                yield SystemCommand(
                    key.description,
                    f"{key.description} (key: {key.display})",
                    lambda action=key.action: screen.run_action(action),
                )
