"""The article model: one file becomes one canonical text plus its metadata.

Every position elsewhere in readerapp (quotes, evidence, selections,
annotations) is a `str` index into `Article.text`, so this module is the one
place that decides what that text is: the body paragraphs, each reflowed onto
one line, joined by a blank line, Unicode NFC, with control characters removed.
Title, date and standfirst are metadata shown in the header, not part of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from readerapp.core import files
from readerapp.core.article_error import ArticleError
from readerapp.core.safe_text import clean_text, visible_name
from readerapp.core.web.source import read_source

if TYPE_CHECKING:
    from readerapp.core.web.extract import Page

HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES)
# Far longer than any news article or most books, and short enough that the reader and
# the analysis still answer in seconds: past it, a file is refused rather than left to
# fill the memory.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """A parsed article. `text` is the canonical body every offset points into.

    `author`, `site`, `source_url` and `fetched_at` come from a web page (read from
    the page, or from the record saved beside a fetched copy); empty for a text file.
    """

    title: str
    text: str
    date: date | None = None
    standfirst: str = ""
    path: Path | None = None
    paragraphs: tuple[tuple[int, int], ...] = ()
    notice: str | None = None  # e.g. the file was not UTF-8 and a fallback was used
    author: str = ""
    site: str = ""
    source_url: str = ""
    fetched_at: datetime | None = None

    @cached_property
    def sha256(self) -> str:
        """The article's identity for annotations; computed when first needed, not at startup."""
        import hashlib

        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def word_count(self) -> int:
        return len(self.text.split())


# -- decoding -----------------------------------------------------------------

# Zero-width spaces are noise in copied text (they split words for the analysis); the
# controls themselves go in `safe_text.clean_text`.
_ZERO_WIDTH = "\u200b"


def decode_bytes(raw: bytes, name: str) -> tuple[str, str | None]:
    """Decode an article's bytes; returns the text and a notice if a fallback was used."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError as err:
            raise ArticleError(f"{name}: cannot decode this UTF-16 file ({err.reason})") from None
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        try:
            return raw.decode(utf16), None
        except UnicodeDecodeError as err:
            raise ArticleError(f"{name}: cannot decode this UTF-16 file ({err.reason})") from None
    if _looks_binary(raw):
        raise ArticleError(f"{name}: this is a binary file, not a text article; open a .txt or .md")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    if len(_UTF8_MULTIBYTE.findall(raw)) > invalid:
        # Mostly UTF-8 with a few stray bytes (a cut or a pasted fragment): reading the
        # whole file as Windows-1252 would garble every valid accent and quote mark.
        return text, f"{name} is not valid UTF-8 in {invalid} places; they show as \ufffd."
    try:
        text = raw.decode("cp1252")
        encoding = "Windows-1252"
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        encoding = "Latin-1"
    return text, f"{name} is not UTF-8; it was read as {encoding}, so some characters may be wrong."


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' if the bytes look like BOM-less UTF-16 (as some Windows
    tools write it): mostly Latin text, so every other byte is NUL. Else None."""
    sample = raw[:8192]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= 0.9 * pairs and even_nul <= 0.01 * pairs:
        return "utf-16-le"
    if even_nul >= 0.9 * pairs and odd_nul <= 0.01 * pairs:
        return "utf-16-be"
    return None


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    odd = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return odd / len(sample) > 0.05


# -- parsing ------------------------------------------------------------------

_DATE_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y-%m-%d",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
    "%d/%m/%Y",
    "%B %d %Y",
)


def parse_date(line: str) -> date | None:
    """Parse a dateline such as 'April 3, 2016' or '2016-04-03'; None if it is not one."""
    candidate = line.strip().rstrip(".")
    if len(candidate) > 40 or not re.search(r"\d{4}", candidate):
        return None
    candidate = re.sub(r"^(?:published|updated|posted)\s*:?\s*", "", candidate, flags=re.I)
    candidate = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", candidate)
    candidate = re.sub(r"\s+", " ", candidate)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(candidate, fmt).date()
        except ValueError:
            continue
    return None


def _blocks(text: str) -> list[str]:
    """Split into paragraphs at blank lines; a hard-wrapped paragraph reflowed onto one line."""
    blocks = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in chunk.split("\n")]
        blocks.extend(_unwrap([line for line in lines if line]))
    return blocks


# Editors and mail programs wrap at 72-80 columns; a line longer than this was not
# wrapped by one, so it is a paragraph of its own.
_WRAP_WIDTH = 100
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", ")")


