"""Web pages as articles: a saved `.html` file, or an address fetched once and kept.

`fetch` gets a page with limits, `extract` turns HTML into an article (it alone
imports the extraction library, lazily), `saved_copy` keeps a fetched page in
the library folder, `source` records where a saved copy came from. Importing
this package costs nothing: `load_location` imports what an address needs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readerapp.core.article import Article


def is_url(location: str) -> bool:
    """An http or https address, as opposed to a file path."""
    return location[:8].lower().startswith(("http://", "https://"))


def load_location(
    location: str,
    *,
    library: str | None = None,
    refresh: bool = False,
    on_fetch: Callable[[str], None] | None = None,
) -> Article:
    """An article from a file path or a web address (`library`: the `--library` option;
    `on_fetch` is told the address just before the network is used).

    Raises ArticleError (a WebError for an address) with one line for the user.
    """
    from readerapp.core.article import load_article
    from readerapp.core.article_error import ArticleError

    if not is_url(location):
        if refresh:
            raise ArticleError("--refresh fetches a web page again; give its address (http/https)")
        return load_article(Path(location))
    from readerapp.core.locations import library_path
    from readerapp.core.web.saved_copy import open_url

    return open_url(location, library=library_path(library), refresh=refresh, on_fetch=on_fetch)
