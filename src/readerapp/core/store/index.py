"""What the store knows of every shard: the catalog's entries, made good where they lag.

The catalog file is rewritten rarely (see `catalog`), so this process keeps
the entries it knows better than the file: those of the shards it wrote (kept
up to date from each save's own records, so a save never reads its whole
shard again) and those it re-read because their file had changed. They are
written back when an article appears or gains a path or title, when enough
have gathered, and when the store closes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from readerapp.core.annotation import path_from_record
from readerapp.core.atomic_file import FileSignature, signature
from readerapp.core.safe_text import clean_line
from readerapp.core.store.catalog import Catalog
from readerapp.core.store.errors import StoreError
from readerapp.core.store.folder import ShardFolder
from readerapp.core.store.schema import SCHEMA
from readerapp.core.store.shard import Entry, TableChange, updated
from readerapp.core.store.storage import Batch

#: Entries this process may know better than the catalog file before it rewrites it.
STALE_ENTRIES = 64


class Index:
    """The entries of every shard, for lookups and counts. The store's lock is held."""

    def __init__(self, catalog: Catalog, folder: ShardFolder, template: Path) -> None:
        self.catalog = catalog
        self.folder = folder
        self.template = template  # the database file: new files take its mode
        self._fresh: dict[str, Entry] = {}  # entries better than the file's
        self._dirty: set[str] = set()  # shards written here whose entry is to be re-read
        self._legacy: tuple[int, dict[str, Entry]] = (-1, {})

    @property
    def behind(self) -> bool:
        """Whether the catalog file lags what this process knows."""
        return bool(self._fresh or self._dirty)

    def view(self, *, validate: bool) -> dict[str, Entry]:
        """An entry for every shard. `validate`: check each against its file (one `stat`
        per shard) and read those that changed; else trust the entries, and read only
        shards the catalog does not list yet."""
        legacy = self.folder.legacy()
        if legacy is not None:
            generation = self.catalog.storage.generation
            if self._legacy[0] != generation:
                summaries = {name: shard.summary() for name, shard in legacy.items()}
                self._legacy = (generation, summaries)
            return self._legacy[1]
        if self.catalog.version() != SCHEMA:
            return {}  # no database yet: a folder left beside no index is not ours to read
        known = {**self.catalog.entries(), **self._fresh}
        view: dict[str, Entry] = {}
        for name in self.folder.names():
            entry = known.get(name)
            if entry is None or (validate and entry.signature != signature(self.folder.file(name))):
                entry = self.summary_of(name)
                if entry is None:
                    continue  # gone since the listing
                self._fresh[name] = entry
            view[name] = entry
        return view

    def summary_of(self, name: str) -> Entry | None:
        """The entry of a shard as its file is now (None: no such file)."""
        with self.folder.opened(name) as shard:
            if shard is None:
                return None
            shard.records()  # reads the file if it changed: its signature is the one summarized
            return shard.summary()

    def wrote(
        self,
        name: str,
        changes: list[TableChange],
        before: FileSignature | None,
        after: FileSignature | None,
    ) -> bool:
        """A save made `changes` (per table: records replaced, records written) in shard
        `name`, whose file went from signature `before` to `after`. True if the catalog
        must be rewritten now (the article is new, or has a path or title the catalog does
        not list)."""
        known = self._fresh.pop(name, None) or self.catalog.entries().get(name)
        written = [record for _, _, records in changes for record in records]
        new_place = known is None or not _places_known(known, written)
        if known is not None and known.signature == before:
            self._fresh[name] = updated(known, changes, after)
        else:
            self._dirty.add(name)  # summarized when the catalog is written
        return new_place or len(self._dirty | self._fresh.keys()) >= STALE_ENTRIES

    def write(self) -> None:
        """Rewrite the catalog with what this process knows better. A failure loses
        nothing: the entries it misses are read again from the article files."""
        self.catalog.entries()  # current, so its cache can be kept after the write
        better: dict[str, Entry] = {}
        for name in sorted(self._dirty | self._fresh.keys()):
            entry = self._fresh.get(name)
            if (
                name in self._dirty
                or entry is None
                or entry.signature != signature(self.folder.file(name))
            ):
                entry = self.summary_of(name)
            if entry is not None:
                better[name] = entry
        try:
            with Batch(template=self.template) as batch:
                batch.join(self.catalog.storage)
                self.catalog.put(better)
        except (OSError, StoreError):
            return
        self.catalog.remember(better)
        self.forget()

    def forget(self) -> None:
        self._fresh.clear()
        self._dirty.clear()
        self._legacy = (-1, {})


def _places_known(entry: Entry, records: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the entry already lists every (path, title) these records carry."""
    try:
        return all(
            (path_from_record(r["article"]), clean_line(str(r["article"].get("title", ""))))
            in entry.refs
            for r in records
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
