"""Speech: the verbs that report words, their forms, and the words around them."""

from __future__ import annotations

import re

from readerapp.core.analysis.lexicon.base import verb_forms, words

# 'The court heard that …' reports evidence; 'she heard that …' does not.
HEARING_BODIES = words("court jury tribunal inquest inquiry hearing trial panel committee")
_IRREGULAR = {
    "hear": ("hear", "hears", "heard", "hearing"),
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "swear": ("swear", "swears", "swore", "swearing"),
    "forecast": ("forecast", "forecasts", "forecast", "forecasting"),
    "retort": ("retort", "retorts", "retorted", "retorting"),
    "prefer": ("prefer", "prefers", "preferred", "preferring"),
    "rebut": ("rebut", "rebuts", "rebutted", "rebutting"),
    "commit": ("commit", "commits", "committed", "committing"),
    "confess": ("confess", "confesses", "confessed", "confessing"),
    "post": ("post", "posts", "posted", "posting"),
    "read": ("read", "reads", "read", "reading"),
}

# Verbs that report what someone said, and take what they said as a clause or a quote.
REPORTING_LEMMAS = words("""
    say tell write claim allege insist add reply argue warn explain note disclose reveal
    announce assert acknowledge admit confirm maintain suggest recall answer respond
    conclude declare testify contend complain predict stress emphasise emphasize observe
    remark comment mention agree concede counter retort boast estimate recount caution
    exclaim whisper shout yell scream tweet state report promise vow pledge charge assure
    repeat reiterate affirm swear joke quip muse lament speculate theorize theorise posit
    brag grumble protest object scoff snap cry chant proclaim inform remind forecast
    guarantee threaten demand ask wonder question query inquire concur relate elaborate
    marvel gush rant fume sniff huff chide scold rail preach plead beg confess urge
    advise recommend predict hint imply indicate signal stipulate specify hear
    clarify summarize summarise post rebut dispute continue read beam echo jeer sigh laugh
    chuckle groan react riff
    """)

# Speech verbs whose -s form is also a plural noun ('the reports', 'his claims'): they
# count as verbs only where the syntax says so (before 'that', a quote or a colon).
NOUN_LIKE_FORMS = words("""
    claims reports states notes charges comments posts answers replies estimates promises
    pledges vows counters remarks questions demands orders signals forecasts guarantees
    protests objects cries chants tweets threats hints
    """)

# Verbs reported speech never follows: a denial's content is what the speaker rejects.
DENIAL_LEMMAS = words("deny dismiss reject refute")

# Base forms that report speech with a plural subject ('officials say', 'critics argue').
BASE_SPEECH = words("""
    say tell claim argue insist warn add allege contend maintain note suggest predict
    complain write report agree acknowledge admit charge worry read
    """)


def _all_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in REPORTING_LEMMAS:
        for form in _IRREGULAR.get(lemma, verb_forms(lemma)):
            forms.setdefault(form, lemma)
    return forms


FORM_TO_LEMMA: dict[str, str] = _all_forms()
# Finite forms: past tense and third person ('said', 'says'), plus the plural base forms.
FINITE_SPEECH = frozenset(
    form
    for form, lemma in FORM_TO_LEMMA.items()
    if not form.endswith("ing") and (form != lemma or lemma in BASE_SPEECH)
)
# 'Roe, who said he would run, said …': the main verb after an aside that reports speech.
VERB_AFTER_ASIDE = re.compile(
    r"(?:,|\s[-—–]|—)\s*(?:(?:also|then|later|again|has|had)\s+)?(?:"
    + "|".join(
        sorted(f for f in FINITE_SPEECH if f != FORM_TO_LEMMA[f] and f not in NOUN_LIKE_FORMS)
    )
    + r")\b"
)
# A modal before a base form makes it a finite verb: 'could only quip', 'would explain'.
MODAL_BEFORE = re.compile(
    r"\b(?:would|will|could|can|may|might|should|must|did|does|do)\s+"
    r"(?:(?:only|also|later|then|just|often|not|never|[a-z]+ly)\s+)?$"
)
# Participles that report speech as they continue a clause: ', saying …', 'tweeting: …'.
SPEECH_PARTICIPLES = frozenset(form for form in FORM_TO_LEMMA if form.endswith("ing"))
# Two-word speech verbs: 'chipped in', 'pointed out', 'hit back'.
PHRASAL_SPEECH = {
    "chip": "in",
    "chime": "in",
    "point": "out",
    "weigh": "in",
    "speak": "out",
    "hit": "back",
    "fire": "back",
    "shoot": "back",
    "lash": "out",
    "go": "on",
    "spell": "out",
}
PHRASAL_FORMS: dict[str, str] = {
    form: particle
    for lemma, particle in PHRASAL_SPEECH.items()
    for form in {
        "go": ("went", "goes"),
        "hit": ("hit", "hits"),
        "shoot": ("shot", "shoots"),
        "speak": ("spoke", "speaks"),
    }.get(lemma, verb_forms(lemma)[1:3])
}
# Verbs whose reported clause needs 'that' ('added that …'): 'answered her door' is no speech.
THAT_ONLY_LEMMAS = words("answer reply respond continue repeat hear advise")
# Verbs whose promise is an infinitive: 'vowed to take the fight to the convention'.
INFINITIVE_LEMMAS = words("promise vow pledge threaten swear")
# Verbs that take a direct quote but no reported clause ('she joked, "…"').
QUOTE_ONLY_LEMMAS = words("""
    joke quip exclaim whisper shout yell scream chant cry gush rant fume sniff huff marvel
    muse snap scoff lament read beam echo jeer sigh laugh chuckle groan react riff
    """)
