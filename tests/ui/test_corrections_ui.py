"""Correcting the machine's analysis in the reader: every action by key, its mark, its undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from pilots import reader_ready
from readerapp.core.article import load_article
from readerapp.ui.app import ReaderApp
from readerapp.ui.correction_dialogs import AllegationScreen, AskScreen, CommandMenu
from readerapp.ui.detail_pane import DetailPane
from readerapp.ui.sidebar import Sidebar
from readerapp.ui.sidebar_items import AllegationItem, OrphanItem, QuoteItem, SpeakerItem
from stories import HARBOUR

SIZE = (140, 40)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    return path


def rows(sidebar: Sidebar, kind: type) -> list:
    found = []
    for line in range(sidebar.last_line + 1):
        node = sidebar.get_node_at_line(line)
        if node is not None and isinstance(node.data, kind):
            found.append(node)
    return found


async def on_row(pilot, sidebar: Sidebar, node) -> None:
    sidebar.focus()
    sidebar.move_cursor(node)
    await pilot.pause()


def names(reader) -> list[str]:
    assert reader.correcting.shown is not None
    return [s.name for s in reader.correcting.shown.analysis.speakers]


async def choose(pilot, app, label_start: str) -> None:
    """In the corrections menu, choose the entry whose label starts so."""
    menu = app.screen
    assert isinstance(menu, CommandMenu)
    index = next(i for i, c in enumerate(menu.commands) if c.label.startswith(label_start))
    options = menu.query_one("OptionList")
    options.highlighted = index
    await pilot.press("enter")


async def open_rename(pilot, app, reader) -> None:
    """On Tomas Lindqvist's row, `r`, then "Rename speaker": the dialog asking the name."""
    sidebar = reader.query_one(Sidebar)
    tomas = next(n for n in rows(sidebar, SpeakerItem) if "Lindqvist" in str(n.label))
    await on_row(pilot, sidebar, tomas)
    await pilot.press("r")
    await choose(pilot, app, "Rename speaker: Tomas Lindqvist")


