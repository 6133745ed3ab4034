"""A correction: one thing the user said about one item of the analysis, stored like a note.

A correction is never edited once made: renaming a speaker twice makes two
corrections, and the later one wins when they are applied in order (see
`apply`). Only its `deleted` flag changes (undo, redo, restoring a removed
item), with its revision bumped as for annotations, so two windows never
change the same record's content and `annotation.newer` decides between two
copies of one record. Which item a correction is about is kept as a *ref*:
the item as the machine found it, with a text selector for every passage, so
the correction finds its item again in a new analysis or an edited article.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from readerapp.core import limits
from readerapp.core.annotation import (
    ArticleRef,
    TextSelector,
    path_from_record,
    path_to_record,
    utc_now,
    utc_timestamp,
)
from readerapp.core.safe_text import clean_line, clean_text

Action = Literal[
    "speaker.edit",  # name, role, anonymous (any of them)
    "speaker.merge",  # into `speaker`: its aliases and quotes join that speaker
    "speaker.remove",  # not a speaker (its quotes go with it)
    "speaker.confirm",
    "quote.reassign",  # to `speaker` (an existing one, or a new one by name)
    "quote.replace",  # its passage becomes `span`
    "quote.remove",
    "quote.confirm",
    "quote.add",  # `span` as a quote of `speaker`
    "allegation.edit",  # accuser, accused, claim (any of them)
    "allegation.replace",  # its evidence becomes `span`
    "allegation.remove",
    "allegation.confirm",
    "allegation.add",  # `span` as the evidence of accuser → accused: claim
]
ACTIONS: tuple[str, ...] = get_args(Action)

#: Quotes of a speaker kept in its ref: enough to recognise the speaker by its quotes.
REF_QUOTES = 12


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker as the machine named it (or as the user named a new one: `new`)."""

    name: str
    aliases: tuple[str, ...] = ()
    quotes: tuple[TextSelector, ...] = ()  # some of its quotes, to know it by what it said
    new: bool = False  # named by the user: found by name, made if there is none


@dataclass(frozen=True)
class QuoteRef:
    """A quote by its passage as first found, and the (machine) name of its speaker."""

    selector: TextSelector
    speaker: str = ""


@dataclass(frozen=True)
class AllegationRef:
    """An allegation by its evidence passage and what the machine said of it."""

    selector: TextSelector
    accuser: str
    accused: str
    claim: str


Ref = SpeakerRef | QuoteRef | AllegationRef


@dataclass(frozen=True)
class Fix:
    """What a correction changes: the action, its item, and the values it sets."""

    action: Action
    target: Ref | None = None  # the item acted on; None for the adds
    speaker: SpeakerRef | None = None  # where a quote goes; what a speaker is merged into
    span: TextSelector | None = None  # the new passage (replace, add)
    name: str | None = None
    role: str | None = None
    anonymous: bool | None = None
    accuser: str | None = None
    accused: str | None = None
    claim: str | None = None
    direct: bool | None = None  # an added quote: the speaker's own words (else reported)

    def __post_init__(self) -> None:
        problem = _shape_problem(self)
        if problem:
            raise ValueError(f"{self.action}: {problem}")


_TARGETS: dict[str, type] = {
    "speaker": SpeakerRef,
    "quote": QuoteRef,
    "allegation": AllegationRef,
}
_VALUES = ("name", "role", "anonymous", "accuser", "accused", "claim")


def _shape_problem(fix: Fix) -> str | None:
    """What a fix lacks for its action (None: nothing)."""
    if fix.action not in ACTIONS:
        return "unknown action"
    kind, verb = fix.action.split(".")
    if verb == "add":
        if fix.target is not None or fix.span is None:
            return "an add takes a span and no target"
    elif not isinstance(fix.target, _TARGETS[kind]):
        return f"expected a {kind} as its target"
    if fix.action in ("quote.reassign", "quote.add", "speaker.merge") and fix.speaker is None:
        return "expected the speaker it goes to"
    if verb == "replace" and fix.span is None:
        return "expected the new span"
    if fix.action == "speaker.edit" and fix.name is fix.role is fix.anonymous is None:
        return "expected a name, role or anonymous"
    if fix.action == "allegation.edit" and fix.accuser is fix.accused is fix.claim is None:
        return "expected an accuser, accused or claim"
    if fix.action == "allegation.add" and None in (fix.accuser, fix.accused, fix.claim):
        return "expected accuser, accused and claim"
    if fix.name is not None and not fix.name.strip():
        return "a speaker's name cannot be empty"
    return None


