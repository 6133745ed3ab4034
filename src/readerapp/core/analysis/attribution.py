"""Attribution: each speech event's phrase becomes an entity, and each quote its speaker.

Events are read in text order with the sentence subjects between them, so a pronoun
means whom the text was just about. A quote no rule claimed continues the latest speaker
of its paragraph or the one before (news style), unless it is a short phrase inside the
author's own sentence (scare quotes), and a quote inside reported speech is part of it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from readerapp.core.analysis.document import Document
from readerapp.core.analysis.entities import Entity, EntityResolver
from readerapp.core.analysis.lexicon import ORG_NOUNS, PERSON_NOUNS, TITLE_WORDS
from readerapp.core.analysis.mentions import Mention
from readerapp.core.analysis.model import Quote
from readerapp.core.analysis.names import (
    HONORIFIC,
    NAME_RUN,
    NAME_RUN_RE,
    NameIndex,
    parse_name,
)
from readerapp.core.analysis.speech import SpeechEvent
from readerapp.core.analysis.subjects import MentionReader

SCARE_QUOTE_WORDS = 4  # a shorter quote inside the author's own sentence is a phrase, not speech
# Where a sentence's subject ends: its first verb (a plural noun must not pass for one).
_FIRST_VERB = re.compile(
    r"(?<=\s)(?:[a-z]{2,}ed|has|have|had|is|was|were|are|will|would|can|could|did|does|said|says|"
    r"told|tells|wrote|writes|made|makes|took|takes|gave|gives|got|gets|went|goes|knew|began|"
    r"became|faces|faced|admits|expects|plans|wants|says)\b"
)


_LEAD_NAME = re.compile(rf"(?:{HONORIFIC}\s+)?{NAME_RUN}(?=\s+[a-z]|,)")


@dataclass(frozen=True)
class SpokenSpan:
    """A span of text and who it is attributed to, so a quoted accusation has an accuser."""

    start: int
    end: int
    speakers: tuple[Entity, ...]
    direct: bool = True


def attribute(
    doc: Document,
    events: list[SpeechEvent],
    resolver: EntityResolver,
    reader: MentionReader,
    should_stop: Callable[[], bool] | None = None,
) -> list[SpokenSpan]:
    """Give every event its entities and every quote its speaker; return what was said."""
    subjects = _subjects(doc, reader, resolver.names)
    taken = {m.start for m in subjects}
    others = [m for m in _name_mentions(doc, resolver.names) if m.start not in taken]
    timeline: list[tuple[int, int, object]] = [(m.start, 1, m) for m in subjects]
    timeline += [(m.start, 2, m) for m in others]
    timeline += [(e.position, 3, e) for e in events]
    timeline.sort(key=lambda item: (item[0], item[1]))

    owners: dict[int, tuple[Entity, ...]] = {}
    attributions: list[tuple[int, tuple[Entity, ...]]] = []
    absorbed: set[int] = set()
    spoken: list[SpokenSpan] = []
    by_sentence: dict[int, tuple[Entity, ...]] = {}
    inside_until = -1  # end of the reported speech being read: verbs in it are nested speech
    for count, (position, rank, item) in enumerate(timeline):
        if should_stop is not None and count % 512 == 0 and should_stop():
            break
        if isinstance(item, Mention):
            entity = resolver.resolve(item, position)
            if entity is not None:
                resolver.note(entity, position, rank)
            continue
        assert isinstance(item, SpeechEvent)
        if position < inside_until and not item.quotes:
            continue  # 'X said managers had told staff that …' is X's claim
        sentence = doc.sentence_index(position)
        group = _speakers(doc, reader, item, position, sentence, by_sentence, resolver)
        if not group:
            continue
        by_sentence[sentence] = group
        if item.contents:
            inside_until = max(inside_until, max(end for _, end in item.contents))
        for entity in group:
            resolver.note(entity, position)
        for index in item.quotes:
            owners.setdefault(index, group)
        for start, end in item.contents:
            for entity in group:
                entity.quotes.append(Quote(start, end, doc.text[start:end], direct=False))
            spoken.append(SpokenSpan(start, end, group, direct=False))
            for index in doc.quotes_between(start, end):
                if index not in owners:
                    absorbed.add(index)  # a phrase quoted inside reported speech
        first = min([position, *(doc.quotes[i].open for i in item.quotes)])
        attributions.append((first, group))
    attributions.sort(key=lambda a: a[0])
    _assign_quotes(doc, owners, absorbed, attributions, spoken)
    spoken.sort(key=lambda s: s.start)
    return spoken


def _clause_subject(
    doc: Document, reader: MentionReader, sentence: int, position: int
) -> Mention | None:
    """Who '…, alleging that …' speaks for: the subject of the sentence's first verb."""
    start, _ = doc.sentences[sentence]
    verb = _FIRST_VERB.search(doc.masked, start, position)
    found = reader.before(start, verb.start()) if verb else ()
    return found[0] if found and found[0].kind != "pronoun" else None


