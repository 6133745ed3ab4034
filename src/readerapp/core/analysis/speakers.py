"""One entry per real speaker: merging names, surnames, spellings and descriptions.

A later surname refers to the earliest full name ending with it; a definite
description ('the official', 'the former mayor') refers back to a speaker
described that way or to a name the article introduced with that title; an
indefinite one ('a senior official') introduces an unnamed speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from readerapp.core.analysis.attribution import Mention
from readerapp.core.analysis.cues import (
    GENDERED_NOUNS,
    HONORIFIC_GENDER,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    words,
)
from readerapp.core.analysis.model import Quote, Speaker
from readerapp.core.analysis.names import (
    NAME_RUN,
    NameIndex,
    is_acronym,
    name_key,
    parse_name,
    token_keys,
    variant_spelling,
)

_ANTECEDENT_WINDOW = 20_000
_ORG_NAME_WORDS = frozenset(w.capitalize() for w in ORG_NOUNS) | words(
    "Inc Ltd Corp LLC Plc AG SA GmbH Holdings Group Lines Airways Motors Bank Party Movement "
    "Front League Institute Agency Ministry Unit Office Commission Council Records Labs "
    "Laboratories Studios Pictures Media Systems Technologies Industries Exports Partners"
)
_NAME_BEFORE = re.compile(rf"({NAME_RUN}),\s+(?:the\s+|a\s+)?$")
_UNNAMED_SOURCE_NOUNS = words(
    "source sources official officials insider insiders aide aides diplomat diplomats people person"
)
_JUST_QUOTED = 300  # characters: how close a back-reference must follow the person's quote
_VARIANT_MIN = 7  # shorter names one letter apart are usually different names
_NAME_AFTER = re.compile(rf"\s+((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?{NAME_RUN})")


def _deletions(key: str) -> set[str]:
    """The key and every string one deletion away: two keys within one edit share one."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def _stem(word: str) -> str:
    word = word.casefold()
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@dataclass
class SpeakerDraft:
    """A speaker while the article is being read; becomes a frozen `Speaker` at the end."""

    name: str
    kind: str = "person"  # "person" | "org" | "group"
    anonymous: bool = False
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str = ""
    head: str = ""
    modifiers: frozenset[str] = frozenset()
    quotes: list[Quote] = field(default_factory=list)
    last_seen: int = 0
    order: int = 0  # creation order: later drafts win ties in lookups

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias.casefold() != self.name.casefold() and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str) -> None:
        role = _noun_phrase(role)
        if not role or len(self.roles) >= 2:
            return
        if any(role.casefold() in r.casefold() for r in self.roles):
            return
        self.roles = [r for r in self.roles if r.casefold() not in role.casefold()] + [role]

    def compatible(self, pronoun: str) -> bool:
        wanted = PRONOUNS.get(pronoun, "")
        if pronoun == "it":
            return self.kind == "org"
        if wanted in ("m", "f"):
            return self.kind == "person" and self.gender in ("", wanted)
        return True

    def freeze(self) -> Speaker:
        by_span = {(q.start, q.end): q for q in self.quotes}
        quotes = [by_span[span] for span in sorted(by_span, key=lambda s: (s[0], -s[1]))]
        kept: list[Quote] = []
        for quote in quotes:
            if kept and quote.end <= kept[-1].end:
                continue  # inside a longer quote already kept
            kept.append(quote)
        return Speaker(
            name=self.name,
            aliases=tuple(self.aliases),
            role=", ".join(self.roles),
            anonymous=self.anonymous,
            quotes=tuple(kept),
        )


