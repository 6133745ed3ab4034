"""The Markdown export as a renderer shows it (markdown-it-py, CommonMark with HTML on):
passages and titles render as the article's literal text; notes render as the user's
Markdown, and one left open cannot swallow the notes after it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector
from readerapp.core.exchange import ArticleNotes, render
from readerapp.core.exchange.markdown import blockquote, closed_off

REF = ArticleRef("b" * 64, "/news/a`b\x1b]2;x\x07.txt", "Title")
RENDERER = MarkdownIt("commonmark")


def note(number: int, exact: str = "passage", text: str = "", **changes) -> Annotation:
    fields = {
        "id": f"urn:uuid:{number}",
        "article": changes.pop("article", REF),
        "selector": TextSelector(exact, "", "", number * 10, number * 10 + len(exact)),
        "note": text,
        "created": "2026-11-24T10:00:00.000Z",
    }
    return Annotation(**(fields | changes))


def html_of(*annotations: Annotation, ref: ArticleRef = REF) -> str:
    return RENDERER.render(render([ArticleNotes(ref, annotations)], "md").decode())


class Blocks(HTMLParser):
    """The text of each top-level element, and every tag met inside blockquotes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.blocks: list[tuple[str, str]] = []
        self.tags_in_quotes: set[str] = set()
        self.in_quote = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if self.depth == 0:
            self.blocks.append((tag, ""))
        if self.in_quote and tag not in ("p", "br"):
            self.tags_in_quotes.add(tag)
        self.in_quote += tag == "blockquote"
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1
        self.in_quote -= tag == "blockquote"

    def handle_data(self, data: str) -> None:
        if self.blocks and self.depth > 0:
            tag, text = self.blocks[-1]
            self.blocks[-1] = (tag, text + data)

    def handle_comment(self, data: str) -> None:
        self.blocks.append(("<!--", data))


def parsed(html: str) -> Blocks:
    blocks = Blocks()
    blocks.feed(html)
    return blocks


def words(text: str) -> str:
    return " ".join(text.split())


HOSTILE_PASSAGES = [
    "<!-- everything after this is hidden",
    "<b>not bold</b> and <script>alert(1)</script>",
    "*not emphasis* _nor this_ **nor this**",
    "`not code` and ``neither``",
    "[not a link](http://example.org) ![no image](x.png) <http://example.org>",
    "&amp; &copy; &#169; stay as typed",
    "# not a heading\n\n1. not a list\n- nor this\n+ nor this\n> nor a quote\n---\n===",
    "2024) a year | a | table |\n~~not struck~~ \\backslash\\ $x$ #notatag",
]


def test_hostile_passages_render_as_their_literal_text():
    annotations = [note(n, exact) for n, exact in enumerate(HOSTILE_PASSAGES)]
    blocks = parsed(html_of(*annotations))
    quotes = [text for tag, text in blocks.blocks if tag == "blockquote"]
    assert [words(q) for q in quotes] == [words(p) for p in HOSTILE_PASSAGES]
    assert blocks.tags_in_quotes == set()  # no <em>, <code>, <a>, <h1>, <li>, <script>…
    assert not [b for b in blocks.blocks if b[0] == "<!--"]


passages = st.text(
    alphabet=st.one_of(
        st.sampled_from("\\`*_[]()<>&!#|~$-+=.:;'\"{}^%@/ \n0123456789"),
        st.sampled_from("abcXYZ é—“”😀"),
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(passages)
def test_any_passage_renders_as_exactly_its_text(passage: str):
    blocks = parsed(RENDERER.render(blockquote(passage)))
    if not words(passage):
        return
    assert [tag for tag, _ in blocks.blocks] == ["blockquote"], blocks.blocks
    assert words(blocks.blocks[0][1]) == words(passage)
    assert blocks.tags_in_quotes == set()


def test_titles_and_paths_render_literally():
    ref = ArticleRef("c" * 64, "/news/a``b.txt", "*Breaking*: <i>x</i> & [more](y)")
    html = html_of(note(1), ref=ref)
    assert "<h1>*Breaking*: &lt;i&gt;x&lt;/i&gt; &amp; [more](y)</h1>" in html
    assert "<code>/news/a``b.txt</code>" in html


def test_a_path_with_escapes_shows_them_visibly():
    html = html_of(note(1))
    assert "\x1b" not in html and "<code>/news/a`b\\x1b]2;x\\x07.txt</code>" in html


def test_notes_are_the_users_markdown():
    html = html_of(note(1, text="**important**: see [the report](https://example.org/r)"))
    assert "<strong>important</strong>" in html and '<a href="https://example.org/r">' in html


def test_a_note_with_an_open_code_fence_does_not_hide_the_next_note():
    html = html_of(
        note(1, text="```python\nprint('never closed')"),
        note(2, "second passage", text="**still shown**"),
    )
    assert "<pre><code class=\"language-python\">print('never closed')\n</code></pre>" in html
    assert "<strong>still shown</strong>" in html
    assert "<blockquote>\n<p>second passage</p>" in html


def test_a_note_with_an_open_comment_or_raw_block_does_not_hide_the_next_note():
    for opening in ("<!-- half a comment", "<pre>\nraw", "<?php never closed", "<![CDATA[ x"):
        html = html_of(note(1, text=opening), note(2, "second passage", text="*after*"))
        assert "<em>after</em>" in html, (opening, html)
        assert "<blockquote>\n<p>second passage</p>" in html


def test_closing_off_leaves_a_closed_note_as_written():
    for written in (
        "```\ncode\n```",
        "~~~~\n```\nstill code\n~~~~",
        "<!-- a comment --> and text",
        "text with `inline` code",
        "<pre>\nx\n</pre>",
    ):
        assert closed_off(written) == written
    assert closed_off("~~~~\n~~~\n") == "~~~~\n~~~\n\n~~~~"  # a shorter run does not close


def test_markdown_leaves_deleted_annotations_out():
    live = note(1, "kept passage")
    gone = note(2, "deleted passage", deleted=True)
    text = render([ArticleNotes(REF, (live,), tombstones=(gone,))], "md").decode()
    assert "kept passage" in text and "deleted passage" not in text
    assert not re.search(r"urn:uuid:2", text)
