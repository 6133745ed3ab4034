"""The Notebook: one article's annotations, edited in memory and saved in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from readerapp.core.annotation import Link
from readerapp.core.article import parse_article
from readerapp.core.notebook import Notebook, ReadOnlyNotebook
from readerapp.core.store import AnnotationStore, open_store

TEXT = "Title\n\nFirst sentence here. Second one.\n\nA third paragraph."


@pytest.fixture
def article(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    return parse_article(TEXT, path=path)


def reopened(db: Path) -> list:
    return AnnotationStore(db, read_only=True).all()


def test_create_update_delete_are_saved_in_order(article, isolated_db):
    notebook = Notebook(AnnotationStore(isolated_db), article)
    notebook.load()
    first = notebook.create(0, 20, colour="yellow")
    for n in range(20):  # many quick edits: the last one must win on disk
        first = notebook.update(first, note=f"v{n}")
    notebook.flush()
    (saved,) = reopened(isolated_db)
    assert saved.note == "v19" and saved.selector.exact == "First sentence here."
    notebook.delete(first.id)
    notebook.flush()
    assert reopened(isolated_db) == []
    notebook.close()


def test_undo_walks_back_through_every_change(article, isolated_db):
    notebook = Notebook(AnnotationStore(isolated_db), article)
    notebook.load()
    made = notebook.create(0, 20, colour="yellow")
    tagged = notebook.update(made, tags=("a",))
    notebook.delete(tagged.id)
    assert notebook.undo().after is None  # the deletion, undone
    assert [p.annotation.tags for p in notebook.placed] == [("a",)]
    notebook.undo()
    assert [p.annotation.tags for p in notebook.placed] == [()]
    notebook.undo()
    assert notebook.placed == [] and notebook.undo() is None
    notebook.flush()
    assert reopened(isolated_db) == []


def test_at_finds_the_innermost_annotation(article, isolated_db):
    notebook = Notebook(AnnotationStore(isolated_db), article)
    outer = notebook.create(0, 32)
    inner = notebook.create(6, 14)
    assert notebook.at(8).annotation.id == inner.id
    assert notebook.at(2).annotation.id == outer.id
    assert notebook.at(40) is None


def test_linked_annotations_are_found_by_their_link(article, isolated_db):
    notebook = Notebook(AnnotationStore(isolated_db), article)
    link = Link("speaker", "Ana Ruiz")
    made = notebook.create(0, 5, tags=("check",), link=link)
    assert notebook.linked(link) == made
    assert notebook.linked(Link("speaker", "Someone else")) is None


def test_edited_article_reanchors_and_orphans_without_deleting(article, isolated_db, tmp_path):
    notebook = Notebook(AnnotationStore(isolated_db), article)
    notebook.create(0, 20, note="keep")
    third = article.text.index("A third")
    notebook.create(third, third + 18, note="gone")
    notebook.flush()
    edited = parse_article(
        "Title\n\nAn inserted paragraph.\n\nFirst sentence here. Second one.\n\nIt ends otherwise.",
        path=article.path,
    )
    later = Notebook(AnnotationStore(isolated_db), edited)
    later.load()
    (placed,) = later.placed
    start, end = placed.span
    assert edited.text[start:end] == "First sentence here."
    assert [a.note for a in later.orphans] == ["gone"]
    assert len(reopened(isolated_db)) == 2


def test_a_read_only_store_refuses_changes_and_keeps_the_file(article, isolated_db):
    isolated_db.parent.mkdir(parents=True, exist_ok=True)
    isolated_db.write_text("not json")
    store = open_store(isolated_db)
    assert store.read_only and store.error is not None
    notebook = Notebook(store, article)
    notebook.load()
    with pytest.raises(ReadOnlyNotebook, match="read-only"):
        notebook.create(0, 5)
    assert isolated_db.read_text() == "not json"


def test_a_failing_save_is_reported_not_swallowed(article, isolated_db):
    messages: list[str] = []
    store = AnnotationStore(isolated_db)
    notebook = Notebook(store, article, on_error=messages.append)

    def broken(annotation):
        raise OSError("disk full")

    store.save = broken  # type: ignore[method-assign]
    notebook.create(0, 5)
    notebook.flush()
    assert messages and "disk full" in messages[0]


def test_tag_completion_knows_every_article_and_new_tags(article, isolated_db, tmp_path):
    other_path = tmp_path / "b.txt"
    other_path.write_text("Other\n\nSome other text here.")
    other = parse_article(other_path.read_text(), path=other_path)
    elsewhere = Notebook(AnnotationStore(isolated_db), other)
    elsewhere.create(0, 4, tags=("needs source",))
    elsewhere.close()
    notebook = Notebook(AnnotationStore(isolated_db), article)
    notebook.load()
    assert notebook.all_tags() == ["needs source"]
    notebook.create(0, 5, tags=("Disputed",))
    assert notebook.all_tags() == ["Disputed", "needs source"]
