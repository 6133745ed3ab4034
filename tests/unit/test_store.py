"""The annotation store: layout, round trips, lookup, edits, merge, index, threads."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import orjson
import pytest

from readerapp.core.annotation import Annotation, ArticleRef, Link, TextSelector, new_id, to_record
from readerapp.core.edits import Edit
from readerapp.core.store import (
    SCHEMA,
    AnnotationStore,
    MergeReport,
    StoreError,
    database_exists,
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


EMPTY_INDEX = b'{"meta": {"1": {"schema": 2}}, "shards": {}}'


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "annotations.json"


def test_nothing_is_created_until_the_first_write(db: Path) -> None:
    store = AnnotationStore(db)
    assert store.all() == [] and store.for_article(ArticleRef("x")) == []
    assert not db.parent.exists() and not database_exists(db)
    store.save(make())
    assert db.exists() and database_exists(db)


def test_one_file_per_article_and_an_index_in_the_named_file(db: Path) -> None:
    a = make(
        colour="pink",
        tags=("needs source", "ß"),
        note="line 1\nline 2 ✓",
        link=Link("speaker", "Khan"),
    )
    AnnotationStore(db).save(a)
    again = AnnotationStore(db)
    assert again.get(a.id) == a
    shard = orjson.loads(shard_file(db).read_bytes())
    assert shard == {"meta": {"1": {"schema": SCHEMA}}, "annotations": {a.id: to_record(a)}}
    index = orjson.loads(db.read_bytes())
    assert index["meta"] == {"1": {"schema": SCHEMA}}
    (entry,) = index["shards"].values()
    assert entry["sha256"] == SHA1 and entry["refs"] == [{"path": "/a.txt", "title": "A"}]
    assert entry["live"] == 1 and entry["tags"] == {"needs source": 1, "ß": 1}


def test_a_save_rewrites_only_its_own_article(db: Path) -> None:
    store = AnnotationStore(db)
    others = [make(f"{n:064x}") for n in range(5)]
    store.merge(others)
    before = {p: p.stat().st_ino for p in db.with_name(db.name + ".d").iterdir()}
    index = db.stat().st_ino
    mine = others[2]
    for n in range(3):
        store.save(mine.edited(note=f"v{n}"))
    after = {p: p.stat().st_ino for p in before}
    changed = [p for p in before if before[p] != after[p]]
    assert changed == [shard_file(db, mine.article.sha256)]
    assert db.stat().st_ino == index  # the index stays as it was: nothing new to find
    assert AnnotationStore(db).get(mine.id).note == "v2"  # type: ignore[union-attr]


def test_save_replaces_by_id_and_delete_leaves_a_tombstone(db: Path) -> None:
    store = AnnotationStore(db)
    a = make(note="first")
    store.save(a)
    b = a.edited(note="second")
    store.save(b)
    assert store.all() == [b]
    store.delete(a.id)
    store.delete("no-such-id")  # no error
    assert store.all() == [] and AnnotationStore(db).all() == []
    (gone,) = AnnotationStore(db).all(include_deleted=True)
    assert gone.deleted and gone.revision == b.revision + 1 and gone.note == "second"
    assert len(store) == 0 and store.counts_by_article() == {}


def test_for_article_by_sha_then_path_then_title_in_text_order(db: Path) -> None:
    store = AnnotationStore(db)
    late, early = make(SHA1, 30, 40), make(SHA1, 5, 9)
    old_version = make("0" * 64, 12, 20)  # same path, text edited since
    other = make("9" * 64, 0, 4, path="/other.txt", title="Other")
    for a in (late, early, old_version, other):
        store.save(a)
    for reader in (store, AnnotationStore(db, read_only=True)):
        assert reader.for_article(ArticleRef(SHA1, "/a.txt", "A")) == [early, old_version, late]
        assert reader.for_article(ArticleRef(SHA1)) == [early, late]
        assert reader.for_article(ArticleRef("new", "/moved.txt", "Other")) == [other]
        assert reader.for_article(ArticleRef("new", "/moved.txt", "Nope")) == []
        assert reader.counts_by_article() == {SHA1: 2, "0" * 64: 1, "9" * 64: 1}


def test_an_index_that_is_behind_is_made_good_from_the_article_files(db: Path) -> None:
    store = AnnotationStore(db)
    kept = make("2" * 64, path="/b.txt", title="B", tags=("x",))
    store.save(kept)
    store.close()
    db.write_bytes(EMPTY_INDEX)  # the index is derived data: it lists nothing now
    again = AnnotationStore(db)
    assert again.for_article(ArticleRef("new", "/b.txt")) == [kept]
    assert again.tag_counts() == {"x": 1} and len(again) == 1
    # another process changes a shard without touching the index: counts follow the file
    other = AnnotationStore(db)
    other.save(kept.edited(tags=("y", "z")))
    assert again.tag_counts() == {"y": 1, "z": 1}
    again.close()
    assert len(orjson.loads(db.read_bytes())["shards"]) == 1  # written back on close


def test_a_deleted_database_stays_deleted_and_its_folder_is_kept_aside(db: Path) -> None:
    old = make(note="from the deleted database")
    AnnotationStore(db).save(old)
    db.unlink()  # the user deletes the file they named: the notes go with it
    store = AnnotationStore(db)
    assert store.all() == [] and not database_exists(db)
    assert store.for_article(old.article) == [] and store.get(old.id) is None
    assert store.merge([old]) == MergeReport(added=1)  # an import starts the new database
    new = make(note="new")
    store.save(new)
    assert {a.id for a in AnnotationStore(db).all()} == {old.id, new.id}
    (aside,) = db.parent.glob("annotations.json.d.orphaned-*")
    assert old.id in (aside / f"{shard_name(SHA1)}.json").read_text()  # never deleted


def test_apply_replays_only_the_edited_fields_on_the_stored_record(db: Path) -> None:
    one, two = AnnotationStore(db), AnnotationStore(db)
    a = make(colour="yellow", note="n")
    one.save(a)
    tagged = a.edited(tags=("needs source",))
    assert one.apply(Edit(a, tagged)).changed
    outcome = two.apply(Edit(a, a.edited(colour="blue")))  # two's copy has no tag
    assert outcome.changed and outcome.conflicts == ()
    saved = AnnotationStore(db).get(a.id)
    assert saved is not None
    assert (saved.colour, saved.tags, saved.note) == ("blue", ("needs source",), "n")
    assert saved.revision == 3

    conflict = one.apply(Edit(a, a.edited(colour="green")))  # one never saw "blue"
    assert conflict.conflicts == ("colour",) and conflict.message and "colour" in conflict.message

    two.delete(a.id)
    refused = one.apply(Edit(tagged, tagged.edited(note="stale")))
    assert refused.refused and not refused.changed
    assert AnnotationStore(db).all() == []


def test_merge_reports_counts_and_the_newer_copy_wins(db: Path) -> None:
    store = AnnotationStore(db)
    a, b, gone = make(note="a"), make(note="b"), make(note="to delete")
    store.merge([a, gone])
    older_a = Annotation(**{**a.__dict__, "note": "stale", "updated": "2000-01-01T00:00:00.000Z"})
    newer_b = b.edited(note="b2")
    tombstone = gone.edited(deleted=True)
    unknown_tombstone = make().edited(deleted=True)
    report = store.merge([older_a, b, newer_b, tombstone, unknown_tombstone])
    assert report == MergeReport(added=1, updated=0, deleted=1, unchanged=2)
    assert str(report) == "1 added, 0 updated, 1 deleted, 2 unchanged"
    assert store.get(a.id) == a and store.get(b.id) == newer_b
    assert {x.id for x in store.all()} == {a.id, b.id}
    files = {p: p.stat().st_mtime_ns for p in db.parent.rglob("*.json")}
    assert store.merge([older_a, newer_b, tombstone, gone]).changed == 0
    assert {p: p.stat().st_mtime_ns for p in files} == files  # nothing to change: no write
    assert store.get(gone.id).deleted  # type: ignore[union-attr]  # the old copy did not revive it
    c = a.edited(note="c")
    assert store.merge([c]) == MergeReport(updated=1) and store.get(a.id) == c


def test_merge_decides_by_revision_not_by_the_clock(db: Path) -> None:
    store = AnnotationStore(db)
    a = make(note="v1")
    store.save(a)
    later_edit = Annotation(  # edited with the clock set back an hour
        **{**a.__dict__, "note": "v2", "revision": 2, "updated": "2000-01-01T00:00:00.000Z"}
    )
    store.save(later_edit)
    export_of_v1 = Annotation(**{**a.__dict__, "updated": "2030-01-01T00:00:00.000Z"})
    assert store.merge([export_of_v1]) == MergeReport(unchanged=1)
    assert store.get(a.id).note == "v2"  # type: ignore[union-attr]


def test_merge_is_all_or_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = AnnotationStore(db)
    store.save(make())
    before = {p: p.read_bytes() for p in db.parent.rglob("*.json")}
    with pytest.raises(AttributeError):
        store.merge([make(), "not an annotation"])  # type: ignore[list-item]

    import readerapp.core.atomic_file as atomic_file

    real_stage = atomic_file._stage
    staged: list[Path] = []

    def third_file_fails(path: Path, payload: bytes, template: Path | None) -> object:
        staged.append(path)
        if len(staged) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_stage(path, payload, template)

    monkeypatch.setattr(atomic_file, "_stage", third_file_fails)
    with pytest.raises(StoreError) as caught:
        store.merge(make(f"{n:064x}") for n in range(5))
    assert caught.value.kind == "write_failed" and "No space left" in str(caught.value)
    assert {p: p.read_bytes() for p in db.parent.rglob("*.json")} == before
    assert not list(db.parent.rglob("*.tmp")) and len(store.all()) == 1


def test_read_only_store_reads_but_never_writes(db: Path) -> None:
    a = make()
    AnnotationStore(db).save(a)
    before = {p: p.read_bytes() for p in db.parent.rglob("*") if p.is_file()}
    store = AnnotationStore(db, read_only=True)
    assert store.all() == [a] and store.read_only_reason and "read-only" in store.read_only_reason
    for change in (
        lambda: store.save(make()),
        lambda: store.delete(a.id),
        lambda: store.merge([make()]),
        lambda: store.apply(Edit(a, a.edited(note="x"))),
    ):
        with pytest.raises(StoreError) as caught:
            change()
        assert caught.value.kind == "read_only"
    assert {p: p.read_bytes() for p in db.parent.rglob("*") if p.is_file()} == before
    assert store.all() == [a]


def test_two_stores_on_one_file_see_and_keep_each_others_saves(db: Path) -> None:
    one, two = AnnotationStore(db), AnnotationStore(db)
    a, b = make(), make()
    one.save(a)
    token = two.watch_token(a.article)
    assert two.watch_token(a.article) == token  # nothing changed, nothing read
    two.save(b)  # two must reload before writing, or a is lost
    assert {x.id for x in one.all()} == {a.id, b.id}
    assert one.watch_token(a.article) != token
    one.delete(b.id)
    assert two.all() == [a]


def test_a_write_error_is_one_sentence_and_the_store_recovers(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AnnotationStore(db)
    a = make()
    store.save(a)
    before = shard_file(db).read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("readerapp.core.store.storage.replace_together", disk_full)
    with pytest.raises(StoreError) as caught:
        store.save(make())
    assert caught.value.kind == "write_failed"
    assert "No space left on device" in str(caught.value) and "not saved" in str(caught.value)
    assert shard_file(db).read_bytes() == before
    assert store.all() == [a]  # the failed change is not left in memory
    monkeypatch.undo()
    b = make()
    store.save(b)
    assert {x.id for x in AnnotationStore(db).all()} == {a.id, b.id}


def test_stale_temp_files_from_a_killed_writer_are_removed(db: Path) -> None:
    AnnotationStore(db).save(make())
    stale = [
        db.parent / ".annotations.json.abc123.tmp",
        db.with_name(db.name + ".d") / f".{shard_name(SHA1)}.json.def456.tmp",
    ]
    for path in stale:
        path.write_bytes(b"half a file")
    AnnotationStore(db).save(make())
    assert not any(path.exists() for path in stale)


def test_threads_saving_at_once_lose_nothing(db: Path) -> None:
    store = AnnotationStore(db)
    made: list[str] = []

    def work(n: int) -> None:
        for _ in range(25):
            a = make(f"{n:064x}")
            store.save(a)
            made.append(a.id)
            store.for_article(ArticleRef(f"{n:064x}"))

    threads = [threading.Thread(target=work, args=(n % 2,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {a.id for a in AnnotationStore(db).all()} == set(made) and len(made) == 100


def test_saves_into_a_database_of_ten_thousand_annotations_are_all_found(db: Path) -> None:
    """Behaviour at 10,000 notes; the speed is benchmarks/bench_save.py's job, not a test's."""
    store = AnnotationStore(db)
    shas = [f"{n:064x}" for n in range(10)]
    store.merge(make(shas[n % 10], n % 200, n % 200 + 30) for n in range(10_000))
    added = [make(shas[3]) for _ in range(11)]
    for a in added:
        store.save(a)
    assert len(store.for_article(ArticleRef(shas[3]))) == 1011
    reopened = AnnotationStore(db, read_only=True)
    assert len(reopened.all()) == 10_011 and len(reopened) == 10_011
    assert all(reopened.get(a.id) == a for a in added)


def test_tag_counts_count_live_annotations_once_each(db: Path) -> None:
    store = AnnotationStore(db)
    a = make(tags=("x", "y"))
    store.merge([a, make("2" * 64, tags=("x",)), make(tags=("z",)).edited(deleted=True)])
    assert store.tag_counts() == {"x": 2, "y": 1}
    store.delete(a.id)
    assert AnnotationStore(db).tag_counts() == {"x": 1}


def test_counts_kept_while_saving_match_counts_read_from_the_files(db: Path) -> None:
    """The index is kept up to date from each save's own records; it must say what a
    store reading every article file afresh says."""
    import random

    rng = random.Random(3)
    store = AnnotationStore(db)
    shas = [f"{n:064x}" for n in range(4)]
    live: list[Annotation] = []
    for _ in range(300):
        roll = rng.random()
        if roll < 0.4 or not live:
            a = make(rng.choice(shas), tags=tuple(rng.sample(["a", "b", "c", "d"], 2)))
            store.save(a)
            live.append(a)
        elif roll < 0.8:
            i = rng.randrange(len(live))
            live[i] = live[i].edited(
                tags=tuple(rng.sample(["a", "b", "c", "e"], rng.randint(0, 3)))
            )
            store.apply(Edit(None, live[i]))
        else:
            store.delete(live.pop(rng.randrange(len(live))).id)
    kept = (store.tag_counts(), store.counts_by_article(), len(store))
    assert kept[2] == len(live)
    store.close()
    db.write_bytes(EMPTY_INDEX)  # the index lists nothing: a new store reads every file
    fresh = AnnotationStore(db)
    assert (fresh.tag_counts(), fresh.counts_by_article(), len(fresh)) == kept
