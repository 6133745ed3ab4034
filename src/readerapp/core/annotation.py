"""An annotation: a passage of an article with a highlight colour, tags and a note.

Records are plain frozen dataclasses; the store turns them into JSON documents
with `to_record`/`from_record`, and export formats build on the same records.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readerapp.core.article import Article

COLOURS = ("yellow", "green", "blue", "pink", "orange")
CONTEXT_CHARS = 32


def utc_now() -> str:
    """A UTC timestamp in ISO 8601 with milliseconds, e.g. 2026-11-24T22:31:49.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


@dataclass(frozen=True)
class ArticleRef:
    """Which article an annotation belongs to: content hash first, then path and title."""

    sha256: str
    path: str = ""
    title: str = ""


def article_ref(article: Article) -> ArticleRef:
    """The identity an annotation made on `article` carries."""
    return ArticleRef(article.sha256, str(article.path) if article.path else "", article.title)


@dataclass(frozen=True)
class TextSelector:
    """Where the passage is: the exact quote, its context, and its offsets (W3C style)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> TextSelector:
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            start=start,
            end=end,
        )


@dataclass(frozen=True)
class Link:
    """An annotation made on a sidebar item rather than a bare passage."""

    kind: str  # "speaker" | "allegation"
    key: str  # the speaker's name, or the allegation's evidence text


@dataclass(frozen=True)
class Annotation:
    id: str
    article: ArticleRef
    selector: TextSelector
    colour: str | None = None  # one of COLOURS, or None for a tag/note without highlight
    tags: tuple[str, ...] = ()
    note: str = ""
    created: str = field(default_factory=utc_now)
    updated: str = ""
    link: Link | None = None

    def __post_init__(self) -> None:
        if not self.updated:
            object.__setattr__(self, "updated", self.created)

    def edited(self, **changes: Any) -> Annotation:
        """A copy with `changes` applied and `updated` set to now."""
        return replace(self, updated=utc_now(), **changes)


def to_record(annotation: Annotation) -> dict[str, Any]:
    """The JSON document stored in the database (and the core of the JSON export)."""
    a = annotation
    return {
        "id": a.id,
        "article": {"sha256": a.article.sha256, "path": a.article.path, "title": a.article.title},
        "selector": {
            "exact": a.selector.exact,
            "prefix": a.selector.prefix,
            "suffix": a.selector.suffix,
            "start": a.selector.start,
            "end": a.selector.end,
        },
        "colour": a.colour,
        "tags": list(a.tags),
        "note": a.note,
        "created": a.created,
        "updated": a.updated,
        "link": {"kind": a.link.kind, "key": a.link.key} if a.link else None,
    }


def from_record(record: dict[str, Any]) -> Annotation:
    """Inverse of `to_record`; raises KeyError/TypeError/ValueError on a malformed record."""
    sel = record["selector"]
    art = record["article"]
    link = record.get("link")
    return Annotation(
        id=str(record["id"]),
        article=ArticleRef(str(art["sha256"]), str(art.get("path", "")), str(art.get("title", ""))),
        selector=TextSelector(
            str(sel["exact"]),
            str(sel["prefix"]),
            str(sel["suffix"]),
            int(sel["start"]),
            int(sel["end"]),
        ),
        colour=record.get("colour"),
        tags=tuple(str(t) for t in record.get("tags", ())),
        note=str(record.get("note", "")),
        created=str(record["created"]),
        updated=str(record.get("updated") or record["created"]),
        link=Link(str(link["kind"]), str(link["key"])) if link else None,
    )
