"""Contents: where the words of a speech act begin and end.

'X said (on Tuesday) (that) CLAUSE', 'X told reporters CLAUSE', 'CLAUSE, X said.',
'A, X said, B', 'X accused Y of Z' (the object and its complement are what was said),
', adding that CLAUSE'. Every function reads the masked text and a sentence's bounds,
and never looks further than a fixed window, so run-on text stays linear.
"""

from __future__ import annotations

import re

from readerapp.core.analysis.lexicon.clauses import (
    ADVERBIAL_AFTER_VERB,
    CLAUSE_START,
    NOT_REPORTED_START,
    PARTICIPLE_CLAUSE,
    THAT_AFTER_COMMA,
    THAT_WORD,
    TOLD_OBJECT,
    VERB_AFTER_COMMA,
)
from readerapp.core.analysis.lexicon.phrases import (
    ADVERBIAL_PREPOSITIONS,
    ADVERBIAL_WORDS,
    FINITE_AUXILIARIES,
    MODALS,
    OPENING_PREPOSITIONS,
)
from readerapp.core.analysis.lexicon.speech import SPEECH_NOUNS, TIME_WORDS

Span = tuple[int, int]
MAX_CONTENT = 1_200  # characters: no reported clause is longer; keeps degenerate text linear
MIN_WORDS = 3

# 'say this is a rough patch': 'this' opens the clause when a verb follows it.
_THIS_IS = re.compile(
    r"\s+(?=(?:this|these|those)\s+(?:" + "|".join(sorted(FINITE_AUXILIARIES)) + r")\b)"
)
_TO_VERB = re.compile(r"\s+(?=to\s+[a-z])")
_ADVERBIAL_WORDS = ADVERBIAL_PREPOSITIONS | TIME_WORDS | SPEECH_NOUNS | ADVERBIAL_WORDS


def words_in(text: str) -> int:
    return len(text.split())


def trim(masked: str, start: int, end: int) -> Span | None:
    """The span without surrounding spaces and punctuation; None when under three words."""
    end = min(end, start + MAX_CONTENT)
    while start < end and masked[start] in " \u00a0,;:—–-":
        start += 1
    while end > start and (masked[end - 1].isspace() or masked[end - 1] in ".,;:!?—–-"):
        end -= 1
    if words_in(masked[start:end]) < MIN_WORDS:
        return None
    return start, end


def clause_after(
    masked: str,
    verb_end: int,
    sentence_end: int,
    *,
    told: bool = False,
    bare: bool = True,
    infinitive: bool = False,
) -> list[Span]:
    """What a verb reports when it comes first: 'said (on Friday) (that) the plan failed';
    with `infinitive`, also 'vowed (last month) to take the fight to the convention'."""
    position = verb_end
    if told:
        obj = TOLD_OBJECT.match(masked, position, sentence_end)
        if obj:
            position = obj.end()
    window = min(sentence_end, position + 90)
    that = THAT_WORD.search(masked, position, window)
    if that and _only_adverbials(masked[position : that.start()]):
        return clip(masked, that.end(), sentence_end)
    if not bare:
        return []  # 'answered her door', 'added sugar': only 'that' starts what they report
    skipped = _skip_adverbials(masked, position, sentence_end)
    if infinitive:
        to = _TO_VERB.match(masked, skipped, sentence_end)
        if to is not None:
            return clip(masked, to.end(), sentence_end)
    clause = CLAUSE_START.match(masked, skipped, sentence_end) or _THIS_IS.match(
        masked, skipped, sentence_end
    )
    if clause is None or masked[skipped : skipped + 2].strip(" ") in (",", ".", ":", ";"):
        return []
    return clip(masked, clause.end(), sentence_end)


def _only_adverbials(text: str) -> bool:
    """'on Thursday', 'in a statement to the Post', 'to reporters': nothing that is a clause."""
    found = re.findall(r"[\w’'.\-]+", text)
    if not found:
        return True
    if found[0].casefold() in OPENING_PREPOSITIONS and len(found) <= 12:
        return True  # 'in their meeting with the media on March 3 that …'
    return len(found) <= 10 and all(
        w.casefold() in _ADVERBIAL_WORDS or w[:1].isupper() or w.isdigit() for w in found
    )


def _skip_adverbials(masked: str, position: int, end: int) -> int:
    """Skip 'on Tuesday', 'in a statement', 'Thursday night' right after a verb."""
    for _ in range(3):
        found = ADVERBIAL_AFTER_VERB.match(masked, position, end)
        if not found or masked[found.end() : found.end() + 2] in ("'s", "’s"):
            break  # "said Thursday's speeches …": the day opens the clause
        position = found.end()
    return position


def clip(masked: str, start: int, end: int) -> list[Span]:
    """A reported clause, split where ', adding that …' starts a second one."""
    end = min(end, start + MAX_CONTENT)
    participle = PARTICIPLE_CLAUSE.search(masked, start, end)
    spans = [trim(masked, start, participle.start() if participle else end)]
    if participle:
        spans.append(trim(masked, participle.end(), end))
    return [s for s in spans if s is not None]


def clause_before(masked: str, sentence_start: int, comma: int) -> Span | None:
    """'The plant will power 900 homes, the agency said.': the words before the comma."""
    marks = list(re.finditer(r"[\"“”~]+", masked[sentence_start:comma]))
    if marks and words_in(masked[sentence_start + marks[-1].end() : comma]) < 2:
        return None  # '"…," the agency said' is a quote's, not a clause's
    return trim(masked, sentence_start, comma)


def continuation(masked: str, position: int, sentence_end: int) -> list[Span]:
    """', adding that …' after an attribution: more of the same speaker's words."""
    that = THAT_AFTER_COMMA.match(masked, position, sentence_end)
    if that:  # '"…," he said, that both men had …'
        span = trim(masked, that.end(), sentence_end)
        return [span] if span else []
    verb = VERB_AFTER_COMMA.match(masked, position, sentence_end)
    if verb and verb.group(1).casefold() in FINITE_AUXILIARIES | MODALS:
        # '"Only you, Dinesh," she said, would use the occasion …': the quote goes on unmarked
        span = trim(masked, verb.start(1), sentence_end)
        return [span] if span else []
    found = PARTICIPLE_CLAUSE.match(masked, position, sentence_end) or PARTICIPLE_CLAUSE.search(
        masked, position, min(sentence_end, position + 60)
    )
    if not found or "~" in masked[position : found.start()]:
        return []
    span = trim(masked, found.end(), sentence_end)
    return [span] if span else []


def object_complement(masked: str, verb_end: int, sentence_end: int, joiners: str) -> Span | None:
    """'accused China of hacking …': the object and its complement, up to the clause end."""
    found = re.match(
        rf"\s+((?:[^,.;:~\"“”]{{1,80}}?|[^.;:~\"“”]{{1,60}}?,[^.;:~\"“”]{{1,40}}?,)\s+(?:{joiners})\b)",
        masked[verb_end : min(sentence_end, verb_end + 200)],
    )
    if not found or found.group(1).split()[0].casefold() in NOT_REPORTED_START:
        return None  # 'asked not to be named' reports nothing said
    return trim(masked, verb_end + found.start(1), sentence_end)
