"""The store and files it did not write: corrupt or newer databases, migrations, repairs."""

from __future__ import annotations

import errno
from pathlib import Path

import orjson
import pytest

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, new_id, to_record
from readerapp.core.store import (
    SCHEMA,
    AnnotationStore,
    MergeReport,
    StoreError,
    folder_of,
    open_store,
)
from readerapp.core.store.schema import shard_name

TEXT = "Mr Khan said the party “will survive” — and 🙂 nobody believed him. " * 4
SHA1 = "1" * 64


def make(
    sha: str = SHA1,
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


def shard_file(db: Path, sha: str = SHA1) -> Path:
    return db.with_name(db.name + ".d") / f"{shard_name(sha)}.json"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "annotations.json"


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
    assert store.read_only_reason and "read-only" in store.read_only_reason
    with pytest.raises(StoreError, match="read-only"):
        store.save(make())
    assert db.read_bytes() == content and sorted(db.parent.iterdir()) == [db]

    backup = store.move_aside()
    assert backup.parent.resolve() == db.parent.resolve()
    assert backup.name.startswith("annotations.json.corrupt-")
    assert backup.read_bytes() == content and not db.exists()
    assert not store.read_only and store.error is None and store.all() == []
    a = make()
    store.save(a)
    assert AnnotationStore(db).all() == [a]


def test_an_article_file_we_do_not_understand_is_never_modified(db: Path) -> None:
    store = AnnotationStore(db)
    a = make()
    store.save(a)
    shard = shard_file(db)
    shard.write_bytes(b'{"meta": {"1": {"schema": 7}}, "annotations": {}}')
    for reader in (store, AnnotationStore(db)):
        with pytest.raises(StoreError) as caught:
            reader.for_article(a.article)
        assert caught.value.kind == "newer" and str(shard) in str(caught.value)
        with pytest.raises(StoreError):
            reader.save(a.edited(note="x"))
    assert shard.read_bytes() == b'{"meta": {"1": {"schema": 7}}, "annotations": {}}'


def test_moving_a_database_aside_takes_its_folder_along(db: Path) -> None:
    a = make()
    AnnotationStore(db).save(a)
    db.write_bytes(b'{"meta": {"1": {"schema": 3}}, "shards": {}}')  # a newer readerapp's
    store = open_store(db)
    assert store.read_only and store.error is not None and store.error.kind == "newer"
    backup = store.move_aside()
    folder = backup.with_name(backup.name.replace("annotations.json", "annotations.json.d"))
    assert (folder / f"{shard_name(SHA1)}.json").exists() and not folder_of(db).exists()
    assert store.all() == [] and not store.read_only
    store.save(make())
    assert len(AnnotationStore(db).all()) == 1


def test_move_aside_twice_in_a_second_keeps_both_backups(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"{bad")
    first = open_store(db).move_aside()
    db.write_bytes(b"{worse")
    second = open_store(db).move_aside()
    assert first != second and first.read_bytes() == b"{bad" and second.read_bytes() == b"{worse"


V0_FILE = {
    "_default": {
        "1": {
            "id": "urn:uuid:00000000-0000-0000-0000-000000000001",
            "article": {"sha256": SHA1, "path": "/a.txt", "title": "A"},
            "selector": {"exact": "Mr Khan", "prefix": "", "suffix": " said", "start": 0, "end": 7},
            "color": "green",
            "tags": ["needs source"],
            "note": "check",
            "created": "2025-01-02T03:04:05.000Z",
        },
        "2": {
            "article": {"sha256": SHA1},
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
    assert sorted(p.name for p in db.parent.iterdir()) == ["annotations.json"]

    store.save(first.edited(note="checked"))
    data = orjson.loads(db.read_bytes())
    assert data["meta"] == {"1": {"schema": SCHEMA}} and set(data) == {"meta", "shards"}
    assert set(orjson.loads(shard_file(db).read_bytes())["annotations"]) == {first.id, second.id}
    assert (db.parent / "annotations.json.schema0-backup").read_bytes() == original
    assert [a.note for a in AnnotationStore(db).all()] == ["checked", ""]


def v1_file(*records: dict[str, object]) -> bytes:
    return orjson.dumps(
        {"meta": {"1": {"schema": 1}}, "annotations": {str(r["id"]): r for r in records}}
    )


def test_a_v1_database_is_split_by_article_with_naive_times_made_utc(db: Path) -> None:
    a, b = make(note="a"), make("2" * 64, path="/b.txt", title="B", tags=("t",))
    naive = {**to_record(a), "created": "2026-03-01T10:00:00", "updated": "2026-03-01T10:00:00"}
    for key in ("revision", "deleted"):
        del naive[key]  # schema 1 had neither
    db.parent.mkdir(parents=True)
    original = v1_file(naive, to_record(b))
    db.write_bytes(original)
    store = AnnotationStore(db)
    assert store.get(a.id).updated == "2026-03-01T10:00:00.000Z"  # type: ignore[union-attr]
    assert store.counts_by_article() == {SHA1: 1, "2" * 64: 1} and store.tag_counts() == {"t": 1}
    store.save(make("3" * 64))
    assert (db.parent / "annotations.json.schema1-backup").read_bytes() == original
    stored = orjson.loads(shard_file(db).read_bytes())["annotations"][a.id]
    assert stored["created"] == stored["updated"] == "2026-03-01T10:00:00.000Z"
    assert len(AnnotationStore(db)) == 3 and shard_file(db, "2" * 64).exists()


def test_a_migration_cut_short_reads_the_same_and_finishes_later(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = make(note="a"), make("2" * 64, note="b")
    db.parent.mkdir(parents=True)
    original = v1_file(to_record(a), to_record(b))
    db.write_bytes(original)
    from readerapp.core.store.catalog import Catalog

    def crash(*args: object) -> None:
        raise OSError(errno.EIO, "power cut")

    with monkeypatch.context() as patched:
        patched.setattr(Catalog, "replace", crash)  # the shards are written, the index is not
        with pytest.raises(StoreError):
            AnnotationStore(db).save(a.edited(note="a2"))
    assert db.read_bytes() == original and shard_file(db).exists()
    assert {x.note for x in AnnotationStore(db).all()} == {"a", "b"}  # reads as before
    AnnotationStore(db).save(b.edited(note="b2"))
    assert {x.note for x in AnnotationStore(db).all()} == {"a", "b2"}
    assert orjson.loads(db.read_bytes())["meta"] == {"1": {"schema": SCHEMA}}


def test_empty_file_or_empty_object_is_a_new_database(db: Path) -> None:
    db.parent.mkdir(parents=True)
    for content in (b"", b"{}", b'{"_default": {}}'):
        db.write_bytes(content)
        store = AnnotationStore(db)
        assert store.all() == []
        store.save(make())
        assert len(AnnotationStore(db).all()) == 1
        store.close()
        for path in db.with_name(db.name + ".d").iterdir():
            path.unlink()


def test_a_malformed_record_is_kept_but_not_shown(db: Path) -> None:
    good = make()
    db.parent.mkdir(parents=True)
    db.write_bytes(v1_file({"id": "bad", "article": {"sha256": SHA1}}, to_record(good)))
    store = AnnotationStore(db)
    assert store.all() == [good] and store.for_article(ArticleRef(SHA1)) == [good]
    store.save(make())
    assert "bad" in orjson.loads(shard_file(db).read_bytes())["annotations"]


def test_merge_repairs_an_unreadable_record_with_the_same_id(db: Path) -> None:
    good = make()
    db.parent.mkdir(parents=True)
    db.write_bytes(v1_file({"id": good.id, "article": {"sha256": SHA1}, "garbage": True}))
    store = AnnotationStore(db)
    assert store.all() == []
    assert store.merge([good]) == MergeReport(updated=1) and AnnotationStore(db).all() == [good]
