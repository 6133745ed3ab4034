"""Pilot tests of the reader: what a user sees and reaches with the keyboard."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from pilots import reader_ready
from readerapp.core.analysis import Allegation, Analysis, Quote, Speaker
from readerapp.core.article import load_article, parse_article
from readerapp.ui.app import ReaderApp
from readerapp.ui.help_screen import HelpScreen
from readerapp.ui.library_screen import LibraryScreen
from readerapp.ui.reader_screen import ReaderScreen
from readerapp.ui.sidebar import Sidebar

SIZE = (120, 40)

STORY = """Port deal questioned

4 May 2021

Two firms deny wrongdoing.

Port deal questioned

"The contract was signed in secret," said Ana Ruiz, a councillor.

The apple growers were not consulted. An apple a day, the mayor joked.

"We will publish every page," Ruiz added. The union accused the port authority of hiding the fees.

Port deal questioned
"""


def quote(text: str, passage: str) -> Quote:
    start = text.index(passage)
    return Quote(start, start + len(passage), passage)


def story_analysis(text: str) -> Analysis:
    evidence = "accused the port authority of hiding the fees"
    start = text.index(evidence)
    return Analysis(
        speakers=(
            Speaker(
                "Ana Ruiz",
                aliases=("Ruiz",),
                role="a councillor",
                quotes=(
                    quote(text, "The contract was signed in secret,"),
                    quote(text, "We will publish every page,"),
                ),
            ),
        ),
        allegations=(
            Allegation(
                "the union",
                "the port authority",
                "hiding the fees",
                start,
                start + len(evidence),
                evidence,
            ),
        ),
    )


def visible_text(app) -> str:
    """The whole screen as the user sees it, one line per row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


def screen_lines(view) -> list[str]:
    return ["".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height)]


async def open_reader(pilot, analysis: Analysis | None = None) -> ReaderScreen:
    screen = await reader_ready(pilot)
    if analysis is not None:
        screen.show_analysis(analysis)
        await pilot.pause()
    return screen


@pytest.fixture
def story(write_article) -> Path:
    return write_article("story.txt", STORY)


