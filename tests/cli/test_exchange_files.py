"""Files export and import were not asked to write are never written; special files
are refused before they are opened (so nothing hangs); a symlink is written through."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_checks import assert_one_line_error, run_main
from readerapp.core.annotation import Annotation, ArticleRef, TextSelector
from readerapp.core.exchange import ArticleNotes, render
from readerapp.core.store import AnnotationStore

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
REF = ArticleRef("d" * 64, "/elsewhere/story.txt", "Story")
NOTE = Annotation(
    id="urn:uuid:00000000-0000-4000-8000-000000000001",
    article=REF,
    selector=TextSelector("words", "", "", 0, 5),
    note="kept",
    created="2026-11-24T10:00:00.000Z",
)


@pytest.fixture
def db(isolated_db: Path) -> Path:
    with AnnotationStore(isolated_db) as store:
        store.save(NOTE)
    return isolated_db


def special(kind: str, path: Path) -> Path:
    """A FIFO, a socket or a device node (made here, never the real /dev/null)."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "device":
        if not AS_ROOT:
            pytest.skip("making a device node needs root")
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    elif kind == "directory":
        path.mkdir()
    return path


def run_with_timeout(*args: str) -> subprocess.CompletedProcess[str]:
    """A subprocess, so a command that opened a FIFO would be caught hanging, not hang us."""
    return subprocess.run(
        [sys.executable, "-m", "readerapp", *args], capture_output=True, text=True, timeout=60
    )


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert_one_line_error(result.returncode, result.stderr, *words)


KINDS = ["fifo", "socket", "device", "directory"]
WORDS = {"fifo": "FIFO", "socket": "socket", "device": "device", "directory": "directory"}


@pytest.mark.parametrize("kind", KINDS)
def test_export_onto_a_special_file_is_refused_even_with_force(tmp_path, db, kind):
    node = special(kind, tmp_path / "node")
    assert_refused(run_with_timeout("export", "-o", str(node), "--force"), WORDS[kind])
    link = tmp_path / "link-to-node"
    link.symlink_to(node)
    assert_refused(run_with_timeout("export", "-o", str(link), "--force"), WORDS[kind])
    assert link.is_symlink()


@pytest.mark.parametrize("kind", KINDS)
def test_import_of_a_special_file_is_refused_before_opening(tmp_path, db, kind):
    before = db.read_bytes()
    node = special(kind, tmp_path / "node.json")
    assert_refused(run_with_timeout("import", str(node)), WORDS[kind], "nothing was imported")
    assert db.read_bytes() == before


@pytest.mark.parametrize("kind", ["fifo", "socket", "device", "directory"])
@pytest.mark.parametrize("command", ["export", "import"])
def test_a_database_that_is_a_special_file_is_refused(tmp_path, command, kind):
    node = special(kind, tmp_path / "db-node")
    export = tmp_path / "in.json"
    export.write_bytes(render([ArticleNotes(REF, (NOTE,))], "json"))
    args = ["export"] if command == "export" else ["import", str(export)]
    assert_refused(run_with_timeout(*args, "--db", str(node)), WORDS[kind])


def test_force_onto_a_symlink_writes_its_target_and_keeps_the_link(capsys, tmp_path, db):
    target = tmp_path / "real" / "notes.json"
    target.parent.mkdir()
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "notes-link.json"
    link.symlink_to(target)
    assert_one_line_error(*run_main(capsys, "export", "-o", str(link))[::2], "already exists")
    code, _, err = run_main(capsys, "export", "-o", str(link), "--force")
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert '"kept"' in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in target.parent.iterdir()] == ["notes.json"]  # no temp file left


def test_export_keeps_an_existing_files_mode(capsys, tmp_path, db):
    out = tmp_path / "shared.md"
    out.write_text("old")
    out.chmod(0o664)
    assert run_main(capsys, "export", "--format", "md", "-o", str(out), "--force")[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o664 and "kept" in out.read_text()


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="readerapp-perm-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.chmod(0o700)
            path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
        folder.rmdir()


def import_as_nobody(export: Path, db: Path) -> subprocess.CompletedProcess[str]:
    """`readerapp import` as user 65534. The interpreter may live where that user cannot
    read, so everything the command needs is imported first, as root."""
    script = (
        "import locale, os, sys\n"
        "from readerapp.cli import main\n"
        "import readerapp.commands.import_ as command, readerapp.core.safe_text\n"
        "command.parser()\n"
        "os.setgid(65534); os.setuid(65534)\n"
        f"sys.exit(main(['import', {str(export)!r}, '--db', {str(db)!r}]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )


@pytest.mark.skipif(not AS_ROOT, reason="needs root to run the command as another user")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_import_into_a_database_this_user_cannot_write_is_refused(shared_folder, what):
    export = shared_folder / "in.json"
    export.write_bytes(render([ArticleNotes(REF, (NOTE,))], "json"))
    export.chmod(0o644)
    db = shared_folder / "db" / "annotations.json"
    db.parent.mkdir()
    with AnnotationStore(db) as store:
        store.save(NOTE.edited(note="mine"))
    if what == "file":
        db.parent.chmod(0o777)
        db.chmod(0o444)
    else:
        db.parent.chmod(0o755)
        db.chmod(0o666)
    before = (db.read_bytes(), stat.S_IMODE(db.stat().st_mode), sorted(db.parent.iterdir()))
    result = import_as_nobody(export, db)
    if "Permission denied" in result.stderr and "readerapp:" not in result.stderr:
        pytest.skip("this interpreter cannot run as another user")
    assert_refused(result, str(db))
    assert "read-only" in result.stderr if what == "file" else "cannot write" in result.stderr
    assert (db.read_bytes(), stat.S_IMODE(db.stat().st_mode), sorted(db.parent.iterdir())) == before
