"""More allegation rules, each on a sentence of our own: who is (and is not) the accused."""

from __future__ import annotations

from readerapp.core.analysis import analyze
from readerapp.core.analysis.lexicon.places import is_place_name
from readerapp.core.article import parse_article


def allegation(text: str) -> tuple[str, str] | None:
    article = parse_article("Headline\n\n" + text)
    found = analyze(article).allegations
    return (found[0].accuser, found[0].accused) if found else None


def test_countries_states_and_state_abbreviations_are_places() -> None:
    assert is_place_name("the Netherlands") and is_place_name("Ohio")
    assert is_place_name("Tenn.") and is_place_name("R")
    assert not is_place_name("Ada Voss")


def test_a_country_named_in_passing_is_not_the_accused() -> None:
    found = allegation(
        'Ada Voss said: "The smuggling rings are being run via Portugal and Belgium."'
    )
    assert found is not None and found[1] not in ("Portugal", "Belgium")


def test_a_party_tag_state_is_not_the_accused() -> None:
    found = allegation(
        "The complaint filed by Ada Voss against Sen. Ben Ilic, R-Ohio, alleges a series "
        "of violations."
    )
    assert found is not None and found[1] not in ("Ohio", "R")


def test_the_person_after_an_organisation_and_role_is_the_accused() -> None:
    found = allegation("Harbourline founder Ben Ilic was the subject of a federal investigation.")
    assert found == ("federal investigators", "Ben Ilic")


def test_a_name_set_off_by_commas_before_the_verb_is_the_accused() -> None:
    found = allegation(
        "A former clerk said the Marlow Trust’s head of planning, Ben Ilic, told staff not to "
        "disclose the breach of its servers."
    )
    assert found is not None and found[1] == "Ben Ilic"


def test_a_pronoun_accused_in_the_passive_is_the_person_it_agrees_with() -> None:
    text = (
        "Ben Ilic, 41, was arrested on Monday. The Marlow police said he was suspected of "
        "forging the permits."
    )
    article = parse_article("Headline\n\n" + text)
    found = [a for a in analyze(article).allegations if "forging" in a.evidence]
    assert found and found[0].accused == "Ben Ilic"


def test_an_unattributed_passive_accusation_is_the_last_speakers() -> None:
    text = (
        "Ben Ilic, 41, has been charged with arson, the Marlow Police said in a statement "
        "on Friday.\n\nHe is also accused of stealing a van from a yard."
    )
    article = parse_article("Headline\n\n" + text)
    found = [a for a in analyze(article).allegations if "van" in a.evidence]
    assert found and (found[0].accuser, found[0].accused) == ("Marlow Police", "Ben Ilic")


def test_a_possessive_claim_names_its_maker_as_the_accuser() -> None:
    found = allegation(
        "Few voters shared Ada Voss's bitter charge that Mayor Ben Ilic lied about the budget."
    )
    assert found == ("Ada Voss", "Ben Ilic")


def test_a_lawsuit_filed_by_someone_alleges_through_its_filer() -> None:
    found = allegation(
        "Mayor Ben Ilic's office dismissed as baseless a lawsuit filed by Ada Voss alleging "
        "that the mayor broke procurement rules."
    )
    assert found is not None and found[0] == "Ada Voss"


def test_whoever_found_that_accuses_the_subject_of_the_finding() -> None:
    found = allegation(
        "The clinic was closed on Friday after auditors found that Ben Ilic had concealed "
        "the missing funds."
    )
    assert found == ("auditors", "Ben Ilic")


def test_it_also_found_means_the_finder_named_before() -> None:
    text = (
        "The Harbour Safety Board found that Marlow Ferries had ignored two warnings. "
        "It also found that the logbooks had been forged."
    )
    article = parse_article("Headline\n\n" + text)
    found = [a for a in analyze(article).allegations if "logbooks" in a.evidence]
    assert found and found[0].accuser == "Harbour Safety Board"


def test_penalties_that_could_fall_on_anyone_and_mutual_insults_accuse_nobody() -> None:
    assert allegation("Landlords who break the code can be fined up to 5,000 pounds.") is None
    assert allegation("The two councillors traded accusations of dishonesty all evening.") is None
    assert allegation('"They just called each other liars," said Ada Voss.') is None


def test_blame_laid_on_a_thing_accuses_nobody() -> None:
    assert allegation("Ben Ilic blamed a faulty valve for the flooding.") is None
    assert allegation("Ada Voss blamed the mayor for hiding the survey.") is not None


def test_what_should_happen_and_allegations_pointed_back_at_accuse_nobody() -> None:
    assert allegation("Ada Voss said reckless landlords should be banned from letting.") is None
    assert allegation("The bribery allegations dominated the council meeting.") is None
    assert allegation("Say so, and the tabloids will brand you a liar.") is None


def test_the_earlier_wrongdoing_word_and_a_family_name_decide_the_accused() -> None:
    text = (
        "Ada Voss spoke about Tom Harlow and his wife.\n\n"
        '"There is evidence that, unlike Ben Ilic, the Harlows cheated on the tender, '
        'and in two counties there were charges of fraud," Ada Voss said.'
    )
    article = parse_article("Headline\n\n" + text)
    found = [a for a in analyze(article).allegations if "Harlows" in a.evidence]
    assert found and "Harlows" in found[0].accused


def test_a_wrongdoing_word_inside_the_subject_accuses_that_subject() -> None:
    found = allegation(
        "The Marlow Trust now accepts that several corrupt trustees used the charity for "
        "their own ends."
    )
    assert found is not None and "trustees" in found[1]


def test_a_crime_named_as_an_event_accuses_nobody() -> None:
    assert allegation("After the brutal murder of a ferryman, Ada Voss visited Marlow.") is None
    assert allegation("After the murder of a ferryman, Ada Voss said Ben Ilic lied.") is not None
