"""`readerapp people [PATH...]`: every speaker across a library, merged into persons.

`readerapp allegations [PATH...]` lists who accuses whom across the same
articles. PATHs are article files or folders of them; with none, the articles
the database has notes on. Each article's analysis comes from the cache
beside the database when the article is unchanged (`core.library_index`), so
a second run is fast, with the user's corrections of it applied. Files that
are no readable article are skipped, each named on stderr with the reason;
only if nothing at all could be read is that an error.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import orjson

from readerapp.commands import add_db_option, fail
from readerapp.commands.corrections_db import corrected_library
from readerapp.commands.read_database import existing_store
from readerapp.commands.table import print_table
from readerapp.core.annotation import path_to_record
from readerapp.core.exchange import ExchangeError
from readerapp.core.library_index import (
    ArticleIdentity,
    LibraryCache,
    article_paths,
    build_index,
)
from readerapp.core.locations import database_path
from readerapp.core.people import AllegationRow, Person, allegations, people
from readerapp.core.safe_text import visible_name


def parser(prog: str = "people") -> argparse.ArgumentParser:
    if prog == "people":
        description = (
            "List the people quoted across articles: merged by name and aliases, with their "
            "roles, articles and quotes."
        )
    else:
        description = "List who accuses whom across articles, optionally of one accuser or accused."
    result = argparse.ArgumentParser(prog=f"readerapp {prog}", description=description)
    result.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders (default: the articles the database has notes on)",
    )
    if prog == "allegations":
        result.add_argument("--accuser", default="", metavar="NAME", help="part of a name")
        result.add_argument("--accused", default="", metavar="NAME", help="part of a name")
    result.add_argument("--json", action="store_true", help="print a JSON list")
    add_db_option(result)
    return result


def main(argv: list[str]) -> int:
    return run("people", argv)


def run(prog: str, argv: list[str]) -> int:
    args = parser(prog).parse_args(argv)
    db_path = database_path(args.db)
    try:
        paths = [Path(p) for p in args.paths] if args.paths else database_articles(db_path)
    except ExchangeError as err:
        return fail(str(err))
    index = build_index(article_paths(paths), LibraryCache.beside(db_path), on_progress=_progress())
    for skipped in index.skipped:
        print(f"readerapp: skipped {visible_name(skipped.reason)}", file=sys.stderr)
    if not index.articles and index.skipped:
        return fail("no readable article among the paths given")
    articles = corrected_library(index.articles, args.db)  # the user's corrections applied
    if prog == "people":
        found = people(articles)
        _print(args.json, [person_json(p) for p in found], lambda: print_people(found))
    else:
        rows = allegations(articles, accuser=args.accuser, accused=args.accused)
        _print(args.json, [allegation_json(r) for r in rows], lambda: print_allegations(rows))
    return 0


def database_articles(db_path: Path) -> list[Path]:
    """The article files the database has notes on (those still on this machine)."""
    store = existing_store(
        db_path,
        wanted="articles with notes",
        remedy="give article files or folders, or the database with --db PATH",
    )
    try:
        recorded = {a.article.path for a in store.all()}
    finally:
        store.close()
    paths = sorted(Path(p) for p in recorded if p and os.path.isabs(p) and os.path.exists(p))
    if not paths:
        raise ExchangeError(
            f"{visible_name(db_path)} has no notes on articles on this machine; "
            "give article files or folders"
        )
    return paths


def _progress() -> Any:
    """Progress on stderr while a first index runs, when a person is watching."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\rindexing articles: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show


def _print(as_json: bool, data: list[dict[str, Any]], table: Any) -> None:
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE))
    else:
        table()


def article_json(identity: ArticleIdentity) -> dict[str, Any]:
    return {
        "title": identity.title,
        **path_to_record(str(identity.path)),
        "sha256": identity.sha256,
    }


def person_json(person: Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "aliases": list(person.aliases),
        "roles": list(person.roles),
        "anonymous": person.anonymous,
        "article_count": person.article_count,
        "quote_count": person.quote_count,
        "articles": [
            {
                **article_json(a.article),
                "name_here": a.name,
                "role": a.role,
                "quotes": [q.text for q in a.quotes],
                "quote_spans": [[q.start, q.end] for q in a.quotes],
            }
            for a in person.appearances
        ],
    }


def allegation_json(row: AllegationRow) -> dict[str, Any]:
    a = row.allegation
    return {
        "accuser": row.accuser,
        "accused": row.accused,
        "accuser_as_written": a.accuser,
        "accused_as_written": a.accused,
        "claim": a.claim,
        "evidence_substring": a.evidence,
        "evidence_span": [a.start, a.end],
        "article": article_json(row.article),
    }


def print_people(found: list[Person]) -> None:
    if not found:
        print("No speakers found.")
        return
    print_table(
        ("name", "roles", "articles", "quotes", "also called"),
        [
            (
                p.name,
                "; ".join(p.roles),
                str(p.article_count),
                str(p.quote_count),
                ", ".join(p.aliases),
            )
            for p in found
        ],
        width=shutil.get_terminal_size((120, 24)).columns,
    )


def print_allegations(rows: list[AllegationRow]) -> None:
    if not rows:
        print("No allegations found.")
        return
    print_table(
        ("accuser", "accused", "claim", "article"),
        [(r.accuser, r.accused, r.allegation.claim, r.article.title) for r in rows],
        width=shutil.get_terminal_size((120, 24)).columns,
    )
