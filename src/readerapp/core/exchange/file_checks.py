"""What a path is, checked before it is opened: exports and imports touch only regular files.

A FIFO opened for reading waits for a writer forever, a device can be endless
or destructive to write, and a directory or socket is never what the user
meant; each is refused with one sentence before anything is opened. The file
an export replaces keeps being the file it was: a symlink is written through
to its target (the link stays), and the target keeps its permission bits.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from readerapp.core.exchange.errors import ExchangeError
from readerapp.core.safe_text import visible_name


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular_file(path: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of `path`, at most `max_bytes` + 1 of them (so the caller can tell it is
    too big), refusing anything but a regular file before reading it.

    `O_NONBLOCK` keeps even a FIFO swapped in after the check from blocking the
    open, and the `fstat` of the opened file closes that race.
    """
    name = visible_name(path)
    try:
        kind = kind_of(os.stat(path).st_mode)
        if kind is None:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            try:
                kind = kind_of(os.fstat(fd).st_mode)
                if kind is None:
                    with os.fdopen(fd, "rb", closefd=False) as file:
                        return file.read(max_bytes + 1)
            finally:
                os.close(fd)
    except FileNotFoundError:
        raise ExchangeError(f"{name}: no such file; check the path") from None
    except PermissionError:
        raise ExchangeError(f"{name}: permission denied; check the file's permissions") from None
    except OSError as err:
        raise ExchangeError(f"{name}: cannot read it ({err.strerror or err})") from None
    raise ExchangeError(f"{name} is {kind}, not a file; give {what}")


def regular_file_or_missing(path: Path, what: str) -> bool:
    """Whether `path` exists as a regular file (symlinks followed); ExchangeError if it
    exists as anything else, so it is never opened."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as err:
        raise ExchangeError(
            f"{visible_name(path)}: cannot use it ({err.strerror or err}); give {what}"
        ) from None
    kind = kind_of(mode)
    if kind is not None:
        raise ExchangeError(f"{visible_name(path)} is {kind}, not a file; give {what}")
    return True


def export_target(path: Path, *, force: bool) -> Path:
    """The file an export to `path` writes: `path` itself, or the file a symlink points to.

    Refused: anything but a regular file or a new name, an existing name without
    `force`, a folder that does not exist.
    """
    target = Path(os.path.realpath(path))
    regular_file_or_missing(target, "a file name for the export")
    if os.path.lexists(path) and not force:
        raise ExchangeError(f"{visible_name(path)} already exists; pass --force to overwrite it")
    if not target.parent.is_dir():
        raise ExchangeError(
            f"{visible_name(target.parent)} does not exist; create the folder first"
        )
    return target


def keep_mode(path: Path, mode: int | None) -> None:
    """Give the replaced file back the permission bits the old one had (a rename takes
    the temporary file's own)."""
    if mode is None:
        return
    with contextlib.suppress(OSError):
        if stat.S_IMODE(os.stat(path).st_mode) != mode:
            os.chmod(path, mode)


def mode_of(path: Path) -> int | None:
    """The permission bits of an existing file, or None for a new one."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None
