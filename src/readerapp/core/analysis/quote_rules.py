"""Speech rules anchored on a quoted passage: who said the words between quotation marks.

'"…," said Jo Roe', 'Roe said: "…"', 'called it "a stunt"', a tweet's signature, a pull
quote signed with a dash, 'Roe's reply: "…"', an interview's answers. Each rule is a small
class with a `find` method; `SPEECH_RULES` in `speech_rules` lists them in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from readerapp.core.analysis import contents
from readerapp.core.analysis.lexicon.clauses import (
    ANSWER_MARK,
    NAME_THEN_VERB,
    PRONOUN_AFTER,
    QUESTION_MARK,
    QUOTE_JOINER_GAP,
    THAT_AT_END,
    VERB_BEFORE_QUOTE,
)
from readerapp.core.analysis.lexicon.phrases import ATTRIBUTION_GAP_WORDS
from readerapp.core.analysis.lexicon.speech import SPEECH_NOUNS
from readerapp.core.analysis.mentions import Mention
from readerapp.core.analysis.names import NAME_RUN_RE
from readerapp.core.analysis.quotes import QuotedSpan, is_title
from readerapp.core.analysis.speech import (
    Cue,
    SpeechContext,
    SpeechEvent,
    after_comma,
    speakers_before,
)

_DASHED_ASIDE = re.compile(r"\s*(?:--|—|–)[^\"“”~.;]{1,200}?(?:--|—|–)\s*")
_INTRO_COLON = re.compile(r"^(?:From|In)\s+|\s+(?:as\s+)?follows$", re.IGNORECASE)
_MARKS = re.compile(r"[\"“”~]|''")

# Between a verb and its quote: 'said:', 'told reporters:', 'said in a statement,', 'wrote that'.

# Between a verb and its quote: 'said:', 'told reporters:', 'said in a statement,', 'wrote that'.


def gap_word(word: str) -> bool:
    """A word that may stand between a verb and what it introduces: 'in', 'Tuesday', 'CNN'."""
    return word.casefold() in ATTRIBUTION_GAP_WORDS or word[:1].isupper() or word.isdigit()


def _gap_is_attribution(gap: str) -> bool:
    """The words between a verb and its quote introduce the quote ('said in a statement:')."""
    stripped = gap.strip()
    if not stripped:
        return True
    if _MARKS.search(stripped) or re.search(r"[.;!?]", stripped):
        return False
    ends = stripped.endswith((",", ":")) or THAT_AT_END.search(stripped) is not None
    found = re.findall(r"[\w’'.\-]+", stripped)
    if len(found) > 9:
        return False
    known = all(
        w.casefold() in ATTRIBUTION_GAP_WORDS or w[:1].isupper() or w.isdigit() for w in found
    )
    return known or (ends and len(found) <= 5)


def _next_word(masked: str, position: int) -> int:
    """Where the text goes on after a quote: '"… coming!" Voss said.' is one attribution
    although the mark ends a sentence."""
    while position < len(masked) - 1 and masked[position] in " ,\u00a0":
        position += 1
    return min(position, len(masked) - 1)


class TweetMarkup:
    """`<tweet …>text — Name (@handle) date</tweet>`: the signature names the speaker."""

    name = "tweet"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        for index, quote in context.quotes():
            if quote.tweet and index not in context.claimed_quotes:
                speaker = Mention("name", quote.author, quote.open, quote.open, title="")
                if quote.handle and quote.handle != quote.author:
                    speaker = speaker.with_role("")
                yield SpeechEvent(quote.open, (speaker,), (index,), rule=self.name)


class VerbAfterQuote:
    """'"…," said Jo Roe, a lawyer' / '"…," Roe said' / '"…," she said, "…"'."""

    name = "verb after quote"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        doc, reader, masked = context.doc, context.reader, context.doc.masked
        for index, quote in context.quotes():
            if index in context.claimed_quotes or quote.tweet:
                continue
            after = quote.close
            _, se = doc.sentence_at(_next_word(masked, after))
            if se <= after:
                continue
            window = [
                c
                for c in context.cues_between(after, min(se, after + 260))
                if c.kind == "finite" and c.start not in context.used_cues
            ]
            if not window:
                continue
            cue = window[0]
            between = masked[after : cue.start]
            if _MARKS.search(between) or ";" in between:
                continue
            ends_sentence = doc.text[quote.end - 1 : quote.end] in (".", "!", "?")
            parenthetical = masked[cue.end : cue.end + 1] == ","
            if ends_sentence and parenthetical and ("," in between or len(between.split()) > 5):
                continue  # '"… simple." The governor, Whitfield said, had …': a new sentence
            if doc.text[quote.end - 1 : quote.end] == "." and (
                "," in between or len(masked[cue.end : se].split()) > 6
            ):
                continue  # '"… campaign." His view, stated on TV, was …': a new sentence
            lead = after + len(between) - len(between.lstrip(" ,—–-"))
            if lead == cue.start:  # '…," said Jo Roe'
                speakers = reader.after(cue.end, se)
                if not speakers:
                    pronoun = PRONOUN_AFTER.match(masked, cue.end, se)
                    if pronoun is None:
                        continue
                    speakers = (
                        Mention(
                            "pronoun", pronoun.group(1).casefold(), pronoun.start(1), pronoun.end(1)
                        ),
                    )
                attribution_end = max(m.end for m in speakers)
            else:
                comma = masked.find(",", lead, cue.start)
                # '"…," she has said', '"…," he often says': the words before the verb
                head_end = comma if comma >= 0 else reader.skip_adverbials(lead, cue.start)
                head = reader.noun_phrase(lead, head_end)
                speakers = reader.before(lead, cue.start)
                if not speakers or not head and comma < 0:
                    continue
                if not head and comma >= 0:
                    continue
                attribution_end = cue.end
            quotes = [index, *self._split_quote(context, attribution_end, se)]
            more = contents.continuation(masked, attribution_end, se)
            opening = min(m.phrase_start if m.phrase_start >= 0 else m.start for m in speakers)
            if lead != cue.start and masked[after:opening].rstrip().endswith(","):
                # '"We are horrified" by the shooting, Nefzi said': the clause goes on
                rest = contents.trim(masked, after, masked.rfind(",", after, opening))
                if rest is not None and masked[after : after + 1] == " ":
                    more = [rest, *more]
            aside = self._quote_before_aside(context, index)
            if aside is not None:  # '"I don't think the wisdom" -- that X -- "will last," he says'
                quotes.insert(0, aside)
                more = [(doc.quotes[aside].start, quote.end), *more]
            yield SpeechEvent(cue.start, speakers, tuple(quotes), tuple(more), rule=self.name)

    @staticmethod
    def _quote_before_aside(context: SpeechContext, index: int) -> int | None:
        """The quote that opens the sentence before a dashed aside and this quote."""
        if index == 0 or index - 1 in context.claimed_quotes:
            return None
        doc = context.doc
        previous, quote = doc.quotes[index - 1], doc.quotes[index]
        start, _ = doc.sentence_at(quote.open)
        if previous.open < start or doc.masked[start : previous.open].strip():
            return None
        gap = doc.masked[previous.close : quote.open]
        return index - 1 if _DASHED_ASIDE.fullmatch(gap) else None

    @staticmethod
    def _split_quote(context: SpeechContext, position: int, se: int) -> list[int]:
        """'"The first half," Chen said, "is the easy part."': the quote after the verb."""
        masked = context.doc.masked
        for index in context.doc.quotes_between(position, min(se + 1, position + 160)):
            quote = context.doc.quotes[index]
            gap = masked[position : quote.open]
            title = is_title(context.doc.text[quote.start : quote.end])
            if index not in context.claimed_quotes and not re.search(r"[.;!?~]", gap) and not title:
                return [index]
            break
        return []


class VerbBeforeQuote:
    """'Roe said: "…"' / 'Roe told reporters, "…"' / '…, adding, "…"' / 'she tweeted "…"'."""

    name = "verb before quote"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        doc, masked = context.doc, context.doc.masked
        for index, quote in context.quotes():
            if index in context.claimed_quotes or quote.tweet and quote.author:
                continue
            lo = context.clause_start(quote.open)
            cue = None
            for candidate in reversed(context.cues_between(lo, quote.open)):
                if candidate.kind in ("finite", "participle") and candidate.start not in (
                    context.used_cues
                ):
                    if _gap_is_attribution(masked[candidate.end : quote.open]):
                        cue = candidate
                    break
            if cue is None:
                cue = self._announced(context, quote.open)
            if cue is None:
                continue
            quotes = [index]
            following = index + 1
            while following < len(doc.quotes) and following not in context.claimed_quotes:
                gap = masked[doc.quotes[following - 1].close : doc.quotes[following].open]
                if not QUOTE_JOINER_GAP.fullmatch(gap):
                    break
                quotes.append(following)  # '… said: "A" and "B"'
                following += 1
            spans = self._clause_from_quote(context, doc.quotes[quotes[-1]], quote)
            if cue.kind == "participle" and after_comma(masked, cue.start):
                yield SpeechEvent(cue.start, (), tuple(quotes), spans, rule=self.name, inherit=True)
                continue
            if cue.kind == "participle":  # 'Voss privately saying "…"'
                speakers = context.reader.before(lo, cue.start)
                if not speakers or speakers[0].kind not in ("name", "description", "group"):
                    yield SpeechEvent(
                        cue.start, (), tuple(quotes), spans, rule=self.name, inherit=True
                    )
                    continue
            else:
                speakers = speakers_before(context, cue)
                ss, _ = doc.sentence_at(cue.start)
                if not speakers and not masked[ss : cue.start].strip(' "“”~'):
                    # 'Stated Cho: "…"', 'Added the mayor, "…"': the speaker after the verb
                    speakers = context.reader.after(cue.end, doc.sentence_at(cue.start)[1])
            if speakers:
                yield SpeechEvent(cue.start, speakers, tuple(quotes), spans, rule=self.name)

    @staticmethod
    def _clause_from_quote(
        context: SpeechContext, last: QuotedSpan, first: QuotedSpan
    ) -> tuple[tuple[int, int], ...]:
        """'Voss said "it makes me angry" every time she …': the clause goes on after the quote."""
        masked = context.doc.masked
        _, se = context.doc.sentence_at(last.close)
        rest = masked[last.close : se]
        if not re.match(r"\s+[a-z]", rest):
            return ()
        span = contents.trim(masked, first.start, se)
        return (span,) if span else ()

    @staticmethod
    def _announced(context: SpeechContext, open_at: int) -> Cue | None:
        """'Kamal chipped in. "…"' / 'She added:' at the end of the sentence before."""
        doc = context.doc
        ss, _ = doc.sentence_at(open_at)
        if doc.masked[ss:open_at].strip() or ss == 0:
            return None
        previous = doc.sentence_index(ss - 1)
        ps, pe = doc.sentences[previous]
        if doc.paragraph_index(ps) != doc.paragraph_index(open_at) and not (
            doc.masked[pe - 1 : pe] == ":"  # 'He told his audience:' and the quote below it
            and doc.paragraph_index(open_at) - doc.paragraph_index(ps) == 1
        ):
            return None
        cues = context.cues_between(ps, pe)
        if (
            not cues
            or cues[-1].kind not in ("finite", "participle")
            or cues[-1].start in context.used_cues
        ):
            return None  # 'The Times confirmed it, reporting:' and the quote below it
        if re.fullmatch(r"[^,;~]{0,30}?[.:]?\s*", doc.masked[cues[-1].end : pe]) is None:
            return None
        return cues[-1]


class AnyVerbBeforeQuote:
    """'Amin-ul-Haq believes, "…"': any verb right before a comma or colon and the quote."""

    name = "any verb before quote"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        masked = context.doc.masked
        for index, quote in context.quotes():
            if index in context.claimed_quotes or quote.tweet:
                continue
            lo = context.clause_start(quote.open)
            lo = max(lo, quote.open - 240)
            verb = VERB_BEFORE_QUOTE.search(masked, lo, quote.open)
            if verb is None or "~" in masked[lo : quote.open]:
                continue
            speakers = context.reader.before(lo, verb.start(1))
            if speakers and speakers[0].kind in ("name", "pronoun", "description"):
                yield SpeechEvent(verb.start(1), speakers, (index,), rule=self.name)


class AnyVerbAfterQuote:
    """'"…?" Cho pressed.' / '"…," Voss assured Okoro.': a name or a pronoun, then any
    verb, then the end of the sentence."""

    name = "any verb after quote"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        masked = context.doc.masked
        for index, quote in context.quotes():
            if index in context.claimed_quotes or quote.tweet:
                continue
            _, se = context.doc.sentence_at(_next_word(masked, quote.close))
            tail = NAME_THEN_VERB.match(masked, quote.close, se)
            if tail is None or len(masked[tail.end() : se].split()) > 6:
                continue
            speakers = context.reader.noun_phrase(tail.start("who"), tail.end("who"))
            if speakers and speakers[0].kind in ("name", "pronoun"):
                yield SpeechEvent(tail.start("verb"), speakers, (index,), rule=self.name)


class NamingVerb:
    """'called the referee a "cheat"', 'described it as "a stunt"': the quote names something."""

    name = "naming verb"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        doc, masked = context.doc, context.doc.masked
        for cue in context.cues:
            if cue.kind != "naming" or cue.start in context.used_cues:
                continue
            following = list(doc.quotes_between(cue.end, cue.end + 62))
            if not following or following[0] in context.claimed_quotes:
                continue
            quote = doc.quotes[following[0]]
            span = (
                cue.end
                + len(masked[cue.end : quote.open])
                - len(masked[cue.end : quote.open].lstrip()),
                quote.end,
            )
            if cue.word.endswith("ing"):
                yield SpeechEvent(
                    cue.start, (), (following[0],), (span,), rule=self.name, inherit=True
                )
                continue
            speakers = speakers_before(context, cue)
            if speakers:
                yield SpeechEvent(cue.start, speakers, (following[0],), (span,), rule=self.name)


class TrailingDash:
    """'"…" ― Jo Roe' at the end of a paragraph: a pull quote signed with a dash."""

    name = "trailing dash"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        doc, masked = context.doc, context.doc.masked
        for index, quote in context.quotes():
            if index in context.claimed_quotes:
                continue
            number = doc.paragraph_index(quote.open)
            _, pe = doc.paragraphs[number]
            dash = re.match(r"\s*[―—–]\s*", masked[quote.close : pe])
            start = quote.close + dash.end() if dash else -1
            alone = dash is None and not masked[quote.close : pe].strip(" .,")
            if alone and number + 1 < len(doc.paragraphs):
                # the signature in a paragraph of its own: '"…"' then '- Voss.'
                ns, ne = doc.paragraphs[number + 1]
                signed = re.match(r"[-―—–]\s*(?=\S)", masked[ns:ne])
                if signed and len(masked[ns:ne].split()) <= 6:
                    start, pe = ns + signed.end(), ne
                    pe -= 1 if masked[pe - 1] == "." else 0
            if start < 0:
                continue
            speakers = context.reader.noun_phrase(start, min(pe, start + 120))
            if not speakers:
                speakers = context.reader.after(start - 1, pe)
            if speakers and speakers[0].kind != "pronoun":
                yield SpeechEvent(start, speakers, (index,), rule=self.name)


class ColonSpeaker:
    """'Mr. Roe: "…"' or 'Roe's reply: "…"': a name, or someone's words, then a colon."""

    name = "colon"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        masked = context.doc.masked
        for index, quote in context.quotes():
            if index in context.claimed_quotes:
                continue
            lo = context.clause_start(quote.open)
            prefix = masked[lo : quote.open].rstrip()
            if not prefix.strip():
                lo, prefix = self._paragraph_before(context, quote)
            if not prefix.endswith(":") or len(prefix) > 80:
                continue
            # 'From the report:', 'Transcript as follows:': the document speaks
            phrase = _INTRO_COLON.sub("", prefix[:-1].strip()).strip()
            if not phrase:
                continue
            start = lo + masked[lo : quote.open].find(phrase)
            owner = re.match(r"(.+?)['’]s\s+(?:\w+\s+)?(\w+)$", phrase)
            if owner and owner.group(2).casefold() in SPEECH_NOUNS | {
                "response",
                "reply",
                "answer",
                "words",
            }:
                speakers = context.reader.noun_phrase(start, start + len(owner.group(1)))
            else:
                speakers = context.reader.noun_phrase(start, start + len(phrase))
            if not speakers:
                speakers = self._name_at_end(context, start, phrase)
            if speakers and speakers[0].kind in ("name", "description", "document"):
                yield SpeechEvent(start, speakers, (index,), rule=self.name)

    @staticmethod
    def _paragraph_before(context: SpeechContext, quote: QuotedSpan) -> tuple[int, str]:
        """A quote that opens its paragraph after a short one ending in a colon."""
        doc = context.doc
        number = doc.paragraph_index(quote.open)
        ps, _ = doc.paragraphs[number]
        if number == 0 or doc.masked[ps : quote.open].strip():
            return quote.open, ""
        start, end = doc.paragraphs[number - 1]
        text = doc.masked[start:end].rstrip(" .")
        if len(text.split()) > 6 or not text.endswith(":"):
            return quote.open, ""
        return start, text

    @staticmethod
    def _name_at_end(context: SpeechContext, start: int, phrase: str) -> tuple[Mention, ...]:
        """'HEADLINE - Mark Blumenthal and Jon Cohen:', 'doesn't surprise pollster Daron
        Shaw:': a full name (or two) right before the colon."""
        dash = max(phrase.rfind(" - "), phrase.rfind(" \u2014 "), phrase.rfind(" \u2013 "))
        if dash >= 0:
            found = context.reader.noun_phrase(start + dash + 3, start + len(phrase))
            if found and all(m.kind == "name" for m in found):
                return found
        last = None
        for match in NAME_RUN_RE.finditer(phrase):
            last = match
        if last is None or last.end() != len(phrase) or " " not in last.group():
            return ()
        found = context.reader.noun_phrase(start + last.start(), start + last.end())
        return found if found and found[0].kind == "name" and " " in found[0].text else ()


