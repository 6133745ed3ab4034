"""The article pane's keys: reading, and moving a visible cursor to select passages.

`v` starts a selection at the cursor and every movement then extends it, so
word, sentence and paragraph motions double as selection keys.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from textual.message import Message

from readerapp.core.segments import sentence_spans
from readerapp.ui.article_view import LONG_ARTICLE_CHARS, ArticleView, Span
from readerapp.ui.keymap import ARTICLE_KEYS, SELECT_KEYS, bindings


class ReadingPane(ArticleView):
    BINDINGS = bindings(ARTICLE_KEYS + SELECT_KEYS, "article")

    @dataclass
    class SelectingChanged(Message):
        """`v` switched selection mode on or off, so the screen can say so."""

        selecting: bool

    def __init__(self, text: str, paragraphs: tuple[Span, ...], *, id: str | None = None) -> None:
        super().__init__(text, id=id)
        self.selecting = False
        self.paragraphs = list(paragraphs) or [(0, len(text))]
        self._sentences: list[Span] | None = None

    def on_mount(self) -> None:
        if len(self.text) >= LONG_ARTICLE_CHARS:  # about 0.1 s per MB: not on the event loop
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
            self.notify(
                "Nothing to copy: select a passage first (v, s or p)",
                severity="warning",
                markup=False,
            )
            return
        self.app.copy_to_clipboard(self.text[start:end])
        self.notify(f"Copied {end - start:,} characters", markup=False)
