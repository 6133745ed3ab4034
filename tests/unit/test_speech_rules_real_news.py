"""Speech rules seen on real news, each on a sentence of our own: who speaks, and what."""

from __future__ import annotations

from readerapp.core.analysis import analyze
from readerapp.core.analysis.model import Speaker
from readerapp.core.article import parse_article


def speakers(text: str) -> list[Speaker]:
    return list(analyze(parse_article("Headline\n\n" + text)).speakers)


def quotes_of(text: str, name: str) -> list[str]:
    """The quotes of the speaker whose name or an alias contains `name`."""
    for speaker in speakers(text):
        if name in speaker.name or any(name in alias for alias in speaker.aliases):
            return [quote.text for quote in speaker.quotes]
    return []


def test_a_clause_with_a_post_modifier_before_an_inverted_verb_is_what_was_said() -> None:
    found = quotes_of(
        "The cost of the new bridge has doubled since spring, said Ada Voss, a planner at "
        "the city council.",
        "Ada Voss",
    )
    assert found == ["The cost of the new bridge has doubled since spring"]


def test_the_subject_after_a_subordinator_speaks() -> None:
    found = speakers(
        "Farmers in the valley were angry after the regional governor suggested that the dam "
        "would be closed."
    )
    assert [s.name for s in found if s.quotes] == ["the regional governor"]


def test_a_subject_after_a_dash_speaks() -> None:
    found = quotes_of(
        "LISBON — Mayor Ines Varga said on Monday that the tram line would reopen in May.",
        "Ines Varga",
    )
    assert found == ["the tram line would reopen in May"]


def test_an_aside_between_dashes_is_skipped_to_the_subject() -> None:
    text = (
        'Tom Ebert - who once said he would "fight for every job" at the yard - said at a '
        "rally on Friday that the shipyard should stay open."
    )
    assert "the shipyard should stay open" in quotes_of(text, "Tom Ebert")


def test_a_relative_aside_that_reports_speech_ends_at_the_main_verb() -> None:
    found = quotes_of(
        "Lena Ortiz, who said last year that she would retire, said the club needs her.",
        "Lena Ortiz",
    )
    assert "the club needs her" in found
    assert not any("said the club" in quote for quote in found)


def test_a_quote_inside_the_subjects_appositive_does_not_hide_the_subject() -> None:
    text = (
        'Ada Voss, the author of "Quiet Harbours," about the fishing towns, said the '
        "trawler fleet had halved in ten years."
    )
    assert "the trawler fleet had halved in ten years" in quotes_of(text, "Ada Voss")


def test_an_advisers_object_is_no_reported_speech() -> None:
    text = (
        "Karl Bryn, an economist who advised the mayor on the budget, said the city could "
        "not afford the stadium."
    )
    assert quotes_of(text, "Karl Bryn") == ["the city could not afford the stadium"]


def test_a_days_possessive_opens_the_reported_clause() -> None:
    found = quotes_of("Nora Lind said Friday's vote had changed her mind.", "Nora Lind")
    assert found == ["Friday's vote had changed her mind"]


def test_a_sentence_opening_with_of_names_its_speaker_after_the_comma() -> None:
    text = (
        "Piet Vos praised Marta Keel. Of Keel, Vos, who has known her for years, said "
        "she would make a fine mayor."
    )
    found = speakers(text)
    assert [s.name for s in found if s.quotes] == ["Piet Vos"]


def test_who_after_a_home_town_and_state_is_the_person() -> None:
    text = (
        '"We came for the music," said Sam Okoro, a teacher from Dayton, Ohio, who said '
        "he had driven all night."
    )
    assert "he had driven all night" in quotes_of(text, "Sam Okoro")


def test_a_place_with_an_adjective_is_not_whom_a_later_description_means() -> None:
    text = (
        "Ivo Tann spoke to the council on Monday. His rivals doubt his support for a united "
        "Verona. Instead, the businessman has insisted that his plan will work."
    )
    assert "his plan will work" in quotes_of(text, "Ivo Tann")


def test_a_word_typed_twice_does_not_make_a_second_speaker() -> None:
    text = (
        "A council report said on Monday that the pier was unsafe. Repairs were delayed "
        "for years, according to the the council report."
    )
    found = [s for s in speakers(text) if s.quotes]
    assert len(found) == 1 and len(found[0].quotes) == 2


def test_an_abstract_noun_is_no_speaker() -> None:
    text = (
        "Ada Voss told the radio station that the ferry would run again. Her assumption, "
        "repeated at every meeting, was that the money would come."
    )
    assert [s.name for s in speakers(text) if s.quotes] == ["Ada Voss"]


def test_a_plural_noun_and_a_verb_are_a_clause_not_a_speaker() -> None:
    text = "The documents include reported losses and two unpaid loans."
    assert not [s for s in speakers(text) if s.quotes]


def test_a_base_form_after_a_modal_reports_speech() -> None:
    text = 'The hall was half empty, and a spokesman for Ada Voss could only quip: "More room."'
    found = speakers(text)
    assert [q.text for s in found for q in s.quotes] == ["More room."]


