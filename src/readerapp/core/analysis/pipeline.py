"""The analysis pipeline: quotes, then who said them, then who accuses whom.

Every step is a linear pass (or a bisect) over the text, so a 1 MB article stays
well under the UI's budget; no step scans the whole text once per quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from readerapp.core.analysis.allegations import SpokenSpan, find_allegations
from readerapp.core.analysis.attribution import (
    AttributionFinder,
    Mention,
    SpeechEvent,
    word_count,
)
from readerapp.core.analysis.cues import PERSON_NOUNS, ROLE_MODIFIERS, TITLE_WORDS
from readerapp.core.analysis.model import Analysis, Quote
from readerapp.core.analysis.names import NAME_RUN_RE, NameIndex, ParsedName, parse_name
from readerapp.core.analysis.quotes import QuotedSpan, find_quoted_spans, mask_quotes
from readerapp.core.analysis.speakers import SpeakerDraft, SpeakerRegistry
from readerapp.core.article import Article
from readerapp.core.segments import paragraph_spans, sentence_spans

_ROLE_LEXICON = TITLE_WORDS | ROLE_MODIFIERS | PERSON_NOUNS
_FIRST_VERB = re.compile(r"(?<=\s)(?:[a-z]+ed|[a-z]{3,}s|has|have|had|is|was|were|are|will)\b")


def analyze(article: Article) -> Analysis:
    """Return the speakers (with their quotes) and the allegations found in `article`."""
    text = article.text
    if not text.strip():
        return Analysis()
    quoted = find_quoted_spans(text)
    masked = mask_quotes(text, quoted)
    sentences = sentence_spans(masked)
    if not sentences:
        return Analysis()
    finder = AttributionFinder(masked, sentences, quoted)
    events = finder.events()
    registry = SpeakerRegistry(text, NameIndex(text))
    paragraph_starts = [start for start, _ in paragraph_spans(text)]
    initials = _sentence_initial_names(masked, sentences, registry, finder)
    spoken = _attribute(
        text, masked, sentences, quoted, events, initials, registry, paragraph_starts
    )
    _roles_from_mentions(text, registry)
    speakers = registry.speakers()
    allegations = find_allegations(text, spoken, registry)
    return Analysis(speakers=speakers, allegations=allegations)


def _attribute(
    text: str,
    masked: str,
    sentences: list[tuple[int, int]],
    quoted: list[QuotedSpan],
    events: list[SpeechEvent],
    initials: list[tuple[int, ParsedName]],
    registry: SpeakerRegistry,
    paragraph_starts: list[int],
) -> list[SpokenSpan]:
    """Resolve each event's speaker in text order, then give every quote its speaker."""
    timeline: list[tuple[int, int, object]] = [(p, 0, n) for p, n in initials]
    timeline += [(e.position, 1, e) for e in events]
    timeline.sort(key=lambda item: (item[0], item[1]))

    quote_opens = [span.open for span in quoted]
    recent: list[SpeakerDraft] = []
    quote_speakers: dict[int, tuple[SpeakerDraft, ...]] = {}
    attributions: list[tuple[int, tuple[SpeakerDraft, ...]]] = []
    absorbed: set[int] = set()
    spoken: list[SpokenSpan] = []
    inside_until = -1  # end of the reported speech being read: verbs in it are nested speech
    for position, _, item in timeline:
        if isinstance(item, ParsedName):
            draft = registry.find_name(item.name)
            recent.append(draft if draft is not None else _lazy(registry, item))
            continue
        assert isinstance(item, SpeechEvent)
        if position < inside_until and not item.quotes:
            continue  # 'X said managers had told staff that …' is X's claim, not the managers'
        if item.contents:
            inside_until = max(inside_until, max(end for _, end in item.contents))
        drafts: list[SpeakerDraft] = []
        for mention in item.speakers:
            if mention.kind == "pronoun":
                found = registry.resolve_pronoun(mention.text, recent)
                found = _materialise(registry, found)
                if found is not None:
                    found.last_seen = position  # 'she said' keeps her the latest one speaking
            else:
                found = registry.resolve(mention, position)
            if found is not None:
                drafts.append(found)
        if not drafts:
            continue
        group = tuple(drafts)
        for index in item.quotes:
            quote_speakers.setdefault(index, group)
        for start, end in item.contents:
            for draft in group:
                draft.quotes.append(Quote(start, end, text[start:end], direct=False))
            spoken.append(SpokenSpan(start, end, tuple(d.name for d in group)))
            first_inside = bisect_left(quote_opens, start)
            for index in range(first_inside, bisect_left(quote_opens, end)):
                if index not in quote_speakers:
                    absorbed.add(index)  # a phrase quoted inside reported speech
        first = min([position, *(quoted[i].open for i in item.quotes)])
        attributions.append((first, group))
        recent.extend(group)
    attributions.sort(key=lambda a: a[0])
    starts = [a[0] for a in attributions]

    sentence_starts = [start for start, _ in sentences]
    previous: tuple[SpeakerDraft, ...] | None = None
    for index, span in enumerate(quoted):
        if index in absorbed:
            continue
        owners = quote_speakers.get(index)
        if owners is None:
            owners = _continuing_speaker(
                span,
                previous,
                masked,
                sentences,
                attributions,
                starts,
                paragraph_starts,
                sentence_starts,
            )
        if owners is None:
            previous = None
            continue
        for draft in owners:
            draft.quotes.append(Quote(span.start, span.end, text[span.start : span.end]))
        spoken.append(SpokenSpan(span.start, span.end, tuple(d.name for d in owners)))
        previous = owners
    spoken.sort(key=lambda s: s.start)
    return spoken


