"""Speech events: who speaks, found by a list of rules, each testable alone.

A rule reads the document (masked text, quotes, sentences) and the cue words found once
in a single pass, and returns `SpeechEvent`s: the phrase naming the speaker, the quotes
it claims and the reported clauses. Rules run in order; a quote claimed by one rule is
not offered to the next, so the more specific patterns come first (as toolong lists its
`FORMATS`). `SPEECH_RULES` in `speech_rules` is the list; a new pattern is a new class.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from readerapp.core.analysis.document import Document, Span
from readerapp.core.analysis.focus import FIRST_VERB
from readerapp.core.analysis.lexicon.base import is_plural
from readerapp.core.analysis.lexicon.clauses import (
    AFTER_COMMA_AND,
    COORDINATOR_BEFORE,
    NOT_OBJECT_CUES,
    ON_OR_FOR,
    RELATIVE_BEFORE,
    THAT_OR_QUOTE_AFTER,
    VERB_AFTER_WORDS,
)
from readerapp.core.analysis.lexicon.phrases import (
    FINITE_AUXILIARIES,
    NON_VERB_OPENERS,
    NOT_BEFORE_VERB,
    NOT_NOUNS,
)
from readerapp.core.analysis.lexicon.speech import (
    FINITE_SPEECH,
    FORM_TO_LEMMA,
    HEARING_BODIES,
    MODAL_BEFORE,
    NAMING_VERBS,
    NOUN_LIKE_FORMS,
    OBJECT_SPEECH,
    OBJECT_SPEECH_FORMS,
    PHRASAL_FORMS,
    SPEECH_PARTICIPLES,
)
from readerapp.core.analysis.mentions import Mention
from readerapp.core.analysis.quotes import QuotedSpan
from readerapp.core.analysis.subjects import MentionReader

_AND_RIGHT_BEFORE = re.compile(r"\b(?:and|but|yet)\s+(?:(?:also|later|then|\w+ly)\s+)?$")
MAX_CUES_PER_SENTENCE = 12  # prose never has more; 'said said said …' must stay linear
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Cue:
    """A word that can report speech: 'said', 'saying', 'accused', 'called', 'according to'."""

    start: int
    end: int
    word: str  # lower case
    kind: str  # "finite" | "participle" | "object" | "naming" | "according"
    sentence: int

    @property
    def lemma(self) -> str:
        return FORM_TO_LEMMA.get(self.word) or OBJECT_SPEECH_FORMS.get(self.word, self.word)


@dataclass(frozen=True)
class SpeechEvent:
    """One reporting act: who, which direct quotes, which reported-speech spans."""

    position: int
    speakers: tuple[Mention, ...]
    quotes: tuple[int, ...] = ()
    contents: tuple[Span, ...] = ()
    rule: str = ""
    inherit: bool = False  # a participle: the speaker is its clause's subject
    own_words: bool = False  # the contents are the speaker's own words (an interview's answers)


@dataclass
class SpeechContext:
    """What every rule reads, and what earlier rules already claimed."""

    doc: Document
    reader: MentionReader
    cues: list[Cue]
    quote_range: range = range(0)  # the quotes that open in the slice being read
    lo: int = 0  # the slice being read
    hi: int = 0
    claimed_quotes: set[int] = field(default_factory=set)
    used_cues: set[int] = field(default_factory=set)  # cue starts already explained
    _cue_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._cue_starts = [c.start for c in self.cues]

    def quotes(self) -> Iterator[tuple[int, QuotedSpan]]:
        """The slice's quotes with their indexes, in text order."""
        for index in self.quote_range:
            yield index, self.doc.quotes[index]

    def cues_between(self, start: int, end: int) -> list[Cue]:
        first = bisect_left(self._cue_starts, start)
        last = bisect_left(self._cue_starts, end)
        return self.cues[first:last]

    def clause_start(self, position: int) -> int:
        """Where the clause holding `position` may start: the sentence start, or just past
        the last quote that closes before it in the same sentence."""
        start, _ = self.doc.sentence_at(position)
        last = self.doc.last_quote_closed_by(position)
        if last is not None and self.doc.quotes[last].close > start:
            return self.doc.quotes[last].close
        return start


