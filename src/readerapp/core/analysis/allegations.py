"""Allegations: who accuses whom of what, found by a list of rules over the sentences.

One allegation per sentence at most; its evidence is the whole sentence, which is what
the reader highlights. Before any rule runs, a sentence that denies an accusation, that
points back at one ('These allegations …'), or that asks a question in a quote is set
aside; then the first rule that matches speaks. `ALLEGATION_RULES` is the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol

from readerapp.core.analysis.allegation_context import (
    continued_accusations,
    second_findings,
    signed_by_letter_writers,
)
from readerapp.core.analysis.described_parties import named_description
from readerapp.core.analysis.lexicon.accusations import (
    ACCORDING_TO_SOURCE,
    ACCUSATION_PATTERN,
    ACTIVE_ACCUSATION,
    ALLEGATION_STEMS,
    ALLEGED_THAT,
    ANAPHORIC_ALLEGATION,
    BARE_PLURAL_SUBJECT,
    BLAMED_THING,
    CALLED_LABEL,
    CLAIM_BOUNDARY,
    CONDITION_WORDS,
    CONTRAST,
    CRIME_AS_EVENT,
    CRITICISED_FOR,
    DEFAULT_ACCUSERS,
    DENIAL_PATTERN,
    DOCUMENT_PHRASE,
    FILED_BY_BEFORE,
    FINDER_CLAUSE,
    FOUND_THAT,
    HYPOTHETICAL_PENALTY,
    INVESTIGATED,
    NEGATION_PATTERN,
    NEW_CLAUSE_AFTER_QUOTE,
    OWNED_OR_DESCRIBED,
    PASSIVE_ACCUSATION,
    PENALTY,
    POLL_RESULT,
    POSSESSIVE_CLAIM,
    POSSESSIVE_PHRASE,
    QUANTIFIED_PHRASE,
    RECIPROCAL_ACCUSATION,
    REPORTS_WORD,
    STANCE_PATTERN,
    STOLEN_THING,
    TOPIC_WRONGDOING,
    WRONGDOING_PATTERN,
)
from readerapp.core.analysis.lexicon.base import stem as singular
from readerapp.core.analysis.lexicon.people import ORG_NOUNS, PERSON_NOUNS
from readerapp.core.analysis.lexicon.speech import FINITE_SPEECH
from readerapp.core.analysis.model import Allegation
from readerapp.core.analysis.names import NAME_RUN_RE
from readerapp.core.analysis.parties import AUTHOR, Parties

CLAIM_WORDS = 12


@dataclass(frozen=True)
class Sentence:
    """One sentence as the allegation rules see it."""

    start: int
    end: int
    text: str
    cue: re.Match[str] | None
    wrong: re.Match[str] | None
    speaker: str | None  # whose quote or reported speech the sentence mostly is


class AllegationRule(Protocol):
    name: str

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None: ...


def make(accuser: str, accused: str, claim: str, sentence: Sentence) -> Allegation:
    return Allegation(
        accuser=accuser,
        accused=accused or "unspecified",
        claim=short_claim(claim),
        start=sentence.start,
        end=sentence.end,
        evidence=sentence.text,
    )


def short_claim(text: str) -> str:
    claim = " ".join(re.sub(r"[\"“”]|''", "", text).split()[:CLAIM_WORDS])
    return claim.rstrip(" ,.;:?!")


class AuthorQuestion:
    """'Was that not a cover-up?' asked by the author accuses; a quoted question asks."""

    name = "author's question"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        if not sentence.text.rstrip("\"”’' ").endswith("?"):
            return None
        if sentence.speaker is not None or sentence.wrong is None:
            return None
        if re.search(r"[\"“]", sentence.text):
            return None
        accused = parties.first_name(sentence.start, sentence.end) or parties.recent_name(
            sentence.start
        )
        return make(AUTHOR, accused, sentence.text[sentence.wrong.start() :], sentence)


class PassiveAccusation:
    """'X was accused by Y of Z': passive voice flips accuser and accused."""

    name = "passive accusation"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        found = PASSIVE_ACCUSATION.search(sentence.text)
        if not found:
            return None
        accused = parties.accused_before(sentence.start, sentence.start + found.start())
        agent = found.group("agent")
        verb = found.group("verb").casefold().split()[0]
        accuser = agent.strip() if agent else sentence.speaker or _source(sentence)
        if not accuser:
            accuser = DEFAULT_ACCUSERS.get(verb, "") or parties.recent_speaker(sentence.start)
        if not accuser or accuser == accused:
            accuser = "unspecified"
        return make(accuser, accused, found.group("claim"), sentence)


class ActiveAccusation:
    """'X accused Y of Z', 'X blamed Y for Z', 'fined Y for Z', 'is suing Y for Z'."""

    name = "active accusation"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        found = ACTIVE_ACCUSATION.search(sentence.text) or PENALTY.search(sentence.text)
        if not found:
            return None
        start = sentence.start
        accuser = sentence.speaker or parties.name_before(start, start + found.start()) or AUTHOR
        phrase = found.group("accused").strip()
        appositive = re.search(r",\s*([^,]+),$", phrase)  # 'its chief, Jo Bloggs,'
        if appositive and NAME_RUN_RE.match(appositive.group(1)):
            accused = parties.canonical(appositive.group(1))
        elif (
            POSSESSIVE_PHRASE.match(phrase)
            or OWNED_OR_DESCRIBED.fullmatch(phrase)
            or QUANTIFIED_PHRASE.match(phrase)
        ):
            accused = phrase  # 'accused her former label of …': the label, not the woman
        else:
            accused = (
                parties.first_name(
                    start + found.start("accused"), start + found.end("accused"), accuser
                )
                or phrase
            )
        return make(accuser, accused, found.group("claim"), sentence)


class CriticisedFor:
    """'Trump knocked Cruz for not reporting loans': criticism whose reason is wrongdoing."""

    name = "criticised for"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        found = CRITICISED_FOR.search(sentence.text)
        if not found:
            return None
        start = sentence.start
        accuser = sentence.speaker or parties.name_before(start, start + found.start()) or AUTHOR
        accused = parties.first_name(
            start + found.start("accused"), start + found.end("accused"), accuser
        ) or found.group("accused")
        return make(accuser, accused, found.group("claim"), sentence)


class Investigated:
    """'Assange was the subject of a U.S. investigation': the investigators accuse him."""

    name = "investigated"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        found = INVESTIGATED.search(sentence.text)
        if not found:
            return None
        start = sentence.start
        accused = parties.name_before(start, start + found.start())
        by = (found.group("by") or found.group("by2") or "").strip()
        accuser = f"{by} investigators".strip() if by else "investigators"
        return make(accuser, accused, sentence.text[found.start() :], sentence)


class FoundThat:
    """'Inspectors found that staff had failed to …': whoever found accuses the subject of
    what was found."""

    name = "found that"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        found = FOUND_THAT.search(sentence.text)
        if not found:
            return None
        start = sentence.start
        clauses = FINDER_CLAUSE.finditer(sentence.text, 0, found.start())
        head = start + max((m.end() for m in clauses), default=0)
        accuser = parties.finder(head, start + found.start()) or sentence.speaker or AUTHOR
        claim_start = start + found.start("claim")
        plural = BARE_PLURAL_SUBJECT.match(parties.text, claim_start, sentence.end)
        accused = (
            plural.group(1)
            if plural
            else parties.clause_subject(claim_start, claim_start, accuser)
            or parties.accused_in(claim_start, sentence.end, accuser)
        )
        return make(accuser, accused, found.group("claim"), sentence)


class AllegedThat:
    """'X alleged that Y did Z': the claim's subject is the accused."""

    name = "alleged that"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        found = ALLEGED_THAT.search(sentence.text)
        if not found:
            return None
        start = sentence.start
        filed = FILED_BY_BEFORE.search(sentence.text, 0, found.start())
        if filed:  # 'a lawsuit filed by a former aide alleging that …': the aide alleges
            accuser = parties.canonical(filed.group("filer").strip())
        else:
            accuser = (
                sentence.speaker or parties.name_before(start, start + found.start()) or AUTHOR
            )
        claim_start = start + found.start("claim")
        plural = BARE_PLURAL_SUBJECT.match(parties.text, claim_start, sentence.end)
        accused = (
            plural.group(1)
            if plural
            else parties.clause_subject(claim_start, claim_start, accuser)
            or parties.accused_in(claim_start, sentence.end, accuser)
        )
        return make(accuser, accused, found.group("claim"), sentence)


