"""Defence in depth: with the cleaning where text enters switched off, nothing shown
on screen holds a terminal control. The rendering layer alone must be enough."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import SelectionList, TextArea

from pilots import reader_ready
from readerapp.core.annotation import Annotation, TextSelector, article_ref, new_id
from readerapp.core.article import load_article
from readerapp.core.store import AnnotationStore
from readerapp.ui.app import ReaderApp
from readerapp.ui.sidebar import Sidebar

EVIL = "\x1b]2;PWNED\x07\x1b]52;c;UFdORUQ=\x07\x1b[2J\x9b31m"
CONTROLS = [chr(c) for c in (*range(0, 9), *range(11, 32), *range(0x7F, 0xA0))]


def has_control(text: str) -> bool:
    return any(c in text for c in CONTROLS)


@pytest.fixture
def unguarded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text enters raw: the article loader and the database reader clean nothing."""
    monkeypatch.setattr("readerapp.core.article.clean_text", lambda text: text)
    monkeypatch.setattr("readerapp.core.annotation.clean_text", lambda text: text)
    monkeypatch.setattr("readerapp.core.annotation.clean_line", lambda text: text)


async def test_hostile_text_is_shown_without_its_controls(
    unguarded: None, tmp_path: Path, isolated_db: Path
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        f"Council row {EVIL}\n\n"
        f'"We will not pay {EVIL}," said Maria Lopez, the treasurer.\n\n'
        "The auditors accused the council of hiding losses.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert EVIL in article.text  # the entry layer really is off
    with AnnotationStore(isolated_db) as store:
        store.save(
            Annotation(
                id=new_id(),
                article=article_ref(article),
                selector=TextSelector.from_text(article.text, 0, 30),
                colour="yellow",
                tags=(f"bad{EVIL}tag",),
                note=f"first {EVIL} line",
            )
        )
    app = ReaderApp(article, db_path=isolated_db)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await reader_ready(pilot)
        assert reader.notebook is not None and EVIL in reader.notebook.placed[0].annotation.note
        header = reader.query_one("#article-header").render()
        assert not has_control(str(header)) and "Council row" in str(header)
        sidebar = reader.query_one(Sidebar)
        labels = [str(node.label) for node in sidebar._tree_nodes.values()]
        assert any("Maria Lopez" in label for label in labels)
        assert not any(has_control(label) for label in labels)

        await pilot.press("right_square_bracket")
        status = str(reader.status.render())
        assert "Annotation 1 of 1" in status and not has_control(status)

        await pilot.press("t")
        tags = app.screen.query_one(SelectionList)
        shown = [str(tags.get_option_at_index(i).prompt) for i in range(tags.option_count)]
        assert any("badtag" in tag for tag in shown) and not any(map(has_control, shown))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")
        note = app.screen.query_one(TextArea).text
        assert "first" in note and not has_control(note)
        await pilot.press("escape")
        await pilot.pause()
        reader.pane.select_span(0, 10)
        reader.pane.action_copy()
        assert not has_control(app.clipboard)
        assert not any(has_control(n.message + n.title) for n in app._notifications)


async def test_the_orphaned_note_notice_is_shown_without_its_controls(
    unguarded: None, tmp_path: Path, isolated_db: Path
) -> None:
    """A note whose passage left the article is told in a notification that quotes the
    passage and the note, both from the database: their controls must not reach it."""
    from readerapp.ui.sidebar_items import NoteItem

    path = tmp_path / "story.txt"
    path.write_text("Council row\n\nThe auditors met on Monday.\n", encoding="utf-8")
    article = load_article(path)
    elsewhere = f"A passage {EVIL} that was cut from the story."
    with AnnotationStore(isolated_db) as store:
        store.save(
            Annotation(
                id=new_id(),
                article=article_ref(article),
                selector=TextSelector.from_text(elsewhere, 0, len(elsewhere)),
                colour="yellow",
                note=f"check {EVIL} this",
            )
        )
    app = ReaderApp(article, db_path=isolated_db)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await reader_ready(pilot)
        sidebar = reader.query_one(Sidebar)
        node = next(n for n in sidebar._tree_nodes.values() if isinstance(n.data, NoteItem))
        assert node.data.span is None  # orphaned
        if node.parent is not None:
            node.parent.expand()
        await pilot.pause()
        sidebar.focus()
        sidebar.move_cursor(node)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        orphaned = [m for m in notices if m.startswith("Orphaned")]
        assert orphaned and "cut from the story" in orphaned[0] and "check" in orphaned[0]
        assert not any(map(has_control, notices))
