"""Where things live on disk: the bundled sample, the annotation database, the library."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "READERAPP_DB"
DB_FILENAME = "annotations.json"
LIBRARY_ENV = "READERAPP_LIBRARY"
LIBRARY_DIRNAME = "articles"


def bundled_articles_dir() -> Path:
    """The sample articles shipped inside the package (copied from data/ at build time)."""
    packaged = Path(__file__).resolve().parent.parent / "data" / "articles"
    if packaged.is_dir():
        return packaged
    # Running from a source checkout (editable install): the repository's data/.
    return Path(__file__).resolve().parents[3] / "data" / "articles"


def is_bundled(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is one of the sample articles that ship with readerapp."""
    try:
        return Path(path).resolve().parent == bundled_articles_dir().resolve()
    except (OSError, ValueError):  # a path that cannot exist (a NUL in it) is none of ours
        return False


def bundled_article() -> Path:
    """The article `readerapp` opens when given no path."""
    return sorted(bundled_articles_dir().glob("*.txt"))[0]


def database_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else $READERAPP_DB, else `database` in the settings file, else the
    user data directory."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    from readerapp.core.settings import load_settings

    chosen = load_settings().database
    if chosen is not None:
        return chosen
    from platformdirs import user_data_dir

    return Path(user_data_dir("readerapp", appauthor=False)) / DB_FILENAME


def export_folder() -> Path:
    """Where the reader offers to save an export: the documents folder, else home."""
    from platformdirs import user_documents_dir

    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def library_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Where fetched pages are saved: `--library DIR`, else $READERAPP_LIBRARY, else
    `library` in the settings file, else `articles/` in the user data directory."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(LIBRARY_ENV):
        return Path(os.environ[LIBRARY_ENV]).expanduser()
    from readerapp.core.settings import load_settings

    chosen = load_settings().library
    if chosen is not None:
        return chosen
    from platformdirs import user_data_dir

    return Path(user_data_dir("readerapp", appauthor=False)) / LIBRARY_DIRNAME
