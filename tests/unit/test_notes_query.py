"""Notes across the database: tag filters, a search that ignores case and quote styles,
and whether each passage is still in its article as the file is now."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from library_stories import annotation_on as on
from library_stories import write_library
from readerapp.core.annotation import Annotation
from readerapp.core.article import Article, load_article
from readerapp.core.library_index import ArticleCatalog
from readerapp.core.notes_query import NotesList, matching, note_rows, sorted_rows


@pytest.fixture
def articles(tmp_path: Path) -> dict[str, Article]:
    paths = write_library(tmp_path / "library")
    for path in paths.values():
        then = time.time() - 60
        os.utime(path, (then, then))
    return {name: load_article(path) for name, path in paths.items()}


@pytest.fixture
def notes(articles: dict[str, Article]) -> list[Annotation]:
    harbour, ferry, council = (
        articles["harbour.txt"],
        articles["ferry.txt"],
        articles["council.txt"],
    )
    return [
        on(harbour, "wasting two seasons", 1, tags=("contradiction", "FOI")),
        on(harbour, "the harbour master", 2, note="Ask for the survey’s date.", tags=("FOI",)),
        on(ferry, "lose money every year", 3, tags=("economy", "Contradiction")),
        on(council, "The quay needs it", 4, note="She didn't say when."),
        on(council, "a new fish market", 5, deleted=True, tags=("FOI",)),
    ]


def uid(number: int) -> str:
    return f"urn:uuid:00000000-0000-4000-8000-{number:012d}"


def ids(items) -> list[str]:
    return [getattr(i, "annotation", i).id for i in items]


def test_a_tag_filter_keeps_annotations_with_every_tag_asked_for(notes):
    assert ids(matching(notes, tags=["FOI"])) == [uid(1), uid(2)]  # not the deleted
    assert ids(matching(notes, tags=["contradiction"])) == [uid(1), uid(3)]
    assert ids(matching(notes, tags=["foi", "CONTRADICTION"])) == [uid(1)]
    assert matching(notes, tags=["nope"]) == []


def test_search_ignores_case_and_straight_or_curly_quotes(notes):
    assert ids(matching(notes, search="survey's")) == [uid(2)]  # typed straight
    assert ids(matching(notes, search="DIDN’T")) == [uid(4)]  # typed curly
    assert ids(matching(notes, search="money")) == [uid(3)]  # the passage
    assert ids(matching(notes, search="econ")) == [uid(3)]  # a tag
    assert ids(matching(notes, tags=["FOI"], search="survey")) == [uid(2)]


def test_the_live_list_filters_the_same_way(notes, articles):
    listed = NotesList(note_rows(matching(notes)))
    assert ids(listed.filter(tags=["foi"], search="SURVEY’S")) == [uid(2)]
    assert len(listed.filter()) == 4
    assert listed.tag_counts() == {"FOI": 2, "contradiction": 1, "economy": 1, "Contradiction": 1}


def test_orphan_status_follows_the_file_as_it_is_now(notes, articles, tmp_path):
    catalog = ArticleCatalog(tmp_path / "cache")
    live = matching(notes)
    assert {r.annotation.id: r.orphaned for r in note_rows(live, catalog)} == {
        uid(n): False for n in (1, 2, 3, 4)
    }
    harbour = articles["harbour.txt"].path
    assert harbour is not None
    harbour.write_text(harbour.read_text().replace("of wasting two seasons", "of delay"))
    (articles["ferry.txt"].path or Path()).unlink()
    rows = {r.annotation.id: r for r in note_rows(live, catalog)}
    assert rows[uid(1)].orphaned is True  # its passage was edited away
    assert rows[uid(2)].orphaned is False  # still there, re-anchored
    assert rows[uid(3)].orphaned is None  # the file is gone: unknown
    assert rows[uid(3)].title == "Ferry timetable cut over winter"
    assert rows[uid(4)].orphaned is False


def test_an_unchanged_article_is_not_read_again(notes, articles, tmp_path):
    catalog = ArticleCatalog(tmp_path / "cache")
    note_rows(matching(notes), catalog)
    catalog.save()
    opened: list[Path] = []

    def counting(path: Path) -> Article:
        opened.append(path)
        return load_article(path)

    warm = ArticleCatalog(tmp_path / "cache")
    rows = note_rows(matching(notes), warm, open_article=counting)
    assert opened == [] and all(r.orphaned is False for r in rows)


def test_rows_sort_by_article_tag_or_date(notes):
    rows = note_rows(matching(notes))
    assert ids(sorted_rows(rows, "date")) == [
        uid(1),
        uid(2),
        uid(3),
        uid(4),
    ]
    titles = [r.title.casefold() for r in sorted_rows(rows, "article")]
    assert titles == sorted(titles) and titles[0].startswith("council")
    by_tag = sorted_rows(rows, "tag")
    assert ids(by_tag)[-1] == uid(4)  # untagged last
