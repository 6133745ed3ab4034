"""Parties to an allegation: who accuses and who is accused, named as the entities name them.

Names found in raw text are looked up in the entity resolver, so 'Mr. Roe' in an
allegation is the speaker 'Jane Roe'; a name the text only mentions keeps its own form.
A place is never a party: a bare name after 'in', 'at', 'from' or 'to', or one made of
place words, is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from readerapp.core.analysis.attribution import SpokenSpan
from readerapp.core.analysis.document import DATELINE, Document
from readerapp.core.analysis.entities import EntityResolver
from readerapp.core.analysis.lexicon.accusations import CLAUSE_OPENERS, DOCUMENT_PHRASE
from readerapp.core.analysis.lexicon.clauses import (
    CLAUSE_VERB,
    DESCRIPTION_TAIL,
    LEADING_CONNECTIVE,
    LEADING_NOUN_PHRASE,
    PERSONAL_PRONOUN_START,
    PLACE_PREPOSITION_BEFORE,
    PLURAL_NOUN_PHRASE,
    PREPOSITION_OR_ARTICLE_BEFORE,
    SUBJECT_PRONOUN_START,
    SUBJECT_PRONOUN_WORD,
    THIRD_PERSON_SUBJECTS,
    TRAILING_ADVERB,
    VERBS_AFTER_NAME,
)
from readerapp.core.analysis.lexicon.descriptions import (
    ADJECTIVE_ENDINGS,
    ADJECTIVE_ONLY_ENDINGS,
    VERBS_IN_S,
)
from readerapp.core.analysis.lexicon.people import (
    INDEFINITE_PRONOUNS,
    NON_NAME_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACE_WORDS,
    ROLE_MODIFIERS,
    SPOKESPEOPLE,
    TITLE_WORDS,
)
from readerapp.core.analysis.lexicon.places import is_place_name
from readerapp.core.analysis.names import NAME_RUN_RE, parse_name
from readerapp.core.analysis.subjects import MentionReader

AUTHOR = "the author"
EARLIER_ACCUSED_WINDOW = 1200  # characters back an earlier allegation's accused still holds
FAMILY_NAME = re.compile(r"[Tt]he ([A-Z][a-z]+)e?s")


class Parties:
    """Finds accusers and accused in one document, through its entities."""

    def __init__(
        self,
        doc: Document,
        resolver: EntityResolver,
        spoken: list[SpokenSpan],
        vocabulary: frozenset[str] = frozenset(),
    ) -> None:
        self.vocabulary = vocabulary
        self.reader = MentionReader(doc.text, vocabulary)  # the words inside quotes too
        self.doc = doc
        self.text = doc.text
        self.resolver = resolver
        self.spoken = spoken  # grows as the article is read
        self.accused_so_far: list[tuple[int, str]] = []  # (where, whom) the allegations found
        # How a description is named elsewhere in the article (set by the allegation stage).
        self.namer: Callable[[str, str, int], str] | None = None
        self.starts = [s.start for s in spoken]

    def refresh(self) -> None:
        """After more of the article was attributed."""
        self.starts = [s.start for s in self.spoken]

    # -- names ---------------------------------------------------------------------------

    def canonical(self, name: str) -> str:
        """The entity's name, else the article's fuller name ('Northline' -> 'Northline Trains')."""
        if self.resolver.find_name(name) is not None:
            return self.resolver.canonical(name)
        return self.resolver.names.full_name(name) or name

    def known(self, name: str) -> bool:
        return (
            self.resolver.find_name(name) is not None
            or self.resolver.names.full_name(name) is not None
        )

    def names_in(self, start: int, end: int, *, places: bool = False) -> list[str]:
        found = []
        for run_start, run_end in self.doc.names_between(start, end):
            if run_end > end:
                break
            parsed = parse_name(self.text[run_start:run_end])
            if parsed is None or parsed.name.casefold() in NON_NAME_WORDS:
                continue
            if not places and (
                self.is_place(run_start, parsed.name) or self._gazetteer_place(parsed.name)
            ):
                continue
            if not self._party(run_start, run_end, parsed.name):
                continue
            found.append(self.canonical(parsed.name))
        return found

    def _party(self, start: int, end: int, name: str) -> bool:
        """Could the name be someone accused: a person or an organisation, not a word that
        opens a sentence ('Pay no attention …'), an adjective ('the Russian government',
        'GOP-led') or a contraction ('I’m')?"""
        entity = self.resolver.find_name(name)
        if self._adjective(name) and (entity is None or not entity.quotes):
            return False  # 'Democratic presidential candidate …', 'the Mexican border'
        if entity is not None or " " in name:
            return True
        if re.search(r"['’]", name) and not re.search(r"['’]s$", name) or name.endswith("-led"):
            return False
        if name.casefold() in self.vocabulary:
            return False  # written in lower case elsewhere: a common word
        follower = re.match(r"\s+([a-z][\w\-]*)", self.text[end : end + 30])
        # 'Russian hackers', 'Chinese government': a modifier, not a party
        return not (follower and _modifies(follower.group(1)))

    def _adjective(self, name: str) -> bool:
        """'Mexican', 'Democratic': a long word ending in '-ese', '-ic' or '-ish', or one with
        another adjective's ending that the article writes before a noun somewhere ('the
        Mexican border'), wherever it stands now."""
        if " " in name or not name.endswith(ADJECTIVE_ENDINGS):
            return False
        if name.endswith(ADJECTIVE_ONLY_ENDINGS) and len(name) > 6:
            return True  # 'Islamophobic', 'Japanese': no name ends so
        key = f"adjective:{name}"
        if key not in self.doc.memo:
            self.doc.memo[key] = any(
                _modifies(m.group(1)) or m.group(1).endswith("s") and m.group(1) not in VERBS_IN_S
                for m in re.finditer(rf"\b{re.escape(name)}\s+([a-z][\w\-]*)", self.text)
            )
        return bool(self.doc.memo[key])

    def _gazetteer_place(self, name: str) -> bool:
        """'South Africa', 'Wisconsin', 'S.C.': a country or state named in passing, unless
        the article quotes it as a speaker."""
        if not is_place_name(name):
            return False
        entity = self.resolver.find_name(name)
        return entity is None or not entity.quotes

    def is_place(self, position: int, name: str) -> bool:
        """'in London', 'from South Africa': a bare name after a place preposition."""
        if self.known(name) and self.resolver.find_name(name) is not None:
            return False
        first = self.text[position : position + 8].split()[0] if self.text[position:] else ""
        if PLACE_PREPOSITION_BEFORE.match(first + " "):
            return True  # 'In Lower Marsh, …': the run began with the preposition
        if any(w.casefold() in PLACE_WORDS for w in name.split()):
            return True
        return (
            PLACE_PREPOSITION_BEFORE.search(self.text, max(0, position - 14), position) is not None
        )

    # -- speakers ------------------------------------------------------------------------

    def speaker_of(self, ss: int, se: int) -> str | None:
        """The speaker whose quote or reported speech covers most of the sentence."""
        best, best_overlap = None, 0
        index = bisect_right(self.starts, se) - 1
        while index >= 0 and index >= bisect_right(self.starts, ss) - 8:
            span = self.spoken[index]
            overlap = min(se, span.end) - max(ss, span.start)
            if overlap > best_overlap:
                best, best_overlap = span, overlap
            index -= 1
        if best is None or best_overlap < 0.3 * (se - ss) and best_overlap < 40:
            return None
        return "; ".join(e.name for e in best.speakers)

    def spoken_region(self, ss: int, se: int) -> tuple[int, int]:
        """The part of the sentence that is the speaker's words, not the attribution."""
        index = bisect_right(self.starts, se) - 1
        while index >= 0:
            span = self.spoken[index]
            if span.start < se and span.end > ss:
                return max(ss, span.start), min(se, span.end)
            if span.end <= ss:
                break
            index -= 1
        return ss, se

    def recent_speaker(self, position: int) -> str:
        index = bisect_right(self.starts, position) - 1
        if index < 0 or position - self.spoken[index].end > 600:
            return ""
        return "; ".join(e.name for e in self.spoken[index].speakers)

    # -- the accused ---------------------------------------------------------------------

    def clause_subject(self, lo: int, position: int, accuser: str) -> str:
        """Whom a wrongdoing word is about: the subject of its clause ('bank employees …
        took client files', 'he lied'), as an entity's name."""
        opens = [
            m.end() for m in CLAUSE_OPENERS.finditer(self.text, max(lo, position - 300), position)
        ]
        start = opens[-1] if opens else lo
        verbs = list(CLAUSE_VERB.finditer(self.text, start, position + 1))
        if not verbs:
            after = list(CLAUSE_VERB.finditer(self.text, start, min(position + 40, len(self.text))))
            # 'some corrupt leaders used …': a plural noun right before a verb is no verb
            if (
                len(after) > 1
                and after[0].group().endswith("s")
                and not self.text[after[0].end() : after[1].start()].strip()
            ):
                after = after[1:]
            verbs = after[:1]
        if not verbs:
            return ""
        # 'Everyone can see this guy is a fraud': the verb nearest the wrongdoing, and the
        # words between it and the verb before it.
        verb = verbs[-1]
        chunk_start = verbs[-2].end() if len(verbs) > 1 else start
        if not self.text[start : verbs[0].start()].strip():
            named = self._appositive_name(max(lo, start - 120), start)
            if named and named not in accuser.split("; "):
                return named  # 'its head of security, Jo Bloggs, ordered staff …'
        if verb.start() <= chunk_start:
            return ""
        found = self.reader.before(chunk_start, verb.start())
        if not found:
            return ""
        mention = found[0]
        family = FAMILY_NAME.fullmatch(mention.text)
        if family and self.known(family.group(1)):
            return mention.text  # 'the Clarkes cheated': the family, not a common noun
        if mention.kind == "pronoun" and mention.text not in THIRD_PERSON_SUBJECTS:
            return ""  # 'I', 'we', 'you': the speaker's own side
        if mention.text.casefold() in INDEFINITE_PRONOUNS:
            return ""  # 'Everyone can see …'
        if mention.text.casefold() == "it" and verb.group() in ("is", "was"):
            return ""  # 'That is not a rota, it is theft': the practice, not a company
        if (
            mention.kind == "description"
            and mention.head in PERSON_NOUNS
            and not mention.full.startswith(("a ", "an ", "A ", "An "))
        ):
            person = (
                self.resolver.pronoun("he", mention.start)
                if mention.text.split()[0].casefold() in ("this", "that")
                else None
            )
            if person is not None:
                return person.name  # 'this guy is a fraud': whom the letter is about
        if mention.kind in ("description", "group") and not (
            mention.head in PERSON_NOUNS or mention.head in ORG_NOUNS
        ):
            return ""  # 'The rationale these …', 'Their deceptive announcement'
        if mention.kind == "description" and mention.head in ORG_NOUNS and self.namer is not None:
            named = self.namer(mention.text, accuser, mention.start)
            if named:
                return named  # 'the operator' is 'the ferry operator Nordsund Lines'
        entity = self.resolver.resolve(mention, mention.start)
        if entity is None or entity.kind == "document":
            return ""
        if mention.kind == "name" and not self._party(mention.start, mention.end, mention.text):
            return ""
        name = entity.name
        return "" if name == accuser or name in accuser.split("; ") else name

    def _appositive_name(self, lo: int, end: int) -> str:
        """The full name set off by commas just before `end`: '…, Jo Bloggs,'."""
        inner = self.text[lo:end].rstrip()
        if not inner.endswith(","):
            return ""
        inner = inner[:-1]
        cut = inner.rfind(", ")
        named = NAME_RUN_RE.fullmatch(inner[cut + 2 :]) if cut >= 0 else None
        if not named or " " not in named.group():
            return ""
        parsed = parse_name(named.group())
        return self.canonical(parsed.name) if parsed is not None else ""

    def accused_in(self, start: int, end: int, accuser: str) -> str:
        """Whom the words accuse: a name in them, else the phrase they open with."""
        name = self.first_name(start, end, skip=accuser)
        if name and name != accuser:
            return name
        phrase = LEADING_NOUN_PHRASE.match(self.text[start:end])
        if phrase:
            return re.sub(r"\s+\w+ly$", "", phrase.group(1))
        earlier = self.earlier_accused(start, accuser)
        if earlier:
            return earlier  # 'Staff raised concerns and were ignored': by whom was accused
        recent = [
            n
            for n in self.names_in(max(0, start - 600), start)
            if n not in accuser and not self._spokesperson(n)
        ]
        return recent[-1] if recent else ""

    def earlier_accused(self, position: int, accuser: str) -> str:
        """Whom the allegation just before `position` accused, when it is close: the party a
        sentence that names nobody goes on about."""
        for at, accused in reversed(self.accused_so_far):
            if position - at > EARLIER_ACCUSED_WINDOW:
                break
            if at >= position or accused in accuser.split("; "):
                continue
            if self.known(accused) or NAME_RUN_RE.fullmatch(accused) and not accused.isupper():
                return accused  # a name, not a phrase a rule fell back on ('the mails')
        return ""

    def _spokesperson(self, name: str) -> bool:
        """'A spokesman for the operator, Tomas Weir': he speaks for the accused, he is not it."""
        entity = self.resolver.find_name(name)
        return entity is not None and any(
            set(role.casefold().split()) & SPOKESPEOPLE for role in entity.roles
        )

    def first_name(self, start: int, end: int, skip: str = "") -> str:
        """The first full or known name in the span; a span that opens with 'he', 'she' or
        'they' is about the person last named."""
        text = self.text
        pronoun = SUBJECT_PRONOUN_START.match(text, start, end)
        if pronoun and not _same_number(pronoun.group(1), skip):
            subject = self.previous_subject(start, skip) or self.recent_name(start, skip)
            if subject:
                return subject
        found = [n for n in self.names_in(start, end) if n not in skip]
        for name in found:
            if " " in name or self.known(name):
                return name
        if found:
            return found[0]
        if PERSONAL_PRONOUN_START.match(text, start, end):
            return self.recent_name(start, skip)
        return ""

    def name_before(self, sentence_start: int, position: int) -> str:
        """The subject right before a verb: a name, a pronoun (resolved) or a description."""
        text = self.text
        chunk = text[sentence_start:position].rstrip()
        dateline = DATELINE.match(chunk)
        if dateline:  # 'HALDEN - A lawsuit filed by …': the place is not the subject
            chunk = chunk[dateline.end() :]
        lead_name = NAME_RUN_RE.match(chunk)
        if lead_name and re.match(r"\s*(?:,|$)", chunk[lead_name.end() :]):
            parsed = parse_name(lead_name.group())
            if parsed is not None and parsed.name.casefold() not in NON_NAME_WORDS:
                return self.canonical(parsed.name)
        if chunk.endswith(","):  # drop an appositive: 'X, 54,' / 'X, a lawyer,'
            inner = chunk[:-1]
            cut = inner.rfind(", ")
            named = NAME_RUN_RE.fullmatch(inner[cut + 2 :]) if cut >= 0 else None
            if named and " " in named.group():
                return self.canonical(named.group())
            chunk = inner[:cut] if cut >= 0 else inner
        phrase_start = chunk.rfind(", ") + 2 if ", " in chunk else 0
        phrase = LEADING_CONNECTIVE.sub("", chunk[phrase_start:]).strip()
        phrase = TRAILING_ADVERB.sub("", phrase).strip()
        if not phrase:
            return ""
        if SUBJECT_PRONOUN_WORD.fullmatch(phrase):
            return self.recent_speaker(sentence_start) or self.recent_name(sentence_start)
        behind = self._named_after_role(phrase)
        if behind:
            return behind  # 'WikiLeaks founder Jo Bloggs was …': Jo Bloggs, not WikiLeaks
        lead = NAME_RUN_RE.match(phrase)
        if lead:
            parsed = parse_name(lead.group())
            if parsed is not None and parsed.name.casefold() not in NON_NAME_WORDS:
                return self.canonical(parsed.name)
        document = DOCUMENT_PHRASE.match(phrase)
        if document:
            filer = document.group("filer")
            if not filer:
                return f"the {document.group('document').casefold()}"
            filer_name = NAME_RUN_RE.search(filer)
            return filer_name.group() if filer_name else filer.strip()
        phrase = DESCRIPTION_TAIL.sub("", phrase) or phrase
        for run in NAME_RUN_RE.finditer(phrase):
            before = phrase[: run.start()]
            if not before or PREPOSITION_OR_ARTICLE_BEFORE.search(before):
                continue  # 'leaders of the MQM' are the leaders, not the MQM
            parsed = parse_name(run.group())
            if parsed is not None and parsed.name.casefold() not in NON_NAME_WORDS:
                return self.canonical(parsed.name)
        return " ".join(phrase.split()[:8])

    def _named_after_role(self, phrase: str) -> str:
        """'Acme founder Jo Bloggs', 'the Acme chief executive Jo Bloggs': the person the
        organisation and role words lead up to."""
        lead = NAME_RUN_RE.match(phrase)
        if not lead:
            return ""
        rest = phrase[lead.end() :]
        role = re.match(r"\s+((?:[a-z][\w\-]*\s+){1,3})", rest)
        if not role or not all(
            w in PERSON_NOUNS or w in TITLE_WORDS or w in ROLE_MODIFIERS
            for w in role.group(1).split()
        ):
            return ""
        name = NAME_RUN_RE.fullmatch(rest[role.end() :].strip())
        if not name or " " not in name.group():
            return ""
        parsed = parse_name(name.group())
        return self.canonical(parsed.name) if parsed is not None else ""

    def accused_before(self, sentence_start: int, position: int) -> str:
        """The subject of a passive accusation: 'He was accused …' or 'the force said he
        was …' mean the person the pronoun agrees with, not whoever spoke last."""
        chunk = self.text[sentence_start:position].rstrip()
        last = re.search(r"(?:^|\s)(he|she|they)$", chunk, re.IGNORECASE)
        if last:
            entity = self.resolver.pronoun(last.group(1).casefold(), sentence_start)
            speaker = self.recent_speaker(sentence_start)
            if entity is not None and speaker and entity.name in speaker.split("; "):
                # whoever the speaker just spoke about: 'We charged X,' police said. He …
                return self.recent_name(sentence_start, speaker) or entity.name
            if entity is not None:
                return entity.name
            if last.start() > 0:
                return ""
        return self.name_before(sentence_start, position)

    def finder(self, start: int, position: int) -> str:
        """Who found something: the subject before 'found', a pronoun ('It also found')
        meaning whom it agrees with."""
        chunk = self.text[start:position].strip()
        pronoun = re.fullmatch(r"(it|they|he|she)(?:\s+[a-z]+ly|\s+also|\s+later)?", chunk, re.I)
        if pronoun:
            entity = self.resolver.pronoun(pronoun.group(1).casefold(), start)
            return entity.name if entity is not None else ""
        return self.name_before(start, position)

    def previous_subject(self, position: int, skip: str) -> str:
        """The name a sentence before `position` opens with: whom a subject 'he' or 'she'
        most often means."""
        paragraph_start, _ = self.doc.paragraph_at(position)
        sentences = self.doc.sentences_in(max(paragraph_start, position - 600), position)
        for start, end in reversed([s for s in sentences if s[1] <= position]):
            lead = NAME_RUN_RE.match(self.text, start, end)
            if lead:
                parsed = parse_name(lead.group())
                if parsed is not None and parsed.name.casefold() not in NON_NAME_WORDS:
                    name = self.canonical(parsed.name)
                    if name not in skip:
                        return name
        return ""

    def recent_name(self, position: int, skip: str = "") -> str:
        found = [n for n in self.names_in(max(0, position - 600), position) if n not in skip]
        for name in reversed(found):
            if self.known(name):
                return name
        return found[-1] if found else ""


def _modifies(follower: str) -> bool:
    """Is a name followed by this lower-case word a modifier ('Russian hackers') rather
    than a subject ('Russia has', 'Voss says', 'Ada voted')?"""
    return follower not in VERBS_AFTER_NAME and not follower.endswith(("ed", "s"))


def _same_number(pronoun: str, accuser: str) -> bool:
    """Could the pronoun be the accuser? 'X and Y claimed that they …' is about X and Y."""
    if not accuser:
        return False
    plural = "; " in accuser or " and " in accuser or PLURAL_NOUN_PHRASE.fullmatch(accuser)
    return (pronoun.casefold() == "they") == bool(plural)
