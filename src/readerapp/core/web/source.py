"""Where a saved article came from: a small JSON record beside its text file.

A fetched page is saved as `NAME.txt` in the native text layout, which any
editor or other tool reads as it is, and `NAME.source.json` beside it records
what the text layout has no place for:

    {"format": "readerapp-web-source", "version": 1,
     "url": "https://…/the-page",          # after redirects: the article's source
     "requested_url": "https://…/as-given", # what the user typed, to find the copy again
     "site": "The Coastal Courier", "author": "Priya Ramanathan",
     "fetched_at": "2024-05-14T08:02:11+00:00"}

Only the standard library is used here: `load_article` looks for the record
beside every `.txt` it opens. The record is outside data like the article, so
every value is cleaned on the way in, and a record that is not one (broken
JSON, another format, a newer version) is ignored rather than trusted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from readerapp.core.safe_text import clean_line

FORMAT = "readerapp-web-source"
VERSION = 1
SUFFIX = ".source.json"
_MAX_RECORD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Source:
    """The provenance of a saved web article."""

    url: str
    requested_url: str
    fetched_at: datetime
    site: str = ""
    author: str = ""

    def to_json(self) -> bytes:
        record = {
            "format": FORMAT,
            "version": VERSION,
            "url": self.url,
            "requested_url": self.requested_url,
            "site": self.site,
            "author": self.author,
            "fetched_at": self.fetched_at.isoformat(timespec="seconds"),
        }
        return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def source_path(article_path: Path) -> Path:
    """`story.txt` → `story.source.json`."""
    return article_path.with_name(article_path.stem + SUFFIX)


def read_source(article_path: Path) -> Source | None:
    """The record beside `article_path`, or None if there is none or it is not one."""
    path = source_path(article_path)
    from readerapp.core.files import read_bytes

    try:  # a FIFO or device in its place is refused before it is opened, never read
        record = json.loads(read_bytes(path, limit=_MAX_RECORD_BYTES))
        if record.get("format") != FORMAT or record.get("version") != VERSION:
            return None
        fetched_at = datetime.fromisoformat(str(record["fetched_at"]))
        return Source(
            url=clean_line(str(record["url"])),
            requested_url=clean_line(str(record.get("requested_url", record["url"]))),
            fetched_at=fetched_at,
            site=clean_line(str(record.get("site", ""))),
            author=clean_line(str(record.get("author", ""))),
        )
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        return None
