"""The command line on the corrected analysis: analyze, eval against corrections, export, import."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from cli_checks import assert_one_line_error, run_main
from readerapp.core.analysis import analyze
from readerapp.core.article import Article, load_article
from readerapp.core.corrections import fixes
from readerapp.core.exchange import schema_bytes
from readerapp.core.notebook import Notebook
from readerapp.core.store import AnnotationStore

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"
OTHER = REPO / "tests" / "analysis_corpus" / "defence-minister-resigns.txt"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a-sample.txt")
    shutil.copy(OTHER, folder / "b-other.txt")
    return folder


def correct(db: Path, path: Path) -> tuple[Article, str]:
    """As a user in the reader: rename the first speaker, remove the first allegation.
    Returns the article and the speaker's new name."""
    article = load_article(path)
    machine = analyze(article)
    notebook = Notebook(AnnotationStore(db), article)
    notebook.load()
    shown = notebook.corrections.corrected(machine)
    first = shown.analysis.speakers[0]
    notebook.corrections.correct(fixes.rename_speaker(shown, first, f"{first.name} (checked)"))
    shown = notebook.corrections.corrected(machine)
    notebook.corrections.correct(fixes.remove_allegation(shown, shown.analysis.allegations[0]))
    notebook.close()
    return article, f"{first.name} (checked)"


def analyze_json(capsys, *args: str) -> dict:
    code, out, err = run_main(capsys, "analyze", *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_analyze_shows_the_corrected_analysis_and_machine_the_automatic_one(
    capsys, library, isolated_db
):
    path = library / "a-sample.txt"
    article, name = correct(isolated_db, path)
    corrected = analyze_json(capsys, str(path))
    assert corrected["speakers"][0]["name"] == name
    assert corrected["speakers"][0]["status"] == "edited"
    assert {s["status"] for s in corrected["speakers"][1:]} == {"machine"}
    assert len(corrected["allegations"]) == len(analyze(article).allegations) - 1
    machine = analyze_json(capsys, str(path), "--machine")
    assert machine["speakers"][0]["name"] != name
    assert {s["status"] for s in machine["speakers"]} == {"machine"}
    assert all(set(s["quote_statuses"]) == {"machine"} for s in machine["speakers"])
    code, out, _ = run_main(capsys, "analyze", str(path))
    assert code == 0 and "(checked)" in out and "(edited)" in out  # the table may wrap the name
    assert "Removed by you: 1" in out


def test_analyze_json_after_corrections_is_a_gold_file_that_eval_accepts(
    capsys, library, tmp_path, isolated_db
):
    path = library / "a-sample.txt"
    correct(isolated_db, path)
    gold = tmp_path / "a-sample.gold.json"
    gold.write_text(json.dumps(analyze_json(capsys, str(path))), encoding="utf-8")
    code, out, err = run_main(capsys, "eval", str(path), str(gold), "--json")
    assert code == 0 and err == ""
    scores = json.loads(out)
    assert scores["speakers"]["recall"] == 1.0 and scores["quotes"]["f1"] == 1.0
    assert scores["allegations"]["gold"] == scores["allegations"]["predicted"] - 1


def test_eval_with_no_gold_scores_the_machine_against_the_corrections(capsys, library, isolated_db):
    path = library / "a-sample.txt"
    article, _ = correct(isolated_db, path)
    code, out, err = run_main(capsys, "eval", str(path), "--json")
    assert code == 0, err
    scores = json.loads(out)
    found = len(analyze(article).allegations)
    assert (
        scores["allegations"]["predicted"] == found and scores["allegations"]["gold"] == found - 1
    )
    assert scores["allegations"]["precision"] == pytest.approx((found - 1) / found, abs=1e-4)
    assert scores["allegations"]["recall"] == 1.0


def test_eval_of_a_folder_scores_each_corrected_article_and_names_the_skipped(
    capsys, library, isolated_db
):
    correct(isolated_db, library / "a-sample.txt")
    code, out, err = run_main(capsys, "eval", str(library))
    assert code == 0, err
    assert "a-sample.txt" in out and "skipped b-other.txt: no corrections" in out
    code, out, _ = run_main(capsys, "eval", str(library), "--json")
    report = json.loads(out)
    assert [a["path"] for a in report["articles"]] == [str(library / "a-sample.txt")]
    assert report["skipped"] == [{"path": str(library / "b-other.txt"), "reason": "no corrections"}]
    assert report["total"] == report["articles"][0]["scores"]
    correct(isolated_db, library / "b-other.txt")
    code, out, _ = run_main(capsys, "eval", str(library), "--json")
    report = json.loads(out)
    assert len(report["articles"]) == 2 and report["skipped"] == []
    each = [a["scores"]["allegations"] for a in report["articles"]]
    total = report["total"]["allegations"]
    assert total["gold"] == sum(e["gold"] for e in each)  # counts pooled over the folder
    assert total["predicted"] == sum(e["predicted"] for e in each)


def test_eval_with_nothing_to_score_against_says_so_in_one_line(capsys, library, isolated_db):
    code, _, err = run_main(capsys, "eval", str(library / "a-sample.txt"))
    assert_one_line_error(code, err, "no notes database yet", "gold file")
    correct(isolated_db, library / "b-other.txt")
    code, _, err = run_main(capsys, "eval", str(library / "a-sample.txt"))
    assert_one_line_error(code, err, "a-sample.txt has no corrections", "nothing to score")
    empty = library / "empty"
    empty.mkdir()
    shutil.copy(SAMPLE, empty / "c.txt")
    code, _, err = run_main(capsys, "eval", str(empty))
    assert_one_line_error(code, err, "none of the 1 articles", "has any corrections")


def test_eval_of_a_mistyped_path_names_the_path_before_the_database(capsys, library, isolated_db):
    code, _, err = run_main(capsys, "eval", str(library / "a-sampel.txt"))
    assert_one_line_error(code, err, "a-sampel.txt: no such file or folder", "check the path")
    assert not isolated_db.exists()


def test_eval_against_the_gold_of_another_article_warns_in_one_line(capsys, library):
    other_gold = REPO / "tests" / "analysis_corpus" / "defence-minister-resigns.gold.json"
    code, out, err = run_main(capsys, "eval", str(library / "a-sample.txt"), str(other_gold))
    assert code == 0 and out
    (warning,) = err.strip().splitlines()
    assert warning.startswith("readerapp: warning: ") and "gold of another article" in warning
    own_gold = REPO / "tests" / "sample.gold.json"
    code, _, err = run_main(capsys, "eval", str(SAMPLE), str(own_gold))
    assert code == 0 and err == ""


def test_analyze_with_a_database_named_but_missing_is_a_one_line_error(capsys, tmp_path):
    code, _, err = run_main(capsys, "analyze", str(SAMPLE), "--db", str(tmp_path / "typo.json"))
    assert_one_line_error(code, err, "typo.json", "--machine")
    machine = analyze_json(capsys, str(SAMPLE))  # $READERAPP_DB not made yet: no corrections
    assert {s["status"] for s in machine["speakers"]} == {"machine"}


def test_corrections_no_longer_placed_are_listed_by_analyze(capsys, library, isolated_db):
    path = library / "a-sample.txt"
    article = load_article(path)
    notebook = Notebook(AnnotationStore(isolated_db), article)
    notebook.load()
    shown = notebook.corrections.corrected(analyze(article))
    quote = shown.analysis.speakers[0].quotes[0]
    notebook.corrections.correct(fixes.remove_quote(shown, quote))
    notebook.close()
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace(quote.text, "Nothing of the kind was said."), encoding="utf-8")
    result = analyze_json(capsys, str(path))
    (orphan,) = result["orphaned_corrections"]
    assert orphan["correction"].startswith("Remove quote: “")
    assert orphan["reason"] == "its passage is no longer in the article"


