"""Opening an article with 1,000 annotations, against the same article with none.

    python benchmarks/bench_open_annotated.py [--quick]

Times, in whole processes, launch until the first paint that shows the notes:
read from the database, re-anchored and drawn in the article (the sidebar's
Notes list then fills in a hundred rows per frame, so it never blocks).
Target: at most 1.2× the time with an empty database. Medians of several runs,
alternating the two so machine noise hits both alike.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


from bench_startup import SAMPLE, SOURCE, compileall, launch_seconds  # noqa: E402

from readerapp.core.annotation import Annotation, TextSelector, article_ref, new_id  # noqa: E402
from readerapp.core.article import load_article  # noqa: E402
from readerapp.core.segments import sentence_spans  # noqa: E402
from readerapp.core.store import AnnotationStore  # noqa: E402


def make_database(path: Path, count: int) -> None:
    article = load_article(SAMPLE)
    spans = sentence_spans(article.text)
    rng = random.Random(7)
    colours = ("yellow", "green", "blue", "pink", "orange")
    notes = []
    for n in range(count):
        start, end = rng.choice(spans)
        notes.append(
            Annotation(
                id=new_id(),
                article=article_ref(article),
                selector=TextSelector.from_text(article.text, start, end),
                colour=rng.choice(colours),
                tags=(f"tag{n % 17}",),
                note=f"note {n}",
            )
        )
    AnnotationStore(path).merge(notes)


def seconds_to_notes(db: Path) -> float:
    return launch_seconds("notes", str(SAMPLE), db=db)


def run(quick: bool = False) -> list[dict]:
    compileall.compile_dir(SOURCE, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        empty, full = Path(folder) / "empty.json", Path(folder) / "full.json"
        make_database(full, 1000)
        samples: dict[Path, list[float]] = {empty: [], full: []}
        seconds_to_notes(empty)  # warm caches
        for _ in range(3 if quick else 7):
            for db in (empty, full):
                samples[db].append(seconds_to_notes(db))
        if empty.exists():
            os.remove(empty)
    none, thousand = (statistics.median(samples[db]) for db in (empty, full))
    ratio = thousand / none
    return [
        {
            "measure": "open the sample with 1,000 annotations",
            "figure": f"{thousand * 1000:.0f} ms",
            "baseline": f"{none * 1000:.0f} ms",
            "ratio": f"{ratio:.2f}×",
            "target": "≤ 1.2×",
            "ok": ratio <= 1.2,
        }
    ]


if __name__ == "__main__":
    from table import print_table

    raise SystemExit(1 if print_table(run(quick="--quick" in sys.argv)) else 0)
