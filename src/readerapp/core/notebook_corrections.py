"""The corrections of one open article's analysis, for one window: `Notebook.corrections`.

As for the notebook's annotations, nothing here waits for the disk: a new
correction, a withdrawal or a restore changes memory at once, goes on the
notebook's one undo stack (so `u` undoes it like any change), and is saved by
the notebook's writer thread (`SaveQueue`) as a `CorrectionEdit`, replayed on
the record in the file. `corrected(machine)` applies what memory holds to an
analysis: cheap enough for the event loop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from readerapp.core.annotation import ArticleRef, instant, new_id, utc_now
from readerapp.core.corrections.edits import CorrectionEdit, CorrectionOutcome, replay
from readerapp.core.corrections.record import Correction, Fix
from readerapp.core.notebook_changes import AnyChange, CorrectionChange, take_fresh
from readerapp.core.save_queue import SaveQueue

if TYPE_CHECKING:
    from readerapp.core.analysis.model import Analysis
    from readerapp.core.corrections.corrected import Corrected, Removed
    from readerapp.core.store import AnnotationStore

#: What `on_changed` says when another window's corrections came in.
CORRECTED_ELSEWHERE = "The analysis was corrected in another window."


class CorrectionBook:
    """This article's corrections in memory, saved through the notebook's queue."""

    def __init__(
        self,
        store: AnnotationStore,
        ref: ArticleRef,
        text: str,
        queue: SaveQueue,
        *,
        record: Callable[[AnyChange], None],
        check_writable: Callable[[], None],
        on_changed: Callable[[str | None], None],
    ) -> None:
        self.store = store
        self.ref = ref
        self.text = text
        self.queue = queue
        self._record = record
        self._check_writable = check_writable
        self.on_changed = on_changed
        self._held: dict[str, Correction] = {}  # by id, withdrawn ones included

    def hold(self, corrections: Iterable[Correction]) -> None:
        """What the store holds for this article (at load)."""
        with self.queue.lock:
            self._held = {c.id: c for c in corrections}

    @property
    def in_force(self) -> list[Correction]:
        """The corrections not withdrawn, in the order they were made."""
        from readerapp.core.corrections.corrected import in_order

        with self.queue.lock:
            return in_order(self._held.values())

    def corrected(self, machine: Analysis) -> Corrected:
        """The machine's analysis of this article with the corrections applied, as the
        reader shows it; in memory, so the UI may ask on its event loop."""
        from readerapp.core.corrections.corrected import apply

        with self.queue.lock:
            held = list(self._held.values())
        return apply(machine, held, self.text)

    def correct(self, fix: Fix) -> Correction:
        """Keep a correction (see `corrections.fixes` to build one); undoable. Raises
        ReadOnlyNotebook when changes are not saved."""
        from readerapp.core.corrections.fixes import label

        self._check_writable()
        with self.queue.lock:
            correction = Correction(new_id(), self.ref, fix, created=self._next_stamp())
            self._record(CorrectionChange((None,), (correction,), label(fix)))
            self._keep(CorrectionEdit(None, correction))
        return correction

    def _next_stamp(self) -> str:
        """Now, but later than every correction held (lock held): corrections apply in the
        order they were made, and one made on what another did must come after it even
        within the same millisecond or when the clock was set back."""
        now = instant(utc_now())
        latest = max((instant(c.created) for c in self._held.values()), default=now)
        stamp = max(now, latest + timedelta(milliseconds=1))  # both are whole milliseconds
        return stamp.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def restore(self, removed: Removed) -> CorrectionChange | None:
        """Bring back a removed item (one of `Corrected.removed`): every correction that
        removed it is withdrawn. Undoable; None if there was nothing to withdraw."""
        from readerapp.core.corrections.fixes import restore_label

        return self._withdraw(removed.correction_ids, restore_label(removed))

    def withdraw(self, correction_id: str) -> CorrectionChange | None:
        """Withdraw one correction (an orphaned one the user gives up on); undoable."""
        from readerapp.core.corrections.fixes import label

        with self.queue.lock:
            held = self._held.get(correction_id)
        if held is None:
            return None
        return self._withdraw((correction_id,), f"Withdraw correction: {label(held.fix)}")

    def _withdraw(self, ids: Iterable[str], description: str) -> CorrectionChange | None:
        self._check_writable()
        with self.queue.lock:
            old = [c for i in ids if (c := self._held.get(i)) is not None and not c.deleted]
            if not old:
                return None
            new = [c.flipped(True) for c in old]
            change = CorrectionChange(tuple(old), tuple(new), description)
            self._record(change)
            for before, after in zip(old, new, strict=True):
                self._keep(CorrectionEdit(before, after))
            return change

    def replay(self, change: CorrectionChange, *, backwards: bool) -> bool:
        """Undo (or redo) a change on the corrections as they are now (lock held); False
        if there was nothing left to do (another window had done the same)."""
        changed = False
        for before, after in change.states():
            base, wanted = (after, before) if backwards else (before, after)
            current = self._held.get(wanted.id)
            outcome = replay(current, CorrectionEdit(base, replace(wanted, updated=utc_now())))
            if outcome.changed:
                self._keep(CorrectionEdit(current, outcome.correction))
                changed = True
        return changed

    def _keep(self, edit: CorrectionEdit) -> None:
        """Hold the edit's result in memory now and queue its save (lock held)."""
        self._held[edit.correction_id] = edit.wanted
        self.queue.submit(edit.correction_id, lambda: self._save(edit))

    def _save(self, edit: CorrectionEdit) -> None:
        """The writer thread: save one edit, then take in what the file held."""
        outcome: CorrectionOutcome | None = None
        try:
            outcome = self.store.apply_correction(edit)
        except Exception as err:
            self.queue.report(err)
        with self.queue.lock:
            if not self.queue.finished(edit.correction_id) or outcome is None:
                return
            known = self._held.get(edit.correction_id)
            self._held[edit.correction_id] = outcome.correction
            self.queue.landed(edit.correction_id)
            differs = known is None or known.deleted != outcome.correction.deleted
        if differs:
            self.on_changed(CORRECTED_ELSEWHERE)

    def take(self, fresh: Iterable[Correction], before: Counter[str]) -> bool:
        """Another window's corrections, read from the store (lock held); True if the
        corrections in force changed."""
        return take_fresh(
            self._held,
            {c.id: c for c in fresh},
            lambda key: self.queue.ours(key, before),
            lambda c: c.deleted,
        )
