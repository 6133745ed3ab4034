"""The Textual application: picks the first screen and owns app-wide actions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.theme import Theme
from textual.widget import Widget

from readerapp.core.article import Article
from readerapp.core.safe_text import visible_name
from readerapp.core.settings import load_settings, remember, settings_path
from readerapp.ui.dialog import Dialog
from readerapp.ui.keymap import (
    ACROSS_KEYS,
    APP_KEYS,
    NOTE_KEYS,
    SCREEN_KEYS,
    TARGET_KEYS,
    Key,
    bindings,
)
from readerapp.ui.plain import notify
from readerapp.ui.session import Session

if TYPE_CHECKING:
    from readerapp.core.store import AnnotationStore
    from readerapp.ui.library_people import LibraryPeople


class ReaderApp(App[None]):
    """readerapp: an article (or a library of them) with its analysis and your notes."""

    TITLE = "readerapp"
    CSS_PATH = "app.tcss"
    BINDINGS = bindings(APP_KEYS + ACROSS_KEYS, "app")
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
        self.session = Session(db_path, on_store_problem=self._store_problem)
        self.settings = load_settings()
        self._settings_problem = self.settings.problem
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        elif self.settings.theme:
            unknown = (
                f"The theme {self.settings.theme!r} in {visible_name(settings_path())} is not "
                "one readerapp has; Ctrl+P, then 'theme', lists them."
            )
            self._settings_problem = " ".join(filter(None, (self._settings_problem, unknown)))
        if self.settings.keys:
            self.set_keymap(self.settings.keys)

    @property
    def db_path(self) -> Path:
        return self.session.db_path

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._settings_problem:
            notify(self, self._settings_problem, title="Settings", severity="warning", timeout=15)

    def _remember_theme(self, theme: Theme) -> None:
        """A theme chosen in the app is the theme next time (written off the event loop)."""
        if theme.name == self.settings.theme:
            return
        self.settings = replace(self.settings, theme=theme.name)

        def write() -> None:
            try:
                remember("theme", theme.name)
            except OSError as err:
                problem = f"The theme could not be remembered ({err})."
                self.call_from_thread(notify, self, problem, severity="warning")

        self.run_worker(write, thread=True, group="settings")

    def _store_problem(self, store: AnnotationStore) -> None:
        """From the worker that opened the store: ask on the event loop."""
        self.call_from_thread(self._ask_about_store, store)

    def _ask_about_store(self, store: AnnotationStore) -> None:
        from readerapp.ui.confirm_screen import ConfirmScreen

        if store.error is None:  # a database we may read but not write: say why, once
            reason = store.read_only_reason or "The notes file is read-only."
            notify(self, reason, title="Notes are read-only", severity="warning", timeout=20)
            return
        problem = str(store.error)
        if not store.error.recoverable:
            notify(self, f"{problem} Notes are read-only.", severity="error", timeout=20)
            return

        def answered(move: bool | None) -> None:
            if move:
                backup = store.move_aside()
                notify(
                    self,
                    f"Moved the old file to {visible_name(backup)}; new notes are saved again.",
                    timeout=15,
                )
            else:
                notify(
                    self,
                    "Notes are read-only this session; the file was left untouched.",
                    severity="warning",
                    timeout=15,
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

    async def action_quit(self) -> None:
        """Every way out (q, Ctrl+Q, the palette) asks before typed text is lost."""
        if any(isinstance(screen, Dialog) and screen.unsaved for screen in self.screen_stack):
            from readerapp.ui.confirm_screen import ConfirmScreen

            def answered(quit_anyway: bool | None) -> None:
                if quit_anyway:
                    self.session.close()
                    self.exit()

            self.push_screen(
                ConfirmScreen(
                    "You are writing something you have not saved. Quit and lose it?",
                    "Quit",
                    "Keep writing",
                ),
                answered,
            )
            return
        self.session.close()
        self.exit()

    def on_unmount(self) -> None:
        self.session.close()

    def get_default_screen(self) -> Screen[None]:
        """The reader (or the library) is the first screen: no blank screen painted before it."""
        if self.library is not None:
            from readerapp.ui.library_screen import LibraryScreen

            return LibraryScreen(self.library, self.session)
        from readerapp.ui.reader_screen import ReaderScreen

        assert self.article is not None
        return ReaderScreen(self.article, self.session)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """The palette's Screenshot: saved where the user finds it, or why it was not."""
        from readerapp.ui.screenshot import ScreenshotError, save_screenshot

        folders = [Path(path).expanduser()] if path else None
        try:
            saved = save_screenshot(self.export_screenshot(), folders=folders)
        except ScreenshotError as err:
            notify(self, str(err), title="Screenshot", severity="error", timeout=15)
            return None
        notify(self, f"Saved the screenshot to {visible_name(saved)}", title="Screenshot")
        return str(saved)

    def action_help(self) -> None:
        from readerapp.ui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(
                HelpScreen(self.db_path, keymap=self.settings.keys, settings=settings_path())
            )

    # -- across articles: Notes, People, Allegations ---------------------------------------

    def action_show_notes(self) -> None:
        from readerapp.ui.notes_screen import NotesScreen

        self._show_across(NotesScreen, lambda: NotesScreen(self.session))

    def action_show_people(self) -> None:
        from readerapp.ui.people_screen import PeopleScreen

        self._show_across(PeopleScreen, lambda: PeopleScreen(self._library_people(), self.session))

    def action_show_allegations(self) -> None:
        from readerapp.ui.allegations_screen import AllegationsScreen

        self._show_across(
            AllegationsScreen, lambda: AllegationsScreen(self._library_people(), self.session)
        )

    def _show_across(self, kind: type[Screen[None]], make: Callable[[], Screen[None]]) -> None:
        """The screen on top; when one of its kind is already open under others (the
        article opened from it), back to that one rather than another on top."""
        stack = self.screen_stack
        for depth, screen in enumerate(reversed(stack)):
            if isinstance(screen, kind):
                for _ in range(depth):
                    self.pop_screen()
                return
        self.push_screen(make())

    def _library_people(self) -> LibraryPeople:
        """The people of the open library (or of the database's articles), indexed once a
        session and shared by the People and Allegations screens."""
        from readerapp.ui.library_people import LibraryPeople
        from readerapp.ui.reader_screen import ReaderScreen

        if self.session.library_people is None:
            opened = [
                s.article.path
                for s in self.screen_stack
                if isinstance(s, ReaderScreen) and s.article.path is not None
            ]
            self.session.library_people = LibraryPeople(
                self.db_path, self.session.store, self.library, opened
            )
        return self.session.library_people

    def _correction_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every correction of the analysis, named with its item, so it can be typed."""
        from readerapp.ui.reader_screen import ReaderScreen

        if not isinstance(screen, ReaderScreen):
            return
        pane = screen.pane
        selection = pane.selection_span if pane.has_selection else None
        for command in screen.correcting.available(selection):
            yield SystemCommand(
                command.label,
                "Correct the analysis (u undoes)",
                lambda c=command: screen.correcting.run(c, selection),
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette lists readerapp's own actions beside Textual's.

        Annotation keys act on what the focused widget holds (the selection, or the
        sidebar's row), so their commands run on that widget.
        """
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys", "Show every key readerapp answers to", self.action_help)
        for name, key in zip(("Notes", "People", "Allegations"), ACROSS_KEYS, strict=True):
            action = getattr(self, f"action_{key.action}")
            yield SystemCommand(name, f"{key.description} (key: {key.display})", action)
        yield from self._correction_commands(screen)
        focused = screen.focused
        own: tuple[Key, ...] = getattr(screen, "KEYS", ())  # a screen across articles
        for key in SCREEN_KEYS + NOTE_KEYS + TARGET_KEYS + own:
            if key.action.startswith("focus_") or not key.in_help:
                continue
            owner: Screen[object] | Widget = screen
            if key in TARGET_KEYS:
                if focused is None or not focused.check_action("annotate", ()):
                    continue
                owner = focused
            name = key.action.partition("(")[0]
            if owner.check_action(name, ()) is not False and hasattr(owner, f"action_{name}"):
                yield SystemCommand(
                    key.description,
                    f"{key.description} (key: {key.display})",
                    lambda action=key.action, owner=owner: owner.run_action(action),
                )
