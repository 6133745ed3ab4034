"""Building a correction from what the reader shows: one function per thing a user can fix.

Each takes the `Corrected` analysis the reader shows and an item of it (a
speaker, a quote, an allegation) and returns the `Fix` to hand to
`Notebook.correct`, or None when it would change nothing (renaming a speaker to
the name it has). Text the user typed is cleaned here, where it enters.
Spans are (start, end) offsets into the article text, as the selection gives
them. `label` names a fix for the status line, the undo message and the list
of orphaned corrections.
"""

from __future__ import annotations

from readerapp.core.analysis.model import Allegation, Quote, Speaker
from readerapp.core.annotation import TextSelector
from readerapp.core.corrections.corrected import Corrected, Removed
from readerapp.core.corrections.record import (
    AllegationRef,
    Fix,
    QuoteRef,
    SpeakerRef,
)
from readerapp.core.corrections.working import name_key
from readerapp.core.safe_text import clean_line

#: Characters of a quote shown in a label before it is cut short.
LABEL_QUOTE = 40


def _name(value: str, what: str = "name") -> str:
    cleaned = clean_line(value).strip()
    if not cleaned:
        raise ValueError(f"a speaker's {what} cannot be empty")
    return cleaned


def _selector(corrected: Corrected, span: tuple[int, int]) -> TextSelector:
    start, end = span
    if not 0 <= start < end <= len(corrected.text):
        raise ValueError("select the passage first (an empty or out-of-range span)")
    return TextSelector.from_text(corrected.text, start, end)


# -- speakers ---------------------------------------------------------------------------


def edit_speaker(
    corrected: Corrected,
    speaker: Speaker,
    *,
    name: str | None = None,
    role: str | None = None,
    anonymous: bool | None = None,
) -> Fix | None:
    """Rename, change the role, mark anonymous or named: only what differs is kept."""
    new_name = _name(name) if name is not None else None
    new_role = clean_line(role).strip() if role is not None else None
    changed_name = new_name if new_name not in (None, speaker.name) else None
    changed_role = new_role if new_role not in (None, speaker.role) else None
    changed_anonymous = anonymous if anonymous not in (None, speaker.anonymous) else None
    if changed_name is changed_role is changed_anonymous is None:
        return None
    return Fix(
        "speaker.edit",
        corrected.speaker_ref(speaker),
        name=changed_name,
        role=changed_role,
        anonymous=changed_anonymous,
    )


def rename_speaker(corrected: Corrected, speaker: Speaker, name: str) -> Fix | None:
    return edit_speaker(corrected, speaker, name=name)


def merge_speaker(corrected: Corrected, speaker: Speaker, into: Speaker) -> Fix | None:
    """`speaker`'s names become aliases of `into`, and its quotes join `into`'s."""
    if speaker == into:
        return None
    return Fix("speaker.merge", corrected.speaker_ref(speaker), speaker=corrected.speaker_ref(into))


def remove_speaker(corrected: Corrected, speaker: Speaker) -> Fix:
    """Not a speaker: it and its quotes leave the analysis (kept aside, restorable)."""
    return Fix("speaker.remove", corrected.speaker_ref(speaker))


def confirm_speaker(corrected: Corrected, speaker: Speaker) -> Fix | None:
    if speaker.status != "machine":
        return None
    return Fix("speaker.confirm", corrected.speaker_ref(speaker))


def _destination(corrected: Corrected, to: Speaker | str) -> SpeakerRef:
    """A speaker of the analysis, or a name typed: the speaker of that name if there is
    one (else the one speaker with it as an alias), else a new speaker of that name."""
    if isinstance(to, Speaker):
        return corrected.speaker_ref(to)
    name = _name(to)
    key = name_key(name)
    speakers = corrected.analysis.speakers
    for same in (
        [s for s in speakers if name_key(s.name) == key],
        [s for s in speakers if key in {name_key(a) for a in s.aliases}],
    ):
        if len(same) == 1:
            return corrected.speaker_ref(same[0])
        if same:
            break  # several have it: the typed name is a speaker of its own
    return SpeakerRef(name, new=True)


# -- quotes -----------------------------------------------------------------------------


def _quote_ref(corrected: Corrected, quote: Quote, speaker: Speaker | None) -> QuoteRef:
    return corrected.quote_ref(quote, speaker)


def reassign_quote(
    corrected: Corrected, quote: Quote, to: Speaker | str, *, speaker: Speaker | None = None
) -> Fix | None:
    """Give the quote to another speaker: one of the analysis, or a name (a new speaker
    unless one has that name). `speaker`: the quote's speaker now, if two have it."""
    destination = _destination(corrected, to)
    owner = speaker or corrected.owner(quote)
    if owner is not None and not destination.new and corrected.speaker_ref(owner) == destination:
        return None
    return Fix("quote.reassign", _quote_ref(corrected, quote, speaker), speaker=destination)


def replace_quote(
    corrected: Corrected,
    quote: Quote,
    span: tuple[int, int],
    *,
    speaker: Speaker | None = None,
) -> Fix | None:
    """The quote's passage becomes `span` (the selection)."""
    if (quote.start, quote.end) == span:
        return None
    return Fix(
        "quote.replace", _quote_ref(corrected, quote, speaker), span=_selector(corrected, span)
    )


def remove_quote(corrected: Corrected, quote: Quote, *, speaker: Speaker | None = None) -> Fix:
    return Fix("quote.remove", _quote_ref(corrected, quote, speaker))


def confirm_quote(
    corrected: Corrected, quote: Quote, *, speaker: Speaker | None = None
) -> Fix | None:
    if quote.status != "machine":
        return None
    return Fix("quote.confirm", _quote_ref(corrected, quote, speaker))


