"""The Notebook: one article's annotations, edited in memory, saved in order, shared by windows."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerapp.core.annotation import Annotation, Link
from readerapp.core.article import Article, parse_article
from readerapp.core.notebook import UNSET, Notebook, ReadOnlyNotebook, Target
from readerapp.core.store import AnnotationStore, ArticleRecords, open_store

TEXT = "Title\n\nFirst sentence here. Second one.\n\nA third paragraph."
FIRST = (0, 20)  # "First sentence here."


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    return parse_article(TEXT, path=path)


def reopened(db: Path, *, include_deleted: bool = False) -> list[Annotation]:
    return AnnotationStore(db, read_only=True).all(include_deleted=include_deleted)


def window(db: Path, article: Article, changes: list[str | None] | None = None) -> Notebook:
    """A notebook as one reader window holds it, with its own store (its own process)."""
    notebook = Notebook(
        AnnotationStore(db),
        article,
        on_changed=(changes.append if changes is not None else lambda message: None),
    )
    notebook.load()
    return notebook


# -- annotate: one call decides create or update ---------------------------------------


def test_annotate_a_passage_creates_and_annotating_its_id_edits(article, isolated_db):
    notebook = window(isolated_db, article)
    made = notebook.annotate(Target(FIRST), colour="yellow")
    assert made is not None and made.span == FIRST
    assert made.annotation.selector.exact == "First sentence here."
    edited = notebook.annotate(Target(FIRST, made.annotation.id), tags=["check", "check", " "])
    assert edited is not None and edited.annotation.id == made.annotation.id
    assert (edited.annotation.colour, edited.annotation.tags) == ("yellow", ("check",))
    assert edited.annotation.revision == made.annotation.revision + 1
    notebook.flush()
    (saved,) = reopened(isolated_db)
    assert (saved.colour, saved.tags, saved.revision) == ("yellow", ("check",), 2)


def test_annotate_keeps_nothing_empty(article, isolated_db):
    notebook = window(isolated_db, article)
    assert notebook.annotate(Target(FIRST)) is None
    assert notebook.annotate(Target(FIRST), colour=None, tags=[], note="") is None
    assert notebook.annotate(Target(None), colour="blue") is None  # no passage to annotate
    made = notebook.annotate(Target(FIRST), note="why?")
    assert made is not None
    assert notebook.annotate(Target(FIRST, made.annotation.id), note="") is None  # nothing left
    assert notebook.placed == []
    notebook.flush()
    assert reopened(isolated_db) == []
    (tombstone,) = reopened(isolated_db, include_deleted=True)
    assert tombstone.deleted and tombstone.id == made.annotation.id
    with pytest.raises(ValueError, match="unknown colour"):
        notebook.annotate(Target(FIRST), colour="mauve")


def test_a_sidebar_target_edits_the_annotation_linked_to_it(article, isolated_db):
    notebook = window(isolated_db, article)
    link = Link("speaker", "Ana Ruiz")
    first = notebook.annotate(Target(FIRST, link=link, label="speaker Ana Ruiz"), tags=["x"])
    again = notebook.annotate(Target(FIRST, link=link), note="on the record")
    assert first is not None and again is not None
    assert again.annotation.id == first.annotation.id
    assert notebook.linked(link) == again.annotation
    assert notebook.linked(Link("speaker", "Someone else")) is None


def test_unset_fields_are_left_alone_and_none_clears_the_colour(article, isolated_db):
    notebook = window(isolated_db, article)
    made = notebook.annotate(Target(FIRST), colour="green", tags=["a"], note="n")
    assert made is not None
    target = Target(made.span, made.annotation.id)
    same = notebook.annotate(target, colour=UNSET, tags=UNSET, note=UNSET)
    assert same == made  # nothing changed: nothing saved, revision kept
    cleared = notebook.annotate(target, colour=None)
    assert cleared is not None
    assert (cleared.annotation.colour, cleared.annotation.tags) == (None, ("a",))


def test_many_quick_edits_reach_the_disk_in_order(article, isolated_db):
    notebook = window(isolated_db, article)
    made = notebook.annotate(Target(FIRST), colour="yellow")
    assert made is not None
    for n in range(20):
        notebook.annotate(Target(FIRST, made.annotation.id), note=f"v{n}")
    notebook.flush()
    (saved,) = reopened(isolated_db)
    assert saved.note == "v19" and saved.revision == 21
    notebook.delete(made.annotation.id)
    notebook.flush()
    assert reopened(isolated_db) == []
    notebook.close()


# -- undo and redo ------------------------------------------------------------------------


def test_undo_and_redo_walk_through_every_change(article, isolated_db):
    notebook = window(isolated_db, article)
    made = notebook.annotate(Target(FIRST), colour="yellow")
    assert made is not None
    annotation_id = made.annotation.id
    notebook.annotate(Target(FIRST, annotation_id), tags=["a"])
    deleted = notebook.delete(annotation_id)
    assert deleted is not None and deleted.tags == ("a",)
    assert notebook.delete(annotation_id) is None  # already gone

    change = notebook.undo()
    assert change is not None and change.kind == "deletion"
    assert [p.annotation.tags for p in notebook.placed] == [("a",)]
    assert notebook.undo().kind == "change"  # type: ignore[union-attr]
    assert [p.annotation.tags for p in notebook.placed] == [()]
    assert notebook.undo().kind == "creation"  # type: ignore[union-attr]
    assert notebook.placed == [] and notebook.undo() is None
    notebook.flush()
    assert reopened(isolated_db) == []

    assert notebook.redo().kind == "creation"  # type: ignore[union-attr]
    assert notebook.redo().kind == "change"  # type: ignore[union-attr]
    assert [p.annotation.tags for p in notebook.placed] == [("a",)]
    notebook.flush()
    (saved,) = reopened(isolated_db)
    assert saved.id == annotation_id and (saved.colour, saved.tags) == ("yellow", ("a",))

    notebook.annotate(Target(FIRST, annotation_id), note="new")  # a new change ends redo
    assert notebook.redo() is None


def test_undo_of_an_emptying_edit_brings_back_every_field(article, isolated_db):
    notebook = window(isolated_db, article)
    made = notebook.annotate(Target(FIRST), colour="pink")
    assert made is not None
    assert notebook.annotate(Target(FIRST, made.annotation.id), colour=None) is None
    notebook.undo()
    (back,) = notebook.placed
    assert back.annotation.colour == "pink" and not back.annotation.deleted
    notebook.flush()
    assert [a.colour for a in reopened(isolated_db)] == ["pink"]


def test_undone_tags_leave_the_completion_list(article, isolated_db, tmp_path):
    other_path = tmp_path / "b.txt"
    other_path.write_text("Other\n\nSome other text here.")
    other = parse_article(other_path.read_text(), path=other_path)
    elsewhere = window(isolated_db, other)
    elsewhere.annotate(Target((0, 4)), tags=["needs source"])
    elsewhere.close()

    notebook = window(isolated_db, article)
    notebook.flush()  # other articles' tags are read after this article's notes
    assert notebook.all_tags() == ["needs source"]
    made = notebook.annotate(Target(FIRST), tags=["Disputed", "needs source"])
    assert made is not None
    assert notebook.all_tags() == ["Disputed", "needs source"]
    notebook.annotate(Target(FIRST, made.annotation.id), tags=["Disputed", "typo"])
    assert notebook.all_tags() == ["Disputed", "needs source", "typo"]
    notebook.undo()
    assert notebook.all_tags() == ["Disputed", "needs source"]
    notebook.undo()
    assert notebook.all_tags() == ["needs source"]  # still used on the other article


# -- several windows on one database --------------------------------------------------------


def two_windows(
    db: Path, article: Article, **fields: object
) -> tuple[Notebook, Notebook, list[str | None], str]:
    """Window A makes a note with `fields` and saves it; then window B opens and sees it.
    Returns A, B, what B is told (on_changed), and the note's id."""
    a = window(db, article)
    made = a.annotate(Target(FIRST), **fields)  # type: ignore[arg-type]
    assert made is not None
    a.flush()
    b_changes: list[str | None] = []
    return a, window(db, article, b_changes), b_changes, made.annotation.id


