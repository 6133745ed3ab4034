"""People across articles: who is merged with whom, their roles and quotes, and allegations
named by person and filtered by accuser or accused."""

from __future__ import annotations

from pathlib import Path

from readerapp.core.analysis import Allegation, Analysis, Quote, Speaker
from readerapp.core.library_index import ArticleIdentity, IndexedArticle
from readerapp.core.people import allegations, name_parts, people


def article(number: int, *speakers: Speaker, claims: tuple[Allegation, ...] = ()) -> IndexedArticle:
    identity = ArticleIdentity(Path(f"/news/{number}.txt"), f"{number:064x}", f"Story {number}")
    return IndexedArticle(identity, Analysis(speakers=speakers, allegations=claims))


def said(name: str, *quotes: str, aliases: tuple[str, ...] = (), role: str = "", anonymous=False):
    made = tuple(Quote(10 * i, 10 * i + len(q), q) for i, q in enumerate(quotes))
    return Speaker(name, aliases=aliases, role=role, anonymous=anonymous, quotes=made)


def by_name(found):
    return {p.name: p for p in found}


def test_a_full_name_and_a_title_with_the_surname_are_one_person():
    found = by_name(
        people(
            [
                article(1, said("Maria Lopes", "one", role="harbour master")),
                article(2, said("Ms Lopes", "two", "three")),
            ]
        )
    )
    assert set(found) == {"Maria Lopes"}
    maria = found["Maria Lopes"]
    assert maria.article_count == 2 and maria.quote_count == 3
    assert maria.aliases == ("Ms Lopes",) and maria.roles == ("harbour master",)
    assert [a.name for a in maria.appearances] == ["Maria Lopes", "Ms Lopes"]
    assert [len(a.quotes) for a in maria.appearances] == [1, 2]


def test_two_people_sharing_a_surname_are_not_merged_and_a_bare_surname_joins_neither():
    found = by_name(
        people(
            [
                article(1, said("Maria Lopes", "a")),
                article(2, said("Joao Lopes", "b")),
                article(3, said("Lopes", "c")),
                article(4, said("Dr Maria Lopes", "d", role="surgeon")),
            ]
        )
    )
    assert set(found) == {"Maria Lopes", "Joao Lopes", "Lopes"}
    assert found["Maria Lopes"].article_count == 2  # "Dr Maria Lopes" is her
    assert found["Maria Lopes"].roles == ("surgeon",)
    assert found["Joao Lopes"].article_count == 1 and found["Lopes"].article_count == 1


def test_names_are_compared_without_case_accents_or_titles():
    assert name_parts("Dr. José  LÓPEZ") == ("jose", "lopez")
    found = people([article(1, said("José López", "a")), article(2, said("Mr Jose Lopez", "b"))])
    assert [(p.name, p.article_count) for p in found] == [("José López", 2)]


def test_aliases_link_articles_too():
    found = people(
        [
            article(1, said("Farida Khan", "a", aliases=("Khan",))),
            article(2, said("the opposition leader", "b", aliases=("Farida Khan",))),
        ]
    )
    assert [(p.name, p.article_count) for p in found] == [("Farida Khan", 2)]


def test_a_description_opening_a_sentence_does_not_become_the_persons_name():
    found = people(
        [article(1, said("The former Mayor", "a", "b", aliases=("Rosa Vidal", "Vidal")))]
    )
    assert [p.name for p in found] == ["Rosa Vidal"]
    assert "The former Mayor" in found[0].aliases


def test_anonymous_sources_are_never_merged_across_articles():
    source = said("a senior official", "x", anonymous=True)
    found = people([article(1, source), article(2, source)])
    assert [p.article_count for p in found] == [1, 1] and all(p.anonymous for p in found)


def test_the_same_description_is_one_speaker_a_different_one_is_not():
    found = people(
        [
            article(1, said("the ministry", "a")),
            article(2, said("The ministry", "b")),
            article(3, said("the city council", "c")),
        ]
    )
    assert sorted((p.name.casefold(), p.article_count) for p in found) == [
        ("the city council", 1),
        ("the ministry", 2),
    ]


def test_most_quoted_across_most_articles_come_first():
    found = people(
        [
            article(1, said("Tomas Berg", "a"), said("Maria Lopes", "b", "c")),
            article(2, said("Maria Lopes", "d")),
        ]
    )
    assert [p.name for p in found] == ["Maria Lopes", "Tomas Berg"]


CLAIMS = (
    article(
        1,
        said("Maria Lopes", "a", aliases=("Lopes",)),
        claims=(Allegation("Lopes", "the port authority", "wasting time", 0, 5, "x"),),
    ),
    article(
        2,
        said("Tomas Berg", "b"),
        claims=(Allegation("Tomas Berg", "Maria Lopes", "leaking the survey", 0, 5, "y"),),
    ),
    article(3, claims=(Allegation("Ms Lopes", "the council", "ignoring the quay", 0, 5, "z"),)),
)


def test_allegations_name_accuser_and_accused_as_persons():
    rows = allegations(CLAIMS)
    assert [(r.accuser, r.accused) for r in rows] == [
        ("Maria Lopes", "the port authority"),
        ("Tomas Berg", "Maria Lopes"),
        ("Maria Lopes", "the council"),  # the library's one Lopes with a full name
    ]


def test_allegations_filter_by_accuser_or_accused():
    by_her = allegations(CLAIMS, accuser="maria")
    assert [r.allegation.claim for r in by_her] == ["wasting time", "ignoring the quay"]
    against_her = allegations(CLAIMS, accused="LOPES")
    assert [r.allegation.claim for r in against_her] == ["leaking the survey"]
    assert allegations(CLAIMS, accuser="berg", accused="port") == []
