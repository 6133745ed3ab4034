"""Run-on and degenerate text must not make the analysis hang (it was quadratic).

A hang guard, not a speed test: each input is ~100 KB and gets a generous
bound, far above the linear time (about a second) and far below the minutes the
quadratic paths took.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

BODIES = {
    "the same verb forever": "said " * 20000,
    "one accusation repeated": "A accused B of C. " * 5500,
    "only curly quotes": "\u201c" * 100000,
    "unclosed straight quotes": '"a ' * 33000,
    "abbreviations without end": "Mr. " * 25000,
}


@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_degenerate_text_is_analyzed_in_bounded_time(tmp_path, body):
    path = tmp_path / "run-on.txt"
    path.write_text("Title\n\n" + body, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "readerapp", "analyze", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=45,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.lstrip().startswith("{")
