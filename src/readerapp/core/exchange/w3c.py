"""W3C Web Annotation Data Model (JSON-LD) export and import.

Other annotation tools read this. What the model has no term for (the
highlight colour, a link to a speaker or allegation, the article's path) goes
under `readerapp:` keys: JSON-LD reads an unknown prefix as an IRI scheme, so
the keys stay meaningful and other tools ignore them, and our own round trip
is lossless. Import accepts a collection with its first page embedded, a page,
a list of annotations or a single annotation, from readerapp or elsewhere.

Two things the model has no place for at all get one of ours:
- Deleted annotations. The model describes annotations that exist (deleting is
  the protocol's HTTP DELETE), so a tombstone is no `Annotation` item, which
  other tools would show as a note with no text; the collection carries them
  in `readerapp:tombstones` instead, which other tools ignore.
- A path that is not UTF-8 (`caf\xe9.txt`). `readerapp:path` is text and shows
  U+FFFD for the odd bytes; `readerapp:file` beside it is a `file:` URI
  (RFC 8089) with every byte percent-encoded, which gives the exact name back.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote_from_bytes, unquote_to_bytes

from readerapp import __version__
from readerapp.core import limits
from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, new_id, path_to_record
from readerapp.core.exchange.notes import ArticleNotes, tombstone
from readerapp.core.exchange.validation import (
    at,
    colour,
    describe,
    expect_list,
    expect_object,
    field,
    line,
    link,
    offsets,
    problem,
    quoted,
    revision,
    sha256_hex,
    string,
    tag,
    text,
    timestamp,
    within,
)

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SHA256_URN = "urn:sha256:"
NO_SOURCE = "urn:readerapp:unknown-article"
COLOUR_KEY = "readerapp:colour"
LINK_KEY = "readerapp:link"
PATH_KEY = "readerapp:path"
SHA256_KEY = "readerapp:sha256"  # beside a web address as the id, the text's identity
FILE_KEY = "readerapp:file"
REVISION_KEY = "readerapp:revision"
TOMBSTONES_KEY = "readerapp:tombstones"
FILE_SCHEME = "file://"
TITLE_KEY = "dcterms:title"  # `dcterms` is a prefix the anno.jsonld context defines
GENERATOR = {"id": "urn:readerapp", "type": "Software", "name": f"readerapp {__version__}"}


def to_collection(notes: list[ArticleNotes], exported: str) -> dict[str, Any]:
    """An AnnotationCollection with its one page embedded, so the file stands alone."""
    items: list[dict[str, Any]] = []
    tombstones: list[dict[str, Any]] = []
    for entry in notes:  # an entry's annotations all carry its ref: one source object each
        source = _source(entry.ref, entry.article.source_url if entry.article else "")
        items.extend(_annotation(a, source) for a in entry.annotations)
        tombstones.extend(_tombstone(a, source) for a in entry.tombstones)
    collection_id = new_id()
    collection = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "readerapp annotations",
        "generated": exported,
        "generator": GENERATOR,
        "total": len(items),
        "first": {
            "id": new_id(),
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    }
    if tombstones:
        collection[TOMBSTONES_KEY] = tombstones
    return collection


def _tombstone(a: Annotation, source: dict[str, Any]) -> dict[str, Any]:
    """A deleted annotation: its id, revision, when, and the article; none of its text."""
    return {"id": a.id, "modified": a.updated, REVISION_KEY: a.revision, "source": source}


def file_uri(path: str) -> str:
    """The path's bytes as a `file:` URI (absolute) or a percent-encoded relative reference."""
    encoded = quote_from_bytes(os.fsencode(path), safe="/")
    return FILE_SCHEME + encoded if path.startswith("/") else encoded


def path_from_uri(uri: str) -> str:
    """Inverse of `file_uri`; ValueError for another scheme or a remote host."""
    if uri.startswith(FILE_SCHEME):
        uri = uri.removeprefix(FILE_SCHEME).removeprefix("localhost")
        if not uri.startswith("/"):
            raise ValueError("a file on another host")
    elif ":" in uri.split("/", 1)[0]:
        raise ValueError("not a file: URI")
    return os.fsdecode(unquote_to_bytes(uri))


def _source(ref: ArticleRef, web_address: str = "") -> dict[str, Any]:
    """The article as a W3C `source`: its hash as the id, title and path beside it.

    A web article's id is the page's address, the target Hypothesis users annotate;
    its hash then goes beside it, so the text's identity survives a round trip.
    """
    recorded = path_to_record(ref.path)
    source = {
        "id": web_address or (SHA256_URN + ref.sha256 if ref.sha256 else NO_SOURCE),
        "type": "Text",
        "format": "text/plain",
        TITLE_KEY: ref.title,
        PATH_KEY: recorded["path"],
    }
    if "path_bytes" in recorded:
        source[FILE_KEY] = file_uri(ref.path)
    if web_address and ref.sha256:
        source[SHA256_KEY] = ref.sha256
    return source


