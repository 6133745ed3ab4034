"""Quoted passages in every convention news copy uses, and the text with them masked.

Double marks are straight ("), curly (“ ”), guillemets (« »), low-high („ “) or the New
York Times' two apostrophes ('') that open and close alike; mixed pairs (“…’’) close
too. Single curly marks (‘…’) are the quotes only in an article with no double marks.
News style continues a long quote into the next paragraph by leaving the first
unclosed and opening the next with a mark; such a paragraph is `continued`.
A tweet embedded as `<tweet …>text — Name (@handle) date</tweet>` is a quoted passage
whose author the markup names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from readerapp.core.analysis.lexicon.clauses import TITLE_SMALL_WORDS
from readerapp.core.segments import paragraph_spans

MAX_MARKS_PER_PARAGRAPH = 400
# '' and ’’ before the single characters, so two apostrophes are one mark.
_DOUBLE_MARK = re.compile(r"''|’’|‘‘|[\"“”«»„]")
_OPENING = frozenset({"“", "«", "„", "‘‘"})
_CLOSING = frozenset({"”", "»", "’’"})
_EITHER = frozenset({'"', "''"})
# A ’ followed by a letter is an apostrophe; ‘ opens.
_SINGLE_MARK = re.compile(r"‘|(?<=\S)’(?![^\W_])")
_TWEET = re.compile(r"<tweet\b[^>]*>(?P<body>.*?)</tweet>|<tweet\b[^>]*/?>(?:<tweet/>)?", re.DOTALL)
_TWEET_SIGNATURE = re.compile(
    r"\s*(?:—|–|-|―)\s*(?P<name>[^()\n<]{2,60}?)\s*\((?P<handle>@\w+)\)[^<]*$"
)
_TWEET_AUTHOR = re.compile(r"author=\"(@\w+)\"")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,300}>")
_LINK = re.compile(r"(?:https?://|pic\.twitter\.com/)\S*")


@dataclass(frozen=True)
class QuotedSpan:
    """One quoted passage: its marks, and its content with spaces and a trailing comma trimmed."""

    open: int  # index of the opening mark
    close: int  # index just past the closing mark, or the paragraph end if unclosed
    start: int  # content start
    end: int  # content end
    paragraph: int
    inner_start: int  # just past the opening mark
    inner_end: int  # at the closing mark, or the paragraph end
    continued: bool = False  # continues the previous paragraph's unclosed quote
    closed: bool = True
    author: str = ""  # a tweet's author, as its signature names them
    handle: str = ""  # and their @handle

    @property
    def tweet(self) -> bool:
        return bool(self.author or self.handle)


def find_quoted_spans(
    text: str, paragraphs: list[tuple[int, int]] | None = None
) -> list[QuotedSpan]:
    """Every quoted passage in text order; unclosed quotes end at their paragraph."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    tweets = _tweets(text, paragraphs)
    if "<" in text:  # the quotation marks of markup attributes ('id="…"') quote nobody
        text = _TAG.sub(lambda m: " " * len(m.group()), text)
    if not _DOUBLE_MARK.search(text) and "‘" in text:
        spans = _find(text, paragraphs, _SINGLE_MARK, single=True)
    else:
        spans = _find(text, paragraphs, _DOUBLE_MARK, single=False)
    if tweets:
        inside = [(t.open, t.close) for t in tweets]
        spans = [s for s in spans if not any(a <= s.open < b for a, b in inside)]
        spans = sorted(spans + tweets, key=lambda s: s.open)
    return spans


def _find(
    text: str, paragraphs: list[tuple[int, int]], marks: re.Pattern[str], *, single: bool
) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    carried = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        open_width = 1
        first = marks.match(text, p_start)
        continued = carried and first is not None and _opens(first.group(), single)
        carried = False
        # A paragraph with more marks than prose ever has is read up to that many.
        found = [
            (m.start(), m.group())
            for m in islice(marks.finditer(text, p_start, p_end), MAX_MARKS_PER_PARAGRAPH)
        ]
        depth = 0  # quotes nested in the open one: '“… claim that “it has to do” …,” he wrote'
        for number, (at, mark) in enumerate(found):
            if open_at is None:
                if _opens(mark, single):
                    open_at, open_width = at, len(mark)
                continue
            if len(mark) == 2 and text[at + 2 : at + 3] == mark[0]:
                at += 1  # three apostrophes: the first closes a quote inside the quote
            if _strict_opener(mark, single) and _misprinted_close(text, at, len(mark)):
                mark = "”"  # '…for her here,“ said Jim Clyburn': a closing mark set wrong
            if _strict_opener(mark, single) and at > open_at + open_width:
                if _nested(found[number + 1 :], single):
                    depth += 1
                    continue
                # a new opening mark while one is open: the first was never closed
                _emit(text, spans, open_at, open_width, at, at, index, continued, closed=False)
                continued, open_at, open_width = False, at, len(mark)
            elif depth and _closes(mark, single) and mark not in _EITHER:
                depth -= 1
            elif _closes(mark, single) and not (
                single and _plural_possessive(text, at, found[number + 1 :])
            ):
                _emit(
                    text,
                    spans,
                    open_at,
                    open_width,
                    at,
                    at + len(mark),
                    index,
                    continued,
                    closed=True,
                )
                continued, open_at = False, None
        if open_at is not None:
            _emit(text, spans, open_at, open_width, p_end, p_end, index, continued, closed=False)
            carried = True
    return spans


