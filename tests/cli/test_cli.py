"""The command line as a user types it: bad input fails with one line and status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from readerapp import __version__
from readerapp.cli import main, misspelt_command


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "readerapp", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )


def assert_one_line_error(result, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("readerapp: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_version_and_help():
    assert run("--version").stdout.strip() == f"readerapp {__version__}"
    help_text = run("--help").stdout
    assert "--db" in help_text and "analyze" in help_text and "export" in help_text


def test_missing_path(tmp_path):
    assert_one_line_error(run(str(tmp_path / "missing.txt")), "no such file")


def test_folder_without_articles(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert_one_line_error(run(str(tmp_path)), "no articles")


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert_one_line_error(run(str(path)), "binary")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_one_line_error(run(str(path)), "empty")


def test_db_option_pointing_at_a_directory(tmp_path, sample_path):
    assert_one_line_error(run(str(sample_path), "--db", str(tmp_path)), "directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.")
    path.chmod(0)
    assert_one_line_error(run(str(path)), "permission")


def test_bad_input_leaves_the_database_alone(tmp_path, isolated_db):
    run(str(tmp_path / "missing.txt"), "--db", str(isolated_db))
    assert not isolated_db.exists()


@pytest.mark.parametrize("typed", [["analyse"], ["analyse", "story.md"], ["exprot"]])
def test_a_misspelt_command_suggests_the_right_one(typed, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(typed) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "did you mean `readerapp" in error


def test_a_file_named_like_a_command_still_opens(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("analyse").write_text("A title\n\nSome text.\n", encoding="utf-8")

    assert misspelt_command("analyse") is None