def motivation(a: Annotation) -> str:
    """Why the annotation exists, in the model's words."""
    if a.note:
        return "commenting"
    if a.tags:
        return "tagging"
    return "highlighting"


def _annotation(a: Annotation, source: dict[str, Any]) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags
    ]
    if a.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": a.note,
                "format": "text/plain",
            }
        )
    s = a.selector
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "id": a.id,
        "type": "Annotation",
        "created": a.created,
        "modified": a.updated,
        "motivation": motivation(a),
    }
    if bodies:
        result["body"] = bodies
    result["target"] = {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {"type": "TextQuoteSelector", "exact": s.exact, "prefix": s.prefix, "suffix": s.suffix},
            {"type": "TextPositionSelector", "start": s.start, "end": s.end},
        ],
    }
    if a.colour is not None:
        result[COLOUR_KEY] = a.colour
    if a.link is not None:
        result[LINK_KEY] = {"kind": a.link.kind, "key": a.link.key}
    result[REVISION_KEY] = a.revision
    return result


def _has_context(value: Any) -> bool:
    return value == CONTEXT or (isinstance(value, list) and CONTEXT in value)


def is_document(data: Any) -> bool:
    """A W3C annotation document, or a list of annotations, going by @context and type."""
    if isinstance(data, list):
        return bool(data) and all(isinstance(x, dict) and _is_annotation(x) for x in data)
    if not isinstance(data, dict):
        return False
    kinds = data.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    known = {"Annotation", "AnnotationCollection", "AnnotationPage"}
    return _has_context(data.get("@context")) or bool(known.intersection(map(str, kinds)))


def _is_annotation(data: dict[str, Any]) -> bool:
    return _has_context(data.get("@context")) or data.get("type") == "Annotation"


def _types(data: dict[str, Any]) -> list[str]:
    kinds = data.get("type", [])
    return [str(k) for k in (kinds if isinstance(kinds, list) else [kinds])]


def parse_document(data: Any) -> list[Annotation]:
    """Every annotation in a W3C document; ExchangeError names the first bad place."""
    if isinstance(data, list):
        return [_parse_annotation(item, at("", i)) for i, item in enumerate(data)]
    kinds = _types(data)
    if "AnnotationCollection" in kinds:
        first = field(data, "first", "")
        if isinstance(first, str):
            raise problem(
                "first",
                "the collection's page is a link, not embedded; readerapp imports only "
                "collections whose items are in the file",
            )
        found = _parse_page(expect_object(first, "first"), "first")
        deleted = expect_list(data.get(TOMBSTONES_KEY, []), TOMBSTONES_KEY)
        found += [_parse_tombstone(t, at(TOMBSTONES_KEY, i)) for i, t in enumerate(deleted)]
        return found
    if "AnnotationPage" in kinds:
        return _parse_page(data, "")
    return [_parse_annotation(data, "")]


def _parse_page(page: dict[str, Any], where: str) -> list[Annotation]:
    here = at(where, "items")
    items = expect_list(field(page, "items", where), here)
    return [_parse_annotation(item, at(here, i)) for i, item in enumerate(items)]


def _ident(item: dict[str, Any], where: str) -> str:
    ident = line(item, "id", where, limits.ID)
    if not ident:
        raise problem(at(where, "id"), "expected a non-empty id")
    return ident


def _parse_tombstone(item: Any, where: str) -> Annotation:
    item = expect_object(item, where)
    ref = _parse_source(field(item, "source", where), at(where, "source"))
    updated = timestamp(item, "modified", where)
    return tombstone(_ident(item, where), ref, updated, revision(item, REVISION_KEY, where))


def _parse_annotation(item: Any, where: str) -> Annotation:
    item = expect_object(item, where)
    if "Annotation" not in _types(item):
        raise problem(at(where, "type"), f'expected "Annotation", got {quoted(item.get("type"))}')
    ident = _ident(item, where)
    found_tags, note = _parse_bodies(item, where)
    ref, selector = _parse_target(item, where)
    created = timestamp(item, "created", where)
    return Annotation(
        id=ident,
        article=ref,
        selector=selector,
        colour=colour(item, COLOUR_KEY, where),
        tags=found_tags,
        note=note,
        created=created,
        updated=timestamp(item, "modified", where, default=created),
        link=link(item, LINK_KEY, where),
        revision=revision(item, REVISION_KEY, where),
    )


