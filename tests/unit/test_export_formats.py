"""What each export format contains: the json schema, the W3C model's fields, the Markdown."""

from __future__ import annotations

import json

import orjson
import pytest
from jsonschema import Draft202012Validator

from readerapp.core.analysis import Analysis, Quote, Speaker
from readerapp.core.annotation import Annotation, ArticleRef, Link, TextSelector
from readerapp.core.article import parse_article
from readerapp.core.exchange import ArticleNotes, render, schema_bytes
from readerapp.core.exchange.markdown import blockquote, hashtag, to_markdown
from readerapp.core.exchange.notes import article_ref, notes_for_article
from readerapp.core.exchange.w3c import CONTEXT

ARTICLE = parse_article(
    "A test title\n\nMarch 3, 2016\n\n"
    'The minister said "we will win" on Monday.\n\n'
    "Critics accused him of lying about the figures.\n"
)


def annotation(start: int, end: int, **changes) -> Annotation:
    fields = {
        "id": f"urn:uuid:00000000-0000-4000-8000-{start:012d}",
        "article": article_ref(ARTICLE),
        "selector": TextSelector.from_text(ARTICLE.text, start, end),
        "created": "2026-11-24T10:00:00.000Z",
    }
    return Annotation(**(fields | changes))


def find(passage: str) -> tuple[int, int]:
    start = ARTICLE.text.index(passage)
    return start, start + len(passage)


HIGHLIGHT = annotation(*find("Critics accused him"), colour="yellow")
NOTED = annotation(
    *find("we will win"),
    colour="green",
    tags=("fact check", "claims"),
    note="Check the polls.\nSecond line: “quoted” ‫עברית‬ 😀",
    updated="2026-11-24T11:00:00.000Z",
    link=Link("speaker", "The minister"),
)
ANALYSIS = Analysis(
    speakers=(Speaker("The minister", quotes=(Quote(*find("we will win"), "we will win"),)),)
)
HERE = ArticleNotes(
    article_ref(ARTICLE), (NOTED, HIGHLIGHT), ARTICLE, ANALYSIS, frozenset({HIGHLIGHT.id})
)
GONE = ArticleNotes(
    ArticleRef("f" * 64, "/elsewhere/gone.txt", "A gone article"),
    (annotation(0, 3, id="urn:uuid:gone", article=ArticleRef("f" * 64, "/elsewhere/gone.txt")),),
)


def test_json_export_matches_the_shipped_schema():
    document = orjson.loads(render([HERE, GONE], "json"))
    Draft202012Validator(json.loads(schema_bytes())).validate(document)
    assert document["format"] == "readerapp-annotations" and document["version"] == 1


def test_json_export_carries_article_metadata_analysis_and_each_annotation():
    document = orjson.loads(render([HERE, GONE], "json", exported="2026-11-24T12:00:00.000Z"))
    assert document["exported"] == "2026-11-24T12:00:00.000Z"
    here, gone = document["articles"]
    assert here["title"] == "A test title" and here["date"] == "2016-03-03"
    assert here["sha256"] == ARTICLE.sha256 and here["available"] is True
    assert here["speakers"][0]["name"] == "The minister"
    assert here["allegations"] == []
    noted = here["annotations"][0]
    assert noted["id"] == NOTED.id
    assert noted["selector"] == {
        "exact": "we will win",
        "prefix": NOTED.selector.prefix,
        "suffix": NOTED.selector.suffix,
        "start": NOTED.selector.start,
        "end": NOTED.selector.end,
    }
    assert noted["tags"] == ["fact check", "claims"] and noted["note"] == NOTED.note
    assert noted["colour"] == "green"
    assert noted["link"] == {"kind": "speaker", "key": "The minister"}
    assert (noted["created"], noted["updated"]) == (NOTED.created, NOTED.updated)
    assert noted["orphaned"] is False
    assert here["annotations"][1]["orphaned"] is True
    assert gone["available"] is False and gone["speakers"] is None and gone["date"] is None
    assert gone["annotations"][0]["orphaned"] is None


def test_schema_rejects_what_import_rejects():
    validator = Draft202012Validator(json.loads(schema_bytes()))
    document = orjson.loads(render([HERE], "json"))
    document["articles"][0]["annotations"][0]["selector"]["start"] = "3"
    assert not validator.is_valid(document)


def test_w3c_export_has_every_field_the_model_requires():
    collection = orjson.loads(render([HERE, GONE], "w3c"))
    assert collection["@context"] == CONTEXT
    assert collection["type"] == "AnnotationCollection" and collection["id"]
    assert collection["total"] == 3
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and page["id"] and page["startIndex"] == 0
    for item in page["items"]:
        assert item["@context"] == CONTEXT
        assert item["type"] == "Annotation"
        assert item["id"].startswith("urn:")
        assert item["created"] and item["modified"]
        assert item["motivation"] in ("highlighting", "commenting", "tagging")
        for body in item.get("body", []):
            assert body["type"] == "TextualBody" and body["purpose"] in ("tagging", "commenting")
            assert isinstance(body["value"], str)
        target = item["target"]
        assert target["source"]["id"].startswith("urn:sha256:")
        kinds = {s["type"]: s for s in target["selector"]}
        assert set(kinds) == {"TextQuoteSelector", "TextPositionSelector"}
        assert {"exact", "prefix", "suffix"} <= set(kinds["TextQuoteSelector"])
        position = kinds["TextPositionSelector"]
        assert isinstance(position["start"], int) and isinstance(position["end"], int)


