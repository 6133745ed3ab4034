"""Every key readerapp answers to, in one table: bindings and the help screen come from it.

Keeping the keymap in one place means the help screen can never disagree with
what the keys do, and every binding carries an id so it can be remapped later.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma-separated
    action: str
    description: str
    group: str
    display: str  # how the help screen and footer write the keys
    footer: str = ""  # a short label shown in the footer; empty keeps the key out of it


# Keys of the article pane (bound on ArticleView, so they act where the cursor is).
ARTICLE_KEYS = (
    Key("down,j", "cursor_down", "Line down", "Reading", "↓ j"),
    Key("up,k", "cursor_up", "Line up", "Reading", "↑ k"),
    Key("left", "cursor_left", "Character left", "Reading", "←"),
    Key("right", "cursor_right", "Character right", "Reading", "→"),
    Key("pagedown,space", "page_down", "Page down", "Reading", "PgDn Space"),
    Key("pageup", "page_up", "Page up", "Reading", "PgUp"),
    Key("g,home", "top", "Top of the article", "Reading", "g Home"),
    Key("G,end", "bottom", "End of the article", "Reading", "G End"),
)

# Keys of the reader screen (act whichever pane has focus).
SCREEN_KEYS = (
    Key("slash", "search", "Search", "Finding", "/", footer="Search"),
    Key("n", "next_match", "Next match / quote", "Finding", "n", footer="Next"),
    Key("N", "previous_match", "Previous match / quote", "Finding", "N"),
    Key("escape", "clear", "Clear highlights, selection", "Finding", "Esc"),
    Key("i", "toggle_sidebar", "Show or hide the sidebar", "Panes", "i", footer="Sidebar"),
    Key("tab", "focus_next", "Next pane", "Panes", "Tab"),
    Key("shift+tab", "focus_previous", "Previous pane", "Panes", "Shift+Tab"),
)

# Keys of the sidebar's tree (bound on the tree itself).
SIDEBAR_KEYS = (
    Key("down,j", "cursor_down", "Next item", "Sidebar", "↓ j"),
    Key("up,k", "cursor_up", "Previous item", "Sidebar", "↑ k"),
    Key("enter", "select_cursor", "Choose: highlight and jump", "Sidebar", "Enter"),
    Key("space", "toggle_node", "Expand or collapse", "Sidebar", "Space"),
)

APP_KEYS = (
    Key("question_mark", "help", "This help", "App", "?", footer="Help"),
    Key("ctrl+p", "command_palette", "Command palette", "App", "Ctrl+P"),
    Key("q", "quit", "Quit", "App", "q", footer="Quit"),
)

LIBRARY_KEYS = (
    Key("enter", "open_article", "Open the article", "Library", "Enter"),
    Key("escape", "back", "Back to the library", "Library", "Esc"),
)


def bindings(keys: tuple[Key, ...], scope: str) -> list[Binding]:
    """Textual bindings for a key table; ids look like 'reader.search'."""
    return [
        Binding(
            k.keys,
            k.action,
            k.footer or k.description,
            show=bool(k.footer),
            key_display=k.display.split()[0] if k.footer else None,
            id=f"{scope}.{k.action}",
            tooltip=k.description,
        )
        for k in keys
    ]


def help_groups() -> dict[str, list[Key]]:
    """The keys grouped by purpose, in the order the help screen shows them."""
    groups: dict[str, list[Key]] = {}
    for key in ARTICLE_KEYS + SCREEN_KEYS + SIDEBAR_KEYS + LIBRARY_KEYS + APP_KEYS:
        groups.setdefault(key.group, []).append(key)
    return groups
