"""TinyDB tables keyed by the records' own string ids, through TinyDB's public table API.

Annotation ids (and shard names) are strings, so the tables set TinyDB's
documented `document_id_class` hook to `str` and every record is stored under
its id: a lookup is `get(doc_id=…)`, an upsert is `remove` plus
`insert_multiple` of `Document`s carrying their ids. Nothing here overrides
TinyDB's private methods. Each call that changes a table is one TinyDB write;
the store runs them inside a `storage.Batch`, so a save is still one file
write. (TinyDB's type hints say ids are ints: the `type: ignore`s below are
where string ids meet those hints.)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table


class StrKeyTable(Table):
    """A TinyDB table whose document ids are strings (the ids inside the records)."""

    document_id_class = str  # type: ignore[assignment]  # TinyDB types ids as int

    def record(self, key: str) -> dict[str, Any] | None:
        """The stored record with this id (a copy), or None."""
        found = self.get(doc_id=key)  # type: ignore[call-overload]
        return None if found is None else dict(found)

    def records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, record) for every stored record, in stored order (copies)."""
        for document in self:
            yield str(document.doc_id), document

    def put(self, records: Mapping[str, Mapping[str, Any]]) -> None:
        """Insert or replace whole records by id (two table writes: run it in a Batch)."""
        present = [key for key in records if self.contains(doc_id=key)]  # type: ignore[arg-type]
        if present:
            self.remove(doc_ids=present)  # type: ignore[arg-type]
        self.insert_multiple(
            Document(record, doc_id=key)  # type: ignore[arg-type]
            for key, record in records.items()
        )

    def drop(self, keys: list[str]) -> None:
        """Remove the records with these ids (absent ones are skipped)."""
        self.remove(doc_ids=keys)  # type: ignore[arg-type]


class Database(TinyDB):
    """TinyDB with string-keyed tables."""

    table_class = StrKeyTable

    def keyed(self, name: str) -> StrKeyTable:
        table = self.table(name)
        assert isinstance(table, StrKeyTable)
        return table
