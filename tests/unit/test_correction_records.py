"""Correction records: every kind survives the database and an export; bad ones name the place."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from correction_story import REF, TEXT, Log, by_name, machine, span
from readerapp.core.annotation import TextSelector
from readerapp.core.corrections import apply, fixes
from readerapp.core.corrections.palette import commands, fix_for
from readerapp.core.corrections.record import (
    AllegationRef,
    Correction,
    Fix,
    QuoteRef,
    RecordError,
    SpeakerRef,
    from_record,
    read_correction,
    to_record,
)
from readerapp.core.safe_text import clean_line


def every_kind() -> list[Correction]:
    """One correction of each action, made on the story's analysis."""
    log = Log()
    base = apply(machine(), [], TEXT)
    ruiz, bell = by_name(base.analysis, "Ana Ruiz"), by_name(base.analysis, "Tom Bell")
    (accusation,) = base.analysis.allegations
    for fix in (
        fixes.edit_speaker(
            base, ruiz, name="Ana M. Ruiz", role="mayor of the city", anonymous=True
        ),
        fixes.merge_speaker(base, bell, ruiz),
        fixes.remove_speaker(base, bell),
        fixes.confirm_speaker(base, ruiz),
        fixes.reassign_quote(base, ruiz.quotes[0], "Someone Else"),
        fixes.replace_quote(base, ruiz.quotes[0], span(TEXT, "the budget")),
        fixes.remove_quote(base, ruiz.quotes[1]),
        fixes.confirm_quote(base, bell.quotes[0]),
        fixes.add_quote(base, span(TEXT, "accused the mayor"), bell, direct=False),
        fixes.edit_allegation(base, accusation, accuser="Bell", accused="Ruiz", claim="a cover-up"),
        fixes.replace_evidence(base, accusation, span(TEXT, "hiding the audit")),
        fixes.remove_allegation(base, accusation),
        fixes.confirm_allegation(base, accusation),
        fixes.add_allegation(
            base, span(TEXT, "baseless and late"), accuser="A", accused="B", claim="lateness"
        ),
    ):
        log.add(fix)
    return log.corrections


def test_every_kind_round_trips_through_its_record():
    made = every_kind()
    assert {c.fix.action for c in made} == {
        f"{kind}.{verb}"
        for kind, verbs in (
            ("speaker", ("edit", "merge", "remove", "confirm")),
            ("quote", ("reassign", "replace", "remove", "confirm", "add")),
            ("allegation", ("edit", "replace", "remove", "confirm", "add")),
        )
        for verb in verbs
    }
    for correction in made:
        assert from_record(to_record(correction)) == correction
        withdrawn = correction.flipped(True)
        assert from_record(to_record(withdrawn)) == withdrawn


def clean(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """Text as it enters readerapp (typed, or imported): already clean of controls."""
    text = st.text(
        st.characters(blacklist_categories=("Cs",)), min_size=min_size, max_size=max_size
    )
    return text.filter(lambda s: clean_line(s) == s and len(s) >= min_size)


@given(name=clean(1, 30), claim=clean(0, 40))
def test_names_and_claims_beyond_ascii_round_trip(name, claim):
    selector = TextSelector.from_text("“Quoted” — مرحبا 🙂 é", 0, 8)
    fix = Fix("allegation.add", span=selector, accuser=name, accused=name, claim=claim)
    correction = Correction("urn:uuid:x", REF, fix)
    assert from_record(to_record(correction)) == correction


def test_imported_text_is_cleaned_of_terminal_controls():
    record = to_record(every_kind()[0])
    record["name"] = "Ana\x1b]52;c;aGk=\x07 Ruiz"
    record["target"]["aliases"] = ["\x1b[2JRuiz"]
    read = from_record(record)
    assert read.fix.name == "Ana Ruiz" and read.fix.target.aliases == ("Ruiz",)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda r: r.pop("id"), "id: missing"),
        (lambda r: r.update(action="speaker.rename"), "action: unknown action"),
        (lambda r: r["target"].update(kind="paragraph"), "target.kind: expected speaker"),
        (
            lambda r: r["target"]["quotes"][0].update(start="3"),
            "target.quotes[0].start: expected int",
        ),
        (lambda r: r.update(name=""), "a speaker's name cannot be empty"),
        (lambda r: r.update(created="yesterday"), "created: expected an ISO 8601 timestamp"),
        (lambda r: r.update(revision=0), "revision: expected a positive integer"),
        (lambda r: r.update(name="x" * 100_001), "name: over 100,000 characters"),
    ],
)
def test_a_bad_record_names_the_place_of_the_problem(change, place):
    record = to_record(every_kind()[0])
    del record["article"]
    change(record)
    with pytest.raises(RecordError) as caught:
        read_correction(record, REF, "articles[0].corrections[2]")
    assert place in str(caught.value)
    assert str(caught.value).startswith("articles[0].corrections[2]")


