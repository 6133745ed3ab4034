"""What h, 1–5, t, a and d do in whichever widget has the focus.

The article pane and the sidebar each know their target and what is on it
already (its tags, its note); this opens the tag or note dialog *at once*, in
the key's own dispatch, so keys typed right after `a` (a paste, a fast burst)
land in the editor and not in the article. What the user chose goes to the
screen as one `AnnotateRequested`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.widget import Widget

from readerapp.core.target import Target
from readerapp.ui.messages import AnnotateRequested, Intent, StatusChanged


@dataclass(frozen=True)
class OnTarget:
    """What is on a target already, as the widget that built it shows it."""

    tags: tuple[str, ...] = ()
    note: str = ""


def annotate(
    widget: Widget,
    target: Target | None,
    intent: Intent,
    colour: str | None,
    *,
    current: OnTarget,
    known_tags: list[str],
    rest: bool,
) -> None:
    """Ask for tags or a note if the key wants them, then request the annotation."""
    if target is None or intent in ("highlight", "delete", "confirm"):
        widget.post_message(AnnotateRequested(target, intent, colour, rest=rest))
        return
    if intent == "tag":
        from readerapp.ui.tag_screen import TagScreen

        def tagged(tags: tuple[str, ...] | None) -> None:
            if tags is None or tags == current.tags:
                widget.post_message(StatusChanged(""))
            else:
                widget.post_message(AnnotateRequested(target, "tag", tags=tags, rest=rest))

        widget.app.push_screen(TagScreen(current.tags, known_tags, target.label), tagged)
        return
    from readerapp.ui.note_screen import NoteScreen

    def noted(note: str | None) -> None:
        if note is None or note == current.note:
            widget.post_message(StatusChanged(""))
        else:
            widget.post_message(AnnotateRequested(target, "note", note=note, rest=rest))

    widget.app.push_screen(NoteScreen(current.note, target.label), noted)
