"""Make the README's screenshots from the real app: `python screenshots/make_screenshots.py`.

Drives ReaderApp with Textual's pilot at 120×40 on the bundled sample (and the
test corpus as a library) and saves SVGs beside this script. Notes go to a
throwaway database, never to the user's own.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from pathlib import Path

from readerapp.core.article import load_article
from readerapp.core.locations import bundled_article
from readerapp.ui.app import ReaderApp
from readerapp.ui.reader_screen import ReaderScreen
from readerapp.ui.reading_pane import ReadingPane
from readerapp.ui.sidebar import Sidebar

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LIBRARY = Path("tests") / "analysis_corpus"  # relative: the screen shows no checkout path
SIZE = (120, 40)


async def settle(app: ReaderApp, pilot) -> None:
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if not isinstance(screen, ReaderScreen) or (
            screen.notebook is not None and screen.analysis is not None
        ):
            return


async def reader_shots(db: Path) -> None:
    app = ReaderApp(load_article(bundled_article()), db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.save_screenshot("main.svg", str(HERE))
        screen = app.screen
        sidebar = screen.query_one(Sidebar)
        sidebar.focus()
        speakers = [n for n in sidebar.speakers_node.children if n.data is not None]
        sidebar.move_cursor(speakers[2] if len(speakers) > 2 else speakers[0])
        await pilot.press("enter")
        await pilot.pause()
        app.save_screenshot("speaker.svg", str(HERE))
        await pilot.press("escape")
        screen.query_one(ReadingPane).focus()  # back to the article (Tab passes the detail pane)
        await pilot.pause()
        await pilot.press("g", "s", "h", "right_curly_bracket", "right_parenthesis", "s", "3")
        await pilot.press("t", *"needs source", "enter")
        await pilot.press(
            "right_curly_bracket",
            "right_curly_bracket",
            "s",
            "a",
            *"Who collected this evidence? Ask the reporter.",
            "ctrl+s",
        )
        await pilot.press("right_curly_bracket", "s", "4")
        await pilot.pause()
        app.save_screenshot("annotations.svg", str(HERE))
        await pilot.press("question_mark")
        await pilot.pause()
        app.save_screenshot("help.svg", str(HERE))


async def library_shot(db: Path) -> None:
    app = ReaderApp(library=LIBRARY, db_path=db)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot("library.svg", str(HERE))


async def main() -> None:
    os.chdir(REPO)
    # A fixed path, since the help screen shows it: the same command makes the same SVGs.
    folder = Path(tempfile.gettempdir()) / "readerapp-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        db = folder / "notes.json"
        await reader_shots(db)
        await library_shot(db)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("wrote", ", ".join(sorted(p.name for p in HERE.glob("*.svg"))))


if __name__ == "__main__":
    asyncio.run(main())
