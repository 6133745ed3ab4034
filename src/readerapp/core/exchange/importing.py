"""Import: read a whole export, check all of it, then merge it into the store in one write.

All or nothing: `read_annotations` raises before the store is touched, and
`AnnotationStore.merge` writes once, so a bad file leaves the database as it was.
Annotations whose article is not on this machine are imported as they are;
they anchor when the article is opened. Deleted annotations (tombstones) are
merged like any other copy, so an imported delete holds and an old export
cannot bring back a note deleted since. Which copy is newer is
`annotation.newer`, the same rule the store applies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import orjson

from readerapp.core.annotation import Annotation, newer
from readerapp.core.exchange import jsonformat, w3c
from readerapp.core.exchange.bulk import without_collector_pauses
from readerapp.core.exchange.errors import ExchangeError

if TYPE_CHECKING:
    from readerapp.core.store import AnnotationStore


@dataclass(frozen=True)
class ImportReport:
    """What an import did, for the one line the command prints."""

    added: int
    updated: int
    deleted: int
    unchanged: int

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.deleted} deleted, "
            f"{self.unchanged} unchanged"
        )


def read_annotations(data: bytes) -> list[Annotation]:
    """The annotations in an export (readerapp JSON or W3C, told apart by content).

    The same id twice in one file: the newer copy wins (`annotation.newer`).
    """
    with without_collector_pauses():
        try:
            document = orjson.loads(data)
        except orjson.JSONDecodeError as err:
            raise ExchangeError(f"not valid JSON ({_first_line(err)})") from None
        if jsonformat.is_document(document):
            annotations = jsonformat.parse_document(document)
        elif w3c.is_document(document):
            annotations = w3c.parse_document(document)
        else:
            raise ExchangeError(
                "not a readerapp or W3C annotation export (expected "
                f'"format": "{jsonformat.FORMAT_NAME}" or "@context": "{w3c.CONTEXT}")'
            )
        return newest_by_id(annotations)


def newest_by_id(annotations: Iterable[Annotation]) -> list[Annotation]:
    """One annotation per id, the newer copy by `annotation.newer`; first seen on a tie."""
    newest: dict[str, Annotation] = {}
    for annotation in annotations:
        kept = newest.get(annotation.id)
        if kept is None or newer(annotation, kept):
            newest[annotation.id] = annotation
    return list(newest.values())


def import_annotations(store: AnnotationStore, annotations: list[Annotation]) -> ImportReport:
    """Merge into `store` (one atomic write) and count what changed."""
    existing = {a.id: a for a in store.all(include_deleted=True)}
    added = updated = deleted = 0
    for annotation in annotations:
        current = existing.get(annotation.id)
        if current is None:
            added += not annotation.deleted
        elif newer(annotation, current) and annotation != current:
            if annotation.deleted:
                deleted += not current.deleted
            else:
                updated += 1
    store.merge(annotations)
    return ImportReport(added, updated, deleted, len(annotations) - added - updated - deleted)


def _first_line(err: Exception) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__
