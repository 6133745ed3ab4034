"""What an import lets in: every string cleaned of terminal control, every field within
its limit (the refusal names the place), revisions and tombstones read back."""

from __future__ import annotations

import copy
from typing import Any

import orjson
import pytest

from readerapp.core import limits
from readerapp.core.annotation import Annotation, ArticleRef, Link, TextSelector
from readerapp.core.exchange import ArticleNotes, ExchangeError, read_annotations, render
from readerapp.core.exchange.notes import tombstone

REF = ArticleRef("a" * 64, "/articles/one.txt", "One")
TITLE_SET = "\x1b]2;PWNED\x07"
CLIPBOARD = "\x1b]52;c;UFdORUQ=\x07"
BLANK = "\x1b[2J"


def annotation(number: int, **changes: Any) -> Annotation:
    fields = {
        "id": f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        "article": REF,
        "selector": TextSelector("passage", "before ", " after", 10 * number, 10 * number + 7),
        "tags": ("t",),
        "note": "n",
        "created": "2026-11-24T10:00:00.000Z",
    }
    return Annotation(**(fields | changes))


FOUR = [annotation(n) for n in range(4)]


def document(fmt: str, annotations: list[Annotation] = FOUR) -> dict[str, Any]:
    return orjson.loads(render([ArticleNotes(REF, tuple(annotations))], fmt))


def set_at(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


def refusal(doc: Any) -> str:
    with pytest.raises(ExchangeError) as caught:
        read_annotations(orjson.dumps(doc))
    return str(caught.value)


def has_control(text: str) -> bool:
    return any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in text)


@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_terminal_control_in_every_imported_string_is_removed(fmt: str):
    hostile = annotation(
        1,
        id=f"urn:uuid:1{TITLE_SET}",
        article=ArticleRef("a" * 64, "/articles/one.txt", f"Title {TITLE_SET}"),
        selector=TextSelector(
            f"pass{BLANK}age", f"be{CLIPBOARD}fore ", f" af{TITLE_SET}ter", 3, 10
        ),
        tags=(TITLE_SET, f"x{CLIPBOARD}", f"fact{BLANK} check"),
        note=f"see {CLIPBOARD}this{BLANK}\nsecond line\x07",
        link=Link("speaker", f"Maria{TITLE_SET} Lopes"),
    )
    (read,) = read_annotations(render([ArticleNotes(hostile.article, (hostile,))], fmt))
    strings = [
        read.id,
        read.article.title,
        read.selector.exact,
        read.selector.prefix,
        read.selector.suffix,
        read.note,
        *read.tags,
        read.link.key if read.link else "",
    ]
    assert not any(has_control(s) or "\x1b" in s for s in strings), strings
    assert read.tags == ("x", "fact check")  # a tag of nothing but an escape is no tag
    assert read.note == "see this\nsecond line"
    assert read.selector.exact == "passage" and read.article.title == "Title"
    assert read.link == Link("speaker", "Maria Lopes")


def test_a_message_quoting_a_bad_value_quotes_it_cleaned():
    message = refusal(
        set_at(document("json"), ("articles", 0, "annotations", 1, "colour"), CLIPBOARD)
    )
    assert "annotations[1].colour" in message and "\x1b" not in message and "\x07" not in message


MB_NOTE = "x" * (limits.NOTE.maximum + 1)
ITEM = ("articles", 0, "annotations", 3)
W3C = ("first", "items", 3)


