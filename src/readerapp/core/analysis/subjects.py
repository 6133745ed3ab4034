"""Subjects: the phrase that names who speaks, before or after a reporting verb.

A subject is read from the start of its chunk (the text between commas), not from its
last word: 'Another pollster, David Woodard of Clemson University, said' gives the person
David Woodard with the role 'pollster', not a university; 'Jo Roe, in a statement, said'
skips the adverbial; '…, who said' goes back to whom the 'who' is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from readerapp.core.analysis.lexicon.clauses import (
    ADVERBIAL_BEFORE_VERB,
    APPOSITIVE_OPENERS,
    FIRST_VERB,
    NAME_ROLE_PREPOSITIONS,
    PLACE_OF_PREPOSITIONS,
    RELATIVE_OR_PARTICIPLE_START,
    RELATIVE_START,
    SUBORDINATE_CLAUSE,
)
from readerapp.core.analysis.lexicon.people import PARTY_TAG, PERSON_NOUNS, PRONOUNS
from readerapp.core.analysis.lexicon.phrases import (
    ADVERBIAL_PREPOSITIONS,
    PHRASE_STOPS,
    SUBORDINATORS,
)
from readerapp.core.analysis.lexicon.speech import AUXILIARIES, TIME_WORDS
from readerapp.core.analysis.mentions import (
    AGE,
    FILED_BY,
    WORD,
    Mention,
    NounPhrases,
)
from readerapp.core.analysis.names import NAME_RUN_RE
from readerapp.core.analysis.phrase_words import chunks, trim

SUBJECT_WINDOW = 240  # characters before a verb searched for its subject
_CHUNK_END = re.compile(r"[,;:()\"“”~]|\s[-—–]\s|\n")
_POSSESSIVE_ROLE = re.compile(r"(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*['’]s\s+[a-z]")
_QUOTE_AT_END = re.compile(r"~[\"”']+\s*$")
_DASH = re.compile(r"\s[-—–]\s|\s*—\s*")
_DASH_AT_END = re.compile(r"(?:\s[-—–]|\s*—)\s*$")
_PARTY_AFTER = re.compile(rf"\s*,?\s*{PARTY_TAG}\s*,?")
_PARTY_AT_END = re.compile(rf"\s*,?\s*{PARTY_TAG}\s*,?\s*$")


class MentionReader(NounPhrases):
    """Reads speaker phrases in one document's masked text."""

    def before(self, lo: int, hi: int) -> tuple[Mention, ...]:
        """The subject that ends right before a verb at `hi` (clause starts at `lo`)."""
        key = (-1 - lo, hi)  # beside the noun phrases, apart from them
        if key not in self._phrases:
            self._phrases[key] = self._before(lo, hi)
        return self._phrases[key]

    def _before(self, lo: int, hi: int) -> tuple[Mention, ...]:
        masked = self.masked
        lo = max(lo, hi - SUBJECT_WINDOW)
        closing = _DASH_AT_END.search(masked, lo, hi)
        opening = _last_dash(masked[lo:hi], closing.start() - lo) if closing else None
        if opening is not None:
            # 'Jo Roe - who said he would "fight" - said': the subject before the aside
            return self._before(lo, lo + opening.start())
        end = self._skip_adverbials(lo, hi)
        segment = masked[lo:end]
        if not segment.strip():
            return ()
        if segment.rstrip().endswith(","):
            found = self._appositive_subject(lo, lo + len(segment.rstrip()) - 1)
        elif _QUOTE_AT_END.search(segment) and "," in segment:
            # 'Roe, citing "the magic of the brand," said': the quote ends the aside
            found = self._appositive_subject(lo, lo + len(segment.rstrip()))
        else:
            cut = max(_last_boundary(segment), 0)
            found = ()
            clauses = list(SUBORDINATE_CLAUSE.finditer(segment, cut))  # linear, not '.*'
            clause = clauses[-1] if clauses else None
            if clause:  # 'The emails show that Reines asked': the subject after 'that'
                found = self.noun_phrase(lo + clause.end(), end)
                cut = clause.end() if found else cut
            found = found or self.noun_phrase(lo + cut, end)
            if found and found[0].kind == "pronoun" and found[0].text == "who" and cut > 0:
                return self._antecedent(lo, lo + cut - 2)
            aside = segment[cut:].split()
            if (
                not found
                and cut > 1
                and len(aside) <= 8
                and re.match(
                    r"who\s+(?:is|was)\s+(?:the\s+|an?\s+)?[a-z]+\s+(?:of|at|for)\s", segment[cut:]
                )
            ):
                # 'Katie Packer, who is chairman of the PAC said': no comma closes the aside
                return self._antecedent(lo, lo + cut - 2)
            found = tuple(replace(m, phrase_start=trim(masked, lo + cut, end)[0]) for m in found)
        return found

    def _antecedent(self, lo: int, comma: int) -> tuple[Mention, ...]:
        """'…, said Nicky Driscoll, 24, of Leeds, who said …': whom the 'who' is."""
        pieces = chunks(self.masked, lo, comma)
        if pieces and FIRST_VERB.search(self.masked, pieces[-1][0] + 1, pieces[-1][1]):
            # 'the row drew a reply from President Jo Roe, who': a clause ends in the name
            named = self._name_at_end(*pieces[-1])
            if named:
                return named
        while len(pieces) > 1 and (
            self._appositive(*pieces[-1])
            or self._place_after(pieces[-2], pieces[-1], first=len(pieces) == 2)
        ):
            pieces.pop()  # 'Jo Roe, a doctor from Leeds, Yorkshire, who said'
        if not pieces:
            return ()
        start, end = pieces[-1]
        return self.noun_phrase(start, end) or self._name_at_end(start, end)

    def _name_at_end(self, start: int, end: int) -> tuple[Mention, ...]:
        names = list(NAME_RUN_RE.finditer(self.masked, start, end))
        if names and names[-1].end() >= end - 1:
            return self.noun_phrase(names[-1].start(), names[-1].end())
        return ()

    def skip_adverbials(self, lo: int, hi: int) -> int:
        """Where the subject before a verb at `hi` ends: 'she has', 'Roe on Friday'."""
        return self._skip_adverbials(lo, hi)

    def _skip_adverbials(self, lo: int, hi: int) -> int:
        """Drop 'also', 'has', 'on Thursday', ', in a statement,', '(D-Calif.)' before a verb."""
        masked = self.masked
        end = hi
        for _ in range(8):
            while end > lo and masked[end - 1] == " ":
                end -= 1
            if masked[end - 1 : end] == ",":
                # 'Jo Roe, in a statement, said': drop a whole adverbial chunk, nothing else
                comma = masked.rfind(",", lo, end - 1)
                chunk = masked[comma + 1 : end - 1].split()
                if not (comma > lo and chunk and _adverbial_chunk(chunk)):
                    return end
                end = comma + 1
                return end
            party = _PARTY_AT_END.search(masked, max(lo, end - 24), end)
            if party and party.start() > lo:
                end = party.start()
                continue
            words = masked[max(lo, end - 80) : end].split()
            if len(words) < 2:
                break
            last = words[-1].casefold()
            phrase = ADVERBIAL_BEFORE_VERB.search(masked, max(lo, end - 80), end)
            if phrase and phrase.start() > lo and not self._inside_relative(lo, phrase.start()):
                before = masked[max(lo, phrase.start() - 30) : phrase.start()].split()
                if before and before[-1].islower() and before[-1].endswith(("ed", "based")):
                    break  # 'Drivers interviewed at Halden station said': the phrase's own
                if self._subordinate_subject(lo, phrase.start(), end):
                    break  # '… the country after the candidate said': the clause's subject
                end = phrase.start()
                continue
            if last in TIME_WORDS and words[-2].endswith("ed") and words[-2].islower():
                break  # 'A court document filed Thursday says': the day is the phrase's own
            if last in AUXILIARIES or last in TIME_WORDS:
                # 'she later said', 'Voss Tuesday said'
                end = masked.rfind(words[-1], lo, end)
                continue
            break
        return end

    def _subordinate_subject(self, lo: int, start: int, end: int) -> bool:
        """'Voters were angry after the mayor said': 'after' opens a clause whose subject
        is the speaker, not an adverbial, when what comes before it is a clause."""
        first = WORD.match(self.masked, start)
        if first is None or first.group().casefold() not in SUBORDINATORS:
            return False
        subject = self.noun_phrase(first.end(), end)
        return bool(subject) and subject[0].kind != "pronoun" and not self.noun_phrase(lo, start)

    def _inside_relative(self, lo: int, end: int) -> bool:
        """'Voss, who visited the port this week, said': 'this week' belongs to the clause."""
        segment = self.masked[lo:end].rstrip(" ,")
        cut = segment.rfind(", ")
        last = segment[cut + 2 :] if cut >= 0 else segment
        return RELATIVE_START.match(last) is not None

    def _appositive_subject(self, lo: int, comma: int) -> tuple[Mention, ...]:
        """'Jane Roe, a lawyer,' / 'The minister, Jo Bloggs,' / 'X, who …,' before a verb."""
        pieces = chunks(self.masked, lo, comma)
        if len(pieces) == 1:
            return self.noun_phrase(*pieces[0])  # 'The report on X, published …' cut at a verb
        if not pieces:
            return ()
        # Walk back over appositive pieces to the head of the subject.
        extras: list[tuple[int, int]] = []
        index = len(pieces) - 1
        while index > 0 and (
            self._appositive(*pieces[index])
            or self._place_after(pieces[index - 1], pieces[index], first=index == 1)
        ):
            extras.insert(0, pieces[index])
            index -= 1
        head = self.noun_phrase(*pieces[index])
        if not head:
            return ()
        phrase_start = pieces[index][0]
        if head[0].kind == "name" and index > 0 and not extras:
            described = self.noun_phrase(*pieces[index - 1])
            if described and described[0].kind == "description" and index - 1 == 0:
                # 'The fisheries minister, Jo Bloggs, said'
                role = self._text(*pieces[index - 1])
                return (replace(head[0].with_role(role), phrase_start=pieces[0][0]),)
        if head[0].kind == "description" and extras:
            named = self.noun_phrase(*extras[0])
            if named and named[0].kind == "name":
                # 'The fisheries minister, Jo Bloggs,': the name, with the description as role
                role = self._text(*pieces[index])
                return (replace(named[0].with_role(role), phrase_start=phrase_start),)
        if head[0].kind == "document":
            for start, end in extras:
                filer = FILED_BY.match(self.masked, start, end)
                named = self.noun_phrase(filer.end(), end) if filer else ()
                if named:  # 'The complaint, filed by the Campaign for X, says'
                    return (replace(named[0], phrase_start=phrase_start),)
        mention = replace(head[0], phrase_start=phrase_start)
        for start, end in extras:
            text = self._text(start, end)
            opener = RELATIVE_OR_PARTICIPLE_START.match(text) or AGE.match(text)
            if not opener and "~" not in text:  # 'citing "…"' is no role
                mention = mention.with_role(text)
        return (mention, *head[1:])

    def _place_after(
        self, previous: tuple[int, int], piece: tuple[int, int], *, first: bool
    ) -> bool:
        """'a gynecologist from Englewood, New Jersey,': the state goes with the town."""
        before = self.masked[previous[0] : previous[1]].split()
        words = self.masked[piece[0] : piece[1]].split()
        return (
            # 'Of Voss, Cho said': a sentence that opens with a phrase names no place
            len(before) >= (3 if first else 2)
            and before[-2].casefold() in PLACE_OF_PREPOSITIONS
            and 0 < len(words) <= 3
            and all(w[:1].isupper() for w in words)
        )

    def _appositive(self, start: int, end: int) -> bool:
        text = self._text(start, end)
        tokens = text.split()
        first = tokens[0].casefold() if tokens else ""
        return (
            bool(AGE.match(text))
            or first in APPOSITIVE_OPENERS
            # 'Peter King, Republican of New York,'
            or (first in PERSON_NOUNS and len(tokens) > 2 and tokens[1] in NAME_ROLE_PREPOSITIONS)
            or bool(re.fullmatch(PARTY_TAG, text))
            or (text[:1].islower() and first not in PRONOUNS)
            # 'Ben Cho, Ms. Voss's chief of staff, said'
            or (len(tokens) > 2 and _POSSESSIVE_ROLE.match(text) is not None)
        )

    # -- the subject after a verb ------------------------------------------------------

    def after(self, position: int, hi: int, *, appositive: bool = True) -> tuple[Mention, ...]:
        """The speaker written after the verb: '…," said Jo Roe, a lawyer', 'according to X'."""
        masked = self.masked
        start = position
        while start < hi and masked[start] == " ":
            start += 1
        stop = _CHUNK_END.search(masked, start, hi)
        end = stop.start() if stop else hi
        end = _before_final_stop(masked, start, min(end, start + 160))
        phrase = self._after_phrase(start, end)
        if not phrase:
            return ()
        mention = phrase[0]
        after = mention.end
        party = _PARTY_AFTER.match(masked, after, hi)
        if party:
            after = party.end()
        if appositive and masked[after : after + 1] == ",":
            pieces = chunks(masked, after + 1, min(hi, after + 200))
            if pieces and _ends_phrase(masked, pieces[0][1], hi):
                text = self._text(*pieces[0])
                if mention.kind == "description":
                    named = self.noun_phrase(*pieces[0])
                    if named and named[0].kind == "name":
                        return (named[0].with_role(self._text(mention.start, mention.end)),)
                elif not RELATIVE_OR_PARTICIPLE_START.match(text):
                    mention = mention.with_role(text)
        return (mention, *phrase[1:])

    def _after_phrase(self, start: int, end: int) -> tuple[Mention, ...]:
        """The phrase up to the first word that cannot belong to it ('said X in a statement')."""
        masked = self.masked
        for word in WORD.finditer(masked, start, end):
            lower = word.group().casefold()
            if word.start() > start and (lower in PHRASE_STOPS or lower in TIME_WORDS):
                end = word.start()
                break
        return self.noun_phrase(start, end)

    # -- one noun phrase ---------------------------------------------------------------


