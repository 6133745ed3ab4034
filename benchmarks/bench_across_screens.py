"""The screens across articles on the library of `bench_library` (1,000 articles, 10,000
notes), cache warm, in a headless app: what the screens add to the core's work.

- the Notes screen, from the key T to its list of 10,000 rows on screen (0.5 s);
- the People screen, from the key P to the persons of all 1,000 articles listed, the
  session's index dropped first so the whole index is read again (0.5 s);
- one keystroke in the Notes search: the filter, the list's rows replaced, and one
  screen of rows drawn, as the event loop does it (50 ms).

Each figure is paired with the reference workload timed just before it (see
`paired_timing`). A figure runs from the key's event to the moment the list holds
its rows (the next frame paints them), with the event loop running throughout.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from paired_timing import ratio_row, reference_now
from reference import workload
from textual import events

from readerapp.ui.app import ReaderApp
from readerapp.ui.library_screen import LibraryScreen
from readerapp.ui.notes_screen import NotesScreen
from readerapp.ui.people_screen import PeopleScreen


async def _until(ready: Callable[[], bool], limit: float = 120.0) -> None:
    """Poll, a few milliseconds apart, without waiting for the app to be idle: a pilot's
    `press` waits until the loop is idle, which a busy worker delays past the moment
    the list is on screen."""
    deadline = time.perf_counter() + limit
    while not ready():
        if time.perf_counter() > deadline:
            raise AssertionError("the screen never got ready")
        await asyncio.sleep(0.005)


def _key(app: ReaderApp, key: str) -> None:
    """The key as the terminal sends it, handled when the loop gets to it."""
    app.post_message(events.Key(key, key))


async def _paired(runs: int, work: Callable[[], Awaitable[float]]) -> tuple[float, float, float]:
    workload()
    figures, references, ratios = [], [], []
    for _ in range(runs):
        base = reference_now()
        figure = await work()
        figures.append(figure)
        references.append(base)
        ratios.append(figure / base)
    return statistics.median(figures), statistics.median(references), statistics.median(ratios)


async def _measure(folder: Path, db: Path, runs: int, notes: int) -> list[dict]:
    app = ReaderApp(library=folder, db_path=db)
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(lambda: isinstance(app.screen, LibraryScreen) and bool(app.screen.entries))
        await app.workers.wait_for_complete()

        async def back() -> None:
            await app.workers.wait_for_complete()
            await pilot.press("escape")
            await app.workers.wait_for_complete()

        async def notes_screen() -> float:
            start = time.perf_counter()
            _key(app, "T")
            await _until(
                lambda: (
                    isinstance(app.screen, NotesScreen) and len(app.screen.row_list.rows) == notes
                )
            )
            figure = time.perf_counter() - start
            await back()
            return figure

        async def people_screen() -> float:
            app.session.library_people = None  # the whole index read again, not the last view
            start = time.perf_counter()
            _key(app, "P")
            await _until(
                lambda: (
                    isinstance(app.screen, PeopleScreen)
                    and app.screen.view is not None
                    and app.screen.view.complete
                    and len(app.screen.row_list.rows) > 0
                )
            )
            figure = time.perf_counter() - start
            await back()
            return figure

        shown_notes = await _paired(runs, notes_screen)
        shown_people = await _paired(runs, people_screen)

        await pilot.press("T")
        await _until(lambda: isinstance(app.screen, NotesScreen) and app.screen.loaded)
        screen = app.screen
        search = screen.query_one("#note-search")
        row_list = screen.row_list
        queries = ["against the foi", "against the fo", "against the f", "against the"]

        async def keystroke() -> float:
            search.value = queries[0]
            queries.append(queries.pop(0))
            start = time.perf_counter()
            screen.refilter()
            for y in range(row_list.size.height):
                row_list.render_line(y)
            return time.perf_counter() - start

        one_key = await _paired(max(runs, 5), keystroke)
    return [
        ratio_row(f"Notes screen ({notes:,}), key to list, cache warm", shown_notes, 0.5),
        ratio_row("People screen (1,000 articles), key to list, cache warm", shown_people, 0.5),
        ratio_row(f"Notes screen search, one keystroke ({notes:,}), list redrawn", one_key, 0.05),
    ]


def run(folder: Path, db: Path, runs: int, notes: int) -> list[dict]:
    return asyncio.run(_measure(folder, db, runs, notes))
