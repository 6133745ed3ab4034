"""Hostile imports and exports on the command line: terminal control never reaches the
terminal or the database, and paths that are not UTF-8 round-trip and show safely."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import orjson
import pytest

from cli_checks import assert_one_line_error, run_main
from readerapp.core.annotation import Annotation, TextSelector
from readerapp.core.article import load_article
from readerapp.core.exchange.notes import article_ref
from readerapp.core.store import AnnotationStore

TITLE_SET = "\x1b]2;PWNED\x07"
CLIPBOARD = "\x1b]52;c;UFdORUQ=\x07"
CONTROL_BYTES = (b"\x1b", b"\x07", b"\x9b", b"\xc2\x9b")
ARTICLE = "A quiet title\n\nThe harbour closed early. The mayor said the storm was coming.\n"


def hostile_export(fmt: str) -> dict[str, Any]:
    """An export as another program (or an attacker) might write it: escapes everywhere."""
    if fmt == "json":
        annotation = {
            "id": f"urn:uuid:0000{TITLE_SET}",
            "selector": {"exact": f"storm{CLIPBOARD}", "start": 3, "end": 8},
            "tags": [TITLE_SET, CLIPBOARD, f"storm{TITLE_SET} watch"],
            "note": f"{CLIPBOARD} check this\x1b[2J",
            "created": "2026-11-24T10:00:00.000Z",
        }
        return {
            "format": "readerapp-annotations",
            "version": 1,
            "articles": [
                {"title": f"T{TITLE_SET}", "path": "", "sha256": "", "annotations": [annotation]}
            ],
        }
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:x{TITLE_SET}",
        "type": "Annotation",
        "created": "2026-11-24T10:00:00Z",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": TITLE_SET},
            {"type": "TextualBody", "purpose": "tagging", "value": f"a{CLIPBOARD}"},
            {"type": "TextualBody", "value": f"note {CLIPBOARD}"},
        ],
        "target": {
            "source": {"id": "urn:sha256:" + "a" * 64, "dcterms:title": f"T{CLIPBOARD}"},
            "selector": [
                {"type": "TextQuoteSelector", "exact": f"storm{TITLE_SET}"},
                {"type": "TextPositionSelector", "start": 3, "end": 8},
            ],
        },
    }


def readerapp(*args: str, db: Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The real command, with its raw output bytes: what the terminal would be sent."""
    return subprocess.run(
        [sys.executable, "-m", "readerapp", *args, "--db", str(db)],
        capture_output=True,
        cwd=cwd,
        timeout=60,
    )


def assert_no_control(*outputs: bytes) -> None:
    for output in outputs:
        for byte in CONTROL_BYTES:
            assert byte not in output, output[:300]