async def test_header_article_and_both_sidebar_sections(sample_path):
    app = ReaderApp(load_article(sample_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        header = str(screen.query_one("#article-header").render())
        assert "Who will survive -- PSP or MQM?" in header
        assert "3 April 2016" in header and "tug of war" in header
        sidebar = screen.query_one(Sidebar)
        assert str(sidebar.speakers_node.label).startswith("Speakers")
        assert str(sidebar.allegations_node.label).startswith("Allegations")
        assert "analyzing" not in str(sidebar.speakers_node.children[0].label)
        assert "We were expecting" in "\n".join(screen_lines(screen.pane))


async def test_article_is_readable_while_analysis_runs(story, monkeypatch):
    release = threading.Event()

    def slow_analyze(article, **options):
        release.wait(10)
        return Analysis()

    monkeypatch.setattr("readerapp.core.analysis.analyze", slow_analyze)
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "analyzing" in visible_text(app)
        assert "analyzing" in str(screen.query_one("#status").render())
        assert any("The contract was signed" in line for line in screen_lines(screen.pane))
        release.set()
        await reader_ready(pilot)
        assert "no speakers found" in str(screen.query_one(Sidebar).speakers_node.children[0].label)


async def test_a_failing_analysis_leaves_the_reader_usable(story, monkeypatch):
    def broken(article):
        raise RuntimeError("boom")

    monkeypatch.setattr("readerapp.core.analysis.analyze", broken)
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        assert "analysis failed" in str(screen.query_one(Sidebar).speakers_node.children[0].label)
        await pilot.press("G")
        assert screen.pane.cursor_offset == len(screen.article.text)


async def test_markup_and_escapes_in_article_and_analysis_show_literally(write_article):
    path = write_article(
        "m.txt", "Markup test\n\nShe wrote [bold red]x[/] and [link=http://x]y[/link] \x1b[2J here."
    )
    article = load_article(path)
    text = article.text
    start = text.index("[bold red]x[/]")
    analysis = Analysis(
        speakers=(
            Speaker(
                "[b]Eve[/b]",
                role="[i]role[/i]",
                quotes=(Quote(start, start + 14, text[start : start + 14]),),
            ),
        )
    )
    app = ReaderApp(article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, analysis)
        shown = "\n".join(screen_lines(screen.pane))
        assert "[bold red]x[/] and [link=http://x]y[/link]" in shown
        assert "\x1b" not in shown
        label = screen.query_one(Sidebar).speakers_node.children[0].label
        assert label.plain.startswith("[b]Eve[/b]")


async def test_search_highlights_every_match_and_n_moves_between_them(story):
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        text = screen.article.text
        await pilot.press("slash", *"apple")
        assert len(screen.pane.marks_in("focus")) == 2  # highlighted while typing
        await pilot.press("enter")
        assert not screen.query_one("#search", Input).display
        assert screen.pane.has_focus
        first, second = (m for m in range(len(text)) if text.lower().startswith("apple", m))
        assert screen.pane.cursor_offset == first
        await pilot.press("n")
        assert screen.pane.cursor_offset == second
        assert "2 of 2" in str(screen.query_one("#status").render())
        await pilot.press("N")
        assert screen.pane.cursor_offset == first
        await pilot.press("escape")
        assert screen.pane.marks_in("focus") == []


async def test_search_with_no_match_says_so(story):
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        await pilot.press("slash", *"zebra", "enter")
        assert "none" in str(screen.query_one("#status").render())
        await pilot.press("n")
        assert screen.pane.cursor_offset == 0


async def test_choosing_a_speaker_highlights_quotes_and_jumps(story):
    article = load_article(story)
    app = ReaderApp(article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, story_analysis(article.text))
        await pilot.press("tab")
        assert screen.query_one(Sidebar).has_focus
        await pilot.press("enter")  # the cursor waits on the first speaker
        quotes = [(q.start, q.end) for q in story_analysis(article.text).speakers[0].quotes]
        assert [(s, e) for s, e, _ in screen.pane.marks_in("focus")] == quotes
        assert screen.pane.cursor_offset == quotes[0][0]
        await pilot.press("n")
        assert screen.pane.cursor_offset == quotes[1][0]
        assert "Ana Ruiz: 2 of 2" in str(screen.query_one("#status").render())


async def test_choosing_an_allegation_highlights_its_evidence(story):
    article = load_article(story)
    app = ReaderApp(article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot, story_analysis(article.text))
        sidebar = screen.query_one(Sidebar)
        node = sidebar.allegations_node.children[0]
        assert node.label.plain == "the union → the port authority: hiding the fees"
        sidebar.focus()
        sidebar.move_cursor(node)
        await pilot.press("enter")
        evidence = article.text.index("accused the port authority")
        assert screen.pane.marks_in("current")[0][0] == evidence
        assert screen.pane.cursor_offset == evidence


async def test_reading_keys_move_through_the_article(sample_path):
    app = ReaderApp(load_article(sample_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        view = screen.pane
        await pilot.press("G")
        assert view.cursor_offset == len(view.text)
        assert view.scroll_y > 0
        await pilot.press("g")
        assert view.cursor_offset == 0 and view.scroll_y == 0
        await pilot.press("j", "j")
        assert view.cursor_offset > 0
        await pilot.press("space")
        assert view.scroll_y > 0
        await pilot.press("pageup", "pageup", "k")
        assert view.scroll_y == 0


async def test_sidebar_toggles_and_focus_returns_to_the_article(story):
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        await pilot.press("tab")
        await pilot.press("i")
        assert not screen.query_one("#sidebar-pane").display
        assert screen.pane.has_focus
        await pilot.press("i")
        assert screen.query_one("#sidebar-pane").display


async def test_help_lists_the_keymap_and_closes(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.pause()
        shown = visible_text(app)
        for words in ("/", "Search", "Next match", "q", "Quit", "sidebar", "Enter"):
            assert words in shown
        assert str(isolated_db) in " ".join(str(w.render()) for w in app.screen.query("Static"))
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_command_palette_lists_reader_actions(story):
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        titles = [command.title for command in app.get_system_commands(screen)]
        assert "Search" in titles and "Show or hide the sidebar" in titles
        await pilot.press("ctrl+p", *"sidebar", "enter")
        await pilot.pause(0.3)
        assert not screen.query_one("#sidebar-pane").display


async def test_q_quits_with_status_zero(story):
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_non_utf8_article_shows_a_notice(write_article):
    path = write_article("latin.txt", "Caf\xe9\n\nLe caf\xe9 est ouvert.".encode("latin-1"))
    app = ReaderApp(load_article(path))
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        assert any("not UTF-8" in n.message for n in app._notifications)


async def test_library_lists_articles_enter_opens_escape_returns(tmp_path):
    (tmp_path / "b.txt").write_text(STORY)
    (tmp_path / "a.md").write_text("# Second story\n\nJust one paragraph here.")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    app = ReaderApp(library=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(2)]
        assert rows[0] == ["Second story", "—", "4", ""]
        assert rows[1][0:2] == ["Port deal questioned", "2021-05-04"]
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article.title == "Port deal questioned"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


def test_parsed_story_fixture_has_expected_shape():
    article = parse_article(STORY)
    assert article.standfirst == "Two firms deny wrongdoing."
    assert len(article.paragraphs) == 3


async def test_reading_width_is_comfortable_and_centred_in_a_wide_terminal(sample_path):
    """A wide terminal keeps the reading width and gives the sidebar the rest; with the
    sidebar hidden the article is centred in the whole width."""
    app = ReaderApp(load_article(sample_path))
    async with app.run_test(size=(220, 40)) as pilot:
        screen = await open_reader(pilot)
        view = screen.pane
        reading = screen.query_one("#reading")

        def margins() -> tuple[int, int]:
            return view.region.x - reading.region.x, reading.region.right - view.region.right

        assert 72 <= view.size.width <= 88
        left, right = margins()
        assert abs(left - right) <= 2
        assert screen.query_one("#sidebar-pane").region.width >= 110
        await pilot.press("i")
        await pilot.pause()
        assert 72 <= view.size.width <= 88
        left, right = margins()
        assert left > 10 and abs(left - right) <= 2


async def test_mouse_click_on_a_speaker_highlights_their_quotes(sample_path):
    app = ReaderApp(load_article(sample_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        sidebar = screen.query_one(Sidebar)
        first = sidebar.speakers_node.children[0].data.speaker
        await pilot.click(sidebar, offset=(8, 1))  # the first speaker's row
        await pilot.pause()
        spans = [(s, e) for s, e, _ in screen.pane.marks_in("focus")]
        assert spans == [(q.start, q.end) for q in first.quotes]


async def test_a_huge_analysis_fills_the_sidebar_a_batch_per_frame(story):
    """Thousands of speakers (a 1 MB article) appear in batches, so the screen never freezes."""
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        text = screen.article.text
        speakers = tuple(
            Speaker(f"Person {n}", quotes=(quote(text, "Ana Ruiz"),)) for n in range(450)
        )
        allegations = story_analysis(text).allegations * 300
        screen.show_analysis(Analysis(speakers=speakers, allegations=allegations))
        sidebar = screen.query_one(Sidebar)
        assert 0 < len(sidebar.speakers_node.children) < 450  # the first batch only, at once
        for _ in range(40):
            await pilot.pause()
            speakers_done = len(sidebar.speakers_node.children) == 450
            if speakers_done and len(sidebar.allegations_node.children) == 300:
                break
        assert len(sidebar.speakers_node.children) == 450
        assert len(sidebar.allegations_node.children) == 300
        assert str(sidebar.speakers_node.children[-1].label).startswith("Person 449")


async def test_a_screenshot_on_a_fresh_machine_says_where_it_went(story, tmp_path, monkeypatch):
    home = tmp_path / "home"  # no Downloads folder yet, as on a fresh machine
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(home / "Downloads"))
    app = ReaderApp(load_article(story))
    async with app.run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        app.deliver_screenshot()
        await pilot.pause()
        (saved,) = (home / "Downloads").glob("readerapp-*.svg")
        assert saved.read_text(encoding="utf-8").startswith("<svg")
        assert any(str(saved) in n.message for n in app._notifications)


async def test_a_screenshot_that_cannot_be_saved_says_why(story, tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(load_article(story))
    async with app.run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        app.deliver_screenshot(path=str(blocked / "sub"))
        await pilot.pause()
        (message,) = [n.message for n in app._notifications if n.title == "Screenshot"]
        assert message.startswith("Could not save the screenshot") and "sub" in message


async def test_search_folds_quote_marks_and_remembers_earlier_searches(write_article):
    path = write_article("won.txt", "Title\n\nShe said she won’t. Then she said “yes”.\n")
    app = ReaderApp(load_article(path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("slash", *"won't", "enter")
        assert len(screen.pane.targets) == 1  # the straight apostrophe finds the curly one
        await pilot.press("slash", *'"yes"', "enter")
        assert len(screen.pane.targets) == 1
        await pilot.press("slash", "up")
        assert screen.query_one("#search", Input).value == '"yes"'
        await pilot.press("up")
        assert screen.query_one("#search", Input).value == "won't"
        await pilot.press("down", "down")
        assert screen.query_one("#search", Input).value == ""


async def test_at_80_columns_the_footer_keeps_quit_and_the_palette(sample_path):
    app = ReaderApp(load_article(sample_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reader_ready(pilot)
        footer = "".join(s.text for s in screen.query_one("KeyHints").render_line(0))
        assert " q Quit " in footer and "^p Commands" in footer and "? Help" in footer


async def test_at_80_columns_the_library_shows_every_column(tmp_path):
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(
            f"A very long headline about the council budget row number {n} that goes on\n\n"
            "Body text.\n",
            encoding="utf-8",
        )
    app = ReaderApp(library=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(20):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if isinstance(app.screen, LibraryScreen) and app.screen.entries:
                break
        table = app.screen.query_one(DataTable)
        await pilot.pause()
        header = "".join(s.text for s in table.render_line(0))
        assert "Date" in header and "Words" in header and "Notes" in header
        await pilot.press("j")
        assert table.cursor_row == 1


async def test_a_partial_analysis_says_so_in_the_sidebar(story, monkeypatch):
    notice = "The analysis stopped after the first 40% of this unusually long article."
    monkeypatch.setattr(
        "readerapp.core.analysis.analyze", lambda article, **options: Analysis(notice=notice)
    )
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        screen = await reader_ready(pilot)
        sidebar = screen.query_one(Sidebar)
        assert sidebar.show_root and str(sidebar.root.label) == notice
        assert any(n.message == notice for n in app._notifications)


async def test_j_and_k_move_through_the_library_as_the_arrows_do(tmp_path):
    (tmp_path / "b.txt").write_text(STORY)
    (tmp_path / "a.md").write_text("# Second story\n\nJust one paragraph here.")
    app = ReaderApp(library=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("k")
        assert table.cursor_row == 0
        await pilot.press("j", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.article.title == "Port deal questioned"


async def test_quit_from_the_command_palette_exits(story):
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        assert "Quit" in [command.title for command in app.get_system_commands(screen)]
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)  # else the q below reaches the reader, which quits on q
        assert type(app.screen).__name__ == "CommandPalette"
        await pilot.press(*"quit")
        await pilot.pause(0.3)
        assert app.is_running
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not app.is_running
    assert app.return_code == 0


async def test_a_selection_survives_resizing_the_terminal(story):
    """Narrowing the window rewraps the article; the passage selected stays selected, and
    h then highlights exactly it."""
    app = ReaderApp(load_article(story))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        text = screen.article.text
        screen.pane.move_to(text.index("The union"))
        await pilot.press("s")
        selected = screen.pane.selection_span
        assert text[selected[0] : selected[1]].startswith("The union")
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        assert screen.pane.selection_span == selected
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert screen.pane.selection_span == selected


async def test_leaving_an_article_for_the_library_saves_its_notes_and_stops_its_writer(
    tmp_path, isolated_db
):
    """Back in the library, what was noted is on disk and the article's save thread is
    gone: a hundred articles opened in turn leave no hundred threads behind."""
    from readerapp.core.store import AnnotationStore

    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "b.txt").write_text(STORY)
    app = ReaderApp(library=folder, db_path=isolated_db)

    def writers() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name.startswith("readerapp-save")]

    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = len(writers())
        await pilot.press("enter")
        screen = await reader_ready(pilot)
        await pilot.press("s", "h")
        assert screen.notebook is not None and screen.notebook.placed
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert len(writers()) == before
        with AnnotationStore(isolated_db, read_only=True) as store:
            assert len(store.all()) == 1
