"""Every colour the reader paints on the article, in one place.

The names of the highlight colours belong to the data (`annotation.COLOURS`:
they are stored and exported); how each looks, and how the reader's own states
look (the selection, a chosen speaker's quotes, search matches, the current
match), is decided here, so one module can be checked for states that look
alike and text that cannot be read.
"""

from __future__ import annotations

from rich.style import Style

from readerapp.core.annotation import COLOURS

# Text on every highlight is this near-black: the highlights are light colours.
INK = "#1a1a1a"

#: The background of each highlight colour, by its stored name.
HIGHLIGHT_HEX = {
    "yellow": "#f0d850",
    "green": "#98c379",
    "blue": "#61afef",
    "pink": "#e88ebc",
    "orange": "#f0a35e",
}
assert set(HIGHLIGHT_HEX) == set(COLOURS), "every stored colour needs a look"

#: An annotation with tags or a note but no colour: underlined, in the text's own colour.
UNCOLOURED = Style(underline=True, bold=True)

#: The reader's own states, painted over the highlights: each unlike every highlight and
#: every other state (tests/unit/test_palette.py checks colour distance and contrast).
SELECTION = Style(bgcolor="#6c3fb5", color="#ffffff")
SEARCH_MATCH = Style(bgcolor="#7a5c00", color="#ffffff")
CHOSEN_QUOTE = Style(bgcolor="#00695c", color="#ffffff")
#: The match or quote n/N is on: the text's own colours swapped, so it stands out on
#: any theme and over any highlight, and its contrast is the text's own.
CURRENT_TARGET = Style(reverse=True, bold=True, underline=True)


def highlight_style(colour: str | None) -> Style:
    """How an annotation shows in the article: its highlight, or an underline without one."""
    hex_value = HIGHLIGHT_HEX.get(colour or "")
    return Style(bgcolor=hex_value, color=INK) if hex_value else UNCOLOURED


def swatch(colour: str | None) -> tuple[str, str]:
    """A one-cell swatch for lists: `■` in the colour, or a dim `□` for none."""
    hex_value = HIGHLIGHT_HEX.get(colour or "")
    return ("■ ", hex_value) if hex_value else ("□ ", "dim")
