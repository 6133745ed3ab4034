"""readerapp's own export format: everything the database holds, plus the article's analysis.

Documented in docs/export-format.md and by `readerapp-export.schema.json`
beside this module (what `readerapp export --schema` prints). Bump `VERSION`
only for changes an older reader would misread; adding optional keys is not one
(so `revision`, `path_bytes`, `tombstones` and `corrections` came without a
bump: an older readerapp ignores them, and at worst keeps a note that was
deleted elsewhere, or leaves the analysis uncorrected).
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from readerapp import __version__
from readerapp.core import limits
from readerapp.core.analysis import analysis_to_json
from readerapp.core.annotation import (
    Annotation,
    ArticleRef,
    TextSelector,
    path_from_record,
    path_to_record,
)
from readerapp.core.corrections import record as correction_record
from readerapp.core.corrections.record import Correction, RecordError
from readerapp.core.exchange.notes import ArticleNotes, tombstone
from readerapp.core.exchange.validation import (
    at,
    colour,
    expect_list,
    expect_object,
    field,
    line,
    link,
    offsets,
    problem,
    revision,
    sha256_hex,
    string,
    tag_list,
    text,
    timestamp,
    within,
)

FORMAT_NAME = "readerapp-annotations"
VERSION = 1
SCHEMA_FILE = "readerapp-export.schema.json"


def schema_bytes() -> bytes:
    """The JSON Schema of this format, as shipped in the package."""
    return resources.files(__package__).joinpath(SCHEMA_FILE).read_bytes()


def to_document(notes: list[ArticleNotes], exported: str) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": VERSION,
        "exported": exported,
        "generator": f"readerapp {__version__}",
        "articles": [_article(entry) for entry in notes],
    }


def _article(entry: ArticleNotes) -> dict[str, Any]:
    article, analysis = entry.article, entry.analysis
    found = analysis_to_json(article, analysis) if article and analysis else None
    result = {
        "title": entry.ref.title,
        "date": article.date.isoformat() if article and article.date else None,
        **path_to_record(entry.ref.path),
        "sha256": entry.ref.sha256,
        "source": (article.source_url or None) if article else None,
        "available": article is not None,
        "speakers": found["speakers"] if found else None,
        "allegations": found["allegations"] if found else None,
        "annotations": [
            _annotation(a, entry.is_orphaned(a), entry.originals.get(a.id))
            for a in entry.annotations
        ],
    }
    if entry.tombstones:
        result["tombstones"] = [_tombstone(a) for a in entry.tombstones]
    if entry.corrections:
        result["corrections"] = [_correction(c) for c in entry.corrections]
    return result


def _correction(c: Correction) -> dict[str, Any]:
    """A correction as the database holds it, without the article (the entry says it)."""
    record = correction_record.to_record(c)
    del record["article"]
    return record


def _tombstone(a: Annotation) -> dict[str, Any]:
    """A deleted annotation: enough to make the delete hold elsewhere, none of its text."""
    return {"id": a.id, "revision": a.revision, "updated": a.updated, "deleted": True}


def _annotation(a: Annotation, orphaned: bool | None, original: str | None) -> dict[str, Any]:
    s = a.selector
    found = {} if original is None else {"original_exact": original}
    return {
        "id": a.id,
        "selector": {
            "exact": s.exact,
            "prefix": s.prefix,
            "suffix": s.suffix,
            "start": s.start,
            "end": s.end,
        },
        "colour": a.colour,
        "tags": list(a.tags),
        "note": a.note,
        "created": a.created,
        "updated": a.updated,
        "orphaned": orphaned,
        "link": {"kind": a.link.kind, "key": a.link.key} if a.link else None,
        "revision": a.revision,
        **found,
    }


def is_document(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT_NAME


def parse_document(data: dict[str, Any]) -> list[Annotation]:
    """Every annotation of a readerapp export; ExchangeError names the first bad place."""
    version = data.get("version")
    if version != VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise problem(
                "version",
                f"this export is format version {version}; this readerapp reads version "
                f"{VERSION}, so update readerapp",
            )
        raise problem("version", f"expected {VERSION}, got {version!r}")
    articles = expect_list(field(data, "articles", ""), "articles")
    annotations = []
    for index, article in enumerate(articles):
        where = at("articles", index)
        article = expect_object(article, where)
        ref = ArticleRef(
            sha256=sha256_hex(string(article, "sha256", where, ""), at(where, "sha256")),
            path=_path(article, where),
            title=line(article, "title", where, limits.TITLE, default=""),
        )
        items = expect_list(field(article, "annotations", where), at(where, "annotations"))
        for number, item in enumerate(items):
            annotations.append(_parse_annotation(item, ref, at(at(where, "annotations"), number)))
        here = at(where, "tombstones")
        for number, item in enumerate(expect_list(article.get("tombstones", []), here)):
            annotations.append(_parse_tombstone(item, ref, at(here, number)))
    return annotations


def parse_corrections(data: dict[str, Any]) -> list[Correction]:
    """Every correction of the analysis in a readerapp export (call after `parse_document`,
    which checks the rest); ExchangeError names the first bad place."""
    corrections = []
    for index, article in enumerate(data.get("articles", [])):
        where = at("articles", index)
        ref = ArticleRef(
            sha256=str(article["sha256"]),
            path=_path(article, where),
            title=line(article, "title", where, limits.TITLE, default=""),
        )
        here = at(where, "corrections")
        for number, item in enumerate(expect_list(article.get("corrections", []), here)):
            try:
                corrections.append(correction_record.read_correction(item, ref, at(here, number)))
            except RecordError as err:
                raise problem(err.where, err.message) from None
    return corrections


def _path(article: dict[str, Any], where: str) -> str:
    """The article's path; `path_bytes` (base64) gives it exactly when it is not UTF-8."""
    readable = within(string(article, "path", where, default=""), limits.PATH, at(where, "path"))
    if article.get("path_bytes") is None:
        return readable
    encoded = string(article, "path_bytes", where)
    try:
        exact = path_from_record({"path_bytes": encoded})
    except ValueError:
        raise problem(at(where, "path_bytes"), "expected the path's bytes in base64") from None
    return within(exact, limits.PATH, at(where, "path_bytes"))


