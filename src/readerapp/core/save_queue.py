"""Saves of one window, one at a time and in order, on one background thread.

The reader never waits for the disk: each change is queued here and saved in
the order the user made it. The queue also counts, per record, the saves on
their way and those whose result came back, so a reload of another window's
changes can tell which records are this window's own business (their newest
state is still coming back from the writer) and leave them alone.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from readerapp.core.safe_text import visible_name
from readerapp.core.store import StoreError


class SaveQueue:
    """The writer thread of one notebook. Counters are read and changed under `lock`."""

    def __init__(self, lock: threading.RLock, on_error: Callable[[str], None], db: Path) -> None:
        self.lock = lock
        self.on_error = on_error
        self.db = db
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readerapp-save")
        self._pending: list[Future[None]] = []
        self._unsaved: Counter[str] = Counter()  # saves queued but not yet done, by record id
        self._landed: Counter[str] = Counter()  # saves whose result memory took, by record id

    def submit(self, key: str | None, job: Callable[[], None]) -> None:
        """Queue `job` (a save of record `key`, or other writer work when None); lock held."""
        if key is not None:
            self._unsaved[key] += 1
        self._pending = [f for f in self._pending if not f.done()]
        self._pending.append(self._writer.submit(job))

    def finished(self, key: str) -> bool:
        """A save of `key` is done (lock held): True if it was the last one queued, so its
        result is the one to keep (a later one brings its own)."""
        self._unsaved[key] -= 1
        if self._unsaved[key] > 0:
            return False
        del self._unsaved[key]
        return True

    def landed(self, key: str) -> None:
        """Memory took the saved result of `key` (lock held)."""
        self._landed[key] += 1

    def snapshot(self) -> Counter[str]:
        """The results taken so far, to compare with after a read (lock held)."""
        return Counter(self._landed)

    def ours(self, key: str, before: Counter[str]) -> bool:
        """Whether `key` is this window's business now: a save of it is queued, or one
        came back since `before` (so what was read meanwhile is older). Lock held."""
        return bool(self._unsaved[key]) or self._landed[key] != before.get(key, 0)

    def report(self, err: Exception) -> None:
        """Tell the user a save failed, in one sentence; never drop it silently."""
        if isinstance(err, StoreError):  # already one sentence for the user
            self.on_error(str(err))
        else:
            self.on_error(f"Could not save to {visible_name(self.db)}: {err}")

    def flush(self) -> None:
        """Wait until every queued save is done."""
        with self.lock:
            pending = list(self._pending)
        for future in pending:
            future.result()
        with self.lock:
            self._pending = [f for f in self._pending if not f.done()]

    def close(self) -> None:
        """Wait for the queued saves, then stop the thread."""
        self._writer.shutdown(wait=True)
