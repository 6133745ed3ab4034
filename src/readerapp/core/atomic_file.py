"""Durable, atomic file replacement and a cross-process lock beside a file.

A reader (or a crash at any instant) must only ever see the old file or the
new one, never a torn mix: so the new bytes go to a temporary file in the same
folder, are fsynced, then renamed over the target with `os.replace`, and the
folder is fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

try:  # POSIX; on other systems two processes are not protected from each other.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


class FileSignature(NamedTuple):
    """Enough of `stat` to tell that a file was replaced or rewritten since we read it."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> FileSignature:
        return cls(st.st_ino, st.st_size, st.st_mtime_ns)


def signature(path: Path) -> FileSignature | None:
    """The file's signature now, or None when there is no file."""
    try:
        return FileSignature.of(os.stat(path))
    except FileNotFoundError:
        return None


def temp_prefix(path: Path) -> str:
    """Temporary files for `path` start with this, so stale ones can be found and removed."""
    return f".{path.name}."


def fsync_dir(directory: Path) -> None:
    """Make a rename or unlink inside `directory` durable."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. platforms that cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, payload: bytes) -> FileSignature:
    """Replace `path` with `payload` atomically and durably; returns the new file's signature."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(payload)
            tmp.flush()
            os.fsync(tmp.fileno())
            # A rename keeps inode and mtime, so this is the signature of `path` afterwards.
            sig = FileSignature.of(os.fstat(tmp.fileno()))
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)
    return sig


def remove_stale_temp_files(path: Path) -> None:
    """Delete temporary files left by writers killed mid-write.

    Only call this while holding the lock: every writer creates its temporary
    file under the lock, so any temporary file seen then belongs to a dead one.
    """
    for stale in path.parent.glob(temp_prefix(path) + "*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


class FileLock:
    """An exclusive `flock` on a side file (`<name>.lock`), held around read-modify-write.

    A side file, because the data file itself is replaced on every write and a
    lock on a replaced inode protects nothing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._fd: int | None = None

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is None:  # pragma: no cover
            yield
            return
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
