"""Find who speaks in an article, what they say, and who accuses whom of what.

`analyze(article) -> Analysis` is the one entry point the UI and CLI use. The data
types import at once (they are small); `analyze` and the pipeline behind it (word
lists and compiled patterns) load on first use, so importing this package costs the
app's startup next to nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from readerapp.core.analysis.model import (
    Allegation,
    Analysis,
    Quote,
    Speaker,
    analysis_to_json,
)

if TYPE_CHECKING:
    from readerapp.core.analysis.pipeline import analyze

# Bumped whenever the analysis of some article can change, so cached analyses are redone.
ANALYZER_VERSION = "2.0"

__all__ = [
    "ANALYZER_VERSION",
    "Allegation",
    "Analysis",
    "Quote",
    "Speaker",
    "analysis_to_json",
    "analyze",
]


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from readerapp.core.analysis.pipeline import analyze

        return analyze
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
