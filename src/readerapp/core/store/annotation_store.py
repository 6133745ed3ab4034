"""The store front: `AnnotationStore`, the one object the rest of readerapp talks to.

It finds an article's shards, keeps a few of them open, and holds the locks:
a thread lock for this process and an `flock` on `<name>.lock` for all of
them, around every read-modify-write, so several windows lose nothing of each
other's. Layout, migration and the index are described in the package
docstring.
"""

from __future__ import annotations

import os
import stat
import threading
from collections import Counter, OrderedDict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from tinydb.storages import MemoryStorage

from readerapp.core.annotation import (
    Annotation,
    ArticleRef,
    from_record,
    newer,
    path_from_record,
    to_record,
)
from readerapp.core.atomic_file import (
    NEW_FILE_MODE,
    FileLock,
    fsync_dir,
    remove_stale_temp_files,
    remove_stale_temp_files_in,
    signature,
    write_atomic,
)
from readerapp.core.edits import Edit, Outcome, apply_edit
from readerapp.core.files import FileProblem, check_regular, read_bytes, write_problem
from readerapp.core.safe_text import clean_line, visible_name
from readerapp.core.store import schema
from readerapp.core.store.catalog import Catalog
from readerapp.core.store.errors import ErrorKind, StoreError
from readerapp.core.store.merging import MergeReport, Verdict, judge, newest_by_id
from readerapp.core.store.schema import SCHEMA, Records, shard_name
from readerapp.core.store.shard import Entry, Shard, updated
from readerapp.core.store.storage import MAX_FILE_BYTES, Batch, FileStorage

#: Shards kept open (parsed, their file pinned); others are read when needed.
OPEN_SHARDS = 32
#: Index entries this process may know better than the index file before it rewrites it.
STALE_ENTRIES = 64


def folder_of(path: Path) -> Path:
    """The folder of article files beside the database file `path` (symlinks followed)."""
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + ".d")


def database_exists(path: Path) -> bool:
    """Whether there is a database at `path`: the file the user names is the database (a
    folder of article files without it is what is left of a deleted one, and not read)."""
    return Path(os.path.realpath(path)).exists()


