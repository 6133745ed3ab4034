"""The store against real processes: SIGKILL at random moments, and writers on one database."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, new_id
from readerapp.core.edits import Edit
from readerapp.core.store import AnnotationStore, folder_of

TEXT = "Officials said the “audit” was complete — 🙂 but nobody had seen it. " * 3


def make(n: int) -> Annotation:
    start = n % 60
    return Annotation(
        id=new_id(),
        article=ArticleRef(f"{n % 7:064x}", f"/articles/{n % 7}.txt", "An article"),
        selector=TextSelector.from_text(TEXT, start, start + 25),
        colour="yellow",
        tags=("needs source",),
        note="Call the ministry. " * 3,
    )


def _child_saves_forever(db: Path, out: int) -> None:
    """In the forked child: save as a window does, then report the id; killed from outside."""
    try:
        store = AnnotationStore(db)
        n = 0
        while True:
            a = make(n)
            store.apply(Edit(None, a))
            os.write(out, a.id.encode() + b"\n")
            n += 1
    finally:
        os._exit(0)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _ids_on_disk(db: Path) -> set[str]:
    """Every annotation id in the database's files, each of which must parse."""
    orjson.loads(db.read_bytes())  # the index too: old file or new, never torn
    found: set[str] = set()
    for shard in folder_of(db).glob("*.json"):
        found.update(orjson.loads(shard.read_bytes())["annotations"])
    return found


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_completed_save(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    AnnotationStore(db).merge(make(n) for n in range(7000))  # ~0.4 MB per article file
    folder = folder_of(db)
    rng = random.Random(5)
    reported: set[str] = set()
    interrupted_writes = 0
    deadline = time.monotonic() + 20
    kills = 0
    while kills < 60 and time.monotonic() < deadline:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(read_fd)
            _child_saves_forever(db, write_fd)
        os.close(write_fd)
        select.select([read_fd], [], [], 5)  # the child has saved at least once
        time.sleep(rng.uniform(0, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        kills += 1
        lines = _read_all(read_fd).split(b"\n")
        os.close(read_fd)
        reported.update(line.decode() for line in lines[:-1])  # the last may be cut short
        if any(folder.glob(".*.tmp")) or any(tmp_path.glob(".*.tmp")):
            interrupted_writes += 1  # killed between creating the temp file and the rename

        missing = reported - _ids_on_disk(db)
        assert not missing, f"kill {kills}: {len(missing)} completed saves lost"
    assert kills >= 40, f"only {kills} kills in the time allowed"
    assert interrupted_writes >= 1, "no kill landed inside a write; the test proves nothing"
    # A save may complete and be killed before it reports: at most one per kill.
    assert 7000 + len(reported) <= len(AnnotationStore(db).all()) <= 7000 + len(reported) + kills


CHILD = r"""
import sys, time
from pathlib import Path
sys.path[:0] = [sys.argv[4]]
from test_store_processes import make
from readerapp.core.store import AnnotationStore

db, go, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
store = AnnotationStore(db)
while not go.exists():
    time.sleep(0.001)
first = time.time()
for n in range(count):
    a = make(n)
    store.save(a)
    print(a.id, flush=True)
print("span", first, time.time(), flush=True)
"""


def test_two_processes_saving_interleaved_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    AnnotationStore(db).merge(make(n) for n in range(300))
    go = tmp_path / "go"
    here = str(Path(__file__).parent)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), str(go), "150", here],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    time.sleep(0.5)  # both have imported and opened the store
    go.touch()
    outputs = [child.communicate(timeout=60)[0].split("\n") for child in children]
    assert [child.returncode for child in children] == [0, 0]

    spans = [next(line for line in out if line.startswith("span")).split()[1:] for out in outputs]
    (s1, e1), (s2, e2) = [(float(a), float(b)) for a, b in spans]
    assert max(s1, s2) < min(e1, e2), "the two writers did not overlap in time"

    ids = [{line for line in out if line.startswith("urn:uuid:")} for out in outputs]
    assert len(ids[0]) == len(ids[1]) == 150
    stored = {a.id for a in AnnotationStore(db).all()}
    assert ids[0] <= stored and ids[1] <= stored and len(stored) == 600


WINDOW = r"""
import json, random, sys, time
from pathlib import Path
from readerapp.core.annotation import COLOURS
from readerapp.core.article import parse_article
from readerapp.core.notebook import Notebook, Target
from readerapp.core.store import AnnotationStore

db, go, article_path = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[5])
me, ops = int(sys.argv[3]), int(sys.argv[4])
article = parse_article(article_path.read_text(encoding="utf-8"), path=article_path)
errors = []
notebook = Notebook(AnnotationStore(db), article, on_error=errors.append)
notebook.load()
rng = random.Random(me)
text = article.text
created, deleted, tagged, foreign = [], [], [], 0
while not go.exists():
    time.sleep(0.001)
first = time.time()
for n in range(ops):
    if n % 4 == 0:
        notebook.check_for_changes()  # as the reader's timer does
    live = notebook.placed
    roll = rng.random()
    if roll < 0.3 or not live:
        start = rng.randrange(0, len(text) - 30)
        placed = notebook.annotate(Target((start, start + 20)), colour=rng.choice(COLOURS))
        created.append(placed.annotation.id)
        continue
    chosen = rng.choice(live)
    annotation = chosen.annotation
    target = Target(chosen.span, annotation.id)
    foreign += annotation.id not in created
    if roll < 0.6:
        tag = f"w{me}-{n}"
        notebook.annotate(target, tags=[*annotation.tags, tag])
        tagged.append([annotation.id, tag])
    elif roll < 0.75:
        notebook.annotate(target, colour=rng.choice(COLOURS))
    elif roll < 0.9:
        notebook.annotate(target, note=f"note {me}-{n}")
    else:
        notebook.delete(annotation.id)
        deleted.append(annotation.id)
    time.sleep(rng.uniform(0, 0.004))
notebook.close()
print(json.dumps({"created": created, "deleted": deleted, "tagged": tagged, "foreign": foreign,
                  "errors": errors, "span": [first, time.time()]}))
"""


@pytest.mark.slow
def test_three_windows_editing_one_database_lose_nothing(tmp_path: Path) -> None:
    """Three processes, each a reader window through Notebook, at random: creates, tags,
    colours, notes and deletes on each other's notes. Tags only ever get added, so every
    tag an edit added must still be on its note unless the note was deleted; counting
    inserts alone would hide lost updates."""
    article = tmp_path / "story.txt"
    body = " ".join(f"Sentence {n} of the story says something." for n in range(200))
    article.write_text(f"A story\n\n{body}\n", encoding="utf-8")
    db = tmp_path / "annotations.json"
    go = tmp_path / "go"
    windows = [
        subprocess.Popen(
            [sys.executable, "-c", WINDOW, str(db), str(go), str(me), "360", str(article)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for me in range(3)
    ]
    time.sleep(1.0)  # all three have imported and loaded
    go.touch()
    outputs = [window.communicate(timeout=240)[0] for window in windows]
    assert [window.returncode for window in windows] == [0, 0, 0]
    results = [json.loads(out) for out in outputs]
    assert [r["errors"] for r in results] == [[], [], []]
    (s1, e1), (s2, e2), (s3, e3) = [r["span"] for r in results]
    assert max(s1, s2, s3) < min(e1, e2, e3), "the windows did not overlap in time"
    assert sum(r["foreign"] for r in results) >= 100, "too few edits of another window's notes"

    stored = {a.id: a for a in AnnotationStore(db).all(include_deleted=True)}
    created = [i for r in results for i in r["created"]]
    deleted = {i for r in results for i in r["deleted"]}
    tagged = [(i, tag) for r in results for i, tag in r["tagged"]]
    assert len(created) + len(deleted) + len(tagged) >= 600
    lost_creates = [i for i in created if i not in stored]
    resurrected = [i for i in deleted if not stored[i].deleted]
    lost_edits = [(i, t) for i, t in tagged if not stored[i].deleted and t not in stored[i].tags]
    assert (len(lost_creates), len(lost_edits), len(resurrected)) == (0, 0, 0)