class PossessiveClaim:
    """'Ada Voss's charge that the mayor lied': the owner accuses the claim's subject."""

    name = "possessive claim"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        found = POSSESSIVE_CLAIM.search(sentence.text)
        if not found or sentence.wrong is None or sentence.wrong.start() < found.start("claim"):
            return None
        start = sentence.start
        owner = found.group("owner")
        accuser = parties.canonical(owner) if parties.known(owner) else owner
        claim_start = start + found.start("claim")
        accused = parties.clause_subject(
            claim_start, start + sentence.wrong.start(), accuser
        ) or parties.accused_in(claim_start, sentence.end, accuser)
        return make(accuser, accused, found.group("claim"), sentence)


class CalledLabel:
    """'Trump called the judge a "hater" who had "railroaded" him': whom the label is
    pinned on is the accused, when the label names wrongdoing."""

    name = "called a label"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        found = CALLED_LABEL.search(sentence.text)
        if not found or sentence.wrong is None or sentence.wrong.start() < found.end():
            return None
        start = sentence.start
        accuser = sentence.speaker or parties.name_before(start, start + found.start()) or AUTHOR
        lo, hi = start + found.start("accused"), start + found.end("accused")
        mentions = parties.reader.noun_phrase(lo, hi)
        entity = parties.resolver.resolve(mentions[0], lo) if mentions else None
        accused = entity.name if entity is not None else found.group("accused")
        if accused in accuser.split("; "):
            return None
        return make(accuser, accused, sentence.text[found.end() :], sentence)


