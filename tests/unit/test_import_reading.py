"""Reading an export back: format detection, errors that name the place, newer-wins in a file."""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector
from readerapp.core.exchange import ArticleNotes, ExchangeError, read_annotations, render

REF = ArticleRef("a" * 64, "/articles/one.txt", "One")


def annotation(number: int, **changes: Any) -> Annotation:
    fields = {
        "id": f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        "article": REF,
        "selector": TextSelector("passage", "before ", " after", 10 * number, 10 * number + 7),
        "colour": "yellow",
        "tags": ("t",),
        "note": "n",
        "created": "2026-11-24T10:00:00.000Z",
    }
    return Annotation(**(fields | changes))


FOUR = [annotation(n) for n in range(4)]


def exported(fmt: str, annotations: list[Annotation] = FOUR) -> dict[str, Any]:
    return orjson.loads(render([ArticleNotes(REF, tuple(annotations))], fmt))


def error_for(document: Any) -> str:
    with pytest.raises(ExchangeError) as caught:
        read_annotations(orjson.dumps(document))
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_detects_the_format_from_the_content(fmt: str):
    assert read_annotations(orjson.dumps(exported(fmt))) == FOUR


def test_reads_a_bare_list_and_a_single_w3c_annotation():
    items = exported("w3c")["first"]["items"]
    assert read_annotations(orjson.dumps(items)) == FOUR
    assert read_annotations(orjson.dumps(items[2])) == [FOUR[2]]


def test_reads_a_foreign_w3c_annotation_with_minimal_fields():
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://example.org/anno/1",
        "type": "Annotation",
        "created": "2024-01-02T03:04:05Z",
        "bodyValue": "A comment",
        "target": {
            "source": "https://example.org/article",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "words"},
                {"type": "TextPositionSelector", "start": 4, "end": 9},
            ],
        },
    }
    (result,) = read_annotations(orjson.dumps(foreign))
    assert result.id == "https://example.org/anno/1" and result.note == "A comment"
    assert result.article == ArticleRef("", "https://example.org/article", "")
    assert (result.selector.exact, result.selector.start, result.selector.end) == ("words", 4, 9)
    assert result.updated == result.created and result.colour is None


def test_bad_json_is_named():
    with pytest.raises(ExchangeError, match="not valid JSON"):
        read_annotations(b'{"format": "readerapp-annotations", ')


@pytest.mark.parametrize("document", [{"name": "something else"}, [1, 2], "text", 3, None, []])
def test_foreign_json_is_refused(document: Any):
    assert "not a readerapp or W3C annotation export" in error_for(document)


def breaking(fmt: str, path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(exported(fmt))
    node = document
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return document


JSON_ITEM = ("articles", 0, "annotations", 3)
W3C_ITEM = ("first", "items", 3)


@pytest.mark.parametrize(
    ("fmt", "path", "value", "expected"),
    [
        (
            "json",
            (*JSON_ITEM, "selector", "start"),
            "10",
            "articles[0].annotations[3].selector.start: expected an integer, got a string",
        ),
        (
            "json",
            (*JSON_ITEM, "selector", "end"),
            True,
            "articles[0].annotations[3].selector.end: expected an integer, got true or false",
        ),
        ("json", (*JSON_ITEM, "selector", "end"), 1, "selector.end: is before start (1 < 30)"),
        ("json", (*JSON_ITEM, "selector", "start"), -1, "selector.start: expected an offset"),
        ("json", (*JSON_ITEM, "id"), KeyError, 'articles[0].annotations[3]: missing "id"'),
        ("json", (*JSON_ITEM, "tags", 0), 5, "annotations[3].tags[0]: expected a string"),
        ("json", (*JSON_ITEM, "created"), "yesterday", "annotations[3].created: expected an ISO"),
        ("json", (*JSON_ITEM, "colour"), "purple", "annotations[3].colour: expected one of"),
        ("json", (*JSON_ITEM, "link"), {"kind": "x", "key": ""}, "annotations[3].link.kind"),
        ("json", (*JSON_ITEM,), [], "articles[0].annotations[3]: expected an object, got a list"),
        ("json", ("articles", 0, "sha256"), "xyz", "articles[0].sha256: expected 64"),
        ("json", ("articles",), {}, "articles: expected a list, got an object"),
        ("json", ("version",), 2, "version: this export is format version 2"),
        (
            "w3c",
            (*W3C_ITEM, "target", "selector", 1, "start"),
            "0",
            "first.items[3].target.selector[1].start: expected an integer",
        ),
        ("w3c", (*W3C_ITEM, "target", "selector"), [], "target.selector: needs a TextQuote"),
        ("w3c", (*W3C_ITEM, "target"), "urn:x", "first.items[3].target: targets a whole"),
        ("w3c", (*W3C_ITEM, "body", 0, "value"), 7, "first.items[3].body[0].value: expected a"),
        ("w3c", (*W3C_ITEM, "modified"), "soon", "first.items[3].modified: expected an ISO"),
        ("w3c", (*W3C_ITEM, "type"), "Note", 'first.items[3].type: expected "Annotation"'),
        ("w3c", ("first",), "https://x.org/p1", "first: the collection's page is a link"),
    ],
)
def test_errors_name_the_problem_and_the_place(fmt, path, value, expected):
    assert expected in error_for(breaking(fmt, path, value))


def test_same_id_twice_in_a_file_the_newer_wins_whatever_the_order():
    older = annotation(1, note="old", updated="2026-11-24T10:00:00.000Z")
    newer = annotation(1, note="new", updated="2026-11-24T12:00:00+01:00")  # 11:00 UTC
    for order in ([older, newer], [newer, older]):
        (kept,) = read_annotations(render([ArticleNotes(REF, tuple(order))], "json"))
        assert kept.note == "new" and kept.updated == "2026-11-24T11:00:00.000Z"
