"""Waiting for the app in pilot tests: one definition of "the reader is ready"."""

from __future__ import annotations

import asyncio

from readerapp.ui.reader_screen import ReaderScreen
from readerapp.ui.sidebar import Sidebar


async def reader_ready(pilot) -> ReaderScreen:
    """The topmost reader, once its analysis has landed and its notes are loaded.

    The analysis and the notes load in threads after the first frame, and their
    results land on the event loop a moment later: wait for both, not a fixed time.
    """
    app = pilot.app
    for _ in range(500):
        await app.workers.wait_for_complete()
        await pilot.pause()
        readers = [s for s in app.screen_stack if isinstance(s, ReaderScreen)]
        if readers:
            reader = readers[-1]
            analysed = reader.analysis is not None or reader.analysis_failed
            sidebar = reader.query(Sidebar)
            settled = reader.analysis_failed or (bool(sidebar) and sidebar.first().settled)
            if analysed and settled and reader.notebook is not None:
                return reader
        await asyncio.sleep(0.02)
    raise AssertionError("the reader never finished loading its analysis and notes")


async def top_screen(pilot, kind: type, ready=lambda screen: True, *, wait_workers: bool = True):
    """The top screen once it is a `kind` and `ready(screen)` holds (its rows are in)."""
    app = pilot.app
    for _ in range(500):
        if wait_workers:
            await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app.screen, kind) and ready(app.screen):
            return app.screen
        await asyncio.sleep(0.02)
    raise AssertionError(f"{kind.__name__} never got ready; the top screen is {app.screen!r}")
