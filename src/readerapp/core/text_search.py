"""Finding what the user typed, the way a reader means it: case and quote marks aside.

"won't" must find "won’t", and "said" must find "Said": articles use curly
quotes and apostrophes, keyboards type straight ones. Every search in readerapp
(the article's `/`, the notes across articles) goes through here.
"""

from __future__ import annotations

import re

#: Characters a reader takes for one another, and the one each is folded to.
FOLDED = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "″": '"',
        "«": '"',
        "»": '"',
    }
)
_ALIKE = {"'": "['’‘ʼ′`]", '"': '["“”„″«»]'}


def fold(text: str) -> str:
    """`text` with quote marks folded and case folded, for comparing what was typed."""
    return text.translate(FOLDED).casefold()


def search_pattern(query: str) -> re.Pattern[str]:
    """A case-insensitive pattern for `query` in which each quote mark matches all its kind.

    Matches keep their offsets in the original text (nothing is rewritten), so they
    can be highlighted where they are.
    """
    pieces = []
    for char in query.translate(FOLDED):
        pieces.append(_ALIKE.get(char) or re.escape(char))
    return re.compile("".join(pieces), re.IGNORECASE)
