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
# Some outlets quote with single curly marks; a ’ followed by a letter is an apostrophe.
_SINGLE_MARK = re.compile(r"‘|(?<=\S)’(?![^\W_])")
_SINGLE_OPENERS = "‘"
_SINGLE_CLOSERS = "’"


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
    """Every quoted passage in text order; unclosed quotes end at their paragraph.

    Double marks are the quotes; only an article with no double marks at all is read
    with single curly marks (‘…’) as its quotes.
    """
    if _MARK.search(text) is None and "‘" in text:
        return _find_spans(text, _SINGLE_MARK, _SINGLE_OPENERS, _SINGLE_CLOSERS, "‘")
    return _find_spans(text, _MARK, _OPENERS, _CLOSERS, "“")


def _find_spans(
    text: str, marks: re.Pattern[str], openers: str, closers: str, curly_open: str
) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    carried = False
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        open_at: int | None = None
        continued = carried and text[p_start] in openers
        carried = False
        found = [(m.start(), m.group()) for m in marks.finditer(text, p_start, p_end)]
        for number, (at, mark) in enumerate(found):
            if open_at is None:
                if mark in openers:
                    open_at = at
                continue
            if mark == curly_open and at > open_at + 1:
                _emit(text, spans, open_at, at, at, index, continued, closed=False)
                continued, open_at = False, at
            elif mark in closers and not (
                curly_open == "‘" and _plural_possessive(text, at, found[number + 1 :])
            ):
                _emit(text, spans, open_at, at, at + 1, index, continued, closed=True)
                continued, open_at = False, None
        if open_at is not None:
            _emit(text, spans, open_at, p_end, p_end, index, continued, closed=False)
            carried = True
    return spans


def _plural_possessive(text: str, at: int, later: list[tuple[int, str]]) -> bool:
    """'… the members’ votes …': a ’ after an s, with a proper closer still to come."""
    if text[at - 1 : at] != "s" or not text[at + 1 : at + 3].strip():
        return False
    for position, mark in later:
        if mark == "‘":
            return False
        if text[position - 1 : position] in ",.?!;:":
            return True
    return False


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
