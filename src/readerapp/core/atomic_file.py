"""Durable, atomic file replacement and a cross-process lock beside a file.

A reader (or a crash at any instant) must only ever see the old file or the
new one, never a torn mix: so the new bytes go to a temporary file in the same
folder, are fsynced, then renamed over the target with `os.replace`, and the
folder is fsynced so the rename itself survives a power cut.

The replaced file keeps what the user set on it: its mode (and owner where
this process may set it), and a symlink stays a symlink (the file it points
to is replaced). Anything that is not a regular file, or that the user made
read-only, is refused before a byte is written (`files.write_problem`).

`write_atomic` replaces one file; `replace_together` replaces several with all
the new files written and fsynced before the first rename, so an error while
writing changes none of them and a crash can only land between two renames.
Both are the same code: this is the one atomic write of readerapp.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from readerapp.core.files import FileProblem, check_regular, write_problem
from readerapp.core.safe_text import visible_name

try:  # POSIX; on other systems two processes are not protected from each other.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

#: The mode of a file readerapp creates (no template): notes are private.
NEW_FILE_MODE = 0o600


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
    except (FileNotFoundError, NotADirectoryError):
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


@dataclass(frozen=True)
class _Staged:
    """A new file written and fsynced beside its target, waiting to be renamed over it."""

    temp: str
    target: Path
    signature: FileSignature


def _stage(path: Path, payload: bytes, template: Path | None) -> _Staged:
    target = Path(os.path.realpath(path))  # through a symlink: the link stays a link
    problem = write_problem(target)
    if problem is not None:
        raise FileProblem(f"{problem}; it was not replaced", path=path, kind="read_only")
    existing = check_regular(target)
    like = existing if existing is not None else _template_stat(template)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=temp_prefix(target), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            if like is not None:
                os.fchmod(out.fileno(), stat.S_IMODE(like.st_mode))
                if (like.st_uid, like.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(PermissionError):  # only root may give files away
                        os.fchown(out.fileno(), like.st_uid, like.st_gid)
            else:
                os.fchmod(out.fileno(), NEW_FILE_MODE)
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
            # A rename keeps inode and mtime: this is the signature of the target afterwards.
            sig = FileSignature.of(os.fstat(out.fileno()))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return _Staged(temp, target, sig)


def _template_stat(template: Path | None) -> os.stat_result | None:
    if template is None:
        return None
    try:
        return check_regular(template)
    except FileProblem:
        return None


def replace_together(
    files: Sequence[tuple[Path, bytes]], *, template: Path | None = None
) -> list[FileSignature]:
    """Replace every (path, payload) atomically and durably; returns the new signatures.

    All new files are written and fsynced first: if any of that fails, none of the
    targets changed. Then they are renamed in order, and their folders fsynced. A
    file that does not exist yet takes `template`'s mode (else it is private).
    """
    staged: list[_Staged] = []
    try:
        for path, payload in files:
            staged.append(_stage(path, payload, template))
    except BaseException:
        for done in staged:
            with contextlib.suppress(OSError):
                os.unlink(done.temp)
        raise
    renamed = 0
    try:
        for done in staged:
            os.replace(done.temp, done.target)
            renamed += 1
    finally:
        for done in staged[renamed:]:
            with contextlib.suppress(OSError):
                os.unlink(done.temp)
        for folder in dict.fromkeys(done.target.parent for done in staged[:renamed]):
            fsync_dir(folder)
    return [done.signature for done in staged]


def write_atomic(path: Path, payload: bytes, *, template: Path | None = None) -> FileSignature:
    """Replace `path` with `payload` atomically and durably; returns the new file's signature."""
    return replace_together([(path, payload)], template=template)[0]


def remove_stale_temp_files(path: Path) -> None:
    """Delete temporary files left beside `path` by writers killed mid-write.

    Only call this while holding the lock: every writer creates its temporary
    file under the lock, so any temporary file seen then belongs to a dead one.
    """
    for stale in path.parent.glob(temp_prefix(path) + "*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def remove_stale_temp_files_in(folder: Path) -> None:
    """`remove_stale_temp_files` for every file of `folder` (same rule: lock held)."""
    for stale in folder.glob(".*.tmp"):
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

    def _open(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.path, flags, NEW_FILE_MODE)
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise FileProblem(
                f"{visible_name(self.path)} is not a regular file, so it cannot be the lock",
                path=self.path,
                kind="special",
            )
        return fd

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        if self._fd is None:
            self._fd = self._open()
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
