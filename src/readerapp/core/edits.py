"""One window's change to an annotation, replayed field by field on the record as it is now.

Several windows (processes) may hold copies of one annotation. Storing a
window's copy whole would throw away whatever another window changed since
that copy was read (A's tag gone when B recolours). So a change travels as an
`Edit`: the annotation as the window had it (`base`) and as it wants it
(`wanted`). `apply_edit` replays only the fields that differ between the two
onto the current record: in the file, under the lock, when saving; and in
memory, for undo and redo, so an undo restores only its own fields too.

- Tags merge as sets: the tags this edit added are added, the ones it removed
  are removed, every other tag on the current record stays.
- Colour and note are single values: when another window changed the same
  field to something else, this edit (the later one) wins and the field is
  named in `Outcome.conflicts` so the window can say so.
- A tombstone (`deleted`) is final for a stale window: an edit of a record
  that is deleted is refused. Only an edit whose own base was the tombstone
  (undo of one's own delete, redo of a create) brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from readerapp.core.annotation import Annotation, utc_now

#: Fields replaced whole when an edit changed them.
SINGLE_VALUED = ("colour", "note", "selector", "link", "deleted")
#: Of those, the ones a user sees and would miss if another window's value were dropped.
REPORTED = ("colour", "note")


@dataclass(frozen=True)
class Edit:
    """A change to one annotation: what the window saw (`base`) and what it wants."""

    base: Annotation | None  # None: the annotation is new
    wanted: Annotation

    @property
    def annotation_id(self) -> str:
        return self.wanted.id

    @property
    def restores(self) -> bool:
        """Whether this edit brings back a deleted annotation the window itself deleted."""
        return self.base is not None and self.base.deleted and not self.wanted.deleted


@dataclass(frozen=True)
class Outcome:
    """What applying an edit gave: the record to keep, and what the window should hear."""

    annotation: Annotation | None  # the record after the edit (None: there is none)
    changed: bool  # whether the record differs from before, i.e. needs writing
    conflicts: tuple[str, ...] = ()  # fields another window had changed too (this edit won)
    refused: bool = False  # the record is deleted and this edit may not bring it back

    @property
    def message(self) -> str | None:
        """One sentence for the window, or None when there is nothing to say."""
        if self.refused:
            return "This note was deleted in another window, so your change was not saved."
        if self.conflicts:
            fields = " and ".join(self.conflicts)
            return f"Another window had also changed this note's {fields}; your change was kept."
        return None


def apply_edit(current: Annotation | None, edit: Edit, *, now: str | None = None) -> Outcome:
    """`edit` replayed on `current` (the record as it is now, None if there is none)."""
    wanted = edit.wanted
    if current is None:
        return Outcome(wanted, changed=True)
    base = edit.base if edit.base is not None else current
    if current.deleted and not wanted.deleted and not edit.restores:
        return Outcome(current, changed=False, refused=True)
    if current.deleted and wanted.deleted:
        return Outcome(current, changed=False)
    fields: dict[str, Any] = {
        name: getattr(wanted, name)
        for name in SINGLE_VALUED
        if getattr(wanted, name) != getattr(base, name)
    }
    tags = merge_tags(current.tags, base.tags, wanted.tags)
    if tags != current.tags:
        fields["tags"] = tags
    fields = {name: value for name, value in fields.items() if getattr(current, name) != value}
    if not fields:
        return Outcome(current, changed=False)
    conflicts = tuple(
        name
        for name in REPORTED
        if name in fields and getattr(current, name) != getattr(base, name)
    )
    result = replace(
        current,
        **fields,
        revision=max(current.revision, base.revision) + 1,
        updated=now or utc_now(),
    )
    return Outcome(result, changed=True, conflicts=conflicts)


def merge_tags(
    current: tuple[str, ...], base: tuple[str, ...], wanted: tuple[str, ...]
) -> tuple[str, ...]:
    """The current tags with this edit's additions and removals (base → wanted) applied.

    Order: the current tags as they were, then the added ones in the order wanted lists them.
    """
    removed = set(base) - set(wanted)
    added = [tag for tag in wanted if tag not in base]
    kept = [tag for tag in current if tag not in removed]
    return tuple(dict.fromkeys([*kept, *added]))


def tombstone(annotation: Annotation) -> Annotation:
    """The same annotation marked deleted, nothing else changed (used to compare states)."""
    return replace(annotation, deleted=True)
