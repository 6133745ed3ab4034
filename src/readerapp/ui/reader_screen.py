"""The reader: header, the article pane, the sidebar, search and the status line.

The article is readable at once. The analysis runs in a daemon thread (so
quitting never waits for it) and fills the sidebar when it is done; the notes
load in a worker. The widgets own their actions and post messages; this screen
only decides what each message means for the others.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from readerapp.core.article import Article
from readerapp.core.text_search import search_pattern
from readerapp.ui.correcting import Correcting
from readerapp.ui.key_hints import KeyHints
from readerapp.ui.keymap import NOTE_KEYS, SCREEN_KEYS, bindings
from readerapp.ui.messages import (
    AnalysisCorrected,
    AnnotateRequested,
    Arrival,
    CorrectionWanted,
    JumpRequested,
    NotesChanged,
    StatusChanged,
    WidenWanted,
)
from readerapp.ui.note_taking import NoteTaking
from readerapp.ui.palette import CHOSEN_QUOTE, SEARCH_MATCH
from readerapp.ui.plain import name, notify, plain
from readerapp.ui.reading_pane import ReadingPane
from readerapp.ui.status_line import StatusLine

if TYPE_CHECKING:
    from textual.widgets import Input, Tree

    from readerapp.core.analysis.model import Analysis
    from readerapp.core.notebook import Notebook
    from readerapp.ui.search_input import SearchInput
    from readerapp.ui.session import Session
    from readerapp.ui.sidebar import Sidebar
    from readerapp.ui.sidebar_items import SidebarItem

#: How often a reader looks whether another window changed its notes (a stat, no parsing).
CHANGES_POLL_SECONDS = 2.0
ANALYSIS_WAITS_FOR_NOTES = 0.5  # seconds: the analysis starts then if the notes are not in

#: What W (or w in the sidebar) makes of the sidebar, in turn: as the layout gives it,
#: wide, the whole screen (app.tcss).
SIDEBAR_WIDTHS = ("", "sidebar-wide", "sidebar-max")
SIDEBAR_WIDTH_NAMES = ("as it was", "wide", "maximised")

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
    text = Text.assemble(plain(article.title, "bold"), "\n", plain(" · ".join(details), "dim"))
    if article.path and article.fetched_at is None:  # a fetched copy's name is made up
        text.append(" · ", style="dim")
        text.append_text(name(article.path.name, "dim"))
    if article.standfirst:
        text.append("\n")
        text.append_text(plain(article.standfirst, "italic"))
    return text


@dataclass
class AnalysisDone(Message):
    """The analysis thread finished: its result, or why it failed."""

    analysis: Analysis | None
    failure: str = ""


class ReaderScreen(Screen[None]):
    """One article, with its analysis and the user's notes in the sidebar."""

    BINDINGS = bindings(SCREEN_KEYS + NOTE_KEYS, "reader")

    #: A wide terminal gives the sidebar what the reading width leaves (see app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-normal"), (150, "-wide")]

    def __init__(
        self,
        article: Article,
        session: Session,
        *,
        from_library: bool = False,
        arrival: Arrival | None = None,
    ) -> None:
        super().__init__()
        from readerapp.ui.arriving import Arriving

        self.article = article
        self.session = session
        self.from_library = from_library
        self.analysis: Analysis | None = None
        self.analysis_failed = ""
        self.notes = NoteTaking(self, article, session)
        self.correcting = Correcting(self, self.notes)
        self._shown_view: tuple[object, ...] = ()
        self._sidebar: Sidebar | None = None
        self._stop_analysis = threading.Event()
        self._analysis_started = False
        self.arriving = Arriving(self, arrival)  # opened from a list across articles

    def compose(self) -> ComposeResult:
        yield Static(header_text(self.article), id="article-header")
        with Horizontal(id="body"):
            with Center(id="reading"):
                yield ReadingPane(self.article.text, self.article.paragraphs, id="article")
            with Vertical(id="sidebar-pane"):
                yield Static(SIDEBAR_PLACEHOLDER, id="sidebar-placeholder")
        yield StatusLine()
        yield KeyHints()

    @property
    def pane(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def sidebar(self) -> Sidebar:
        """The sidebar tree, mounted on first use (the first frame shows a placeholder)."""
        if self._sidebar is None:
            from readerapp.ui.detail_pane import DetailPane
            from readerapp.ui.sidebar import Sidebar

            self._sidebar = Sidebar(id="sidebar")
            pane = self.query_one("#sidebar-pane")
            pane.query("#sidebar-placeholder").remove()
            pane.mount(self._sidebar, DetailPane(id="sidebar-detail"))
        return self._sidebar

    @property
    def notebook(self) -> Notebook | None:
        """The article's notebook once loaded (None while loading)."""
        return self.notes.notebook

    def on_mount(self) -> None:
        self.pane.focus()
        self.status.at(*self.pane.position())  # where the cursor is, from the first frame
        self.status.say("analyzing…")
        if self.article.notice:
            notify(self, self.article.notice, title="Encoding", severity="warning", timeout=10)
        self.pane.set_layer("notes", [], Style())  # notes paint under search and focus
        # After the first frame, so they do not delay it: the user's notes first, then the
        # analysis, which would otherwise hold the interpreter while a thousand notes load
        # (it starts anyway if the notes take long, say on a slow disk).
        self.call_after_refresh(self.arriving.started)
        self.call_after_refresh(self.run_worker, self._load_notes, thread=True, group="notes")
        self.set_timer(ANALYSIS_WAITS_FOR_NOTES, self._start_analysis)
        self.set_interval(CHANGES_POLL_SECONDS, self._poll_changes)

    def on_unmount(self) -> None:
        self._stop_analysis.set()
        self.notes.close()

    # -- the analysis ------------------------------------------------------------------

    def _start_analysis(self) -> None:
        if self._analysis_started:
            return
        self._analysis_started = True
        threading.Thread(target=self._analyze, name="readerapp-analysis", daemon=True).start()

    def _analyze(self) -> None:
        """Analysis thread: a daemon, so quitting never waits for a long analysis."""
        from readerapp.core.analysis import analyze

        try:
            # Stops between slices when the screen goes away, so it never outlives it.
            analysis = analyze(self.article, should_stop=self._stop_analysis.is_set)
        except Exception as err:  # an analysis bug must not take the reader down
            self.post_message(AnalysisDone(None, f"{type(err).__name__}: {err}"))
            return
        if not self._stop_analysis.is_set():
            self.post_message(AnalysisDone(analysis))

    @on(AnalysisDone)
    def _analysis_done(self, done: AnalysisDone) -> None:
        if done.analysis is None:
            self.analysis_failed = done.failure
            self.sidebar.show_failure(done.failure)
            self.status.say("")
            notify(
                self,
                f"The analysis failed ({done.failure}); reading still works.",
                severity="error",
            )
        else:
            self.show_analysis(done.analysis)

    def show_analysis(self, analysis: Analysis) -> None:
        """The machine's analysis arrived: shown with the user's corrections applied."""
        from readerapp.ui.sidebar_items import counted

        self.analysis = self.correcting.machine = analysis
        self._show_corrected()
        if self.status.text in ("analyzing…", ""):  # never over what the user was just told
            self.status.say(
                f"{counted(len(analysis.speakers), 'speaker')}, "
                f"{counted(len(analysis.allegations), 'allegation')}"
            )
        if analysis.notice:  # a partial result: the sidebar says so too
            notify(self, analysis.notice, title="Analysis", severity="warning", timeout=15)

    def _show_corrected(self) -> None:
        """The sidebar shows the analysis with the corrections applied (redrawn only when
        that changed: a redraw while the user moves in the list would be felt)."""
        shown = self.correcting.refresh()
        if shown is not None:
            names = {s.name: shown.speaker_ref(s).name for s in shown.analysis.speakers}
            view = (shown.analysis, shown.removed, shown.orphans, names)
        elif self.analysis is not None:
            view = (self.analysis, (), (), {s.name: s.name for s in self.analysis.speakers})
        else:
            return
        if view != self._shown_view:
            self._shown_view = view
            self.sidebar.show_analysis(*view)

    @on(CorrectionWanted)
    def _correction_wanted(self, wanted: CorrectionWanted) -> None:
        selection = self.pane.selection_span if self.pane.has_selection else None
        self.correcting.wanted(wanted, selection)

    @on(AnalysisCorrected)
    def _analysis_corrected(self, corrected: AnalysisCorrected) -> None:
        self._show_corrected()
        self.status.say(corrected.status)

    # -- the notes -----------------------------------------------------------------------

    def _load_notes(self) -> None:
        """Worker thread: the notebook, read and anchored; shown on the event loop."""
        notebook = self.notes.load()
        self.app.call_from_thread(self._notes_loaded, notebook)

    def _notes_loaded(self, notebook: Notebook) -> None:
        self.call_after_refresh(self._start_analysis)  # once the notes are drawn
        self._show_notes_of(notebook)
        self.notes.loaded(notebook)
        self.arriving.notes_loaded(notebook)
        if self.analysis is not None:  # the corrections kept with the notes apply now
            self._show_corrected()
        orphans = len(notebook.orphans)
        if orphans:
            notify(
                self,
                f"{orphans} note{'s' if orphans != 1 else ''} could not be placed: the article "
                "changed. They are listed under Notes → Orphaned.",
                severity="warning",
            )

    def _show_notes(self, rest_on: tuple[int, int] | None = None) -> None:
        if self.notes.notebook is not None:
            self._show_notes_of(self.notes.notebook, rest_on)

    def _show_notes_of(self, notebook: Notebook, rest_on: tuple[int, int] | None = None) -> None:
        placed, known = notebook.placed, notebook.all_tags()
        changed = frozenset(p.annotation.id for p in placed if p.text_changed(self.article))
        self.pane.show_notes(placed, known, rest_on=rest_on)
        self.sidebar.show_notes(placed, notebook.orphans, known, changed)

    def _poll_changes(self) -> None:
        if self.notes.notebook is not None:
            self.run_worker(
                self.notes.check_for_changes, thread=True, exclusive=True, group="changes"
            )

    @on(NotesChanged)
    def _notes_changed(self, changed: NotesChanged) -> None:
        self._show_notes(changed.rest_on)
        if self.analysis is not None:  # an undo, or another window, may have corrected it
            self._show_corrected()
        if changed.notice:
            notify(self, changed.notice, title="Another window", severity="warning", timeout=10)

    @on(AnnotateRequested)
    def _annotate(self, request: AnnotateRequested) -> None:
        self.notes.handle(request)

    def action_undo(self) -> None:
        self.notes.undo()

    def action_redo(self) -> None:
        self.notes.undo(redo=True)

    def action_filter_tag(self) -> None:
        if self.notes.notebook is None:
            return
        from readerapp.ui.tag_screen import TagScreen

        sidebar = self.sidebar

        def apply(tags: tuple[str, ...] | None) -> None:
            if tags is not None:
                sidebar.filter_by(tags[0] if tags else "")
                self.query_one("#sidebar-pane").display = True

        current = (sidebar.tag_filter,) if sidebar.tag_filter else ()
        known = self.notes.notebook.all_tags()
        what = "the Notes list filter (empty: all)"
        self.app.push_screen(TagScreen(current, known, what, replace=True), apply)

    def action_export(self) -> None:
        if self.notes.notebook is None:
            return
        from readerapp.ui.export_screen import ExportChoice, ExportScreen

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                fmt, path = choice
                analysis = self.analysis
                self.run_worker(lambda: self.notes.export(fmt, analysis, path), thread=True)

        self.app.push_screen(ExportScreen(self.article), chosen)

    # -- status, choosing rows, moving between targets -----------------------------------

    @on(StatusChanged)
    def _status(self, changed: StatusChanged) -> None:
        self.status.say(changed.text)

    @on(JumpRequested)
    def _jump(self, request: JumpRequested) -> None:
        jump = request.jump
        pane = self.pane
        if jump.notice:
            notify(self, jump.notice, title=jump.label, timeout=15)
        elif jump.select:
            pane.select_span(*jump.spans[0])
            pane.focus()
        else:
            pane.set_targets(jump.label, jump.spans, CHOSEN_QUOTE)
            if jump.spans:
                pane.go_to_target(jump.index)
            else:
                self.status.say(f"{jump.label}: none")

    @on(ReadingPane.Moved)
    def _moved(self, moved: ReadingPane.Moved) -> None:
        self.status.at(moved.paragraph, moved.paragraphs, moved.percent)

    @on(ReadingPane.SelectingChanged)
    def _selecting_changed(self, event: ReadingPane.SelectingChanged) -> None:
        # Keys typed quickly (or pasted) can act before this message lands: say only
        # what is still true, so "v s h" ends on "Highlighted", not "Selection kept".
        pane = self.pane
        if event.selecting and pane.selecting:
            self.status.say(
                "Selecting: move to extend · h or 1–5 highlight · t tag · a note · Esc cancels"
            )
        elif not event.selecting and not pane.selecting and pane.has_selection:
            self.status.say("Selection kept: h, t or a annotates it · Esc cancels")
        elif not pane.has_selection and self.status.text.startswith(("Selection", "Selecting")):
            self.status.say("")  # a movement dropped the selection: nothing is selected now

    def action_next_match(self) -> None:
        self.pane.next_target()

    def action_previous_match(self) -> None:
        self.pane.previous_target()

    def action_clear(self) -> None:
        pane = self.pane
        if pane.has_selection or pane.selecting:
            pane.cancel_selection()
            self.status.say("Selection cancelled")
        elif pane.clear_targets():
            self.status.say("")
        elif self.from_library:
            self.app.pop_screen()

    # -- search ----------------------------------------------------------------------------

    def action_search(self) -> None:
        from readerapp.ui.search_input import SearchInput  # on first use, not at startup

        found = self.query(SearchInput)
        search = found.first() if found else SearchInput(self.session.search_history)
        if not found:
            self.mount(search, before=self.status)
        search.open()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self._search(event.value.strip())

    def _search(self, query: str) -> None:
        pane = self.pane
        if not query:
            pane.clear_targets()
            self.status.say("")
            return
        spans = [m.span() for m in search_pattern(query).finditer(self.article.text)]
        label = f"“{query}”"
        pane.set_targets(label, spans, SEARCH_MATCH)
        if spans:
            self.status.say(f"{label}: {len(spans)} matches (Enter, then n/N)")
        else:
            self.status.say(f"{label}: none")

    def on_search_input_closed(self, event: SearchInput.Closed) -> None:
        self.pane.focus()
        if event.jump and self.pane.targets:
            self.pane.next_target()

    # -- panes ---------------------------------------------------------------------------

    def action_toggle_sidebar(self) -> None:
        pane = self.query_one("#sidebar-pane")
        pane.display = not pane.display
        if not pane.display and self._sidebar is not None and self._sidebar.has_focus:
            self.pane.focus()

    @on(WidenWanted)
    def action_widen_sidebar(self) -> None:
        """W: the sidebar wide, then the whole screen, then back as it was."""
        body = self.query_one("#body")
        now = next((i for i, c in enumerate(SIDEBAR_WIDTHS) if c and body.has_class(c)), 0)
        after = (now + 1) % len(SIDEBAR_WIDTHS)
        body.remove_class(*SIDEBAR_WIDTHS[1:])
        if after:
            body.add_class(SIDEBAR_WIDTHS[after])
            self.query_one("#sidebar-pane").display = True
            self.sidebar.focus()  # in the whole screen, nothing else is left to focus
        elif self._sidebar is not None and self._sidebar.has_focus:
            self.pane.focus()
        following = SIDEBAR_WIDTH_NAMES[(after + 1) % len(SIDEBAR_WIDTHS)]
        self.status.say(f"Sidebar {SIDEBAR_WIDTH_NAMES[after]} (W again: {following})")

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[SidebarItem]) -> None:
        """The detail pane under the sidebar shows the whole of the row under the cursor."""
        if self._sidebar is not None and event.node.data is not None:
            from readerapp.ui.detail_pane import DetailPane

            detail = self._sidebar.detail(event.node.data)
            self.query_one("#sidebar-detail", DetailPane).show(detail)

    def action_focus_next(self) -> None:
        self.focus_next()

    def action_focus_previous(self) -> None:
        self.focus_previous()
