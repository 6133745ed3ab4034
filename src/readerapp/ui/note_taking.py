"""The reader's side of the notebook: what an annotation key asked for, done.

The article pane and the sidebar say what the user asked for and chose
(`AnnotateRequested`: a target they built, and the colour, tags or note from
the dialog they opened); this turns it into the one `Notebook.annotate` call
and tells the screen what changed (`NotesChanged`, `StatusChanged`). The
notebook itself (core) keeps the data and saves off the event loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from readerapp.core.annotation import COLOURS
from readerapp.core.safe_text import visible_name
from readerapp.ui.messages import AnnotateRequested, NotesChanged, StatusChanged
from readerapp.ui.plain import notify

if TYPE_CHECKING:
    from pathlib import Path

    from readerapp.core.analysis.model import Analysis
    from readerapp.core.article import Article
    from readerapp.core.notebook import Notebook
    from readerapp.core.target import Target
    from readerapp.ui.session import Session


class NoteTaking:
    """Annotation requests of one reader screen, applied to its article's notebook."""

    def __init__(self, screen: Screen[None], article: Article, session: Session) -> None:
        self.screen = screen
        self.article = article
        self.session = session
        self.notebook: Notebook | None = None
        self.last_colour = COLOURS[0]
        self._waiting: list[AnnotateRequested] = []  # made before the notes had loaded

    # -- loading and other windows ------------------------------------------------

    def load(self) -> Notebook:
        """Worker thread: open the store, read and re-anchor this article's annotations."""
        from readerapp.core.notebook import Notebook

        notebook = Notebook(
            self.session.store(),
            self.article,
            on_error=self._save_failed,
            on_changed=self._changed_elsewhere,
        )
        notebook.load()
        self.session.opened(notebook)
        return notebook

    def _save_failed(self, message: str) -> None:
        """From the writer thread: a save did not reach the disk."""
        self.screen.app.call_from_thread(notify, self.screen, message, severity="error", timeout=15)

    def _changed_elsewhere(self, message: str | None) -> None:
        """From a thread: another window's change reached this notebook."""
        self.screen.post_message(NotesChanged(notice=message))

    def check_for_changes(self) -> None:
        """Worker thread, on a timer: redraw if another process changed this article's notes."""
        if self.notebook is not None and self.notebook.check_for_changes():
            self.screen.post_message(NotesChanged())

    def close(self) -> None:
        """The screen goes away: its notebook's saves finish and its thread stops."""
        if self.notebook is not None:
            self.session.closed(self.notebook)

    # -- requests --------------------------------------------------------------------

    def say(self, text: str) -> None:
        self.screen.post_message(StatusChanged(text))

    def loaded(self, notebook: Notebook) -> None:
        """The notes are in: requests made while they loaded are applied now, in order."""
        self.notebook = notebook
        waiting, self._waiting = self._waiting, []
        for request in waiting:
            self.handle(request)

    def handle(self, request: AnnotateRequested) -> None:
        notebook = self.notebook
        if notebook is None:
            self._waiting.append(request)
            self.say("Your notes are still loading; this is saved as soon as they are in.")
            return
        target = request.target
        if target is None:
            self.say(
                "Nothing to annotate here: select with v (then move), s or p, "
                "or put the cursor on a note"
            )
            return
        if request.intent == "highlight":
            colour = request.colour or self.last_colour
            self.last_colour = colour
            self.save(target, f"Highlighted in {colour}", rest=request.rest, colour=colour)
        elif request.intent == "tag":
            self.save(target, "Tags saved", rest=request.rest, tags=request.tags)
        elif request.intent == "note":
            self.save(target, "Note saved", rest=request.rest, note=request.note)
        elif request.intent == "confirm":
            self.confirm(target)
        elif target.annotation_id is None:
            self.say("No annotation here to delete: put the cursor on one (] and [)")
        else:
            self.delete(target.annotation_id)

    def confirm(self, target: Target) -> None:
        """The passage of an annotation whose text changed is taken as it reads now."""
        from readerapp.core.notebook import ReadOnlyNotebook

        assert self.notebook is not None
        placed = self.notebook.get(target.annotation_id) if target.annotation_id else None
        if placed is None or not placed.text_changed(self.article):
            self.say("Nothing to confirm here: c confirms a note marked “text changed”")
            return
        try:
            self.notebook.annotate(target)
        except ReadOnlyNotebook as err:
            notify(self.screen, str(err), severity="error")
            return
        self.screen.post_message(NotesChanged())
        self.say("The passage is confirmed as it reads now · u undoes")

    def save(
        self,
        target: Target,
        message: str,
        *,
        rest: bool,
        colour: str | None = None,
        tags: tuple[str, ...] | None = None,
        note: str | None = None,
    ) -> None:
        """One `annotate` call; the cursor then rests on the annotation (when the request
        came from the article), so the next key edits it."""
        from readerapp.core.notebook import UNSET, ReadOnlyNotebook

        assert self.notebook is not None
        try:
            placed = self.notebook.annotate(
                target,
                colour=UNSET if colour is None else colour,
                tags=UNSET if tags is None else tags,
                note=UNSET if note is None else note,
            )
        except ReadOnlyNotebook as err:
            notify(self.screen, str(err), severity="error")
            return
        self.screen.post_message(NotesChanged(rest_on=placed.span if rest and placed else None))
        self.say(f"{message} · u undoes" if placed else "Nothing to keep: the annotation is empty")

    def delete(self, annotation_id: str) -> None:
        from readerapp.core.notebook import ReadOnlyNotebook

        assert self.notebook is not None
        try:
            self.notebook.delete(annotation_id)
        except ReadOnlyNotebook as err:
            notify(self.screen, str(err), severity="error")
            return
        self.screen.post_message(NotesChanged())
        self.say("Annotation deleted · u undoes")

    def undo(self, *, redo: bool = False) -> None:
        from readerapp.core.notebook import ReadOnlyNotebook

        if self.notebook is None:
            return
        try:
            change = self.notebook.redo() if redo else self.notebook.undo()
        except ReadOnlyNotebook as err:
            notify(self.screen, str(err), severity="error")
            return
        if change is None:
            self.say("Nothing to redo" if redo else "Nothing to undo")
            return
        self.screen.post_message(NotesChanged())
        self.say(f"{'Redid' if redo else 'Undid'} the {change.kind} of an annotation")

    def export(self, fmt: str, analysis: Analysis | None, path: Path) -> None:
        """Worker thread: write this article's notes to `path` (the user agreed to replace it)."""
        from readerapp.core.exchange import ExchangeError, export_article_file

        notebook = self.notebook
        assert notebook is not None
        annotations = [p.annotation for p in notebook.placed] + notebook.orphans
        app = self.screen.app
        try:
            path = export_article_file(self.article, annotations, analysis, fmt, path, force=True)
        except ExchangeError as err:
            app.call_from_thread(notify, self.screen, str(err), severity="error")
            return
        count = len(annotations)
        app.call_from_thread(
            notify,
            self.screen,
            f"Exported {count} note{'s' if count != 1 else ''} to {visible_name(path)}",
            title="Export",
            timeout=10,
        )
