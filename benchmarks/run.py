"""Every speed and memory target of readerapp, measured in one run.

    python benchmarks/run.py            # medians over several runs (a few minutes)
    python benchmarks/run.py --quick    # fewer runs, under two minutes

Prints one table: measure, figure, the baseline measured in the same run, their
ratio, the target, pass or FAIL. The last line is machine-readable
(`BENCH pass=N fail=M`), and the exit status is 1 if any target fails.
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from table import print_table  # noqa: E402

SUITES = (
    ("bench_startup", "launch and repaint"),
    ("bench_analysis", "analysis"),
    ("bench_save", "saving notes"),
    ("bench_open_annotated", "opening an annotated article"),
    ("bench_corrections", "corrections of the analysis"),
    ("bench_reanchor", "re-anchoring after edits"),
    ("bench_exchange", "export and import"),
    ("bench_library", "notes and people across a library"),
    ("bench_memory", "memory"),
    ("bench_web", "saved web pages"),
)


def collect(quick: bool) -> list[dict]:
    rows: list[dict] = []
    for module_name, title in SUITES:
        started = time.perf_counter()
        print(f"… {title}", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(module_name)
            found = module.run(quick=quick)
        except Exception as err:  # one broken benchmark must not hide the others
            traceback.print_exc()
            found = [{"measure": f"{title}: could not run ({err})", "ok": False}]
        rows.extend(found)
        print(f"  {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return rows


def main() -> int:
    rows = collect(quick="--quick" in sys.argv)
    failed = print_table(rows)
    passed = len(rows) - failed
    print(f"BENCH pass={passed} fail={failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
