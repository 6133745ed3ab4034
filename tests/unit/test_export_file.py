"""`export_article_file`, for the reader's `e` key: a new file each time, never clobbering."""

from __future__ import annotations

import orjson
import pytest

from readerapp.core.analysis import analyze
from readerapp.core.annotation import Annotation, TextSelector
from readerapp.core.article import load_article
from readerapp.core.exchange import ExchangeError, export_article_file
from readerapp.core.exchange.notes import article_ref


def test_default_paths_are_numbered_in_the_current_folder(tmp_path, monkeypatch, sample_path):
    monkeypatch.chdir(tmp_path)
    article = load_article(sample_path)
    note = Annotation(
        id="urn:uuid:1",
        article=article_ref(article),
        selector=TextSelector.from_text(article.text, 0, 12),
        note="first words",
    )
    first = export_article_file(article, [note], analyze(article))
    second = export_article_file(article, [note], analyze(article), "md")
    third = export_article_file(article, [note], None)
    assert (first.name, second.name, third.name) == (
        f"{sample_path.stem}.notes.json",
        f"{sample_path.stem}.notes.md",
        f"{sample_path.stem}.notes-2.json",
    )
    (entry,) = orjson.loads(first.read_bytes())["articles"]
    assert entry["annotations"][0]["note"] == "first words" and entry["speakers"]
    assert orjson.loads(third.read_bytes())["articles"][0]["speakers"] is None


def test_an_explicit_path_is_not_replaced_without_force(tmp_path, sample_path):
    article = load_article(sample_path)
    target = tmp_path / "mine.json"
    target.write_text("keep")
    with pytest.raises(ExchangeError, match="already exists"):
        export_article_file(article, [], None, "json", target)
    assert target.read_text() == "keep"
    assert export_article_file(article, [], None, "w3c", target, force=True) == target
    assert orjson.loads(target.read_bytes())["total"] == 0
