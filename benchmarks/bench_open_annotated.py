"""Opening an article with 1,000 annotations, against the same article with none.

    python benchmarks/bench_open_annotated.py [--quick]

Times, in whole processes, launch until the first paint that shows the notes:
read from the database, re-anchored and drawn in the article (the sidebar's
Notes list then fills in a hundred rows per frame, so it never blocks).
Target: at most 1.2× the time with an empty database, both for a database
holding only those 1,000 and for one holding 99,000 more on 1,000 other
articles (opening reads only the article's own file). Medians of several runs,
alternating the databases so machine noise hits all alike.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


from bench_save import make_annotation, write_database  # noqa: E402
from bench_startup import SAMPLE, SOURCE, compileall, launch_seconds  # noqa: E402

from readerapp.core.annotation import Annotation, TextSelector, article_ref, new_id  # noqa: E402
from readerapp.core.article import load_article  # noqa: E402
from readerapp.core.segments import sentence_spans  # noqa: E402


def make_database(path: Path, count: int, *, others: int = 0) -> None:
    """`count` annotations on the sample, and `others` on 1,000 other articles."""
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
    notes += [make_annotation(n, article.text, 1000) for n in range(others)]
    write_database(path, notes)


def seconds_to_notes(db: Path) -> float:
    return launch_seconds("notes", str(SAMPLE), db=db)


def run(quick: bool = False) -> list[dict]:
    compileall.compile_dir(SOURCE, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.json"
        full = Path(folder) / "full.json"
        crowded = Path(folder) / "crowded.json"
        make_database(full, 1000)
        make_database(crowded, 1000, others=99_000)
        samples: dict[Path, list[float]] = {empty: [], full: [], crowded: []}
        seconds_to_notes(empty)  # warm caches
        for _ in range(3 if quick else 7):
            for db in samples:
                samples[db].append(seconds_to_notes(db))
        if empty.exists():
            os.remove(empty)
    none, thousand, among = (statistics.median(samples[db]) for db in (empty, full, crowded))
    return [
        _row("open the sample with 1,000 annotations", thousand, none),
        _row("… with 1,000 annotations in a database of 100,000", among, none),
    ]


def _row(measure: str, figure: float, baseline: float) -> dict:
    ratio = figure / baseline
    return {
        "measure": measure,
        "figure": f"{figure * 1000:.0f} ms",
        "baseline": f"{baseline * 1000:.0f} ms",
        "ratio": f"{ratio:.2f}×",
        "target": "≤ 1.2×",
        "ok": ratio <= 1.2,
    }


if __name__ == "__main__":
    from table import print_table

    raise SystemExit(1 if print_table(run(quick="--quick" in sys.argv)) else 0)
