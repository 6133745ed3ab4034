"""Corrections kept by the Notebook and the store: saved, undone, shared by windows, imported."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from correction_story import TEXT, by_name, machine, span
from readerapp.core.article import Article, parse_article
from readerapp.core.corrections import fixes
from readerapp.core.notebook import Notebook, ReadOnlyNotebook, Target
from readerapp.core.notebook_corrections import CORRECTED_ELSEWHERE
from readerapp.core.store import AnnotationStore, open_store
from store_notes import shard_file

SOURCE = "Budget row\n\n" + TEXT


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "budget.txt"
    path.write_text(SOURCE, encoding="utf-8")
    return parse_article(SOURCE, path=path)


def window(db: Path, article: Article, heard: list[str | None] | None = None) -> Notebook:
    """A reader window on the article: its own store, as its own process would have."""
    notebook = Notebook(
        AnnotationStore(db), article, on_changed=heard.append if heard is not None else print
    )
    notebook.load()
    return notebook


def names(notebook: Notebook, analysis=None) -> dict[str, str]:
    result = notebook.corrections.corrected(analysis or machine(notebook.article.text))
    return {s.name: s.status for s in result.analysis.speakers}


def stored_corrections(db: Path, article: Article) -> list[dict]:
    tables = orjson.loads(shard_file(db, article.sha256).read_bytes())
    return list(tables.get("corrections", {}).values())


def test_corrections_are_saved_and_come_back_after_a_restart(article, isolated_db):
    first = window(isolated_db, article)
    shown = first.corrections.corrected(machine())
    first.corrections.correct(
        fixes.rename_speaker(shown, by_name(shown.analysis, "Tom Bell"), "Thomas Bell")
    )
    shown = first.corrections.corrected(machine())
    first.corrections.correct(fixes.remove_allegation(shown, shown.analysis.allegations[0]))
    first.close()
    assert len(stored_corrections(isolated_db, article)) == 2  # in the article's own file

    again = window(isolated_db, article)
    result = again.corrections.corrected(machine())
    assert {s.name: s.status for s in result.analysis.speakers}["Thomas Bell"] == "edited"
    assert result.analysis.allegations == () and len(result.removed) == 1
    assert [c.fix.action for c in again.corrections.in_force] == [
        "speaker.edit",
        "allegation.remove",
    ]


def test_u_undoes_corrections_and_notes_alike_in_the_order_they_were_made(article, isolated_db):
    notebook = window(isolated_db, article)
    notebook.annotate(Target(span(TEXT, "hiding the audit")), colour="yellow")
    shown = notebook.corrections.corrected(machine())
    made = notebook.corrections.correct(
        fixes.rename_speaker(shown, by_name(shown.analysis, "Ana Ruiz"), "A. Ruiz")
    )
    undone = notebook.undo()
    assert undone is not None and undone.kind == "correction"
    assert undone.description == "Rename speaker: Ana Ruiz → A. Ruiz"  # type: ignore[union-attr]
    assert "Ana Ruiz" in names(notebook) and len(notebook.placed) == 1
    notebook.flush()
    (record,) = stored_corrections(isolated_db, article)
    assert (record["id"], record["deleted"], record["revision"]) == (made.id, True, 2)
    assert notebook.redo() is not None
    assert "A. Ruiz" in names(notebook)
    notebook.flush()
    (record,) = stored_corrections(isolated_db, article)
    assert (record["deleted"], record["revision"]) == (False, 3)
    notebook.undo()
    assert notebook.undo() is not None and notebook.placed == []  # then the note
    assert notebook.undo() is None


def test_a_removed_item_is_restored_and_the_restore_undone(article, isolated_db):
    notebook = window(isolated_db, article)
    shown = notebook.corrections.corrected(machine())
    notebook.corrections.correct(fixes.remove_speaker(shown, by_name(shown.analysis, "Tom Bell")))
    (removed,) = notebook.corrections.corrected(machine()).removed
    change = notebook.corrections.restore(removed)
    assert change is not None and change.description == "Restore speaker: Tom Bell"
    assert "Tom Bell" in names(notebook)
    notebook.undo()
    assert "Tom Bell" not in names(notebook)
    notebook.close()
    assert "Tom Bell" not in names(window(isolated_db, article))


def test_an_orphaned_correction_stays_until_the_user_withdraws_it(article, isolated_db):
    notebook = window(isolated_db, article)
    shown = notebook.corrections.corrected(machine())
    spokesperson = by_name(shown.analysis, "a city spokesperson")
    made = notebook.corrections.correct(
        fixes.edit_speaker(shown, spokesperson, role="press officer")
    )
    without = machine(TEXT.split("\n\nA city")[0])  # an analysis that does not find it
    (orphan,) = notebook.corrections.corrected(without).orphans
    assert orphan.correction.id == made.id
    assert notebook.corrections.withdraw(made.id) is not None
    assert notebook.corrections.corrected(without).orphans == ()
    notebook.undo()
    assert len(notebook.corrections.corrected(without).orphans) == 1


def test_two_windows_correcting_one_article_lose_nothing_of_each_other(article, isolated_db):
    heard: list[str | None] = []
    a, b = window(isolated_db, article, heard), window(isolated_db, article)
    shown_a = a.corrections.corrected(machine())
    shown_b = b.corrections.corrected(machine())
    a.corrections.correct(
        fixes.rename_speaker(shown_a, by_name(shown_a.analysis, "Tom Bell"), "Thomas Bell")
    )
    b.corrections.correct(
        fixes.remove_quote(shown_b, by_name(shown_b.analysis, "Ana Ruiz").quotes[0])
    )
    a.flush()
    b.flush()
    assert a.check_for_changes() and heard[-1] == CORRECTED_ELSEWHERE
    result = a.corrections.corrected(machine())
    assert "Thomas Bell" in {s.name for s in result.analysis.speakers}
    assert [q.text for q in by_name(result.analysis, "Ana Ruiz").quotes] == ["We have no deficit,"]
    b.undo()  # B takes back its own removal only
    b.flush()
    assert a.check_for_changes()
    result = a.corrections.corrected(machine())
    assert len(by_name(result.analysis, "Ana Ruiz").quotes) == 2 and "Thomas Bell" in names(a)
    assert not a.check_for_changes()  # nothing new: nothing read


def test_corrections_follow_an_edited_article_file(article, isolated_db):
    first = window(isolated_db, article)
    shown = first.corrections.corrected(machine())
    first.corrections.correct(
        fixes.rename_speaker(shown, by_name(shown.analysis, "Tom Bell"), "Thomas Bell")
    )
    first.corrections.correct(fixes.add_quote(shown, span(TEXT, "hiding the audit"), "Thomas Bell"))
    first.close()
    edited_source = "Budget row\n\nUpdated at noon.\n\n" + TEXT
    assert article.path is not None
    article.path.write_text(edited_source, encoding="utf-8")
    edited = parse_article(edited_source, path=article.path)
    assert edited.sha256 != article.sha256
    later = window(isolated_db, edited)  # a new store, as a new process would open it
    result = later.corrections.corrected(machine(edited.text))
    thomas = by_name(result.analysis, "Thomas Bell")
    added = next(q for q in thomas.quotes if q.status == "added")
    assert (added.text, added.start) == ("hiding the audit", edited.text.index("hiding the audit"))


def test_a_moved_and_edited_article_keeps_its_corrections_but_a_namesake_does_not(
    article, isolated_db, tmp_path
):
    first = window(isolated_db, article)
    shown = first.corrections.corrected(machine())
    first.corrections.correct(
        fixes.rename_speaker(shown, by_name(shown.analysis, "Tom Bell"), "Thomas Bell")
    )
    first.close()
    namesake_path = tmp_path / "another-budget-story.txt"
    namesake_source = "Budget row\n\n" + TEXT.replace("Ruiz added", "Ruiz said")
    namesake_path.write_text(namesake_source, encoding="utf-8")
    namesake = parse_article(namesake_source, path=namesake_path)
    assert "Tom Bell" in names(window(isolated_db, namesake))  # another article, same title
    assert article.path is not None
    moved_path = tmp_path / "moved" / "budget.txt"
    moved_path.parent.mkdir()
    article.path.rename(moved_path)  # the file moved, then changed
    moved_source = SOURCE.replace("Ruiz added", "Ruiz replied")
    moved_path.write_text(moved_source, encoding="utf-8")
    moved = parse_article(moved_source, path=moved_path)
    assert "Thomas Bell" in names(window(isolated_db, moved))


def test_import_merges_corrections_newest_revision_first_and_twice_adds_nothing(article, tmp_path):
    source = tmp_path / "source.json"
    notebook = window(source, article)
    shown = notebook.corrections.corrected(machine())
    made = notebook.corrections.correct(
        fixes.confirm_speaker(shown, by_name(shown.analysis, "Ana Ruiz"))
    )
    notebook.close()
    target = AnnotationStore(tmp_path / "target.json")
    report = target.merge([], [made])
    assert report.corrections is not None and report.corrections.added == 1
    assert "corrections of the analysis: 1 added" in str(report)
    assert target.merge([], [made]).corrections.unchanged == 1  # type: ignore[union-attr]
    withdrawn = made.flipped(True)
    assert target.merge([], [withdrawn]).corrections.deleted == 1  # type: ignore[union-attr]
    assert target.merge([], [made]).corrections.unchanged == 1  # the older copy changes nothing
    (kept,) = target.all_corrections()
    assert kept.deleted and kept.revision == 2


def test_a_read_only_database_refuses_corrections_and_writes_nothing(article, isolated_db):
    window(isolated_db, article).close()
    notebook = Notebook(open_store(isolated_db, read_only=True), article)
    notebook.load()
    shown = notebook.corrections.corrected(machine())
    with pytest.raises(ReadOnlyNotebook, match="read-only"):
        notebook.corrections.correct(fixes.confirm_speaker(shown, shown.analysis.speakers[0]))
    assert notebook.corrections.in_force == []
    assert not Path(f"{isolated_db}.d").exists()


def test_the_export_reads_only_the_article_files_that_hold_corrections(
    article, isolated_db, tmp_path
):
    notebook = window(isolated_db, article)
    notebook.annotate(Target(span(TEXT, "the budget")), colour="green")
    other = parse_article("Other story\n\nNothing said here at all.", path=tmp_path / "o.txt")
    second = window(isolated_db, other)
    second.annotate(Target((0, 7)), colour="blue")
    second.close()
    shown = notebook.corrections.corrected(machine())
    notebook.corrections.correct(fixes.remove_speaker(shown, shown.analysis.speakers[2]))
    notebook.undo()
    notebook.close()
    store = AnnotationStore(isolated_db, read_only=True)
    (withdrawn,) = store.all_corrections()
    assert withdrawn.deleted  # a withdrawal travels in an export too
    assert [e.corrected for e in store._view(validate=True).values()].count(0) == 1


CORRECTING_WINDOW = r"""
import json, random, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[5])
from correction_story import machine
from readerapp.core.article import parse_article
from readerapp.core.corrections import fixes
from readerapp.core.notebook import Notebook
from readerapp.core.store import AnnotationStore

