"""A fixed reference workload, timed in the same run as a measure, so that an absolute
target can be judged as a ratio a busy machine does not change.

Shared machines slow everything down together: a page-down that takes 30 ms on a quiet
machine takes 60 ms while another job runs, and so does this workload. A target set as
"under T seconds on a quiet machine" is therefore judged as
`figure / reference ≤ T / CALIBRATED`, with `reference` measured now and `CALIBRATED`
the workload's time on a quiet machine when the targets were set. The absolute figure
is still printed, for information.

    python benchmarks/reference.py     # prints the workload's median time here
"""

from __future__ import annotations

import re
import statistics
import time

#: Seconds the workload takes on a quiet 2-core machine of the kind CI runs on
#: (median of 15, measured when the ratio targets were set; re-measure and update
#: together with every target if the workload changes).
CALIBRATED = 0.0070

_WORD = re.compile(r"\w+")


def workload() -> int:
    """Text work in pure Python, like readerapp's own: regexes, slicing, dicts, sorting."""
    text = " ".join(f"Word{i} said the {i % 7}th speaker, “quoted” text." for i in range(3000))
    counts: dict[str, int] = {}
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        counts[word] = counts.get(word, 0) + 1
    rows = [text[i : i + 80] for i in range(0, len(text), 80)]
    return len(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) + len(rows)


def reference_seconds(runs: int = 7) -> float:
    """Median seconds of the workload, now, on this machine."""
    workload()  # warm
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        workload()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def judged(figure: float, target: float, reference: float) -> tuple[float, float, bool]:
    """(ratio, ratio target, passed) for `figure` seconds against `target` seconds."""
    ratio, limit = figure / reference, target / CALIBRATED
    return ratio, limit, ratio <= limit


if __name__ == "__main__":
    print(f"{reference_seconds(15) * 1000:.2f} ms (calibrated: {CALIBRATED * 1000:.2f} ms)")
