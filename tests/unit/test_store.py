"""The annotation store: round trips, article lookup, merge, corrupt files, migration, threads."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import orjson
import pytest

from readerapp.core.annotation import Annotation, ArticleRef, Link, TextSelector, new_id, to_record
from readerapp.core.store import (
    SCHEMA,
    AnnotationStore,
    StoreError,
    open_store,
)

TEXT = "Mr Khan said the party “will survive” — and 🙂 nobody believed him. " * 4


def make(
    sha: str = "s1",
    start: int = 0,
    end: int = 10,
    *,
    path: str = "/a.txt",
    title: str = "A",
    **kw: object,
) -> Annotation:
    return Annotation(
        id=new_id(),
        article=ArticleRef(sha, path, title),
        selector=TextSelector.from_text(TEXT, start, end),
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "annotations.json"


def test_nothing_is_created_until_the_first_write(db: Path) -> None:
    store = AnnotationStore(db)
    assert store.all() == [] and store.for_article(ArticleRef("x")) == []
    assert not db.parent.exists()
    store.save(make())
    assert db.exists()


def test_save_is_on_disk_when_it_returns_and_round_trips(db: Path) -> None:
    a = make(
        colour="pink",
        tags=("needs source", "ß"),
        note="line 1\nline 2 ✓",
        link=Link("speaker", "Khan"),
    )
    AnnotationStore(db).save(a)
    again = AnnotationStore(db)
    assert again.get(a.id) == a
    data = orjson.loads(db.read_bytes())
    assert data["meta"] == {"1": {"schema": SCHEMA}}
    assert data["annotations"][a.id] == to_record(a)


def test_save_replaces_by_id_and_delete_removes(db: Path) -> None:
    store = AnnotationStore(db)
    a = make(note="first")
    store.save(a)
    b = a.edited(note="second")
    store.save(b)
    assert store.all() == [b]
    store.delete(a.id)
    store.delete("no-such-id")  # no error
    assert store.all() == [] and AnnotationStore(db).all() == []


def test_for_article_by_sha_then_path_then_title_in_text_order(db: Path) -> None:
    store = AnnotationStore(db)
    late, early = make("s1", 30, 40), make("s1", 5, 9)
    old_version = make("s0", 12, 20)  # same path, text edited since
    other = make("s9", 0, 4, path="/other.txt", title="Other")
    for a in (late, early, old_version, other):
        store.save(a)
    assert store.for_article(ArticleRef("s1", "/a.txt", "A")) == [early, old_version, late]
    assert store.for_article(ArticleRef("s1")) == [early, late]
    assert store.for_article(ArticleRef("new", "/moved.txt", "Other")) == [other]
    assert store.for_article(ArticleRef("new", "/moved.txt", "Nope")) == []
    assert store.counts_by_article() == {"s1": 2, "s0": 1, "s9": 1}


def test_merge_is_idempotent_and_newer_wins(db: Path) -> None:
    store = AnnotationStore(db)
    a, b = make(note="a"), make(note="b")
    store.save(a)
    older_a = Annotation(**{**a.__dict__, "note": "stale", "updated": "2000-01-01T00:00:00.000Z"})
    newer_b = b.edited(note="b2")
    assert store.merge([older_a, b, newer_b]) == 1  # b2 only: a is newer in the store
    assert store.get(a.id) == a and store.get(b.id) == newer_b
    size = db.stat().st_mtime_ns
    assert store.merge([older_a, newer_b]) == 0
    assert db.stat().st_mtime_ns == size  # nothing to change: no write
    c = a.edited(note="c")
    assert store.merge([c]) == 1 and store.get(a.id) == c


def test_merge_is_all_or_nothing(db: Path) -> None:
    store = AnnotationStore(db)
    store.save(make())
    before = db.read_bytes()
    with pytest.raises(AttributeError):
        store.merge([make(), "not an annotation"])  # type: ignore[list-item]
    assert db.read_bytes() == before and len(store.all()) == 1


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"meta": {"1": {"schema": 1}},\n"annotations": {\n  oops', "invalid JSON at line 3"),
        (b"\xff\xfe garbage", "invalid JSON at line 1"),
        (b"[1, 2, 3]", "not a set of tables"),
        (b'{"people": {"1": {"name": "x"}}}', "no annotations table"),
        (b'{"meta": {"1": {"schema": "one"}}}', "schema version is unreadable"),
        (b'{"meta": {"1": {"schema": 99}}, "annotations": {}}', "newer readerapp"),
    ],
)
def test_a_file_we_do_not_understand_is_never_modified(
    db: Path, content: bytes, words: str
) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        AnnotationStore(db)
    message = str(caught.value)
    assert words in message and str(db) in message and "left untouched" in message
    assert message.count(". ") == 0 and "\n" not in message  # one sentence
    assert caught.value.recoverable

    store = open_store(db)
    assert store.read_only and store.error is not None and store.all() == []
    with pytest.raises(StoreError, match="read-only"):
        store.save(make())
    assert db.read_bytes() == content

    backup = store.move_aside()
    assert backup.parent.resolve() == db.parent.resolve()
    assert backup.name.startswith("annotations.json.corrupt-")
    assert backup.read_bytes() == content and not db.exists()
    assert not store.read_only and store.error is None
    a = make()
    store.save(a)
    assert AnnotationStore(db).all() == [a]


def test_move_aside_twice_in_a_second_keeps_both_backups(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"{bad")
    first = open_store(db).move_aside()
    db.write_bytes(b"{worse")
    second = open_store(db).move_aside()
    assert first != second and first.read_bytes() == b"{bad" and second.read_bytes() == b"{worse"


def test_read_only_store_reads_but_never_writes(db: Path) -> None:
    a = make()
    AnnotationStore(db).save(a)
    before = db.read_bytes()
    store = AnnotationStore(db, read_only=True)
    assert store.all() == [a]
    for change in (
        lambda: store.save(make()),
        lambda: store.delete(a.id),
        lambda: store.merge([make()]),
    ):
        with pytest.raises(StoreError) as caught:
            change()
        assert caught.value.kind == "read_only"
    assert db.read_bytes() == before and store.all() == [a]


V0_FILE = {
    "_default": {
        "1": {
            "id": "urn:uuid:00000000-0000-0000-0000-000000000001",
            "article": {"sha256": "s1", "path": "/a.txt", "title": "A"},
            "selector": {"exact": "Mr Khan", "prefix": "", "suffix": " said", "start": 0, "end": 7},
            "color": "green",
            "tags": ["needs source"],
            "note": "check",
            "created": "2025-01-02T03:04:05.000Z",
        },
        "2": {
            "article": {"sha256": "s1"},
            "selector": {
                "exact": "party",
                "prefix": "said the ",
                "suffix": " “will",
                "start": 17,
                "end": 22,
            },
            "created": "2025-01-02T03:04:06.000Z",
        },
    }
}


def test_a_v0_database_is_migrated_and_the_original_kept(db: Path) -> None:
    db.parent.mkdir(parents=True)
    original = orjson.dumps(V0_FILE)
    db.write_bytes(original)
    store = AnnotationStore(db)
    first, second = store.all()
    assert first.colour == "green" and first.updated == first.created and first.link is None
    assert second.id.startswith("urn:uuid:") and second.tags == () and second.colour is None
    assert AnnotationStore(db).all()[1].id == second.id  # derived ids are stable
    assert db.read_bytes() == original  # reading never writes

    store.save(first.edited(note="checked"))
    data = orjson.loads(db.read_bytes())
    assert data["meta"] == {"1": {"schema": SCHEMA}} and "_default" not in data
    assert set(data["annotations"]) == {first.id, second.id}
    assert (db.parent / "annotations.json.schema0-backup").read_bytes() == original


def test_empty_file_or_empty_object_is_a_new_database(db: Path) -> None:
    db.parent.mkdir(parents=True)
    for content in (b"", b"{}", b'{"_default": {}}'):
        db.write_bytes(content)
        store = AnnotationStore(db)
        assert store.all() == []
        store.save(make())
        assert len(AnnotationStore(db).all()) == 1


def test_a_malformed_record_is_kept_but_not_shown(db: Path) -> None:
    good = make()
    db.parent.mkdir(parents=True)
    db.write_bytes(
        orjson.dumps(
            {
                "meta": {"1": {"schema": 1}},
                "annotations": {
                    "bad": {"id": "bad", "article": {"sha256": "s1"}},
                    good.id: to_record(good),
                },
            }
        )
    )
    store = AnnotationStore(db)
    assert store.all() == [good] and store.for_article(ArticleRef("s1")) == [good]
    store.save(make())
    assert "bad" in orjson.loads(db.read_bytes())["annotations"]


def test_two_stores_on_one_file_see_and_keep_each_others_saves(db: Path) -> None:
    one, two = AnnotationStore(db), AnnotationStore(db)
    a, b = make(), make()
    one.save(a)
    two.save(b)  # two must reload before writing, or a is lost
    assert {x.id for x in one.all()} == {a.id, b.id}
    one.delete(b.id)
    assert two.all() == [a]


def test_a_write_error_is_one_sentence_and_the_store_recovers(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AnnotationStore(db)
    a = make()
    store.save(a)
    before = db.read_bytes()

    def disk_full(path: Path, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("readerapp.core.store.write_atomic", disk_full)
    with pytest.raises(StoreError) as caught:
        store.save(make())
    assert caught.value.kind == "write_failed"
    assert "No space left on device" in str(caught.value) and "not saved" in str(caught.value)
    assert db.read_bytes() == before
    assert store.all() == [a]  # the failed change is not left in memory


def test_stale_temp_files_from_a_killed_writer_are_removed(db: Path) -> None:
    db.parent.mkdir(parents=True)
    stale = db.parent / ".annotations.json.abc123.tmp"
    stale.write_bytes(b"half a file")
    AnnotationStore(db).save(make())
    assert not stale.exists()


def test_threads_saving_at_once_lose_nothing(db: Path) -> None:
    store = AnnotationStore(db)
    made: list[str] = []

    def work() -> None:
        for _ in range(25):
            a = make()
            store.save(a)
            made.append(a.id)
            store.for_article(ArticleRef("s1"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {a.id for a in AnnotationStore(db).all()} == set(made) and len(made) == 100


def test_saves_into_a_file_of_ten_thousand_annotations_are_all_found(db: Path) -> None:
    """Behaviour at 10,000 notes; the speed is benchmarks/bench_save.py's job, not a test's."""
    store = AnnotationStore(db)
    store.merge(make(f"s{n % 10}", n % 200, n % 200 + 30) for n in range(10_000))
    added = [make() for _ in range(11)]
    for a in added:
        store.save(a)
    assert len(store.for_article(ArticleRef("s3"))) == 1000
    reopened = AnnotationStore(db, read_only=True)
    assert len(reopened.all()) == 10_011
    assert all(reopened.get(a.id) == a for a in added)


def test_a_database_that_is_a_symlink_stays_one(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "notes.json"
    real.parent.mkdir()
    link = tmp_path / "annotations.json"
    link.symlink_to(real)
    a = make()
    AnnotationStore(link).save(a)
    assert link.is_symlink() and AnnotationStore(real).all() == [a]


def test_merge_repairs_an_unreadable_record_with_the_same_id(db: Path) -> None:
    good = make()
    db.parent.mkdir(parents=True)
    db.write_bytes(
        orjson.dumps({"meta": {"1": {"schema": 1}}, "annotations": {good.id: ["garbage"]}})
    )
    store = AnnotationStore(db)
    assert store.all() == []
    assert store.merge([good]) == 1 and AnnotationStore(db).all() == [good]
