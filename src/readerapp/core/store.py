"""The annotation store: one TinyDB file, written at once, atomically, by several processes.

TinyDB keeps the query API; a storage of our own gives what the stock
`JSONStorage` lacks (see the guide's TinyDB facts): every write goes to a
temporary file that is fsynced and renamed over the database, so a crash
leaves the old or the new file; the parsed data stays in memory (orjson, parsed
once) and is reloaded only when the file changed on disk; and every
read-modify-write holds an `flock` on a side file so two readerapp processes on
one file lose nothing of each other's.

A file we cannot understand (invalid JSON, an unknown schema) is never
written: the store refuses to open it (`StoreError`), or `open_store` opens it
read-only and empty, and `move_aside` renames it to a timestamped backup once
the user agrees.

On disk (schema 1)::

    {"meta": {"1": {"schema": 1}},
     "annotations": {"<annotation id>": <to_record(annotation)>, ...}}
"""

from __future__ import annotations

import os
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from readerapp.core.annotation import Annotation, ArticleRef, from_record, to_record
from readerapp.core.atomic_file import (
    FileLock,
    FileSignature,
    fsync_dir,
    remove_stale_temp_files,
    signature,
    write_atomic,
)
from readerapp.core.edits import Edit, Outcome, apply_edit

SCHEMA = 1
META = "meta"
ANNOTATIONS = "annotations"

Data = dict[str, dict[str, Any]]
ErrorKind = Literal["corrupt", "newer", "unreadable", "read_only", "write_failed", "missing"]


class StoreError(Exception):
    """A problem with the annotation database; `str(err)` is one sentence for the user.

    `kind` says what happened; `recoverable` is True when `move_aside` would let
    the user start afresh (the file is corrupt or from a newer readerapp).
    """

    def __init__(self, message: str, *, path: Path, kind: ErrorKind) -> None:
        super().__init__(message)
        self.path = path
        self.kind = kind

    @property
    def recoverable(self) -> bool:
        return self.kind in ("corrupt", "newer")


# --- schema versions and migrations -------------------------------------------------------


def empty_database() -> Data:
    return {META: {"1": {"schema": SCHEMA}}, ANNOTATIONS: {}}


def _v0_to_v1(data: Data) -> Data:
    """v0, the prototype: stock TinyDB `_default` table, integer keys, no schema.

    Its records spelled `color`, had no `updated` or `link`, and some had no id;
    a missing id is derived from the record's content so that every read of the
    same v0 file gives the same ids.
    """
    annotations: dict[str, Any] = {}
    for doc in data.get("_default", {}).values():
        record = dict(doc)
        if "color" in record:
            colour = record.pop("color")
            record.setdefault("colour", colour)
        record.setdefault("colour", None)
        record.setdefault("tags", [])
        record.setdefault("note", "")
        record.setdefault("updated", record.get("created"))
        record.setdefault("link", None)
        if not record.get("id"):
            digest = orjson.dumps(record, option=orjson.OPT_SORT_KEYS).decode()
            record["id"] = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, digest)}"
        annotations[str(record["id"])] = record
    others = {name: table for name, table in data.items() if name != "_default"}
    return {**others, META: {"1": {"schema": 1}}, ANNOTATIONS: annotations}


#: MIGRATIONS[v] upgrades a database at schema v to schema v + 1.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1}


def schema_version(data: Data, path: Path) -> int:
    """The schema of a parsed database (-1: empty, no schema yet); StoreError if not ours."""
    meta = data.get(META)
    if meta is not None:
        doc = next(iter(meta.values()), None) if isinstance(meta, dict) else None
        version = doc.get("schema") if isinstance(doc, dict) else None
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise StoreError(
                f"{path} is not a readerapp database (its schema version is unreadable); "
                "it was left untouched.",
                path=path,
                kind="corrupt",
            )
        return version
    if not any(data.values()):
        return -1  # `{}` or empty tables: a new database
    default = data.get("_default")
    if isinstance(default, dict) and all(
        isinstance(doc, dict) and "selector" in doc and "article" in doc for doc in default.values()
    ):
        return 0
    raise StoreError(
        f"{path} is not a readerapp database (it holds no annotations table); "
        "it was left untouched.",
        path=path,
        kind="corrupt",
    )


