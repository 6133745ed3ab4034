"""A one-line footer of the keys that matter where the focus is.

Textual's Footer builds a widget per key, which shows in the time to the first
frame; one line of Text does the same job. On a narrow terminal the hints that
do not fit are left out from the right, but Help, Quit and the command palette
always stay: they are how a user finds everything else.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widgets import Static

#: Always shown, at the end of the line, whatever the width.
ESSENTIAL = ("help", "quit")
PALETTE = (" ^p ", "Commands")


class KeyHints(Static):
    """Shows the bindings marked `show=True` of the focused widget and its ancestors."""

    DEFAULT_CSS = """
    KeyHints {
        dock: bottom;
        height: 1;
        background: $panel;
        color: $text;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self.refresh_hints)

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_hints()

    def refresh_hints(self, *_: object) -> None:
        hints: list[tuple[str, str, bool]] = []
        essential: list[tuple[str, str, bool]] = []
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            hint = (f" {binding.key_display or key} ", f"{binding.description} ", active.enabled)
            (essential if binding.action in ESSENTIAL else hints).append(hint)
        room = self.size.width or 10_000
        room -= sum(cell_len(k + d) for k, d, _ in essential) + cell_len("".join(PALETTE))
        shown = []
        for hint in hints:
            width = cell_len(hint[0] + hint[1])
            if width > room:
                break
            shown.append(hint)
            room -= width
        parts: list[tuple[str, str] | str] = []
        for key, description, enabled in shown + essential:
            parts.append((key, "bold reverse"))
            parts.append((description, "" if enabled else "dim"))
        parts += [(PALETTE[0], "bold reverse"), PALETTE[1]]
        self.update(Content.assemble(*parts))
