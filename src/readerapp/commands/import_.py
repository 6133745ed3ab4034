"""`readerapp import FILE`: merge an export (readerapp JSON or W3C) into the database.

The whole file is read and checked before the database is opened for writing,
and the merge is one atomic write, so a bad file or a crash imports nothing.
A database this user cannot write is refused before anything is read, and
the export must be a regular file (a FIFO or a device is never opened).
"""

from __future__ import annotations

import argparse
import codecs
from pathlib import Path

from readerapp.commands import add_db_option, fail
from readerapp.core.exchange import ExchangeError, import_annotations, read_export
from readerapp.core.files import FileProblem, read_bytes, write_problem
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
    problem = write_problem(db_path)
    if problem:  # before anything is read: a database this user may not replace
        return fail(
            f"cannot import into {visible_name(db_path)}: {problem}; "
            "the database was left as it was and nothing was imported"
        )
    try:
        data = read_bytes(source, limit=MAX_IMPORT_BYTES)
    except FileProblem as err:
        if err.kind == "too_large":
            limit = MAX_IMPORT_BYTES // 2**20
            return fail(f"{name} is over {limit} MB; readerapp imports exports up to {limit} MB")
        return fail(f"{err}; nothing was imported")
    try:
        data = utf8_json(data)
    except UnicodeDecodeError:
        return fail(
            f"{name}: not a JSON export (the bytes are not UTF-8 text); nothing was imported"
        )
    try:
        export = read_export(data)
    except ExchangeError as err:
        return fail(f"{name}: {err}; nothing was imported")
    try:
        store = AnnotationStore(db_path)
        try:
            report = import_annotations(store, export.annotations, export.corrections)
        finally:
            store.close()
    except StoreError as err:  # its message already says the database was left as it was
        return fail(str(err))
    except OSError as err:
        return fail(f"{visible_name(db_path)}: cannot write the database ({err.strerror or err})")
    print(f"{name}: {report} (database {visible_name(db_path)})")
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
