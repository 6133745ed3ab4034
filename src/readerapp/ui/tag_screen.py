"""Tag input: add tags, completed from the tags in use; remove one by unticking it.

Typing adds to the tags already there, never replaces them: removing a tag is
a deliberate, visible act (untick it in the list above the input), so tagging
an annotation a second time cannot silently throw away the first tags.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, SelectionList, Static

from readerapp.core.safe_text import clean_line
from readerapp.ui.dialog import EditorDialog
from readerapp.ui.plain import notify, plain


def parse_tags(value: str) -> tuple[str, ...]:
    """'needs source, Quote ,needs source' -> ('needs source', 'Quote'): trimmed, no repeats."""
    tags: dict[str, str] = {}
    for part in value.split(","):
        tag = clean_line(part)
        if tag and tag.casefold() not in tags:
            tags[tag.casefold()] = tag
    return tuple(tags.values())


def merged(kept: tuple[str, ...], added: tuple[str, ...]) -> tuple[str, ...]:
    """The kept tags, then the added ones not already among them (case aside)."""
    return parse_tags(", ".join(kept + added))


class TagSuggester(Suggester):
    """Completes the tag being typed after the last comma."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        head, _, current = value.rpartition(",")
        typed = current.lstrip()
        if not typed:
            return None
        for tag in self.known:
            if tag.casefold().startswith(typed.casefold()) and tag != typed:
                return value[: len(value) - len(typed)] + tag
        return None


class TagInput(Input):
    """An input where Tab, like →, accepts the completion on offer."""

    BINDINGS = [Binding("tab", "accept_completion", "Accept the completion", show=False)]

    def action_accept_completion(self) -> None:
        before = self.value
        if self.cursor_at_end:
            self.action_cursor_right()  # accepts the suggestion, if there is one
        if self.value == before:
            self.screen.focus_next()


class TagScreen(EditorDialog[tuple[str, ...] | None]):
    """Enter saves the ticked tags plus those typed; Escape cancels.

    With `replace=True` (choosing a filter) there is no list: the input holds the
    current value and Enter returns exactly what it holds.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="tags.cancel")]

    DEFAULT_CSS = """
    TagScreen SelectionList {
        height: auto;
        max-height: 8;
        margin-bottom: 1;
    }
    """

    def __init__(
        self, current: tuple[str, ...], known: list[str], what: str, *, replace: bool = False
    ) -> None:
        super().__init__()
        self.current = current
        self.known = known
        self.what = what
        self.replace = replace

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(f"Tags for {self.what}", "bold"))
            if self.current and not self.replace:
                yield SelectionList[str](
                    *((plain(tag), tag, True) for tag in self.current), id="current-tags"
                )
            yield TagInput(
                ", ".join(self.current) if self.replace else "",
                placeholder="add tags: needs source, disputed, …",
                suggester=TagSuggester(self.known),
                id="tags",
            )
            yield Static(self.hint())

    def hint(self) -> Text:
        keys = "Comma-separated. Tab or → accepts a completion. Enter saves, Esc cancels."
        if self.current and not self.replace:
            keys += "\nShift+Tab to the tags above; Space unticks one to remove it."
        if self.known:
            keys += "\nIn use: " + ", ".join(self.known[:12])
        return plain(keys, "dim")

    def focus_editor(self) -> None:
        self.query_one(TagInput).focus()

    def replay(self, key: events.Key) -> bool:
        field = self.query_one(TagInput)
        if key.key == "enter":
            self.save()
            return False
        if key.key == "escape":
            self.action_cancel()
            return False
        if key.key == "backspace":
            field.action_delete_left()
        elif key.is_printable and key.character:
            field.insert_text_at_cursor(key.character)
        return True

    @property
    def kept(self) -> tuple[str, ...]:
        found = self.query("#current-tags")
        if not found:
            return () if self.replace else self.current
        ticked = set(self.query_one("#current-tags", SelectionList).selected)
        return tuple(tag for tag in self.current if tag in ticked)

    @property
    def result(self) -> tuple[str, ...]:
        typed = parse_tags(self.query_one(TagInput).value)
        return typed if self.replace else merged(self.kept, typed)

    @property
    def unsaved(self) -> bool:
        return self.result != self.current

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def save(self) -> None:
        """Save the tags, unless one is too long or there are too many (say which)."""
        from readerapp.core import limits

        tags = self.result
        problem = limits.TAGS.problem(len(tags))
        if problem is None:
            long = next(filter(None, (limits.TAG.problem(t) for t in tags)), None)
            problem = f"a tag is {long}" if long else None
        if problem is not None:
            notify(self, f"Tags not saved: {problem}.", severity="error")
            return
        self.dismiss(tags)

    def on_selection_list_selection_toggled(
        self, event: SelectionList.SelectionToggled[str]
    ) -> None:
        """An unticked tag is struck through, so the removal is visible before Enter."""
        selection = event.selection_list.get_option_at_index(event.selection_index)
        ticked = selection.value in event.selection_list.selected
        event.selection_list.replace_option_prompt_at_index(
            event.selection_index, plain(selection.value, "" if ticked else "strike dim")
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