def _parse_bodies(item: dict[str, Any], where: str) -> tuple[tuple[str, ...], str]:
    """Tags from `tagging` bodies; the note from the other text bodies, or `bodyValue`.

    Each tag is held to its limit where it stands (`body[2]`); the note, made of
    every other text body, is held to its limit as a whole.
    """
    found_tags: list[str] = []
    notes: list[str] = []
    if "bodyValue" in item:
        notes.append(text(item, "bodyValue", where, limits.NOTE))
    raw = item.get("body", [])
    bodies = raw if isinstance(raw, list) else [raw]
    for index, body in enumerate(bodies):
        here = at(at(where, "body"), index) if isinstance(raw, list) else at(where, "body")
        body = expect_object(body, here)
        if "TextualBody" not in _types(body) and "value" not in body:
            kind = quoted(body.get("type"))
            raise problem(here, f"readerapp reads text bodies only (TextualBody), got {kind}")
        if body.get("purpose") == "tagging":
            found_tags.append(tag(field(body, "value", here), at(here, "value")))
        else:
            notes.append(text(body, "value", here, limits.NOTE))
    too_many = limits.TAGS.problem(len(found_tags))
    if too_many:
        raise problem(at(where, "body"), f"{too_many} (tagging bodies)")
    checked = tuple(t for t in found_tags if t)
    return checked, within("\n\n".join(notes), limits.NOTE, at(where, "body"))


def _parse_target(item: dict[str, Any], where: str) -> tuple[ArticleRef, TextSelector]:
    here = at(where, "target")
    target = field(item, "target", where)
    if isinstance(target, list):
        if len(target) != 1:
            raise problem(here, f"readerapp keeps one passage per annotation, got {len(target)}")
        target, here = target[0], at(here, 0)
    if isinstance(target, str):
        raise problem(here, "targets a whole document; readerapp needs a TextQuoteSelector")
    target = expect_object(target, here)
    ref = _parse_source(field(target, "source", here), at(here, "source"))
    raw = field(target, "selector", here)
    selectors = raw if isinstance(raw, list) else [raw]
    found: dict[str, tuple[dict[str, Any], str]] = {}
    for index, selector in enumerate(selectors):
        place = at(at(here, "selector"), index) if isinstance(raw, list) else at(here, "selector")
        selector = expect_object(selector, place)
        found.setdefault(str(selector.get("type")), (selector, place))
    for needed in ("TextQuoteSelector", "TextPositionSelector"):
        if needed not in found:
            raise problem(at(here, "selector"), f"needs a {needed}")
    quote, quote_at = found["TextQuoteSelector"]
    position, position_at = found["TextPositionSelector"]
    start, end = offsets(position, position_at)
    return ref, TextSelector(
        exact=text(quote, "exact", quote_at, limits.QUOTE),
        prefix=text(quote, "prefix", quote_at, limits.CONTEXT, default=""),
        suffix=text(quote, "suffix", quote_at, limits.CONTEXT, default=""),
        start=start,
        end=end,
    )


def _parse_source(source: Any, where: str) -> ArticleRef:
    """The article: its hash from a `urn:sha256:` id; any other IRI is kept as the path."""
    if isinstance(source, str):
        source = {"id": source}
    if not isinstance(source, dict):
        raise problem(where, f"expected an IRI or an object, got {describe(source)}")
    iri = within(string(source, "id", where), limits.PATH, at(where, "id"))
    sha256 = ""
    if iri.startswith(SHA256_URN):
        sha256 = sha256_hex(iri.removeprefix(SHA256_URN), at(where, "id"))
    elif source.get(SHA256_KEY) is not None:  # a web page's address as the id
        sha256 = sha256_hex(string(source, SHA256_KEY, where), at(where, SHA256_KEY))
        iri = ""  # the address is the page's, not a path
    default_path = "" if sha256 or iri == NO_SOURCE else iri
    path = within(string(source, PATH_KEY, where, default=default_path), limits.PATH, where)
    if source.get(FILE_KEY) is not None:
        try:
            path = path_from_uri(string(source, FILE_KEY, where))
        except ValueError as err:
            raise problem(
                at(where, FILE_KEY), f"expected a file: URI of this machine ({err})"
            ) from None
    return ArticleRef(
        sha256=sha256,
        path=within(path, limits.PATH, at(where, PATH_KEY)),
        title=line(source, TITLE_KEY, where, limits.TITLE, default=""),
    )