@pytest.mark.parametrize(
    ("fmt", "path", "value", "expected"),
    [
        ("json", (*ITEM, "note"), MB_NOTE, "articles[0].annotations[3].note: over 1 MB"),
        (
            "json",
            (*ITEM, "note"),
            "é" * (limits.NOTE.maximum // 2 + 1),  # two bytes each: over 1 MB in UTF-8
            "articles[0].annotations[3].note: over 1 MB",
        ),
        ("json", (*ITEM, "tags"), ["ok", "t" * 201], "annotations[3].tags[1]: over 200 characters"),
        ("json", (*ITEM, "tags"), [f"t{n}" for n in range(101)], "annotations[3].tags: 101 items"),
        ("json", (*ITEM, "selector", "exact"), "q" * 100_001, "selector.exact: over 100,000"),
        ("json", (*ITEM, "selector", "prefix"), "p" * 1_001, "selector.prefix: over 1,000"),
        ("json", (*ITEM, "id"), "i" * 201, "articles[0].annotations[3].id: over 200 characters"),
        ("json", ("articles", 0, "title"), "T" * 1_001, "articles[0].title: over 1,000"),
        ("json", ("articles", 0, "path"), "/p" * 2_049, "articles[0].path: over 4,096"),
        ("json", (*ITEM, "revision"), 0, "annotations[3].revision: expected a whole number"),
        ("json", (*ITEM, "revision"), "2", "annotations[3].revision: expected a whole number"),
        ("w3c", (*W3C, "body", 1, "value"), MB_NOTE, "first.items[3].body[1].value: over 1 MB"),
        ("w3c", (*W3C, "body", 0, "value"), "t" * 201, "first.items[3].body[0].value: over 200"),
        (
            "w3c",
            (*W3C, "target", "selector", 0, "exact"),
            "q" * 100_001,
            "first.items[3].target.selector[0].exact: over 100,000 characters",
        ),
        ("w3c", (*W3C, "id"), "i" * 201, "first.items[3].id: over 200 characters"),
        ("w3c", (*W3C, "readerapp:revision"), -3, "first.items[3].readerapp:revision: expected"),
    ],
)
def test_a_field_over_its_limit_is_refused_naming_the_place(fmt, path, value, expected):
    message = refusal(set_at(document(fmt), path, value))
    assert expected in message
    assert len(message) < 300  # the place and the limit, not the value


def test_w3c_tags_over_the_count_are_refused():
    many = annotation(1, tags=tuple(f"t{n}" for n in range(101)))
    assert "first.items[0].body: 101 items" in refusal(document("w3c", [many]))


def test_the_limits_the_editors_use_measure_what_they_say():
    assert limits.NOTE.problem("x" * limits.NOTE.maximum) is None
    assert limits.NOTE.problem("€" * (limits.NOTE.maximum // 3 + 1)) == (
        f"over 1 MB ({3 * (limits.NOTE.maximum // 3 + 1):,} bytes)"
    )
    assert limits.TAG.problem("t" * 200) is None and limits.TAG.problem("t" * 201)
    assert limits.TAGS.problem(100) is None and limits.TAGS.problem(101)


@pytest.mark.parametrize("fmt", ["json", "w3c"])
def test_revisions_and_tombstones_come_back(fmt: str):
    live = annotation(1, revision=7)
    gone = tombstone(annotation(2).id, REF, "2026-11-25T08:00:00.000Z", 4)
    data = render([ArticleNotes(REF, (live,), tombstones=(gone,))], fmt)
    assert {a.id: a for a in read_annotations(data)} == {live.id: live, gone.id: gone}
    assert "passage" not in data.decode().split(gone.id, 1)[1][:200]  # no text of the deleted


def test_a_tombstone_must_say_deleted():
    gone = tombstone(annotation(2).id, REF, "2026-11-25T08:00:00.000Z", 4)
    doc = orjson.loads(render([ArticleNotes(REF, (), tombstones=(gone,))], "json"))
    doc["articles"][0]["tombstones"][0]["deleted"] = False
    assert "articles[0].tombstones[0].deleted: a tombstone" in refusal(doc)


def test_timestamps_are_read_as_instants_in_utc():
    local = annotation(1, created="2026-03-01T09:30:00-02:00", updated="2026-03-01T09:30:00-02:00")
    naive = annotation(2, created="2026-03-01T10:00:00")
    read = {a.id: a for a in read_annotations(render([ArticleNotes(REF, (local, naive))], "json"))}
    assert read[local.id].updated == "2026-03-01T11:30:00.000Z"
    assert read[naive.id].created == "2026-03-01T10:00:00.000Z"
