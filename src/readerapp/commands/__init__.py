"""Subcommands of the `readerapp` command line, one module each with `main(argv) -> int`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

EXIT_BAD_INPUT = 2


def fail(message: str) -> int:
    """Print one line saying what is wrong and what to do; return the bad-input status.

    The message often names a file, and a file name may hold anything (an escape
    sequence, a newline): every control is shown as a visible escape, so the
    message stays one line and nothing in it reaches the terminal as control.
    """
    from readerapp.core.safe_text import visible_name

    print(f"readerapp: {visible_name(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """`--db PATH`, the same on every command that touches the notes database."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="annotation database file (default: $READERAPP_DB, else the user data directory)",
    )


def add_library_options(parser: argparse.ArgumentParser, *, refresh: bool = True) -> None:
    """`--library DIR` (and `--refresh`) for every command that takes a web address."""
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="where pages fetched from a URL are saved "
        "(default: $READERAPP_LIBRARY, else articles/ in the user data directory)",
    )
    if refresh:
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="fetch a URL again even if it was saved before (notes are re-anchored)",
        )


def fetching(url: str) -> None:
    """Say why the command waits, when a person is watching."""
    from readerapp.core.safe_text import visible_name

    if sys.stderr.isatty():
        print(f"readerapp: fetching {visible_name(url)} …", file=sys.stderr, flush=True)
