"""The messages the reader's widgets post to their screen (small dataclasses, as toolong does).

Widgets own the actions on their own state and say what the user asked for;
the screen decides what that means for the others. Nothing here imports a
widget, so any module may post or handle these without an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.message import Message

from readerapp.core.target import Target

Span = tuple[int, int]
Intent = Literal["highlight", "tag", "note", "delete", "confirm"]


@dataclass
class AnnotateRequested(Message):
    """An annotation key (h, 1–5, t, a, d) on a target of the focused widget, with what
    the user chose: the colour, the tags or the note (the dialogs have been answered).

    `target` is None when there was nothing to annotate where the key was pressed.
    """

    target: Target | None
    intent: Intent
    colour: str | None = None  # for "highlight": None means the last colour used
    tags: tuple[str, ...] = ()  # for "tag": the annotation's tags from now on
    note: str = ""  # for "note": its note from now on
    rest: bool = False  # afterwards the article's cursor rests on the annotation


@dataclass(frozen=True)
class Jump:
    """What choosing a row (a speaker, a quote, an allegation, a note) shows in the article."""

    label: str
    spans: tuple[Span, ...] = ()  # highlighted, and walked with n/N
    index: int = 0  # the one to go to first
    select: bool = False  # select the passage (a note) instead of highlighting it
    notice: str = ""  # shown instead when there is no passage (an orphaned note)


@dataclass
class JumpRequested(Message):
    """A row was chosen (Enter or a click); the article shows what it stands for."""

    jump: Jump


@dataclass
class StatusChanged(Message):
    """One sentence for the status line, true at the moment it is shown."""

    text: str


@dataclass
class NotesChanged(Message):
    """The notebook's annotations changed: the article's marks and the Notes list redraw.

    `rest_on` is where the article's cursor should rest afterwards (the annotation just
    made, so the next key edits it); `notice` says why, when the change came from
    another window or a conflict.
    """

    rest_on: Span | None = None
    notice: str | None = None


@dataclass
class CorrectionWanted(Message):
    """A correction key on an item of the analysis (the sidebar's row) or a selection.

    `action` names the correction ("remove_speaker", "confirm_quote", …); None asks
    which, with a menu of those that apply. `item` is a Speaker, Quote, Allegation or
    Removed item of the analysis shown; `selection` the article's, if any.
    """

    item: object | None
    action: str | None = None
    selection: tuple[int, int] | None = None


@dataclass
class AnalysisCorrected(Message):
    """A correction was kept (or undone): the sidebar shows the corrected analysis."""

    status: str = ""


@dataclass(frozen=True)
class Arrival:
    """Where a reader opened from a screen across articles starts; Esc goes back there.

    `annotation_id`: the note to put the cursor on, once the notes are placed (its passage
    may have moved since it was made). `jump`: passages to show, as choosing a sidebar
    row does (a person's quotes, an allegation's evidence). `notice`: said on arrival.
    """

    back_to: str
    annotation_id: str = ""
    jump: Jump | None = None
    notice: str = ""


@dataclass
class WidenWanted(Message):
    """The sidebar's w: widen the sidebar, then maximise it, then back (the screen's W)."""
