"""Peak memory of the app on a 1 MB article, against a minimal Textual app.

    python benchmarks/bench_memory.py

Peak resident set size (ru_maxrss) of a headless run that ends once the article
is painted, the analysis is in the sidebar and the notes are loaded. Target: at
most 300 MB, and the ratio to a minimal Textual app is reported beside it.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import make_big_article, probe  # noqa: E402

TARGET_MB = 300


def peak_mb(*args: str, db: Path) -> float:
    return probe("memory", *args, marker="MAXRSS", db=db)


def run(quick: bool = False) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        big = make_big_article(Path(folder))
        db = Path(folder) / "notes.json"
        runs = 1 if quick else 3
        baseline = statistics.median(peak_mb(db=db) for _ in range(runs))
        figure = statistics.median(peak_mb(str(big), db=db) for _ in range(runs))
    return [
        {
            "measure": "peak memory, 1 MB article (analysed, notes in)",
            "figure": f"{figure:.0f} MB",
            "baseline": f"{baseline:.0f} MB",
            "ratio": f"{figure / baseline:.2f}×",
            "target": f"≤ {TARGET_MB} MB",
            "ok": figure <= TARGET_MB,
        }
    ]


if __name__ == "__main__":
    from table import print_table

    raise SystemExit(1 if print_table(run(quick="--quick" in sys.argv)) else 0)
