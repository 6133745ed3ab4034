"""Who accuses whom of what: accusation cues, passive flips, and the author's own questions.

One allegation per sentence at most; its evidence is the whole sentence, which is
what the reader highlights. A sentence that denies or rejects an accusation is not
an allegation, and neither is a question someone asks in a quote (it asks, it does
not assert); a question the author asks about wrongdoing is an accusation by
"the author".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Protocol

from readerapp.core.analysis.cues import (
    ACCUSATION_PATTERN,
    ANAPHORIC_ALLEGATION,
    DENIAL_PATTERN,
    LEGAL_DOCUMENTS,
    NEGATION_PATTERN,
    NON_NAME_WORDS,
    WRONGDOING_PATTERN,
)
from readerapp.core.analysis.model import Allegation
from readerapp.core.analysis.names import NAME_RUN_RE, parse_name
from readerapp.core.segments import paragraph_spans, sentence_spans

AUTHOR = "the author"
_CLAIM_WORDS = 12
_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:also\s+)?"
    r"(?P<verb>accused|charged|blamed|suspected|convicted|implicated|indicted|found\s+guilty|"
    r"arrested\s+on\s+suspicion|sued)"
    r"(?:\s+by\s+(?P<agent>[^,.;]+?))?\s+(?:of|with|for|in)\s+(?P<claim>[^.;?!]+)",
    re.IGNORECASE,
)
_QUANTIFIER = r"(?:one|some|many|several|two|three|all|each|both|most)"  # 'one of the firms'
_ACTIVE = re.compile(
    r"\b(?:accused|accuses|accusing|accuse|blamed|blames|blame)\s+"
    rf"(?P<accused>(?:{_QUANTIFIER}\s+of\s+)?"
    r"[^,.;]{1,60}?(?:,[^,.;]{1,40},)?)\s+"  # 'blamed its chief, Jo Bloggs, for'
    r"(?:of|for)\s+(?P<claim>[^.;?!]+)",
    re.IGNORECASE,
)
# A fine or a lawsuit accuses its target of what it is for: 'fined PulseTrail, the
# maker of an app, €14 million for sharing …', 'is suing the paper for libel'.
_PENALTY = re.compile(
    r"\b(?:fined|fines|sued|sues|suing)\s+(?P<accused>[^.;]{1,140}?)\s+for\s+"
    r"(?P<claim>[^.;?!]+)",
    re.IGNORECASE,
)
# The verb, not the adjective: 'alleged that …' or 'alleges …' ('the alleged funding' is not).
_ALLEGED_THAT = re.compile(
    r"\b(?:alleg(?:ed|es|e|ing)\s+that|alleges?)\s+(?P<claim>[^.;?!]+)", re.IGNORECASE
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+([^,.;]{3,60})", re.IGNORECASE)
_DOCUMENT = re.compile(
    rf"\b(?:the|a|an)\s+(?:[\w-]+\s+)?(?P<document>{LEGAL_DOCUMENTS})\b"
    r"(?:[^.;]{0,40}?\bfiled\s+by\s+(?:the\s+)?(?P<filer>[^,.;]{3,60}))?",
    re.IGNORECASE,
)
_POSSESSIVE_PHRASE = re.compile(r"(?:his|her|their|its)\s+\S", re.IGNORECASE)
_LEADING_NOUN_PHRASE = re.compile(
    r"^\W*((?:the|a|an|his|her|their|its|our|some|many|several)\s+(?:[\w’'\-]+\s+){0,3}?[\w’'\-]+)"
    r"(?=\s+(?:had|has|have|was|were|is|are|knew|did|would|will|could|used|ran|being|made|took|"
    r"paid|told|kept|sold|let|gave)\b)",
    re.IGNORECASE,
)
_LEADING_CONNECTIVE = re.compile(
    r"^(?:but|and|however|yet|so|meanwhile|still|also|now|then)\b[\s,]*", re.IGNORECASE
)
_TRAILING_ADVERB = re.compile(
    r"\s+(?:also|later|then|previously|earlier|again|repeatedly)$", re.IGNORECASE
)
_PRONOUN = re.compile(r"\W*(he|she|they|him|her|them)\b", re.IGNORECASE)  # used with pos
_SUBJECT_PRONOUN = re.compile(r"\W*(he|she|they)\b", re.IGNORECASE)
# A claim about a bare plural: '(alleged that) supervisors had told workers …'.
_BARE_PLURAL_SUBJECT = re.compile(
    r"\W*((?!(?:they|these|those|its|this|there|was|has|is)\b)[a-z][\w\-]*s)\s+"
    r"(?:had|have|were|are|would|could|did|never|also|often|routinely|regularly)\b"
)
# Where a descriptive subject turns into its description: 'A union representing …'.
_DESCRIPTION = re.compile(  # lower case only: 'Beijing' and 'King' are no participles
    r"\s+(?:who|which|that|whose|[a-z]+ing|based|led|run|owned|backed)\b.*$"
)
# 'Esmeria’s coastguard', 'the Valdoran fleet': the whole short phrase names the accused.
_OWNED_OR_DESCRIBED = re.compile(
    r"(?:(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*['’]s|the(?:\s+[A-Z][\w\-]*)+)"
    r"(?:\s+[a-z][\w\-]*){1,2}"
)


@dataclass(frozen=True)
class SpokenSpan:
    """A span of text and who it is attributed to, so a quoted accusation has an accuser."""

    start: int
    end: int
    speakers: tuple[str, ...]


class NameLookup(Protocol):
    def canonical(self, name: str) -> str: ...

    def known(self, name: str) -> bool: ...


def find_allegations(
    text: str, spoken: list[SpokenSpan], names: NameLookup
) -> tuple[Allegation, ...]:
    starts = [s.start for s in spoken]
    found: list[Allegation] = []
    for ps, pe in paragraph_spans(text):
        if not (ACCUSATION_PATTERN.search(text, ps, pe) or WRONGDOING_PATTERN.search(text, ps, pe)):
            continue  # most paragraphs accuse nobody: skip splitting them into sentences
        for ss, se in sentence_spans(text, ps, pe):
            allegation = _allegation_in(text, ss, se, spoken, starts, names)
            if allegation is not None:
                found.append(allegation)
    return tuple(found)


def _allegation_in(
    text: str, ss: int, se: int, spoken: list[SpokenSpan], starts: list[int], names: NameLookup
) -> Allegation | None:
    sentence = text[ss:se]
    if ANAPHORIC_ALLEGATION.match(sentence):
        return None
    cue = ACCUSATION_PATTERN.search(sentence)
    wrong = WRONGDOING_PATTERN.search(sentence)
    if cue is None and wrong is None:
        return None
    if DENIAL_PATTERN.search(sentence):
        return None
    speaker = _speaker_of(ss, se, spoken, starts)
    if sentence.rstrip("\"”’' ").endswith("?"):
        # 'Did he not commit a crime …?' asked by the author accuses; a quoted question asks.
        if speaker is not None or wrong is None or re.search(r"[\"“]", sentence):
            return None
        accused = _first_name(text, ss, se, names) or _recent_name(text, ss, names)
        return _make(AUTHOR, accused, _claim(sentence[wrong.start() :]), ss, se, text)
    if (
        cue is None
        and wrong is not None
        and (_negated(sentence, wrong.start()) or _conditional(sentence, wrong.start()))
    ):
        return None

    according = _ACCORDING_TO.search(sentence)
    source = according.group(1).strip() if according else None
    passive = _PASSIVE.search(sentence)
    if passive:
        accused = _name_before(text, ss, ss + passive.start(), names, spoken, starts)
        agent = passive.group("agent")
        verb = passive.group("verb").casefold()
        default = (
            "prosecutors"
            if verb in ("charged", "indicted")
            else "police"
            if verb.startswith("arrested")
            else "unspecified"
        )
        accuser = agent.strip() if agent else (speaker or source or default)
        return _make(accuser, accused, _claim(passive.group("claim")), ss, se, text)
    active = _ACTIVE.search(sentence) or _PENALTY.search(sentence)
    if active:
        accuser = (
            speaker or _name_before(text, ss, ss + active.start(), names, spoken, starts) or AUTHOR
        )
        phrase = active.group("accused").strip()
        appositive = re.search(r",\s*([^,]+),$", phrase)  # 'its chief, Jo Bloggs,': Jo Bloggs
        if appositive and NAME_RUN_RE.match(appositive.group(1)):
            accused = appositive.group(1)
        elif (
            _POSSESSIVE_PHRASE.match(phrase)
            or _OWNED_OR_DESCRIBED.fullmatch(phrase)
            or re.match(rf"{_QUANTIFIER}\s+of\s", phrase)
        ):
            accused = phrase  # 'accused her former label of …': the label, not the woman
        else:
            accused = (
                _first_name(
                    text, ss + active.start("accused"), ss + active.end("accused"), names, accuser
                )
                or phrase
            )
        return _make(accuser, accused, _claim(active.group("claim")), ss, se, text)
    alleged = _ALLEGED_THAT.search(sentence)
    if alleged:
        accuser = (
            speaker or _name_before(text, ss, ss + alleged.start(), names, spoken, starts) or AUTHOR
        )
        claim_start = ss + alleged.start("claim")
        plural = _BARE_PLURAL_SUBJECT.match(text, claim_start, se)
        accused = plural.group(1) if plural else _accused_in(text, claim_start, se, names, accuser)
        return _make(accuser, accused, _claim(alleged.group("claim")), ss, se, text)

    anchor = cue if cue is not None else wrong
    assert anchor is not None
    region_start, region_end = ss, se
    if speaker is not None:
        accuser = speaker
        region_start, region_end = _spoken_region(ss, se, spoken, starts)
    elif source is not None:
        accuser = source
    elif document := _DOCUMENT.search(sentence):
        filer = document.group("filer")
        accuser = filer.strip() if filer else f"the {document.group('document').casefold()}"
    elif re.search(r"\breports?\b", sentence, re.IGNORECASE):
        accuser = "reports"
    else:
        accuser = AUTHOR
    accused = _accused_in(text, region_start, region_end, names, accuser)
    return _make(accuser, accused, _claim(_clause_around(sentence, anchor.start())), ss, se, text)


def _spoken_region(
    ss: int, se: int, spoken: list[SpokenSpan], starts: list[int]
) -> tuple[int, int]:
    """The part of the sentence that is the speaker's words, not the attribution."""
    index = bisect_right(starts, se) - 1
    while index >= 0:
        span = spoken[index]
        if span.start < se and span.end > ss:
            return max(ss, span.start), min(se, span.end)
        if span.end <= ss:
            break
        index -= 1
    return ss, se


