"""Markdown for notes apps (Obsidian, Logseq, a fact-check draft): read, not re-imported.

Per article: its title, date and source, then each annotation in text order
as a blockquote of the passage, its tags as #hashtags, its note below.
The passage is the article's words, so every line of it is quoted and any
character that would start a Markdown block (a heading, a list) is escaped;
the note is the user's own text and goes in as written. Control characters and
terminal escape sequences are removed from all of it: an imported note may hold
them, and `readerapp export --format md` prints to the terminal. They go before
the escaping, which would otherwise miss a `#` behind an escape sequence.
"""

from __future__ import annotations

import re

from readerapp.core.annotation import Annotation
from readerapp.core.exchange.notes import ArticleNotes
from readerapp.core.safe_text import clean_text as strip_control

_BLOCK_START = re.compile(r"^(\s*)([#>+*=|`~-]|\d+[.)])")
_NOT_IN_TAG = re.compile(r"[^\w/-]+")


def hashtag(tag: str) -> str:
    """`#tag`, with spaces and punctuation made `_` so the notes app sees one tag."""
    body = _NOT_IN_TAG.sub("_", strip_control(tag).strip().lstrip("#")).strip("_")
    return f"#{body}" if body else ""


def blockquote(text: str) -> str:
    """Every line quoted, blank lines included, so a multi-paragraph passage stays one quote."""
    lines = []
    for line in strip_control(text).split("\n"):
        line = _BLOCK_START.sub(r"\1\\\2", line)
        lines.append(f"> {line}" if line.strip() else ">")
    return "\n".join(lines)


def to_markdown(notes: list[ArticleNotes]) -> str:
    return "\n\n".join(_article(entry) for entry in notes) + "\n"


def _article(entry: ArticleNotes) -> str:
    article = entry.article
    title = entry.ref.title or (article.title if article else "") or "Untitled article"
    parts = [f"# {_inline(title)}"]
    facts = []
    if article and article.date:
        facts.append(f"Date: {article.date.isoformat()}")
    if entry.ref.path:
        facts.append(f"Source: `{_inline(entry.ref.path).replace('`', '')}`")
    if entry.ref.sha256:
        facts.append(f"sha256: `{entry.ref.sha256}`")
    if facts:
        parts.append("  \n".join(facts))
    if not entry.annotations:
        parts.append("*No notes on this article.*")
    parts.extend(_annotation(a, entry.is_orphaned(a)) for a in entry.annotations)
    return "\n\n".join(parts)


def _annotation(a: Annotation, orphaned: bool | None) -> str:
    parts = [blockquote(a.selector.exact)]
    details = []
    if a.colour:
        details.append(f"{a.colour} highlight")
    if a.link:
        details.append(f"{a.link.kind}: {_inline(a.link.key)}")
    if orphaned:
        details.append("passage no longer found in the article")
    if details:
        parts.append(f"*{' · '.join(details)}*")
    tags = " ".join(t for t in map(hashtag, a.tags) if t)
    if tags:
        parts.append(tags)
    note = strip_control(a.note).strip("\n")
    if note.strip():
        parts.append(note)
    return "\n\n".join(parts) + "\n\n---"


def _inline(text: str) -> str:
    """Text for one line of Markdown (a title, a name): newlines would end the line early."""
    return " ".join(strip_control(text).split())
