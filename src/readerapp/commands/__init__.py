"""Subcommands of the `readerapp` command line, one module each with `main(argv) -> int`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

EXIT_BAD_INPUT = 2


def fail(message: str) -> int:
    """Print one line saying what is wrong and what to do; return the bad-input status.

    The message may quote a file name or imported text: names should already be
    `visible_name`s, and whatever is left of terminal control goes here, the last
    step before the terminal, so the line stays one line of plain text.
    """
    from readerapp.core.safe_text import shown

    print(f"readerapp: {' '.join(shown(message).split())}", file=sys.stderr)
    return EXIT_BAD_INPUT


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """`--db PATH`, the same on every command that touches the notes database."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="annotation database file (default: $READERAPP_DB, else the user data directory)",
    )
