"""The annotations of one open article: anchored, editable, undoable, saved in order.

The reader calls this on its event loop, so nothing here waits for the disk:
every change updates memory at once and is queued to one background thread
that writes it to the store, in the order the user made the changes.
Closing the notebook waits for the queue, so quitting loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from readerapp.core.anchoring import anchor
from readerapp.core.annotation import Annotation, Link, TextSelector, article_ref, new_id
from readerapp.core.article import Article
from readerapp.core.store import AnnotationStore, StoreError
from readerapp.core.target import Target


class Unset:
    """The type of UNSET: "leave this field as it is"."""


UNSET = Unset()


class ReadOnlyNotebook(Exception):
    """The database opened read-only; the message says so in one sentence."""


@dataclass(frozen=True)
class Placed:
    """An annotation and where its passage is in the current text (None: orphaned)."""

    annotation: Annotation
    span: tuple[int, int] | None


@dataclass(frozen=True)
class Change:
    """One user change, for undo: the annotation before and after (None: absent)."""

    before: Annotation | None
    after: Annotation | None


class Notebook:
    def __init__(
        self,
        store: AnnotationStore,
        article: Article,
        on_error: Callable[[str], None] = lambda message: None,
        on_changed: Callable[[str | None], None] = lambda message: None,
    ) -> None:
        self.store = store
        self.article = article
        self.ref = article_ref(article)
        self.on_error = on_error
        self.on_changed = on_changed
        self._redo: list[Change] = []
        self._placed: dict[str, Placed] = {}
        self._tags: set[str] = set()  # every tag in the store, read once by load()
        self._undo: list[Change] = []
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readerapp-save")
        self._pending: list[Future[None]] = []

    # -- reading ------------------------------------------------------------------

    def load(self) -> None:
        """Read this article's annotations and find their passages (may take a moment)."""
        text = self.article.text
        placed = {}
        for annotation in self.store.for_article(self.ref):
            found = anchor(annotation.selector, text)
            placed[annotation.id] = Placed(annotation, (found.start, found.end) if found else None)
        self._placed = placed
        self._tags = {tag for a in self.store.all() for tag in a.tags}

    @property
    def placed(self) -> list[Placed]:
        """Anchored annotations in text order."""
        return sorted(
            (p for p in self._placed.values() if p.span is not None),
            key=lambda p: (p.span, p.annotation.created),  # type: ignore[arg-type]
        )

    @property
    def orphans(self) -> list[Annotation]:
        return sorted(
            (p.annotation for p in self._placed.values() if p.span is None),
            key=lambda a: a.created,
        )

    def at(self, offset: int) -> Placed | None:
        """The shortest annotation whose passage covers `offset`."""
        covering = [
            p for p in self.placed if p.span and p.span[0] <= offset < max(p.span[1], p.span[0] + 1)
        ]
        return min(covering, key=lambda p: p.span[1] - p.span[0], default=None)  # type: ignore[index]

    def linked(self, link: Link) -> Annotation | None:
        """The annotation made on a sidebar speaker or allegation, if any."""
        return next(
            (p.annotation for p in self._placed.values() if p.annotation.link == link), None
        )

    def get(self, annotation_id: str) -> Placed | None:
        return self._placed.get(annotation_id)

    def all_tags(self) -> list[str]:
        """Every tag used in any article, for completion: kept in memory, so the UI
        can ask on its event loop without reading thousands of records."""
        return sorted(self._tags, key=str.casefold)

    # -- changing -----------------------------------------------------------------

    def create(
        self,
        start: int,
        end: int,
        *,
        colour: str | None = None,
        tags: tuple[str, ...] = (),
        note: str = "",
        link: Link | None = None,
    ) -> Annotation:
        annotation = Annotation(
            id=new_id(),
            article=self.ref,
            selector=TextSelector.from_text(self.article.text, start, end),
            colour=colour,
            tags=tags,
            note=note,
            link=link,
        )
        self._apply(Change(None, annotation), record=True)
        return annotation

    def update(self, annotation: Annotation, **changes: object) -> Annotation:
        """Edit an annotation; its selector is refreshed to where its passage is now."""
        placed = self._placed.get(annotation.id)
        if placed is not None and placed.span is not None:
            selector = TextSelector.from_text(self.article.text, *placed.span)
            changes.setdefault("selector", selector)
        updated = annotation.edited(**changes)
        self._apply(Change(annotation, updated), record=True)
        return updated

    def annotate(
        self,
        target: Target,
        *,
        colour: str | None | Unset = UNSET,
        tags: tuple[str, ...] | Unset = UNSET,
        note: str | Unset = UNSET,
    ) -> Placed | None:
        """Create or edit the annotation `target` names; None when there is nothing to keep."""
        changes: dict[str, object] = {}
        if not isinstance(colour, Unset):
            changes["colour"] = colour
        if not isinstance(tags, Unset):
            changes["tags"] = tags
        if not isinstance(note, Unset):
            changes["note"] = note
        placed = self._placed.get(target.annotation_id) if target.annotation_id else None
        if placed is not None:
            annotation = self.update(placed.annotation, **changes)
        elif target.span is not None and any(changes.values()):
            annotation = self.create(*target.span, link=target.link, **changes)  # type: ignore[arg-type]
        else:
            return None
        return self._placed.get(annotation.id)

    def delete(self, annotation_id: str) -> Annotation | None:
        placed = self._placed.get(annotation_id)
        if placed is None:
            return None
        self._apply(Change(placed.annotation, None), record=True)
        return placed.annotation

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        self._apply(change, record=False)
        self._undo.append(change)
        return change

    def check_for_changes(self) -> bool:
        return False

    def undo(self) -> Change | None:
        """Reverse the last change; returns it, or None when there is nothing to undo."""
        if not self._undo:
            return None
        change = self._undo.pop()
        self._apply(Change(change.after, change.before), record=False)
        self._redo.append(change)
        return change

    def _apply(self, change: Change, *, record: bool) -> None:
        if self.store.read_only:
            raise ReadOnlyNotebook(
                f"The notes file {self.store.path} is open read-only; changes are not saved."
            )
        if change.after is None:
            assert change.before is not None
            self._placed.pop(change.before.id, None)
            self._queue(self.store.delete, change.before.id)
        else:
            after = change.after
            self._tags.update(after.tags)
            found = anchor(after.selector, self.article.text)
            self._placed[after.id] = Placed(after, (found.start, found.end) if found else None)
            self._queue(self.store.save, after)
        if record:
            self._undo.append(change)
            self._redo.clear()

    def _queue(self, write: Callable[..., None], *args: object) -> None:
        def run() -> None:
            try:
                write(*args)
            except StoreError as err:  # already one sentence for the user
                self.on_error(str(err))
            except Exception as err:  # reported to the user, never silently dropped
                self.on_error(f"Could not save to {self.store.path}: {err}")

        self._pending = [f for f in self._pending if not f.done()]
        self._pending.append(self._writer.submit(run))

    def flush(self) -> None:
        """Wait until every queued change is on disk."""
        for future in list(self._pending):
            future.result()
        self._pending.clear()

    def close(self) -> None:
        self._writer.shutdown(wait=True)
