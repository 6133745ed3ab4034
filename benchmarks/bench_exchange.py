"""Export and import of 10,000 annotations, as `readerapp export` / `import` do them.

    python benchmarks/bench_exchange.py [--quick]

In-process timings (interpreter start and imports excluded; they are the
same for every command). The database holds 10,000 annotations over 20
articles; 2,000 are on the bundled sample, which is on disk, so the export
reads and analyses it and re-anchors those annotations; the other articles are
absent, as when notes come from another machine.

The targets (export about 0.5 s, import into an empty database about 2 s on
the machine they were set on) are judged as ratios to a reference workload
measured in the same run, right before each measurement: the standard
library's `json.dumps(records, indent=2)` of the same 10,000 records, which is
what a plain Python exporter spends on writing the file alone. A busy machine
slows both, so the ratio holds where an absolute figure would not. Each row is
the median of several runs, figure and ratio alike.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, to_record
from readerapp.core.article import load_article
from readerapp.core.exchange import (
    import_annotations,
    notes_for_all,
    read_annotations,
    render,
)
from readerapp.core.exchange.notes import article_ref
from readerapp.core.store import AnnotationStore

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"
TOTAL = 10_000
ON_SAMPLE = 2_000
#: Targets as multiples of the reference workload (see the module docstring).
EXPORT_RATIO = 3.0
IMPORT_RATIO = 10.0


def make_annotations() -> list[Annotation]:
    article = load_article(SAMPLE)
    text = article.text
    present = article_ref(article)
    absent = [ArticleRef(f"{n:064x}", f"/gone/article-{n}.txt", f"Gone {n}") for n in range(19)]
    result = []
    for n in range(TOTAL):
        start = (n * 37) % (len(text) - 80)
        end = start + 20 + n % 60
        result.append(
            Annotation(
                id=f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
                article=present if n < ON_SAMPLE else absent[n % len(absent)],
                selector=TextSelector.from_text(text, start, end),
                colour=("yellow", "green", None)[n % 3],
                tags=("fact check", f"tag{n % 7}") if n % 2 else (),
                note=f"Note {n}: “quoted” — ✓\nsecond line" if n % 4 else "",
                created=f"2026-11-{1 + n % 28:02d}T10:{n % 60:02d}:00.000Z",
            )
        )
    return result


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measured(
    runs: int,
    work: Callable[[], object],
    reference: Callable[[], object],
    setup: Callable[[], object] = list,
) -> tuple[float, float, float]:
    """Medians of the work's seconds, the reference's seconds, and their ratio, each run
    timing the reference right before the work so both meet the same load."""
    figures, references, ratios = [], [], []
    for _ in range(runs):
        setup()
        base = timed(reference)
        figure = timed(work)
        figures.append(figure)
        references.append(base)
        ratios.append(figure / base)
    return statistics.median(figures), statistics.median(references), statistics.median(ratios)


def row(measure: str, result: tuple[float, float, float], target_ratio: float) -> dict:
    figure, baseline, ratio = result
    return {
        "measure": measure,
        "figure": f"{figure * 1000:.0f} ms",
        "baseline": f"{baseline * 1000:.0f} ms (json.dumps)",
        "ratio": f"{ratio:.2f}×",
        "target": f"≤ {target_ratio:g}×",
        "ok": ratio <= target_ratio,
    }


def run(quick: bool = False) -> list[dict]:
    runs = 3 if quick else 7
    annotations = make_annotations()
    records = [to_record(a) for a in annotations]
    with tempfile.TemporaryDirectory() as folder:
        full = Path(folder) / "full.json"
        store = AnnotationStore(full)
        store.merge(annotations)
        store.close()

        def export(fmt: str) -> bytes:
            reader = AnnotationStore(full, read_only=True)
            try:
                return render(notes_for_all(reader.all()), fmt)
            finally:
                reader.close()

        exports = {fmt: export(fmt) for fmt in ("json", "w3c")}
        empty = Path(folder) / "empty.json"

        def fresh() -> None:
            empty.unlink(missing_ok=True)

        def import_into(db: Path, data: bytes) -> None:
            target = AnnotationStore(db)
            try:
                import_annotations(target, read_annotations(data))
            finally:
                target.close()

        def reference() -> str:
            return json.dumps(records, indent=2, ensure_ascii=False)

        rows = [
            row(
                f"export 10k, {fmt}",
                measured(runs, lambda f=fmt: export(f), reference),
                EXPORT_RATIO,
            )
            for fmt in ("json", "w3c", "md")
        ]
        for fmt in ("json", "w3c"):
            result = measured(runs, lambda f=fmt: import_into(empty, exports[f]), reference, fresh)
            rows.append(row(f"import 10k {fmt}, empty db", result, IMPORT_RATIO))
        again = measured(runs, lambda: import_into(full, exports["json"]), reference)
        rows.append(row("import 10k json again (no change)", again, IMPORT_RATIO))
        return rows


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from table import print_table

    raise SystemExit(1 if print_table(run(quick="--quick" in sys.argv)) else 0)