def _accused_in(text: str, start: int, end: int, names: NameLookup, accuser: str) -> str:
    """Whom the words accuse: a name in them, else the phrase they open with."""
    name = _first_name(text, start, end, names, skip=accuser)
    if name and name != accuser:
        return name
    phrase = _LEADING_NOUN_PHRASE.match(text[start:end])
    if phrase:
        return re.sub(r"\s+\w+ly$", "", phrase.group(1))  # 'A nurse allegedly' -> 'A nurse'
    recent = [n for n in _names_in(text, max(0, start - 600), start, names) if n not in accuser]
    return recent[-1] if recent else ""


def _make(accuser: str, accused: str, claim: str, start: int, end: int, text: str) -> Allegation:
    return Allegation(
        accuser=accuser,
        accused=accused or "unspecified",
        claim=claim,
        start=start,
        end=end,
        evidence=text[start:end],
    )


def _negated(sentence: str, position: int) -> bool:
    window = sentence[max(0, position - 14) : position]  # the words right before it
    return bool(NEGATION_PATTERN.search(window))


def _conditional(sentence: str, position: int) -> bool:
    """'If the company broke the law, it will pay': a condition accuses nobody."""
    clause_start = max(sentence.rfind(",", 0, position), sentence.rfind(";", 0, position)) + 1
    return (
        re.search(r"\b(?:if|unless|whether)\b", sentence[clause_start:position], re.I) is not None
    )