def _unwrap(lines: list[str]) -> list[str]:
    """The paragraphs in one block of lines without a blank line between them.

    A hard-wrapped paragraph has full lines: the next line's first word would not
    have fitted. Real corpora often put one paragraph per line with no blank line
    between: long lines, or lines the next word would easily have fitted on.
    """
    if len(lines) < 2:
        return lines
    width = max(len(line) for line in lines)
    full = [
        len(line) + 1 + len(following.split(" ", 1)[0]) > 0.8 * width
        for line, following in zip(lines, lines[1:], strict=False)
    ]
    if width > _WRAP_WIDTH or sum(full) < len(full) / 2:
        return lines
    if all(line.endswith(_SENTENCE_END) for line in lines):
        return lines  # a wrap falls at a sentence's end now and then, not at every line
    paragraphs: list[str] = []
    current: list[str] = []
    for line, line_is_full in zip(lines, [*full, True], strict=True):
        current.append(line)
        if not line_is_full and line.endswith(_SENTENCE_END):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def _plain_markdown(block: str) -> str:
    block = _MD_HEADING.sub("", block)
    block = re.sub(r"^>\s?", "", block)
    block = _MD_LINK.sub(r"\1", block)
    return _MD_EMPHASIS.sub(r"\2", block)


def _same(a: str, b: str) -> bool:
    return a.casefold().strip() == b.casefold().strip()


def parse_article(
    raw_text: str, *, path: Path | None = None, markdown: bool = False, notice: str | None = None
) -> Article:
    """Build an `Article` from decoded text; raises ArticleError if there is no content."""
    name = path.name if path else "article"
    text = unicodedata.normalize("NFC", clean_text(raw_text))
    text = text.replace("\t", " ").replace(_ZERO_WIDTH, "")
    blocks = _blocks(text)
    if len(blocks) == 1 and "\n" in text.strip():
        # No blank line anywhere: one paragraph per line, else the whole article
        # would become its title.
        blocks = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if markdown:
        title_block = next((b for b in blocks if b.startswith("# ")), None)
        blocks = [_plain_markdown(b) for b in blocks if b != title_block and b.strip("-*_ ")]
        if title_block is not None:
            blocks.insert(0, _plain_markdown(title_block))
    blocks = [b for b in blocks if b]
    if not blocks:
        raise ArticleError(f"{name}: the file is empty; an article needs at least a title line")

    title, rest = blocks[0], blocks[1:]
    if len(title) > 300:  # one long line and nothing else: no title line at all
        title, rest = title[:80].rsplit(" ", 1)[0] + "…", blocks
    article_date = parse_date(rest[0]) if rest else None
    if article_date is not None:
        rest = rest[1:]
    standfirst = ""
    if len(rest) >= 2 and _same(rest[1], title) and not _same(rest[0], title):
        standfirst, rest = rest[0], rest[2:]
    elif rest and _same(rest[0], title):
        rest = rest[1:]
    if rest and _same(rest[-1], title):
        rest = rest[:-1]  # the trailing repeat of the title is a trailer, not body

    paragraphs = []
    position = 0
    for block in rest:
        paragraphs.append((position, position + len(block)))
        position += len(block) + 2
    body = "\n\n".join(rest)
    return Article(
        title=title,
        text=body,
        date=article_date,
        standfirst=standfirst,
        path=path,
        paragraphs=tuple(paragraphs),
        notice=notice,
    )


def load_article(path: Path) -> Article:
    """Read and parse an article file; every failure is an ArticleError with one clear line.

    Only a regular file is opened (`files`): a folder, FIFO, socket or device is refused
    before anything is read, so a named pipe never hangs the reader.
    """
    name = visible_name(path)
    limit = f"readerapp opens articles up to {MAX_ARTICLE_BYTES // 2**20} MB"
    try:
        raw = files.read_bytes(path, limit=MAX_ARTICLE_BYTES)
    except files.FileProblem as err:
        if err.kind == "directory":
            raise ArticleError(
                f"{name} is a directory; give an article file, or open the folder "
                f"as a library with `readerapp {name}`"
            ) from None
        if err.kind == "too_large":
            raise ArticleError(f"{name} is {err.size / 2**20:.0f} MB; {limit}") from None
        raise ArticleError(str(err)) from None
    if path.suffix.lower() in HTML_SUFFIXES:
        from readerapp.core.web.extract import decode_html, extract_page

        return page_article(extract_page(decode_html(raw), name=name), path.resolve())
    text, notice = decode_bytes(raw, path.name)
    if not text.strip():
        raise ArticleError(f"{name}: the file is empty; an article needs at least a title line")
    markdown = path.suffix.lower() in (".md", ".markdown")
    article = parse_article(text, path=path.resolve(), markdown=markdown, notice=notice)
    source = read_source(path) if path.suffix.lower() == ".txt" else None
    if source is None:
        return article
    # A page fetched from the web and saved: its provenance is recorded beside it.
    return replace(
        article,
        author=source.author,
        site=source.site,
        source_url=source.url,
        fetched_at=source.fetched_at,
    )


def page_article(page: Page, path: Path | None) -> Article:
    """The article a web page reads as: its text in the native layout, parsed like any
    file (so a page and its saved copy are the same text), with its author, site and
    address."""
    article = parse_article(page.as_text(), path=path)
    return replace(article, author=page.author, site=page.site, source_url=page.url)
