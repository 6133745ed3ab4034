"""The people and allegations of a library, as the People and Allegations screens show them.

Which articles: the open library's (`readerapp FOLDER`), else the articles the
database has notes on that are on this machine, with the ones open in the
reader. Each is indexed through the cache beside the database
(`core.library_index`: a `stat` and a cache file per unchanged article), the
user's corrections are applied (`core.corrections.library`, as `readerapp
people` does), and the speakers merged into persons (`core.people`).

`run` is a worker thread's job. It indexes in chunks, so that a first index of
a thousand articles shows the people found so far every half second, and says
how far it is after each article; a screen that goes away stops it between
articles (what was indexed is in the cache for next time). Plain Python: no
Textual here, so it can be tested and timed on its own.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readerapp.core.safe_text import visible_name

if TYPE_CHECKING:
    from readerapp.core.library_index import IndexedArticle, Skipped
    from readerapp.core.people import AllegationRow, Person
    from readerapp.core.store import AnnotationStore

#: Articles indexed between two looks at whether to show the people found so far.
CHUNK = 25
#: How often the people found so far are shown while a first index runs.
VIEW_SECONDS = 0.5
#: How often progress is reported (after each article, but not more often than this).
PROGRESS_SECONDS = 0.05


@dataclass(frozen=True)
class PeopleView:
    """What the screens show: the articles indexed so far, their people and allegations."""

    source: str  # which articles, in words: "the library ~/articles"
    articles: tuple[IndexedArticle, ...] = ()
    persons: tuple[Person, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    done: int = 0
    total: int = 0
    complete: bool = False
    problem: str = ""  # why there is nothing to show


def person_key(person: Person) -> tuple[str, str]:
    """Who a row is across views: their name and the first article they appear in (two
    anonymous "senior officials" of two articles are two people with one name)."""
    first = person.appearances[0].article.path if person.appearances else ""
    return person.name.casefold(), str(first)


class LibraryPeople:
    """The persons of one set of articles, made in a worker and kept for the session."""

    def __init__(
        self,
        db_path: Path,
        store: Callable[[], AnnotationStore],
        library: Path | None,
        opened: Sequence[Path] = (),
    ) -> None:
        self.db_path = db_path
        self.store = store  # the session's store, opened once (it is thread-safe)
        self.library = library
        self.opened = tuple(opened)
        self.latest: PeopleView | None = None  # the last complete view
        self._lock = threading.Lock()  # one run at a time (a second waits for the first)

    def allegations(
        self, view: PeopleView, accuser: str = "", accused: str = ""
    ) -> list[AllegationRow]:
        """Worker thread: the view's allegations (of one accuser or accused), with the
        persons named as the People screen names them. Made when asked for, not with
        every view: the People screen does not show them."""
        from readerapp.core.people import allegations

        return allegations(view.articles, view.persons, accuser=accuser, accused=accused)

    def paths(self) -> tuple[list[Path], str]:
        """The article files, and what they are in words."""
        from readerapp.core.library_index import article_paths

        if self.library is not None:
            return article_paths([self.library]), f"the library {visible_name(self.library)}"
        recorded = {a.article.path for a in self.store().all()}
        found = sorted(Path(p) for p in recorded if p and os.path.isabs(p) and os.path.exists(p))
        paths = article_paths([*found, *self.opened])
        return paths, "the articles you have notes on and the one open"

    def run(
        self,
        on_view: Callable[[PeopleView], None],
        on_progress: Callable[[int, int], None],
        should_stop: Callable[[], bool],
    ) -> PeopleView | None:
        """Worker thread: index, apply corrections, merge; the views on the way. None when
        stopped before the end."""
        with self._lock:
            if should_stop():
                return None
            return self._run(on_view, on_progress, should_stop)

    def _run(
        self,
        on_view: Callable[[PeopleView], None],
        on_progress: Callable[[int, int], None],
        should_stop: Callable[[], bool],
    ) -> PeopleView | None:
        from readerapp.core.corrections.library import LibraryCorrections
        from readerapp.core.library_index import LibraryCache, build_index

        paths, source = self.paths()
        total = len(paths)
        if not paths:
            self.latest = PeopleView(source, complete=True, problem=_nothing(self.library))
            on_view(self.latest)
            return self.latest
        cache = LibraryCache.beside(self.db_path)
        store = self.store()
        corrected = LibraryCorrections(store)
        articles: list[IndexedArticle] = []
        skipped: list[Skipped] = []
        told = [0.0]

        def progress(done: int) -> None:
            now = time.monotonic()
            if now - told[0] >= PROGRESS_SECONDS or done == total:
                told[0] = now
                on_progress(done, total)

        progress(0)
        shown_at = time.monotonic() + VIEW_SECONDS
        view: PeopleView | None = None
        for start in range(0, total, CHUNK):

            def told_after(done: int, _: int, start: int = start) -> None:
                progress(start + done)

            part = build_index(
                paths[start : start + CHUNK],
                cache,
                on_progress=told_after,
                should_stop=should_stop,
            )
            articles.extend(corrected(part.articles))
            skipped.extend(part.skipped)
            if part.cancelled:
                return None
            done = min(start + CHUNK, total)
            if done == total or time.monotonic() >= shown_at:
                began = time.monotonic()
                view = merged(source, articles, skipped, done, total)
                # Merging all so far again takes longer as the library grows: at most a
                # fifth of the time goes to showing the people found so far.
                shown_at = time.monotonic() + max(VIEW_SECONDS, 4 * (time.monotonic() - began))
                if view.complete:
                    self.latest = view
                on_view(view)
        return view


def merged(
    source: str,
    articles: Sequence[IndexedArticle],
    skipped: Sequence[Skipped],
    done: int,
    total: int,
) -> PeopleView:
    """The persons of the articles indexed so far."""
    from readerapp.core.people import people

    persons = people(articles)
    problem = "" if articles or done < total else "none of these files is a readable article"
    return PeopleView(
        source,
        tuple(articles),
        tuple(persons),
        tuple(skipped),
        done,
        total,
        complete=done == total,
        problem=problem,
    )


def _nothing(library: Path | None) -> str:
    if library is not None:
        return f"{visible_name(library)} holds no article files"
    return (
        "No articles to look in: open a library (readerapp FOLDER), or take notes in articles "
        "first (they are looked in when no library is open)"
    )
