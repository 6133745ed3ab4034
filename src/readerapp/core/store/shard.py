"""One article's notes: a TinyDB file of their own, and what the catalog says of it.

A shard holds every annotation made on one version of one article (one
sha256), in its `annotations` table, and the user's corrections of that
article's analysis in its `corrections` table, read and written the same way.
`Entry` is the summary the catalog keeps of a shard (which paths and titles
its records carry, how many are live, their tags, how many corrections), so
the store can find an article's shards and count tags without reading every
file.
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
from readerapp.core.corrections import record as correction_record
from readerapp.core.corrections.record import Correction
from readerapp.core.safe_text import clean_line
from readerapp.core.store.schema import ANNOTATIONS, CORRECTIONS, META, meta_table
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
    corrected: int = 0  # corrections of the analysis it holds, withdrawn ones included
    # (-1: unknown, an entry written by a readerapp that did not count them)

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
            "corrected": self.corrected,
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
                corrected=int(doc.get("corrected", -1)),
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


def summarize(
    records: Iterable[Mapping[str, Any]],
    signature: FileSignature | None,
    corrections: Iterable[Mapping[str, Any]] = (),
) -> Entry:
    """The catalog entry of a shard holding `records` (and `corrections`), read from raw
    records (no parsing of whole annotations: this runs over every changed shard when the
    library opens)."""
    parts = [part for part in map(_part, records) if part is not None]
    fixes = [part for part in map(_part, corrections) if part is not None]
    tags = Counter(tag for part in parts for tag in part.tags)
    return Entry(
        next((part.sha256 for part in [*parts, *fixes]), ""),
        frozenset(part.ref for part in [*parts, *fixes]),
        sum(part.live for part in parts),
        tuple(sorted(tags.items())),
        signature,
        len(fixes),
    )


#: What one save changed in one table of a shard: (table, records replaced, records written).
TableChange = tuple[str, list[dict[str, Any]], Iterable[Mapping[str, Any]]]


def updated(entry: Entry, changes: Iterable[TableChange], signature: FileSignature | None) -> Entry:
    """`entry` after a save replaced records by others in the shard's tables: a save's cost
    stays that of the records it wrote. Paths and titles only accumulate (one that no
    record carries any more only makes the store open this shard for nothing)."""
    live, corrected, tags = entry.live, entry.corrected, Counter(dict(entry.tags))
    refs, sha256 = set(entry.refs), entry.sha256
    for table, removed, added in changes:
        old = [part for part in map(_part, removed) if part is not None]
        new = [part for part in map(_part, added) if part is not None]
        if table == CORRECTIONS:
            corrected = corrected + len(new) - len(old) if corrected >= 0 else corrected
        else:
            live += sum(part.live for part in new) - sum(part.live for part in old)
            tags.subtract(tag for part in old for tag in part.tags)
            tags.update(tag for part in new for tag in part.tags)
        refs |= {part.ref for part in new}
        sha256 = sha256 or (new[0].sha256 if new else "")
    return Entry(
        sha256,
        frozenset(refs),
        live,
        tuple(sorted((tag, n) for tag, n in tags.items() if n > 0)),
        signature,
        corrected,
    )


class Shard:
    """The TinyDB file of one article's annotations and corrections, records parsed once."""

    def __init__(self, name: str, storage: Storage, read_only: str | None, path: Path) -> None:
        self.name = name
        self.path = path
        self.storage = storage
        factory: Callable[[], Any] = lambda: storage  # noqa: E731 - TinyDB calls its storage
        self.db = Database(storage=ReadOnly(factory, read_only, path) if read_only else factory)
        self.table: StrKeyTable = self.db.keyed(ANNOTATIONS)
        self.fixes: StrKeyTable = self.db.keyed(CORRECTIONS)
        self._meta: StrKeyTable = self.db.keyed(META)
        self._parsed: dict[str, tuple[dict[str, Any], Annotation | None]] = {}
        self._parsed_fixes: dict[str, tuple[dict[str, Any], Correction | None]] = {}

    def tables(self, name: str) -> StrKeyTable:
        return self.fixes if name == CORRECTIONS else self.table

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

    def correction(self, correction_id: str) -> Correction | None:
        """The stored correction with this id; None if absent or unreadable."""
        record = self.fixes.record(correction_id)
        return None if record is None else self._parse_fix(correction_id, record)

    def corrections(self) -> list[Correction]:
        """Every readable correction, withdrawn ones included."""
        found = (self._parse_fix(key, record) for key, record in self.fixes.records())
        return [c for c in found if c is not None]

    def _parse_fix(self, correction_id: str, record: dict[str, Any]) -> Correction | None:
        cached = self._parsed_fixes.get(correction_id)
        if cached is not None and cached[0] == record:
            return cached[1]
        try:
            correction: Correction | None = correction_record.from_record(record)
        except (KeyError, TypeError, ValueError, AttributeError):
            correction = None  # kept on disk as it is, shown nowhere
        self._parsed_fixes[correction_id] = (record, correction)
        return correction

    def put(self, records: Mapping[str, Mapping[str, Any]], table: str = ANNOTATIONS) -> None:
        """Insert or replace records of a table (run inside a Batch: one file write)."""
        if not self._meta.contains(doc_id="1"):  # type: ignore[arg-type]
            self._meta.put(meta_table())
        self.tables(table).put(records)

    def summary(self) -> Entry:
        sig = getattr(self.storage, "signature", None)
        return summarize(self.table, sig if isinstance(sig, FileSignature) else None, self.fixes)

    def close(self) -> None:
        self.db.close()
