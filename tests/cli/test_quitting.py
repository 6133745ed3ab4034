"""Quitting in a real terminal: at once, whatever is running; never losing typed text unasked."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from stories import BRIDGE
from terminal import HAVE_TMUX, Terminal, wait_for_file

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed")]

# The reader, with an analysis that never ends (as a pathological article's would).
ENDLESS_ANALYSIS = """
import sys, threading
import readerapp.core.analysis as analysis
analysis.analyze = lambda article, **options: threading.Event().wait()
from readerapp.cli import main
sys.exit(main(sys.argv[1:]))
"""


def start(tmp_path: Path, terminal: Terminal, status: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE, encoding="utf-8")
    script = tmp_path / "reader.py"
    script.write_text(ENDLESS_ANALYSIS, encoding="utf-8")
    words = [sys.executable, str(script), str(story), "--db", str(tmp_path / "notes.json")]
    terminal.run(" ".join(map(shlex.quote, words)), status_file=status)
    terminal.wait_for(lambda s: "Bridge repairs delayed" in s and "analyzing" in s)


@pytest.mark.parametrize("key", ["q", "C-q"])
def test_quitting_does_not_wait_for_a_running_analysis(tmp_path: Path, key: str) -> None:
    terminal, status = Terminal(), tmp_path / "status"
    try:
        start(tmp_path, terminal, status)
        terminal.keys(key)
        assert wait_for_file(status, timeout=20) == "0"  # a bound on a hang, not a speed test
    finally:
        terminal.close()


def test_ctrl_q_asks_before_an_unsaved_note_is_lost(tmp_path: Path) -> None:
    terminal, status = Terminal(), tmp_path / "status"
    try:
        start(tmp_path, terminal, status)
        terminal.keys("s", "a")
        terminal.wait_for(lambda s: "Note on" in s)
        terminal.keys("-l", "half a thought")
        terminal.keys("C-q")
        screen = terminal.wait_for(lambda s: "have not saved" in s)
        assert "have not saved" in screen
        terminal.keys("n")  # keep writing
        terminal.wait_for(lambda s: "have not saved" not in s)
        terminal.keys("C-s")
        terminal.wait_for(lambda s: "Note saved" in s)
        terminal.keys("C-q")
        assert wait_for_file(status, timeout=20) == "0"
    finally:
        terminal.close()
    from readerapp.core.store import AnnotationStore

    with AnnotationStore(tmp_path / "notes.json", read_only=True) as store:
        assert [a.note for a in store.all()] == ["half a thought"]


def test_a_burst_of_typing_reaches_the_note_whole(tmp_path: Path) -> None:
    """`a`, two lines and Ctrl+S sent at once, as a paste without bracketed paste is."""
    terminal, status = Terminal(), tmp_path / "status"
    try:
        start(tmp_path, terminal, status)
        terminal.keys("s", "a", "line1", "Enter", "line2", "C-s")
        terminal.wait_for(lambda s: "Note saved" in s)
        terminal.keys("q")
        assert wait_for_file(status, timeout=20) == "0"
    finally:
        terminal.close()
    from readerapp.core.store import AnnotationStore

    with AnnotationStore(tmp_path / "notes.json", read_only=True) as store:
        assert [a.note for a in store.all()] == ["line1\nline2"]
