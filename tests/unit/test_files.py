"""Opening outside files (files.py) and replacing files atomically (atomic_file.py)."""

from __future__ import annotations

import os
import signal
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from readerapp.core import atomic_file, files
from readerapp.core.article import ArticleError, load_article
from readerapp.core.atomic_file import FileLock, replace_together, write_atomic
from readerapp.core.files import FileProblem, check_regular, read_bytes, write_problem

AS_ROOT = os.geteuid() == 0


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A FIFO opened for reading blocks forever: make that a failure, not a stuck suite."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("blocked: a special file was opened for reading")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def fifo(tmp_path: Path, name: str = "pipe.txt") -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


def device(tmp_path: Path, name: str = "null.txt") -> Path:
    """A character device made in the test's folder (never the real /dev/null)."""
    if not AS_ROOT:
        pytest.skip("making a device node needs root")
    path = tmp_path / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("this system does not let us make a device node")
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_what_a_path_is_is_checked_before_opening(tmp_path: Path, unix_socket: Path) -> None:
    regular = tmp_path / "a.txt"
    regular.write_text("x")
    assert check_regular(regular) is not None and check_regular(tmp_path / "none") is None
    link = tmp_path / "link.txt"
    link.symlink_to(fifo(tmp_path))
    for path, words, kind in [
        (tmp_path, "is a directory", "directory"),
        (tmp_path / "pipe.txt", "is a named pipe (FIFO), not a regular file", "special"),
        (link, "is a named pipe (FIFO)", "special"),
        (unix_socket, "is a socket", "special"),
    ]:
        with pytest.raises(FileProblem) as caught:
            read_bytes(path, limit=100)
        assert words in str(caught.value) and caught.value.kind == kind
        assert "\n" not in str(caught.value) and isinstance(caught.value, OSError)


def test_a_device_is_refused_and_never_read(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a device"):
        read_bytes(device(tmp_path), limit=100)


def test_a_fifo_swapped_in_after_the_check_is_refused_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = fifo(tmp_path)
    regular = tmp_path / "a.txt"
    regular.write_text("x")
    monkeypatch.setattr(files, "check_regular", lambda p: os.stat(regular))  # the check lied
    with pytest.raises(FileProblem, match="named pipe"):
        files.open_regular(path)


def test_reads_stop_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_bytes(path, limit=100) == b"x" * 100
    with pytest.raises(FileProblem) as caught:
        read_bytes(path, limit=99)
    assert caught.value.kind == "too_large" and caught.value.size == 100


def test_names_in_messages_are_shown_with_visible_escapes(tmp_path: Path) -> None:
    path = tmp_path / "x\x1b]2;PWNED\x07.txt"
    with pytest.raises(FileProblem) as caught:
        read_bytes(path, limit=10)
    assert "\x1b" not in str(caught.value) and "\\x1b]2;PWNED\\x07.txt" in str(caught.value)


def test_load_article_refuses_special_files_in_one_line(tmp_path: Path) -> None:
    for path, words in [
        (fifo(tmp_path, "story.txt"), "named pipe"),
        (tmp_path, "open the folder as a library"),
        (tmp_path / "missing.txt", "no such file"),
    ]:
        with pytest.raises(ArticleError) as caught:
            load_article(path)
        assert words in str(caught.value) and "\n" not in str(caught.value)
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(11 * 2**20)
    with pytest.raises(ArticleError, match="is 11 MB; readerapp opens articles up to 10 MB"):
        load_article(big)


def test_write_problem_says_why_a_file_must_not_be_replaced(tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    assert write_problem(target) is None
    assert write_problem(tmp_path / "new" / "deeper" / "notes.json") is None
    target.write_text("{}")
    target.chmod(0o444)
    assert write_problem(target) == f"{target} is read-only (mode 0444)"  # even for root
    assert "is a named pipe" in str(write_problem(fifo(tmp_path)))
    assert "is a directory" in str(write_problem(tmp_path))
    (tmp_path / "file").write_text("")
    assert write_problem(tmp_path / "file" / "notes.json") == f"{tmp_path / 'file'} is not a folder"


def test_the_atomic_replace_keeps_the_mode_and_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "notes.json"
    real.parent.mkdir()
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "notes.json"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.json"
    write_atomic(fresh, b"x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600  # notes are private
    like = tmp_path / "like.json"
    write_atomic(like, b"x", template=real)
    assert stat.S_IMODE(like.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "fresh.json",
        "like.json",
        "notes.json",
        "synced",
    ]


@pytest.mark.skipif(not AS_ROOT, reason="only root can give a file to another user")
def test_the_atomic_replace_keeps_the_owner(tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    target.write_text("old")
    os.chown(target, 65534, 65534)
    write_atomic(target, b"new")
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)


def test_special_and_read_only_targets_are_never_replaced(
    tmp_path: Path, unix_socket: Path
) -> None:
    read_only = tmp_path / "ro.json"
    read_only.write_text("keep")
    read_only.chmod(0o444)
    link = tmp_path / "to-pipe.json"
    link.symlink_to(fifo(tmp_path))
    for target in (read_only, tmp_path / "pipe.txt", link, unix_socket, tmp_path):
        kind = target.lstat().st_mode
        with pytest.raises(FileProblem) as caught:
            write_atomic(target, b"new")
        assert "not replaced" in str(caught.value) or caught.value.kind != "read_only"
        assert target.lstat().st_mode == kind
    assert read_only.read_text() == "keep" and link.is_symlink()
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_device_is_never_replaced(tmp_path: Path) -> None:
    node = device(tmp_path)
    link = tmp_path / "db.json"
    link.symlink_to(node)
    with pytest.raises(FileProblem, match="is a device"):
        write_atomic(link, b"new")
    assert stat.S_ISCHR(node.lstat().st_mode) and link.is_symlink()


def test_files_replaced_together_all_change_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text("a0")
    b.write_text("b0")
    replace_together([(a, b"a1"), (b, b"b1")])
    assert (a.read_text(), b.read_text()) == ("a1", "b1")
    real_stage = atomic_file._stage

    def second_fails(path: Path, payload: bytes, template: Path | None) -> object:
        if path == b:
            raise OSError(28, "No space left on device")
        return real_stage(path, payload, template)

    monkeypatch.setattr(atomic_file, "_stage", second_fails)
    with pytest.raises(OSError, match="No space"):
        replace_together([(a, b"a2"), (b, b"b2")])
    assert (a.read_text(), b.read_text()) == ("a1", "b1") and not list(tmp_path.glob(".*.tmp"))


def test_the_lock_file_must_be_a_regular_file(tmp_path: Path) -> None:
    fifo(tmp_path, "notes.json.lock")
    lock = FileLock(tmp_path / "notes.json")
    with pytest.raises(FileProblem, match="cannot be the lock"), lock.held():
        pass
