"""An HTML page becomes an article: its main text, title, date, author and site.

trafilatura finds the main text (leaving out navigation, banners, related
stories, comments, captions and footers) and reads the metadata (JSON-LD, Open
Graph, `<meta>`, `<time>`, with htmldate for the date). It and lxml cost a
tenth of a second or more to import, so this module imports them only when a
page is opened: a `.txt` article never loads them.

Everything taken from the page is outside data and goes through `clean_line`.
A page is rendered in the native text layout (title, date, standfirst, the
title again, paragraphs), which `article.page_article` parses like any file, so
a page opened directly and its saved copy have the same canonical text, and so
the same notes.
"""

from __future__ import annotations

import codecs
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from readerapp.core.safe_text import clean_line, clean_text, visible_name
from readerapp.core.web.fetch import WebError

# Fewer words than this is a login wall, an error page or an index, not an article.
MIN_ARTICLE_WORDS = 25
# trafilatura's elements that hold a paragraph of their own; a list holds items.
_BLOCKS = ("p", "head", "quote", "item")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
# A character reference to a C0 or C1 control (`&#27;`, `&#x9b;`) makes lxml refuse
# the whole document, so it becomes the character and `clean_text` removes it, with
# the rest of its escape sequence.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?")


@dataclass(frozen=True)
class Page:
    """What a reader would call the article on a page, as clean one-line strings."""

    title: str
    paragraphs: tuple[str, ...]
    date: date | None = None
    standfirst: str = ""
    author: str = ""
    site: str = ""
    url: str = ""  # the page's own address (canonical), if it says

    def as_text(self) -> str:
        """The native text layout, which `parse_article` reads back to the same header."""
        head = [self.title]
        if self.date:
            head.append(self.date.isoformat())
        if self.standfirst:
            head += [self.standfirst, self.title]
        return "\n\n".join(head + list(self.paragraphs)) + "\n"


def decode_html(raw: bytes, charset: str | None = None) -> str:
    """The page as text: the server's charset, a BOM, UTF-8, the page's own `<meta>`
    charset, else Windows-1252 (what browsers assume for undeclared legacy pages)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if raw.startswith(bom) or (encoding == "utf-16" and raw.startswith(codecs.BOM_UTF16_BE)):
            return raw.decode(encoding, "replace")
    if charset and _known(charset):
        return raw.decode(charset, "replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(raw[:4096])
    if declared and _known(declared.group(1).decode("ascii")):
        return raw.decode(declared.group(1).decode("ascii"), "replace")
    return raw.decode("cp1252", "replace")


def _known(charset: str) -> bool:
    try:
        codecs.lookup(charset)
    except LookupError:
        return False
    return True


def extract_page(html: str, *, url: str | None = None, name: str = "page") -> Page:
    """The article in `html`; WebError if the page holds no article text."""
    html = clean_text(_CHARACTER_REFERENCE.sub(_control_as_character, html))
    with _collector_paused():
        document = _extract(html, url)
        paragraphs = _paragraphs(document) if document is not None else []
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise WebError(
            f"{visible_name(name)}: no article text found on this page "
            "(it may be an index, a login page or built by scripts)"
        )
    title = clean_line(document.title or "") or paragraphs[0][:80]
    if paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the <h1> the extractor kept in the body
    description = clean_line(document.description or "")
    standfirst = ""
    if paragraphs and description and _same(paragraphs[0], description):
        standfirst, paragraphs = paragraphs[0], paragraphs[1:]
    return Page(
        title=title,
        paragraphs=tuple(paragraphs),
        date=_date(document.date),
        standfirst=standfirst,
        author=clean_line(document.author or ""),
        site=clean_line(document.sitename or document.hostname or ""),
        url=_web_address(document.url) or (url or ""),
    )


def _extract(html: str, url: str | None) -> Any:
    """trafilatura's document (main text as XML, metadata), or None if it found none."""
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
        deduplicate=False,
        # Only dates the page states (metadata, <time>, the URL), never one guessed from
        # a number in the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Importing the extractor and one extraction make tens of thousands of objects and
    no garbage cycles; left on, the cycle collector walks the whole heap several times
    over them, which costs more than the extraction itself when the reader starts."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _control_as_character(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    controls = code < 32 and code not in (9, 10, 13) or 127 <= code < 160
    return chr(code) if controls else match.group()


def _paragraphs(document: Any) -> list[str]:
    """One string per paragraph, heading, quotation or list item, in page order."""
    body = document.body
    if body is None:
        return []
    paragraphs = []
    for element in body.iter(*_BLOCKS):
        if element.tag != "item" and element.getparent() is not body:
            continue  # a paragraph inside a quotation is part of it
        text = clean_line("".join(element.itertext()))
        if text:
            paragraphs.append(f"• {text}" if element.tag == "item" else text)
    return paragraphs


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _web_address(text: str | None) -> str:
    """An http(s) address from the page's metadata, else ''."""
    address = clean_line(text or "")
    return address if urlsplit(address).scheme in ("http", "https") else ""


def _same(a: str, b: str) -> bool:
    return a.casefold().strip() == b.casefold().strip()
