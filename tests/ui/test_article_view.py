"""The article pane as a reader uses it: wrapping, the cursor, the mouse, resizing, copying."""

from __future__ import annotations

from rich.cells import cell_len

from pilots import reader_ready as opened
from readerapp.core.article import load_article
from readerapp.ui.app import ReaderApp

LONG = " ".join(f"word{i}" for i in range(400))
WIDE = "記者が書いた記事を丁寧に読む。" * 20 + " 😀 emoji and ascii mixed " * 10
ARTICLE = f"""Wrapping and moving

A short line.

{LONG}

{WIDE}

The end.
"""


def rows(view) -> list[str]:
    return ["".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height)]


def make_app(write_article, text: str = ARTICLE) -> ReaderApp:
    return ReaderApp(load_article(write_article("wrap.txt", text)))


async def test_rows_fit_the_pane_and_keep_every_character(write_article):
    app = make_app(write_article)
    async with app.run_test(size=(100, 120)) as pilot:
        view = (await opened(pilot)).pane
        width = view.scrollable_content_region.width
        shown = rows(view)
        assert all(cell_len(row) == width for row in shown)  # wide characters counted in cells
        assert any("記者" in row for row in shown) and any("😀" in row for row in shown)
        # Read row by row, the pane holds the paragraphs, every word once, in order.
        joined = " ".join(row.strip() for row in shown if row.strip())
        assert " ".join(joined.split()).startswith("A short line. word0 word1")
        assert all(f"word{i} " in joined + " " for i in range(0, 400, 37))


async def test_up_and_down_keep_the_column_across_a_short_line(write_article):
    app = make_app(write_article)
    async with app.run_test(size=(100, 40)) as pilot:
        view = (await opened(pilot)).pane
        text = view.text
        view.move_to(text.index("word0") + 40)
        column = 40
        await pilot.press("k", "k")  # up past the blank line onto "A short line."
        assert view.cursor_offset == len("A short line.")  # clamped to the short line's end
        await pilot.press("j", "j")
        assert view.cursor_offset == text.index("word0") + column  # back in its column


async def test_a_click_puts_the_cursor_under_the_pointer_and_a_drag_selects(write_article):
    app = make_app(write_article)
    async with app.run_test(size=(100, 40)) as pilot:
        view = (await opened(pilot)).pane
        await pilot.click(view, offset=(3, 2))  # row 2 is "word0 …"; the pane pads one cell
        assert view.cursor_offset == view.text.index("word0") + 2
        assert not view.has_selection
        await pilot.mouse_down(view, offset=(1, 2))
        await pilot.hover(view, offset=(6, 3))
        await pilot.mouse_up(view, offset=(6, 3))
        start, end = view.selection_span
        assert start == view.text.index("word0")
        assert view.row_of(end) == view.row_of(start) + 1


async def test_a_resize_rewraps_and_keeps_the_reading_place(write_article):
    app = make_app(write_article)
    async with app.run_test(size=(100, 30)) as pilot:
        view = (await opened(pilot)).pane
        view.move_to(view.text.index("word300"))
        await pilot.pause()
        assert any("word300" in row for row in rows(view))
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        assert view.wrapped_width == view.scrollable_content_region.width - 1
        assert all(cell_len(row) == view.scrollable_content_region.width for row in rows(view))
        assert any("word300" in row for row in rows(view))  # the cursor's row is still in view


async def test_page_down_and_end_reach_the_last_row(write_article):
    app = make_app(write_article)
    async with app.run_test(size=(100, 20)) as pilot:
        view = (await opened(pilot)).pane
        await pilot.press("space", "space")
        assert view.scroll_y > 0 and view.cursor_offset > 0
        await pilot.press("G")
        assert view.cursor_offset == len(view.text)
        assert any("The end." in row for row in rows(view))  # the last paragraph is in view