def _ident(item: dict[str, Any], where: str) -> str:
    ident = line(item, "id", where, limits.ID)
    if not ident:
        raise problem(at(where, "id"), "expected a non-empty id")
    return ident


def _parse_tombstone(item: Any, ref: ArticleRef, where: str) -> Annotation:
    item = expect_object(item, where)
    if item.get("deleted", True) is not True:
        raise problem(at(where, "deleted"), "a tombstone is a deleted annotation: expected true")
    updated = timestamp(item, "updated", where)
    return tombstone(_ident(item, where), ref, updated, revision(item, "revision", where))


def _parse_annotation(item: Any, ref: ArticleRef, where: str) -> Annotation:
    item = expect_object(item, where)
    ident = _ident(item, where)
    here = at(where, "selector")
    selector = expect_object(field(item, "selector", where), here)
    start, end = offsets(selector, here)
    created = timestamp(item, "created", where)
    return Annotation(
        id=ident,
        article=ref,
        selector=TextSelector(
            exact=text(selector, "exact", here, limits.QUOTE),
            prefix=text(selector, "prefix", here, limits.CONTEXT, default=""),
            suffix=text(selector, "suffix", here, limits.CONTEXT, default=""),
            start=start,
            end=end,
        ),
        colour=colour(item, "colour", where),
        tags=tag_list(item, "tags", where),
        note=text(item, "note", where, limits.NOTE, default=""),
        created=created,
        updated=timestamp(item, "updated", where, default=created),
        link=link(item, "link", where),
        revision=revision(item, "revision", where),
    )
