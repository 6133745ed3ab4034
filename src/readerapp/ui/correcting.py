"""The reader's side of correcting the analysis: what a correction asked for, done.

The sidebar (the item under its cursor), the article pane (its selection) and the
command palette name a correction as a `Command` (core: `corrections.palette`);
this asks what it still needs (a name, the allegation's parts), builds the fix,
and keeps it with `Notebook.corrections.correct`, which saves it and puts it on
the undo stack `u` walks. The screen then shows the corrected analysis.

The correction modules are imported when first used: a reader that only reads
does not pay for them at startup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from readerapp.ui.messages import AnalysisCorrected, CorrectionWanted, StatusChanged
from readerapp.ui.plain import notify

if TYPE_CHECKING:
    from readerapp.core.analysis.model import Analysis, Speaker
    from readerapp.core.corrections.corrected import Corrected, Removed
    from readerapp.core.corrections.palette import Command
    from readerapp.core.corrections.record import Fix
    from readerapp.ui.note_taking import NoteTaking

Span = tuple[int, int]
Item = "Speaker | Quote | Allegation | Removed"


class Correcting:
    """Corrections of one reader screen's analysis, kept in its article's notebook."""

    def __init__(self, screen: Screen[None], notes: NoteTaking) -> None:
        self.screen = screen
        self.notes = notes
        self.machine: Analysis | None = None  # the automatic analysis, as it came
        self.shown: Corrected | None = None  # with the user's corrections applied

    def refresh(self) -> Corrected | None:
        """The corrected analysis, from the machine's and the corrections now held."""
        notebook = self.notes.notebook
        if self.machine is None or notebook is None:
            return None
        self.shown = notebook.corrections.corrected(self.machine)
        return self.shown

    def say(self, text: str) -> None:
        self.screen.post_message(StatusChanged(text))

    # -- which corrections -------------------------------------------------------------

    def available(self, selection: Span | None = None) -> list[Command]:
        """Every correction that can be made now (the palette lists them all)."""
        from readerapp.core.corrections.palette import commands

        return commands(self.shown, selection) if self.shown is not None else []

    def for_item(self, item: object, selection: Span | None = None) -> list[Command]:
        """The corrections of one speaker, quote, allegation or removed item."""
        return [c for c in self.available(selection) if item in _items_of(c)]

    def for_selection(self, selection: Span) -> list[Command]:
        """What a selection can become, or replace: a new quote or allegation, or the
        passage of a quote or allegation it overlaps."""
        start, end = selection
        found = []
        for command in self.available(selection):
            if command.action in ("add_quote", "add_allegation"):
                found.append(command)
            elif command.action in ("replace_quote", "replace_evidence"):
                item = command.quote or command.allegation
                if item is not None and item.start < end and start < item.end:
                    found.append(command)
        return found

    def wanted(self, request: CorrectionWanted, selection: Span | None) -> None:
        """A correction key: do the one named, or ask which with a menu."""
        if request.item is None:
            if request.selection is None:
                return
            found, title = self.for_selection(request.selection), "The selection:"
            selection = request.selection
        else:
            found, title = self.for_item(request.item, selection), "Correct:"
            if request.action is not None:
                found = [c for c in found if c.action == request.action]
        if not found:
            self.say("Nothing of that kind to correct here")
        elif len(found) == 1 and request.action is not None:
            self.run(found[0], selection)
        else:
            from readerapp.ui.correction_dialogs import CommandMenu

            def chosen(command: Command | None) -> None:
                if command is not None:
                    self.run(command, selection)

            self.screen.app.push_screen(CommandMenu(title, found), chosen)

    # -- doing one ---------------------------------------------------------------------

    def run(self, command: Command, selection: Span | None = None) -> None:
        from readerapp.core.corrections.palette import fix_for

        shown = self.shown
        if shown is None or self.notes.notebook is None:
            self.say("The analysis and your notes are still loading; try again in a moment.")
            return
        if command.action == "restore" and command.removed is not None:
            self._restore(command.removed)
        elif command.ready:
            self._keep(lambda: fix_for(shown, command, selection))
        else:
            self._ask(command, shown, selection)

    def _ask(self, command: Command, shown: Corrected, selection: Span | None) -> None:
        from readerapp.core.corrections import fixes
        from readerapp.ui.correction_dialogs import AllegationScreen, AskScreen

        s, q, a = command.speaker, command.quote, command.allegation
        names = _names(shown.analysis)
        push = self.screen.app.push_screen

        def then(build: Callable[[str], Fix | None]) -> Callable[[str | None], None]:
            return lambda answer: self._keep(lambda: build(answer)) if answer else None

        if command.action == "rename_speaker" and s is not None:
            push(
                AskScreen(f"Rename speaker: {s.name}", s.name, suggestions=names),
                then(lambda name: fixes.rename_speaker(shown, s, name)),
            )
        elif command.action == "change_role" and s is not None:
            push(
                AskScreen(f"Role of {s.name}", s.role),
                then(lambda role: fixes.edit_speaker(shown, s, role=role)),
            )
        elif command.action == "reassign_quote" and q is not None:
            hint = "A name of a speaker above, or a new name (a new speaker)."
            push(
                AskScreen(f"Give {fixes.short(q.text)} to", suggestions=names, hint=hint),
                then(lambda who: fixes.reassign_quote(shown, q, _speaker(shown, who), speaker=s)),
            )
        elif command.action == "add_quote" and selection is not None:
            span = selection
            hint = "A speaker above, or a new name. The selection becomes their quote."
            push(
                AskScreen("Add the selection as a quote of", suggestions=names, hint=hint),
                then(lambda who: fixes.add_quote(shown, span, _speaker(shown, who))),
            )
        elif command.action == "edit_allegation" and a is not None:
            push(
                AllegationScreen(command.label, (a.accuser, a.accused, a.claim), names),
                lambda parts: (
                    self._keep(
                        lambda: fixes.edit_allegation(
                            shown, a, accuser=parts[0], accused=parts[1], claim=parts[2]
                        )
                    )
                    if parts
                    else None
                ),
            )
        elif command.action == "add_allegation" and selection is not None:
            span = selection
            push(
                AllegationScreen("Add allegation (selection as its evidence)", ("", "", ""), names),
                lambda parts: (
                    self._keep(
                        lambda: fixes.add_allegation(
                            shown, span, accuser=parts[0], accused=parts[1], claim=parts[2]
                        )
                    )
                    if parts
                    else None
                ),
            )
        else:
            self.say("That correction needs a selection: select the passage first (v, s, p)")

    def _keep(self, build: Callable[[], Fix | None]) -> None:
        """Build the fix (ValueError: one sentence why not) and keep it."""
        from readerapp.core.corrections import fixes
        from readerapp.core.notebook import ReadOnlyNotebook

        notebook = self.notes.notebook
        assert notebook is not None
        try:
            fix = build()
            if fix is None:
                self.say("Nothing to change: it is like that already")
                return
            notebook.corrections.correct(fix)
        except ValueError as err:
            self.say(str(err))
            return
        except ReadOnlyNotebook as err:
            notify(self.screen, str(err), severity="error")
            return
        self.screen.post_message(AnalysisCorrected(f"{fixes.label(fix)} · u undoes"))

    def _restore(self, removed: Removed) -> None:
        from readerapp.core.notebook import ReadOnlyNotebook

        notebook = self.notes.notebook
        assert notebook is not None
        try:
            change = notebook.corrections.restore(removed)
        except ReadOnlyNotebook as err:
            notify(self.screen, str(err), severity="error")
            return
        if change is None:
            self.say("Nothing to restore")
            return
        self.screen.post_message(AnalysisCorrected(f"{change.description} · u undoes"))


def _items_of(command: Command) -> tuple[object, ...]:
    """What a command is about: the item it acts on (a merge: the speaker merged)."""
    if command.action == "restore":
        return (command.removed,)
    if command.quote is not None:
        return (command.quote,)
    return tuple(i for i in (command.speaker, command.allegation) if i is not None)


def _names(analysis: Analysis) -> list[str]:
    """Who can be named in a correction: the speakers, their aliases, the parties."""
    found: dict[str, None] = {}
    for speaker in analysis.speakers:
        found[speaker.name] = None
        found.update(dict.fromkeys(speaker.aliases))
    for allegation in analysis.allegations:
        found[allegation.accuser] = None
        found[allegation.accused] = None
    return sorted(found, key=str.casefold)


def _speaker(shown: Corrected, typed: str) -> Speaker | str:
    """The speaker of the analysis with that name or alias, else the typed name (new)."""
    key = typed.casefold().strip()
    for speaker in shown.analysis.speakers:
        if key in {speaker.name.casefold(), *(alias.casefold() for alias in speaker.aliases)}:
            return speaker
    return typed.strip()