class SpeakerRegistry:
    """Resolves each mention of a speaker to one draft, creating drafts as needed."""

    def __init__(self, text: str, names: NameIndex) -> None:
        self.text = text
        self.names = names
        self.drafts: list[SpeakerDraft] = []
        self._by_key: dict[str, SpeakerDraft] = {}
        self._antecedents: dict[str, SpeakerDraft | None] = {}
        self._found: dict[str, SpeakerDraft | None] = {}  # find_name memo, reset on change
        self._by_last: dict[str, list[SpeakerDraft]] = {}  # last name token -> drafts
        self._variants: dict[str, list[SpeakerDraft]] = {}  # one-deletion neighbours of names
        self._by_word: dict[str, list[SpeakerDraft]] = {}  # words of names and aliases
        self._by_role_word: dict[str, list[SpeakerDraft]] = {}  # words of roles
        self._by_head: dict[str, list[SpeakerDraft]] = {}  # head noun of unnamed speakers

    # -- looking up ----------------------------------------------------------------

    def find_name(self, name: str) -> SpeakerDraft | None:
        """The draft a name refers to: same name, a surname of it, or a variant spelling."""
        if name in self._found:
            return self._found[name]
        found = self._find_name(name)
        self._found[name] = found
        return found

    def _find_name(self, name: str) -> SpeakerDraft | None:
        """Indexed lookups only (no scan of all speakers), so long articles stay linear."""
        key = name_key(name)
        if not key:
            return None
        found = self._by_key.get(key)
        if found is not None:
            return found
        keys = token_keys(name)
        for draft in reversed(self._by_last.get(keys[-1], [])):
            draft_keys = token_keys(draft.name)
            if len(keys) < len(draft_keys) and draft_keys[-len(keys) :] == keys:
                return draft
        probes = {key} | ({keys[0]} if len(keys) == 1 else set())
        candidates: dict[int, SpeakerDraft] = {}
        for probe in probes:
            if len(probe) < _VARIANT_MIN:
                continue
            for variant in _deletions(probe):
                for draft in self._variants.get(variant, ()):
                    candidates[id(draft)] = draft
        for draft in sorted(candidates.values(), key=lambda d: d.order, reverse=True):
            draft_keys = token_keys(draft.name)
            if any(variant_spelling(name, known) for known in [draft.name, *draft.aliases]):
                return draft
            if len(keys) == 1 and len(draft_keys) > 1 and variant_spelling(keys[0], draft_keys[-1]):
                return draft
        return None

    def _index_name(self, draft: SpeakerDraft, name: str, *, main: bool) -> None:
        """Index a name or alias for the surname and spelling-variant lookups."""
        if draft.kind == "group" or draft.anonymous:
            return
        keys = token_keys(name)
        if not keys:
            return
        if main:
            self._by_last.setdefault(keys[-1], []).append(draft)
        for probe in {name_key(name), keys[-1] if main else ""}:
            if len(probe) >= _VARIANT_MIN:
                for variant in _deletions(probe):
                    self._variants.setdefault(variant, []).append(draft)
        for word in re.findall(r"[\w\-]+", name):
            self._by_word.setdefault(_stem(word), []).append(draft)

    def _alias(self, draft: SpeakerDraft, alias: str) -> None:
        before = len(draft.aliases)
        draft.add_alias(alias)
        if len(draft.aliases) > before:
            self._index_name(draft, alias, main=False)
            self._found.clear()

    def add_role(self, draft: SpeakerDraft, role: str) -> None:
        """Give a speaker a role found elsewhere in the text (indexed for 'the minister')."""
        self._role(draft, role)

    def _role(self, draft: SpeakerDraft, role: str) -> None:
        before = list(draft.roles)
        draft.add_role(role)
        for added in (r for r in draft.roles if r not in before):
            for word in re.findall(r"[\w\-]+", added):
                self._by_role_word.setdefault(_stem(word), []).append(draft)

    def canonical(self, name: str) -> str:
        """A speaker's name for a mention of them, or the mention itself."""
        draft = self.find_name(name)
        return draft.name if draft is not None else name

    def known(self, name: str) -> bool:
        """True if the name belongs to a speaker or occurs inside a longer name in the text."""
        return self.find_name(name) is not None or self.names.full_name(name) is not None

    # -- resolving mentions ----------------------------------------------------------

    def resolve(self, mention: Mention, position: int) -> SpeakerDraft | None:
        draft: SpeakerDraft | None
        if mention.kind == "name":
            draft = self._resolve_name(mention)
        elif mention.kind == "titled":
            draft = self._resolve_titled(mention)
        elif mention.kind == "descriptor":
            draft = self._resolve_description(mention)
        elif mention.kind == "plural":
            draft = self._resolve_plural(mention)
        else:
            return None
        if draft is not None:
            draft.last_seen = position
            self._role(draft, mention.role)
        return draft

    def resolve_pronoun(self, pronoun: str, recent: list[SpeakerDraft]) -> SpeakerDraft | None:
        """The latest speaker the pronoun can refer to (gender, person or organisation)."""
        candidates = recent[-12:]
        if pronoun == "they":
            for draft in reversed(candidates):
                if draft.kind in ("org", "group"):
                    return draft
        for draft in reversed(candidates):
            if draft.compatible(pronoun):
                if pronoun in ("he", "she") and not draft.gender:
                    draft.gender = PRONOUNS[pronoun]
                return draft
        return None

    def _resolve_name(self, mention: Mention) -> SpeakerDraft:
        name = mention.text
        draft = self.find_name(name)
        if draft is None:
            full = self._full_name(name)
            if full is not None:
                draft = self.find_name(full) or self._create(full, "person")
            else:
                draft = self._create(
                    name, "org" if _looks_like_org(name, mention.role) else "person"
                )
        if name != draft.name and name not in draft.aliases:
            self._alias(draft, name)
            self._by_key.setdefault(name_key(name), draft)
            self._found.clear()
        if mention.honorific:
            self._alias(draft, f"{mention.honorific} {name}")
            draft.gender = draft.gender or HONORIFIC_GENDER.get(
                mention.honorific.rstrip(".").casefold(), ""
            )
        if mention.title:
            self._role(draft, mention.title)
            for word in mention.title.casefold().split():
                draft.gender = draft.gender or GENDERED_NOUNS.get(word, "")
        head = _role_head(mention.role) if mention.role else ""
        if head and draft.kind == "person" and (head in ORG_NOUNS or head + "s" in ORG_NOUNS):
            draft.kind = "org"
        return draft

    def _full_name(self, name: str) -> str | None:
        tokens = name.split()
        if (
            len(tokens) > 1
            and not all(t[0].islower() for t in tokens[:-1])
            and tokens[0].casefold()
            not in ("de", "van", "von", "del", "di", "da", "du", "la", "le")
        ):
            return None
        return self.names.full_name(name)

    def _resolve_titled(self, mention: Mention) -> SpeakerDraft:
        phrase = re.sub(r"^[Tt]he\s+", "", mention.text)
        draft = self.find_name(phrase) or self._antecedent(phrase, mention.start)
        if draft is None:
            draft = self._create(phrase, "org" if _looks_like_org(phrase, "") else "person")
        else:
            self._alias(draft, mention.text)
            if phrase.split()[0].islower():
                self._role(draft, phrase)
        return draft

    def _resolve_description(self, mention: Mention) -> SpeakerDraft | None:
        words = mention.text.split()
        modifiers = frozenset(w.casefold() for w in words[1:-1])
        if mention.definite:
            draft = self._described_before(mention.head, modifiers)
            if draft is None and modifiers:
                draft = self._antecedent(" ".join(words[1:]), mention.start)
            if draft is None and not modifiers:
                draft = self._just_quoted_person(mention)
            if draft is not None:
                self._alias(draft, mention.text)
                return draft
        else:
            existing = self._by_key.get("desc:" + mention.text.casefold())
            if existing is not None:
                return existing
        person = mention.head in PERSON_NOUNS
        name = mention.text[0].lower() + mention.text[1:] if not mention.definite else mention.text
        draft = self._create(name, "person" if person else "org", anonymous=person)
        draft.head, draft.modifiers = mention.head, modifiers
        self._by_head.setdefault(_stem(mention.head), []).append(draft)
        self._role(draft, " ".join(words[1:]))
        if mention.full and mention.full != mention.text:
            self._alias(draft, mention.full)
        draft.gender = GENDERED_NOUNS.get(mention.head, "")
        self._by_key["desc:" + mention.text.casefold()] = draft
        return draft

    def _resolve_plural(self, mention: Mention) -> SpeakerDraft:
        key = "group:" + mention.text.casefold()
        draft = self._by_key.get(key) or self._by_key.get("group:" + mention.head)
        if draft is None:
            name = (
                mention.text[0].lower() + mention.text[1:]
                if mention.text[:1].isupper()
                and (mention.text.split()[0].casefold() == mention.head)
                else mention.text
            )
            unnamed = mention.head in _UNNAMED_SOURCE_NOUNS
            draft = self._create(name, "group", anonymous=unnamed)
            draft.head = mention.head
            self._by_head.setdefault(_stem(mention.head), []).append(draft)
            self._by_key[key] = draft
            self._by_key.setdefault("group:" + mention.head, draft)
        elif mention.text.casefold() != draft.name.casefold():
            self._alias(draft, mention.text)
        return draft

    def _just_quoted_person(self, mention: Mention) -> SpeakerDraft | None:
        """'… she said. The researcher said …': a bare 'the <person noun>' nobody was
        introduced as, right after a named person spoke, is that person."""
        if mention.head not in PERSON_NOUNS or mention.head.endswith("s"):
            return None
        people = [d for d in self.drafts if d.kind == "person" and not d.anonymous and d.last_seen]
        latest = max(people, key=lambda d: d.last_seen, default=None)
        if latest is None or mention.start - latest.last_seen > _JUST_QUOTED:
            return None
        return latest

    def _described_before(self, head: str, modifiers: frozenset[str]) -> SpeakerDraft | None:
        """'the official' -> the latest speaker introduced as '… official' (or named '… Unit')."""
        stem = _stem(head)
        described = [d for d in self._by_head.get(stem, ()) if modifiers <= d.modifiers | {d.head}]
        if described or modifiers:
            return max(described, key=lambda d: d.last_seen, default=None)
        named = [d for d in self._by_word.get(stem, ()) if not d.anonymous and d.kind != "group"]
        by_role = [
            d
            for d in self._by_role_word.get(stem, ())
            if not d.anonymous
            and (d.kind == "org" or (head in PERSON_NOUNS and d.kind == "person"))
        ]
        return max(named + by_role, key=lambda d: d.last_seen, default=None)

    def _antecedent(self, phrase: str, position: int) -> SpeakerDraft | None:
        """A name introduced with a title: 'former mayor Jane Roe', 'Jane Roe, the former mayor'."""
        key = phrase.casefold()
        if key in self._antecedents:
            return self._antecedents[key]
        found: SpeakerDraft | None = None
        window = self.text[max(0, position - _ANTECEDENT_WINDOW) : position]
        pattern = re.compile(rf"\b{re.escape(phrase)}", re.IGNORECASE)
        for match in pattern.finditer(window):
            after = _NAME_AFTER.match(window, match.end())
            candidate = after.group(1) if after else None
            if candidate is None:
                before = _NAME_BEFORE.search(window, max(0, match.start() - 120), match.start())
                candidate = before.group(1) if before else None
            if candidate is None:
                continue
            parsed = parse_name(candidate)
            if parsed is None:
                continue
            found = self._resolve_name(Mention("name", parsed.name, 0, 0, parsed.honorific))
            self._role(found, phrase if phrase[:1].islower() else "")
            break
        self._antecedents[key] = found
        return found

    def _create(self, name: str, kind: str, *, anonymous: bool = False) -> SpeakerDraft:
        draft = SpeakerDraft(name=name, kind=kind, anonymous=anonymous, order=len(self.drafts))
        self.drafts.append(draft)
        self._found.clear()
        self._by_key.setdefault(name_key(name), draft)
        self._index_name(draft, name, main=True)
        return draft

    def speakers(self) -> tuple[Speaker, ...]:
        """Only drafts with something attributed to them, in order of their first quote."""
        quoted = [d for d in self.drafts if d.quotes]
        quoted.sort(key=lambda d: min(q.start for q in d.quotes))
        return tuple(d.freeze() for d in quoted)