@dataclass(frozen=True)
class Correction:
    """A fix as stored: its id, the article's identity, when, and its revision."""

    id: str
    article: ArticleRef
    fix: Fix
    created: str = field(default_factory=utc_now)
    updated: str = ""
    revision: int = 1  # bumped by every change of `deleted`; decides which copy is newer
    deleted: bool = False  # withdrawn (undone): kept so that the withdrawal travels and holds

    def __post_init__(self) -> None:
        if not self.updated:
            object.__setattr__(self, "updated", self.created)

    def flipped(self, deleted: bool, *, now: str | None = None) -> Correction:
        """The same correction withdrawn or made again, its revision bumped."""
        return replace(self, deleted=deleted, revision=self.revision + 1, updated=now or utc_now())


# -- records ------------------------------------------------------------------------


def _selector(s: TextSelector) -> dict[str, Any]:
    return {
        "exact": s.exact,
        "prefix": s.prefix,
        "suffix": s.suffix,
        "start": s.start,
        "end": s.end,
    }


def ref_record(ref: Ref) -> dict[str, Any]:
    if isinstance(ref, SpeakerRef):
        return {
            "kind": "speaker",
            "name": ref.name,
            "aliases": list(ref.aliases),
            "quotes": [_selector(q) for q in ref.quotes],
            "new": ref.new,
        }
    if isinstance(ref, QuoteRef):
        return {"kind": "quote", "selector": _selector(ref.selector), "speaker": ref.speaker}
    return {
        "kind": "allegation",
        "selector": _selector(ref.selector),
        "accuser": ref.accuser,
        "accused": ref.accused,
        "claim": ref.claim,
    }


def fix_record(fix: Fix) -> dict[str, Any]:
    """The fix as JSON: the action, its refs, and only the values it sets."""
    record: dict[str, Any] = {"action": fix.action}
    if fix.target is not None:
        record["target"] = ref_record(fix.target)
    if fix.speaker is not None:
        record["speaker"] = ref_record(fix.speaker)
    if fix.span is not None:
        record["span"] = _selector(fix.span)
    for name in (*_VALUES, "direct"):
        value = getattr(fix, name)
        if value is not None:
            record[name] = value
    return record


def to_record(c: Correction) -> dict[str, Any]:
    """The JSON document stored in the database's `corrections` table."""
    return {
        "id": c.id,
        "article": {
            "sha256": c.article.sha256,
            **path_to_record(c.article.path),
            "title": c.article.title,
        },
        **fix_record(c.fix),
        "created": c.created,
        "updated": c.updated,
        "revision": c.revision,
        "deleted": c.deleted,
    }


