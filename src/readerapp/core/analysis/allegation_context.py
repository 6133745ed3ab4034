"""Allegations the context carries: what a sentence says because of the ones around it.

A speaker who has just accused someone often goes on about it in a quote of their own
with no accusation word in it ('They knew, and they waited.'). Such a quote is an
allegation too, by the same accuser against the same accused, when it tells of something
done (a verb in the past) and is not a question, a condition or the speaker's own side.
"""

from __future__ import annotations

from readerapp.core.analysis.lexicon.accusations import (
    FIRST_PERSON,
    INDEFINITE_OPENING,
    OPENING_CONDITION,
    PAST_DEED,
)
from readerapp.core.analysis.model import Allegation
from readerapp.core.analysis.parties import AUTHOR, Parties

FOLLOW_UPS = 2  # quotes after one allegation that may go on with it


def continued_accusations(parties: Parties, found: list[Allegation]) -> list[Allegation]:
    """The accuser's own quotes in the same or the next paragraph that go on with an
    allegation in `found` (in text order)."""
    doc = parties.doc
    extra: list[Allegation] = []
    taken = [(a.start, a.end) for a in found]
    for allegation in found:
        if allegation.accuser == AUTHOR:
            continue
        paragraph = doc.paragraph_index(allegation.start)
        count = 0
        for span in parties.spoken:
            if span.start < allegation.end or not span.direct:
                continue
            if doc.paragraph_index(span.start) > paragraph + 1 or count >= FOLLOW_UPS:
                break
            if "; ".join(e.name for e in span.speakers) != allegation.accuser:
                continue
            if any(s < span.end and span.start < e for s, e in taken):
                continue
            words = doc.text[span.start : span.end]
            if not _tells_a_deed(words):
                continue
            count += 1
            taken.append((span.start, span.end))
            extra.append(
                Allegation(
                    accuser=allegation.accuser,
                    accused=allegation.accused,
                    claim=" ".join(words.split()[:12]).rstrip(" ,.;:?!"),
                    start=span.start,
                    end=span.end,
                    evidence=words,
                )
            )
    return extra


def _tells_a_deed(words: str) -> bool:
    """'They knew, and they waited.' does; 'Did you know?', 'If they lied, …', 'We are
    angry' and 'Nobody wrote back' do not."""
    return (
        not (
            "?" in words
            or FIRST_PERSON.search(words)
            or OPENING_CONDITION.match(words)
            or INDEFINITE_OPENING.match(words)
        )
        and PAST_DEED.search(words) is not None
    )
