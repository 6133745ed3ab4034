"""The library index: progress and cancelling, files it skips and why, and a cache that is
reused only while it is right (article unchanged, same analyzer, file intact)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson
import pytest

from library_stories import write_library
from readerapp.core.analysis import ANALYZER_VERSION, Analysis, analyze
from readerapp.core.analysis_cache import AnalysisCache, decode, encode
from readerapp.core.article import MAX_ARTICLE_BYTES, Article, load_article
from readerapp.core.library_index import LibraryCache, article_paths, build_index, cache_folder


class CountingAnalyser:
    """The real analysis, counting which articles it was asked for."""

    def __init__(self) -> None:
        self.titles: list[str] = []

    def __call__(self, article: Article) -> Analysis:
        self.titles.append(article.title)
        return analyze(article)


def age(path: Path, seconds: float = 60) -> None:
    """Make a file look written a while ago (a file changed just now is read again anyway)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.fixture
def library(tmp_path: Path) -> dict[str, Path]:
    paths = write_library(tmp_path / "library")
    for path in paths.values():
        age(path)
    return paths


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "db" / "readerapp-cache"


def build(library: dict[str, Path], folder: Path, analyser: CountingAnalyser, **kwargs):
    paths = article_paths([next(iter(library.values())).parent])
    return build_index(paths, LibraryCache(folder), analyse=analyser, **kwargs)


def test_the_cache_lives_beside_the_database(tmp_path):
    assert cache_folder(tmp_path / "notes" / "annotations.json") == (
        tmp_path / "notes" / "readerapp-cache"
    )


def test_progress_is_reported_after_each_article(library, cache):
    seen: list[tuple[int, int]] = []
    index = build(library, cache, CountingAnalyser(), on_progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert len(index.articles) == 3 and not index.cancelled and not index.skipped
    assert {a.identity.title for a in index.articles} == {
        "Harbour dredging plan delayed again",
        "Ferry timetable cut over winter",
        "Council approves new fish market",
    }


def test_cancelling_stops_between_articles_and_keeps_what_was_done(library, cache):
    asked: list[int] = []  # the user presses Escape once the first article is done

    def progress(done: int, total: int) -> None:
        if done == 1:
            asked.append(done)

    index = build(
        library, cache, CountingAnalyser(), on_progress=progress, should_stop=lambda: bool(asked)
    )
    assert index.cancelled and len(index.articles) == 1
    again = CountingAnalyser()
    assert len(build(library, cache, again).articles) == 3
    assert len(again.titles) == 2  # the one done before the cancel was kept


def test_a_stop_asked_during_an_analysis_keeps_that_analysis_out_of_the_cache(library, cache):
    stopping = CountingAnalyser()

    def analyse_then_stop(article: Article) -> Analysis:
        stopping.titles.append(article.title)
        return Analysis()  # as an analysis cut short by the stop would be: partial

    index = build(library, cache, analyse_then_stop, should_stop=lambda: bool(stopping.titles))
    assert index.cancelled and index.articles == ()
    assert not (cache / "analysis").exists() or not list((cache / "analysis").iterdir())
    analyser = CountingAnalyser()
    assert len(build(library, cache, analyser).articles) == 3 and len(analyser.titles) == 3


def test_a_warm_cache_analyses_nothing_and_gives_the_same_index(library, cache):
    first = build(library, cache, CountingAnalyser())
    analyser = CountingAnalyser()
    second = build(library, cache, analyser)
    assert analyser.titles == [] and second == first


def test_an_edited_article_is_analysed_again_and_only_it(library, cache):
    build(library, cache, CountingAnalyser())
    ferry = library["ferry.txt"]
    ferry.write_text(ferry.read_text().replace("Tomas Berg", "Tomas Bergman"))
    age(ferry, 30)
    analyser = CountingAnalyser()
    index = build(library, cache, analyser)
    assert analyser.titles == ["Ferry timetable cut over winter"]
    names = {s.name for a in index.articles for s in a.analysis.speakers}
    assert "Tomas Bergman" in names and "Tomas Berg" not in names


def test_a_new_analyzer_version_analyses_everything_again(library, cache):
    build(library, cache, CountingAnalyser())
    analyser = CountingAnalyser()
    newer = LibraryCache(cache, AnalysisCache(cache / "analysis", version=ANALYZER_VERSION + "+1"))
    build_index(article_paths([library["ferry.txt"].parent]), newer, analyse=analyser)
    assert len(analyser.titles) == 3


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b'{"format": 1, "analyzer": "0.1", "sha256": "x", "analysis": {}}',
        b'{"format": 1, "analyzer": "%s", "sha256": "%s", "analysis": {"speakers": 3}}',
        b"",
    ],
)
def test_a_corrupt_or_foreign_cache_file_is_rebuilt_never_trusted(library, cache, damage):
    build(library, cache, CountingAnalyser())
    files = sorted((cache / "analysis").glob("*.json"))
    assert len(files) == 3
    victim = files[0]
    sha = victim.stem
    victim.write_bytes(
        damage.replace(b"%s", ANALYZER_VERSION.encode(), 1).replace(b"%s", sha.encode())
    )
    analyser = CountingAnalyser()
    index = build(library, cache, analyser)
    assert len(analyser.titles) == 1 and len(index.articles) == 3
    data = orjson.loads(victim.read_bytes())
    assert data["analyzer"] == ANALYZER_VERSION and data["sha256"] == sha


def test_a_cache_file_for_another_text_is_not_used(library, cache):
    build(library, cache, CountingAnalyser())
    one, other = sorted((cache / "analysis").glob("*.json"))[:2]
    one.write_bytes(other.read_bytes())  # names the other article's hash inside
    analyser = CountingAnalyser()
    build(library, cache, analyser)
    assert len(analyser.titles) == 1


def test_a_corrupt_catalog_is_ignored_and_rewritten(library, cache):
    build(library, cache, CountingAnalyser())
    (cache / "articles.json").write_bytes(b"\x00garbage")
    analyser = CountingAnalyser()
    index = build(library, cache, analyser)
    assert analyser.titles == [] and len(index.articles) == 3  # the analyses still hold
    assert orjson.loads((cache / "articles.json").read_bytes())["format"] == 1


def test_unreadable_binary_empty_huge_and_special_files_are_skipped_with_reasons(
    library, cache, tmp_path
):
    folder = library["ferry.txt"].parent
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (folder / "empty.txt").write_text("")
    with (folder / "huge.txt").open("wb") as huge:
        huge.truncate(MAX_ARTICLE_BYTES + 1)
    os.mkfifo(tmp_path / "pipe.txt")
    paths = article_paths([folder, tmp_path / "pipe.txt", tmp_path / "missing.txt"])
    index = build_index(paths, LibraryCache(cache), analyse=CountingAnalyser())
    assert len(index.articles) == 3
    reasons = {s.path.name: s.reason for s in index.skipped}
    assert set(reasons) == {"photo.txt", "empty.txt", "huge.txt", "pipe.txt", "missing.txt"}
    assert "binary" in reasons["photo.txt"] and "empty" in reasons["empty.txt"]
    assert "MB" in reasons["huge.txt"] and "FIFO" in reasons["pipe.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_without_a_cache_folder_nothing_is_written(library, tmp_path):
    before = sorted(tmp_path.rglob("*"))
    build(library, None, CountingAnalyser())
    assert sorted(tmp_path.rglob("*")) == before


def test_the_cached_form_of_an_analysis_is_the_analysis(library):
    for path in library.values():
        analysis = analyze(load_article(path))
        assert decode(orjson.loads(orjson.dumps(encode(analysis)))) == analysis
