"""A fetched page is saved once in the library folder, and that copy is the article.

Notes anchor to the saved text, so the article must not change under them each
time it is opened: the same address opens the same file, without the network,
until the user asks for `--refresh`. The file name is made from the address
alone (readable host and path, plus a short hash), so the copy is found before
anything is fetched. Nothing is written unless the page was fetched and held an
article: the record beside the text goes first and the text last, both
atomically, so a crash leaves either no copy or a whole one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from readerapp.core.article import Article, load_article
from readerapp.core.atomic_file import write_atomic
from readerapp.core.safe_text import visible_name
from readerapp.core.web.extract import decode_html, extract_page
from readerapp.core.web.fetch import MAX_PAGE_BYTES, TIMEOUT_SECONDS, WebError, fetch_page
from readerapp.core.web.source import Source, source_path

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 60


def normalized_url(url: str) -> str:
    """The same page however it was written: no fragment, no utm_ tracking, lowercase host."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = [(k, v) for k, v in query if not k.lower().startswith("utm_")]
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), "")
    )


def copy_path(url: str, library: Path) -> Path:
    """Where the saved copy of `url` lives: `host-path-words-1a2b3c4d.txt`."""
    address = normalized_url(url)
    parts = urlsplit(address)
    host = (parts.hostname or "page").removeprefix("www.")
    words = _SLUG_CHARS.sub("-", f"{host} {parts.path}".lower()).strip("-")
    if len(words) > _MAX_SLUG:
        words = words[:_MAX_SLUG].rsplit("-", 1)[0]
    digest = hashlib.sha256(address.encode("utf-8")).hexdigest()[:8]
    return library / f"{words}-{digest}.txt"


def open_url(
    url: str,
    *,
    library: Path,
    refresh: bool = False,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_PAGE_BYTES,
    on_fetch: Callable[[str], None] | None = None,
) -> Article:
    """The article at `url`: its saved copy, fetched and saved first if there is none
    (or if `refresh`). Every failure is a WebError, and then nothing is saved."""
    if library.exists() and not library.is_dir():
        raise WebError(
            f"the library {visible_name(library)} is not a folder; "
            "choose one with --library DIR or READERAPP_LIBRARY"
        )
    path = copy_path(url, library)
    if refresh or not path.is_file():
        if on_fetch is not None:
            on_fetch(url)
        fetched = fetch_page(url, timeout=timeout, max_bytes=max_bytes)
        html = decode_html(fetched.body, fetched.charset)
        page = extract_page(html, url=fetched.url, name=url)
        source = Source(
            url=fetched.url,
            requested_url=url,
            fetched_at=datetime.now(UTC),
            site=page.site,
            author=page.author,
        )
        _save(path, page.as_text().encode("utf-8"), source)
    return load_article(path)


def _save(path: Path, text: bytes, source: Source) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(source_path(path), source.to_json())
        write_atomic(path, text)
    except OSError as err:
        raise WebError(
            f"cannot save the page in {visible_name(path.parent)} ({err.strerror or err}); "
            "choose another library with --library DIR or READERAPP_LIBRARY"
        ) from None
