"""Shared fixtures: the bundled sample, small articles written to tmp_path, an isolated db."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"


@pytest.fixture(autouse=True)
def isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the user's real annotation database in tests."""
    db = tmp_path / "db" / "annotations.json"
    monkeypatch.setenv("READERAPP_DB", str(db))
    return db


@pytest.fixture(autouse=True)
def isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never save fetched pages in the user's real library folder in tests."""
    library = tmp_path / "library-from-env"
    monkeypatch.setenv("READERAPP_LIBRARY", str(library))
    return library


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def write_article(tmp_path: Path):
    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never read (or write) the user's own settings file in tests."""
    settings = tmp_path / "config" / "settings.toml"
    monkeypatch.setenv("READERAPP_SETTINGS", str(settings))
    return settings
