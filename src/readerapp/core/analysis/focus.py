"""Focus: whom the author's own words are about, so a pronoun or 'the company' can be resolved.

Two kinds of mention outside speech events: the subject each sentence opens with, and
every other name the text mentions (not places, not titles such as 'the former Nazim').
A role written beside a mentioned name ('Orbit's chief executive, Carla Diaz,') is kept.
"""

from __future__ import annotations

import re

from readerapp.core.analysis.document import Document
from readerapp.core.analysis.lexicon.clauses import (
    APPOSITIVE_AFTER,
    DESCRIBED_BEFORE,
    FIRST_VERB,
    PREPOSITION_BEFORE_NAME,
    TITLE_BEFORE,
)
from readerapp.core.analysis.lexicon.people import (
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    TITLE_WORDS,
)
from readerapp.core.analysis.lexicon.places import is_place_name
from readerapp.core.analysis.mentions import Mention
from readerapp.core.analysis.names import HONORIFIC, NAME_RUN, NAME_RUN_RE, NameIndex, parse_name
from readerapp.core.analysis.subjects import MentionReader

_QUOTE_START = frozenset("\"“‘'~«„<")
_LEAD_NAME = re.compile(rf"(?:{HONORIFIC}\s+)?{NAME_RUN}(?=\s+[a-z]|,)")


def sentence_subjects(
    doc: Document, reader: MentionReader, names: NameIndex, lo: int, hi: int
) -> list[Mention]:
    """The name or description each sentence opens with: whom a later pronoun may mean."""
    found: list[Mention] = []
    masked = doc.masked
    for start, end in doc.sentences_in(lo, hi):
        if start < lo or masked[start] in _QUOTE_START:
            continue  # a sentence that opens with a quote names its speaker after it
        verb = FIRST_VERB.search(masked, start, min(end, start + 200))
        if verb is not None and masked[max(start, verb.start() - 2) : verb.start()] == ", ":
            # 'The report, published on Tuesday by X, found …': the participle describes it
            after = FIRST_VERB.search(masked, verb.end(), min(end, start + 200))
            if after is not None and "," in masked[verb.end() : after.start()]:
                verb = after
        mentions = reader.before(start, verb.start()) if verb else ()
        known = PERSON_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS  # 'The figures include …' is none
        mentions = tuple(
            m
            for m in mentions
            if m.kind == "name" or m.kind == "description" and m.definite and m.head in known
        )
        if not mentions:
            lead = _LEAD_NAME.match(masked, start, end)
            named = reader.noun_phrase(start, lead.end()) if lead else ()
            if (
                named
                and named[0].kind == "name"
                and (
                    " " in named[0].text
                    or named[0].honorific
                    or named[0].text in names.mid_sentence
                    or names.full_name(named[0].text)
                )
            ):
                mentions = named[:1]  # 'Sandhu kept his answers short.'
        found.extend(mentions)
    return found


_ARTICLE_ADJECTIVE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+[a-z][a-z\-]+\s+$")
_NOUN_BEFORE = re.compile(r"\b([a-z][a-z\-]+)\s+$")  # 'the music website Loud Acre'


def name_mentions(doc: Document, names: NameIndex, lo: int, hi: int) -> list[Mention]:
    """Every name the author's own words mention (not places): a pronoun may mean any."""
    found: list[Mention] = []
    masked = doc.masked
    for run_start, run_end in doc.names_between(lo, hi):
        if masked[run_start] == "~" or run_end > hi:
            continue  # inside a quote: the speaker's words, not the author's
        match = NAME_RUN_RE.match(masked, run_start, run_end)
        if match is None or match.end() != run_end:
            continue
        parsed = parse_name(match.group())
        if parsed is None:
            continue
        name = parsed.name
        if not (" " in name or parsed.honorific or name in names.mid_sentence):
            continue
        if PREPOSITION_BEFORE_NAME.search(masked, max(0, match.start() - 12), match.start()) or (
            PREPOSITION_BEFORE_NAME.match(match.group().split()[0] + " ")  # 'In Lower Marsh, …'
        ):
            continue
        if " " not in name and (
            TITLE_BEFORE.search(masked, max(0, match.start() - 12), match.start())
            or _ARTICLE_ADJECTIVE.search(masked, max(0, match.start() - 24), match.start())
        ):
            continue  # 'the former Nazim', 'a Democrat', 'a united Berlin': no person
        if is_place_name(name):
            continue  # 'Ohio', 'the U.S.': a setting, not whom 'he' means
        start = match.start() + match.group().find(name.split()[0])
        noun = _NOUN_BEFORE.search(masked, max(0, match.start() - 24), match.start())
        org = noun is not None and noun.group(1).casefold() in ORG_NOUNS
        mention = Mention(
            "name",
            name,
            start,
            start + len(name),
            honorific=parsed.honorific,
            title=parsed.title,
            org=org,
            # "Voss's blunder": a possessive is seldom whom the next 'he' means
            definite=masked[match.end() : match.end() + 2] in ("'s", "’s"),
        )
        found.append(mention.with_role(_role_around(masked, match.start(), match.end())))
    return found


def _role_around(masked: str, start: int, end: int) -> str:
    """A role written beside a name the text only mentions."""
    before = DESCRIBED_BEFORE.search(masked, max(0, start - 80), start)
    if before and masked[end : end + 1] == ",":
        head = before.group(1).split()[-1].casefold()
        if head in PERSON_NOUNS or head in TITLE_WORDS:
            return before.group(1)
    after = APPOSITIVE_AFTER.match(masked, end)
    if after and after.group(1).split()[-1].casefold() in PERSON_NOUNS | TITLE_WORDS:
        return after.group(1)
    return ""
