"""`readerapp analyze [PATH] [--json] [--machine]`: speakers, quotes and allegations.

The analysis shown is the machine's with the user's corrections from the notes
database applied (`--machine`: the machine's alone); each item says its status
(machine, confirmed, edited, added), so after corrections `--json` is a gold
file `readerapp eval` accepts. Never imports Textual, so it starts fast in
scripts and pipes. Article text goes to Rich as `Text` objects, never as
markup, so brackets in an article ("[00]") print as written. Bad input is one
line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from typing import Any

from readerapp.commands import add_db_option, add_library_options, fail, fetching
from readerapp.commands.corrections_db import DatabaseProblem, corrected, open_corrections
from readerapp.core.analysis import Analysis, analysis_to_json, analyze
from readerapp.core.article import Article, ArticleError, load_article
from readerapp.core.corrections.corrected import Corrected
from readerapp.core.locations import bundled_article
from readerapp.core.safe_text import shown
from readerapp.core.web import load_location


def parser() -> argparse.ArgumentParser:
    result = argparse.ArgumentParser(
        prog="readerapp analyze",
        description="Find who speaks in an article (with role and quotes) and who accuses "
        "whom of what. Every quote and evidence string is an exact slice of the article "
        "text, with its offsets.",
    )
    result.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="an article (.txt, .md or a saved .html page) or a web address; "
        "default: the bundled sample article",
    )
    add_library_options(result)
    result.add_argument(
        "--json", action="store_true", help="print one JSON object (the gold schema plus offsets)"
    )
    result.add_argument(
        "--machine",
        action="store_true",
        help="the automatic analysis, without your corrections from the notes database",
    )
    add_db_option(result)
    return result


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.path == "":  # `readerapp analyze "$FILE"` with FILE unset: not the sample
        return fail("the path is empty; give an article file")
    try:
        if args.path:
            article = load_location(
                args.path, library=args.library, refresh=args.refresh, on_fetch=fetching
            )
        else:
            article = load_article(bundled_article())
    except ArticleError as err:
        return fail(str(err))
    machine = analyze(article)
    result = None
    if not args.machine:
        try:
            store = open_corrections(args.db)
        except DatabaseProblem as err:
            return fail(str(err))
        try:
            result = corrected(store, article, machine)
        finally:
            if store is not None:
                store.close()
    analysis = result.analysis if result is not None else machine
    try:
        if args.json:
            data = analysis_to_json(article, analysis)
            if result is not None and result.orphans:
                data["orphaned_corrections"] = orphans_json(result)
            sys.stdout.write(json_text(data) + "\n")
        else:
            if isinstance(sys.stdout, io.TextIOWrapper):
                # A console that cannot show every character (cp1252, Latin-1, ASCII)
                # gets '?' for those, not a UnicodeEncodeError traceback.
                sys.stdout.reconfigure(errors="replace")
            print_report(article, analysis)
            if result is not None:
                print_corrections(result)
        sys.stdout.flush()
    except BrokenPipeError:  # `readerapp analyze | head`: the reader left early, not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def json_text(data: dict[str, Any]) -> str:
    """The JSON as readable UTF-8 where stdout can take it, else in ASCII \\u escapes.

    Both are the same JSON; the escapes keep a Windows console or a Latin-1
    locale from failing on CJK, emoji or Arabic text, and lose nothing.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return json.dumps(data, ensure_ascii=True, indent=1)
    return text


def orphans_json(result: Corrected) -> list[dict[str, str]]:
    """The corrections that no longer apply, each with why (kept in the database)."""
    from readerapp.core.corrections.fixes import label

    return [
        {"id": o.correction.id, "correction": label(o.correction.fix), "reason": o.reason}
        for o in result.orphans
    ]


#: How the report marks an item the user has checked, changed or made.
MARKS = {"machine": "", "confirmed": " ✓", "edited": " (edited)", "added": " (added)"}


def print_corrections(result: Corrected) -> None:
    """What the user removed and which corrections no longer apply, below the tables.

    Here and in the report every string from the article or the database goes through
    `shown`, though it was cleaned when it was read: either layer alone must be enough."""
    from rich.console import Console
    from rich.text import Text

    console = Console()
    if result.removed:
        console.print(
            Text(
                f"Removed by you: {len(result.removed)} "
                "(readerapp analyze --machine shows the automatic analysis).",
                style="dim",
            )
        )
    for orphan in orphans_json(result):
        line = Text("Correction no longer applied: ", style="bold")
        line.append(shown(f"{orphan['correction']} ({orphan['reason']})"))
        console.print(line)


def print_report(article: Article, analysis: Analysis) -> None:
    """Rich tables: speakers with role and quotes, then allegations with their evidence."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    heading = Text(shown(article.title), style="bold")
    if article.date:
        heading.append(f"  {article.date.isoformat()}", style="dim")
    console.print(heading)
    if article.standfirst:
        console.print(Text(shown(article.standfirst), style="italic"))

    speakers = Table(
        title=Text(f"Speakers ({len(analysis.speakers)})"), show_lines=True, expand=True
    )
    speakers.add_column("Speaker", ratio=2)
    speakers.add_column("Role", ratio=2)
    speakers.add_column("Quotes", ratio=6)
    for speaker in analysis.speakers:
        who = Text(shown(speaker.name), style="bold")
        who.append(MARKS[speaker.status], style="dim")
        if speaker.aliases:
            who.append("\naka " + shown("; ".join(speaker.aliases)), style="dim")
        if speaker.anonymous:
            who.append("\n(unnamed source)", style="dim italic")
        quotes = Text()
        for number, quote in enumerate(speaker.quotes):
            if number:
                quotes.append("\n")
            if quote.direct:
                quotes.append("“", style="dim")
                quotes.append(shown(quote.text))
                quotes.append("”", style="dim")
            else:  # reported speech: not the speaker's own words
                quotes.append("≈ ", style="dim")
                quotes.append(shown(quote.text))
            quotes.append(f"  [{quote.start}:{quote.end}]{MARKS[quote.status]}", style="dim")
        speakers.add_row(who, Text(shown(speaker.role)), quotes)
    console.print(speakers)

    if not analysis.allegations:
        console.print(Text("No allegations found.", style="dim"))
        return
    allegations = Table(
        title=Text(f"Allegations ({len(analysis.allegations)})"), show_lines=True, expand=True
    )
    allegations.add_column("Accuser → accused", ratio=3)
    allegations.add_column("Claim", ratio=3)
    allegations.add_column("Evidence", ratio=5)
    for allegation in analysis.allegations:
        who = Text(shown(allegation.accuser), style="bold")
        who.append(" → ")
        who.append(shown(allegation.accused), style="bold")
        who.append(MARKS[allegation.status], style="dim")
        evidence = Text(shown(allegation.evidence))
        evidence.append(f"  [{allegation.start}:{allegation.end}]", style="dim")
        allegations.add_row(who, Text(shown(allegation.claim)), evidence)
    console.print(allegations)
