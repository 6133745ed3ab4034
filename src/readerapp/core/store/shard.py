"""One article's annotations: a TinyDB file of their own, and what the catalog says of it.

A shard holds every annotation made on one version of one article (one
sha256), in its `annotations` table; issue 15's corrections of the analysis
will be a `corrections` table beside it, read and written the same way.
`Entry` is the summary the catalog keeps of a shard (which paths and titles
its records carry, how many are live, their tags), so the store can find an
article's shards and count tags without reading every file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from readerapp.core.annotation import Annotation, from_record, path_from_record, path_to_record
from readerapp.core.atomic_file import FileSignature
from readerapp.core.safe_text import clean_line
from readerapp.core.store.schema import ANNOTATIONS, META, meta_table
from readerapp.core.store.storage import ReadOnly
from readerapp.core.store.tables import Database, StrKeyTable

Ref = tuple[str, str]  # (path, title) as an annotation's article carries them


@dataclass(frozen=True)
class Entry:
    """What the catalog knows of one shard without opening it."""

    sha256: str
    refs: frozenset[Ref]  # every (path, title) its records carry, deleted ones included
    live: int  # annotations that are not deleted
    tags: tuple[tuple[str, int], ...]  # tag → how many live annotations carry it
    signature: FileSignature | None  # of the shard file this was read from

    def has_path(self, path: str) -> bool:
        return any(p == path for p, _ in self.refs)

    def has_title(self, title: str) -> bool:
        return any(t == title for _, t in self.refs)

    def to_doc(self) -> dict[str, Any]:
        refs = [{**path_to_record(p), "title": t} for p, t in sorted(self.refs)]
        sig = list(self.signature) if self.signature is not None else None
        return {
            "sha256": self.sha256,
            "refs": refs,
            "live": self.live,
            "tags": dict(self.tags),
            "signature": sig,
        }

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Entry | None:
        """The entry in a catalog document; None if it is malformed (it is then rebuilt)."""
        try:
            sig = doc.get("signature")
            return cls(
                sha256=str(doc["sha256"]),
                refs=frozenset(
                    (path_from_record(ref), clean_line(str(ref.get("title", ""))))
                    for ref in doc.get("refs", ())
                ),
                live=int(doc.get("live", 0)),
                tags=tuple((str(t), int(n)) for t, n in dict(doc.get("tags", {})).items()),
                signature=FileSignature(*(int(x) for x in sig)) if sig else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


@dataclass(frozen=True)
class _Part:
    """What one record adds to its shard's entry."""

    sha256: str
    ref: Ref
    live: int
    tags: frozenset[str]


def _part(record: Mapping[str, Any]) -> _Part | None:
    try:
        article = record["article"]
        live = not record.get("deleted")
        return _Part(
            str(article["sha256"]),
            (path_from_record(article), clean_line(str(article.get("title", "")))),
            int(live),
            frozenset(clean_line(str(t)) for t in record.get("tags", ())) if live else frozenset(),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a malformed record is kept on disk, counted nowhere


def summarize(records: Iterable[Mapping[str, Any]], signature: FileSignature | None) -> Entry:
    """The catalog entry of a shard holding `records`, read from raw records (no parsing
    of whole annotations: this runs over every changed shard when the library opens)."""
    parts = [part for part in map(_part, records) if part is not None]
    tags = Counter(tag for part in parts for tag in part.tags)
    return Entry(
        parts[0].sha256 if parts else "",
        frozenset(part.ref for part in parts),
        sum(part.live for part in parts),
        tuple(sorted(tags.items())),
        signature,
    )


def updated(
    entry: Entry,
    removed: Iterable[Mapping[str, Any]],
    added: Iterable[Mapping[str, Any]],
    signature: FileSignature | None,
) -> Entry:
    """`entry` after `removed` records were replaced by `added` ones: a save's cost stays
    that of the records it wrote. Paths and titles only accumulate (one that no record
    carries any more only makes the store open this shard for nothing)."""
    old = [part for part in map(_part, removed) if part is not None]
    new = [part for part in map(_part, added) if part is not None]
    tags = Counter(dict(entry.tags))
    tags.subtract(tag for part in old for tag in part.tags)
    tags.update(tag for part in new for tag in part.tags)
    return Entry(
        entry.sha256 or (new[0].sha256 if new else ""),
        entry.refs | {part.ref for part in new},
        entry.live - sum(part.live for part in old) + sum(part.live for part in new),
        tuple(sorted((tag, n) for tag, n in tags.items() if n > 0)),
        signature,
    )


class Shard:
    """The TinyDB file of one article's annotations, with its records parsed once."""

    def __init__(self, name: str, storage: Storage, read_only: str | None, path: Path) -> None:
        self.name = name
        self.path = path
        self.storage = storage
        factory: Callable[[], Any] = lambda: storage  # noqa: E731 - TinyDB calls its storage
        self.db = Database(storage=ReadOnly(factory, read_only, path) if read_only else factory)
        self.table: StrKeyTable = self.db.keyed(ANNOTATIONS)
        self._meta: StrKeyTable = self.db.keyed(META)
        self._parsed: dict[str, tuple[dict[str, Any], Annotation | None]] = {}

    def records(self) -> dict[str, dict[str, Any]]:
        return dict(self.table.records())

    def record(self, annotation_id: str) -> dict[str, Any] | None:
        return self.table.record(annotation_id)

    def annotation(self, annotation_id: str) -> Annotation | None:
        """The stored annotation with this id; None if absent or unreadable."""
        record = self.record(annotation_id)
        return None if record is None else self._parse(annotation_id, record)

    def annotations(self) -> list[Annotation]:
        """Every readable annotation, tombstones included (malformed records are skipped)."""
        found = (self._parse(key, record) for key, record in self.table.records())
        return [a for a in found if a is not None]

    def _parse(self, annotation_id: str, record: dict[str, Any]) -> Annotation | None:
        """`from_record`, remembered while the record stays equal (comparing is cheaper)."""
        cached = self._parsed.get(annotation_id)
        if cached is not None and cached[0] == record:
            return cached[1]
        try:
            annotation: Annotation | None = from_record(record)
        except (KeyError, TypeError, ValueError, AttributeError):
            annotation = None
        self._parsed[annotation_id] = (record, annotation)
        return annotation

    def put(self, records: Mapping[str, Mapping[str, Any]]) -> None:
        """Insert or replace records (run inside a Batch: one file write)."""
        if not self._meta.contains(doc_id="1"):  # type: ignore[arg-type]
            self._meta.put(meta_table())
        self.table.put(records)

    def summary(self) -> Entry:
        sig = getattr(self.storage, "signature", None)
        return summarize(self.table, sig if isinstance(sig, FileSignature) else None)

    def close(self) -> None:
        self.db.close()
