"""Which sentences can accuse: the prefilter on trigger words, and the sentences set aside.

Most sentences accuse nobody, so only those with a trigger word go through the patterns.
A sentence is set aside when it denies an accusation, points back at one ('These
allegations …'), asks a question in a quote, reports a poll, names a crime as an event or
stolen property with no thief, or when its cue is conditional, negated or opposed (unless
a later clause turns against that: ', but he called it careless').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readerapp.core.analysis.lexicon.accusations import (
    ACCUSATION_PATTERN,
    ALLEGATION_STEMS,
    ANAPHORIC_ALLEGATION,
    BLAMED_THING,
    CONDITION_WORDS,
    CONTRAST,
    CRIME_AS_EVENT,
    CRITICISED_FOR,
    DENIAL_PATTERN,
    HYPOTHETICAL_PENALTY,
    INVESTIGATED,
    NEGATION_PATTERN,
    POLL_RESULT,
    RECIPROCAL_ACCUSATION,
    STANCE_PATTERN,
    STOLEN_THING,
    TOPIC_WRONGDOING,
    WRONGDOING_PATTERN,
)
from readerapp.core.analysis.lexicon.base import stem as singular
from readerapp.core.analysis.lexicon.people import ORG_NOUNS, PERSON_NOUNS
from readerapp.core.analysis.parties import Parties


@dataclass(frozen=True)
class Sentence:
    """One sentence as the allegation rules see it."""

    start: int
    end: int
    text: str
    cue: re.Match[str] | None
    wrong: re.Match[str] | None
    speaker: str | None  # whose quote or reported speech the sentence mostly is


_WORD = re.compile(r"[A-Za-z]+")
_STEMS_BY_START: dict[str, list[str]] = {}
_WHOLE_WORDS = frozenset(stem[:-1] for stem in ALLEGATION_STEMS if stem.endswith("="))
for _stem in ALLEGATION_STEMS - {word + "=" for word in _WHOLE_WORDS}:
    _STEMS_BY_START.setdefault(_stem[:3], []).append(_stem)


def trigger_words(text: str, lo: int, hi: int) -> list[int]:
    """Where a word that may start an accusation or wrongdoing cue stands in [lo, hi)."""
    found = []
    for match in _WORD.finditer(text, lo, hi):
        word = match.group().lower()
        if word in _WHOLE_WORDS:
            found.append(match.start())
            continue
        for stem in _STEMS_BY_START.get(word[:3], ()):
            if word.startswith(stem):
                found.append(match.start())
                break
    return found


def _set_aside(words: str, cue: re.Match[str] | None, wrong: re.Match[str] | None) -> bool:
    """Is the cue (else the wrongdoing word) conditional, negated or opposed?"""
    anchor = cue if cue is not None else wrong
    if anchor is None:
        return False
    position = anchor.start()
    clause = max(words.rfind(",", 0, position), words.rfind(";", 0, position)) + 1
    lead = words[clause:position]
    if CONDITION_WORDS.search(lead) and cue is None:
        return True  # 'If the company broke the law, it will pay'
    if NEGATION_PATTERN.search(lead[-40:] if cue is not None else lead[-14:]):
        return True  # 'did not see convincing evidence of …', 'has never cheated'
    return STANCE_PATTERN.search(lead) is not None  # 'China opposed hacking'


def _party_noun(word: str) -> bool:
    return word in PERSON_NOUNS or word in ORG_NOUNS or singular(word) in ORG_NOUNS | PERSON_NOUNS


def accusing_sentence(text: str, ss: int, se: int, parties: Parties) -> Sentence | None:
    """The sentence, unless it cannot accuse: no cue, a denial, a negated, conditional or
    opposed wrongdoing word, a quoted question, or a pointer back to earlier allegations."""
    words = text[ss:se]
    if ANAPHORIC_ALLEGATION.match(words):
        return None
    cue = (
        ACCUSATION_PATTERN.search(words)
        or CRITICISED_FOR.search(words)
        or INVESTIGATED.search(words)
    )
    topics = [m.span() for m in TOPIC_WRONGDOING.finditer(words)]
    wrong = next(
        (
            m
            for m in WRONGDOING_PATTERN.finditer(words)
            if not any(a <= m.start() < b for a, b in topics)
        ),
        None,
    )  # 'voter fraud', 'illegal immigrants': topics, not anyone's conduct
    if cue is None and wrong is None:
        return None
    if POLL_RESULT.search(words):
        return None  # 'most voters say she is not honest': a poll, not an accuser
    if cue is None and wrong is not None:
        stolen = STOLEN_THING.search(words, max(0, wrong.start() - 40), wrong.end() + 10)
        if stolen and stolen.start() <= wrong.start() < stolen.end():
            wrong = WRONGDOING_PATTERN.search(words, stolen.end())
            if wrong is None:
                return None  # 'a car that had been reported stolen'
        event = CRIME_AS_EVENT.search(words, max(0, wrong.start() - 40), wrong.end() + 4)
        if event and event.start() <= wrong.start() < event.end():
            others = WRONGDOING_PATTERN.search(words, event.end())
            if others is None:
                return None  # 'after the brutal murder of a priest, …'
            wrong = others
    if DENIAL_PATTERN.search(words):
        return None
    if HYPOTHETICAL_PENALTY.search(words) or RECIPROCAL_ACCUSATION.search(words):
        return None  # 'firms can be fined …', 'they called each other liars'
    thing = BLAMED_THING.search(words)
    if thing and not _party_noun(thing.group("head")) and wrong is None:
        return None  # 'blamed a faulty valve for the leak'
    speaker = parties.speaker_of(ss, se)
    question = words.rstrip("\"”’' ").endswith("?")
    if question and (speaker is not None or re.search(r"[\"“]", words)):
        return None  # a quoted question asks, it does not assert
    if not question and _set_aside(words, cue, wrong):
        anchor = cue or wrong
        later = CONTRAST.search(words, anchor.end()) if anchor is not None else None
        wrong = WRONGDOING_PATTERN.search(words, later.end()) if later else None
        if wrong is None or _set_aside(words, None, wrong):
            return None  # 'no charges were filed, but he called it careless' goes on
        cue = None
    return Sentence(ss, se, words, cue, wrong, speaker)
