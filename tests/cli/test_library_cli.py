"""`readerapp notes`, `people`, `allegations` and `export --tag` on a small library of our
own articles, one person quoted in two of them; and the analysis cache they share."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from cli_checks import assert_one_line_error, run_main
from library_stories import annotation_on, write_library
from readerapp.core.annotation import Annotation
from readerapp.core.article import load_article
from readerapp.core.exchange.notes import tombstone
from readerapp.core.store import AnnotationStore


def on(path: Path, passage: str, number: int, **changes) -> Annotation:
    return annotation_on(load_article(path), passage, number, **changes)


@pytest.fixture
def library(tmp_path: Path) -> dict[str, Path]:
    paths = write_library(tmp_path / "library")
    for path in paths.values():
        then = time.time() - 60
        os.utime(path, (then, then))
    return paths


@pytest.fixture
def noted(library: dict[str, Path], isolated_db: Path) -> list[Annotation]:
    annotations = [
        on(library["harbour.txt"], "wasting two seasons", 1, tags=("contradiction", "FOI")),
        on(library["harbour.txt"], "the harbour master", 2, note="Ask for the survey’s date"),
        on(library["ferry.txt"], "lose money every year", 3, tags=("contradiction",)),
        on(library["council.txt"], "The quay needs it", 4, note="FOI request sent", tags=("FOI",)),
    ]
    with AnnotationStore(isolated_db) as store:
        store.merge(annotations)
    return annotations


def notes_json(capsys, *args: str) -> list[dict]:
    code, out, err = run_main(capsys, "notes", "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_notes_by_tag_across_articles(capsys, noted, library):
    items = notes_json(capsys, "--tag", "contradiction")
    assert [i["quote"] for i in items] == ["lose money every year", "wasting two seasons"]
    first = items[0]
    assert first["article"] == {
        "title": "Ferry timetable cut over winter",
        "path": str(library["ferry.txt"].resolve()),
        "sha256": noted[2].article.sha256,
    }
    assert first["tags"] == ["contradiction"] and first["note"] == ""
    assert (first["start"], first["end"]) == (noted[2].selector.start, noted[2].selector.end)
    assert first["orphaned"] is False
    assert [i["quote"] for i in notes_json(capsys, "--tag", "FOI", "--tag", "Contradiction")] == [
        "wasting two seasons"
    ]


def test_notes_search_in_notes_tags_and_passages_quotes_folded(capsys, noted):
    assert [i["note"] for i in notes_json(capsys, "--search", "SURVEY'S")] == [
        "Ask for the survey’s date"
    ]
    found = {i["quote"] for i in notes_json(capsys, "--search", "foi")}
    assert found == {"wasting two seasons", "The quay needs it"}  # a tag, and a note


def test_notes_of_one_article_and_orphans_after_an_edit(capsys, noted, library):
    harbour = library["harbour.txt"]
    items = notes_json(capsys, "--article", str(harbour))
    assert {i["quote"] for i in items} == {"wasting two seasons", "the harbour master"}
    harbour.write_text(harbour.read_text().replace("of wasting two seasons", "of delays"))
    items = {i["quote"]: i["orphaned"] for i in notes_json(capsys)}
    assert items["wasting two seasons"] is True and items["the harbour master"] is False
    library["ferry.txt"].unlink()
    assert {i["quote"]: i["orphaned"] for i in notes_json(capsys)}["lose money every year"] is None


def test_notes_table_is_readable_and_one_line_per_note(capsys, noted):
    code, out, _ = run_main(capsys, "notes", "--tag", "FOI")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["article", "passage", "tags", "note", "updated"]
    assert len(lines) == 2 + 2 + 1 and lines[-1] == "2 notes"
    assert any(
        "Council approves new fish market" in line and "FOI request sent" in line for line in lines
    )


def test_notes_need_an_existing_database(capsys, tmp_path):
    missing = tmp_path / "none.json"
    assert_one_line_error(*run_main(capsys, "notes", "--db", str(missing))[::2], "no annotation")


def people_json(capsys, *args: str) -> list[dict]:
    code, out, err = run_main(capsys, "people", "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_people_across_a_library_merge_one_person_quoted_in_two_articles(capsys, library):
    found = {p["name"]: p for p in people_json(capsys, str(library["ferry.txt"].parent))}
    maria = found["Maria Lopes"]
    assert maria["roles"] == ["harbour master"]
    assert "Ms Lopes" in maria["aliases"]
    assert sorted(a["title"] for a in maria["articles"]) == [
        "Council approves new fish market",
        "Harbour dredging plan delayed again",
    ]
    for appearance in maria["articles"]:
        assert appearance["path"].endswith(".txt")
        assert appearance["quotes"] and len(appearance["quotes"]) == len(appearance["quote_spans"])
    harbour_text = load_article(library["harbour.txt"]).text
    (harbour,) = [a for a in maria["articles"] if a["title"].startswith("Harbour")]
    assert all(
        harbour_text[s:e] == q
        for q, (s, e) in zip(harbour["quotes"], harbour["quote_spans"], strict=True)
    )
    # Two people share the surname, so the bare "Lopes" of the ferry story joins neither.
    assert found["Joao Lopes"]["articles"][0]["title"] == "Council approves new fish market"
    assert found["Lopes"]["articles"][0]["title"] == "Ferry timetable cut over winter"


def test_people_default_to_the_articles_the_database_has_notes_on(capsys, noted, library):
    names = {p["name"] for p in people_json(capsys)}
    assert {"Maria Lopes", "Tomas Berg"} <= names


def test_people_skip_what_is_not_an_article_and_say_why(capsys, library):
    folder = library["ferry.txt"].parent
    (folder / "notes.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    code, out, err = run_main(capsys, "people", str(folder))
    assert code == 0 and "Maria Lopes" in out
    (line,) = err.splitlines()
    assert line.startswith("readerapp: skipped") and "notes.txt" in line and "binary" in line
    code, _, err = run_main(capsys, "people", str(folder / "notes.txt"))
    assert code == 2 and err.splitlines()[-1].startswith("readerapp: no readable article")


def test_allegations_by_accuser_or_accused(capsys, library):
    code, out, err = run_main(capsys, "allegations", "--json", str(library["harbour.txt"]))
    assert code == 0, err
    (row,) = json.loads(out)
    assert (row["accuser"], row["accused"]) == ("Fishermen", "the port authority")
    assert row["article"]["title"] == "Harbour dredging plan delayed again"
    code, out, _ = run_main(
        capsys, "allegations", "--json", "--accused", "nobody", str(library["harbour.txt"])
    )
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize("fmt", ["json", "w3c", "md"])
def test_export_of_one_tag_holds_only_its_annotations(capsys, noted, fmt, isolated_db):
    with AnnotationStore(isolated_db) as store:
        store.merge([tombstone("urn:uuid:gone", noted[0].article, "2026-06-01T00:00:00.000Z", 2)])

    def exported(*tags: str) -> list[str]:
        args = [arg for tag in tags for arg in ("--tag", tag)]
        code, out, err = run_main(capsys, "export", "--format", fmt, *args)
        assert code == 0, err
        # A filtered export carries no tombstones; a whole one does (but not Markdown).
        assert ("urn:uuid:gone" in out) == (not tags and fmt != "md")
        if fmt == "json":
            entries = orjson.loads(out)["articles"]
            return sorted(a["selector"]["exact"] for e in entries for a in e["annotations"])
        if fmt == "w3c":
            items = orjson.loads(out)["first"]["items"]
            return sorted(i["target"]["selector"][0]["exact"] for i in items)
        return sorted(line[2:] for line in out.splitlines() if line.startswith("> "))

    assert exported("contradiction") == ["lose money every year", "wasting two seasons"]
    assert exported("FOI", "contradiction") == ["wasting two seasons"]
    assert len(exported()) == 4


def test_the_analysis_cache_is_beside_the_database_and_reused(capsys, noted, isolated_db, library):
    run_main(capsys, "people")
    cached = sorted((isolated_db.parent / "readerapp-cache" / "analysis").glob("*.json"))
    assert len(cached) == 3
    stamps = [p.stat().st_mtime_ns for p in cached]
    run_main(capsys, "people")
    assert [p.stat().st_mtime_ns for p in cached] == stamps  # read, not written again


def test_an_edited_article_or_a_new_analyzer_is_analysed_again(
    capsys, library, isolated_db, monkeypatch
):
    folder = str(library["ferry.txt"].parent)
    assert "Tomas Berg" in {p["name"] for p in people_json(capsys, folder)}
    ferry = library["ferry.txt"]
    ferry.write_text(ferry.read_text().replace("Tomas Berg", "Tomas Lindqvist"))
    then = time.time() - 30
    os.utime(ferry, (then, then))
    names = {p["name"] for p in people_json(capsys, folder)}
    assert "Tomas Lindqvist" in names and "Tomas Berg" not in names
    cache = isolated_db.parent / "readerapp-cache" / "analysis"
    monkeypatch.setattr("readerapp.core.analysis.ANALYZER_VERSION", "next-analyzer")
    people_json(capsys, folder)
    versions = {orjson.loads(p.read_bytes())["analyzer"] for p in cache.glob("*.json")}
    assert "next-analyzer" in versions and len(list(cache.glob("*.json"))) == 4


def test_the_commands_run_without_textual(noted, isolated_db):
    for command in (["notes", "--json"], ["people", "--json"], ["allegations"]):
        script = (
            "import sys; from readerapp.cli import main; "
            f"code = main({command!r}); "
            "assert 'textual' not in sys.modules, 'textual was imported'; sys.exit(code)"
        )
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
