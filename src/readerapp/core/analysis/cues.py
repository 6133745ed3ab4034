"""English cue words the analysis keys on: speech verbs, role nouns, honorifics, accusations.

Kept apart from the logic so the lists can grow without touching the rules, and so
it is plain to see that nothing here is tied to one article: these are general
English reporting and accusation cues.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word list written as one string, so long lists stay readable."""
    return frozenset(text.split())


def _verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb: 'claim' -> claim, claims, claimed, claiming."""
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma, lemma + "s", lemma + "ed", lemma + "ing"}


_IRREGULAR_SPEECH = {
    "say": {"say", "says", "said", "saying"},
    "tell": {"tell", "tells", "told", "telling"},
    "write": {"write", "writes", "wrote", "writing"},
    "tweet": {"tweet", "tweets", "tweeted"},
    "admit": {"admit", "admits", "admitted", "admitting"},
    "chip in": {"chipped in", "chips in"},
    "hear": {"heard"},  # only for 'the court heard', 'the inquest heard' (see attribution)
    "chime in": {"chimed in", "chimes in"},
    "point out": {"pointed out", "points out"},
    "go on": {"went on", "goes on"},
}

# Verbs that report what someone said. "deny" is left out on purpose: a denial's
# content is what the speaker rejects, not what they assert. Nouns that look like
# verbs ('report', 'state', 'charge') are left out so they cannot start a quote.
_REGULAR_SPEECH = sorted(
    words(
        "claim allege insist add reply argue warn explain note disclose reveal announce assert "
        "acknowledge confirm maintain suggest recall ask answer respond continue conclude declare "
        "testify contend complain predict stress emphasise emphasize observe remark comment "
        "mention agree concede counter retort boast estimate recount caution exclaim whisper shout"
    )
)
# Base forms only count for these (plural subjects: 'officials say', 'critics argue').
_BASE_FORMS = words("say tell claim argue insist warn add allege contend maintain")


def _reporting_forms() -> frozenset[str]:
    forms: set[str] = set()
    for lemma in _REGULAR_SPEECH:
        forms |= {f for f in _verb_forms(lemma) if not f.endswith("ing") and f != lemma}
    for lemma, irregular in _IRREGULAR_SPEECH.items():
        forms |= {f for f in irregular if not f.endswith("ing") and f != lemma}
    return frozenset(forms | _BASE_FORMS)


SPEECH_VERBS: frozenset[str] = _reporting_forms()

# Participles that continue a reporting clause: '..., adding that ...'.
CONTINUING_PARTICIPLES = words(
    "adding continuing noting saying claiming arguing insisting explaining warning stressing "
    "alleging stating suggesting"
)

# Words that may sit between a speaker and the speech verb: 'she later said'.
ADVERBS_BEFORE_VERB = words(
    "also later then again previously earlier further separately recently once has have had "
    "would will has since reportedly repeatedly publicly privately herself himself themselves "
    "angrily calmly simply quickly flatly firmly"
)

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "",
    "it": "org",
    "we": "",
    "i": "",
}

# Head nouns of phrases that can name a speaker without a proper name.
PERSON_NOUNS = words("""
    official officials source sources spokesman spokeswoman spokesperson spokespeople journalist
    journalists reporter reporters analyst analysts expert experts lawyer lawyers attorney
    attorneys prosecutor prosecutors judge judges minister ministers president director directors
    executive executives chief officer officers researcher researchers scientist scientists
    professor engineer engineers economist economists witness witnesses resident residents
    diplomat diplomats aide aides adviser advisers advisor advisors person people member members
    leader leaders chairman chairwoman chair founder manager managers employee employees worker
    workers activist activists campaigner campaigners advocate advocates critic critics historian
    commentator editor author investigator investigators detective detectives inspector agent
    coach player players teacher teachers student students farmer farmers owner owners insider
    insiders staffer staffers lawmaker lawmakers legislator legislators senator governor mayor
    councillor councillors ambassador commander general colonel soldier soldiers negotiator
    negotiators consultant partner secretary doctor doctors nurse nurses physician surgeon
    physiologist psychologist biologist chemist ecologist activist observer observers organiser
    organisers organizer organizers survivor survivors victim victims relative relatives
    neighbour neighbours neighbor neighbors colleague colleagues friend friends veteran veterans
    candidate voter voters protester protesters trader traders banker bankers broker
    strategist strategists planner spokesmen official's deputy representative representatives
    solicitor solicitors barrister barristers counsel defender defenders magistrate magistrates
    """)

ORG_NOUNS = words("""
    company companies firm firms ministry department agency government police court council
    party group union bank unit office regulator commission committee organisation organization
    authority authorities board embassy army military newspaper paper prosecution administration
    university hospital club team federation association foundation institute network
    corporation charity campaign service services tribunal parliament
    cabinet state city county municipality league operator airline channel broadcaster watchdog
    """)

# Determiners of a plural description ('both leaders'): it points back at several people,
# so it names no one speaker.
GROUP_DETERMINERS = frozenset({"both", "two", "three", "several", "some", "many", "all"})

HONORIFICS = words("mr mrs ms miss mx dr prof sir dame lord lady rev fr mme mlle sheikh")
HONORIFIC_GENDER = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "mme": "f",
    "mlle": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
}
GENDERED_NOUNS = {
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "businessman": "m",
    "businesswoman": "f",
}

# Capitalised words that form a title in front of a name: 'Interior Minister Rehman Malik'.
TITLE_WORDS = words("""
    president vice prime minister chancellor governor senator sen rep representative mayor judge
    justice chief executive director general gen colonel col captain capt lieutenant lt sergeant
    sgt inspector detective officer secretary ambassador commissioner chairman chairwoman chair
    king queen prince princess pope bishop archbishop father imam rabbi coach deputy interior
    foreign finance defence defense home health opposition leader speaker attorney prosecutor
    professor doctor constable superintendent commander admiral marshal former acting senior
    junior state federal assistant associate managing presiding spokesman spokeswoman
    spokesperson councillor councilman councilwoman congressman congresswoman mp
    """)

# Lower-case words allowed in a role written before a name: 'senior journalist Mazhar Abbas'.
ROLE_MODIFIERS = words("""
    former acting senior junior deputy assistant associate managing presiding chief lead head
    veteran local regional national state federal top leading independent interim general
    executive political economic foreign defence defense security industry opposition
    consumer technology health finance""")

NAME_PARTICLES = words(
    "van von der den de del della di da du la le bin bint ibn al el dos das ter ten zu af"
)

# Capitalised words that start sentences or name dates, never people.
NON_NAME_WORDS = words("""
    the a an but and or so yet however in at on of for from to by with during after before
    when while since although though if as this that these those there their they he she it
    we i you his her its our my your one two some many most all both each every no not
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december later earlier meanwhile last next
    according among among referring presently once what who why how where which also then
    still even now today yesterday tomorrow instead indeed in fact first second finally
    did does do is was were has have had can could would should will shall must might
    """)

# Legal documents whose account of events is an accusation ('The complaint … says').
LEGAL_DOCUMENTS = (
    r"complaint|lawsuit|suit|indictment|petition|charge\s+sheet|"
    r"court\s+(?:papers|documents|filings?)"
)

# Accusation cues: verbs, nouns and phrases that report an accusation.
ACCUSATION_PATTERN = re.compile(
    r"\b(?:(?<!the\s)accus\w*|alleg\w*|charged\s+with|charges?\s+of|indicted|"
    r"blam\w*\s+(?:[\w’'-]+,?\s+){1,5}for|evidence\s+of|there\s+are\s+reports|reports?\s+that|"
    r"reportedly|ties\s+with|links?\s+(?:with|to)|connection\s+with|implicated\s+in|"
    r"suspected\s+of|on\s+suspicion\s+of|fined|penali[sz]ed|"
    r"su(?:e|es|ed|ing)\s+(?:[\w’'-]+\s+){1,6}for|convicted\s+of|"
    r"guilty\s+of|found\s+that|banned\s+(?:for|from)|tested\s+positive|failed\s+a\s+(?:drugs?\s+)?"
    r"test|fail(?:ed|ing|s)?\s+(?:\w+\s+){0,2}(?:inspections?|audits?|checks?|safety\s+tests?)|"
    r"fail(?:ed|ing|s)?\s+to\s+(?:report|disclose|declare|tell|pay|notify|inform|comply|register|"
    r"protect|prevent|act|reveal|stop|warn)|"
    # A legal document's account is an accusation: 'The complaint, filed by X, says …'.
    rf"(?:{LEGAL_DOCUMENTS})\b[^.;]{{0,80}}?\b(?:says|said|states|stated|claims|claimed|contends|"
    r"argues))\b",
    re.IGNORECASE,
)

# Wrongdoing vocabulary: a statement using it about someone reads as an accusation.
WRONGDOING_PATTERN = re.compile(
    r"\b(?:brib\w*|corrupt\w*|fraud\w*|launder\w*|embezzl\w*|extort\w*|violen(?:t|ce)|militant|"
    r"death\s+squads?|manhandl\w*|assault\w*|abus(?:e|ed|es|ing)|murder\w*|tortur\w*|rigg(?:ed|ing)|"
    r"smuggl\w*|stole|stolen|steal\w*|theft|cheat\w*|betray\w*|cover(?:ed|ing)?[\s-]+up|"
    r"conceal\w*|crimes?|criminal\w*|illegal\w*|unlawful\w*|misconduct|wrongdoing|bloodbath|"
    r"terroris\w*|doping|harass\w*|intimidat\w*|misled|mislead\w*|forg(?:ed|ery)|kickbacks?|"
    r"polluted|polluting|untreated\s+(?:waste|sewage|effluent)|lied|lying\s+about|"
    r"siphon\w*|misappropriat\w*|kidnap\w*|looted|looting|rape\w*|massacre\w*|"
    r"(?:did|done|do|say|said)\s+nothing(?!\s+wrong)|(?:was|were|been)\s+ignored|"
    r"turned\s+a\s+blind\s+eye|looked\s+the\s+other\s+way|violat\w+|in\s+breach\s+of|"
    r"breach(?:ed|ing)\s+(?:the|a|an|its|their|his|her)\s+\w+|withh(?:e|o)ld\w*|"
    r"broke\s+the\s+(?:law|rules)|"
    r"(?:above|beyond|exceed\w*)\s+(?:the\s+)?(?:legal|permitted|safe|allowed)\s+limits?|"
    r"without\s+(?:permission|consent|authori[sz]ation|a\s+licen[cs]e|a\s+warrant))\b",
    re.IGNORECASE,
)

# A denial or a rejection of an accusation: these are not allegations.
DENIAL_PATTERN = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|reject\w*|refut\w*|dismiss\w*|rebut\w*)\b[^.?!]{0,40}?"
    r"\b(?:allegation|accusation|claim|charge|report|wrongdoing|involvement|suggestion|"
    r"that|any|the)\w*|\bpleaded\s+not\s+guilty\b|\bnot\s+guilty\b|"
    r"\b(?:deny|denies|denied|denying)\b",
    re.IGNORECASE,
)

NEGATION_PATTERN = re.compile(r"\b(?:never|not|no|n[o']t|nothing|without)\b", re.IGNORECASE)

# Phrases that point back to allegations already reported ('These allegations ...').
ANAPHORIC_ALLEGATION = re.compile(
    r"^\W*(?:these|those|such|the|similar)\s+(?:allegations?|accusations?|claims?|charges?)\b",
    re.IGNORECASE,
)
