"""Clause patterns: the English around speakers, verbs, roles and what was said.

The shapes the speech, mention and allegation stages look for just before or after a
word: a negation before a verb, an adverbial between a subject and its verb, a role's
clause, a subject pronoun. Their words are general English, never an article's.
"""

from __future__ import annotations

import re

from readerapp.core.analysis.lexicon.base import words
from readerapp.core.analysis.lexicon.people import OBJECT_PRONOUNS
from readerapp.core.analysis.lexicon.phrases import SUBORDINATORS
from readerapp.core.analysis.lexicon.speech import SPEECH_NOUNS, SPEECH_PARTICIPLES, TIME_WORDS

ADVERBIAL_AFTER_VERB = re.compile(
    r"\s+(?:(?:on|in|at|during|last|this|late|early|via|through)\s+(?:[\w’'.\-]+\s+){0,4}?"
    r"(?:" + "|".join(sorted(TIME_WORDS | SPEECH_NOUNS)) + r"|\d[\w.]*)"
    r"|(?:" + "|".join(sorted(TIME_WORDS)) + r")(?:\s+(?:morning|afternoon|evening|night))?)"
    r"\b,?",
    re.IGNORECASE,
)
CLAUSE_START = re.compile(
    r"\s+(?!(?:in|on|at|to|by|from|with|during|after|before|for|as|about|through|of|so|not|"
    r"and|but|or|then|yes|no|this|last|earlier|later|today|yesterday|tomorrow|again|also)\b)"
    r"(?=[\w\"“‘'~])",
    re.IGNORECASE,
)
# Objects of 'told': 'told reporters', 'told CNN', 'told The Washington Post', 'told him'.
TOLD_OBJECT = re.compile(
    r"\s+(?:(?:the\s+)?[A-Z][\w’'.&\-]*(?:\s+[A-Z][\w’'.&\-]*)*(?:['’]s\s+[A-Z][\w’'.\-]*"
    r"(?:\s+[A-Z][\w’'.\-]*)*)?|reporters|journalists|supporters|voters|the\s+crowd|an?\s+"
    r"(?:\w+\s+){0,2}(?:audience|crowd|interviewer|reporter)|"
    + "|".join(sorted(OBJECT_PRONOUNS))
    + r")\b"
)
THAT_WORD = re.compile(r"\bthat\s+")
PARTICIPLE_CLAUSE = re.compile(
    r",\s+(?:and\s+)?(?:"
    + "|".join(sorted(SPEECH_PARTICIPLES, key=len, reverse=True))
    + r")\b\s*(?:that\s+)?",
    re.IGNORECASE,
)
CLAUSE_AFTER_ROLE = re.compile(
    r"\s+(?:who|which|whose|that|said|says|told|added|claims|claimed|alleges|alleged)\b.*$",
    re.IGNORECASE,
)
# A role is a noun phrase; the clause it was cut from is not part of it.
CLAUSE_BEFORE_ROLE = re.compile(
    r"^.*\b(?:said|says|told|added|blamed|accused|claimed|alleged|asked|called|named|thanked|"
    r"praised|critici[sz]ed|met|hired|sacked|fired|replaced|appointed)\s+",
    re.IGNORECASE,
)
APPOSITIVE_AFTER = re.compile(r",\s+((?:the|a|an)\s+[^,.;\"“”~]{3,60}?),")
# 'Orbit's chief executive, Carla Diaz, …' and 'Carla Diaz, the chief executive, …'
DESCRIBED_BEFORE = re.compile(
    r"(?:^|[.;]\s+|\b(?:blamed|accused|praised|thanked|named|hired|appointed|and|with|by)\s+)"
    r"((?:the|a|an|[A-Z][\w’'\-]*['’]s)\s+(?:[\w’'\-]+\s+){0,4}[\w’'\-]+),\s+$"
)
TITLE_BEFORE = re.compile(r"\b(?:the|a|an|former|then|late|fellow|ex)\s+$", re.IGNORECASE)
PREPOSITION_BEFORE_NAME = re.compile(
    r"\b(?:in|at|from|to|into|across|near|of|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE
)
# Where a sentence's subject ends: its first verb (a plural noun must not pass for one).
FIRST_VERB = re.compile(
    r"(?<=\s)(?:[a-z]{2,}ed|has|have|had|is|was|were|are|will|would|can|could|did|does|said|says|"
    r"told|tells|wrote|writes|made|makes|took|takes|gave|gives|got|gets|went|goes|knew|began|"
    r"became|faces|faced|admits|expects|plans|wants|found|finds|thinks|thought|took|met|"
    r"meets|spoke|speaks|led|leads|ran|runs|won|wins|lost|loses|left|leaves|sat|sits|saw|"
    r"sees|came|comes|kept|keeps|held|holds|told|brought|built|paid|sent|shows|showed|gets|"
    r"shook|stood|rose|fell|threw|wore|drew|broke|grew|hung|struck|swung|wept|felt|heard|"
    r"began|sang|rang|spun|tore|shut|put|let|set|hit|cut|read|leaned|smiled|shrugged)\b"
)
QUANTIFIED = re.compile(
    r"(?:dozens|hundreds|thousands|scores|many|some|most|several|few|none|all|one|two|three|"
    r"four|five|a\s+number|a\s+group|a\s+handful|a\s+majority)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
FILED_BY = re.compile(
    r"\b(?:filed|brought|issued|written|signed|sent|submitted|published|released|lodged)\s+"
    r"(?:\w+\s+){0,3}?by\s+"
)
INTRO_ADVERBIAL = re.compile(
    r"(?:(?:on|in|at|by|during|since|until|over|last|this|next|earlier|later|late|early)\s+)?"
    r"(?:(?:the|a)\s+)?(?:(?:" + "|".join(sorted(TIME_WORDS)) + r"|\d[\w,]*|early|late|same|"
    r"previous|following|morning|afternoon|evening|night)\s+)+",
    re.IGNORECASE,
)
NAMED_WORD = re.compile(r"\s(?:named|called)\s+(?=[A-Z])")
# Where a descriptive subject turns into its description: 'A union representing …'.
DESCRIPTION_TAIL = re.compile(
    r"\s+(?:who|which|that|whose|[a-z]+ing|based|led|run|owned|backed)\b.*$"
)
TRAILING_ADVERB = re.compile(
    r"\s+(?:also|later|then|previously|earlier|again|repeatedly)$", re.IGNORECASE
)
LEADING_CONNECTIVE = re.compile(
    r"^(?:but|and|however|yet|so|meanwhile|still|also|now|then)\b[\s,]*", re.IGNORECASE
)
LEADING_NOUN_PHRASE = re.compile(
    r"^\W*((?:the|a|an|his|her|their|its|our|some|many|several)\s+(?:[\w’'\-]+\s+){0,3}?[\w’'\-]+)"
    r"(?=\s+(?:had|has|have|was|were|is|are|knew|did|would|will|could|used|ran|being|made|took|"
    r"paid|told|kept|sold|let|gave)\b)",
    re.IGNORECASE,
)
SUBJECT_PRONOUN_START = re.compile(r"\W*(he|she|they)\b", re.IGNORECASE)
PERSONAL_PRONOUN_START = re.compile(r"\W*(he|she|they|him|her|them)\b", re.IGNORECASE)
PLACE_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|at|from|to|into|across|near|outside|inside|via|through|throughout)\s+"
    r"(?:the\s+)?$",
    re.I,
)
VERBS_AFTER_NAME = frozenset(
    [
        "is",
        "was",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "and",
        "or",
        "but",
        "who",
        "which",
        "that",
        "said",
        "says",
        "told",
    ]
)
CLAUSE_VERB = re.compile(
    r"(?<=\s)(?:[a-z]{2,}ed|is|was|were|are|has|have|had|will|would|could|can|did|does|took|"
    r"stole|lied|lies|made|gave|got|kept|knew|ran|paid|sold|hid|broke|told|sent|led|bought|"
    r"brought|spent|wrote|won|lost|left|met|[a-z]{3,}s)\b"
)
QUESTION_MARK = re.compile(r"Q(?:[:.]\s+|(?=[A-Z][a-z]))")
ANSWER_MARK = re.compile(r"A[:.]\s+")
NAME_THEN_VERB = re.compile(
    r"[\s,]*(?P<who>(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'.\-]*|he|she|they|we|I)\s+"
    r"(?P<verb>[a-z]{3,}(?:ed|s))\b"
)
VERB_BEFORE_QUOTE = re.compile(r"\b([a-z]+(?:s|ed))\s*[,:]\s*$")
PRONOUN_AFTER = re.compile(r"\s+(he|she|they|it|we|I)\b")
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|is|are|being|be|get|got)\s+(?:\w+ly\s+)?$")
OPEN_QUESTION = re.compile(r"\s+(?:whether|if|what|how|why|when|who|where)\b")
NEGATED_BEFORE = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\bdeclined|\brefused|\bwould\s+not)\s+(?:\w+\s+)?$"
)
# A subordinator that opens a clause; the last one before a verb opens the verb's clause.
SUBORDINATE_CLAUSE = re.compile(r"\b(?:" + "|".join(sorted(SUBORDINATORS)) + r")\s+")
ADVERBIAL_BEFORE_VERB = re.compile(
    r"\b(?:(?:on|in|at|during|over|via|through|after|before|speaking)\s+"
    r"(?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+"
    r"|(?:last|this|late|early|earlier|next)\s+(?:past\s+)?(?:"
    + "|".join(sorted(TIME_WORDS))
    + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\s*$"
)
# 'nurses …, including Mr. Okoro,': the members of a group, not its role.
MEMBERS_NOT_ROLE = re.compile(r"(?:including|such\s+as|among\s+them)\b", re.IGNORECASE)

