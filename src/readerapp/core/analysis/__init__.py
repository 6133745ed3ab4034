"""Find who speaks in an article, what they say, and who accuses whom of what.

`analyze(article) -> Analysis` is the one entry point the UI and CLI use.
"""

from readerapp.core.analysis.model import (
    Allegation,
    Analysis,
    Quote,
    Speaker,
    analysis_to_json,
)
from readerapp.core.analysis.pipeline import analyze

__all__ = ["Allegation", "Analysis", "Quote", "Speaker", "analysis_to_json", "analyze"]