async def test_shift_arrows_select_and_ctrl_c_copies_the_passage(write_article):
    app = make_app(write_article)
    async with app.run_test(size=(100, 40)) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+c")
        assert app.clipboard == ""  # nothing selected: nothing copied, and a warning says so
        assert any("Nothing to copy" in str(n.message) for n in app._notifications)
        for _ in range(7):
            await pilot.press("shift+right")
        await pilot.press("ctrl+c")
        assert app.clipboard == "A short"
        await pilot.press("shift+down", "shift+down", "ctrl+c")
        assert app.clipboard.startswith("A short line.\n\nword0")


async def test_the_cursor_shows_only_while_the_pane_has_focus(write_article):
    app = make_app(write_article)
    async with app.run_test(size=(100, 40)) as pilot:
        view = (await opened(pilot)).pane
        assert view.has_focus
        cursor = view.get_component_rich_style("article-view--cursor")
        first = view.render_line(0)
        assert list(first)[0].style.bgcolor == cursor.bgcolor
        await pilot.press("tab")
        assert not view.has_focus
        assert list(view.render_line(0))[0].style.bgcolor != cursor.bgcolor


async def test_a_theme_change_recolours_the_article(write_article):
    app = make_app(write_article)
    async with app.run_test(size=(100, 40)) as pilot:
        view = (await opened(pilot)).pane
        dark = list(view.render_line(3))[0].style.bgcolor
        app.theme = "textual-light"
        await pilot.pause()
        light = list(view.render_line(3))[0].style.bgcolor
        assert light != dark
        assert light == view.rich_style.bgcolor


async def test_the_mouse_wheel_scrolls_the_article(write_article):
    from textual import events

    app = make_app(write_article)
    async with app.run_test(size=(100, 20)) as pilot:
        view = (await opened(pilot)).pane
        for _ in range(3):
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause(0.3)  # the wheel scroll is animated
        assert view.scroll_y > 0
        assert not any("A short line." in row for row in rows(view))


async def test_a_huge_article_shows_its_first_screen_then_every_row(write_article):
    """Past LONG_ARTICLE_CHARS the rows are wrapped in a thread, after a first screen."""
    from readerapp.ui.article_view import LONG_ARTICLE_CHARS

    paragraphs = [f"Paragraph {n} " + LONG for n in range(LONG_ARTICLE_CHARS // len(LONG) + 20)]
    text = "A huge article\n\n" + "\n\n".join(paragraphs) + "\n\nThe very last words."
    app = make_app(write_article, text)
    async with app.run_test(size=(100, 30)) as pilot:
        view = (await opened(pilot)).pane
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view._row_ends[-1] == len(view.text)  # every row is in
        assert view._sentences is not None  # found in a thread, before any key asked
        await pilot.press("right_parenthesis")
        assert view.cursor_offset == view.text.index("Paragraph 1")  # no full stop before it
        await pilot.press("G")
        assert any("The very last words." in row for row in rows(view))
        await pilot.resize_terminal(70, 30)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.wrapped_width == view.scrollable_content_region.width - 1
        assert any("The very last words." in row for row in rows(view))  # still in view
        assert all(cell_len(row) == view.scrollable_content_region.width for row in rows(view))


async def test_after_a_resize_the_cursor_is_still_on_screen(write_article):
    app = make_app(write_article, "\n\n".join(f"Paragraph {i}. " + LONG for i in range(6)))
    async with app.run_test(size=(100, 40)) as pilot:
        view = (await opened(pilot)).pane
        for _ in range(30):
            await pilot.press("j")
        await pilot.pause()
        row = view.row_of(view.cursor_offset)
        assert int(view.scroll_y) <= row < int(view.scroll_y) + view.size.height
        for size in ((100, 16), (60, 16), (60, 12)):  # shorter, then narrower, then shorter
            await pilot.resize_terminal(*size)
            await pilot.pause()
            row = view.row_of(view.cursor_offset)
            top = int(view.scroll_y)
            assert top <= row < top + view.scrollable_content_region.height, size
