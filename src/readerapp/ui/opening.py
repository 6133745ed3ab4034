"""Opening an article from a list across articles, at the passage the row stands for.

The list screen says where to go (`Destination`): the file, and a note's id or
the passages found by the analysis. The article is read in a worker; the reader
is pushed with an `Arrival`, and Escape there comes back to the list, on the
same row (the list screen stays under the reader). On the reader's side,
`arriving.Arriving` puts the cursor on the note once the notes are placed, or
shows the passages as choosing a sidebar row does.

Passages found in an index are offsets into the text that was indexed: when
the file has changed since, they are looked for again by their words, and the
reader says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from readerapp.ui.messages import Arrival, Jump
from readerapp.ui.plain import notify

if TYPE_CHECKING:
    from textual.screen import Screen

    from readerapp.core.article import Article
    from readerapp.ui.session import Session

Span = tuple[int, int]


@dataclass(frozen=True)
class Destination:
    """Where a chosen row leads: an article file and what to show in it."""

    path: str  # the article file as recorded (a note's) or indexed
    title: str
    back_to: str  # the screen Escape returns to, as the status line names it
    annotation_id: str = ""  # a note: the cursor goes to its passage
    label: str = ""  # passages: what they are ("Maria Lopes")
    sha256: str = ""  # the text the spans are offsets into
    spans: tuple[Span, ...] = ()
    texts: tuple[str, ...] = ()  # the words of each span, to find them in an edited file
    index: int = 0  # the span to go to first


def cannot_open(destination: Destination) -> str | None:
    """Why the article cannot be opened from here, before trying (None: try)."""
    path = destination.path
    if not path or not os.path.isabs(path):
        return f"“{destination.title}” has no file on this machine (it came from elsewhere)."
    if not os.path.exists(path):
        return f"The article file is not on this machine: {path}"
    return None


def arrival_for(article: Article, destination: Destination) -> Arrival:
    """The reader's arrival: the note, or the passages (found again if the file changed)."""
    if destination.annotation_id:
        return Arrival(destination.back_to, annotation_id=destination.annotation_id)
    spans, index, notice = destination.spans, destination.index, ""
    if destination.sha256 and article.sha256 != destination.sha256:
        found = [_find(article.text, text) for text in destination.texts]
        spans = tuple(sorted({s for s in found if s is not None}))
        wanted = found[destination.index] if destination.index < len(found) else None
        index = spans.index(wanted) if wanted in spans else 0
        missing = len(found) - len(spans)
        notice = "The article changed since it was indexed"
        notice += f": {missing} of {len(found)} passages are no longer in it." if missing else "."
    if not spans:
        return Arrival(destination.back_to, notice=notice or "Nothing to show in this article.")
    wanted_span = spans[min(index, len(spans) - 1)]
    spans = tuple(sorted(spans))  # the reader walks them in text order
    index = spans.index(wanted_span)
    return Arrival(destination.back_to, jump=Jump(destination.label, spans, index), notice=notice)


def _find(text: str, passage: str) -> Span | None:
    start = text.find(passage) if passage else -1
    return (start, start + len(passage)) if start >= 0 else None


def open_at(screen: Screen[None], session: Session, destination: Destination) -> None:
    """Read the article in a worker, then open the reader over `screen` at the destination;
    or say, in one sentence, why it cannot be opened."""
    problem = cannot_open(destination)
    if problem is not None:
        notify(screen, problem, title="Cannot open", severity="warning", timeout=10)
        return

    def load() -> None:
        from readerapp.core.article import ArticleError, load_article

        try:
            article = load_article(Path(destination.path))
        except ArticleError as err:
            screen.app.call_from_thread(
                notify, screen, str(err), title="Cannot open", severity="error", timeout=10
            )
            return
        screen.app.call_from_thread(_push, screen, session, article, destination)

    screen.run_worker(load, thread=True, exclusive=True, group="open")


def _push(screen: Screen[None], session: Session, article: Article, where: Destination) -> None:
    if not screen.is_current:  # the user went elsewhere meanwhile (or chose twice)
        return
    from readerapp.ui.reader_screen import ReaderScreen

    arrival = arrival_for(article, where)
    screen.app.push_screen(ReaderScreen(article, session, from_library=True, arrival=arrival))
