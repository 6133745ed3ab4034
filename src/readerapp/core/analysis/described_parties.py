"""Described parties: the name an article gives a party it also only describes.

An accused is often described where the accusation stands ('its operator', 'a nurse',
'the company') and named elsewhere, before or after: in an appositive ('The operator,
Acme Mining, said'), before the noun ('the Acme Records label'), with an age in the next
lines of a lede ('Jo Roe, 38,'), or, for a bare 'the company', as the organisation the
article names most. These give the allegation the name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from readerapp.core.analysis.lexicon.descriptions import (
    AGE,
    ARTICLES,
    DESCRIPTION,
    LEADING_ARTICLE,
    PLACE_BASED,
    introduced_with_age,
    name_after_noun,
    name_before_noun,
    name_right_after_noun,
    noun_after_name,
    noun_named,
)
from readerapp.core.analysis.lexicon.people import NON_NAME_WORDS, ORG_NOUNS, PERSON_NOUNS
from readerapp.core.analysis.lexicon.places import is_place_name
from readerapp.core.analysis.names import NAME_RUN, parse_name
from readerapp.core.analysis.parties import Parties

NAMING_WINDOW = 20_000  # characters: an ordinary article fits in one
INTRODUCTION_WINDOW = 1200  # characters after a lede's description where its name comes


def named_description(parties: Parties, phrase: str, accuser: str, position: int = -1) -> str:
    """The name the article gives a description of the accused, wherever it gives it: 'a
    31-year-old man' is the 'Jo Bloggs, 31,' of a later paragraph; 'its operator' is 'the
    operator, Acme Mining,'; 'her former record label' is 'the Nightjar Records label'."""
    described = DESCRIPTION.fullmatch(phrase.strip())
    if described is None:
        return ""
    head, mods = described.group("head"), described.group("mods").split()
    determiner = phrase.split()[0].casefold()
    if any(m[:1].isupper() and not PLACE_BASED.fullmatch(m) for m in mods):
        return ""  # 'the Tasman researchers' names its group already
    key = f"named:{phrase.strip().casefold()}"
    window = _window(parties, position, key)
    names = parties.doc.memo.get(key)
    if not isinstance(names, list):
        names = _names_for(parties, phrase, head, mods, window)
        parties.doc.memo[key] = names
    person = head.casefold() in PERSON_NOUNS
    if person and determiner in ARTICLES and not mods and not described["complement"]:
        names = _named_exactly(
            parties, head, window
        )  # 'the man': one of several, unless one is named
    names = [n for n in names if _party_name(n)]
    adjectives = all(PLACE_BASED.fullmatch(m) for m in mods)
    if not names and determiner == "the" and adjectives and head.casefold() in ORG_NOUNS:
        names = _main_organisations(parties)
    opens = parties.text[position : position + len(phrase)].casefold() == phrase.casefold()
    if not names and person and position >= 0 and opens:
        names = _introduced_next(parties, position)  # 'A nurse allegedly took …'
    for name in names:
        parsed = parse_name(name)
        if parsed is None:
            continue
        canonical = parties.canonical(parsed.name)
        if canonical not in accuser.split("; "):
            return _form_with(parties, canonical, head)
    return ""


def _window(parties: Parties, position: int, key: str) -> tuple[int, int]:
    """Where the name of a description is looked for: the whole of an article of ordinary
    length; in a very long one, the stretch around where the description first stands
    (searched once, so the cost does not grow with the length)."""
    length = len(parties.text)
    if length <= 2 * NAMING_WINDOW:
        return 0, length
    first = parties.doc.memo.setdefault(f"where:{key}", position)
    assert isinstance(first, int)
    lo = max(0, first) // NAMING_WINDOW * NAMING_WINDOW
    return max(0, lo - NAMING_WINDOW), min(length, lo + 2 * NAMING_WINDOW)


def _find(pattern: str, text: str, window: tuple[int, int]) -> Iterator[re.Match[str]]:
    return re.compile(pattern).finditer(text, *window)


