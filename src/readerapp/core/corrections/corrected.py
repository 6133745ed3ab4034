"""`apply`: the machine's analysis with the user's corrections, as the reader and `analyze` show it.

A pure function of the machine's analysis, the corrections and the article
text. The corrections that are not withdrawn are folded in the order they were
made (`created`, then id), each finding its item by its ref (`matching`), so
the later of two renames wins and an undo (a withdrawn correction) is simply
left out. The same corrections over a new analyzer's result give the same
corrected analysis wherever their items are still found; the rest are
orphans, listed with their reason and kept in the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from readerapp.core.analysis.model import Allegation, Analysis, Quote, Speaker
from readerapp.core.annotation import instant
from readerapp.core.corrections.matching import (
    AMBIGUOUS,
    GONE,
    Anchors,
    find_allegation,
    find_quote,
    find_speaker,
)
from readerapp.core.corrections.record import (
    AllegationRef,
    Correction,
    Fix,
    QuoteRef,
    SpeakerRef,
)
from readerapp.core.corrections.working import (
    Span,
    Working,
    WorkingAllegation,
    WorkingQuote,
    WorkingSpeaker,
    machine_ref,
    selector,
)

RemovedKind = Literal["speaker", "quote", "allegation"]


@dataclass(frozen=True)
class Removed:
    """An item the user removed, kept aside so it can be shown and restored.

    `owner` is the speaker a removed quote belonged to; `correction_ids` are the
    corrections that removed it (withdrawing them all restores it).
    """

    kind: RemovedKind
    item: Speaker | Quote | Allegation
    correction_ids: tuple[str, ...]
    owner: str = ""
    reason: str = "removed"  # or "merged into NAME"


@dataclass(frozen=True)
class Orphan:
    """A correction that finds nothing to act on in this analysis of this text."""

    correction: Correction
    reason: str


@dataclass(frozen=True)
class Corrected:
    """The corrected analysis of one text, with what to show beside it.

    `analysis` carries each item's status. The refs run parallel to it (one per
    speaker, per quote of each speaker, per allegation) and say how a new
    correction names an item; `fixes` builds corrections from them.
    """

    analysis: Analysis
    removed: tuple[Removed, ...] = ()
    orphans: tuple[Orphan, ...] = ()
    text: str = ""
    speaker_refs: tuple[SpeakerRef, ...] = field(default=(), repr=False)
    # where each quote was first found and for which machine speaker (refs made on demand)
    quote_origins: tuple[tuple[tuple[Span, str], ...], ...] = field(default=(), repr=False)
    # each allegation's first evidence span, accuser, accused and claim
    allegation_origins: tuple[tuple[Span, str, str, str], ...] = field(default=(), repr=False)

    def speaker_ref(self, speaker: Speaker) -> SpeakerRef:
        """How a correction names `speaker` (one of `analysis.speakers`); ValueError if it
        is not one of them."""
        return self.speaker_refs[_index(self.analysis.speakers, speaker, "speaker")]

    def quote_ref(self, quote: Quote, speaker: Speaker | None = None) -> QuoteRef:
        """How a correction names `quote` (of `speaker`, needed only when two speakers
        have the same passage)."""
        places = [
            (si, qi)
            for si, s in enumerate(self.analysis.speakers)
            if speaker is None or s == speaker
            for qi, q in enumerate(s.quotes)
            if q == quote
        ]
        if len(places) != 1:
            raise ValueError("that quote is not in this analysis (or two speakers have it)")
        si, qi = places[0]
        origin, speaker_name = self.quote_origins[si][qi]
        return QuoteRef(selector(self.text, origin), speaker_name)

    def owner(self, quote: Quote) -> Speaker | None:
        """The speaker a quote of this analysis belongs to."""
        return next((s for s in self.analysis.speakers if quote in s.quotes), None)

    def allegation_ref(self, allegation: Allegation) -> AllegationRef:
        index = _index(self.analysis.allegations, allegation, "allegation")
        origin, *values = self.allegation_origins[index]
        return AllegationRef(selector(self.text, origin), *values)


def _index(items: tuple[object, ...], item: object, kind: str) -> int:
    try:
        return items.index(item)
    except ValueError:
        raise ValueError(f"that {kind} is not in this analysis") from None


def in_order(corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections in force, in the order they were made."""
    live = [c for c in corrections if not c.deleted]
    return sorted(live, key=lambda c: (instant(c.created), c.id))


def apply(machine: Analysis, corrections: Iterable[Correction], text: str) -> Corrected:
    """The machine's analysis of `text` with `corrections` applied (see the module docstring)."""
    live = in_order(corrections)
    if not live:
        return _as_found(machine, text)
    working = Working(machine, text)
    anchors = Anchors(text)
    orphans = []
    for correction in live:
        reason = _HANDLERS[correction.fix.action](working, anchors, correction.fix, correction.id)
        if reason is not None:
            orphans.append(Orphan(correction, reason))
    return _freeze(machine, working, tuple(orphans))


