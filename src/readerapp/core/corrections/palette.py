"""Every correction a user can make on the analysis shown, named so it can be typed.

The reader's command palette lists `commands(corrected, selection)`: each
names the action and the item (`Rename speaker: Mazhar Abbas`, `Merge
speaker: Kamal into Mustafa Kamal`, `Remove allegation: Mustafa Kamal → South
Africa`, `Add quote (selection)`). A command that needs nothing more
(`ready`) becomes a fix through `fix_for`; the others need the user's input
first (a name, a speaker, the allegation's parties) and then the matching
function of `fixes`. `Restore …` entries lift a removal (`Notebook.restore`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from readerapp.core.analysis.model import Allegation, Quote, Speaker
from readerapp.core.corrections import fixes
from readerapp.core.corrections.corrected import Corrected, Removed
from readerapp.core.corrections.record import Fix

CommandAction = Literal[
    "rename_speaker",  # needs a name (the input holds the current one)
    "change_role",  # needs a role
    "mark_anonymous",
    "mark_named",
    "merge_speaker",
    "remove_speaker",
    "confirm_speaker",
    "reassign_quote",  # needs a speaker (one of the analysis, or a new name)
    "replace_quote",  # takes the selection
    "remove_quote",
    "confirm_quote",
    "add_quote",  # takes the selection; needs a speaker
    "edit_allegation",  # needs accuser, accused, claim (the inputs hold the current ones)
    "replace_evidence",  # takes the selection
    "remove_allegation",
    "confirm_allegation",
    "add_allegation",  # takes the selection; needs accuser, accused, claim
    "restore",  # a removed item back: `Notebook.restore(command.removed)`
]

#: Commands that need the user to type or choose something before they become a fix.
NEEDS_INPUT = frozenset(
    ("rename_speaker", "change_role", "reassign_quote", "add_quote")
    + ("edit_allegation", "add_allegation")
)


@dataclass(frozen=True)
class Command:
    """One palette entry: its label, what it does, and the item it does it to."""

    label: str
    action: CommandAction
    speaker: Speaker | None = None  # the speaker acted on, or the quote's speaker
    quote: Quote | None = None
    allegation: Allegation | None = None
    into: Speaker | None = None  # merge_speaker: the speaker it joins
    removed: Removed | None = None  # restore: what comes back

    @property
    def ready(self) -> bool:
        """Whether it can be done without asking anything more."""
        return self.action not in NEEDS_INPUT


def _speaker_commands(corrected: Corrected) -> list[Command]:
    found: list[Command] = []
    speakers = corrected.analysis.speakers
    for s in speakers:
        found.append(Command(f"Rename speaker: {s.name}", "rename_speaker", s))
        found.append(Command(f"Change role: {s.name}", "change_role", s))
        if s.anonymous:
            found.append(Command(f"Mark named: {s.name}", "mark_named", s))
        else:
            found.append(Command(f"Mark anonymous: {s.name}", "mark_anonymous", s))
        found.extend(
            Command(f"Merge speaker: {s.name} into {other.name}", "merge_speaker", s, into=other)
            for other in speakers
            if other != s
        )
        found.append(Command(f"Remove speaker: {s.name}", "remove_speaker", s))
        if s.status == "machine":
            found.append(Command(f"Confirm speaker: {s.name}", "confirm_speaker", s))
    return found


def _quote_commands(corrected: Corrected, selection: tuple[int, int] | None) -> list[Command]:
    found: list[Command] = []
    for s in corrected.analysis.speakers:
        for q in s.quotes:
            quoted = f"{fixes.short(q.text)} ({s.name})"
            found.append(Command(f"Reassign quote: {quoted}", "reassign_quote", s, q))
            if selection is not None and selection != (q.start, q.end):
                found.append(
                    Command(f"Replace quote with selection: {quoted}", "replace_quote", s, q)
                )
            found.append(Command(f"Remove quote: {quoted}", "remove_quote", s, q))
            if q.status == "machine":
                found.append(Command(f"Confirm quote: {quoted}", "confirm_quote", s, q))
    return found


def _allegation_commands(corrected: Corrected, selection: tuple[int, int] | None) -> list[Command]:
    found: list[Command] = []
    for a in corrected.analysis.allegations:
        who = fixes.parties(a.accuser, a.accused)
        found.append(Command(f"Edit allegation: {who}", "edit_allegation", allegation=a))
        if selection is not None and selection != (a.start, a.end):
            found.append(
                Command(f"Replace evidence with selection: {who}", "replace_evidence", allegation=a)
            )
        found.append(Command(f"Remove allegation: {who}", "remove_allegation", allegation=a))
        if a.status == "machine":
            found.append(Command(f"Confirm allegation: {who}", "confirm_allegation", allegation=a))
    return found


def _restore_commands(corrected: Corrected) -> list[Command]:
    return [Command(fixes.restore_label(r), "restore", removed=r) for r in corrected.removed]


def commands(corrected: Corrected, selection: tuple[int, int] | None = None) -> list[Command]:
    """Every correction that can be made now; `selection` (start, end) adds those that
    take the selected passage."""
    found = _speaker_commands(corrected) + _quote_commands(corrected, selection)
    found += _allegation_commands(corrected, selection)
    if selection is not None and selection[0] < selection[1]:
        found.append(Command("Add quote (selection)", "add_quote"))
        found.append(Command("Add allegation (selection)", "add_allegation"))
    return found + _restore_commands(corrected)


def fix_for(
    corrected: Corrected, command: Command, selection: tuple[int, int] | None = None
) -> Fix | None:
    """The fix of a `ready` command (None: it would change nothing). ValueError for a
    command that needs input, or `restore` (not a fix: `Notebook.restore`)."""
    s, q, a = command.speaker, command.quote, command.allegation
    if command.action == "mark_anonymous" and s is not None:
        return fixes.edit_speaker(corrected, s, anonymous=True)
    if command.action == "mark_named" and s is not None:
        return fixes.edit_speaker(corrected, s, anonymous=False)
    if command.action == "merge_speaker" and s is not None and command.into is not None:
        return fixes.merge_speaker(corrected, s, command.into)
    if command.action == "remove_speaker" and s is not None:
        return fixes.remove_speaker(corrected, s)
    if command.action == "confirm_speaker" and s is not None:
        return fixes.confirm_speaker(corrected, s)
    if command.action == "replace_quote" and q is not None and selection is not None:
        return fixes.replace_quote(corrected, q, selection, speaker=s)
    if command.action == "remove_quote" and q is not None:
        return fixes.remove_quote(corrected, q, speaker=s)
    if command.action == "confirm_quote" and q is not None:
        return fixes.confirm_quote(corrected, q, speaker=s)
    if command.action == "replace_evidence" and a is not None and selection is not None:
        return fixes.replace_evidence(corrected, a, selection)
    if command.action == "remove_allegation" and a is not None:
        return fixes.remove_allegation(corrected, a)
    if command.action == "confirm_allegation" and a is not None:
        return fixes.confirm_allegation(corrected, a)
    raise ValueError(f"{command.action} needs more than the command itself")
