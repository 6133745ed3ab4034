"""Pilot tests of the Notes screen (T, or "Notes" in the palette): every annotation across
articles, filtered by tags and a search, sorted three ways; Enter opens the article at the
passage and Escape comes back to the same row."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from textual import events

from library_stories import annotation_on, write_library
from pilots import reader_ready, top_screen
from readerapp.core.article import load_article
from readerapp.core.store import AnnotationStore
from readerapp.ui.app import ReaderApp
from readerapp.ui.library_screen import LibraryScreen
from readerapp.ui.notes_screen import NotesScreen
from readerapp.ui.reader_screen import ReaderScreen
from readerapp.ui.row_list import RowList

SIZE = (120, 40)


def on(path: Path, passage: str, number: int, **changes):
    return annotation_on(load_article(path), passage, number, **changes)


@pytest.fixture
def library(tmp_path: Path) -> dict[str, Path]:
    paths = write_library(tmp_path / "library")
    then = time.time() - 60  # not "just changed": the catalog may trust its stat
    for path in paths.values():
        os.utime(path, (then, then))
    return paths


@pytest.fixture
def noted(library, isolated_db, tmp_path):
    """Five notes in three articles, one of them orphaned by an edit, one whose file is gone."""
    gone = tmp_path / "elsewhere" / "gone.txt"
    gone.parent.mkdir()
    gone.write_text("A story no longer here\n\nIts only paragraph.\n", encoding="utf-8")
    annotations = [
        on(library["harbour.txt"], "wasting two seasons", 1, tags=("contradiction", "FOI")),
        on(
            library["harbour.txt"],
            "the harbour master",
            2,
            note="Ask for the survey’s date\nand the tender documents",
        ),
        on(library["ferry.txt"], "lose money every year", 3, tags=("contradiction",)),
        on(
            library["council.txt"],
            "The quay needs it",
            4,
            note="FOI request [bold]sent[/]",
            tags=("FOI",),
        ),
        on(library["council.txt"], "on Tuesday", 5, tags=("dates",)),
        on(gone, "Its only paragraph", 6, note="from a file that went away"),
    ]
    with AnnotationStore(isolated_db) as store:
        store.merge(annotations)
    gone.unlink()
    council = library["council.txt"]
    council.write_text(council.read_text().replace(" on Tuesday", ""), encoding="utf-8")
    then = time.time() - 30
    os.utime(council, (then, then))
    return annotations


def listed(screen: NotesScreen) -> list[str]:
    return [row.annotation.selector.exact for row in screen.row_list.rows]


def loaded(screen: NotesScreen) -> bool:
    return screen.loaded


async def open_notes(pilot) -> NotesScreen:
    await pilot.press("T")
    return await top_screen(pilot, NotesScreen, loaded)


def drawn(row_list: RowList) -> str:
    return "\n".join(
        "".join(segment.text for segment in row_list.render_line(y))
        for y in range(row_list.size.height)
    )


async def test_t_lists_every_annotation_of_every_article_with_orphans_marked(noted, library):
    app = ReaderApp(library=library["harbour.txt"].parent)
    async with app.run_test(size=SIZE) as pilot:
        await top_screen(pilot, LibraryScreen, lambda s: bool(s.entries))
        screen = await open_notes(pilot)
        assert len(screen.row_list.rows) == 6
        by_passage = {row.annotation.selector.exact: row for row in screen.rows}
        assert by_passage["on Tuesday"].orphaned is True
        assert by_passage["Its only paragraph"].orphaned is None
        assert by_passage["wasting two seasons"].orphaned is False
        text = drawn(screen.row_list)
        assert "Harbour dredging" in text and "#FOI" in text and "#contradiction" in text
        assert "⚠ " in text and "? " in text  # orphaned; no file here
        assert "FOI request [bold]sent[/]" in text  # markup in a note is shown as written
        title = str(screen.query_one("#across-title").render())
        assert "6 notes" in title and "1 orphaned" in title and "1 with no file here" in title


async def test_the_tag_filter_completes_and_keeps_notes_with_every_tag(noted, library):
    app = ReaderApp(load_article(library["ferry.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        screen = await open_notes(pilot)
        await pilot.press("f", *"cont", "tab")
        tags = screen.query_one("#tag-filter")
        assert tags.value == "contradiction"
        await pilot.pause()
        assert sorted(listed(screen)) == ["lose money every year", "wasting two seasons"]
        await pilot.press(*", fo", "tab")
        await pilot.pause()
        assert tags.value == "contradiction, FOI"
        assert listed(screen) == ["wasting two seasons"]
        await pilot.press("ctrl+u", *"nosuchtag")  # a tag nobody uses filters nothing yet
        await pilot.pause()
        assert len(listed(screen)) == 6
        assert "no note has it" in str(screen.query_one("#across-status").render())


async def test_the_search_looks_in_notes_tags_and_passages_quotes_folded(noted, library):
    app = ReaderApp(load_article(library["ferry.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        screen = await open_notes(pilot)
        await pilot.press("slash", *"survey's")  # a straight apostrophe finds the curly one
        await pilot.pause()
        assert listed(screen) == ["the harbour master"]
        search = screen.query_one("#note-search")
        search.value = "foi"  # in a tag, and in a note
        await pilot.pause()
        assert sorted(listed(screen)) == ["The quay needs it", "wasting two seasons"]
        search.value = "MONEY EVERY"  # in a passage, case aside
        await pilot.pause()
        assert listed(screen) == ["lose money every year"]
        await pilot.press("enter")  # back to the list, the search kept
        assert screen.row_list.has_focus and listed(screen) == ["lose money every year"]


async def test_s_sorts_by_article_then_tag_then_date(noted, library):
    app = ReaderApp(load_article(library["ferry.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        screen = await open_notes(pilot)
        titles = [row.title for row in screen.row_list.rows]
        assert titles[:2] == ["A story no longer here", "Council approves new fish market"]
        await pilot.press("s")
        await top_screen(pilot, NotesScreen, lambda s: s.sort == "tag" and "tag" in s.lists)
        first_tags = [row.annotation.tags for row in screen.row_list.rows]
        assert first_tags[:2] == [("contradiction",), ("contradiction", "FOI")]
        assert first_tags[-2:] == [(), ()]  # untagged last
        await pilot.press("s")
        await top_screen(pilot, NotesScreen, lambda s: "date" in s.lists)
        numbers = [row.annotation.id[-1] for row in screen.row_list.rows]
        assert numbers == ["1", "2", "3", "4", "5", "6"]
        assert "sorted by date" in str(screen.query_one("#across-title").render())


async def test_enter_opens_the_article_at_the_passage_and_escape_returns_to_the_row(noted, library):
    app = ReaderApp(library=library["harbour.txt"].parent)
    async with app.run_test(size=SIZE) as pilot:
        await top_screen(pilot, LibraryScreen, lambda s: bool(s.entries))
        screen = await open_notes(pilot)
        row_list = screen.row_list
        row_list.move_to_key(noted[1].id)  # "the harbour master", harbour.txt
        await pilot.press("enter")
        reader = await reader_ready(pilot)
        assert reader.article.path == library["harbour.txt"]
        start = reader.article.text.index("the harbour master")
        assert reader.pane.cursor_offset == start
        assert reader.pane.has_focus
        assert reader.status.way_back == "Esc: back to Notes"
        await pilot.press("escape")
        back = await top_screen(pilot, NotesScreen, loaded)
        assert back is screen
        assert row_list.current.annotation.id == noted[1].id


async def test_enter_on_an_orphan_or_a_missing_file_says_why_and_stays(noted, library):
    app = ReaderApp(load_article(library["ferry.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        screen = await open_notes(pilot)
        screen.row_list.move_to_key(noted[4].id)  # orphaned by the edit
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert any("no longer in" in n.message for n in app._notifications)
        screen.row_list.move_to_key(noted[5].id)  # its file is gone
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert any("not on this machine" in n.message for n in app._notifications)


async def test_the_detail_pane_shows_the_whole_note_and_its_tags(noted, library):
    app = ReaderApp(load_article(library["ferry.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        screen = await open_notes(pilot)
        screen.row_list.move_to_key(noted[1].id)
        await pilot.pause()
        detail = screen.query_one("#across-detail").text.plain
        assert "Ask for the survey’s date\nand the tender documents" in detail
        assert "Harbour dredging plan delayed again" in detail
        screen.row_list.move_to_key(noted[0].id)
        await pilot.pause()
        assert "#contradiction #FOI" in screen.query_one("#across-detail").text.plain


async def test_the_palette_opens_notes_people_and_allegations_by_name(noted, library):
    app = ReaderApp(load_article(library["ferry.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        titles = [command.title for command in app.get_system_commands(reader)]
        assert {"Notes", "People", "Allegations"} <= set(titles)
        await pilot.press("ctrl+p", *"Notes", "enter")
        screen = await top_screen(pilot, NotesScreen, loaded)
        assert len(screen.row_list.rows) == 6
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_with_no_notes_the_screen_says_how_to_make_one(library):
    app = ReaderApp(load_article(library["ferry.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        screen = await open_notes(pilot)
        assert screen.row_list.rows == []
        assert "no notes yet" in drawn(screen.row_list)


async def test_keys_typed_in_a_burst_after_f_reach_the_tag_filter(noted, library):
    """As tmux or a paste sends them: all queued before the first is handled."""
    app = ReaderApp(load_article(library["ferry.txt"]))
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        screen = await open_notes(pilot)
        for key, character in (("f", "f"), ("F", "F"), ("O", "O"), ("I", "I"), ("enter", None)):
            app.post_message(events.Key(key, character))
        await top_screen(pilot, NotesScreen, lambda s: len(s.row_list.rows) == 2)
        assert screen.query_one("#tag-filter").value == "FOI"
        assert screen.row_list.has_focus


async def test_text_from_outside_is_shown_as_written_with_no_terminal_control(library, isolated_db):
    hostile = "\x1b]52;c;cHduZWQ=\x07[red]x[/red]"
    with AnnotationStore(isolated_db) as store:
        store.merge([on(library["ferry.txt"], "lose money", 1, tags=("[b]tag",), note=hostile)])
    app = ReaderApp(load_article(library["ferry.txt"]), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await reader_ready(pilot)
        screen = await open_notes(pilot)
        text = drawn(screen.row_list) + screen.query_one("#across-detail").text.plain
        assert "[red]x[/red]" in text and "#[b]tag" in text
        assert "\x1b" not in text and "\x07" not in text
