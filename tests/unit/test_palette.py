"""Every state the article can be in looks unlike every other, and its text can be read."""

from __future__ import annotations

import math
from itertools import combinations

from rich.color import Color
from rich.style import Style

from readerapp.core.annotation import COLOURS
from readerapp.ui.palette import (
    CHOSEN_QUOTE,
    CURRENT_TARGET,
    SEARCH_MATCH,
    SELECTION,
    highlight_style,
)

STATES = {
    **{colour: highlight_style(colour) for colour in COLOURS},
    "selection": SELECTION,
    "search match": SEARCH_MATCH,
    "chosen speaker's quote": CHOSEN_QUOTE,
}


def rgb(color: Color | None) -> tuple[int, int, int]:
    assert color is not None
    triplet = color.get_truecolor()
    return triplet.red, triplet.green, triplet.blue


def luminance(value: tuple[int, int, int]) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = map(channel, value)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lab(value: tuple[int, int, int]) -> tuple[float, float, float]:
    def linear(v: int) -> float:
        c = v / 255
        return ((c + 0.055) / 1.055) ** 2.4 if c > 0.04045 else c / 12.92

    r, g, b = map(linear, value)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_text_on_every_highlight_and_state_is_readable() -> None:
    for name, style in STATES.items():
        ratio = contrast(rgb(style.color), rgb(style.bgcolor))
        assert ratio >= 4.5, (name, round(ratio, 2))


def test_no_two_states_look_alike() -> None:
    """CIE76 colour distance of the backgrounds: 25 is clearly a different colour."""
    for (a, sa), (b, sb) in combinations(STATES.items(), 2):
        distance = math.dist(lab(rgb(sa.bgcolor)), lab(rgb(sb.bgcolor)))
        assert distance >= 25, (a, b, round(distance, 1))


def test_the_current_match_is_the_text_inverted() -> None:
    assert CURRENT_TARGET.reverse and CURRENT_TARGET.bold
    assert (
        CURRENT_TARGET.bgcolor is None
        and Style(reverse=True, bold=True, underline=True) == CURRENT_TARGET
    )