def migrate(data: Data, version: int) -> Data:
    """Upgrade `data` from schema `version` to the current one, one step at a time."""
    while version < SCHEMA:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def parse_database(raw: bytes, path: Path) -> tuple[Data, int]:
    """The database in `raw` at the current schema, and the schema it was stored at."""
    if not raw.strip():
        return empty_database(), SCHEMA  # TinyDB itself leaves empty files behind
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        raise StoreError(
            f"{path} is not a readerapp database (invalid JSON at line {err.lineno}); "
            "it was left untouched.",
            path=path,
            kind="corrupt",
        ) from err
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise StoreError(
            f"{path} is not a readerapp database (it is JSON but not a set of tables); "
            "it was left untouched.",
            path=path,
            kind="corrupt",
        )
    version = schema_version(data, path)
    if version == -1:
        return {**data, **empty_database()}, SCHEMA
    if version > SCHEMA:
        raise StoreError(
            f"{path} was written by a newer readerapp (database schema {version}, this "
            f"version reads up to {SCHEMA}); it was left untouched.",
            path=path,
            kind="newer",
        )
    data = migrate(data, version)
    data.setdefault(ANNOTATIONS, {})
    return data, version


# --- TinyDB storage and table -------------------------------------------------------------


class AtomicJSONStorage(Storage):
    """A TinyDB storage: orjson, atomic durable writes, data cached until the file changes.

    Not thread- or process-safe by itself: `AnnotationStore` holds a thread lock
    and the file lock around every read-modify-write.
    """

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.disk_schema = SCHEMA  # the schema of the file as it is on disk
        self.frozen = False  # opened on an unreadable file: serve an empty database
        self._data: Data | None = None
        self._sig: FileSignature | None = None
        self._cleaned = False
        self.version = 0  # changes whenever the data changes (loaded or written)

    def read(self) -> Data:
        if self.frozen:
            if self._data is None:
                self._data = empty_database()
            return self._data
        if self._data is None or signature(self.path) != self._sig:
            self._load()
        assert self._data is not None
        return self._data

    def _load(self) -> None:
        try:
            with open(self.path, "rb") as file:
                sig: FileSignature | None = FileSignature.of(os.fstat(file.fileno()))
                raw = file.read()
        except FileNotFoundError:
            data, version, sig = empty_database(), SCHEMA, None
        except OSError as err:
            raise StoreError(
                f"{self.path} cannot be read ({err.strerror}); it was left untouched.",
                path=self.path,
                kind="unreadable",
            ) from err
        else:
            data, version = parse_database(raw, self.path)
        self._data, self._sig, self.disk_schema = data, sig, version
        self.version += 1

    def write(self, data: Data) -> None:
        if self.read_only:
            self._data = None  # TinyDB changed our cached dict before calling write
            raise StoreError(
                f"{self.path} is open read-only, so this change was not saved.",
                path=self.path,
                kind="read_only",
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self._cleaned:
                remove_stale_temp_files(self.path)
                self._cleaned = True
            if self._sig is not None and self.disk_schema < SCHEMA:
                self._keep_old_schema_copy()
            sig = write_atomic(self.path, orjson.dumps(data))
        except OSError as err:
            self._data = None
            raise StoreError(
                f"Could not save to {self.path} ({err.strerror or err}); the change was not saved.",
                path=self.path,
                kind="write_failed",
            ) from err
        self._data, self._sig, self.disk_schema = data, sig, SCHEMA
        self.version += 1

    def _keep_old_schema_copy(self) -> None:
        """Before a migrated database first replaces the old file, keep the old file."""
        backup = self.path.with_name(f"{self.path.name}.schema{self.disk_schema}-backup")
        if not backup.exists():
            shutil.copy2(self.path, backup)

    def reset(self) -> None:
        """Forget the file (after it was moved aside): an empty, writable database."""
        self._data, self._sig, self.disk_schema = None, None, SCHEMA
        self.frozen = False
        self.version += 1

    def forget(self) -> None:
        """Drop the cached data (it may no longer match the file); the next read reloads."""
        self._data = None
        self.version += 1

    def close(self) -> None:
        self._data = None


class AnnotationTable(Table):
    """Documents keyed by annotation id, so an upsert is a dict assignment, not a scan."""

    document_id_class = str  # type: ignore[assignment]

    def raw(self) -> Mapping[str, Any]:
        """The stored records by id, not copied: callers must not modify them."""
        return self._read_table()

    def _update_table(self, updater: Callable[[dict[Any, Any]], None]) -> None:
        """Change the stored table in place and write it.

        TinyDB's own version rebuilds the whole table twice to turn keys into
        ints and back; ours are strings already, and at 10,000 annotations the
        rebuilds cost more than serializing. If anything fails half-way, the
        cached data is dropped so it is reloaded from the file.
        """
        storage = self._storage
        try:
            tables = storage.read() or {}
            updater(tables.setdefault(self.name, {}))
            storage.write(tables)
        except BaseException:
            if isinstance(storage, AtomicJSONStorage):
                storage.forget()
            raise
        finally:
            self.clear_cache()

    def put(self, records: Mapping[str, dict[str, Any]]) -> None:
        """Insert or replace whole records, in one write."""
        self._update_table(lambda table: table.update(records))

    def drop(self, annotation_id: str) -> None:
        self._update_table(lambda table: table.pop(annotation_id, None) and None)


class _Database(TinyDB):
    table_class = AnnotationTable


# --- the store ------------------------------------------------------------------------------


class _Index:
    """Annotation ids by article sha256, path and title, for one version of the records."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.by_sha: dict[str, list[str]] = {}
        self.by_path: dict[str, list[str]] = {}
        self.by_title: dict[str, list[str]] = {}
        for annotation_id, record in raw.items():
            try:
                article = record["article"]
                self.by_sha.setdefault(str(article["sha256"]), []).append(annotation_id)
                if article.get("path"):
                    self.by_path.setdefault(str(article["path"]), []).append(annotation_id)
                if article.get("title"):
                    self.by_title.setdefault(str(article["title"]), []).append(annotation_id)
            except (KeyError, TypeError, AttributeError):
                continue  # a malformed record is kept on disk but not shown


class AnnotationStore:
    """All annotations, kept in one TinyDB file; safe across threads and processes."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        on_error: Literal["raise", "read_only"] = "raise",
    ) -> None:
        """Open the database at `path` (created at the first write, with its folders).

        A file that exists but is not a readerapp database raises StoreError and
        is not touched; with `on_error="read_only"` the store opens instead as an
        empty read-only store with the problem in `error` (see `open_store`).
        """
        self.path = Path(path)
        self.read_only = read_only
        self.error: StoreError | None = None
        # A database that is a symlink (say into a synced folder) stays one: the
        # rename replaces the file it points to, not the link.
        self._real_path = Path(os.path.realpath(self.path))
        self._lock = threading.RLock()
        self._file_lock = FileLock(self._real_path)
        self._storage = AtomicJSONStorage(self._real_path, read_only=read_only)
        self._db = _Database(storage=lambda: self._storage)
        self._table: AnnotationTable = self._db.table(ANNOTATIONS)  # type: ignore[assignment]
        self._index: _Index | None = None
        self._index_version = -1
        self._parsed: dict[str, tuple[Any, Annotation | None]] = {}
        self._closed = False
        try:
            self._storage.read()
        except StoreError as err:
            if on_error == "raise" or err.kind not in ("corrupt", "newer", "unreadable"):
                raise
            self.error = err
            self.read_only = self._storage.read_only = True
            self._storage.frozen = True

    # reading

    def _records(self) -> Mapping[str, Any]:
        raw = self._table.raw()
        if self._index is None or self._index_version != self._storage.version:
            self._index = _Index(raw)
            self._index_version = self._storage.version
            if len(self._parsed) > len(raw):
                self._parsed = {k: v for k, v in self._parsed.items() if k in raw}
        return raw

    def _annotation(self, annotation_id: str, record: Any) -> Annotation | None:
        """`from_record`, remembered while the record object is the same one."""
        cached = self._parsed.get(annotation_id)
        if cached is not None and cached[0] is record:
            return cached[1]
        try:
            annotation: Annotation | None = from_record(record)
        except (KeyError, TypeError, ValueError, AttributeError):
            annotation = None
        self._parsed[annotation_id] = (record, annotation)
        return annotation

    def _annotations(self, raw: Mapping[str, Any], ids: Iterable[str]) -> list[Annotation]:
        found = (self._annotation(i, raw[i]) for i in ids)
        return [a for a in found if a is not None]

    def for_article(self, ref: ArticleRef, *, include_deleted: bool = False) -> list[Annotation]:
        """The article's annotations in text order.

        Those made on this exact text (same sha256) and those made on an earlier
        version of the file at the same path (the article was edited: the UI
        re-anchors them); failing both, those with the same title.
        """
        with self._lock:
            raw = self._records()
            index = self._index
            assert index is not None
            ids = dict.fromkeys(index.by_sha.get(ref.sha256, ()))
            if ref.path:
                ids.update(dict.fromkeys(index.by_path.get(ref.path, ())))
            if not ids and ref.title:
                ids.update(dict.fromkeys(index.by_title.get(ref.title, ())))
            found = self._annotations(raw, ids)
        if not include_deleted:
            found = [a for a in found if not a.deleted]
        return sorted(found, key=lambda a: (a.selector.start, a.selector.end, a.created))

    def all(self, *, include_deleted: bool = False) -> list[Annotation]:
        """Every annotation, oldest first."""
        with self._lock:
            raw = self._records()
            found = self._annotations(raw, raw)
        if not include_deleted:
            found = [a for a in found if not a.deleted]
        return sorted(found, key=lambda a: (a.created, a.id))

    def tag_counts(self) -> Counter[str]:
        """How many annotations (not deleted) carry each tag, over every article."""
        return Counter(tag for a in self.all() for tag in set(a.tags))

    def watch_token(self, ref: ArticleRef) -> Hashable:
        """Changes whenever the file holding `ref`'s annotations changes (a `stat`)."""
        return signature(self._real_path)

    @property
    def read_only_reason(self) -> str | None:
        """Why changes are not saved, in one sentence; None when they are."""
        if self.error is not None:
            return (
                f"{str(self.error).rstrip('.')}, so notes are read-only and changes are not saved."
            )
        if self.read_only:
            return f"The notes file {self.path} is open read-only, so changes are not saved."
        return None

    def get(self, annotation_id: str) -> Annotation | None:
        with self._lock:
            record = self._records().get(annotation_id)
            return None if record is None else self._annotation(annotation_id, record)

    def counts_by_article(self) -> dict[str, int]:
        """sha256 → number of annotations, for the library screen."""
        with self._lock:
            self._records()
            assert self._index is not None
            raw = self._records()
            live = (i for ids in self._index.by_sha.values() for i in ids)
            counts = Counter(
                str(raw[i]["article"]["sha256"]) for i in live if not raw[i].get("deleted")
            )
            return dict(counts)

    def __len__(self) -> int:
        with self._lock:
            return len(self._records())

    # writing

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """The thread lock, then the file lock: a read-modify-write nobody interleaves with."""
        with self._lock:
            if self._closed or self.read_only:
                raise StoreError(
                    f"{self.path} is open read-only, so this change was not saved.",
                    path=self.path,
                    kind="read_only",
                )
            with self._file_lock.held():
                yield

    def save(self, annotation: Annotation) -> None:
        """Insert or replace the annotation with this id; on disk when this returns."""
        record = to_record(annotation)
        with self._writing():
            self._table.put({annotation.id: record})

    def apply(self, edit: Edit) -> Outcome:
        """Save one window's edit, replayed field by field on the record in the file."""
        with self._writing():
            record = self._table.raw().get(edit.annotation_id)
            stored = None if record is None else self._annotation(edit.annotation_id, record)
            outcome = apply_edit(stored, edit)
            if outcome.changed and outcome.annotation is not None:
                self._table.put({edit.annotation_id: to_record(outcome.annotation)})
        return outcome

    def delete(self, annotation_id: str) -> None:
        """Mark the annotation deleted (a tombstone); no write if there is none to delete."""
        with self._writing():
            record = self._table.raw().get(annotation_id)
            stored = None if record is None else self._annotation(annotation_id, record)
            if stored is not None and not stored.deleted:
                self._table.put({annotation_id: to_record(stored.edited(deleted=True))})

    def merge(self, annotations: Iterable[Annotation]) -> int:
        """Import: add new annotations, replace older versions, in one atomic write.

        For an id already stored, the copy with the later `updated` wins (the
        stored one on a tie), so importing the same file twice changes nothing.
        Returns how many annotations were added or changed.
        """
        incoming: dict[str, tuple[Annotation, dict[str, Any]]] = {}
        for annotation in annotations:  # all converted before anything is written
            current = incoming.get(annotation.id)
            if current is None or _newer(annotation.updated, current[0].updated):
                incoming[annotation.id] = (annotation, to_record(annotation))
        with self._writing():
            raw = self._table.raw()
            changes = {}
            for annotation_id, (annotation, record) in incoming.items():
                stored = raw.get(annotation_id)
                if not isinstance(stored, dict) or (  # absent, or unreadable: take the import
                    _newer(annotation.updated, str(stored.get("updated", ""))) and stored != record
                ):
                    changes[annotation_id] = record
            if changes:
                self._table.put(changes)
        return len(changes)

    def move_aside(self) -> Path:
        """Rename the database file to a timestamped backup beside it; the store is then
        empty and writable. For a file the user agreed to give up on (corrupt, newer)."""
        with self._lock:
            real = self._real_path
            if not real.exists():
                raise StoreError(
                    f"{self.path} does not exist, so there is nothing to move aside.",
                    path=self.path,
                    kind="missing",
                )
            with self._file_lock.held():
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                backup = real.with_name(f"{real.name}.corrupt-{stamp}")
                n = 1
                while backup.exists():
                    n += 1
                    backup = real.with_name(f"{real.name}.corrupt-{stamp}-{n}")
                os.rename(real, backup)
                fsync_dir(real.parent)
                self._storage.reset()
                self._storage.read_only = self.read_only = False
                self.error = None
                self._index = None
                self._parsed.clear()
            return backup

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._file_lock.close()
            with suppress(Exception):
                self._db.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _newer(a: str, b: str) -> bool:
    """Whether timestamp `a` is later than `b` (ISO 8601; `Z` and offsets both accepted)."""
    try:
        return datetime.fromisoformat(a) > datetime.fromisoformat(b)
    except (TypeError, ValueError):
        return a > b


def open_store(path: Path, read_only: bool = False) -> AnnotationStore:
    """Open the store for the app: a file that cannot be used does not raise.

    Instead the store is empty and read-only and `store.error` holds the one
    sentence to show; `store.move_aside()` (after the user agrees) starts afresh.
    """
    return AnnotationStore(path, read_only=read_only, on_error="read_only")
