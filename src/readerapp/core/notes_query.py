"""Notes across the database: every annotation of every article, filtered by tags and text.

This is coding retrieval ("every passage tagged contradiction", "every note
where I wrote FOI"): a tag filter keeps annotations carrying all the tags
asked for, and a search keeps those whose note, tags or passage contain the
text, case and quote marks aside (`text_search.fold`, as the article's own
search). Whether a passage is still in its article (`orphaned`) is checked
against the file as it is now: without reading it when its `stat` says it is
the text the annotation was made on (`library_index.ArticleCatalog`), with
re-anchoring when it changed, and left unknown (None) when the file is gone.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from readerapp.core.anchoring import anchor
from readerapp.core.annotation import Annotation
from readerapp.core.article import Article, ArticleError, load_article
from readerapp.core.library_index import ArticleCatalog
from readerapp.core.text_search import fold


@dataclass(frozen=True)
class NoteRow:
    """One annotation as the notes list shows it, with its article as it is now."""

    annotation: Annotation
    title: str
    path: str
    orphaned: bool | None  # None: the article file is not here to check

    @property
    def first_line(self) -> str:
        return self.annotation.note.strip().split("\n", 1)[0] if self.annotation.note else ""


def has_tags(annotation: Annotation, wanted: Iterable[str]) -> bool:
    """Whether the annotation carries every tag in `wanted` (case and quotes folded)."""
    mine = {fold(t) for t in annotation.tags}
    return all(fold(t) in mine for t in wanted)


def haystack(annotation: Annotation) -> str:
    """What a search looks in: the note, the tags and the passage, folded."""
    return fold("\n".join((annotation.note, *annotation.tags, annotation.selector.exact)))


def matching(
    annotations: Iterable[Annotation], *, tags: Sequence[str] = (), search: str = ""
) -> list[Annotation]:
    """The live annotations with all of `tags` whose note, tags or passage hold `search`."""
    wanted = fold(search)
    return [
        a
        for a in annotations
        if not a.deleted and has_tags(a, tags) and (not wanted or wanted in haystack(a))
    ]


def note_rows(
    annotations: Iterable[Annotation],
    catalog: ArticleCatalog | None = None,
    open_article: Callable[[Path], Article] = load_article,
) -> list[NoteRow]:
    """The annotations as rows, each with whether its passage is still in its article."""
    catalog = catalog or ArticleCatalog(None)
    by_path: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_path.setdefault(annotation.article.path, []).append(annotation)
    rows = []
    for path, group in by_path.items():
        rows.extend(_rows_of_one_file(path, group, catalog, open_article))
    return rows


def _rows_of_one_file(
    path: str,
    group: list[Annotation],
    catalog: ArticleCatalog,
    open_article: Callable[[Path], Article],
) -> list[NoteRow]:
    identity = article = None
    if path and os.path.isabs(path):  # not an IRI from another tool
        with contextlib.suppress(ArticleError):
            identity, article = catalog.identify(Path(path))
    rows = []
    for a in group:
        title = a.article.title or (identity.title if identity else "")
        orphaned: bool | None = None
        if identity is not None:
            if a.article.sha256 == identity.sha256:
                orphaned = False  # made on this very text: its selector holds as stored
            else:
                if article is None:
                    try:
                        article = open_article(identity.path)
                    except ArticleError:
                        rows.append(NoteRow(a, title, path, None))
                        continue
                orphaned = anchor(a.selector, article.text) is None
        rows.append(NoteRow(a, title, path, orphaned))
    return rows


class NotesList:
    """Every annotation across the database, ready to filter as the user types.

    The folded text of each row is computed once, so a keystroke in the search box
    costs one substring test per row.
    """

    def __init__(self, rows: Sequence[NoteRow]) -> None:
        self.rows = tuple(rows)
        self._haystacks = [haystack(r.annotation) for r in self.rows]
        self._tags = [frozenset(fold(t) for t in r.annotation.tags) for r in self.rows]

    def filter(self, *, tags: Sequence[str] = (), search: str = "") -> list[NoteRow]:
        wanted_tags = {fold(t) for t in tags}
        wanted = fold(search)
        return [
            row
            for row, text, mine in zip(self.rows, self._haystacks, self._tags, strict=True)
            if wanted_tags <= mine and (not wanted or wanted in text)
        ]

    def tag_counts(self) -> Counter[str]:
        """Tags in use, with how many annotations carry each (for completion)."""
        return Counter(t for r in self.rows for t in set(r.annotation.tags))


SORTS: dict[str, Callable[[NoteRow], tuple[object, ...]]] = {
    "article": lambda r: (fold(r.title), r.path, r.annotation.selector.start),
    "tag": lambda r: (
        tuple(sorted(fold(t) for t in r.annotation.tags)) or ("\uffff",),
        fold(r.title),
    ),
    "date": lambda r: (r.annotation.updated, r.annotation.id),
}


def sorted_rows(rows: Iterable[NoteRow], by: str = "article") -> list[NoteRow]:
    """Rows by article (then position), by tag (untagged last), or by date (oldest first)."""
    return sorted(rows, key=SORTS[by])
