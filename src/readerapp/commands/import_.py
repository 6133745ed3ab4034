"""`readerapp import FILE`: merge an export (readerapp JSON or W3C) into the database.

The whole file is read and checked before the database is opened for writing,
and the merge is one atomic write, so a bad file or a crash imports nothing.
"""

from __future__ import annotations

import argparse
import codecs
from pathlib import Path

from readerapp.commands import add_db_option, fail
from readerapp.core.exchange import ExchangeError, import_annotations, read_annotations
from readerapp.core.locations import database_path
from readerapp.core.safe_text import visible_name
from readerapp.core.store import AnnotationStore, StoreError

# Far above any real export (see docs/export-format.md for per-field limits): this only
# stops runaway inputs.
MAX_IMPORT_BYTES = 256 * 1024 * 1024


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="readerapp import",
        description="Import annotations from a readerapp JSON or W3C Web Annotation export. "
        "Importing the same file twice adds nothing; for the same annotation, the newer wins.",
    )
    result.add_argument("file", metavar="FILE", help="the export to import")
    add_db_option(result)
    return result


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    source = Path(args.file)
    db_path = database_path(args.db)
    try:
        with source.open("rb") as file:  # bounded: /dev/zero or an endless pipe
            data = file.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        return fail(f"{source}: no such file; check the path")
    except IsADirectoryError:
        return fail(f"{source} is a directory; give an export file")
    except OSError as err:
        return fail(f"{source}: cannot read it ({err.strerror or err})")
    if len(data) > MAX_IMPORT_BYTES:
        limit = MAX_IMPORT_BYTES // 2**20
        return fail(f"{source} is over {limit} MB; readerapp imports exports up to {limit} MB")
    try:
        data = utf8_json(data)
    except UnicodeDecodeError:
        return fail(
            f"{source}: not a JSON export (the bytes are not UTF-8 text); nothing was imported"
        )
    try:
        annotations = read_annotations(data)
    except ExchangeError as err:
        return fail(f"{source}: {err}; nothing was imported")
    if db_path.is_dir():
        return fail(f"--db {db_path} is a directory; give a file path for the database")

    try:
        store = AnnotationStore(db_path)
        try:
            report = import_annotations(store, annotations)
        finally:
            store.close()
    except StoreError as err:  # its message already says the database was left as it was
        return fail(str(err))
    except OSError as err:
        return fail(f"{db_path}: cannot write the database ({err.strerror or err})")
    print(f"{visible_name(source)}: {report} (database {visible_name(db_path)})")
    return 0


def utf8_json(data: bytes) -> bytes:
    """The export as BOM-less UTF-8, which is all the JSON parser takes.

    Windows tools add a byte order mark (Notepad: UTF-8 with BOM; PowerShell 5's
    `>` writes UTF-16), and such a file is still the user's export. Raises
    UnicodeDecodeError for bytes that are not text, so the error can say so.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16").encode("utf-8")
    data.decode("utf-8")
    return data
