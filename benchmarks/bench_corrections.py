"""Applying the user's corrections to an analysis: what the reader does after every change.

    python benchmarks/bench_corrections.py [--quick]

The reader calls `Notebook.corrections.corrected(machine)` on its event loop
whenever the analysis or a correction changes, so it must fit in a frame for a
news article, and stay small next to the analysis itself for a long one.
Corrections are made as a user would make them, on what the previous ones
left: renames and roles, confirmed quotes, added quotes, removed allegations.

- the sample with 200 corrections: at most 16 ms on a quiet machine (a frame),
  judged against the reference workload timed in the same run;
- a 1 MB article with 50 corrections: at most a tenth of its analysis, timed
  in the same run.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import SAMPLE, reference_row  # noqa: E402
from reference import reference_seconds  # noqa: E402

from readerapp.core.analysis import Analysis, analyze  # noqa: E402
from readerapp.core.annotation import article_ref, new_id  # noqa: E402
from readerapp.core.article import Article, load_article, parse_article  # noqa: E402
from readerapp.core.corrections import Correction, apply, fixes  # noqa: E402

START = datetime(2026, 1, 1, tzinfo=UTC)


def corrections_of(article: Article, machine: Analysis, count: int) -> list[Correction]:
    """`count` corrections, each made on the analysis the previous ones gave."""
    rng = random.Random(1)
    ref = article_ref(article)
    made: list[Correction] = []
    for n in range(count):
        shown = apply(machine, made, article.text)
        speaker = rng.choice(shown.analysis.speakers)
        roll = rng.random()
        fix = None
        if roll < 0.3:
            fix = fixes.edit_speaker(shown, speaker, role=f"role {n}")
        elif roll < 0.6 and speaker.quotes:
            fix = fixes.confirm_quote(shown, rng.choice(speaker.quotes), speaker=speaker)
        elif roll < 0.8:
            start = rng.randrange(0, len(article.text) - 50)
            fix = fixes.add_quote(shown, (start, start + 40), f"Speaker {n}")
        elif shown.analysis.allegations:
            fix = fixes.remove_allegation(shown, rng.choice(shown.analysis.allegations))
        fix = fix or fixes.edit_speaker(shown, speaker, role=f"other role {n}")
        stamp = (START + timedelta(seconds=n)).isoformat().replace("+00:00", "Z")
        made.append(Correction(new_id(), ref, fix, created=stamp))
    return made


def median_seconds(work: object, runs: int) -> float:
    assert callable(work)
    work()  # warm
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def run(quick: bool = False) -> list[dict]:
    runs = 5 if quick else 15
    sample = load_article(SAMPLE)
    machine = analyze(sample)
    made = corrections_of(sample, machine, 200)
    small = median_seconds(lambda: apply(machine, made, sample.text), runs)
    reference = reference_seconds()

    long = parse_article("Long\n\n" + "\n\n".join(sample.text for _ in range(150)))
    analysis_seconds = median_seconds(lambda: analyze(long), 1 if quick else 3)
    long_machine = analyze(long)
    long_made = corrections_of(long, long_machine, 50)
    big = median_seconds(lambda: apply(long_machine, long_made, long.text), runs)
    ratio = big / analysis_seconds
    return [
        reference_row("corrected analysis, the sample, 200 corrections", small, reference, 0.016),
        {
            "measure": f"corrected analysis, {len(long.text) // 1000} KB article, 50 corrections",
            "figure": f"{big * 1000:.1f} ms",
            "baseline": f"{analysis_seconds * 1000:.0f} ms (its analysis)",
            "ratio": f"{ratio:.3f}×",
            "target": "≤ 0.1×",
            "ok": ratio <= 0.1,
        },
    ]


if __name__ == "__main__":
    from table import print_table

    failed = print_table(run(quick="--quick" in sys.argv))
    raise SystemExit(1 if failed else 0)
