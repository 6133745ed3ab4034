"""Parsing articles into one canonical text, and refusing files that are not articles."""

from __future__ import annotations

from datetime import date

import pytest

from readerapp.core.article import ArticleError, load_article, parse_article, parse_date
from readerapp.core.segments import paragraph_spans, sentence_spans


def test_sample_layout_header_and_trailer_are_not_body(sample_path):
    article = load_article(sample_path)
    assert article.title == "Who will survive -- PSP or MQM?"
    assert article.date == date(2016, 4, 3)
    assert article.standfirst.startswith("There is a tug of war")
    assert article.text.startswith('"We were expecting')
    assert article.title not in article.text  # neither the repeat nor the trailer
    assert article.text.endswith('another Haqiqi".')
    for start, end in article.paragraphs:
        assert "\n" not in article.text[start:end]


LAYOUT = """Mayor resigns after audit

12 March 2024

The audit found missing funds. A new vote is expected.

Mayor resigns after audit

"I take full responsibility," the mayor said.

Council members met on Tuesday.

Mayor resigns after audit
"""


def test_layout_with_other_date_format():
    article = parse_article(LAYOUT)
    assert article.title == "Mayor resigns after audit"
    assert article.date == date(2024, 3, 12)
    assert article.standfirst == "The audit found missing funds. A new vote is expected."
    assert (
        article.text
        == '"I take full responsibility," the mayor said.\n\nCouncil members met on Tuesday.'
    )
    assert [article.text[s:e] for s, e in article.paragraphs] == [
        '"I take full responsibility," the mayor said.',
        "Council members met on Tuesday.",
    ]


def test_plain_text_without_header_first_line_is_title():
    article = parse_article("Storm hits coast\nwith high winds\n\nTrees fell.\n\nPower was cut.")
    assert article.title == "Storm hits coast with high winds"
    assert article.date is None
    assert article.text == "Trees fell.\n\nPower was cut."


def test_hard_wrapped_paragraphs_are_reflowed():
    article = parse_article("T\n\nOne line\nwrapped here.\n\nNext.")
    assert article.text == "One line wrapped here.\n\nNext."


def test_a_corpus_layout_of_short_one_paragraph_lines_keeps_its_paragraphs():
    """Headline, blank line, one paragraph per line, no date line: even when the
    paragraphs are short sentences of similar length, as a wrapped text's lines are."""
    lines = [
        "The ferry to the islands will stop in March.",
        "Its owners say the crossing loses money every year.",
        "Islanders plan a protest at the harbour on Friday.",
        "A council spokesman said talks were still going on.",
    ]
    article = parse_article("Ferry service to end\n\n" + "\n".join(lines) + "\n")
    assert article.title == "Ferry service to end"
    assert article.text == "\n\n".join(lines)
    assert len(article.paragraphs) == 4


def test_markdown_title_and_emphasis(write_article):
    path = write_article(
        "a.md",
        "# The *real* title\n\nSome **bold** and _it_ text with a [link](http://x.org).\n\n"
        "## A subheading\n\nLast.",
    )
    article = load_article(path)
    assert article.title == "The real title"
    assert article.text == "Some bold and it text with a link.\n\nA subheading\n\nLast."


def test_crlf_and_lone_cr_are_normalized():
    article = parse_article("Title\r\n\r\nOne.\r\rTwo.")
    assert article.text == "One.\n\nTwo."


def test_nfc_normalization():
    article = parse_article("T\n\nCafe\u0301 ouvert.")
    assert article.text == "Caf\u00e9 ouvert."


def test_terminal_control_sequences_are_removed():
    article = parse_article(
        "Title\x1b[2J\n\nBody \x1b[31mred\x1b[0m text\x07 and \x1b]0;pwned\x07 end."
    )
    assert "\x1b" not in article.text and "\x07" not in article.text
    assert article.title == "Title"
    assert article.text == "Body red text and  end."


def test_markup_is_kept_as_plain_characters():
    article = parse_article("T\n\n[bold red]x[/] and [link=http://x]y[/link]")
    assert article.text == "[bold red]x[/] and [link=http://x]y[/link]"


def test_latin1_file_opens_with_a_notice(write_article):
    path = write_article("latin.txt", "Caf\xe9 news\n\nThe caf\xe9 opened.".encode("latin-1"))
    article = load_article(path)
    assert article.text == "The café opened."
    assert article.notice and "not UTF-8" in article.notice


def test_utf16_with_bom(write_article):
    path = write_article("u16.txt", "Título\n\nCuerpo del texto.".encode("utf-16"))
    assert load_article(path).title == "Título"


def test_utf8_bom_is_dropped(write_article):
    path = write_article("bom.txt", "\ufeffTitle\n\nBody.".encode())
    assert load_article(path).title == "Title"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n \t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ],
)
def test_bad_files_raise_one_clear_line(write_article, content, message):
    path = write_article("bad.txt", content)
    with pytest.raises(ArticleError) as err:
        load_article(path)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="directory"):
        load_article(tmp_path)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("April 3, 2016", date(2016, 4, 3)),
        ("3 April 2016", date(2016, 4, 3)),
        ("2016-04-03", date(2016, 4, 3)),
        ("Published: March 1st, 2020", date(2020, 3, 1)),
        ("The vote is on April 7", None),
        ("In 2016 the party split", None),
    ],
)
def test_parse_date(line, expected):
    assert parse_date(line) == expected


def test_sentences_skip_abbreviations():
    text = 'Dr. Smith arrived. "It works," she said. U.S. officials left! Then?'
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans == ["Dr. Smith arrived.", '"It works," she said.', "U.S. officials left!", "Then?"]


def test_paragraph_spans():
    text = "One.\n\nTwo two.\n\nThree."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two two.", "Three."]
