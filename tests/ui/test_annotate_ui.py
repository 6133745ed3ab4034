"""Pilot tests of annotating: select, highlight, tag, note, delete, undo, persist, re-anchor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pilots import reader_ready as opened
from readerapp.core.annotation import Annotation, TextSelector, article_ref, new_id
from readerapp.core.article import load_article
from readerapp.core.store import AnnotationStore
from readerapp.ui.app import ReaderApp
from readerapp.ui.confirm_screen import ConfirmScreen
from readerapp.ui.note_screen import NoteScreen
from readerapp.ui.reader_screen import ReaderScreen
from readerapp.ui.sidebar import NoteItem, Sidebar, SpeakerItem
from readerapp.ui.tag_screen import TagScreen, parse_tags
from stories import BRIDGE

SIZE = (120, 40)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    return path


def saved(app: ReaderApp, db: Path) -> list:
    app.session.flush()
    return AnnotationStore(db, read_only=True).all()


async def test_sentence_highlight_is_drawn_listed_and_saved(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("s", "h")
        notes = saved(app, isolated_db)
        assert len(notes) == 1
        assert notes[0].selector.exact == "The bridge has been closed since March."
        assert notes[0].colour == "yellow"
        assert [(s, e) for s, e, _ in screen.pane.marks_in("notes")] == [(0, 39)]
        items = [n.data for n in screen.query_one(Sidebar).notes_node.children]
        assert isinstance(items[0], NoteItem) and items[0].span == (0, 39)
        assert not screen.pane.has_selection  # the selection is consumed


async def test_v_and_word_motions_extend_a_selection_and_a_number_picks_the_colour(
    story, isolated_db
):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("w", "v")
        assert "Selecting" in str(screen.query_one("#status").render())
        await pilot.press("w", "w")
        assert screen.pane.has_selection
        await pilot.press("3")
        (note,) = saved(app, isolated_db)
        assert note.selector.exact.strip() == "bridge has"
        assert note.colour == "blue"


async def test_sentence_and_paragraph_motions(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        text = screen.article.text
        await pilot.press("right_parenthesis")
        assert screen.pane.cursor_offset == text.index("Drivers")
        await pilot.press("right_curly_bracket")
        assert screen.pane.cursor_offset == text.index('"The contractor missed')
        await pilot.press("left_curly_bracket")
        assert screen.pane.cursor_offset == 0
        await pilot.press("v", "p")  # p ends v's mode: the status must not say "Selecting"
        assert screen.pane.selection_span == (0, text.index("\n\n"))
        assert "Selection kept" in str(screen.query_one("#status").render())
        await pilot.press("escape")
        assert not screen.pane.has_selection


async def test_tagging_with_completion_and_editing_tags(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "t")
        assert isinstance(app.screen, TagScreen)
        await pilot.press(*"needs source, disputed", "enter")
        (note,) = saved(app, isolated_db)
        assert note.tags == ("needs source", "disputed")
        assert note.colour is None
        # the cursor is inside the annotation: t adds to its tags, with completion
        await pilot.press("t", *"ne")
        await pilot.pause()
        tag_input = app.screen.query_one("#tags")
        assert tag_input._suggestion == "needs source"
        await pilot.press("ctrl+w", *"quote", "enter")
        (note,) = saved(app, isolated_db)
        assert note.tags == ("needs source", "disputed", "quote")


async def test_tagging_again_keeps_the_tags_and_removing_one_is_an_untick(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "t", *"needs source, quote", "enter")
        await pilot.press("t", *"verified", "enter")
        (note,) = saved(app, isolated_db)
        assert note.tags == ("needs source", "quote", "verified")
        # Shift+Tab to the list of current tags, Space unticks "needs source": struck through
        await pilot.press("t", "shift+tab", "space")
        tags = app.screen.query_one("#current-tags")
        assert "strike" in str(tags.get_option_at_index(0).prompt.style)
        await pilot.press("tab", "enter")
        (note,) = saved(app, isolated_db)
        assert note.tags == ("quote", "verified")


@pytest.mark.parametrize("accept", ["tab", "right"])
async def test_tab_or_right_accepts_the_tag_completion(story, isolated_db, accept):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "t", *"verify", "enter", "right_curly_bracket", "s", "t", *"ve")
        await pilot.pause()
        await pilot.press(accept, "enter")
        notes = saved(app, isolated_db)
        assert [n.tags for n in notes] == [("verify",), ("verify",)]


async def test_escape_in_a_dialog_clears_the_last_status(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("s", "t", *"alpha", "enter")
        assert screen.status.text.startswith("Tags saved")
        await pilot.press("t", "escape")
        await pilot.pause()
        assert screen.status.text == ""


def test_parse_tags_trims_and_drops_repeats():
    assert parse_tags(" a ,  b  c,A,, \x1b[2Jd") == ("a", "b c", "d")


async def test_note_editor_saves_with_ctrl_s_and_asks_before_discarding(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("s", "a")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Check the [bold]date[/]", "enter", *"with the council")
        await pilot.press("ctrl+s")
        (note,) = saved(app, isolated_db)
        assert note.note == "Check the [bold]date[/]\nwith the council"
        label = screen.query_one(Sidebar).notes_node.children[0].label
        assert "Check the [bold]date[/]" in label.plain
        # editing, then Escape: asked first; "n" keeps editing, "y" discards
        await pilot.press("a", *" more")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("escape", "y")
        assert isinstance(app.screen, ReaderScreen)
        (note,) = saved(app, isolated_db)
        assert note.note == "Check the [bold]date[/]\nwith the council"


async def test_escape_on_an_unchanged_note_closes_without_asking(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "a", "escape")
        assert isinstance(app.screen, ReaderScreen)
        assert saved(app, isolated_db) == []


async def test_delete_and_several_levels_of_undo(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "h", "2")  # create yellow, recolour green
        assert saved(app, isolated_db)[0].colour == "green"
        await pilot.press("d")
        assert saved(app, isolated_db) == []
        await pilot.press("u")
        assert saved(app, isolated_db)[0].colour == "green"
        await pilot.press("u")
        assert saved(app, isolated_db)[0].colour == "yellow"
        await pilot.press("u")
        assert saved(app, isolated_db) == []
        await pilot.press("u")
        assert "Nothing to undo" in str(app.screen.query_one("#status").render())


async def test_brackets_move_between_annotations(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        text = screen.article.text
        await pilot.press("s", "h", "right_curly_bracket", "s", "h", "g")
        await pilot.press("right_square_bracket")
        assert screen.pane.cursor_offset == text.index('"The contractor')
        await pilot.press("right_square_bracket")  # wraps around
        assert screen.pane.cursor_offset == 0
        await pilot.press("left_square_bracket")
        assert screen.pane.cursor_offset == text.index('"The contractor')


async def test_notes_survive_a_restart_exactly_where_they_were(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("right_curly_bracket", "s", "4", "t", *"quote", "enter")
        await pilot.press("q")
    again = ReaderApp(load_article(story), db_path=isolated_db)
    async with again.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        ((start, end, _),) = screen.pane.marks_in("notes")
        assert screen.article.text[start:end].startswith('"The contractor missed')
        (placed,) = screen.notebook.placed
        assert placed.annotation.tags == ("quote",) and placed.annotation.colour == "pink"


async def test_notes_follow_an_edited_article_and_orphans_are_listed(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "h", "G", "left_parenthesis", "s", "a", *"check", "ctrl+s")
        assert saved(app, isolated_db)[1].selector.exact == "It said the steel arrived late."
        await pilot.press("q")
    edited = BRIDGE.replace(
        '"The contractor missed', 'A new paragraph.\n\n"The contractor missed'
    ).replace("It said the steel arrived late.", "It blamed the weather.")
    story.write_text(edited, encoding="utf-8")
    again = ReaderApp(load_article(story), db_path=isolated_db)
    async with again.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        ((start, end, _),) = screen.pane.marks_in("notes")
        assert screen.article.text[start:end] == "The bridge has been closed since March."
        (orphan,) = screen.notebook.orphans
        assert orphan.note == "check"
        orphan_section = screen.query_one(Sidebar).notes_node.children[-1]
        assert "Orphaned 1" in orphan_section.label.plain
        assert orphan_section.children[0].data.span is None
        assert len(saved(again, isolated_db)) == 2  # never deleted


async def test_a_speaker_in_the_sidebar_can_be_tagged(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        sidebar = screen.query_one(Sidebar)
        speaker_nodes = [n for n in sidebar.speakers_node.children if n.data is not None]
        assert speaker_nodes, "the analysis found no speaker in the test story"
        sidebar.focus()
        sidebar.move_cursor(speaker_nodes[0])
        await pilot.press("t", *"needs verification", "enter")
        (note,) = saved(app, isolated_db)
        speaker = speaker_nodes[0].data
        assert isinstance(speaker, SpeakerItem)
        assert note.link is not None and note.link.kind == "speaker"
        assert note.link.key == speaker.speaker.name
        assert note.tags == ("needs verification",)
        # The speaker's row shows its tag, and the Notes list names the speaker, not a passage
        await pilot.pause()
        assert "#needs verification" in str(speaker_nodes[0].label)
        (row,) = [n for n in sidebar.notes_node.children if n.data is not None]
        assert str(row.label).startswith(f"□ speaker {speaker.speaker.name}")
        await pilot.press("a")
        assert str(app.screen.query_one("#note-title").render()).startswith(
            f"Note on speaker {speaker.speaker.name}"
        )


async def test_filter_the_notes_list_by_tag(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press(
            "s", "t", *"alpha", "enter", "right_curly_bracket", "s", "t", *"beta", "enter"
        )
        sidebar = screen.query_one(Sidebar)
        assert len([n for n in sidebar.notes_node.children if n.data]) == 2
        await pilot.press("f", *"beta", "enter")
        shown = [n.data for n in sidebar.notes_node.children if n.data]
        assert [n.annotation.tags for n in shown] == [("beta",)]
        await pilot.press("f", "ctrl+u", "enter")
        assert len([n for n in sidebar.notes_node.children if n.data]) == 2


async def test_e_asks_for_the_file_with_a_default_outside_the_current_folder(
    story, isolated_db, tmp_path, monkeypatch
):
    home, work = tmp_path / "home", tmp_path / "clone"
    (home / "Documents").mkdir(parents=True)
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    monkeypatch.chdir(work)
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "h", "e", "down", "down", "enter")  # Markdown
        field = app.screen.query_one("#export-path")
        assert field.value == str(home / "Documents" / "bridge.notes.md")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        exported = home / "Documents" / "bridge.notes.md"
        assert "The bridge has been closed since March." in exported.read_text()
        assert any(str(exported) in n.message for n in app._notifications)
        assert list(work.iterdir()) == []  # nothing left in the current folder

        # Another name, then the same name again: replacing it asks first.
        target = tmp_path / "report.json"
        target.write_text("keep me")
        await pilot.press("e", "enter", "ctrl+u", *str(target), "enter")
        assert "Replace it?" in str(app.screen.query_one("Static").render())
        await pilot.press("n", "escape")
        assert target.read_text() == "keep me"


async def test_a_corrupt_database_is_never_overwritten(story, isolated_db):
    isolated_db.parent.mkdir(parents=True, exist_ok=True)
    isolated_db.write_bytes(b'{"this is": not json')
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it, read-only
        await pilot.press("s", "h")
        assert any("read-only" in n.message for n in app._notifications)
        app.session.flush()
    assert isolated_db.read_bytes() == b'{"this is": not json'


async def test_a_corrupt_database_can_be_moved_aside_after_confirming(story, isolated_db):
    isolated_db.parent.mkdir(parents=True, exist_ok=True)
    isolated_db.write_bytes(b"garbage")
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("y")
        await pilot.press("s", "h")
        assert len(saved(app, isolated_db)) == 1
    backups = [p for p in isolated_db.parent.iterdir() if ".corrupt-" in p.name]
    assert [p.read_bytes() for p in backups] == [b"garbage"]


async def test_library_shows_each_article_note_count(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "h", "right_curly_bracket", "s", "h", "q")
    library = ReaderApp(library=story.parent, db_path=isolated_db)
    async with library.run_test(size=SIZE) as pilot:
        await library.workers.wait_for_complete()
        await pilot.pause()
        row = library.screen.query_one("DataTable").get_row_at(0)
        assert str(row[3]) == "2"


async def test_nothing_to_annotate_says_what_to_do(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("h")
        assert "select with v" in str(screen.query_one("#status").render())
        assert saved(app, isolated_db) == []


async def test_a_long_notes_list_fills_in_completely(story, isolated_db):
    from readerapp.core.notebook import Notebook

    article = load_article(story)
    notebook = Notebook(AnnotationStore(isolated_db), article)
    for n in range(250):
        notebook.create(n % 30, n % 30 + 5, tags=(f"t{n}",))
    notebook.close()
    app = ReaderApp(article, db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        sidebar = screen.query_one(Sidebar)
        for _ in range(20):
            await pilot.pause()
            if len(sidebar.notes_node.children) == 250:
                break
        rows = [n.data for n in sidebar.notes_node.children]
        assert len(rows) == 250
        starts = [row.span[0] for row in rows]
        assert starts == sorted(starts)  # text order
        assert len(screen.pane.marks_in("notes")) == 250


async def test_mouse_drag_selects_a_passage_to_highlight(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        view = screen.pane
        await pilot.mouse_down(view, offset=(5, 0))
        await pilot.hover(view, offset=(20, 0))
        await pilot.mouse_up(view, offset=(20, 0))
        assert view.has_selection
        await pilot.press("h")
        (note,) = saved(app, isolated_db)
        start, end = 4, 19  # columns 5 and 20 of the pane, less its one-cell padding
        assert note.selector.exact == screen.article.text[start:end]


async def test_notifications_show_notes_and_quotes_literally(story, isolated_db):
    from readerapp.core.notebook import Notebook

    article = load_article(story)
    notebook = Notebook(AnnotationStore(isolated_db), article)
    last = article.text.index("It said")
    notebook.create(last, last + 31, note="check [/bold] and [link=x]y")
    notebook.close()
    story.write_text(BRIDGE.replace("It said the steel arrived late.", "It blamed rain."))
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        sidebar = screen.query_one(Sidebar)
        orphan = sidebar.notes_node.children[-1].children[0]
        sidebar.focus()
        sidebar.move_cursor(orphan)
        await pilot.press("enter")
        await pilot.pause()
        shown = list(app._notifications)[-1]
        assert "Note: check [/bold] and [link=x]y" in shown.message
        assert shown.markup is False  # the toast shows it as typed, never as markup


async def test_keys_typed_in_a_burst_leave_a_true_status(story, isolated_db):
    """v, s and h faster than the screen handles messages (a paste, tmux send-keys)."""
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        screen.pane.action_toggle_selecting()
        screen.pane.action_select_sentence()
        screen.pane.action_annotate("highlight")  # before the "selecting changed" messages land
        await pilot.pause()
        assert str(screen.query_one("#status").render()).startswith("Highlighted in yellow")


async def test_an_arrow_that_drops_the_selection_clears_selection_kept(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert screen.status.text.startswith("Selection kept")
        await pilot.press("down")
        await pilot.pause()
        assert not screen.pane.has_selection
        assert screen.status.text == ""


async def test_a_database_the_user_cannot_write_opens_read_only_and_says_why(
    story, isolated_db, monkeypatch
):
    isolated_db.parent.mkdir(parents=True, exist_ok=True)
    article = load_article(story)
    with AnnotationStore(isolated_db) as store:
        store.save(
            Annotation(
                id=new_id(),
                article=article_ref(article),
                selector=TextSelector.from_text(article.text, 0, 20),
                colour="yellow",
            )
        )
    before = isolated_db.read_bytes()
    # As the kernel answers a non-root user for a 0444 file (root may write anything).
    monkeypatch.setattr(
        "readerapp.core.store.opening.write_problem",
        lambda path: f"{path.name} is read-only (mode 0444)",
    )
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        assert screen.notebook is not None and screen.notebook.read_only
        assert any("read-only" in n.message and "0444" in n.message for n in app._notifications)
        await pilot.press("s", "h")
        app.session.flush()
    assert isolated_db.read_bytes() == before


async def test_ctrl_r_redoes_what_u_undid(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("s", "h", "t", *"alpha", "enter")
        await pilot.press("u")
        assert [n.tags for n in saved(app, isolated_db)] == [()]
        await pilot.press("ctrl+r")
        assert [n.tags for n in saved(app, isolated_db)] == [("alpha",)]
        assert screen.status.text.startswith("Redid")


async def test_a_reworded_passage_is_marked_until_confirmed_and_exports_both_wordings(
    story, isolated_db, tmp_path
):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "t", *"timeline", "enter")
        app.session.flush()
        await pilot.press("q")
    story.write_text(BRIDGE.replace("closed since March", "shut since March"), encoding="utf-8")
    article = load_article(story)
    again = ReaderApp(article, db_path=isolated_db)
    async with again.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        (mark,) = screen.pane.marks
        assert mark.changed and article.text[mark.start : mark.end].startswith(
            "The bridge has been shut"
        )
        (row,) = [n for n in screen.query_one(Sidebar).notes_node.children if n.data]
        assert "text changed" in row.label.plain

        from readerapp.core.exchange import notes_for_article, render

        annotations = [p.annotation for p in screen.notebook.placed]
        document = json.loads(render(notes_for_article(article, None, annotations), "json"))
        (exported,) = document["articles"][0]["annotations"]
        assert exported["selector"]["exact"] == "The bridge has been shut since March."
        assert exported["original_exact"] == "The bridge has been closed since March."
        assert document["articles"][0]["sha256"] == article.sha256

        await pilot.press("right_square_bracket")
        assert "c confirms it" in screen.status.text
        await pilot.press("c")
        assert screen.status.text.startswith("The passage is confirmed")
        (row,) = [n for n in screen.query_one(Sidebar).notes_node.children if n.data]
        assert "text changed" not in row.label.plain
        (note,) = saved(again, isolated_db)
        assert note.selector.exact == "The bridge has been shut since March."
        assert note.tags == ("timeline",)


async def test_brackets_on_a_note_without_tags_show_the_note(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("s", "a", *"ask the council", "ctrl+s", "G", "right_square_bracket")
        assert screen.status.text.startswith("Annotation 1 of 1: no tags · ask the council")


async def test_undoing_a_note_keeps_the_tags_and_undone_tags_leave_the_completion(
    story, isolated_db
):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("s", "t", *"freshtag", "enter", "a", *"a note", "ctrl+s")
        await pilot.press("u")  # undoes the note only
        (note,) = saved(app, isolated_db)
        assert note.tags == ("freshtag",) and note.note == ""
        await pilot.press("u")  # undoes the tag
        app.session.flush()
        assert "freshtag" not in screen.notebook.all_tags()
        await pilot.press("t", *"fre")
        await pilot.pause()
        assert app.screen.query_one("#tags")._suggestion == ""


async def test_a_note_or_tag_over_the_limits_is_refused_and_kept_in_the_editor(story, isolated_db):
    app = ReaderApp(load_article(story), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await pilot.press("s", "a")
        app.screen.query_one("TextArea").text = "x" * 1_200_000
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NoteScreen)  # still open: nothing lost
        assert any("over 1 MB" in n.message for n in app._notifications)
        await pilot.press("escape", "y")
        await pilot.press("t")
        app.screen.query_one("#tags").value = "y" * 300
        await pilot.press("enter")
        assert isinstance(app.screen, TagScreen)
        assert any("over 200 characters" in n.message for n in app._notifications)
        await pilot.press("escape")
        assert saved(app, isolated_db) == []


async def test_a_file_name_that_is_not_utf8_saves_notes(tmp_path, isolated_db):
    import os

    path = Path(os.fsdecode(tmp_path / "caf") + os.fsdecode(b"\xe9.txt"))
    path.write_text(BRIDGE, encoding="utf-8")
    app = ReaderApp(load_article(path), db_path=isolated_db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(pilot)
        await pilot.press("s", "h")
        (note,) = saved(app, isolated_db)
        assert note.article.path == str(path)
        assert "caf\\xe9.txt" in str(screen.query_one("#article-header").render())
        assert not any("Could not save" in n.message for n in app._notifications)
