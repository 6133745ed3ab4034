"""The export formats, named once: the command line's `--format` choices and the
reader's export dialog are both built from `FORMATS`, so a new format shows up in both."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its `--format` name, what the dialog says of it, its file suffix."""

    name: str
    label: str
    suffix: str
    importable: bool  # whether `readerapp import` reads it back


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("json", "JSON: readerapp's own format, imports back losslessly", ".json", True),
    ExportFormat(
        "w3c", "W3C Web Annotation (JSON-LD), for other annotation tools", ".jsonld", True
    ),
    ExportFormat("md", "Markdown, for notes apps and reports", ".md", False),
)
FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)


def export_format(name: str) -> ExportFormat:
    """The format called `name`; ValueError naming the known ones otherwise."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise ValueError(f"unknown export format {name!r}; expected one of {', '.join(FORMAT_NAMES)}")