def test_a_tag_in_one_window_and_a_colour_in_another_both_survive(article, isolated_db):
    a, b, b_changes, annotation_id = two_windows(
        isolated_db, article, colour="yellow", note="first"
    )
    a.annotate(Target(FIRST, annotation_id), tags=["needs source"])
    a.flush()
    b.annotate(Target(FIRST, annotation_id), colour="blue")  # B's copy has no tag
    b.flush()

    (saved,) = reopened(isolated_db)
    assert (saved.colour, saved.tags, saved.note) == ("blue", ("needs source",), "first")
    assert b.get(annotation_id).annotation.tags == ("needs source",)  # type: ignore[union-attr]
    assert b_changes == [None]  # B was told to refresh; no conflict to report
    assert a.check_for_changes() and a.get(annotation_id).annotation.colour == "blue"  # type: ignore[union-attr]
    assert not a.check_for_changes()


def test_two_windows_changing_one_note_keep_the_later_and_say_so(article, isolated_db):
    a, b, b_changes, annotation_id = two_windows(isolated_db, article, note="original")
    a.annotate(Target(FIRST, annotation_id), note="A's version")
    a.flush()
    b.annotate(Target(FIRST, annotation_id), note="B's version")
    b.flush()
    assert [a.note for a in reopened(isolated_db)] == ["B's version"]
    assert b_changes and b_changes[0] is not None and "note" in b_changes[0]


