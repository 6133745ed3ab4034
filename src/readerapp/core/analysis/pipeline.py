"""The analysis pipeline: document, mentions, entities, speech events, attribution, allegations.

Each stage reads the one `Document` built at the start. `analyze` is the one entry point;
it stops early (and says so in `Analysis.notice`) when the caller asks it to or when an
unusually long article would take longer than the time budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readerapp.core.analysis.allegations import find_allegations
from readerapp.core.analysis.attribution import attribute
from readerapp.core.analysis.document import build_document
from readerapp.core.analysis.entities import EntityResolver
from readerapp.core.analysis.model import Analysis
from readerapp.core.analysis.names import NameIndex
from readerapp.core.analysis.parties import Parties
from readerapp.core.analysis.speech import find_events
from readerapp.core.analysis.speech_rules import SPEECH_RULES
from readerapp.core.analysis.subjects import MentionReader
from readerapp.core.article import Article

_LOWER_WORD = re.compile(r"(?<![.!?]\s)\b[a-z][a-z\-]+\b")


def analyze(article: Article, should_stop: Callable[[], bool] | None = None) -> Analysis:
    """Return the speakers (with their quotes) and the allegations found in `article`."""
    text = article.text
    if not text.strip():
        return Analysis()
    doc = build_document(text, article.title)
    if not doc.sentences:
        return Analysis()
    vocabulary = frozenset(m.group() for m in _LOWER_WORD.finditer(doc.masked))
    reader = MentionReader(doc.masked, vocabulary)
    resolver = EntityResolver(text, NameIndex(text), doc.sentence_index)
    events = find_events(doc, reader, SPEECH_RULES, should_stop)
    spoken = attribute(doc, events, resolver, reader, should_stop)
    allegations = find_allegations(Parties(doc, resolver, spoken), should_stop=should_stop)
    return Analysis(speakers=resolver.speakers(), allegations=allegations)
