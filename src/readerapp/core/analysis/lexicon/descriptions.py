"""Descriptions of parties and the phrases that name them elsewhere in an article.

'its operator' and 'The operator, Acme Mining,'; 'a former clerk named Jo Roe'; 'Jo Roe,
38,' after a lede's 'A nurse …'; 'the Lisbon-based company'. Also the endings of words that
are adjectives more often than names ('Mexican', 'Chinese', 'Democratic').
"""

from __future__ import annotations

import re

from readerapp.core.analysis.lexicon.base import words

ARTICLES = words("the a an")
# A description of a party: a determiner, up to three modifiers, a head noun and maybe a
# complement ('the owner of a furniture warehouse in Houston').
DESCRIPTION = re.compile(
    r"(?:the|a|an|its|his|her|their)\s+(?P<mods>(?:[\w\-]+\s+){0,3}?)(?P<head>[a-z][a-z\-]+)"
    r"(?P<complement>\s+(?:of|from|in|at)\s+[^,.;]{1,60})?",
    re.IGNORECASE,
)
AGE = re.compile(r"\b(\d{1,3})-year-old\b")
# A modifier that places an organisation, not one that names it: 'the Lisbon-based company'.
PLACE_BASED = re.compile(r"[\w]+-(?:based|owned|listed|registered|headquartered)")
LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")


def name_after_noun(noun: str, name: str) -> str:
    """'The operator, Acme Mining,': the name set off after the noun."""
    return rf"\b(?i:the|its|his|her|their)\s+{noun},\s+({name}),"


def noun_after_name(noun: str) -> str:
    """'Acme Mining, the operator': where the noun follows a name (the name ends here)."""
    return rf",\s+(?:the|a|an|its|his|her|their)\s+{noun}"


def name_before_noun(noun: str, name: str) -> str:
    """'the Acme Records label'."""
    return rf"\bthe\s+({name})\s+{noun}"


def name_right_after_noun(noun: str, name: str) -> str:
    """'the ferry operator Nordsund Lines': the name that follows its noun directly."""
    return rf"\b(?i:the)\s+{noun}\s+({name})"


def noun_named(noun: str, name: str) -> str:
    """'a former clerk named Jo Roe'."""
    return rf"\b(?i:a|an|the)\s+{noun}\s+(?:named|called)\s+({name})"


def introduced_with_age(name: str) -> str:
    """'Claire Roe, 38,': how news copy introduces whom its lede described."""
    return rf"(?<![\w,] )({name}),\s+\d{{1,3}},"


# Words with an adjective's ending: a single one is a name only when nothing shows it
# modifying a noun. Verbs in -s a name may stand before; any other plural after it is a
# noun it modifies ('Turkish citizens').
ADJECTIVE_ENDINGS = ("an", "ese", "ic", "ish", "i")
ADJECTIVE_ONLY_ENDINGS = ("ese", "ic", "ish")  # in words of more than six letters
VERBS_IN_S = words("says claims argues adds insists notes writes tells thinks wants")
