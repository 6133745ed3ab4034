"""The database's own files: never a special file, never one the user may not write."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, new_id
from readerapp.core.article import parse_article
from readerapp.core.notebook import Notebook, ReadOnlyNotebook, Target
from readerapp.core.store import AnnotationStore, StoreError, database_exists, folder_of, open_store

AS_ROOT = os.geteuid() == 0
NOBODY = 65534


def make(sha: str = "1" * 64) -> Annotation:
    return Annotation(
        id=new_id(),
        article=ArticleRef(sha, "/a.txt", "A"),
        selector=TextSelector.from_text("Some words here.", 0, 4),
        colour="yellow",
    )


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("blocked: a special file was opened for reading")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def everything_under(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each entry's mode and contents (or link target), to show nothing changed."""
    found = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        if stat.S_ISREG(st.st_mode):
            body = path.read_bytes()
        elif path.is_symlink():
            body = os.readlink(path).encode()
        else:
            body = b""
        found[str(path)] = (st.st_mode, body)
    return found


def special_paths(tmp_path: Path) -> dict[str, Path]:
    made = {"directory": tmp_path / "dir.json", "fifo": tmp_path / "pipe.json"}
    made["directory"].mkdir()
    os.mkfifo(made["fifo"])
    link = tmp_path / "link-to-pipe.json"
    link.symlink_to(made["fifo"])
    made["symlink to a fifo"] = link
    node = tmp_path / "null"  # a device of the test's own, never the real /dev/null
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        return made  # only root makes device nodes: that case is skipped
    device_link = tmp_path / "link-to-device.json"
    device_link.symlink_to(node)
    made["symlink to a device"] = device_link
    return made


@pytest.mark.parametrize(
    "kind", ["directory", "fifo", "symlink to a fifo", "symlink to a device", "socket"]
)
def test_a_special_file_as_database_is_refused_before_opening(tmp_path: Path, kind: str) -> None:
    import socket

    server = None
    if kind == "socket":
        path = tmp_path / "sock.json"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        made = special_paths(tmp_path)
        if kind not in made:
            pytest.skip("making a device node needs root")
        path = made[kind]
    before = everything_under(tmp_path)
    try:
        with pytest.raises(StoreError) as caught:
            AnnotationStore(path)
        assert caught.value.kind == "special" and not caught.value.recoverable
        assert "\n" not in str(caught.value) and "--db" in str(caught.value)
        store = open_store(path)
        assert store.read_only and store.all() == [] and store.read_only_reason
        with pytest.raises(StoreError):
            store.save(make())
        with pytest.raises(StoreError):
            AnnotationStore(path, read_only=True)
    finally:
        if server is not None:
            server.close()
    assert everything_under(tmp_path) == before


def test_a_file_where_the_folder_of_articles_belongs_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    folder_of(db).write_text("not a folder")
    with pytest.raises(StoreError, match="is not a folder"):
        AnnotationStore(db)
    assert open_store(db).read_only


def test_a_database_that_must_exist(tmp_path: Path) -> None:
    db = tmp_path / "missing.json"
    with pytest.raises(StoreError) as caught:
        AnnotationStore(db, read_only=True, must_exist=True)
    assert caught.value.kind == "missing" and "no such database" in str(caught.value)
    assert not database_exists(db) and not db.exists()
    AnnotationStore(db).save(make())
    assert database_exists(db) and AnnotationStore(db, read_only=True, must_exist=True).all()


