"""Attribution: each speech event's phrase becomes an entity, and each quote its speaker.

Events are read in text order with the sentence subjects and mentioned names between
them, so a pronoun means whom the text was just about. A quote no rule claimed continues
the latest speaker of its paragraph or the one before (news style), unless it is a short
phrase inside the author's own sentence (scare quotes); a quote inside reported speech is
part of it. The article is read in slices, in order, so the work can stop between them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from readerapp.core.analysis.document import Document
from readerapp.core.analysis.entities import EntityResolver
from readerapp.core.analysis.entity import Entity
from readerapp.core.analysis.focus import FIRST_VERB, name_mentions, sentence_subjects
from readerapp.core.analysis.lexicon.speech import NAMING_BEFORE_QUOTE
from readerapp.core.analysis.mentions import Mention
from readerapp.core.analysis.model import Quote
from readerapp.core.analysis.quotes import is_title
from readerapp.core.analysis.speech import SpeechEvent
from readerapp.core.analysis.subjects import MentionReader

SCARE_QUOTE_WORDS = 4  # a shorter quote inside the author's own sentence is a phrase, not speech
Group = tuple[Entity, ...]


@dataclass(frozen=True)
class SpokenSpan:
    """A span of text and who it is attributed to, so a quoted accusation has an accuser."""

    start: int
    end: int
    speakers: Group
    direct: bool = True


class Attribution:
    """Reads one document slice after another; `spoken` grows in text order."""

    def __init__(self, doc: Document, resolver: EntityResolver, reader: MentionReader) -> None:
        self.doc = doc
        self.resolver = resolver
        self.reader = reader
        self.spoken: list[SpokenSpan] = []
        self._owners: dict[int, Group] = {}
        self._absorbed: set[int] = set()
        self._attributions: list[tuple[int, Group]] = []
        self._starts: list[int] = []
        self._by_sentence: dict[int, Group] = {}
        self._inside_until = -1  # end of the reported speech being read: its verbs are nested
        self._previous: Group | None = None
        self._subject_of: dict[int, Entity] = {}  # sentence -> the entity it opens with

    def add(self, events: list[SpeechEvent], lo: int, hi: int) -> None:
        """Attribute the events of the slice [lo, hi), then every quote that opens in it."""
        doc, resolver = self.doc, self.resolver
        subjects = sentence_subjects(doc, self.reader, resolver.names, lo, hi)
        taken = {m.start for m in subjects}
        others = [m for m in name_mentions(doc, resolver.names, lo, hi) if m.start not in taken]
        timeline: list[tuple[int, int, Mention | SpeechEvent]] = [(m.start, 1, m) for m in subjects]
        timeline += [(m.start, 3 if m.definite else 2, m) for m in others]
        timeline += [(e.position, 4, e) for e in events]
        timeline.sort(key=lambda item: (item[0], item[1]))
        found: list[SpokenSpan] = []
        for position, rank, item in timeline:
            if isinstance(item, Mention):
                entity = resolver.resolve(item, position)
                if entity is not None:
                    resolver.note(entity, position, rank)
                    if rank == 1:
                        self._subject_of.setdefault(doc.sentence_index(position), entity)
            else:
                found.extend(self._event(item, position))
        self._attributions.sort(key=lambda a: a[0])
        self._starts = [a[0] for a in self._attributions]
        found.extend(self._assign_quotes(lo, hi))
        found.sort(key=lambda s: s.start)
        self.spoken.extend(found)

    def _event(self, event: SpeechEvent, position: int) -> list[SpokenSpan]:
        doc = self.doc
        if position < self._inside_until and not event.quotes:
            return []  # 'X said managers had told staff that …' is X's claim
        sentence = doc.sentence_index(position)
        group = self._speakers(event, position, sentence)
        if not group:
            return []
        self._by_sentence[sentence] = group
        if event.contents:
            self._inside_until = max(self._inside_until, max(e for _, e in event.contents))
        for entity in group:
            self.resolver.note(entity, position)
        for index in event.quotes:
            self._owners.setdefault(index, group)
        found: list[SpokenSpan] = []
        for start, end in event.contents:
            for entity in group:
                quote = Quote(start, end, doc.text[start:end], direct=event.own_words)
                entity.quotes.append(quote)
            found.append(SpokenSpan(start, end, group, direct=event.own_words))
            for index in doc.quotes_between(start, end):
                if index not in self._owners:
                    self._absorbed.add(index)  # a phrase quoted inside reported speech
        first = min([position, *(doc.quotes[i].open for i in event.quotes)])
        self._attributions.append((first, group))
        return found

    def _speakers(self, event: SpeechEvent, position: int, sentence: int) -> Group:
        resolver = self.resolver
        if event.inherit:
            if sentence in self._by_sentence:
                return self._by_sentence[sentence]
            subject = self._clause_subject(sentence, position)
            return resolver.resolve_all(subject, position) if subject is not None else ()
        found: list[Entity] = []
        for mention in event.speakers:
            for entity in resolver.resolve_all(mention, position):
                if entity not in found:
                    found.append(entity)
        return tuple(found)

    def _clause_subject(self, sentence: int, position: int) -> Mention | None:
        """Who '…, alleging that …' speaks for: the subject of the sentence's first verb."""
        start, _ = self.doc.sentences[sentence]
        verb = FIRST_VERB.search(self.doc.masked, start, position)
        found = self.reader.before(start, verb.start()) if verb else ()
        if found and found[0].kind == "pronoun" and found[0].text == "who":
            return None
        return found[0] if found else None  # 'She sent an email saying, "…"': she speaks

    def _assign_quotes(self, lo: int, hi: int) -> list[SpokenSpan]:
        doc = self.doc
        found: list[SpokenSpan] = []
        for index in doc.quotes_between(lo, hi):
            if index in self._absorbed:
                continue
            span = doc.quotes[index]
            group = self._owners.get(index) or self._continuing(index)
            if group is None:
                self._previous = None
                continue
            for entity in group:
                entity.quotes.append(Quote(span.start, span.end, doc.text[span.start : span.end]))
            found.append(SpokenSpan(span.start, span.end, group))
            self._previous = group
        return found

    def _continuing(self, index: int) -> Group | None:
        """An unattributed quote continues the latest speaker in this or the previous paragraph."""
        doc = self.doc
        span = doc.quotes[index]
        if span.continued and self._previous is not None:
            return self._previous
        sentence_start, _ = doc.sentence_at(span.open)
        lead = doc.masked[max(sentence_start, span.open - 200) : span.open]
        sentence = doc.sentence_index(span.open)
        if len(lead.split()) > 2:
            if is_title(doc.text[span.start : span.end]):
                return None  # 'on ABC's "Good Morning America"'
            # Inside the author's sentence: the words of whom the sentence is about
            # ('Voss opposes "sudden fare rises"'), unless the quote names a thing.
            subject = self._subject_of.get(sentence)
            if (
                subject is not None
                and subject.kind in ("person", "org", "group")
                and not (NAMING_BEFORE_QUOTE.search(lead))
            ):
                return (subject,)
            words = len(doc.text[span.start : min(span.end, span.start + 200)].split())
            if words < SCARE_QUOTE_WORDS:
                return None  # a phrase in quotation marks inside the author's sentence
        elif sentence > 0 and sentence - 1 not in self._by_sentence:
            # 'Ann Cole shook her head. "Tom's far calmer about it than I am."'
            before = self._subject_of.get(sentence - 1)
            previous_start, _ = doc.sentences[sentence - 1]
            same = doc.paragraph_index(previous_start) == doc.paragraph_index(span.open)
            if same and before is not None and before.kind == "person" and not before.anonymous:
                return (before,)
        latest = bisect_right(self._starts, span.open) - 1
        if latest < 0:
            return None
        position, group = self._attributions[latest]
        if doc.paragraph_index(span.open) - doc.paragraph_index(position) > 1:
            return None
        return group