def _misprinted_close(text: str, at: int, width: int) -> bool:
    """An opening mark glued to the word before it and followed by a space closes."""
    before = text[at - 1 : at]
    after = text[at + width : at + width + 1]
    return bool(before) and not before.isspace() and (not after or after.isspace())


def _nested(later: list[tuple[int, str]], single: bool) -> bool:
    """An opening mark inside an open quote is a nested quote when enough closing marks
    follow to close both; else the open quote was never closed."""
    balance = 0
    for _, mark in later:
        if _strict_opener(mark, single):
            balance -= 1
        elif _closes(mark, single) and mark not in _EITHER:
            balance += 1
    return balance >= 2


def _opens(mark: str, single: bool) -> bool:
    return mark == "‘" if single else mark in _OPENING or mark in _EITHER


def _strict_opener(mark: str, single: bool) -> bool:
    return mark == "‘" if single else mark in _OPENING


def _closes(mark: str, single: bool) -> bool:
    return mark == "’" if single else mark in _CLOSING or mark in _EITHER


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


def _content(text: str, start: int, stop: int) -> tuple[int, int]:
    end = stop
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _emit(
    text: str,
    spans: list[QuotedSpan],
    open_at: int,
    width: int,
    stop: int,
    close: int,
    paragraph: int,
    continued: bool,
    *,
    closed: bool,
) -> None:
    start, end = _content(text, open_at + width, stop)
    if end > start:
        spans.append(
            QuotedSpan(
                open_at,
                close if closed else stop,
                start,
                end,
                paragraph,
                open_at + width,
                stop,
                continued,
                closed,
            )
        )


def _tweets(text: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
    """Embedded tweets: the text before the signature, said by the signature's name."""
    if "<tweet" not in text:
        return []
    found: list[QuotedSpan] = []
    starts = [p[0] for p in paragraphs]
    for match in _TWEET.finditer(text):
        body = match.group("body")
        if not body:
            continue
        body_start = match.start("body")
        signature = _TWEET_SIGNATURE.search(body)
        body_end = body_start + (signature.start() if signature else len(body))
        link = _LINK.search(text, body_start, body_end)
        while link is not None and link.end() >= body_end - 1:
            body_end = link.start()
            link = _LINK.search(text, body_start, body_end)
        start, end = _content(text, body_start, body_end)
        if end <= start:
            continue
        author = _TWEET_AUTHOR.search(match.group())
        handle = signature.group("handle") if signature else (author.group(1) if author else "")
        name = signature.group("name").strip() if signature else ""
        paragraph = max(0, _index_at(starts, match.start()))
        found.append(
            QuotedSpan(
                match.start(),
                match.end(),
                start,
                end,
                paragraph,
                match.start(),
                match.end(),
                author=name or handle,
                handle=handle,
            )
        )
    return found


def _index_at(starts: list[int], position: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, position) - 1


def mask_quotes(text: str, spans: list[QuotedSpan]) -> str:
    """The text with quoted content replaced by '~' (same length, marks kept).

    Attribution patterns then cannot match inside a quote, and the sentence splitter
    keeps a quote and its attribution in one sentence. A closing full stop stays, so it
    still ends the sentence ('… every rule." The trades …'). Tweet markup is masked whole.
    """
    pieces: list[str] = []
    position = 0
    for span in spans:
        inner_start, inner_end = span.inner_start, span.inner_end
        if span.closed and not span.tweet and text[inner_end - 1 : inner_end] in (".", "?", "!"):
            inner_end -= 1
        if inner_start < position or inner_end <= inner_start:
            continue
        pieces.append(text[position:inner_start])
        pieces.append("~" * (inner_end - inner_start))
        position = inner_end
    pieces.append(text[position:])
    return "".join(pieces)


def is_title(words: str) -> bool:
    """'Good Morning America', 'The Walking Dead': a name in quotation marks, not speech."""
    tokens = words.strip(" .,!?;:").split()
    if not tokens or len(tokens) > 8:
        return False
    return all(
        t[:1].isupper() or t[:1].isdigit() or t.casefold() in TITLE_SMALL_WORDS for t in tokens
    )
