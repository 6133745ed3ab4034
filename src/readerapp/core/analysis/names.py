"""People's and organisations' names in running text, without a tagger.

A name is a run of capitalised tokens, allowing particles (van der, bin, de la), middle
initials, hyphens and apostrophes (Amin-ul Haq, O'Connell, d'Alessandro). Honorifics and
titles in front of a name are split off, so "Dr. Nina Kovač-Horvat", "Sen. Jo Roe" and
"Local councillor Jo Roe" give the names "Nina Kovač-Horvat" and "Jo Roe".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from readerapp.core.analysis.lexicon.people import (
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NON_NAME_WORDS,
    PERSON_NOUNS,
    POST_NOMINALS,
    ROLE_MODIFIERS,
    SURNAME_LIKE_TITLES,
    TITLE_WORDS,
)
from readerapp.core.analysis.lexicon.phrases import ORG_NAME_WORDS
from readerapp.core.analysis.lexicon.speech import FINITE_SPEECH, TIME_WORDS


def _uppercase_class() -> str:
    """A regex character class of upper-case letters in Latin, Greek and Cyrillic scripts."""
    letters = [chr(c) for c in range(0x41, 0x530) if chr(c).isupper() and chr(c).isalpha()]
    return "[" + re.escape("".join(letters)) + "]"


UPPER = _uppercase_class()
_APOSTROPHE = "['’]"
# A token may keep the full stop of an abbreviation ('Sen.', 'Jr.'), not of a longer word.
NAME_TOKEN = (
    rf"(?:(?:{UPPER}\.){{2,}}|(?:(?:[dDlLO]|[Aa]l|[Ee]l){_APOSTROPHE}|(?:[Aa]l|[Ee]l)-)?{UPPER}\w*"
    rf"(?:(?:{_APOSTROPHE}(?!s\b)|-)\w+)*\.?(?<![^.\s]{{5}}\.))"
)
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
# Middle initials ('John F. Kennedy') may sit between the tokens of a name.
# Bounded: no name has more than eight words, and 'Mr. Mr. Mr. …' must not make one.
NAME_RUN = (
    rf"(?:\b{_PARTICLE}\s+){{0,3}}{NAME_TOKEN}"
    rf"(?:(?:[ \t\u00a0]+{UPPER}\.){{0,2}}[ \t\u00a0]+(?:{_PARTICLE}[ \t]+){{0,3}}"
    rf"{NAME_TOKEN}){{0,7}}"
)
HONORIFIC = r"(?:" + "|".join(h.capitalize() for h in sorted(HONORIFICS)) + r")\.?"
NAME_RUN_RE = re.compile(NAME_RUN)
_POSSESSIVE = re.compile(rf"{_APOSTROPHE}s?$")
_TITLE_LIKE = TITLE_WORDS | ROLE_MODIFIERS | PERSON_NOUNS
_ABBREVIATED = HONORIFICS | TITLE_WORDS | NAME_SUFFIXES | {"st", "mt", "ft"}
_PARTY = re.compile(r"\(?[DRI]-[A-Z]")
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}")


@dataclass(frozen=True)
class ParsedName:
    """A name as written, with the honorific and title found in front of it."""

    name: str
    honorific: str = ""
    title: str = ""


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """Compare names ignoring case, accents, hyphens, spaces and apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())


@lru_cache(maxsize=8192)
def token_keys(name: str) -> tuple[str, ...]:
    """The name's words as keys, without 'Jr.' or 'III' (a surname is the word before them)."""
    keys = tuple(key for key in (name_key(t) for t in name.split()) if key)
    while len(keys) > 1 and keys[-1] in NAME_SUFFIXES:
        keys = keys[:-1]
    return keys


