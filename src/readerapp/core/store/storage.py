"""TinyDB's storage seam, made durable: one file per storage, written atomically.

`FileStorage` is a `tinydb.storages.Storage`: orjson instead of `json`
(serializing dominates a save), every write an atomic durable replace
(`atomic_file`), and the parsed data kept in memory until the file changes on
disk, which a `stat` tells. The file read last stays open (pinned) so its
inode cannot be reused by a newer file: a replaced file then always has a new
inode, even when size and mtime look the same.

`ReadOnly` is a TinyDB `Middleware`, written as tinydb's own are: it passes
reads through and refuses writes. `Batch` holds the writes of several
storages (TinyDB calls `write` once per table operation) and replaces their
files together, so one save is one write per file and an import touching
many files writes all of them or, on an error, none.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson
from tinydb.middlewares import Middleware
from tinydb.storages import Storage

from readerapp.core.atomic_file import FileSignature, replace_together, signature
from readerapp.core.files import FileProblem, open_regular, read_descriptor
from readerapp.core.safe_text import visible_name
from readerapp.core.store.errors import StoreError
from readerapp.core.store.schema import Data, parse

#: The largest database file read: far beyond any real one, it only stops runaway input.
MAX_FILE_BYTES = 512 * 2**20

VersionCheck = Callable[[Data | None, Path], int]


class FileStorage(Storage):
    """One TinyDB file; see the module docstring. Not thread-safe: the store locks."""

    def __init__(self, path: Path, version_of: VersionCheck) -> None:
        self.path = path
        self.version_of = version_of  # validates parsed data; raises StoreError if not ours
        self.version = -1  # the schema of the data as read
        self.batch: Batch | None = None
        self.generation = 0  # bumped whenever the data changes: caches above compare it
        self._data: Data | None = None
        self._loaded = False
        self._signature: FileSignature | None = None
        self._pin: int | None = None
        self._held: Data | None = None  # written inside a batch, not yet on disk

    @property
    def signature(self) -> FileSignature | None:
        """The file as last read or written (None: there was no file)."""
        return self._signature

    def read(self) -> Data | None:
        if self._held is not None:
            return self._held
        if not self._loaded or signature(self.path) != self._signature:
            self._load()
        return self._data

    def _load(self) -> None:
        try:
            fd = open_regular(self.path)
        except FileProblem as err:
            if err.kind != "missing":
                raise _unreadable(self.path, err) from None
            self._keep(None, None, None)
            return
        try:
            raw = read_descriptor(fd, MAX_FILE_BYTES, self.path)
            sig = FileSignature.of(os.fstat(fd))
            data = parse(raw, self.path)
            self.version = self.version_of(data, self.path)
        except FileProblem as err:
            os.close(fd)
            raise _unreadable(self.path, err) from None
        except BaseException:
            os.close(fd)
            raise
        self._keep(data, sig, fd)

    def _keep(self, data: Data | None, sig: FileSignature | None, pin: int | None) -> None:
        self._unpin()
        if data is None:
            self.version = -1
        self._data, self._signature, self._pin, self._loaded = data, sig, pin, True
        self.generation += 1

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._held = data
        if self.batch is not None:
            self.batch.hold(self)
            return
        try:
            (sig,) = replace_together([(self.path, self.payload())])
        except BaseException:
            self.forget()
            raise
        self.committed(sig)

    def payload(self) -> bytes:
        """The held data as the bytes of the file."""
        return orjson.dumps(self._held)

    def committed(self, sig: FileSignature) -> None:
        """The held data is now the file (called by the batch after the rename)."""
        data, self._held = self._held, None
        try:
            pin: int | None = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            pin = None
        if pin is not None and FileSignature.of(os.fstat(pin)) != sig:
            os.close(pin)  # replaced again already: read it afresh next time
            self.forget()
            return
        self.version = self.version_of(data, self.path)
        self._keep(data, sig, pin)

    def forget(self) -> None:
        """Drop what is held and cached (TinyDB changes the cached tables before it calls
        `write`, so after a refused or failed write they no longer match the file)."""
        self._held = None
        self._unpin()
        self._data, self._signature, self._loaded = None, None, False
        self.generation += 1

    def _unpin(self) -> None:
        if self._pin is not None:
            os.close(self._pin)
            self._pin = None

    def close(self) -> None:
        self.forget()


def _unreadable(path: Path, err: FileProblem) -> StoreError:
    if err.kind in ("directory", "special"):
        return StoreError(f"{err}.", path=path, kind="special")
    return StoreError(
        f"{visible_name(path)} cannot be read ({err}); it was left untouched.",
        path=path,
        kind="unreadable",
    )


class ReadOnly(Middleware):
    """A TinyDB middleware that refuses every write with `reason` (one sentence)."""

    def __init__(self, storage_cls: Callable[[], Storage], reason: str, path: Path) -> None:
        super().__init__(storage_cls)
        self.reason = reason
        self.path = path

    def read(self) -> Data | None:
        data: Data | None = self.storage.read()
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        forget = getattr(self.storage, "forget", None)
        if forget is not None:
            forget()
        raise StoreError(self.reason, path=self.path, kind="read_only")

    def close(self) -> None:
        self.storage.close()


class Batch:
    """Writes of several storages held in memory, then their files replaced together.

    Used as a context manager: storages that `join` hold their writes; on a normal
    exit every held file is replaced (`atomic_file.replace_together`); on an error
    nothing is written and the storages forget what they held.
    """

    def __init__(self, *, template: Path | None = None) -> None:
        self.template = template  # new files take its mode
        self._joined: list[FileStorage] = []
        self._held: list[FileStorage] = []

    def join(self, storage: FileStorage) -> None:
        if storage.batch is not self:
            storage.batch = self
            self._joined.append(storage)

    def hold(self, storage: FileStorage) -> None:
        if storage not in self._held:
            self._held.append(storage)

    def __enter__(self) -> Batch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if error is not None:
                for storage in self._held:
                    storage.forget()
                return
            try:
                sigs = replace_together(
                    [(s.path, s.payload()) for s in self._held], template=self.template
                )
            except BaseException:
                for storage in self._held:
                    storage.forget()
                raise
            for storage, sig in zip(self._held, sigs, strict=True):
                storage.committed(sig)
        finally:
            for storage in self._joined:
                storage.batch = None
