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