def _speaker_of(ss: int, se: int, spoken: list[SpokenSpan], starts: list[int]) -> str | None:
    """The speaker whose quote or reported speech covers most of the sentence."""
    best, best_overlap = None, 0
    index = bisect_right(starts, se) - 1
    while index >= 0 and index >= bisect_right(starts, ss) - 8:
        span = spoken[index]
        overlap = min(se, span.end) - max(ss, span.start)
        if overlap > best_overlap:
            best, best_overlap = span, overlap
        index -= 1
    if best is None or best_overlap < 0.3 * (se - ss) and best_overlap < 40:
        return None
    return "; ".join(best.speakers)


def _names_in(text: str, start: int, end: int, names: NameLookup) -> list[str]:
    found = []
    for match in NAME_RUN_RE.finditer(text, start, end):
        parsed = parse_name(match.group())
        if parsed is None or parsed.name.casefold() in NON_NAME_WORDS:
            continue
        found.append(names.canonical(parsed.name))
    return found


def _first_name(text: str, start: int, end: int, names: NameLookup, skip: str = "") -> str:
    """The first full or known name in the span ('Ethiopian' alone is a word, not a name).

    A span that opens with 'he', 'she' or 'they' is about the person last named.
    """
    pronoun = _SUBJECT_PRONOUN.match(text, start, end)
    if pronoun and not _same_number(pronoun.group(1), skip):
        # 'Prosecutors allege that he …': not the accusers, so whom the story is about.
        subject = _previous_subject(text, start, names, skip) or _recent_name(
            text, start, names, skip
        )
        if subject:
            return subject
    found = [n for n in _names_in(text, start, end, names) if n not in skip]
    for name in found:
        if " " in name or names.known(name):
            return name
    if found:
        return found[0]
    pronoun = _PRONOUN.match(text, start, end)
    if pronoun:
        return _recent_name(text, start, names, skip)
    return ""