def test_w3c_bodies_and_motivation():
    items = {i["id"]: i for i in orjson.loads(render([HERE], "w3c"))["first"]["items"]}
    noted, bare = items[NOTED.id], items[HIGHLIGHT.id]
    assert noted["motivation"] == "commenting"
    assert [(b["purpose"], b["value"]) for b in noted["body"]] == [
        ("tagging", "fact check"),
        ("tagging", "claims"),
        ("commenting", NOTED.note),
    ]
    assert noted["readerapp:colour"] == "green"
    assert noted["readerapp:link"] == {"kind": "speaker", "key": "The minister"}
    assert noted["target"]["source"]["readerapp:path"] == HERE.ref.path
    assert bare["motivation"] == "highlighting" and "body" not in bare
    tagged = annotation(0, 3, tags=("x",))
    only = orjson.loads(render([ArticleNotes(tagged.article, (tagged,))], "w3c"))
    assert only["first"]["items"][0]["motivation"] == "tagging"


def test_markdown_has_title_date_source_and_annotations_in_text_order():
    text = render([HERE, GONE], "md").decode()
    assert text.startswith("# A test title\n")
    assert "Date: 2016-03-03" in text and "Source: `" in text and ARTICLE.sha256 in text
    assert text.index("> we will win") < text.index("> Critics accused him")
    assert "#fact_check #claims" in text
    assert "Check the polls.  \nSecond line: “quoted”" in text  # the line break kept
    assert "**¶ 1** · on speaker The minister · *green*" in text  # colours differ: shown
    assert "passage no longer found" in text  # HIGHLIGHT is orphaned
    assert "# A gone article" in text and "Source: `/elsewhere/gone.txt`" in text


def test_markdown_quotes_every_line_of_a_multi_paragraph_passage():
    assert blockquote("first\n\n# not a heading\n- not a list\n1. nor this") == (
        "> first\n>\n> \\# not a heading\n> \\- not a list\n> 1\\. nor this"
    )


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fact check", "#fact_check"),
        ("#already", "#already"),
        ("a, b & c!", "#a_b_c"),
        ("café/menu-2", "#café/menu-2"),
        ("   ", ""),
    ],
)
def test_hashtags_are_one_word(tag: str, expected: str):
    assert hashtag(tag) == expected


def test_markdown_drops_terminal_escapes_from_imported_text():
    sneaky = annotation(0, 3, note="red \x1b[31malert\x1b[0m\x07 done", tags=("a\x1b]0;t\x07",))
    text = render([ArticleNotes(sneaky.article, (sneaky,))], "md").decode()
    assert "\x1b" not in text and "\x07" not in text and "red alert done" in text


def test_markdown_for_an_article_without_notes():
    text = render([ArticleNotes(article_ref(ARTICLE), (), ARTICLE)], "md").decode()
    assert "# A test title" in text and "No notes" in text


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown export format"):
        render([HERE], "pdf")


def test_markdown_reads_as_a_report_on_the_bundled_sample():
    """Paragraph numbers, who said a quoted passage, an allegation note by its parties,
    and the sample named as such, not by a path inside the installed package."""
    from readerapp.core.analysis import analyze
    from readerapp.core.article import load_article
    from readerapp.core.locations import bundled_article

    sample = load_article(bundled_article())
    analysis = analyze(sample)
    quote = analysis.speakers[0].quotes[0]
    allegation = analysis.allegations[0]
    ref = article_ref(sample)
    notes = [
        Annotation(
            id="urn:uuid:00000000-0000-4000-8000-000000000001",
            article=ref,
            selector=TextSelector.from_text(sample.text, quote.start, quote.end),
            note="first line\nsecond line",
        ),
        Annotation(
            id="urn:uuid:00000000-0000-4000-8000-000000000002",
            article=ref,
            selector=TextSelector.from_text(sample.text, allegation.start, allegation.end),
            tags=("needs source",),
            link=Link("allegation", allegation.evidence),
        ),
    ]
    text = to_markdown(notes_for_article(sample, analysis, notes))
    assert "Source: the sample article that comes with readerapp" in text
    assert "site-packages" not in text
    assert f"quoting {analysis.speakers[0].name}" in text
    assert f"on {allegation.accuser} → {allegation.accused}: " in text
    assert "**¶ 1**" in text and "first line  \nsecond line" in text
    assert "highlight" not in text  # one colour, or none, is no news