def test_a_quote_then_a_pronoun_and_an_auxiliary_before_the_verb() -> None:
    text = 'Mr. Tom Ebert introduced Ms. Ada Voss. "We will not cut the buses," she has said.'
    assert quotes_of(text, "Ada Voss") == ["We will not cut the buses"]


def test_a_quote_that_ends_its_sentence_leaves_the_next_verb_to_its_own_clause() -> None:
    text = (
        'Ada Voss opened the meeting. "The budget is tight." She added that the ferry '
        "would still run every hour."
    )
    assert "the ferry would still run every hour" in quotes_of(text, "Ada Voss")


def test_a_bare_party_letter_after_a_name() -> None:
    text = "Gov. Tom Ebert (R) said the bridge would open in May."
    assert quotes_of(text, "Tom Ebert") == ["the bridge would open in May"]


def test_an_age_description_is_the_person_in_focus() -> None:
    text = (
        'Ada Voss, a former nurse, spoke for ten minutes. "This town deserves a hospital," '
        "said the 58-year-old."
    )
    assert quotes_of(text, "the 58-year-old") == ["This town deserves a hospital"]
    assert [s.name for s in speakers(text)] == ["Ada Voss"]


def test_a_country_initialism_before_a_title_belongs_to_the_title() -> None:
    text = "U.S. Ambassador Karl Bryn said the talks would resume in June."
    found = [s for s in speakers(text) if s.quotes]
    assert [s.name for s in found] == ["Karl Bryn"]


def test_who_after_a_clause_that_ends_in_a_name_is_that_person() -> None:
    text = (
        "Meanwhile, the vote drew a sharp reply from Mayor Ada Voss, who called the result "
        '"a disgrace" for the city.'
    )
    found = [s for s in speakers(text) if s.quotes]
    assert [s.name for s in found] == ["Ada Voss"]


def test_an_unnamed_filer_is_the_organisation_later_named_as_filing_the_document() -> None:
    text = (
        "A consumer watchdog lodged a complaint on Monday against the Marlow ferry company, "
        "alleging that it had hidden safety reports.\n\n"
        "The complaint, lodged by the Fair Fares League, says the company ignored three "
        "warnings."
    )
    found = [s for s in speakers(text) if s.quotes]
    assert [s.name for s in found] == ["Fair Fares League"]
    assert len(found[0].quotes) == 2


def test_a_capitalised_verb_form_inside_a_name_is_no_cue() -> None:
    text = (
        "There are about two thousand fewer sailors in the United States than a decade ago, "
        "according to the Harbour Sailing League."
    )
    found = [s for s in speakers(text) if s.quotes]
    assert [s.name for s in found] == ["Harbour Sailing League"]
    assert len(found[0].quotes) == 1


def test_a_name_holding_a_capitalised_verb_form_speaks() -> None:
    text = "The count is slow, but the United States Ferry Project estimated that 90 boats sank."
    assert quotes_of(text, "Ferry Project") == ["90 boats sank"]


def test_this_with_a_verb_opens_the_reported_clause() -> None:
    text = "Supporters expect a recovery. Others say this is only a pause."
    found = [q.text for s in speakers(text) for q in s.quotes]
    assert found == ["this is only a pause"]


def test_a_document_filed_on_a_day_speaks() -> None:
    text = "A court document filed Thursday says that the ferry operator will not be charged."
    assert quotes_of(text, "court document") == ["the ferry operator will not be charged"]


def test_a_long_description_with_an_unlisted_head_speaks() -> None:
    text = (
        "Tom Ebert spoke in Leeds on Sunday. The retired deep sea trawlerman says the "
        "harbour needs a new wall."
    )
    assert quotes_of(text, "trawlerman") == ["the harbour needs a new wall"]


def test_a_court_order_speaks_for_the_judge_in_the_story() -> None:
    text = (
        "Judge Ada Voss heard the case in May. The order released Friday said the papers "
        "must be published by Thursday."
    )
    assert quotes_of(text, "Ada Voss") == ["the papers must be published by Thursday"]


def test_a_promise_reports_its_infinitive() -> None:
    text = "Mayor Ada Voss vowed last month to keep the night buses running."
    assert quotes_of(text, "Ada Voss") == ["to keep the night buses running"]


def test_an_inanimate_subject_that_threatens_makes_no_promise() -> None:
    text = "A storm off the coast threatened to close the harbour for a week."
    assert not [s for s in speakers(text) if s.quotes]


def test_according_to_a_source_then_a_whole_quote() -> None:
    text = 'According to the Harbour Gazette, "The mayor met the contractor twice in May."'
    assert quotes_of(text, "Harbour Gazette") == ["The mayor met the contractor twice in May."]


def test_a_title_with_of_before_a_name() -> None:
    text = '"We are glad to have you all here," said master of ceremonies Ada Voss.'
    assert quotes_of(text, "Ada Voss") == ["We are glad to have you all here"]


