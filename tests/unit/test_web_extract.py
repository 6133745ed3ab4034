"""Saved web pages opened as articles: the text a reader would call the article, and its header.

The pages in tests/web_pages are written for these tests with the structure of
real news sites: navigation, a cookie banner, JSON-LD, Open Graph, `<time>`,
figures with credits, related-story asides, comments, a newsletter box, a
paywall teaser, an AMP page, a legacy-encoded blog, and a hostile page.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from readerapp.core.article import Article, ArticleError, load_article, page_article
from readerapp.core.library import article_files, load_library
from readerapp.core.web.extract import decode_html, extract_page
from readerapp.core.web.fetch import WebError
from web_server import PAGES

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def paragraphs(article: Article) -> list[str]:
    return [article.text[start:end] for start, end in article.paragraphs]


def opened(name: str) -> Article:
    return load_article(PAGES / name)


def test_news_page_header_comes_from_its_metadata() -> None:
    article = opened("harbour-dredging.html")
    assert article.title == "Harbour dredging halted after survey finds toxic silt"
    assert article.date == date(2024, 5, 14)
    assert article.author == "Priya Ramanathan"
    assert article.site == "The Coastal Courier"
    assert article.source_url == (
        "https://www.coastalcourier.example/news/2024/05/harbour-dredging-halted"
    )
    assert article.standfirst.startswith("Work on the deep-water channel is paused")
    assert article.fetched_at is None  # a saved file, not a fetched copy


def test_news_page_body_is_the_story_and_nothing_around_it() -> None:
    found = paragraphs(opened("harbour-dredging.html"))
    expected_starts = [
        "Dredging of the harbour's new deep-water channel was halted",
        "The harbour authority said the work",
        '"We are not going to dump it in the bay',
        "The survey was commissioned after local fishermen",
        "Who pays for the clean-up",  # a subheading is its own paragraph
        "Environmental groups accused the authority",
        '"They were told, in writing, that this was likely,"',
        "The authority said it had followed the advice",
        "Treating the silt on land could add up to £6m",
    ]
    assert len(found) == len(expected_starts), found
    for paragraph, start in zip(found, expected_starts, strict=True):
        assert paragraph.startswith(start)
    assert found[-1].endswith("delay the opening of the channel by at least a year.")


@pytest.mark.parametrize(
    "boilerplate",
    [
        "We use cookies",  # cookie banner
        "Accept all",
        "Politics",  # navigation
        "Search the Courier",
        "Advertisement",
        "Share on Facebook",
        "Related stories",  # the aside inside the story
        "Deep-water channel plan approved",
        "Photograph:",  # caption credits
        "idle at the east quay",  # the caption itself
        "Sign up to Morning Tide",  # newsletter box
        "seaview_steve",  # comments
        "Who is going to pay the six million",
        "Most read",
        "Pier closed after storm damage",
        "corrections policy",  # story footer
        "Registered in England",  # site footer
        "dataLayer",  # scripts
    ],
)
def test_news_page_leaves_out(boilerplate: str) -> None:
    article = opened("harbour-dredging.html")
    assert boilerplate not in article.text
    assert boilerplate not in article.standfirst


def test_amp_page() -> None:
    article = opened("amp-rail-strike.html")
    assert article.title == "Rail workers vote to strike over ticket office closures"
    assert article.date == date(2023, 9, 2)
    assert article.author == "Marek Dvořák"
    assert article.site == "Northline News"
    assert article.source_url == "https://northline.example/transport/rail-workers-vote-to-strike"
    found = paragraphs(article)
    assert found[0].startswith("Members of the station staff union voted by four to one")
    assert found[-1] == (
        "No dates for the strikes have been set. "
        "The union must give two weeks' notice of any action."
    )
    assert any(p.startswith("“Nobody asked the people") for p in found)  # the blockquote
    assert len(found) == 5
    for boilerplate in ("Advertisement", "Menu", "More on transport", "Bus fares frozen"):
        assert boilerplate not in article.text


def test_paywall_teaser_keeps_the_free_paragraphs_only() -> None:
    article = opened("paywall-council-budget.html")
    assert article.title == "Council budget gap widens to $14 million, memo shows"
    assert article.author == "Ana Lucía Ferreira"
    assert article.date == date(2022, 11, 8)
    assert article.site == "The Riverton Ledger"
    found = paragraphs(article)
    assert len(found) == 2
    assert found[0].startswith("Riverton's projected budget shortfall")
    for boilerplate in ("Subscribe", "reached your limit", "Log in", "road closures"):
        assert boilerplate not in article.text


def test_legacy_blog_date_from_time_author_from_byline_charset_from_meta() -> None:
    article = opened("blog-time-only.html")
    assert article.title == "Why our village library is staying open on Sundays"
    assert article.date == date(2021, 2, 19)
    assert article.author == "Jo Whitcombe"
    assert "Café owner Renée Marsh" in article.text  # Windows-1252 bytes read as such
    found = paragraphs(article)
    assert "• someone who can fix the old photocopier" in found  # list items stay items
    assert found[-1].startswith("If you can help, leave your name")
    for boilerplate in ("Wonderful news", "Leave a Reply", "Archives", "Powered by", "Filed under"):
        assert boilerplate not in article.text


def test_hostile_page_shows_no_markup_no_script_and_no_terminal_control() -> None:
    article = opened("hostile-markup.html")
    shown = [article.title, article.text, article.standfirst, article.author, article.site]
    for field in shown:
        assert not UNSAFE.search(field), repr(field)
        assert "[2J" not in field and "]52;" not in field and "PWNED" not in field
    assert article.title == "Mayor denies claims about the depot"
    assert article.author == "Rex Lawless"
    assert article.site == "Evil Gazette"
    # Rich-style markup and escaped tags in the page's text are the article's words.
    assert "calling the accusation [red]a fantasy[/red]" in article.text
    assert "It also says <b>not bold</b> in angle brackets" in article.text
    for hidden in (
        "Injected by script",
        "stealCookies",
        "alert(",
        "IFRAME FALLBACK",
        "AD FRAME TEXT",
        "NOSCRIPT TEXT",
        "STYLE-TEXT",
        "OBJECT TEXT",
    ):
        assert hidden not in article.text


def test_a_page_without_an_article_is_refused_in_one_line() -> None:
    with pytest.raises(WebError) as caught:
        opened("no-article-login.html")
    message = str(caught.value)
    assert "no article text found" in message and "\n" not in message


def test_an_empty_or_binary_html_file_is_refused(tmp_path: Path) -> None:
    for content in (b"", b"\x00\x01\x02" * 100, b"<html><body></body></html>"):
        path = tmp_path / "page.html"
        path.write_bytes(content)
        with pytest.raises(ArticleError, match="no article text"):
            load_article(path)


def test_the_native_layout_reads_back_to_the_same_article(tmp_path: Path) -> None:
    """A saved copy of a page is the same article as the page: same text, same header."""
    page = extract_page(decode_html((PAGES / "harbour-dredging.html").read_bytes()))
    direct = page_article(page, path=None)
    copy = tmp_path / "copy.txt"
    copy.write_text(page.as_text(), encoding="utf-8")
    saved = load_article(copy)
    assert saved.text == direct.text and saved.sha256 == direct.sha256
    assert (saved.title, saved.date, saved.standfirst) == (
        direct.title,
        direct.date,
        direct.standfirst,
    )


def test_decoding_follows_the_server_then_the_bom_then_utf8_then_the_page() -> None:
    latin = "<meta charset='iso-8859-1'><p>Café</p>".encode("latin-1")
    assert "Café" in decode_html(latin)
    assert "Café" in decode_html("<p>Café</p>".encode("cp1252"))  # undeclared: Windows-1252
    assert "Café" in decode_html("<p>Café</p>".encode("utf-16"))
    assert "Café" in decode_html("<p>Café</p>".encode(), "utf-8")
    assert "Café" in decode_html("<p>Café</p>".encode("cp1252"), "windows-1252")
    assert "Caf" in decode_html(b"<p>Caf\xe9</p>", "no-such-charset")


def test_html_files_are_articles_in_a_library_folder(tmp_path: Path) -> None:
    (tmp_path / "harbour.html").write_bytes((PAGES / "harbour-dredging.html").read_bytes())
    (tmp_path / "rail.htm").write_bytes((PAGES / "amp-rail-strike.html").read_bytes())
    (tmp_path / "story.txt").write_text("A story\n\nIt happened.", encoding="utf-8")
    assert [p.name for p in article_files(tmp_path)] == ["harbour.html", "rail.htm", "story.txt"]
    titles = [entry.article.title for entry in load_library(tmp_path) if entry.article]
    assert titles == [
        "Harbour dredging halted after survey finds toxic silt",
        "Rail workers vote to strike over ticket office closures",
        "A story",
    ]
