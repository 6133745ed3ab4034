"""Export and import of 10,000 annotations, as `readerapp export` / `import` do them.

    python benchmarks/bench_exchange.py [--quick]

In-process timings (interpreter start and imports excluded; they are the
same for every command), median of several runs. The database holds 10,000
annotations over 20 articles; 2,000 are on the bundled sample, which is on
disk, so the export reads and analyses it and re-anchors those annotations;
the other articles are absent, as when notes come from another machine.
Targets: export under 0.5 s, import into an empty database under 2 s.
The baseline is the floor: serializing (or parsing) the same records with
orjson and nothing else.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

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


def median_seconds(
    runs: int, work: Callable[[], object], setup: Callable[[], object] = list
) -> float:
    samples = []
    for _ in range(runs):
        setup()
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def row(measure: str, figure: float, baseline: float, target: float) -> dict:
    return {
        "measure": measure,
        "figure": f"{figure * 1000:.0f} ms",
        "baseline": f"{baseline * 1000:.0f} ms",
        "ratio": f"{figure / baseline:.1f}×",
        "target": f"< {target * 1000:.0f} ms",
        "ok": figure < target,
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

        dump_floor = median_seconds(runs, lambda: orjson.dumps(records))
        load_floor = median_seconds(runs, lambda: orjson.loads(exports["json"]))
        return [
            row("export 10k, json", median_seconds(runs, lambda: export("json")), dump_floor, 0.5),
            row("export 10k, w3c", median_seconds(runs, lambda: export("w3c")), dump_floor, 0.5),
            row("export 10k, md", median_seconds(runs, lambda: export("md")), dump_floor, 0.5),
            row(
                "import 10k json, empty db",
                median_seconds(runs, lambda: import_into(empty, exports["json"]), fresh),
                load_floor,
                2.0,
            ),
            row(
                "import 10k w3c, empty db",
                median_seconds(runs, lambda: import_into(empty, exports["w3c"]), fresh),
                load_floor,
                2.0,
            ),
            row(
                "import 10k json again (no change)",
                median_seconds(runs, lambda: import_into(full, exports["json"])),
                load_floor,
                2.0,
            ),
        ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from table import print_table

    raise SystemExit(1 if print_table(run(quick="--quick" in sys.argv)) else 0)