def within_one_edit(a: str, b: str) -> bool:
    """True if a and b differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def variant_spelling(a: str, b: str) -> bool:
    """Long names one typo apart are the same name spelled two ways."""
    ka, kb = name_key(a), name_key(b)
    return ka == kb or (min(len(ka), len(kb)) >= 7 and within_one_edit(ka, kb))


def _bare(token: str) -> str:
    return token.rstrip(".").casefold()


def _shouted(token: str) -> bool:
    """'BORROWING' in a subheading is shouted, not an acronym like 'NATO'."""
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 5 and all(c.isupper() for c in letters)


@lru_cache(maxsize=8192)
def parse_name(run: str) -> ParsedName | None:
    """Split a capitalised run into title words and the name; None if no name is left."""
    tokens = run.split()
    if _PARTY.match(run):
        return None  # 'D-Calif.' is a party tag, not a name
    for number, token in enumerate(tokens[:-1]):
        if _INITIALISM.fullmatch(token) and _bare(tokens[number + 1]) in _TITLE_LIKE:
            continue  # 'U.S. President Jo Roe': the country is part of the title
        if token.endswith(".") and len(token) > 2 and _bare(token) not in _ABBREVIATED:
            tokens = tokens[: number + 1]  # 'Voss and Cho. Along with …': a sentence ends
            break
    shouted = False
    while len(tokens) > 1 and _shouted(tokens[0]) and not _shouted(tokens[1]):
        tokens.pop(0)
        shouted = True
    if (
        shouted
        and len(tokens) == 1
        or (tokens and _shouted(tokens[-1]) and not all(_shouted(t) for t in tokens))
    ):
        return None  # 'BORROWING Back': a shouted subheading, not a name
    while len(tokens) > 1 and _bare(tokens[-1]) in POST_NOMINALS:
        tokens.pop()  # 'Helena Marchetti KC'
    suffix = ""
    if len(tokens) > 2 and _bare(tokens[-1]) in NAME_SUFFIXES:
        suffix = " " + tokens.pop()
    honorific = ""
    title: list[str] = []
    if len(tokens) > 2 and tokens[0] == "The" and _bare(tokens[1]) in TIME_WORDS:
        tokens.pop(0)  # 'The Sunday Clarion' is a newspaper, not a day
    elif len(tokens) > 1 and _bare(tokens[0]) in TIME_WORDS and _bare(tokens[1]) in ORG_NAME_WORDS:
        pass  # 'Sunday Times'
    while tokens:
        bare = _bare(tokens[0])
        if (
            # 'Stated Cho:', 'Added Ada Voss:' ('Said' is also a given name)
            (bare in NON_NAME_WORDS or bare in FINITE_SPEECH - {"said"} and len(tokens) > 1)
            and not title
            and bare not in HONORIFICS
            and not (bare in TIME_WORDS and tokens[0] != run.split()[0] and len(tokens) > 1)
        ):
            tokens.pop(0)
        elif bare in HONORIFICS and len(tokens) > 1:
            honorific = tokens.pop(0)
        elif (
            bare in _TITLE_LIKE
            or _INITIALISM.fullmatch(tokens[0])
            and len(tokens) > 2
            and _bare(tokens[1]) in _TITLE_LIKE
        ) and len(tokens) > 1:
            title.append(tokens.pop(0))
        else:
            break
    # 'District Attorney Maria Castellanos', 'Fire Chief Tom Barker': a title may start
    # with words that are not titles themselves; it ends at the last title word.
    last_title = max(
        (i for i, t in enumerate(tokens[:-1]) if _bare(t) in TITLE_WORDS - SURNAME_LIKE_TITLES),
        default=-1,
    )
    if last_title >= 0 and all(t[:1].isupper() for t in tokens[: last_title + 1]):
        title.extend(tokens[: last_title + 1])
        tokens = tokens[last_title + 1 :]
    if not tokens:
        return None
    tokens[-1] = _POSSESSIVE.sub("", tokens[-1])
    if tokens[-1].endswith(".") and len(tokens[-1]) > 2 and len(tokens) > 1:
        tokens[-1] = tokens[-1][:-1]  # a full stop after the name ends the sentence
    first = _bare(tokens[0])
    kept_day = first in TIME_WORDS and tokens[0] != run.split()[0] and len(tokens) > 1
    if not tokens[-1] or (first in NON_NAME_WORDS and not kept_day) or first in HONORIFICS:
        return None
    if (
        len(tokens) == 1
        and not honorific  # 'Mr. Singer', 'Ms. Judge' are names
        and (_bare(tokens[0]) in TITLE_WORDS or _bare(tokens[0]) in PERSON_NOUNS)
    ):
        return None  # 'Rep.', 'Officials': a title or a noun alone is nobody's name
    return ParsedName(" ".join(tokens) + suffix, honorific, " ".join(title))


def is_acronym(name: str) -> bool:
    return len(name) >= 2 and name.replace(".", "").isupper() and " " not in name


class NameIndex:
    """How often each multi-word name occurs, to expand a bare surname to a full name."""

    def __init__(self, text: str, found: list[tuple[int, int]] | None = None) -> None:
        if found is None:
            found = [m.span() for m in NAME_RUN_RE.finditer(text)]
        runs = Counter(text[start:end] for start, end in found if " " in text[start:end])
        counts: Counter[str] = Counter()
        self.first_seen: dict[str, int] = {}
        for run, count in runs.items():
            parsed = parse_name(run)
            if parsed and " " in parsed.name:
                counts[parsed.name] += count
        # Words written capitalised in mid-sentence ('said Fairbairn'): names, not 'Speaking'
        self.mid_sentence = frozenset(
            m.group(1) for m in re.finditer(r"(?<=[a-z,;] )([A-Z][\w’'\-]+)", text)
        )
        self._by_last: dict[str, list[tuple[str, int]]] = {}
        # 'Nightjar' for 'Nightjar Records': an organisation is shortened from the front.
        self._by_prefix: dict[str, tuple[str, int]] = {}
        for name, count in counts.items():
            tokens = name.split()
            while len(tokens) > 1 and tokens[-1].casefold().strip(".") in ORG_NAME_WORDS:
                tokens.pop()
                key = name_key(" ".join(tokens))
                if count > self._by_prefix.get(key, ("", 0))[1]:
                    self._by_prefix[key] = (name, count)
        for name, count in counts.items():
            keys = token_keys(name)
            for size in range(2, min(len(keys), 4) + 1):
                suffix = " ".join(name.split()[-size:])
                if suffix.split()[0][0].isupper():
                    self._by_last.setdefault(keys[-1], []).append((suffix, count))

    def full_name(self, surname: str) -> str | None:
        """The most frequent longer name ending with `surname`; shorter wins a tie."""
        keys = token_keys(surname)
        if not keys:
            return None
        totals: Counter[str] = Counter()
        for candidate, count in self._by_last.get(keys[-1], ()):
            candidate_keys = token_keys(candidate)
            if candidate_keys[-len(keys) :] == keys and len(candidate_keys) > len(keys):
                totals[candidate] += count
        if not totals:
            prefixed = self._by_prefix.get(name_key(surname))
            return prefixed[0] if prefixed else None
        return max(totals, key=lambda c: (totals[c], -len(c.split())))
