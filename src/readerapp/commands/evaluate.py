"""`readerapp eval ARTICLE GOLD`: precision, recall and F1 of the analysis against gold.

The scoring rules live in `readerapp.core.analysis.scoring` so tests call the same
function. Bad input (article or gold file) is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from readerapp.commands import fail
from readerapp.core.analysis import analysis_to_json, analyze
from readerapp.core.analysis.scoring import GoldError, Scores, score
from readerapp.core.article import ArticleError, load_article


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="readerapp eval",
        description="Score `readerapp analyze` on an article against a hand-written gold file "
        "(same schema as `readerapp analyze --json`).",
    )
    result.add_argument("article", metavar="ARTICLE", help="the article file")
    result.add_argument("gold", metavar="GOLD", help="its gold .json file")
    result.add_argument("--json", action="store_true", help="print the scores as JSON")
    return result


def load_gold(path: Path) -> dict[str, object]:
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
    try:
        article = load_article(Path(args.article))
        gold = load_gold(Path(args.gold))
        scores = score(analysis_to_json(article, analyze(article)), gold)
    except ArticleError as err:
        return fail(str(err))
    except GoldError as err:
        return fail(f"{args.gold}: {err}" if not str(err).startswith(args.gold) else str(err))
    if args.json:
        print(json.dumps(scores_to_json(scores), indent=1))
    else:
        print_scores(scores)
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
