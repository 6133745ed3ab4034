"""Which copy an import keeps: revisions decide (a clock set back cannot make an old edit
win), timestamps are instants, and a delete travels and holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from cli_checks import run_main
from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, to_record
from readerapp.core.exchange import ArticleNotes, render
from readerapp.core.exchange.notes import tombstone
from readerapp.core.store import AnnotationStore

REF = ArticleRef("e" * 64, "/elsewhere/harbour.txt", "Harbour")
ID = "urn:uuid:00000000-0000-4000-8000-000000000007"


def note(text: str, revision: int, updated: str) -> Annotation:
    return Annotation(
        id=ID,
        article=REF,
        selector=TextSelector("the storm", "", "", 10, 19),
        note=text,
        created="2026-03-01T08:00:00.000Z",
        updated=updated,
        revision=revision,
    )


def export_of(path: Path, *annotations: Annotation, deleted: tuple[Annotation, ...] = ()) -> Path:
    path.write_bytes(render([ArticleNotes(REF, annotations, tombstones=deleted)], "json"))
    return path


def live(db: Path) -> dict[str, Annotation]:
    with AnnotationStore(db, read_only=True) as store:
        return {a.id: a for a in store.all() if not a.deleted}


def import_(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    code, out, err = run_main(capsys, "import", str(path))
    assert code == 0, err
    return out


def raw_database(db: Path, *records: dict[str, Any]) -> None:
    """A database file as an older readerapp wrote it (schema 1, records as they were)."""
    db.parent.mkdir(parents=True, exist_ok=True)
    table = {record["id"]: record for record in records}
    db.write_bytes(orjson.dumps({"meta": {"1": {"schema": 1}}, "annotations": table}))


def test_an_import_with_an_offset_beats_an_older_naive_timestamp(capsys, tmp_path, isolated_db):
    stored = to_record(note("stored at 10:00 UTC", 1, "2026-03-01T10:00:00.000Z"))
    stored["created"], stored["updated"] = "2026-03-01T08:00:00", "2026-03-01T10:00:00"
    stored.pop("revision"), stored.pop("deleted")  # as before revisions existed
    raw_database(isolated_db, stored)
    newer = note("imported: 11:30 UTC", 1, "2026-03-01T09:30:00-02:00")
    out = import_(capsys, export_of(tmp_path / "in.json", newer))
    assert "1 updated" in out
    assert live(isolated_db)[ID].note == "imported: 11:30 UTC"


def test_an_import_with_an_offset_loses_to_a_newer_naive_timestamp(capsys, tmp_path, isolated_db):
    stored = to_record(note("stored at 12:00 UTC", 1, "2026-03-01T12:00:00.000Z"))
    stored["updated"] = "2026-03-01T12:00:00"
    raw_database(isolated_db, stored)
    older = note("imported: 11:30 UTC", 1, "2026-03-01T09:30:00-02:00")
    assert "1 unchanged" in import_(capsys, export_of(tmp_path / "in.json", older))
    assert live(isolated_db)[ID].note == "stored at 12:00 UTC"


def test_a_later_edit_made_with_the_clock_set_back_beats_the_earlier_export(
    capsys, tmp_path, isolated_db
):
    exported = note("exported at 12:00", 2, "2026-03-01T12:00:00.000Z")
    # The export was made, then the note edited again on a machine whose clock was an
    # hour behind: a later change with an earlier timestamp, and one more revision.
    edited = note("edited afterwards", 3, "2026-03-01T11:05:00.000Z")
    with AnnotationStore(isolated_db) as store:
        store.merge([edited])
    assert "1 unchanged" in import_(capsys, export_of(tmp_path / "old.json", exported))
    assert live(isolated_db)[ID].note == "edited afterwards"


def test_revisions_travel_both_ways(capsys, tmp_path, isolated_db):
    with AnnotationStore(isolated_db) as store:
        store.merge([note("five edits", 5, "2026-03-01T12:00:00.000Z")])
    out = tmp_path / "out.json"
    assert run_main(capsys, "export", "-o", str(out))[0] == 0
    (item,) = orjson.loads(out.read_bytes())["articles"][0]["annotations"]
    assert item["revision"] == 5
    other = tmp_path / "other.json"
    assert run_main(capsys, "import", str(out), "--db", str(other))[0] == 0
    assert live(other)[ID].revision == 5


def test_a_delete_travels_and_an_old_export_does_not_bring_the_note_back(
    capsys, tmp_path, isolated_db
):
    original = note("to be deleted", 1, "2026-03-01T09:00:00.000Z")
    old_export = export_of(tmp_path / "before.json", original)
    import_(capsys, old_export)
    assert ID in live(isolated_db)
    gone = tombstone(ID, REF, "2026-03-01T10:00:00.000Z", 2)
    out = import_(capsys, export_of(tmp_path / "after.json", deleted=(gone,)))
    assert "1 deleted" in out and ID not in live(isolated_db)
    assert "1 unchanged" in import_(capsys, old_export)
    assert ID not in live(isolated_db)


def test_the_json_export_carries_a_tombstone_without_the_text(capsys, tmp_path, isolated_db):
    with AnnotationStore(isolated_db) as store:
        store.merge([note("secret words", 1, "2026-03-01T09:00:00.000Z")])
        store.merge([tombstone(ID, REF, "2026-03-01T10:00:00.000Z", 2)])
    code, out, _ = run_main(capsys, "export")
    assert code == 0 and "secret words" not in out and "the storm" not in out
    (entry,) = orjson.loads(out)["articles"]
    assert entry["annotations"] == []
    assert entry["tombstones"] == [
        {"id": ID, "revision": 2, "updated": "2026-03-01T10:00:00.000Z", "deleted": True}
    ]
    code, out, _ = run_main(capsys, "export", "--format", "w3c")
    collection = orjson.loads(out)
    assert collection["first"]["items"] == [] and collection["total"] == 0
    (w3c_tombstone,) = collection["readerapp:tombstones"]
    assert w3c_tombstone["id"] == ID and w3c_tombstone["readerapp:revision"] == 2
    assert w3c_tombstone["source"]["id"] == "urn:sha256:" + "e" * 64
