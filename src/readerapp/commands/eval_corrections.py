"""`readerapp eval ARTICLE|DIR` with no gold file: the machine scored against your corrections.

The user's corrected analysis (`readerapp analyze --json` after corrections) is
the gold here: the machine's analysis of each article is scored against it
with the same rules as against a hand-made gold file. Over a folder, every
article with corrections is scored and the total pools the counts of all of
them (micro-averaged); an article without corrections has no verified analysis
to score against, so it is skipped, and the report says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from readerapp.commands.corrections_db import corrected
from readerapp.core.analysis import analysis_to_json, analyze
from readerapp.core.analysis.scoring import PRF, Scores, score
from readerapp.core.annotation import article_ref
from readerapp.core.article import ArticleError, load_article
from readerapp.core.library import article_files
from readerapp.core.safe_text import visible_name
from readerapp.core.store import AnnotationStore


@dataclass(frozen=True)
class Scored:
    """One article's scores against its corrections, or why it was skipped."""

    path: Path
    title: str
    scores: Scores | None
    skipped: str | None = None


def score_article(store: AnnotationStore | None, path: Path) -> Scored:
    """The machine's analysis of the article at `path` scored against the user's."""
    try:
        article = load_article(path)
    except ArticleError as err:
        return Scored(path, "", None, skipped=str(err))
    fixes = store.corrections_for(article_ref(article)) if store is not None else []
    if not any(not c.deleted for c in fixes):
        return Scored(path, article.title, None, skipped="no corrections")
    machine = analyze(article)
    gold = analysis_to_json(article, corrected(store, article, machine).analysis)
    return Scored(path, article.title, score(analysis_to_json(article, machine), gold))


def score_folder(store: AnnotationStore | None, folder: Path) -> list[Scored]:
    return [score_article(store, path) for path in article_files(folder)]


def _pooled(prfs: list[PRF]) -> PRF:
    found = sum(p.true_positives for p in prfs)
    gold = sum(p.gold for p in prfs)
    predicted = sum(p.predicted for p in prfs)
    right = sum(round(p.precision * p.predicted) for p in prfs)  # precision = right / predicted
    return PRF.from_counts(found, gold, right, predicted)


def pooled(all_scores: list[Scores]) -> Scores:
    """The total over articles: counts pooled, then precision, recall and F1 of those."""
    matched = [s.allegations.true_positives for s in all_scores]
    weight = sum(matched)
    return Scores(
        speakers=_pooled([s.speakers for s in all_scores]),
        quotes=_pooled([s.quotes for s in all_scores]),
        allegations=_pooled([s.allegations for s in all_scores]),
        accuser_agreement=(
            sum(s.accuser_agreement * m for s, m in zip(all_scores, matched, strict=True)) / weight
            if weight
            else 0.0
        ),
        accused_agreement=(
            sum(s.accused_agreement * m for s, m in zip(all_scores, matched, strict=True)) / weight
            if weight
            else 0.0
        ),
    )


def report(
    results: list[Scored], to_json: Callable[[Scores], dict[str, object]] | None = None
) -> str:
    """The table of the scored articles, their total, and the skipped ones; with
    `to_json` (how `eval ARTICLE GOLD --json` writes scores), the same as JSON."""
    scored = [r for r in results if r.scores is not None]
    total = pooled([r.scores for r in scored if r.scores is not None])
    if to_json is not None:
        return json.dumps(
            {
                "articles": [
                    {"path": str(r.path), "title": r.title, "scores": to_json(r.scores)}
                    for r in scored
                    if r.scores is not None
                ],
                "skipped": [
                    {"path": str(r.path), "reason": r.skipped} for r in results if r.skipped
                ],
                "total": to_json(total),
            },
            indent=1,
            ensure_ascii=False,
        )
    lines = [f"{'article':<40} {'speakers':>8} {'quotes':>7} {'allegations':>11}  (F1)"]
    for r in scored:
        assert r.scores is not None
        lines.append(_row(visible_name(r.path.name), r.scores))
    if len(scored) > 1:
        lines.append(_row(f"total ({len(scored)} articles)", total))
    lines.append("")
    lines.extend(f"{label:<12} {p:>9} {rc:>7} {f1:>6}  {c}" for label, p, rc, f1, c in total.rows())
    skipped = [r for r in results if r.skipped]
    if skipped:
        lines.append("")
        lines.extend(f"skipped {visible_name(r.path.name)}: {r.skipped}" for r in skipped)
    return "\n".join(lines)


def _row(name: str, s: Scores) -> str:
    short = name if len(name) <= 40 else name[:39] + "…"
    return f"{short:<40} {s.speakers.f1:>8.3f} {s.quotes.f1:>7.3f} {s.allegations.f1:>11.3f}"