class RecordError(ValueError):
    """A malformed correction record; `where` is the place in it (`target.selector.start`)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.message = message


class _Reader:
    """Reads one untrusted record, naming the place of the first problem."""

    def __init__(self, data: Any, where: str = "") -> None:
        if not isinstance(data, dict):
            raise RecordError(where, "expected an object")
        self.data = data
        self.where = where

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str, kind: type | tuple[type, ...], *, required: bool = True) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                raise RecordError(self.at(key), "missing")
            return None
        value = self.data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise RecordError(self.at(key), f"expected {getattr(kind, '__name__', kind)}")
        return value

    def text(
        self, key: str, limit: limits.Limit, *, required: bool = True, line: bool = True
    ) -> Any:
        value = self.get(key, str, required=required)
        if value is None:
            return None
        cleaned = (clean_line if line else clean_text)(value)
        problem = limit.problem(cleaned)
        if problem:
            raise RecordError(self.at(key), problem)
        return cleaned

    def child(self, key: str, *, required: bool = True) -> _Reader | None:
        value = self.get(key, dict, required=required)
        return None if value is None else _Reader(value, self.at(key))


def _read_selector(r: _Reader) -> TextSelector:
    start, end = r.get("start", int), r.get("end", int)
    if not 0 <= start <= end:
        raise RecordError(r.at("start"), "expected 0 <= start <= end")
    return TextSelector(
        r.text("exact", limits.QUOTE, line=False),
        r.text("prefix", limits.CONTEXT, required=False, line=False) or "",
        r.text("suffix", limits.CONTEXT, required=False, line=False) or "",
        start,
        end,
    )


def _read_ref(r: _Reader) -> Ref:
    kind = r.get("kind", str)
    if kind == "speaker":
        aliases = r.get("aliases", list, required=False) or []
        quotes = r.get("quotes", list, required=False) or []
        return SpeakerRef(
            name=r.text("name", limits.LINK_KEY),
            aliases=tuple(
                clean_line(str(a)) for a in aliases[: limits.TAGS.maximum] if isinstance(a, str)
            ),
            quotes=tuple(
                _read_selector(_Reader(q, f"{r.at('quotes')}[{n}]"))
                for n, q in enumerate(quotes[:REF_QUOTES])
            ),
            new=bool(r.get("new", bool, required=False)),
        )
    if kind not in ("quote", "allegation"):
        raise RecordError(r.at("kind"), "expected speaker, quote or allegation")
    selector = r.child("selector")
    assert selector is not None
    if kind == "quote":
        return QuoteRef(
            _read_selector(selector), r.text("speaker", limits.LINK_KEY, required=False) or ""
        )
    return AllegationRef(
        _read_selector(selector),
        r.text("accuser", limits.LINK_KEY),
        r.text("accused", limits.LINK_KEY),
        r.text("claim", limits.LINK_KEY),
    )


def read_fix(r: _Reader) -> Fix:
    action = r.get("action", str)
    if action not in ACTIONS:
        raise RecordError(r.at("action"), f"unknown action {clean_line(action[:40])!r}")
    target, span = r.child("target", required=False), r.child("span", required=False)
    speaker: SpeakerRef | None = None
    if (found := r.child("speaker", required=False)) is not None:
        ref = _read_ref(found)
        if not isinstance(ref, SpeakerRef):
            raise RecordError(r.at("speaker"), "expected a speaker")
        speaker = ref
    values: dict[str, Any] = {
        name: r.text(name, limits.LINK_KEY, required=False)
        for name in ("name", "role", "accuser", "accused", "claim")
    }
    values["anonymous"] = r.get("anonymous", bool, required=False)
    values["direct"] = r.get("direct", bool, required=False)
    item = _read_ref(target) if target is not None else None
    selector = _read_selector(span) if span is not None else None
    try:
        return Fix(action=action, target=item, speaker=speaker, span=selector, **values)
    except ValueError as err:
        raise RecordError(r.where, str(err)) from None


def _read_timestamp(r: _Reader, key: str, default: str | None = None) -> str:
    value = r.get(key, str, required=default is None)
    try:
        return utc_timestamp(value) if value is not None else str(default)
    except ValueError:
        raise RecordError(r.at(key), "expected an ISO 8601 timestamp") from None


def read_correction(data: Any, article: ArticleRef, where: str = "") -> Correction:
    """A correction from untrusted JSON (an import) for `article`; RecordError names the place.

    Its text is cleaned of terminal controls as it enters (`safe_text`).
    """
    r = _Reader(data, where)
    ident = r.text("id", limits.ID)
    if not ident:
        raise RecordError(r.at("id"), "expected a non-empty id")
    revision = r.get("revision", int, required=False)
    revision = 1 if revision is None else revision
    if revision < 1:
        raise RecordError(r.at("revision"), "expected a positive integer")
    created = _read_timestamp(r, "created")
    return Correction(
        id=ident,
        article=article,
        fix=read_fix(r),
        created=created,
        updated=_read_timestamp(r, "updated", created),
        revision=revision,
        deleted=bool(r.get("deleted", bool, required=False)),
    )


def from_record(record: Any) -> Correction:
    """Inverse of `to_record`; RecordError (a ValueError) on a malformed record."""
    r = _Reader(record)
    article = r.child("article")
    assert article is not None
    try:
        path = path_from_record(article.data)
    except ValueError:
        raise RecordError("article.path_bytes", "expected base64") from None
    ref = ArticleRef(
        str(article.get("sha256", str)),
        path,
        article.text("title", limits.TITLE, required=False) or "",
    )
    return read_correction(record, ref)
