"""Property: exporting and reading back gives the same annotations, whatever their text.

Unicode beyond ASCII on purpose: emoji, right-to-left text, combining marks,
quotes and brackets, newlines in notes and passages, paths that are not UTF-8.
Text comes back as it enters the store: cleaned of terminal controls (so an
annotation that is already clean comes back exactly), and a deleted annotation
comes back as its tombstone, without its text.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from datetime import UTC, datetime

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from readerapp.core.annotation import COLOURS, Annotation, ArticleRef, Link, TextSelector
from readerapp.core.exchange import read_annotations, render, schema_bytes
from readerapp.core.exchange.markdown import blockquote
from readerapp.core.exchange.notes import (
    ArticleNotes,
    group_by_article,
    live_and_deleted,
    tombstone,
)
from readerapp.core.safe_text import clean_line, clean_text

TRICKY = "😀👩‍👩‍👧🇵🇰ـعربيעברית\u202e\u200fé\u0301\u0308“”‘’«»\"'()[]{}<>#*_`\\\n\t \u00a0—…"
text = st.text(
    alphabet=st.one_of(
        st.sampled_from(TRICKY),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=40,
)
instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
).map(lambda d: d.isoformat(timespec="milliseconds").replace("+00:00", "Z"))
paths = st.one_of(text, st.binary(max_size=30).map(os.fsdecode))  # b"caf\xe9" is no UTF-8
refs = st.builds(
    ArticleRef,
    sha256=st.one_of(st.just(""), st.text("0123456789abcdef", min_size=64, max_size=64)),
    path=paths,
    title=text,
)


@st.composite
def annotations(draw: st.DrawFn) -> Annotation:
    exact = draw(text)
    start = draw(st.integers(0, 10**6))
    created = draw(instants)
    return Annotation(
        id=draw(st.uuids().map(lambda u: f"urn:uuid:{u}")),
        article=draw(refs),
        selector=TextSelector(exact, draw(text), draw(text), start, start + len(exact)),
        colour=draw(st.sampled_from((None, *COLOURS))),
        tags=tuple(draw(st.lists(text, max_size=4))),
        note=draw(text),
        created=created,
        updated=draw(st.one_of(st.just(created), instants)),
        link=draw(
            st.one_of(st.none(), st.builds(Link, st.sampled_from(["speaker", "allegation"]), text))
        ),
        revision=draw(st.integers(1, 10**6)),
        deleted=draw(st.booleans()),
    )


def as_entered(a: Annotation) -> Annotation:
    """What an import keeps of `a`: text cleaned as it enters; of a delete, its tombstone."""
    ref = replace(a.article, title=clean_line(a.article.title))
    if a.deleted:
        return tombstone(clean_line(a.id), ref, a.updated, a.revision)
    s = a.selector
    return replace(
        a,
        id=clean_line(a.id),
        article=ref,
        selector=replace(
            s, exact=clean_text(s.exact), prefix=clean_text(s.prefix), suffix=clean_text(s.suffix)
        ),
        tags=tuple(t for t in map(clean_line, a.tags) if t),
        note=clean_text(a.note),
        link=replace(a.link, key=clean_line(a.link.key)) if a.link else None,
    )


def exported(items: list[Annotation]) -> list[ArticleNotes]:
    notes = []
    for ref, group in group_by_article(items).items():
        live, deleted = live_and_deleted(group)
        notes.append(ArticleNotes(ref, live, tombstones=deleted))
    return notes


def by_id(items: list[Annotation]) -> dict[str, Annotation]:
    return {a.id: a for a in items}


def entered(items: list[Annotation]) -> dict[str, Annotation]:
    return by_id([as_entered(a) for a in items])


SCHEMA = Draft202012Validator(json.loads(schema_bytes()))


@settings(max_examples=60, deadline=None)
@given(st.lists(annotations(), max_size=8, unique_by=lambda a: a.id))
def test_json_round_trip_is_lossless_and_schema_valid(items: list[Annotation]):
    data = render(exported(items), "json")
    SCHEMA.validate(orjson.loads(data))
    assert by_id(read_annotations(data)) == entered(items)


@settings(max_examples=60, deadline=None)
@given(st.lists(annotations(), max_size=8, unique_by=lambda a: a.id))
def test_w3c_round_trip_is_lossless(items: list[Annotation]):
    assert by_id(read_annotations(render(exported(items), "w3c"))) == entered(items)


@settings(max_examples=60, deadline=None)
@given(st.lists(annotations(), max_size=8, unique_by=lambda a: a.id))
def test_what_was_imported_exports_and_imports_back_exactly(items: list[Annotation]):
    once = [as_entered(a) for a in items]
    for fmt in ("json", "w3c"):
        assert by_id(read_annotations(render(exported(once), fmt))) == by_id(once)


@settings(max_examples=30, deadline=None)
@given(st.lists(annotations(), max_size=5, unique_by=lambda a: a.id))
def test_markdown_quotes_every_passage_whole(items: list[Annotation]):
    markdown = render(exported(items), "md").decode()
    for item in (a for a in items if not a.deleted):
        quoted = blockquote(item.selector.exact)
        assert quoted in markdown
        for line in quoted.split("\n"):
            assert line.startswith(">") and not re.match(r">\s*(#|- |\d+\.)", line)
