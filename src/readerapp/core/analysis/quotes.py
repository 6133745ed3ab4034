"""Finding the passages inside quotation marks, straight or curly, across paragraphs.

News style continues a long quote into the next paragraph by leaving the first
paragraph's quote unclosed and opening the next with a quotation mark; such a
paragraph is marked `continued` so it keeps the same speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readerapp.core.segments import paragraph_spans

_MARK = re.compile(r"[\"“”]")
_OPENERS = '"“'
_CLOSERS = '"”'


@dataclass(frozen=True)
class QuotedSpan:
    """One quoted passage: its marks and its content (trailing comma trimmed)."""

    open: int  # index of the opening mark
    close: int  # index just past the closing mark, or the paragraph end if unclosed
    start: int  # content start
    end: int  # content end
    paragraph: int
    continued: bool = False  # continues the previous paragraph's unclosed quote
    closed: bool = True

    @property
    def inner_end(self) -> int:
        """End of the masked region: the closing mark, or the paragraph end."""
        return self.close - 1 if self.closed else self.close


def _content(text: str, open_at: int, stop: int) -> tuple[int, int]:
    start, end = open_at + 1, stop
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted passage in text order; unclosed quotes end at their paragraph."""
    spans: list[QuotedSpan] = []
    carried = False
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        open_at: int | None = None
        continued = carried and text[p_start] in _OPENERS
        carried = False
        for match in _MARK.finditer(text, p_start, p_end):
            at, mark = match.start(), match.group()
            if open_at is None:
                if mark in _OPENERS:
                    open_at = at
                continue
            if mark == "“" and at > open_at + 1:
                _emit(text, spans, open_at, at, at, index, continued, closed=False)
                continued, open_at = False, at
            elif mark in _CLOSERS:
                _emit(text, spans, open_at, at, at + 1, index, continued, closed=True)
                continued, open_at = False, None
        if open_at is not None:
            _emit(text, spans, open_at, p_end, p_end, index, continued, closed=False)
            carried = True
    return spans


def _emit(
    text: str,
    spans: list[QuotedSpan],
    open_at: int,
    stop: int,
    close: int,
    paragraph: int,
    continued: bool,
    *,
    closed: bool,
) -> None:
    start, end = _content(text, open_at, stop)
    if end > start:
        spans.append(
            QuotedSpan(open_at, close if closed else stop, start, end, paragraph, continued, closed)
        )


def mask_quotes(text: str, spans: list[QuotedSpan]) -> str:
    """The text with quoted content replaced by '~' (same length, marks kept).

    Attribution patterns then cannot match inside a quote, and the sentence
    splitter keeps a quote and its attribution in one sentence.
    """
    pieces: list[str] = []
    position = 0
    for span in spans:
        inner_start, inner_end = span.open + 1, span.inner_end
        if span.closed and text[inner_end - 1 : inner_end] == ".":
            inner_end -= 1  # '… every rule." The trades …': the full stop still ends the sentence
        if inner_start < position:
            continue
        pieces.append(text[position:inner_start])
        pieces.append("~" * (inner_end - inner_start))
        position = inner_end
    pieces.append(text[position:])
    return "".join(pieces)
