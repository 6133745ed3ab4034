"""A one-file database (schema 0 or 1) becomes schema 2, at its first write.

`schema.split` says what goes where (pure); this writes it, in an order where
a crash at any point leaves a database that reads the same and migrates
again: first the records into their article files (a record already there,
from an interrupted migration, or newer, wins by `annotation.newer`), then a
copy of the old file as `<name>.schema<N>-backup`, and only then the file
itself, rewritten as the index.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readerapp.core.annotation import from_record, newer
from readerapp.core.atomic_file import write_atomic
from readerapp.core.files import read_bytes
from readerapp.core.store.catalog import Catalog
from readerapp.core.store.folder import ShardFolder
from readerapp.core.store.shard import Shard
from readerapp.core.store.storage import MAX_FILE_BYTES, Batch, FileStorage


def migrate(catalog: Catalog, folder: ShardFolder, database: Path) -> bool:
    """Migrate if the database file is at schema 0 or 1 (the store's locks held); True
    if it did."""
    split = catalog.legacy()
    if split is None:
        return False
    version = catalog.storage.version
    kept, by_shard = split
    folder.make(like=database)
    shards = {name: folder.file_shard(name) for name in by_shard}
    with Batch(template=database) as batch:
        for name, records in by_shard.items():
            shard = shards[name]
            existing = shard.records()
            take = {k: r for k, r in records.items() if _first_is_newer(r, existing.get(k))}
            if take:
                batch.join(file_storage(shard))
                shard.put(take)
    backup = database.with_name(f"{database.name}.schema{version}-backup")
    if not backup.exists():
        write_atomic(backup, read_bytes(database, limit=MAX_FILE_BYTES), template=database)
    entries = {name: shard.summary() for name, shard in shards.items()}
    with Batch(template=database) as batch:
        batch.join(catalog.storage)
        catalog.replace(kept, entries)
    return True


def file_storage(shard: Shard) -> FileStorage:
    """The file behind a shard that is about to be written (never an in-memory one)."""
    assert isinstance(shard.storage, FileStorage)
    return shard.storage


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
