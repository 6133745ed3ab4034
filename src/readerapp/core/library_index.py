"""The library index: every article file of a library with its identity and its analysis.

Listing speakers or checking notes across a thousand articles must not mean
reading and analysing a thousand files each time. Two caches, both in a folder
beside the annotation database (`cache_folder`):

- the *catalog* (`articles.json`): for each path, the file's size, mtime and
  inode when it was last read, and what it was (sha256 of the text, title,
  date). A file whose `stat` still matches is not read again. An entry is not
  kept for a file changed in the last seconds, whose next change could keep
  the same mtime.
- the *analyses* (`analysis/<sha256>.json`, see `analysis_cache`): by the
  text's hash and the analyzer's version, so an edited article or a new
  analyzer means a new analysis, and nothing else does.

A file that cannot be an article (binary, empty, over 10 MB, unreadable, a
FIFO or a device) is skipped with its reason; the rest is indexed. A catalog
file that is corrupt or from another version is ignored and rewritten.

`build_index` is what the reader runs in a worker: it reports progress
(`on_progress(done, total)`) after each article and stops between articles
when `should_stop()` says so, returning what it has, marked `cancelled`. The
`analyse` it is given may itself watch `should_stop` and return early; an
analysis during which a stop was asked is therefore neither cached nor listed.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from readerapp.core.analysis import Analysis
from readerapp.core.analysis_cache import AnalysisCache
from readerapp.core.annotation import path_from_record, path_to_record
from readerapp.core.article import Article, ArticleError, load_article
from readerapp.core.atomic_file import write_atomic
from readerapp.core.files import what_it_is
from readerapp.core.library import article_files
from readerapp.core.safe_text import visible_name

CACHE_FOLDER = "readerapp-cache"
CATALOG_FILE = "articles.json"
CATALOG_FORMAT = 1
#: A file changed this recently may change again within the same mtime tick.
RACY_SECONDS = 2.0
MAX_CATALOG_FILE = 64 * 1024 * 1024

Progress = Callable[[int, int], None]
StopCheck = Callable[[], bool]


def cache_folder(db_path: Path) -> Path:
    """Where the caches of the database at `db_path` live: a folder beside it."""
    return Path(os.path.realpath(db_path)).parent / CACHE_FOLDER


@dataclass(frozen=True)
class ArticleIdentity:
    """What an article file holds, as annotations know it: the hash of its text, its title."""

    path: Path
    sha256: str
    title: str
    date: str | None = None  # ISO date from the article's dateline


@dataclass(frozen=True)
class IndexedArticle:
    identity: ArticleIdentity
    analysis: Analysis


@dataclass(frozen=True)
class Skipped:
    """A file of the library that is no readable article, and why, in one sentence."""

    path: Path
    reason: str


@dataclass(frozen=True)
class LibraryIndex:
    articles: tuple[IndexedArticle, ...]
    skipped: tuple[Skipped, ...] = ()
    cancelled: bool = False


def article_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given and the article files directly in each folder, once each, in order.

    A folder that cannot be listed is passed on as it is, to be skipped with its reason.
    """
    found: dict[str, Path] = {}
    for path in paths:
        inside: Iterable[Path] = [path]
        if path.is_dir():
            with contextlib.suppress(OSError):
                inside = article_files(path)
        for file in inside:
            found.setdefault(os.path.realpath(file), file)
    return list(found.values())


