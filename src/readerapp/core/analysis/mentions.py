"""Mentions: the phrases that name a speaker, and the noun-phrase reader behind them.

A mention is a name (with honorific, title, party tag and affiliation), a pronoun, a
description ('a senior official', 'the company's chief executive'), a group ('State
officials', 'some lawmakers') or a document ('the letter', 'court documents'). A phrase is
read from its start, not guessed from its last word: 'the consumer group Fair Label' is
the group Fair Label, 'Voss supporters' a group of supporters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from readerapp.core.analysis.lexicon.base import is_plural, stem
from readerapp.core.analysis.lexicon.clauses import (
    AND_JOIN,
    ARTICLES,
    FILED_BY,
    INDEFINITE_ARTICLES,
    INTRO_ADVERBIAL,
    LEADING_ARTICLE,
    NAME_ROLE_PREPOSITIONS,
    NAMED_WORD,
    PROPER_WITH_OF,
    QUANTIFIED,
    ROLE_PLACE_START,
)
from readerapp.core.analysis.lexicon.people import (
    DEFINITE_DETERMINERS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_DETERMINERS,
    GROUP_PRONOUNS,
    NON_NAME_WORDS,
    ORG_NOUNS,
    PARTY_TAG,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_MODIFIERS,
)
from readerapp.core.analysis.lexicon.phrases import (
    FINITE_AUXILIARIES,
    LEADING_CONNECTIVES,
    POSTMODIFIER_WORDS,
    PREPOSITIONS,
)
from readerapp.core.analysis.lexicon.speech import (
    FINITE_SPEECH,
)
from readerapp.core.analysis.names import NAME_RUN_RE, ParsedName, parse_name
from readerapp.core.analysis.phrase_words import (
    abstract_noun,
    clause_in_postmodifier,
    looks_like_org,
    participle_modifier,
    role_like,
    starts_phrase,
    trim,
)

AGED = re.compile(r"\d{1,3}-years?-old")
_DOUBLED_ARTICLE = re.compile(r"(the|an?)\s+\1\s", re.IGNORECASE)
_POSTMODIFIER_SPLIT = r"\s(?:" + "|".join(sorted(POSTMODIFIER_WORDS)) + r")\s"
WORD = re.compile(r"[\w’'.\-]+")
_POSSESSIVE = re.compile(r"^(.+?)['’]s\s+((?:[\w\-]+\s+){0,3}[\w\-]+)$")
AGE = re.compile(r"^\d{1,3}$")
_VERBS_NOT_IN_NAMES = FINITE_SPEECH | FINITE_AUXILIARIES
_HEAD_NOUNS = PERSON_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS


@dataclass(frozen=True)
class Mention:
    """A phrase naming a speaker. For names, `text` is the name without honorific or title."""

    kind: str  # "name" | "pronoun" | "description" | "group" | "document"
    text: str
    start: int
    end: int
    honorific: str = ""
    title: str = ""
    role: str = ""
    head: str = ""  # head noun of a description, group or document
    definite: bool = False
    full: str = ""  # a description with its post-modifiers ('… familiar with the talks')
    org: bool = False  # names an organisation rather than a person
    phrase_start: int = -1  # where the whole subject phrase starts, roles included

    def with_role(self, role: str) -> Mention:
        role = LEADING_ARTICLE.sub("", role.strip(" ,"))
        if re.search(r"\w{4}\.$", role):
            role = role[:-1]  # the full stop of the sentence, not of 'Jr.'"
        if not role or len(role.split()) > 14 or AGE.match(role) or re.fullmatch(PARTY_TAG, role):
            return self
        if self.role:
            if ROLE_PLACE_START.match(self.role) and not ROLE_PLACE_START.match(role):
                # 'Another pollster, David Woodard of Clemson University'
                return replace(self, role=f"{role} {self.role}")
            return self
        return replace(self, role=role)


class NounPhrases:
    """Reads one noun phrase at a time in a document's masked text."""

    def __init__(self, masked: str, vocabulary: frozenset[str] = frozenset()) -> None:
        self.masked = masked
        self.vocabulary = vocabulary  # lower-case words of the article: 'Passenger' is one
        self._phrases: dict[tuple[int, int], tuple[Mention, ...]] = {}  # stages ask twice

    def noun_phrase(self, start: int, end: int) -> tuple[Mention, ...]:
        """Parse the chunk [start, end) as one speaker phrase (or two joined by 'and')."""
        key = (start, end)
        if key not in self._phrases:
            self._phrases[key] = self._noun_phrase(start, end)
        return self._phrases[key]

    def _noun_phrase(self, start: int, end: int) -> tuple[Mention, ...]:
        masked = self.masked
        while True:  # 'But Ryder', 'And then the company'
            start, end = trim(masked, start, end)
            first = re.match(r"[\w’']+", masked[start:end])
            if (
                first
                and first.group().casefold() in LEADING_CONNECTIVES
                and first.end() < end - start
            ):
                start += first.end()
                continue
            if first and _DOUBLED_ARTICLE.match(masked, start, end):
                start += first.end()  # 'the the report': an article typed twice
            break
        first_word = masked[start:end].split()[0].casefold() if masked[start:end].split() else ""
        intro = INTRO_ADVERBIAL.match(masked, start, end)
        if (
            intro
            and intro.end() < end
            and (first_word not in PREPOSITIONS or starts_phrase(masked, intro.end()))
        ):
            start = intro.end()  # 'On Thursday evening Halbridge Police said'
        text = masked[start:end]
        if not text or "~" in text or len(text) > 160:
            return ()
        head_part = re.split(_POSTMODIFIER_SPLIT, text)[0].split()
        if any(w in _VERBS_NOT_IN_NAMES for w in head_part[1:-1]) or (
            len(head_part) > 1 and head_part[-1].casefold() in FINITE_AUXILIARIES
        ):
            return ()  # 'The researcher said the team': a clause, not a phrase
        if clause_in_postmodifier(text, len(" ".join(head_part))):
            return ()  # 'The cost of the scheme has doubled': a clause, not a phrase
        lower = text.casefold()
        if lower in PRONOUNS:
            return (Mention("pronoun", lower, start, end),)
        first_word = lower.split()[0]
        if first_word in PREPOSITIONS and first_word != "of":
            return self._after_intro(start, end)  # 'During the briefing a journalist'
        joined = AND_JOIN.search(text)
        if joined:
            left = self.noun_phrase(start, start + joined.start())
            right = self.noun_phrase(start + joined.end(), end)
            # 'Ana Silva and Ben Cho', 'the Voss campaign and some experts': two speakers
            if left and right and {left[0].kind, right[0].kind} <= {"name", "description", "group"}:
                return (left[0], right[0])
            tail = masked[start + joined.end() : end].split()
            if (
                left
                and left[0].kind == "description"
                and left[0].definite
                and tail[-1:]
                and tail[0].casefold() not in DETERMINERS
                and tail[-1].casefold() in PERSON_NOUNS
            ):
                # 'the Vermont senator and Democratic presidential candidate': one person
                return (replace(left[0], full=self._text(start, end)),)
        return self._single(start, end)

    def _after_intro(self, start: int, end: int) -> tuple[Mention, ...]:
        """The subject after an opening phrase with no comma: 'At this point Jo Roe'."""
        words = list(re.finditer(r"\S+", self.masked[start:end]))
        for word in reversed(words[2:]):
            text = word.group()
            lower = text.casefold()
            if lower in PRONOUNS and word is words[-1]:
                return (Mention("pronoun", lower, start + word.start(), start + word.end()),)
            if lower in ARTICLES or text[:1].isupper():
                found = self.noun_phrase(start + word.start(), end)
                if found and found[0].kind != "pronoun":
                    return found
        return ()

    def _single(self, start: int, end: int) -> tuple[Mention, ...]:
        masked = self.masked
        text = masked[start:end]
        words = text.split()
        first = words[0].casefold()
        if first in GROUP_PRONOUNS and (len(words) == 1 or words[1].casefold() in ("who", "of")):
            # 'Several said', 'Others argued', 'those who back her opponents say'
            return (Mention("group", text, start, end, head=first, full=text),)
        possessive = _POSSESSIVE.match(text)
        if (
            possessive
            and first not in INDEFINITE_ARTICLES
            and len(possessive.group(1).split()) <= 4
            and not any(w in POSTMODIFIER_WORDS for w in possessive.group(1).casefold().split())
            and possessive.group(2).split()[-1].casefold() in _HEAD_NOUNS
        ):
            # "Mr Soto's lawyer", "Voss's office", "the company's chief executive"
            head = possessive.group(2).split()[-1].casefold()
            return (self._description(start, end, head, definite=True),)
        quantified = QUANTIFIED.match(text)
        if quantified:
            inner = self.noun_phrase(start + quantified.end(), end)
            if inner and inner[0].kind in ("group", "description"):
                # 'Hundreds of residents of X', 'one of the officials': the residents, the officials
                return (replace(inner[0], kind="group", definite=False),)
        if first in DETERMINERS or first in GROUP_DETERMINERS:
            return self._determined(start, end, words)
        return self._named_or_bare(start, end, words)

    def _determined(self, start: int, end: int, words: list[str]) -> tuple[Mention, ...]:
        """'the company', 'a senior official familiar with the talks', 'both leaders'."""
        first = words[0].casefold()
        pre: list[str] = []
        for index, word in enumerate(words[1:], 1):
            if word.casefold() in POSTMODIFIER_WORDS or participle_modifier(words, index):
                break
            pre.append(word)
        if not pre:
            return ()
        named = NAMED_WORD.search(self.masked, start, end)
        if named:  # 'a former staffer named Bradley Podliska'
            found = self.noun_phrase(named.end(), end)
            if found and found[0].kind == "name":
                return (found[0].with_role(self.masked[start : named.start()]),)
        head = pre[-1].strip(".,").casefold()
        if AGED.fullmatch(head):
            head = "year-old"  # 'the 46-year-old': a person of that age
        proper = self._proper_with_of(start, end, words)
        if proper:
            return proper
        described = self._described_name(start, end, pre)
        if described:
            return described
        names = NAME_RUN_RE.fullmatch(" ".join(pre))
        if names and head not in _HEAD_NOUNS:
            # 'the FBI', 'The Associated Press', 'the Voss Foundation': a proper name
            parsed = parse_name(" ".join(pre))
            if parsed is None:
                return ()
            offset = self.masked.find(pre[0], start, end)
            return (
                Mention(
                    "name",
                    parsed.name,
                    offset,
                    offset + len(" ".join(pre)),
                    org=True,
                    title=parsed.title,
                    definite=True,
                ),
            )
        if len(pre) > (6 if head in _HEAD_NOUNS else 4):
            return ()
        if head not in _HEAD_NOUNS and (
            abstract_noun(head)
            or len(pre) > 1
            and is_plural(pre[-2])
            and stem(pre[-2]) in _HEAD_NOUNS  # 'the figures include': a clause
        ):
            return ()
        if head not in _HEAD_NOUNS and not (
            len(pre) <= 4
            and re.fullmatch(r"[a-z]+(?:-[a-z]+)*", head) is not None
            and head.islower()
            and head not in NON_NAME_WORDS
            and head not in PREPOSITIONS
            and not head.endswith(("ed", "ing", "ly"))
        ):
            return ()
        group = first in GROUP_DETERMINERS and first not in ("the",) and is_plural(head)
        mention = self._description(
            start, end, head, definite=first in DEFINITE_DETERMINERS, group=group
        )
        return (mention,)

    def _proper_with_of(self, start: int, end: int, words: list[str]) -> tuple[Mention, ...]:
        """'The Office of the Data Protection Commissioner': a capitalised name with 'of'."""
        text = self.masked[start:end]
        found = PROPER_WITH_OF.fullmatch(text)
        if not found or len(words) > 10:
            return ()
        name = found.group(1).strip()
        offset = start + found.start(1)
        return (Mention("name", name, offset, offset + len(name), org=True, definite=True),)

    def _described_name(self, start: int, end: int, pre: list[str]) -> tuple[Mention, ...]:
        """'the consumer group Fair Label Aotearoa', 'Her colleague Dr Hendra Saputra': a
        description and a name with no comma between; the name is the speaker."""
        masked = self.masked
        lower = 0
        while lower < len(pre) - 1 and not pre[lower + 1][:1].isupper():
            lower += 1
        if lower == 0 and not pre[0][:1].islower():
            return ()
        tail = pre[lower + 1 :]
        noun = pre[lower].strip(",").casefold()
        if not tail or not (
            noun in _HEAD_NOUNS
            or len(tail) > 1
            and noun.isalpha()
            and noun not in NON_NAME_WORDS
            and noun not in PREPOSITIONS
            and noun not in ROLE_MODIFIERS
            and not noun.endswith("ly")
        ):
            return ()  # 'the former Nazim' is a title; 'the chef Jo Roe' a description
        offset = masked.find(tail[0], start, end)
        run = NAME_RUN_RE.match(masked, offset, end)
        if run is None or run.group().split()[-1] != tail[-1].rstrip(".,"):
            return ()
        parsed = parse_name(run.group())
        if parsed is None:
            return ()
        role_words = pre[: lower + 1]
        cuts = [i for i, w in enumerate(role_words) if w.casefold() in DETERMINERS | PREPOSITIONS]
        if cuts:
            role_words = role_words[cuts[-1] + 1 :]  # 'filed by the consumer group X'
        role = " ".join(role_words)
        name_start = run.start() + run.group().find(parsed.name.split()[0])
        mention = Mention(
            "name",
            parsed.name,
            name_start,
            name_start + len(parsed.name),
            honorific=parsed.honorific,
            title=parsed.title,
            org=looks_like_org(parsed.name) or pre[lower].casefold() in ORG_NOUNS,
        )
        return (mention.with_role(role),)

    def _description(
        self, start: int, end: int, head: str, *, definite: bool, group: bool = False
    ) -> Mention:
        text = self.masked[start:end]
        filer = FILED_BY.search(text)
        if filer and (head in DOCUMENT_NOUNS or stem(head) in DOCUMENT_NOUNS):
            # 'A lawsuit filed by the group Fair Label' speaks for whoever filed it
            named = self.noun_phrase(start + filer.end(), end)
            if named:
                return named[0]
        core = re.split(_POSTMODIFIER_SPLIT, text)[0]
        words = text.split()
        for index in range(1, min(len(words), len(core.split()))):
            if participle_modifier(words, index):  # 'Drivers interviewed at …'
                core = core[: core.find(" " + words[index])]
                break
        kind = (
            "group"
            if group
            else "document"
            if stem(head) in DOCUMENT_NOUNS or head in (DOCUMENT_NOUNS)
            else "description"
        )
        full = text if len(text.split()) <= 14 else core
        return Mention(
            kind,
            core,
            start,
            start + len(core),
            head=head,
            definite=definite,
            full=full,
            org=head in ORG_NOUNS or stem(head) in ORG_NOUNS,
        )

    def _named_or_bare(self, start: int, end: int, words: list[str]) -> tuple[Mention, ...]:
        """'senior journalist Mazhar Abbas', 'Rep. Jo Roe of Texas', 'State officials'."""
        masked = self.masked
        for run in NAME_RUN_RE.finditer(masked, start, end):
            rest = masked[run.end() : end].strip()
            tail = rest.casefold().split()
            if tail and tail[0] not in NAME_ROLE_PREPOSITIONS and not re.fullmatch(PARTY_TAG, rest):
                continue  # 'Voss supporters': the name is a modifier; a later one may fit
            prefix = masked[start : run.start()].split()
            inner_of = [i for i, w in enumerate(prefix) if w == "of" and 0 < i < len(prefix) - 1]
            if len(prefix) > 6 or not all(
                role_like(w) or i in inner_of for i, w in enumerate(prefix)
            ):  # 'master of ceremonies Jo Roe', 'chief of staff Jo Roe' keep their 'of
                break  # 'people close to Voss': the name is in a post-modifier
            parsed = parse_name(run.group())
            if parsed is None or (
                " " not in parsed.name
                and parsed.name.casefold() in _HEAD_NOUNS
                and not parsed.honorific  # 'Mr. Singer' is a name, 'Police' a group
            ):
                return self._bare_group(start, end, words)  # 'Police said'
            parsed = self._drop_common_start(parsed)
            title = " ".join([*prefix, parsed.title]).strip()
            offset = run.start() + run.group().find(parsed.name.split()[0])
            mention = Mention(
                "name",
                parsed.name,
                offset,
                offset + len(parsed.name),
                honorific=parsed.honorific,
                title=title,
                org=looks_like_org(parsed.name),
            )
            if (
                tail
                and tail[0] in NAME_ROLE_PREPOSITIONS
                and len(tail) > 1
                and (tail[-1] not in DETERMINERS)
            ):
                mention = mention.with_role(f"{title} {rest}".strip() if title else rest)
            if " " not in parsed.name and parsed.name.endswith("ing") and tail:
                return ()  # 'Reading from a prepared text, …': a participle, not a name
            return (mention,)
        return self._bare_group(start, end, words)

    def _bare_group(self, start: int, end: int, words: list[str]) -> tuple[Mention, ...]:
        """'officials', 'State officials', 'GOP analysts', 'Federal officials familiar with …'."""
        pre: list[str] = []
        for index, word in enumerate(words):
            if word.casefold() in POSTMODIFIER_WORDS or participle_modifier(words, index):
                break
            pre.append(word)
        if not pre or len(pre) > 4:
            return ()
        head = pre[-1].strip(".,").casefold()
        if any(
            w.casefold() in NON_NAME_WORDS - {"some", "many", "most", "all", "both"}
            or w.casefold() in FINITE_SPEECH
            and w[:1].islower()
            for w in pre[:-1]
        ):
            return ()  # 'she sent an email' is a clause
        if head in DOCUMENT_NOUNS or stem(head) in DOCUMENT_NOUNS and len(pre) > 1:
            return (self._description(start, end, head, definite=False),)  # 'F.A.A. records'
        if (
            not is_plural(head)
            or stem(head) not in PERSON_NOUNS | ORG_NOUNS
            and head not in (PERSON_NOUNS)
        ):
            return ()
        return (self._description(start, end, head, definite=False, group=True),)

    def _drop_common_start(self, parsed: ParsedName) -> ParsedName:
        """'Passenger Ahmed Rashid' at a sentence start: 'passenger' is a word of the article."""
        tokens = parsed.name.split()
        if len(tokens) >= 3 and tokens[0].casefold() in self.vocabulary:
            return ParsedName(
                " ".join(tokens[1:]), parsed.honorific, (parsed.title + " " + tokens[0]).strip()
            )
        return parsed

    def _text(self, start: int, end: int) -> str:
        return self.masked[start:end].strip(" ,")
