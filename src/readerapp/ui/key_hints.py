"""A one-line footer of the keys that matter where the focus is.

Textual's Footer builds a widget per key, which shows in the time to the first
frame; one line of Text does the same job.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class KeyHints(Static):
    """Shows the bindings marked `show=True` of the focused widget and its ancestors."""

    DEFAULT_CSS = """
    KeyHints {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self.refresh_hints)

    def refresh_hints(self, *_: object) -> None:
        parts: list[tuple[str, str] | str] = []
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            parts.append((f" {binding.key_display or key} ", "bold $footer-key-foreground"))
            parts.append((f"{binding.description} ", "" if active.enabled else "dim"))
        parts += [(" ^p ", "bold $footer-key-foreground"), "Commands"]
        self.update(Content.assemble(*parts))
