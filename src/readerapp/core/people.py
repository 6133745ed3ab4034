"""People across a library: each article's speakers merged into persons, and who accuses whom.

Within one article the analysis has already gathered a speaker's names
("Maria Lopes", "Lopes", "Ms Lopes"). Across articles this module decides who
is the same person, by names only, and cautiously, since a wrong merge puts
one person's words in another's mouth:

- the same first and last name (titles of address aside, case, accents and
  curly quotes folded) is one person: "Dr Maria Lopes" and "Maria Lopes";
- a surname alone ("Ms Lopes", "Lopes") joins the one person of the library
  with a full name ending in it, and nobody when there are two or none:
  "Maria Lopes" and "João Lopes" are two people, and "Ms Lopes" is then a
  third entry rather than a guess;
- anonymous sources ("a senior official") are never merged across articles;
  a description ("the ministry") only with the same description.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from readerapp.core.analysis import Allegation, Quote, Speaker
from readerapp.core.library_index import ArticleIdentity, IndexedArticle
from readerapp.core.text_search import fold

#: Titles of address, dropped before names are compared ("Ms Lopes" is "Lopes").
_TITLES = "mr mrs ms miss mx dr prof professor sir dame lord lady rev fr mme mlle sr sra"
TITLES_OF_ADDRESS = frozenset(_TITLES.split())


@dataclass(frozen=True)
class Appearance:
    """One person in one article: the name used there, their role, their quotes."""

    article: ArticleIdentity
    name: str
    role: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Person:
    name: str  # the fullest name used for them
    aliases: tuple[str, ...]  # every other name used, in any article
    roles: tuple[str, ...]  # most used first
    anonymous: bool
    appearances: tuple[Appearance, ...]  # one per article, in library order

    @property
    def article_count(self) -> int:
        return len(self.appearances)

    @property
    def quote_count(self) -> int:
        return sum(len(a.quotes) for a in self.appearances)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class AllegationRow:
    """An allegation of one article, with accuser and accused named as persons where known."""

    article: ArticleIdentity
    allegation: Allegation
    accuser: str
    accused: str


def name_parts(name: str) -> tuple[str, ...]:
    """A name's words, folded for comparing, titles of address dropped: ("maria", "lopes")."""
    words = [_plain(w) for w in name.replace(".", " ").split()]
    while words and words[0] in TITLES_OF_ADDRESS:
        words.pop(0)
    return tuple(w for w in words if w)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", fold(word))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip("'\",;:()")


def _is_proper(name: str) -> bool:
    """A name rather than a description: its first and last words start with a capital."""
    words = [w for w in name.replace(".", " ").split() if _plain(w) not in TITLES_OF_ADDRESS]
    if words and words[0].casefold() in ("the", "a", "an"):
        return False  # 'The former Nazim': a description that opened a sentence
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


@dataclass
class _Entry:
    article: IndexedArticle
    speaker: Speaker
    full: set[tuple[str, str]]  # (first, last) of every full name used
    surnames: set[str]  # names of one word (after titles): a surname, or a first name


def _entry(article: IndexedArticle, speaker: Speaker) -> _Entry:
    full: set[tuple[str, str]] = set()
    single: set[str] = set()
    for name in (speaker.name, *speaker.aliases):
        if not _is_proper(name):
            continue
        parts = name_parts(name)
        if len(parts) >= 2:
            full.add((parts[0], parts[-1]))
        elif parts:
            single.add(parts[0])
    return _Entry(article, speaker, full, single)


