"""Open a saved web page in a forked child while the reader imports its UI.

Importing the extraction library costs about as much CPU as importing Textual,
and both are pure Python work with no waiting in it, so a thread gains nothing.
A forked child has its own interpreter lock: it imports the extractor and reads
the page on the second core while the parent imports the UI, and hands back the
article over a pipe. The reader then shows a page nearly as soon as a `.txt`.

Only where `fork` is safe and cheap: on POSIX systems but macOS (where forking
a process that may have loaded system frameworks is not), and while this
process runs a single thread. Elsewhere, and whenever the child fails, the
page is simply opened in this process.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

from readerapp.core.article import Article, load_article
from readerapp.core.article_error import ArticleError


class PendingArticle:
    """An article being opened in a child process; `result()` waits for it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._child: tuple[int, int] | None = None  # pid, read end of the pipe
        if _fork_is_safe():
            self._child = _fork_loader(path)

    def result(self) -> Article:
        """The article, or ArticleError with one line, as `load_article` would give."""
        if self._child is not None:
            pid, pipe = self._child
            self._child = None
            with os.fdopen(pipe, "rb") as reader:
                payload = reader.read()
            os.waitpid(pid, 0)
            if payload:
                return _decoded(json.loads(payload), self.path)
        return load_article(self.path)  # no fork here, or the child died


def _fork_is_safe() -> bool:
    """A fork copies only the calling thread: with other threads running, a lock one of
    them holds (the import lock, a logging lock) would stay locked in the child."""
    return hasattr(os, "fork") and sys.platform != "darwin" and threading.active_count() == 1


def _fork_loader(path: Path) -> tuple[int, int] | None:
    try:
        read_end, write_end = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid:
        os.close(write_end)
        return pid, read_end
    # The child: load, write, and leave without running the parent's exit handlers.
    status = 0
    try:
        os.close(read_end)
        try:
            payload = _encoded(load_article(path))
        except ArticleError as err:
            payload = {"error": str(err)}
        with os.fdopen(write_end, "wb") as writer:
            writer.write(json.dumps(payload).encode("utf-8"))
    except BaseException:  # the parent sees an empty answer and loads the page itself
        status = 1
    finally:
        os._exit(status)


def _encoded(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "text": article.text,
        "date": article.date.isoformat() if article.date else None,
        "standfirst": article.standfirst,
        "paragraphs": article.paragraphs,
        "notice": article.notice,
        "author": article.author,
        "site": article.site,
        "source_url": article.source_url,
    }


def _decoded(payload: dict[str, Any], path: Path) -> Article:
    if "error" in payload:
        raise ArticleError(payload["error"])
    return Article(
        title=payload["title"],
        text=payload["text"],
        date=date.fromisoformat(payload["date"]) if payload["date"] else None,
        standfirst=payload["standfirst"],
        path=path.resolve(),
        paragraphs=tuple((start, end) for start, end in payload["paragraphs"]),
        notice=payload["notice"],
        author=payload["author"],
        site=payload["site"],
        source_url=payload["source_url"],
    )