# -- small patterns the stages test a word or two against --------------------------------

# 'Jo Roe, the …' before a description; 'the suit filed by the drivers' union Rail Unite'.
ARTICLE_AFTER_COMMA = r",\s+(?:the\s+|a\s+)?$"
FILED_BY_PREFIX = (
    r"\b(?:(?:law)?suits?|complaints?|petitions?)\b[^.;]{0,40}?\b(?:filed|brought)\s+by\s+"
    r"(?:(?:the|a|an)\s+)?"
)
FILER_ROLE = r"(?P<role>(?:[a-z][\w\-]*['’]?\s+){0,4}?)(?:named\s+)?"
# 'Voss's office', 'the senator's spokesman': an entity that speaks for its owner.
OWNED_OFFICE = re.compile(r"['’]s\s+(?:office|spokes\w+|campaign)$")
PARTITIVE_START = re.compile(r"^(?:one|some|each|any)\s+of\s+(?:the\s+)?", re.IGNORECASE)
ROLE_POSTMODIFIER = re.compile(r"\s(?:of|for|at|in|from|with|on)\s")
LEADING_ARTICLE = re.compile(r"^(?:a|an|the|another)\s+", re.IGNORECASE)
ROLE_PLACE_START = re.compile(r"(?:of|at|from|for)\s")
AND_JOIN = re.compile(r"\s(?:and|&)\s")
# 'The Office of the Data Protection Commissioner'.
PROPER_WITH_OF = re.compile(
    r"(?:the|The)\s+((?:[A-Z][\w’'\-]*\s+)+(?:of|for|on)\s+(?:the\s+)?(?:[A-Z][\w’'.\-]*\s*)+)"
)
SUBJECT_PRONOUN_WORD = re.compile(r"(?:he|she|they|it)", re.IGNORECASE)
PREPOSITION_OR_ARTICLE_BEFORE = re.compile(
    r"\b(?:of|for|from|at|in|on|by|with|to|the|a|an)\s+$", re.IGNORECASE
)
PLURAL_NOUN_PHRASE = re.compile(r"(?:the\s+)?[a-z]+s", re.IGNORECASE)
# Between two quotes of one speaker: nothing, a comma, 'and' or an ellipsis.
QUOTE_JOINER_GAP = re.compile(r"\s*(?:,|and|…|\.\.\.)?\s*")
ON_OR_FOR = re.compile(r"\s+(?:on|for)\b")
THAT_OR_QUOTE_AFTER = re.compile(r"\s*(?:that\b|[:,]?\s*[\"“]|:)")
# '…, accusing X of …', '…: and said': a verb that continues the clause before it.
AFTER_COMMA_AND = re.compile(r"[,:—–]\s*(?:and\s+)?$")
RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that|whom)\s+(?:\w+\s+){0,2}$")
COORDINATOR_BEFORE = re.compile(r"\b(?:and|but|then|yet)\s+(?:\w+\s+){0,2}$")
TO_BEFORE = re.compile(r"\bto\s+$")
RELATIVE_START = re.compile(r"(?:who|which|whose|that)\b")
RELATIVE_OR_PARTICIPLE_START = re.compile(r"(?:who|which|whose|that|\w+ing)\b")
THAT_AT_END = re.compile(r"\bthat$")
THAT_AFTER_COMMA = re.compile(r",\s+that\s+")
VERB_AFTER_COMMA = re.compile(r",\s+([a-z]+)\s")
FOR_REASON = re.compile(r"\sfor\s+")
NOT_REPORTED_START = words("not never to")
NAME_ROLE_PREPOSITIONS = words("of from at for")
PLACE_OF_PREPOSITIONS = words("from in of near")
APPOSITIVE_OPENERS = words("a an the who which whose himself herself from of at for in")
# Lower-case words inside a title: 'Who Will Survive, PSP or MQM?'.
TITLE_SMALL_WORDS = words("a an and at by for in of on or the to")
# 'he claims', 'who reports': words after which a noun-like form is a verb.
VERB_AFTER_WORDS = words("he she it they who which also now still")
# 'called', 'told' take an object without reporting it as speech on their own.
NOT_OBJECT_CUES = words("called calls told tells")
ARTICLES = words("a an the")
INDEFINITE_ARTICLES = words("a an one")
THIRD_PERSON_SUBJECTS = words("he she they it")
