"""Regression test: the analysis's scores on the sample and on our own hand-written corpus.

Thresholds sit a little below what the analysis reaches today, so a change that makes
any article clearly worse fails here. The corpus articles in tests/analysis_corpus/ were
written with their gold files before the analysis was tuned on them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readerapp.core.analysis import analysis_to_json, analyze
from readerapp.core.analysis.scoring import Scores, score
from readerapp.core.article import load_article

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "analysis_corpus"
SAMPLE = ROOT / "data" / "articles" / "who-will-survive-psp-or-mqm.txt"
SAMPLE_GOLD = ROOT / "tests" / "sample.gold.json"

# (speakers F1, quotes F1, allegations F1) minimums per article.
THRESHOLDS = {
    "port-director-bribery-trial": (0.95, 0.90, 0.80),
    "payments-firm-data-breach": (0.95, 0.90, 0.60),
    "floating-solar-farm-brief": (0.95, 0.90, 1.00),
    "defence-minister-resigns": (0.95, 0.90, 0.65),
    "marathon-doping-ban": (0.95, 0.90, 0.50),
    # The corpus gold counts no document ('The review said') and no accusation without
    # words of its own ('Campaigners accused the trust of …') as a speaker; the real-news
    # annotation rules count both, and the analysis follows those.
    "hospital-waiting-lists": (0.70, 0.80, 0.90),
    "warehouse-fire-charges": (0.95, 0.90, 0.65),
    "ferry-operator-results": (0.95, 0.90, 1.00),
    "senator-ethics-complaint": (0.95, 0.85, 0.45),
    "mine-spill-blockade": (0.90, 0.90, 0.70),  # 'residents … accusing' (as above)
    "striker-transfer-row": (0.95, 0.90, 0.70),
    "nurse-theft-case": (0.95, 0.90, 0.60),
    # Written blind by a helper on 2026-11-25 who never saw the analysis code. First scores,
    # before the allegation cues were widened: allegations 0.33-1.00 (mean 0.67).
    "water-board-tender-trial": (0.80, 0.85, 0.55),
    "market-car-park-vote": (0.95, 0.90, 1.00),
    "singer-unfinished-album-row": (0.85, 0.85, 0.70),
    "immunity-gummies-study": (0.75, 0.50, 0.75),
    "knitwear-mill-overtime-dispute": (0.90, 0.85, 0.55),
    "trawler-fleet-maritime-dispute": (0.80, 0.75, 0.55),
    # A second blind set (same day, another helper). First scores: speakers 0.88, quotes
    # 0.84, allegations 0.50; after fines, lawsuits and arrests became cues: 0.58.
    "delivery-rider-hit-and-run": (0.70, 0.60, 0.70),
    "fitness-app-health-data-fine": (0.95, 0.95, 0.65),
    "mayoral-debate-housing-row": (0.65, 0.60, 0.30),
    "nickel-smelter-chromium-study": (0.95, 0.90, 0.55),
    "primary-school-inspection-failings": (0.85, 0.80, 0.55),
    "tv-chef-libel-trial": (0.75, 0.75, 0.35),
    # Written by the analysis helper itself late in the tuning, so not blind: a hearing with
    # '' quotes and a criticism 'for not publishing', an interview in Q/A layout, a lawsuit
    # with a dateline, a tweet and a '―' attribution. First scores: ferry 1.00/0.90/1.00,
    # lighthouse 1.00/1.00/1.00, rail 0.92/0.84/1.00 (allegations with the wrong parties).
    "ferry-contract-hearing": (0.95, 0.90, 0.95),
    "lighthouse-keeper-interview": (0.95, 0.95, 0.95),
    "rail-strike-lawsuit": (0.95, 0.85, 0.95),
    # Written by the allegations helper (2026-12-02) for a letters page and an editor's
    # note, gold first; first scores 0.50/0.67/0.60; then plain words for steering a
    # contract, hiding, breaking standing orders and not telling the truth became cues.
    # The speaker figures are low because a letter's 'It promised' is read as speech.
    "alleg-harbour-letters-page": (0.45, 0.60, 0.85),
    # The same helper's second article: an accusation and the quotes after it, most of
    # which accuse nobody (a commuter's worry, a denial, a poll). First scores
    # 0.92/0.92/0.40 (no false allegation); then 'as its contract requires' and 'ignored
    # three requests' became cues.
    "alleg-ferry-fare-dispute": (0.85, 0.85, 0.95),
}


def scores_for(article_path: Path, gold_path: Path) -> Scores:
    article = load_article(article_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score(analysis_to_json(article, analyze(article)), gold)


def test_every_corpus_article_has_gold_and_a_threshold() -> None:
    stems = {p.stem for p in CORPUS.glob("*.txt")}
    assert len(stems) >= 5
    assert stems == set(THRESHOLDS)
    for stem in stems:
        assert (CORPUS / f"{stem}.gold.json").is_file()


def test_sample_meets_the_quality_bar() -> None:
    scores = scores_for(SAMPLE, SAMPLE_GOLD)
    assert scores.speakers.f1 >= 0.95
    assert scores.quotes.f1 >= 0.90
    assert scores.allegations.f1 >= 0.85


@pytest.mark.parametrize("stem", sorted(THRESHOLDS))
def test_corpus_article_scores_do_not_regress(stem: str) -> None:
    scores = scores_for(CORPUS / f"{stem}.txt", CORPUS / f"{stem}.gold.json")
    speakers, quotes, allegations = THRESHOLDS[stem]
    assert scores.speakers.f1 >= speakers, scores.speakers
    assert scores.quotes.f1 >= quotes, scores.quotes
    assert scores.allegations.f1 >= allegations, scores.allegations


def test_gold_strings_are_exact_substrings_of_the_article_text() -> None:
    for gold_path in CORPUS.glob("*.gold.json"):
        article = load_article(CORPUS / gold_path.name.replace(".gold.json", ".txt"))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for speaker in gold["speakers"]:
            for quote in speaker["quotes"]:
                assert quote in article.text, (gold_path.name, quote)
        for allegation in gold["allegations"]:
            assert allegation["evidence_substring"] in article.text, gold_path.name