def test_a_fix_without_what_its_action_needs_is_refused():
    selector = TextSelector.from_text(TEXT, 0, 5)
    with pytest.raises(ValueError, match="expected a speaker as its target"):
        Fix("speaker.remove", QuoteRef(selector))
    with pytest.raises(ValueError, match="expected the speaker it goes to"):
        Fix("quote.reassign", QuoteRef(selector))
    with pytest.raises(ValueError, match="expected accuser, accused and claim"):
        Fix("allegation.add", span=selector, accuser="A")
    with pytest.raises(ValueError, match="an add takes a span and no target"):
        Fix("quote.add", SpeakerRef("A"), speaker=SpeakerRef("A"))
    assert Fix("allegation.remove", AllegationRef(selector, "A", "B", "C"))


# -- labels and the palette ------------------------------------------------------------------


def test_labels_say_what_each_correction_does():
    labels = [fixes.label(c.fix) for c in every_kind()]
    assert labels[:4] == [
        "Edit speaker: Ana Ruiz",
        "Merge speaker: Tom Bell into Ana Ruiz",
        "Remove speaker: Tom Bell",
        "Confirm speaker: Ana Ruiz",
    ]
    assert labels[4] == "Reassign quote: “will balance by spring” to Someone Else"
    assert "Remove allegation: Tom Bell → Ana Ruiz" in labels
    assert labels[-1] == "Add allegation: A → B"


def test_the_palette_names_every_correction_of_what_is_shown():
    base = apply(machine(), [], TEXT)
    labels = [c.label for c in commands(base)]
    for expected in (
        "Rename speaker: Ana Ruiz",
        "Merge speaker: Tom Bell into Ana Ruiz",
        "Mark named: a city spokesperson",
        "Remove allegation: Tom Bell → Ana Ruiz",
        "Confirm quote: “The audit was buried,” (Tom Bell)",
    ):
        assert expected in labels
    assert "Add quote (selection)" not in labels
    selected = [c.label for c in commands(base, span(TEXT, "the budget"))]
    assert {"Add quote (selection)", "Add allegation (selection)"} <= set(selected)
    assert "Replace evidence with selection: Tom Bell → Ana Ruiz" in selected


def test_ready_commands_become_fixes_and_removed_items_can_be_restored():
    log = Log()
    base = apply(machine(), [], TEXT)
    merge = next(c for c in commands(base) if c.label == "Merge speaker: Tom Bell into Ana Ruiz")
    assert merge.ready
    log.add(fix_for(base, merge))
    now = apply(machine(), log.corrections, TEXT)
    (restore,) = [c for c in commands(now) if c.action == "restore"]
    assert restore.label == "Restore speaker: Tom Bell" and restore.removed is not None
    rename = next(c for c in commands(now) if c.action == "rename_speaker")
    assert not rename.ready
    with pytest.raises(ValueError, match="needs more"):
        fix_for(now, rename)
