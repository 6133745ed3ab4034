"""Outside text made safe: escape sequences and controls go, line breaks stay breaks."""

from __future__ import annotations

import os

import pytest

from readerapp.core.article import parse_article
from readerapp.core.safe_text import clean_line, clean_text, visible_name

TITLE = "\x1b]2;PWNED\x07"
CLIPBOARD = "\x1b]52;c;UFdORUQ=\x07"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (f"a{TITLE}b", "ab"),
        (f"a{CLIPBOARD}b", "ab"),
        ("a\x1b]52;c;UFdORUQ=\x1b\\b", "ab"),  # ended by ST instead of BEL
        ("red \x1b[31mtext\x1b[0m", "red text"),
        ("blank \x1b[2J", "blank "),
        ("8-bit \x9b31mCSI and \x9d0;t\x9c OSC", "8-bit CSI and  OSC"),
        ("bell\x07 and back\x08space", "bell and backspace"),
        ("bidi \u202eevil\u202c", "bidi evil"),
        ("kept: tab\tand\nnewline", "kept: tab\tand\nnewline"),
        ("windows\r\nline\rends", "windows\nline\nends"),
        ("café — “quotes” 😀 עברית", "café — “quotes” 😀 עברית"),
    ],
)
def test_clean_text_removes_controls_and_keeps_the_words(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_an_unterminated_command_never_swallows_the_text_after_it() -> None:
    assert clean_text("start \x1b]2;no end\n\nThe next paragraph.") == (
        "start 2;no end\n\nThe next paragraph."
    )


@pytest.mark.parametrize("breaker", ["\f", "\v", "\x85", "\u2028", "\u2029"])
def test_line_breaking_characters_become_breaks_never_nothing(breaker: str) -> None:
    assert clean_text(f"page one{breaker}the first").split() == ["page", "one", "the", "first"]


def test_a_form_feed_between_pages_starts_a_paragraph() -> None:
    article = parse_article("Title\n\nEnd of page one.\fStart of page two.\n")
    paragraphs = [article.text[s:e] for s, e in article.paragraphs]
    assert paragraphs == ["End of page one.", "Start of page two."]


def test_clean_line_is_one_line() -> None:
    assert clean_line(f" needs\nsource {TITLE}\t") == "needs source"


def test_visible_name_shows_every_control_as_an_escape() -> None:
    assert visible_name(f"x{TITLE}.txt") == "x\\x1b]2;PWNED\\x07.txt"
    assert visible_name("two\nlines.txt") == "two\\x0alines.txt"
    assert visible_name("plain name.txt") == "plain name.txt"


def test_visible_name_shows_bytes_that_are_not_utf8() -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # as Python lists a Latin-1 file name
    assert visible_name(name) == "caf\\xe9.txt"
