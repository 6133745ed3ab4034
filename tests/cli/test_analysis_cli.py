"""`readerapp analyze` and `readerapp eval` as a user runs them, in subprocesses.

Checks the JSON contract (gold schema plus offsets, every string an exact slice of the
article text), that bad input is one stderr line and exit 2, and that neither command
nor the analysis package imports Textual.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from readerapp.core.article import load_article

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "analysis_corpus"
COURT = CORPUS / "port-director-bribery-trial.txt"

ANALYSIS_SCHEMA = {
    "type": "object",
    "required": ["title", "date", "standfirst", "speakers", "allegations"],
    "properties": {
        "title": {"type": "string"},
        "date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "standfirst": {"type": "string"},
        "speakers": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "aliases", "role", "anonymous", "quotes", "quote_spans"],
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "aliases": {"type": "array", "items": {"type": "string"}},
                    "role": {"type": "string"},
                    "anonymous": {"type": "boolean"},
                    "quotes": {"type": "array", "items": {"type": "string"}},
                    "quote_spans": {
                        "type": "array",
                        "items": {
                            "type": "array",
                            "items": {"type": "integer"},
                            "minItems": 2,
                            "maxItems": 2,
                        },
                    },
                },
            },
        },
        "allegations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["accuser", "accused", "claim", "evidence_substring", "evidence_span"],
                "properties": {
                    "accuser": {"type": "string"},
                    "accused": {"type": "string"},
                    "claim": {"type": "string"},
                    "evidence_substring": {"type": "string"},
                    "evidence_span": {"type": "array", "items": {"type": "integer"}},
                },
            },
        },
    },
}


def readerapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readerapp", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("path", [COURT, CORPUS / "floating-solar-farm-brief.txt", None])
def test_json_follows_the_schema_and_every_string_is_at_its_span(path: Path | None) -> None:
    result = readerapp("analyze", *([str(path)] if path else []), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, ANALYSIS_SCHEMA)
    if path is None:
        from readerapp.core.locations import bundled_article

        path = bundled_article()
    text = load_article(path).text
    assert data["speakers"], "every test article has speakers"
    for speaker in data["speakers"]:
        assert len(speaker["quotes"]) == len(speaker["quote_spans"])
        for quote, (start, end) in zip(speaker["quotes"], speaker["quote_spans"], strict=True):
            assert text[start:end] == quote
    for allegation in data["allegations"]:
        start, end = allegation["evidence_span"]
        assert text[start:end] == allegation["evidence_substring"]


def test_report_prints_tables_and_article_text_is_not_markup(tmp_path: Path) -> None:
    article = tmp_path / "brackets.txt"
    article.write_text(
        'Markup test\n\n"Keep [bold]this[/bold] and [00] as written," said Dr. Ada Quist.\n',
        encoding="utf-8",
    )
    result = readerapp("analyze", str(article))
    assert result.returncode == 0, result.stderr
    assert "Speakers (1)" in result.stdout
    assert "[bold]this[/bold]" in result.stdout
    assert "[00]" in result.stdout


@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "binary"])
def test_bad_input_is_one_stderr_line_and_exit_2(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "article.txt"
    if kind == "directory":
        target = tmp_path
    elif kind == "empty":
        target.write_text("", encoding="utf-8")
    elif kind == "binary":
        target.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    result = readerapp("analyze", str(target), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("readerapp: ")
    assert "Traceback" not in result.stderr


def test_analyze_and_the_analysis_package_do_not_import_textual() -> None:
    probe = (
        "import sys\n"
        "from readerapp.commands import analyze, evaluate\n"
        "import readerapp.core.analysis.scoring\n"
        f"analyze.main([{str(COURT)!r}, '--json'])\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "print('no textual')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("no textual")


def test_eval_prints_precision_recall_f1_and_agreement() -> None:
    gold = CORPUS / "port-director-bribery-trial.gold.json"
    result = readerapp("eval", str(COURT), str(gold))
    assert result.returncode == 0, result.stderr
    for label in (
        "speakers",
        "quotes",
        "allegations",
        "precision",
        "recall",
        "F1",
        "accuser agreement",
    ):
        assert label in result.stdout


def test_eval_json_output() -> None:
    gold = CORPUS / "floating-solar-farm-brief.gold.json"
    result = readerapp("eval", str(CORPUS / "floating-solar-farm-brief.txt"), str(gold), "--json")
    data = json.loads(result.stdout)
    assert data["speakers"]["f1"] >= 0.95
    assert data["allegations"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "found": 0,
        "gold": 0,
        "predicted": 0,
    }


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        "[1, 2]",
        '{"speakers": 3, "allegations": []}',
        '{"speakers": [{"quotes": []}], "allegations": []}',
        None,
    ],
)
def test_eval_bad_gold_is_one_line_and_exit_2(tmp_path: Path, content: str | None) -> None:
    gold = tmp_path / "bad.gold.json"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    result = readerapp("eval", str(COURT), str(gold))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("readerapp: ")
    assert "Traceback" not in result.stderr


def test_eval_bad_article_is_one_line_and_exit_2(tmp_path: Path) -> None:
    gold = CORPUS / "port-director-bribery-trial.gold.json"
    result = readerapp("eval", str(tmp_path / "nope.txt"), str(gold))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_benchmark_runner_interface() -> None:
    """The rows `benchmarks/run.py` prints; their speed is for the benchmark, not a test."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench_analysis
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    rows = bench_analysis.run(quick=True)
    assert rows[0]["measure"] == "analyze the sample article"
    assert len(rows) >= 3  # the sample, 1 MB of prose, the worst 1 MB inputs
    for row in rows:
        assert set(row) == {"measure", "figure", "baseline", "ratio", "target", "ok"}
        assert isinstance(row["ok"], bool)


def test_the_report_cleans_terminal_control_even_if_loading_did_not(monkeypatch, capsys) -> None:
    """Defence in depth: the report's own cleaning is enough on its own."""
    from dataclasses import replace

    from readerapp.commands.analyze import print_report
    from readerapp.core.analysis import analyze

    text = (
        "Harbour fees rise\n\n"
        '"The fees are unfair \x1b]2;PWNED\x07 to fishermen," said Ann Cole, the '
        "harbour master.\n\nAnn Cole accused the council of hiding the figures "
        "\x1b]52;c;UFdORUQ=\x07 from the public.\n"
    )
    import readerapp.core.article as article_module

    monkeypatch.setattr(article_module, "clean_text", lambda t: t)  # as if loading missed it
    article = article_module.parse_article(text, path=Path("hostile.txt"))
    assert "\x1b]" in article.text
    analysis = analyze(article)
    hostile = replace(article, title="Harbour \x1b]2;PWNED\x07 fees")
    print_report(hostile, analysis)
    out = capsys.readouterr().out
    assert "Harbour" in out and "Ann Cole" in out
    assert "\x1b]" not in out and "\x07" not in out
