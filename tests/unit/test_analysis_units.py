"""Unit tests of the analysis pieces: quotes, attribution, aliases, honorifics, allegations.

Every example is made up for the test (no names or phrases from the sample article),
one behaviour per test, so a failure says which rule broke.
"""

from __future__ import annotations

import pytest

from readerapp.core.analysis import Analysis, Speaker, analyze
from readerapp.core.analysis.names import parse_name, variant_spelling
from readerapp.core.analysis.quotes import find_quoted_spans, mask_quotes
from readerapp.core.analysis.scoring import score
from readerapp.core.article import Article, parse_article


def article_of(*paragraphs: str) -> Article:
    return parse_article("A headline for the test\n\n" + "\n\n".join(paragraphs))


def run(*paragraphs: str) -> tuple[Article, Analysis]:
    article = article_of(*paragraphs)
    return article, analyze(article)


def speaker(analysis: Analysis, name: str) -> Speaker:
    for found in analysis.speakers:
        if found.name == name:
            return found
    names = [s.name for s in analysis.speakers]
    raise AssertionError(f"no speaker {name!r} in {names}")


def quote_texts(analysis: Analysis, name: str) -> list[str]:
    return [q.text for q in speaker(analysis, name).quotes]


def assert_spans_exact(article: Article, analysis: Analysis) -> None:
    for found in analysis.speakers:
        for quote in found.quotes:
            assert article.text[quote.start : quote.end] == quote.text
    for allegation in analysis.allegations:
        assert article.text[allegation.start : allegation.end] == allegation.evidence


# -- finding quoted passages ------------------------------------------------------------


def test_straight_and_curly_quotes_are_found_with_trailing_comma_trimmed() -> None:
    text = 'He said "one two three," and she said “four five six.”'
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["one two three", "four five six."]


def test_unclosed_quote_continues_into_next_paragraph() -> None:
    text = "“First part of it.\n\n“Second part of it,” she said."
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["First part of it.", "Second part of it"]
    assert spans[0].closed is False and spans[1].continued


def test_mask_keeps_length_and_hides_quoted_words() -> None:
    text = 'Before "said inside" after.'
    masked = mask_quotes(text, find_quoted_spans(text))
    assert len(masked) == len(text)
    assert "said" not in masked and masked.startswith('Before "')


# -- attribution patterns ----------------------------------------------------------------


def test_attribution_after_quote_verb_first_with_role() -> None:
    article, analysis = run(
        '"The bridge will open in spring," said Olu Adebayo, a city engineer, on Monday.'
    )
    found = speaker(analysis, "Olu Adebayo")
    assert found.role == "city engineer"
    assert [q.text for q in found.quotes] == ["The bridge will open in spring"]
    assert_spans_exact(article, analysis)


def test_attribution_after_quote_subject_first() -> None:
    _, analysis = run('"Prices will rise again," Hanna Berg told reporters.')
    assert quote_texts(analysis, "Hanna Berg") == ["Prices will rise again"]


def test_attribution_before_quote_with_colon() -> None:
    _, analysis = run('Rafael Ortiz said: "We have no plans to sell the club."')
    assert quote_texts(analysis, "Rafael Ortiz") == ["We have no plans to sell the club."]


def test_attribution_inside_a_split_quote() -> None:
    _, analysis = run('"The first half," Chen Wei said, "is the easy part of the job."')
    assert quote_texts(analysis, "Chen Wei") == ["The first half", "is the easy part of the job."]


def test_pronoun_refers_to_the_earlier_speaker() -> None:
    _, analysis = run(
        "Ines Duarte, the festival director, spoke after the concert.",
        '"It was the best night we have had," she said.',
    )
    assert quote_texts(analysis, "Ines Duarte") == ["It was the best night we have had"]


def test_pronoun_skips_a_speaker_of_the_other_gender() -> None:
    _, analysis = run(
        'Ms. Karin Holt said the vote was fair. "We counted twice," Mr. Jonas Lind said.',
        '"Nobody complained," she said.',
    )
    assert "Nobody complained" in quote_texts(analysis, "Karin Holt")


def test_according_to_is_an_attribution() -> None:
    _, analysis = run("According to Priya Nair, the project is two years behind schedule.")
    assert quote_texts(analysis, "Priya Nair") == ["the project is two years behind schedule"]


