"""Two readers on one notes file, as two terminal windows would be: neither loses the other's."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from pilots import reader_ready
from readerapp.core.article import load_article
from readerapp.core.store import AnnotationStore
from readerapp.ui.app import ReaderApp
from readerapp.ui.reader_screen import ReaderScreen
from stories import BRIDGE

SIZE = (120, 40)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    return path


async def until(pilot, check, timeout: float = 10) -> None:
    """Wait (polling, never a fixed sleep) until `check()` holds."""
    for _ in range(int(timeout / 0.05)):
        if check():
            return
        await pilot.pause()
        await asyncio.sleep(0.05)
    raise AssertionError("the other window's change never arrived")


def tags_and_colour(reader: ReaderScreen) -> tuple[tuple[str, ...], str | None]:
    assert reader.notebook is not None
    (placed,) = reader.notebook.placed
    return placed.annotation.tags, placed.annotation.colour


async def test_a_tag_in_one_window_and_a_colour_in_the_other_both_survive(story, isolated_db):
    first = ReaderApp(load_article(story), db_path=isolated_db)
    second = ReaderApp(load_article(story), db_path=isolated_db)
    async with first.run_test(size=SIZE) as a, second.run_test(size=SIZE) as b:
        reader_a, reader_b = await reader_ready(a), await reader_ready(b)
        await a.press("s", "h")  # A highlights the first sentence
        first.session.flush()
        await until(b, lambda: reader_b.notebook is not None and len(reader_b.notebook.placed) == 1)

        await a.press("t", *"needs source", "enter")  # A tags it
        first.session.flush()
        await b.press("3")  # B, its copy perhaps stale, recolours it blue
        second.session.flush()

        await until(a, lambda: tags_and_colour(reader_a) == (("needs source",), "blue"))
        await until(b, lambda: tags_and_colour(reader_b) == (("needs source",), "blue"))
    with AnnotationStore(isolated_db, read_only=True) as store:
        (saved,) = store.all()
    assert saved.tags == ("needs source",) and saved.colour == "blue"


async def test_a_note_deleted_in_one_window_is_not_brought_back_by_the_other(story, isolated_db):
    first = ReaderApp(load_article(story), db_path=isolated_db)
    second = ReaderApp(load_article(story), db_path=isolated_db)
    async with first.run_test(size=SIZE) as a, second.run_test(size=SIZE) as b:
        reader_a, reader_b = await reader_ready(a), await reader_ready(b)
        await a.press("s", "h")
        first.session.flush()
        await until(b, lambda: reader_b.notebook is not None and len(reader_b.notebook.placed) == 1)
        await a.press("d")  # A deletes it
        first.session.flush()
        await b.press("2")  # B recolours what it still shows
        second.session.flush()
        await until(b, lambda: reader_b.notebook is not None and not reader_b.notebook.placed)
        assert reader_a.notebook is not None and not reader_a.notebook.placed
    with AnnotationStore(isolated_db, read_only=True) as store:
        assert store.all() == []


async def test_another_windows_note_arrives_without_moving_the_cursor_or_closing_the_editor(
    story, isolated_db
):
    """A is half-way through a note when B saves one elsewhere: A's reader redraws with
    B's note, while A's selection, cursor and open editor (and what is typed in it) stay."""
    from textual.widgets import TextArea

    from readerapp.ui.note_screen import NoteScreen

    first = ReaderApp(load_article(story), db_path=isolated_db)
    second = ReaderApp(load_article(story), db_path=isolated_db)
    async with first.run_test(size=SIZE) as a, second.run_test(size=SIZE) as b:
        reader_a = await reader_ready(a)
        await reader_ready(b)
        reader_a.pane.move_to(reader_a.article.text.index("Drivers face"))
        await a.press("s", "a", *"half")
        assert isinstance(first.screen, NoteScreen)
        where = reader_a.pane.selection_span, reader_a.pane.cursor_offset

        await b.press("s", "h")  # B highlights the first sentence
        second.session.flush()
        await until(a, lambda: reader_a.notebook is not None and len(reader_a.notebook.placed) == 1)

        assert isinstance(first.screen, NoteScreen)
        assert first.screen.query_one(TextArea).text == "half"
        assert (reader_a.pane.selection_span, reader_a.pane.cursor_offset) == where
        await a.press(*" done", "ctrl+s")
        first.session.flush()
    with AnnotationStore(isolated_db, read_only=True) as store:
        saved = {a.selector.exact: a.note for a in store.all()}
    assert saved.get("Drivers face a long detour.") == "half done"
    assert len(saved) == 2
