"""Read untrusted JSON with errors that name the place, e.g. `annotations[3].selector.start`.

Import checks every field before anything is written, so a bad file is
rejected whole; the message must let the user find the bad spot in an editor.
Hand-written checks rather than jsonschema at run time: jsonschema is a test
dependency only, and its messages name schema paths, not the user's data.

Every string an export holds is outside data, so the readers here hand out
text only through `text` and `line`, which clean it of terminal controls
(`safe_text`) and hold it to its limit (`limits`) as it enters. File paths are
the one exception: a path must stay the name of the file, so it is kept as it
is and shown with `safe_text.visible_name`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from readerapp.core import limits
from readerapp.core.annotation import COLOURS, Link, utc_timestamp
from readerapp.core.exchange.errors import ExchangeError
from readerapp.core.safe_text import clean_line, clean_text

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


def quoted(value: Any) -> str:
    """A bad value for an error message: a string quoted, cleaned and cut short; any other
    value named by its kind. The message is printed, so imported text must be made safe."""
    if isinstance(value, str):
        return repr(clean_line(value[:40]))
    return describe(value)


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


def within(value: str, limit: limits.Limit, where: str) -> str:
    """`value` if it fits `limit`; otherwise an error naming the place."""
    too_big = limit.problem(value)
    if too_big:
        raise problem(where, too_big)
    return value


def cleaned(value: str, clean: Callable[[str], str], limit: limits.Limit, where: str) -> str:
    """`clean(value)` within `limit`, checked before cleaning too (a runaway value is
    refused before any work on it) and after (cleaning turns a form feed into two
    line breaks)."""
    return within(clean(within(value, limit, where)), limit, where)


def text(
    obj: dict[str, Any], key: str, where: str, limit: limits.Limit, default: str | None = None
) -> str:
    """Multi-line text (a note, a passage) as it may be kept: cleaned, within its limit."""
    return cleaned(string(obj, key, where, default), clean_text, limit, at(where, key))


def line(
    obj: dict[str, Any], key: str, where: str, limit: limits.Limit, default: str | None = None
) -> str:
    """One-line text (an id, a title, a name): cleaned to one line, within its limit."""
    return cleaned(string(obj, key, where, default), clean_line, limit, at(where, key))


def revision(obj: dict[str, Any], key: str, where: str) -> int:
    """The change counter that decides which copy is newer; 1 when absent (older exports)."""
    value = obj.get(key, 1)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        shown = value if isinstance(value, int) else quoted(value)
        raise problem(at(where, key), f"expected a whole number of 1 or more, got {shown}")
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
    """An ISO 8601 timestamp, written as UTC with an offset as the store keeps it.

    One without a zone is taken as UTC, as the store takes its old records.
    """
    value = string(obj, key, where, default)
    try:
        return utc_timestamp(value)
    except ValueError:
        shown = quoted(value)
        raise problem(at(where, key), f"expected an ISO 8601 timestamp, got {shown}") from None


def tag_list(obj: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    """Tags, each cleaned to one line and within its limit; ones left empty are dropped."""
    here = at(where, key)
    items = expect_list(obj.get(key, []), here)
    return tags(items, here)


def tags(items: list[Any], where: str) -> tuple[str, ...]:
    """`items` checked as tags (strings, at most `limits.TAGS` of them), cleaned, no empties."""
    too_many = limits.TAGS.problem(len(items))
    if too_many:
        raise problem(where, too_many)
    found = (tag(item, at(where, index)) for index, item in enumerate(items))
    return tuple(t for t in found if t)


def tag(value: Any, where: str) -> str:
    """One tag: a string, cleaned to one line, within `limits.TAG`; "" if nothing is left."""
    if not isinstance(value, str):
        raise problem(where, f"expected a string, got {describe(value)}")
    return cleaned(value, clean_line, limits.TAG, where)


def sha256_hex(value: str, where: str) -> str:
    """An article hash: 64 lowercase hex digits, or empty when the export had none."""
    if value and (len(value) != 64 or value.strip("0123456789abcdef")):
        raise problem(where, "expected 64 lowercase hex digits")
    return value


def colour(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is not None and value not in COLOURS:
        shown = quoted(value)
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
        raise problem(at(here, "kind"), f"expected speaker or allegation, got {quoted(kind)}")
    return Link(kind, line(value, "key", here, limits.LINK_KEY))