class Interview:
    """A question-and-answer interview: every 'A:' paragraph is the interviewee's answer, and
    the interviewee is the first person the article names; the questions are the author's."""

    name = "interview"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        doc = context.doc
        if "interview" not in doc.memo:  # read the paragraphs once, not once per slice
            marked = [(s, e) for s, e in doc.paragraphs if ANSWER_MARK.match(doc.masked, s, e)]
            questions = sum(1 for s, e in doc.paragraphs if QUESTION_MARK.match(doc.masked, s, e))
            doc.memo["interview"] = marked if len(marked) >= 2 and questions >= 1 else []
        found = doc.memo["interview"]
        assert isinstance(found, list)
        answers: list[tuple[int, int]] = found
        if not answers:
            return
        who = _interviewee(context)
        if who is None:
            return
        for start, end in answers:
            if not context.lo <= start < context.hi:
                continue
            first = ANSWER_MARK.match(doc.masked, start, end)
            assert first is not None
            span = contents.trim(doc.masked, first.end(), end)
            if span is not None:
                quotes = tuple(doc.quotes_between(start, end))
                yield SpeechEvent(start, (who,), quotes, (span,), rule=self.name, own_words=True)


def _interviewee(context: SpeechContext) -> Mention | None:
    """The first person named in the article's first two paragraphs."""
    doc = context.doc
    limit = doc.paragraphs[min(1, len(doc.paragraphs) - 1)][1]
    for start, end in doc.names_between(0, limit):
        found = context.reader.noun_phrase(start, end)
        if found and found[0].kind == "name" and " " in found[0].text and not found[0].org:
            return found[0]
    return None
