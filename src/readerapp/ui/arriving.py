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
        self._at_note = False  # the cursor went to the note (once: a reload must not move it)

    def started(self) -> None:
        """After the first frame: the passages, which need only the text."""
        arrival = self.arrival
        if arrival is None:
            return
        # Said on the right of the status line for as long as the reader is open.
        self.reader.query_one(StatusLine).way_back = f"Esc: back to {arrival.back_to}"
        if arrival.notice:
            notify(self.reader, arrival.notice, title=arrival.back_to, timeout=10)
        if arrival.jump is not None:
            self.reader.post_message(JumpRequested(arrival.jump))

    def notes_loaded(self, notebook: Notebook) -> None:
        """The notes are placed: the cursor goes to the note's passage, where it is now."""
        arrival = self.arrival
        if arrival is None or not arrival.annotation_id or self._at_note:
            return
        self._at_note = True
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
        self.reader.query_one(StatusLine).say(label)
