"""Markdown for notes apps (Obsidian, Logseq, a fact-check draft): read, not re-imported.

Per article: its title, date and source, then each annotation in text order, as
a report reads: the paragraph it is in, who said it or which speaker or
allegation the note is on, the passage as a blockquote, its tags as #hashtags,
its note below with its line breaks kept.

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
from bisect import bisect_right
from functools import lru_cache

from readerapp.core.annotation import Annotation
from readerapp.core.exchange.notes import ArticleNotes
from readerapp.core.locations import is_bundled
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


@lru_cache(maxsize=4096)  # a report repeats a few tags thousands of times
def hashtag(tag: str) -> str:
    """`#tag`, with spaces and punctuation made `_` so the notes app sees one tag."""
    body = _NOT_IN_TAG.sub("_", clean_text(tag).strip().lstrip("#")).strip("_")
    return f"#{body}" if body else ""


def literal(line: str) -> str:
    """One line of outside text as Markdown that renders as exactly that text."""
    line = _INLINE.sub(r"\\\1", line.strip())
    if line[:1] in "-+=":
        return _LIST_MARK.sub(r"\\\1", line)
    if line[:1].isdigit():
        return _ORDERED.sub(r"\1\\\2", line)
    return line


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


def _source(entry: ArticleNotes) -> str | None:
    """Where the article came from, as a reader of the report would want it named."""
    article = entry.article
    if article is not None and article.source_url:
        return f"<{article.source_url}>"
    if not entry.ref.path:
        return None
    if is_bundled(entry.ref.path):
        return "the sample article that comes with readerapp"
    return code_span(visible_name(entry.ref.path))


def _article(entry: ArticleNotes) -> str:
    article = entry.article
    title = entry.ref.title or (article.title if article else "") or "Untitled article"
    parts = [f"# {_inline(title)}"]
    facts = []
    if article and article.date:
        facts.append(f"Date: {article.date.isoformat()}")
    if (source := _source(entry)) is not None:
        facts.append(f"Source: {source}")
    if entry.ref.sha256:
        facts.append(f"sha256: {code_span(entry.ref.sha256)}")
    if facts:
        parts.append("  \n".join(facts))
    if not entry.annotations:
        parts.append("*No notes on this article.*")
    context = ReportContext.of(entry)
    parts.extend(_annotation(a, entry.is_orphaned(a), context) for a in entry.annotations)
    return "\n\n".join(parts)


class ReportContext:
    """What the article and its analysis tell a reader of the report about a passage:
    its paragraph, who said it, which allegation a note is on."""

    def __init__(self, entry: ArticleNotes) -> None:
        article, analysis = entry.article, entry.analysis
        self.paragraph_starts = [s for s, _ in article.paragraphs] if article else []
        self.quotes = [
            (q.start, q.end, speaker.name)
            for speaker in (analysis.speakers if analysis else ())
            for q in speaker.quotes
        ]
        self.allegations = {
            a.evidence: f"{a.accuser} → {a.accused}: {a.claim}"
            for a in (analysis.allegations if analysis else ())
        }
        self.colours = len({a.colour for a in entry.annotations if a.colour}) > 1
        self.originals = entry.originals

    @classmethod
    def of(cls, entry: ArticleNotes) -> ReportContext:
        return cls(entry)

    def paragraph(self, annotation: Annotation, orphaned: bool | None) -> int | None:
        if not self.paragraph_starts or orphaned:
            return None
        return bisect_right(self.paragraph_starts, annotation.selector.start) or None

    def said_by(self, annotation: Annotation) -> str | None:
        start, end = annotation.selector.start, annotation.selector.end
        for quote_start, quote_end, name in self.quotes:
            if quote_start < end and start < quote_end:
                return name
        return None

    def about(self, annotation: Annotation) -> str | None:
        link = annotation.link
        if link is None:
            return None
        if link.kind == "allegation":
            return self.allegations.get(link.key, "an allegation")
        return f"{link.kind} {link.key}"


def _annotation(a: Annotation, orphaned: bool | None, context: ReportContext) -> str:
    heading = []
    if (number := context.paragraph(a, orphaned)) is not None:
        heading.append(f"**¶ {number}**")
    if (about := context.about(a)) is not None:
        heading.append(f"on {_inline(about)}")
    elif (speaker := context.said_by(a)) is not None:
        heading.append(f"quoting {_inline(speaker)}")
    if context.colours and a.colour:
        heading.append(f"*{a.colour}*")
    if orphaned:
        heading.append("*passage no longer found in the article*")
    parts = [" · ".join(heading)] if heading else []
    parts.append(blockquote(a.selector.exact))
    if (original := context.originals.get(a.id)) is not None:
        parts.append("*The article was edited; when this note was made, the passage read:*")
        parts.append(blockquote(original))
    tags = " ".join(t for t in map(hashtag, a.tags) if t)
    if tags:
        parts.append(tags)
    note = clean_text(a.note).strip("\n")
    if note.strip():
        parts.append(hard_breaks(closed_off(note)))
    return "\n\n".join(parts) + "\n\n---"


def hard_breaks(note: str) -> str:
    """A note's line breaks kept when rendered: Markdown would join lines into one
    paragraph, so each line that another follows ends in a hard break (outside code)."""
    lines = note.split("\n")
    fence: str | None = None
    for i, line in enumerate(lines[:-1]):
        opening = _FENCE_OPEN.match(line)
        if fence is None and opening:
            fence = opening.group(1)
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        if line.strip() and lines[i + 1].strip() and not line.endswith("  "):
            lines[i] = line + "  "
    return "\n".join(lines)


def _inline(text: str) -> str:
    """Outside text for one line of Markdown (a title, a name): one line, literal."""
    return literal(" ".join(clean_text(text).split()))