# A role is a noun phrase; the clause it was cut from is not part of it:
# 'Volkov also blamed the label's chief executive' -> "the label's chief executive",
# 'music critic who has followed' -> 'music critic', 'foreign minister said' -> 'foreign minister'.
_CLAUSE_BEFORE_ROLE = re.compile(
    r"^.*\b(?:said|says|told|added|blamed|accused|claimed|alleged|asked|called|named|thanked|"
    r"praised|critici[sz]ed|met|hired|sacked|fired|replaced|appointed)\s+",
    re.IGNORECASE,
)
_CLAUSE_AFTER_ROLE = re.compile(
    r"\s+(?:who|which|whose|that|said|says|told|added|claims|claimed|alleges|alleged)\b.*$",
    re.IGNORECASE,
)


def _noun_phrase(role: str) -> str:
    role = _CLAUSE_AFTER_ROLE.sub("", _CLAUSE_BEFORE_ROLE.sub("", role.strip(" ,")))
    return role.strip(" ,")


def _role_head(role: str) -> str:
    """The noun a role is about: 'one of Kenya's payment companies' -> 'company'."""
    role = re.sub(r"^(?:one|some|each|any)\s+of\s+(?:the\s+)?", "", role.strip(), flags=re.I)
    # 'epidemiologist at the Tasman Institute' is about an epidemiologist, not an institute.
    noun_part = re.split(r"\s(?:of|for|at|in|from|with|on)\s", role)[0]
    words = re.findall(r"[a-z\-]+", noun_part.casefold())
    return _stem(words[-1]) if words else ""


def _looks_like_org(name: str, role: str) -> bool:
    words = name.split()
    if is_acronym(name) or any(w.strip(".,") in _ORG_NAME_WORDS for w in words):
        return True
    head = _role_head(role)
    return (
        bool(head) and (head in ORG_NOUNS or head + "s" in ORG_NOUNS) and head not in PERSON_NOUNS
    )
