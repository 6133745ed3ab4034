"""The reader's annotation actions: highlight, tag, note, delete, undo, move between notes.

A mixin of ReaderScreen, kept apart so the screen module stays about reading.
Every action works on a *target*: the selection in the article, the annotation
under the cursor, or the speaker, allegation or note under the sidebar's cursor.
The Notebook (core) keeps the data and saves off the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from rich.style import Style

if TYPE_CHECKING:
    from readerapp.core.annotation import Annotation, Link
    from readerapp.core.notebook import Notebook
    from readerapp.ui.reader_screen import ReaderScreen

    Base = ReaderScreen
else:
    Base = object

TAGGED_ONLY_STYLE = Style(underline=True, bold=True)


class Target(NamedTuple):
    """What an annotation key acts on (a NamedTuple: cheap to define at startup)."""

    annotation: Annotation | None  # an existing annotation, or None to create one
    span: tuple[int, int] | None
    link: Link | None
    label: str


def note_style(annotation: Annotation) -> Style:
    from readerapp.ui.sidebar_items import COLOUR_HEX

    if annotation.colour in COLOUR_HEX:
        return Style(bgcolor=COLOUR_HEX[annotation.colour], color="#1a1a1a")
    return TAGGED_ONLY_STYLE


class Annotating(Base):
    """The annotation actions. Their modules are imported on first use, not at startup."""

    notebook: Notebook | None = None
    last_colour = "yellow"

    # -- loading -------------------------------------------------------------------

    def load_notes(self) -> None:
        """Worker thread: open the store, read and re-anchor this article's annotations."""
        from readerapp.core.notebook import Notebook

        store = self.app.annotation_store()  # type: ignore[attr-defined]
        notebook = Notebook(store, self.article, on_error=self._save_failed)
        notebook.load()
        self.app.call_from_thread(self.show_notes, notebook)

    def _save_failed(self, message: str) -> None:
        self.app.call_from_thread(self.notify, message, severity="error", timeout=15, markup=False)

    def show_notes(self, notebook: Notebook) -> None:
        self.notebook = notebook
        self.app.notebooks.append(notebook)  # type: ignore[attr-defined]
        self.refresh_notes()
        orphans = len(notebook.orphans)
        if orphans:
            self.notify(
                f"{orphans} note{'s' if orphans != 1 else ''} could not be placed: the article "
                "changed. They are listed under Notes → Orphaned.",
                severity="warning",
                markup=False,
            )

    def refresh_notes(self) -> None:
        notebook = self.notebook
        if notebook is None:
            return
        placed = notebook.placed
        self.view.set_styled_layer(
            "notes",
            ((p.span[0], p.span[1], note_style(p.annotation)) for p in placed if p.span),
        )
        self.sidebar.show_notes(placed, notebook.orphans)

    # -- targets -------------------------------------------------------------------

    def target(self) -> Target | None:
        from readerapp.core.annotation import Link
        from readerapp.ui.sidebar_items import (
            AllegationItem,
            NoteItem,
            QuoteItem,
            SpeakerItem,
            excerpt,
        )

        notebook = self.notebook
        assert notebook is not None
        if self.sidebar_has_focus:
            node = self.sidebar.cursor_node
            item = node.data if node is not None else None
            if isinstance(item, NoteItem):
                placed = notebook.get(item.annotation.id)
                annotation = placed.annotation if placed else item.annotation
                return Target(annotation, item.span, None, "this note")
            if isinstance(item, SpeakerItem | QuoteItem) and item.speaker.quotes:
                link = Link("speaker", item.speaker.name)
                quote = item.speaker.quotes[0]
                return Target(
                    notebook.linked(link),
                    (quote.start, quote.end),
                    link,
                    f"speaker {item.speaker.name}",
                )
            if isinstance(item, AllegationItem):
                allegation = item.allegation
                link = Link("allegation", allegation.evidence)
                return Target(
                    notebook.linked(link),
                    (allegation.start, allegation.end),
                    link,
                    f"allegation {allegation.accuser} → {allegation.accused}",
                )
            return None
        view = self.view
        if view.has_selection:
            start, end = view.selection_span
            return Target(None, (start, end), None, f"“{excerpt(view.text[start:end], 40)}”")
        placed = notebook.at(view.cursor_offset)
        if placed is not None:
            return Target(
                placed.annotation,
                placed.span,
                None,
                f"“{excerpt(placed.annotation.selector.exact, 40)}”",
            )
        return None

    def _require_target(self) -> Target | None:
        if self.notebook is None:
            self.notify("Your notes are still loading; try again in a moment.", markup=False)
            return None
        found = self.target()
        if found is None:
            self.set_status(
                "Nothing to annotate here: select with v (then move), s or p, or put the "
                "cursor on a note"
            )
        return found

    def _change(self, change: Callable[[Notebook], object], message: str) -> None:
        """Apply a change; the cursor then rests on the annotation, so the next key edits it."""
        from readerapp.core.annotation import Annotation
        from readerapp.core.notebook import ReadOnlyNotebook

        assert self.notebook is not None
        try:
            result = change(self.notebook)
        except ReadOnlyNotebook as err:
            self.notify(str(err), severity="error", markup=False)
            return
        placed = self.notebook.get(result.id) if isinstance(result, Annotation) else None
        if placed is not None and placed.span is not None and not self.sidebar_has_focus:
            self.view.selecting = False
            self.view.move_to(placed.span[0])
        else:
            self.view.cancel_selection()
        self.refresh_notes()
        self.set_status(f"{message} · u undoes")

    # -- actions -------------------------------------------------------------------

    def action_highlight(self) -> None:
        self._highlight(self.last_colour)

    def action_colour(self, number: int) -> None:
        from readerapp.core.annotation import COLOURS

        self._highlight(COLOURS[number - 1])

    def _apply(self, target: Target, message: str, **changes: object) -> None:
        """Edit the target's annotation, or annotate its passage when there is anything to keep."""
        if target.annotation is not None:
            annotation = target.annotation
            self._change(lambda nb: nb.update(annotation, **changes), message)
        elif target.span is not None and any(changes.values()):
            span, link = target.span, target.link
            self._change(lambda nb: nb.create(*span, link=link, **changes), message)  # type: ignore[arg-type]

    def _highlight(self, colour: str) -> None:
        target = self._require_target()
        if target is not None:
            self.last_colour = colour
            self._apply(target, f"Highlighted in {colour}", colour=colour)

    def action_tag(self) -> None:
        target = self._require_target()
        if target is None:
            return
        from readerapp.ui.tag_screen import TagScreen

        def save(tags: tuple[str, ...] | None) -> None:
            if tags is not None:
                self._apply(target, "Tags saved", tags=tags)

        current = target.annotation.tags if target.annotation else ()
        assert self.notebook is not None
        self.app.push_screen(TagScreen(current, self.notebook.all_tags(), target.label), save)

    def action_note(self) -> None:
        target = self._require_target()
        if target is None:
            return
        from readerapp.ui.note_screen import NoteScreen

        def save(note: str | None) -> None:
            if note is not None:
                self._apply(target, "Note saved", note=note)

        current = target.annotation.note if target.annotation else ""
        self.app.push_screen(NoteScreen(current, target.label), save)

    def action_delete(self) -> None:
        if self.notebook is None:
            return
        target = self.target()
        if target is None or target.annotation is None:
            self.set_status("No annotation here to delete: put the cursor on one (] and [)")
            return
        annotation = target.annotation
        self._change(lambda nb: nb.delete(annotation), "Annotation deleted")

    def action_undo(self) -> None:
        if self.notebook is None:
            return
        from readerapp.core.notebook import ReadOnlyNotebook

        try:
            change = self.notebook.undo()
        except ReadOnlyNotebook as err:
            self.notify(str(err), severity="error", markup=False)
            return
        if change is None:
            self.set_status("Nothing to undo")
            return
        self.refresh_notes()
        what = (
            "creation"
            if change.before is None
            else ("deletion" if change.after is None else "change")
        )
        self.set_status(f"Undid the {what} of an annotation")

    def _go_to_note(self, forward: bool) -> None:
        if self.notebook is None:
            return
        starts = sorted({p.span[0] for p in self.notebook.placed if p.span})
        if not starts:
            self.set_status("No annotations in this article yet")
            return
        cursor = self.view.cursor_offset
        if forward:
            following = [s for s in starts if s > cursor]
            start = following[0] if following else starts[0]
        else:
            preceding = [s for s in starts if s < cursor]
            start = preceding[-1] if preceding else starts[-1]
        self.view.selecting = False
        self.view.move_to(start, center=True)
        self.view.focus()
        placed = self.notebook.at(start)
        if placed is not None:
            number = starts.index(start) + 1
            self.set_status(
                f"Annotation {number} of {len(starts)}: "
                f"{', '.join(placed.annotation.tags) or 'no tags'}"
            )

    def action_next_note(self) -> None:
        self._go_to_note(forward=True)

    def action_previous_note(self) -> None:
        self._go_to_note(forward=False)

    def action_filter_tag(self) -> None:
        if self.notebook is None:
            return
        from readerapp.ui.tag_screen import TagScreen

        def apply(tags: tuple[str, ...] | None) -> None:
            if tags is None:
                return
            self.sidebar.tag_filter = tags[0] if tags else ""
            self.refresh_notes()
            self.query_one("#sidebar-pane").display = True

        current = (self.sidebar.tag_filter,) if self.sidebar.tag_filter else ()
        self.app.push_screen(
            TagScreen(current, self.notebook.all_tags(), "the Notes list filter (empty: all)"),
            apply,
        )

    def action_export(self) -> None:
        if self.notebook is None:
            return
        from readerapp.ui.export_screen import ExportScreen

        def chosen(fmt: str | None) -> None:
            if fmt:
                self.run_worker(lambda: self._export(fmt), thread=True, group="export")

        self.app.push_screen(ExportScreen(), chosen)

    def _export(self, fmt: str) -> None:
        from readerapp.core.exchange import ExchangeError, export_article_file

        assert self.notebook is not None
        annotations = [p.annotation for p in self.notebook.placed] + self.notebook.orphans
        try:
            path = export_article_file(self.article, annotations, self.analysis, fmt)
        except ExchangeError as err:
            self.app.call_from_thread(self.notify, str(err), severity="error", markup=False)
            return
        count = len(annotations)
        self.app.call_from_thread(
            self.notify,
            f"Exported {count} note{'s' if count != 1 else ''} to {path}",
            title="Export",
            timeout=10,
            markup=False,
        )
