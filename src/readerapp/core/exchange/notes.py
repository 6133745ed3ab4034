"""What an export holds: annotations grouped per article, with what is known of the article.

Every format renders the same `ArticleNotes` list, so the article lookup, the
analysis and the orphan check happen once, whatever the format.
An annotation whose passage is found in the article as it is now is exported as
placed now: the current text's identity, offsets and wording (with its wording
when it was made beside it, in `originals`, if that differs: the passage was
edited). One that cannot be placed keeps its own identity and selector, so it
can still be found on a machine that has the old version.
Deleted annotations (tombstones) ride along in `tombstones`, so that a delete
travels to the other machine; formats for reading (Markdown) leave them out.
The corrections of each article's analysis ride along too (withdrawn ones
included, so a withdrawal travels), and `analysis` is the corrected one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from readerapp.core.analysis import Analysis, analyze
from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, article_ref
from readerapp.core.article import Article, ArticleError, load_article
from readerapp.core.corrections.record import Correction

R = TypeVar("R", Annotation, Correction)


@dataclass(frozen=True)
class ArticleNotes:
    """One article's annotations, in text order, and the article as it is on this machine.

    `article` and `analysis` are None when the file is not here (or unreadable);
    `orphaned` then stays empty, since nothing can be checked.
    """

    ref: ArticleRef
    annotations: tuple[Annotation, ...]
    article: Article | None = None
    analysis: Analysis | None = None
    orphaned: frozenset[str] = frozenset()
    tombstones: tuple[Annotation, ...] = ()
    corrections: tuple[Correction, ...] = ()  # of the analysis, withdrawn ones included
    originals: Mapping[str, str] = field(default_factory=dict)  # id → wording when made

    def is_orphaned(self, annotation: Annotation) -> bool | None:
        """True/False when the article text is here to check against, else None (unknown)."""
        if self.article is None:
            return None
        return annotation.id in self.orphaned


def in_text_order(annotations: Iterable[Annotation]) -> tuple[Annotation, ...]:
    return tuple(
        sorted(annotations, key=lambda a: (a.selector.start, a.selector.end, a.created, a.id))
    )


def live_and_deleted(
    annotations: Iterable[Annotation],
) -> tuple[tuple[Annotation, ...], tuple[Annotation, ...]]:
    """The annotations in text order, and the tombstones (deleted ones) by id."""
    live: list[Annotation] = []
    deleted: list[Annotation] = []
    for annotation in annotations:
        (deleted if annotation.deleted else live).append(annotation)
    return in_text_order(live), tuple(sorted(deleted, key=lambda a: a.id))


def tombstone(ident: str, ref: ArticleRef, updated: str, revision: int) -> Annotation:
    """A deleted annotation as an export carries it: id, article, when, revision; no text."""
    return Annotation(
        id=ident,
        article=ref,
        selector=TextSelector("", "", "", 0, 0),
        created=updated,
        updated=updated,
        revision=revision,
        deleted=True,
    )


def group_by_article(records: Iterable[R]) -> dict[ArticleRef, list[R]]:
    groups: dict[ArticleRef, list[R]] = {}
    for record in records:
        groups.setdefault(record.article, []).append(record)
    return groups


def orphaned_ids(annotations: Iterable[Annotation], text: str) -> frozenset[str]:
    """Annotations whose passage can no longer be found in `text` (the article changed)."""
    from readerapp.core.anchoring import anchor

    return frozenset(
        a.id for a in annotations if not a.deleted and anchor(a.selector, text) is None
    )


def notes_for_article(
    article: Article,
    analysis: Analysis | None,
    annotations: Iterable[Annotation],
    corrections: Iterable[Correction] = (),
) -> list[ArticleNotes]:
    """The export of one open article: first its annotations as placed in its text now
    (one entry, even with none), then any that cannot be placed, by their own article.

    `analysis` is the machine's: the export carries it with `corrections` applied; each
    entry carries the corrections made on its article's identity.
    """
    from readerapp.core.anchoring import anchor

    fixes = group_by_article(corrections)
    if analysis is not None and fixes:
        from readerapp.core.corrections.corrected import apply

        every = [c for group in fixes.values() for c in group]
        analysis = apply(analysis, every, article.text).analysis
    live, deleted = live_and_deleted(annotations)
    current, text = article_ref(article), article.text
    placed: list[Annotation] = []
    originals: dict[str, str] = {}
    lost: list[Annotation] = []
    for annotation in live:
        found = anchor(annotation.selector, text)
        if found is None:
            lost.append(annotation)
            continue
        selector = TextSelector.from_text(text, found.start, found.end)
        if selector.exact != annotation.selector.exact:
            originals[annotation.id] = annotation.selector.exact
        placed.append(replace(annotation, article=current, selector=selector))

    def own(ref: ArticleRef) -> tuple[Correction, ...]:
        return tuple(sorted(fixes.pop(ref, ()), key=lambda c: (c.created, c.id)))

    result = [
        ArticleNotes(
            current,
            in_text_order(placed),
            article,
            analysis,
            tombstones=deleted,
            corrections=own(current),
            originals=originals,
        )
    ]
    for ref, group in group_by_article(lost).items():
        orphaned = frozenset(a.id for a in group)
        result.append(
            ArticleNotes(
                ref, in_text_order(group), article, analysis, orphaned, corrections=own(ref)
            )
        )
    for ref in list(fixes):  # corrections made on an earlier version, with no notes of it
        result.append(ArticleNotes(ref, (), article, analysis, corrections=own(ref)))
    return result


def notes_for_all(
    annotations: Iterable[Annotation],
    open_article: Callable[[Path], Article] = load_article,
    analyse: Callable[[Article], Analysis] = analyze,
    corrections: Iterable[Correction] = (),
) -> list[ArticleNotes]:
    """Every article in the database, each looked up on disk by its recorded path.

    Each file is read and analysed once even if several identities point at it.
    Articles that are gone keep their annotations and corrections, with no metadata
    beyond the ref.
    """
    found: dict[str, tuple[Article, Analysis] | None] = {}
    result = []
    groups = group_by_article(annotations)
    fixes = group_by_article(corrections)
    for ref in fixes:
        groups.setdefault(ref, [])
    for ref in sorted(groups, key=lambda r: (r.title.casefold(), r.path, r.sha256)):
        if ref.path not in found:
            found[ref.path] = _open(ref.path, open_article, analyse)
        opened = found[ref.path]
        own = fixes.get(ref, [])
        if opened is None:
            live, deleted = live_and_deleted(groups[ref])
            ordered = tuple(sorted(own, key=lambda c: (c.created, c.id)))
            result.append(ArticleNotes(ref, live, tombstones=deleted, corrections=ordered))
            continue
        article, analysis = opened
        result.extend(notes_for_article(article, analysis, groups[ref], own))
    return result


def _open(
    path: str, open_article: Callable[[Path], Article], analyse: Callable[[Article], Analysis]
) -> tuple[Article, Analysis] | None:
    if not path:
        return None
    try:
        article = open_article(Path(path))
    except ArticleError:
        return None
    return article, analyse(article)
