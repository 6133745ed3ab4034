"""The indexes behind the entity resolver: names, surnames, spellings, words of roles.

Every lookup is a dictionary probe, never a scan of all entities, so an article with
thousands of people stays linear.
"""

from __future__ import annotations

import re

from readerapp.core.analysis.entity import Entity
from readerapp.core.analysis.lexicon.base import stem
from readerapp.core.analysis.names import name_key, token_keys, variant_spelling

_VARIANT_MIN = 7  # shorter names one letter apart are usually different names


def _deletions(key: str) -> set[str]:
    """The key and every string one deletion away: two keys within one edit share one."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


class NameLookup:
    """Entities by name, surname, spelling variant, name word and role word."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._found: dict[str, Entity | None] = {}  # find_name memo, reset on change
        self._by_last: dict[str, list[Entity]] = {}
        self._variants: dict[str, list[Entity]] = {}
        self._by_word: dict[str, list[Entity]] = {}
        self._by_role_word: dict[str, list[Entity]] = {}

    def register(self, entity: Entity) -> None:
        self.entities.append(entity)
        self._found.clear()
        self._by_key.setdefault(name_key(entity.name), entity)
        self._index_name(entity, entity.name, main=True)

    def find_name(self, name: str) -> Entity | None:
        """The entity a name refers to: same name, a surname of it, or a variant spelling."""
        if name in self._found:
            return self._found[name]
        found = self._find_name(name)
        self._found[name] = found
        return found

    def canonical(self, name: str) -> str:
        """An entity's name for a mention of it, or the mention itself."""
        entity = self.find_name(name)
        return entity.name if entity is not None else name

    def _find_name(self, name: str) -> Entity | None:
        key = name_key(name)
        if not key:
            return None
        found = self._by_key.get(key)
        if found is not None:
            return found
        keys = token_keys(name)
        # 'Cole' in a story about Ann and Tom Cole: the one the text was just about
        matches = [
            entity
            for entity in self._by_last.get(keys[-1], [])
            if len(keys) < len(token_keys(entity.name))
            and token_keys(entity.name)[-len(keys) :] == keys
        ]
        if matches:
            return max(matches, key=lambda e: (e.last_seen, e.order))
        probes = {key} | ({keys[0]} if len(keys) == 1 else set())
        candidates: dict[int, Entity] = {}
        for probe in probes:
            if len(probe) < _VARIANT_MIN:
                continue
            for variant in _deletions(probe):
                for entity in self._variants.get(variant, ()):
                    candidates[id(entity)] = entity
        for entity in sorted(candidates.values(), key=lambda e: e.order, reverse=True):
            entity_keys = token_keys(entity.name)
            if any(variant_spelling(name, known) for known in [entity.name, *entity.aliases]):
                return entity
            if (
                len(keys) == 1
                and len(entity_keys) > 1
                and variant_spelling(keys[0], entity_keys[-1])
            ):
                return entity
        return None

    def _index_name(self, entity: Entity, name: str, *, main: bool) -> None:
        if entity.kind == "group" or entity.anonymous:
            return
        keys = token_keys(name)
        if not keys:
            return
        if main:
            self._by_last.setdefault(keys[-1], []).append(entity)
        for probe in {name_key(name), keys[-1] if main else ""}:
            if len(probe) >= _VARIANT_MIN:
                for variant in _deletions(probe):
                    self._variants.setdefault(variant, []).append(entity)
        for word in re.findall(r"[\w\-]+", name):
            self._by_word.setdefault(stem(word), []).append(entity)

    def alias(self, entity: Entity, alias: str) -> None:
        if entity.add_alias(alias):
            self._index_name(entity, alias, main=False)
            if " " in alias or alias[:1].isupper():
                self._by_key.setdefault(name_key(alias), entity)
            self._found.clear()

    def _role(self, entity: Entity, role: str) -> None:
        before = list(entity.roles)
        if entity.add_role(role):
            for added in (r for r in entity.roles if r not in before):
                for word in re.findall(r"[\w\-]+", added):
                    self._by_role_word.setdefault(stem(word), []).append(entity)