def test_saying_after_a_pronoun_subject_is_the_pronouns_person() -> None:
    text = (
        "Ada Voss lost the vote on Monday. Minutes later, she sent an email saying, "
        '"We will try again."'
    )
    assert quotes_of(text, "Ada Voss") == ["We will try again."]


def test_a_reaction_with_a_quote() -> None:
    text = '"That is simply not true," reacted Ada Voss.'
    assert quotes_of(text, "Ada Voss") == ["That is simply not true"]


def test_a_quote_then_according_to_is_the_sources_quote() -> None:
    text = (
        "Ada Voss spoke at the forum on Sunday. "
        '"We have to ask whether this is a priority for them," according to the Harbour Gazette.'
    )
    assert quotes_of(text, "Harbour Gazette") == [
        "We have to ask whether this is a priority for them"
    ]


def test_this_past_week_between_subject_and_verb() -> None:
    text = "Ada Voss, the party chairwoman, this past week announced that the vote would move."
    assert quotes_of(text, "Ada Voss") == ["the vote would move"]


def test_a_participle_after_by_reports_for_the_clause_subject() -> None:
    text = "After the vote, Tom Ebert tried to make peace by telling Ada Voss she had run well."
    assert quotes_of(text, "Tom Ebert") == ["she had run well"]


def test_and_said_after_an_object_clause_is_the_sentence_subjects() -> None:
    text = (
        "In a short interview, Ada Voss rejected the claim that the cuts amounted to a "
        "purge and said that the harbour office would stay open."
    )
    assert quotes_of(text, "Ada Voss") == ["the harbour office would stay open"]


def test_a_hyphenated_head_noun_speaks() -> None:
    text = 'Ben Dorr met the mayor. "We are old friends," this Dorr look-alike declared.'
    assert quotes_of(text, "look-alike") == ["We are old friends"]


def test_an_honorific_and_a_surname_that_is_also_a_noun_is_a_name() -> None:
    text = '"People still remember that song," Mr. Singer said.'
    assert quotes_of(text, "Singer") == ["People still remember that song"]


def test_a_possessive_role_between_commas_is_an_appositive() -> None:
    text = '"The tour is long," Ada Voss, Mayor Ebert\'s chief of staff, said in an interview.'
    assert quotes_of(text, "Ada Voss") == ["The tour is long"]


def test_a_fronted_when_clause_ends_its_reported_speech_at_the_main_clause() -> None:
    text = (
        "When Ben Dorr said the city would sue, Ada Voss fired back forcefully: "
        '"If they sue us, they will lose."'
    )
    assert quotes_of(text, "Ben Dorr") == ["the city would sue"]
    assert quotes_of(text, "Ada Voss") == ["If they sue us, they will lose."]


def test_as_the_paper_reported_gives_the_main_clause_to_the_paper() -> None:
    text = "As the Harbour Gazette reported on Friday, the tram line will close in May."
    assert quotes_of(text, "Harbour Gazette") == ["the tram line will close in May"]


def test_as_the_day_went_on_reports_nothing() -> None:
    text = "As the day went on, Ada Voss grew tired of the crowds."
    assert not [s for s in speakers(text) if s.quotes]


def test_who_is_a_role_with_no_closing_comma_before_the_verb() -> None:
    text = '"This new ad raises questions," Ada Voss, who is chairman of the Harbour Fund said.'
    assert quotes_of(text, "Ada Voss") == ["This new ad raises questions"]


def test_a_short_paragraph_ending_in_a_colon_introduces_the_quote_below() -> None:
    text = 'Ada Voss spoke.\n\nPartial transcript as follows:\n\n"We will win this city."'
    assert quotes_of(text, "transcript") == ["We will win this city."]


def test_from_a_document_colon_quote() -> None:
    text = 'Not all panels are equal. From the report: "Web panels vary widely in quality."'
    assert quotes_of(text, "report") == ["Web panels vary widely in quality."]


def test_two_quotes_around_a_dashed_aside_are_one_statement() -> None:
    text = (
        'Ben Dorr has the money. "I do not think that idea" -- that Dorr is a city liberal '
        '-- "is going to last," he says.'
    )
    found = quotes_of(text, "Ben Dorr")
    assert any(q.startswith("I do not think that idea") and q.endswith("to last") for q in found)


def test_quoted_words_then_in_someones_view() -> None:
    text = '"This is a failure across the board" from trade to defence, in Ada Voss\'s view.'
    assert quotes_of(text, "Ada Voss") == [
        '"This is a failure across the board" from trade to defence'
    ]


def test_an_unquoted_view_is_a_belief_not_speech() -> None:
    text = "In Ada Voss's view, the harbour plan will fail."
    assert not [s for s in speakers(text) if s.quotes]


def test_a_capitalised_base_verb_form_may_open_a_title_before_a_name() -> None:
    text = '"The mayor did not pick a side," wrote Post harbour correspondent Ada Voss.'
    assert quotes_of(text, "Ada Voss") == ["The mayor did not pick a side"]
