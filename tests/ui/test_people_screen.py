"""Pilot tests of the People (P) and Allegations (A) screens on a small library of our own:
the harbour master Maria Lopes is quoted in two articles, a councillor Joao Lopes shares
her surname. Enter lists a person's quotes, Enter opens the article at one, Escape comes
back; indexing runs in a worker with a progress bar, and skipped files say why."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from library_stories import annotation_on, write_library
from pilots import reader_ready, top_screen
from readerapp.core import analysis as analysis_module
from readerapp.core.analysis import analyze
from readerapp.core.article import load_article
from readerapp.core.corrections import fixes
from readerapp.core.notebook import Notebook
from readerapp.core.store import AnnotationStore
from readerapp.ui.allegations_screen import AllegationsScreen
from readerapp.ui.app import ReaderApp
from readerapp.ui.index_progress import IndexProgress
from readerapp.ui.library_screen import LibraryScreen
from readerapp.ui.people_screen import PeopleScreen
from readerapp.ui.person_screen import PersonScreen
from readerapp.ui.reader_screen import ReaderScreen

SIZE = (120, 40)


@pytest.fixture
def library(tmp_path: Path) -> dict[str, Path]:
    paths = write_library(tmp_path / "library")
    then = time.time() - 60
    for path in paths.values():
        os.utime(path, (then, then))
    return paths


def complete(screen) -> bool:
    return screen.view is not None and screen.view.complete


def names(screen: PeopleScreen) -> list[str]:
    return [person.name for person in screen.row_list.rows]


async def open_people(pilot, key: str = "P") -> PeopleScreen:
    app = pilot.app
    if isinstance(app.screen, LibraryScreen):
        await top_screen(pilot, LibraryScreen, lambda s: bool(s.entries))
    await pilot.press(key)
    return await top_screen(pilot, PeopleScreen if key == "P" else AllegationsScreen, complete)


async def test_p_merges_a_person_quoted_in_two_articles(library):
    app = ReaderApp(library=library["harbour.txt"].parent)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        maria = screen.row_list.rows[0]
        assert maria.name == "Maria Lopes"
        assert (maria.article_count, maria.quote_count) == (2, 3)
        assert "Ms Lopes" in maria.aliases and maria.roles == ("harbour master",)
        assert "Joao Lopes" in names(screen)  # the same surname, another person
        detail = screen.query_one("#across-detail").text.plain
        assert (
            "harbour master" in detail and "We cannot start until the survey is finished" in detail
        )
        title = str(screen.query_one("#across-title").render())
        assert "in 3 articles of the library" in title
        await pilot.press("slash", *"councillor")  # a role finds its person
        await pilot.pause()
        assert names(screen) == ["Joao Lopes"]


async def test_enter_lists_quotes_then_opens_the_article_at_one_and_escape_returns(library):
    app = ReaderApp(library=library["harbour.txt"].parent)
    async with app.run_test(size=SIZE) as pilot:
        people = await open_people(pilot)
        await pilot.press("enter")
        quotes = await top_screen(pilot, PersonScreen)
        said = [row.quote.text for row in quotes.row_list.rows]
        assert "We cannot start until the survey is finished" in said
        assert "The quay needs it" in said
        quotes.row_list.move_to_key(
            next(r.key for r in quotes.row_list.rows if r.quote.text.startswith("We cannot"))
        )
        await pilot.press("enter")
        reader = await reader_ready(pilot)
        assert reader.article.path == library["harbour.txt"]
        start = reader.article.text.index("We cannot start")
        current = reader.pane.targets[reader.pane.target_index]
        assert current[0] <= start < current[1]
        assert reader.status.way_back == "Esc: back to the quotes of Maria Lopes"
        await pilot.press("escape")  # clears the highlights
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        assert app.screen is quotes
        await pilot.press("escape")
        back = await top_screen(pilot, PeopleScreen, complete)
        assert back is people and people.row_list.current.name == "Maria Lopes"


async def test_people_show_the_corrected_analysis(library, isolated_db):
    article = load_article(library["ferry.txt"])
    notebook = Notebook(AnnotationStore(isolated_db), article)
    notebook.load()
    shown = notebook.corrections.corrected(analyze(article))
    berg = next(s for s in shown.analysis.speakers if s.name == "Tomas Berg")
    notebook.corrections.correct(fixes.rename_speaker(shown, berg, "Tomas Berg-Olsen"))
    notebook.close()
    app = ReaderApp(library=library["ferry.txt"].parent, db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        assert "Tomas Berg-Olsen" in names(screen) and "Tomas Berg" not in names(screen)


async def test_with_no_library_the_people_of_the_articles_with_notes(library, isolated_db):
    council = load_article(library["council.txt"])
    with AnnotationStore(isolated_db) as store:
        store.merge([annotation_on(council, "The quay needs it", 1)])
    app = ReaderApp(load_article(library["harbour.txt"]), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        screen = await open_people(pilot)
        maria = screen.row_list.rows[0]
        assert maria.name == "Maria Lopes" and maria.article_count == 2  # harbour and council
        assert "Tomas Berg" not in names(screen)  # ferry: no notes, not open
        assert "the articles you have notes on" in str(screen.query_one("#across-title").render())


async def test_indexing_shows_progress_and_the_screen_answers_keys_meanwhile(library, monkeypatch):
    go_on = threading.Event()

    def slow(article, **kwargs):
        go_on.wait(timeout=30)
        return analyze(article, **kwargs)

    monkeypatch.setattr(analysis_module, "analyze", slow)
    app = ReaderApp(library=library["harbour.txt"].parent)
    async with app.run_test(size=SIZE) as pilot:
        await top_screen(pilot, LibraryScreen, lambda s: bool(s.entries))
        await pilot.press("P")
        screen = await top_screen(pilot, PeopleScreen, wait_workers=False)
        progress = screen.query_one(IndexProgress)
        for _ in range(100):
            await pilot.pause()
            if "indexing the articles: 0 of 3" in str(progress.query_one("#index-words").render()):
                break
        assert progress.query_one("#index-bar").display
        await pilot.press("slash", *"lopes", "escape", "j", "k")  # answered while indexing
        assert screen.row_list.has_focus
        assert screen.query_one("#people-search").value == "lopes"
        go_on.set()
        await top_screen(pilot, PeopleScreen, complete)
        assert not progress.query_one("#index-bar").display
        assert names(screen)[:1] == ["Maria Lopes"]


async def test_files_that_are_no_article_are_skipped_with_why(library):
    folder = library["harbour.txt"].parent
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (folder / "empty.md").write_text("")
    app = ReaderApp(library=folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        skipped = str(screen.query_one("#index-skipped").render())
        assert "Skipped 2 files" in skipped
        assert "scan.txt" in skipped and "empty.md" in skipped
        assert names(screen)[0] == "Maria Lopes"


async def test_allegations_filter_by_accuser_and_accused_and_open_at_the_evidence(library):
    app = ReaderApp(library=library["harbour.txt"].parent)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot, "A")
        rows = screen.row_list.rows
        assert any(r.accuser.lower() == "fishermen" for r in rows)
        await pilot.press("slash", *"fisher")
        await top_screen(pilot, AllegationsScreen, lambda s: len(s.row_list.rows) == 1)
        await pilot.press("escape", "f", *"nobody at all")
        await top_screen(pilot, AllegationsScreen, lambda s: not s.row_list.rows)
        await pilot.press("ctrl+u", *"port authority", "enter")
        await top_screen(pilot, AllegationsScreen, lambda s: len(s.row_list.rows) == 1)
        row = screen.row_list.current
        detail = screen.query_one("#across-detail").text.plain
        assert "wasting two seasons" in detail and "Evidence" in detail
        await pilot.press("enter")
        reader = await reader_ready(pilot)
        assert reader.article.path == library["harbour.txt"]
        evidence = (row.allegation.start, row.allegation.end)
        assert reader.pane.targets == [evidence]
        await pilot.press("escape", "escape")
        assert app.screen is screen


async def test_people_and_allegations_lead_to_each_other_without_piling_up(library):
    app = ReaderApp(library=library["harbour.txt"].parent)
    async with app.run_test(size=SIZE) as pilot:
        people = await open_people(pilot)
        await pilot.press("A")
        await top_screen(pilot, AllegationsScreen, complete)
        await pilot.press("P")  # back to the People screen under it, not a new one
        assert app.screen is people
        assert len(app.screen_stack) == 2