class SpeechRule(Protocol):
    """A pattern of reported speech; `find` yields the events it sees."""

    name: str

    def find(self, context: SpeechContext) -> Iterable[SpeechEvent]: ...


def find_cues(doc: Document, lo: int = 0, hi: int | None = None) -> list[Cue]:
    """Every cue word outside quotes in [lo, hi), in text order, a few per sentence at most."""
    hi = len(doc.text) if hi is None else hi
    cues: list[Cue] = []
    masked = doc.masked
    first = doc.sentence_index(lo)
    for index in range(first, len(doc.sentences)):
        start, end = doc.sentences[index]
        if start >= hi:
            break
        if start < lo:
            continue
        found = 0
        for match in _WORD.finditer(masked, start, end):
            word = match.group().casefold()
            kind = _kind(word, masked, match.start(), match.end())
            if kind is None:
                continue
            cue_end = match.end()
            if kind == "according":
                cue_end = masked.find("to", cue_end) + 2
            elif kind == "phrasal":
                kind = "finite"
                cue_end = masked.find(PHRASAL_FORMS[word], cue_end) + len(PHRASAL_FORMS[word])
            cues.append(Cue(match.start(), cue_end, word, kind, index))
            found += 1
            if found >= MAX_CUES_PER_SENTENCE:
                break
    return cues


def _kind(word: str, masked: str, start: int, end: int) -> str | None:
    if word == "according":
        return "according" if masked[end : end + 4] == " to " else None
    if word in NAMING_VERBS and _quote_soon(masked, end):
        return "naming"
    if word in OBJECT_SPEECH_FORMS and word not in NOT_OBJECT_CUES:
        joiners = OBJECT_SPEECH[OBJECT_SPEECH_FORMS[word]]
        if re.match(rf"\s+[^.;:~]{{1,80}}?\s(?:{joiners})\b", masked[end : end + 100]):
            return "object"
    if word in PHRASAL_FORMS:
        particle = PHRASAL_FORMS[word]
        if masked[end : end + len(particle) + 2].strip(" .,:") == particle:
            return "phrasal"
        # 'fired back forcefully:': an adverb may follow the particle
        return "phrasal" if re.match(rf" {particle} \w+ly\b", masked[end : end + 30]) else None
    if word in FINITE_SPEECH:
        if masked[start].isupper() and re.search(
            r"\b[A-Z][\w’']*[ \t\u00a0]+$", masked[max(0, start - 30) : start]
        ):
            return None  # 'the United States', 'Home Office Notes': a name, not a verb
        if word in NOUN_LIKE_FORMS and not _verb_context(masked, start, end):
            return None
        previous = re.search(r"([\w’']+)\s+$", masked[max(0, start - 20) : start])
        if previous and previous.group(1).casefold() in NOT_BEFORE_VERB:
            return None  # 'acted on repeated reports', 'his stated aim': not a verb
        if FORM_TO_LEMMA[word] == word and _noun_before_verb(masked, end, previous):
            return None  # 'A council report said': the noun before the verb
        if FORM_TO_LEMMA[word] == "hear":
            before = masked[max(0, start - 40) : start].casefold().split()[-3:]
            return "finite" if any(w in HEARING_BODIES for w in before) else None
        return "finite"
    if word in ("hear", "hears", "hearing"):
        return None
    if FORM_TO_LEMMA.get(word) == word and MODAL_BEFORE.search(masked, max(0, start - 30), start):
        return "finite"  # 'could only quip', 'would later explain'
    if word in SPEECH_PARTICIPLES:
        return "participle"
    if word in ("called", "calls"):  # 'called on X to …', 'called for …'
        return "object" if ON_OR_FOR.match(masked[end : end + 5]) else None
    return None


def _noun_before_verb(masked: str, end: int, previous: re.Match[str] | None) -> bool:
    """'A council report said': a base form after a singular noun and before a verb is a
    noun; 'officials say is', 'flag and report posts' keep their verb."""
    following = _WORD.match(masked, end + 1)
    if masked[end : end + 1] != " " or following is None or previous is None:
        return False
    before = previous.group(1).casefold()
    return (
        following.group().casefold() in FINITE_SPEECH | FINITE_AUXILIARIES
        and not is_plural(before)
        and before not in NOT_NOUNS
    )


