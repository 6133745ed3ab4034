"""What the Notebook hands back: annotations where they are, and the changes undo walks through.

One undo stack holds both kinds of change a window makes: to an annotation
(`Change`) and to the corrections of the analysis (`CorrectionChange`), so `u`
undoes the last change, whichever it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from readerapp.core.annotation import Annotation
from readerapp.core.corrections.record import Correction
from readerapp.core.edits import tombstone

if TYPE_CHECKING:
    from readerapp.core.article import Article


class ReadOnlyNotebook(Exception):
    """Changes are not saved (the database is read-only or unusable); str() is one sentence."""


@dataclass(frozen=True)
class Placed:
    """An annotation and where its passage is in the current text (None: orphaned)."""

    annotation: Annotation
    span: tuple[int, int] | None

    def text_changed(self, article: Article) -> bool:
        """Whether the passage reads otherwise now than when it was annotated (the
        article was edited there): the reader marks it until the user confirms it."""
        if self.span is None:
            return False
        return article.text[self.span[0] : self.span[1]] != self.annotation.selector.exact


@dataclass(frozen=True)
class Change:
    """One change this window made, for undo and redo: the annotation before and after.

    `old` is None for a creation; `new` is a tombstone for a deletion. `before` and
    `after` give the same with None for "absent", as the reader shows it.
    """

    old: Annotation | None
    new: Annotation

    @property
    def before(self) -> Annotation | None:
        return self.old if self.old is not None and not self.old.deleted else None

    @property
    def after(self) -> Annotation | None:
        return None if self.new.deleted else self.new

    @property
    def kind(self) -> str:
        """One of creation, deletion or change, for the status line."""
        if self.before is None:
            return "creation" if self.after is not None else "change"
        return "deletion" if self.after is None else "change"

    @property
    def annotation_id(self) -> str:
        return self.new.id

    @property
    def description(self) -> str:
        """The change in words, for "Undid …" and "Redid …"."""
        return f"the {self.kind} of an annotation"

    def states(self) -> tuple[Annotation, Annotation]:
        """Before and after as whole annotations; an absent one is a tombstone of the other."""
        return (self.old if self.old is not None else tombstone(self.new)), self.new


def visible(annotation: Annotation) -> tuple[object, ...]:
    """What the user sees of an annotation: two copies alike here look alike on screen."""
    a = annotation
    return (a.colour, a.tags, a.note, a.deleted, a.selector, a.link)


@dataclass(frozen=True)
class CorrectionChange:
    """One change of this window to the corrections of the analysis, for undo and redo.

    A new correction (`old` holds None for it), or corrections withdrawn together
    (restoring a removed item withdraws every correction that removed it).
    """

    old: tuple[Correction | None, ...]
    new: tuple[Correction, ...]
    description: str  # e.g. "Rename speaker: Kamal → Mustafa Kamal"

    @property
    def kind(self) -> str:
        return "correction"

    def states(self) -> list[tuple[Correction, Correction]]:
        """Before and after of each correction; a new one was, before, withdrawn."""
        return [
            (old if old is not None else replace(new, deleted=True), new)
            for old, new in zip(self.old, self.new, strict=True)
        ]


AnyChange = Change | CorrectionChange


def take_fresh(
    held: dict[str, Any],
    fresh: dict[str, Any],
    ours: Callable[[str], bool],
    seen: Callable[[Any], object],
) -> bool:
    """Take another window's records (annotations placed, or corrections) into `held`,
    skipping those `ours` says this window is saving; True if what the user sees changed
    (`seen` says what of a record they see)."""
    changed = False
    for key in set(held) | set(fresh):
        if ours(key):
            continue
        old, new = held.get(key), fresh.get(key)
        if new is None:
            if old is not None:
                del held[key]
                changed = changed or not _gone(old)
            continue
        held[key] = new
        if old is None:
            changed = changed or not _gone(new)
        elif seen(old) != seen(new):
            changed = True
    return changed


def _gone(record: Placed | Correction) -> bool:
    return record.annotation.deleted if isinstance(record, Placed) else record.deleted