def _speakers(
    doc: Document,
    reader: MentionReader,
    event: SpeechEvent,
    position: int,
    sentence: int,
    by_sentence: dict[int, tuple[Entity, ...]],
    resolver: EntityResolver,
) -> tuple[Entity, ...]:
    if event.inherit:
        if sentence in by_sentence:
            return by_sentence[sentence]
        subject = _clause_subject(doc, reader, sentence, position)
        return resolver.resolve_all(subject, position) if subject is not None else ()
    found: list[Entity] = []
    for mention in event.speakers:
        for entity in resolver.resolve_all(mention, position):
            if entity not in found:
                found.append(entity)
    return tuple(found)


def _assign_quotes(
    doc: Document,
    owners: dict[int, tuple[Entity, ...]],
    absorbed: set[int],
    attributions: list[tuple[int, tuple[Entity, ...]]],
    spoken: list[SpokenSpan],
) -> None:
    starts = [a[0] for a in attributions]
    previous: tuple[Entity, ...] | None = None
    for index, span in enumerate(doc.quotes):
        if index in absorbed:
            continue
        group = owners.get(index)
        if group is None:
            group = _continuing(doc, index, previous, attributions, starts)
        if group is None:
            previous = None
            continue
        for entity in group:
            entity.quotes.append(Quote(span.start, span.end, doc.text[span.start : span.end]))
        spoken.append(SpokenSpan(span.start, span.end, group))
        previous = group


def _continuing(
    doc: Document,
    index: int,
    previous: tuple[Entity, ...] | None,
    attributions: list[tuple[int, tuple[Entity, ...]]],
    starts: list[int],
) -> tuple[Entity, ...] | None:
    """An unattributed quote continues the latest speaker in this or the previous paragraph."""
    span = doc.quotes[index]
    if span.continued and previous is not None:
        return previous
    sentence_start, _ = doc.sentence_at(span.open)
    lead = doc.masked[max(sentence_start, span.open - 200) : span.open]
    if len(lead.split()) > 2 and len(doc.text[span.start : span.end].split()) < SCARE_QUOTE_WORDS:
        return None  # a phrase in quotation marks inside the author's sentence
    latest = bisect_right(starts, span.open) - 1
    if latest < 0:
        return None
    position, group = attributions[latest]
    if doc.paragraph_index(span.open) - doc.paragraph_index(position) > 1:
        return None
    return group


def _subjects(doc: Document, reader: MentionReader, names: NameIndex) -> list[Mention]:
    """The name or description each sentence opens with: whom a later pronoun may mean."""
    found: list[Mention] = []
    masked = doc.masked
    for start, end in doc.sentences:
        verb = _FIRST_VERB.search(masked, start, min(end, start + 160))
        mentions = reader.before(start, verb.start()) if verb else ()
        mentions = tuple(
            m for m in mentions if m.kind == "name" or m.kind == "description" and m.definite
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


_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|into|across|near|of|outside|inside)\s+(?:the\s+)?$")


_NOUN_BEFORE = re.compile(r"\b([a-z][a-z\-]+)\s+$")  # 'the music website Loud Acre'
_TITLE_BEFORE = re.compile(r"\b(?:the|a|an|former|then|late|fellow|ex)\s+$", re.IGNORECASE)


def _name_mentions(doc: Document, names: NameIndex) -> list[Mention]:
    """Every name the author's own words mention (not places): a pronoun may mean any."""
    found: list[Mention] = []
    masked = doc.masked
    for match in NAME_RUN_RE.finditer(masked):
        parsed = parse_name(match.group())
        if parsed is None:
            continue
        name = parsed.name
        if not (" " in name or parsed.honorific or name in names.mid_sentence):
            continue
        if _PLACE_BEFORE.search(masked, max(0, match.start() - 12), match.start()):
            continue
        if " " not in name and _TITLE_BEFORE.search(
            masked, max(0, match.start() - 12), match.start()
        ):
            continue  # 'the former Nazim', 'a Democrat': a title or a noun, not a name
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
        )
        found.append(mention.with_role(_role_around(masked, match.start(), match.end())))
    return found


# 'Orbit's chief executive, Carla Diaz, …' and 'Carla Diaz, the chief executive, …'
_DESCRIBED_BEFORE = re.compile(
    r"(?:^|[.;]\s+|\b(?:blamed|accused|praised|thanked|named|hired|appointed|and|with|by)\s+)"
    r"((?:the|a|an|[A-Z][\w’'\-]*['’]s)\s+(?:[\w’'\-]+\s+){0,4}[\w’'\-]+),\s+$"
)
_APPOSITIVE_AFTER = re.compile(r",\s+((?:the|a|an)\s+[^,.;\"“”~]{3,60}?),")


def _role_around(masked: str, start: int, end: int) -> str:
    """A role written beside a name the text only mentions."""
    before = _DESCRIBED_BEFORE.search(masked, max(0, start - 80), start)
    if before and masked[end : end + 1] == ",":
        head = before.group(1).split()[-1].casefold()
        if head in PERSON_NOUNS or head in TITLE_WORDS:
            return before.group(1)
    after = _APPOSITIVE_AFTER.match(masked, end)
    if after and after.group(1).split()[-1].casefold() in PERSON_NOUNS | TITLE_WORDS:
        return after.group(1)
    return ""
