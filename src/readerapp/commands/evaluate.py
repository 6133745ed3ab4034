"""`readerapp eval ARTICLE [GOLD]`: precision, recall and F1 of the analysis against gold.

The scoring rules live in `readerapp.core.analysis.scoring` so tests call the same
function. Without GOLD the gold is the user's corrected analysis from the notes
database, of ARTICLE or of every article in a folder (`eval_corrections`). Bad
input (article or gold file) is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from readerapp.commands import add_db_option, fail
from readerapp.commands.corrections_db import DatabaseProblem, open_corrections
from readerapp.commands.eval_corrections import report, score_article, score_folder
from readerapp.core.analysis import analysis_to_json, analyze
from readerapp.core.analysis.scoring import GoldError, Scores, normalize, score
from readerapp.core.article import Article, ArticleError, load_article
from readerapp.core.safe_text import visible_name


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="readerapp eval",
        description="Score `readerapp analyze` on an article against a hand-written gold file "
        "(same schema as `readerapp analyze --json`). Without GOLD, against your corrections "
        "of the analysis in the notes database, for ARTICLE or every article in a folder.",
    )
    result.add_argument("article", metavar="ARTICLE", help="the article file, or a folder")
    result.add_argument(
        "gold", metavar="GOLD", nargs="?", help="its gold .json file (default: your corrections)"
    )
    result.add_argument("--json", action="store_true", help="print the scores as JSON")
    add_db_option(result)
    return result


def load_gold(path: Path) -> dict[str, Any]:
    """Read a gold file; every failure is a GoldError with one line for the user."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"{path}: no such gold file; check the path") from None
    except IsADirectoryError:
        raise GoldError(f"{path} is a directory; give a .gold.json file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot read the gold file ({err})") from None
    try:
        gold = json.loads(raw)
    except json.JSONDecodeError as err:
        raise GoldError(f"{path}: not valid JSON (line {err.lineno}: {err.msg})") from None
    if not isinstance(gold, dict):
        raise GoldError(f"{path}: the gold file must hold one JSON object")
    return gold


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.gold is None:
        return against_corrections(args)
    try:
        article = load_article(Path(args.article))
        gold = load_gold(Path(args.gold))
        scores = score(analysis_to_json(article, analyze(article)), gold)
    except ArticleError as err:
        return fail(str(err))
    except GoldError as err:
        return fail(f"{args.gold}: {err}" if not str(err).startswith(args.gold) else str(err))
    mismatch = gold_mismatch(article, gold)
    if mismatch:
        print(f"readerapp: warning: {visible_name(args.gold)} {mismatch}", file=sys.stderr)
    if args.json:
        print(json.dumps(scores_to_json(scores), indent=1))
    else:
        print_scores(scores)
    return 0


def gold_mismatch(article: Article, gold: dict[str, Any]) -> str | None:
    """Why the gold looks like another article's (the scores would be near zero and mean
    nothing), in words for a warning; None when it fits the article."""
    title = str(gold.get("title") or "")
    text = normalize(article.text)
    strings = [
        str(q)
        for s in gold.get("speakers") or []
        if isinstance(s, dict)
        for q in s.get("quotes") or []
    ] + [
        str(a.get("evidence_substring", ""))
        for a in gold.get("allegations") or []
        if isinstance(a, dict)
    ]
    strings = [s for s in strings if s.strip()]
    missing = sum(1 for s in strings if normalize(s) not in text)
    other_title = bool(title) and normalize(title) != normalize(article.title)
    if not other_title and 2 * missing <= len(strings):
        return None
    why = [f"its title is {title!r}, this article's {article.title!r}"] if other_title else []
    if strings and 2 * missing > len(strings):
        why.append(f"{missing} of its {len(strings)} quotes and evidence are not in the text")
    because = "; ".join(why)
    return f"looks like the gold of another article ({because}); the scores compare other texts"


def against_corrections(args: argparse.Namespace) -> int:
    """`eval ARTICLE` or `eval DIR`: the machine against the user's corrections."""
    path = Path(args.article)
    if not path.exists():  # the user's typo first: it says more than a missing database
        return fail(f"{visible_name(path)}: no such file or folder; check the path")
    try:
        store = open_corrections(args.db)
    except DatabaseProblem as err:
        return fail(str(err))
    if store is None:
        return fail(
            "no notes database yet, so no corrections to score against; correct the "
            "analysis in the reader first, or give a gold file: readerapp eval ARTICLE GOLD"
        )
    try:
        results = score_folder(store, path) if path.is_dir() else [score_article(store, path)]
    except OSError as err:
        return fail(f"{visible_name(path)}: cannot list the folder ({err.strerror or err})")
    finally:
        store.close()
    if not any(r.scores for r in results):
        if len(results) == 1 and results[0].skipped != "no corrections":
            return fail(str(results[0].skipped))
        where = (
            f"none of the {len(results)} articles in {visible_name(path)} has any"
            if path.is_dir()
            else f"{visible_name(path)} has no"
        )
        return fail(
            f"{where} corrections of its analysis in the notes database, so there is nothing "
            "to score against; correct the analysis in the reader, or give a gold file"
        )
    if not path.is_dir():
        scores = results[0].scores
        assert scores is not None
        if args.json:
            print(json.dumps(scores_to_json(scores), indent=1))
        else:
            print_scores(scores)
        return 0
    print(report(results, scores_to_json if args.json else None))
    return 0


def scores_to_json(scores: Scores) -> dict[str, object]:
    result: dict[str, object] = {}
    for label, prf in (
        ("speakers", scores.speakers),
        ("quotes", scores.quotes),
        ("allegations", scores.allegations),
    ):
        result[label] = {
            "precision": round(prf.precision, 4),
            "recall": round(prf.recall, 4),
            "f1": round(prf.f1, 4),
            "found": prf.true_positives,
            "gold": prf.gold,
            "predicted": prf.predicted,
        }
    result["accuser_agreement"] = round(scores.accuser_agreement, 4)
    result["accused_agreement"] = round(scores.accused_agreement, 4)
    return result


def print_scores(scores: Scores) -> None:
    print(f"{'measure':<12} {'precision':>9} {'recall':>7} {'F1':>6}  counts")
    for label, precision, recall, f1, counts in scores.rows():
        print(f"{label:<12} {precision:>9} {recall:>7} {f1:>6}  {counts}")
    matched = scores.allegations.true_positives
    print(
        f"accuser agreement {scores.accuser_agreement:.3f}, accused agreement "
        f"{scores.accused_agreement:.3f} (over {matched} matched allegations)"
    )
