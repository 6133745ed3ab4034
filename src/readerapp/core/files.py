"""Opening files from outside readerapp: only regular files, looked at before they are opened.

A path the user gives (an article, a database, an export, an import) may be a
directory, a named pipe (FIFO), a socket or a device. Opening a FIFO for
reading waits forever for a writer; reading `/dev/zero` never ends; replacing
a device node with a regular file breaks whatever used it. So every part of
readerapp opens outside files through this module:

- `check_regular` looks at what the path is (following symlinks) *before*
  opening it, and refuses anything but a regular file with one sentence;
- `open_regular` opens with `O_NONBLOCK` (so even a FIFO swapped in after the
  check cannot block) and checks again with `fstat` on the open descriptor,
  which closes the race between looking and opening;
- `read_bytes` reads with a size limit;
- `write_problem` says why a file must not be replaced (read-only, not ours
  to write) before anything is written.

Errors are `FileProblem`, an OSError whose `str()` is one sentence naming the
file with `safe_text.visible_name`, so callers that catch OSError still print
a clean line.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Literal

from readerapp.core.safe_text import visible_name

ProblemKind = Literal[
    "missing", "directory", "special", "too_large", "permission", "unreadable", "read_only"
]

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class FileProblem(OSError):
    """A file that readerapp will not open, read or replace; `str()` is one sentence."""

    def __init__(self, message: str, *, path: Path, kind: ProblemKind, size: int = 0) -> None:
        super().__init__(message)
        self.path = path
        self.kind = kind
        self.size = size  # for "too_large": the size found, in bytes


def what_it_is(mode: int) -> str | None:
    """How to name a file that is not a regular file (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _refuse_special(path: Path, mode: int) -> None:
    kind = what_it_is(mode)
    if kind is None:
        return
    name = visible_name(path)
    if stat.S_ISDIR(mode):
        raise FileProblem(f"{name} is a directory, not a file", path=path, kind="directory")
    raise FileProblem(
        f"{name} is {kind}, not a regular file; readerapp only reads and writes regular files",
        path=path,
        kind="special",
    )


def _problem_from(err: OSError, path: Path) -> FileProblem:
    name = visible_name(path)
    if err.errno == errno.ENOENT:
        return FileProblem(f"{name}: no such file; check the path", path=path, kind="missing")
    if err.errno in (errno.EACCES, errno.EPERM):
        return FileProblem(
            f"{name}: permission denied; check the file's permissions",
            path=path,
            kind="permission",
        )
    reason = err.strerror or type(err).__name__
    return FileProblem(f"{name}: cannot read it ({reason})", path=path, kind="unreadable")


def check_regular(path: Path) -> os.stat_result | None:
    """What `path` is, following symlinks: its stat if a regular file, None if there is
    nothing there; FileProblem for a directory, FIFO, socket, device or unreadable path."""
    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # nothing there (a parent is a file)
        return None
    except OSError as err:
        raise _problem_from(err, path) from None
    _refuse_special(path, found.st_mode)
    return found


def open_regular(path: Path) -> int:
    """A read-only descriptor on the regular file at `path` (the caller closes it).

    FileProblem for anything else, including a missing file (kind "missing").
    """
    if check_regular(path) is None:
        raise _problem_from(FileNotFoundError(errno.ENOENT, "no such file"), path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        raise _problem_from(err, path) from None
    try:
        _refuse_special(path, os.fstat(fd).st_mode)  # swapped since the check: refused still
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_descriptor(fd: int, limit: int, path: Path) -> bytes:
    """All of an open regular file, refusing one larger than `limit` bytes."""
    size = os.fstat(fd).st_size
    if size > limit:
        raise _too_large(path, size, limit)
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= limit:  # a file growing while read still stops one byte past the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as err:
        raise _problem_from(err, path) from None
    if total > limit:
        raise _too_large(path, total, limit)
    return b"".join(chunks)


def read_bytes(path: Path, *, limit: int) -> bytes:
    """The bytes of the regular file at `path`; FileProblem for anything else or over `limit`."""
    fd = open_regular(path)
    try:
        return read_descriptor(fd, limit, path)
    finally:
        os.close(fd)


def _too_large(path: Path, size: int, limit: int) -> FileProblem:
    return FileProblem(
        f"{visible_name(path)} is over {limit // 2**20} MB, the most readerapp reads here",
        path=path,
        kind="too_large",
        size=size,
    )


def write_problem(path: Path) -> str | None:
    """Why readerapp must not write or replace `path` (following symlinks), as one sentence
    without a final full stop; None when it may.

    A file whose owner took every write permission away (mode 0444) is refused even for
    root, who could write it anyway: the mode says the owner wants it left alone. The
    folder must let this user create the temporary file and rename it.
    """
    real = Path(os.path.realpath(path))
    name = visible_name(path)
    try:
        found = check_regular(real)
    except FileProblem as err:
        return str(err)
    if found is not None:
        if not found.st_mode & 0o222:
            mode = stat.S_IMODE(found.st_mode)
            return f"{name} is read-only (mode {mode:04o})"
        if not os.access(real, os.W_OK):
            return f"{name} is not writable by you"
    folder = real.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a folder that will be created: its first existing parent decides
    if not folder.is_dir():
        return f"{visible_name(folder)} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {visible_name(folder)} is not writable by you"
    return None
