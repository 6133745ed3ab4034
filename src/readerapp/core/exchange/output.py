"""Turn `ArticleNotes` into the bytes of a format, and write them to a file safely.

A half-written export is worse than none (it looks complete), so files go
through `atomic_file.write_atomic` (temporary file, fsync, rename; through a
symlink to its target; the old file's mode kept), the same as the store.
`write_export` adds what an export needs around it: an existing file is
replaced only when the caller says so, and only if it is a regular file
(`files.check_regular`) this user may replace (`files.write_problem`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import orjson

from readerapp.core import atomic_file
from readerapp.core.analysis import Analysis
from readerapp.core.annotation import Annotation, utc_now
from readerapp.core.article import Article
from readerapp.core.corrections.record import Correction
from readerapp.core.exchange import jsonformat, markdown, w3c
from readerapp.core.exchange.bulk import without_collector_pauses
from readerapp.core.exchange.errors import ExchangeError
from readerapp.core.exchange.formats import FORMAT_NAMES, export_format
from readerapp.core.exchange.notes import ArticleNotes, notes_for_article
from readerapp.core.files import FileProblem, check_regular, write_problem
from readerapp.core.safe_text import visible_name


def render(notes: list[ArticleNotes], fmt: str, exported: str | None = None) -> bytes:
    """The export in format `fmt` (a name in `formats.FORMATS`), as UTF-8 bytes ending in
    a newline."""
    exported = exported or utc_now()
    with without_collector_pauses():
        if fmt == "md":
            return markdown.to_markdown(notes).encode("utf-8")
        if fmt == "json":
            document = jsonformat.to_document(notes, exported)
        elif fmt == "w3c":
            document = w3c.to_collection(notes, exported)
        else:
            raise ValueError(
                f"unknown export format {fmt!r}; expected one of {', '.join(FORMAT_NAMES)}"
            )
        return orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def export_target(path: Path, *, force: bool) -> None:
    """Fail before any work if `path` cannot take the export: an existing name without
    `force`, anything but a regular file (symlinks followed), a file this user may not
    replace, a folder that does not exist."""
    name = visible_name(path)
    try:
        exists = check_regular(path) is not None
    except FileProblem as err:
        raise ExchangeError(f"{err}; give a file name for the export") from None
    if os.path.lexists(path) and not force:
        raise ExchangeError(f"{name} already exists; pass --force to overwrite it")
    real = Path(os.path.realpath(path))
    if not real.parent.is_dir():
        raise ExchangeError(f"{visible_name(real.parent)} does not exist; create the folder first")
    problem = write_problem(path) if exists else None
    if problem:
        raise ExchangeError(f"{problem}; it was not replaced")


def write_export(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write `data` to `path` all at once: a reader sees the old file or the new, never half."""
    export_target(path, force=force)
    try:
        atomic_file.write_atomic(path, data)
    except FileProblem as err:
        raise ExchangeError(str(err)) from None
    except OSError as err:
        raise ExchangeError(
            f"{visible_name(path)}: cannot write it ({err.strerror or err})"
        ) from None


def default_export_path(article: Article, fmt: str, folder: Path) -> Path:
    """`<article name>.notes.<suffix>` in `folder`, numbered so no existing file is replaced."""
    stem = article.path.stem if article.path else re.sub(r"\W+", "-", article.title)[:60]
    stem = stem.strip("-") or "article"
    suffix = export_format(fmt).suffix
    candidate = folder / f"{stem}.notes{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}.notes-{number}{suffix}"
        number += 1
    return candidate


def export_article_file(
    article: Article,
    annotations: Iterable[Annotation],
    analysis: Analysis | None,
    fmt: str = "json",
    path: Path | None = None,
    *,
    force: bool = False,
    corrections: Iterable[Correction] = (),
) -> Path:
    """Export one article's annotations to a file; returns the path written.

    For the reader's `e` key: with no `path`, a new file in the current
    directory, `<article>.notes.json` (`default_export_path`). Raises
    ExchangeError with a one-line message (file exists, folder missing, disk full).
    Safe to call from a worker thread: it touches no shared state.
    """
    target = path if path is not None else default_export_path(article, fmt, Path.cwd())
    data = render(notes_for_article(article, analysis, annotations, corrections), fmt)
    write_export(target, data, force=force)
    return target