# A verb and its object say what was said: 'accused X of …', 'urged X to …'.
OBJECT_SPEECH = {
    "accuse": "of",
    "urge": "to",
    "ask": "to",
    "warn": "of|that|against",
    "praise": "for",
    "criticize": "for",
    "criticise": "for",
    "blame": "for",
    "thank": "for",
    "charge": "with",
    "tell": "to|that",
    "remind": "that|of",
    "assure": "that",
    "inform": "that",
    "call": "on|for",
    "implore": "to",
    "challenge": "to",
    "invite": "to",
    "congratulate": "on|for",
    "knock": "for",
    "slam": "for",
    "blast": "for",
    "fault": "for",
    "chide": "for",
    "rebuke": "for",
    "scold": "for",
    "lambaste": "for",
}
OBJECT_SPEECH_FORMS: dict[str, str] = {
    form: lemma
    for lemma in OBJECT_SPEECH
    for form in _IRREGULAR.get(lemma, verb_forms(lemma))
    if form != lemma or lemma in BASE_SPEECH
}
# 'called the referee a "cheat"', 'described it as "a stunt"': naming verbs with a quote.
NAMING_VERBS = words(
    "called calls calling described describes describing termed dubbed branded "
    "labeled labelled labels referred refers likened compared"
)
# Nouns that introduce someone's words: 'in a statement', 'in an interview', 'in a tweet'.
SPEECH_NOUNS = words("""
    statement interview tweet tweets post email e-mail letter speech remarks address
    conference call memo message note op-ed column essay briefing hearing rally appearance
    testimony filing comment comments release video broadcast podcast show
    """)
# Words before a quote that make it the name of a thing, not anyone's words.
NAMING_BEFORE_QUOTE = re.compile(
    r"\b(?:so-called|dubbed|known\s+as|titled|entitled|named|called|the\s+(?:word|words|term|"
    r"phrase|slogan|hashtag|title|name|book|film|song|show|album|headline|label)|nicknamed|"
    r"read|reading|marked|labeled|labelled)\s*$",
    re.IGNORECASE,
)
# Ways a source is named without a verb: 'according to X', 'in the words of X'.
ACCORDING_TO = r"according\s+to|in\s+the\s+words\s+of|as\s+quoted\s+by|per"

# Words between a speaker and the verb: 'she later said', 'he has repeatedly argued'.
AUXILIARIES = words("""
    has have had would will could should may might must can did does do is was were are
    been be being shall also later then again previously earlier further separately
    recently once since reportedly repeatedly publicly privately herself himself themselves
    itself angrily calmly simply quickly flatly firmly bluntly openly often frequently
    long already still even never not just only first last now today yesterday quietly
    loudly briefly sharply strongly directly immediately subsequently initially ultimately
    finally frankly curtly tersely falsely wrongly rightly correctly famously memorably
    notably pointedly proudly happily sadly jokingly wryly dryly cheerfully tearfully
    emotionally passionately forcefully insistently defiantly confidently cautiously
    tentatively vaguely clearly explicitly implicitly essentially basically effectively
    likely allegedly apparently purportedly supposedly
    """)
# Adverbial phrases between subject and verb: 'Mr Roe on Thursday said', 'she, in a
# statement, said': a preposition and a few words before the verb.
TIME_WORDS = words("""
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week month year weekend january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec
    """)
