"""An annotation: a passage of an article with a highlight colour, tags and a note.

Records are plain frozen dataclasses; the store turns them into JSON documents
with `to_record`/`from_record`, and export formats build on the same records.

Which of two copies of one annotation is newer is decided here and nowhere else
(`newer`): by a revision counter that every change bumps, so a clock set back
cannot make an older edit win; timestamps, compared as instants, only break ties.
A deleted annotation stays as a tombstone (`deleted=True`) so that a stale
window or an old export cannot bring it back.
"""

from __future__ import annotations

import base64
import os
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from readerapp.core.safe_text import clean_line, clean_text

if TYPE_CHECKING:
    from readerapp.core.article import Article

COLOURS = ("yellow", "green", "blue", "pink", "orange")
CONTEXT_CHARS = 32


def utc_now() -> str:
    """A UTC timestamp in ISO 8601 with milliseconds, e.g. 2026-11-24T22:31:49.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def instant(timestamp: str) -> datetime:
    """An ISO 8601 timestamp as an aware datetime; one without a zone is UTC.

    Raises ValueError for a string that is not a timestamp.
    """
    parsed = datetime.fromisoformat(timestamp)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def utc_timestamp(timestamp: str) -> str:
    """The same instant written as UTC with an offset (`…Z`); naive ones are taken as UTC."""
    moment = instant(timestamp).astimezone(UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


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
    revision: int = 1  # bumped by every change; decides which copy is newer
    deleted: bool = False  # a tombstone: kept so that the deletion travels and holds

    def __post_init__(self) -> None:
        if not self.updated:
            object.__setattr__(self, "updated", self.created)

    def edited(self, **changes: Any) -> Annotation:
        """A copy with `changes` applied, the revision bumped and `updated` set to now."""
        return replace(self, updated=utc_now(), revision=self.revision + 1, **changes)


class Versioned(Protocol):
    """A record kept with a revision counter: an annotation, or a correction of the analysis."""

    @property
    def revision(self) -> int: ...

    @property
    def updated(self) -> str: ...


def newer(candidate: Versioned, current: Versioned) -> bool:
    """Whether `candidate` is a newer copy than `current`: the one rule for newer-wins
    (store, import, export merges; annotations and corrections alike). The higher
    revision wins; on equal revisions the later instant of `updated`; on a full tie,
    neither (the copy in hand stays)."""
    if candidate.revision != current.revision:
        return candidate.revision > current.revision
    return instant(candidate.updated) > instant(current.updated)


def path_to_record(path: str) -> dict[str, str]:
    """`{"path": …}` for a record, plus `path_bytes` when the path is not valid UTF-8.

    A file name on Linux is bytes (`caf\\xe9.txt` from a Latin-1 system); Python
    keeps the odd bytes as lone surrogates, which JSON cannot hold. Such a path is
    stored as its bytes in base64 (`path_bytes`) beside a readable `path` with
    U+FFFD in their place, so it round-trips exactly and still reads well.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(path)
        return {
            "path": raw.decode("utf-8", errors="replace"),
            "path_bytes": base64.b64encode(raw).decode("ascii"),
        }
    return {"path": path}


def path_from_record(record: dict[str, Any]) -> str:
    """Inverse of `path_to_record`; ValueError if `path_bytes` is not base64."""
    encoded = record.get("path_bytes")
    if encoded:
        return os.fsdecode(base64.b64decode(str(encoded), validate=True))
    return str(record.get("path", ""))


def to_record(annotation: Annotation) -> dict[str, Any]:
    """The JSON document stored in the database (and the core of the JSON export)."""
    a = annotation
    return {
        "id": a.id,
        "article": {
            "sha256": a.article.sha256,
            **path_to_record(a.article.path),
            "title": a.article.title,
        },
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
        "revision": a.revision,
        "deleted": a.deleted,
    }


def from_record(record: dict[str, Any]) -> Annotation:
    """Inverse of `to_record`; raises KeyError/TypeError/ValueError on a malformed record.

    Text from a database or an import is outside data: it is cleaned here, where it
    enters, of terminal controls (see `safe_text`). Records from before revisions and
    tombstones read as revision 1, not deleted; naive timestamps are taken as UTC.
    """
    sel = record["selector"]
    art = record["article"]
    link = record.get("link")
    revision = record.get("revision", 1)
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        raise ValueError(f"revision must be a positive integer, not {revision!r}")
    created = utc_timestamp(str(record["created"]))
    return Annotation(
        id=clean_line(str(record["id"])),
        article=ArticleRef(
            str(art["sha256"]), path_from_record(art), clean_line(str(art.get("title", "")))
        ),
        selector=TextSelector(
            clean_text(str(sel["exact"])),
            clean_text(str(sel["prefix"])),
            clean_text(str(sel["suffix"])),
            int(sel["start"]),
            int(sel["end"]),
        ),
        colour=record.get("colour"),
        tags=tuple(t for t in (clean_line(str(t)) for t in record.get("tags", ())) if t),
        note=clean_text(str(record.get("note", ""))),
        created=created,
        updated=utc_timestamp(str(record.get("updated") or created)),
        link=Link(str(link["kind"]), clean_line(str(link["key"]))) if link else None,
        revision=revision,
        deleted=bool(record.get("deleted", False)),
    )
