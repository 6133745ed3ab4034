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
    "Front League Institute Agency Ministry Unit Office Commission Council"
)
_NAME_AFTER = re.compile(rf"\s+((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?{NAME_RUN})")


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

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias.casefold() != self.name.casefold() and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str) -> None:
        role = role.strip(" ,")
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
        quotes = sorted(set(self.quotes), key=lambda q: (q.start, -q.end))
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

    # -- looking up ----------------------------------------------------------------

    def find_name(self, name: str) -> SpeakerDraft | None:
        """The draft a name refers to: same name, a surname of it, or a variant spelling."""
        if name in self._found:
            return self._found[name]
        found = self._find_name(name)
        self._found[name] = found
        return found

    def _find_name(self, name: str) -> SpeakerDraft | None:
        key = name_key(name)
        if not key:
            return None
        found = self._by_key.get(key)
        if found is not None:
            return found
        keys = token_keys(name)
        for draft in reversed(self.drafts):
            if draft.kind == "group" or draft.anonymous:
                continue
            draft_keys = token_keys(draft.name)
            if len(keys) < len(draft_keys) and draft_keys[-len(keys) :] == keys:
                return draft
            if any(variant_spelling(name, known) for known in [draft.name, *draft.aliases]):
                return draft
            if (
                len(keys) == 1
                and len(keys[0]) >= 7
                and len(draft_keys) > 1
                and variant_spelling(keys[0], draft_keys[-1])
            ):
                return draft
        return None

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
            draft.add_role(mention.role)
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
            draft.add_alias(name)
            self._by_key.setdefault(name_key(name), draft)
            self._found.clear()
        if mention.honorific:
            draft.add_alias(f"{mention.honorific} {name}")
            draft.gender = draft.gender or HONORIFIC_GENDER.get(
                mention.honorific.rstrip(".").casefold(), ""
            )
        if mention.title:
            draft.add_role(mention.title)
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
            draft.add_alias(mention.text)
            if phrase.split()[0].islower():
                draft.add_role(phrase)
        return draft

    def _resolve_description(self, mention: Mention) -> SpeakerDraft | None:
        words = mention.text.split()
        modifiers = frozenset(w.casefold() for w in words[1:-1])
        if mention.definite:
            draft = self._described_before(mention.head, modifiers)
            if draft is None and modifiers:
                draft = self._antecedent(" ".join(words[1:]), mention.start)
            if draft is not None:
                draft.add_alias(mention.text)
                return draft
        else:
            existing = self._by_key.get("desc:" + mention.text.casefold())
            if existing is not None:
                return existing
        person = mention.head in PERSON_NOUNS
        name = mention.text[0].lower() + mention.text[1:] if not mention.definite else mention.text
        draft = self._create(name, "person" if person else "org", anonymous=person)
        draft.head, draft.modifiers = mention.head, modifiers
        draft.add_role(" ".join(words[1:]))
        if mention.full and mention.full != mention.text:
            draft.add_alias(mention.full)
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
            draft = self._create(name, "group")
            draft.head = mention.head
            self._by_key[key] = draft
            self._by_key.setdefault("group:" + mention.head, draft)
        elif mention.text.casefold() != draft.name.casefold():
            draft.add_alias(mention.text)
        return draft

    def _described_before(self, head: str, modifiers: frozenset[str]) -> SpeakerDraft | None:
        """'the official' -> the latest speaker introduced as '… official' (or named '… Unit')."""
        stem = _stem(head)
        for draft in sorted(self.drafts, key=lambda d: d.last_seen, reverse=True):
            if (
                draft.head
                and _stem(draft.head) == stem
                and modifiers <= draft.modifiers | {draft.head}
            ):
                return draft
        if modifiers:
            return None
        for draft in sorted(self.drafts, key=lambda d: d.last_seen, reverse=True):
            if draft.anonymous or draft.kind == "group":
                continue
            words = {_stem(w) for w in re.findall(r"[\w\-]+", draft.name)}
            role_words = {_stem(w) for role in draft.roles for w in re.findall(r"[\w\-]+", role)}
            if (
                stem in words
                or (stem in role_words and draft.kind == "org")
                or (stem in role_words and head in PERSON_NOUNS and draft.kind == "person")
            ):
                return draft
        return None

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
                before = re.search(rf"({NAME_RUN}),\s+(?:the\s+|a\s+)?$", window[: match.start()])
                candidate = before.group(1) if before else None
            if candidate is None:
                continue
            parsed = parse_name(candidate)
            if parsed is None:
                continue
            found = self._resolve_name(Mention("name", parsed.name, 0, 0, parsed.honorific))
            found.add_role(phrase if phrase[:1].islower() else "")
            break
        self._antecedents[key] = found
        return found

    def _create(self, name: str, kind: str, *, anonymous: bool = False) -> SpeakerDraft:
        draft = SpeakerDraft(name=name, kind=kind, anonymous=anonymous)
        self.drafts.append(draft)
        self._found.clear()
        self._by_key.setdefault(name_key(name), draft)
        return draft

    def speakers(self) -> tuple[Speaker, ...]:
        """Only drafts with something attributed to them, in order of their first quote."""
        quoted = [d for d in self.drafts if d.quotes]
        quoted.sort(key=lambda d: min(q.start for q in d.quotes))
        return tuple(d.freeze() for d in quoted)


def _role_head(role: str) -> str:
    """The noun a role is about: 'one of Kenya's payment companies' -> 'company'."""
    role = re.sub(r"^(?:one|some|each|any)\s+of\s+(?:the\s+)?", "", role.strip(), flags=re.I)
    words = re.findall(r"[a-z\-]+", role.split(" of ")[0].split(" for ")[0].casefold())
    return _stem(words[-1]) if words else ""


def _looks_like_org(name: str, role: str) -> bool:
    words = name.split()
    if is_acronym(name) or any(w.strip(".,") in _ORG_NAME_WORDS for w in words):
        return True
    head = _role_head(role)
    return (
        bool(head) and (head in ORG_NOUNS or head + "s" in ORG_NOUNS) and head not in PERSON_NOUNS
    )
