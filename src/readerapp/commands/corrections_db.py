"""The user's corrections of the analysis, for the commands that show or score it.

`readerapp analyze` and `readerapp eval` read the notes database only for its
corrections, read-only. A database that does not exist yet only means there
are none (the reader makes it at the first note, so `$READERAPP_DB` may name
one that is still to come), but one named on the command line (`--db`) that is
not there is a typo worth saying, and so is one that cannot be read.
"""

from __future__ import annotations

from collections.abc import Iterable

from readerapp.core.analysis import Analysis
from readerapp.core.annotation import article_ref
from readerapp.core.article import Article
from readerapp.core.corrections.corrected import Corrected, apply
from readerapp.core.corrections.library import corrected_articles
from readerapp.core.library_index import IndexedArticle
from readerapp.core.locations import database_path
from readerapp.core.safe_text import visible_name
from readerapp.core.store import AnnotationStore, StoreError


class DatabaseProblem(Exception):
    """The corrections cannot be read; str() is one sentence for the user."""


def open_corrections(db_arg: str | None, *, missing_ok: bool = False) -> AnnotationStore | None:
    """The database, read-only; None when the default one does not exist yet (or any
    one, with `missing_ok`)."""
    path = database_path(db_arg)
    try:
        return AnnotationStore(path, read_only=True, must_exist=True)
    except StoreError as err:
        if err.kind != "missing":
            raise DatabaseProblem(str(err).rstrip(".")) from None
        if not db_arg or missing_ok:
            return None
        raise DatabaseProblem(
            f"{visible_name(path)}: no annotation database there, so no corrections to apply; "
            "check --db, or pass --machine for the automatic analysis"
        ) from None


def corrected(store: AnnotationStore | None, article: Article, machine: Analysis) -> Corrected:
    """The machine's analysis with the article's corrections from `store` (if any)."""
    fixes = store.corrections_for(article_ref(article)) if store is not None else []
    return apply(machine, fixes, article.text)


def corrected_library(
    articles: Iterable[IndexedArticle], db_arg: str | None
) -> list[IndexedArticle]:
    """A library index's articles with the corrections in the database, if there is one
    (the people and allegations lists: a missing database only means no corrections)."""
    try:
        store = open_corrections(None if db_arg is None else db_arg, missing_ok=True)
    except DatabaseProblem:
        return list(articles)
    if store is None:
        return list(articles)
    try:
        return list(corrected_articles(articles, store))
    finally:
        store.close()
