"""How good the analysis is, in one command: real news, the written corpus and the sample.

    python benchmarks/score_realnews.py                  # every set (PolNeAR: all 840, minutes)
    python benchmarks/score_realnews.py --polnear 100    # PolNeAR's first 100 articles only
    python benchmarks/score_realnews.py --sets realnews,corpus --verbose

Sets: `realnews` (20 real articles with gold in our schema), `polnear` (the PolNeAR
train split, scored by its own scorer), `corpus` (tests/analysis_corpus) and `sample`
(the bundled article against tests/sample.gold.json). The real-news sets live outside
the repository under ../shared (or $READERAPP_SHARED); when they are missing, their rows
say so and are skipped. The analysis runs in this process, exactly as `readerapp
analyze --json` and `readerapp eval --json` would, so the figures are theirs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("READERAPP_SHARED", ROOT.parent.parent / "shared"))
CORPUS = ROOT / "tests" / "analysis_corpus"
SAMPLE = ROOT / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"
SAMPLE_GOLD = ROOT / "tests" / "sample.gold.json"


def _shared() -> Path:
    """../shared beside the checkout: /work/shared for a worktree under /work/wt."""
    for candidate in (SHARED, ROOT.parent / "shared", Path("/work/shared")):
        if candidate.is_dir():
            return candidate
    return SHARED


def gold_scores(pairs: list[tuple[Path, Path]], verbose: bool) -> dict[str, float] | None:
    """F1 over the pooled counts of every article (micro, as the issue's scorers count),
    agreement pooled over every matched allegation, and the mean per-article F1 (macro)."""
    from readerapp.core.analysis import analysis_to_json, analyze
    from readerapp.core.analysis.scoring import score
    from readerapp.core.article import load_article

    if not pairs:
        return None
    kinds = ("speakers", "quotes", "allegations")
    pooled = {kind: [0, 0, 0, 0] for kind in kinds}  # found gold, gold, right predicted, predicted
    macro: dict[str, list[float]] = {kind: [] for kind in kinds}
    accuser = accused = matched = 0.0
    for article_path, gold_path in pairs:
        article = load_article(article_path)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found = score(analysis_to_json(article, analyze(article)), gold)
        n = found.allegations.true_positives
        matched += n
        accuser += found.accuser_agreement * n
        accused += found.accused_agreement * n
        for kind in kinds:
            prf = getattr(found, kind)
            counts = pooled[kind]
            counts[0] += prf.true_positives
            counts[1] += prf.gold
            counts[2] += round(prf.precision * prf.predicted)
            counts[3] += prf.predicted
            macro[kind].append(prf.f1)
        if verbose:
            print(
                f"  {article_path.stem[:48]:<48} spk {found.speakers.f1:.2f} "
                f"quo {found.quotes.f1:.2f} ({found.quotes.true_positives}/{found.quotes.gold}"
                f" gold, {found.quotes.predicted} pred) "
                f"all {found.allegations.f1:.2f} ({n}/{found.allegations.gold},"
                f" {found.allegations.predicted} pred) "
                f"acc {found.accuser_agreement:.2f}/{found.accused_agreement:.2f}"
            )
    figures: dict[str, float] = {"articles": len(pairs)}
    for kind, (found_gold, gold_count, right, predicted) in pooled.items():
        precision = right / predicted if predicted else 1.0
        recall = found_gold / gold_count if gold_count else 1.0
        total = precision + recall
        figures[kind] = 2 * precision * recall / total if total else 0.0
        figures[kind + "_macro"] = statistics.fmean(macro[kind])
    figures["accuser"] = accuser / matched if matched else 0.0
    figures["accused"] = accused / matched if matched else 0.0
    return figures


def realnews_pairs() -> list[tuple[Path, Path]]:
    folder = _shared() / "realnews"
    return [
        (article, folder / "gold" / f"{article.stem}.gold.json")
        for article in sorted((folder / "articles").glob("*.txt"))
    ]


def corpus_pairs() -> list[tuple[Path, Path]]:
    return [(p, p.with_name(p.stem + ".gold.json")) for p in sorted(CORPUS.glob("*.txt"))]


def polnear(limit: int, details: str | None, keep: str | None) -> dict[str, float] | None:
    """PolNeAR's own scorer on predictions made here, as its run.sh would make them."""
    from readerapp.core.analysis import analysis_to_json, analyze
    from readerapp.core.article import load_article

    folder = _shared() / "polnear"
    texts = sorted((folder / "train").glob("*.txt"))
    if not texts:
        return None
    if limit:
        texts = texts[:limit]
    with tempfile.TemporaryDirectory() as scratch:
        gold_dir = Path(scratch) / "gold"
        pred_dir = Path(keep) if keep else Path(scratch) / "pred"
        gold_dir.mkdir()
        pred_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        for text in texts:
            (gold_dir / text.name).symlink_to(text)
            (gold_dir / f"{text.stem}.ann").symlink_to(text.with_suffix(".ann"))
            article = load_article(text)
            prediction = analysis_to_json(article, analyze(article))
            (pred_dir / f"{text.stem}.json").write_text(json.dumps(prediction), encoding="utf-8")
        per_article = (time.perf_counter() - started) / len(texts)
        command = [sys.executable, str(folder / "score.py"), str(pred_dir), str(gold_dir)]
        if details:
            command += ["--details", details]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures: dict[str, float] = {"articles": len(texts), "s_per_article": per_article}
    for line in output.splitlines():
        for key, value in re.findall(r"(\w+)=([\d.]+)", line):
            figures.setdefault(key, float(value))
        start = re.search(r"direct_start=(\d+)/(\d+)", line)
        if start:
            figures["direct_start_r"] = int(start.group(1)) / max(int(start.group(2)), 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sets", default="realnews,polnear,corpus,sample")
    options.add_argument("--polnear", type=int, default=0, help="first N articles (0: all)")
    options.add_argument("--details", help="PolNeAR: write every miss and false positive here")
    options.add_argument("--keep", help="PolNeAR: keep the predictions in this folder")
    options.add_argument("--verbose", action="store_true", help="one line per gold article")
    args = options.parse_args(argv)
    wanted = set(args.sets.split(","))
    sys.path.insert(0, str(ROOT / "src"))

    header = f"{'set':<24} {'n':>4} {'speakers':>9} {'quotes':>7} {'alleg.':>7} {'accuser':>8}"
    header += f" {'accused':>8}"
    gold_sets = [
        ("realnews", "real news (realnews)", realnews_pairs),
        ("corpus", "written (corpus)", corpus_pairs),
        ("sample", "sample", lambda: [(SAMPLE, SAMPLE_GOLD)]),
    ]
    printed_header = False
    for key, label, pairs in gold_sets:
        if key not in wanted:
            continue
        if not printed_header:
            print(header)
            printed_header = True
        found = gold_scores(pairs(), args.verbose)
        if found is None:
            print(f"{label:<24} skipped: no articles found")
            continue
        print(
            f"{label:<24} {found['articles']:>4.0f} {found['speakers']:>9.3f} "
            f"{found['quotes']:>7.3f} {found['allegations']:>7.3f} {found['accuser']:>8.3f} "
            f"{found['accused']:>8.3f}   (mean per article {found['speakers_macro']:.3f} "
            f"{found['quotes_macro']:.3f} {found['allegations_macro']:.3f})"
        )
    if "polnear" in wanted:
        figures = polnear(args.polnear, args.details, args.keep)
        if figures is None:
            print("PolNeAR                  skipped: no PolNeAR articles found")
            return 0
        print(
            f"PolNeAR train ({figures['articles']:.0f}): direct_start_r "
            f"{figures.get('direct_start_r', 0):.3f} direct_r {figures['direct_r']:.3f} "
            f"speech_r {figures['speech_r']:.3f} precision {figures['quotes_p']:.3f} "
            f"recall {figures['quotes_r']:.3f} f1 {figures['quotes_f1']:.3f} attrib_acc "
            f"{figures['attrib_acc']:.3f} ({figures['s_per_article'] * 1000:.0f} ms/article)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
