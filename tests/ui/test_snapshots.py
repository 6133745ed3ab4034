"""Screens that cannot regress silently: SVG snapshots at 120×40 (pytest-textual-snapshot).

Textual is pinned in the test extras because snapshots change between Textual
versions. Update after an intended change with `pytest tests/ui/test_snapshots.py
--snapshot-update`, then look at the report. Nothing shown may depend on where
the repository is checked out, so paths on screen are relative or fixed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from library_stories import annotation_on, write_library
from pilots import reader_ready, top_screen
from readerapp.core.article import load_article
from readerapp.core.notebook import Notebook
from readerapp.core.store import AnnotationStore
from readerapp.ui.app import ReaderApp
from readerapp.ui.library_screen import LibraryScreen
from readerapp.ui.notes_screen import NotesScreen
from readerapp.ui.people_screen import PeopleScreen
from readerapp.ui.reader_screen import ReaderScreen
from readerapp.ui.sidebar import Sidebar
from stories import BRIDGE

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"
SIZE = (120, 40)
HELP_DB = Path(tempfile.gettempdir()) / "readerapp-snapshots" / "notes.json"  # shown in the help
ACROSS = Path(tempfile.gettempdir()) / "readerapp-snapshots-across"  # paths shown in details


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "notes.json"


async def settle(pilot) -> None:
    """Wait for the analysis, the notes and the Notes list to be complete; freeze blinking."""
    app = pilot.app
    for _ in range(40):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app.screen, LibraryScreen):
            if app.screen.entries:
                await pilot.pause()
                break
            continue
        if any(isinstance(s, ReaderScreen) for s in app.screen_stack):
            await reader_ready(pilot)
        break
    for _ in range(3):  # the tree's cursor moves after a refresh; let it land
        await pilot.pause()
    for widget in app.screen.query("Input, TextArea"):
        widget.cursor_blink = False


def reader(db: Path, path: Path = SAMPLE) -> ReaderApp:
    return ReaderApp(load_article(path), db_path=db)


def test_main_screen(snap_compare, db):
    assert snap_compare(reader(db), terminal_size=SIZE, run_before=settle)


def choose_in_sidebar(section: str, index: int):
    async def run_before(pilot) -> None:
        await settle(pilot)
        sidebar = pilot.app.screen.query_one(Sidebar)
        node = getattr(sidebar, section).children[index]
        sidebar.focus()
        sidebar.move_cursor(node)
        await pilot.press("enter")
        await settle(pilot)

    return run_before


def test_a_chosen_speaker(snap_compare, db):
    run_before = choose_in_sidebar("speakers_node", 2)
    assert snap_compare(reader(db), terminal_size=SIZE, run_before=run_before)


def test_a_chosen_allegation(snap_compare, db):
    run_before = choose_in_sidebar("allegations_node", 0)
    assert snap_compare(reader(db), terminal_size=SIZE, run_before=run_before)


def keys_then_settle(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_a_selection(snap_compare, db):
    run_before = keys_then_settle("right_curly_bracket", "w", "v", "w", "w", "w", "j")
    assert snap_compare(reader(db), terminal_size=SIZE, run_before=run_before)


def test_highlights_in_several_colours(snap_compare, db):
    keys = (
        "s",
        "1",
        "right_parenthesis",
        "s",
        "2",
        "right_curly_bracket",
        "s",
        "3",
        "right_parenthesis",
        "s",
        "4",
        "right_curly_bracket",
        "p",
        "5",
        "g",
    )
    assert snap_compare(reader(db), terminal_size=SIZE, run_before=keys_then_settle(*keys))


def test_the_note_editor(snap_compare, db):
    keys = ("s", "a", *"Ask the press office for the briefing list.")
    assert snap_compare(reader(db), terminal_size=SIZE, run_before=keys_then_settle(*keys))


def test_the_tag_input_with_completion(snap_compare, db):
    keys = ("s", "t", *"needs source", "enter", "right_curly_bracket", "s", "t", *"ne")
    assert snap_compare(reader(db), terminal_size=SIZE, run_before=keys_then_settle(*keys))


def test_the_notes_list_with_an_orphan(snap_compare, db, tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    article = load_article(path)
    notebook = Notebook(AnnotationStore(db), article)
    first = article.text.index("The bridge")
    notebook.create(first, first + 39, colour="green", tags=("timeline",))
    last = article.text.index("It said")
    notebook.create(last, last + 31, note="Ask for the delivery records.")
    notebook.close()
    path.write_text(BRIDGE.replace("It said the steel arrived late.", "It blamed rain."))
    app = ReaderApp(load_article(path), db_path=db)

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_the_help_screen(snap_compare, monkeypatch):
    shutil.rmtree(HELP_DB.parent, ignore_errors=True)  # only shown, never written
    monkeypatch.setenv("READERAPP_SETTINGS", str(HELP_DB.parent / "settings.toml"))
    app = reader(HELP_DB)
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"], run_before=settle)


def test_the_library(snap_compare, db, monkeypatch):
    monkeypatch.chdir(REPO)
    app = ReaderApp(library=Path("tests/analysis_corpus"), db_path=db)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def across_library(db: Path) -> Path:
    """The small library of tests/library_stories.py at a fixed place, with four notes."""
    shutil.rmtree(ACROSS, ignore_errors=True)
    paths = write_library(ACROSS / "library")
    then = time.time() - 60
    for path in paths.values():
        os.utime(path, (then, then))
    harbour, council = load_article(paths["harbour.txt"]), load_article(paths["council.txt"])
    ferry = load_article(paths["ferry.txt"])
    with AnnotationStore(db) as store:
        store.merge(
            [
                annotation_on(
                    harbour,
                    "wasting two seasons",
                    1,
                    colour="yellow",
                    tags=("contradiction", "FOI"),
                    note="Which two seasons?\nThe board minutes say one.",
                ),
                annotation_on(harbour, "the harbour master", 2, note="Ask for the survey’s date"),
                annotation_on(
                    ferry, "lose money every year", 3, colour="green", tags=("contradiction",)
                ),
                annotation_on(
                    council, "The quay needs it", 4, tags=("FOI",), note="FOI request sent"
                ),
            ]
        )
    return ACROSS / "library"


def across(key: str, kind: type, ready):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(key)
        await top_screen(pilot, kind, ready)
        await settle(pilot)

    return run_before


def test_the_notes_screen(snap_compare, db):
    app = ReaderApp(library=across_library(db), db_path=db)
    run_before = across("T", NotesScreen, lambda screen: screen.loaded)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_the_people_screen(snap_compare, db):
    app = ReaderApp(library=across_library(db), db_path=db)
    run_before = across("P", PeopleScreen, lambda s: s.view is not None and s.view.complete)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
