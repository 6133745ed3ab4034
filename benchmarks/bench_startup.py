"""Launch to first frame, against a minimal Textual app measured in the same run.

    python benchmarks/bench_startup.py [--quick]

Each figure is the median time from spawning a process to its first full frame
(interpreter start, imports, article load, layout, paint), alternating the apps
so machine noise hits both alike. Targets: the sample ≤ 1.2× the minimal app; a 1 MB article ≤ 2.5×,
also when it is one single paragraph; a page-down repaint on 1 MB under 30 ms on a quiet
machine, judged against a reference workload timed in the same run (reference.py).
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reference import judged, reference_seconds

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"
PROBE = HERE / "startup_probe.py"
SOURCE = HERE.parent / "src"
# As after `pip install .`: bytecode compiled, whatever this shell says.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def make_big_article(folder: Path, size: int = 1_000_000, *, one_paragraph: bool = False) -> Path:
    """About `size` bytes: the sample's paragraphs repeated, with its header.

    With `one_paragraph`, all of it in a single paragraph: one 1 MB line to wrap and walk.
    """
    head, _, body = SAMPLE.read_text(encoding="utf-8").partition("\n\n")
    paragraphs = [p for p in body.split("\n\n") if len(p) > 80]
    chunks, total, i = [], 0, 0
    while total < size:
        paragraph = paragraphs[i % len(paragraphs)]
        chunks.append(paragraph)
        total += len(paragraph.encode()) + 2
        i += 1
    path = folder / ("one-paragraph.txt" if one_paragraph else "big.txt")
    body = (" " if one_paragraph else "\n\n").join(chunks)
    path.write_text("A very long article\n\n" + body, encoding="utf-8")
    return path


def probe(*args: str, marker: str, db: Path | None = None) -> float:
    """Run the probe in a fresh process and return the number it prints after `marker`."""
    env = {**ENV, "READERAPP_DB": str(db)} if db else ENV
    out = subprocess.run(
        [sys.executable, str(PROBE), *args],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith(f"{marker} "))
    return float(line.split()[1])


def launch_seconds(*args: str, db: Path | None = None) -> float:
    """Seconds from spawning the process to its first full frame."""
    start = time.time()
    return probe(*args, marker="FRAME", db=db) - start


def medians(runs: int, variants: dict[str, tuple[str, ...]]) -> dict[str, float]:
    compileall.compile_dir(SOURCE, quiet=1)
    launch_seconds("minimal")  # warm the file cache
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, args in variants.items():
            samples[name].append(launch_seconds(*args))
    return {name: statistics.median(values) for name, values in samples.items()}


def row(measure: str, figure: float, baseline: float, target: float) -> dict:
    """A launch, judged as a ratio to the minimal app's launch in the same run."""
    ratio = figure / baseline
    return {
        "measure": measure,
        "figure": f"{figure * 1000:.0f} ms",
        "baseline": f"{baseline * 1000:.0f} ms",
        "ratio": f"{ratio:.2f}×",
        "target": f"≤ {target}×",
        "ok": ratio <= target,
    }


def reference_row(measure: str, figure: float, reference: float, target: float) -> dict:
    """An absolute target (`target` seconds on a quiet machine), judged against the
    reference workload timed in the same run (see reference.py)."""
    ratio, limit, ok = judged(figure, target, reference)
    return {
        "measure": measure,
        "figure": f"{figure * 1000:.1f} ms",
        "baseline": f"{reference * 1000:.1f} ms ref",
        "ratio": f"{ratio:.2f}×",
        "target": f"≤ {limit:.1f}× (< {target * 1000:.0f} ms quiet)",
        "ok": ok,
    }


def run(quick: bool = False) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        big = make_big_article(Path(folder))
        one = make_big_article(Path(folder), one_paragraph=True)
        times = medians(
            3 if quick else 7,
            {
                "minimal": ("minimal",),
                "sample": ("readerapp", str(SAMPLE)),
                "big": ("readerapp", str(big)),
                "one": ("readerapp", str(one)),
            },
        )
        reference = reference_seconds()
        repaint = page_down_seconds(big)
        repaint_one = page_down_seconds(one)
        reference = min(reference, reference_seconds())
    minimal = times["minimal"]
    return [
        row("launch to first frame, sample", times["sample"], minimal, 1.2),
        row("launch to first frame, 1 MB article", times["big"], minimal, 2.5),
        row("  … 1 MB in one paragraph", times["one"], minimal, 2.5),
        reference_row("page-down repaint, 1 MB article", repaint, reference, 0.030),
        reference_row("  … 1 MB in one paragraph", repaint_one, reference, 0.030),
    ]


def page_down_seconds(path: Path) -> float:
    """Median seconds of a page-down and the repaint of the article pane."""
    out = subprocess.run(
        [sys.executable, str(PROBE), "pagedown", str(path)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    return statistics.median(float(x) for x in out.split()) / 1000


if __name__ == "__main__":
    from table import print_table

    raise SystemExit(1 if print_table(run(quick="--quick" in sys.argv)) else 0)
