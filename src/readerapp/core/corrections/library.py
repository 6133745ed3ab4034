"""A library's analyses with the user's corrections: what the people and allegations lists show.

A library index (`library_index`) keeps each article's machine analysis; the
corrections of the few articles that have any are applied here. Which those
are is asked of the store's index, so a library of a thousand articles reads
the text of only the corrected ones again (corrections find their passages in
the text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from readerapp.core.annotation import ArticleRef
from readerapp.core.article import Article, ArticleError, load_article
from readerapp.core.corrections.corrected import apply
from readerapp.core.library_index import IndexedArticle
from readerapp.core.store import AnnotationStore


def corrected_articles(
    articles: Iterable[IndexedArticle],
    store: AnnotationStore,
    open_article: Callable[[Path], Article] = load_article,
) -> Iterator[IndexedArticle]:
    """Each article with its corrections applied to its analysis. An article whose file
    cannot be read again, or changed since it was indexed, keeps the machine's analysis
    (its corrections wait for the next index)."""
    for item in articles:
        identity = item.identity
        ref = ArticleRef(identity.sha256, str(identity.path), identity.title)
        if not store.may_have_corrections(ref):
            yield item
            continue
        fixes = [c for c in store.corrections_for(ref) if not c.deleted]
        try:
            article = open_article(identity.path) if fixes else None
        except ArticleError:
            article = None
        if article is None or article.sha256 != identity.sha256:
            yield item
            continue
        yield replace(item, analysis=apply(item.analysis, fixes, article.text).analysis)
