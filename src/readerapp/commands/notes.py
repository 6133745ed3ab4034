"""`readerapp notes`: every annotation across the database, filtered by tag, text or article.

Reads the database without changing it and never imports Textual. Without
`--json` a table to read; with it, a list for scripts (see docs/cross-article.md).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

import orjson

from readerapp.commands import add_db_option, fail
from readerapp.commands.read_database import existing_store
from readerapp.commands.table import print_table
from readerapp.core.annotation import article_ref, path_to_record
from readerapp.core.article import ArticleError, load_article
from readerapp.core.exchange import ExchangeError
from readerapp.core.library_index import LibraryCache
from readerapp.core.locations import database_path
from readerapp.core.notes_query import NoteRow, matching, note_rows, sorted_rows


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="readerapp notes",
        description="List annotations across every article in the database. --tag keeps those "
        "with all the tags given; --search those whose note, tags or passage hold the text "
        "(case and curly or straight quotes aside).",
    )
    result.add_argument("--tag", action="append", default=[], metavar="TAG", help="repeatable")
    result.add_argument("--search", default="", metavar="TEXT")
    result.add_argument("--article", metavar="PATH", help="only the notes on this article file")
    result.add_argument("--sort", choices=("article", "tag", "date"), default="article")
    result.add_argument("--json", action="store_true", help="print a JSON list")
    add_db_option(result)
    return result


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    db_path = database_path(args.db)
    try:
        rows = find(db_path, args.tag, args.search, args.article)
    except ExchangeError as err:
        return fail(str(err))
    rows = sorted_rows(rows, args.sort)
    if args.json:
        sys.stdout.buffer.write(
            orjson.dumps([row_json(r) for r in rows], option=orjson.OPT_APPEND_NEWLINE)
        )
    else:
        print_rows(rows)
    return 0


def find(db_path: Path, tags: list[str], search: str, article_arg: str | None) -> list[NoteRow]:
    store = existing_store(db_path)
    try:
        if article_arg is None:
            annotations = store.all()
        else:
            try:
                article = load_article(Path(article_arg))
            except ArticleError as err:
                raise ExchangeError(str(err)) from None
            annotations = store.for_article(article_ref(article))
    finally:
        store.close()
    # Filter first: only the notes shown need their article checked for orphans.
    cache = LibraryCache.beside(db_path)
    rows = note_rows(matching(annotations, tags=tags, search=search), cache.catalog)
    cache.catalog.save()
    return rows


def row_json(row: NoteRow) -> dict[str, Any]:
    a = row.annotation
    return {
        "id": a.id,
        "article": {"title": row.title, **path_to_record(row.path), "sha256": a.article.sha256},
        "quote": a.selector.exact,
        "tags": list(a.tags),
        "note": a.note,
        "start": a.selector.start,
        "end": a.selector.end,
        "orphaned": row.orphaned,
        "colour": a.colour,
        "link": {"kind": a.link.kind, "key": a.link.key} if a.link else None,
        "created": a.created,
        "updated": a.updated,
    }


def print_rows(rows: list[NoteRow]) -> None:
    if not rows:
        print("No notes match.")
        return
    width = shutil.get_terminal_size((120, 24)).columns
    print_table(
        ("article", "passage", "tags", "note", "updated"),
        [
            (
                row.title or row.path,
                ("[orphaned] " if row.orphaned else "") + row.annotation.selector.exact,
                ", ".join(row.annotation.tags),
                row.first_line,
                row.annotation.updated[:10],
            )
            for row in rows
        ],
        width=width,
    )
    print(f"{len(rows)} note{'s' if len(rows) != 1 else ''}")
