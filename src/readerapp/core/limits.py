"""How much one annotation may hold: the one list that import, the store and the editors check.

Without limits one imported 200 MB note made every later save slow, since the
database is rewritten on save. The figures are far above what a person types
or selects (an article opens up to 10 MB, so a passage is at most that), and
low enough that a runaway input is refused with a message instead of being
kept. The note editor checks `NOTE` before it saves; import checks every field
and names the place of the first one over its limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["characters", "bytes"]


@dataclass(frozen=True)
class Limit:
    """A maximum size for one field; `problem` says in words how a value exceeds it."""

    field: str
    maximum: int
    unit: Unit = "characters"

    def size(self, value: str) -> int:
        """The value's size in this limit's unit (a note counts its UTF-8 bytes)."""
        if self.unit == "bytes":
            return len(value.encode("utf-8", errors="surrogatepass"))
        return len(value)

    def problem(self, value: str) -> str | None:
        """None when `value` fits; otherwise e.g. "over 1 MB (1,200,000 bytes)"."""
        if len(value) <= self._cheap_bound():
            return None  # the common case, decided without encoding
        size = self.size(value)
        if size <= self.maximum:
            return None
        return f"over {self.describe()} ({size:,} {self.unit})"

    def describe(self) -> str:
        """The limit in words: "1 MB", "200 characters"."""
        if self.unit == "bytes" and self.maximum % 1_000_000 == 0:
            return f"{self.maximum // 1_000_000} MB"
        return f"{self.maximum:,} {self.unit}"

    def _cheap_bound(self) -> int:
        # A UTF-8 character is at most 4 bytes, so this many characters always fit.
        return self.maximum // 4 if self.unit == "bytes" else self.maximum


@dataclass(frozen=True)
class CountLimit:
    """A maximum number of items in a list field (tags on one annotation)."""

    field: str
    maximum: int

    def problem(self, count: int) -> str | None:
        if count <= self.maximum:
            return None
        return f"{count:,} items; at most {self.maximum:,} are allowed"


NOTE = Limit("note", 1_000_000, "bytes")
TAG = Limit("tag", 200)
TAGS = CountLimit("tags", 100)
QUOTE = Limit("quote", 100_000)  # the passage, `selector.exact`
CONTEXT = Limit("context", 1_000)  # `selector.prefix` and `selector.suffix`
ID = Limit("id", 200)
TITLE = Limit("title", 1_000)
PATH = Limit("path", 4_096)  # Linux's PATH_MAX
LINK_KEY = Limit("link key", 100_000)  # a speaker's name or an allegation's evidence

ALL: tuple[Limit | CountLimit, ...] = (NOTE, TAG, TAGS, QUOTE, CONTEXT, ID, TITLE, PATH, LINK_KEY)
