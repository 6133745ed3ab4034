"""Saving one annotation into databases of 100, 10,000 and 100,000 annotations.

    python benchmarks/bench_save.py [--quick] [--dir FOLDER]

Each save is a complete, durable `AnnotationStore.apply`, as a reader window's
writer thread makes it (lock, re-read of the article's file if it changed,
field-by-field merge, orjson, temporary file, fsync, rename, folder fsync);
creates and tag edits alternate. Sizes: 100 annotations on one article (the
reference), 10,000 across 10 articles, 100,000 across 1,000 articles.

Figures are medians over rounds. Each round times saves at every size in
turn, one of each after the other, so a burst of machine noise hits all alike,
and takes each size's p50 and p95 for the round. Baselines, measured in the same run and folder:

- stock TinyDB (`JSONStorage`, `insert`) holding the same records;
- a bare durable write: orjson of one article's records and `write_atomic` of
  the bytes, the floor under any save that survives a crash.

An absolute target (p95 ≤ 15 ms at 100k, ≤ 25 ms at 10k) passes when it is met,
or, on a machine too busy for it, when the save stays within FLOOR_RATIO of the
bare durable write timed in the same rounds. (Not against reference.py's CPU
workload: a save's time is mostly fsync and file creation, which that workload
does not see.) Reading an article's notes back after a save (`for_article`) is judged
against stock TinyDB's search for them in the same run. "growth" is judged on its
ratio alone: the median save at 100k against the median save at 100 annotations.
At 100k the saves go to articles at random, so most find their article's file
closed and read it first: a cost of the article's size, not of the database's.

The databases go in a temporary folder (or --dir, to measure another disk:
fsync costs depend on the disk, so run it where the user data lives). They are
written directly in the store's layout, which takes seconds instead of the
minutes an import of 100,000 notes through stock TinyDB would.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson
from tinydb import Query, TinyDB

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, to_record
from readerapp.core.article import load_article
from readerapp.core.atomic_file import signature, write_atomic
from readerapp.core.edits import Edit
from readerapp.core.store import AnnotationStore, folder_of
from readerapp.core.store.schema import SHARDS, meta_table, shard_data, shard_name
from readerapp.core.store.shard import summarize

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"
SIZES = {"100": (100, 1), "10k": (10_000, 10), "100k": (100_000, 1_000)}  # (notes, articles)
TARGET_P95 = {"10k": 0.025, "100k": 0.015}
FLOOR_RATIO = 5.0  # a save may cost this many bare durable writes of its article's file
GROWTH = 1.5  # a save at 100k may cost this much more than at 100
SEARCH_RATIO = 0.25  # an article's notes after a save, against stock TinyDB's search of them


def make_annotation(n: int, text: str, articles: int) -> Annotation:
    start = (n * 37) % (len(text) - 120)
    article = n % articles
    return Annotation(
        id=f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
        article=ArticleRef(f"{article:064x}", f"/articles/{article}.txt", f"Title {article}"),
        selector=TextSelector.from_text(text, start, start + 20 + n % 90),
        colour=("yellow", "green", None)[n % 3],
        tags=("needs source", f"tag{n % 7}") if n % 2 else (),
        note=f"Note {n}: “check” — call the ministry ✓" if n % 3 else "",
    )


def write_database(path: Path, annotations: list[Annotation]) -> None:
    """The store's files for these annotations, written directly (setup only: one sync at
    the end instead of a durable write per file)."""
    shards: dict[str, dict[str, dict]] = {}
    for a in annotations:
        shards.setdefault(shard_name(a.article.sha256), {})[a.id] = to_record(a)
    folder = folder_of(path)
    folder.mkdir(parents=True)
    index = {}
    for name, records in shards.items():
        shard = folder / f"{name}.json"
        shard.write_bytes(orjson.dumps(shard_data(records)))
        index[name] = summarize(records.values(), signature(shard)).to_doc()
    path.write_bytes(orjson.dumps({"meta": meta_table(), SHARDS: index}))
    os.sync()  # the kernel writing these back during the measurement would be timed too


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


class Saver:
    """One database and the saves made into it, creates and edits in turn."""

    def __init__(self, folder: Path, label: str, text: str) -> None:
        total, self.articles = SIZES[label]
        self.text = text
        self.path = folder / f"{label}.json"
        self.existing = [make_annotation(n, text, self.articles) for n in range(total)]
        write_database(self.path, self.existing)
        self.store = AnnotationStore(self.path)
        self.next = total
        self.edits = 0

    def save_one(self) -> float:
        if self.next % 2:
            a = make_annotation(self.next, self.text, self.articles)
            self.next += 1
            return timed(lambda: self.store.apply(Edit(None, a)))
        self.next += 1
        old = self.existing[(self.edits * 7919) % len(self.existing)]
        self.edits += 1
        new = old.edited(tags=(*old.tags, f"edit{self.edits}"))
        return timed(lambda: self.store.apply(Edit(old, new)))


def floor_write(folder: Path, records: bytes) -> Callable[[], float]:
    """The bare durable write of one article's file, for the floor baseline."""
    target = folder / "floor.json"

    def once() -> float:
        return timed(lambda: write_atomic(target, orjson.dumps(orjson.loads(records))))

    return once


