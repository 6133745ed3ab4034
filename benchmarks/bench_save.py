"""Saving one annotation when the database already holds 10,000: p50 and p95.

    python benchmarks/bench_save.py [--quick] [--dir FOLDER]

Each save is a complete, durable `AnnotationStore.save` (reload check, lock,
orjson, temp file, fsync, rename, folder fsync), as the UI's worker does it.
The baseline is stock TinyDB (`JSONStorage`, `insert`) on the same records in
the same run and folder. Also measured: the UI's refresh after a save
(`for_article` for an article with 1,000 annotations, against TinyDB's
`search` with a Query) and opening the database for the library screen
(`counts_by_article`, against TinyDB reading `all()`).

The database goes in a temporary folder (or --dir, to measure another
disk): fsync costs depend on the disk, so run it where the user data lives.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import Query, TinyDB

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, to_record
from readerapp.core.article import load_article
from readerapp.core.store import AnnotationStore

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"
TOTAL = 10_000
ARTICLES = 10  # 1,000 annotations each
TARGET_P95 = 0.025


def make_annotation(n: int, text: str) -> Annotation:
    start = (n * 37) % (len(text) - 120)
    return Annotation(
        id=f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
        article=ArticleRef(f"{n % ARTICLES:064x}", f"/articles/{n % ARTICLES}.txt", "Title"),
        selector=TextSelector.from_text(text, start, start + 20 + n % 90),
        colour=("yellow", "green", None)[n % 3],
        tags=("needs source", f"tag{n % 7}") if n % 2 else (),
        note=f"Note {n}: “check” — call the ministry ✓" if n % 3 else "",
    )


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def measure(folder: Path, saves: int, stock_saves: int) -> dict[str, float]:
    text = load_article(SAMPLE).text
    existing = [make_annotation(n, text) for n in range(TOTAL)]
    fresh = [make_annotation(TOTAL + n, text) for n in range(max(saves, stock_saves))]
    figures: dict[str, float] = {}

    ours = folder / "annotations.json"
    store = AnnotationStore(ours)
    store.merge(existing)
    store.save(fresh[0])  # warm: lock file open, stale temp files checked
    samples = [timed(lambda a=a: store.save(a)) for a in fresh[1:saves]]
    figures["save_p50"], figures["save_p95"] = percentile(samples, 0.5), percentile(samples, 0.95)
    ref = ArticleRef(f"{1:064x}")
    refresh = []
    for a in existing[:5]:
        store.save(a.edited(note="edited"))
        refresh.append(timed(lambda: store.for_article(ref)))
    figures["for_article"] = statistics.median(refresh)
    store.close()
    figures["open"] = statistics.median(
        timed(lambda: AnnotationStore(ours, read_only=True).counts_by_article()) for _ in range(5)
    )

    stock_path = folder / "stock.json"
    db = TinyDB(stock_path)
    db.insert_multiple(to_record(a) for a in existing)
    stock = [timed(lambda a=a: db.insert(to_record(a))) for a in fresh[:stock_saves]]
    figures["stock_p50"], figures["stock_p95"] = percentile(stock, 0.5), percentile(stock, 0.95)
    sha = Query().article.sha256

    def search() -> object:
        db.clear_cache()  # TinyDB caches query results; after a save the cache is gone too
        return db.search(sha == ref.sha256)

    figures["stock_search"] = statistics.median(timed(search) for _ in range(5))
    db.close()
    figures["stock_open"] = statistics.median(
        timed(lambda: TinyDB(stock_path).all()) for _ in range(5)
    )
    figures["saves"], figures["stock_saves"] = saves - 1, stock_saves
    return figures


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def row(measure: str, figure: float, baseline: float, target: float | None) -> dict:
    return {
        "measure": measure,
        "figure": ms(figure),
        "baseline": ms(baseline),
        "ratio": f"{figure / baseline:.2f}×",
        "target": f"≤ {target * 1000:.0f} ms" if target else "—",
        "ok": figure <= target if target else True,
    }


def run(quick: bool = False, folder: Path | None = None) -> list[dict]:
    saves, stock_saves = (21, 10) if quick else (51, 50)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        f = measure(Path(tmp), saves, stock_saves)
    n = int(f["saves"])
    return [
        row(f"save 1 of 10k, p50 ({n} saves)", f["save_p50"], f["stock_p50"], TARGET_P95),
        row(f"save 1 of 10k, p95 ({n} saves)", f["save_p95"], f["stock_p95"], TARGET_P95),
        row("for_article, 1k of 10k, after a save", f["for_article"], f["stock_search"], 0.020),
        row("open 10k + counts_by_article", f["open"], f["stock_open"], None),
    ]


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from table import print_table

    folder = Path(sys.argv[sys.argv.index("--dir") + 1]) if "--dir" in sys.argv else None
    return 1 if print_table(run(quick="--quick" in sys.argv, folder=folder)) else 0


if __name__ == "__main__":
    raise SystemExit(main())
