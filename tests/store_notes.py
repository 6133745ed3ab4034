"""Annotations and paths the store's tests share (a module, not fixtures: plain calls)."""

from __future__ import annotations

from pathlib import Path

from readerapp.core.annotation import Annotation, ArticleRef, TextSelector, new_id
from readerapp.core.store import folder_of
from readerapp.core.store.schema import shard_name

TEXT = "Mr Khan said the party “will survive” — and 🙂 nobody believed him. " * 4
SHA1 = "1" * 64
EMPTY_INDEX = b'{"meta": {"1": {"schema": 2}}, "shards": {}}'


def make(
    sha: str = SHA1,
    start: int = 0,
    end: int = 10,
    *,
    path: str = "/a.txt",
    title: str = "A",
    **kw: object,
) -> Annotation:
    """A new annotation on TEXT[start:end] of the article `sha` (at `path`, titled `title`)."""
    return Annotation(
        id=new_id(),
        article=ArticleRef(sha, path, title),
        selector=TextSelector.from_text(TEXT, start, end),
        **kw,  # type: ignore[arg-type]
    )


def shard_file(db: Path, sha: str = SHA1) -> Path:
    """The file holding the annotations of article `sha` in the database `db`."""
    return folder_of(db) / f"{shard_name(sha)}.json"
