"""Corrections of the analysis, applied: every kind, undo, a new analyzer, an edited article."""

from __future__ import annotations

import pytest

from correction_story import ACCUSATION, REF, TEXT, Log, by_name, machine, new_analyzer, span
from readerapp.core.analysis.model import analysis_to_json
from readerapp.core.analysis.scoring import score
from readerapp.core.corrections import apply, fixes
from readerapp.core.corrections.matching import AMBIGUOUS, GONE


def corrected(log: Log, text: str = TEXT, analysis=None):
    return apply(analysis if analysis is not None else machine(text), log.corrections, text)


def statuses(result) -> dict[str, str]:
    return {s.name: s.status for s in result.analysis.speakers}


def test_without_corrections_the_analysis_is_the_machines():
    result = apply(machine(), [], TEXT)
    assert result.analysis == machine()
    assert set(statuses(result).values()) == {"machine"}
    assert result.removed == () and result.orphans == ()


# -- speakers ----------------------------------------------------------------------------


def test_a_rename_changes_the_speaker_and_the_allegations_that_name_it():
    log = Log()
    base = corrected(log)
    log.add(fixes.rename_speaker(base, by_name(base.analysis, "Tom Bell"), "Thomas Bell"))
    result = corrected(log)
    assert statuses(result) == {
        "Ana Ruiz": "machine",
        "Thomas Bell": "edited",
        "a city spokesperson": "machine",
    }
    (accusation,) = result.analysis.allegations
    assert accusation.accuser == "Thomas Bell" and accusation.status == "machine"


def test_role_and_anonymity_are_corrected_alone():
    log = Log()
    base = corrected(log)
    spokesperson = by_name(base.analysis, "a city spokesperson")
    log.add(fixes.edit_speaker(base, spokesperson, role="city hall press officer"))
    log.add(
        fixes.edit_speaker(
            corrected(log), by_name(corrected(log).analysis, "Tom Bell"), anonymous=True
        )
    )
    result = corrected(log)
    changed = by_name(result.analysis, "a city spokesperson")
    assert (changed.role, changed.anonymous, changed.status) == (
        "city hall press officer",
        True,
        "edited",
    )
    assert by_name(result.analysis, "Tom Bell").anonymous is True


def test_a_merge_joins_names_and_quotes_and_keeps_the_merged_speaker_aside():
    log = Log()
    base = corrected(log)
    into = by_name(base.analysis, "Ana Ruiz")
    log.add(fixes.merge_speaker(base, by_name(base.analysis, "a city spokesperson"), into))
    result = corrected(log)
    ruiz = by_name(result.analysis, "Ana Ruiz")
    assert ruiz.aliases == ("Ruiz", "a city spokesperson") and ruiz.status == "edited"
    assert [q.text for q in ruiz.quotes] == [
        "will balance by spring",
        "We have no deficit,",
        "baseless and late",
    ]
    assert "a city spokesperson" not in statuses(result)
    (aside,) = result.removed
    assert (aside.kind, aside.reason) == ("speaker", "merged into Ana Ruiz")


def test_a_removed_speaker_leaves_with_its_quotes_and_comes_back_when_withdrawn():
    log = Log()
    base = corrected(log)
    removal = log.add(fixes.remove_speaker(base, by_name(base.analysis, "a city spokesperson")))
    result = corrected(log)
    assert "a city spokesperson" not in statuses(result)
    (aside,) = result.removed
    assert aside.kind == "speaker" and aside.correction_ids == (removal.id,)
    assert [q.text for q in aside.item.quotes] == ["baseless and late"]  # type: ignore[union-attr]
    log.withdraw(removal)  # undo, or "restore" in the sidebar
    assert corrected(log).analysis == machine()


def test_confirmed_then_edited_says_edited():
    log = Log()
    base = corrected(log)
    log.add(fixes.confirm_speaker(base, by_name(base.analysis, "Tom Bell")))
    assert statuses(corrected(log))["Tom Bell"] == "confirmed"
    assert (
        fixes.confirm_speaker(corrected(log), by_name(corrected(log).analysis, "Tom Bell")) is None
    )
    now = corrected(log)
    log.add(fixes.edit_speaker(now, by_name(now.analysis, "Tom Bell"), role="city councillor"))
    assert statuses(corrected(log))["Tom Bell"] == "edited"