def _as_found(machine: Analysis, text: str) -> Corrected:
    """The machine's analysis as it is, with the refs that name its items."""
    return Corrected(
        analysis=machine,
        text=text,
        speaker_refs=tuple(machine_ref(s, text) for s in machine.speakers),
        quote_origins=tuple(
            tuple(((q.start, q.end), s.name) for q in s.quotes) for s in machine.speakers
        ),
        allegation_origins=tuple(
            ((a.start, a.end), a.accuser, a.accused, a.claim) for a in machine.allegations
        ),
    )


def _freeze(machine: Analysis, working: Working, orphans: tuple[Orphan, ...]) -> Corrected:
    def live(s: WorkingSpeaker) -> list[WorkingQuote]:
        return sorted((q for q in s.quotes if q.live), key=lambda q: (q.start, q.end))

    shown = working.shown_speakers()
    quotes = {id(s): live(s) for s in shown}
    allegations = [a for a in working.allegations if a.live]
    removed: list[Removed] = []
    for s in working.speakers:
        if s.removed_by:
            reason = f"merged into {s.merged_into.name}" if s.merged_into else "removed"
            item = working.speaker(s, live(s))
            removed.append(Removed("speaker", item, tuple(s.removed_by), reason=reason))
            continue
        for q in s.quotes:
            if q.removed_by and not q.dropped:
                removed.append(
                    Removed("quote", working.quote(q), tuple(q.removed_by), owner=s.name)
                )
    for a in working.allegations:
        if a.removed_by and not a.dropped:
            removed.append(Removed("allegation", working.allegation(a), tuple(a.removed_by)))
    return Corrected(
        analysis=replace(
            machine,
            speakers=tuple(working.speaker(s, quotes[id(s)]) for s in shown),
            allegations=tuple(working.allegation(a) for a in allegations),
        ),
        removed=tuple(removed),
        orphans=orphans,
        text=working.text,
        speaker_refs=tuple(s.origin for s in shown),
        quote_origins=tuple(
            tuple((q.origin, q.origin_speaker) for q in quotes[id(s)]) for s in shown
        ),
        allegation_origins=tuple((a.origin, *a.origin_values) for a in allegations),
    )


# -- one handler per action: each returns None, or why the correction finds nothing ---

Handler = Callable[[Working, Anchors, Fix, str], str | None]


def _speaker(
    fix: Fix, working: Working, anchors: Anchors, *, removed: bool = False
) -> WorkingSpeaker | str:
    assert isinstance(fix.target, SpeakerRef)
    found = find_speaker(fix.target, working, anchors, removed=removed)
    return "the analysis no longer finds this speaker" if found is None else found


def _destination(fix: Fix, working: Working, anchors: Anchors) -> WorkingSpeaker | str:
    """The speaker a quote goes to: found, or made when the user named a new one."""
    assert fix.speaker is not None
    found = find_speaker(fix.speaker, working, anchors)
    if found is None:
        if fix.speaker.new:
            return working.add_speaker(fix.speaker.name)
        return "the analysis no longer finds the speaker it goes to"
    return found


def _follow(working: Working, old: str, new: str) -> None:
    """Allegations naming a speaker by the name it had take its new name."""
    key = working.key(old)
    for a in working.allegations:
        for part in ("accuser", "accused"):
            value = getattr(a, part)
            names = [new if working.key(n) == key else n for n in value.split("; ")]
            setattr(a, part, "; ".join(names))


