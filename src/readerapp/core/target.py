"""What an annotation key acts on, built by whichever widget had the focus.

The article pane builds one from its selection or the annotation under its
cursor; each sidebar row builds its own (a speaker, an allegation, a note). The
notebook then decides whether that means a new annotation or an edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from readerapp.core.annotation import Link


@dataclass(frozen=True)
class Target:
    """A passage, or an existing annotation, that the user wants to annotate."""

    span: tuple[int, int] | None  # the passage; None only for an orphaned annotation
    annotation_id: str | None = None  # an existing annotation to edit; None: annotate `span`
    link: Link | None = None  # the speaker or allegation the annotation is about
    label: str = ""  # how dialogs and the status line name it


class Unset(Enum):
    """The type of `UNSET`: an enum of one, so a type checker can tell it from a value."""

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


#: "Leave this field as it is": the default of `Notebook.annotate`'s keyword fields,
#: because None (no colour) and "" (no note) are values a user can choose.
UNSET = Unset.UNSET
