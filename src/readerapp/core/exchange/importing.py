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
from readerapp.core.corrections.record import Correction
from readerapp.core.exchange import jsonformat, w3c
from readerapp.core.exchange.bulk import without_collector_pauses
from readerapp.core.exchange.errors import ExchangeError

if TYPE_CHECKING:
    from readerapp.core.store import AnnotationStore, MergeReport


@dataclass(frozen=True)
class Export:
    """What an export file holds for the database: annotations, and corrections of the
    analysis (only readerapp's JSON carries those)."""

    annotations: list[Annotation]
    corrections: list[Correction]


def read_export(data: bytes) -> Export:
    """The annotations and corrections in an export (readerapp JSON or W3C, told apart
    by content); ExchangeError names the first bad place, before anything is written.

    The same id twice in one file: the newer copy wins (`annotation.newer`).
    """
    with without_collector_pauses():
        try:
            document = orjson.loads(data)
        except orjson.JSONDecodeError as err:
            raise ExchangeError(f"not valid JSON ({_first_line(err)})") from None
        if jsonformat.is_document(document):
            annotations = jsonformat.parse_document(document)
            corrections = jsonformat.parse_corrections(document)
        elif w3c.is_document(document):
            annotations, corrections = w3c.parse_document(document), []
        else:
            raise ExchangeError(
                "not a readerapp or W3C annotation export (expected "
                f'"format": "{jsonformat.FORMAT_NAME}" or "@context": "{w3c.CONTEXT}")'
            )
        return Export(newest_by_id(annotations), corrections)


def read_annotations(data: bytes) -> list[Annotation]:
    """The annotations in an export (see `read_export`)."""
    return read_export(data).annotations


def newest_by_id(annotations: Iterable[Annotation]) -> list[Annotation]:
    """One annotation per id, the newer copy by `annotation.newer`; first seen on a tie."""
    newest: dict[str, Annotation] = {}
    for annotation in annotations:
        kept = newest.get(annotation.id)
        if kept is None or newer(annotation, kept):
            newest[annotation.id] = annotation
    return list(newest.values())


def import_annotations(
    store: AnnotationStore, annotations: list[Annotation], corrections: Iterable[Correction] = ()
) -> MergeReport:
    """Merge into `store` (newer wins by `annotation.newer`, tombstones and withdrawn
    corrections included, one atomic replace of the files it touches) and say what
    changed."""
    return store.merge(annotations, corrections)


def _first_line(err: Exception) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__
