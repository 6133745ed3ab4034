"""A short article of our own, the analysis a machine might give of it, and corrections of it.

`machine(text)` finds its items by their words, so the same function gives the
analysis of an edited version of the text (the items where that text has
them); `new_analyzer(text)` is a different analyzer's result on the same text
(other names, other quote boundaries, one speaker missed, one allegation more).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from readerapp.core.analysis.model import Allegation, Analysis, Quote, Speaker
from readerapp.core.annotation import ArticleRef, new_id
from readerapp.core.corrections import Correction, Fix

TEXT = (
    'Mayor Ana Ruiz said the budget "will balance by spring". '
    '"We have no deficit," Ruiz added.\n\n'
    "Councillor Tom Bell accused the mayor of hiding the audit. "
    '"The audit was buried," Bell said.\n\n'
    'A city spokesperson called the claims "baseless and late".'
)
REF = ArticleRef("a" * 64, "/news/budget.txt", "Budget row")
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

ACCUSATION = "Councillor Tom Bell accused the mayor of hiding the audit."


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def quote(text: str, words: str, *, direct: bool = True) -> Quote:
    start, end = span(text, words)
    return Quote(start, end, text[start:end], direct)


def allegation(text: str, accuser: str, accused: str, claim: str, evidence: str) -> Allegation:
    start, end = span(text, evidence)
    return Allegation(accuser, accused, claim, start, end, text[start:end])


def machine(text: str = TEXT) -> Analysis:
    speakers = [
        Speaker(
            "Ana Ruiz",
            ("Ruiz",),
            "mayor",
            False,
            (quote(text, "will balance by spring"), quote(text, "We have no deficit,")),
        ),
        Speaker(
            "Tom Bell", ("Bell",), "councillor", False, (quote(text, "The audit was buried,"),)
        ),
    ]
    if "baseless and late" in text:
        speakers.append(
            Speaker(
                "a city spokesperson",
                (),
                "spokesperson",
                True,
                (quote(text, "baseless and late"),),
            )
        )
    allegations = []
    if ACCUSATION in text:
        allegations.append(allegation(text, "Tom Bell", "Ana Ruiz", "hiding the audit", ACCUSATION))
    return Analysis(tuple(speakers), tuple(allegations))


def new_analyzer(text: str = TEXT) -> Analysis:
    """Another analyzer: calls the mayor "Ruiz", takes the closing punctuation into her
    quote, misses the spokesperson, words the claim differently, finds one more
    allegation, and lists the speakers the other way round."""
    ruiz = Speaker(
        "Ruiz",
        ("Ana Ruiz", "the mayor"),
        "Mayor",
        False,
        (quote(text, "will balance by spring"), quote(text, '"We have no deficit,"')),
    )
    bell = Speaker(
        "Tom Bell", ("Bell",), "councillor", False, (quote(text, "The audit was buried"),)
    )
    first = allegation(text, "Tom Bell", "Ana Ruiz", "hid the audit", ACCUSATION)
    second = allegation(
        text, "a city spokesperson", "Tom Bell", "baseless claims", 'called the claims "baseless'
    )
    return Analysis((bell, ruiz), (first, second))


class Log:
    """Corrections made one second apart, as a user would make them."""

    def __init__(self) -> None:
        self.corrections: list[Correction] = []

    def add(self, fix: Fix | None) -> Correction:
        assert fix is not None, "the fix changes nothing"
        made = START + timedelta(seconds=len(self.corrections))
        stamp = made.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        correction = Correction(new_id(), REF, fix, created=stamp)
        self.corrections.append(correction)
        return correction

    def withdraw(self, correction: Correction) -> None:
        index = self.corrections.index(correction)
        self.corrections[index] = correction.flipped(True)

    def restore(self, correction: Correction) -> None:
        index = next(i for i, c in enumerate(self.corrections) if c.id == correction.id)
        self.corrections[index] = replace(self.corrections[index].flipped(False))


def by_name(analysis: Analysis, name: str) -> Speaker:
    return next(s for s in analysis.speakers if s.name == name)
