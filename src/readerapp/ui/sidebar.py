"""The sidebar: the article's speakers and allegations as one keyboard-navigable tree.

Labels are always `rich.text.Text` built from plain strings: Tree turns a `str`
label into markup, and analysis strings are article text, which is data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from readerapp.ui.keymap import SIDEBAR_KEYS, bindings

if TYPE_CHECKING:  # the analysis is imported by its worker, after the first frame
    from readerapp.core.analysis.model import Allegation, Analysis, Quote, Speaker


def excerpt(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return (cut or flat[: limit - 1]) + "…"


@dataclass(frozen=True)
class SpeakerItem:
    speaker: Speaker


@dataclass(frozen=True)
class QuoteItem:
    speaker: Speaker
    quote: Quote


@dataclass(frozen=True)
class AllegationItem:
    allegation: Allegation


SidebarItem = SpeakerItem | QuoteItem | AllegationItem | None


class Sidebar(Tree[SidebarItem]):
    """Speakers (role, quote count, expandable quotes) and allegations (accuser → accused)."""

    BINDINGS = bindings(SIDEBAR_KEYS, "sidebar")

    @dataclass
    class Chosen(Message):
        """The user chose a speaker, a quote or an allegation."""

        item: SpeakerItem | QuoteItem | AllegationItem

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Analysis"), id=id)
        self.show_root = False
        self.guide_depth = 3
        self.speakers_node = self.root.add(Text("Speakers", style="bold"), expand=True)
        self.allegations_node = self.root.add(Text("Allegations", style="bold"), expand=True)
        self.show_analyzing()

    def show_analyzing(self) -> None:
        for node in (self.speakers_node, self.allegations_node):
            node.remove_children()
            node.add_leaf(Text("analyzing…", style="italic dim"))

    def show_failure(self, reason: str) -> None:
        for node in (self.speakers_node, self.allegations_node):
            node.remove_children()
            node.add_leaf(Text(f"analysis failed: {reason}", style="red"))

    def show_analysis(self, analysis: Analysis) -> None:
        self._fill_speakers(analysis.speakers)
        self._fill_allegations(analysis.allegations)
        first = self.first_item_node()
        if first is not None:  # Tab then Enter chooses the first speaker
            self.call_after_refresh(self.move_cursor, first)

    def _fill_speakers(self, speakers: tuple[Speaker, ...]) -> None:
        node = self.speakers_node
        node.remove_children()
        node.set_label(Text.assemble(("Speakers", "bold"), (f"  {len(speakers)}", "dim")))
        if not speakers:
            node.add_leaf(Text("no speakers found", style="italic dim"))
        for speaker in speakers:
            count = len(speaker.quotes)
            label = Text.assemble(
                (speaker.name, "bold"),
                (" (anonymous)" if speaker.anonymous else "", "italic"),
                (f"  {count} quote{'s' if count != 1 else ''}", "dim"),
            )
            child = node.add(label, data=SpeakerItem(speaker))
            if speaker.role:
                child.add_leaf(Text(excerpt(speaker.role, 60), style="italic"))
            if speaker.aliases:
                child.add_leaf(Text("also: " + excerpt(", ".join(speaker.aliases), 54), "dim"))
            for quote in speaker.quotes:
                child.add_leaf(
                    Text(f"“{excerpt(quote.text, 58)}”"), data=QuoteItem(speaker, quote)
                )

    def _fill_allegations(self, allegations: tuple[Allegation, ...]) -> None:
        node = self.allegations_node
        node.remove_children()
        node.set_label(Text.assemble(("Allegations", "bold"), (f"  {len(allegations)}", "dim")))
        if not allegations:
            node.add_leaf(Text("no allegations found", style="italic dim"))
        for allegation in allegations:
            label = Text.assemble(
                (excerpt(allegation.accuser, 24), "bold"),
                " → ",
                (excerpt(allegation.accused, 24), "bold"),
                ": ",
                excerpt(allegation.claim, 48),
            )
            node.add_leaf(label, data=AllegationItem(allegation))

    def on_tree_node_selected(self, event: Tree.NodeSelected[SidebarItem]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Chosen(event.node.data))

    def first_item_node(self) -> TreeNode[SidebarItem] | None:
        for section in (self.speakers_node, self.allegations_node):
            for child in section.children:
                if child.data is not None:
                    return child
        return None
