"""Benchmark: how long `analyze()` takes on the sample, on a 1 MB article, and on the worst
1 MB inputs we know of.

    python benchmarks/bench_analysis.py [--quick]

Targets (seconds on a quiet machine, after import): the sample in 30 ms; a 1 MB article
of real prose (the sample's paragraphs repeated), analysed to the end with no time
budget, in 2 s; and no 1 MB input over 2 s with the budget the app uses, including
degenerate text ('said said …', one 1 MB paragraph, a million quotation marks, 6,000
different speakers). A degenerate input may come back partial: the figure says how much
was read. Each target is judged as a ratio to the reference workload timed in the same
run (reference.py), so a busy machine slows both and cannot fail a row; figures are
medians. `run(quick)` returns the rows benchmarks/run.py collects.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reference import judged, reference_seconds  # noqa: E402

SAMPLE_TARGET = 0.030
MEGABYTE_TARGET = 2.0
SIZE = 1_000_000


def _median(function: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _row(measure: str, figure: float, reference: float, target: float, note: str = "") -> dict:
    ratio, limit, ok = judged(figure, target, reference)
    shown = f"{figure * 1000:.1f} ms" if figure < 1 else f"{figure:.2f} s"
    return {
        "measure": measure,
        "figure": f"{shown}{note}",
        "baseline": f"{reference * 1000:.1f} ms ref",
        "ratio": f"{ratio:.1f}×",
        "target": f"≤ {limit:.0f}× (< {target:g} s quiet)",
        "ok": ok,
    }


def inputs(sample_text: str) -> dict[str, str]:
    """1 MB of each kind of text: real prose first, then the degenerate cases."""
    paragraphs = sample_text.split("\n\n")
    prose: list[str] = []
    while sum(len(p) + 2 for p in prose) < SIZE:
        prose.extend(paragraphs)
    return {
        "1 MB article (sample's paragraphs)": "\n\n".join(prose),
        "1 MB of 'said said said …'": "said " * (SIZE // 5),
        "one 1 MB paragraph": " ".join(p for p in prose if p)[:SIZE],
        "a million quotation marks": "\u201c" * SIZE,
        "1 MB of '\"a,\" said B.'": '"a," said B. ' * (SIZE // 13),
        "1 MB of quoted paragraphs": '"Yes," he said.\n\n' * (SIZE // 17),
        "1 MB, ~6,000 distinct speakers": many_speakers(SIZE),
    }


def many_speakers(size: int) -> str:
    """A worst case for speaker lookups: thousands of different made-up names."""
    from readerapp.core.analysis.lexicon.base import words

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


def run(quick: bool = False) -> list[dict[str, Any]]:
    """Time the analysis; one row per measure, judged against the reference workload."""
    from readerapp.core.analysis import analyze
    from readerapp.core.article import load_article
    from readerapp.core.locations import bundled_article

    sample = load_article(bundled_article())
    analyze(sample)  # compile the patterns once, as the app does on its first article
    reference = reference_seconds()
    rows = [
        _row(
            "analyze the sample article",
            _median(lambda: analyze(sample), 5 if quick else 21),
            reference,
            SAMPLE_TARGET,
        )
    ]
    texts = inputs(sample.text)
    prose_label = next(iter(texts))
    prose = replace(sample, text=texts.pop(prose_label), paragraphs=())
    whole = _median(lambda: analyze(prose, budget=float("inf")), 1 if quick else 3)
    rows.append(_row(f"{prose_label}, to the end", whole, reference, MEGABYTE_TARGET))
    for label, text in [(prose_label, prose.text), *texts.items()]:
        article = replace(sample, text=text, paragraphs=())
        notices: list[str | None] = []
        figure = _median(
            lambda a=article, n=notices: n.append(analyze(a).notice), 1 if quick else 3
        )
        note = "" if notices[-1] is None else ", partial"
        rows.append(_row(f"  {label}", figure, reference, MEGABYTE_TARGET, note))
    return rows


def main() -> int:
    from table import print_table

    return 1 if print_table(run(quick="--quick" in sys.argv[1:])) else 0


if __name__ == "__main__":
    raise SystemExit(main())
