"""Helpers for writing word lists, and English inflection: verb forms, crude singulars."""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word list written as one string, so long lists stay readable."""
    return frozenset(text.split())


def verb_forms(lemma: str) -> tuple[str, str, str, str]:
    """Regular inflections: 'claim' -> (claim, claims, claimed, claiming)."""
    if lemma.endswith("ee"):
        return lemma, lemma + "s", lemma + "d", lemma + "ing"
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    if re.fullmatch(r"(?:qu|[^aeiou])*[aeiou][^aeiouwxy]", lemma) and len(lemma) <= 4:
        double = lemma + lemma[-1]  # 'quip' -> quipped, 'chat' -> chatted
        return lemma, lemma + "s", double + "ed", double + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


def stem(word: str) -> str:
    """A crude singular: 'officials' -> 'official', 'companies' -> 'company'."""
    word = word.casefold()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("people", "police", "staff")):
        return word
    if word.endswith("men"):
        return word[:-3] + "man"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def is_plural(word: str) -> bool:
    word = word.casefold()
    return (
        word in ("people", "police", "staff")
        or word.endswith("men")
        or (word.endswith("s") and not word.endswith("ss") and stem(word) != word)
    )
