"""Notes and people across a library: 1,000 generated articles, 10,000 annotations.

    python benchmarks/bench_library.py [--quick]

The articles are our own, generated (`news_text.library_article`): headlines,
quotes by some 400 recurring people, surnames on second mention, accusations.
Each article carries ten annotations, one in ten tagged "contradiction".

Rows, each judged as a ratio to the reference workload (`reference.py`, timed
beside each run by `paired_timing.py`), targets in seconds on a quiet machine:
- the first index (every article read and analysed; the cache filled): no
  target, since the analysis's speed is the analysis benchmark's business;
- the people list with the cache warm: the index reopened (a `stat` and a
  cache file per article) and the speakers merged across articles (0.5 s);
- the notes list with the cache warm: every annotation from the database with
  whether its passage is still there (0.5 s);
- one keystroke in the notes search over the 10,000 (50 ms);
- `readerapp notes --tag contradiction --json`, a new process, start to end (1 s);
- the Notes and People screens in a headless app, from the key to the list, and one
  keystroke in the Notes search with the list redrawn (`bench_across_screens`).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from news_text import library_article, person_pool
from paired_timing import measured, ratio_row, timed

from readerapp.core.annotation import Annotation, TextSelector, article_ref
from readerapp.core.article import load_article
from readerapp.core.library_index import LibraryCache, article_paths, build_index, cache_folder
from readerapp.core.notes_query import NotesList, note_rows
from readerapp.core.people import people
from readerapp.core.store import AnnotationStore

ARTICLES = 1_000
PER_ARTICLE = 10
TAGS = ("economy", "needs source", "FOI", "follow up", "quote check", "numbers")


def make_library(folder: Path, db: Path) -> None:
    """The articles written (and dated a while back), and their annotations saved."""
    rng = random.Random(14)
    pool = person_pool(rng, 400)
    folder.mkdir()
    annotations = []
    then = time.time() - 3600
    for number in range(ARTICLES):
        path = folder / f"article-{number:04d}.txt"
        path.write_text(library_article(rng, pool, number), encoding="utf-8")
        os.utime(path, (then, then))
        article = load_article(path)
        for k in range(PER_ARTICLE):
            start = rng.randrange(0, len(article.text) - 60)
            end = start + rng.randint(8, 60)
            tags = ("contradiction",) if (number * PER_ARTICLE + k) % 10 == 0 else ()
            annotations.append(
                Annotation(
                    id=f"urn:uuid:00000000-0000-4000-8000-{number * PER_ARTICLE + k:012d}",
                    article=article_ref(article),
                    selector=TextSelector.from_text(article.text, start, end),
                    colour=("yellow", None)[k % 2],
                    tags=tags + tuple(rng.sample(TAGS, rng.randint(0, 2))),
                    note=f"Check this against the {rng.choice(TAGS)} file, item {k}."
                    if k % 3
                    else "",
                    created=f"2026-04-{1 + k:02d}T10:00:00.000Z",
                )
            )
    with AnnotationStore(db) as store:
        store.merge(annotations)


def run(quick: bool = False) -> list[dict]:
    runs = 3 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "library", Path(tmp) / "data" / "annotations.json"
        db.parent.mkdir()
        make_library(folder, db)
        paths = article_paths([folder])
        cache = cache_folder(db)

        first = timed(lambda: build_index(paths, LibraryCache(cache)))
        index_row = {
            "measure": f"first index of {ARTICLES:,} articles (analysed, cached)",
            "figure": f"{first:.1f} s",
            "baseline": "—",
            "ratio": "—",
            "target": "—",
            "ok": True,
        }

        def people_list() -> object:
            return people(build_index(paths, LibraryCache(cache)).articles)

        def notes_list() -> NotesList:
            with AnnotationStore(db, read_only=True) as store:
                annotations = store.all()
            return NotesList(note_rows(annotations, LibraryCache(cache).catalog))

        listed = notes_list()
        assert len(listed.rows) == ARTICLES * PER_ARTICLE
        assert all(row.orphaned is False for row in listed.rows)
        command = [sys.executable, "-m", "readerapp", "notes", "--tag", "contradiction"]
        command += ["--json", "--db", str(db)]

        def cli() -> None:
            result = subprocess.run(command, capture_output=True, timeout=120)
            assert result.returncode == 0 and result.stdout.count(b'"quote"') == 1_000

        from bench_across_screens import run as screens  # Textual: loaded only here

        screen_rows = screens(folder, db, runs, ARTICLES * PER_ARTICLE)
        return [
            index_row,
            ratio_row("people list, cache warm", measured(runs, people_list), 0.5),
            ratio_row("notes list (10k), cache warm", measured(runs, notes_list), 0.5),
            ratio_row(
                "notes search, one keystroke (10k)",
                measured(runs, lambda: listed.filter(search="against the foi")),
                0.05,
            ),
            ratio_row(
                "`readerapp notes --tag X --json` (10k), new process",
                measured(runs, cli),
                1.0,
            ),
            *screen_rows,
        ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from table import print_table

    raise SystemExit(1 if print_table(run(quick="--quick" in sys.argv)) else 0)