def test_fixes_that_change_nothing_are_none_and_empty_names_are_refused():
    base = corrected(Log())
    ruiz = by_name(base.analysis, "Ana Ruiz")
    assert fixes.rename_speaker(base, ruiz, "  Ana Ruiz ") is None
    assert fixes.edit_speaker(base, ruiz, role="mayor", anonymous=False) is None
    assert fixes.merge_speaker(base, ruiz, ruiz) is None
    with pytest.raises(ValueError, match="cannot be empty"):
        fixes.rename_speaker(base, ruiz, " \x1b[2J ")


# -- quotes ------------------------------------------------------------------------------


def test_a_quote_goes_to_another_speaker_or_to_a_new_one():
    log = Log()
    base = corrected(log)
    ruiz = by_name(base.analysis, "Ana Ruiz")
    log.add(fixes.reassign_quote(base, ruiz.quotes[1], by_name(base.analysis, "Tom Bell")))
    now = corrected(log)
    bell = by_name(now.analysis, "Tom Bell")
    assert [(q.text, q.status) for q in bell.quotes] == [
        ("We have no deficit,", "edited"),
        ("The audit was buried,", "machine"),
    ]
    log.add(fixes.reassign_quote(now, bell.quotes[1], "Deputy Mayor Lee"))
    now = corrected(log)
    lee = by_name(now.analysis, "Deputy Mayor Lee")
    assert lee.status == "added" and [q.text for q in lee.quotes] == ["The audit was buried,"]
    # a typed name that is a speaker's (or its alias) joins that speaker, whatever its case
    assert fixes.add_quote(now, span(TEXT, "the budget"), "ruiz").speaker == now.speaker_ref(
        by_name(now.analysis, "Ana Ruiz")
    )
    assert fixes.reassign_quote(now, lee.quotes[0], "tom bell").speaker == now.speaker_ref(  # type: ignore[union-attr]
        by_name(now.analysis, "Tom Bell")
    )


def test_a_speaker_whose_every_quote_went_elsewhere_is_not_listed():
    log = Log()
    base = corrected(log)
    spokesperson = by_name(base.analysis, "a city spokesperson")
    log.add(fixes.reassign_quote(base, spokesperson.quotes[0], "Press Office"))
    assert "a city spokesperson" not in statuses(corrected(log))
    assert statuses(corrected(log))["Press Office"] == "added"


def test_a_quote_is_removed_replaced_confirmed_and_added():
    log = Log()
    base = corrected(log)
    ruiz = by_name(base.analysis, "Ana Ruiz")
    removal = log.add(fixes.remove_quote(base, ruiz.quotes[1]))
    now = corrected(log)
    assert [q.text for q in by_name(now.analysis, "Ana Ruiz").quotes] == ["will balance by spring"]
    (aside,) = now.removed
    assert (aside.kind, aside.owner, aside.correction_ids) == ("quote", "Ana Ruiz", (removal.id,))
    bell_quote = by_name(now.analysis, "Tom Bell").quotes[0]
    log.add(fixes.replace_quote(now, bell_quote, span(TEXT, "The audit was buried")))
    log.add(
        fixes.confirm_quote(corrected(log), by_name(corrected(log).analysis, "Ana Ruiz").quotes[0])
    )
    added = span(TEXT, "called the claims")
    log.add(fixes.add_quote(corrected(log), added, "Ana Ruiz", direct=False))
    result = corrected(log)
    assert [(q.text, q.status, q.direct) for q in by_name(result.analysis, "Ana Ruiz").quotes] == [
        ("will balance by spring", "confirmed", True),
        ("called the claims", "added", False),
    ]
    assert [(q.text, q.status) for q in by_name(result.analysis, "Tom Bell").quotes] == [
        ("The audit was buried", "edited")
    ]


def test_adding_a_passage_the_machine_found_moves_it_instead_of_doubling_it():
    log = Log()
    base = corrected(log)
    log.add(
        fixes.add_quote(base, span(TEXT, "baseless and late"), by_name(base.analysis, "Tom Bell"))
    )
    result = corrected(log)
    every = [q.text for s in result.analysis.speakers for q in s.quotes]
    assert every.count("baseless and late") == 1
    assert [q.status for q in by_name(result.analysis, "Tom Bell").quotes] == ["machine", "added"]


