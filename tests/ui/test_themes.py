"""In every theme the reader's own lines can be read: footer, status line, header."""

from __future__ import annotations

import pytest

from pilots import reader_ready
from readerapp.core.article import load_article
from readerapp.ui.app import ReaderApp
from readerapp.ui.key_hints import KeyHints
from readerapp.ui.status_line import StatusLine

pytestmark = pytest.mark.slow


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    def luminance(value: tuple[int, int, int]) -> float:
        def channel(v: int) -> float:
            c = v / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = map(channel, value)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def worst_contrast(widget) -> float:
    worst = 99.0
    for segment in widget.render_line(0):
        style = segment.style
        if not segment.text.strip() or style is None or not (style.color and style.bgcolor):
            continue
        fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
        if style.reverse:
            fg, bg = bg, fg
        worst = min(worst, contrast(tuple(fg), tuple(bg)))
    return worst


async def test_footer_status_and_header_have_readable_contrast_in_every_theme(sample_path):
    app = ReaderApp(load_article(sample_path))
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await reader_ready(pilot)
        unreadable = []
        # ANSI themes use the terminal's own colours, which only the terminal knows.
        for theme in sorted(t for t in app.available_themes if not t.startswith("ansi")):
            app.theme = theme
            await pilot.pause()
            for widget in (
                reader.query_one(KeyHints),
                reader.query_one(StatusLine),
                reader.query_one("#article-header"),
            ):
                if (ratio := worst_contrast(widget)) < 4.5:
                    unreadable.append((theme, type(widget).__name__, round(ratio, 2)))
        assert unreadable == []
