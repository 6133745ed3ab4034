"""What the store checks before it opens a database, and the sentences it says when it cannot.

Nothing is opened here: a path that is not a regular file is refused before
any `open` (a FIFO would block a reader forever), and whether the user may
write the database is decided before the first write, so a file we may not
replace is never replaced.
"""

from __future__ import annotations

import os
from pathlib import Path

from readerapp.core.files import FileProblem, check_regular, write_problem
from readerapp.core.safe_text import visible_name
from readerapp.core.store.errors import ErrorKind, StoreError


def folder_of(path: Path) -> Path:
    """The folder of article files beside the database file `path` (symlinks followed)."""
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + ".d")


def database_exists(path: Path) -> bool:
    """Whether there is a database at `path`: the file the user names is the database (a
    folder of article files without it is what is left of a deleted one, and not read)."""
    return Path(os.path.realpath(path)).exists()


def check_paths(path: Path, folder: Path, *, must_exist: bool) -> None:
    """StoreError unless `path` can be a database file and `folder` its article folder."""
    name = visible_name(path)
    try:
        check_regular(Path(os.path.realpath(path)))
    except FileProblem as err:
        kind: ErrorKind = "special" if err.kind in ("directory", "special") else "unreadable"
        raise StoreError(f"{err}; give a file path with --db.", path=path, kind=kind) from None
    if folder.exists() and not folder.is_dir():
        raise StoreError(
            f"{visible_name(folder)} should be the folder of {name}'s article files "
            "but is not a folder; it was left untouched.",
            path=folder,
            kind="special",
        )
    if must_exist and not database_exists(path):
        raise StoreError(
            f"{name}: no such database; check the path given with --db or $READERAPP_DB.",
            path=path,
            kind="missing",
        )


def why_read_only(path: Path, folder: Path, *, asked: bool) -> str | None:
    """Why changes to the database at `path` are not saved, in one sentence; None if they are."""
    name = visible_name(path)
    if asked:
        return f"The notes file {name} was opened read-only, so changes are not saved."
    problem = write_problem(Path(os.path.realpath(path)))
    if problem is None and folder.is_dir() and not os.access(folder, os.W_OK):
        problem = f"the folder {visible_name(folder)} is not writable by you"
    if problem is None:
        return None
    return f"Notes are read-only because {problem}; changes are not saved."


def write_failed(path: Path, err: OSError) -> StoreError:
    reason = err.strerror or str(err)
    return StoreError(
        f"Could not save to {visible_name(path)} ({reason}); the change was not saved.",
        path=path,
        kind="write_failed",
    )
