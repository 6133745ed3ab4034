"""Subcommands of the `readerapp` command line, one module each with `main(argv) -> int`."""

from __future__ import annotations

import sys

EXIT_BAD_INPUT = 2


def fail(message: str) -> int:
    """Print one line saying what is wrong and what to do; return the bad-input status."""
    print(f"readerapp: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT
