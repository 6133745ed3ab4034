"""What the sidebar's rows stand for, and what each does when chosen or annotated.

Each kind of row answers the two questions the reader asks of it: what to show
in the article when it is chosen (`jump`), and what an annotation key made on
it is about (`target`). So no one switches over the kinds of row.

Kept apart from the Tree widget so the reader can start without importing the
Tree, which is mounted only when the first analysis or notes arrive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from readerapp.core.annotation import Link
from readerapp.core.target import Target
from readerapp.ui.messages import Jump

if TYPE_CHECKING:
    from readerapp.core.analysis.model import Allegation, Quote, Speaker
    from readerapp.core.annotation import Annotation
    from readerapp.core.corrections.corrected import Orphan, Removed

Links = Mapping[Link, str]  # the annotation id made on each speaker or allegation
Linked = Mapping[Link, "Annotation"]  # the annotation made on each speaker or allegation


def counted(number: int, noun: str) -> str:
    """'1 quote', '3 quotes'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def excerpt(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return (cut or flat[: limit - 1]) + "…"


QUOTATION_MARKS = " \"“”'‘’"


def passage_label(text: str) -> str:
    """A passage as dialogs and the status line name it: “the first words…”.

    A passage that opens a quotation keeps one pair of quotation marks, not two.
    """
    return f"“{excerpt(text.strip(QUOTATION_MARKS), 40)}”"


@dataclass(frozen=True)
class SpeakerItem:
    speaker: Speaker
    link_name: str = ""  # the name notes on this speaker are kept under (the machine's)
    kind = "speaker"  # what a correction of this row acts on (None: nothing)

    @property
    def subject(self) -> Speaker:
        return self.speaker

    @property
    def key(self) -> tuple[object, ...]:
        """Who the row is, across redraws (a rename keeps the machine's name)."""
        return ("speaker", self.link_name or self.speaker.name)

    def jump(self) -> Jump:
        return Jump(self.speaker.name, tuple((q.start, q.end) for q in self.speaker.quotes))

    def detail(self, linked: Linked) -> Text:
        """Everything about them, for the detail pane (with the note made on them)."""
        from readerapp.ui.details import speaker_detail

        return speaker_detail(
            self.speaker, linked.get(Link("speaker", self.link_name or self.speaker.name))
        )

    def target(self, links: Links) -> Target | None:
        if not self.speaker.quotes:
            return None
        link = Link("speaker", self.link_name or self.speaker.name)
        quote = self.speaker.quotes[0]
        return Target(
            (quote.start, quote.end), links.get(link), link, f"speaker {self.speaker.name}"
        )


@dataclass(frozen=True)
class QuoteItem:
    speaker: Speaker
    quote: Quote
    link_name: str = ""
    kind = "quote"

    @property
    def subject(self) -> Quote:
        return self.quote

    @property
    def key(self) -> tuple[object, ...]:
        return ("quote", self.quote.start, self.quote.end)

    def jump(self) -> Jump:
        spans = tuple((q.start, q.end) for q in self.speaker.quotes)
        return Jump(self.speaker.name, spans, spans.index((self.quote.start, self.quote.end)))

    def detail(self, linked: Linked) -> Text:
        from readerapp.ui.details import quote_detail

        return quote_detail(self.speaker, self.quote)

    def target(self, links: Links) -> Target | None:
        return SpeakerItem(self.speaker, self.link_name).target(links)


@dataclass(frozen=True)
class AllegationItem:
    allegation: Allegation
    kind = "allegation"

    @property
    def subject(self) -> Allegation:
        return self.allegation

    @property
    def label(self) -> str:
        return f"{self.allegation.accuser} → {self.allegation.accused}"

    @property
    def key(self) -> tuple[object, ...]:
        return ("allegation", self.allegation.start, self.allegation.end)

    def jump(self) -> Jump:
        return Jump(self.label, ((self.allegation.start, self.allegation.end),))

    def detail(self, linked: Linked) -> Text:
        from readerapp.ui.details import allegation_detail

        return allegation_detail(
            self.allegation, linked.get(Link("allegation", self.allegation.evidence))
        )

    def target(self, links: Links) -> Target | None:
        link = Link("allegation", self.allegation.evidence)
        span = (self.allegation.start, self.allegation.end)
        return Target(span, links.get(link), link, f"allegation {self.label}")


@dataclass(frozen=True)
class NoteItem:
    annotation: Annotation
    span: tuple[int, int] | None  # None: orphaned, its passage is no longer in the text
    about: str = ""  # the speaker or allegation a note is on, as the sidebar names it
    kind = None
    subject = None

    @property
    def key(self) -> tuple[object, ...]:
        return ("note", self.annotation.id)

    def jump(self) -> Jump:
        if self.span is None:
            note = f" Note: {self.annotation.note}" if self.annotation.note else ""
            return Jump(
                "Passage not found in this version",
                notice=f"Orphaned: “{self.annotation.selector.exact}”.{note}",
            )
        return Jump(passage_label(self.annotation.selector.exact), (self.span,), select=True)

    def detail(self, linked: Linked) -> Text:
        from readerapp.ui.details import note_detail

        return note_detail(self.annotation, about=self.about, orphaned=self.span is None)

    def target(self, links: Links) -> Target | None:
        label = self.about or passage_label(self.annotation.selector.exact)
        return Target(self.span, self.annotation.id, self.annotation.link, label)


@dataclass(frozen=True)
class RemovedItem:
    """A speaker, quote or allegation the user removed, shown on demand to be restored."""

    removed: Removed
    kind = "removed"

    @property
    def subject(self) -> Removed:
        return self.removed

    @property
    def key(self) -> tuple[object, ...]:
        return ("removed", self.removed.correction_ids)

    def jump(self) -> Jump:
        from readerapp.core.corrections.fixes import restore_label

        item = self.removed.item
        quotes = getattr(item, "quotes", None)
        if quotes is not None:  # a speaker: all their quotes
            spans = tuple((q.start, q.end) for q in quotes)
        else:
            spans = ((getattr(item, "start", 0), getattr(item, "end", 0)),)
        return Jump(restore_label(self.removed), spans)

    def detail(self, linked: Linked) -> Text:
        from readerapp.core.corrections.fixes import restore_label
        from readerapp.ui.plain import plain

        return plain(f"{restore_label(self.removed)} (x restores it)")

    def target(self, links: Links) -> Target | None:
        return None


@dataclass(frozen=True)
class OrphanItem:
    """A correction that finds nothing to act on in this analysis: listed, never dropped."""

    orphan: Orphan
    kind = None
    subject = None

    @property
    def key(self) -> tuple[object, ...]:
        return ("orphan", self.orphan.correction.id)

    @property
    def label(self) -> str:
        """Which correction, as the palette names it: `Rename speaker: Kamal → Mustafa Kamal`."""
        from readerapp.core.corrections.fixes import label

        return label(self.orphan.correction.fix)

    def jump(self) -> Jump:
        notice = f"{self.label}: {self.orphan.reason}"
        return Jump("A correction that no longer applies", notice=notice)

    def detail(self, linked: Linked) -> Text:
        from readerapp.ui.plain import plain

        return plain(f"A correction that no longer applies: {self.label}\n{self.orphan.reason}")

    def target(self, links: Links) -> Target | None:
        return None


SidebarItem = SpeakerItem | QuoteItem | AllegationItem | NoteItem | RemovedItem | OrphanItem
