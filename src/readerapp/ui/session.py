"""What the app's screens share: where notes are kept, the store, and the open notebooks.

Plain Python, handed to each screen when it is made, so a screen never reaches
into the App for it (no casts, no import of the app module, no cycle).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readerapp.core.notebook import Notebook
    from readerapp.core.store import AnnotationStore
    from readerapp.ui.library_people import LibraryPeople


class Session:
    """One run of the app: the database path, the store opened once, the notebooks to close."""

    def __init__(
        self, db_path: Path, *, on_store_problem: Callable[[AnnotationStore], None] | None = None
    ) -> None:
        self.db_path = db_path
        self._on_store_problem = on_store_problem
        self._store: AnnotationStore | None = None
        self._lock = threading.Lock()
        self._notebooks: list[Notebook] = []
        self.search_history: list[str] = []  # oldest first; the article search's ↑ and ↓
        self.library_people: LibraryPeople | None = None  # the People screens' index, once made

    def store(self) -> AnnotationStore:
        """The notes database, opened once, from whichever worker needs it first.

        A file that cannot be used opens read-only; `on_store_problem` is told,
        so the app can ask whether to move it aside. It is never overwritten.
        """
        with self._lock:
            if self._store is None:
                from readerapp.core.store import open_store

                self._store = open_store(self.db_path)
                problem = self._store.error is not None or self._store.read_only
                if problem and self._on_store_problem is not None:
                    self._on_store_problem(self._store)
            return self._store

    def opened(self, notebook: Notebook) -> None:
        """Remember a notebook so that quitting waits for its saves."""
        with self._lock:
            self._notebooks.append(notebook)

    def closed(self, notebook: Notebook) -> None:
        """A reader screen went away: wait for its saves and stop its thread."""
        with self._lock:
            if notebook in self._notebooks:
                self._notebooks.remove(notebook)
        notebook.close()

    def flush(self) -> None:
        """Wait until every queued save of every open notebook is on disk."""
        with self._lock:
            notebooks = list(self._notebooks)
        for notebook in notebooks:
            notebook.flush()

    def close(self) -> None:
        """Wait for every queued save, so quitting loses nothing."""
        with self._lock:
            notebooks, self._notebooks = self._notebooks, []
        for notebook in notebooks:
            notebook.close()