def test_export_and_import_carry_corrections(capsys, library, tmp_path, isolated_db):
    path = library / "a-sample.txt"
    correct(isolated_db, path)
    before = analyze_json(capsys, str(path))
    exported = tmp_path / "notes.json"
    code, _, err = run_main(capsys, "export", "-o", str(exported))
    assert code == 0, err
    document = json.loads(exported.read_text(encoding="utf-8"))
    Draft202012Validator(json.loads(schema_bytes())).validate(document)
    (entry,) = document["articles"]
    assert [c["action"] for c in entry["corrections"]] == ["speaker.edit", "allegation.remove"]
    assert entry["speakers"][0]["status"] == "edited"  # the export's analysis is the corrected one
    elsewhere = tmp_path / "elsewhere.json"
    code, out, err = run_main(capsys, "import", str(exported), "--db", str(elsewhere))
    assert code == 0, err
    assert "corrections of the analysis: 2 added" in out
    assert analyze_json(capsys, str(path), "--db", str(elsewhere)) == before
    code, out, _ = run_main(capsys, "import", str(exported), "--db", str(elsewhere))
    assert "corrections of the analysis: 0 added, 0 updated, 0 withdrawn, 2 unchanged" in out


def test_an_import_with_a_bad_correction_imports_nothing(capsys, library, tmp_path, isolated_db):
    correct(isolated_db, library / "a-sample.txt")
    exported = tmp_path / "notes.json"
    run_main(capsys, "export", "-o", str(exported))
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["articles"][0]["corrections"][1]["target"]["selector"]["start"] = -4
    exported.write_text(json.dumps(document), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere.json"
    code, _, err = run_main(capsys, "import", str(exported), "--db", str(elsewhere))
    assert_one_line_error(code, err, "articles[0].corrections[1].target.selector.start")
    assert not elsewhere.exists()


def test_people_and_allegations_across_articles_show_the_corrections(capsys, library, isolated_db):
    article, name = correct(isolated_db, library / "a-sample.txt")
    code, out, err = run_main(capsys, "people", str(library), "--json")
    assert code == 0, err
    every = {n for person in json.loads(out) for n in (person["name"], *person["aliases"])}
    assert name in every
    code, out, _ = run_main(capsys, "allegations", str(library / "a-sample.txt"), "--json")
    assert len(json.loads(out)) == len(analyze(article).allegations) - 1
