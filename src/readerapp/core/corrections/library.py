"""A library's analyses with the user's corrections: what the people and allegations lists show.

A library index (`library_index`) keeps each article's machine analysis; the
corrections of the few articles that have any are applied here. Which those
are is asked of the store's index, so a library of a thousand articles reads
the text of only the corrected ones again (corrections find their passages in
the text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from readerapp.core.annotation import ArticleRef
from readerapp.core.article import Article, ArticleError, load_article
from readerapp.core.corrections.corrected import apply
from readerapp.core.library_index import IndexedArticle
from readerapp.core.store import AnnotationStore


class LibraryCorrections:
    """The user's corrections, ready to apply to the articles of a library.

    The store is asked once which articles have corrections (`all_corrections` reads
    only the files that hold some): asking it per article (`may_have_corrections`)
    checks every article's file each time, a million `stat`s for a thousand articles.
    """

    def __init__(self, store: AnnotationStore) -> None:
        fixes = store.all_corrections()
        self.store = store
        self.sha256s = {c.article.sha256 for c in fixes}
        self.paths = {c.article.path for c in fixes if c.article.path}
        self.titles = {c.article.title for c in fixes if c.article.title}

    def names(self, article: IndexedArticle) -> bool:
        """Whether some correction may be about this article (by text, path or title)."""
        identity = article.identity
        return (
            identity.sha256 in self.sha256s
            or str(identity.path) in self.paths
            or identity.title in self.titles
        )

    def __call__(self, articles: Sequence[IndexedArticle]) -> list[IndexedArticle]:
        """The articles in order, those with corrections corrected."""
        return list(corrected_articles(articles, self.store, corrections=self))


def corrected_articles(
    articles: Iterable[IndexedArticle],
    store: AnnotationStore,
    open_article: Callable[[Path], Article] = load_article,
    *,
    corrections: LibraryCorrections | None = None,
) -> Iterator[IndexedArticle]:
    """Each article with its corrections applied to its analysis. An article whose file
    cannot be read again, or changed since it was indexed, keeps the machine's analysis
    (its corrections wait for the next index)."""
    known = corrections or LibraryCorrections(store)
    for item in articles:
        identity = item.identity
        if not known.names(item):
            yield item
            continue
        ref = ArticleRef(identity.sha256, str(identity.path), identity.title)
        fixes = [c for c in store.corrections_for(ref) if not c.deleted]
        try:
            article = open_article(identity.path) if fixes else None
        except ArticleError:
            article = None
        if article is None or article.sha256 != identity.sha256:
            yield item
            continue
        yield replace(item, analysis=apply(item.analysis, fixes, article.text).analysis)
