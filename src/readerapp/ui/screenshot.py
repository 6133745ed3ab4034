"""Saving a screenshot where the user will find it, or saying why it could not be.

Textual saves to ~/Downloads and, on a fresh machine where that folder does not
exist, fails with no reason. readerapp creates the folder, falls back to the
current folder, and names the file it wrote or the error that stopped it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from readerapp.core.atomic_file import write_atomic


class ScreenshotError(Exception):
    """Why no screenshot was saved, in one sentence."""


def screenshot_folders() -> list[Path]:
    """Where to try, in order: the user's downloads folder, then the current folder."""
    from platformdirs import user_downloads_dir

    return [Path(user_downloads_dir()), Path.cwd()]


def save_screenshot(svg: str, *, folders: list[Path] | None = None) -> Path:
    """Write `svg` to a new `readerapp-<time>.svg` in the first folder that takes it."""
    name = f"readerapp-{datetime.now().strftime('%Y-%m-%d-%H%M%S')}.svg"
    reasons = []
    for folder in folders if folders is not None else screenshot_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            write_atomic(path, svg.encode("utf-8"))
        except OSError as err:
            reasons.append(f"{folder}: {err.strerror or err}")
            continue
        return path
    raise ScreenshotError("Could not save the screenshot (" + "; ".join(reasons) + ")")