def measure(folder: Path, rounds: int, per_round: int, stock_saves: int) -> dict[str, float]:
    text = load_article(SAMPLE).text
    savers = {label: Saver(folder, label, text) for label in SIZES}
    one_article = [to_record(a) for a in savers["100k"].existing[:100]]
    floor = floor_write(folder, orjson.dumps(one_article))
    for saver in savers.values():
        saver.save_one()  # warm: lock file open, stale temp files checked
    floor()
    per: dict[str, list[tuple[float, float]]] = {name: [] for name in [*SIZES, "floor"]}
    timers: dict[str, Callable[[], float]] = {label: s.save_one for label, s in savers.items()}
    timers["floor"] = floor
    for _ in range(rounds):
        samples: dict[str, list[float]] = {name: [] for name in timers}
        for _ in range(per_round):  # one save of each in turn: a burst of noise hits all
            for name, timer in timers.items():
                samples[name].append(timer())
        for name, values in samples.items():
            per[name].append((percentile(values, 0.5), percentile(values, 0.95)))
    f: dict[str, float] = {}
    for name, pairs in per.items():
        f[f"{name}_p50"] = statistics.median(p50 for p50, _ in pairs)
        f[f"{name}_p95"] = statistics.median(p95 for _, p95 in pairs)

    ten_k = savers["10k"]
    ref = ArticleRef(f"{1:064x}", "/articles/1.txt", "Title 1")
    refresh = []
    for a in ten_k.existing[1:51:10]:
        ten_k.store.apply(Edit(a, a.edited(note="edited")))
        refresh.append(timed(lambda: ten_k.store.for_article(ref)))
    f["for_article"] = statistics.median(refresh)
    for label in ("10k", "100k"):
        saver = savers[label]
        saver.store.close()
        f[f"open_{label}"] = statistics.median(
            timed(lambda s=saver: AnnotationStore(s.path, read_only=True).counts_by_article())
            for _ in range(5)
        )
        stock(folder, label, saver.existing, stock_saves, ref, f)
    f["saves"] = rounds * per_round
    return f


def stock(
    folder: Path, label: str, existing: list[Annotation], saves: int, ref: ArticleRef, f: dict
) -> None:
    """Stock TinyDB holding the same records: inserts, a search, opening it."""
    stock_path = folder / f"stock-{label}.json"
    db = TinyDB(stock_path)
    db.insert_multiple(to_record(a) for a in existing)
    fresh = [to_record(make_annotation(len(existing) + n, "x" * 300, 10)) for n in range(saves)]
    samples = [timed(lambda r=r: db.insert(r)) for r in fresh]
    f[f"stock_{label}_p50"], f[f"stock_{label}_p95"] = (
        percentile(samples, 0.5),
        percentile(samples, 0.95),
    )
    if label == "10k":
        sha = Query().article.sha256

        def search() -> object:
            db.clear_cache()  # TinyDB caches query results; after a save the cache is gone too
            return db.search(sha == ref.sha256)

        f["stock_search"] = statistics.median(timed(search) for _ in range(5))
    db.close()
    f[f"stock_open_{label}"] = statistics.median(
        timed(lambda: TinyDB(stock_path).all()) for _ in range(3)
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def row(measure: str, figure: float, baseline: float, target: str, ok: bool) -> dict:
    return {
        "measure": measure,
        "figure": ms(figure),
        "baseline": ms(baseline),
        "ratio": f"{figure / baseline:.2f}×",
        "target": target,
        "ok": ok,
    }


def within(f: dict[str, float], label: str, stat: str) -> bool:
    """An absolute target met, or (busy machine) the save within FLOOR_RATIO of the floor."""
    figure = f[f"{label}_{stat}"]
    return figure <= TARGET_P95[label] or figure <= FLOOR_RATIO * f[f"floor_{stat}"]


def run(quick: bool = False, folder: Path | None = None) -> list[dict]:
    rounds, per_round, stock_saves = (3, 20, 2) if quick else (7, 30, 5)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        f = measure(Path(tmp), rounds, per_round, stock_saves)
    n = int(f["saves"])
    floor_note = f"≤ {FLOOR_RATIO:.0f}× floor"
    return [
        row(
            f"save 1 of 10k, p50 ({n} saves)",
            f["10k_p50"],
            f["stock_10k_p50"],
            f"≤ 25 ms or {floor_note}",
            within(f, "10k", "p50"),
        ),
        row(
            f"save 1 of 10k, p95 ({n} saves)",
            f["10k_p95"],
            f["stock_10k_p95"],
            f"≤ 25 ms or {floor_note}",
            within(f, "10k", "p95"),
        ),
        row(
            f"save 1 of 100k, p95 ({n} saves)",
            f["100k_p95"],
            f["stock_100k_p95"],
            f"≤ 15 ms or {floor_note}",
            within(f, "100k", "p95"),
        ),
        row(
            "save 1 of 100k, p95, vs the bare durable write",
            f["100k_p95"],
            f["floor_p95"],
            "(floor)",
            True,
        ),
        row(
            "growth: save 1 of 100k vs 1 of 100, p50",
            f["100k_p50"],
            f["100_p50"],
            f"≤ {GROWTH}×",
            f["100k_p50"] <= GROWTH * f["100_p50"],
        ),
        row(
            "for_article, 1k of 10k, after a save",
            f["for_article"],
            f["stock_search"],
            f"≤ {SEARCH_RATIO}× stock search",
            f["for_article"] <= SEARCH_RATIO * f["stock_search"],
        ),
        row("open 10k + counts_by_article", f["open_10k"], f["stock_open_10k"], "—", True),
        row("open 100k + counts_by_article", f["open_100k"], f["stock_open_100k"], "—", True),
    ]


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from table import print_table

    folder = Path(sys.argv[sys.argv.index("--dir") + 1]) if "--dir" in sys.argv else None
    return 1 if print_table(run(quick="--quick" in sys.argv, folder=folder)) else 0


if __name__ == "__main__":
    raise SystemExit(main())