def test_indirect_speech_with_that() -> None:
    _, analysis = run("Tomas Novak argued on Friday that the tax would hurt small farms.")
    found = speaker(analysis, "Tomas Novak")
    assert [q.text for q in found.quotes] == ["the tax would hurt small farms"]
    assert found.quotes[0].direct is False


def test_reporting_clause_after_the_content() -> None:
    _, analysis = run("The line will reopen by June, the transport ministry said.")
    assert quote_texts(analysis, "the transport ministry") == ["The line will reopen by June"]


def test_unattributed_quote_continues_the_previous_speaker() -> None:
    _, analysis = run(
        '"We won the argument," said Amara Osei. "Now we have to win the vote."',
    )
    assert quote_texts(analysis, "Amara Osei") == [
        "We won the argument",
        "Now we have to win the vote.",
    ]


def test_scare_quotes_in_the_authors_sentence_are_not_quotes() -> None:
    _, analysis = run('The so-called "reform package" was published on Tuesday.')
    assert analysis.speakers == ()


def test_people_only_mentioned_are_not_speakers() -> None:
    _, analysis = run(
        "Lena Fischer met Omar Haddad in Vienna.",
        '"The talks went well," said Lena Fischer.',
    )
    assert [s.name for s in analysis.speakers] == ["Lena Fischer"]


def test_anonymous_source_is_marked_and_definite_reference_merges() -> None:
    _, analysis = run(
        "A senior police officer said the suspect had left the country.",
        '"We know where he is," the officer said.',
    )
    assert len(analysis.speakers) == 1
    found = analysis.speakers[0]
    assert found.anonymous is True
    assert found.name == "a senior police officer"
    assert "the officer" in found.aliases
    assert len(found.quotes) == 2


# -- names, aliases, honorifics ------------------------------------------------------------


def test_surname_merges_into_the_full_name() -> None:
    _, analysis = run(
        '"The plan is ready," said Beatriz Almeida.',
        "Almeida added that the first stage would start in May.",
    )
    found = speaker(analysis, "Beatriz Almeida")
    assert "Almeida" in found.aliases
    assert len(found.quotes) == 2


def test_honorific_is_kept_out_of_the_name_and_listed_as_alias() -> None:
    _, analysis = run('"The results are clear," said Dr. Yusuf Karaca.')
    found = speaker(analysis, "Yusuf Karaca")
    assert "Dr. Yusuf Karaca" in found.aliases


@pytest.mark.parametrize(
    ("run_text", "name"),
    [
        ("Prof. Anna van der Berg", "Anna van der Berg"),
        ("Mr Sean O'Malley", "Sean O'Malley"),
        ("Dr Layla bin Rashid", "Layla bin Rashid"),
        ("Interior Minister Karl Weiss", "Karl Weiss"),
        ("District Attorney Rosa Vega", "Rosa Vega"),
        ("Jean-Paul Mbeki", "Jean-Paul Mbeki"),
    ],
)
def test_parse_name_handles_particles_titles_hyphens_apostrophes(run_text: str, name: str) -> None:
    parsed = parse_name(run_text)
    assert parsed is not None and parsed.name == name


def test_variant_spellings_are_the_same_name() -> None:
    assert variant_spelling("Abdul-Karim", "Abdul Karim")
    assert variant_spelling("Gonzalez", "Gonzales")
    assert not variant_spelling("Lee", "Lea")


def test_hyphen_variant_in_attribution_merges_into_one_speaker() -> None:
    _, analysis = run(
        '"We are ready," said Nur-ul Islam, head of the traders union.',
        'Nur-ul-Islam believes, "the market will recover by winter".',
    )
    assert len(analysis.speakers) == 1
    assert "Nur-ul-Islam" in analysis.speakers[0].aliases


# -- allegations --------------------------------------------------------------------------


def test_active_accusation_names_accuser_and_accused() -> None:
    article, analysis = run("Marta Silva accused Delmont Mining of polluting the river.")
    (allegation,) = analysis.allegations
    assert allegation.accuser == "Marta Silva"
    assert allegation.accused == "Delmont Mining"
    assert allegation.claim.startswith("polluting the river")
    assert_spans_exact(article, analysis)


