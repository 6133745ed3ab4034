"""Who says what: reporting verbs, the phrase naming the speaker, and what they govern.

Everything here reads the *masked* text (quoted content replaced by '~', same
length), so a reporting verb inside someone's quote never counts, and a quote
plus its attribution stay one sentence. Offsets are the same as in the real text.

Patterns handled: '"…," X said' / '"…," said X' / 'X said: "…"' / '"…," X said, "…"' /
'X said (that) …' / '…, X said.' / 'according to X, …' / ', adding that …'.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from readerapp.core.analysis.cues import (
    ADVERBS_BEFORE_VERB,
    CONTINUING_PARTICIPLES,
    GROUP_DETERMINERS,
    NON_NAME_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    TITLE_WORDS,
    words,
)
from readerapp.core.analysis.names import HONORIFIC, NAME_RUN, ParsedName, parse_name
from readerapp.core.analysis.quotes import QuotedSpan


@dataclass(frozen=True)
class Mention:
    """A phrase naming a speaker: a name, a pronoun, or a description ('a senior official')."""

    kind: str  # "name" | "pronoun" | "descriptor" | "titled" | "group" | "plural"
    text: str  # the phrase as written (for names: without honorific and title)
    start: int
    end: int
    honorific: str = ""
    title: str = ""
    role: str = ""
    head: str = ""  # head noun of a description
    definite: bool = False
    full: str = ""  # a description with its post-modifiers ('… with knowledge of the inquiry')


@dataclass(frozen=True)
class SpeechEvent:
    """One reporting act: who, which direct quotes, which reported-speech spans."""

    position: int
    speakers: tuple[Mention, ...]
    quotes: tuple[int, ...] = ()  # indexes into the quoted spans
    contents: tuple[tuple[int, int], ...] = ()  # reported speech, offsets into the text


SUBJECT_WINDOW = 240  # characters before a reporting verb searched for its subject
_VERB_BEFORE_QUOTE = re.compile(r"\b([a-z]+(?:s|ed))\s*[,:]\s*$")
_DETERMINERS = r"the|a|an|one|another|its|his|her|their|our|both|two|three|several|some|many|all"
_HEADS = "|".join(sorted(PERSON_NOUNS | ORG_NOUNS, key=len, reverse=True))
_DESCRIPTION = re.compile(
    rf"\b({_DETERMINERS})\s+((?:(?!(?:the|a|an|of|in|on|at|for|with|by|from|to|who|which|that)\s)"
    rf"[\w’'\-]+\s+){{0,5}}?)"
    rf"((?:{_HEADS})(?:\s+(?:{_HEADS}))*)\b(?!['’])",
    re.IGNORECASE,
)
_PLURAL_HEADS = "|".join(
    sorted(
        (n for n in PERSON_NOUNS | {"police"} if n.endswith(("s", "police", "people"))),
        key=len,
        reverse=True,
    )
)
_BARE_PLURAL = re.compile(
    rf"((?:(?!(?:{'|'.join(sorted(SPEECH_VERBS))}|the|a|an|and|but|of|in)\s)[\w\-]+\s+){{0,2}}?)"
    rf"({_PLURAL_HEADS})\b",
    re.IGNORECASE,
)
_PREPOSITIONS = words(
    "of for at in on during from with by to about after before than into over under via "
    "between among against"
)
_POSSESSIVE_DESCRIPTION = re.compile(
    rf"(?:^|\s)((?:{HONORIFIC}\s+)?{NAME_RUN})['’]s\s+(?:[\w\-]+\s+){{0,3}}?({_HEADS})$",
)
_COMMON_HEADS = PERSON_NOUNS | ORG_NOUNS
_HEARING_BODIES = frozenset({"court", "jury", "tribunal", "inquest", "inquiry", "hearing", "trial"})
# Documents are sources, not speakers: 'the report said' names no person or organisation.
_DOCUMENT_NOUNS = words(
    "report study statement document letter survey complaint filing data figures review poll "
    "analysis article judgment ruling law bill decision memo email message post website records "
    "transcript minutes footage video photo audit indictment affidavit lawsuit suit petition"
)
_DEFINITE_ANY_NOUN = re.compile(
    r"^\s*(?:[Tt]he)\s+((?:[a-z][\w’'\-]*\s+){0,2}?)([a-z][a-z\-]*[a-z])\s*$"
)
_PRONOUN_AT_END = re.compile(r"(?:^|\s)(he|she|they|it|we|I)$", re.IGNORECASE)
_TITLED_AT_END = re.compile(
    rf"(?:^|\s)((?:[Tt]he)\s+(?:(?:former|late|then|current|new|acting|ex)\s+)?{NAME_RUN}"
    rf"(?:\s+(?:of|for|on|and)(?:\s+the)?\s+{NAME_RUN})*)$"
)
_NAME_AT_END = re.compile(rf"((?:{HONORIFIC}\s+)?{NAME_RUN})$")
_NAME_AT_START = re.compile(rf"\s*((?:{HONORIFIC}\s+)?{NAME_RUN})")
_AND_NAME_AT_END = re.compile(rf"((?:{HONORIFIC}\s+)?{NAME_RUN})\s+and\s+$")
_ROLE_WORD = re.compile(r"[\w\-]+$")
_VERB = re.compile(
    r"\b(?:"
    + "|".join(v.replace(" ", r"\s+") for v in sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)
_NAMING_VERB = re.compile(
    r"(?<![\w\-])(?:called|calls|described|describes|termed|dubbed|branded)\b[^.;\"“”~]{0,40}?"
    r"(?:\bas\s+)?[\"“‘]"
)
# The first word that looks like a finite verb: where a sentence's subject ends.
_MAIN_VERB = re.compile(r"(?<=\s)(?:[a-z]+ed|[a-z]{3,}s|has|have|had|is|was|were|are)\b")
_WORD_BEFORE = re.compile(r"(\w+)\s+(?:the\s+)?$")
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_QUOTE_AFTER_VERB = re.compile(r"(?:(?:\s+[\w’'.]+){0,4}?\s*[,:]|\s*[,:]?)\s*[\"“‘]")
# 'said on Thursday that', 'claimed in a meeting with the media that': the words skipped
# before 'that' must start with a preposition or a time word (or be the object of 'told').
_THAT_AFTER_VERB = re.compile(
    r"\s+(?:(?:in|on|at|during|through|via|after|before|to|from|with|last|this|earlier|later|"
    r"yesterday|today|again|also|repeatedly|publicly|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b[^,.;:\"“”~]{0,70}?\s)?that\s+",
    re.IGNORECASE,
)
_THAT_AFTER_TOLD = re.compile(r"\s+(?:[^,.;:\"“”~]{0,70}?\s)?that\s+")
_CLAUSE_AFTER_VERB = re.compile(
    r"\s+(?!(?:in|on|at|to|by|from|with|during|after|before|for|as|about|through|of|"
    r"reporters|him|her|them|me|us|so|not|and|but|or|then|yes|no|this|last|earlier|later|"
    r"today|yesterday|tomorrow|again|also)\b)[\w\"“‘]",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(
    r",\s+(?:" + "|".join(sorted(CONTINUING_PARTICIPLES)) + r")\s+(?:that\s+)?", re.IGNORECASE
)
_TRAILING_PP = re.compile(
    r"\s*(?:(?:on|in|at|last|this|earlier|later|yesterday|today|during|after|before|through|"
    r"via|to|from|by|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^,.;\"“”]{0,50})?"
    r"[.!?]?\s*$",
    re.IGNORECASE,
)
_HONORIFIC_DOT = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Rev|Fr|Mme|St|Jr|Sr)\.")
_ROLE_LEXICON = TITLE_WORDS | ROLE_MODIFIERS | PERSON_NOUNS
_NOT_ROLE_WORDS = _PREPOSITIONS | NON_NAME_WORDS | SPEECH_VERBS | ADVERBS_BEFORE_VERB
_RELATIVE = re.compile(r"(?:who|which|whose|that)\b", re.IGNORECASE)
_APPOSITIVE_AFTER = re.compile(
    r",\s+(?!\w+ing\b)((?:(?:a|an|the)\s+)?[^,.;\"“~]+?)(?=\s+(?:who|which|while|when|as|after|because|before|"
    r"whose|during|in\s+a\s+statement)\b|\s*[,.;]|$)",
)


def word_count(text: str) -> int:
    return len(text.split())


class AttributionFinder:
    """Finds speech events in one article's masked text."""

    def __init__(
        self, masked: str, sentences: list[tuple[int, int]], quoted: list[QuotedSpan]
    ) -> None:
        self.masked = masked
        self.sentences = sentences
        self.sentence_starts = [s for s, _ in sentences]
        self.quoted = quoted
        self.quote_by_open = {q.open: i for i, q in enumerate(quoted)}
        self.quote_opens = [q.open for q in quoted]
        self.quote_closes = [q.close for q in quoted]

    # -- sentences --------------------------------------------------------------

    def sentence_at(self, position: int) -> tuple[int, int]:
        index = bisect_right(self.sentence_starts, position) - 1
        return self.sentences[max(index, 0)]

    # -- events -----------------------------------------------------------------

    def events(self) -> list[SpeechEvent]:
        found: list[SpeechEvent] = []
        claimed_quotes: set[int] = set()
        for match in _VERB.finditer(self.masked):
            event = self._event_for_verb(match.start(), match.end())
            if event is not None:
                found.append(event)
                claimed_quotes.update(event.quotes)
        for match in _NAMING_VERB.finditer(self.masked):
            event = self._event_for_naming_verb(match.start(), match.end())
            if event is not None and not set(event.quotes) & claimed_quotes:
                found.append(event)
                claimed_quotes.update(event.quotes)
        for match in _ACCORDING.finditer(self.masked):
            event = self._event_for_according(match.start(), match.end())
            if event is not None:
                found.append(event)
        covered = sorted(c for e in found for c in e.contents)
        for match in _PARTICIPLE.finditer(self.masked):
            event = self._event_for_participle(match.start(), match.end(), covered)
            if event is not None:
                found.append(event)
        for index, span in enumerate(self.quoted):
            if index not in claimed_quotes:
                event = self._event_for_any_verb_before(index, span)
                if event is not None:
                    found.append(event)
                    claimed_quotes.update(event.quotes)
        found.sort(key=lambda e: e.position)
        return found

    def _event_for_verb(self, vs: int, ve: int) -> SpeechEvent | None:
        masked = self.masked
        ss, se = self.sentence_at(vs)
        if masked[vs - 1 : vs] == "~" or masked[ve : ve + 1] == "~":
            return None
        last = bisect_right(self.quote_closes, vs) - 1  # the last quote closed before the verb
        if last >= 0 and self.quoted[last].close <= ss:
            last = -1
        quotes: list[int] = []
        speakers: tuple[Mention, ...] = ()
        if last >= 0 and re.fullmatch(r"[\s,]*", masked[self.quoted[last].close : vs]):
            # '"…," said X' or '"…," X said' with nothing between
            quote_index: int | None = last
            speakers = self.subject_after(ve, se)
            if not speakers:
                return None
            if quote_index is not None:
                quotes.append(quote_index)
            after_subject = max(m.end for m in speakers)
            role_end = self._appositive_end(after_subject, se)
            quotes.extend(self._quote_after(role_end, se))
            return SpeechEvent(vs, speakers, tuple(quotes), self._continuations(role_end, se))
        chunk_start = ss
        if last >= 0:
            chunk_start = self.quoted[last].close
            quote_index = last
            between = _HONORIFIC_DOT.sub(" ", masked[chunk_start:vs])
            conjunction = re.fullmatch(r"\s*(?:and|but)\s*", between)
            if (
                quote_index is not None
                and not conjunction
                and re.fullmatch(r"[\s,~]*[^,.;!?]*", between)
            ):
                quotes.append(quote_index)
        speakers = self.subject_before(chunk_start, vs)
        if masked[vs:ve] == "heard" and not (speakers and speakers[0].head in _HEARING_BODIES):
            return None  # 'the court heard that …' reports evidence; 'she heard that …' does not
        if not speakers and re.fullmatch(r"\s*(?:and|but)\s*", masked[chunk_start:vs]):
            # '… called it "a stunt" and said …': the subject of the first verb speaks again.
            first_verb = _MAIN_VERB.search(masked, ss, chunk_start)
            if first_verb is not None:
                speakers = self.subject_before(ss, first_verb.start())
        if not speakers:
            return None
        after_quotes = self._quote_after(ve, se)
        quotes.extend(after_quotes)
        contents: list[tuple[int, int]] = []
        if not quotes:
            contents = self._reported_speech(ve, se)
            if not contents:
                contents = self._speech_before_reporting_clause(ss, speakers[0].start, ve, se)
        elif not after_quotes:
            that = _THAT_AFTER_VERB.match(masked, ve, se)
            if that:
                contents = self._clip_contents(that.end(), se)
        return SpeechEvent(vs, speakers, tuple(quotes), tuple(contents))

    def _event_for_participle(
        self, start: int, end: int, covered: list[tuple[int, int]]
    ) -> SpeechEvent | None:
        """'A watchdog filed a complaint, alleging that …': the sentence's subject speaks."""
        index = bisect_right(covered, (start, len(self.masked))) - 1
        if index >= 0 and covered[index][0] <= start <= covered[index][1] + 2:
            return None  # already reported speech of an attribution ('…, adding that …')
        ss, se = self.sentence_at(start)
        if re.search(r"[\"“”~]", self.masked[ss:start]):
            return None
        verb = _MAIN_VERB.search(self.masked, ss, start)
        if verb is None:
            return None
        speakers = self.subject_before(ss, verb.start())
        content = self._trim(end, se)
        if not speakers or content is None or speakers[0].kind == "pronoun":
            return None
        return SpeechEvent(start, speakers, (), (content,))

    def _event_for_naming_verb(self, vs: int, ve: int) -> SpeechEvent | None:
        ss, _ = self.sentence_at(vs)
        quote_index = self.quote_by_open.get(ve - 1)
        if quote_index is None:
            return None
        speakers = self.subject_before(ss, vs)
        return SpeechEvent(vs, speakers, (quote_index,)) if speakers else None

    def _event_for_any_verb_before(self, index: int, span: QuotedSpan) -> SpeechEvent | None:
        """'X believes, "…"': any verb right before a colon or comma and the quote."""
        ss, _ = self.sentence_at(span.open)
        ss = max(ss, span.open - SUBJECT_WINDOW)  # the verb sits right before the quote
        prefix = self.masked[ss : span.open]
        verb = _VERB_BEFORE_QUOTE.search(prefix)
        if not verb or "~" in prefix:
            return None
        speakers = self.subject_before(ss, ss + verb.start(1))
        if not speakers:
            return None
        return SpeechEvent(ss + verb.start(1), speakers, (index,))

    def _event_for_according(self, start: int, end: int) -> SpeechEvent | None:
        ss, se = self.sentence_at(start)
        speakers = self.subject_after(end - 1, se)
        if not speakers or speakers[0].kind == "pronoun":
            return None
        after = speakers[-1].end
        masked = self.masked
        if masked[after : after + 1] == ",":
            content = self._trim(after + 1, se)
        elif re.fullmatch(r"[\s.!?]*", masked[after:se]) and masked[start - 2 : start] == ", ":
            content = self._trim(ss, start - 2)
        else:
            return None
        if content is None:
            return None
        quotes = tuple(
            range(
                bisect_left(self.quote_opens, content[0]), bisect_left(self.quote_opens, content[1])
            )
        )
        return SpeechEvent(start, speakers, quotes, (content,))

    # -- the speaker phrase ------------------------------------------------------

    def subject_before(self, lo: int, hi: int) -> tuple[Mention, ...]:
        """The phrase that ends right before a reporting verb at `hi`."""
        masked = self.masked
        if hi - lo > SUBJECT_WINDOW:  # no subject is that long; keeps run-on text linear
            cut = masked.find(" ", hi - SUBJECT_WINDOW, hi)
            lo = cut + 1 if cut >= 0 else hi - SUBJECT_WINDOW
        end = hi
        while True:
            while end > lo and masked[end - 1].isspace():
                end -= 1
            word = _ROLE_WORD.search(masked, lo, end)
            if word and word.group().lower() in ADVERBS_BEFORE_VERB and word.start() > lo:
                end = word.start()
                continue
            break
        segment = masked[lo:end]
        role = ""
        seg_lo = lo
        if segment.endswith(","):
            inner = segment[:-1]
            cut = inner.rfind(", ")
            if cut < 0:
                return ()
            head_part, appositive = inner[:cut], inner[cut + 2 :]
            head_cut = head_part.rfind(", ")
            head_lo = lo + (head_cut + 2 if head_cut >= 0 else 0)
            appositive_lo = lo + cut + 2
            if not _RELATIVE.match(appositive):
                as_name = self._name_mentions(
                    appositive_lo, appositive_lo + len(appositive), exact=True
                )
                if as_name:
                    described = masked[head_lo : lo + cut].strip()
                    return tuple(_with_role(m, described) for m in as_name)
                role = re.split(r"\s(?:who|which|whose)\s", appositive.strip())[0]
                if not re.search(r"[^\W\d_]", role):
                    role = ""  # 'Jane Roe, 54, said': an age, not a role
            seg_lo, end = head_lo, lo + cut
        else:
            cut = segment.rfind(", ")
            if cut >= 0:
                seg_lo = lo + cut + 2
        relative = re.search(r"\s(?:who|which)\s", masked[seg_lo:end])
        if relative:
            end = seg_lo + relative.start()
        mentions = self._phrase_at_end(seg_lo, end)
        if role and mentions:
            mentions = tuple(_with_role(m, role) for m in mentions)
        return mentions

    def _phrase_at_end(self, lo: int, hi: int) -> tuple[Mention, ...]:
        masked = self.masked
        segment = masked[lo:hi]
        if not segment.strip() or "~" in segment:
            return ()
        pronoun = _PRONOUN_AT_END.search(segment)
        if pronoun:
            word = pronoun.group(1)
            return (Mention("pronoun", word.lower(), lo + pronoun.start(1), hi),)
        titled = _TITLED_AT_END.search(segment)
        if titled and not self._after_preposition(lo + titled.start(1)):
            text = titled.group(1)
            return (Mention("titled", text, lo + titled.start(1), hi, definite=True),)
        possessive = _POSSESSIVE_DESCRIPTION.search(segment)
        if possessive and not self._after_preposition(lo + possessive.start()):
            # 'Mr Smith's lawyer said': a description anchored on a name.
            text = possessive.group(0).strip()
            start = (
                lo
                + possessive.start()
                + (len(possessive.group(0)) - len(possessive.group(0).lstrip()))
            )
            return (
                Mention(
                    "descriptor", text, start, hi, head=possessive.group(2).lower(), definite=True
                ),
            )
        names = self._name_mentions(lo, hi, exact=False)
        if names:
            return names
        for match in _DESCRIPTION.finditer(segment):
            if self._after_preposition(lo + match.start()):
                continue
            return (self._description(match, lo, hi),)
        other = _DEFINITE_ANY_NOUN.match(segment)
        if (
            other
            and other.group(2) not in _DOCUMENT_NOUNS
            and other.group(2) not in _NOT_ROLE_WORDS
        ):
            # 'The hospice said …': an unlisted noun is still an organisation's name for itself.
            start = lo + len(segment) - len(segment.lstrip())
            return (
                Mention(
                    "descriptor",
                    segment.strip(),
                    start,
                    hi,
                    head=other.group(2).lower(),
                    definite=True,
                ),
            )
        bare = _BARE_PLURAL.match(segment)
        if bare and word_count(bare.group(1)) <= 2:
            text = segment.strip()
            head = bare.group(2).lower()
            return (Mention("plural", text, lo, hi, head=head),)
        return ()

    def _description(self, match: re.Match[str], lo: int, hi: int) -> Mention:
        determiner = match.group(1).lower()
        head = match.group(3).split()[-1].lower()
        start, end = lo + match.start(), lo + match.end()
        full = self.masked[start:hi].strip().rstrip(",")
        kind = "group" if determiner in GROUP_DETERMINERS else "descriptor"
        definite = determiner in ("the", "its", "his", "her", "their", "our")
        return Mention(
            kind,
            self.masked[start:end],
            start,
            end,
            head=head,
            definite=definite,
            full=full if word_count(full) <= 12 else "",
        )

    def _name_mentions(self, lo: int, hi: int, *, exact: bool) -> tuple[Mention, ...]:
        masked = self.masked
        segment = masked[lo:hi].rstrip()
        match = _NAME_AT_END.search(segment)
        if not match or (exact and match.start() != 0):
            return ()
        start = lo + match.start(1)
        if self._after_preposition(start):
            return ()
        parsed = parse_name(match.group(1))
        if parsed is None or parsed.name.casefold() in _COMMON_HEADS:
            return ()  # 'Officials said', 'Police said': a capitalised common noun, not a name
        title = self._title_before(lo, start)
        if parsed.title:
            title = f"{title} {parsed.title}".strip()
        first = _mention_for_name(parsed, start, lo + match.end(1), title)
        coordinated = _AND_NAME_AT_END.search(masked, lo, start)
        if coordinated:
            other = parse_name(coordinated.group(1))
            if other is not None:
                second = _mention_for_name(other, coordinated.start(1), coordinated.end(1), "")
                return (second, first)
        return (first,)

    def _title_before(self, lo: int, start: int) -> str:
        """Role words written in front of a name: 'senior journalist', 'Opposition leader'."""
        words = self.masked[lo:start].split()
        taken: list[str] = []
        while words and words[-1].casefold() in _ROLE_LEXICON:
            taken.insert(0, words.pop())
        return " ".join(taken)

    def _after_preposition(self, start: int) -> bool:
        word = _WORD_BEFORE.search(self.masked, max(0, start - 20), start)
        return word is not None and word.group(1).lower() in _PREPOSITIONS

    def subject_after(self, ve: int, se: int) -> tuple[Mention, ...]:
        """The speaker written after the verb: '…," says senior journalist Mazhar Abbas'."""
        masked = self.masked
        rest_start = ve
        role_words: list[str] = []
        position = rest_start
        while True:
            match = re.match(r"\s+([a-z][\w\-]*)(?=\s)", masked[position:se])
            # Role words before a name: known ones, or up to three plain lower-case nouns
            # ('said librarian Mei Tanaka'); prepositions and function words end the role.
            if not match or len(role_words) >= 3 or match.group(1) in _NOT_ROLE_WORDS:
                break
            role_words.append(match.group(1))
            position += match.end()
        name = _NAME_AT_START.match(masked, position, se)
        if name:
            parsed = parse_name(name.group(1))
            if parsed is not None:
                title = " ".join(role_words + ([parsed.title] if parsed.title else []))
                mention = _mention_for_name(parsed, name.start(1), name.end(1), title)
                appositive = _APPOSITIVE_AFTER.match(masked, name.end(1), se)
                if appositive and not _RELATIVE.match(appositive.group(1)):
                    mention = _with_role(mention, appositive.group(1))
                return (mention,)
        description = re.match(r"\s+", masked[rest_start:se])
        if description:
            found = _DESCRIPTION.match(masked, rest_start + description.end(), se)
            if found:
                named = _NAME_AT_START.match(masked, found.end() + 1, se)
                if masked[found.end() : found.end() + 1] == "," and named:
                    # '… said the company's chief executive, Jane Roe.'
                    parsed = parse_name(named.group(1))
                    if parsed is not None and parsed.name.casefold() not in _COMMON_HEADS:
                        mention = _mention_for_name(parsed, named.start(1), named.end(1), "")
                        return (_with_role(mention, masked[found.start() : found.end()]),)
                stop = re.search(r"[,.;]|$", masked[found.end() : se])
                hi = found.end() + (stop.start() if stop else 0)
                return (self._description(found, 0, hi),)
            titled = re.match(
                rf"\s+((?:[Tt]he\s+)?{NAME_RUN}(?:\s+(?:of|for)(?:\s+the)?\s+{NAME_RUN})*)",
                masked[rest_start:se],
            )
            if titled:
                text = titled.group(1)
                start = rest_start + titled.start(1)
                kind = "titled" if text.lower().startswith("the ") else "name"
                if kind == "name":
                    parsed = parse_name(text)
                    if parsed is None:
                        return ()
                    return (_mention_for_name(parsed, start, start + len(text), ""),)
                return (Mention(kind, text, start, start + len(text), definite=True),)
            bare = re.match(rf"\s+({_PLURAL_HEADS})\b", masked[rest_start:se], re.IGNORECASE)
            if bare:
                start = rest_start + bare.start(1)
                return (
                    Mention(
                        "plural",
                        bare.group(1),
                        start,
                        rest_start + bare.end(1),
                        head=bare.group(1).lower(),
                    ),
                )
        pronoun = re.match(r"\s+(he|she|they|it)\b", masked[rest_start:se], re.IGNORECASE)
        if pronoun and pronoun.group(1).lower() in PRONOUNS:
            start = rest_start + pronoun.start(1)
            return (
                Mention("pronoun", pronoun.group(1).lower(), start, start + len(pronoun.group(1))),
            )
        return ()

    # -- what is said ----------------------------------------------------------------

    def _quote_after(self, position: int, se: int) -> list[int]:
        match = _QUOTE_AFTER_VERB.match(self.masked, position, se)
        if not match:
            return []
        index = self.quote_by_open.get(match.end() - 1)
        return [] if index is None else [index]

    def _appositive_end(self, position: int, se: int) -> int:
        appositive = _APPOSITIVE_AFTER.match(self.masked, position, se)
        return appositive.end() if appositive else position

    def _continuations(self, position: int, se: int) -> tuple[tuple[int, int], ...]:
        """', continuing that …' after an attribution: more reported speech."""
        match = _PARTICIPLE.search(self.masked, position, se)
        if not match:
            return ()
        span = self._trim(match.end(), se)
        return (span,) if span else ()

    def _reported_speech(self, ve: int, se: int) -> list[tuple[int, int]]:
        told = self.masked[ve - 4 : ve] in ("told", "tell") or self.masked[ve - 5 : ve] == "tells"
        that = (_THAT_AFTER_TOLD if told else _THAT_AFTER_VERB).match(self.masked, ve, se)
        if that:
            return self._clip_contents(that.end(), se)
        clause = _CLAUSE_AFTER_VERB.match(self.masked, ve, se)
        if clause:
            return self._clip_contents(clause.end() - 1, se)
        return []

    def _clip_contents(self, start: int, se: int) -> list[tuple[int, int]]:
        participle = _PARTICIPLE.search(self.masked, start, se)
        spans = [self._trim(start, participle.start() if participle else se)]
        if participle:
            spans.append(self._trim(participle.end(), se))
        return [s for s in spans if s is not None]

    def _speech_before_reporting_clause(
        self, ss: int, subject_start: int, ve: int, se: int
    ) -> list[tuple[int, int]]:
        """'The plant will power 900 homes, the agency said.'"""
        masked = self.masked
        comma = masked.rfind(", ", ss, subject_start)
        if comma < 0 or masked[comma + 2 : subject_start].strip():
            return []
        if not _TRAILING_PP.fullmatch(masked, ve, se):
            return []
        if re.search(r"[\"“”~]", masked[ss:comma]):
            return []
        span = self._trim(ss, comma)
        return [span] if span else []

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        masked = self.masked
        while start < end and masked[start].isspace():
            start += 1
        while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".,;:!?"):
            end -= 1
        if word_count(masked[start:end]) < 3:
            return None
        return start, end


def _mention_for_name(parsed: ParsedName, start: int, end: int, title: str) -> Mention:
    return Mention("name", parsed.name, start, end, honorific=parsed.honorific, title=title)


def _with_role(mention: Mention, role: str) -> Mention:
    role = re.sub(r"^(?:a|an|the)\s+", "", role.strip(), flags=re.IGNORECASE)
    if not role or word_count(role) > 14:
        return mention
    return Mention(
        mention.kind,
        mention.text,
        mention.start,
        mention.end,
        mention.honorific,
        mention.title,
        role,
        mention.head,
        mention.definite,
        mention.full,
    )
