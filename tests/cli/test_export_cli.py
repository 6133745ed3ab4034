"""`readerapp export`: one article or all, to stdout or a file, atomic, --force, --schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from cli_checks import assert_one_line_error, run_main
from readerapp.cli import main
from readerapp.core.annotation import Annotation, ArticleRef, Link, TextSelector
from readerapp.core.article import load_article
from readerapp.core.exchange import (
    import_annotations,
    notes_for_all,
    read_annotations,
    render,
    schema_bytes,
)
from readerapp.core.exchange.notes import article_ref
from readerapp.core.safe_text import clean_line
from readerapp.core.store import AnnotationStore

ARTICLE_TEXT = (
    "Title of the piece\n\nApril 3, 2016\n\n"
    'The mayor said "the bridge is safe" on Friday.\n\n'
    "Engineers accused the council of hiding the report. 😀 עברית é\n"
)


@pytest.fixture
def article_path(write_article) -> Path:
    return write_article("piece.txt", ARTICLE_TEXT)


def on(path: Path, passage: str, number: int, **changes) -> Annotation:
    article = load_article(path)
    start = article.text.index(passage)
    fields = {
        "id": f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        "article": article_ref(article),
        "selector": TextSelector.from_text(article.text, start, start + len(passage)),
        "colour": "yellow",
        "created": f"2026-11-24T10:00:0{number}.000Z",
    }
    return Annotation(**(fields | changes))


def save(db: Path, *annotations: Annotation) -> None:
    store = AnnotationStore(db)
    try:
        for annotation in annotations:
            store.save(annotation)
    finally:
        store.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run_main(capsys, "export", *args)


@pytest.fixture
def noted(article_path: Path, isolated_db: Path) -> list[Annotation]:
    annotations = [
        on(article_path, "Engineers accused the council", 2, tags=("claim",)),
        on(
            article_path,
            "the bridge is safe",
            1,
            note="Check “safe”\nwith the report",
            link=Link("speaker", "The mayor"),
        ),
    ]
    save(isolated_db, *annotations)
    return annotations


def test_one_article_to_stdout(capsys, article_path, noted):
    code, out, _ = run(capsys, str(article_path))
    assert code == 0
    (entry,) = json.loads(out)["articles"]
    assert entry["title"] == "Title of the piece" and entry["date"] == "2016-04-03"
    assert [a["id"] for a in entry["annotations"]] == [noted[1].id, noted[0].id]  # text order
    assert [a["orphaned"] for a in entry["annotations"]] == [False, False]
    assert entry["annotations"][0]["link"] == {"kind": "speaker", "key": "The mayor"}
    assert entry["speakers"] is not None


def test_all_articles_keep_those_whose_file_is_gone(capsys, article_path, noted, isolated_db):
    gone = Annotation(
        id="urn:uuid:gone",
        article=ArticleRef("c" * 64, str(article_path.parent / "deleted.txt"), "Deleted"),
        selector=TextSelector("x", "", "", 0, 1),
        created="2026-11-24T09:00:00.000Z",
    )
    save(isolated_db, gone)
    code, out, _ = run(capsys)
    assert code == 0
    entries = {e["title"]: e for e in json.loads(out)["articles"]}
    assert set(entries) == {"Title of the piece", "Deleted"}
    assert entries["Deleted"]["available"] is False
    assert entries["Deleted"]["annotations"][0]["orphaned"] is None
    assert len(entries["Title of the piece"]["annotations"]) == 2


def test_a_changed_article_reports_orphans(capsys, article_path, noted):
    article_path.write_text(ARTICLE_TEXT.replace("Engineers accused", "Nobody blamed"))
    code, out, _ = run(capsys)
    articles = json.loads(out)["articles"]
    assert code == 0
    # The placed one under the article as it is now; the orphan under the text it was made on.
    now, then = articles
    assert [a["id"] for a in now["annotations"]] == [noted[1].id]
    assert {a["id"]: a["orphaned"] for a in then["annotations"]} == {noted[0].id: True}
    assert now["sha256"] != then["sha256"]


def test_export_validates_against_the_printed_schema(capsys, noted):
    code, schema_text, _ = run(capsys, "--schema")
    assert code == 0 and schema_text.encode() == schema_bytes()
    _, out, _ = run(capsys)
    Draft202012Validator(json.loads(schema_text)).validate(json.loads(out))


def test_markdown_output(capsys, article_path, noted):
    code, out, _ = run(capsys, str(article_path), "--format", "md")
    assert code == 0
    assert out.startswith("# Title of the piece\n")
    assert "Date: 2016-04-03" in out and f"Source: `{article_path}`" in out
    assert out.index("> the bridge is safe") < out.index("> Engineers accused the council")
    assert "#claim" in out and "Check “safe”  \nwith the report" in out  # a hard line break


def test_w3c_output(capsys, article_path, noted):
    code, out, _ = run(capsys, str(article_path), "--format", "w3c")
    collection = json.loads(out)
    assert code == 0 and collection["type"] == "AnnotationCollection"
    assert {i["id"] for i in collection["first"]["items"]} == {a.id for a in noted}


def test_existing_file_needs_force(capsys, tmp_path, noted):
    target = tmp_path / "out.json"
    target.write_text("keep me")
    assert_one_line_error(*run(capsys, "-o", str(target))[::2], "already exists", "--force")
    assert target.read_text() == "keep me"
    code, _, _ = run(capsys, "-o", str(target), "--force")
    assert code == 0 and json.loads(target.read_text())["format"] == "readerapp-annotations"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files


def test_new_file_is_written(capsys, tmp_path, noted):
    target = tmp_path / "notes.md"
    code, out, _ = run(capsys, "--format", "md", "-o", str(target))
    assert code == 0 and out == "" and target.read_text().startswith("# Title of the piece")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["missing-article.txt"], ["no such file"]),
        (["-o", "{tmp}"], ["is a directory"]),
        (["-o", "{tmp}/no/such/folder/x.json"], ["does not exist"]),
        (["-o", "{db}", "--force"], ["is the annotation database"]),
        (["--db", "{tmp}"], ["directory"]),
    ],
)
def test_bad_input_is_one_line(capsys, tmp_path, isolated_db, noted, args, words):
    before = isolated_db.read_bytes()
    args = [a.format(tmp=tmp_path, db=isolated_db) for a in args]
    assert_one_line_error(*run(capsys, *args)[::2], *words)
    assert isolated_db.read_bytes() == before


def test_a_corrupt_database_is_one_line_and_untouched(capsys, isolated_db):
    isolated_db.parent.mkdir(parents=True)
    isolated_db.write_bytes(b'{"annotations": [')
    assert_one_line_error(*run(capsys)[::2], "not a readerapp database")
    assert isolated_db.read_bytes() == b'{"annotations": ['


def test_no_database_is_one_line_and_creates_nothing(capsys, tmp_path, isolated_db):
    assert_one_line_error(*run(capsys)[::2], str(isolated_db), "no annotation database")
    missing = tmp_path / "typo.json"
    assert_one_line_error(*run(capsys, "--db", str(missing))[::2], str(missing), "--db")
    assert not isolated_db.exists() and not missing.exists()


def test_json_round_trip_through_the_database(capsys, tmp_path, noted, isolated_db):
    first = tmp_path / "first.json"
    run(capsys, "-o", str(first))
    empty = tmp_path / "empty.json"
    assert main(["import", str(first), "--db", str(empty)]) == 0
    second = tmp_path / "second.json"
    run(capsys, "-o", str(second), "--db", str(empty))
    one, two = orjson.loads(first.read_bytes()), orjson.loads(second.read_bytes())
    del one["exported"], two["exported"]
    assert one == two


def test_w3c_round_trip_through_the_database(capsys, tmp_path, noted):
    first = tmp_path / "first.jsonld"
    run(capsys, "--format", "w3c", "-o", str(first))
    empty = tmp_path / "empty.json"
    assert main(["import", str(first), "--db", str(empty)]) == 0
    second = tmp_path / "second.jsonld"
    run(capsys, "--format", "w3c", "-o", str(second), "--db", str(empty))
    items = [orjson.loads(f.read_bytes())["first"]["items"] for f in (first, second)]
    assert items[0] == items[1]


unicode_text = st.text(
    alphabet=st.sampled_from("aé\u0301😀עברית“”'\"()[]{}<>\n\t —"), min_size=0, max_size=20
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tags=st.lists(unicode_text, max_size=3), note=unicode_text)
def test_round_trip_through_a_store_keeps_unicode(tmp_path, article_path, tags, note):
    # Tags are one line by definition: the tag editor, the store and import all make them so,
    # and a tag with nothing left is no tag.
    tags = [tag for tag in map(clean_line, tags) if tag]
    original = on(article_path, "the bridge is safe", 1, tags=tuple(tags), note=note)
    for fmt in ("json", "w3c"):
        db = tmp_path / f"{fmt}.json"
        db.unlink(missing_ok=True)  # hypothesis reuses tmp_path: start each example empty
        store = AnnotationStore(db)
        try:
            import_annotations(store, read_annotations(render(notes_for_all([original]), fmt)))
            assert store.all() == [original]
        finally:
            store.close()


def test_export_runs_without_textual(article_path, noted):
    script = (
        "import sys; from readerapp.cli import main; "
        f"code = main(['export', {str(article_path)!r}, '--format', 'md']); "
        "assert 'textual' not in sys.modules, 'textual was imported'; sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "> the bridge is safe" in result.stdout