def test_passive_voice_flips_accuser_and_accused() -> None:
    _, analysis = run("Viktor Hale was accused by regulators of hiding losses from investors.")
    (allegation,) = analysis.allegations
    assert allegation.accused == "Viktor Hale"
    assert allegation.accuser == "regulators"


def test_denials_are_not_allegations() -> None:
    _, analysis = run(
        "The company denied the allegations and said it had acted lawfully.",
        "Dana Price rejected claims of fraud.",
    )
    assert analysis.allegations == ()


def test_negated_wrongdoing_is_not_an_allegation() -> None:
    _, analysis = run('"She has never cheated in her life," said Ola Berg.')
    assert analysis.allegations == ()


def test_quoted_wrongdoing_is_an_allegation_by_the_speaker() -> None:
    _, analysis = run('"The mayor took bribes for years," said Nadia Karimi.')
    (allegation,) = analysis.allegations
    assert allegation.accuser == "Nadia Karimi"


def test_rhetorical_question_by_the_author_accuses() -> None:
    _, analysis = run(
        "Paolo Ricci kept the report from the board for a year.",
        "Was that not a cover-up?",
    )
    (allegation,) = analysis.allegations
    assert allegation.accuser == "the author"
    assert allegation.accused == "Paolo Ricci"


def test_a_brief_with_no_accusation_has_no_allegations() -> None:
    _, analysis = run(
        "The library will open on Sundays from next month.",
        '"Readers asked for it," said librarian Mei Tanaka.',
    )
    assert analysis.allegations == ()
    assert [s.name for s in analysis.speakers] == ["Mei Tanaka"]


def test_a_legal_document_that_says_is_an_accusation_by_its_filer() -> None:
    _, analysis = run(
        "The lawsuit, filed by the Green Rivers Trust, says the mill dumped dye into the river "
        "for six years."
    )
    (allegation,) = analysis.allegations
    assert allegation.accuser == "Green Rivers Trust"


def test_blame_through_an_appositive_names_the_person() -> None:
    _, analysis = run("The coach blamed the club's owner, Rafael Ortiz, for the team's collapse.")
    (allegation,) = analysis.allegations
    assert allegation.accused == "Rafael Ortiz"


def test_accused_her_former_club_accuses_the_club_not_the_woman() -> None:
    _, analysis = run(
        "Lena Vogt won gold in 2019.",
        "Her agent accused her former club of withholding two months of wages.",
    )
    (allegation,) = analysis.allegations
    assert allegation.accused == "her former club"


def test_a_pronoun_claim_is_about_the_person_charged_not_the_accusers() -> None:
    _, analysis = run(
        "Tom Reyes, 41, is charged with fraud. Prosecutors allege that he forged the signatures "
        "on 30 invoices."
    )
    assert [a.accused for a in analysis.allegations] == ["Tom Reyes", "Tom Reyes"]
    # 'Prosecutors allege that …' is also what the prosecutors say, as 'critics say' would be.
    assert quote_texts(analysis, "prosecutors") == ["he forged the signatures on 30 invoices"]


def test_they_after_two_accusers_means_the_accusers() -> None:
    _, analysis = run(
        "Ana Silva and Ben Cho claimed that they had seen the mayor's aide take bribes "
        "at City Hall."
    )
    (allegation,) = analysis.allegations
    assert allegation.accused not in ("Ana Silva", "Ben Cho")


def test_the_accused_as_a_noun_is_no_accusation() -> None:
    _, analysis = run('"The accused will stay in custody until the hearing," said Judge Mary Osei.')
    assert analysis.allegations == ()


def test_a_role_is_the_noun_phrase_not_the_clause_around_it() -> None:
    _, analysis = run(
        '"It was rushed," said Ravi Menon, the band\'s manager.',
        "Menon also blamed Orbit's chief executive, Carla Diaz, for timing the release.",
        'Diaz rejected the accusation. Speaking to a radio station, she said: "We had no choice."',
    )
    assert speaker(analysis, "Carla Diaz").role == "Orbit's chief executive"


def test_a_person_at_an_institute_is_a_person_and_the_researcher_is_her() -> None:
    _, analysis = run(
        '"Nothing changed," said Professor Hana Sato, an economist at the Kinross Institute of '
        "Policy.",
        'Sato rejected the criticism. "We used public data," she said.',
        "The researcher said the team had been paid by a government fund.",
    )
    assert [s.name for s in analysis.speakers] == ["Hana Sato"]
    assert len(speaker(analysis, "Hana Sato").quotes) == 3


