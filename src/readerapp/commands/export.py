"""`readerapp export`: annotations to readerapp JSON, W3C Web Annotation or Markdown.

Reads the database without changing it and never imports Textual, so it
works in scripts and over ssh. Bad input is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from readerapp.commands import add_db_option, add_library_options, fail, fetching
from readerapp.commands.read_database import existing_store
from readerapp.core.annotation import article_ref
from readerapp.core.article import ArticleError
from readerapp.core.exchange import (
    FORMAT_NAMES,
    ExchangeError,
    notes_for_all,
    notes_for_article,
    render,
    schema_bytes,
    write_export,
)
from readerapp.core.exchange.notes import ArticleNotes
from readerapp.core.exchange.output import export_target
from readerapp.core.library_index import LibraryCache
from readerapp.core.locations import database_path
from readerapp.core.notes_query import matching
from readerapp.core.safe_text import visible_name
from readerapp.core.web import load_location


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="readerapp export",
        description="Export annotations: of one article, or of every article in the database.",
        epilog="Formats: json (readerapp's own, documented; `--schema` prints its JSON Schema), "
        "w3c (W3C Web Annotation JSON-LD), md (Markdown for notes apps).",
    )
    result.add_argument(
        "article",
        nargs="?",
        metavar="ARTICLE",
        help="an article file or a web address (default: all articles)",
    )
    result.add_argument("--format", choices=FORMAT_NAMES, default="json", help="default: json")
    result.add_argument(
        "-o", "--output", metavar="FILE", default="-", help="write to FILE (default: - for stdout)"
    )
    result.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    result.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only annotations with this tag (repeat: with all of them)",
    )
    result.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of the json format instead"
    )
    add_db_option(result)
    add_library_options(result, refresh=False)
    return result


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    output = None if args.output == "-" else Path(args.output)
    db_path = database_path(args.db)
    try:
        if output is not None:
            _check_output(output, db_path, force=args.force)
        if args.schema:
            data = schema_bytes()
        else:
            data = render(_collect(args.article, db_path, args.library, args.tag), args.format)
        if output is None:
            return _to_stdout(data)
        write_export(output, data, force=args.force)
    except ExchangeError as err:
        return fail(str(err))
    return 0


def _check_output(output: Path, db_path: Path, *, force: bool) -> None:
    """Before any work: the export must not replace the database, nor anything but a file."""
    if os.path.realpath(output) == os.path.realpath(db_path):
        raise ExchangeError(
            f"{visible_name(output)} is the annotation database; choose another file for the export"
        )
    export_target(output, force=force)


def _collect(
    article_arg: str | None, db_path: Path, library: str | None, tags: list[str]
) -> list[ArticleNotes]:
    """The articles and annotations to export, each article read from disk and analysed
    (through the analysis cache beside the database).

    Deleted annotations come along as tombstones, so that the delete travels too; an
    export of some tags only has none (a deleted note's tags went with it), and no
    corrections of the analysis (they carry no tags).
    """
    article = None
    if article_arg is not None:
        try:
            article = load_location(article_arg, library=library, on_fetch=fetching)
        except ArticleError as err:
            raise ExchangeError(str(err)) from None
    store = existing_store(db_path, wanted="notes to export")
    try:
        if article is None:
            annotations = store.all(include_deleted=True)
            corrections = store.all_corrections()
        else:
            found = store.read_article(article_ref(article))
            annotations = found.annotations
            corrections = found.corrections
    finally:
        store.close()
    if tags:
        annotations, corrections = matching(annotations, tags=tags), []
    cache = LibraryCache.beside(db_path)
    if article is None:
        return notes_for_all(annotations, analyse=cache.analysis_of, corrections=corrections)
    return notes_for_article(article, cache.analysis_of(article), annotations, corrections)


def _to_stdout(data: bytes) -> int:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: not our error. Point stdout at
        # devnull so Python's flush at exit does not print a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
