"""Each stage of the analysis on its own: document, mentions, subjects, entities, contents.

Every example is written for the test (no names or sentences from real articles), one
behaviour per test, so a failure names the stage and the rule that broke.
"""

from __future__ import annotations

import pytest

from readerapp.core.analysis import contents
from readerapp.core.analysis.document import MAX_SENTENCE, build_document
from readerapp.core.analysis.entities import EntityResolver
from readerapp.core.analysis.lexicon.base import verb_forms
from readerapp.core.analysis.mentions import Mention, NounPhrases
from readerapp.core.analysis.names import NameIndex, parse_name
from readerapp.core.analysis.quotes import find_quoted_spans, is_title
from readerapp.core.analysis.subjects import MentionReader


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted_spans(text)]


def subject(phrase: str) -> list[tuple[str, str]]:
    """The speaker phrase of 'PHRASE said that …' as (kind, text) pairs."""
    text = phrase + " said that the plan works."
    found = MentionReader(text).before(0, text.index(" said that") + 1)
    return [(m.kind, m.text) for m in found]


def mention(phrase: str) -> Mention:
    (found, *_) = NounPhrases(phrase).noun_phrase(0, len(phrase))
    return found


# -- document: quotation marks in every convention ---------------------------------------


def test_two_apostrophes_open_and_close_a_quote() -> None:
    text = "''The ferry will run,'' the captain said. ''Every day.''"
    assert quoted(text) == ["The ferry will run", "Every day."]


def test_a_curly_opening_may_close_with_two_apostrophes() -> None:
    assert quoted("He called it a “compromise’’ and left.") == ["compromise"]


def test_a_quote_inside_a_quote_stays_one_quote() -> None:
    text = "“The claim that the dam “will hold” is wrong,” wrote Ida Brandt."
    assert quoted(text) == ["The claim that the dam “will hold” is wrong"]


def test_a_tweet_is_a_quote_signed_by_its_author() -> None:
    text = (
        'Later he tweeted: <tweet id="1" author="@ivok">The bridge opens today! '
        "https://t.co/x — Ivo Kral (@ivok) May 2, 2024</tweet>."
    )
    (tweet,) = find_quoted_spans(text)
    assert text[tweet.start : tweet.end] == "The bridge opens today!"
    assert (tweet.author, tweet.handle) == ("Ivo Kral", "@ivok")


def test_markup_attributes_are_not_quotes() -> None:
    assert quoted('<img alt="a harbour at dusk"> The harbour reopened.') == []


def test_quotation_marks_with_no_words_are_no_quote() -> None:
    assert build_document("“” “” said nobody.").quotes == ()


def test_a_run_on_sentence_is_cut_into_pieces() -> None:
    doc = build_document("said " * 2000)
    assert len(doc.sentences) > 1
    assert all(end - start <= MAX_SENTENCE for start, end in doc.sentences)


def test_a_dateline_names_no_one() -> None:
    text = "HARBOURVILLE (Wire) - The council voted on Monday."
    doc = build_document(text)
    assert all("HARBOURVILLE" not in text[s:e] for s, e in doc.names)


def test_quoted_titles_are_recognised() -> None:
    assert is_title("The Quiet Harbour")
    assert not is_title("we will not close the harbour")


# -- names and mentions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("run", "name"),
    [
        ("Sen. Mara Quist", "Mara Quist"),
        ("Martin Luther Okafor Jr.", "Martin Luther Okafor Jr."),
        ("Helena Brack KC", "Helena Brack"),
        ("The Sunday Lantern", "Sunday Lantern"),
    ],
)
def test_names_lose_titles_and_post_nominals(run: str, name: str) -> None:
    parsed = parse_name(run)
    assert parsed is not None and parsed.name == name


@pytest.mark.parametrize("run", ["BORROWING Back", "D-Ore.", "Rep."])
def test_headings_party_tags_and_bare_titles_are_no_names(run: str) -> None:
    assert parse_name(run) is None


def test_a_description_then_a_name_is_the_named_one() -> None:
    found = mention("the consumer group Fair Trade Now")
    assert (found.kind, found.text, found.role) == ("name", "Fair Trade Now", "consumer group")


def test_a_filing_speaks_for_whoever_filed_it() -> None:
    found = mention("A lawsuit filed by the tenants' union Halden Homes in the High Court")
    assert found.text == "Halden Homes"


def test_hundreds_of_residents_are_the_residents() -> None:
    found = mention("Hundreds of residents of Lower Marsh")
    assert (found.kind, found.head) == ("group", "residents")


def test_a_name_used_as_a_modifier_makes_a_group() -> None:
    found = mention("Okafor supporters")
    assert (found.kind, found.text) == ("group", "Okafor supporters")


def test_a_proper_name_with_of() -> None:
    found = mention("The Office of the Rail Regulator")
    assert (found.kind, found.text) == ("name", "Office of the Rail Regulator")