class _Groups:
    """Union-find over entries."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def people(articles: Sequence[IndexedArticle]) -> list[Person]:
    """Every speaker of `articles` merged into persons; most articles first, then most quotes."""
    entries = [_entry(a, s) for a in articles for s in a.analysis.speakers]
    groups = _Groups(len(entries))
    by_full: dict[tuple[str, str], int] = {}
    by_description: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if entry.speaker.anonymous:
            continue
        for key in entry.full:
            if key in by_full:
                groups.join(i, by_full[key])
            else:
                by_full[key] = i
        if not entry.full and not entry.surnames:  # a description: "the ministry"
            description = fold(entry.speaker.name).removeprefix("the ")
            if description in by_description:
                groups.join(i, by_description[description])
            else:
                by_description[description] = i
    surname_of = _unique_surnames(entries, groups)
    for i, entry in enumerate(entries):
        if entry.speaker.anonymous or entry.full:
            continue
        owners = {surname_of[s] for s in entry.surnames if s in surname_of}
        if len(owners) == 1:
            groups.join(i, owners.pop())
    members: dict[int, list[_Entry]] = defaultdict(list)
    for i, entry in enumerate(entries):
        members[groups.find(i)].append(entry)
    found = [_person(group) for group in members.values()]
    return sorted(found, key=lambda p: (-p.article_count, -p.quote_count, fold(p.name)))


def _unique_surnames(entries: list[_Entry], groups: _Groups) -> dict[str, int]:
    """Surname → the one group of full-named people with it (surnames two groups share are
    left out: a surname alone cannot say which of them is meant)."""
    owners: dict[str, set[int]] = defaultdict(set)
    for i, entry in enumerate(entries):
        if entry.speaker.anonymous:
            continue
        for _, last in entry.full:
            owners[last].add(groups.find(i))
    return {last: next(iter(g)) for last, g in owners.items() if len(g) == 1}


def _person(group: list[_Entry]) -> Person:
    names: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    per_article: dict[str, list[_Entry]] = {}
    for entry in group:
        names[entry.speaker.name] += 1
        names.update(entry.speaker.aliases)
        if entry.speaker.role:
            roles[entry.speaker.role] += 1
        here = entry.article.identity
        per_article.setdefault(f"{here.sha256} {here.path}", []).append(entry)
    name = max(names, key=lambda n: (_is_proper(n), len(name_parts(n)), names[n], -len(n)))
    seen = {fold(name)}
    aliases = []
    for alias in sorted(names, key=lambda n: (-names[n], n)):
        if fold(alias) not in seen:
            seen.add(fold(alias))
            aliases.append(alias)
    appearances = []
    for same_article in per_article.values():
        first = same_article[0]
        quotes = tuple(
            sorted({q for e in same_article for q in e.speaker.quotes}, key=lambda q: q.start)
        )
        role = next((e.speaker.role for e in same_article if e.speaker.role), "")
        appearances.append(Appearance(first.article.identity, first.speaker.name, role, quotes))
    return Person(
        name=name,
        aliases=tuple(aliases),
        roles=tuple(r for r, _ in roles.most_common()),
        anonymous=all(e.speaker.anonymous for e in group),
        appearances=tuple(appearances),
    )


def allegations(
    articles: Sequence[IndexedArticle],
    persons: Iterable[Person] | None = None,
    *,
    accuser: str = "",
    accused: str = "",
) -> list[AllegationRow]:
    """Every allegation of `articles`, accuser and accused named as the persons they are;
    `accuser`/`accused` keep those whose side matches (folded, any of the person's names)."""
    persons = people(articles) if persons is None else list(persons)
    resolve = _Resolver(persons)
    rows = []
    for article in articles:
        for allegation in article.analysis.allegations:
            who = resolve(article.identity, allegation.accuser)
            whom = resolve(article.identity, allegation.accused)
            if _matches(accuser, who, allegation.accuser) and _matches(
                accused, whom, allegation.accused
            ):
                rows.append(
                    AllegationRow(
                        article.identity,
                        allegation,
                        who.name if who else allegation.accuser,
                        whom.name if whom else allegation.accused,
                    )
                )
    return rows


class _Resolver:
    """Which person a name in an article's allegation means: a speaker of that article by
    any of their names, else the one person of the library with that full name or surname."""

    def __init__(self, persons: list[Person]) -> None:
        self.in_article: dict[tuple[str, str], Person] = {}
        self.by_full: dict[tuple[str, str], Person] = {}
        surnames: dict[str, set[int]] = defaultdict(set)
        for person in persons:
            for appearance in person.appearances:
                for name in (appearance.name, *person.names()):
                    self.in_article[(appearance.article.sha256, fold(name))] = person
            for name in person.names():
                parts = name_parts(name)
                if len(parts) >= 2 and _is_proper(name):
                    self.by_full[(parts[0], parts[-1])] = person
                    surnames[parts[-1]].add(id(person))
        self.by_surname = {
            last: next(p for p in persons if id(p) in ids)
            for last, ids in surnames.items()
            if len(ids) == 1
        }

    def __call__(self, article: ArticleIdentity, name: str) -> Person | None:
        found = self.in_article.get((article.sha256, fold(name)))
        if found is not None:
            return found
        parts = name_parts(name)
        if not _is_proper(name) or not parts:
            return None
        if len(parts) >= 2:
            return self.by_full.get((parts[0], parts[-1]))
        return self.by_surname.get(parts[0])


def _matches(query: str, person: Person | None, written: str) -> bool:
    if not query:
        return True
    wanted = fold(query)
    names = person.names() if person else ()
    return any(wanted in fold(n) for n in (written, *names))
