"""Import's rule, one annotation at a time: the newer copy wins, tombstones included.

"Newer" is `annotation.newer` (revision first, then the instant of `updated`),
the one rule of the project, so an old export can neither bring back a note
deleted since nor undo a later edit, whatever the clocks said.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from readerapp.core.annotation import Annotation, newer

Verdict = Literal["added", "updated", "deleted", "unchanged"]


@dataclass(frozen=True)
class MergeReport:
    """What a merge did, by annotation: the counts `readerapp import` prints.

    - added: annotations this database did not have;
    - updated: ones it had, replaced by a newer copy (a deleted one the newer copy
      brings back included, and an unreadable stored record repaired);
    - deleted: ones it had, now deleted by a newer tombstone;
    - unchanged: ones where the stored copy is as new or newer, and tombstones of
      annotations never seen here (kept, so the deletion holds, but nothing to show).
    """

    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.deleted

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.deleted} deleted, "
            f"{self.unchanged} unchanged"
        )

    @classmethod
    def of(cls, verdicts: Iterable[Verdict]) -> MergeReport:
        counts = {"added": 0, "updated": 0, "deleted": 0, "unchanged": 0}
        for verdict in verdicts:
            counts[verdict] += 1
        return cls(**counts)


def newest_by_id(annotations: Iterable[Annotation]) -> dict[str, Annotation]:
    """One annotation per id: the newest; the first seen on a full tie."""
    newest: dict[str, Annotation] = {}
    for annotation in annotations:
        kept = newest.get(annotation.id)
        if kept is None or newer(annotation, kept):
            newest[annotation.id] = annotation
    return newest


def judge(incoming: Annotation, stored: Annotation | None, present: bool) -> tuple[Verdict, bool]:
    """What merging `incoming` over the stored copy means, and whether to write it.

    `present`: a record with this id is stored; `stored`: it, parsed (None if unreadable).
    """
    if not present:
        return ("unchanged" if incoming.deleted else "added"), True
    if stored is None:
        return ("deleted" if incoming.deleted else "updated"), True
    if incoming == stored or not newer(incoming, stored):
        return "unchanged", False
    if incoming.deleted:
        return ("unchanged" if stored.deleted else "deleted"), True
    return "updated", True
