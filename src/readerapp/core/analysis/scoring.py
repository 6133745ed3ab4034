"""Scoring an analysis against a hand-written gold file (the `readerapp eval` numbers).

Both sides are the JSON schema of `analysis_to_json`, so gold files and predictions
are compared the same way:

- speakers: one-to-one; a predicted and a gold speaker match when any of their names
  or aliases agree (ignoring case, accents, punctuation and a leading a/an/the);
- quotes: a gold quote is found when a quote of the matched speaker contains it or
  covers most of it; a predicted quote is right when it finds some gold quote of the
  matched speaker or lies mostly inside one;
- allegations: one-to-one; a gold allegation is found when its evidence string lies
  within a predicted allegation's evidence; then accuser and accused agree when they
  share a name word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from readerapp.core.analysis.lexicon.base import words

COVERS_MOST = 0.6
_DETERMINER = re.compile(r"^(?:a|an|the)\s+")
_STOPWORDS = words(
    "a an the of and or in on at for to by with from his her their its former senior "
    "unspecified reports author"
)


class GoldError(ValueError):
    """A gold or prediction object that does not follow the schema."""


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the counts behind them."""

    true_positives: int
    predicted: int
    gold: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, found_gold: int, gold: int, right_predicted: int, predicted: int) -> PRF:
        precision = right_predicted / predicted if predicted else (1.0 if not gold else 0.0)
        recall = found_gold / gold if gold else (1.0 if not predicted else 0.0)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(found_gold, predicted, gold, precision, recall, f1)


@dataclass(frozen=True)
class Scores:
    speakers: PRF
    quotes: PRF
    allegations: PRF
    accuser_agreement: float
    accused_agreement: float

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """(measure, precision, recall, F1, counts) rows for a report."""
        rows = []
        for label, prf in (
            ("speakers", self.speakers),
            ("quotes", self.quotes),
            ("allegations", self.allegations),
        ):
            rows.append(
                (
                    label,
                    f"{prf.precision:.3f}",
                    f"{prf.recall:.3f}",
                    f"{prf.f1:.3f}",
                    f"{prf.true_positives}/{prf.gold} gold, {prf.predicted} predicted",
                )
            )
        return rows


def normalize(text: str) -> str:
    """Compare strings ignoring case, accents, curly quotes and spacing."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def _name_forms(speaker: dict[str, Any]) -> set[str]:
    forms = set()
    for raw in [speaker.get("name", ""), *speaker.get("aliases", [])]:
        form = _DETERMINER.sub("", normalize(str(raw)))
        form = re.sub(r"[^\w ]", "", form).strip()
        if form:
            forms.add(form)
    return forms


def _covers(predicted: str, gold: str) -> bool:
    """True if `predicted` contains `gold` or shares a run of most of its length."""
    p, g = normalize(predicted), normalize(gold).strip(" .,;:")
    if not g:
        return False
    if g in p:
        return True
    match = SequenceMatcher(None, p, g, autojunk=False).find_longest_match(0, len(p), 0, len(g))
    return match.size >= COVERS_MOST * len(g)


def _validate(obj: Any, label: str) -> None:
    if not isinstance(obj, dict):
        raise GoldError(f"{label} is not a JSON object")
    for key in ("speakers", "allegations"):
        if not isinstance(obj.get(key), list):
            raise GoldError(f"{label} has no '{key}' list")
    for speaker in obj["speakers"]:
        if not isinstance(speaker, dict) or not isinstance(speaker.get("name"), str):
            raise GoldError(f"{label}: every speaker needs a 'name' string")
        if not isinstance(speaker.get("quotes", []), list):
            raise GoldError(f"{label}: speaker {speaker['name']!r} has 'quotes' that is not a list")
    for allegation in obj["allegations"]:
        if not isinstance(allegation, dict) or not isinstance(
            allegation.get("evidence_substring"), str
        ):
            raise GoldError(f"{label}: every allegation needs an 'evidence_substring' string")


def match_speakers(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[int, int]:
    """One-to-one: gold index -> predicted index; exact names first, then any alias."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    predicted_forms = [_name_forms(p) for p in predicted]
    for exact in (True, False):
        for gi, g in enumerate(gold):
            if gi in pairs:
                continue
            g_name = _name_forms({"name": g["name"]})
            g_forms = _name_forms(g)
            for pi, forms in enumerate(predicted_forms):
                if pi in used:
                    continue
                p_name = _name_forms({"name": predicted[pi]["name"]})
                if (exact and g_name & p_name) or (not exact and g_forms & forms):
                    pairs[gi] = pi
                    used.add(pi)
                    break
    return pairs


def score(predicted: dict[str, Any], gold: dict[str, Any]) -> Scores:
    """Compare a prediction with gold; both in the `readerapp analyze --json` schema."""
    _validate(gold, "gold")
    _validate(predicted, "prediction")
    g_speakers, p_speakers = gold["speakers"], predicted["speakers"]
    pairs = match_speakers(p_speakers, g_speakers)
    speakers = PRF.from_counts(len(pairs), len(g_speakers), len(pairs), len(p_speakers))

    found_gold = right_predicted = 0
    for gi, g in enumerate(g_speakers):
        pi = pairs.get(gi)
        p_quotes = [str(q) for q in p_speakers[pi].get("quotes", [])] if pi is not None else []
        g_quotes = [str(q) for q in g.get("quotes", [])]
        found_gold += sum(1 for gq in g_quotes if any(_covers(pq, gq) for pq in p_quotes))
        right_predicted += sum(
            1 for pq in p_quotes if any(_covers(pq, gq) or _covers(gq, pq) for gq in g_quotes)
        )
    quotes = PRF.from_counts(
        found_gold,
        sum(len(g.get("quotes", [])) for g in g_speakers),
        right_predicted,
        sum(len(p.get("quotes", [])) for p in p_speakers),
    )

    g_allegations, p_allegations = gold["allegations"], predicted["allegations"]
    used: set[int] = set()
    accuser_agree = accused_agree = matched = 0
    for g in g_allegations:
        evidence = normalize(g["evidence_substring"])
        for pi, p in enumerate(p_allegations):
            if pi in used or evidence not in normalize(str(p.get("evidence_substring", ""))):
                continue
            used.add(pi)
            matched += 1
            accuser_agree += _agree(str(p.get("accuser", "")), str(g.get("accuser", "")))
            accused_agree += _agree(str(p.get("accused", "")), str(g.get("accused", "")))
            break
    allegations = PRF.from_counts(matched, len(g_allegations), matched, len(p_allegations))
    return Scores(
        speakers=speakers,
        quotes=quotes,
        allegations=allegations,
        accuser_agreement=accuser_agree / matched if matched else 0.0,
        accused_agreement=accused_agree / matched if matched else 0.0,
    )


def _agree(predicted: str, gold: str) -> bool:
    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"\w+", normalize(text)) if w not in _STOPWORDS}

    p, g = words(predicted), words(gold)
    if p and g:
        return bool(p & g)
    # 'reports' vs 'reports (United Kingdom evidence)': fall back to every word.
    every_p = set(re.findall(r"\w+", normalize(predicted))) - {"a", "an", "the", "of"}
    every_g = set(re.findall(r"\w+", normalize(gold))) - {"a", "an", "the", "of"}
    return bool(every_p & every_g)
