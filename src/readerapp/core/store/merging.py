"""Import's rule, one record at a time: the newer copy wins, tombstones included.

"Newer" is `annotation.newer` (revision first, then the instant of `updated`),
the one rule of the project, so an old export can neither bring back a note
deleted since nor undo a later edit, whatever the clocks said. Corrections of
the analysis merge by the same rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from readerapp.core.annotation import ArticleRef, newer
from readerapp.core.store.schema import ANNOTATIONS, Records, shard_name

if TYPE_CHECKING:
    from readerapp.core.store.folder import ShardFolder


class Record(Protocol):
    """An annotation or a correction: what merging needs of it."""

    @property
    def id(self) -> str: ...

    @property
    def article(self) -> ArticleRef: ...

    @property
    def revision(self) -> int: ...

    @property
    def updated(self) -> str: ...

    @property
    def deleted(self) -> bool: ...


R = TypeVar("R", bound=Record)

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
    #: The same counts for the corrections of the analysis, when the import had any.
    corrections: MergeReport | None = None

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.deleted

    def __str__(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.deleted} deleted, "
            f"{self.unchanged} unchanged"
        )
        if self.corrections is not None:
            c = self.corrections
            text += (
                f"; corrections of the analysis: {c.added} added, {c.updated} updated, "
                f"{c.deleted} withdrawn, {c.unchanged} unchanged"
            )
        return text

    @classmethod
    def of(cls, verdicts: Iterable[Verdict]) -> MergeReport:
        counts = {"added": 0, "updated": 0, "deleted": 0, "unchanged": 0}
        for verdict in verdicts:
            counts[verdict] += 1
        return cls(counts["added"], counts["updated"], counts["deleted"], counts["unchanged"])


def newest_by_id(records: Iterable[R]) -> dict[str, R]:
    """One record per id: the newest; the first seen on a full tie."""
    newest: dict[str, R] = {}
    for record in records:
        kept = newest.get(record.id)
        if kept is None or newer(record, kept):
            newest[record.id] = record
    return newest


def judge(incoming: R, stored: R | None, present: bool) -> tuple[Verdict, bool]:
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


def judged(
    folder: ShardFolder,
    incoming: Mapping[str, R],
    table: str,
    to_json: Callable[[R], dict[str, Any]],
    changes: dict[str, dict[str, Records]],
) -> list[Verdict]:
    """The verdict on each incoming record; those to write are added to `changes`."""
    verdicts: list[Verdict] = []
    for key, record in incoming.items():
        name = shard_name(record.article.sha256)
        shard = folder.file_shard(name)
        present = shard.tables(table).record(key) is not None
        stored = shard.annotation(key) if table == ANNOTATIONS else shard.correction(key)
        verdict, write = judge(record, stored, present)  # type: ignore[arg-type]
        verdicts.append(verdict)
        if write:
            changes.setdefault(name, {}).setdefault(table, {})[key] = to_json(record)
    return verdicts