def test_a_stale_window_cannot_bring_back_a_deleted_note(article, isolated_db):
    a, b, b_changes, annotation_id = two_windows(isolated_db, article, colour="yellow")
    a.delete(annotation_id)
    a.flush()
    b.annotate(Target(FIRST, annotation_id), colour="green")
    b.flush()
    assert reopened(isolated_db) == []
    assert b_changes == ["This note was deleted in another window, so your change was not saved."]
    assert b.placed == [] and b.get(annotation_id) is None

    a.undo()  # undo of one's own delete is a restore, and allowed
    a.flush()
    assert [x.colour for x in reopened(isolated_db)] == ["yellow"]
    assert b.check_for_changes() and [p.annotation.colour for p in b.placed] == ["yellow"]


def test_undo_puts_back_only_its_own_fields(article, isolated_db):
    a, b, _, annotation_id = two_windows(isolated_db, article, colour="yellow")
    a.annotate(Target(FIRST, annotation_id), note="A's note")
    a.flush()
    b.annotate(Target(FIRST, annotation_id), tags=["B's tag"])
    b.flush()
    a.undo()  # takes A's note away, keeps B's tag
    a.flush()
    (saved,) = reopened(isolated_db)
    assert (saved.colour, saved.tags, saved.note) == ("yellow", ("B's tag",), "")


def test_check_for_changes_reads_nothing_when_nothing_changed(article, isolated_db, monkeypatch):
    a = window(isolated_db, article)
    b_changes: list[str | None] = []
    b = window(isolated_db, article, b_changes)
    reads: list[object] = []
    real = b.store.read_article
    monkeypatch.setattr(b.store, "read_article", lambda *a, **k: reads.append(a) or real(*a, **k))
    assert not b.check_for_changes() and not b.check_for_changes()
    assert reads == []
    a.annotate(Target(FIRST), colour="orange")
    a.flush()
    assert b.check_for_changes() and len(reads) == 1
    assert [p.annotation.colour for p in b.placed] == ["orange"] and b_changes == [None]
    assert not b.check_for_changes()


