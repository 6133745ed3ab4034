"""The user's settings file: `settings.toml` in the user config folder.

    theme = "nord"                       # remembered when you change it in the app
    database = "~/notes/readerapp.json"  # used when neither --db nor $READERAPP_DB is given
    library = "~/articles"               # used when neither --library nor $READERAPP_LIBRARY is

    [keys]                               # remap any key by its binding id (see `?`)
    "article.highlight" = "h,ctrl+h"

A file that cannot be used never stops readerapp: its problem is one sentence
(`Settings.problem`) the app shows, and the defaults apply. The app writes only
the one line it remembers (the theme), keeping the rest of the file, comments
included, as the user wrote it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from readerapp.core.safe_text import visible_name

SETTINGS_ENV = "READERAPP_SETTINGS"  # another settings file (tests, or several setups)
SETTINGS_FILENAME = "settings.toml"
MAX_SETTINGS_BYTES = 1024 * 1024
HEADER = "# readerapp settings: see the README (Settings) for every key.\n"


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    database: Path | None = None
    library: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)  # binding id → keys, as Textual names them
    problem: str | None = None  # why the file (or part of it) was not used


def settings_path() -> Path:
    if os.environ.get(SETTINGS_ENV):
        return Path(os.environ[SETTINGS_ENV]).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("readerapp", appauthor=False)) / SETTINGS_FILENAME


def load_settings(path: Path | None = None) -> Settings:
    """The settings in the file (no file: the defaults)."""
    import tomllib

    from readerapp.core.files import FileProblem, read_bytes

    path = path or settings_path()
    name = visible_name(path)
    try:
        raw = read_bytes(path, limit=MAX_SETTINGS_BYTES)
    except FileProblem as err:
        if err.kind == "missing":
            return Settings()
        return Settings(problem=f"{err}; the defaults are used.")
    except OSError as err:
        return Settings(problem=f"{name} could not be read ({err}); the defaults are used.")
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        return Settings(problem=f"{name} is not valid TOML ({err}); the defaults are used.")
    problems: list[str] = []

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return value
        problems.append(f"{key} must be a string")
        return None

    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in keys.items()
    ):
        problems.append('[keys] must map binding ids to key names, like "article.tag" = "t"')
        keys = {}
    unknown = sorted(set(data) - {"theme", "database", "library", "keys"})
    if unknown:
        problems.append(f"unknown setting {', '.join(unknown)}")
    database, library = text("database"), text("library")
    return Settings(
        theme=text("theme"),
        database=Path(database).expanduser() if database else None,
        library=Path(library).expanduser() if library else None,
        keys=dict(keys),
        problem=f"{name}: {'; '.join(problems)}; those were ignored." if problems else None,
    )


_TOP_LEVEL_KEY = r"^{name}\s*=.*$"


def remember(name: str, value: str, path: Path | None = None) -> None:
    """Set a top-level `name = "value"` in the settings file, keeping every other line.

    Raises OSError (or files.FileProblem) when the file cannot be written.
    """
    from readerapp.core.atomic_file import write_atomic

    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = HEADER
    line = f"{name} = {_toml_string(value)}"
    pattern = re.compile(_TOP_LEVEL_KEY.format(name=re.escape(name)), re.MULTILINE)
    first_table = re.search(r"^\[", text, re.MULTILINE)
    cut = first_table.start() if first_table else len(text)
    top, rest = text[:cut], text[cut:]  # top-level keys must come before any [table]
    if pattern.search(top):
        top = pattern.sub(lambda _: line, top, count=1)
    else:
        kept = top.rstrip("\n") + "\n" if top.strip() else ""
        top = kept + line + "\n" + ("\n" if rest else "")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (top + rest).encode("utf-8"))


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'
