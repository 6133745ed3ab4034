"""A library is a folder of articles; list them for the library screen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from readerapp.core.article import ARTICLE_SUFFIXES, Article, ArticleError, load_article


@dataclass(frozen=True)
class LibraryEntry:
    """One article file in a folder, parsed, or the reason it could not be."""

    path: Path
    article: Article | None
    error: str | None = None


def article_files(folder: Path) -> list[Path]:
    """The article files directly in `folder`, sorted by name.

    Hidden files are left out: macOS writes a binary `._name.txt` beside every
    file it copies to a USB stick or network share, and editors leave `.#name.md`
    locks; listing them would fill the library with "binary file" errors.
    """
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".") and p.is_file()
    )


def load_library(folder: Path) -> list[LibraryEntry]:
    entries = []
    for path in article_files(folder):
        try:
            entries.append(LibraryEntry(path, load_article(path)))
        except ArticleError as err:
            entries.append(LibraryEntry(path, None, str(err)))
    return entries