def _names_for(
    parties: Parties, phrase: str, head: str, mods: list[str], window: tuple[int, int]
) -> list[str]:
    """Every name the text gives the description: after 'the <noun>,', before ', the
    <noun>', between 'the' and the noun, after '<noun> named'; for an age, 'Jo Roe, 31,'.
    Its own modifiers must be there too: 'the younger man' is not 'the older man, Jo Roe'."""
    text = parties.text
    age = AGE.search(phrase)
    if age:
        return _names_before(parties, re.compile(rf",\s+{age.group(1)}\b"), window)
    own = "".join(
        rf"{re.escape(m)}\s+(?:[\w\-]+\s+)?" for m in mods if not PLACE_BASED.fullmatch(m)
    )
    noun = rf"(?:[\w\-]+\s+){{0,2}}{own}{re.escape(head)}(?![’']s)\b"
    names = [m.group(1) for m in _find(name_after_noun(noun, NAME_RUN), text, window)]
    names += _names_before(parties, re.compile(noun_after_name(noun)), window)
    names += [
        m.group(1)
        for m in _find(name_before_noun(rf"{re.escape(head)}(?![’']s)\b", NAME_RUN), text, window)
    ]
    loose = rf"(?:[\w\-]+\s+){{0,3}}{re.escape(head)}"  # 'named' introduces whoever it is
    names += [  # 'a former staffer named Jo Roe' for 'a fired staffer'
        m.group(1) for m in _find(noun_named(loose, NAME_RUN), text, window)
    ]
    names += [  # 'the ferry operator Nordsund Lines'
        m.group(1) for m in _find(name_right_after_noun(noun, NAME_RUN), text, window)
    ]
    return names


def _named_exactly(parties: Parties, head: str, window: tuple[int, int]) -> list[str]:
    """For a bare 'the manager': the one name written right beside that very noun ('Her
    manager, Jo Roe,'), when the article gives it to one person only."""
    key = f"exactly:{head.casefold()}"
    names = parties.doc.memo.get(key)
    if not isinstance(names, list):
        noun = rf"{re.escape(head)}(?![’']s)\b"
        names = [m.group(1) for m in _find(name_after_noun(noun, NAME_RUN), parties.text, window)]
        names += _names_before(parties, re.compile(noun_after_name(noun)), window)
        parties.doc.memo[key] = names
    return names if len({parties.canonical(n) for n in names}) == 1 else []


def _party_name(name: str) -> bool:
    parsed = parse_name(name)
    return not (
        parsed is None
        or parsed.name.casefold() in NON_NAME_WORDS
        or is_place_name(parsed.name)
        or re.search(r"-[a-z]", parsed.name)  # 'the Lisbon-based company'
    )


def _introduced_next(parties: Parties, position: int) -> list[str]:
    """'A nurse allegedly took …' opening a sentence: the person the next lines introduce
    with an age ('Claire Roe, 38, …'), as news copy names whom its lede described."""
    window = parties.text[position : position + INTRODUCTION_WINDOW]
    introduced = re.search(introduced_with_age(NAME_RUN), window)
    return [introduced.group(1)] if introduced and " " in introduced.group(1) else []


def _names_before(parties: Parties, pattern: re.Pattern[str], window: tuple[int, int]) -> list[str]:
    """The name runs that end right where `pattern` matches."""
    ends = parties.doc.memo.get("name ends")
    if not isinstance(ends, dict):
        ends = {end: start for start, end in parties.doc.names}
        parties.doc.memo["name ends"] = ends
    found = []
    for match in pattern.finditer(parties.text, *window):
        start = ends.get(match.start())
        if start is None:
            continue
        name = parties.text[start : match.start()]
        if not parties.is_place(start, name):  # 'In Lower Marsh, the council …'
            found.append(name)
    return found


def _name_counts(parties: Parties) -> Counter[str]:
    counts = parties.doc.memo.get("name counts")
    if not isinstance(counts, Counter):
        counts = Counter(
            LEADING_ARTICLE.sub("", parties.text[start:end]) for start, end in parties.doc.names
        )
        parties.doc.memo["name counts"] = counts
    return counts


def _form_with(parties: Parties, name: str, head: str) -> str:
    """'the committee' is the 'RNC' that the article also spells 'Republican National
    Committee': the form that has the description's noun."""
    if head.casefold() in name.casefold().split():
        return name
    entity = parties.resolver.find_name(name)
    forms = list(entity.aliases) if entity is not None else []
    if name.isupper() and len(name) <= 6:  # an acronym: its spelled-out form in the text
        forms += [
            run for run in _name_counts(parties) if "".join(w[0] for w in run.split()) == name
        ]
    for form in forms:
        words = form.casefold().split()
        if head.casefold() in words and form[:1].isupper() and words[0] not in ARTICLES:
            return form
    return name


def _main_organisations(parties: Parties) -> list[str]:
    """The organisations the article names more than once (by any of their forms), the most
    named first: whom a bare 'the company' nobody introduced most likely means."""
    counts = _name_counts(parties)
    named = {
        e.name: sum(counts[form] for form in {e.name, *e.aliases})
        for e in parties.resolver.entities
        if e.kind == "org" and not e.anonymous and e.name.split()[0].casefold() not in ARTICLES
    }
    return sorted((n for n in named if named[n] > 1), key=lambda name: -named[name])
