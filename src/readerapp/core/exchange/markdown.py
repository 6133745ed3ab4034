"""Markdown for notes apps (Obsidian, Logseq, a fact-check draft): read, not re-imported.

Per article: its title, date and source, then each annotation in text order
as a blockquote of the passage, its tags as #hashtags, its note below.

What is whose decides how it is written:
- The passage and the title are the article's words, never Markdown: every
  character a renderer would read as markup (`<!--`, `<b>`, `*`, `_`,
  backticks, `[…](…)`, `&amp;`, a `#` or `1.` starting a line) is escaped, so
  the report shows exactly the article's text. Paths go in code spans.
- The note is the user's own Markdown and goes in as written, but closed off:
  a code fence or an HTML comment it leaves open is closed where the note ends,
  so it cannot swallow the notes after it.
Control characters and terminal escape sequences are removed from all of it
first: an imported note may hold them, and `readerapp export --format md`
prints to the terminal. Deleted annotations (tombstones) are not listed.
"""

from __future__ import annotations

import re

from readerapp.core.annotation import Annotation
from readerapp.core.exchange.notes import ArticleNotes
from readerapp.core.safe_text import clean_text, visible_name

# ASCII punctuation that CommonMark, GFM or a notes app reads as markup anywhere in a
# line (emphasis, code, links, images, HTML and entities, tables, strikethrough,
# tags, maths); a backslash before ASCII punctuation always stands for the character.
_INLINE = re.compile(r"([\\`*_\[\]<>&!|~#$])")
# What starts a block only at the start of a line: a list item, a setext underline,
# an ordered list item (`1.` or `1)`, escaped at its dot).
_LIST_MARK = re.compile(r"^([-+=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_NOT_IN_TAG = re.compile(r"[^\w/-]+")

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
# HTML blocks that run until an end marker rather than a blank line (CommonMark
# types 1-5): the marker that ends each, by the pattern that starts it (for the
# first, the closing tag of the element it opens).
_HTML_BLOCKS = (
    (re.compile(r"^ {0,3}<(script|pre|style|textarea)(\s|>|$)", re.I), None),
    (re.compile(r"^ {0,3}<!--"), "-->"),
    (re.compile(r"^ {0,3}<\?"), "?>"),
    (re.compile(r"^ {0,3}<![A-Za-z]"), ">"),
    (re.compile(r"^ {0,3}<!\[CDATA\["), "]]>"),
)


def hashtag(tag: str) -> str:
    """`#tag`, with spaces and punctuation made `_` so the notes app sees one tag."""
    body = _NOT_IN_TAG.sub("_", clean_text(tag).strip().lstrip("#")).strip("_")
    return f"#{body}" if body else ""


def literal(line: str) -> str:
    """One line of outside text as Markdown that renders as exactly that text."""
    line = _INLINE.sub(r"\\\1", line.strip())
    line = _LIST_MARK.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def blockquote(text: str) -> str:
    """Every line quoted and literal, blank lines included, so a multi-paragraph
    passage stays one quote and shows as written."""
    lines = []
    for line in clean_text(text).split("\n"):
        line = literal(line)
        lines.append(f"> {line}" if line else ">")
    return "\n".join(lines)


def code_span(text: str) -> str:
    """`text` in a code span that holds any backticks it contains (a path, a hash)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def closed_off(note: str) -> str:
    """The user's Markdown as written, with a code fence or an HTML block that it left
    open closed at its end."""
    fence: str | None = None  # the run of ``` or ~~~ that opened the fence we are in
    html_end: str | None = None  # what ends the HTML block we are in: `-->`, `</pre>`…
    for line in note.split("\n"):
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
        elif html_end is not None:
            if html_end.casefold() in line.casefold():
                html_end = None
        elif opening := _FENCE_OPEN.match(line):
            if not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
                fence = opening.group(1)
        else:
            html_end = _open_html_block(line)
    if fence is not None:
        note += "\n" + fence
    elif html_end is not None:
        note += "\n" + html_end
    return note


def _open_html_block(line: str) -> str | None:
    """What would end the HTML block this line starts, if the line leaves it open."""
    for start, end in _HTML_BLOCKS:
        found = start.match(line)
        if found:
            end = end or f"</{found.group(1).lower()}>"
            return None if end.casefold() in line[found.end() :].casefold() else end
    return None


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
        facts.append(f"Source: {code_span(visible_name(entry.ref.path))}")
    if entry.ref.sha256:
        facts.append(f"sha256: {code_span(entry.ref.sha256)}")
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
    note = clean_text(a.note).strip("\n")
    if note.strip():
        parts.append(closed_off(note))
    return "\n\n".join(parts) + "\n\n---"


def _inline(text: str) -> str:
    """Outside text for one line of Markdown (a title, a name): one line, literal."""
    return literal(" ".join(clean_text(text).split()))
