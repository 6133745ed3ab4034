"""How far the index of a library is, on the People and Allegations screens, and what it skipped.

`IndexFeed` runs `LibraryPeople.run` in a worker while its screen is the one
shown, and stops it when another screen covers it (the article opened from a
row, say), so the reader is never slowed by an index nobody is looking at; back
on the screen it runs again, quickly, from the cache. What it finds reaches the
screen on the event loop.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import ProgressBar, Static

from readerapp.ui.plain import name, plain

if TYPE_CHECKING:
    from textual.screen import Screen

    from readerapp.ui.library_people import LibraryPeople, PeopleView

#: Skipped files named on screen (the rest counted).
SKIPPED_SHOWN = 20
#: An index over before this shows no bar (a warm cache: a bar would only flicker).
QUIET_SECONDS = 0.25


class IndexProgress(Vertical):
    """A progress bar while articles are indexed, then the files skipped and why."""

    DEFAULT_CSS = """
    IndexProgress {
        height: auto;
        background: $panel;
        padding: 0 1;
    }
    IndexProgress #index-bar {
        height: 1;
        display: none;  /* until an index takes long enough to be watched */
    }
    IndexProgress ProgressBar {
        width: auto;
        margin-right: 2;
    }
    IndexProgress #index-words {
        width: 1fr;
    }
    IndexProgress #index-skipped {
        height: auto;
        max-height: 4;
        overflow-y: auto;
        display: none;
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="index-bar"):
            # A total from the start: without one the bar animates at every frame.
            yield ProgressBar(total=1, show_eta=False, id="index-progress")
            yield Static(Text("finding the articles…", "italic"), id="index-words")
        yield Static(id="index-skipped")

    def progress(self, done: int, total: int) -> None:
        self.query_one("#index-bar").display = True
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        words = f"indexing the articles: {done:,} of {total:,} (the lists fill as they come)"
        self.query_one("#index-words", Static).update(Text(words, "italic"))

    def view(self, view: PeopleView) -> None:
        if view.complete:
            self.query_one("#index-bar").display = False
        skipped = self.query_one("#index-skipped", Static)
        skipped.display = bool(view.skipped)
        if view.skipped:
            lines = Text(
                f"Skipped {len(view.skipped)} files that are no readable article:", style="yellow"
            )
            for item in view.skipped[:SKIPPED_SHOWN]:
                lines.append("\n  ")
                lines.append_text(name(item.path.name, "bold"))
                lines.append_text(plain(f": {item.reason}", "dim"))
            if len(view.skipped) > SKIPPED_SHOWN:
                lines.append(f"\n  … and {len(view.skipped) - SKIPPED_SHOWN} more", style="dim")
            skipped.update(lines)


class IndexFeed:
    """One screen's use of the library's people: run while shown, stopped when covered."""

    def __init__(
        self,
        screen: Screen[None],
        people: LibraryPeople,
        on_view: Callable[[PeopleView], None],
    ) -> None:
        self.screen = screen
        self.people = people
        self.on_view = on_view
        self._stop = threading.Event()
        self._started = 0.0
        self._last: tuple[int, int] | None = None  # the progress last told, while running

    def start(self) -> None:
        """Show the last complete view at once (if any), and index again for changes."""
        if self.people.latest is not None:
            self.on_view(self.people.latest)
        self._stop.set()
        self._stop = stop = threading.Event()
        self._started = time.monotonic()
        self._last = None
        self.screen.set_timer(QUIET_SECONDS, self._quiet_over)
        self.screen.run_worker(
            lambda: self.people.run(self._view, self._progress, stop.is_set),
            thread=True,
            exclusive=True,
            group="index",
        )

    def stop(self) -> None:
        self._stop.set()

    def _view(self, view: PeopleView) -> None:
        if view.complete:
            self._last = None
        self.screen.app.call_from_thread(self._on_loop, self.on_view, view)

    def _progress(self, done: int, total: int) -> None:
        self.screen.app.call_from_thread(self._on_loop, self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        self._last = (done, total) if done < total else None
        if self._last and time.monotonic() - self._started >= QUIET_SECONDS:
            self.screen.query_one(IndexProgress).progress(done, total)

    def _quiet_over(self) -> None:
        """Still indexing after the quiet time: the bar shows how far it is."""
        if self._last is not None and self.screen.is_attached and not self._stop.is_set():
            self.screen.query_one(IndexProgress).progress(*self._last)

    def _on_loop(self, then: Callable[..., None], *args: object) -> None:
        if self.screen.is_attached and not self._stop.is_set():
            then(*args)
