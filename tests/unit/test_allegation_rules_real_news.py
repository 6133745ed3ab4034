"""Allegation rules found on real news, each on sentences of our own writing."""

from __future__ import annotations

import pytest

from readerapp.core.analysis import analyze
from readerapp.core.analysis.allegations import trigger_words
from readerapp.core.analysis.model import Allegation
from readerapp.core.article import parse_article


def allegations(text: str) -> list[Allegation]:
    return list(analyze(parse_article("Headline\n\n" + text)).allegations)


def parties(text: str) -> list[tuple[str, str]]:
    return [(a.accuser, a.accused) for a in allegations(text)]


@pytest.mark.parametrize(
    "phrase",
    [
        "is a con artist",
        "was bilking pensioners",
        "had railroaded him",
        "was dishonest",
        "is a serial liar",
        "a witch hunt",
        "repeated falsehoods",
        "untrustworthy",
        "swindled investors",
        "manipulated the figures",
        "evaded taxes",
        "personal indiscretions",
        "extremely careless",
        "not been truthful",
        "told not to disclose",
        "exposed classified files",
        "told outright lies",
    ],
)
def test_every_word_the_patterns_use_passes_the_prefilter(phrase: str) -> None:
    text = f"Ada Voss {phrase}."
    assert trigger_words(text, 0, len(text)), phrase


def test_a_letter_calling_someone_a_con_artist_accuses_him() -> None:
    found = allegations("Ben Ilic is such a con artist that nobody should trust him.")
    assert found and found[0].accused == "Ben Ilic"


def test_the_accusers_next_quote_about_the_deed_goes_on_with_the_allegation() -> None:
    text = (
        "Ada Voss accused the Marlow Trust of hiding the leak from tenants. "
        '"They knew for weeks, and they waited," she said.'
    )
    found = [a for a in allegations(text) if "waited" in a.evidence]
    assert found and (found[0].accuser, found[0].accused) == ("Ada Voss", "Marlow Trust")


def test_the_accusers_next_question_wish_or_own_side_is_no_allegation() -> None:
    text = (
        "Ada Voss accused the Marlow Trust of hiding the leak from tenants. "
        '"Why did nobody ask?" she said. "We asked them twice," she added. '
        '"If they lied, they should go."'
    )
    assert len(allegations(text)) == 1


def test_on_a_letters_page_each_writer_who_signs_below_accuses() -> None:
    text = (
        "Ben Ilic has run the council for ten years, and he cheated the voters every one "
        "of them.\n\nAda Voss.\n\nHalden\n\nThe mayor is a fraud and everyone in the town "
        "knows it.\n\nTomas Weir.\n\nLower Marsh"
    )
    assert [a.accuser for a in allegations(text)] == [
        "Ada Voss (letter writer)",
        "Tomas Weir (letter writer)",
    ]


def test_a_subheading_over_a_section_is_no_letter_writer() -> None:
    text = (
        "Ben Ilic.\n\nIlic cheated the voters, critics say.\n\nAda Voss.\n\n"
        "Voss is a fraud, the paper wrote."
    )
    assert all("letter writer" not in a.accuser for a in allegations(text))


def test_another_speakers_quote_about_the_accused_goes_on_with_the_allegation() -> None:
    text = (
        "Tenants accused the Marlow Trust of hiding a gas leak for a month.\n\n"
        '"They knew, and they kept quiet," said Tomas Weir, who lives on the third floor.'
    )
    found = [a for a in allegations(text) if "kept quiet" in a.evidence]
    assert found and found[0].accuser == "Tomas Weir"


def test_another_speakers_denial_or_aside_does_not_go_on_with_it() -> None:
    text = (
        "Tenants accused the Marlow Trust of hiding a gas leak for a month.\n\n"
        '"That was not a cover story," said Tomas Weir, a spokesman. '
        '"Residents waited three years for a new boiler," said Ada Voss.'
    )
    assert len(allegations(text)) == 1


def test_a_second_finding_after_and_that_is_an_allegation_of_its_own() -> None:
    text = (
        "Auditors found that the Marlow Trust had overcharged tenants for repairs, and that "
        "its managers had destroyed the invoices."
    )
    found = allegations(text)
    assert len(found) == 2
    assert found[1].evidence.startswith("its managers had destroyed")


def test_a_claim_that_goes_on_with_and_that_stays_one_allegation() -> None:
    text = "Ada Voss said the Marlow Trust was a fraud, and that it cheated its tenants."
    assert len(allegations(text)) == 1


