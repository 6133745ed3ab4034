"""A fetched page is saved once in the library folder, and that copy is the article."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from readerapp.core.article import ArticleError, load_article
from readerapp.core.locations import library_path
from readerapp.core.web import is_url, load_location
from readerapp.core.web.fetch import WebError
from readerapp.core.web.saved_copy import copy_path, open_url
from readerapp.core.web.source import read_source, source_path
from web_server import Site, saved_page, serving

PAGE = saved_page("harbour-dredging.html")
OTHER = saved_page("amp-rail-strike.html")


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    site.page("/news/harbour", PAGE)
    with serving(site):
        yield site


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / "library"


def test_first_open_fetches_and_saves_text_and_source(site: Site, library: Path) -> None:
    before = datetime.now(UTC)
    article = open_url(site.url("/news/harbour"), library=library)
    assert article.path is not None and article.path.parent == library.resolve()
    assert article.title == "Harbour dredging halted after survey finds toxic silt"
    assert article.source_url == site.url("/news/harbour")
    assert (article.author, article.site) == ("Priya Ramanathan", "The Coastal Courier")
    assert article.fetched_at is not None and article.fetched_at >= before.replace(microsecond=0)
    # The text file is a plain article any editor opens; the record says where it came from.
    text = article.path.read_text(encoding="utf-8")
    title = "Harbour dredging halted after survey finds toxic silt"
    assert text.startswith(f"{title}\n\n2024-05-14\n\n")
    record = json.loads(source_path(article.path).read_text(encoding="utf-8"))
    assert record["url"] == site.url("/news/harbour")
    assert record["author"] == "Priya Ramanathan"
    assert sorted(p.name for p in library.iterdir()) == sorted(
        [article.path.name, source_path(article.path).name]
    )


def test_second_open_needs_no_network(library: Path) -> None:
    site = Site()
    site.page("/news/harbour", PAGE)
    with serving(site):
        url = site.url("/news/harbour")
        first = open_url(url, library=library)
    # The server is gone: the saved copy opens, the same article with the same source.
    again = open_url(url, library=library)
    assert again.text == first.text and again.path == first.path
    assert again.source_url == first.source_url and again.fetched_at == first.fetched_at
    assert len(site.requests) == 1


def test_refresh_fetches_again_and_replaces_the_copy(site: Site, library: Path) -> None:
    url = site.url("/news/harbour")
    first = open_url(url, library=library)
    site.page("/news/harbour", OTHER)  # the page changed on the site
    assert open_url(url, library=library).text == first.text  # not without --refresh
    fresh = open_url(url, library=library, refresh=True)
    assert fresh.path == first.path
    assert fresh.title == "Rail workers vote to strike over ticket office closures"
    assert fresh.fetched_at is not None and first.fetched_at is not None
    assert fresh.fetched_at >= first.fetched_at
    assert len(site.requests) == 2


def test_a_redirected_page_records_where_it_ended(site: Site, library: Path) -> None:
    site.redirect("/short/h1", "/news/harbour")
    article = open_url(site.url("/short/h1"), library=library)
    assert article.source_url == site.url("/news/harbour")
    source = read_source(article.path)  # type: ignore[arg-type]
    assert source is not None and source.requested_url == site.url("/short/h1")


@pytest.mark.parametrize("path", ["/missing", "/login"])
def test_nothing_is_saved_when_it_fails(site: Site, library: Path, path: str) -> None:
    site.page("/login", saved_page("no-article-login.html"))
    with pytest.raises(WebError):
        open_url(site.url(path), library=library)
    assert not library.exists()


def test_a_failed_refresh_keeps_the_saved_copy(site: Site, library: Path) -> None:
    url = site.url("/news/harbour")
    first = open_url(url, library=library)
    site.routes["/news/harbour"] = (500, {}, b"")
    with pytest.raises(WebError, match="500"):
        open_url(url, library=library, refresh=True)
    assert load_article(first.path).text == first.text  # type: ignore[arg-type]


def test_a_library_that_is_not_a_folder_is_one_line(site: Site, tmp_path: Path) -> None:
    blocker = tmp_path / "library"
    blocker.write_text("not a folder")
    with pytest.raises(WebError, match="is not a folder"):
        open_url(site.url("/news/harbour"), library=blocker)
    with pytest.raises(WebError, match="cannot save the page"):
        open_url(site.url("/news/harbour"), library=blocker / "inside")
    assert blocker.read_text() == "not a folder"


def test_the_same_page_however_its_address_is_written(tmp_path: Path) -> None:
    base = copy_path("https://www.Coastal.example/news/harbour?id=7", tmp_path)
    assert copy_path("https://www.coastal.example/news/harbour?id=7#comments", tmp_path) == base
    assert copy_path("https://www.coastal.example/news/harbour?id=7&utm_source=x", tmp_path) == base
    assert copy_path("https://www.coastal.example/news/harbour?id=8", tmp_path) != base
    assert base.name.startswith("coastal-example-news-harbour-") and base.suffix == ".txt"
    hostile = copy_path("https://x.example/../../etc/\x1b]0;t\x07passwd", tmp_path)
    assert hostile.parent == tmp_path and hostile.name.isascii() and hostile.name.isprintable()


def test_a_broken_or_foreign_source_record_is_ignored(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("A story\n\nIt happened.", encoding="utf-8")
    for record in ("{not json", '{"format": "other"}', '{"format": "readerapp-web-source"}', "[]"):
        source_path(story).write_text(record, encoding="utf-8")
        article = load_article(story)
        assert (article.source_url, article.author, article.fetched_at) == ("", "", None)


def test_a_hostile_source_record_is_cleaned(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("A story\n\nIt happened.", encoding="utf-8")
    record = {
        "format": "readerapp-web-source",
        "version": 1,
        "url": "https://x.example/a\x1b]52;c;SGk=\x07",
        "site": "Site\x1b[2J",
        "author": "Jo\u202eeoJ",
        "fetched_at": "2024-05-14T08:00:00+00:00",
    }
    source_path(story).write_text(json.dumps(record), encoding="utf-8")
    article = load_article(story)
    assert (article.source_url, article.site, article.author) == (
        "https://x.example/a",
        "Site",
        "JoeoJ",
    )


def test_load_location_tells_addresses_from_paths(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READERAPP_LIBRARY", str(tmp_path / "from-env"))
    assert library_path() == tmp_path / "from-env"
    assert library_path(str(tmp_path / "option")) == tmp_path / "option"
    assert is_url("HTTPS://x.example/") and not is_url("story.txt") and not is_url("http.txt")
    told: list[str] = []
    article = load_location(site.url("/news/harbour"), on_fetch=told.append)
    assert told == [site.url("/news/harbour")]
    assert article.path is not None and article.path.parent == (tmp_path / "from-env").resolve()
    story = tmp_path / "story.txt"
    story.write_text("A story\n\nIt happened.", encoding="utf-8")
    assert load_location(str(story)).title == "A story"
    with pytest.raises(ArticleError, match="--refresh"):
        load_location(str(story), refresh=True)


def test_notes_on_a_fetched_page_follow_it_through_a_refresh(
    site: Site, library: Path, isolated_db: Path
) -> None:
    from readerapp.core.notebook import Notebook
    from readerapp.core.store import AnnotationStore

    url = site.url("/news/harbour")
    first = open_url(url, library=library)
    passage = "Harbour Watch, a local campaign"
    start = first.text.index(passage)
    store = AnnotationStore(isolated_db)
    notebook = Notebook(store, first)
    notebook.create(start, start + len(passage), note="check this group")
    notebook.close()
    # The site adds a correction at the top; --refresh fetches it again.
    site.page(
        "/news/harbour",
        PAGE.replace(
            b"<p>Dredging of the harbour",
            b"<p>Correction: an earlier version of this story gave the wrong tonnage.</p>"
            b"<p>Dredging of the harbour",
        ),
    )
    fresh = open_url(url, library=library, refresh=True)
    assert fresh.text != first.text and fresh.text.startswith("Correction:")
    notebook = Notebook(store, fresh)
    notebook.load()
    [placed] = notebook.placed
    assert fresh.text[placed.span[0] : placed.span[1]] == passage  # type: ignore[index]
    assert placed.annotation.note == "check this group"
    notebook.close()
    store.close()
