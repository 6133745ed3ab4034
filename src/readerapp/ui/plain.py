"""The one way the UI shows text from outside the program: as plain, safe text.

Article text, titles, file names, notes, tags and analysis strings go on screen
only through these functions. Each passes the text through `safe_text.shown`
(no terminal control can reach the terminal, whatever the source) and hands
Textual a `Text` or `markup=False`, so `[bold]` or `[00]` in an article is shown
as written, never parsed as markup.
"""

from __future__ import annotations

from typing import Any, Literal

from rich.text import Text
from textual.app import App
from textual.widget import Widget

from readerapp.core.safe_text import shown, visible_name

Severity = Literal["information", "warning", "error"]


def plain(text: str, style: str = "") -> Text:
    """Outside text as a Rich `Text` that shows literally."""
    return Text(shown(text), style=style)


def name(path: object, style: str = "") -> Text:
    """A file or folder name, with controls and odd bytes as visible escapes."""
    return Text(visible_name(path), style=style)


def notify(
    node: Widget | App[Any],
    message: str,
    *,
    title: str = "",
    severity: Severity = "information",
    timeout: float | None = None,
) -> None:
    """A notification whose every word is shown as written."""
    node.notify(
        shown(message), title=shown(title), severity=severity, timeout=timeout, markup=False
    )
