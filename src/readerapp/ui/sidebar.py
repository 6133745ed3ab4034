"""The sidebar: the article's speakers and allegations as one keyboard-navigable tree.

Labels are always `rich.text.Text` built from plain strings: Tree turns a `str`
label into markup, and analysis strings are article text, which is data.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Tree

from readerapp.core.annotation import Link
from readerapp.ui.annotation_keys import OnTarget, annotate
from readerapp.ui.keymap import CORRECT_KEYS, SIDEBAR_KEYS, TARGET_KEYS, bindings
from readerapp.ui.messages import (
    CorrectionWanted,
    Intent,
    JumpRequested,
    StatusChanged,
    WidenWanted,
)
from readerapp.ui.palette import swatch
from readerapp.ui.plain import plain
from readerapp.ui.sidebar_items import (
    QUOTATION_MARKS,
    AllegationItem,
    NoteItem,
    OrphanItem,
    QuoteItem,
    RemovedItem,
    SidebarItem,
    SpeakerItem,
    counted,
    excerpt,
)

if TYPE_CHECKING:  # the analysis is imported by its worker, after the first frame
    from textual.widgets.tree import TreeNode  # (its module also loads DirectoryTree)

    from readerapp.core.analysis.model import Allegation, Analysis, Speaker
    from readerapp.core.annotation import Annotation
    from readerapp.core.corrections.corrected import Orphan, Removed
    from readerapp.core.notebook import Placed


ROWS_PER_FRAME = 100  # rows added per frame: thousands of rows never freeze the screen

#: How a corrected item shows what the user did to it (a machine item shows nothing).
STATUS_MARKS = {"confirmed": ("✓ ", "green"), "edited": ("✎ ", "cyan"), "added": ("+ ", "cyan")}


#: Below this many columns for a row's label, rows are cut at the lengths they always were;
#: a wider sidebar (a wide terminal, or W) gives them the room it has.
NARROW_ROOM = 60


def note_label(
    annotation: Annotation, about: str = "", *, changed: bool = False, room: int = 0
) -> Text:
    """Swatch, what it is on, #tags and the note's first line: one row of the Notes list.

    A note on a speaker or an allegation says which ("speaker Maria Lopes",
    "accuser → accused"); a note on a passage quotes its first words.
    """
    if about:
        label = Text.assemble(
            swatch(annotation.colour), plain(excerpt(about, max(36, room // 2)), "bold")
        )
    else:
        # A passage that opens a quotation keeps one pair of quotation marks, not two.
        passage = excerpt(annotation.selector.exact.strip(QUOTATION_MARKS), max(30, room // 2))
        label = Text.assemble(swatch(annotation.colour), plain(f"“{passage}”"))
    if changed:
        label.append("  ⚠ text changed", style="yellow")
    label.append_text(marks(annotation, room))
    return label


def removed_label(removed: Removed) -> str:
    """'speaker Kamal (merged into Mustafa Kamal)', 'quote “…” (removed)'."""
    item = removed.item
    what = getattr(item, "name", "") or getattr(item, "text", "") or getattr(item, "claim", "")
    return f"{removed.kind} {excerpt(what, 40)} ({removed.reason})"


def marks(annotation: Annotation | None, room: int = 0) -> Text:
    """An annotation's #tags and the first line of its note, for any row it belongs to."""
    text = Text()
    if annotation is None:
        return text
    if annotation.tags:
        text.append_text(plain("  " + " ".join(f"#{t}" for t in annotation.tags), "cyan"))
    if annotation.note:
        first = excerpt(annotation.note.splitlines()[0], max(40, room // 2))
        text.append_text(plain(f"  ✎ {first}", "italic"))
    return text


class Sidebar(Tree[SidebarItem]):
    """Speakers (role, quote count, expandable quotes) and allegations (accuser → accused)."""

    BINDINGS = bindings(SIDEBAR_KEYS + TARGET_KEYS + CORRECT_KEYS, "sidebar", priority=True)

    DEFAULT_CSS = """
    Sidebar {
        height: 1fr;
        padding: 0 1;
        background: $panel;
        overflow-x: hidden;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Analysis"), id=id)
        self.show_root = False
        self.guide_depth = 3
        self.speakers_node = self.root.add(Text("Speakers", style="bold"), expand=True)
        self.allegations_node = self.root.add(Text("Allegations", style="bold"), expand=True)
        self.notes_node = self.root.add(Text("Notes", style="bold"), expand=True)
        self.notes_node.add_leaf(Text("loading…", style="italic dim"))
        self.tag_filter = ""
        self.links: dict[Link, str] = {}  # the annotation made on each speaker or allegation
        self.known_tags: list[str] = []  # every tag in use, for completion
        self._changed: frozenset[str] = frozenset()
        self._linked: dict[Link, Annotation] = {}
        self._allegation_names: dict[str, str] = {}  # evidence → "accuser → accused"
        self._notes: tuple[list[Placed], list[Annotation]] = ([], [])
        self._fills: dict[str, int] = {}  # section -> generation of its latest fill
        self._removed: tuple[Removed, ...] = ()
        self._link_names: dict[str, str] = {}
        self._orphans: tuple[Orphan, ...] = ()
        self.showing_removed = False
        self._shown_once = False
        self.settled = False  # the first analysis is in and the cursor rests on its first row
        self._expanded: set[str] = set()  # the speakers whose quotes the user opened
        self._set_aside_node: TreeNode[SidebarItem] | None = None
        # The analysis shown, to draw it again when the sidebar is widened.
        self._view: tuple[Analysis, tuple[Removed, ...], tuple[Orphan, ...], dict[str, str]] | None
        self._view = None
        self.room = 0  # columns for a row's label; 0 while narrow (rows cut as always)
        self._notes_shown = False  # the notes have loaded (until then the section says so)
        self.show_analyzing()

    def show_analyzing(self) -> None:
        for node in (self.speakers_node, self.allegations_node):
            node.remove_children()
            node.add_leaf(Text("analyzing…", style="italic dim"))

    def show_failure(self, reason: str) -> None:
        for node in (self.speakers_node, self.allegations_node):
            node.remove_children()
            node.add_leaf(plain(f"analysis failed: {reason}", "red"))

    def show_analysis(
        self,
        analysis: Analysis,
        removed: tuple[Removed, ...] = (),
        orphans: tuple[Orphan, ...] = (),
        link_names: Mapping[str, str] | None = None,
    ) -> None:
        """The speakers and allegations (corrected: each marked with its status), and what
        the user removed (shown on demand, X) and corrections that no longer apply."""
        self._view = (analysis, removed, orphans, dict(link_names or {}))
        self._removed, self._orphans = removed, orphans
        # A note on a speaker stays with them when the user renames them: it is kept under
        # the name the machine found (displayed name → that name).
        self._link_names = dict(link_names or {})
        if analysis.notice:
            self.root.set_label(plain(analysis.notice, "yellow"))
            self.show_root = True
        self._allegation_names = {a.evidence: AllegationItem(a).label for a in analysis.allegations}
        if self._linked:  # notes on allegations can now say which allegation
            self.show_notes(*self._notes)
        self._fill_in_frames("speakers", self._speaker_rows(analysis.speakers))
        self._fill_in_frames("allegations", self._allegation_rows(analysis.allegations))
        self._show_set_aside()
        first = self.first_item_node()
        if first is not None and not self._shown_once:  # Tab then Enter: the first speaker
            self.call_after_refresh(self._rest_cursor_on, first)
        else:
            self.settled = True
        self._shown_once = True  # a correction redraws: the cursor stays where it was

    def _rest_cursor_on(self, node: TreeNode[SidebarItem]) -> None:
        """Put the cursor on `node`, keeping the top of the list (the titles) in view."""
        self.move_cursor(node, animate=False)
        self.scroll_home(animate=False)
        self.settled = True

    def _fill_in_frames(self, section: str, rows: Iterator[None]) -> None:
        """Add a section's rows ROWS_PER_FRAME at a time, one batch per frame.

        The first batch is added at once; a newer fill of the same section stops this one.
        A cursor that rested on a row of the section rests on the same row afterwards.
        """
        generation = self._fills[section] = self._fills.get(section, 0) + 1
        kept = self.cursor_node.data if self.cursor_node is not None else None

        def next_batch() -> None:
            if self._fills[section] != generation:
                return
            for count, _ in enumerate(rows, 1):
                if count == ROWS_PER_FRAME:
                    self.call_after_refresh(next_batch)
                    return
            if kept is not None:
                self._move_to_item(kept)

        next_batch()

    def _move_to_item(self, item: SidebarItem) -> None:
        """Put the cursor back on the row for the same thing as `item` (its `key`)."""
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None and node.data is not None and node.data.key == item.key:
                if line != self.cursor_line:
                    self.cursor_line = line
                return

    @staticmethod
    def _start_section(node: TreeNode[SidebarItem], title: Text, empty: str | None) -> None:
        """Clear a section, set its title, and say why it is empty when it is."""
        node.remove_children()
        node.set_label(title)
        if empty is not None:
            node.add_leaf(Text(empty, style="italic dim"))

    def _speaker_rows(self, speakers: tuple[Speaker, ...]) -> Iterator[None]:
        node = self.speakers_node
        title = Text.assemble(("Speakers", "bold"), (f"  {len(speakers)}", "dim"))
        self._start_section(node, title, None if speakers else "no speakers found")
        for speaker in speakers:
            item = SpeakerItem(speaker, self._link_names.get(speaker.name, speaker.name))
            expanded = speaker.name in self._expanded  # a correction redraws: keep it open
            child = node.add(self._label(item), data=item, expand=expanded)
            if speaker.role:
                child.add_leaf(plain(excerpt(speaker.role, max(60, self.room - 3)), "italic"))
            if speaker.aliases:
                aliases = excerpt(", ".join(speaker.aliases), max(54, self.room - 9))
                child.add_leaf(plain("also: " + aliases, "dim"))
            for quote in speaker.quotes:
                # Reported speech is not the speaker's own words: no quotation marks.
                short = excerpt(quote.text, max(56, self.room - 5))
                label = Text.assemble(STATUS_MARKS.get(quote.status, ""))
                label.append_text(plain(f"“{short}”" if quote.direct else f"≈ {short}"))
                child.add_leaf(label, data=QuoteItem(speaker, quote, item.link_name))
            yield

    def _allegation_rows(self, allegations: tuple[Allegation, ...]) -> Iterator[None]:
        node = self.allegations_node
        title = Text.assemble(("Allegations", "bold"), (f"  {len(allegations)}", "dim"))
        self._start_section(node, title, None if allegations else "no allegations found")
        for allegation in allegations:
            item = AllegationItem(allegation)
            node.add_leaf(self._label(item), data=item)
            yield

    def _label(self, item: SpeakerItem | AllegationItem) -> Text:
        """A speaker's or an allegation's row, with the tags and note made on it."""
        if isinstance(item, SpeakerItem):
            speaker = item.speaker
            label = Text.assemble(
                STATUS_MARKS.get(speaker.status, ""),
                plain(speaker.name, "bold"),
                (" (anonymous)" if speaker.anonymous else "", "italic"),
                (f"  {counted(len(speaker.quotes), 'quote')}", "dim"),
            )
            link = Link("speaker", item.link_name or speaker.name)
        else:
            allegation = item.allegation
            link = Link("allegation", allegation.evidence)
            linked = marks(self._linked.get(link), self.room)
            status = STATUS_MARKS.get(allegation.status, ("", ""))
            fixed = 5 + len(status[0]) + linked.cell_len  # " → ", ": " and the marks
            whole = len(allegation.accuser) + len(allegation.accused) + len(allegation.claim)
            # A line that fits is whole (at 200 columns most do); else the claim has what
            # the names, cut first, leave.
            names = whole if whole + fixed <= self.room else max(24, self.room // 4)
            accuser = excerpt(allegation.accuser, names)
            accused = excerpt(allegation.accused, names)
            rest = self.room - len(accuser) - len(accused) - fixed
            label = Text.assemble(
                status,
                plain(accuser, "bold"),
                " → ",
                plain(accused, "bold"),
                ": ",
                plain(excerpt(allegation.claim, max(48, rest))),
            )
            label.append_text(linked)
            return label
        label.append_text(marks(self._linked.get(link), self.room))
        return label

    def _relabel_linked_rows(self) -> None:
        """Speakers and allegations show the tags and note made on them, as they change."""
        for section in (self.speakers_node, self.allegations_node):
            for child in section.children:
                if isinstance(child.data, SpeakerItem | AllegationItem):
                    child.set_label(self._label(child.data))

    def about(self, annotation: Annotation) -> str:
        """What a note on a speaker or an allegation is about, as its row names it."""
        link = annotation.link
        if link is None:
            return ""
        if link.kind == "allegation":
            return self._allegation_names.get(link.key, f"allegation: {link.key}")
        shown = {kept: name for name, kept in self._link_names.items()}.get(link.key, link.key)
        return f"{link.kind} {shown}"

    def show_notes(
        self,
        placed: list[Placed],
        orphans: list[Annotation],
        known_tags: list[str] | None = None,
        changed: frozenset[str] | None = None,
    ) -> None:
        """The Notes section: annotations in text order, then the orphaned ones; those in
        `changed` (their passage reads otherwise now) are marked until confirmed."""
        if known_tags is not None:
            self.known_tags = known_tags
        if changed is not None:
            self._changed = changed
        self._notes = (placed, orphans)
        self._notes_shown = True
        every = [p.annotation for p in placed] + orphans
        self._linked = {a.link: a for a in every if a.link is not None}
        self.links = {link: a.id for link, a in self._linked.items()}
        self._relabel_linked_rows()
        node = self.notes_node
        wanted = self.tag_filter.casefold()

        def shown(annotation: Annotation) -> bool:
            return not wanted or any(t.casefold() == wanted for t in annotation.tags)

        visible = [p for p in placed if shown(p.annotation)]
        lost = [a for a in orphans if shown(a)]
        title = Text.assemble(("Notes", "bold"), (f"  {len(visible) + len(lost)}", "dim"))
        if self.tag_filter:
            title.append_text(plain(f"  #{self.tag_filter} (f: change filter)", "cyan"))
        empty = None
        if not visible and not lost:
            empty = (
                "none with this tag"
                if self.tag_filter
                else "none yet: select (v, s, p), then h, t or a"
            )
        self._start_section(node, title, empty)
        self._fill_in_frames("notes", self._note_rows(visible, lost))

    def _note_rows(self, visible: list[Placed], lost: list[Annotation]) -> Iterator[None]:
        for p in visible:
            about = self.about(p.annotation)
            changed = p.annotation.id in self._changed
            label = note_label(p.annotation, about, changed=changed, room=self.room)
            self.notes_node.add_leaf(label, data=NoteItem(p.annotation, p.span, about))
            yield
        if lost:
            orphan_node = self.notes_node.add(
                Text(f"Orphaned {len(lost)}: passage not found in this version", style="yellow"),
                expand=True,
            )
            for annotation in lost:
                about = self.about(annotation)
                label = note_label(annotation, about, room=self.room)
                orphan_node.add_leaf(label, data=NoteItem(annotation, None, about))
                yield

    def _show_set_aside(self) -> None:
        """Removed items (when shown, X) and corrections that no longer apply (always)."""
        if self._set_aside_node is not None:
            self._set_aside_node.remove()
            self._set_aside_node = None
        removed = self._removed if self.showing_removed else ()
        if not removed and not self._orphans:
            return
        title = f"Removed {len(self._removed)}" if self.showing_removed else "Set aside"
        node = self.root.add(Text(title, style="bold yellow"), expand=True)
        for item in removed:
            node.add_leaf(
                plain(f"{removed_label(item)}: x restores", "dim"), data=RemovedItem(item)
            )
        for orphan in self._orphans:  # which correction: its reason is in the detail pane
            set_aside = OrphanItem(orphan)
            label = plain(f"no longer applies: {set_aside.label}", "yellow")
            node.add_leaf(label, data=set_aside)
        self._set_aside_node = node

    def action_toggle_removed(self) -> None:
        """X shows or hides the items the user removed, so they can be restored."""
        self.showing_removed = not self.showing_removed
        self._show_set_aside()
        count = len(self._removed)
        self.post_message(
            StatusChanged(
                f"{count} removed item{'s' if count != 1 else ''} shown: x restores one"
                if self.showing_removed
                else "Removed items hidden"
            )
        )

    def action_correct(self, action: str | None = None) -> None:
        """r (which correction?), x (remove, or restore) on the row under the cursor."""
        item = self.current_item
        if item is None or item.kind is None:
            self.post_message(
                StatusChanged("Corrections act on a speaker, a quote or an allegation: move to one")
            )
            return
        if action == "remove":
            action = "restore" if item.kind == "removed" else f"remove_{item.kind}"
        self.post_message(CorrectionWanted(item.subject, action))

    def filter_by(self, tag: str) -> None:
        """Show only the notes with this tag (empty: all of them)."""
        self.tag_filter = tag
        self.show_notes(*self._notes)

    # -- what the user asks of the row under the cursor --------------------------------

    @property
    def current_item(self) -> SidebarItem | None:
        return self.cursor_node.data if self.cursor_node is not None else None

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[SidebarItem]) -> None:
        if isinstance(event.node.data, SpeakerItem):
            self._expanded.add(event.node.data.speaker.name)

    def on_tree_node_collapsed(self, event: Tree.NodeCollapsed[SidebarItem]) -> None:
        if isinstance(event.node.data, SpeakerItem):
            self._expanded.discard(event.node.data.speaker.name)

    def on_tree_node_selected(self, event: Tree.NodeSelected[SidebarItem]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(JumpRequested(event.node.data.jump()))

    def action_annotate(self, intent: Intent, colour: str | None = None) -> None:
        """h, 1–5, t, a, d on the row under the cursor: its speaker, allegation or note;
        c confirms a speaker, quote or allegation (or a note whose text changed)."""
        item = self.current_item
        if intent == "confirm" and item is not None and item.kind not in (None, "removed"):
            self.post_message(CorrectionWanted(item.subject, f"confirm_{item.kind}"))
            return
        target = item.target(self.links) if item is not None else None
        on = None
        if target is not None and target.annotation_id is not None:
            every = [p.annotation for p in self._notes[0]] + self._notes[1]
            on = next((a for a in every if a.id == target.annotation_id), None)
        current = OnTarget(on.tags, on.note) if on else OnTarget()
        annotate(
            self, target, intent, colour, current=current, known_tags=self.known_tags, rest=False
        )

    def on_resize(self) -> None:
        """Rows use the room a wider sidebar gives them (drawn again when that changed)."""
        room = self.scrollable_content_region.width - 3  # less the guide of a row
        room = room if room > NARROW_ROOM else 0
        if room == self.room:
            return
        self.room = room
        if self._view is not None:
            self.show_analysis(*self._view)
        if self._notes_shown:
            self.show_notes(*self._notes)

    def action_widen(self) -> None:
        self.post_message(WidenWanted())

    def detail(self, item: SidebarItem) -> Text:
        """The whole of a row, for the detail pane: a note with its tags, an allegation's
        claim and evidence, a speaker's role, aliases and every quote."""
        return item.detail(self._linked)

    def first_item_node(self) -> TreeNode[SidebarItem] | None:
        for section in (self.speakers_node, self.allegations_node, self.notes_node):
            for child in section.children:
                if child.data is not None:
                    return child
        return None
