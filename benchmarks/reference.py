"""A fixed workload timed right before each measurement, so targets are ratios to it.

A machine shared with other work runs everything slower, the reference too,
so a figure divided by the reference measured in the same moment holds where
an absolute figure would not. The reference is plain Python of the kind the
measured code does: the standard library's `json.dumps(records, indent=2)` of
10,000 annotation-like records (its pure-Python encoder, as `indent` selects),
about 0.15 s on the machine the targets were set on (`REFERENCE_SECONDS`). Each row reports medians
of several runs: of the figure, of the reference, and of their ratio.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from functools import cache
from typing import Any

REFERENCE_NAME = "json.dumps"
#: What the reference took on the machine the targets were set on (an idle 2-core VM):
#: a target of T seconds there is a ratio of T / REFERENCE_SECONDS anywhere.
REFERENCE_SECONDS = 0.15
WORDS = ("the", "council", "said", "harbour", "survey", "“delayed”", "again", "—", "report")


@cache
def _records() -> list[dict[str, Any]]:
    words = WORDS
    return [
        {
            "id": f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
            "article": {"sha256": f"{n % 97:064x}", "path": f"/news/{n % 97}.txt", "title": "T"},
            "selector": {
                "exact": " ".join(words[(n + k) % len(words)] for k in range(8)),
                "prefix": "before " * 4,
                "suffix": " after" * 5,
                "start": n * 7,
                "end": n * 7 + 40,
            },
            "colour": ("yellow", "green", None)[n % 3],
            "tags": ["fact check", f"tag{n % 7}"] if n % 2 else [],
            "note": f"Note {n}: “quoted” — ✓\nsecond line" if n % 4 else "",
            "created": "2026-11-24T10:00:00.000Z",
            "updated": "2026-11-24T10:00:00.000Z",
        }
        for n in range(10_000)
    ]


def reference_workload() -> str:
    return json.dumps(_records(), indent=2, ensure_ascii=False)


def ratio_for(seconds: float) -> float:
    """The ratio to the reference that a target of `seconds` on the reference machine is."""
    return round(seconds / REFERENCE_SECONDS, 2)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measured(
    runs: int, work: Callable[[], object], setup: Callable[[], object] = list
) -> tuple[float, float, float]:
    """Medians of the work's seconds, the reference's seconds, and their ratio; each run
    times the reference right before the work so that both meet the same load."""
    _records()
    figures, references, ratios = [], [], []
    for _ in range(runs):
        setup()
        base = timed(reference_workload)
        figure = timed(work)
        figures.append(figure)
        references.append(base)
        ratios.append(figure / base)
    return statistics.median(figures), statistics.median(references), statistics.median(ratios)


def ratio_row(measure: str, result: tuple[float, float, float], target_ratio: float) -> dict:
    """A table row judged on the ratio; the target shown with what it meant here."""
    figure, baseline, ratio = result
    return {
        "measure": measure,
        "figure": f"{figure * 1000:.0f} ms",
        "baseline": f"{baseline * 1000:.0f} ms ({REFERENCE_NAME})",
        "ratio": f"{ratio:.2f}×",
        "target": f"≤ {target_ratio:g}×",
        "ok": ratio <= target_ratio,
    }
