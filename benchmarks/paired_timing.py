"""Timing a piece of work in pairs with the reference workload (`reference.py`).

Other jobs on a shared machine come and go within seconds, so each run times
the reference right before the work, and the row reports medians of the work,
of the reference and of their ratio over the runs. The ratio is judged
against the target's seconds divided by the reference's calibrated seconds,
as `reference.judged` does.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from reference import CALIBRATED, workload

#: Reference runs per measurement (the workload is short, so one run alone is noisy).
REFERENCE_RUNS = 5


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def reference_now() -> float:
    return statistics.median(timed(workload) for _ in range(REFERENCE_RUNS))


def measured(
    runs: int, work: Callable[[], object], setup: Callable[[], object] = list
) -> tuple[float, float, float]:
    """Medians of the work's seconds, the reference's seconds, and their ratio."""
    workload()  # warm
    figures, references, ratios = [], [], []
    for _ in range(runs):
        setup()
        base = reference_now()
        figure = timed(work)
        figures.append(figure)
        references.append(base)
        ratios.append(figure / base)
    return statistics.median(figures), statistics.median(references), statistics.median(ratios)


def ratio_row(measure: str, result: tuple[float, float, float], target_seconds: float) -> dict:
    """A table row judged on the ratio to the reference; the target in seconds beside it."""
    figure, baseline, ratio = result
    limit = target_seconds / CALIBRATED
    return {
        "measure": measure,
        "figure": f"{figure * 1000:.0f} ms",
        "baseline": f"{baseline * 1000:.1f} ms (reference)",
        "ratio": f"{_times(ratio)}×",
        "target": f"≤ {_times(limit)}× (≈{target_seconds * 1000:.0f} ms)",
        "ok": ratio <= limit,
    }


def _times(ratio: float) -> str:
    return f"{ratio:.1f}" if ratio < 10 else f"{ratio:.0f}"
