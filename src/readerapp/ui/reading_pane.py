"""The article pane's keys: reading, selecting, annotating, and walking marks with n/N.

`v` starts a selection at the cursor and every movement then extends it, so
word, sentence and paragraph motions double as selection keys. The pane owns
what it shows: the selection, the annotations' marks (and which annotation is
under the cursor), and the *targets* that n/N walk (search matches or a chosen
speaker's quotes). It says what the user asked for in messages to its screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from textual.message import Message

from readerapp.core.safe_text import shown
from readerapp.core.segments import sentence_spans
from readerapp.core.target import Target
from readerapp.ui.annotation_keys import OnTarget, annotate
from readerapp.ui.article_view import LONG_ARTICLE_CHARS, ArticleView, Span
from readerapp.ui.keymap import (
    ARTICLE_KEYS,
    NOTE_MOTION_KEYS,
    SELECT_KEYS,
    SELECTION_CORRECT_KEYS,
    TARGET_KEYS,
    bindings,
)
from readerapp.ui.messages import CorrectionWanted, Intent, StatusChanged
from readerapp.ui.palette import CURRENT_TARGET, highlight_style
from readerapp.ui.plain import notify
from readerapp.ui.sidebar_items import passage_label

if TYPE_CHECKING:
    from readerapp.core.notebook import Placed


@dataclass(frozen=True)
class NoteMark:
    """An annotation as the pane knows it: where it is and which one it is."""

    start: int
    end: int
    annotation_id: str
    exact: str
    tags: tuple[str, ...]
    note: str
    changed: bool = False  # the passage reads otherwise now than when it was annotated


class ReadingPane(ArticleView):
    BINDINGS = bindings(
        ARTICLE_KEYS + SELECT_KEYS + TARGET_KEYS + NOTE_MOTION_KEYS + SELECTION_CORRECT_KEYS,
        "article",
        priority=True,
    )

    @dataclass
    class Moved(Message):
        """The cursor moved: where it is now, to cite it (paragraph, and how far in)."""

        paragraph: int  # 1-based
        paragraphs: int
        percent: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ReadingPane.Moved)

    @dataclass
    class SelectingChanged(Message):
        """`v` switched selection mode on or off, or the selection was dropped: the
        screen says what is true now."""

        selecting: bool

    def __init__(self, text: str, paragraphs: tuple[Span, ...], *, id: str | None = None) -> None:
        super().__init__(text, id=id)
        self.selecting = False
        self.paragraphs = list(paragraphs) or [(0, len(text))]
        self._sentences: list[Span] | None = None
        self.marks: list[NoteMark] = []  # in text order
        self.known_tags: list[str] = []  # every tag in use, for completion
        self.targets: list[Span] = []  # what n/N move between
        self.target_label = ""
        self.target_index = -1

    def on_mount(self) -> None:
        if len(self.text) >= LONG_ARTICLE_CHARS:  # linear in the text: not on the event loop
            self.call_after_refresh(self.run_worker, self._find_sentences, thread=True)

    def _find_sentences(self) -> list[Span]:
        self._sentences = sentence_spans(self.text) or [(0, len(self.text))]
        return self._sentences

    @property
    def sentences(self) -> list[Span]:
        """Found on first use, or after the first frame in a thread for a long article."""
        return self._sentences if self._sentences is not None else self._find_sentences()

    def cancel_selection(self) -> None:
        self.selecting = False
        self.move_to(self.cursor_offset)

    def position(self) -> tuple[int, int, int]:
        """The cursor's paragraph (1-based), how many there are, and how far in (percent)."""
        starts = [s for s, _ in self.paragraphs]
        paragraph = max(1, bisect_right(starts, self.cursor_offset))
        percent = round(100 * self.cursor_offset / max(1, len(self.text)))
        return paragraph, len(self.paragraphs), percent

    def cursor_moved(self) -> None:
        self.post_message(self.Moved(*self.position()))

    def action_toggle_numbers(self) -> None:
        """# shows or hides paragraph numbers, so a passage can be cited by its paragraph."""
        shown = not self.number_cells
        self.number_paragraphs([s for s, _ in self.paragraphs] if shown else None)
        self.say("Paragraph numbers shown" if shown else "Paragraph numbers hidden")

    def go_to_paragraph(self, number: int) -> None:
        index = max(1, min(number, len(self.paragraphs))) - 1
        self.selecting = False
        self.move_to(self.paragraphs[index][0], center=True)
        self.say(f"Paragraph {index + 1} of {len(self.paragraphs)}")

    def action_go_to_paragraph(self) -> None:
        """: asks for a paragraph number and goes there."""
        from readerapp.ui.go_to_screen import GoToScreen

        def chosen(number: int | None) -> None:
            if number is not None:
                self.go_to_paragraph(number)

        self.app.push_screen(GoToScreen(len(self.paragraphs)), chosen)

    def selection_dropped(self) -> None:
        if not self.selecting:
            self.post_message(self.SelectingChanged(False))

    def say(self, text: str) -> None:
        self.post_message(StatusChanged(text))

    def _go(self, offset: int) -> None:
        self.move_to(offset, extend=self.selecting)

    # -- reading keys --------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move_rows(1, extend=self.selecting)

    def action_cursor_up(self) -> None:
        self.move_rows(-1, extend=self.selecting)

    def action_cursor_left(self) -> None:
        self._go(self.cursor_offset - 1)

    def action_cursor_right(self) -> None:
        self._go(self.cursor_offset + 1)

    def action_page_down(self) -> None:
        self.move_page(1, extend=self.selecting)

    def action_page_up(self) -> None:
        self.move_page(-1, extend=self.selecting)

    def action_top(self) -> None:
        self._go(0)
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self._go(len(self.text))
        self.scroll_end(animate=False)

    # -- motions -------------------------------------------------------------------

    def action_word_forward(self) -> None:
        self._go(self.word_end_after(self.cursor_offset))

    def action_word_back(self) -> None:
        self._go(self.word_start_before(self.cursor_offset))

    def _forward(self, spans: list[Span]) -> None:
        starts = [s for s, _ in spans]
        i = bisect_right(starts, self.cursor_offset)
        self._go(starts[i] if i < len(starts) else len(self.text))

    def _back(self, spans: list[Span]) -> None:
        starts = [s for s, _ in spans]
        i = bisect_left(starts, self.cursor_offset) - 1
        self._go(starts[i] if i >= 0 else 0)

    def action_sentence_forward(self) -> None:
        self._forward(self.sentences)

    def action_sentence_back(self) -> None:
        self._back(self.sentences)

    def action_paragraph_forward(self) -> None:
        self._forward(self.paragraphs)

    def action_paragraph_back(self) -> None:
        self._back(self.paragraphs)

    # -- selecting -----------------------------------------------------------------

    def action_toggle_selecting(self) -> None:
        if self.selecting:
            self.selecting = False
        else:
            self.selecting = True
            self.move_to(self.cursor_offset)
        self.post_message(self.SelectingChanged(self.selecting))

    def _span_at(self, spans: list[Span]) -> Span:
        offset = self.cursor_offset
        starts = [s for s, _ in spans]
        i = max(0, bisect_right(starts, offset) - 1)
        return spans[i]

    def _select(self, span: Span) -> None:
        """Select a whole sentence or paragraph; it ends `v` mode, and the status says so."""
        self.selecting = False
        self.select_span(*span, center=False)
        self.post_message(self.SelectingChanged(False))

    def action_select_sentence(self) -> None:
        self._select(self._span_at(self.sentences))

    def action_select_paragraph(self) -> None:
        self._select(self._span_at(self.paragraphs))

    def action_extend(self, rows: int, characters: int) -> None:
        """Shift+arrows: move by a row or a character, keeping the selection's anchor."""
        if rows:
            self.move_rows(rows, extend=True)
        else:
            self.move_to(self.cursor_offset + characters, extend=True)

    def action_copy(self) -> None:
        start, end = self.selection_span
        if start == end:
            notify(self, "Nothing to copy: select a passage first (v, s or p)", severity="warning")
            return
        self.app.copy_to_clipboard(shown(self.text[start:end]))
        notify(self, f"Copied {end - start:,} characters")

    # -- annotations: their marks, the one under the cursor, ] and [ -------------------

    def show_notes(
        self, placed: Sequence[Placed], known_tags: list[str], *, rest_on: Span | None = None
    ) -> None:
        """Draw the annotations; with `rest_on`, the cursor rests at that passage's start."""
        self.known_tags = known_tags
        self.marks = [
            NoteMark(
                p.span[0],
                p.span[1],
                p.annotation.id,
                p.annotation.selector.exact,
                p.annotation.tags,
                p.annotation.note,
                self.text[p.span[0] : p.span[1]] != p.annotation.selector.exact,
            )
            for p in placed
            if p.span is not None
        ]
        self.set_styled_layer(
            "notes",
            (
                (p.span[0], p.span[1], highlight_style(p.annotation.colour))
                for p in placed
                if p.span
            ),
        )
        if rest_on is not None:
            self.selecting = False
            self.move_to(rest_on[0])

    def note_at(self, offset: int) -> NoteMark | None:
        """The shortest annotation whose passage covers `offset`."""
        covering = [m for m in self.marks if m.start <= offset < max(m.end, m.start + 1)]
        return min(covering, key=lambda m: m.end - m.start, default=None)

    def target(self) -> Target | None:
        """The selection, else the annotation under the cursor, else nothing."""
        if self.has_selection:
            start, end = self.selection_span
            return Target((start, end), label=passage_label(self.text[start:end]))
        mark = self.note_at(self.cursor_offset)
        if mark is None:
            return None
        return Target((mark.start, mark.end), mark.annotation_id, label=passage_label(mark.exact))

    def action_correct(self) -> None:
        """r with a selection: what it can become (a quote, an allegation) or replace."""
        if not self.has_selection:
            self.say("Select a passage first (v, s or p), then r to make it a quote or allegation")
            return
        self.post_message(CorrectionWanted(None, None, self.selection_span))

    def action_annotate(self, intent: Intent, colour: str | None = None) -> None:
        mark = None if self.has_selection else self.note_at(self.cursor_offset)
        current = OnTarget(mark.tags, mark.note) if mark else OnTarget()
        annotate(
            self,
            self.target(),
            intent,
            colour,
            current=current,
            known_tags=self.known_tags,
            rest=True,
        )

    def _go_to_note(self, forward: bool) -> None:
        starts = sorted({m.start for m in self.marks})
        if not starts:
            self.say("No annotations in this article yet")
            return
        cursor = self.cursor_offset
        if forward:
            i = bisect_right(starts, cursor)
            start = starts[i] if i < len(starts) else starts[0]
        else:
            i = bisect_left(starts, cursor) - 1
            start = starts[i] if i >= 0 else starts[-1]
        self.selecting = False
        self.move_to(start, center=True)
        mark = self.note_at(start)
        if mark is not None:
            what = ", ".join(f"#{t}" for t in mark.tags) or "no tags"
            if mark.note:
                what += f" · {mark.note.splitlines()[0]}"
            if mark.changed:
                what += " · text changed since: c confirms it"
            self.say(f"Annotation {starts.index(start) + 1} of {len(starts)}: {what}")

    def action_next_note(self) -> None:
        self._go_to_note(forward=True)

    def action_previous_note(self) -> None:
        self._go_to_note(forward=False)

    # -- targets: search matches or a speaker's quotes, walked with n/N ---------------

    def set_targets(self, label: str, spans: Sequence[Span], style: Style) -> None:
        self.targets = sorted(spans)
        self.target_label = label
        self.target_index = -1
        self.set_layer("focus", self.targets, style)
        self.clear_layer("current")

    def clear_targets(self) -> bool:
        """Drop the targets; False if there were none."""
        had = bool(self.targets or self.marks_in("focus"))
        self.targets, self.target_index = [], -1
        self.clear_layer("focus")
        self.clear_layer("current")
        return had

    def go_to_target(self, index: int) -> None:
        if not self.targets:
            self.say("Nothing to move between: search with / or choose a speaker")
            return
        self.target_index = index % len(self.targets)
        start, end = self.targets[self.target_index]
        self.set_layer("current", [(start, end)], CURRENT_TARGET)
        self.reveal(start, end)
        self.say(f"{self.target_label}: {self.target_index + 1} of {len(self.targets)}")

    def next_target(self) -> None:
        if self.target_index < 0 and self.targets:
            following = [i for i, (s, _) in enumerate(self.targets) if s >= self.cursor_offset]
            self.go_to_target(following[0] if following else 0)
        else:
            self.go_to_target(self.target_index + 1)

    def previous_target(self) -> None:
        self.go_to_target(self.target_index - 1 if self.target_index >= 0 else -1)
