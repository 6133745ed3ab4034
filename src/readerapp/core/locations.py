"""Where things live on disk: the bundled sample article and the annotation database."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "READERAPP_DB"
DB_FILENAME = "annotations.json"


def bundled_articles_dir() -> Path:
    """The sample articles shipped inside the package (copied from data/ at build time)."""
    packaged = Path(__file__).resolve().parent.parent / "data" / "articles"
    if packaged.is_dir():
        return packaged
    # Running from a source checkout (editable install): the repository's data/.
    return Path(__file__).resolve().parents[3] / "data" / "articles"


def bundled_article() -> Path:
    """The article `readerapp` opens when given no path."""
    return sorted(bundled_articles_dir().glob("*.txt"))[0]


def database_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else $READERAPP_DB, else the user data directory."""
    if cli_value:
        return Path(cli_value).expanduser()
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("readerapp", appauthor=False)) / DB_FILENAME
