"""Text from outside never reaches the terminal as control: checked in a real terminal.

Hostile bytes in a file name, a folder name, an article, a database and an import
(`ESC ] 2 ; … BEL` sets the window title; `ESC ] 52 ; c ; … BEL` writes the
clipboard, which tmux with set-clipboard on turns into a paste buffer) go through
every way readerapp shows them: the header, the library, `]`'s status line, the
tag editor, the note editor, import's report and error messages. Afterwards the
pane's title and tmux's paste buffers must be as they were.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest

from readerapp.core.annotation import Annotation, TextSelector, article_ref, new_id
from readerapp.core.article import load_article
from readerapp.core.store import AnnotationStore
from terminal import HAVE_TMUX, Terminal, wait_for_file

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed"),
]

TITLE = "\x1b]2;PWNED\x07"
CLIPBOARD = "\x1b]52;c;UFdORUQ=\x07"
EVIL = TITLE + CLIPBOARD


def script(path: Path, *lines: str) -> str:
    """A shell script that runs `lines` (hostile paths stay inside the file, quoted)."""
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
    return f"sh {shlex.quote(str(path))}"


def readerapp(*args: Path | str) -> str:
    words = [sys.executable, "-m", "readerapp", *map(str, args)]
    return " ".join(shlex.quote(w) for w in words)


def hostile_export(article_path: Path, db: Path, tmp_path: Path) -> Path:
    """A readerapp export of one annotation whose tags and note carry escape sequences."""
    article = load_article(article_path)
    with AnnotationStore(db) as store:
        store.save(
            Annotation(
                id=new_id(),
                article=article_ref(article),
                selector=TextSelector.from_text(article.text, 0, 24),
                colour="yellow",
                tags=("needs source",),
                note="a note",
            )
        )
    from readerapp.core.exchange import notes_for_all, render

    with AnnotationStore(db, read_only=True) as store:
        document = json.loads(render(notes_for_all(store.all()), "json"))
    db.unlink()
    annotation = document["articles"][0]["annotations"][0]
    annotation["tags"] = [f"bad{EVIL}tag", EVIL]
    annotation["note"] = f"first {EVIL} line\n\x1b[2Jsecond line"
    document["articles"][0]["title"] = f"Title {EVIL}"
    export = tmp_path / f"evil{EVIL}.json"
    export.write_text(json.dumps(document), encoding="utf-8")
    return export


def test_hostile_text_never_sets_the_title_or_the_clipboard(tmp_path: Path) -> None:
    library = tmp_path / f"library{EVIL}"
    library.mkdir()
    article = library / f"x{EVIL}.txt"
    article.write_text(
        f"Council row {EVIL}\n\n"
        f'"We will not pay {EVIL}," said Maria Lopez, the treasurer.\n\n'
        f"The auditors accused the council of hiding {EVIL} losses.\n",
        encoding="utf-8",
    )
    binary = tmp_path / f"b{EVIL}\nname.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "notes.json"
    export = hostile_export(article, db, tmp_path)
    status = tmp_path / "status"
    terminal = Terminal()
    try:
        before_title, before_buffers = terminal.title(), terminal.buffers()

        terminal.run(
            script(
                tmp_path / "import.sh",
                f"{readerapp('import', export, '--db', db)}",
                f"{readerapp('analyze', binary)}",
                f"{readerapp('export', tmp_path / 'missing.txt', '--db', db)}",
            ),
            status_file=status,
        )
        wait_for_file(status)
        status.unlink()

        terminal.run(
            script(tmp_path / "read.sh", readerapp(article, "--db", db)), status_file=status
        )
        terminal.wait_for(lambda s: "Maria Lopez" in s and "analyzing" not in s)
        terminal.keys("]")
        terminal.wait_for(lambda s: "Annotation 1 of 1" in s)
        # Each dialog closes before the next key: Escape then a key at once reads as Alt+key.
        terminal.keys("t")
        terminal.wait_for(lambda s: "Tags for" in s)
        terminal.keys("Escape")
        terminal.wait_for(lambda s: "Tags for" not in s)
        terminal.keys("a")
        terminal.wait_for(lambda s: "Note on" in s)
        terminal.keys("Escape")
        terminal.wait_for(lambda s: "Note on" not in s)
        terminal.keys("q")
        assert wait_for_file(status) == "0"
        status.unlink()

        terminal.run(
            script(tmp_path / "library.sh", readerapp(library, "--db", db)), status_file=status
        )
        terminal.wait_for(lambda s: "Council row" in s)
        terminal.keys("Enter")
        terminal.wait_for(lambda s: "Maria Lopez" in s)
        terminal.keys("q")
        assert wait_for_file(status) == "0"

        assert terminal.title() == before_title
        assert terminal.buffers() == before_buffers == ""
    finally:
        terminal.close()
    with AnnotationStore(db, read_only=True) as store:
        (stored,) = store.all()
    assert stored.tags == ("badtag",)  # a tag that was nothing but an escape is no tag
    assert "\x1b" not in stored.note and "\x07" not in stored.note