def _name_before(
    text: str,
    sentence_start: int,
    position: int,
    names: NameLookup,
    spoken: list[SpokenSpan],
    starts: list[int],
) -> str:
    """The subject right before a verb: a name, a pronoun (resolved) or a description.

    'Raymond DeLuca, 54, is accused' -> the name; 'In a letter, the regulator accused'
    -> 'the regulator'; 'But campaigners accused' -> 'campaigners'.
    """
    chunk = text[sentence_start:position].rstrip()
    lead_name = NAME_RUN_RE.match(chunk)
    if lead_name and re.match(r"\s*(?:,|$)", chunk[lead_name.end() :]):
        parsed = parse_name(lead_name.group())  # 'Claire Donnelly, 38, from Leeds, is charged'
        if parsed is not None and parsed.name.casefold() not in NON_NAME_WORDS:
            return names.canonical(parsed.name)
    if chunk.endswith(","):  # drop an appositive: 'X, 54,' / 'X, a lawyer,'
        inner = chunk[:-1]
        cut = inner.rfind(", ")
        named = NAME_RUN_RE.fullmatch(inner[cut + 2 :]) if cut >= 0 else None
        if named and " " in named.group():  # 'The fisheries minister, Jo Bloggs, blamed'
            return names.canonical(named.group())
        chunk = inner[:cut] if cut >= 0 else inner
    phrase_start = chunk.rfind(", ") + 2 if ", " in chunk else 0
    phrase = _LEADING_CONNECTIVE.sub("", chunk[phrase_start:]).strip()
    phrase = _TRAILING_ADVERB.sub("", phrase).strip()
    if not phrase:
        return ""
    if re.fullmatch(r"(?:he|she|they|it)", phrase, re.IGNORECASE):
        return _recent_speaker(sentence_start, spoken, starts) or _recent_name(
            text, sentence_start, names
        )
    lead = NAME_RUN_RE.match(phrase)
    if lead:
        parsed = parse_name(lead.group())
        if parsed is not None and parsed.name.casefold() not in NON_NAME_WORDS:
            return names.canonical(parsed.name)
    document = _DOCUMENT.match(phrase)
    if document:  # 'A lawsuit filed by the consumer group Fair Label Aotearoa'
        filer = document.group("filer")
        if not filer:
            return f"the {document.group('document').casefold()}"
        # 'the consumer group Fair Label Aotearoa in the High Court': its first name.
        filer_name = NAME_RUN_RE.search(filer)
        return filer_name.group() if filer_name else filer.strip()
    phrase = _DESCRIPTION.sub("", phrase) or phrase
    for run in NAME_RUN_RE.finditer(phrase):  # 'The environmental group Laut Kita on Tuesday'
        before = phrase[: run.start()]
        if not before or re.search(
            r"\b(?:of|for|from|at|in|on|by|with|to|the|a|an)\s+$", before, re.I
        ):
            continue  # 'leaders of the MQM' are the leaders, not the MQM
        parsed = parse_name(run.group())
        if parsed is not None and parsed.name.casefold() not in NON_NAME_WORDS:
            return names.canonical(parsed.name)
    words = phrase.split()
    return " ".join(words[:8])


