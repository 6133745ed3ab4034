"""Tag input: comma-separated tags, completed from the tags already in use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Static

from readerapp.core.safe_text import clean_line, shown
from readerapp.ui.dialog import Dialog
from readerapp.ui.plain import plain


def parse_tags(value: str) -> tuple[str, ...]:
    """'needs source, Quote ,needs source' -> ('needs source', 'Quote'): trimmed, no repeats."""
    tags: dict[str, str] = {}
    for part in value.split(","):
        tag = clean_line(part)
        if tag and tag.casefold() not in tags:
            tags[tag.casefold()] = tag
    return tuple(tags.values())


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


class TagScreen(Dialog[tuple[str, ...] | None]):
    """Enter saves the tags (an empty line removes them all); Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="tags.cancel")]

    def __init__(self, current: tuple[str, ...], known: list[str], what: str) -> None:
        super().__init__()
        self.current = current
        self.known = known
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(f"Tags for {self.what}", "bold"))
            yield Input(
                shown(", ".join(self.current)),
                placeholder="needs source, disputed, …",
                suggester=TagSuggester(self.known),
                id="tags",
            )
            hint = "Comma-separated. → accepts a completion. Enter saves, Esc cancels."
            if self.known:
                hint += "\nIn use: " + ", ".join(self.known[:12])
            yield Static(plain(hint, "dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
