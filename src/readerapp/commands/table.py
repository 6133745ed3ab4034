"""A plain-text table for the listing commands: one line per row, cut to the terminal's width.

Cells hold outside text (titles, passages, notes), so each is made one line of
plain text (`safe_text.shown`, whitespace runs made one space) before it is
measured and printed. Column widths are shared out by what the cells need, so
a short column (a date) is never cut while a long one (a passage) takes the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from readerapp.core.safe_text import shown

GAP = "  "
MIN_COLUMN = 6


def one_line(text: str) -> str:
    return " ".join(shown(text).split())


def cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def column_widths(cells: list[list[str]], headers: Sequence[str], width: int) -> list[int]:
    """Each column's width: what it needs, the widest cut down first until the row fits."""
    need = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    room = width - len(GAP) * (len(headers) - 1)
    widths = list(need)
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= MIN_COLUMN:
            break
        widths[widest] -= 1
    return widths


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, width: int) -> None:
    cells = [[one_line(c) for c in row] for row in rows]
    widths = column_widths(cells, headers, width)
    for row in [list(headers), ["-" * w for w in widths], *cells]:
        line = GAP.join(cut(c, w).ljust(w) for c, w in zip(row, widths, strict=True))
        print(line.rstrip())
