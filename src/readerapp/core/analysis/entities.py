"""Entities: one resolver that clusters mentions into people, organisations and documents.

A later surname refers to the earliest full name ending with it; a definite description
('the official', 'the company', 'the former mayor') refers back to an entity introduced
that way or named with that title; an indefinite one ('a senior official') introduces an
unnamed entity; a pronoun means the latest entity in focus that agrees with it in gender
and number. Every later stage asks this resolver, so attribution and allegations agree
on who is who.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readerapp.core.analysis.entity import Entity
from readerapp.core.analysis.entity_lookup import NameLookup
from readerapp.core.analysis.lexicon.base import is_plural, stem
from readerapp.core.analysis.lexicon.clauses import (
    ARTICLE_AFTER_COMMA,
    FILED_BY_PREFIX,
    FILER_ROLE,
    OWNED_OFFICE,
    PARTITIVE_START,
    ROLE_POSTMODIFIER,
)
from readerapp.core.analysis.lexicon.people import (
    COURT_RULINGS,
    DOCUMENT_NOUNS,
    GENDERED_NOUNS,
    GROUP_DETERMINERS,
    HONORIFIC_GENDER,
    JUDGES,
    LEGAL_FILINGS,
    ORG_NOUNS,
    ORG_SYNONYMS,
    PERSON_NOUNS,
    SPOKESPEOPLE,
    TITLE_WORDS,
    UNNAMED_SOURCE_NOUNS,
)
from readerapp.core.analysis.lexicon.phrases import ORG_NAME_WORDS
from readerapp.core.analysis.mentions import Mention
from readerapp.core.analysis.model import Speaker
from readerapp.core.analysis.names import NAME_RUN, NameIndex, name_key, parse_name

_ANTECEDENT_WINDOW = 20_000
_JUST_QUOTED = 400  # characters: how close a back-reference must follow the person's quote
_FOCUS_WINDOW = 3_000  # characters a pronoun looks back for its antecedent
_NAME_BEFORE = re.compile(rf"({NAME_RUN}){ARTICLE_AFTER_COMMA}")
_NAME_AFTER = re.compile(rf"\s+({NAME_RUN})")
_FILED = re.compile(rf"{FILED_BY_PREFIX}{FILER_ROLE}(?P<name>{NAME_RUN})")
_FILING_VERBS = r"(?:filed|issued|released|published|lodged|submitted|sent|brought)"
_FILED_DOCUMENT = re.compile(
    rf"\s+{_FILING_VERBS}\s+(?:an?\s+)?(?:[\w\-]+\s+){{0,2}}?(?P<doc>{'|'.join(sorted(DOCUMENT_NOUNS))})\b"
)


class EntityResolver(NameLookup):
    """Resolves each mention to one entity, creating entities as needed."""

    def __init__(
        self, text: str, names: NameIndex, sentence_of: Callable[[int], int] = lambda _: 0
    ) -> None:
        super().__init__()
        self.text = text
        self.names = names
        self.sentence_of = sentence_of
        self._antecedents: dict[str, Entity | None] = {}
        self._by_head: dict[str, list[Entity]] = {}  # head noun of unnamed entities
        self._focus: list[tuple[int, Entity, int]] = []  # who the text is about, in order
        self._unnamed_orgs: list[tuple[Entity, int]] = []  # 'a watchdog', where it ends

    # -- focus, for pronouns ---------------------------------------------------------

    def note(self, entity: Entity, position: int, rank: int = 0) -> None:
        """The text speaks of `entity` at `position`: rank 0 as a speaker, 1 as a sentence's
        subject, 2 as any other mention."""
        entity.last_seen = max(entity.last_seen, position)
        self._focus.append((position, entity, rank))

    def pronoun(self, pronoun: str, position: int) -> Entity | None:
        """Whom a pronoun means: sentence by sentence back from it, the speaker first, then
        the subject, then the others in the order written, the first that agrees."""
        pronoun = pronoun.casefold()
        if pronoun == "who":
            return None
        bucket: list[tuple[int, Entity, int]] = []
        bucket_sentence = -1
        sentences = 0
        here = self.sentence_of(position)
        for at, entity, rank in reversed(self._focus):
            if at >= position:
                continue
            if position - at > _FOCUS_WINDOW:
                break
            sentence = self.sentence_of(at)
            if sentence == here and rank > 1:
                continue  # 'Speaking to the website Loud Acre, he said': not the website
            if sentence != bucket_sentence and bucket:
                found = _agreeing(bucket, pronoun)
                if found is not None:
                    return found
                sentences += 1
                if sentences >= 6:
                    return None
                bucket = []
            bucket_sentence = sentence
            bucket.append((at, entity, rank))
        return _agreeing(bucket, pronoun) if bucket else None

    # -- resolving mentions ----------------------------------------------------------

    def resolve_all(self, mention: Mention, position: int) -> tuple[Entity, ...]:
        """Like `resolve`, but 'both leaders' and 'the two men' are the last two people."""
        first = mention.text.split()[0].casefold()
        if (
            mention.kind == "group"
            and first in ("both", "two")
            or (mention.text.casefold().startswith("the two "))
        ):
            # Only two people named just before can be 'both'; otherwise nobody can tell.
            people: list[Entity] = []
            here = self.sentence_of(position)
            for at, entity, _ in reversed(self._focus):
                if at >= position:
                    continue
                if here - self.sentence_of(at) > 1:
                    break
                if entity.kind == "person" and not entity.anonymous and entity not in people:
                    people.append(entity)
                if len(people) == 2:
                    return (people[1], people[0])
            return ()
        found = self.resolve(mention, position)
        return (found,) if found is not None else ()

    def resolve(self, mention: Mention, position: int) -> Entity | None:
        if mention.kind == "pronoun":
            return self.pronoun(mention.text, position)
        entity: Entity | None
        if mention.kind == "name":
            entity = self._resolve_name(mention)
        elif mention.kind in ("description", "document"):
            entity = self._resolve_description(mention)
        elif mention.kind == "group":
            entity = self._resolve_group(mention)
        else:
            return None
        if entity is not None and mention.role:
            self._role(entity, mention.role)
        return entity

    def _resolve_name(self, mention: Mention) -> Entity:
        name = mention.text
        entity = self.find_name(name)
        if entity is None:
            full = self.names.full_name(name) if " " not in name else None
            if full is not None:
                entity = self.find_name(full) or self.create(full, "person")
            else:
                org = mention.org or looks_like_org(name, mention.role)
                entity = self.create(name, "org" if org else "person")
                entity.certain = org
        if name != entity.name:
            self.alias(entity, name)
        if mention.honorific or mention.title:
            entity.certain = True
        if mention.honorific:
            self.alias(entity, f"{mention.honorific} {name}")
            entity.gender = entity.gender or HONORIFIC_GENDER.get(
                mention.honorific.rstrip(".").casefold(), ""
            )
        if mention.title:
            self._role(entity, mention.title)
            if mention.title.split()[-1][:1].isupper():
                self.alias(entity, f"{mention.title.split()[-1]} {name}")
            for word in mention.title.casefold().split():
                entity.gender = entity.gender or GENDERED_NOUNS.get(word, "")
        head = role_head(mention.role) if mention.role else ""
        if head and entity.kind == "person" and head in ORG_NOUNS and head not in PERSON_NOUNS:
            entity.kind = "org"
        elif head in PERSON_NOUNS and entity.kind == "person":
            entity.certain = True  # 'Helena Marchetti KC, his barrister'
        return entity

    def _resolve_description(self, mention: Mention) -> Entity | None:
        words = mention.text.split()
        modifiers = frozenset(w.casefold() for w in words[1:-1])
        head = mention.head
        if re.search(r"['’]s\s", mention.text):
            # "Mr Soto's lawyer", "Oyelaran's campaign": the owner makes it one entity
            entity = self._by_key.get("desc:" + mention.text.casefold())
            if entity is None:
                entity = self.create(mention.text, "person" if head in PERSON_NOUNS else "org")
                entity.certain = True
                self._by_key["desc:" + mention.text.casefold()] = entity
            return entity
        if mention.definite and mention.kind == "document" and stem(head) in LEGAL_FILINGS:
            entity = self._filer(mention)
            if entity is not None:
                self.alias(entity, mention.text)
                return entity
        if mention.definite and mention.kind == "document" and stem(head) in COURT_RULINGS:
            # 'the order released Friday said': the judge the story is about wrote it
            judges = [e for word in JUDGES for e in self._by_role_word.get(word, ())]
            judge = max(judges, key=lambda e: e.last_seen, default=None)
            if judge is not None and judge.kind == "person":
                self.alias(judge, mention.text)
                return judge
        if mention.definite:
            entity = self._described_before(head, modifiers, mention.start)
            full = mention.full.split()[1:]
            if entity is None and len(full) > len(words) - 1:
                entity = self._antecedent(" ".join(full), mention.start)
            if entity is None and modifiers:
                entity = self._antecedent(" ".join(words[1:]), mention.start)
            if entity is None and len(full) <= len(words) - 1:
                # 'the Portland businesswoman said'; 'the attorney general of New York' is new
                entity = self._just_quoted(mention)
            if entity is not None:
                self.alias(entity, mention.text)
                return entity
        else:
            existing = self._by_key.get("desc:" + mention.full.casefold())
            if existing is not None:
                return existing
        person = head in PERSON_NOUNS or stem(head) in PERSON_NOUNS
        kind = "document" if mention.kind == "document" else "person" if person else "org"
        if mention.definite:
            proper = all(w[:1].isupper() for w in words[1:])
            name = " ".join(words[1:]) if proper else mention.text
        else:
            name = mention.full or mention.text
            name = name[0].lower() + name[1:]
        entity = self.create(name, kind, anonymous=person and not mention.definite)
        entity.head, entity.modifiers = head, modifiers
        if kind == "org" and not mention.definite:
            self._unnamed_orgs.append((entity, mention.end))
        self._by_head.setdefault(stem(head), []).append(entity)
        self._role(entity, " ".join(words[1:]) if kind != "document" else "")
        if mention.full and mention.full not in (mention.text, name):
            self.alias(entity, mention.full)
        if mention.text != name:
            self.alias(entity, mention.text)
        entity.gender = GENDERED_NOUNS.get(head, "")
        self._by_key["desc:" + (mention.full or mention.text).casefold()] = entity
        return entity

    def _resolve_group(self, mention: Mention) -> Entity:
        key = "group:" + mention.text.casefold()
        entity = self._by_key.get(key)
        if entity is None and mention.head in ORG_NOUNS and " " not in mention.text:
            # 'police said' in a story about 'Halbridge Police'
            full = self.names.full_name(mention.text)
            if full is not None:
                entity = self.find_name(full) or self.create(full, "org")
                entity.certain = True
                self.alias(entity, mention.text.casefold())
                self._by_key[key] = entity
                return entity
        if entity is None:
            text = mention.text
            first = text.split()[0]
            common = first.casefold() in PERSON_NOUNS | ORG_NOUNS | GROUP_DETERMINERS
            name = text[0].lower() + text[1:] if first[:1].isupper() and common else text
            unnamed = stem(mention.head) in UNNAMED_SOURCE_NOUNS or mention.head in PERSON_NOUNS
            entity = self.create(name, "group", anonymous=unnamed)
            entity.head = mention.head
            if mention.full and mention.full != text and len(mention.full.split()) <= 14:
                self.alias(entity, mention.full)  # 'voters interviewed at Voss rallies'
            self._by_head.setdefault(stem(mention.head), []).append(entity)
            self._by_key[key] = entity
        return entity

    def _just_quoted(self, mention: Mention) -> Entity | None:
        """'… she said. The researcher said …', 'the businessman has insisted': a bare 'the
        <person noun>' nobody was introduced as means whom the text is about, as 'he' would."""
        if mention.head not in PERSON_NOUNS or is_plural(mention.head):
            return None
        gender = GENDERED_NOUNS.get(mention.head, "")
        found = self.pronoun(
            "she" if gender == "f" else "he" if gender == "m" else "i", mention.start
        )
        return found if found is not None and not found.anonymous else None

    def _described_before(
        self, head: str, modifiers: frozenset[str], position: int
    ) -> Entity | None:
        """'the official' -> the latest entity introduced as '… official' or with that role;
        'the company' -> the organisation in focus."""
        key = stem(head)
        singular = key == head.casefold()
        described = [
            e
            for e in self._by_head.get(key, ())
            if modifiers <= e.modifiers | {e.head} and not (singular and e.kind == "group")
        ]
        if described or modifiers:
            return max(described, key=lambda e: e.last_seen, default=None)
        if head in TITLE_WORDS:
            titled = self._antecedent(head, position)  # 'the mayor' -> 'Mayor Jo Roe'
            if titled is not None:
                return titled
        named = [e for e in self._by_word.get(key, ()) if not e.anonymous and e.kind != "group"]
        by_role = [
            e
            for e in self._by_role_word.get(key, ())
            if not e.anonymous
            and (e.kind == "org" or (head in PERSON_NOUNS and e.kind == "person"))
            and not (singular and e.kind == "group")
        ]
        found = max(named + by_role, key=lambda e: e.last_seen, default=None)
        if found is None and (head in ORG_NOUNS or key in ORG_NOUNS) and head not in PERSON_NOUNS:
            found = self._organisation_in_focus(position, head)
        return found

    def _organisation_in_focus(self, position: int, head: str) -> Entity | None:
        """'the company', 'the force' right after an organisation was named: the latest one
        called that (or a synonym), else the latest organisation of no other kind (an
        'Authority' is no 'company'), else the latest name whose kind nothing settled."""
        wanted = {stem(head)} | set(ORG_SYNONYMS.get(stem(head), ()))
        latest: Entity | None = None
        other: Entity | None = None
        recent = [item for item in self._focus[-64:] if item[0] < position]
        # Sentence by sentence back, speakers and subjects before other mentions.
        recent.sort(key=lambda item: (self.sentence_of(item[0]), -item[2], item[0]))
        for at, entity, _ in reversed(recent):
            if position - at > _FOCUS_WINDOW:
                break
            if entity.anonymous or entity.kind in ("group", "document"):
                continue
            if entity.kind == "person" and entity.certain:
                continue
            words = {stem(w) for w in re.findall(r"[\w\-]+", entity.name.casefold())}
            kinds = words | {role_head(r) for r in entity.roles}
            if wanted & kinds:
                return entity
            if entity.kind == "org" and entity.certain and kinds & ORG_NOUNS - wanted:
                other = other or entity
            elif latest is None:
                latest = entity
        found = latest or other
        if found is not None and found.kind == "person":
            found.kind = "org"
        return found

    def _antecedent(self, phrase: str, position: int) -> Entity | None:
        """A name introduced with a title: 'former mayor Jane Roe', 'Jane Roe, the former mayor'."""
        key = phrase.casefold()
        if key in self._antecedents:
            return self._antecedents[key]
        found: Entity | None = None
        window = self.text[max(0, position - _ANTECEDENT_WINDOW) : position]
        pattern = re.compile(rf"\b{re.escape(phrase)}", re.IGNORECASE)
        for match in pattern.finditer(window):
            after = _NAME_AFTER.match(window, match.end())
            candidate = after.group(1) if after else None
            if candidate is None:
                before = _NAME_BEFORE.search(window, max(0, match.start() - 120), match.start())
                candidate = before.group(1) if before else None
            parsed = parse_name(candidate) if candidate else None
            if parsed is None:
                continue
            found = self._resolve_name(Mention("name", parsed.name, 0, 0, parsed.honorific))
            if phrase[:1].islower():
                self._role(found, phrase)
            break
        self._antecedents[key] = found
        return found

    def _merge_spokespeople(self) -> None:
        """'Voss spokesman Ben Cho' speaks for 'Voss's office' and is 'the congressman's
        spokesman': one speaker, named by the person."""
        speaking = [
            e
            for e in self.entities
            if e.kind == "person"
            and not e.anonymous
            and any(set(r.casefold().split()) & SPOKESPEOPLE for r in e.roles)
        ]
        if len(speaking) != 1:
            return  # two spokespeople: nothing says which one speaks for whom
        person = speaking[0]
        owners = {
            w.casefold().strip("’'s")
            for r in person.roles
            for w in r.split()
            if w[:1].isupper() or w.casefold().endswith(("'s", "’s"))
        }
        for entity in self.entities:
            if entity is person or not entity.quotes:
                continue
            words = [w.casefold() for w in re.findall(r"[\w’'\-]+", entity.name)]
            owned = OWNED_OFFICE.search(entity.name.casefold())
            if owned and (set(w.strip("’'s") for w in words) & owners or words[-1] in SPOKESPEOPLE):
                merge(person, entity)

    def _merge_named_filers(self) -> None:
        """'A watchdog filed a complaint …' and then 'The complaint, filed by the Campaign for
        X, says': the unnamed organisation is the one named as the document's filer."""
        for entity, end in self._unnamed_orgs:
            if not entity.quotes:
                continue
            act = _FILED_DOCUMENT.match(self.text, end)
            if act is None:
                continue
            later = re.compile(
                rf"\b[Tt]he\s+{re.escape(act.group('doc'))}\b[^.;]{{0,40}}?\b{_FILING_VERBS}\s+"
                rf"by\s+(?:the\s+)?(?P<name>[A-Z][^,.;:()]{{1,80}})"
            ).search(self.text, act.end(), act.end() + _ANTECEDENT_WINDOW)
            named = self.find_name(later.group("name").strip()) if later else None
            if named is not None and named is not entity and not named.anonymous:
                merge(named, entity)

    def _filer(self, mention: Mention) -> Entity | None:
        """'the suit' after 'a lawsuit filed by a former staffer named Bradley Podliska'."""
        window = self.text[max(0, mention.start - _ANTECEDENT_WINDOW) : mention.start]
        for found in _FILED.finditer(window):
            parsed = parse_name(found.group("name"))
            if parsed is not None and " " in parsed.name:
                entity = self._resolve_name(Mention("name", parsed.name, 0, 0, parsed.honorific))
                role = found.group("role").strip()
                if role.split()[-1:] and role.split()[-1] in ORG_NOUNS:
                    entity.add_role(role)  # 'the drivers' union Rail Unite': not 'the company'
                return entity
        return None

    def create(self, name: str, kind: str, *, anonymous: bool = False) -> Entity:
        entity = Entity(name=name, kind=kind, anonymous=anonymous, order=len(self.entities))
        self.register(entity)
        return entity

    def speakers(self) -> tuple[Speaker, ...]:
        """Only entities with something attributed to them, in order of their first quote."""
        self._merge_spokespeople()
        self._merge_named_filers()
        quoted = [e for e in self.entities if e.quotes]
        quoted.sort(key=lambda e: min(q.start for q in e.quotes))
        return tuple(e.freeze() for e in quoted)