def test_a_described_accused_is_named_by_the_appositive_later_in_the_article() -> None:
    text = (
        "Fishermen blocked the harbour road on Monday, accusing its operator of dumping "
        "diesel in the bay.\n\nThe operator, Keswick Marine, said in a statement that the "
        "spill was small."
    )
    found = allegations(text)
    assert found and found[0].accused == "Keswick Marine"


def test_a_label_described_by_its_owner_is_the_label_named_before_its_noun() -> None:
    text = (
        "The singer Ada Voss has accused her former record label of releasing her demos "
        "without consent.\n\nThe songs appeared on Friday under the Halden Sound label."
    )
    found = allegations(text)
    assert found and found[0].accused == "Halden Sound"


def test_a_bare_the_company_is_the_organisation_the_article_names_most() -> None:
    text = (
        "Marlow Textiles Ltd has been accused of withholding wages. A union said in a letter "
        "that Marlow Textiles Ltd had stopped paying overtime.\n\nMarlow Textiles Ltd "
        "denied it.\n\nWorkers have accused the company of cheating them for months."
    )
    found = [a for a in allegations(text) if "cheating" in a.evidence]
    assert found and found[0].accused == "Marlow Textiles Ltd"


def test_a_sentence_that_names_nobody_goes_on_about_the_accused_just_before() -> None:
    text = (
        "Tenants accused Marlow Housing of hiding a gas leak that Ada Voss had reported. "
        "For months, every warning was ignored."
    )
    found = [a for a in allegations(text) if "ignored" in a.evidence]
    assert found and found[0].accused == "Marlow Housing"


def test_a_word_the_article_uses_as_an_adjective_is_not_the_accused() -> None:
    text = (
        "The Valdoran border was closed. Valdoran allegations of fraud against Ben Ilic "
        "grew after the vote."
    )
    found = [a for a in allegations(text) if "fraud" in a.evidence]
    assert found and found[0].accused == "Ben Ilic"


def test_a_lede_description_is_the_person_the_next_lines_introduce_with_an_age() -> None:
    text = (
        "A nurse allegedly stole painkillers from a care home for two years.\n\n"
        "Tomas Weir, 41, from Halden, is charged with theft."
    )
    found = allegations(text)
    assert found and found[0].accused == "Tomas Weir"


def test_a_place_based_company_is_the_organisation_the_article_names_most() -> None:
    text = (
        "Regulators fined Keswick Marine Ltd on Monday. Keswick Marine Ltd said it would "
        "appeal.\n\nThe regulator found that the Halden-based company had dumped diesel in "
        "the bay."
    )
    found = [a for a in allegations(text) if "dumped" in a.evidence]
    assert found and found[0].accused == "Keswick Marine Ltd"


def test_a_word_that_starts_like_the_is_no_denial_and_dismissed_for_is_no_denial() -> None:
    found = allegations("Ada Voss said the clerk had been dismissed for theft last year.")
    assert found and "theft" in found[0].claim
    assert not allegations("Ben Ilic dismissed the allegations of fraud as nonsense.")


def test_the_newspaper_is_the_organisation_named_most_by_any_of_its_forms() -> None:
    text = (
        "Ben Ilic is suing The Halden Post for libel.\n\nThe Post's lawyers said the "
        "story was true.\n\nIlic's barrister said the newspaper had relied on a source "
        "who had been sacked for fraud."
    )
    found = [a for a in allegations(text) if "relied" in a.evidence]
    assert found and found[0].accused == "Halden Post"


@pytest.mark.parametrize(
    "text",
    [
        "In the survey, 61 percent of voters say the mayor is not honest.",
        "Ada Voss was cycling home when a van that had been reported stolen hit her.",
        "Investigators said the intruders had used a password stolen from a contractor.",
    ],
)
def test_polls_and_stolen_things_accuse_nobody(text: str) -> None:
    assert allegations(text) == []


def test_a_thief_named_beside_the_stolen_thing_is_still_accused() -> None:
    found = allegations("Police said Ben Ilic stole a van that had been reported missing.")
    assert found and found[0].accused == "Ben Ilic"


def test_whom_a_wrongdoing_label_is_pinned_on_is_the_accused() -> None:
    text = (
        "Judge Ben Ilic ruled against the developer on Friday.\n\n"
        'Tomas Weir called the judge a "crook" who had "railroaded" his company.'
    )
    found = [a for a in allegations(text) if "railroaded" in a.evidence]
    assert found and (found[0].accuser, found[0].accused) == ("Tomas Weir", "Ben Ilic")