@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_an_import_full_of_escapes_reaches_neither_terminal_nor_database(tmp_path, fmt):
    evil = tmp_path / "evil.json"
    evil.write_bytes(orjson.dumps(hostile_export(fmt)))
    db = tmp_path / "notes.json"
    result = readerapp("import", str(evil), db=db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert b"1 added" in result.stdout
    assert_no_control(result.stdout, result.stderr)
    raw = db.read_bytes()
    assert b"\\u001b" not in raw and b"\\u0007" not in raw and b"PWNED" not in raw.split(b"]2;")[0]
    with AnnotationStore(db, read_only=True) as store:
        (stored,) = store.all()
    strings = [stored.id, stored.note, stored.article.title, stored.selector.exact, *stored.tags]
    assert not any(ord(c) < 32 and c != "\n" for s in strings for c in s), strings
    for fmt_out in ("md", "json", "w3c"):
        exported = readerapp("export", "--format", fmt_out, db=db, cwd=tmp_path)
        assert exported.returncode == 0, exported.stderr
        assert_no_control(exported.stdout, exported.stderr)
        assert b"\\u001b" not in exported.stdout


def test_an_error_quoting_hostile_text_prints_it_safely(tmp_path):
    document = hostile_export("json")
    document["articles"][0]["annotations"][0]["colour"] = CLIPBOARD
    evil = tmp_path / "evil.json"
    evil.write_bytes(orjson.dumps(document))
    result = readerapp("import", str(evil), db=tmp_path / "db.json", cwd=tmp_path)
    assert result.returncode == 2 and b"annotations[0].colour" in result.stderr
    assert_no_control(result.stdout, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_hostile_file_name_is_shown_with_visible_escapes(tmp_path, capsys):
    evil = tmp_path / f"x{TITLE_SET}\nline.json"
    evil.write_bytes(orjson.dumps(hostile_export("w3c")))
    code, out, err = run_main(capsys, "import", str(evil))
    assert code == 0 and "x\\x1b]2;PWNED\\x07\\x0aline.json: 1 added" in out
    assert "\x1b" not in out and "\x07" not in out and out.count("\n") == 1
    missing = tmp_path / f"gone{CLIPBOARD}.json"
    assert_one_line_error(*run_main(capsys, "import", str(missing))[::2], "gone\\x1b]52;c;")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_in_a_real_terminal_the_title_and_clipboard_stay_untouched(tmp_path):
    evil = tmp_path / f"evil{TITLE_SET}.json"
    evil.write_bytes(orjson.dumps(hostile_export("json")))
    db = tmp_path / "db.json"
    socket = f"readerapp-exchange-{uuid.uuid4().hex[:8]}"

    def tmux(*args: str) -> str:
        command = ["tmux", "-L", socket, "-f", "/dev/null", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=20).stdout

    python = f"{sys.executable} -m readerapp"
    script = (
        f"{python} import {shlex_quote(evil)} --db {db}; "
        f"{python} export --format md --db {db}; "
        f"{python} export --db {db} | head -c 2000; "
        f"{python} import {shlex_quote(tmp_path / ('no' + CLIPBOARD))} --db {db}; "
        "echo ALL-DONE"
    )
    tmux("new-session", "-d", "-s", "T", "-x", "120", "-y", "40", "sh")
    try:
        title = tmux("display", "-p", "-t", "T", "#{pane_title}")
        tmux("send-keys", "-t", "T", script, "Enter")
        deadline = time.monotonic() + 60
        while "ALL-DONE\n" not in tmux("capture-pane", "-p", "-t", "T").replace(" ", ""):
            assert time.monotonic() < deadline, tmux("capture-pane", "-p", "-t", "T")
            time.sleep(0.2)
        assert tmux("display", "-p", "-t", "T", "#{pane_title}") == title
        assert "PWNED" not in tmux("display", "-p", "-t", "T", "#{pane_title}")
        assert tmux("list-buffers") == ""  # OSC 52 would have made a paste buffer
    finally:
        tmux("kill-server")


def shlex_quote(path: Path) -> str:
    import shlex

    return shlex.quote(str(path))


# §4: names that are not UTF-8


@pytest.fixture
def latin1_article(tmp_path: Path) -> Path:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_a_path_that_is_not_utf8_round_trips_through_every_export(tmp_path, latin1_article):
    article = load_article(latin1_article)
    start = article.text.index("the storm")
    note = Annotation(
        id="urn:uuid:00000000-0000-4000-8000-000000000001",
        article=article_ref(article),
        selector=TextSelector.from_text(article.text, start, start + 9),
        note="odd name",
        created="2026-11-24T10:00:00.000Z",
    )
    db = tmp_path / "db.json"
    with AnnotationStore(db) as store:
        store.save(note)
    for fmt in ("json", "w3c"):
        out = tmp_path / f"out.{fmt}"
        assert (
            readerapp("export", "--format", fmt, "-o", str(out), db=db, cwd=tmp_path).returncode
            == 0
        )
        text = out.read_text(encoding="utf-8")  # valid UTF-8 whatever the path
        assert ("caf%E9.txt" if fmt == "w3c" else "path_bytes") in text
        other = tmp_path / f"other-{fmt}.json"
        result = readerapp("import", str(out), db=other, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        with AnnotationStore(other, read_only=True) as store:
            (back,) = store.all()
        assert back.article.path == str(latin1_article) == note.article.path
        assert back == note
    markdown = readerapp("export", "--format", "md", db=db, cwd=tmp_path)
    assert b"caf\\xe9.txt" in markdown.stdout and b"\xe9" not in markdown.stdout.replace(
        b"\\xe9", b""
    )
