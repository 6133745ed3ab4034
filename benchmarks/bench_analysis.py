"""Benchmark: how long `analyze()` takes on the sample article and on a 1 MB article.

Run `python benchmarks/bench_analysis.py` (add `--quick` for fewer runs). Targets from
the analysis issue: the sample in under 30 ms after import, 1 MB in under 2 s. The
1 MB article repeats the sample's paragraphs, so any per-quote scan of the whole text
(quadratic behaviour) shows up here. `run(quick)` returns rows a benchmark runner
can collect: {measure, figure, baseline, ratio, target, ok}.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from typing import Any

SAMPLE_TARGET_S = 0.030
MEGABYTE_TARGET_S = 2.0


def _median_seconds(function: Any, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Time the analysis; one row per measure, `ok` when the figure meets its target."""
    from readerapp.core.analysis import analyze
    from readerapp.core.article import load_article
    from readerapp.core.locations import bundled_article

    sample = load_article(bundled_article())
    paragraphs = sample.text.split("\n\n")
    body: list[str] = []
    size = 0
    while size < 1_000_000:
        for paragraph in paragraphs:
            body.append(paragraph)
            size += len(paragraph) + 2
    big_text = "\n\n".join(body)
    big = replace(sample, text=big_text, paragraphs=())

    analyze(sample)  # warm caches (compiled patterns) as the app would after import
    sample_s = _median_seconds(lambda: analyze(sample), 5 if quick else 21)
    big_s = _median_seconds(lambda: analyze(big), 1 if quick else 3)
    return [
        _row("analyze sample article (s)", sample_s, SAMPLE_TARGET_S),
        _row(f"analyze {len(big_text) / 1e6:.1f} MB article (s)", big_s, MEGABYTE_TARGET_S),
    ]


def _row(measure: str, figure: float, target: float) -> dict[str, Any]:
    return {
        "measure": measure,
        "figure": round(figure, 4),
        "baseline": target,
        "ratio": round(figure / target, 3),
        "target": f"< {target} s",
        "ok": figure < target,
    }


def main() -> int:
    rows = run(quick="--quick" in sys.argv[1:])
    for row in rows:
        verdict = "PASS" if row["ok"] else "FAIL"
        print(
            f"{row['measure']:<34} median {row['figure'] * 1000:9.1f} ms   "
            f"target {row['target']:<9} ratio {row['ratio']:.2f}  {verdict}"
        )
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