def add_quote(
    corrected: Corrected, span: tuple[int, int], to: Speaker | str, *, direct: bool = True
) -> Fix:
    """The selection as a quote of `to` (a speaker of the analysis, or a name typed).
    `direct`: the speaker's own words (False: reported speech)."""
    return Fix(
        "quote.add",
        span=_selector(corrected, span),
        speaker=_destination(corrected, to),
        direct=direct,
    )


# -- allegations ------------------------------------------------------------------------


def edit_allegation(
    corrected: Corrected,
    allegation: Allegation,
    *,
    accuser: str | None = None,
    accused: str | None = None,
    claim: str | None = None,
) -> Fix | None:
    """Change who accuses, who is accused, or of what: only what differs is kept."""
    values = {
        "accuser": _name(accuser, "accuser") if accuser is not None else None,
        "accused": _name(accused, "accused") if accused is not None else None,
        "claim": clean_line(claim).strip() if claim is not None else None,
    }
    changed = {k: v for k, v in values.items() if v is not None and v != getattr(allegation, k)}
    if not changed:
        return None
    return Fix(
        "allegation.edit",
        corrected.allegation_ref(allegation),
        accuser=changed.get("accuser"),
        accused=changed.get("accused"),
        claim=changed.get("claim"),
    )


def replace_evidence(
    corrected: Corrected, allegation: Allegation, span: tuple[int, int]
) -> Fix | None:
    """The allegation's evidence becomes `span` (the selection)."""
    if (allegation.start, allegation.end) == span:
        return None
    return Fix(
        "allegation.replace",
        corrected.allegation_ref(allegation),
        span=_selector(corrected, span),
    )


def remove_allegation(corrected: Corrected, allegation: Allegation) -> Fix:
    return Fix("allegation.remove", corrected.allegation_ref(allegation))


def confirm_allegation(corrected: Corrected, allegation: Allegation) -> Fix | None:
    if allegation.status != "machine":
        return None
    return Fix("allegation.confirm", corrected.allegation_ref(allegation))


def add_allegation(
    corrected: Corrected, span: tuple[int, int], *, accuser: str, accused: str, claim: str
) -> Fix:
    """The selection as the evidence of a new allegation."""
    return Fix(
        "allegation.add",
        span=_selector(corrected, span),
        accuser=_name(accuser, "accuser"),
        accused=_name(accused, "accused"),
        claim=clean_line(claim).strip(),
    )


# -- labels -----------------------------------------------------------------------------


def short(text: str) -> str:
    """A quote as a label shows it: on one line, cut at a word near LABEL_QUOTE."""
    line = " ".join(text.split())
    if len(line) <= LABEL_QUOTE:
        return f"“{line}”"
    cut = line[:LABEL_QUOTE].rsplit(" ", 1)[0] or line[:LABEL_QUOTE]
    return f"“{cut}…”"


def parties(accuser: str, accused: str) -> str:
    return f"{accuser} → {accused}"


def label(fix: Fix) -> str:
    """What the fix does, in the words of the palette: `Rename speaker: Kamal → Mustafa Kamal`."""
    target = fix.target
    if isinstance(target, SpeakerRef):
        who = target.name
        if fix.action == "speaker.edit":
            if fix.name is not None and fix.role is fix.anonymous is None:
                return f"Rename speaker: {who} → {fix.name}"
            if fix.role is not None and fix.name is fix.anonymous is None:
                return f"Change role: {who} → {fix.role or '(none)'}"
            if fix.anonymous is not None and fix.name is fix.role is None:
                return f"Mark {'anonymous' if fix.anonymous else 'named'}: {who}"
            return f"Edit speaker: {who}"
        if fix.action == "speaker.merge" and fix.speaker is not None:
            return f"Merge speaker: {who} into {fix.speaker.name}"
        return f"{_verb(fix)} speaker: {who}"
    if isinstance(target, QuoteRef):
        quote = short(target.selector.exact)
        if fix.action == "quote.reassign" and fix.speaker is not None:
            return f"Reassign quote: {quote} to {fix.speaker.name}"
        if fix.action == "quote.replace" and fix.span is not None:
            return f"Replace quote: {quote} with {short(fix.span.exact)}"
        return f"{_verb(fix)} quote: {quote}"
    if isinstance(target, AllegationRef):
        who = parties(target.accuser, target.accused)
        if fix.action == "allegation.replace":
            return f"Replace evidence: {who}"
        return f"{_verb(fix)} allegation: {who}"
    assert fix.span is not None
    if fix.action == "quote.add" and fix.speaker is not None:
        return f"Add quote: {short(fix.span.exact)} to {fix.speaker.name}"
    return f"Add allegation: {parties(fix.accuser or '', fix.accused or '')}"


def restore_label(removed: Removed) -> str:
    """`Restore speaker: NAME`, `Restore quote: “…” (NAME)`, `Restore allegation: A → B`."""
    item = removed.item
    if isinstance(item, Speaker):
        return f"Restore speaker: {item.name}"
    if isinstance(item, Quote):
        return f"Restore quote: {short(item.text)} ({removed.owner})"
    return f"Restore allegation: {parties(item.accuser, item.accused)}"


def _verb(fix: Fix) -> str:
    return {"edit": "Edit", "remove": "Remove", "confirm": "Confirm"}.get(
        fix.action.split(".")[1], fix.action
    )


__all__ = [
    "add_allegation",
    "add_quote",
    "confirm_allegation",
    "confirm_quote",
    "confirm_speaker",
    "edit_allegation",
    "edit_speaker",
    "label",
    "merge_speaker",
    "reassign_quote",
    "remove_allegation",
    "remove_quote",
    "remove_speaker",
    "rename_speaker",
    "replace_evidence",
    "replace_quote",
    "restore_label",
]
