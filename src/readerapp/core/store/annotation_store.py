"""The store front: `AnnotationStore`, the one object the rest of readerapp talks to.

It holds the locks (a thread lock for this process and an `flock` on
`<name>.lock` for all of them) around every read-modify-write, so several
windows lose nothing of each other's, and answers reads from the article
files (`folder`) and the index (`index`). Layout, guarantees and migration are
described in the package docstring.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from readerapp.core.annotation import Annotation, ArticleRef, to_record
from readerapp.core.atomic_file import (
    FileLock,
    fsync_dir,
    remove_stale_temp_files,
    remove_stale_temp_files_in,
    signature,
)
from readerapp.core.corrections import record as correction_record
from readerapp.core.corrections.edits import CorrectionEdit, CorrectionOutcome, replay
from readerapp.core.corrections.record import Correction
from readerapp.core.edits import Edit, Outcome, apply_edit
from readerapp.core.safe_text import visible_name
from readerapp.core.store.catalog import Catalog
from readerapp.core.store.errors import StoreError
from readerapp.core.store.folder import ShardFolder, free_name
from readerapp.core.store.index import Index
from readerapp.core.store.merging import MergeReport, judged, newest_by_id
from readerapp.core.store.migration import file_storage, migrate
from readerapp.core.store.opening import (
    check_paths,
    folder_of,
    why_read_only,
    write_failed,
)
from readerapp.core.store.schema import ANNOTATIONS, CORRECTIONS, SCHEMA, Records, shard_name
from readerapp.core.store.shard import Entry, TableChange
from readerapp.core.store.storage import Batch

#: What a save writes: shard name → table name → records by id.
Changes = Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]


@dataclass(frozen=True)
class ArticleRecords:
    """One article's annotations and corrections of its analysis, deleted ones included."""

    annotations: list[Annotation]
    corrections: list[Correction]


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
        self._watched: dict[ArticleRef, frozenset[str]] = {}
        self._cleaned = False
        self._closed = False
        self._files: tuple[Catalog, ShardFolder, Index] | None = None
        try:
            check_paths(self.path, self.folder, must_exist=must_exist)
            self._reason = why_read_only(self.path, self.folder, asked=read_only)
            if self._reason is not None and not read_only and on_error == "raise":
                raise StoreError(self._reason, path=self.path, kind="read_only")
            self._open_files()
        except StoreError as err:
            if on_error == "raise":
                raise
            self.error = err
            self._files = None  # nothing of the file is served, nothing written
            self._reason = f"{str(err).rstrip('.')}, so notes are read-only."

    def _open_files(self) -> None:
        catalog = Catalog(self._real, self._reason)
        folder = ShardFolder(self.folder, catalog, self._reason)
        self._files = catalog, folder, Index(catalog, folder, self._real)
        catalog.version()  # a file that is not ours is found now, not at the first save

    # -- state -----------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self._reason is not None

    @property
    def read_only_reason(self) -> str | None:
        """Why changes are not saved, in one sentence; None when they are."""
        return self._reason

    def _view(self, *, validate: bool) -> dict[str, Entry]:
        return {} if self._files is None else self._files[2].view(validate=validate)

    def _shard_path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    # -- reading -----------------------------------------------------------------------

    def for_article(self, ref: ArticleRef, *, include_deleted: bool = False) -> list[Annotation]:
        """The article's annotations in text order.

        Those made on this exact text (same sha256) and those made on an earlier
        version of the file at the same path (the article was edited: the reader
        re-anchors them); failing both, those with the same title.
        """
        found = self.read_article(ref).annotations
        if not include_deleted:
            found = [a for a in found if not a.deleted]
        return sorted(found, key=lambda a: (a.selector.start, a.selector.end, a.created))

    def corrections_for(self, ref: ArticleRef) -> list[Correction]:
        """The corrections of the article's analysis, withdrawn ones included, found as
        `for_article` finds annotations."""
        return self.read_article(ref).corrections

    def read_article(self, ref: ArticleRef) -> ArticleRecords:
        """The article's annotations and corrections (deleted ones included), found as
        `for_article` says, from one look at the index. Each kind falls back to the title
        on its own; corrections only to those whose article file is gone."""

        def same(article: ArticleRef) -> bool:
            return article.sha256 == ref.sha256 or bool(ref.path and article.path == ref.path)

        def by_title(article: ArticleRef) -> bool:
            return article.title == ref.title

        def moved(article: ArticleRef) -> bool:
            # Corrections name speakers, which another article of the same title may have
            # too: by title only those whose file is gone (it moved, then changed).
            return not article.path or not os.path.exists(article.path)

        with self._lock:
            view = self._view(validate=False)
            own = shard_name(ref.sha256)
            names = {n for n in view if n == own or (ref.path and view[n].has_path(ref.path))}
            held = [self._shard_records(n) for n in sorted(names)]
            notes = [a for shard in held for a in shard[0] if same(a.article)]
            fixes = [c for shard in held for c in shard[1] if same(c.article)]
            if ref.title and not (notes and fixes):
                titled = sorted(n for n, entry in view.items() if entry.has_title(ref.title))
                names |= set(titled)
                if not notes:
                    held = [self._shard_records(n, fixes=False) for n in titled]
                    notes = [a for shard in held for a in shard[0] if by_title(a.article)]
                if not fixes:
                    corrected = [n for n in titled if view[n].corrected]  # most have none
                    held = [self._shard_records(n, notes=False) for n in corrected]
                    fixes = [
                        c
                        for shard in held
                        for c in shard[1]
                        if by_title(c.article) and moved(c.article)
                    ]
            self._watched[ref] = frozenset(names | {own})
            if self._files is not None:
                self._files[1].trim()
        return ArticleRecords(notes, fixes)

    def _shard_records(
        self, name: str, *, keep: bool = True, notes: bool = True, fixes: bool = True
    ) -> tuple[list[Annotation], list[Correction]]:
        """A shard's annotations and corrections (each only if asked for)."""
        assert self._files is not None  # a name came from a view, which had files
        folder = self._files[1]
        if not keep:
            with folder.opened(name) as opened:
                if opened is None:
                    return [], []
                return (opened.annotations() if notes else []), (
                    opened.corrections() if fixes else []
                )
        shard = folder.shard(name)
        if shard is None:
            return [], []
        return (shard.annotations() if notes else []), (shard.corrections() if fixes else [])

    def may_have_corrections(self, ref: ArticleRef) -> bool:
        """Whether the article may have corrections of its analysis, as the index says
        (no article file is read): False means `corrections_for(ref)` finds none."""
        with self._lock:
            view = self._view(validate=True)
        own = shard_name(ref.sha256)
        return any(
            entry.corrected
            and (
                name == own
                or bool(ref.path and entry.has_path(ref.path))
                or bool(ref.title and entry.has_title(ref.title))
            )
            for name, entry in view.items()
        )

    def all(self, *, include_deleted: bool = False) -> list[Annotation]:
        """Every annotation, oldest first (reads every article's file)."""
        with self._lock:
            names = list(self._view(validate=False))
            found = [a for n in names for a in self._shard_records(n, keep=False)[0]]
        if not include_deleted:
            found = [a for a in found if not a.deleted]
        return sorted(found, key=lambda a: (a.created, a.id))

    def all_corrections(self) -> list[Correction]:
        """Every correction of every article's analysis, withdrawn ones included, oldest
        first (reads only the article files the index says hold corrections)."""
        with self._lock:
            view = self._view(validate=True)
            names = [n for n, entry in view.items() if entry.corrected]
            found = [c for n in names for c in self._shard_records(n, keep=False)[1]]
        return sorted(found, key=lambda c: (c.created, c.id))

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, deleted or not (looks through every article's file:
        callers that know the article should use `for_article`)."""
        with self._lock:
            for name in self._view(validate=False):
                assert self._files is not None
                with self._files[1].opened(name) as shard:
                    found = shard.annotation(annotation_id) if shard is not None else None
                if found is not None:
                    return found
        return None

    def counts_by_article(self) -> dict[str, int]:
        """sha256 → number of annotations (not deleted), for the library screen."""
        with self._lock:
            return {e.sha256: e.live for e in self._view(validate=True).values() if e.live}

    def tag_counts(self, *, checked: bool = True) -> Counter[str]:
        """How many annotations (not deleted) carry each tag, over every article.

        `checked=False`: as the index says, without a `stat` of every article file (for
        completion lists, which may then miss a tag another window added moments ago).
        """
        counts: Counter[str] = Counter()
        with self._lock:
            for entry in self._view(validate=checked).values():
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
    def _writing(self) -> Iterator[tuple[Catalog, ShardFolder, Index]]:
        """The thread lock, then the file lock: a read-modify-write nobody interleaves with.
        Yields the database's files, migrated to the current schema first."""
        with self._lock:
            files = self._files
            if self._closed or self._reason is not None or files is None:
                closed = f"{visible_name(self.path)} is closed; the change was not saved."
                raise StoreError(self._reason or closed, path=self.path, kind="read_only")
            catalog, folder, index = files
            try:
                with self._file_lock.held():
                    if not self._cleaned:
                        remove_stale_temp_files(self._real)
                        remove_stale_temp_files_in(self.folder)
                        self._cleaned = True
                    if migrate(catalog, folder, self._real):
                        index.forget()
                    if catalog.version() != SCHEMA:
                        # what is left of a database deleted since: moved aside, never read
                        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                        folder.set_aside(f"orphaned-{stamp}")
                        index.forget()
                    try:
                        yield files
                    finally:
                        folder.trim()
            except OSError as err:
                raise write_failed(self.path, err) from err

    def apply(self, edit: Edit) -> Outcome:
        """Save one window's edit, replayed field by field on the record in the file."""
        name = shard_name(edit.wanted.article.sha256)
        with self._writing() as (_, folder, _):
            stored = folder.file_shard(name).annotation(edit.annotation_id)
            outcome = apply_edit(stored, edit)
            if outcome.changed and outcome.annotation is not None:
                record = to_record(outcome.annotation)
                self._commit({name: {ANNOTATIONS: {edit.annotation_id: record}}})
        return outcome

    def apply_correction(self, edit: CorrectionEdit) -> CorrectionOutcome:
        """Save one window's new, withdrawn or restored correction, replayed on the record
        in the file (`corrections.edits.replay`)."""
        name = shard_name(edit.wanted.article.sha256)
        with self._writing() as (_, folder, _):
            stored = folder.file_shard(name).correction(edit.correction_id)
            outcome = replay(stored, edit)
            if outcome.changed:
                record = correction_record.to_record(outcome.correction)
                self._commit({name: {CORRECTIONS: {edit.correction_id: record}}})
        return outcome

    def save(self, annotation: Annotation) -> None:
        """Store the annotation exactly as given, replacing any with its id (no merge:
        windows save through `apply`); on disk when this returns."""
        record = to_record(annotation)
        with self._writing():
            name = shard_name(annotation.article.sha256)
            self._commit({name: {ANNOTATIONS: {annotation.id: record}}})

    def delete(self, annotation_id: str) -> None:
        """Mark the annotation deleted (a tombstone); nothing is written if there is none."""
        with self._writing() as (_, folder, _):
            for name in folder.names():
                with folder.opened(name) as shard:
                    stored = shard.annotation(annotation_id) if shard is not None else None
                if stored is not None:
                    if not stored.deleted:
                        record = to_record(stored.edited(deleted=True))
                        self._commit({name: {ANNOTATIONS: {annotation_id: record}}})
                    return

    def merge(
        self, annotations: Iterable[Annotation], corrections: Iterable[Correction] = ()
    ) -> MergeReport:
        """Import: for each id the newer copy wins (`annotation.newer`), tombstones and
        withdrawn corrections included.

        Every record is converted before anything is written, so bad input changes
        nothing. The touched article files are then replaced together: all written and
        fsynced before the first rename, so an error writes none of them; only a crash
        in the instant between two renames can leave some merged and some not, and
        importing the same file again completes it (a merge is idempotent). The report
        counts corrections apart (`MergeReport.corrections`) when there were any.
        """
        notes = newest_by_id(annotations)
        fixes = newest_by_id(corrections)
        changes: dict[str, dict[str, Records]] = {}
        with self._writing() as (_, folder, _):
            verdicts = judged(folder, notes, ANNOTATIONS, to_record, changes)
            fixed = judged(folder, fixes, CORRECTIONS, correction_record.to_record, changes)
            if changes:
                self._commit(changes)
        report = MergeReport.of(verdicts)
        return replace(report, corrections=MergeReport.of(fixed)) if fixes else report

    def _commit(self, changes: Changes) -> None:
        """Write records into their shards' tables, all files together; then keep the index
        (inside `_writing`)."""
        assert self._files is not None
        catalog, folder, index = self._files
        if catalog.version() != SCHEMA:
            # A new database: its own file first, since it is what makes the folder beside
            # it a database (a crash cannot leave article files without it).
            with Batch(template=self._real) as batch:
                batch.join(catalog.storage)
                catalog.replace(dict(catalog.storage.read() or {}), {})
        folder.make(like=self._real)
        shards = {name: folder.file_shard(name) for name in changes}
        done: dict[str, list[TableChange]] = {}
        before = {}
        with Batch(template=self._real) as batch:
            for name, tables in changes.items():
                storage = file_storage(shards[name])
                batch.join(storage)
                before[name] = storage.signature  # the file as read under the lock, just now
                for table, records in tables.items():
                    old = (shards[name].tables(table).record(key) for key in records)
                    replaced = [record for record in old if record is not None]
                    done.setdefault(name, []).append((table, replaced, records.values()))
                    shards[name].put(records, table)
        rewrite = False
        for name in changes:
            after = file_storage(shards[name]).signature
            rewrite = index.wrote(name, done[name], before[name], after) or rewrite
        if rewrite:
            index.write()

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
                self._close_files()
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
                backup = free_name(real, f"corrupt-{stamp}")
                os.rename(real, backup)
                if self.folder.is_dir():
                    os.rename(self.folder, free_name(self.folder, f"corrupt-{stamp}"))
                fsync_dir(real.parent)
                self.error = None
                self._reason = why_read_only(self.path, self.folder, asked=False)
                self._open_files()
            return backup

    def _close_files(self) -> None:
        if self._files is not None:
            catalog, folder, index = self._files
            folder.close()
            index.forget()
            catalog.close()
            self._files = None

    def close(self) -> None:
        """Write what the index is missing (if anything), then close every file."""
        with self._lock:
            if self._closed:
                return
            if self._files is not None and self._files[2].behind and self._reason is None:
                with suppress(StoreError, OSError), self._writing() as (_, _, index):
                    index.write()
            self._closed = True
            self._close_files()
            self._file_lock.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: Path, read_only: bool = False) -> AnnotationStore:
    """Open the store for the app: a file that cannot be used does not raise.

    Instead the store is read-only (and empty if the file cannot be read), with the
    one sentence to show in `read_only_reason` and the problem in `error`;
    `store.move_aside()` (after the user agrees) starts afresh.
    """
    return AnnotationStore(path, read_only=read_only, on_error="read_only")
