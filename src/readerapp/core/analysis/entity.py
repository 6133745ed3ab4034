"""An entity: one person, organisation, group or document the article speaks of.

Mutable while the article is read (names, roles and quotes accumulate); frozen into a
`Speaker` at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from readerapp.core.analysis.lexicon.clauses import (
    CLAUSE_AFTER_ROLE,
    CLAUSE_BEFORE_ROLE,
    MEMBERS_NOT_ROLE,
)
from readerapp.core.analysis.model import Quote, Speaker


@dataclass
class Entity:
    """A person, organisation, group or document while the article is read."""

    name: str
    kind: str = "person"  # "person" | "org" | "group" | "document"
    anonymous: bool = False
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str = ""
    head: str = ""
    modifiers: frozenset[str] = frozenset()
    quotes: list[Quote] = field(default_factory=list)
    last_seen: int = -1
    order: int = 0
    certain: bool = False  # the kind is known (an honorific, 'Ltd', 'she'), not a default

    def add_alias(self, alias: str) -> bool:
        alias = alias.strip(" ,")
        if alias and alias.casefold() != self.name.casefold() and alias not in self.aliases:
            self.aliases.append(alias)
            return True
        return False

    def add_role(self, role: str) -> bool:
        role = noun_phrase(role)
        if (
            not role
            or len(self.roles) >= 2
            or any(role.casefold() in r.casefold() for r in self.roles)
        ):
            return False
        self.roles = [r for r in self.roles if r.casefold() not in role.casefold()] + [role]
        return True

    def agrees(self, pronoun: str) -> bool:
        if pronoun == "it":
            return self.kind in ("org", "document")
        if pronoun in ("he", "she"):
            wanted = "m" if pronoun == "he" else "f"
            return self.kind == "person" and self.gender in ("", wanted)
        if pronoun in ("they", "we"):
            return self.kind in ("group", "org") or pronoun == "they"
        return self.kind == "person"

    def freeze(self) -> Speaker:
        by_span = {(q.start, q.end): q for q in self.quotes}
        kept: list[Quote] = []
        for span in sorted(by_span, key=lambda s: (s[0], -s[1])):
            if kept and span[1] <= kept[-1].end:
                continue  # inside a longer quote already kept
            kept.append(by_span[span])
        return Speaker(
            name=self.name,
            aliases=tuple(self.aliases),
            role=", ".join(self.roles),
            anonymous=self.anonymous,
            quotes=tuple(kept),
        )


def noun_phrase(role: str) -> str:
    role = CLAUSE_AFTER_ROLE.sub("", CLAUSE_BEFORE_ROLE.sub("", role.strip(" ,")))
    if MEMBERS_NOT_ROLE.match(role):
        return ""  # 'nurses …, including Mr. Okoro,': members, not a role
    return role.strip(" ,")
