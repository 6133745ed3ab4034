"""The speech rules, most specific first: reported speech, 'according to', participles,
speech acts with an object, and `SPEECH_RULES`, the list every article is read with.

A rule never resolves who a mention means (that is the entity stage's job); it says
which phrase names the speaker, which quotes are theirs and which clauses report them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from readerapp.core.analysis import contents
from readerapp.core.analysis.lexicon.accusations import GERUND
from readerapp.core.analysis.lexicon.clauses import (
    AFTER_COMMA_AND,
    FOR_REASON,
    NEGATED_BEFORE,
    OPEN_QUESTION,
    PASSIVE_BEFORE,
    RELATIVE_BEFORE,
    TO_BEFORE,
)
from readerapp.core.analysis.lexicon.people import ORG_NOUNS, PERSON_NOUNS
from readerapp.core.analysis.lexicon.phrases import (
    ADVERBIAL_PREPOSITIONS,
    ATTRIBUTION_GAP_WORDS,
    FINITE_AUXILIARIES,
    OBJECT_FIRST_LEMMAS,
)
from readerapp.core.analysis.lexicon.speech import (
    INFINITIVE_LEMMAS,
    OBJECT_SPEECH,
    QUOTE_ONLY_LEMMAS,
    THAT_ONLY_LEMMAS,
    VERB_AFTER_ASIDE,
)
from readerapp.core.analysis.mentions import Mention
from readerapp.core.analysis.quote_rules import (
    AnyVerbAfterQuote,
    AnyVerbBeforeQuote,
    ColonSpeaker,
    Interview,
    NamingVerb,
    TrailingDash,
    TweetMarkup,
    VerbAfterQuote,
    VerbBeforeQuote,
)
from readerapp.core.analysis.speech import (
    Cue,
    SpeechContext,
    SpeechEvent,
    SpeechRule,
    speakers_before,
)

_FRONTED_CLAUSE = re.compile(
    r"\W*(when|whenever|after|as|while|because|if|since|although|though|before|until|once)\s+$",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(r"\s(?:by|while|after|before)\s+(?:\w+ly\s+)?$")


def _sentence(context: SpeechContext, cue: Cue) -> tuple[int, int]:
    return context.doc.sentences[cue.sentence]


class ReportedSpeech:
    """'Roe said (that) CLAUSE' / 'CLAUSE, Roe said.' / 'A, Roe said, B' / 'CLAUSE, said Roe.'"""

    name = "reported speech"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        masked = context.doc.masked
        for cue in context.cues:
            if cue.kind != "finite" or cue.start in context.used_cues:
                continue
            if cue.lemma in QUOTE_ONLY_LEMMAS:
                continue
            ss, se = _sentence(context, cue)
            lo = context.clause_start(cue.start)
            before = masked[max(lo, cue.start - 40) : cue.start]
            if (
                TO_BEFORE.search(before)
                or NEGATED_BEFORE.search(before)
                and OPEN_QUESTION.match(masked, cue.end, se)
            ):
                continue  # 'declined to say whether …' reports nothing said
            if PASSIVE_BEFORE.search(before):
                continue
            subject = context.reader.before(lo, cue.start)
            opens_clause = (
                bool(subject)
                and min(m.phrase_start if m.phrase_start >= 0 else m.start for m in subject)
                <= lo + 1
            )
            if opens_clause:  # 'The official, who …, said X': X is no speaker
                event = self._subject_first(context, cue, lo, se)
            else:
                event = self._inverted(context, cue, lo, se) or self._subject_first(
                    context, cue, lo, se
                )
            if event is not None:
                yield event

    def _inverted(self, context: SpeechContext, cue: Cue, lo: int, se: int) -> SpeechEvent | None:
        """'The plan failed, said the minister.'"""
        masked = context.doc.masked
        prefix = masked[lo : cue.start].rstrip()
        if not prefix.endswith(",") or cue.lemma in OBJECT_FIRST_LEMMAS:
            return None
        speakers = context.reader.after(cue.end, se)
        if not speakers:
            return None
        rest = masked[max(m.end for m in speakers) : se]
        if not re.fullmatch(r"(?:,[^.;]{0,140}?|[^,.;]{0,40}?)[.!?]?\s*", rest):
            return None
        verbs = [w for w in rest.split() if w.casefold() in FINITE_AUXILIARIES | {"that"}]
        if verbs and not rest.lstrip(" ,").startswith(("who", "which")):
            return None  # 'said the firm, Acme, had been allowed': the firm is no speaker
        span = contents.clause_before(
            masked, _partial_quote_start(context, lo), lo + len(prefix) - 1
        )
        if span is None:
            return None
        return SpeechEvent(
            cue.start, speakers, self._quotes_in(context, [span]), (span,), rule=self.name
        )

    def _subject_first(
        self, context: SpeechContext, cue: Cue, lo: int, se: int
    ) -> SpeechEvent | None:
        masked = context.doc.masked
        speakers = speakers_before(context, cue)
        if not speakers:
            return None
        start = min(m.phrase_start if m.phrase_start >= 0 else m.start for m in speakers)
        before = masked[lo:start].rstrip()
        after = masked[cue.end : se]
        spans: list[tuple[int, int]] = []
        relative = RELATIVE_BEFORE.search(masked, start, cue.start)  # 'an engineer who advised'
        if relative:  # 'Roe, who said he would run, said …': the aside ends at the main verb
            main = VERB_AFTER_ASIDE.search(masked, cue.end, se)
            se = main.start() if main else se
            after = masked[cue.end : se]
        elif fronted := _FRONTED_CLAUSE.match(masked, lo, min(m.start for m in speakers)):
            # 'When Roe said the city would sue, Cole fired back': up to the main clause
            comma = masked.find(", ", cue.end, se)
            aside = masked[cue.end : comma] if comma > 0 else ""
            if (
                fronted.group(1).casefold() == "as"
                and comma > 0
                and (speakers[0].kind == "document" or _animate(speakers))
                and len(aside.split()) <= 4
                and (not aside.strip() or _adverbial_only(aside))
            ):
                # 'As the Post reported on Friday, the plan failed': the main clause
                span = contents.trim(masked, comma + 1, se)
                if span is None:
                    return None
                return SpeechEvent(cue.start, speakers, (), (span,), rule=self.name)
            se = comma if comma > 0 else se
            after = masked[cue.end : se]
        if before.endswith(",") and contents.words_in(before) >= 1 and not relative:
            comma = lo + len(before) - 1
            rest = re.match(r"[^,.;:]*?(?=,)", after)
            if rest is not None and not _adverbial_only(rest.group()):
                rest = None
            tail = re.fullmatch(r"[^,.;:]{0,60}?[.!?]?\s*", after)
            if tail is not None and not _adverbial_only(after.rstrip(" .!?")):
                tail = None
            if rest is not None and not tail:
                # 'The museum, he said, would reopen': both halves are what he said
                second = cue.end + rest.end() + 1
                first_span = contents.trim(masked, lo, comma) or _short(masked, lo, comma)
                spans = [s for s in (first_span, contents.trim(masked, second, se)) if s]
            elif tail is not None:
                span = contents.clause_before(masked, _partial_quote_start(context, lo), comma)
                spans = [span] if span else []
        if not spans:
            bare = cue.lemma not in THAT_ONLY_LEMMAS
            spans = contents.clause_after(
                masked,
                cue.end,
                se,
                told=cue.lemma == "tell",
                bare=bare,
                infinitive=cue.lemma in INFINITIVE_LEMMAS and _animate(speakers),
            )
        if not spans:
            return None
        return SpeechEvent(
            cue.start, speakers, self._quotes_in(context, spans), tuple(spans), rule=self.name
        )

    @staticmethod
    def _quotes_in(context: SpeechContext, spans: list[tuple[int, int]]) -> tuple[int, ...]:
        """Quotes wholly inside reported speech are part of it ('called the plan "a joke"')."""
        del context, spans
        return ()


def _animate(speakers: tuple[Mention, ...]) -> bool:
    """'The mayor vowed to …' promises; 'the debate promised to be …' does not."""
    first = speakers[0]
    if first.kind in ("name", "pronoun", "group"):
        return first.text.casefold() != "it"
    return first.kind == "description" and (first.head in PERSON_NOUNS or first.head in ORG_NOUNS)


def _adverbial_only(text: str) -> bool:
    """' on Tuesday', ' in a statement to the Post', ' after the attacks': what may follow a
    parenthetical verb."""
    found = re.findall(r"[\w’'.\-]+", text)
    if len(found) > 8 or found and found[0].casefold() == "that":
        return False
    if found and found[0].casefold() in ADVERBIAL_PREPOSITIONS:
        return not any(w.casefold() in FINITE_AUXILIARIES for w in found)
    return all(
        w.casefold() in ATTRIBUTION_GAP_WORDS or w[:1].isupper() or w.isdigit() for w in found
    )


def _partial_quote_start(context: SpeechContext, lo: int) -> int:
    """'"A second bridge" would be needed, Voss said': the clause starts at the
    quote that opens it, not after it."""
    start, _ = context.doc.sentence_at(lo)
    last = context.doc.last_quote_closed_by(lo)
    if last is None or start >= lo:
        return lo
    quote = context.doc.quotes[last]
    return quote.open if quote.open >= start and quote.close == lo else lo


def _short(masked: str, start: int, end: int) -> tuple[int, int] | None:
    text = masked[start:end].strip(" ,")
    if not text or "~" in text:
        return None
    offset = masked.find(text, start, end)
    return offset, offset + len(text)


class AccordingTo:
    """'According to X, CLAUSE' / 'CLAUSE, according to X.' / 'A, according to X, B'."""

    name = "according to"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        masked, reader = context.doc.masked, context.reader
        for cue in context.cues:
            if cue.kind != "according":
                continue
            ss, se = _sentence(context, cue)
            speakers = reader.after(cue.end, se, appositive=False)
            if not speakers or speakers[0].kind == "pronoun":
                continue
            source_end = re.search(r"[,;.]|$", masked[speakers[-1].end : se])
            after_source = speakers[-1].end + (source_end.start() if source_end else 0)
            lo = context.clause_start(cue.start)
            prefix = masked[lo : cue.start].rstrip()
            quoted = self._quote_before(context, cue, lo)
            if quoted is not None:  # '"…," according to the Sun.': the Sun's quote
                yield SpeechEvent(cue.start, speakers, (quoted,), rule=self.name)
                continue
            if context.cues_between(lo, cue.start) or "~" in prefix:
                continue  # '"…," Ware said in a statement according to The Blaze': a source
            spans: list[tuple[int, int]] = []
            if not prefix:
                if masked[after_source : after_source + 1] == ",":
                    quoted = self._quote_after(context, after_source + 1, se)
                    if quoted is not None:  # 'According to the Post, "…"'
                        yield SpeechEvent(cue.start, speakers, (quoted,), rule=self.name)
                        continue
                    span = contents.trim(masked, after_source + 1, se)
                    spans = [span] if span else []
            else:
                cut = lo + len(prefix) - (1 if prefix.endswith(",") else 0)
                first = contents.trim(masked, lo, cut)
                second = None
                if masked[after_source : after_source + 1] == ",":
                    second = contents.trim(masked, after_source + 1, se)
                spans = [s for s in (first, second) if s]
            if spans:
                yield SpeechEvent(cue.start, speakers, (), tuple(spans), rule=self.name)

    @staticmethod
    def _quote_before(context: SpeechContext, cue: Cue, lo: int) -> int | None:
        """The unclaimed quote that is all of the sentence before 'according to'."""
        doc = context.doc
        start, _ = doc.sentences[cue.sentence]
        last = doc.last_quote_closed_by(cue.start)
        if last is None or last in context.claimed_quotes or lo != doc.quotes[last].close:
            return None
        quote = doc.quotes[last]
        if doc.masked[start : quote.open].strip() or doc.masked[quote.close : cue.start].strip(
            " ,"
        ):
            return None
        return last

    @staticmethod
    def _quote_after(context: SpeechContext, position: int, se: int) -> int | None:
        """The unclaimed quote that opens right after the source's comma and ends the
        sentence ('"Title Sponsor" was the top level' is a clause, not a quote)."""
        masked = context.doc.masked
        for index in context.doc.quotes_between(position, position + 4):
            quote = context.doc.quotes[index]
            if (
                index not in context.claimed_quotes
                and not masked[position : quote.open].strip()
                and not masked[quote.close : se].strip(" .,;!?")
            ):
                return index
        return None


class Participle:
    """'…, saying (that) CLAUSE' / '…, adding that CLAUSE': the clause's subject speaks."""

    name = "participle"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        masked = context.doc.masked
        for cue in context.cues:
            if cue.kind != "participle" or cue.start in context.used_cues:
                continue
            ss, se = _sentence(context, cue)
            if not AFTER_COMMA_AND.search(masked[max(0, cue.start - 6) : cue.start]) and not (
                # '… tried to make peace by telling Ada Voss she …': not 'After saying …, X'
                _PREPOSITION_BEFORE.search(masked, max(ss + 1, cue.start - 20), cue.start)
            ):
                continue
            spans = contents.clause_after(
                masked,
                cue.end,
                se,
                told=cue.word == "telling",
                infinitive=cue.lemma in INFINITIVE_LEMMAS,
            )
            if spans:
                yield SpeechEvent(cue.start, (), (), tuple(spans), rule=self.name, inherit=True)