db, go, path = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[6])
me, ops = int(sys.argv[3]), int(sys.argv[4])
article = parse_article(path.read_text(encoding="utf-8"), path=path)
errors = []
notebook = Notebook(AnnotationStore(db), article, on_error=errors.append)
notebook.load()
rng = random.Random(me)
text, analysis = article.text, machine(article.text)
kept, undone = [], []
while not go.exists():
    time.sleep(0.001)
first = time.time()
for n in range(ops):
    if n % 3 == 0:
        notebook.check_for_changes()
    shown = notebook.corrections.corrected(analysis)
    roll = rng.random()
    if roll < 0.15 and kept:
        change = notebook.undo()
        if change is not None and change.kind == "correction":
            undone.append(kept.pop())
        continue
    if roll < 0.5:
        start = rng.randrange(0, len(text) - 12)
        fix = fixes.add_quote(shown, (start, start + 10), f"Writer {me}-{n}")
    else:
        speaker = rng.choice(shown.analysis.speakers)
        fix = fixes.edit_speaker(shown, speaker, role=f"role {me}-{n}")
    kept.append(notebook.corrections.correct(fix).id)
    time.sleep(rng.uniform(0, 0.003))
notebook.close()
print(json.dumps({"kept": kept, "undone": undone, "errors": errors, "span": [first, time.time()]}))
"""


@pytest.mark.slow
def test_two_processes_correcting_one_article_lose_nothing(article, tmp_path):
    """Two reader processes make, undo and read each other's corrections at random;
    afterwards every correction each kept is in force and every one it undid is withdrawn."""
    db, go = tmp_path / "annotations.json", tmp_path / "go"
    tests = Path(__file__).resolve().parents[1]
    windows = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                CORRECTING_WINDOW,
                str(db),
                str(go),
                str(me),
                "250",
                str(tests),
                str(article.path),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for me in range(2)
    ]
    time.sleep(1.0)
    go.touch()
    results = [json.loads(w.communicate(timeout=240)[0]) for w in windows]
    assert [w.returncode for w in windows] == [0, 0]
    assert [r["errors"] for r in results] == [[], []]
    (s1, e1), (s2, e2) = [r["span"] for r in results]
    assert max(s1, s2) < min(e1, e2), "the two windows did not overlap in time"
    stored = {c.id: c for c in AnnotationStore(db).all_corrections()}
    kept = [i for r in results for i in r["kept"]]
    undone = [i for r in results for i in r["undone"]]
    assert len(kept) >= 300 and len(undone) >= 20
    lost = [i for i in kept if i not in stored or stored[i].deleted]
    resurrected = [i for i in undone if not stored[i].deleted]
    assert (len(lost), len(resurrected)) == (0, 0)
