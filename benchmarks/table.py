"""The one table every benchmark prints: measure, figure, baseline, ratio, target, result."""

from __future__ import annotations

COLUMNS = ("measure", "figure", "baseline", "ratio", "target")


def print_table(rows: list[dict]) -> int:
    """Print the rows aligned; return the number of failed targets."""
    cells = [{c: str(row.get(c, "")) for c in COLUMNS} for row in rows]
    widths = {c: max(len(c), *(len(r[c]) for r in cells)) for c in COLUMNS}
    header = "  ".join(c.ljust(widths[c]) for c in COLUMNS) + "  result"
    print(header)
    print("-" * len(header))
    for row, text in zip(rows, cells, strict=True):
        line = "  ".join(text[c].ljust(widths[c]) for c in COLUMNS)
        print(f"{line}  {'pass' if row['ok'] else 'FAIL'}")
    return sum(1 for row in rows if not row["ok"])