class ArticleCatalog:
    """Path → identity of article files, trusted while the file's `stat` is unchanged."""

    def __init__(self, folder: Path | None) -> None:
        self.file = folder / CATALOG_FILE if folder is not None else None
        self._entries: dict[str, dict[str, Any]] = self._load()
        self._changed = False

    def _load(self) -> dict[str, dict[str, Any]]:
        if self.file is None:
            return {}
        try:
            if self.file.stat().st_size > MAX_CATALOG_FILE:
                return {}
            data = orjson.loads(self.file.read_bytes())
            if not isinstance(data, dict) or data.get("format") != CATALOG_FORMAT:
                return {}
            entries = {}
            for entry in data["entries"]:
                entries[path_from_record(entry)] = entry
            return entries
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
            return {}

    def identify(self, path: Path) -> tuple[ArticleIdentity, Article | None]:
        """The article at `path`, and the parsed article if it had to be read.

        Raises ArticleError (one sentence) for a file that is no readable article. The
        identity's path is the resolved one, as annotations record it.
        """
        path = Path(os.path.realpath(path))
        try:
            st = os.stat(path)
        except FileNotFoundError:
            raise ArticleError(f"{visible_name(path)}: no such file; check the path") from None
        except OSError as err:
            raise ArticleError(f"{visible_name(path)}: cannot read it ({err.strerror})") from None
        kind = what_it_is(st.st_mode)
        if kind is not None:
            raise ArticleError(f"{visible_name(path)} is {kind}, not an article file")
        key = str(path)
        entry = self._entries.get(key)
        if entry is not None and entry.get("stat") == _stat_key(st):
            try:
                return _identity(path, entry), None
            except (KeyError, TypeError):
                pass  # a damaged entry: read the file again
        article = load_article(path)
        identity = ArticleIdentity(
            path, article.sha256, article.title, article.date.isoformat() if article.date else None
        )
        self._remember(path, st, identity)
        return identity, article

    def _remember(self, path: Path, st: os.stat_result, identity: ArticleIdentity) -> None:
        if time.time() - st.st_mtime < RACY_SECONDS:
            self._entries.pop(str(path), None)  # it may change again unseen: read it next time
        else:
            self._entries[str(path)] = {
                **path_to_record(str(path)),
                "stat": _stat_key(st),
                "sha256": identity.sha256,
                "title": identity.title,
                "date": identity.date,
            }
        self._changed = True

    def save(self) -> None:
        """Write the catalog if it changed; a folder that cannot be written means no cache."""
        if self.file is None or not self._changed:
            return
        payload = orjson.dumps({"format": CATALOG_FORMAT, "entries": list(self._entries.values())})
        with contextlib.suppress(OSError):
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.file, payload)
            self._changed = False


def _stat_key(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _identity(path: Path, entry: dict[str, Any]) -> ArticleIdentity:
    date = entry.get("date")
    return ArticleIdentity(
        path, str(entry["sha256"]), str(entry["title"]), str(date) if date else None
    )


class LibraryCache:
    """The catalog and the analyses of one database's cache folder (or none: no caching)."""

    def __init__(self, folder: Path | None, analyses: AnalysisCache | None = None) -> None:
        self.catalog = ArticleCatalog(folder)
        self.analyses = analyses or AnalysisCache(folder / "analysis" if folder else None)

    @classmethod
    def beside(cls, db_path: Path) -> LibraryCache:
        return cls(cache_folder(db_path))

    def analysis_of(self, article: Article) -> Analysis:
        """The article's analysis: from the cache, else made now and kept."""
        found = self.analyses.get(article.sha256)
        if found is None:
            from readerapp.core.analysis import analyze

            found = analyze(article)
            self.analyses.put(article.sha256, found)
        return found


def build_index(
    paths: Sequence[Path],
    cache: LibraryCache,
    *,
    on_progress: Progress | None = None,
    should_stop: StopCheck | None = None,
    analyse: Callable[[Article], Analysis] | None = None,
) -> LibraryIndex:
    """Every readable article among `paths` with its analysis, from the cache where it holds.

    Safe to run in a worker thread: it touches only `cache` and the files.
    """
    if analyse is None:
        from readerapp.core.analysis import analyze

        analyse = analyze
    total = len(paths)
    articles: list[IndexedArticle] = []
    skipped: list[Skipped] = []
    cancelled = False
    if on_progress:
        on_progress(0, total)
    stop = should_stop or _never
    try:
        for done, path in enumerate(paths, 1):
            if stop():
                cancelled = True
                break
            try:
                articles.append(_indexed(path, cache, analyse, stop))
            except ArticleError as err:
                skipped.append(Skipped(path, str(err)))
            except _StoppedDuringAnalysis:
                cancelled = True
                break
            if on_progress:
                on_progress(done, total)
    finally:
        cache.catalog.save()
    return LibraryIndex(tuple(articles), tuple(skipped), cancelled)


class _StoppedDuringAnalysis(Exception):
    """A stop was asked while an article was analysed: its analysis may be partial."""


def _never() -> bool:
    return False


def _indexed(
    path: Path, cache: LibraryCache, analyse: Callable[[Article], Analysis], stop: StopCheck
) -> IndexedArticle:
    identity, article = cache.catalog.identify(path)
    analysis = cache.analyses.get(identity.sha256)
    if analysis is None:
        if article is None:  # known, but its analysis is not: read it after all
            article = load_article(identity.path)
            identity = ArticleIdentity(
                identity.path,
                article.sha256,
                article.title,
                article.date.isoformat() if article.date else None,
            )
        analysis = analyse(article)
        if stop():  # an analysis that may have been cut short is neither kept nor listed
            raise _StoppedDuringAnalysis
        cache.analyses.put(article.sha256, analysis)
    return IndexedArticle(identity, analysis)