class SpokenOrReported:
    """Any other cue or wrongdoing word: the speaker, the source, the document or the author
    accuses whoever the words name."""

    name = "cue in a sentence"

    def match(self, sentence: Sentence, parties: Parties) -> Allegation | None:
        anchor = sentence.cue if sentence.cue is not None else sentence.wrong
        if anchor is None:
            return None
        if sentence.wrong is not None and sentence.wrong.start() < anchor.start():
            anchor = sentence.wrong  # 'X cheated …, and there were charges of …'
        region_start, region_end = sentence.start, sentence.end
        position = sentence.start + anchor.start()
        if sentence.speaker is not None and _after_the_quote(parties, sentence, position):
            accuser = AUTHOR  # '… that "nothing has changed," he was not telling the truth'
        elif sentence.speaker is not None:
            accuser = sentence.speaker
            region_start, region_end = parties.spoken_region(sentence.start, sentence.end)
        elif source := _source(sentence):
            accuser = source
        elif document := DOCUMENT_PHRASE.search(sentence.text):
            filer = document.group("filer")
            accuser = filer.strip() if filer else document.group("document").casefold()
        elif REPORTS_WORD.search(sentence.text):
            accuser = "reports"
        else:
            accuser = AUTHOR
        accused = parties.clause_subject(region_start, position, accuser) or parties.accused_in(
            region_start, region_end, accuser
        )
        return make(accuser, accused, _clause_around(sentence.text, anchor.start()), sentence)


