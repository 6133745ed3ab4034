"""Allegations the context carries: what a sentence says because of the ones around it.

A speaker who has just accused someone often goes on about it in a quote of their own
with no accusation word in it ('They knew, and they waited.'), and so does a witness
quoted next. Such a quote is an allegation too, against the same accused, when it tells
of something done (a verb in the past) and is not a question, a condition or the
speaker's own doings; another speaker's quote must also speak of the accused (a pronoun
or the name) and not deny.

On a letters page the author's voice is each letter's writer, who signs below it: a
paragraph that is only a name ('Ada Voss.'). The letters' accusations are theirs. In an
editor's note the voice is the editors'.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from readerapp.core.analysis.document import Document
from readerapp.core.analysis.lexicon.accusations import (
    ADDRESSEE,
    EDITORS_NOTE,
    FIRST_PERSON,
    FOUND_THAT,
    INDEFINITE_OPENING,
    NEGATION_PATTERN,
    OPENING_CONDITION,
    PASSIVE_DEED,
    PAST_DEED,
    SECOND_THAT_CLAUSE,
    THIRD_PERSON,
)
from readerapp.core.analysis.model import Allegation
from readerapp.core.analysis.names import NAME_RUN_RE
from readerapp.core.analysis.parties import AUTHOR, Parties

FOLLOW_UPS = 2  # quotes after one allegation that may go on with it


def continued_accusations(parties: Parties, found: list[Allegation]) -> list[Allegation]:
    """The quotes in the same or the next paragraph that go on with an allegation in
    `found` (in text order): the accuser's, or another speaker's about the accused."""
    doc = parties.doc
    extra: list[Allegation] = []
    taken = [(a.start, a.end) for a in found]
    for allegation in found:
        if allegation.accuser == AUTHOR:
            continue
        paragraph = doc.paragraph_index(allegation.start)
        count = 0
        for span in parties.spoken[bisect_left(parties.starts, allegation.end) :]:
            if not span.direct:
                continue
            if doc.paragraph_index(span.start) > paragraph + 1 or count >= FOLLOW_UPS:
                break
            who = "; ".join(e.name for e in span.speakers)
            if who == allegation.accused or any(s < span.end and span.start < e for s, e in taken):
                continue
            words = doc.text[span.start : span.end]
            if not _tells_a_deed(words) or not _about(
                words, allegation.accused, denies=who != allegation.accuser
            ):
                continue
            count += 1
            taken.append((span.start, span.end))
            extra.append(
                Allegation(
                    accuser=who,
                    accused=allegation.accused,
                    claim=" ".join(words.split()[:12]).rstrip(" ,.;:?!"),
                    start=span.start,
                    end=span.end,
                    evidence=words,
                )
            )
    return extra


def _about(words: str, accused: str, *, denies: bool) -> bool:
    """A quote goes on with the allegation when it speaks of the accused ('They knew, and
    they waited.'); another speaker's must also assert rather than deny ('That was not …')."""
    if denies and NEGATION_PATTERN.search(words):
        return False
    if not denies and (ADDRESSEE.search(words) or PASSIVE_DEED.search(words)):
        return True  # 'you've been willing to say anything', 'users were never told'

    names = {w.casefold() for w in re.findall(r"[A-Z][\w\-]+", accused)}
    return THIRD_PERSON.search(words) is not None or any(
        w.casefold() in names for w in re.findall(r"[\w\-]+", words)
    )


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


def second_findings(parties: Parties, found: list[Allegation]) -> list[Allegation]:
    """'Inspectors found that staff had failed to act, and that checks had not been
    done': the clause after ', and that' is an allegation of its own, by the same accuser
    against the same accused."""
    extra: list[Allegation] = []
    for allegation in found:
        finding = FOUND_THAT.search(allegation.evidence)
        second = (
            SECOND_THAT_CLAUSE.search(allegation.evidence, finding.start("claim"))
            if finding
            else None
        )
        if second is None or PAST_DEED.search(allegation.evidence, second.end()) is None:
            continue  # 'claimed that the school was a fraud, and that …' is one claim
        start = allegation.start + second.end()
        words = parties.text[start : allegation.end]
        extra.append(
            Allegation(
                accuser=allegation.accuser,
                accused=allegation.accused,
                claim=" ".join(words.split()[:12]).rstrip(" ,.;:?!"),
                start=start,
                end=allegation.end,
                evidence=words,
            )
        )
    return extra


LETTERS = 2  # signed paragraphs that make a letters page


EDITORS = "the editors (editor's note)"


def signed_by_letter_writers(parties: Parties, found: list[Allegation]) -> list[Allegation]:
    """The author's allegations on a letters page, given to the writer who signs below;
    those in an editor's note, to the editors."""
    doc = parties.doc
    found = [
        replace(a, accuser=EDITORS)
        if a.accuser == AUTHOR and EDITORS_NOTE.match(doc.text, doc.paragraph_at(a.start)[0])
        else a
        for a in found
    ]
    signatures = _signatures(parties.doc, parties.vocabulary)
    if len(signatures) < LETTERS:
        return found
    starts = [start for start, _ in signatures]
    signed = []
    for allegation in found:
        index = bisect_left(starts, allegation.end)
        if allegation.accuser == AUTHOR and index < len(signatures):
            writer = f"{signatures[index][1]} (letter writer)"
            allegation = replace(allegation, accuser=writer)
        signed.append(allegation)
    return signed


def _signatures(doc: Document, vocabulary: frozenset[str]) -> list[tuple[int, str]]:
    """Where each paragraph that is only a person's name ('Ada Voss.') starts, and the name:
    a name the article mentions nowhere else, not a subheading ('Rising Tensions.', 'Ada
    Voss.' over a section about her)."""
    memo = doc.memo.get("signatures")
    if isinstance(memo, list):
        return memo
    found: list[tuple[int, str]] = []
    for start, end in doc.paragraphs:
        line = doc.text[start:end].strip()
        if not line.endswith(".") or line.startswith("The "):
            continue  # a subheading ('Rising Tensions') has no full stop
        line = line[:-1]
        name = NAME_RUN_RE.fullmatch(line)
        parts = line.split()
        if (
            name
            and 2 <= len(parts) <= 4
            and not line.isupper()
            and not any(part.casefold() in vocabulary for part in parts[1:])
            and doc.text.count(parts[-1]) == doc.text.count(line + ".")
        ):
            found.append((start, line))
    doc.memo["signatures"] = found
    return found