class AnnotationStore:
    """Every annotation, one TinyDB file per article; safe across threads and processes."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        on_error: Literal["raise", "read_only"] = "raise",
        must_exist: bool = False,
    ) -> None:
        """Open the database at `path` (created at the first write, with its folders).

        StoreError, and nothing touched, for: a path that is a directory, FIFO, socket or
        device (kind "special"); a file that is not a readerapp database or comes from a
        newer one ("corrupt", "newer"); no database with `must_exist` ("missing"); a
        database this user may not write, unless `read_only` ("read_only"). With
        `on_error="read_only"` (see `open_store`) the store opens read-only instead, with
        the problem in `error` (or only `read_only_reason` when it can still be read).
        """
        self.path = Path(path)
        self._real = Path(os.path.realpath(self.path))
        self.folder = folder_of(self.path)
        self.error: StoreError | None = None
        self._reason: str | None = None
        self._lock = threading.RLock()
        self._file_lock = FileLock(self._real)
        self._shards: OrderedDict[str, Shard] = OrderedDict()
        self._legacy_shards: tuple[int, dict[str, Shard]] = (-1, {})
        self._legacy_view: tuple[int, dict[str, Entry]] = (-1, {})
        self._fresh: dict[str, Entry] = {}  # entries read from shards the index is behind on
        self._dirty: set[str] = set()  # shards written here since the index was
        self._watched: dict[ArticleRef, frozenset[str]] = {}
        self._cleaned = False
        self._closed = False
        self._catalog: Catalog | None = None
        try:
            self._check_paths(must_exist)
            self._reason = self._why_read_only(read_only)
            if self._reason is not None and not read_only and on_error == "raise":
                raise StoreError(self._reason, path=self.path, kind="read_only")
            self._catalog = Catalog(self._real, self._reason)
            self._catalog.version()  # a file that is not ours is found now, not at the first save
        except StoreError as err:
            if on_error == "raise":
                raise
            self.error = err
            self._catalog = None  # nothing of the file is served, nothing written
            self._reason = f"{str(err).rstrip('.')}, so notes are read-only."

    def _check_paths(self, must_exist: bool) -> None:
        name = visible_name(self.path)
        try:
            check_regular(self._real)
        except FileProblem as err:
            kind: ErrorKind = "special" if err.kind in ("directory", "special") else "unreadable"
            message = f"{err}; give a file path with --db."
            raise StoreError(message, path=self.path, kind=kind) from None
        if self.folder.exists() and not self.folder.is_dir():
            raise StoreError(
                f"{visible_name(self.folder)} should be the folder of {name}'s article files "
                "but is not a folder; it was left untouched.",
                path=self.folder,
                kind="special",
            )
        if must_exist and not database_exists(self.path):
            raise StoreError(
                f"{name}: no such database; check the path given with --db or $READERAPP_DB.",
                path=self.path,
                kind="missing",
            )

    def _why_read_only(self, asked: bool) -> str | None:
        name = visible_name(self.path)
        if asked:
            return f"The notes file {name} was opened read-only, so changes are not saved."
        problem = write_problem(self._real)
        if problem is None and self.folder.is_dir() and not os.access(self.folder, os.W_OK):
            problem = f"the folder {visible_name(self.folder)} is not writable by you"
        if problem is None:
            return None
        return f"Notes are read-only because {problem}; changes are not saved."

    # -- state -----------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._reason is not None

    @property
    def read_only_reason(self) -> str | None:
        """Why changes are not saved, in one sentence; None when they are."""
        return self._reason

    def _shard_path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def _shard_names(self) -> list[str]:
        try:
            names = os.listdir(self.folder)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(n[:-5] for n in names if n.endswith(".json") and not n.startswith("."))

    def _file_shard(self, name: str, *, keep: bool = True) -> Shard:
        shard = self._shards.get(name)
        if shard is not None:
            self._shards.move_to_end(name)
            return shard
        path = self._shard_path(name)
        shard = Shard(name, FileStorage(path, schema.shard_version), self._reason, path)
        if keep:
            self._shards[name] = shard  # evicted by _trim, never in the middle of a write
        return shard

    def _trim(self) -> None:
        while len(self._shards) > OPEN_SHARDS:
            self._shards.popitem(last=False)[1].close()

    @contextmanager
    def _opened(self, name: str) -> Iterator[Shard | None]:
        """The shard with this name for one read: an open one, or one closed afterwards."""
        if name in self._shards or self._legacy_shard_map() is not None:
            yield self._shard(name)
            return
        if not self._shard_path(name).exists():
            yield None
            return
        shard = self._file_shard(name, keep=False)
        try:
            yield shard
        finally:
            shard.close()

    def _legacy_shard_map(self) -> dict[str, Shard] | None:
        """For a schema 0/1 file: its records as read-only shards in memory; else None."""
        assert self._catalog is not None
        split = self._catalog.legacy()
        if split is None:
            return None
        generation, shards = self._legacy_shards
        if generation != self._catalog.storage.generation:
            shards = {}
            for name, records in split[1].items():
                memory = MemoryStorage()
                memory.memory = schema.shard_data(records)
                why = "A database from an older readerapp is upgraded before it is written."
                shards[name] = Shard(name, memory, why, self._shard_path(name))
            self._legacy_shards = (self._catalog.storage.generation, shards)
        return shards

    def _shard(self, name: str) -> Shard | None:
        """The shard with this name as things are now (None: there is none)."""
        legacy = self._legacy_shard_map()
        if legacy is not None:
            return legacy.get(name)
        assert self._catalog is not None
        if self._catalog.version() != SCHEMA:
            return None  # no database yet (a folder beside no index is not read)
        if not self._shard_path(name).exists() and name not in self._shards:
            return None
        return self._file_shard(name)

    def _view(self, *, validate: bool) -> dict[str, Entry]:
        """An entry for every shard. `validate`: check each against its file (one `stat`
        per shard) and read those that changed; else trust the index, and read only
        shards it does not list yet."""
        if self._catalog is None:
            return {}
        legacy = self._legacy_shard_map()
        if legacy is not None:
            generation = self._catalog.storage.generation
            if self._legacy_view[0] != generation:
                summaries = {name: shard.summary() for name, shard in legacy.items()}
                self._legacy_view = (generation, summaries)
            return self._legacy_view[1]
        if self._catalog.version() != SCHEMA:
            return {}  # no database yet: a folder left beside no index is not ours to read
        known = {**self._catalog.entries(), **self._fresh}
        view: dict[str, Entry] = {}
        for name in self._shard_names():
            entry = known.get(name)
            stale = entry is None or (
                validate and entry.signature != signature(self._shard_path(name))
            )
            if stale:
                entry = self._summary_of(name)
                if entry is None:
                    continue  # gone since the listing
                self._fresh[name] = entry
            assert entry is not None
            view[name] = entry
        return view

    def _summary_of(self, name: str) -> Entry | None:
        """The entry of a shard as its file is now (None: no such file)."""
        with self._opened(name) as shard:
            if shard is None:
                return None
            shard.records()  # reads the file if it changed: its signature is the one summarized
            return shard.summary()

    # -- reading -----------------------------------------------------------------------

    def for_article(self, ref: ArticleRef, *, include_deleted: bool = False) -> list[Annotation]:
        """The article's annotations in text order.

        Those made on this exact text (same sha256) and those made on an earlier
        version of the file at the same path (the article was edited: the reader
        re-anchors them); failing both, those with the same title.
        """
        with self._lock:
            view = self._view(validate=False)
            own = shard_name(ref.sha256)
            names = {n for n in view if n == own or (ref.path and view[n].has_path(ref.path))}
            found = [
                a
                for n in sorted(names)
                for a in self._annotations_of(n)
                if a.article.sha256 == ref.sha256 or (ref.path and a.article.path == ref.path)
            ]
            if not found and ref.title:
                titled = {n for n, entry in view.items() if entry.has_title(ref.title)}
                names |= titled
                found = [
                    a
                    for n in sorted(titled)
                    for a in self._annotations_of(n)
                    if a.article.title == ref.title
                ]
            self._watched[ref] = frozenset(names | {own})
            self._trim()
        if not include_deleted:
            found = [a for a in found if not a.deleted]
        return sorted(found, key=lambda a: (a.selector.start, a.selector.end, a.created))

    def _annotations_of(self, name: str, *, keep: bool = True) -> list[Annotation]:
        if not keep:
            with self._opened(name) as opened:
                return [] if opened is None else opened.annotations()
        shard = self._shard(name)
        return [] if shard is None else shard.annotations()

    def all(self, *, include_deleted: bool = False) -> list[Annotation]:
        """Every annotation, oldest first (reads every article's file)."""
        with self._lock:
            names = list(self._view(validate=False))
            found = [a for n in names for a in self._annotations_of(n, keep=False)]
        if not include_deleted:
            found = [a for a in found if not a.deleted]
        return sorted(found, key=lambda a: (a.created, a.id))

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, deleted or not (looks through every article's file:
        callers that know the article should use `for_article`)."""
        with self._lock:
            for name in self._view(validate=False):
                with self._opened(name) as shard:
                    found = shard.annotation(annotation_id) if shard is not None else None
                if found is not None:
                    return found
        return None

    def counts_by_article(self) -> dict[str, int]:
        """sha256 → number of annotations (not deleted), for the library screen."""
        with self._lock:
            return {e.sha256: e.live for e in self._view(validate=True).values() if e.live}

    def tag_counts(self) -> Counter[str]:
        """How many annotations (not deleted) carry each tag, over every article."""
        counts: Counter[str] = Counter()
        with self._lock:
            for entry in self._view(validate=True).values():
                counts.update(dict(entry.tags))
        return counts

    def __len__(self) -> int:
        with self._lock:
            return sum(entry.live for entry in self._view(validate=True).values())

    def watch_token(self, ref: ArticleRef) -> Hashable:
        """A value that changes whenever the files holding `ref`'s annotations (or the
        index, which lists new ones) change: a few `stat` calls, no reading."""
        with self._lock:
            names = self._watched.get(ref) or frozenset({shard_name(ref.sha256)})
        return signature(self._real), tuple(signature(self._shard_path(n)) for n in sorted(names))

    # -- writing -----------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """The thread lock, then the file lock: a read-modify-write nobody interleaves with."""
        with self._lock:
            if self._closed or self._reason is not None or self._catalog is None:
                closed = f"{visible_name(self.path)} is closed; the change was not saved."
                raise StoreError(self._reason or closed, path=self.path, kind="read_only")
            try:
                with self._file_lock.held():
                    if not self._cleaned:
                        remove_stale_temp_files(self._real)
                        remove_stale_temp_files_in(self.folder)
                        self._cleaned = True
                    self._migrate()
                    self._set_aside_leftovers()
                    try:
                        yield
                    finally:
                        self._trim()
            except OSError as err:
                raise _write_failed(self.path, err) from err

    def apply(self, edit: Edit) -> Outcome:
        """Save one window's edit, replayed field by field on the record in the file."""
        name = shard_name(edit.wanted.article.sha256)
        with self._writing():
            stored = self._file_shard(name).annotation(edit.annotation_id)
            outcome = apply_edit(stored, edit)
            if outcome.changed and outcome.annotation is not None:
                self._commit({name: {edit.annotation_id: to_record(outcome.annotation)}})
        return outcome

    def save(self, annotation: Annotation) -> None:
        """Store the annotation exactly as given, replacing any with its id (no merge:
        windows save through `apply`); on disk when this returns."""
        record = to_record(annotation)
        with self._writing():
            self._commit({shard_name(annotation.article.sha256): {annotation.id: record}})

    def delete(self, annotation_id: str) -> None:
        """Mark the annotation deleted (a tombstone); nothing is written if there is none."""
        with self._writing():
            for name in self._shard_names():
                with self._opened(name) as shard:
                    stored = shard.annotation(annotation_id) if shard is not None else None
                if stored is not None:
                    if not stored.deleted:
                        record = to_record(stored.edited(deleted=True))
                        self._commit({name: {annotation_id: record}})
                    return

    def merge(self, annotations: Iterable[Annotation]) -> MergeReport:
        """Import: for each id the newer copy wins (`annotation.newer`), tombstones included.

        Every annotation is converted before anything is written, so bad input changes
        nothing. The touched article files are then replaced together: all written and
        fsynced before the first rename, so an error writes none of them; only a crash
        in the instant between two renames can leave some merged and some not, and
        importing the same file again completes it (a merge is idempotent).
        """
        incoming = newest_by_id(annotations)
        records = {key: to_record(a) for key, a in incoming.items()}
        verdicts: list[Verdict] = []
        with self._writing():
            changes: dict[str, Records] = {}
            for key, annotation in incoming.items():
                name = shard_name(annotation.article.sha256)
                shard = self._file_shard(name)
                present = shard.record(key) is not None
                verdict, write = judge(annotation, shard.annotation(key), present)
                verdicts.append(verdict)
                if write:
                    changes.setdefault(name, {})[key] = records[key]
            if changes:
                self._commit(changes)
        return MergeReport.of(verdicts)

    def _make_folder(self) -> None:
        """The folder of article files, made on the first write (lock held), as private
        as the database file (searchable where the file is readable)."""
        if self.folder.is_dir():
            return
        try:
            mode = stat.S_IMODE(os.stat(self._real).st_mode)
        except FileNotFoundError:
            mode = NEW_FILE_MODE
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, mode | (mode & 0o444) >> 2 | stat.S_IRWXU)
        fsync_dir(self.folder.parent)

    def _set_aside_leftovers(self) -> None:
        """A folder of article files beside no index (lock held) is what is left of a
        database deleted since: it is moved aside, never read or written into."""
        assert self._catalog is not None
        if self._catalog.version() == SCHEMA or not self.folder.exists():
            return
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        os.rename(self.folder, _free_name(self.folder, f"orphaned-{stamp}"))
        fsync_dir(self.folder.parent)
        self._close_files(keep_index=True)

    def _start_database(self) -> None:
        """Before the first article file of a new database, the database's own file (lock
        held): it is what makes the folder beside it a database, so it comes first."""
        assert self._catalog is not None
        if self._catalog.version() == SCHEMA:
            return
        kept = dict(self._catalog.storage.read() or {})
        with Batch(template=self._real) as batch:
            batch.join(self._catalog.storage)
            self._catalog.replace(kept, {})

    def _commit(self, changes: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> None:
        """Write records into their shards, all files together; then keep the index."""
        self._start_database()
        self._make_folder()
        shards = {name: self._file_shard(name) for name in changes}
        replaced: dict[str, list[dict[str, Any]]] = {}
        with Batch(template=self._real) as batch:
            for name, records in changes.items():
                storage = _file_storage(shards[name])
                batch.join(storage)
                old = (shards[name].record(key) for key in records)
                replaced[name] = [record for record in old if record is not None]
                before = storage.signature  # the file as read under the lock, just now
                shards[name].put(records)
        assert self._catalog is not None
        indexed = self._catalog.entries()
        new_place = False
        for name, records in changes.items():
            known = self._fresh.pop(name, None) or indexed.get(name)
            new_place = new_place or known is None or not _places_known(known, records.values())
            after = _file_storage(shards[name]).signature
            if known is not None and known.signature == before:
                self._fresh[name] = updated(known, replaced[name], records.values(), after)
            else:
                self._dirty.add(name)  # summarized when the index is written
        if new_place or len(self._dirty | self._fresh.keys()) >= STALE_ENTRIES:
            self._write_index()

    def _write_index(self) -> None:
        """Rewrite the index with what this process knows better (lock held): the shards
        it wrote and the ones it found the index behind on. A failure loses nothing: the
        index is rebuilt from the article files it misses."""
        assert self._catalog is not None
        self._catalog.entries()  # current, so the cache can be kept after the write
        better: dict[str, Entry] = {}
        for name in sorted(self._dirty | self._fresh.keys()):
            entry = self._fresh.get(name)
            if (
                name in self._dirty
                or entry is None
                or (entry.signature != signature(self._shard_path(name)))
            ):
                entry = self._summary_of(name)
            if entry is not None:
                better[name] = entry
        try:
            with Batch(template=self._real) as batch:
                batch.join(self._catalog.storage)
                self._catalog.put(better)
        except (OSError, StoreError):
            return
        self._catalog.remember(better)
        self._fresh.clear()
        self._dirty.clear()

    def _migrate(self) -> None:
        """A schema 0/1 file becomes schema 2 (lock held): its records go into their
        article files (a record already there from an interrupted migration, or newer,
        wins by `newer`), the old file is copied to `<name>.schema<N>-backup`, and only
        then is the file itself rewritten as the index, so a crash at any point leaves
        a database that reads the same and migrates again."""
        assert self._catalog is not None
        split = self._catalog.legacy()
        if split is None:
            return
        version = self._catalog.storage.version
        kept, by_shard = split
        self._make_folder()
        shards = {name: self._file_shard(name) for name in by_shard}
        with Batch(template=self._real) as batch:
            for name, records in by_shard.items():
                shard = shards[name]
                existing = shard.records()
                take = {k: r for k, r in records.items() if _first_is_newer(r, existing.get(k))}
                if take:
                    batch.join(_file_storage(shard))
                    shard.put(take)
        backup = self._real.with_name(f"{self._real.name}.schema{version}-backup")
        if not backup.exists():
            write_atomic(backup, read_bytes(self._real, limit=MAX_FILE_BYTES), template=self._real)
        entries = {name: shard.summary() for name, shard in shards.items()}
        with Batch(template=self._real) as batch:
            batch.join(self._catalog.storage)
            self._catalog.replace(kept, entries)
        self._legacy_shards = (-1, {})

    def move_aside(self) -> Path:
        """Rename the database (its file, and its folder of article files if any) to a
        timestamped backup beside it; the store is then empty and writable. For a file
        the user agreed to give up on (corrupt, newer). Returns the file's new name."""
        with self._lock:
            real = self._real
            if not real.exists():
                raise StoreError(
                    f"{visible_name(self.path)} does not exist, so there is nothing to move aside.",
                    path=self.path,
                    kind="missing",
                )
            with self._file_lock.held():
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                backup = _free_name(real, f"corrupt-{stamp}")
                os.rename(real, backup)
                if self.folder.is_dir():
                    os.rename(self.folder, _free_name(self.folder, f"corrupt-{stamp}"))
                fsync_dir(real.parent)
                self._close_files()
                self.error = None
                self._reason = self._why_read_only(False)
                self._catalog = Catalog(self._real, self._reason)
            return backup

    def _close_files(self, *, keep_index: bool = False) -> None:
        for shard in self._shards.values():
            shard.close()
        self._shards.clear()
        self._legacy_shards = (-1, {})
        self._legacy_view = (-1, {})
        self._fresh.clear()
        self._dirty.clear()
        if self._catalog is not None and not keep_index:
            self._catalog.close()

    def close(self) -> None:
        """Write what the index is missing (if anything), then close every file."""
        with self._lock:
            if self._closed:
                return
            if (self._fresh or self._dirty) and self._reason is None and self._catalog:
                with suppress(StoreError, OSError), self._writing():
                    self._write_index()
            self._closed = True
            self._close_files()
            self._file_lock.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _first_is_newer(record: Any, existing: Any) -> bool:
    """Whether `record` should replace `existing` (absent or unreadable ones always are)."""
    if existing is None:
        return True
    try:
        current = from_record(existing)
    except (KeyError, TypeError, ValueError, AttributeError):
        return True
    try:
        return newer(from_record(record), current)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def _free_name(path: Path, suffix: str) -> Path:
    """`<name>.<suffix>` beside `path`, or `<name>.<suffix>-2`, … if that is taken."""
    candidate = path.with_name(f"{path.name}.{suffix}")
    n = 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.name}.{suffix}-{n}")
    return candidate


def _places_known(entry: Entry, records: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the index entry already lists every (path, title) these records carry."""
    try:
        return all(
            (path_from_record(r["article"]), clean_line(str(r["article"].get("title", ""))))
            in entry.refs
            for r in records
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def _file_storage(shard: Shard) -> FileStorage:
    """The file behind a shard that is about to be written (never an in-memory one)."""
    assert isinstance(shard.storage, FileStorage)
    return shard.storage


def _write_failed(path: Path, err: OSError) -> StoreError:
    reason = err.strerror or str(err)
    return StoreError(
        f"Could not save to {visible_name(path)} ({reason}); the change was not saved.",
        path=path,
        kind="write_failed",
    )


def open_store(path: Path, read_only: bool = False) -> AnnotationStore:
    """Open the store for the app: a file that cannot be used does not raise.

    Instead the store is read-only (and empty if the file cannot be read), with the
    one sentence to show in `read_only_reason` and the problem in `error`;
    `store.move_aside()` (after the user agrees) starts afresh.
    """
    return AnnotationStore(path, read_only=read_only, on_error="read_only")