def _adverbial_chunk(words: list[str]) -> bool:
    """', in a statement,' or ', on Tuesday,': a chunk between commas that is no subject."""
    first = words[0].casefold()
    return first in ADVERBIAL_PREPOSITIONS | {"speaking", "writing"} or all(
        w.casefold() in TIME_WORDS for w in words
    )


def _last_boundary(segment: str) -> int:
    """Where the clause holding the subject starts: after the last comma, semicolon or
    dash ('Inside the hall - packed since noon - Jo Roe said')."""
    cut = max(segment.rfind(", "), segment.rfind("; "), segment.rfind(": "))
    dash = _last_dash(segment, len(segment))
    if dash is not None and dash.end() > cut + 2:
        return dash.end()
    return cut + 2 if cut >= 0 else 0


def _last_dash(segment: str, end: int) -> re.Match[str] | None:
    found = list(_DASH.finditer(segment, 0, end))
    return found[-1] if found else None


def _before_final_stop(text: str, start: int, end: int) -> int:
    """Drop the full stop that ends a sentence after a name, not the one of 'Jr.'."""
    if text[end - 1 : end] == "." and not re.search(
        r"\b(?:[A-Z]|[A-Z][a-z]{0,2})\.$", text[start:end]
    ):
        return end - 1
    return end


def _ends_phrase(text: str, position: int, hi: int) -> bool:
    """An appositive ends at a comma or the sentence's end, not in the middle of a clause."""
    rest = text[position:hi].lstrip(" ")
    return not rest or rest[0] in ",.;:!?"
