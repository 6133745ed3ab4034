"""Read untrusted JSON with errors that name the place, e.g. `annotations[3].selector.start`.

Import checks every field before anything is written, so a bad file is
rejected whole; the message must let the user find the bad spot in an editor.
Hand-written checks rather than jsonschema at run time: jsonschema is a test
dependency only, and its messages name schema paths, not the user's data.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from readerapp.core.annotation import COLOURS, Link
from readerapp.core.exchange.errors import ExchangeError

LINK_KINDS = ("speaker", "allegation")

_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def describe(value: Any) -> str:
    """What a JSON value is, in words ("a string", "null")."""
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def at(where: str, key: str | int) -> str:
    """The place of `key` inside `where`: `a.b`, `a[3]`."""
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def problem(where: str, message: str) -> ExchangeError:
    return ExchangeError(f"{where}: {message}" if where else message)


def expect_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise problem(where, f"expected an object, got {describe(value)}")
    return value


def expect_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise problem(where, f"expected a list, got {describe(value)}")
    return value


def field(obj: dict[str, Any], key: str, where: str) -> Any:
    """`obj[key]`, or an error saying the key is missing."""
    if key not in obj:
        raise problem(where, f'missing "{key}"')
    return obj[key]


def string(obj: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    """A string field; with a default, an absent key or null gives the default."""
    if default is not None and obj.get(key) is None:
        return default
    value = field(obj, key, where)
    if not isinstance(value, str):
        raise problem(at(where, key), f"expected a string, got {describe(value)}")
    return value


def offset(obj: dict[str, Any], key: str, where: str) -> int:
    """A text offset: a non-negative integer (JSON true/false are not integers)."""
    value = field(obj, key, where)
    if not isinstance(value, int) or isinstance(value, bool):
        raise problem(at(where, key), f"expected an integer, got {describe(value)}")
    if value < 0:
        raise problem(at(where, key), f"expected an offset of 0 or more, got {value}")
    return value


def offsets(obj: dict[str, Any], where: str) -> tuple[int, int]:
    start, end = offset(obj, "start", where), offset(obj, "end", where)
    if end < start:
        raise problem(at(where, "end"), f"is before start ({end} < {start})")
    return start, end


def timestamp(obj: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    """An ISO 8601 timestamp, kept as written so a round trip is exact."""
    value = string(obj, key, where, default)
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise problem(
            at(where, key), f"expected an ISO 8601 timestamp, got {value[:40]!r}"
        ) from None
    return value


def instant(value: str) -> datetime:
    """A checked timestamp as an aware datetime, for newer-wins (no zone means UTC)."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def string_list(obj: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = expect_list(obj.get(key, []), at(where, key))
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise problem(at(at(where, key), index), f"expected a string, got {describe(item)}")
    return tuple(items)


def sha256_hex(value: str, where: str) -> str:
    """An article hash: 64 lowercase hex digits, or empty when the export had none."""
    if value and (len(value) != 64 or value.strip("0123456789abcdef")):
        raise problem(where, "expected 64 lowercase hex digits")
    return value


def colour(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is not None and value not in COLOURS:
        shown = repr(value) if isinstance(value, str) else describe(value)
        raise problem(at(where, key), f"expected one of {', '.join(COLOURS)} or null, got {shown}")
    return value


def link(obj: dict[str, Any], key: str, where: str) -> Link | None:
    value = obj.get(key)
    if value is None:
        return None
    here = at(where, key)
    expect_object(value, here)
    kind = string(value, "kind", here)
    if kind not in LINK_KINDS:
        raise problem(at(here, "kind"), f"expected speaker or allegation, got {kind[:40]!r}")
    return Link(kind, string(value, "key", here))
