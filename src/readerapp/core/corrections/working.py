"""The analysis while corrections are applied to it: mutable copies that remember their origin.

`apply` folds the corrections over these, in order, then freezes them back into
the model's dataclasses. Each item keeps where it came from (`origin`: the
machine's item, or the correction that added it) so a correction finds it by
what the machine said, whatever earlier corrections changed since. Quotes and
allegations are indexed by the passage they were first found at, so finding
one costs a lookup, not a pass over every quote of a long article.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from readerapp.core.analysis.model import Allegation, Analysis, Quote, Speaker, Status
from readerapp.core.analysis.scoring import normalize
from readerapp.core.annotation import TextSelector
from readerapp.core.corrections.record import REF_QUOTES, SpeakerRef

Span = tuple[int, int]


def name_key(name: str) -> str:
    """Names compared as the scoring compares them: case, accents, quotes and spacing aside."""
    return normalize(name)


def selector(text: str, span: Span) -> TextSelector:
    return TextSelector.from_text(text, *span)


def machine_ref(speaker: Speaker, text: str) -> SpeakerRef:
    """How a correction names a speaker the machine found: by its names and some quotes."""
    return SpeakerRef(
        speaker.name,
        tuple(speaker.aliases),
        tuple(selector(text, (q.start, q.end)) for q in speaker.quotes[:REF_QUOTES]),
    )


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class SpanIndex:
    """Spans sorted by start, to find those overlapping a passage without a pass over all."""

    def __init__(self, spans: list[Span] | tuple[Span, ...] = ()) -> None:
        self._spans = sorted(set(spans))
        self._longest = max((end - start for start, end in self._spans), default=0)

    def add(self, span: Span) -> None:
        index = bisect_left(self._spans, span)
        if index == len(self._spans) or self._spans[index] != span:
            self._spans.insert(index, span)
            self._longest = max(self._longest, span[1] - span[0])

    def overlapping(self, span: Span) -> list[Span]:
        low = bisect_left(self._spans, (span[0] - self._longest, -1))
        high = bisect_left(self._spans, (span[1], -1))
        return [s for s in self._spans[low:high] if s[1] > span[0] and s[0] < span[1]]


@dataclass(eq=False)
class Item:
    """What every working item has: its status and the corrections that removed it."""

    status: Status = "machine"
    removed_by: list[str] = field(default_factory=list)
    dropped: bool = False  # replaced by the same passage added by the user

    @property
    def live(self) -> bool:
        return not self.removed_by and not self.dropped

    def edited(self) -> None:
        if self.status != "added":
            self.status = "edited"

    def confirmed(self) -> None:
        if self.status == "machine":
            self.status = "confirmed"


@dataclass(eq=False)
class WorkingQuote(Item):
    origin: Span = (0, 0)  # where it was first found (the machine's span, or the added one)
    origin_speaker: str = ""  # the name of the machine speaker it was found for ("": added)
    start: int = 0
    end: int = 0
    direct: bool = True
    owner: WorkingSpeaker | None = None  # the speaker it belongs to now


@dataclass(eq=False)
class WorkingSpeaker(Item):
    origin: SpeakerRef = field(default_factory=lambda: SpeakerRef(""))
    origin_spans: SpanIndex = field(default_factory=SpanIndex)  # the machine's quotes of it
    machine_quoted: bool = False  # the machine found quotes of it
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    role: str = ""
    anonymous: bool = False
    quotes: list[WorkingQuote] = field(default_factory=list)
    merged_into: WorkingSpeaker | None = None
    key: str = ""  # name_key of its machine name
    keys: frozenset[str] = frozenset()  # name_key of its machine name and aliases


@dataclass(eq=False)
class WorkingAllegation(Item):
    origin: Span = (0, 0)
    origin_values: tuple[str, str, str] = ("", "", "")  # accuser, accused, claim as first found
    accuser: str = ""
    accused: str = ""
    claim: str = ""
    start: int = 0
    end: int = 0


class Working:
    """The whole analysis being corrected, and the text its spans index."""

    def __init__(self, machine: Analysis, text: str) -> None:
        self.text = text
        self._keys: dict[str, str] = {}
        self.speakers: list[WorkingSpeaker] = []
        self.allegations: list[WorkingAllegation] = []
        self.quotes_at: dict[Span, list[WorkingQuote]] = {}
        self.quote_spans = SpanIndex([(q.start, q.end) for s in machine.speakers for q in s.quotes])
        self.allegations_at: dict[Span, list[WorkingAllegation]] = {}
        self.allegation_spans = SpanIndex([(a.start, a.end) for a in machine.allegations])
        for s in machine.speakers:
            spans = [(q.start, q.end) for q in s.quotes]
            speaker = self._speaker(
                machine_ref(s, text),
                name=s.name,
                aliases=list(s.aliases),
                role=s.role,
                anonymous=s.anonymous,
            )
            speaker.origin_spans = SpanIndex(spans)
            speaker.machine_quoted = bool(spans)
            for q in s.quotes:  # already in quote_spans
                quote = WorkingQuote(
                    origin=(q.start, q.end),
                    origin_speaker=s.name,
                    start=q.start,
                    end=q.end,
                    direct=q.direct,
                    owner=speaker,
                )
                speaker.quotes.append(quote)
                self.quotes_at.setdefault(quote.origin, []).append(quote)
        for a in machine.allegations:
            self.add_allegation(
                WorkingAllegation(
                    origin=(a.start, a.end),
                    origin_values=(a.accuser, a.accused, a.claim),
                    accuser=a.accuser,
                    accused=a.accused,
                    claim=a.claim,
                    start=a.start,
                    end=a.end,
                )
            )

    def key(self, name: str) -> str:
        """`name_key(name)`, each name worked out once per apply."""
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = name_key(name)
        return found

    def _speaker(self, origin: SpeakerRef, **values: object) -> WorkingSpeaker:
        speaker = WorkingSpeaker(origin=origin, **values)  # type: ignore[arg-type]
        speaker.key = self.key(origin.name)
        speaker.keys = frozenset(self.key(n) for n in (origin.name, *origin.aliases))
        self.speakers.append(speaker)
        return speaker

    def add_speaker(self, name: str) -> WorkingSpeaker:
        """A speaker the user named."""
        return self._speaker(SpeakerRef(name, new=True), name=name, status="added")

    def attach(self, quote: WorkingQuote, speaker: WorkingSpeaker) -> None:
        """A quote of `speaker`, new to the analysis (the machine's, or added)."""
        self.quotes_at.setdefault(quote.origin, []).append(quote)
        self.quote_spans.add(quote.origin)
        self.move(quote, speaker)

    def move(self, quote: WorkingQuote, speaker: WorkingSpeaker) -> None:
        if quote.owner is not None:
            quote.owner.quotes.remove(quote)
        speaker.quotes.append(quote)
        quote.owner = speaker

    def add_allegation(self, allegation: WorkingAllegation) -> None:
        self.allegations.append(allegation)
        self.allegations_at.setdefault(allegation.origin, []).append(allegation)
        self.allegation_spans.add(allegation.origin)

    def live_speakers(self) -> list[WorkingSpeaker]:
        return [s for s in self.speakers if s.live]

    # -- frozen again ---------------------------------------------------------------

    def quote(self, q: WorkingQuote) -> Quote:
        return Quote(q.start, q.end, self.text[q.start : q.end], q.direct, q.status)

    def speaker(self, s: WorkingSpeaker, quotes: list[WorkingQuote]) -> Speaker:
        return Speaker(
            s.name,
            tuple(s.aliases),
            s.role,
            s.anonymous,
            tuple(self.quote(q) for q in quotes),
            s.status,
        )

    def allegation(self, a: WorkingAllegation) -> Allegation:
        return Allegation(
            a.accuser, a.accused, a.claim, a.start, a.end, self.text[a.start : a.end], a.status
        )

    def shown_speakers(self) -> list[WorkingSpeaker]:
        """The speakers to list: live, and not emptied of every quote by corrections."""
        return [
            s
            for s in self.speakers
            if s.live
            and (any(q.live for q in s.quotes) or (not s.machine_quoted and s.status != "added"))
        ]