def test_a_wrongdoing_word_after_but_stands_when_the_first_cue_is_negated() -> None:
    text = (
        "The inspector found no evidence of fraud at the depot, but she called its "
        "managers dishonest."
    )
    assert allegations(text)
    assert not allegations("The inspector found no evidence of fraud at the depot.")


def test_not_thinking_someone_truthful_accuses_them_of_dishonesty() -> None:
    found = allegations(
        "\"I just don't think he's been completely truthful about the loans,\" said Ada Voss."
    )
    assert found and found[0].accuser == "Ada Voss"


def test_a_described_accuser_takes_the_name_written_beside_its_noun() -> None:
    text = (
        "The manager of the singer Ada Voss has accused the Marlow label of stealing her "
        "royalties.\n\nHer manager, Tomas Weir, said the tour would go ahead."
    )
    found = [a for a in allegations(text) if "royalties" in a.evidence]
    assert found and found[0].accuser == "Tomas Weir"


def test_a_described_accuser_named_with_named_is_that_person() -> None:
    text = (
        "A lawsuit was filed on Monday by a former clerk named Tomas Weir.\n\nThe suit, "
        "filed by a sacked clerk, alleges that Mayor Ben Ilic broke the law."
    )
    found = [a for a in allegations(text) if "broke the law" in a.evidence]
    assert found and found[0].accuser == "Tomas Weir"


def test_an_editors_note_accuses_in_the_editors_voice() -> None:
    text = "Ada Voss spoke in Halden.\n\nEditor's note: Ben Ilic is a serial liar."
    found = allegations(text)
    assert found and found[0].accuser == "the editors (editor's note)"


def test_a_long_word_ending_like_an_adjective_is_never_the_accused() -> None:
    found = allegations("Ada Voss said Valdoric officials had stolen the funds.")
    assert found and found[0].accused != "Valdoric"


def test_a_follow_up_quote_must_speak_of_the_accused_or_tell_of_a_hidden_deed() -> None:
    text = (
        "Ada Voss accused the Marlow Trust of hiding the leak from tenants. "
        '"This was the moment the town changed," she said. "Tenants were never told," '
        "she added."
    )
    found = allegations(text)
    assert [a.evidence for a in found[1:]] == ["Tenants were never told"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor steered a public contract to his brother's firm.",
        "The director hid the losses from the board for a year.",
        "Those meetings broke the council's standing orders.",
        "The minister was not telling the truth about the loans.",
    ],
)
def test_plain_words_for_corruption_concealment_and_lies_accuse(sentence: str) -> None:
    assert allegations(f"Ben Ilic spoke on Monday. {sentence}")


def test_a_fine_in_the_passive_accuses_its_subject_and_the_source_accuses() -> None:
    found = allegations(
        "Keswick Marine has been fined twice for dumping diesel in the bay, according to "
        "court records."
    )
    assert found and (found[0].accuser, found[0].accused) == ("court records", "Keswick Marine")


def test_a_wrongdoing_word_after_the_speakers_closed_quote_is_the_authors() -> None:
    text = 'When the mayor told reporters that "nothing has changed," he was not telling the truth.'
    found = allegations(text)
    assert found and found[0].accuser == "the author"


@pytest.mark.parametrize(
    "sentence",
    [
        "The firm cut the early sailings without asking the council, as its contract requires.",
        "Councillor Ada Voss said the operator had ignored three requests for a meeting.",
    ],
)
def test_a_broken_requirement_and_ignored_requests_accuse(sentence: str) -> None:
    assert allegations(sentence)


def test_the_operator_is_the_name_that_follows_its_noun_in_the_lede() -> None:
    text = (
        "Islanders are angry with the ferry operator Keswick Lines after a fare rise.\n\n"
        "The regional authority said it would look at the figures.\n\n"
        "Ada Voss said the operator had ignored three requests for a meeting."
    )
    found = [a for a in allegations(text) if "ignored" in a.evidence]
    assert found and found[0].accused == "Keswick Lines"


def test_a_description_with_its_own_modifier_is_not_named_by_another() -> None:
    text = (
        "Two men were arrested on Friday. Police said the older man, Ben Ilic, would appear "
        "in court.\n\nPolice have accused the younger man of stealing a van in March."
    )
    found = [a for a in allegations(text) if "stealing" in a.evidence]
    assert found and found[0].accused != "Ben Ilic"
