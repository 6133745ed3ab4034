"""Where a reader opened from a list across articles starts (see `opening`).

Passages need only the text, so they are shown after the first frame; a note's
passage is where the notes are placed, which the notes' worker says, so the
cursor goes there when they are in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from readerapp.ui.messages import Arrival, JumpRequested
from readerapp.ui.plain import notify
from readerapp.ui.reading_pane import ReadingPane
from readerapp.ui.status_line import StatusLine

if TYPE_CHECKING:
    from textual.screen import Screen

    from readerapp.core.notebook import Notebook


class Arriving:
    """The reader's side: where it starts, said once the article (and its notes) are in."""

    def __init__(self, reader: Screen[None], arrival: Arrival | None) -> None:
        self.reader = reader
        self.arrival = arrival

    def started(self) -> None:
        """After the first frame: the passages, which need only the text."""
        arrival = self.arrival
        if arrival is None:
            return
        if arrival.notice:
            notify(self.reader, arrival.notice, title=arrival.back_to, timeout=10)
        jump = arrival.jump
        if jump is not None:
            self.reader.post_message(JumpRequested(jump))
            # Said after the pane's own "1 of 3", which the jump makes it say.
            place = f"{jump.index + 1} of {len(jump.spans)}"
            self.reader.call_after_refresh(
                self.reader.query_one(StatusLine).say,
                f"{jump.label}: {place} · Esc clears, Esc again goes back to {arrival.back_to}",
            )

    def notes_loaded(self, notebook: Notebook) -> None:
        """The notes are placed: the cursor goes to the note's passage, where it is now."""
        arrival = self.arrival
        if arrival is None or not arrival.annotation_id:
            return
        self.arrival = None  # only the first time: a reload must not move the cursor
        from readerapp.ui.sidebar_items import passage_label

        wanted = arrival.annotation_id
        placed = next((p for p in notebook.placed if p.annotation.id == wanted), None)
        if placed is None or placed.span is None:
            notify(
                self.reader,
                "This note's passage is not in the article as it is now: it is listed under "
                "Notes → Orphaned.",
                title=arrival.back_to,
                severity="warning",
                timeout=10,
            )
            return
        pane = self.reader.query_one(ReadingPane)
        pane.reveal(*placed.span)
        pane.focus()
        label = passage_label(placed.annotation.selector.exact)
        self.reader.query_one(StatusLine).say(f"{label} · Esc goes back to {arrival.back_to}")