# -- subjects: the phrase before a reporting verb ------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Another surveyor, Ada Voss of the Marsh Institute,", [("name", "Ada Voss")]),
        ("Sen. Ada Voss (D-Ore.)", [("name", "Ada Voss")]),
        ("Senate Majority Leader Ada Voss, R-Ore.,", [("name", "Ada Voss")]),
        ("Ada Voss, in a statement,", [("name", "Ada Voss")]),
        ("Ada Voss on Thursday", [("name", "Ada Voss")]),
        ("During the briefing a surveyor", [("description", "a surveyor")]),
        ("The emails show that Ada Voss", [("name", "Ada Voss")]),
        ("People close to the mayor", [("group", "People")]),
        ("Several", [("group", "Several")]),
        ("Ada Voss and Ben Ilic", [("name", "Ada Voss"), ("name", "Ben Ilic")]),
        ("Reading from a prepared text, Ada Voss", [("name", "Ada Voss")]),
    ],
)
def test_the_subject_before_the_verb(phrase: str, expected: list[tuple[str, str]]) -> None:
    assert subject(phrase) == expected


def test_an_appositive_gives_the_role() -> None:
    text = "The harbour master, Ada Voss, said that the plan works."
    (found,) = MentionReader(text).before(0, text.index(" said") + 1)
    assert (found.text, found.role) == ("Ada Voss", "harbour master")


def test_the_speaker_after_an_inverted_verb_with_a_role() -> None:
    text = '"It works," said Ada Voss, the harbour master.'
    (found,) = MentionReader(text).after(text.index("said") + 4, len(text))
    assert (found.text, found.role) == ("Ada Voss", "harbour master")


# -- entities ---------------------------------------------------------------------------------


def resolver_for(text: str) -> EntityResolver:
    doc = build_document(text)
    return EntityResolver(text, NameIndex(text, list(doc.names)), doc.sentence_index)


def test_a_surname_is_the_full_name_written_elsewhere() -> None:
    resolver = resolver_for("Ada Voss spoke first. Later Voss spoke again.")
    entity = resolver.resolve(Mention("name", "Voss", 30, 34), 30)
    assert entity is not None and entity.name == "Ada Voss"


def test_the_company_is_the_organisation_just_named() -> None:
    text = "Kestrel Freight Ltd raised prices. The company said costs rose."
    resolver = resolver_for(text)
    firm = resolver.resolve(Mention("name", "Kestrel Freight Ltd", 0, 19), 0)
    assert firm is not None
    resolver.note(firm, 0, 1)
    found = resolver.resolve(
        Mention("description", "The company", 35, 46, head="company", definite=True), 35
    )
    assert found is firm


def test_a_short_name_of_an_organisation_is_the_long_one() -> None:
    resolver = resolver_for("Nightowl Records signed her. Nightowl said the album was done.")
    long = resolver.resolve(Mention("name", "Nightowl Records", 0, 16), 0)
    short = resolver.resolve(Mention("name", "Nightowl", 29, 37), 29)
    assert short is long


def test_a_pronoun_prefers_the_speaker_then_the_subject() -> None:
    resolver = resolver_for("Ada Voss met Ben Ilic. He waved.")
    voss = resolver.resolve(Mention("name", "Ada Voss", 0, 8), 0)
    ilic = resolver.resolve(Mention("name", "Ben Ilic", 13, 21), 13)
    assert voss is not None and ilic is not None
    resolver.note(voss, 0, 1)
    resolver.note(ilic, 13, 2)
    assert resolver.pronoun("he", 23) is voss


def test_both_means_the_two_people_named_just_before() -> None:
    resolver = resolver_for("Ada Voss and Ben Ilic met. Both leaders said no.")
    for name, start in (("Ada Voss", 0), ("Ben Ilic", 13)):
        entity = resolver.resolve(Mention("name", name, start, start + 8), start)
        assert entity is not None
        resolver.note(entity, start, 1)
    both = Mention("group", "Both leaders", 27, 39, head="leaders")
    assert [e.name for e in resolver.resolve_all(both, 27)] == ["Ada Voss", "Ben Ilic"]


# -- contents ---------------------------------------------------------------------------------


def span_text(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_a_that_clause_after_adverbials() -> None:
    text = "She said on Friday in a statement that the road will reopen soon."
    end = text.index("said") + 4
    assert span_text(text, contents.clause_after(text, end, len(text))) == [
        "the road will reopen soon"
    ]


def test_told_takes_an_object_before_its_clause() -> None:
    text = "She told The Harbour Times the road will reopen soon."
    end = text.index("told") + 4
    spans = contents.clause_after(text, end, len(text), told=True)
    assert span_text(text, spans) == ["the road will reopen soon"]


def test_a_participle_starts_a_second_clause() -> None:
    text = "She said the road will reopen, adding that the bridge will follow."
    end = text.index("said") + 4
    assert span_text(text, contents.clause_after(text, end, len(text))) == [
        "the road will reopen",
        "the bridge will follow",
    ]


def test_some_verbs_report_only_with_that() -> None:
    text = "She answered the door and smiled at everyone."
    end = text.index("answered") + 8
    assert contents.clause_after(text, end, len(text), bare=False) == []


def test_the_object_of_an_accusation_is_what_was_said() -> None:
    text = "Ada Voss accused the port authority of hiding the survey."
    end = text.index("accused") + 7
    span = contents.object_complement(text, end, len(text), "of")
    assert span is not None and text[span[0] : span[1]] == "the port authority of hiding the survey"


def test_regular_and_irregular_verb_forms() -> None:
    assert verb_forms("claim") == ("claim", "claims", "claimed", "claiming")
    assert verb_forms("quip") == ("quip", "quips", "quipped", "quipping")
    assert verb_forms("reply") == ("reply", "replies", "replied", "replying")
