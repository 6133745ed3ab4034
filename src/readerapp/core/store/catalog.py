"""The file the user named: the schema, and an index of the article files beside it.

Its `shards` table has one `Entry` per shard: the paths and titles its
records carry, its live count and tag counts, and the signature of the shard
file they were read from. The index is derived data: the shards are the
truth, and an entry whose signature no longer matches its file (or a shard
the index does not list) is simply read again. So a save rewrites only its
shard; the index is rewritten when an article gains a new path or title (so
other windows find it), or once enough entries are out of date.

A file at schema 0 or 1 (everything in one file) is served as it is, split
into shards in memory, until the first write migrates it (see the store).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from readerapp.core.store import schema
from readerapp.core.store.schema import META, SCHEMA, SHARDS, Data, Records
from readerapp.core.store.shard import Entry
from readerapp.core.store.storage import FileStorage, ReadOnly
from readerapp.core.store.tables import Database, StrKeyTable


class Catalog:
    """The database's own file: `meta` and the `shards` index (see the module docstring)."""

    def __init__(self, path: Path, read_only: str | None) -> None:
        self.path = path
        self.storage = FileStorage(path, schema.main_version)
        factory: Callable[[], Any] = lambda: self.storage  # noqa: E731
        self.db = Database(storage=ReadOnly(factory, read_only, path) if read_only else factory)
        self._table: StrKeyTable = self.db.keyed(SHARDS)
        self._meta: StrKeyTable = self.db.keyed(META)
        self._entries: tuple[int, dict[str, Entry]] = (-1, {})
        self._legacy: tuple[int, tuple[Data, dict[str, Records]] | None] = (-1, None)

    def version(self) -> int:
        """The schema of the file now (-1: none yet); StoreError if it is not ours."""
        self.storage.read()
        return self.storage.version

    def legacy(self) -> tuple[Data, dict[str, Records]] | None:
        """For a file at schema 0 or 1: the tables it keeps and its records by shard; else None."""
        data = self.storage.read()
        version = self.storage.version
        if data is None or version in (-1, SCHEMA):
            return None
        generation, split = self._legacy
        if generation != self.storage.generation or split is None:
            split = schema.split(data, version)
            self._legacy = (self.storage.generation, split)
        return split

    def entries(self) -> dict[str, Entry]:
        """The index as the file holds it (malformed entries left out, so they are rebuilt)."""
        if self.version() != SCHEMA:
            return {}
        generation, entries = self._entries
        if generation != self.storage.generation:
            found = ((name, Entry.from_doc(doc)) for name, doc in self._table.records())
            entries = {name: entry for name, entry in found if entry is not None}
            self._entries = (self.storage.generation, entries)
        return entries

    def put(self, entries: Mapping[str, Entry]) -> None:
        """Write these entries into the index (run inside a Batch: one file write)."""
        if not self._meta.contains(doc_id="1"):  # type: ignore[arg-type]
            self._meta.put(schema.meta_table())
        self._table.put({name: entry.to_doc() for name, entry in entries.items()})

    def remember(self, entries: Mapping[str, Entry]) -> None:
        """After `put` was written: the index now holds these entries too (no re-parse)."""
        generation, known = self._entries
        if self.storage.version == SCHEMA:
            self._entries = (self.storage.generation, {**known, **entries})

    def replace(self, kept: Data, entries: Mapping[str, Entry]) -> None:
        """The whole file as schema 2 (a migration; run inside a Batch)."""
        docs = {name: entry.to_doc() for name, entry in entries.items()}
        self.db.storage.write({**kept, META: schema.meta_table(), SHARDS: docs})

    def close(self) -> None:
        self.db.close()
