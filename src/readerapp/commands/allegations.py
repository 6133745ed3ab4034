"""`readerapp allegations [PATH...]`: who accuses whom across articles (see `people`)."""

from __future__ import annotations

from readerapp.commands.people import run


def main(argv: list[str]) -> int:
    return run("allegations", argv)