def _speaker_edit(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    s = _speaker(fix, working, anchors)
    if isinstance(s, str):
        return s
    changed = False
    if fix.name is not None and fix.name != s.name:
        _follow(working, s.name, fix.name)
        s.aliases = [a for a in s.aliases if working.key(a) != working.key(fix.name)]
        s.name, changed = fix.name, True
    if fix.role is not None and fix.role != s.role:
        s.role, changed = fix.role, True
    if fix.anonymous is not None and fix.anonymous != s.anonymous:
        s.anonymous, changed = fix.anonymous, True
    if changed:
        s.edited()
    return None


def _speaker_merge(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    source = _speaker(fix, working, anchors)
    if isinstance(source, str):
        return source
    target = _destination(fix, working, anchors)
    if isinstance(target, str):
        return target
    if target is source:
        return "it is already that speaker"
    seen = {working.key(target.name)} | {working.key(a) for a in target.aliases}
    for name in (source.name, *source.aliases):
        if working.key(name) not in seen:
            target.aliases.append(name)
            seen.add(working.key(name))
    for quote in list(source.quotes):
        working.move(quote, target)
    source.merged_into = target
    source.removed_by.append(ident)
    _follow(working, source.name, target.name)
    target.edited()
    return None


def _speaker_remove(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    s = _speaker(fix, working, anchors, removed=True)
    if isinstance(s, str):
        return s
    s.removed_by.append(ident)
    return None


def _speaker_confirm(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    s = _speaker(fix, working, anchors)
    if isinstance(s, str):
        return s
    s.confirmed()
    return None


def _quote(
    fix: Fix, working: Working, anchors: Anchors, *, removed: bool = False
) -> tuple[WorkingSpeaker, WorkingQuote, bool] | str:
    assert isinstance(fix.target, QuoteRef)
    found = find_quote(fix.target, working, anchors, removed=removed)
    if isinstance(found, str):
        return found
    speaker, quote, how = found
    return speaker, quote, how.exact


def _span(fix: Fix, anchors: Anchors) -> tuple[int, int] | str:
    assert fix.span is not None
    span = anchors.span(fix.span)
    if span is None:
        return GONE
    if span[0] == span[1]:
        return "its passage is empty"
    return span


def _quote_reassign(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    found = _quote(fix, working, anchors)
    if isinstance(found, str):
        return found
    speaker, quote, _ = found
    target = _destination(fix, working, anchors)
    if isinstance(target, str):
        return target
    if target is not speaker:
        working.move(quote, target)
        quote.edited()
    return None


def _item(
    fix: Fix, working: Working, anchors: Anchors, *, removed: bool = False
) -> tuple[WorkingQuote | WorkingAllegation, bool] | str:
    """The quote or allegation a fix names, and whether it is where it was first found
    with what the machine said of it then; else why it cannot be found."""
    if isinstance(fix.target, QuoteRef):
        quote = find_quote(fix.target, working, anchors, removed=removed)
        return quote if isinstance(quote, str) else (quote[1], quote[2].exact)
    assert isinstance(fix.target, AllegationRef)
    allegation = find_allegation(fix.target, working, anchors, removed=removed)
    return allegation if isinstance(allegation, str) else (allegation[0], allegation[1].exact)


def _replace(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    """A quote's passage, or an allegation's evidence, becomes the fix's span."""
    found, span = _item(fix, working, anchors), _span(fix, anchors)
    if isinstance(found, str) or isinstance(span, str):
        return found if isinstance(found, str) else str(span)
    item = found[0]
    if (item.start, item.end) != span:
        item.start, item.end = span
        item.edited()
    return None


def _remove(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    found = _item(fix, working, anchors, removed=True)
    if isinstance(found, str):
        return found
    found[0].removed_by.append(ident)
    return None


def _confirm(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    found = _item(fix, working, anchors)
    if isinstance(found, str):
        return found
    if not found[1]:
        kind = fix.action.split(".")[0]
        return f"the analysis found this {kind} differently since it was confirmed"
    found[0].confirmed()
    return None


def _quote_add(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    span = _span(fix, anchors)
    if isinstance(span, str):
        return span
    target = _destination(fix, working, anchors)
    if isinstance(target, str):
        return target
    for s in working.live_speakers():  # the same passage found by the machine: the user's wins
        for q in s.quotes:
            q.dropped = q.dropped or (q.live and (q.start, q.end) == span)
    direct = True if fix.direct is None else fix.direct
    working.attach(
        WorkingQuote(status="added", origin=span, start=span[0], end=span[1], direct=direct),
        target,
    )
    return None


def _allegation_edit(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    found = _item(fix, working, anchors)
    if isinstance(found, str):
        return found
    a = found[0]
    assert isinstance(a, WorkingAllegation)
    changed = False
    for part in ("accuser", "accused", "claim"):
        value = getattr(fix, part)
        if value is not None and value != getattr(a, part):
            setattr(a, part, value)
            changed = True
    if changed:
        a.edited()
    return None


def _allegation_add(working: Working, anchors: Anchors, fix: Fix, ident: str) -> str | None:
    span = _span(fix, anchors)
    if isinstance(span, str):
        return span
    assert fix.accuser is not None and fix.accused is not None and fix.claim is not None
    parties = (working.key(fix.accuser), working.key(fix.accused))
    for a in working.allegations:  # the same allegation found by the machine: the user's wins
        who = (working.key(a.accuser), working.key(a.accused))
        same = (a.start, a.end) == span and who == parties
        a.dropped = a.dropped or (a.live and same)
    working.add_allegation(
        WorkingAllegation(
            status="added",
            origin=span,
            origin_values=(fix.accuser, fix.accused, fix.claim),
            accuser=fix.accuser,
            accused=fix.accused,
            claim=fix.claim,
            start=span[0],
            end=span[1],
        )
    )
    return None


_HANDLERS: dict[str, Handler] = {
    "speaker.edit": _speaker_edit,
    "speaker.merge": _speaker_merge,
    "speaker.remove": _speaker_remove,
    "speaker.confirm": _speaker_confirm,
    "quote.reassign": _quote_reassign,
    "quote.replace": _replace,
    "quote.remove": _remove,
    "quote.confirm": _confirm,
    "quote.add": _quote_add,
    "allegation.edit": _allegation_edit,
    "allegation.replace": _replace,
    "allegation.remove": _remove,
    "allegation.confirm": _confirm,
    "allegation.add": _allegation_add,
}

__all__ = ["AMBIGUOUS", "Corrected", "Orphan", "Removed", "apply", "in_order"]
