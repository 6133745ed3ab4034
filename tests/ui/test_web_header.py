"""The reader's header names the author and the source of an article from the web."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from readerapp.core.article import parse_article
from readerapp.ui.reader_screen import header_text

STORY = parse_article("Pier closes after storm\n\nThe pier shut on Sunday.", path=Path("pier.txt"))


def test_a_text_file_shows_date_words_and_file_name() -> None:
    shown = header_text(replace(STORY, date=date(2024, 5, 14))).plain
    assert shown.splitlines()[1] == "14 May 2024 · 5 words · pier.txt"


def test_a_fetched_page_shows_author_and_site_instead_of_its_made_up_file_name() -> None:
    fetched = replace(
        STORY,
        path=Path("coastal-example-news-pier-1a2b3c4d.txt"),
        author="Priya Ramanathan",
        site="The Coastal Courier",
        source_url="https://www.coastal.example/news/pier",
        fetched_at=datetime(2024, 5, 14, tzinfo=UTC),
    )
    details = header_text(fetched).plain.splitlines()[1]
    assert details == "by Priya Ramanathan · The Coastal Courier · 5 words"


def test_a_page_without_a_site_name_shows_its_host() -> None:
    page = replace(STORY, path=Path("pier.html"), source_url="https://www.coastal.example/n/pier")
    assert header_text(page).plain.splitlines()[1] == "www.coastal.example · 5 words · pier.html"
