"""A small library of articles written for the tests: the harbour master Maria Lopes is
quoted in two of them, a councillor Joao Lopes shares her surname, and a bare "Lopes" in
the third could be either."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readerapp.core.annotation import Annotation, TextSelector, article_ref
from readerapp.core.article import Article

LIBRARY = {
    "harbour.txt": """Harbour dredging plan delayed again

12 March 2026

The port authority has postponed the dredging of the inner harbour for a third time.

"We cannot start until the survey is finished," said Maria Lopes, the harbour master.

Fishermen accused the port authority of wasting two seasons. Ms Lopes said work ends in May.
""",
    "ferry.txt": """Ferry timetable cut over winter

3 April 2026

Fewer ferries will sail to the islands this winter, the operator announced.

"The winter crossings lose money every year," said Tomas Berg, the operator's chief executive.

"Nobody asked the islanders," said Lopes, who has criticised the operator before.
""",
    "council.txt": """Council approves new fish market

20 April 2026

The city council approved a new fish market on the quay on Tuesday.

"It will bring buyers back to the harbour," said Joao Lopes, a councillor for the docks ward.

Maria Lopes, the harbour master, welcomed the vote. "The quay needs it," she said.
""",
}


def write_library(folder: Path) -> dict[str, Path]:
    """The articles written into `folder` (created); name → path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in LIBRARY.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


def annotation_on(article: Article, passage: str, number: int, **changes: Any) -> Annotation:
    """An annotation on the first `passage` of `article`, with a stable id and date."""
    start = article.text.index(passage)
    fields = {
        "id": f"urn:uuid:00000000-0000-4000-8000-{number:012d}",
        "article": article_ref(article),
        "selector": TextSelector.from_text(article.text, start, start + len(passage)),
        "created": f"2026-05-0{number}T10:00:00.000Z",
    }
    return Annotation(**(fields | changes))
