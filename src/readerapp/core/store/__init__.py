"""The annotation store: TinyDB files written atomically, one per article, by several processes.

Design. A save must not cost more as the database grows, so no save rewrites
the whole database. The file the user names (`--db PATH`) holds the schema and
an index; every article's annotations live in a TinyDB file of their own in a
folder beside it::

    annotations.json             {"meta": {"1": {"schema": 2}},
                                  "shards": {"<shard>": {sha256, refs, live, tags, signature}}}
    annotations.json.d/<shard>.json
                                 {"meta": {"1": {"schema": 2}},
                                  "annotations": {"<annotation id>": <to_record(annotation)>},
                                  "corrections": {"<correction id>": <to_record(correction)>}}
    annotations.json.lock        the flock every writer holds

A shard is named by its article's sha256 (`schema.shard_name`), so a save
rewrites only that article's file, and opening an article reads only the files
of that article: its sha256, else shards whose records carry the same path (the
file was edited), else the same title, found through the index. The index is
derived data (see `catalog`): it is rewritten when an article first appears or
gains a path or title, or when enough of its entries are out of date; an entry
whose shard changed since is re-read, and a lost index is rebuilt from the
folder.

Guarantees. Every write is an atomic durable replace (`atomic_file`: temporary
file, fsync, rename, folder fsync), so SIGKILL at any moment leaves the old file
or the new one. Every read-modify-write holds the thread lock and the flock,
and re-reads the files it changes (a `stat` says whether they changed; the
file read last stays open so its inode cannot be reused), so several processes
lose nothing. Windows save `Edit`s, replayed field by field on the record as it
is in the file (`edits.apply_edit`); deletes are tombstones; "newer" is
`annotation.newer` everywhere, import's `merge` included. Never written: a file
that is not a readerapp database or comes from a newer one, a file or folder
this user may not write or whose owner made it read-only, anything that is not
a regular file (refused before it is opened, never read: `files`).

Migration. A schema 0 or 1 database (one file) is read as it is; the first write
moves its records into article files, keeps the old file as
`<name>.schema<N>-backup`, and then rewrites the file as the index (`schema`).

TinyDB. Each file is a TinyDB database with string-keyed tables (`tables`),
changed only through TinyDB's public table API; the storage seam
(`storage.FileStorage`) makes writes atomic and durable, read-only is a TinyDB
middleware (`storage.ReadOnly`), and a `storage.Batch` makes the table
operations of one save a single write per file.

Corrections of the analysis (issue 15). Each shard has a `corrections` table
beside `annotations`, written by the same `_commit` under the same locks, in the
same atomic write, and found by the same lookup (`read_article`: sha256, then
path, then title). A correction's content never changes; windows save only new
corrections and withdrawals (`apply_correction`, replayed on the stored record),
and import merges them by `annotation.newer` like annotations. The index counts
a shard's corrections (`Entry.corrected`) so an export reads only the files that
hold some. No schema bump: TinyDB keeps a file's other tables when it writes one,
so an older readerapp leaves the table as it is.
"""

from __future__ import annotations

from readerapp.core.store.annotation_store import AnnotationStore, ArticleRecords, open_store
from readerapp.core.store.errors import ErrorKind, StoreError
from readerapp.core.store.merging import MergeReport
from readerapp.core.store.opening import database_exists, folder_of
from readerapp.core.store.schema import SCHEMA

__all__ = [
    "SCHEMA",
    "AnnotationStore",
    "ArticleRecords",
    "ErrorKind",
    "MergeReport",
    "StoreError",
    "database_exists",
    "folder_of",
    "open_store",
]
