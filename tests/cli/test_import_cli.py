"""`readerapp import`: idempotent, newer wins, all or nothing, one-line errors, no Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from cli_checks import assert_one_line_error, run_main
from readerapp.core.annotation import Annotation, ArticleRef, TextSelector
from readerapp.core.exchange import ArticleNotes, render
from readerapp.core.store import AnnotationStore

GONE = ArticleRef("b" * 64, "/not/on/this/machine.txt", "Elsewhere")


def annotation(number: int, **changes: Any) -> Annotation:
    fields = {
        "id": f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        "article": GONE,
        "selector": TextSelector("passage", "", "", number, number + 7),
        "note": f"note {number}",
        "created": "2026-11-24T10:00:00.000Z",
    }
    return Annotation(**(fields | changes))


def export_file(path: Path, annotations: list[Annotation], fmt: str = "json") -> Path:
    path.write_bytes(render([ArticleNotes(GONE, tuple(annotations))], fmt))
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run_main(capsys, "import", *args)


def stored(db: Path) -> dict[str, Annotation]:
    store = AnnotationStore(db, read_only=True)
    try:
        return {a.id: a for a in store.all()}
    finally:
        store.close()


@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_importing_twice_adds_nothing(tmp_path, isolated_db, capsys, fmt):
    source = export_file(tmp_path / "notes", [annotation(n) for n in range(3)], fmt)
    code, out, _ = run(capsys, str(source))
    assert code == 0 and "3 added, 0 updated, 0 deleted, 0 unchanged" in out
    before = isolated_db.read_bytes()
    code, out, _ = run(capsys, str(source))
    assert code == 0 and "0 added, 0 updated, 0 deleted, 3 unchanged" in out
    assert isolated_db.read_bytes() == before
    assert set(stored(isolated_db)) == {annotation(n).id for n in range(3)}


def test_articles_not_on_this_machine_are_kept(tmp_path, isolated_db, capsys):
    run(capsys, str(export_file(tmp_path / "n.json", [annotation(1)])))
    assert stored(isolated_db)[annotation(1).id] == annotation(1)


def test_the_newer_copy_wins(tmp_path, isolated_db, capsys):
    old = annotation(1, note="old", updated="2026-11-24T10:00:00.000Z")
    new = annotation(1, note="new", updated="2026-11-24T11:00:00.000Z")
    run(capsys, str(export_file(tmp_path / "old.json", [old])))
    code, out, _ = run(capsys, str(export_file(tmp_path / "new.json", [new])))
    assert code == 0 and "0 added, 1 updated, 0 deleted, 0 unchanged" in out
    code, out, _ = run(capsys, str(tmp_path / "old.json"))
    assert code == 0 and "0 added, 0 updated, 0 deleted, 1 unchanged" in out
    assert stored(isolated_db)[new.id].note == "new"


def test_db_option_and_environment(tmp_path, isolated_db, capsys):
    other = tmp_path / "other" / "db.json"
    code, _, _ = run(
        capsys, str(export_file(tmp_path / "n.json", [annotation(1)])), "--db", str(other)
    )
    assert code == 0 and list(stored(other)) == [annotation(1).id]
    assert not isolated_db.exists()


def broken_item(document: dict[str, Any]) -> None:
    document["articles"][0]["annotations"][3]["selector"]["start"] = "ten"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", ["bad.json", "not valid JSON", "nothing was imported"]),
        (b'{"name": "package.json"}', ["not a readerapp or W3C annotation export"]),
        (b"", ["not valid JSON"]),
        (None, ["articles[0].annotations[3].selector.start: expected an integer, got a string"]),
    ],
)
def test_malformed_files_import_nothing(tmp_path, isolated_db, capsys, content, words):
    run(capsys, str(export_file(tmp_path / "first.json", [annotation(99)])))
    before = isolated_db.read_bytes()
    bad = tmp_path / "bad.json"
    if content is None:
        document = orjson.loads(
            render([ArticleNotes(GONE, tuple(map(annotation, range(5))))], "json")
        )
        broken_item(document)
        content = orjson.dumps(document)
    bad.write_bytes(content)
    assert_one_line_error(*run(capsys, str(bad))[::2], *words)
    assert isolated_db.read_bytes() == before


def test_missing_file_and_folder(tmp_path, isolated_db, capsys):
    assert_one_line_error(*run(capsys, str(tmp_path / "nope.json"))[::2], "no such file")
    assert_one_line_error(*run(capsys, str(tmp_path))[::2], "directory")
    assert not isolated_db.exists()


def test_a_corrupt_database_is_left_untouched(tmp_path, isolated_db, capsys):
    isolated_db.parent.mkdir(parents=True)
    isolated_db.write_bytes(b"{corrupt")
    source = export_file(tmp_path / "n.json", [annotation(1)])
    assert_one_line_error(*run(capsys, str(source))[::2], str(isolated_db))
    assert isolated_db.read_bytes() == b"{corrupt"


def test_import_runs_without_textual(tmp_path, isolated_db):
    source = export_file(tmp_path / "n.json", [annotation(1)])
    script = (
        "import sys; from readerapp.cli import main; "
        f"code = main(['import', {str(source)!r}]); "
        "assert 'textual' not in sys.modules, 'textual was imported'; sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout
