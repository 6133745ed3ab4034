"""Speech rules seen on real news, each on a sentence of our own: who speaks, and what."""

from __future__ import annotations

from readerapp.core.analysis import analyze
from readerapp.core.analysis.model import Speaker
from readerapp.core.article import parse_article


def speakers(text: str) -> list[Speaker]:
    return list(analyze(parse_article("Headline\n\n" + text)).speakers)


def quotes_of(text: str, name: str) -> list[str]:
    """The quotes of the speaker whose name or an alias contains `name`."""
    for speaker in speakers(text):
        if name in speaker.name or any(name in alias for alias in speaker.aliases):
            return [quote.text for quote in speaker.quotes]
    return []


def test_a_clause_with_a_post_modifier_before_an_inverted_verb_is_what_was_said() -> None:
    found = quotes_of(
        "The cost of the new bridge has doubled since spring, said Ada Voss, a planner at "
        "the city council.",
        "Ada Voss",
    )
    assert found == ["The cost of the new bridge has doubled since spring"]


def test_the_subject_after_a_subordinator_speaks() -> None:
    found = speakers(
        "Farmers in the valley were angry after the regional governor suggested that the dam "
        "would be closed."
    )
    assert [s.name for s in found if s.quotes] == ["the regional governor"]
