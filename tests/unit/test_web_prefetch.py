"""A saved page opened in a forked child gives exactly the article `load_article` gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readerapp.core.article import ArticleError, load_article
from readerapp.core.web import prefetch
from readerapp.core.web.prefetch import PendingArticle
from web_server import PAGES


@pytest.mark.parametrize("name", ["harbour-dredging.html", "blog-time-only.html"])
def test_the_child_hands_back_the_same_article(name: str) -> None:
    expected = load_article(PAGES / name)
    pending = PendingArticle(PAGES / name)
    if prefetch._fork_is_safe():
        assert pending._child is not None  # really read in a child here
    assert pending.result() == expected


def test_a_page_without_an_article_is_the_same_one_line_error() -> None:
    with pytest.raises(ArticleError) as direct:
        load_article(PAGES / "no-article-login.html")
    with pytest.raises(ArticleError) as forked:
        PendingArticle(PAGES / "no-article-login.html").result()
    assert str(forked.value) == str(direct.value)


def test_a_missing_file_is_the_same_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        PendingArticle(tmp_path / "gone.html").result()


def test_without_fork_or_when_the_child_dies_the_page_opens_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = load_article(PAGES / "amp-rail-strike.html")
    monkeypatch.setattr(prefetch, "_encoded", lambda article: 1 / 0)  # the child fails
    assert PendingArticle(PAGES / "amp-rail-strike.html").result() == expected
    monkeypatch.delattr(os, "fork")
    pending = PendingArticle(PAGES / "amp-rail-strike.html")
    assert pending._child is None and pending.result() == expected


def test_no_fork_while_other_threads_run() -> None:
    import threading

    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not prefetch._fork_is_safe()
        assert PendingArticle(PAGES / "amp-rail-strike.html")._child is None
    finally:
        stop.set()
        worker.join()
