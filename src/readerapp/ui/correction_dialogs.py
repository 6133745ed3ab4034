"""The dialogs a correction of the analysis asks with: a name, the allegation's three
parts, or which correction to make of the item under the cursor."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from readerapp.core.corrections.palette import Command
from readerapp.ui.dialog import Dialog, EditorDialog
from readerapp.ui.plain import notify, plain


def _replay_into(field: Input, key: events.Key) -> None:
    if key.key == "backspace":
        field.action_delete_left()
    elif key.is_printable and key.character:
        field.insert_text_at_cursor(key.character)


class AskScreen(EditorDialog[str | None]):
    """One line to type (a name, a role), holding the current value selected, so typing
    replaces it; completes from `suggestions`. Enter answers, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask.cancel")]

    def __init__(
        self, title: str, value: str = "", *, suggestions: Sequence[str] = (), hint: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.suggestions = list(suggestions)
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text, "bold"))
            yield Input(
                self.value,
                suggester=SuggestFromList(self.suggestions, case_sensitive=False),
                id="answer",
            )
            hint = "Enter saves · → accepts a completion · Esc cancels"
            yield Static(plain(f"{self.hint}\n{hint}" if self.hint else hint, "dim"))

    def focus_editor(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.select_all()  # typing replaces the current value

    def replay(self, key: events.Key) -> bool:
        field = self.query_one(Input)
        if key.key == "enter":
            self._answer(field.value)
            return False
        if key.key == "escape":
            self.action_cancel()
            return False
        _replay_into(field, key)
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._answer(event.value)

    def _answer(self, value: str) -> None:
        if not value.strip():
            notify(self, "Type something, or Esc to cancel.", severity="warning")
            return
        self.dismiss(value.strip())

    @property
    def unsaved(self) -> bool:
        return self.query_one(Input).value.strip() != self.value.strip()

    def action_cancel(self) -> None:
        self.dismiss(None)


AllegationParts = tuple[str, str, str]  # accuser, accused, claim


class AllegationScreen(EditorDialog[AllegationParts | None]):
    """Accuser, accused and claim, each completed from the people and organisations of the
    article; Tab moves between them, Enter in the last (or Ctrl+S) saves."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="allegation.cancel"),
        Binding("ctrl+s", "save", "Save", id="allegation.save"),
    ]

    def __init__(self, title: str, parts: AllegationParts, suggestions: Sequence[str]) -> None:
        super().__init__()
        self.title_text = title
        self.parts = parts
        self.suggestions = list(suggestions)

    def compose(self) -> ComposeResult:
        names = SuggestFromList(self.suggestions, case_sensitive=False)
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text, "bold"))
            for label, value, ident in zip(
                ("Accuser", "Accused", "Claim"),
                self.parts,
                ("accuser", "accused", "claim"),
                strict=True,
            ):
                yield Static(plain(label, "dim"))
                yield Input(value, suggester=names if ident != "claim" else None, id=ident)
            yield Static(plain("Tab: next field · Enter in Claim or Ctrl+S saves · Esc", "dim"))

    def focus_editor(self) -> None:
        first = self.query_one("#accuser", Input)
        first.focus()
        first.select_all()

    def replay(self, key: events.Key) -> bool:
        if key.key in ("escape", "ctrl+s"):
            self.action_cancel() if key.key == "escape" else self.action_save()
            return False
        focused = self.focused
        if isinstance(focused, Input):
            _replay_into(focused, key)
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "claim":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        parts = tuple(self.query_one(f"#{i}", Input).value.strip() for i in self.ids)
        if not all(parts):
            notify(
                self, "An allegation needs an accuser, an accused and a claim.", severity="warning"
            )
            return
        self.dismiss((parts[0], parts[1], parts[2]))

    ids = ("accuser", "accused", "claim")

    @property
    def unsaved(self) -> bool:
        return tuple(self.query_one(f"#{i}", Input).value for i in self.ids) != self.parts

    def action_cancel(self) -> None:
        self.dismiss(None)


class CommandMenu(Dialog[Command | None]):
    """The corrections that can be made here: each named with its item, Enter makes it."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="corrections.cancel"),
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
    ]

    def __init__(self, title: str, commands: Sequence[Command]) -> None:
        super().__init__()
        self.title_text = title
        self.commands = list(commands)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text, "bold"))
            yield OptionList(
                *(Option(plain(c.label), id=str(i)) for i, c in enumerate(self.commands))
            )
            yield Static(plain("Enter makes the correction (u undoes it) · Esc cancels", "dim"))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if direction == "down" else options.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.commands[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
