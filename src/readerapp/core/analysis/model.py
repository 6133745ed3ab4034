"""What the analysis finds: speakers with their quotes, and allegations.

Spans are (start, end) offsets into `Article.text`, end exclusive, so the reader
can highlight and jump to them; the text beside each span is that exact slice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

#: Where an item of the analysis comes from: the machine's, checked by the user,
#: changed by the user, or made by the user (see `readerapp.core.corrections`).
Status = Literal["machine", "confirmed", "edited", "added"]


@dataclass(frozen=True)
class Quote:
    """A passage attributed to a speaker: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str
    direct: bool = True  # False for reported speech ("X said that ...")
    status: Status = "machine"


@dataclass(frozen=True)
class Speaker:
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    anonymous: bool = False
    quotes: tuple[Quote, ...] = ()
    status: Status = "machine"


@dataclass(frozen=True)
class Allegation:
    """Who accuses whom of what; the evidence is `article.text[start:end]`."""

    accuser: str
    accused: str
    claim: str
    start: int
    end: int
    evidence: str
    status: Status = "machine"


@dataclass(frozen=True)
class Analysis:
    speakers: tuple[Speaker, ...] = ()
    allegations: tuple[Allegation, ...] = ()
    # One sentence for the reader when the analysis is partial: it was stopped, or an
    # unusually long article ran out of time. None when the whole article was read.
    notice: str | None = None


def analysis_to_json(article: Any, analysis: Analysis) -> dict[str, Any]:
    """The `readerapp analyze --json` object: the gold schema plus offsets beside each string."""
    return {
        "article": str(article.path) if article.path else None,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "standfirst": article.standfirst,
        "speakers": [
            {
                "name": s.name,
                "aliases": list(s.aliases),
                "role": s.role,
                "anonymous": s.anonymous,
                "quotes": [q.text for q in s.quotes],
                "quote_spans": [[q.start, q.end] for q in s.quotes],
                "quote_statuses": [q.status for q in s.quotes],
                "status": s.status,
            }
            for s in analysis.speakers
        ],
        "allegations": [
            {
                "accuser": a.accuser,
                "accused": a.accused,
                "claim": a.claim,
                "evidence_substring": a.evidence,
                "evidence_span": [a.start, a.end],
                "status": a.status,
            }
            for a in analysis.allegations
        ],
        **({"notice": analysis.notice} if analysis.notice else {}),
    }