def _after_the_quote(parties: Parties, sentence: Sentence, position: int) -> bool:
    """Is the wrongdoing word the author's: in a new clause after the speaker's closed
    quote, with no speech verb ('When he said "nothing has changed," he was not telling the
    truth')?"""
    doc = parties.doc
    quotes = [doc.quotes[i] for i in doc.quotes_between(sentence.start, sentence.end)]
    if not quotes or any(q.open <= position < q.close for q in quotes):
        return False
    before = [q for q in quotes if q.close <= position]
    if not before or not before[-1].closed:
        return False
    between = doc.text[before[-1].close : position]
    if not NEW_CLAUSE_AFTER_QUOTE.match(between):
        return False  # 'said officials had called "three times" without permission'
    return not any(word.strip(",.;:").casefold() in FINITE_SPEECH for word in between.split())


def _source(sentence: Sentence) -> str:
    according = ACCORDING_TO_SOURCE.search(sentence.text)
    return according.group(1).strip() if according else ""


def _clause_around(sentence: str, position: int) -> str:
    """The clause holding `position`: from the last comma, 'that' or colon before it."""
    starts = [m.end() for m in CLAIM_BOUNDARY.finditer(sentence[:position])]
    return sentence[starts[-1] if starts else 0 :]


ALLEGATION_RULES: tuple[AllegationRule, ...] = (
    AuthorQuestion(),
    PassiveAccusation(),
    Investigated(),
    ActiveAccusation(),
    CriticisedFor(),
    FoundThat(),
    AllegedThat(),
    PossessiveClaim(),
    CalledLabel(),
    SpokenOrReported(),
)


def find_allegations(
    parties: Parties,
    lo: int = 0,
    hi: int | None = None,
    rules: tuple[AllegationRule, ...] = ALLEGATION_RULES,
) -> list[Allegation]:
    """The allegations in the sentences of [lo, hi): the first rule that matches speaks."""
    doc = parties.doc
    text = doc.text
    hi = len(text) if hi is None else hi
    # Most sentences accuse nobody: only those with a cue word go through the patterns.
    candidates = sorted({doc.sentence_index(position) for position in trigger_words(text, lo, hi)})
    found: list[Allegation] = []
    for index in candidates:
        ss, se = doc.sentences[index]
        if ss < lo or ss >= hi:
            continue
        sentence = _sentence(text, ss, se, parties)
        if sentence is None:
            continue
        for rule in rules:
            allegation = rule.match(sentence, parties)
            if allegation is not None:
                allegation = _named(parties, allegation)
                found.append(allegation)
                parties.accused_so_far.append((allegation.start, allegation.accused))
                break
    found.extend(second_findings(parties, found))
    found.sort(key=lambda a: a.start)
    found.extend(continued_accusations(parties, found))
    found.sort(key=lambda a: a.start)
    return signed_by_letter_writers(parties, found)


_WORD = re.compile(r"[A-Za-z]+")
_STEMS_BY_START: dict[str, list[str]] = {}
_WHOLE_WORDS = frozenset(stem[:-1] for stem in ALLEGATION_STEMS if stem.endswith("="))
for _stem in ALLEGATION_STEMS - {word + "=" for word in _WHOLE_WORDS}:
    _STEMS_BY_START.setdefault(_stem[:3], []).append(_stem)


def trigger_words(text: str, lo: int, hi: int) -> list[int]:
    """Where a word that may start an accusation or wrongdoing cue stands in [lo, hi)."""
    found = []
    for match in _WORD.finditer(text, lo, hi):
        word = match.group().lower()
        if word in _WHOLE_WORDS:
            found.append(match.start())
            continue
        for stem in _STEMS_BY_START.get(word[:3], ()):
            if word.startswith(stem):
                found.append(match.start())
                break
    return found


def _named(parties: Parties, allegation: Allegation) -> Allegation:
    """An accused described ('a 31-year-old man', 'its operator') by the name the article
    gives it elsewhere."""
    name = named_description(parties, allegation.accused, allegation.accuser, allegation.start)
    if name:
        allegation = replace(allegation, accused=name)
    accuser = named_description(parties, allegation.accuser, allegation.accused, allegation.start)
    return replace(allegation, accuser=accuser) if accuser else allegation