def test_a_save_that_lands_while_reloading_is_not_undone(article, isolated_db, monkeypatch):
    a, b = window(isolated_db, article), window(isolated_db, article)
    made = b.annotate(Target(FIRST), colour="yellow")
    assert made is not None
    b.flush()
    a.annotate(Target((21, 32)), note="elsewhere")  # another window writes: b will reload
    a.flush()
    real = b.store.read_article

    def read_then_save(*args: object, **kwargs: object) -> ArticleRecords:
        found = real(*args, **kwargs)  # the file as it was before b's next save
        b.annotate(Target(FIRST, made.annotation.id), colour="green")
        b.flush()
        return found

    monkeypatch.setattr(b.store, "read_article", read_then_save)
    assert b.check_for_changes()
    assert b.get(made.annotation.id).annotation.colour == "green"  # type: ignore[union-attr]
    assert len(b.placed) == 2


# -- reading, anchoring, errors -------------------------------------------------------------


def test_at_finds_the_innermost_annotation(article, isolated_db):
    notebook = Notebook(AnnotationStore(isolated_db), article)
    outer = notebook.annotate(Target((0, 32)), colour="yellow")
    inner = notebook.annotate(Target((6, 14)), colour="green")
    assert outer is not None and inner is not None
    assert notebook.at(8) == inner
    assert notebook.at(2) == outer
    assert notebook.at(40) is None


def test_edited_article_reanchors_and_orphans_without_deleting(article, isolated_db):
    notebook = Notebook(AnnotationStore(isolated_db), article)
    notebook.annotate(Target(FIRST), note="keep")
    third = article.text.index("A third")
    notebook.annotate(Target((third, third + 18)), note="gone")
    notebook.flush()
    edited = parse_article(
        "Title\n\nAn inserted paragraph.\n\nFirst sentence here. Second one.\n\nIt ends otherwise.",
        path=article.path,
    )
    later = window(isolated_db, edited)
    (placed,) = later.placed
    start, end = placed.span  # type: ignore[misc]
    assert edited.text[start:end] == "First sentence here."
    assert [a.note for a in later.orphans] == ["gone"]
    assert len(reopened(isolated_db)) == 2


def test_a_read_only_store_refuses_every_change_and_keeps_the_file(article, isolated_db):
    isolated_db.parent.mkdir(parents=True, exist_ok=True)
    isolated_db.write_text("not json")
    store = open_store(isolated_db)
    notebook = Notebook(store, article)
    notebook.load()
    assert notebook.read_only and notebook.read_only_reason is not None
    assert "read-only" in notebook.read_only_reason and "\n" not in notebook.read_only_reason
    for change in (
        lambda: notebook.annotate(Target(FIRST), colour="yellow"),
        lambda: notebook.delete("urn:uuid:x"),
        notebook.undo,
        notebook.redo,
    ):
        with pytest.raises(ReadOnlyNotebook, match="read-only"):
            change()
    assert isolated_db.read_text() == "not json"


def test_a_failing_save_is_reported_not_swallowed(article, isolated_db):
    messages: list[str] = []
    store = AnnotationStore(isolated_db)
    notebook = Notebook(store, article, on_error=messages.append)

    def broken(edit: object) -> None:
        raise OSError("disk full")

    store.apply = broken  # type: ignore[method-assign,assignment]
    notebook.annotate(Target((0, 5)), colour="yellow")
    notebook.flush()
    assert messages and "disk full" in messages[0]


def test_the_calls_from_before_annotate_still_work(article, isolated_db):
    notebook = window(isolated_db, article)
    made = notebook.create(0, 5)
    edited = notebook.annotate(Target((0, 5), made.id), tags=("x",))
    assert edited is not None
    assert edited.annotation.tags == ("x",) and edited.annotation.id == made.id
    notebook.delete(edited.annotation)
    notebook.flush()
    assert reopened(isolated_db) == []