# -- allegations -------------------------------------------------------------------------


def test_an_allegation_is_edited_replaced_removed_confirmed_and_added():
    log = Log()
    base = corrected(log)
    (accusation,) = base.analysis.allegations
    log.add(fixes.edit_allegation(base, accusation, claim="burying the audit", accused="the mayor"))
    now = corrected(log)
    (edited,) = now.analysis.allegations
    assert (edited.accuser, edited.accused, edited.claim, edited.status) == (
        "Tom Bell",
        "the mayor",
        "burying the audit",
        "edited",
    )
    log.add(
        fixes.replace_evidence(now, edited, span(TEXT, "accused the mayor of hiding the audit"))
    )
    (replaced,) = corrected(log).analysis.allegations
    assert replaced.evidence == "accused the mayor of hiding the audit"
    evidence = span(TEXT, 'called the claims "baseless and late"')
    log.add(
        fixes.add_allegation(
            corrected(log),
            evidence,
            accuser="a city spokesperson",
            accused="Tom Bell",
            claim="making baseless claims",
        )
    )
    added = corrected(log).analysis.allegations[1]
    assert (added.accused, added.status, added.evidence) == (
        "Tom Bell",
        "added",
        TEXT[slice(*evidence)],
    )
    assert fixes.confirm_allegation(corrected(log), added) is None  # the user's own: "added"
    removal = log.add(
        fixes.remove_allegation(corrected(log), corrected(log).analysis.allegations[0])
    )
    result = corrected(log)
    assert [a.status for a in result.analysis.allegations] == ["added"]
    assert [r.correction_ids for r in result.removed] == [(removal.id,)]


def test_an_allegation_is_confirmed():
    log = Log()
    base = corrected(log)
    log.add(fixes.confirm_allegation(base, base.analysis.allegations[0]))
    assert corrected(log).analysis.allegations[0].status == "confirmed"


# -- order and undo ----------------------------------------------------------------------


def test_the_later_of_two_renames_wins_and_withdrawing_it_brings_back_the_earlier():
    log = Log()
    base = corrected(log)
    log.add(fixes.rename_speaker(base, by_name(base.analysis, "Tom Bell"), "T. Bell"))
    now = corrected(log)
    later = log.add(fixes.rename_speaker(now, by_name(now.analysis, "T. Bell"), "Thomas Bell"))
    assert "Thomas Bell" in statuses(corrected(log))
    log.withdraw(later)
    assert "T. Bell" in statuses(corrected(log))
    log.restore(later)  # redo
    assert "Thomas Bell" in statuses(corrected(log))


# -- a new analyzer ----------------------------------------------------------------------


def test_corrections_follow_their_items_into_a_new_analyzers_result():
    log = Log()
    base = corrected(log)
    ruiz = by_name(base.analysis, "Ana Ruiz")
    log.add(fixes.rename_speaker(base, ruiz, "Ana María Ruiz"))
    log.add(
        fixes.remove_quote(
            corrected(log), by_name(corrected(log).analysis, "Ana María Ruiz").quotes[1]
        )
    )
    log.add(fixes.add_quote(corrected(log), span(TEXT, "called the claims"), "Press Office"))
    log.add(fixes.confirm_allegation(corrected(log), corrected(log).analysis.allegations[0]))
    spokesperson = by_name(corrected(log).analysis, "a city spokesperson")
    lost = log.add(fixes.edit_speaker(corrected(log), spokesperson, role="press officer"))

    result = apply(new_analyzer(), log.corrections, TEXT)
    names = statuses(result)
    assert names == {"Tom Bell": "machine", "Ana María Ruiz": "edited", "Press Office": "added"}
    mayor = by_name(result.analysis, "Ana María Ruiz")
    assert [q.text for q in mayor.quotes] == ["will balance by spring"]  # the removal holds
    assert [r.item.text for r in result.removed] == ['"We have no deficit,"']  # type: ignore[union-attr]
    orphaned = {o.correction.id: o.reason for o in result.orphans}
    assert orphaned[lost.id] == "the analysis no longer finds this speaker"
    confirm = next(o for o in result.orphans if o.correction.fix.action == "allegation.confirm")
    assert "differently since it was confirmed" in confirm.reason  # the claim changed
    assert len(result.orphans) == 2
    assert apply(new_analyzer(), log.corrections, TEXT) == result  # the same every time


