"""What the detail pane says about each kind of thing: everything a one-line row leaves out.

Every string here is data (article text, names, notes, tags): it goes in through
`plain`, so nothing in it is read as markup or reaches the terminal as control.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text

from readerapp.ui.plain import name, plain

if TYPE_CHECKING:
    from readerapp.core.analysis.model import Allegation, Quote, Speaker
    from readerapp.core.annotation import Annotation
    from readerapp.core.notes_query import NoteRow
    from readerapp.core.people import AllegationRow, Appearance, Person


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


#: Quotes listed in a speaker's or a person's details (the rest counted: the lists have them).
QUOTES_SHOWN = 12
#: Characters of a note shown in the details (a note may be up to a megabyte).
NOTE_SHOWN = 20_000

#: How a quote's status reads in the pane (a machine quote says nothing).
STATUS_WORDS = {"confirmed": "confirmed by you", "edited": "edited by you", "added": "added by you"}


def _line(text: Text, label: str, value: str, style: str = "") -> None:
    """'label  value' on a line of its own; nothing for an empty value."""
    if not value:
        return
    if text.plain:
        text.append("\n")
    text.append(f"{label}  ", style="bold")
    text.append_text(plain(value, style))


def _block(text: Text, title: str, body: Text) -> None:
    if text.plain:
        text.append("\n")
    text.append(f"{title}\n", style="bold")
    text.append_text(body)


def quoted(quote: Quote) -> Text:
    """The quote in full: in quotation marks when they are the speaker's words, ≈ when
    reported; how the user corrected it, if they did."""
    body = plain(f"“{quote.text.strip()}”" if quote.direct else f"≈ {quote.text.strip()}")
    if quote.status in STATUS_WORDS:
        body.append(f"  ({STATUS_WORDS[quote.status]})", style="dim")
    return body


def annotation_part(text: Text, annotation: Annotation | None, heading: str = "") -> None:
    """The note (whole, every line) and the tags of an annotation."""
    if annotation is None:
        return
    if heading:
        _block(text, heading, Text())
    if annotation.tags:
        _line(text, "Tags", " ".join(f"#{t}" for t in annotation.tags), "cyan")
    if annotation.note:
        note = annotation.note.strip()
        shown = plain(note[:NOTE_SHOWN])
        if len(note) > NOTE_SHOWN:
            shown.append(f"\n… and {len(note) - NOTE_SHOWN:,} characters more (a edits it)", "dim")
        _block(text, "Note", shown)
    if annotation.colour:
        _line(text, "Colour", annotation.colour)


def note_detail(
    annotation: Annotation,
    *,
    about: str = "",
    title: str = "",
    path: str = "",
    orphaned: bool | None = False,
) -> Text:
    """An annotation: what it is on, its article, the passage, the note and tags in full."""
    text = Text()
    _line(text, "Article", title)
    if path:
        if text.plain:
            text.append("\n")
        text.append("File  ", style="bold")
        text.append_text(name(path, "dim"))
    _line(text, "On", about)
    if orphaned:
        text.append("\n" if text.plain else "")
        text.append("Orphaned: this passage is no longer in the article as it is now", "yellow")
    elif orphaned is None:
        text.append("\n" if text.plain else "")
        text.append("The article file is not on this machine", "yellow")
    _block(text, "Passage", plain(f"“{annotation.selector.exact.strip()}”"))
    annotation_part(text, annotation)
    created, updated = annotation.created[:16], annotation.updated[:16]
    when = created if created == updated else f"{created}, changed {updated}"
    _line(text, "Made", when.replace("T", " "), "dim")
    return text


def note_row_detail(row: NoteRow) -> Text:
    return note_detail(row.annotation, title=row.title, path=row.path, orphaned=row.orphaned)


def speaker_detail(speaker: Speaker, note: Annotation | None = None, shown_name: str = "") -> Text:
    """A speaker of one article: name, role, aliases, every quote, the note made on them."""
    text = Text()
    text.append_text(plain(shown_name or speaker.name, "bold"))
    if speaker.anonymous:
        text.append(" (anonymous)", style="italic")
    text.append(f"  {counted(len(speaker.quotes), 'quote')}", style="dim")
    _line(text, "Role", speaker.role)
    _line(text, "Also called", ", ".join(speaker.aliases))
    annotation_part(text, note, "Your note on them")
    for number, quote in enumerate(speaker.quotes[:QUOTES_SHOWN], 1):
        text.append(f"\n{number}. ", style="dim")
        text.append_text(quoted(quote))
    _more(text, len(speaker.quotes) - QUOTES_SHOWN, "Space lists them in the sidebar")
    return text


def _more(text: Text, left: int, where: str) -> None:
    if left > 0:
        text.append(f"\n… and {counted(left, 'quote')} more ({where})", style="dim")


def quote_detail(speaker: Speaker, quote: Quote, shown_name: str = "") -> Text:
    text = Text()
    text.append_text(plain(shown_name or speaker.name, "bold"))
    if speaker.role:
        text.append_text(plain(f", {speaker.role}", "italic"))
    text.append("\n")
    text.append_text(quoted(quote))
    return text


def allegation_detail(allegation: Allegation, note: Annotation | None = None) -> Text:
    """Accuser → accused, the claim and the evidence, all of them whole."""
    text = Text()
    text.append_text(plain(allegation.accuser, "bold"))
    text.append(" → ")
    text.append_text(plain(allegation.accused, "bold"))
    if allegation.status in STATUS_WORDS:
        text.append(f"  ({STATUS_WORDS[allegation.status]})", style="dim")
    _block(text, "Claim", plain(allegation.claim.strip()))
    _block(text, "Evidence", plain(f"“{allegation.evidence.strip()}”", "italic"))
    annotation_part(text, note, "Your note on it")
    return text


def allegation_row_detail(row: AllegationRow) -> Text:
    """An allegation across articles: its persons (and the names the article used)."""
    a = row.allegation
    text = allegation_detail(a)
    written = [
        f"{as_person} (“{written}” here)"
        for as_person, written in ((row.accuser, a.accuser), (row.accused, a.accused))
        if as_person != written
    ]
    for line in written:
        _line(text, "As a person", line, "dim")
    _line(text, "Article", row.article.title)
    _line(text, "Date", row.article.date or "")
    return text


def person_detail(person: Person) -> Text:
    """A person across articles: every name and role, and each article's quotes in full."""
    text = Text()
    text.append_text(plain(person.name, "bold"))
    if person.anonymous:
        text.append(" (anonymous)", style="italic")
    text.append(
        f"  {counted(person.article_count, 'article')}, {counted(person.quote_count, 'quote')}",
        style="dim",
    )
    _line(text, "Roles", "; ".join(person.roles))
    _line(text, "Also called", ", ".join(person.aliases))
    room = QUOTES_SHOWN
    for appearance in person.appearances:
        if room <= 0:
            break
        text.append("\n")
        _appearance(text, appearance, appearance.quotes[:room])
        room -= len(appearance.quotes)
    _more(text, person.quote_count - QUOTES_SHOWN, "Enter lists them all")
    return text


def _appearance(text: Text, appearance: Appearance, quotes: Iterable[Quote]) -> None:
    text.append("\n")
    text.append_text(plain(appearance.article.title or str(appearance.article.path), "underline"))
    if appearance.article.date:
        text.append(f"  {appearance.article.date}", style="dim")
    here = ", ".join(filter(None, (appearance.name, appearance.role)))
    if here:
        text.append_text(plain(f"  as {here}", "italic dim"))
    for quote in quotes:
        text.append("\n  ")
        text.append_text(quoted(quote))


def appearance_quote_detail(person: Person, appearance: Appearance, quote: Quote) -> Text:
    """One quote of a person, in full, with the article it is in."""
    text = Text()
    text.append_text(plain(person.name, "bold"))
    _appearance(text, appearance, (quote,))
    return text
