"""The notes of one open article: anchored, editable, undoable, saved in order.

It holds the article's annotations, and in `corrections` the corrections of
its analysis (`notebook_corrections`), on one undo stack.

The reader calls this on its event loop, so nothing here waits for the disk:
every change updates memory at once and is queued to one background thread
that saves it, in the order the user made the changes; closing the notebook
waits for that queue, so quitting loses nothing.

A change is saved as an `Edit` (see `edits`): only the fields this window
changed are replayed on the record as it is in the file, so another window's
tag or colour survives. When the saved record differs from what this window
holds (another window's fields came in, a conflict, a note deleted elsewhere),
memory takes the saved record and `on_changed` is told. `check_for_changes`,
called from a timer, notices saves by other processes with a few `stat` calls.
A correction is saved as a `CorrectionEdit` the same way (its content never
changes; undo and redo withdraw it and make it again).

Memory is shared by three threads (the UI's, the writer's, the poller's), so
every read and change of it holds one lock, briefly; anchoring and disk work
happen outside it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from typing import Any

from readerapp.core.anchoring import anchor
from readerapp.core.annotation import (
    COLOURS,
    Annotation,
    Link,
    TextSelector,
    article_ref,
    new_id,
)
from readerapp.core.article import Article
from readerapp.core.edits import Edit, Outcome, apply_edit
from readerapp.core.notebook_changes import (
    AnyChange,
    Change,
    CorrectionChange,
    Placed,
    ReadOnlyNotebook,
    take_fresh,
    visible,
)
from readerapp.core.notebook_corrections import CORRECTED_ELSEWHERE, CorrectionBook
from readerapp.core.safe_text import clean_line, clean_text
from readerapp.core.save_queue import SaveQueue
from readerapp.core.store import AnnotationStore, StoreError
from readerapp.core.target import UNSET, Target, Unset

__all__ = [
    "UNSET",
    "Change",
    "CorrectionBook",
    "CorrectionChange",
    "Notebook",
    "Placed",
    "ReadOnlyNotebook",
    "Target",
]


def _ignore(message: str | None) -> None:
    pass


class Notebook:
    """One article's annotations for one window; see the module docstring."""

    def __init__(
        self,
        store: AnnotationStore,
        article: Article,
        *,
        on_error: Callable[[str], None] = _ignore,
        on_changed: Callable[[str | None], None] = _ignore,
    ) -> None:
        """`on_error(message)`: a save failed. `on_changed(message)`: what the notebook
        holds changed other than by this window's own edit; `message` is one sentence to
        show, or None. Both are called from a background thread."""
        self.store = store
        self.article = article
        self.ref = article_ref(article)
        self.on_error = on_error
        self.on_changed = on_changed
        self._lock = threading.RLock()
        self._notes: dict[str, Placed] = {}  # by id, tombstones included
        self._elsewhere: set[str] = set()  # tags in use on other articles, read by load()
        self._undo: list[AnyChange] = []
        self._redo: list[AnyChange] = []
        self._problem: str | None = None  # why this article's notes cannot be saved
        self._token: Hashable = None
        self._queue = SaveQueue(self._lock, on_error, store.path)
        #: The corrections of this article's analysis (`correct`, `corrected`, `restore`).
        self.corrections = CorrectionBook(
            store,
            self.ref,
            article.text,
            self._queue,
            record=self._record,
            check_writable=self._check_writable,
            on_changed=on_changed,
        )

    # -- reading ------------------------------------------------------------------

    def load(self) -> None:
        """Read this article's annotations and find their passages (a worker thread's job).

        The tags of other articles (for completion) are read next, on the writer thread,
        so showing this article's notes never waits for the whole database.
        """
        token = self.store.watch_token(self.ref)
        try:
            records = self.store.read_article(self.ref)
            found, fixes = records.annotations, records.corrections
        except StoreError as err:
            found, fixes = [], []
            self._problem = (
                f"{str(err).rstrip('.')}, so these notes are read-only and changes are not saved."
            )
        placed = {a.id: self._place(a) for a in found}
        mine = Counter(tag for a in found if not a.deleted for tag in set(a.tags))
        with self._lock:
            self._notes = placed
            self.corrections.hold(fixes)
            self._token = token
            self._queue.submit(None, lambda: self._load_other_tags(mine))

    def _load_other_tags(self, mine: Counter[str]) -> None:
        """The writer thread: the tags in use on other articles (`mine`: this article's
        tags as loaded, which the counts include)."""
        try:
            counts = self.store.tag_counts(checked=False)
        except StoreError:
            return  # completion then offers this article's tags only
        with self._lock:
            self._elsewhere = set(counts - mine)

    def _place(self, annotation: Annotation, known: Placed | None = None) -> Placed:
        if known is not None and known.annotation.selector == annotation.selector:
            return Placed(annotation, known.span)  # the same passage: no need to search again
        found = anchor(annotation.selector, self.article.text)
        return Placed(annotation, (found.start, found.end) if found else None)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def read_only_reason(self) -> str | None:
        """Why changes are not saved, in one sentence; None when they are."""
        return self._problem or self.store.read_only_reason

    def _check_writable(self) -> None:
        reason = self.read_only_reason
        if reason is not None:
            raise ReadOnlyNotebook(reason)

    @property
    def placed(self) -> list[Placed]:
        """Anchored annotations in text order."""
        with self._lock:
            live = [p for p in self._notes.values() if p.span and not p.annotation.deleted]
        return sorted(live, key=lambda p: (p.span, p.annotation.created))

    @property
    def orphans(self) -> list[Annotation]:
        """Annotations whose passage is not in the text any more, oldest first."""
        with self._lock:
            lost = [
                p.annotation
                for p in self._notes.values()
                if p.span is None and not p.annotation.deleted
            ]
        return sorted(lost, key=lambda a: a.created)

    def at(self, offset: int) -> Placed | None:
        """The shortest annotation whose passage covers `offset`."""
        covering = [
            (p.span[1] - p.span[0], p)
            for p in self.placed
            if p.span and p.span[0] <= offset < max(p.span[1], p.span[0] + 1)
        ]
        return min(covering, key=lambda pair: pair[0], default=(0, None))[1]

    def get(self, annotation_id: str) -> Placed | None:
        """The annotation with this id (anchored or orphaned); None if absent or deleted."""
        with self._lock:
            found = self._notes.get(annotation_id)
        return None if found is None or found.annotation.deleted else found

    def linked(self, link: Link) -> Annotation | None:
        """The annotation made on a sidebar speaker or allegation, if any."""
        with self._lock:
            return next(
                (
                    p.annotation
                    for p in self._notes.values()
                    if p.annotation.link == link and not p.annotation.deleted
                ),
                None,
            )

    def all_tags(self) -> list[str]:
        """Every tag in use, here or on any other article, for completion; in memory, so
        the UI may ask on its event loop. A tag no annotation uses any more is not listed."""
        with self._lock:
            here = {
                t
                for p in self._notes.values()
                if not p.annotation.deleted
                for t in p.annotation.tags
            }
            tags = here | self._elsewhere
        return sorted(tags, key=lambda tag: (tag.casefold(), tag))

    # -- changing -----------------------------------------------------------------

    def annotate(
        self,
        target: Target,
        *,
        colour: str | None | Unset = UNSET,
        tags: Iterable[str] | Unset = UNSET,
        note: str | Unset = UNSET,
    ) -> Placed | None:
        """Annotate `target`: edit its annotation, or make a new one on its passage.

        Fields left UNSET stay as they are. Returns the annotation as placed now, or
        None when nothing was kept: a new annotation with no colour, tags or note is not
        made, and an edit that leaves none of them deletes the annotation (undo brings
        it back). Raises ReadOnlyNotebook when changes are not saved.
        """
        self._check_writable()
        if colour is not UNSET and colour is not None and colour not in COLOURS:
            raise ValueError(f"unknown colour {colour!r}; expected one of {', '.join(COLOURS)}")
        fields: dict[str, Any] = {}
        if colour is not UNSET:
            fields["colour"] = colour
        if not isinstance(tags, Unset):
            fields["tags"] = tuple(dict.fromkeys(t for t in map(clean_line, tags) if t))
        if not isinstance(note, Unset):
            fields["note"] = clean_text(note)
        with self._lock:
            current = self._target_annotation(target)
            if current is None:
                return self._create(target, fields)
            placed = self._notes[current.id]
            if placed.span is not None and (not fields or not placed.text_changed(self.article)):
                # The passage as it reads in this text: for a moved passage always; for
                # one whose words changed only when the user confirms it (no fields):
                # until then it is marked "text changed" and keeps its first wording.
                fields["selector"] = TextSelector.from_text(self.article.text, *placed.span)
            wanted = replace(current, **fields)
            if visible(wanted) == visible(current):
                return placed
            if not (wanted.colour or wanted.tags or wanted.note):
                wanted = replace(wanted, deleted=True)
            wanted = wanted.edited()
            self._record(Change(current, wanted))
            self._keep(Edit(current, wanted), placed)
            return None if wanted.deleted else self._notes[wanted.id]

    def _target_annotation(self, target: Target) -> Annotation | None:
        if target.annotation_id is not None:
            found = self._notes.get(target.annotation_id)
            if found is not None and not found.annotation.deleted:
                return found.annotation
            return None
        if target.link is not None:
            return self.linked(target.link)
        return None

    def _create(self, target: Target, fields: dict[str, Any]) -> Placed | None:
        if target.span is None or not any(fields.values()):
            return None
        annotation = Annotation(
            id=new_id(),
            article=self.ref,
            selector=TextSelector.from_text(self.article.text, *target.span),
            link=target.link,
            **fields,
        )
        self._record(Change(None, annotation))
        self._keep(Edit(None, annotation))
        return self._notes[annotation.id]

    def delete(self, annotation: str | Annotation) -> Annotation | None:
        """Delete the annotation with this id (a tombstone, which undo can lift).

        Returns the annotation as it was, or None when there is none. An `Annotation`
        is accepted for callers written before `annotation_id` was the argument.
        """
        self._check_writable()
        annotation_id = annotation if isinstance(annotation, str) else annotation.id
        with self._lock:
            placed = self._notes.get(annotation_id)
            if placed is None or placed.annotation.deleted:
                return None
            current = placed.annotation
            wanted = current.edited(deleted=True)
            self._record(Change(current, wanted))
            self._keep(Edit(current, wanted), placed)
            return current

    def undo(self) -> AnyChange | None:
        """Reverse this window's last change (to a note or a correction); returns it, or
        None if there is nothing to undo.

        Only the fields that change touched are put back, on the annotation as it is
        now, so another window's change since then survives.
        """
        return self._replay(self._undo, self._redo, backwards=True)

    def redo(self) -> AnyChange | None:
        """Make the last undone change again; None if there is nothing to redo."""
        return self._replay(self._redo, self._undo, backwards=False)

    def _replay(
        self, source: list[AnyChange], sink: list[AnyChange], *, backwards: bool
    ) -> AnyChange | None:
        self._check_writable()
        with self._lock:
            while source:
                change = source.pop()
                done = (
                    self.corrections.replay(change, backwards=backwards)
                    if isinstance(change, CorrectionChange)
                    else self._replay_note(change, backwards=backwards)
                )
                if done:
                    sink.append(change)
                    return change
            return None

    def _replay_note(self, change: Change, *, backwards: bool) -> bool:
        before, after = change.states()
        base, wanted = (after, before) if backwards else (before, after)
        placed = self._notes.get(change.annotation_id)
        current = placed.annotation if placed is not None else None
        outcome = apply_edit(current, Edit(base, wanted))
        if outcome.refused:
            return False  # deleted in another window since: nothing of it to undo
        if outcome.changed and outcome.annotation is not None:
            self._keep(Edit(current, outcome.annotation), placed)
        return True

    def _record(self, change: AnyChange) -> None:
        self._undo.append(change)
        self._redo.clear()  # a new change ends the redo history, as in every editor

    def _keep(self, edit: Edit, known: Placed | None = None) -> None:
        """Hold the edit's result in memory now and queue its save (lock held)."""
        self._notes[edit.annotation_id] = self._place(edit.wanted, known)
        self._queue.submit(edit.annotation_id, lambda: self._save(edit))

    def _save(self, edit: Edit) -> None:
        """The writer thread: save one edit, then take in what the file held."""
        outcome: Outcome | None = None
        try:
            outcome = self.store.apply(edit)
        except Exception as err:
            self._queue.report(err)
        with self._lock:
            if not self._queue.finished(edit.annotation_id):
                return
            if outcome is None or outcome.annotation is None:
                return
            known = self._notes.get(edit.annotation_id)
            self._notes[edit.annotation_id] = self._place(outcome.annotation, known)
            self._queue.landed(edit.annotation_id)
            differs = known is None or visible(known.annotation) != visible(outcome.annotation)
        if outcome.message is not None or differs:
            self.on_changed(outcome.message)

    # -- other windows ----------------------------------------------------------------

    def check_for_changes(self) -> bool:
        """Reload this article's notes and corrections if another process changed them;
        True if they changed. Costs a few `stat` calls when nothing changed (call it from
        a timer or worker thread, not the event loop)."""
        token = self.store.watch_token(self.ref)
        with self._lock:
            if token == self._token:
                return False
            before = self._queue.snapshot()  # a save that lands while we read is newer
        try:
            records = self.store.read_article(self.ref)
        except StoreError as err:
            self.on_error(str(err))
            return False
        with self._lock:
            known = dict(self._notes)
        fresh = {a.id: self._place(a, known.get(a.id)) for a in records.annotations}
        with self._lock:
            self._token = token
            notes = take_fresh(
                self._notes,
                fresh,
                lambda key: self._queue.ours(key, before),
                lambda p: visible(p.annotation),
            )
            fixes = self.corrections.take(records.corrections, before)
        if notes or fixes:
            self.on_changed(CORRECTED_ELSEWHERE if fixes else None)
        return notes or fixes

    # -- the writer -------------------------------------------------------------------

    def flush(self) -> None:
        """Wait until every queued change is saved."""
        self._queue.flush()

    def close(self) -> None:
        """Wait for the queued saves, then stop the writer thread."""
        self._queue.close()

    # -- the calls of the reader before `annotate` (kept until the UI moves over) ----

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
        """A new annotation on text[start:end], even one with no colour, tags or note."""
        self._check_writable()
        annotation = Annotation(
            id=new_id(),
            article=self.ref,
            selector=TextSelector.from_text(self.article.text, start, end),
            colour=colour,
            tags=tags,
            note=note,
            link=link,
        )
        with self._lock:
            self._record(Change(None, annotation))
            self._keep(Edit(None, annotation))
        return annotation
