"""Schema versions of the annotation database and the migrations between them.

Every function here is pure: parsed JSON in, parsed JSON out, no files. The
store reads a file, asks this module what it holds, and writes the result.

- Schema 0, the prototype: stock TinyDB, a `_default` table with integer keys.
- Schema 1: one file, `meta` plus `annotations` keyed by annotation id.
- Schema 2 (now): the file the user named holds `meta` and the catalog
  (`shards`); each article's annotations live in a TinyDB file of their own,
  `<name>.d/<shard>.json`, with its own `meta` and `annotations` tables.
  Timestamps are UTC with an offset (schema 1 could hold naive ones).
  A shard may also hold a `corrections` table (the user's corrections of the
  article's analysis). It came without a schema bump: TinyDB keeps every table
  of a file when it writes one, so a readerapp that knows nothing of it leaves
  it as it is.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

import orjson

from readerapp.core.annotation import utc_timestamp
from readerapp.core.safe_text import visible_name
from readerapp.core.store.errors import StoreError

SCHEMA = 2
META = "meta"
ANNOTATIONS = "annotations"
CORRECTIONS = "corrections"
SHARDS = "shards"
#: The shard of records whose article cannot be read: kept, never shown.
UNSORTED = "unsorted"

Data = dict[str, dict[str, Any]]
Records = dict[str, Any]

_SHA256 = re.compile(r"[0-9a-f]{64}")


def meta_table() -> dict[str, Any]:
    return {"1": {"schema": SCHEMA}}


def parse(raw: bytes, path: Path) -> Data | None:
    """The tables in a database file's bytes (None: an empty file, a new database)."""
    if not raw.strip():
        return None  # TinyDB itself leaves empty files behind
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        raise _corrupt(path, f"invalid JSON at line {err.lineno}") from err
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise _corrupt(path, "it is JSON but not a set of tables")
    return data


def _corrupt(path: Path, why: str) -> StoreError:
    return StoreError(
        f"{visible_name(path)} is not a readerapp database ({why}); it was left untouched.",
        path=path,
        kind="corrupt",
    )


def _stored_version(data: Data, path: Path) -> int | None:
    meta = data.get(META)
    if meta is None:
        return None
    doc = next(iter(meta.values()), None)
    version = doc.get("schema") if isinstance(doc, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise _corrupt(path, "its schema version is unreadable")
    if version > SCHEMA:
        raise StoreError(
            f"{visible_name(path)} was written by a newer readerapp (database schema {version}, "
            f"this version reads up to {SCHEMA}); it was left untouched.",
            path=path,
            kind="newer",
        )
    return version


def main_version(data: Data | None, path: Path) -> int:
    """The schema of the file the user named (-1: empty, a new database); StoreError if it
    is not a readerapp database or comes from a newer one."""
    if data is None:
        return -1
    version = _stored_version(data, path)
    if version is not None:
        return version
    if not any(data.values()):
        return -1  # `{}` or empty tables
    default = data.get("_default")
    if isinstance(default, dict) and all(
        isinstance(doc, dict) and "selector" in doc and "article" in doc for doc in default.values()
    ):
        return 0
    raise _corrupt(path, "it holds no annotations table")


def shard_version(data: Data | None, path: Path) -> int:
    """The schema of one article's file (-1: empty); StoreError unless it is schema 2."""
    if data is None or not any(data.values()):
        return -1
    version = _stored_version(data, path)
    if version is None or version == SCHEMA:
        return SCHEMA
    raise _corrupt(path, f"an article file must be schema {SCHEMA}, not {version}")


def shard_name(sha256: str) -> str:
    """The file name (without `.json`) of the shard holding an article's annotations.

    The sha256 itself when it is one; anything else an import may carry is hashed, so a
    name is always 64 or 65 safe characters and never a path.
    """
    if _SHA256.fullmatch(sha256):
        return sha256
    return "x" + hashlib.sha256(sha256.encode("utf-8", "surrogatepass")).hexdigest()


def shard_of(record: Any) -> str:
    """The shard a stored record belongs in (by its article's sha256)."""
    try:
        return shard_name(str(record["article"]["sha256"]))
    except (KeyError, TypeError):
        return UNSORTED


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


#: MIGRATIONS[v] upgrades a one-file database at schema v to schema v + 1.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1}


def utc_record(record: Any) -> Any:
    """A record with its timestamps written as UTC with an offset (naive ones are UTC)."""
    if not isinstance(record, dict):
        return record
    fixed = dict(record)
    for name in ("created", "updated"):
        value = fixed.get(name)
        if isinstance(value, str):
            with suppress(ValueError):  # not a timestamp: the record stays, unreadable but kept
                fixed[name] = utc_timestamp(value)
    return fixed


def split(data: Data, version: int) -> tuple[Data, dict[str, Records]]:
    """A one-file database (schema 0 or 1) as schema 2: the tables the catalog file keeps
    (any the user added, besides ours) and each shard's records, by shard name."""
    while version < 1:
        data = MIGRATIONS[version](data)
        version += 1
    shards: dict[str, Records] = {}
    for annotation_id, record in data.get(ANNOTATIONS, {}).items():
        shards.setdefault(shard_of(record), {})[annotation_id] = utc_record(record)
    kept = {name: table for name, table in data.items() if name not in (META, ANNOTATIONS)}
    return kept, shards


def shard_data(records: Records) -> Data:
    """A whole shard file's tables for these records."""
    return {META: meta_table(), ANNOTATIONS: records}