def _set_aside(words: str, cue: re.Match[str] | None, wrong: re.Match[str] | None) -> bool:
    """Is the cue (else the wrongdoing word) conditional, negated or opposed?"""
    anchor = cue if cue is not None else wrong
    if anchor is None:
        return False
    position = anchor.start()
    clause = max(words.rfind(",", 0, position), words.rfind(";", 0, position)) + 1
    lead = words[clause:position]
    if CONDITION_WORDS.search(lead) and cue is None:
        return True  # 'If the company broke the law, it will pay'
    if NEGATION_PATTERN.search(lead[-40:] if cue is not None else lead[-14:]):
        return True  # 'did not see convincing evidence of …', 'has never cheated'
    return STANCE_PATTERN.search(lead) is not None  # 'China opposed hacking'


def _party_noun(word: str) -> bool:
    return word in PERSON_NOUNS or word in ORG_NOUNS or singular(word) in ORG_NOUNS | PERSON_NOUNS


def _sentence(text: str, ss: int, se: int, parties: Parties) -> Sentence | None:
    """The sentence, unless it cannot accuse: no cue, a denial, a negated, conditional or
    opposed wrongdoing word, a quoted question, or a pointer back to earlier allegations."""
    words = text[ss:se]
    if ANAPHORIC_ALLEGATION.match(words):
        return None
    cue = (
        ACCUSATION_PATTERN.search(words)
        or CRITICISED_FOR.search(words)
        or INVESTIGATED.search(words)
    )
    topics = [m.span() for m in TOPIC_WRONGDOING.finditer(words)]
    wrong = next(
        (
            m
            for m in WRONGDOING_PATTERN.finditer(words)
            if not any(a <= m.start() < b for a, b in topics)
        ),
        None,
    )  # 'voter fraud', 'illegal immigrants': topics, not anyone's conduct
    if cue is None and wrong is None:
        return None
    if POLL_RESULT.search(words):
        return None  # 'most voters say she is not honest': a poll, not an accuser
    if cue is None and wrong is not None:
        stolen = STOLEN_THING.search(words, max(0, wrong.start() - 40), wrong.end() + 10)
        if stolen and stolen.start() <= wrong.start() < stolen.end():
            wrong = WRONGDOING_PATTERN.search(words, stolen.end())
            if wrong is None:
                return None  # 'a car that had been reported stolen'
        event = CRIME_AS_EVENT.search(words, max(0, wrong.start() - 40), wrong.end() + 4)
        if event and event.start() <= wrong.start() < event.end():
            others = WRONGDOING_PATTERN.search(words, event.end())
            if others is None:
                return None  # 'after the brutal murder of a priest, …'
            wrong = others
    if DENIAL_PATTERN.search(words):
        return None
    if HYPOTHETICAL_PENALTY.search(words) or RECIPROCAL_ACCUSATION.search(words):
        return None  # 'firms can be fined …', 'they called each other liars'
    thing = BLAMED_THING.search(words)
    if thing and not _party_noun(thing.group("head")) and wrong is None:
        return None  # 'blamed a faulty valve for the leak'
    speaker = parties.speaker_of(ss, se)
    question = words.rstrip("\"”’' ").endswith("?")
    if question and (speaker is not None or re.search(r"[\"“]", words)):
        return None  # a quoted question asks, it does not assert
    if not question and _set_aside(words, cue, wrong):
        anchor = cue or wrong
        later = CONTRAST.search(words, anchor.end()) if anchor is not None else None
        wrong = WRONGDOING_PATTERN.search(words, later.end()) if later else None
        if wrong is None or _set_aside(words, None, wrong):
            return None  # 'no charges were filed, but he called it careless' goes on
        cue = None
    return Sentence(ss, se, words, cue, wrong, speaker)
