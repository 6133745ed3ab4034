"""Benchmark: how long `analyze()` takes on the sample article and on a 1 MB article.

Run `python benchmarks/bench_analysis.py` (add `--quick` for fewer runs). Targets from
the analysis issue: the sample in under 30 ms after import, 1 MB in under 2 s. The
1 MB article repeats the sample's paragraphs, so any per-quote scan of the whole text
(quadratic behaviour) shows up here. `run(quick)` returns rows a benchmark runner
can collect: {measure, figure, baseline, ratio, target, ok}.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

SAMPLE_TARGET_S = 0.030
MEGABYTE_TARGET_S = 2.0
STRESS_TARGET_S = 4.0  # worst case of our own: 1 MB where every paragraph names new people


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

    crowded = replace(sample, text=_many_speakers_text(1_000_000), paragraphs=())

    analyze(sample)  # warm caches (compiled patterns) as the app would after import
    sample_s = _median_seconds(lambda: analyze(sample), 5 if quick else 21)
    big_s = _median_seconds(lambda: analyze(big), 1 if quick else 3)
    crowded_s = _median_seconds(lambda: analyze(crowded), 1 if quick else 3)
    return [
        _row("analyze sample article (s)", sample_s, SAMPLE_TARGET_S),
        _row(f"analyze {len(big_text) / 1e6:.1f} MB article (s)", big_s, MEGABYTE_TARGET_S),
        # A stress figure, not the target: shows lookups stay near-linear.
        _row("analyze 1 MB, ~6000 distinct speakers (s)", crowded_s, STRESS_TARGET_S),
    ]


def _many_speakers_text(size: int) -> str:
    """A worst case for speaker lookups: thousands of different made-up names."""
    from readerapp.core.analysis.lexicon import words

    rng = random.Random(7)
    syllables = sorted(
        words(
            "ka lo mi ren to sa vik dor el an bur gen ta ri po nel ha ju fe os ul be cor di "
            "ga im no pa qu ste tu va wy xe yo za bru fla gri"
        )
    )

    def name() -> str:
        first = "".join(rng.choice(syllables) for _ in range(2)).capitalize()
        last = "".join(rng.choice(syllables) for _ in range(3)).capitalize()
        return f"{first} {last}"

    templates = [
        '"The plan will not work this year," said {a}, a local official. "We need more time."',
        "{a} accused {b} of taking bribes from the contractors last year.",
        'A senior official said the agency had failed to report the losses. "It is a scandal,"'
        " the official said.",
        "{a} told reporters that the vote would go ahead. She added that nobody had objected.",
        "According to {a}, the bridge was closed on Tuesday after an inspection.",
    ]
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraph = rng.choice(templates).format(a=name(), b=name())
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


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
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from table import print_table

    return 1 if print_table(run(quick="--quick" in sys.argv[1:])) else 0


if __name__ == "__main__":
    raise SystemExit(main())
