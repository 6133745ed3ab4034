"""Sentence and word boundaries in the canonical text, for cursor motion and analysis.

A regex splitter: fast (well under a millisecond on a typical article) and good
enough for news prose; abbreviations such as "Dr." and initials do not end a sentence.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    (
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "rev",
        "gov",
        "sen",
        "rep",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "mt",
        "ft",
        "atty",
        "adm",
        "cmdr",
        "maj",
        "hon",
        "supt",
        "dept",
        "a.m",
        "p.m",
        "d.c",
        "u.n",
        # US state abbreviations, as in party tags: 'Rep. Jo Roe (D-Calif.) said …'
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "kans",
        "ky",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "n.h",
        "n.j",
        "n.m",
        "n.y",
        "n.c",
        "n.d",
        "okla",
        "ore",
        "pa",
        "r.i",
        "s.c",
        "s.d",
        "tenn",
        "tex",
        "vt",
        "va",
        "wash",
        "w.va",
        "wis",
        "wyo",
    )
)
_LAST_WORD = re.compile(r"([\w.]+)[.!?]*$")
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)|\n\n")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences in text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _END.finditer(text, start, end):
        if match.group() != "\n\n":
            # Only the last word matters: look at a short window, not the whole run
            # since `begin` (a text full of "Mr." would otherwise be quadratic).
            window = text[max(begin, match.start() - 40) : match.start() + 1]
            word = _LAST_WORD.search(window)
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        stop = match.end() if match.group() != "\n\n" else match.start()
        _append_trimmed(text, begin, stop, spans)
        begin = match.end()
    _append_trimmed(text, begin, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the paragraphs: runs of text between blank lines."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
