"""Run-on and degenerate text must not make the analysis hang, and it can be stopped.

The subprocess cases are a hang guard, not a speed test: each input is ~100 KB and gets a
generous bound, far above the linear time and far below the minutes the old quadratic
paths took (speed is measured by benchmarks/bench_analysis.py). The in-process cases
check the partial result and its notice: the caller's stop and the time budget.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from readerapp.core.analysis import analyze
from readerapp.core.article import parse_article

BODIES = {
    "the same verb forever": "said " * 20000,
    "one accusation repeated": "A accused B of C. " * 5500,
    "only curly quotes": "\u201c" * 100000,
    "unclosed straight quotes": '"a ' * 33000,
    "abbreviations without end": "Mr. " * 25000,
    "a quote in every paragraph": '"Yes," he said.\n\n' * 6000,
    "one long paragraph of prose": "The minister said the plan would work, and critics "
    "accused him of fraud. " * 1200,
    "two apostrophes everywhere": "''a'' " * 16000,
}

PROSE = (
    '"The bridge will reopen in May," said Olu Adebayo, the city engineer. '
    "Critics accused the council of hiding the repair costs."
)


@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_degenerate_text_is_analyzed_in_bounded_time(tmp_path, body):
    path = tmp_path / "run-on.txt"
    path.write_text("Title\n\n" + body, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "readerapp", "analyze", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=45,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.lstrip().startswith("{")


def long_article(paragraphs: int):
    return parse_article("Title\n\n" + "\n\n".join([PROSE] * paragraphs))


def test_a_complete_analysis_has_no_notice():
    analysis = analyze(long_article(3))
    assert analysis.notice is None
    assert [s.name for s in analysis.speakers] == ["Olu Adebayo", "critics"]


def test_the_caller_can_stop_the_analysis_before_it_starts():
    analysis = analyze(long_article(3), should_stop=lambda: True)
    assert analysis.speakers == () and analysis.allegations == ()
    assert analysis.notice == "The analysis was stopped before it read the article."


def test_stopping_midway_keeps_what_was_read_and_says_how_much():
    asked = []

    def stop_after_the_first_slice() -> bool:
        asked.append(True)
        return len(asked) > 1

    analysis = analyze(long_article(400), should_stop=stop_after_the_first_slice)
    assert analysis.notice is not None
    assert analysis.notice.startswith("The analysis was stopped after the first ")
    (engineer, *_) = analysis.speakers
    assert 0 < len(engineer.quotes) < 400  # some paragraphs read, not all


def test_a_spent_time_budget_returns_the_first_part_with_a_notice():
    analysis = analyze(long_article(400), budget=0.0)
    assert analysis.notice is not None
    assert "of this unusually long article" in analysis.notice
    assert analysis.speakers and len(analysis.speakers[0].quotes) < 400
