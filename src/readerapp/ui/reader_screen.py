"""The reader: header, the article pane, the sidebar, search and the status line.

The article is readable at once; the analysis runs in a thread worker and fills
the sidebar when it is done, so a long article never blocks the screen.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from readerapp.core.article import Article
from readerapp.ui.annotating import Annotating
from readerapp.ui.article_view import Span
from readerapp.ui.key_hints import KeyHints
from readerapp.ui.keymap import NOTE_KEYS, SCREEN_KEYS, bindings
from readerapp.ui.reading_pane import ReadingPane

if TYPE_CHECKING:
    from textual.widgets import Input

    from readerapp.core.analysis.model import Analysis
    from readerapp.ui.sidebar import Sidebar

SEARCH_STYLE = Style(bgcolor="#5f5f00", color="#ffffff")
FOCUS_STYLE = Style(bgcolor="#1f4e79", color="#ffffff")
CURRENT_STYLE = Style(bgcolor="#d7875f", color="#000000", bold=True)


SIDEBAR_PLACEHOLDER = Text.assemble(
    ("▼ Speakers\n", "bold"),
    ("  analyzing…\n", "italic dim"),
    ("▼ Allegations\n", "bold"),
    ("  analyzing…\n", "italic dim"),
    ("▼ Notes\n", "bold"),
    ("  loading…", "italic dim"),
)


def header_text(article: Article) -> Text:
    details = [article.date.strftime("%-d %B %Y")] if article.date else []
    if article.author:
        details.append(f"by {article.author}")
    source = article.site or urlsplit(article.source_url).hostname or ""
    if source:
        details.append(source)
    details.append(f"{article.word_count:,} words")
    if article.path and article.fetched_at is None:  # a fetched copy's name is made up
        details.append(article.path.name)
    text = Text.assemble((article.title, "bold"), "\n", (" · ".join(details), "dim"))
    if article.standfirst:
        text.append("\n")
        text.append(article.standfirst, style="italic")
    return text


class ReaderScreen(Annotating, Screen[None]):
    """One article, with its analysis and the user's notes in the sidebar."""

    BINDINGS = bindings(SCREEN_KEYS + NOTE_KEYS, "reader")

    def __init__(self, article: Article, *, from_library: bool = False) -> None:
        super().__init__()
        self.article = article
        self.from_library = from_library
        self.analysis: Analysis | None = None
        self.targets: list[Span] = []  # what n/N move between
        self.target_label = ""
        self.target_index = -1
        self._sidebar: Sidebar | None = None

    def compose(self) -> ComposeResult:
        yield Static(header_text(self.article), id="article-header")
        with Horizontal(id="body"):
            with Center(id="reading"):
                yield ReadingPane(self.article.text, self.article.paragraphs, id="article")
            with Vertical(id="sidebar-pane"):
                yield Static(SIDEBAR_PLACEHOLDER, id="sidebar-placeholder")
        yield Static("", id="status")
        yield KeyHints()

    @property
    def view(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def sidebar(self) -> Sidebar:
        """The sidebar tree, mounted on first use (the first frame shows a placeholder)."""
        if self._sidebar is None:
            from readerapp.ui.sidebar import Sidebar

            self._sidebar = Sidebar(id="sidebar")
            pane = self.query_one("#sidebar-pane")
            pane.query("#sidebar-placeholder").remove()
            pane.mount(self._sidebar)
        return self._sidebar

    @property
    def sidebar_has_focus(self) -> bool:
        return self._sidebar is not None and self._sidebar.has_focus

    def on_mount(self) -> None:
        self.view.focus()
        self.set_status("analyzing…")
        if self.article.notice:
            self.notify(
                self.article.notice, title="Encoding", severity="warning", timeout=10, markup=False
            )
        self.view.set_layer("notes", [], Style())  # notes paint under search and focus
        # Start the analysis and the notes after the first frame, so they do not delay it.
        self.call_after_refresh(
            self.run_worker, self._analyze, thread=True, exclusive=True, group="analysis"
        )
        self.call_after_refresh(self.run_worker, self.load_notes, thread=True, group="notes")

    def _analyze(self) -> None:
        from readerapp.core.analysis import analyze

        try:
            analysis = analyze(self.article)
        except Exception as err:  # an analysis bug must not take the reader down
            self.app.call_from_thread(self._analysis_failed, f"{type(err).__name__}: {err}")
            return
        self.app.call_from_thread(self.show_analysis, analysis)

    def _analysis_failed(self, reason: str) -> None:
        self.sidebar.show_failure(reason)
        self.set_status("")
        self.notify(
            f"The analysis failed ({reason}); reading still works.", severity="error", markup=False
        )

    def show_analysis(self, analysis: Analysis) -> None:
        from readerapp.ui.sidebar_items import counted

        self.analysis = analysis
        self.sidebar.show_analysis(analysis)
        self.set_status(
            f"{counted(len(analysis.speakers), 'speaker')}, "
            f"{counted(len(analysis.allegations), 'allegation')}"
        )

    def set_status(self, message: str) -> None:
        self.query_one("#status", Static).update(Text(message))

    # -- targets: search matches or a speaker's quotes, walked with n/N ----------

    def set_targets(self, label: str, spans: list[Span], *, style: Style) -> None:
        self.targets = sorted(spans)
        self.target_label = label
        self.target_index = -1
        self.view.set_layer("focus", self.targets, style)
        self.view.clear_layer("current")
        if not spans:
            self.set_status(f"{label}: none")

    def go_to_target(self, index: int) -> None:
        if not self.targets:
            self.set_status("Nothing to move between: search with / or choose a speaker")
            return
        self.target_index = index % len(self.targets)
        start, end = self.targets[self.target_index]
        self.view.set_layer("current", [(start, end)], CURRENT_STYLE)
        self.view.reveal(start, end)
        self.set_status(f"{self.target_label}: {self.target_index + 1} of {len(self.targets)}")

    def action_next_match(self) -> None:
        if self.target_index < 0 and self.targets:
            cursor = self.view.cursor_offset
            following = [i for i, (s, _) in enumerate(self.targets) if s >= cursor]
            self.go_to_target(following[0] if following else 0)
        else:
            self.go_to_target(self.target_index + 1)

    def action_previous_match(self) -> None:
        self.go_to_target(self.target_index - 1 if self.target_index >= 0 else -1)

    def action_clear(self) -> None:
        search = self.search_input
        if search is not None and search.display:
            search.display = False
            self.view.focus()
            return
        view = self.view
        if view.has_selection or view.selecting:
            view.cancel_selection()
            self.set_status("Selection cancelled")
            return
        if self.targets or view.layer("focus"):
            self.targets = []
            self.target_index = -1
            view.clear_layer("focus")
            view.clear_layer("current")
            self.set_status("")
            return
        if self.from_library:
            self.app.pop_screen()

    # -- search --------------------------------------------------------------------

    @property
    def search_input(self) -> Input | None:
        found = self.query("#search")
        return found.first() if found else None  # type: ignore[return-value]

    def action_search(self) -> None:
        search = self.search_input
        if search is None:  # mounted on first use: one widget less to build at startup
            from readerapp.ui.search_input import SearchInput

            search = SearchInput()
            self.mount(search, before=self.query_one("#status"))
        search.display = True
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.input.display = False
        self.view.focus()
        if self.targets:
            self.action_next_match()

    def run_search(self, query: str) -> None:
        query = query.strip()
        if not query:
            self.set_targets("Search", [], style=SEARCH_STYLE)
            self.view.clear_layer("focus")
            self.set_status("")
            return
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        spans = [m.span() for m in pattern.finditer(self.article.text)]
        self.set_targets(f"“{query}”", spans, style=SEARCH_STYLE)
        if spans:
            self.set_status(f"“{query}”: {len(spans)} matches (Enter, then n/N)")

    # -- sidebar choices -------------------------------------------------------------

    def on_sidebar_chosen(self, event: Sidebar.Chosen) -> None:
        from readerapp.ui.sidebar_items import AllegationItem, NoteItem, QuoteItem, SpeakerItem

        item = event.item
        if isinstance(item, SpeakerItem | QuoteItem):
            speaker = item.speaker
            spans = [(q.start, q.end) for q in speaker.quotes]
            self.set_targets(speaker.name, spans, style=FOCUS_STYLE)
            index = 0
            if isinstance(item, QuoteItem):
                index = self.targets.index((item.quote.start, item.quote.end))
            if spans:
                self.go_to_target(index)
        elif isinstance(item, NoteItem):
            if item.span is None:
                note = f" Note: {item.annotation.note}" if item.annotation.note else ""
                self.notify(
                    f"Orphaned: “{item.annotation.selector.exact}”.{note}",
                    title="Passage not found in this version",
                    timeout=15,
                    markup=False,
                )
                return
            self.view.select_span(*item.span)
            self.view.focus()
        elif isinstance(item, AllegationItem):
            allegation = item.allegation
            label = f"{allegation.accuser} → {allegation.accused}"
            self.set_targets(label, [(allegation.start, allegation.end)], style=FOCUS_STYLE)
            self.go_to_target(0)

    def on_reading_pane_selecting_changed(self, event: ReadingPane.SelectingChanged) -> None:
        # Keys typed quickly (or pasted) can act before this message lands: say only
        # what is still true, so "v s h" ends on "Highlighted", not "Selection kept".
        view = self.view
        if event.selecting and view.selecting:
            self.set_status(
                "Selecting: move to extend · h or 1–5 highlight · t tag · a note · Esc cancels"
            )
        elif not event.selecting and not view.selecting and view.has_selection:
            self.set_status("Selection kept: h, t or a annotates it · Esc cancels")

    def action_toggle_sidebar(self) -> None:
        pane = self.query_one("#sidebar-pane")
        pane.display = not pane.display
        if not pane.display and self.sidebar_has_focus:
            self.view.focus()

    def action_focus_next(self) -> None:
        self.focus_next()

    def action_focus_previous(self) -> None:
        self.focus_previous()