def merge(target: Entity, source: Entity) -> None:
    """`source` was `target` all along: one speaker with both names and every quote."""
    target.quotes.extend(source.quotes)
    source.quotes = []
    for alias in [source.name, *source.aliases]:
        target.add_alias(alias)


def _agreeing(bucket: list[tuple[int, Entity, int]], pronoun: str) -> Entity | None:
    """In one sentence: the speaker, then the subject, then the others left to right."""
    ordered = sorted(bucket, key=lambda item: (item[2], item[0]))
    if pronoun == "they":
        for _, entity, _ in ordered:
            if entity.kind in ("group", "org"):
                return entity
    for _, entity, _ in ordered:
        if entity.agrees(pronoun):
            return entity
    return None


def role_head(role: str) -> str:
    """The noun a role is about: 'one of Kenya's payment companies' -> 'company'."""
    role = PARTITIVE_START.sub("", role.strip())
    # 'epidemiologist at the Tasman Institute' is about an epidemiologist, not an institute.
    noun_part = ROLE_POSTMODIFIER.split(role)[0]
    found = re.findall(r"[a-z\-]+", noun_part.casefold())
    return stem(found[-1]) if found else ""


def looks_like_org(name: str, role: str) -> bool:
    words = name.split()
    if (len(name) >= 2 and name.replace(".", "").isupper() and " " not in name) or any(
        w.strip(".,").casefold() in ORG_NAME_WORDS for w in words
    ):
        return True
    head = role_head(role)
    return bool(head) and head in ORG_NOUNS and head not in PERSON_NOUNS


__all__ = ["Entity", "EntityResolver", "name_key"]
