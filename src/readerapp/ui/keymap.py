"""Every key readerapp answers to, in one table: bindings and the help screen come from it.

Keeping the keymap in one place means the help screen can never disagree with
what the keys do, and every binding carries an id so it can be remapped later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma-separated
    action: str
    description: str
    group: str
    display: str  # how the help screen and footer write the keys
    footer: str = ""  # a short label shown in the footer; empty keeps the key out of it
    in_help: bool = True  # False for keys another help row already explains


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
    Key("colon", "go_to_paragraph", "Go to paragraph N", "Reading", ":"),
    Key("number_sign", "toggle_numbers", "Show or hide paragraph numbers", "Reading", "#"),
)

# Cursor and selection keys of the article pane (annotate issue's key table).
SELECT_KEYS = (
    Key("w", "word_forward", "Next word", "Selecting", "w"),
    Key("b", "word_back", "Previous word", "Selecting", "b"),
    Key("right_parenthesis", "sentence_forward", "Next sentence", "Selecting", ")"),
    Key("left_parenthesis", "sentence_back", "Start of sentence / previous", "Selecting", "("),
    Key("right_curly_bracket", "paragraph_forward", "Next paragraph", "Selecting", "}"),
    Key("left_curly_bracket", "paragraph_back", "Start of paragraph / previous", "Selecting", "{"),
    Key(
        "v",
        "toggle_selecting",
        "Start a selection (moves extend it)",
        "Selecting",
        "v",
        footer="Select",
    ),
    Key("s", "select_sentence", "Select the sentence", "Selecting", "s"),
    Key("p", "select_paragraph", "Select the paragraph", "Selecting", "p"),
    Key("shift+down", "extend(1, 0)", "Extend the selection", "Selecting", "Shift+↑↓←→"),
    # One help row above explains all four.
    Key("shift+up", "extend(-1, 0)", "Extend up", "Selecting", "Shift+↑", in_help=False),
    Key("shift+left", "extend(0, -1)", "Extend left", "Selecting", "Shift+←", in_help=False),
    Key("shift+right", "extend(0, 1)", "Extend right", "Selecting", "Shift+→", in_help=False),
    Key("ctrl+c", "copy", "Copy the selection to the clipboard", "Selecting", "Ctrl+C"),
)

# Annotation keys: bound on the article pane and on the sidebar, each of which says what
# they act on (its selection or note under the cursor; the speaker, allegation or note).
TARGET_KEYS = (
    Key("h", "annotate('highlight')", "Highlight the selection", "Annotating", "h", "Highlight"),
    Key(
        "1",
        "annotate('highlight','yellow')",
        "Colour: yellow green blue pink orange",
        "Annotating",
        "1–5",
    ),
    Key(
        "2",
        "annotate('highlight','green')",
        "Highlight / recolour: green",
        "Annotating",
        "2",
        in_help=False,
    ),
    Key(
        "3",
        "annotate('highlight','blue')",
        "Highlight / recolour: blue",
        "Annotating",
        "3",
        in_help=False,
    ),
    Key(
        "4",
        "annotate('highlight','pink')",
        "Highlight / recolour: pink",
        "Annotating",
        "4",
        in_help=False,
    ),
    Key(
        "5",
        "annotate('highlight','orange')",
        "Highlight / recolour: orange",
        "Annotating",
        "5",
        in_help=False,
    ),
    Key("t", "annotate('tag')", "Tag the selection or annotation", "Annotating", "t", footer="Tag"),
    Key("a", "annotate('note')", "Write a note (Ctrl+S saves)", "Annotating", "a", footer="Note"),
    Key("d", "annotate('delete')", "Delete the annotation under the cursor", "Annotating", "d"),
    Key(
        "c",
        "annotate('confirm')",
        "Confirm: the item, or a changed passage",
        "Annotating",
        "c",
    ),
)

# Moving between annotations (the article pane's own keys).
NOTE_MOTION_KEYS = (
    Key("right_square_bracket", "next_note", "Next annotation", "Annotating", "]"),
    Key("left_square_bracket", "previous_note", "Previous annotation", "Annotating", "["),
)

# Annotation keys of the reader screen: they act on the article's notes as a whole.
NOTE_KEYS = (
    Key("u", "undo", "Undo the last change", "Annotating", "u"),
    Key("ctrl+r", "redo", "Redo what u undid", "Annotating", "Ctrl+R"),
    Key("f", "filter_tag", "Filter the annotations list by tag", "Annotating", "f"),
    Key("e", "export", "Export this article's notes", "Annotating", "e"),
)

# Keys of the reader screen (act whichever pane has focus).
SCREEN_KEYS = (
    Key("slash", "search", "Search", "Finding", "/", footer="Search"),
    Key("n", "next_match", "Next match / quote", "Finding", "n", footer="Next"),
    Key("N", "previous_match", "Previous match / quote", "Finding", "N"),
    Key("escape", "clear", "Clear highlights, selection", "Finding", "Esc"),
    Key("i", "toggle_sidebar", "Show or hide the sidebar", "Panes", "i", footer="Sidebar"),
    Key("W", "widen_sidebar", "Widen, maximise the sidebar (w in it)", "Panes", "W"),
    Key("tab", "focus_next", "Next pane", "Panes", "Tab"),
    Key("shift+tab", "focus_previous", "Previous pane", "Panes", "Shift+Tab"),
)

# Correcting the analysis: on the sidebar's speaker, quote or allegation (c confirms one:
# see TARGET_KEYS), or, in the article, on the selection.
CORRECT_KEYS = (
    Key("r", "correct", "Correct the item under the cursor…", "Correcting", "r"),
    Key("x", "correct('remove')", "Remove it (or restore a removed one)", "Correcting", "x"),
    Key("X", "toggle_removed", "Show or hide what you removed", "Correcting", "X"),
)
SELECTION_CORRECT_KEYS = (
    Key(
        "r",
        "correct",
        "The selection as a quote or an allegation…",
        "Correcting",
        "r",
        in_help=False,  # the same key as above: one help row explains both
    ),
)

# Keys of the sidebar's tree (bound on the tree itself).
SIDEBAR_KEYS = (
    Key("down,j", "cursor_down", "Next item", "Sidebar", "↓ j"),
    Key("up,k", "cursor_up", "Previous item", "Sidebar", "↑ k"),
    Key("enter", "select_cursor", "Choose: highlight and jump", "Sidebar", "Enter"),
    Key("space", "toggle_node", "Expand or collapse", "Sidebar", "Space"),
    # The screen's W explains it: in the sidebar, w (next word in the article) widens it.
    Key("w", "widen", "Widen the sidebar", "Sidebar", "w", in_help=False),
)

APP_KEYS = (
    Key("question_mark", "help", "This help", "App", "?", footer="Help"),
    Key("ctrl+p", "command_palette", "Command palette", "App", "Ctrl+P"),
    # Ctrl+Q stays Textual's own priority binding (it reaches action_quit from inside an
    # editor too); the help names it beside q.
    Key("q", "quit", "Quit (asks first if a note is unsaved)", "App", "q Ctrl+Q", footer="Quit"),
)

#: Screens across articles, from anywhere (bound on the app; the palette names them too).
ACROSS_KEYS = (
    Key(
        "T",
        "show_notes",
        "Notes: every note of every article",
        "Library",
        "T",
        footer="Notes",
    ),
    Key(
        "P",
        "show_people",
        "People quoted across the articles",
        "Library",
        "P",
        footer="People",
    ),
    Key("A", "show_allegations", "Allegations: who accuses whom", "Library", "A"),
)

#: The lists of those screens (bound on the list itself).
LIST_KEYS = (
    Key("down,j", "cursor_down", "Next row", "Library", "↓ j", in_help=False),
    Key("up,k", "cursor_up", "Previous row", "Library", "↑ k", in_help=False),
    Key("pagedown,space", "page_down", "Page down", "Library", "PgDn", in_help=False),
    Key("pageup", "page_up", "Page up", "Library", "PgUp", in_help=False),
    Key("g,home", "top", "First row", "Library", "g", in_help=False),
    Key("G,end", "bottom", "Last row", "Library", "G", in_help=False),
    Key(
        "enter",
        "choose",
        "In those: open the article there",
        "Library",
        "Enter",
        footer="Open",
    ),
)

#: Keys of the Notes screen.
NOTES_KEYS = (
    Key(
        "slash",
        "search",
        "In those: search (or the accuser)",
        "Library",
        "/",
        footer="Search",
    ),
    Key(
        "f",
        "filter_tags",
        "In those: tags (or the accused)",
        "Library",
        "f",
        footer="Tags",
    ),
    Key("s", "sort", "In Notes: sort by article, tag, date", "Library", "s", footer="Sort"),
    Key("escape", "back", "In those: back (from a box: the list)", "Library", "Esc", footer="Back"),
)

#: Keys of the People and quotes screens.
PEOPLE_KEYS = (
    Key(
        "slash",
        "search",
        "Find a person: name, alias, role",
        "Library",
        "/",
        footer="Find",
        in_help=False,
    ),
    Key("escape", "back", "Back", "Library", "Esc", footer="Back", in_help=False),
)

#: Keys of the Allegations screen.
ALLEGATION_KEYS = (
    Key(
        "slash",
        "search",
        "Allegations: filter by accuser",
        "Library",
        "/",
        footer="Accuser",
        in_help=False,
    ),
    Key(
        "f",
        "filter_accused",
        "Allegations: filter by accused",
        "Library",
        "f",
        footer="Accused",
        in_help=False,
    ),
    Key("escape", "back", "Back", "Library", "Esc", footer="Back", in_help=False),
)

#: Keys of the detail pane (the whole of the row under the cursor).
DETAIL_KEYS = (
    Key("down,j", "scroll_down", "Scroll the details down", "Library", "↓ j", in_help=False),
    Key("up,k", "scroll_up", "Scroll the details up", "Library", "↑ k", in_help=False),
)

LIBRARY_KEYS = (
    Key("enter", "open_article", "Open the article", "Library", "Enter"),
    Key("escape", "back", "Back to the library", "Library", "Esc"),
)


def bindings(keys: tuple[Key, ...], scope: str, *, priority: bool = False) -> list[BindingType]:
    """Textual bindings for a key table; ids look like 'reader.search' (or 'article.tag').

    `priority` for a widget that takes no typing (the article pane, the sidebar): its
    keys then act as they arrive, in the order typed. Otherwise Textual acts on a key
    only after it has bubbled up, and keys typed in a burst after `a` would reach the
    article before the note editor has opened.
    """
    return [
        Binding(
            k.keys,
            k.action,
            k.footer or k.description,
            show=bool(k.footer),
            key_display=k.display.split()[0] if k.footer else None,
            id=f"{scope}.{binding_name(k.action)}",
            tooltip=k.description,
            priority=priority,
        )
        for k in keys
    ]


def binding_name(action: str) -> str:
    """`annotate('highlight','green')` → `highlight.green`: an id a keymap file can name."""
    name, _, arguments = action.partition("(")
    words = [w.strip(" '\")") for w in arguments.split(",") if w.strip(" '\")")]
    return ".".join(words) if name == "annotate" else ".".join([name, *words])


#: Each key table with the scope its bindings' ids start with (annotation keys are bound in
#: the sidebar too, as `sidebar.…`; the help shows the article's).
SCOPES = (
    (ARTICLE_KEYS, "article"),
    (SELECT_KEYS, "article"),
    (TARGET_KEYS, "article"),
    (NOTE_MOTION_KEYS, "article"),
    (NOTE_KEYS, "reader"),
    (SCREEN_KEYS, "reader"),
    (SIDEBAR_KEYS, "sidebar"),
    (CORRECT_KEYS, "sidebar"),
    (LIBRARY_KEYS, "library"),
    (APP_KEYS, "app"),
    (ACROSS_KEYS, "app"),
    (LIST_KEYS, "list"),
    (NOTES_KEYS, "notes"),
    (PEOPLE_KEYS, "people"),
    (ALLEGATION_KEYS, "allegations"),
    (DETAIL_KEYS, "detail"),
)


@dataclass(frozen=True)
class HelpRow:
    """One key as the help screen shows it: its keys now (remapped or not) and its id."""

    key: Key
    binding_id: str
    display: str


def help_groups(keymap: Mapping[str, str] | None = None) -> dict[str, list[HelpRow]]:
    """The keys grouped by purpose, in the order the help screen shows them, with the keys
    a settings file remapped them to."""
    keymap = keymap or {}
    groups: dict[str, list[HelpRow]] = {}
    for keys, scope in SCOPES:
        for key in keys:
            if not key.in_help:
                continue
            binding_id = f"{scope}.{binding_name(key.action)}"
            remapped = keymap.get(binding_id)
            display = " ".join(remapped.split(",")) if remapped else key.display
            groups.setdefault(key.group, []).append(HelpRow(key, binding_id, display))
    return groups
