"""Each article's analysis kept on disk, keyed by the article's sha256 and the analyzer's version.

Speakers across a library need every article's analysis, and analysing a
thousand articles takes minutes; the text of an article decides its analysis,
so the text's hash names the file and the same article in two folders is
analysed once. A file is trusted only if it parses, names the same hash and
the same `ANALYZER_VERSION`, and decodes into the model: anything else (a
torn write from an old version, a hand edit, a newer readerapp) is analysed
afresh and overwritten, never used. Files are written atomically, so a crash
leaves the old file or the new one.
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path
from typing import Any

import orjson

from readerapp.core import analysis as analysis_package
from readerapp.core.analysis import Allegation, Analysis, Quote, Speaker
from readerapp.core.atomic_file import write_atomic

#: The layout of one cache file; bumped if the file itself changes shape.
CACHE_FORMAT = 1
#: A cached analysis larger than this is not read (an article is at most 10 MB).
MAX_CACHE_FILE = 64 * 1024 * 1024


def encode(analysis: Analysis) -> dict[str, Any]:
    """The analysis as plain JSON data (every field of the model, nested)."""
    return dataclasses.asdict(analysis)


def decode(data: Any) -> Analysis:
    """Inverse of `encode`; TypeError, KeyError or ValueError if `data` is not one."""
    if not isinstance(data, dict):
        raise TypeError("not an object")
    fields = dict(data)
    speakers = tuple(_speaker(s) for s in fields.pop("speakers"))
    allegations = tuple(Allegation(**a) for a in fields.pop("allegations"))
    return Analysis(speakers=speakers, allegations=allegations, **fields)


def _speaker(data: dict[str, Any]) -> Speaker:
    fields = dict(data)
    quotes = tuple(Quote(**q) for q in fields.pop("quotes"))
    return Speaker(**{**fields, "aliases": tuple(fields.pop("aliases")), "quotes": quotes})


class AnalysisCache:
    """Analyses in a folder, one file per article text; a None folder keeps nothing."""

    def __init__(self, folder: Path | None, version: str | None = None) -> None:
        self.folder = folder
        # Looked up now, not at import: the version of the analysis this process runs.
        self.version = version or analysis_package.ANALYZER_VERSION

    def _file(self, sha256: str) -> Path | None:
        if self.folder is None or len(sha256) != 64 or sha256.strip("0123456789abcdef"):
            return None
        return self.folder / f"{sha256}.json"

    def get(self, sha256: str) -> Analysis | None:
        """The cached analysis of the text with this hash, or None (none, stale, or broken)."""
        path = self._file(sha256)
        if path is None:
            return None
        try:
            if path.stat().st_size > MAX_CACHE_FILE:
                return None
            data = orjson.loads(path.read_bytes())
            if (
                not isinstance(data, dict)
                or data.get("format") != CACHE_FORMAT
                or data.get("analyzer") != self.version
                or data.get("sha256") != sha256
            ):
                return None
            return decode(data["analysis"])
        except (OSError, orjson.JSONDecodeError, TypeError, KeyError, ValueError):
            return None

    def put(self, sha256: str, analysis: Analysis) -> None:
        """Keep the analysis; a folder that cannot be written only means no cache."""
        path = self._file(sha256)
        if path is None:
            return
        payload = orjson.dumps(
            {
                "format": CACHE_FORMAT,
                "analyzer": self.version,
                "sha256": sha256,
                "analysis": encode(analysis),
            }
        )
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, payload)
