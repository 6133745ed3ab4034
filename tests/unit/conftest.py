"""Fixtures of the core's tests."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def no_hang() -> Iterator[None]:
    """A FIFO opened for reading blocks forever: make that a failure, not a stuck suite."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("blocked: a special file was opened for reading")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database path in folders that do not exist yet (the store makes them)."""
    return tmp_path / "nested" / "dir" / "annotations.json"
