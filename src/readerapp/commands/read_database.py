"""Opening the annotation database for the commands that only read it (export, notes, people).

A database that does not exist is an error, not an empty result: `--db` with a
typo must not print an empty export or an empty list that looks like the truth.
"""

from __future__ import annotations

from pathlib import Path

from readerapp.core.exchange import ExchangeError
from readerapp.core.safe_text import visible_name
from readerapp.core.store import AnnotationStore, StoreError


def existing_store(
    db_path: Path,
    *,
    wanted: str = "notes",
    remedy: str = "give the database with --db PATH or READERAPP_DB",
) -> AnnotationStore:
    """The database at `db_path`, read-only; ExchangeError (one sentence) if there is none,
    it is no regular file, or it is not a readerapp database."""
    try:
        return AnnotationStore(db_path, read_only=True, must_exist=True)
    except StoreError as err:
        if err.kind == "missing":
            raise ExchangeError(
                f"{visible_name(db_path)}: no annotation database there, so no {wanted}; {remedy}"
            ) from None
        raise ExchangeError(str(err)) from None
