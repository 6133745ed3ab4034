"""Allegations: who accuses whom of what, found by a list of rules over the sentences.

One allegation per sentence at most; its evidence is the whole sentence, which is what
the reader highlights. Sentences that cannot accuse are set aside first
(`allegation_sentences`); then the first rule that matches speaks. `ALLEGATION_RULES` is
the list. Afterwards the context adds what the sentences around say (`allegation_context`)
and a described party takes the name the article gives it (`described_parties`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from readerapp.core.analysis.allegation_context import (
    continued_accusations,
    second_findings,
    signed_by_letter_writers,
)
from readerapp.core.analysis.allegation_sentences import Sentence, accusing_sentence, trigger_words
from readerapp.core.analysis.described_parties import named_description
from readerapp.core.analysis.lexicon.accusations import (
    ACCORDING_TO_SOURCE,
    ACTIVE_ACCUSATION,
    ALLEGED_THAT,
    BARE_PLURAL_SUBJECT,
    CALLED_LABEL,
    CLAIM_BOUNDARY,
    CRITICISED_FOR,
    DEFAULT_ACCUSERS,
    DOCUMENT_PHRASE,
    FILED_BY_BEFORE,
    FINDER_CLAUSE,
    FOUND_THAT,
    INVESTIGATED,
    NEW_CLAUSE_AFTER_QUOTE,
    OWNED_OR_DESCRIBED,
    PASSIVE_ACCUSATION,
    PENALTY,
    POSSESSIVE_CLAIM,
    POSSESSIVE_PHRASE,
    QUANTIFIED_PHRASE,
    REPORTS_WORD,
)
from readerapp.core.analysis.lexicon.speech import FINITE_SPEECH
from readerapp.core.analysis.model import Allegation
from readerapp.core.analysis.names import NAME_RUN_RE
from readerapp.core.analysis.parties import AUTHOR, Parties

CLAIM_WORDS = 12


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
    """'Voss faulted Cho for not declaring gifts': criticism whose reason is wrongdoing."""

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
    """'Voss called the referee a "cheat" who had "railroaded" her': whom the label is
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
    if parties.namer is None:
        parties.namer = lambda phrase, accuser, at: named_description(parties, phrase, accuser, at)
    # Most sentences accuse nobody: only those with a cue word go through the patterns.
    candidates = sorted({doc.sentence_index(position) for position in trigger_words(text, lo, hi)})
    found: list[Allegation] = []
    for index in candidates:
        ss, se = doc.sentences[index]
        if ss < lo or ss >= hi:
            continue
        sentence = accusing_sentence(text, ss, se, parties)
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


def _named(parties: Parties, allegation: Allegation) -> Allegation:
    """An accused described ('a 31-year-old man', 'its operator') by the name the article
    gives it elsewhere."""
    name = named_description(parties, allegation.accused, allegation.accuser, allegation.start)
    if name:
        allegation = replace(allegation, accused=name)
    accuser = named_description(parties, allegation.accuser, allegation.accused, allegation.start)
    return replace(allegation, accuser=accuser) if accuser else allegation