def test_a_read_only_database_is_never_replaced_even_by_root(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    AnnotationStore(db).save(make())
    db.chmod(0o444)
    before = everything_under(tmp_path)
    with pytest.raises(StoreError) as caught:
        AnnotationStore(db)  # what `readerapp import` does: it must refuse
    assert caught.value.kind == "read_only" and "mode 0444" in str(caught.value)
    store = open_store(db)  # what the reader does: open read-only and say why
    assert store.read_only and store.error is None and len(store.all()) == 1
    assert store.read_only_reason and "mode 0444" in store.read_only_reason
    article = parse_article("Title\n\nSome words here.")
    notebook = Notebook(store, article)
    notebook.load()
    with pytest.raises(ReadOnlyNotebook, match="mode 0444"):
        notebook.annotate(Target((0, 4)), colour="blue")
    assert everything_under(tmp_path) == before


def test_the_database_keeps_its_mode_and_its_files_take_it(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    AnnotationStore(db).save(make())
    db.chmod(0o640)
    store = AnnotationStore(db)
    store.save(make("2" * 64))  # a new article: its file is new, the index is rewritten
    assert stat.S_IMODE(db.stat().st_mode) == 0o640
    shard = folder_of(db) / f"{'2' * 64}.json"
    assert stat.S_IMODE(shard.stat().st_mode) == 0o640


@pytest.mark.skipif(not AS_ROOT, reason="only root can give files to another user")
def test_root_saving_into_a_users_database_leaves_it_the_users(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    AnnotationStore(db).save(make())
    for path in [db, *folder_of(db).iterdir()]:
        os.chown(path, NOBODY, NOBODY)
    store = AnnotationStore(db)
    store.save(make())
    store.save(make("2" * 64))
    owners = {(p.stat().st_uid, p.stat().st_gid) for p in [db, *folder_of(db).iterdir()]}
    assert owners == {(NOBODY, NOBODY)}


def test_a_database_that_is_a_symlink_stays_one(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "notes.json"
    real.parent.mkdir()
    link = tmp_path / "annotations.json"
    link.symlink_to(real)
    a = make()
    AnnotationStore(link).save(a)
    assert link.is_symlink() and AnnotationStore(real).all() == [a]
    assert folder_of(link) == folder_of(real) and folder_of(real).parent == real.parent
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations.json", "synced"]


# -- as a user who is not root: the modes apply --------------------------------------------


def as_nobody(work: Callable[[], object]) -> object:
    """`work()` run by a user who is not root, in a forked child; its JSON result.

    As root, the child drops to `nobody` (nothing new is imported: the interpreter and
    readerapp are already loaded, so folders nobody may not read do not matter). As
    another user, the test runs as that user. Skips where neither is possible.
    """
    if not AS_ROOT:
        return json.loads(json.dumps(work()))
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            result = json.dumps({"ok": work()})
        except PermissionError as err:
            result = json.dumps({"skip": str(err)})
        except BaseException as err:  # reported to the parent, which fails the test
            result = json.dumps({"error": f"{type(err).__name__}: {err}"})
            code = 1
        os.write(write_fd, result.encode())
        os._exit(code)
    os.close(write_fd)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    os.waitpid(pid, 0)
    answer = json.loads(b"".join(chunks) or b'{"error": "the child said nothing"}')
    if "skip" in answer:
        pytest.skip(f"cannot become another user here: {answer['skip']}")
    assert "error" not in answer, answer["error"]
    return answer["ok"]


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder every user can enter (pytest's own tmp folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="readerapp-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_database_in_a_folder_the_user_cannot_write_opens_read_only(shared_tmp: Path) -> None:
    db = shared_tmp / "notes.json"
    AnnotationStore(db).save(make())
    for path in [db, *folder_of(db).iterdir()]:
        path.chmod(0o644)
    folder_of(db).chmod(0o755)
    before = everything_under(shared_tmp)

    def try_to_write() -> dict[str, object]:
        try:
            AnnotationStore(db)
            refused = ""
        except StoreError as err:
            refused = f"{err.kind}: {err}"
        store = open_store(db)
        try:
            store.save(make())
            saved = True
        except StoreError:
            saved = False
        return {
            "refused": refused,
            "reason": store.read_only_reason,
            "read": len(store.all()),
            "saved": saved,
        }

    if not AS_ROOT:
        shared_tmp.chmod(0o555)  # as an ordinary user: take our own write permission away
    try:
        result = as_nobody(try_to_write)
    finally:
        shared_tmp.chmod(0o755)
    assert isinstance(result, dict)
    assert str(result["refused"]).startswith("read_only: ") and "not writable" in str(
        result["refused"]
    )
    assert result["reason"] and "not writable by you" in str(result["reason"])
    assert result["read"] == 1 and result["saved"] is False
    assert everything_under(shared_tmp) == before


def test_a_database_owned_by_someone_else_is_not_written(shared_tmp: Path) -> None:
    if not AS_ROOT:
        pytest.skip("needs a file owned by another user")
    db = shared_tmp / "notes.json"
    AnnotationStore(db).save(make())
    shared_tmp.chmod(0o777)  # nobody could make files here, but the database is root's
    folder_of(db).chmod(0o777)
    before = everything_under(shared_tmp)

    def try_to_write() -> str:
        try:
            AnnotationStore(db)
        except StoreError as err:
            return f"{err.kind}: {err}"
        return "opened for writing"

    reason = f"Notes are read-only because {db} is not writable by you; changes are not saved."
    assert as_nobody(try_to_write) == f"read_only: {reason}"
    assert everything_under(shared_tmp) == before
