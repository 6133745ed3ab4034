"""`readerapp import FILE`: merge an export (readerapp JSON or W3C) into the database.

The whole file is read and checked before the database is opened for writing,
and the merge is one atomic write, so a bad file or a crash imports nothing.
A database this user cannot write is refused before anything is read, and
the export must be a regular file (a FIFO or a device is never opened).
"""

from __future__ import annotations

import argparse
import codecs
import os
from pathlib import Path

from readerapp.commands import add_db_option, fail
from readerapp.core.exchange import ExchangeError, import_annotations, read_annotations
from readerapp.core.exchange.file_checks import read_regular_file, regular_file_or_missing
from readerapp.core.locations import database_path
from readerapp.core.safe_text import visible_name
from readerapp.core.store import AnnotationStore, StoreError

# An export of 10,000 annotations is a few MB; this only stops runaway inputs.
MAX_IMPORT_BYTES = 256 * 1024 * 1024


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="readerapp import",
        description="Import annotations from a readerapp JSON or W3C Web Annotation export. "
        "Importing the same file twice adds nothing; for the same annotation, the newer wins, "
        "and a note deleted in the export is deleted here too.",
    )
    result.add_argument("file", metavar="FILE", help="the export to import")
    add_db_option(result)
    return result


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    source = Path(args.file)
    name = visible_name(source)
    db_path = database_path(args.db)
    try:
        check_database_writable(db_path)
        data = read_regular_file(source, MAX_IMPORT_BYTES, "an export file")
    except ExchangeError as err:
        return fail(f"{err}; nothing was imported")
    if len(data) > MAX_IMPORT_BYTES:
        limit = MAX_IMPORT_BYTES // 2**20
        return fail(f"{name} is over {limit} MB; readerapp imports exports up to {limit} MB")
    try:
        data = utf8_json(data)
    except UnicodeDecodeError:
        return fail(
            f"{name}: not a JSON export (the bytes are not UTF-8 text); nothing was imported"
        )
    try:
        annotations = read_annotations(data)
    except ExchangeError as err:
        return fail(f"{name}: {err}; nothing was imported")
    try:
        store = AnnotationStore(db_path)
        try:
            report = import_annotations(store, annotations)
        finally:
            store.close()
    except StoreError as err:  # its message already says the database was left as it was
        return fail(str(err))
    except OSError as err:
        return fail(f"{visible_name(db_path)}: cannot write the database ({err.strerror or err})")
    print(f"{name}: {report} (database {visible_name(db_path)})")
    return 0


def check_database_writable(db_path: Path) -> None:
    """Refuse, before anything is read, a database this user could not replace.

    The store writes a temporary file beside the database and renames it over,
    so both the file and its folder must be writable (root passes both).
    """
    real = Path(os.path.realpath(db_path))
    db_name = visible_name(db_path)
    exists = regular_file_or_missing(real, "the annotation database file with --db PATH")
    if exists and not os.access(real, os.W_OK):
        raise ExchangeError(f"{db_name} is read-only for you, so it was left as it was")
    folder = real.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the store creates the missing folders
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExchangeError(
            f"{db_name}: cannot write in the folder {visible_name(folder)}, "
            "so the database was left as it was"
        )


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