def _continuing_speaker(
    span: QuotedSpan,
    previous: tuple[SpeakerDraft, ...] | None,
    masked: str,
    sentences: list[tuple[int, int]],
    attributions: list[tuple[int, tuple[SpeakerDraft, ...]]],
    starts: list[int],
    paragraph_starts: list[int],
    sentence_starts: list[int],
) -> tuple[SpeakerDraft, ...] | None:
    """An unattributed quote continues the latest speaker in this or the previous paragraph."""
    if span.continued and previous is not None:
        return previous
    sentence_index = bisect_right(sentence_starts, span.open) - 1
    sentence_start = sentences[max(sentence_index, 0)][0]
    # Three words fit in a short window; a run-on sentence must not make this quadratic.
    sentence_start = max(sentence_start, span.open - 200)
    if word_count(masked[sentence_start : span.open]) > 2:
        return None  # a phrase in quotation marks inside the author's sentence
    latest = bisect_right(starts, span.open) - 1
    if latest < 0:
        return None
    position, group = attributions[latest]
    paragraph_of_quote = bisect_right(paragraph_starts, span.open) - 1
    paragraph_of_speaker = bisect_right(paragraph_starts, position) - 1
    if paragraph_of_quote - paragraph_of_speaker > 1:
        return None
    return group


def _sentence_initial_names(
    masked: str,
    sentences: list[tuple[int, int]],
    registry: SpeakerRegistry,
    finder: AttributionFinder,
) -> list[tuple[int, ParsedName]]:
    """Names that open a sentence ('Kamau rejected the claim.'): what a pronoun may refer to."""
    found: list[tuple[int, ParsedName]] = []
    for start, end in sentences:
        position = start
        while True:
            word = re.match(r"([\w\-]+)\s+", masked[position : min(end, position + 40)])
            if not word or word.group(1).casefold() not in _ROLE_LEXICON:
                break
            position += word.end()
        run = NAME_RUN_RE.match(masked, position, end)
        parsed = parse_name(run.group()) if run else None
        if run is None or parsed is None or len(parsed.name.split()) == 1 and not parsed.honorific:
            # 'Northfield manager Stefan Kowalski dismissed …': the subject before the verb.
            verb = _FIRST_VERB.search(masked, start, min(end, start + 120))
            subject = finder.subject_before(start, verb.start()) if verb else ()
            if len(subject) == 1 and subject[0].kind == "name":
                mention = subject[0]
                found.append(
                    (mention.start, ParsedName(mention.text, mention.honorific, mention.title))
                )
                continue
        if run is None or parsed is None:
            continue
        if " " in parsed.name or parsed.honorific or registry.names.full_name(parsed.name):
            found.append((run.start(), parsed))
    return found


def _roles_from_mentions(text: str, registry: SpeakerRegistry) -> None:
    """Roles written where a speaker is only mentioned: 'Chief executive Jane Roe apologised',
    'Mr Roe, the trust's chief executive, apologised'. One pass over the names in the text."""
    parsed_runs: dict[str, ParsedName | None] = {}
    for match in NAME_RUN_RE.finditer(text):
        run = match.group()
        if run not in parsed_runs:
            parsed_runs[run] = parse_name(run)
        parsed = parsed_runs[run]
        if parsed is None:
            continue
        draft = registry.find_name(parsed.name)
        if draft is None or draft.roles or not draft.quotes:
            continue
        before = _ROLE_BEFORE.search(text, max(0, match.start() - 60), match.start())
        words = before.group(1).split() if before else []
        while words and words[0].casefold() not in _ROLE_LEXICON:
            words.pop(0)
        appositive = _APPOSITIVE.match(text, match.end())
        role = parsed.title or " ".join(words) or (appositive.group(1) if appositive else "")
        described = _DESCRIBED_BEFORE.search(text, max(0, match.start() - 70), match.start())
        if not role and described and text[match.end() : match.end() + 1] == ",":
            # "Australia's defence minister, Jane Roe, resigned"
            phrase = described.group(1).strip()
            if phrase.split()[-1].casefold() in _ROLE_LEXICON:
                role = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        if role:
            registry.add_role(draft, role)


_ROLE_BEFORE = re.compile(r"((?:[\w’'\-]+[ \t]+){1,4})(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+)?$")
_DESCRIBED_BEFORE = re.compile(r"(?:^|[.;]\s+|\n)((?:[\w’'\-]+[ \t]+){0,5}[\w’'\-]+),[ \t]+$")
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+([^,.;\"“”]{3,60}?),")


@dataclass
class _PendingName(SpeakerDraft):
    """A sentence-initial name not yet a speaker; becomes one only if a pronoun needs it."""

    honorific: str = ""
    title: str = ""


def _lazy(registry: SpeakerRegistry, parsed: ParsedName) -> SpeakerDraft:
    return _PendingName(name=parsed.name, honorific=parsed.honorific, title=parsed.title)


def _materialise(registry: SpeakerRegistry, draft: SpeakerDraft | None) -> SpeakerDraft | None:
    """Turn a pending name a pronoun pointed at into a real speaker draft."""
    if not isinstance(draft, _PendingName):
        return draft
    mention = Mention("name", draft.name, 0, 0, draft.honorific, draft.title)
    real = registry.resolve(mention, 0)
    if real is not None and draft.gender and not real.gender:
        real.gender = draft.gender
    return real
