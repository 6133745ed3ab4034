"""The store against real processes: SIGKILL at random moments, and two writers on one file."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, new_id
from readerapp.core.store import AnnotationStore

TEXT = "Officials said the “audit” was complete — 🙂 but nobody had seen it. " * 3


def make(n: int) -> Annotation:
    start = n % 60
    return Annotation(
        id=new_id(),
        article=ArticleRef(f"sha{n % 7}", f"/articles/{n % 7}.txt", "An article"),
        selector=TextSelector.from_text(TEXT, start, start + 25),
        colour="yellow",
        tags=("needs source",),
        note="Call the ministry. " * 3,
    )


def _child_saves_forever(db: Path, out: int) -> None:
    """In the forked child: save, then report the id; killed from outside."""
    try:
        store = AnnotationStore(db)
        n = 0
        while True:
            a = make(n)
            store.save(a)
            os.write(out, a.id.encode() + b"\n")
            n += 1
    finally:
        os._exit(0)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_sigkill_at_random_moments_loses_no_completed_save(tmp_path: Path) -> None:
    db = tmp_path / "annotations.json"
    AnnotationStore(db).merge(make(n) for n in range(1500))  # ~0.6 MB: writes take a while
    rng = random.Random(5)
    reported: set[str] = set()
    interrupted_writes = 0
    deadline = time.monotonic() + 15
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
        if any(tmp_path.glob(".annotations.json.*.tmp")):
            interrupted_writes += 1  # killed between creating the temp file and the rename

        data = orjson.loads(db.read_bytes())  # always valid JSON, the old file or the new
        missing = reported - data["annotations"].keys()
        assert not missing, f"kill {kills}: {len(missing)} completed saves lost"
    assert kills >= 40, f"only {kills} kills in the time allowed"
    assert interrupted_writes >= 1, "no kill landed inside a write; the test proves nothing"
    # A save may complete and be killed before it reports: at most one per kill.
    assert 1500 + len(reported) <= len(AnnotationStore(db).all()) <= 1500 + len(reported) + kills


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
    outputs = [child.communicate(timeout=30)[0].split("\n") for child in children]
    assert [child.returncode for child in children] == [0, 0]

    spans = [next(line for line in out if line.startswith("span")).split()[1:] for out in outputs]
    (s1, e1), (s2, e2) = [(float(a), float(b)) for a, b in spans]
    assert max(s1, s2) < min(e1, e2), "the two writers did not overlap in time"

    ids = [{line for line in out if line.startswith("urn:uuid:")} for out in outputs]
    assert len(ids[0]) == len(ids[1]) == 150
    stored = {a.id for a in AnnotationStore(db).all()}
    assert ids[0] <= stored and ids[1] <= stored and len(stored) == 600
