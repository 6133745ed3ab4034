"""The settings file: read without ever stopping readerapp, written one line at a time."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from readerapp.core.locations import database_path, library_path
from readerapp.core.settings import load_settings, remember


def test_no_file_gives_the_defaults(isolated_settings: Path) -> None:
    settings = load_settings()
    assert settings.theme is None and settings.keys == {} and settings.problem is None


def test_every_setting_is_read(isolated_settings: Path, tmp_path: Path) -> None:
    isolated_settings.parent.mkdir(parents=True)
    isolated_settings.write_text(
        'theme = "nord"\ndatabase = "~/notes.json"\nlibrary = "/srv/articles"\n'
        '[keys]\n"article.highlight" = "x"\n',
        encoding="utf-8",
    )
    settings = load_settings()
    assert settings.theme == "nord"
    assert settings.database == Path("~/notes.json").expanduser()
    assert settings.library == Path("/srv/articles")
    assert settings.keys == {"article.highlight": "x"}


def test_the_database_and_library_settings_come_after_options_and_environment(
    isolated_settings: Path, tmp_path: Path, monkeypatch
) -> None:
    isolated_settings.parent.mkdir(parents=True)
    isolated_settings.write_text('database = "/a/notes.json"\nlibrary = "/a/lib"\n')
    monkeypatch.delenv("READERAPP_DB")
    monkeypatch.delenv("READERAPP_LIBRARY")
    assert database_path() == Path("/a/notes.json")
    assert library_path() == Path("/a/lib")
    assert database_path("/b.json") == Path("/b.json")
    monkeypatch.setenv("READERAPP_DB", "/c.json")
    assert database_path() == Path("/c.json")


def test_a_broken_file_is_one_sentence_and_the_defaults(isolated_settings: Path) -> None:
    isolated_settings.parent.mkdir(parents=True)
    isolated_settings.write_text('theme = "nord\n', encoding="utf-8")
    settings = load_settings()
    assert settings.theme is None
    assert settings.problem is not None and "not valid TOML" in settings.problem
    isolated_settings.write_text("theme = 3\ncolour = 'x'\n", encoding="utf-8")
    problem = load_settings().problem
    assert problem is not None and "theme must be a string" in problem and "colour" in problem


def test_remembering_the_theme_keeps_every_other_line(isolated_settings: Path) -> None:
    isolated_settings.parent.mkdir(parents=True)
    original = (
        '# my settings\ntheme = "nord"  # dark\nlibrary = "~/a"\n\n[keys]\n"app.quit" = "Q"\n'
    )
    isolated_settings.write_text(original, encoding="utf-8")
    remember("theme", "gruvbox")
    assert isolated_settings.read_text() == original.replace('"nord"  # dark', '"gruvbox"')
    remember("theme", "gruvbox")
    assert load_settings().theme == "gruvbox" and load_settings().keys == {"app.quit": "Q"}


def test_remembering_into_no_file_creates_it(isolated_settings: Path) -> None:
    remember("theme", 'odd "name"')
    assert load_settings().theme == 'odd "name"'
    text = isolated_settings.read_text()
    assert text.startswith("#") and 'theme = "odd \\"name\\""' in text


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME is where Linux keeps data")
def test_with_nothing_set_the_database_and_library_live_in_the_user_data_directory(
    isolated_settings: Path, tmp_path: Path, monkeypatch
) -> None:
    """No option, no environment, no settings file: both go under the user's data
    directory (XDG_DATA_HOME here), never into the folder the app was started from."""
    monkeypatch.delenv("READERAPP_DB")
    monkeypatch.delenv("READERAPP_LIBRARY")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data-home" / "readerapp"
    assert library_path() == data / "articles"
    assert database_path().parent == data
