"""The folder of article files beside the database file, and the few of them kept open.

A shard is opened (read, parsed, its file pinned) when an article needs it and
kept in a small most-recently-used set, so the articles a user is reading
cost nothing to read again and memory stays bounded however many articles
the database holds. A schema 0/1 database has no folder yet: its records are
served as read-only shards in memory until the first write migrates them.
"""

from __future__ import annotations

import os
import stat
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tinydb.storages import MemoryStorage

from readerapp.core.atomic_file import NEW_FILE_MODE, fsync_dir
from readerapp.core.store import schema
from readerapp.core.store.catalog import Catalog
from readerapp.core.store.schema import SCHEMA
from readerapp.core.store.shard import Shard
from readerapp.core.store.storage import FileStorage

#: Shards kept open (parsed, their file pinned); others are read when needed.
OPEN_SHARDS = 32

_UPGRADE_FIRST = "A database from an older readerapp is upgraded before it is written."


class ShardFolder:
    """`<name>.d`: which article files exist, and the open ones. Not thread-safe: the
    store holds its lock around every call."""

    def __init__(self, path: Path, catalog: Catalog, read_only: str | None) -> None:
        self.path = path
        self.catalog = catalog
        self.read_only = read_only
        self._open: OrderedDict[str, Shard] = OrderedDict()
        self._legacy: tuple[int, dict[str, Shard]] = (-1, {})

    def file(self, name: str) -> Path:
        return self.path / f"{name}.json"

    def names(self) -> list[str]:
        """The shards on disk now (temporary files left out)."""
        try:
            names = os.listdir(self.path)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(n[:-5] for n in names if n.endswith(".json") and not n.startswith("."))

    def file_shard(self, name: str, *, keep: bool = True) -> Shard:
        """The shard's file, opened (from the open set if it is there)."""
        shard = self._open.get(name)
        if shard is not None:
            self._open.move_to_end(name)
            return shard
        path = self.file(name)
        shard = Shard(name, FileStorage(path, schema.shard_version), self.read_only, path)
        if keep:
            self._open[name] = shard  # closed by trim, never in the middle of a write
        return shard

    def trim(self) -> None:
        """Close the least recently used shards beyond OPEN_SHARDS (between operations)."""
        while len(self._open) > OPEN_SHARDS:
            self._open.popitem(last=False)[1].close()

    def legacy(self) -> dict[str, Shard] | None:
        """For a schema 0/1 database: its records as read-only shards in memory; else None."""
        split = self.catalog.legacy()
        if split is None:
            return None
        generation, shards = self._legacy
        if generation != self.catalog.storage.generation:
            shards = {}
            for name, records in split[1].items():
                memory = MemoryStorage()
                memory.memory = schema.shard_data(records)
                shards[name] = Shard(name, memory, _UPGRADE_FIRST, self.file(name))
            self._legacy = (self.catalog.storage.generation, shards)
        return shards

    def shard(self, name: str) -> Shard | None:
        """The shard with this name as things are now, kept open (None: there is none)."""
        legacy = self.legacy()
        if legacy is not None:
            return legacy.get(name)
        if self.catalog.version() != SCHEMA:
            return None  # no database yet (a folder beside no index is not read)
        if name not in self._open and not self.file(name).exists():
            return None
        return self.file_shard(name)

    @contextmanager
    def opened(self, name: str) -> Iterator[Shard | None]:
        """The shard for one read: an open one, or one closed afterwards."""
        if name in self._open or self.legacy() is not None:
            yield self.shard(name)
            return
        if not self.file(name).exists():
            yield None
            return
        shard = self.file_shard(name, keep=False)
        try:
            yield shard
        finally:
            shard.close()

    def make(self, like: Path) -> None:
        """The folder itself, on the first write: as private as the database file `like`
        (searchable where the file is readable)."""
        if self.path.is_dir():
            return
        try:
            mode = stat.S_IMODE(os.stat(like).st_mode)
        except FileNotFoundError:
            mode = NEW_FILE_MODE
        self.path.mkdir(parents=True, exist_ok=True)
        os.chmod(self.path, mode | (mode & 0o444) >> 2 | stat.S_IRWXU)
        fsync_dir(self.path.parent)

    def set_aside(self, suffix: str) -> Path | None:
        """Rename the folder to `<name>.<suffix>` (never deleted); its new name, if any."""
        if not self.path.is_dir():
            return None
        self.close()
        aside = free_name(self.path, suffix)
        os.rename(self.path, aside)
        fsync_dir(self.path.parent)
        return aside

    def close(self) -> None:
        for shard in self._open.values():
            shard.close()
        self._open.clear()
        self._legacy = (-1, {})


def free_name(path: Path, suffix: str) -> Path:
    """`<name>.<suffix>` beside `path`, or `<name>.<suffix>-2`, … if that is taken."""
    candidate = path.with_name(f"{path.name}.{suffix}")
    n = 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.name}.{suffix}-{n}")
    return candidate
