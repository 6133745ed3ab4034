"""Opening the annotation database for the commands that only read it (export, notes, people).

A database that does not exist is an error, not an empty result: `--db` with a
typo must not print an empty export or an empty list that looks like the truth.
"""

from __future__ import annotations

from pathlib import Path

from readerapp.core.exchange import ExchangeError
from readerapp.core.exchange.file_checks import regular_file_or_missing
from readerapp.core.safe_text import visible_name
from readerapp.core.store import AnnotationStore, StoreError


def existing_store(
    db_path: Path,
    *,
    wanted: str = "notes",
    remedy: str = "give the database with --db PATH or READERAPP_DB",
) -> AnnotationStore:
    """The database at `db_path`, read-only; ExchangeError (one sentence) if there is none
    or it is not a readerapp database."""
    if not regular_file_or_missing(db_path, "the annotation database file with --db PATH"):
        raise ExchangeError(
            f"{visible_name(db_path)}: no annotation database there, so no {wanted}; {remedy}"
        )
    try:
        return AnnotationStore(db_path, read_only=True)
    except StoreError as err:
        raise ExchangeError(str(err)) from None
