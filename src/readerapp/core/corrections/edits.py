"""One window's change to a correction, replayed on the record as it is in the file.

A correction's content never changes once made; what changes is whether it is
in force (`deleted`): undo withdraws it, redo makes it again, restoring a
removed item withdraws the removal. So an edit is the correction as the window
had it (`base`) and as it wants it (`wanted`), and replaying it changes only
`deleted`, on the stored record, with the revision bumped past both: two
windows that withdraw the same correction agree, and neither window's other
corrections are touched.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from readerapp.core.corrections.record import Correction


@dataclass(frozen=True)
class CorrectionEdit:
    """A new correction (`base` None), or one withdrawn or made again."""

    base: Correction | None
    wanted: Correction

    @property
    def correction_id(self) -> str:
        return self.wanted.id


@dataclass(frozen=True)
class CorrectionOutcome:
    """The record after the edit, and whether it differs from the stored one."""

    correction: Correction
    changed: bool


def replay(current: Correction | None, edit: CorrectionEdit) -> CorrectionOutcome:
    """`edit` replayed on `current` (the stored record; None if there is none)."""
    wanted = edit.wanted
    if current is None:
        return CorrectionOutcome(wanted, changed=True)
    base = edit.base if edit.base is not None else current
    if base.deleted == wanted.deleted or current.deleted == wanted.deleted:
        return CorrectionOutcome(current, changed=False)
    result = replace(
        current,
        deleted=wanted.deleted,
        revision=max(current.revision, base.revision) + 1,
        updated=wanted.updated,
    )
    return CorrectionOutcome(result, changed=True)
