"""`readerapp import FILE`: merge an export (readerapp JSON or W3C) into the database.

The whole file is read and checked before the database is opened for writing,
and the merge is one atomic write, so a bad file or a crash imports nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from readerapp.commands import fail
from readerapp.core.exchange import ExchangeError, import_annotations, read_annotations
from readerapp.core.locations import database_path
from readerapp.core.store import AnnotationStore, StoreError


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="readerapp import",
        description="Import annotations from a readerapp JSON or W3C Web Annotation export. "
        "Importing the same file twice adds nothing; for the same annotation, the newer wins.",
    )
    result.add_argument("file", metavar="FILE", help="the export to import")
    result.add_argument(
        "--db",
        metavar="PATH",
        help="annotation database file (default: $READERAPP_DB, else the user data directory)",
    )
    return result


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    source = Path(args.file)
    db_path = database_path(args.db)
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        return fail(f"{source}: no such file; check the path")
    except IsADirectoryError:
        return fail(f"{source} is a directory; give an export file")
    except OSError as err:
        return fail(f"{source}: cannot read it ({err.strerror or err})")
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
    print(f"{source}: {report} (database {db_path})")
    return 0
