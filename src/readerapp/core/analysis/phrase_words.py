"""Word-level tests on a phrase: where a subject may start, what may stand in a role
before a name, its comma-separated pieces, and whether a verb turns it into a clause."""

from __future__ import annotations

import re

from readerapp.core.analysis.lexicon.people import (
    ABSTRACT_ENDINGS,
    DETERMINERS,
    NON_NAME_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_MODIFIERS,
    SPEAKING_ABSTRACT_NOUNS,
    TITLE_WORDS,
)
from readerapp.core.analysis.lexicon.phrases import (
    FINITE_AUXILIARIES,
    ORG_NAME_WORDS,
    PREPOSITIONS,
    RELATIVE_WORDS,
)
from readerapp.core.analysis.lexicon.speech import AUXILIARIES, FORM_TO_LEMMA, TIME_WORDS

_ROLE_WORDS = TITLE_WORDS | ROLE_MODIFIERS | PERSON_NOUNS


def participle_modifier(words: list[str], index: int) -> bool:
    """'Drivers interviewed at Halden station', 'residents questioned by reporters': a past
    participle and its preposition modify the noun before them."""
    return (
        index > 0
        and index + 1 < len(words)
        and words[index].endswith("ed")
        and words[index].islower()
        and words[index + 1].casefold().strip(".,") in PREPOSITIONS | TIME_WORDS
    )  # 'a document filed Thursday


def starts_phrase(text: str, position: int) -> bool:
    """A determiner, a pronoun or a capitalised word: where a subject may start."""
    word = re.match(r"[\w’']+", text[position:])
    return word is not None and (
        word.group()[:1].isupper() or word.group().casefold() in DETERMINERS | set(PRONOUNS)
    )


def role_like(word: str) -> bool:
    """A word that may stand in a role before a name: 'senior', 'librarian', 'GOP'."""
    lower = word.casefold()
    if lower in _ROLE_WORDS:
        return True
    if not re.fullmatch(r"[\w’'\-.]+", word):
        return False
    if lower in FORM_TO_LEMMA and not (word[:1].isupper() and FORM_TO_LEMMA[lower] == lower):
        return False  # 'said', 'Asked'; but 'Post' in 'Post bureau chief Jo Roe' is a name
    if word[:1].isupper() and lower not in PRONOUNS:
        return True  # 'Judicial Watch president Tom Fitton': an organisation's name as a modifier
    return lower not in AUXILIARIES and lower not in NON_NAME_WORDS and lower not in PREPOSITIONS


def chunks(masked: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The comma-separated pieces of masked[lo:hi], trimmed."""
    pieces: list[tuple[int, int]] = []
    position = lo
    for match in re.finditer(r",(?!\d{3})", masked[lo:hi]):  # not the comma of '11,000'
        pieces.append(trim(masked, position, lo + match.start()))
        position = lo + match.end()
    pieces.append(trim(masked, position, hi))
    return [p for p in pieces if p[1] > p[0]]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \u00a0\t":
        start += 1
    while end > start and text[end - 1] in " \u00a0\t,":
        end -= 1
    return start, end


def looks_like_org(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and len(name) >= 2 and name.replace(".", "").isupper():
        return True  # 'FBI', 'U.N.'
    return any(w.casefold().strip(".,") in ORG_NAME_WORDS for w in words)


def clause_in_postmodifier(text: str, head_end: int) -> bool:
    """'The cost of the scheme has doubled': a finite verb after the head's post-modifier,
    with no relative pronoun to own it ('a man who was there' stays a phrase)."""
    for word in text[head_end:].split():
        lower = re.sub(r"['’].*", "", word.casefold())  # "who'd"
        if lower in RELATIVE_WORDS:
            return False
        if lower in FINITE_AUXILIARIES:
            return True
    return False


def abstract_noun(word: str) -> bool:
    """'assumption', 'excitement', 'popularity': a head that names no speaker."""
    lower = word.casefold()
    return lower.endswith(ABSTRACT_ENDINGS) and lower not in SPEAKING_ABSTRACT_NOUNS
