"""News-like text of our own for the benchmarks: claims built from parts, quotes, names.

Nothing here comes from real articles. Claims are put together from parts, so
that, as in real news, whole clauses seldom repeat, while names, bodies and
turns of phrase recur the way they do across a newspaper's coverage.
"""

from __future__ import annotations

import random

NAMES = [
    "Farida Khan",
    "Łukasz Nowak",
    "Zoë Ó Briain",
    "Mehmet Yılmaz",
    "Ana María Peña",
    "Nguyễn Thị Lan",
    "Søren Dahl",
    "Aisha Al-Rashid",
    "Kofi Mensah",
    "Inês Carvalho",
    "Dmitri Volkov",
    "Hana Novák",
    "Tomás Ruiz",
    "Priya Raghunathan",
]
BODIES = [
    "the ministry",
    "the port authority",
    "the regulator",
    "the audit office",
    "the city council",
    "the union",
    "the inquiry",
    "the board",
    "the hospital trust",
    "the water company",
    "the prosecutor’s office",
    "the airline",
    "the university",
]
VERBS = [
    "said",
    "told reporters",
    "insisted",
    "denied",
    "warned",
    "added",
    "claimed",
    "wrote",
    "argued",
    "confirmed",
    "suggested",
    "conceded",
]
SUBJECTS = [
    "the figures",
    "nobody",
    "the contract",
    "the report",
    "the inspection",
    "the data",
    "the vote",
    "the minister",
    "the tender",
    "the budget",
    "the pilots",
    "the second audit",
    "the new director",
    "the engineers",
    "the emails",
]
PREDICATES = [
    "had been revised twice",
    "had seen the draft",
    "was signed too early",
    "found no faults",
    "were shared with a third party",
    "would be postponed",
    "had been offered a post abroad",
    "went €4.2m over",
    "was never tested",
    "were deleted in August",
    "failed twice",
    "was approved without a quorum",
    "had warned of delays",
    "was leaked to the press",
    "cost twice the estimate",
    "ignored the engineers",
    "was rewritten by lawyers",
    "missed every deadline",
    "broke the procurement rules",
    "kept a second ledger",
    "paid the consultants",
    "lost the backup tapes",
    "overstated the savings",
    "skipped the safety check",
    "met the bidders privately",
    "changed the scoring",
    "was moved to Lisbon",
    "hid the overtime",
    "double-counted the grants",
    "was backdated",
]
WHEN = [
    "in March",
    "last year",
    "before the election",
    "during the night shift",
    "on Tuesday",
    "in 2019",
    "within a week",
    "after the fire",
    "— again —",
    "for the first time",
    "despite the warnings",
    "according to the minutes",
    "without telling the board",
    "while the mayor was abroad",
    "in the spring of 2021",
    "two days after the audit",
    "under the old contract",
    "by mid-October",
    "at the Brussels office",
    "after the merger",
    "in front of the committee",
    "before anyone noticed",
    "over the Christmas break",
    "in the first quarter",
    "at least three times",
    "behind closed doors",
    "as early as 2017",
    "on the eve of the vote",
    "in an internal memo",
    "with the minister’s approval",
]


def claim(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)} {rng.choice(WHEN)}"


def generated_article(rng: random.Random, paragraphs: int = 14) -> str:
    """News-like text: attributed quotes, claims, numbers, non-ASCII names.

    Claims are put together from parts, so that, as in real articles, whole
    clauses seldom repeat.
    """
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            name, body, verb = rng.choice(NAMES), rng.choice(BODIES), rng.choice(VERBS)
            sentences.append(
                rng.choice(
                    [
                        f"“{claim(rng).capitalize()},” {name} {verb}.",
                        f"{name}, who advises {body}, {verb} that {claim(rng)}.",
                        f"{body.capitalize()} {verb} that {claim(rng)} — a claim {name} disputes.",
                        f"In {rng.randint(1990, 2025)}, {body} reported "
                        f"{rng.randint(2, 900)} cases.",
                        f"Asked whether {claim(rng)}, {name} {verb}: “{claim(rng).capitalize()}.”",
                    ]
                )
            )
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = words(
    "Maria Tomas Aisha Kwame Ingrid Rafael Mei Oskar Leila Dmitri Amara Henrik Sofia Jonas "
    "Nadia Pablo Yuki Fatima Lars Chiara Emeka Anya Mateo Greta Ravi Elena Tariq Ines Bram "
    "Zainab Felix Marta Kenji Olga Samir Hanna Diego Noor Pieter Lucia"
)
SURNAMES = words(
    "Lopes Berg Okafor Lindqvist Moreau Haddad Tanaka Novak Mensah Ferreira Kowalski Reyes "
    "Nilsson Farouk Costa Brennan Adeyemi Sato Petrov Ibrahim Hansen Rossi Mwangi Duarte Weber "
    "Khan Olsen Murphy Sandoval Varga Achterberg Quinn Demir Holm Castillo Obi Laine Marchetti "
    "Suzuki Baptiste"
)
ROLES = (
    "the harbour master",
    "a councillor for the docks ward",
    "the ministry's spokeswoman",
    "chief executive of the operator",
    "an engineer who inspected the site",
    "the union's regional secretary",
    "a lawyer for the residents",
    "the hospital's medical director",
    "an economist at the state bank",
    "the regulator's head of enforcement",
)
TOPICS = (
    "Harbour dredging",
    "Ferry timetable",
    "Fish market",
    "Water tariff",
    "Hospital waiting list",
    "School inspection",
    "Bridge repairs",
    "Airport expansion",
    "Landfill contract",
    "Tram extension",
    "Housing grant",
    "Port tender",
)
TURNS = ("delayed again", "under review", "approved", "challenged in court", "cut", "criticised")
WRONGS = (
    "hiding the survey",
    "wasting two seasons",
    "misleading the committee",
    "ignoring the engineers",
    "overcharging residents",
    "backdating the contract",
)


def person_pool(rng: random.Random, size: int) -> list[tuple[str, str, str]]:
    """People a newspaper quotes again and again: (first name, surname, role)."""
    pool: dict[tuple[str, str], str] = {}
    while len(pool) < size:
        pool.setdefault((rng.choice(FIRST_NAMES), rng.choice(SURNAMES)), rng.choice(ROLES))
    return [(first, last, role) for (first, last), role in pool.items()]


def library_article(rng: random.Random, people: list[tuple[str, str, str]], number: int) -> str:
    """A whole article file: headline, date, then paragraphs in which two to four people of
    `people` are quoted by full name, then by surname, and some accuse a body of something."""
    topic, turn = rng.choice(TOPICS), rng.choice(TURNS)
    body = rng.choice(BODIES)
    title = f"{topic} {turn} ({number})"
    cast = rng.sample(people, rng.randint(2, 4))
    paragraphs = [f"{body.capitalize()} said on {rng.choice(WHEN)} that {claim(rng)}."]
    for first, last, role in cast:
        verb = rng.choice(VERBS)
        paragraphs.append(f"“{claim(rng).capitalize()},” said {first} {last}, {role}.")
        paragraphs.append(
            rng.choice(
                [
                    f"{last} {verb} that {claim(rng)}.",
                    f"“{claim(rng).capitalize()},” {last} added.",
                    f"{first} {last} accused {body} of {rng.choice(WRONGS)}.",
                ]
            )
        )
    paragraphs.append(f"In {rng.randint(1990, 2025)}, {body} reported {rng.randint(2, 900)} cases.")
    day = 1 + number % 28
    return f"{title}\n\n{day} March 2026\n\n" + "\n\n".join(paragraphs) + "\n"