def _recent_speaker(position: int, spoken: list[SpokenSpan], starts: list[int]) -> str:
    """Who spoke last before `position` (a pronoun subject usually refers to them)."""
    index = bisect_right(starts, position) - 1
    if index < 0 or position - spoken[index].end > 600:
        return ""
    return "; ".join(spoken[index].speakers)


def _same_number(pronoun: str, accuser: str) -> bool:
    """Could the pronoun be the accuser? 'X and Y claimed that they …' is about X and Y."""
    if not accuser:
        return False
    plural = (
        "; " in accuser or " and " in accuser or re.fullmatch(r"(?:the\s+)?[a-z]+s", accuser, re.I)
    )
    return (pronoun.casefold() == "they") == bool(plural)


def _previous_subject(text: str, position: int, names: NameLookup, skip: str) -> str:
    """The name a sentence before `position` opens with: whom a subject 'he' or 'she' most
    often means ('X, 52, is charged … Prosecutors allege that he …' -> X)."""
    paragraph_start = text.rfind("\n", 0, position) + 1
    paragraph_end = text.find("\n", position)
    hi = min(len(text) if paragraph_end < 0 else paragraph_end, position + 400)
    sentences = sentence_spans(text, max(paragraph_start, position - 600), hi)
    earlier = [(start, end) for start, end in sentences if end <= position]  # not the one at it
    for start, end in reversed(earlier):
        lead = NAME_RUN_RE.match(text, start, end)
        if lead:
            parsed = parse_name(lead.group())
            if parsed is not None and parsed.name.casefold() not in NON_NAME_WORDS:
                name = names.canonical(parsed.name)
                if name not in skip:
                    return name
    return ""


def _recent_name(text: str, position: int, names: NameLookup, skip: str = "") -> str:
    """The last name mentioned before `position` (within a few sentences), but for `skip`."""
    found = [n for n in _names_in(text, max(0, position - 600), position, names) if n not in skip]
    for name in reversed(found):
        if names.known(name):
            return name
    return found[-1] if found else ""


def _clause_around(sentence: str, position: int) -> str:
    """The clause holding `position`: from the last comma, 'that' or colon before it."""
    starts = [m.end() for m in re.finditer(r",\s|\bthat\s|:\s|[\"“]", sentence[:position])]
    return sentence[starts[-1] if starts else 0 :]


def _claim(text: str) -> str:
    words = re.sub(r"[\"“”]", "", text).split()
    claim = " ".join(words[:_CLAIM_WORDS])
    return claim.rstrip(" ,.;:?!")
