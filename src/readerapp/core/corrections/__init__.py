"""The user's corrections of the analysis: kept like notes, re-applied to every new analysis.

Design. A correction (`record.Correction`) is one thing the user said about one
item: rename this speaker, this quote is someone else's, this allegation is
not one, add this passage as a quote. It names its item by a *ref*: the item as
the machine found it, with a text selector for every passage (the same
selectors and anchoring as annotations), never by a position in one analysis.
So `apply(machine, corrections, text)` can fold the corrections in force, in
the order they were made, over any analysis of any version of the text: the
analyzer's next version, or the article after an edit. Each correction finds
its item by the machine's name and aliases and the passages (`matching`), acts
on it, and when nothing matches for sure it is an orphan: listed with its
reason, never guessed onto a look-alike, never dropped (the next analysis
may find its item again).

Statuses. Every item of the corrected analysis says where it stands:
`machine` (as found), `confirmed` (checked by the user), `edited` (changed by
the user: renamed, merged into, reassigned, its passage replaced) or `added`
(made by the user). Removed items are kept aside (`Corrected.removed`) with the
corrections that removed them, so they can be shown and restored.

Keeping. A correction never changes once made: a second rename is a second
correction, the later one wins. Undo withdraws a correction (`deleted`, its
revision bumped), redo makes it again; so two windows never edit the same
record's content, each window's corrections survive the other's, and
`annotation.newer` decides between two copies of a record, in the store, in
import and in export. They live in the notes database, in a `corrections`
table beside each article's annotations (see `readerapp.core.store`), and the
Notebook saves them on its writer thread with the annotations, on one undo stack.

Modules: `record` (the records and their JSON), `edits` (withdraw and restore,
replayed on the stored record), `working` and `matching` (the analysis while
corrections apply, and finding their items), `corrected` (the fold, `apply`,
and its result, `Corrected`), `fixes` (building a correction from what the reader shows),
`palette` (every correction that can be made now, named for the palette).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from readerapp.core.corrections.record import (
    AllegationRef,
    Correction,
    Fix,
    QuoteRef,
    SpeakerRef,
)

if TYPE_CHECKING:
    from readerapp.core.corrections.corrected import Corrected, Orphan, Removed, apply

__all__ = [
    "AllegationRef",
    "Corrected",
    "Correction",
    "Fix",
    "Orphan",
    "QuoteRef",
    "Removed",
    "SpeakerRef",
    "apply",
]


def __getattr__(name: str) -> Any:
    """`apply` and its result load on first use: the store imports the records only."""
    if name in ("apply", "Corrected", "Orphan", "Removed"):
        from readerapp.core.corrections import corrected as module

        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