def test_a_speaker_is_known_by_its_quotes_when_every_name_changed():
    log = Log()
    base = corrected(log)
    log.add(
        fixes.edit_speaker(base, by_name(base.analysis, "Tom Bell"), role="opposition councillor")
    )
    renamed = machine()
    bell = replace_speaker(renamed, "Tom Bell", name="Councillor Bell", aliases=())
    result = apply(bell, log.corrections, TEXT)
    assert by_name(result.analysis, "Councillor Bell").role == "opposition councillor"


def test_two_equally_good_matches_orphan_the_correction():
    log = Log()
    base = corrected(log)
    log.add(
        fixes.edit_speaker(base, by_name(base.analysis, "Tom Bell"), role="opposition councillor")
    )
    two = machine()
    two = replace_speaker(two, "Tom Bell", name="T. Bell", aliases=("Bell",), quotes=())
    twin = replace_speaker(machine(), "Ana Ruiz", name="Bell Junior", aliases=("Bell",), quotes=())
    confusing = type(two)(two.speakers + (by_name(twin, "Bell Junior"),), two.allegations)
    (orphan,) = apply(confusing, log.corrections, TEXT).orphans
    assert orphan.reason == AMBIGUOUS


def replace_speaker(analysis, who, **changes):
    from dataclasses import replace

    speakers = tuple(replace(s, **changes) if s.name == who else s for s in analysis.speakers)
    return replace(analysis, speakers=speakers)


# -- an edited article -------------------------------------------------------------------


def test_corrections_reanchor_in_an_edited_article_and_orphan_what_was_cut():
    log = Log()
    base = corrected(log)
    log.add(fixes.remove_quote(base, by_name(base.analysis, "Tom Bell").quotes[0]))
    log.add(fixes.add_quote(corrected(log), span(TEXT, "hiding the audit"), "Tom Bell"))
    spokesperson = by_name(corrected(log).analysis, "a city spokesperson")
    cut = log.add(fixes.remove_quote(corrected(log), spokesperson.quotes[0]))
    # a paragraph added at the top, the spokesperson's paragraph cut
    edited = "Updated at noon.\n\n" + TEXT.split("\n\nA city spokesperson")[0]
    result = apply(machine(edited), log.corrections, edited)
    bell = by_name(result.analysis, "Tom Bell")
    assert [(q.text, q.status) for q in bell.quotes] == [("hiding the audit", "added")]
    assert bell.quotes[0].start == edited.index("hiding the audit")
    (orphan,) = result.orphans
    assert orphan.correction.id == cut.id and orphan.reason == GONE


# -- what the rest of readerapp reads ------------------------------------------------------


def test_the_corrected_json_is_a_gold_file_with_statuses():
    log = Log()
    base = corrected(log)
    log.add(fixes.remove_allegation(base, base.analysis.allegations[0]))
    log.add(
        fixes.rename_speaker(
            corrected(log), by_name(corrected(log).analysis, "Tom Bell"), "Thomas Bell"
        )
    )

    class Article:
        path, title, date, standfirst = None, REF.title, None, ""

    gold = analysis_to_json(Article(), corrected(log).analysis)
    assert [s["status"] for s in gold["speakers"]] == ["machine", "edited", "machine"]
    assert gold["speakers"][0]["quote_statuses"] == ["machine", "machine"]
    assert gold["allegations"] == []
    perfect = score(gold, gold)
    assert (perfect.speakers.f1, perfect.quotes.f1) == (1.0, 1.0)
    against_machine = score(analysis_to_json(Article(), machine()), gold)
    assert against_machine.allegations.precision == 0.0  # the machine's one is not in the gold


def test_the_item_a_fix_names_must_be_in_the_analysis_shown():
    base = corrected(Log())
    stranger = by_name(new_analyzer(), "Ruiz")
    with pytest.raises(ValueError, match="not in this analysis"):
        fixes.remove_speaker(base, stranger)
    assert ACCUSATION in TEXT
