"""The analysis pipeline (placeholder until the analysis issue lands: finds quoted passages)."""

from __future__ import annotations

import re

from readerapp.core.analysis.model import Analysis, Quote, Speaker
from readerapp.core.article import Article

_QUOTED = re.compile(r"[\"“]([^\"”\n]{3,})[\"”]")


def analyze(article: Article) -> Analysis:
    """Return the speakers and allegations found in `article`."""
    quotes = tuple(
        Quote(m.start(1), m.end(1), m.group(1)) for m in _QUOTED.finditer(article.text)
    )
    if not quotes:
        return Analysis()
    return Analysis(speakers=(Speaker(name="Unattributed", anonymous=True, quotes=quotes),))