def _quote_soon(masked: str, end: int) -> bool:
    """'called the referee a "cheat"': a quote opens within a short object."""
    window = masked[end : end + 60]
    mark = re.search(r"[\"“‘]|''", window)
    return mark is not None and not re.search(r"[.;]", window[: mark.start()])


def _verb_context(masked: str, start: int, end: int) -> bool:
    """'claims that', 'X reports', '…," claims X': a noun-like form used as a verb, not
    'the claims', 'his claims', 'media reports'."""
    if THAT_OR_QUOTE_AFTER.match(masked[end : end + 8]):
        return True
    before = masked[max(0, start - 30) : start]
    if re.search(r"[\"”~,]\s*$|''\s*$", before):
        return True  # '…," claims Amin-ul Haq'
    previous = re.search(r"([\w’']+)\s+$", before)
    if previous is None:
        return False
    word = previous.group(1)
    lower = word.casefold()
    if lower in VERB_AFTER_WORDS:
        return True
    return word[:1].isupper() and lower not in NON_VERB_OPENERS and not word.endswith(("'s", "’s"))


def find_events(
    doc: Document,
    reader: MentionReader,
    rules: Iterable[SpeechRule],
    lo: int = 0,
    hi: int | None = None,
) -> list[SpeechEvent]:
    """Run every rule in order over the slice [lo, hi); events come back in text order."""
    hi = len(doc.text) if hi is None else hi
    context = SpeechContext(doc, reader, find_cues(doc, lo, hi), doc.quotes_between(lo, hi), lo, hi)
    events: list[SpeechEvent] = []
    for rule in rules:
        for event in rule.find(context):
            events.append(event)
            context.claimed_quotes.update(event.quotes)
            context.used_cues.add(event.position)
    events.sort(key=lambda e: e.position)
    return events


def after_comma(masked: str, position: int) -> bool:
    """', saying …', ': adding', '— tweeting': a participle that continues its clause."""
    return AFTER_COMMA_AND.search(masked[max(0, position - 6) : position]) is not None


def speakers_before(context: SpeechContext, cue: Cue) -> tuple[Mention, ...]:
    lo = context.clause_start(cue.start)
    found = context.reader.before(lo, cue.start)
    between = context.doc.masked[lo : cue.start]
    if found and not _AND_RIGHT_BEFORE.search(between):
        return found
    # '… called it "a stunt" and said …', '…, but said …': the sentence's subject speaks
    # again, not the object before 'and' ('rejected the idea that the changes … and said').
    relative = RELATIVE_BEFORE.search(between)
    if not relative and COORDINATOR_BEFORE.search(between):
        start, _ = context.doc.sentences[cue.sentence]
        for earlier in reversed(context.cues_between(start, lo)):
            found = context.reader.before(context.clause_start(earlier.start), earlier.start)
            if found:
                return found
        masked = context.doc.masked
        comma = masked.rfind(", ", start, cue.start)
        # 'Asked whether …, Mrs. Voss shook her head and said': the clause after the comma
        for clause in ([comma + 2] if comma >= 0 else []) + [start]:
            verb = FIRST_VERB.search(masked, clause, cue.start)
            if verb is not None and verb.start() < cue.start:
                found = context.reader.before(clause, verb.start())
                if found and found[0].kind in ("name", "pronoun", "description", "group"):
                    return found
        found = context.reader.before(lo, cue.start)
    return found or _subject_around_quote(context, cue, lo)


def _subject_around_quote(context: SpeechContext, cue: Cue, lo: int) -> tuple[Mention, ...]:
    """'Jo Roe, the author of "Going Viral," said', 'Roe, citing "the magic," said': the
    subject opens the sentence, and the quote sits in its appositive."""
    start, _ = context.doc.sentences[cue.sentence]
    if lo <= start:
        return ()
    found = context.reader.before(start, cue.start)
    if not found or found[0].kind == "pronoun" and found[0].text == "who":
        return ()
    opening = min(m.phrase_start if m.phrase_start >= 0 else m.start for m in found)
    if opening >= lo or context.doc.masked[start:opening].strip():
        return ()
    return found