def test_a_fine_a_lawsuit_and_an_arrest_are_accusations() -> None:
    _, analysis = run(
        "The Data Board has fined Orbitly, the maker of a fitness app, €2 million for selling "
        "location data.",
        "The actor Mara Quist is suing the Daily Lantern for libel over a March article.",
        "A 40-year-old man was arrested on suspicion of arson.",
    )
    fine, lawsuit, arrest = analysis.allegations
    assert (fine.accuser, fine.accused) == ("Data Board", "Orbitly")
    assert lawsuit.accused == "Daily Lantern"
    assert arrest.accuser == "police"


def test_a_group_named_inside_its_description_accuses_one_of_many() -> None:
    _, analysis = run(
        "The campaign group Clear Water on Monday accused one of the region's largest mills "
        "of polluting the river."
    )
    (allegation,) = analysis.allegations
    assert allegation.accuser == "Clear Water"
    assert allegation.accused == "one of the region's largest mills"


# -- edge cases -------------------------------------------------------------------------------


def test_empty_and_quote_only_texts_do_not_crash() -> None:
    assert analyze(Article(title="t", text="")) == Analysis()
    article, analysis = run('"', '""', "“unclosed")
    assert_spans_exact(article, analysis)


def test_scoring_matches_aliases_one_to_one() -> None:
    gold = {
        "speakers": [{"name": "Jo Park", "aliases": ["Park"], "quotes": ["a b c d"]}],
        "allegations": [],
    }
    predicted = {
        "speakers": [
            {"name": "Park", "aliases": [], "quotes": ["x a b c d y"]},
            {"name": "Jo Park", "aliases": [], "quotes": []},
        ],
        "allegations": [],
    }
    scores = score(predicted, gold)
    assert scores.speakers.true_positives == 1 and scores.speakers.predicted == 2
    assert scores.allegations.f1 == 1.0  # none expected, none predicted


# -- more speaker phrases ------------------------------------------------------------------


def test_possessive_description_is_a_speaker() -> None:
    _, analysis = run('"We will appeal," Mr Soto\'s lawyer said.')
    assert [s.name for s in analysis.speakers] == ["Mr Soto's lawyer"]


def test_age_appositive_is_not_a_role() -> None:
    _, analysis = run("Jane Okoro, 54, said the deal was dead.")
    assert speaker(analysis, "Jane Okoro").role == ""


def test_middle_initial_stays_in_the_name() -> None:
    _, analysis = run('"Ask again tomorrow," said Mary K. Lindqvist.')
    assert [s.name for s in analysis.speakers] == ["Mary K. Lindqvist"]


@pytest.mark.parametrize(
    ("sentence", "name", "anonymous"),
    [
        ("Officials said the road would reopen on Monday.", "officials", True),
        ("Sources said the talks had collapsed overnight.", "sources", True),
        ("Police said the protest was peaceful.", "police", False),
    ],
)
def test_bare_plural_speakers(sentence: str, name: str, anonymous: bool) -> None:
    _, analysis = run(sentence)
    (found,) = analysis.speakers
    assert (found.name, found.anonymous) == (name, anonymous)


def test_single_curly_quotes_when_an_article_has_no_double_quotes() -> None:
    _, analysis = run(
        "‘We won’t give up,’ said Sarah O’Neill, the union’s leader. "
        "‘The members’ votes are clear.’"
    )
    assert quote_texts(analysis, "Sarah O’Neill") == [
        "We won’t give up",
        "The members’ votes are clear.",
    ]


def test_description_then_name_after_the_verb() -> None:
    _, analysis = run('"It was a fair result," said the company\'s chief executive, Jane Holm.')
    found = speaker(analysis, "Jane Holm")
    assert found.role == "company's chief executive"


def test_role_from_a_mention_outside_the_attribution() -> None:
    _, analysis = run(
        "Chief executive Lena Vogt apologised to customers on Monday.",
        '"We let you down," Vogt said.',
    )
    assert speaker(analysis, "Lena Vogt").role == "Chief executive"
