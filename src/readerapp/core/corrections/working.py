"""The analysis while corrections are applied to it: mutable copies that remember their origin.

`apply` folds the corrections over these, in order, then freezes them back into
the model's dataclasses. Each item keeps where it came from (`origin`: the
machine's item, or the correction that added it) so a correction finds it by
what the machine said, whatever earlier corrections changed since.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from readerapp.core.analysis.model import Allegation, Analysis, Quote, Speaker, Status
from readerapp.core.analysis.scoring import normalize
from readerapp.core.annotation import TextSelector
from readerapp.core.corrections.record import (
    REF_QUOTES,
    AllegationRef,
    QuoteRef,
    SpeakerRef,
)

Span = tuple[int, int]


def name_key(name: str) -> str:
    """Names compared as the scoring compares them: case, accents, quotes and spacing aside."""
    return normalize(name)


@dataclass
class Item:
    """What every working item has: its status and the corrections that removed it."""

    status: Status = "machine"
    removed_by: list[str] = field(default_factory=list)

    @property
    def live(self) -> bool:
        return not self.removed_by

    def edited(self) -> None:
        if self.status != "added":
            self.status = "edited"

    def confirmed(self) -> None:
        if self.status == "machine":
            self.status = "confirmed"


@dataclass
class WorkingQuote(Item):
    origin: Span = (0, 0)  # where it was first found (the machine's span, or the added one)
    origin_speaker: str = ""  # the name of the machine speaker it was found for ("": added)
    start: int = 0
    end: int = 0
    direct: bool = True


@dataclass
class WorkingSpeaker(Item):
    origin: SpeakerRef = field(default_factory=lambda: SpeakerRef(""))
    origin_spans: tuple[Span, ...] = ()  # the machine's quotes of it
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    role: str = ""
    anonymous: bool = False
    quotes: list[WorkingQuote] = field(default_factory=list)
    merged_into: WorkingSpeaker | None = None

    def keys(self) -> set[str]:
        """Its machine name and aliases, compared as names."""
        return {name_key(n) for n in (self.origin.name, *self.origin.aliases)}


@dataclass
class WorkingAllegation(Item):
    origin: Span = (0, 0)
    origin_values: tuple[str, str, str] = ("", "", "")  # accuser, accused, claim as first found
    accuser: str = ""
    accused: str = ""
    claim: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Working:
    """The whole analysis being corrected, and the text its spans index."""

    text: str
    speakers: list[WorkingSpeaker]
    allegations: list[WorkingAllegation]

    @classmethod
    def of(cls, machine: Analysis, text: str) -> Working:
        speakers = []
        for s in machine.speakers:
            quotes = [
                WorkingQuote(
                    origin=(q.start, q.end),
                    origin_speaker=s.name,
                    start=q.start,
                    end=q.end,
                    direct=q.direct,
                )
                for q in s.quotes
            ]
            origin = SpeakerRef(
                s.name,
                tuple(s.aliases),
                tuple(selector(text, q.origin) for q in quotes[:REF_QUOTES]),
            )
            speakers.append(
                WorkingSpeaker(
                    origin=origin,
                    origin_spans=tuple(q.origin for q in quotes),
                    name=s.name,
                    aliases=list(s.aliases),
                    role=s.role,
                    anonymous=s.anonymous,
                    quotes=quotes,
                )
            )
        allegations = [
            WorkingAllegation(
                origin=(a.start, a.end),
                origin_values=(a.accuser, a.accused, a.claim),
                accuser=a.accuser,
                accused=a.accused,
                claim=a.claim,
                start=a.start,
                end=a.end,
            )
            for a in machine.allegations
        ]
        return cls(text, speakers, allegations)

    def live_speakers(self) -> list[WorkingSpeaker]:
        return [s for s in self.speakers if s.live]

    def add_speaker(self, name: str) -> WorkingSpeaker:
        speaker = WorkingSpeaker(origin=SpeakerRef(name, new=True), name=name, status="added")
        self.speakers.append(speaker)
        return speaker

    # -- frozen again ---------------------------------------------------------------

    def quote(self, q: WorkingQuote) -> Quote:
        return Quote(q.start, q.end, self.text[q.start : q.end], q.direct, q.status)

    def speaker(self, s: WorkingSpeaker, quotes: list[WorkingQuote]) -> Speaker:
        ordered = sorted(quotes, key=lambda q: (q.start, q.end))
        return Speaker(
            s.name,
            tuple(s.aliases),
            s.role,
            s.anonymous,
            tuple(self.quote(q) for q in ordered),
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
            and (any(q.live for q in s.quotes) or (not s.origin_spans and s.status != "added"))
        ]

    def quote_ref(self, q: WorkingQuote) -> QuoteRef:
        return QuoteRef(selector(self.text, q.origin), q.origin_speaker)

    def allegation_ref(self, a: WorkingAllegation) -> AllegationRef:
        return AllegationRef(selector(self.text, a.origin), *a.origin_values)


def selector(text: str, span: Span) -> TextSelector:
    return TextSelector.from_text(text, *span)


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