class ObjectSpeech:
    """'accused China of hacking …', 'urged voters to …': the object and complement were said."""

    name = "speech act with object"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        masked = context.doc.masked
        for cue in context.cues:
            if cue.kind != "object" or cue.start in context.used_cues:
                continue
            before = masked[max(0, cue.start - 30) : cue.start]
            if PASSIVE_BEFORE.search(before) or TO_BEFORE.search(before):
                continue  # 'was accused of …' names the accused, not the speaker
            ss, se = _sentence(context, cue)
            joiners = OBJECT_SPEECH.get(cue.lemma, "of")
            span = contents.object_complement(masked, cue.end, se, joiners)
            if span is None:
                continue
            if not _reports_words(masked[span[0] : span[1]], joiners):
                continue
            if cue.word.endswith("ing"):
                if AFTER_COMMA_AND.search(before):  # '…, accusing X of …'
                    yield SpeechEvent(cue.start, (), (), (span,), rule=self.name, inherit=True)
                continue
            speakers = speakers_before(context, cue)
            if speakers:
                yield SpeechEvent(cue.start, speakers, (), (span,), rule=self.name)


def _reports_words(complement: str, joiners: str) -> bool:
    """'faulted Voss for not declaring gifts' reports a charge; 'blamed the weather for the
    delay' and 'thanked voters for their support' report no words."""
    if joiners == "for":
        reason = FOR_REASON.search(complement)
        return reason is None or bool(GERUND.match(complement, reason.end()))
    return True


