"""The reader's sidebar at any width: the detail pane shows the whole of the row under the
cursor, a wide terminal widens the sidebar (at 200 columns an allegation line is whole),
and W (w in the sidebar) widens it, maximises it and puts it back."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from pilots import reader_ready
from readerapp.core.article import load_article
from readerapp.core.notebook import Notebook
from readerapp.core.store import AnnotationStore
from readerapp.ui.app import ReaderApp
from readerapp.ui.detail_pane import DetailPane
from readerapp.ui.help_screen import HelpScreen, keymap_table
from readerapp.ui.sidebar import Sidebar
from readerapp.ui.sidebar_items import AllegationItem, NoteItem, SpeakerItem

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"
#: An allegation of the sample whose line is 100 characters: cut at 120 columns, whole at 200.
LONG = "this time there are reports that the United Kingdom has collected evidence"


async def cursor_on(pilot, sidebar: Sidebar, kind: type) -> object:
    node = next(
        n
        for section in (sidebar.speakers_node, sidebar.allegations_node, sidebar.notes_node)
        for n in section.children
        if isinstance(n.data, kind)
    )
    sidebar.focus()
    sidebar.move_cursor(node)
    await pilot.pause()
    return node.data


def detail_text(screen) -> str:
    return screen.query_one("#sidebar-detail", DetailPane).text.plain


async def test_the_detail_pane_shows_a_whole_note_allegation_and_speaker(isolated_db):
    article = load_article(SAMPLE)
    notebook = Notebook(AnnotationStore(isolated_db), article)
    start = article.text.index("Almost a month")
    note = "First line of a long note.\n" + "It goes on well past forty columns. " * 4
    notebook.create(start, start + 40, tags=("timeline", "needs source"), note=note)
    notebook.close()
    app = ReaderApp(article, db_path=isolated_db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        detail = screen.query_one("#sidebar-detail", DetailPane)
        assert not detail.display or not screen.query_one(Sidebar).has_focus
        sidebar = screen.query_one(Sidebar)
        await cursor_on(pilot, sidebar, NoteItem)
        assert detail.display  # shown while the sidebar has the focus
        assert note.strip() in detail_text(screen)
        assert "#timeline #needs source" in detail_text(screen)
        allegation = (await cursor_on(pilot, sidebar, AllegationItem)).allegation
        text = detail_text(screen)
        assert f"{allegation.accuser} → {allegation.accused}" in text
        assert allegation.claim.strip() in text and allegation.evidence.strip() in text
        speaker = (await cursor_on(pilot, sidebar, SpeakerItem)).speaker
        text = detail_text(screen)
        assert speaker.role in text
        assert all(q.text.strip() in text for q in speaker.quotes)
        await pilot.press("tab")  # the pane can be focused and scrolled
        await pilot.press("escape")


async def test_at_200_columns_the_sidebar_is_wide_and_an_allegation_line_whole():
    app = ReaderApp(load_article(SAMPLE))
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await reader_ready(pilot)
        await pilot.pause()
        sidebar = screen.query_one(Sidebar)
        assert sidebar.size.width >= 100
        line = next(
            c.label.plain for c in sidebar.allegations_node.children if LONG in c.label.plain
        )
        assert line.endswith(LONG) and "…" not in line
        assert 72 <= screen.pane.size.width <= 88  # the article keeps its reading width
    app = ReaderApp(load_article(SAMPLE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        sidebar = screen.query_one(Sidebar)
        cut = next(
            c.label.plain for c in sidebar.allegations_node.children if "reports" in c.label.plain
        )
        assert "…" in cut  # at 120 columns it is cut, as before


async def test_w_widens_then_maximises_then_puts_the_sidebar_back():
    app = ReaderApp(load_article(SAMPLE))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        pane = screen.query_one("#sidebar-pane")
        normal = pane.size.width
        await pilot.press("W")
        await pilot.pause()
        assert pane.size.width > normal + 20
        assert screen.query_one(Sidebar).has_focus
        assert "Sidebar wide" in screen.status.text
        await pilot.press("w")  # in the sidebar, w does the same
        await pilot.pause()
        assert pane.region.width == 120 and not screen.query_one("#reading").display
        line = next(
            c.label.plain
            for c in screen.query_one(Sidebar).allegations_node.children
            if LONG in c.label.plain
        )
        assert line.endswith(LONG)
        await pilot.press("W")
        await pilot.pause()
        assert pane.size.width == normal and screen.query_one("#reading").display
        assert screen.pane.has_focus


async def test_help_lists_the_keys_across_articles():
    app = ReaderApp(load_article(SAMPLE))
    async with app.run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=112, record=True)
        console.print(keymap_table())
        shown = console.export_text()
        for words in (
            "Library",
            "Notes: every note of every article",
            "People quoted",
            "Allegations: who accuses whom",
            "Widen, maximise the sidebar",
            "sort by article, tag, date",
        ):
            assert words in shown, words


def test_the_help_names_every_way_out():
    """Ctrl+Q quits too (and asks first, as q does): the help says so."""
    console = Console(width=112, record=True)
    console.print(keymap_table())
    shown = console.export_text()
    assert "q Ctrl+Q" in shown and "asks first if a note is unsaved" in shown
