"""The one exception of the store, with a kind a caller can act on."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

ErrorKind = Literal[
    "corrupt",  # not a readerapp database (or a damaged one): never written
    "newer",  # written by a newer readerapp: never written
    "unreadable",  # the file exists but cannot be read
    "special",  # a directory, FIFO, socket or device where a database should be
    "read_only",  # the database is not to be written (asked for, or not writable by this user)
    "write_failed",  # a write was attempted and failed (disk full, ...): nothing changed
    "missing",  # there is no database at the path (and one was required)
]


class StoreError(Exception):
    """A problem with the annotation database; `str(err)` is one sentence for the user.

    `kind` says what happened; `recoverable` is True when `move_aside` would let
    the user start afresh (the file is corrupt or from a newer readerapp).
    """

    def __init__(self, message: str, *, path: Path, kind: ErrorKind) -> None:
        super().__init__(message)
        self.path = path
        self.kind = kind

    @property
    def recoverable(self) -> bool:
        return self.kind in ("corrupt", "newer")