class InTheirView:
    """'"…" from trade to defence, in Roe's view.': quoted words whose holder follows them
    (an unquoted 'In Roe's view, CLAUSE' is a belief, not speech)."""

    name = "in their view"

    def find(self, context: SpeechContext) -> Iterator[SpeechEvent]:
        doc, masked = context.doc, context.doc.masked
        for start, end in doc.sentences_in(context.lo, context.hi):
            if start < context.lo or "view" not in masked[start:end]:
                continue
            found = _IN_VIEW_END.search(masked, start, end)
            if found is None or not doc.quotes_between(start, found.start()):
                continue
            speakers = context.reader.noun_phrase(*found.span("who"))
            if not speakers or speakers[0].kind not in ("name", "description", "group"):
                continue
            span = contents.trim(masked, _partial_quote_start(context, start), found.start())
            if span is not None:
                yield SpeechEvent(found.start("who"), speakers, (), (span,), rule=self.name)


_IN_VIEW_END = re.compile(
    r",\s+in\s+(?P<who>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})['’]s\s+(?:view|opinion)\s*[.!?]?\s*$"
)


SPEECH_RULES: tuple[SpeechRule, ...] = (
    Interview(),
    TweetMarkup(),
    VerbAfterQuote(),
    VerbBeforeQuote(),
    NamingVerb(),
    AnyVerbBeforeQuote(),
    AnyVerbAfterQuote(),
    TrailingDash(),
    ColonSpeaker(),
    AccordingTo(),
    InTheirView(),
    ObjectSpeech(),
    ReportedSpeech(),
    Participle(),
)