async def test_rename_a_speaker_from_the_menu_and_undo_it(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        sidebar = reader.query_one(Sidebar)
        await open_rename(pilot, app, reader)
        ask = app.screen
        assert isinstance(ask, AskScreen)
        assert ask.query_one("Input").value == "Tomas Lindqvist"  # held, selected: typing replaces
        await pilot.press(*"Tomas Lindkvist", "enter")
        assert "Tomas Lindkvist" in names(reader) and "Tomas Lindqvist" not in names(reader)
        renamed = next(n for n in rows(sidebar, SpeakerItem) if "Lindkvist" in str(n.label))
        assert str(renamed.label).startswith("✎ ")
        assert reader.status.text.startswith("Rename speaker")
        await pilot.press("u")
        await pilot.pause()
        assert "Tomas Lindqvist" in names(reader)


async def test_remove_an_allegation_show_it_and_restore_it(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        sidebar = reader.query_one(Sidebar)
        (allegation,) = rows(sidebar, AllegationItem)
        await on_row(pilot, sidebar, allegation)
        await pilot.press("x")
        await pilot.pause()
        assert rows(sidebar, AllegationItem) == []
        await pilot.press("X")  # show what was removed
        await pilot.pause()
        removed = [n for n in sidebar.root.children[-1].children]
        assert removed and "allegation" in str(removed[0].label)
        await on_row(pilot, sidebar, removed[0])
        await pilot.press("x")  # restores it
        await pilot.pause()
        assert len(rows(sidebar, AllegationItem)) == 1


async def test_confirm_a_quote_and_the_mark_survives_a_restart(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        sidebar = reader.query_one(Sidebar)
        speaker = rows(sidebar, SpeakerItem)[0]
        speaker.expand()
        await pilot.pause()
        quote = rows(sidebar, QuoteItem)[0]
        await on_row(pilot, sidebar, quote)
        await pilot.press("c")
        await pilot.pause()
        assert str(rows(sidebar, QuoteItem)[0].label).startswith("✓ ")
        app.session.flush()
    again = ReaderApp(load_article(story), db_path=isolated_db)
    async with again.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        shown = reader.correcting.shown
        assert shown is not None
        statuses = [q.status for s in shown.analysis.speakers for q in s.quotes]
        assert "confirmed" in statuses


async def test_a_selection_becomes_a_quote_of_a_new_speaker_and_an_allegation(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        text = reader.article.text
        start = text.index("A dredging firm spokesman")
        reader.pane.select_span(
            start, start + len("A dredging firm spokesman declined to comment.")
        )
        reader.pane.focus()
        await pilot.press("r")
        await choose(pilot, app, "Add quote (selection)")
        assert isinstance(app.screen, AskScreen)
        await pilot.press(*"a dredging firm spokesman", "enter")
        assert "a dredging firm spokesman" in names(reader)
        added = next(s for s in reader.correcting.shown.analysis.speakers if s.status == "added")
        assert added.quotes[0].text.startswith("A dredging firm spokesman")
        await pilot.pause()
        sidebar = reader.query_one(Sidebar)
        marked = [str(n.label) for n in rows(sidebar, SpeakerItem) if str(n.label).startswith("+ ")]
        assert len(marked) == 1 and "dredging firm spokesman" in marked[0].lower()

        reader.pane.select_span(start, start + 25)
        await pilot.press("r")
        await choose(pilot, app, "Add allegation (selection)")
        assert isinstance(app.screen, AllegationScreen)
        await pilot.press(*"Priya Natarajan", "tab", *"the dredging firm", "tab", *"silence")
        await pilot.press("enter")
        allegations = reader.correcting.shown.analysis.allegations
        assert any(a.accused == "the dredging firm" and a.status == "added" for a in allegations)
        await pilot.pause()
        labels = [str(n.label) for n in rows(sidebar, AllegationItem)]
        assert any(label.startswith("+ ") and "the dredging firm" in label for label in labels)


async def test_the_palette_names_each_correction_with_its_item(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        labels = [c.title for c in app.get_system_commands(reader)]
        assert "Rename speaker: Priya Natarajan" in labels
        assert "Merge speaker: Tomas Lindqvist into Priya Natarajan" in labels
        assert any(label.startswith("Remove allegation: Priya Natarajan → ") for label in labels)
        merge = next(
            c
            for c in app.get_system_commands(reader)
            if c.title == "Merge speaker: Tomas Lindqvist into Priya Natarajan"
        )
        merge.callback()
        await pilot.pause()
        assert names(reader) == ["Priya Natarajan"]


async def test_a_note_on_a_speaker_stays_with_them_through_a_rename(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        sidebar = reader.query_one(Sidebar)
        tomas = next(n for n in rows(sidebar, SpeakerItem) if "Lindqvist" in str(n.label))
        await on_row(pilot, sidebar, tomas)
        await pilot.press("t", *"board", "enter")
        await pilot.press("r")
        await choose(pilot, app, "Rename speaker: Tomas Lindqvist")
        await pilot.press(*"T. Lindqvist", "enter")
        await pilot.pause()
        renamed = next(n for n in rows(sidebar, SpeakerItem) if "T. Lindqvist" in str(n.label))
        assert "#board" in str(renamed.label)
        (note_row,) = [n for n in sidebar.notes_node.children if n.data]
        assert "speaker T. Lindqvist" in str(note_row.label)


async def test_a_correction_that_no_longer_applies_is_listed_by_what_it_did(story, isolated_db):
    """The article changed under a rename: the row says which correction is set aside,
    and the detail pane why."""
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        await open_rename(pilot, app, reader)
        await pilot.press(*"Tomas Lindkvist", "enter")
        app.session.flush()
    story.write_text(
        HARBOUR.replace("The board's chief executive, Tomas Lindqvist, said", "The board said")
    )
    again = ReaderApp(load_article(story), db_path=isolated_db)
    async with again.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        sidebar = reader.query_one(Sidebar)
        orphans = rows(sidebar, OrphanItem)
        assert len(orphans) == 1
        label = str(orphans[0].label)
        assert label.startswith("no longer applies: Rename speaker: Tomas Lindqvist")
        await on_row(pilot, sidebar, orphans[0])
        detail = str(reader.query_one(DetailPane).query_one("Static").render())
        assert orphans[0].data.orphan.reason in detail
