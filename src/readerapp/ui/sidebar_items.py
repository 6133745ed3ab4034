"""What the sidebar's rows stand for, kept apart from the Tree widget.

The reader screen and the annotation actions check these types; keeping them
here lets the screen start without importing the Tree, which is mounted only
when the first analysis or notes arrive (after the first frame).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readerapp.core.analysis.model import Allegation, Quote, Speaker
    from readerapp.core.annotation import Annotation

# Highlight colours: background for the article, a swatch for the sidebar.
COLOUR_HEX = {
    "yellow": "#e5c07b",
    "green": "#98c379",
    "blue": "#61afef",
    "pink": "#e88ebc",
    "orange": "#f0a35e",
}


def counted(number: int, noun: str) -> str:
    """'1 quote', '3 quotes'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def excerpt(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return (cut or flat[: limit - 1]) + "…"


@dataclass(frozen=True)
class SpeakerItem:
    speaker: Speaker


@dataclass(frozen=True)
class QuoteItem:
    speaker: Speaker
    quote: Quote


@dataclass(frozen=True)
class AllegationItem:
    allegation: Allegation


@dataclass(frozen=True)
class NoteItem:
    annotation: Annotation
    span: tuple[int, int] | None  # None: orphaned, its passage is no longer in the text


SidebarItem = SpeakerItem | QuoteItem | AllegationItem | NoteItem | None
