"""Each speech rule and each allegation rule on its own, then attribution between them.

A speech rule is run alone over a made-up sentence and must name the speaker phrase and
what was said; an allegation rule is run alone over one sentence and must name accuser
and accused. The filters that set sentences aside (denials, negation, topics) are tested
through the whole allegation stage.
"""

from __future__ import annotations

import re

import pytest

from readerapp.core.analysis import allegations, analyze, quote_rules, speech_rules
from readerapp.core.analysis.allegations import ALLEGATION_RULES, trigger_words
from readerapp.core.analysis.document import build_document
from readerapp.core.analysis.lexicon.accusations import ACCUSATION_PATTERN, WRONGDOING_PATTERN
from readerapp.core.analysis.speech import SpeechRule, find_events
from readerapp.core.analysis.subjects import MentionReader
from readerapp.core.article import parse_article


def events(rule: SpeechRule, text: str) -> list[tuple[list[str], list[str]]]:
    """(speaker phrases, what was said) for each event the one rule finds in `text`."""
    doc = build_document(text)
    found = []
    for event in find_events(doc, MentionReader(doc.masked), [rule]):
        said = [text[doc.quotes[i].start : doc.quotes[i].end] for i in event.quotes]
        said += [text[s:e] for s, e in event.contents]
        found.append(([m.text for m in event.speakers] or ["(inherited)"], said))
    return found


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        (
            quote_rules.VerbAfterQuote(),
            '"The pier is safe," said Ada Voss, the harbour master.',
            [(["Ada Voss"], ["The pier is safe"])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"The first half," Ben Ilic said, "was the easy part."',
            [(["Ben Ilic"], ["The first half", "was the easy part."])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"Nobody told us anything!" Ada Voss said.',
            [(["Ada Voss"], ["Nobody told us anything!"])],
        ),
        (
            quote_rules.VerbBeforeQuote(),
            'Ada Voss told reporters on Monday: "The pier is safe."',
            [(["Ada Voss"], ["The pier is safe."])],
        ),
        (
            quote_rules.VerbBeforeQuote(),
            'The mayor spoke last, saying, "We will rebuild."',
            [(["(inherited)"], ["We will rebuild."])],
        ),
        (
            quote_rules.VerbBeforeQuote(),
            'Ada Voss said "the pier is safe" for now and that it will stay open.',
            [
                (
                    ["Ada Voss"],
                    [
                        "the pier is safe",
                        'the pier is safe" for now and that it will stay open',
                    ],
                )
            ],
        ),
        (
            quote_rules.NamingVerb(),
            'Ada Voss called the plan "a disgrace to the town".',
            [(["Ada Voss"], ["a disgrace to the town", 'the plan "a disgrace to the town'])],
        ),
        (
            quote_rules.TrailingDash(),
            '"We rebuild together." ― Ada Voss',
            [(["Ada Voss"], ["We rebuild together."])],
        ),
        (
            quote_rules.ColonSpeaker(),
            'Ada Voss\'s reply: "Not this year."',
            [(["Ada Voss"], ["Not this year."])],
        ),
        (
            quote_rules.AnyVerbAfterQuote(),
            '"And the pier?" Ben Ilic pressed.',
            [(["Ben Ilic"], ["And the pier?"])],
        ),
        (
            speech_rules.ReportedSpeech(),
            "Ada Voss said on Friday that the pier will reopen in May.",
            [(["Ada Voss"], ["the pier will reopen in May"])],
        ),
        (
            speech_rules.ReportedSpeech(),
            "The pier will reopen in May, the council said.",
            [(["the council"], ["The pier will reopen in May"])],
        ),
        (
            speech_rules.ReportedSpeech(),
            "The new pier, Ada Voss said, will open in May.",
            [(["Ada Voss"], ["The new pier", "will open in May"])],
        ),
        (
            speech_rules.ReportedSpeech(),
            "The pier will reopen in May, said the harbour master.",
            [(["the harbour master"], ["The pier will reopen in May"])],
        ),
        (
            speech_rules.ReportedSpeech(),
            "The pier will reopen in May, Ada Voss said after the storm.",
            [(["Ada Voss"], ["The pier will reopen in May"])],
        ),
        (
            speech_rules.ReportedSpeech(),
            '"A safe pier" would take a year, Ada Voss said.',
            [(["Ada Voss"], ['"A safe pier" would take a year'])],
        ),
        (
            speech_rules.ReportedSpeech(),
            "Ada Voss, an engineer who advised on the project, smiled.",
            [],
        ),
        (
            quote_rules.VerbAfterQuote(),
            "''It was 'old-school,''' said Ada Voss.",
            [(["Ada Voss"], ["It was 'old-school,'"])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            "\u201cThe pier is safe,\u201c said Ada Voss.",
            [(["Ada Voss"], ["The pier is safe"])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"The pier is safe," Ada Voss, Liberal of Lower Marsh, said.',
            [(["Ada Voss"], ["The pier is safe"])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"The pier is safe," the veteran councillor and former mayor told reporters.',
            [(["the veteran councillor"], ["The pier is safe"])],
        ),
        (
            speech_rules.ObjectSpeech(),
            "Ada Voss knocked the council for not publishing the survey.",
            [(["Ada Voss"], ["the council for not publishing the survey"])],
        ),
        (
            speech_rules.ObjectSpeech(),
            "Ada Voss blamed the storm for the delay.",
            [],
        ),
        (
            quote_rules.ColonSpeaker(),
            'The delay does not surprise harbour engineer Ada Voss: "Piers always take longer."',
            [(["Ada Voss"], ["Piers always take longer."])],
        ),
        (
            quote_rules.ColonSpeaker(),
            'PIER WORK RUNS LATE - Ada Voss and Ben Ilic: "It will open in June."',
            [(["Ada Voss", "Ben Ilic"], ["It will open in June."])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"The pier opens on Monday," the notice read.',
            [(["the notice"], ["The pier opens on Monday"])],
        ),
        (
            quote_rules.VerbBeforeQuote(),
            'The council met on Monday.\n\nAdded Ada Voss:\n\n"We are ready."',
            [(["Ada Voss"], ["We are ready."])],
        ),
        (
            quote_rules.VerbBeforeQuote(),
            'The Gazette confirmed the delay, reporting:\n\n"The pier will open in June."',
            [(["(inherited)"], ["The pier will open in June."])],
        ),
        (
            quote_rules.VerbBeforeQuote(),
            "Asked whether the pier was safe, Ada Voss shook her head and said, ''No.''",
            [(["Ada Voss"], ["No."])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"We are horrified" by the damage at the pier, Ada Voss said.',
            [(["Ada Voss"], ["We are horrified", "by the damage at the pier"])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"It is bad luck," Ada Voss said, that both storms came in May.',
            [(["Ada Voss"], ["It is bad luck", "both storms came in May"])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"Only you, Ben," Ada Voss said, would call a storm good luck.',
            [(["Ada Voss"], ["Only you, Ben", "would call a storm good luck"])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"This is fantastic!" beamed Ada Voss.',
            [(["Ada Voss"], ["This is fantastic!"])],
        ),
        (
            quote_rules.VerbAfterQuote(),
            '"Not us!" Ada Voss, the harbour master, Tweeted with a photo.',
            [(["Ada Voss"], ["Not us!"])],
        ),
        (
            speech_rules.AccordingTo(),
            "According to the harbour master, the pier will reopen in May.",
            [(["the harbour master"], ["the pier will reopen in May"])],
        ),
        (
            speech_rules.AccordingTo(),
            "The pier will reopen in May, according to the council.",
            [(["the council"], ["The pier will reopen in May"])],
        ),
        (
            speech_rules.ObjectSpeech(),
            "Ada Voss accused the port authority of hiding the survey.",
            [(["Ada Voss"], ["the port authority of hiding the survey"])],
        ),
        (
            speech_rules.Participle(),
            "The union filed a complaint, alleging that managers ignored the rules.",
            [(["(inherited)"], ["managers ignored the rules"])],
        ),
    ],
)
def test_one_speech_rule(rule: SpeechRule, text: str, expected: list) -> None:
    assert events(rule, text) == expected


def test_a_tweet_speaks_for_its_signature() -> None:
    text = (
        'She replied: <tweet id="9" author="@adav">Pier opens Monday. '
        "— Ada Voss (@adav) May 2, 2024</tweet>."
    )
    assert events(quote_rules.TweetMarkup(), text) == [(["Ada Voss"], ["Pier opens Monday."])]


def test_an_interviews_answers_are_the_interviewees() -> None:
    text = (
        "Harbour master Ada Voss spoke to us this week.\n\n"
        "QWhy close the pier?\n\nA: Because it was unsafe.\n\n"
        "QWhen will it open?\n\nA: In May, if the weather holds."
    )
    found = events(quote_rules.Interview(), text)
    assert found == [
        (["Ada Voss"], ["Because it was unsafe"]),
        (["Ada Voss"], ["In May, if the weather holds"]),
    ]


def test_declined_to_say_whether_reports_nothing() -> None:
    assert (
        events(speech_rules.ReportedSpeech(), "She declined to say whether the pier is safe.") == []
    )


# -- attribution --------------------------------------------------------------------------


def speakers_of(*paragraphs: str) -> dict[str, list[str]]:
    article = parse_article("Headline\n\n" + "\n\n".join(paragraphs))
    return {s.name: [q.text for q in s.quotes] for s in analyze(article).speakers}


def test_a_quote_in_the_next_paragraph_continues_the_speaker() -> None:
    found = speakers_of('"We are ready," said Ada Voss.', '"The pier opens in May."')
    assert found == {"Ada Voss": ["We are ready", "The pier opens in May."]}


def test_a_quote_after_a_sentence_about_someone_is_theirs() -> None:
    found = speakers_of(
        '"We are ready," said Ada Voss.',
        'Ben Ilic shook his head. "Not before June."',
    )
    assert found["Ben Ilic"] == ["Not before June."]


def test_a_partial_quote_is_the_words_of_the_sentence_subject() -> None:
    found = speakers_of('Ada Voss opposes "any more delay" at the pier.')
    assert found == {"Ada Voss": ["any more delay"]}


def test_a_quoted_title_is_nobody_s_words() -> None:
    assert speakers_of('Ada Voss watched "The Quiet Harbour" last night.') == {}


def test_a_suit_speaks_for_its_plaintiff_and_a_spokesman_for_the_office() -> None:
    found = speakers_of(
        "A lawsuit filed by a former clerk named Ada Voss accuses the council of fraud.",
        "The suit says the council hid the accounts.",
        'Mayor spokesman Ben Ilic said the claims were false. "We will fight it," he said.',
        "The mayor's office called the suit baseless.",
    )
    assert set(found) == {"Ada Voss", "Ben Ilic"}


# -- allegation rules ---------------------------------------------------------------------


def allegation(text: str) -> tuple[str, str] | None:
    article = parse_article("Headline\n\n" + text)
    found = analyze(article).allegations
    return (found[0].accuser, found[0].accused) if found else None


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        (
            "passive accusation",
            "Ben Ilic was accused by prosecutors of forging bids.",
            ("prosecutors", "Ben Ilic"),
        ),
        (
            "investigated",
            "Ben Ilic was the subject of a federal investigation.",
            ("federal investigators", "Ben Ilic"),
        ),
        (
            "active accusation",
            "Ada Voss accused Ben Ilic of forging bids.",
            ("Ada Voss", "Ben Ilic"),
        ),
        (
            "criticised for",
            "Ada Voss knocked Ben Ilic for not declaring his shares.",
            ("Ada Voss", "Ben Ilic"),
        ),
        (
            "alleged that",
            "Ada Voss alleged that Ben Ilic forged the bids.",
            ("Ada Voss", "Ben Ilic"),
        ),
        (
            "cue in a sentence",
            '"Ben Ilic lied to the council," said Ada Voss.',
            ("Ada Voss", "Ben Ilic"),
        ),
    ],
)
def test_one_allegation_rule(rule: str, text: str, expected: tuple[str, str]) -> None:
    assert rule in {r.name for r in ALLEGATION_RULES}
    assert allegation(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ben Ilic denied the allegations.",
        "Ada Voss pushed back on those charges.",
        "The council did not find any evidence of fraud.",
        "The mayor opposed corruption in every form.",
        "The debate turned to voter fraud and illegal immigration.",
        "The harbour master was put in charge of the pier.",
    ],
)
def test_sentences_that_accuse_nobody(text: str) -> None:
    assert allegation(text) is None


def test_the_accused_is_never_a_place_or_a_sentence_opening_word() -> None:
    accused = allegation("In Lower Marsh, the council concealed the survey, Ada Voss said.")
    assert accused is not None and accused[1] != "Lower Marsh"


def test_every_allegation_cue_is_a_trigger_word() -> None:
    """The patterns run only on sentences with a trigger word: no match may lack one."""
    text = " ".join(
        [
            "Ada Voss accused the board of fraud and alleged that it lied.",
            "The firm was fined for polluting the river and failed to report it.",
            "She was charged with theft; the complaint says she stole the funds.",
            "He turned a blind eye, said nothing and withheld the accounts.",
            "They were above the legal limit and acted without permission.",
        ]
    )
    starts = set(trigger_words(text, 0, len(text)))
    for pattern in (ACCUSATION_PATTERN, WRONGDOING_PATTERN):
        for match in pattern.finditer(text):
            words = {m.start() for m in re.finditer(r"[A-Za-z]+", match.group())}
            assert {match.start() + w for w in words} & starts, match.group()


def test_allegation_rules_are_listed_in_order() -> None:
    names = [rule.name for rule in allegations.ALLEGATION_RULES]
    assert names.index("passive accusation") < names.index("active accusation")
    assert names[-1] == "cue in a sentence"
