"""What every command-line test of bad input checks: one line on stderr, exit status 2."""

from __future__ import annotations

import pytest

from readerapp.cli import main


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`readerapp ARGS…` in this process: (exit status, stdout, stderr)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("readerapp: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]
