"""The Notes screen in a real terminal: T lists the notes of every article of a library;
Enter goes to a passage in its article, Escape comes back to the list."""

from __future__ import annotations

import os
import shlex
import sys
import time
from pathlib import Path

import pytest

from library_stories import annotation_on, write_library
from readerapp.core.article import load_article
from readerapp.core.store import AnnotationStore
from terminal import HAVE_TMUX, Terminal, wait_for_file

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed")]


def test_t_then_enter_goes_to_the_passage_and_escape_comes_back(tmp_path: Path) -> None:
    paths = write_library(tmp_path / "library")
    then = time.time() - 60
    for path in paths.values():
        os.utime(path, (then, then))
    db = tmp_path / "notes.json"
    with AnnotationStore(db) as store:
        store.merge(
            [
                annotation_on(
                    load_article(paths["ferry.txt"]),
                    "Nobody asked the islanders",
                    1,
                    tags=("contradiction",),
                    note="Who is Lopes here?",
                ),
                annotation_on(
                    load_article(paths["harbour.txt"]), "wasting two seasons", 2, tags=("FOI",)
                ),
            ]
        )
    terminal, status = Terminal(), tmp_path / "status"
    try:
        words = [sys.executable, "-m", "readerapp", str(tmp_path / "library"), "--db", str(db)]
        terminal.run(" ".join(map(shlex.quote, words)), status_file=status)
        terminal.wait_for(lambda s: "Harbour dredging plan delayed again" in s)
        terminal.keys("T")
        screen = terminal.wait_for(lambda s: "Notes across articles" in s and "2 notes" in s)
        assert "#contradiction" in screen and "Who is Lopes here?" in screen
        terminal.keys("f")
        terminal.keys("-l", "FOI")
        terminal.keys("Enter")  # the filter kept, back in the list
        screen = terminal.wait_for(lambda s: "showing 1" in s)
        assert "showing 1" in screen, screen
        assert "wasting two seasons" in screen and "Who is Lopes here?" not in screen
        terminal.keys("Enter")
        screen = terminal.wait_for(lambda s: "Esc: back to Notes" in s and "Notes  1" in s)
        assert "The port authority has postponed" in screen  # the article, at its passage
        assert "Notes  1" in screen
        terminal.keys("Escape")
        screen = terminal.wait_for(lambda s: "Notes across articles" in s)
        assert "showing 1" in screen
        terminal.keys("q")
        assert wait_for_file(status, timeout=20) == "0"
    finally:
        terminal.close()
