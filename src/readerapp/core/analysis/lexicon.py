"""Every English word the analysis keys on, in one place.

Speech verbs and their forms, role nouns, titles, honorifics, organisation and document
nouns, pronouns, the words that never start a name, and the cue patterns of accusations,
denials and investigations. The rules read these lists and never spell English words of
their own, so a reader can see at a glance that nothing here is tied to one article: these
are general cues of English news reporting. Another language would be another lexicon.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """A word list written as one string, so long lists stay readable."""
    return frozenset(text.split())


def verb_forms(lemma: str) -> tuple[str, str, str, str]:
    """Regular inflections: 'claim' -> (claim, claims, claimed, claiming)."""
    if lemma.endswith("ee"):
        return lemma, lemma + "s", lemma + "d", lemma + "ing"
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    if re.fullmatch(r"(?:qu|[^aeiou])*[aeiou][^aeiouwxy]", lemma) and len(lemma) <= 4:
        double = lemma + lemma[-1]  # 'quip' -> quipped, 'chat' -> chatted
        return lemma, lemma + "s", double + "ed", double + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


# -- speech -------------------------------------------------------------------------------

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
    clarify summarize summarise post rebut dispute continue
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
    complain write report agree acknowledge admit charge worry
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
THAT_ONLY_LEMMAS = words("answer reply respond continue repeat hear")
# Verbs that take a direct quote but no reported clause ('she joked, "…"').
QUOTE_ONLY_LEMMAS = words("""
    joke quip exclaim whisper shout yell scream chant cry gush rant fume sniff huff marvel
    muse snap scoff lament
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
# 'called the judge a "hater"', 'described it as "a stunt"': naming verbs with a quote.
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

# -- people, organisations, documents -------------------------------------------------------

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "plural",
    "it": "org",
    "we": "plural",
    "i": "",
    "who": "",
}
OBJECT_PRONOUNS = words("him her them it us me")
INDEFINITE_PRONOUNS = words(
    "everyone everybody anyone anybody someone somebody nobody no-one none each all many most "
    "some others few"
)
POSSESSIVE_PRONOUNS = words("his her their its our my your")

# Head nouns of phrases that name a person without a name ('a senior official').
PERSON_NOUNS = words("""
    official officials source sources spokesman spokeswoman spokesperson spokespeople
    spokesmen spokeswomen journalist journalists reporter reporters analyst analysts expert
    experts lawyer lawyers attorney attorneys prosecutor prosecutors judge judges minister
    ministers president director directors executive executives chief chiefs officer
    officers researcher researchers scientist scientists professor professors engineer
    engineers economist economists witness witnesses resident residents diplomat diplomats
    aide aides adviser advisers advisor advisors person people member members leader leaders
    chairman chairwoman chair founder founders manager managers employee employees worker
    workers activist activists campaigner campaigners advocate advocates critic critics
    historian historians commentator commentators editor editors author authors
    investigator investigators detective detectives inspector inspectors agent agents coach
    coaches player players teacher teachers student students farmer farmers owner owners
    insider insiders staffer staffers lawmaker lawmakers legislator legislators senator
    senators governor governors mayor mayors councillor councillors councilman councilwoman
    ambassador ambassadors commander commanders general generals colonel soldier soldiers
    negotiator negotiators consultant consultants partner partners secretary secretaries
    doctor doctors nurse nurses physician physicians surgeon surgeons psychologist
    psychologists biologist chemist ecologist observer observers organiser organisers
    organizer organizers survivor survivors victim victims relative relatives neighbour
    neighbours neighbor neighbors colleague colleagues friend friends veteran veterans
    candidate candidates voter voters protester protesters protestors trader traders banker
    bankers broker brokers strategist strategists planner planners deputy deputies
    representative representatives solicitor solicitors barrister barristers counsel
    defender defenders magistrate magistrates supporter supporters opponent opponents rival
    rivals delegate delegates pollster pollsters operative operatives donor donors
    congressman congresswoman congressmen democrat democrats republican republicans
    conservative conservatives liberal liberals progressive progressives politician
    politicians lobbyist lobbyists businessman businesswoman businessmen entrepreneur
    investor investors father mother son daughter wife husband brother sister man woman men
    women boy girl parent parents student resident mother-in-law attendee attendees
    participant participants citizen citizens immigrant immigrants writer writers blogger
    nominee nominees hopeful hopefuls frontrunner front-runner contender contenders challenger
    guy guys
    incumbent chef actor actress singer rapper comedian star celebrity billionaire mogul
    columnist columnists host hosts anchor anchors commentator moderator moderators
    panelist panelists speaker speakers chancellor premier monarch king queen prince
    princess pope bishop priest pastor rabbi imam cleric clerics scholar scholars
    academic academics specialist specialists practitioner physician clinician surveyor
    inspector auditor auditors trustee trustees director-general
    commissioner commissioners justice justices sheriff constable superintendent captain
    lieutenant sergeant marshal admiral major driver drivers keeper keepers passenger
    passengers pilot pilots
    """)
# Person nouns that name a group of unnamed people: 'officials said', 'aides said'.
UNNAMED_SOURCE_NOUNS = words("""
    source sources official officials insider insiders aide aides diplomat diplomats people
    person staffer staffers operative operatives adviser advisers advisor advisors
    """)

ORG_NOUNS = words("""
    company companies firm firms ministry department agency agencies government police court
    council party group union bank unit office regulator commission committee organisation
    organization authority authorities board embassy army military newspaper paper
    prosecution administration university hospital club team federation association
    foundation institute network corporation charity campaign service services tribunal
    parliament congress senate house cabinet state city county municipality league operator
    airline channel broadcaster watchdog daily outlet magazine publication station site
    website panel caucus coalition alliance movement faction delegation bureau center centre
    council school college lab laboratory think-tank tank fund trust society
    """)

# Other names for a kind of organisation: 'the force' is the police, 'the daily' a newspaper.
ORG_SYNONYMS = {
    "force": words("police constabulary"),
    "company": words("firm corporation inc ltd llc plc labs holdings co corp"),
    "firm": words("company corporation inc ltd llc plc labs holdings co corp"),
    "newspaper": words("paper daily times post journal herald tribune gazette"),
    "paper": words("newspaper daily times post journal herald tribune gazette"),
    "daily": words("newspaper paper times post journal herald tribune gazette"),
    "network": words("channel broadcaster tv news television"),
    "broadcaster": words("channel network tv news television"),
    "ministry": words("department"),
    "department": words("ministry"),
    "agency": words("bureau administration service"),
    "group": words("organisation organization coalition campaign alliance"),
    "club": words("team fc united city"),
    "team": words("club fc united city"),
    "regulator": words("authority commission board office watchdog"),
    "watchdog": words("authority commission board office regulator"),
}
# Documents that speak for their authors: 'the letter says', 'the complaint alleges'.
DOCUMENT_NOUNS = words("""
    report study statement document documents letter survey complaint filing filings data
    figures review poll analysis article judgment ruling law bill decision memo memorandum
    email e-mail emails message post website records transcript minutes footage video photo
    audit indictment affidavit lawsuit suit petition motion brief order opinion playbook
    manual guide notice release book column editorial op-ed essay paper papers tweet
    testimony complaint summons warrant subpoena
    """)
# Filings that speak for whoever filed them: 'the suit' is the plaintiff's.
LEGAL_FILINGS = words("suit lawsuit complaint petition claim")
# Documents whose account is an accusation ('the complaint alleges …').
LEGAL_DOCUMENTS = (
    r"complaint|lawsuit|suit|indictment|petition|charge\s+sheet|affidavit|"
    r"court\s+(?:papers|documents|filings?|records)"
)

# Determiners of a description that points at several people ('both leaders').
GROUP_DETERMINERS = words("both two three four five several some many all most few other")
# Pronouns that stand for a group of speakers: 'Several said', 'those who back her say'.
GROUP_PRONOUNS = words("several many some most others those both all few")
DETERMINERS = words("the a an one another its his her their our your my this that these those")
DEFINITE_DETERMINERS = words("the its his her their our this that these those")

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
    "congressman": "m",
    "congresswoman": "f",
    "councilman": "m",
    "councilwoman": "f",
    "father": "m",
    "mother": "f",
    "son": "m",
    "daughter": "f",
    "wife": "f",
    "husband": "m",
    "brother": "m",
    "sister": "f",
    "man": "m",
    "woman": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "widow": "f",
    "grandmother": "f",
    "grandfather": "m",
    "boy": "m",
    "girl": "f",
    "actress": "f",
}

# Capitalised words that form a title in front of a name: 'Interior Minister Rehman Malik',
# 'Sen. Jo Roe', 'Majority Leader Jo Roe'. Abbreviations are written without their dot.
TITLE_WORDS = words("""
    president vice prime minister chancellor governor gov senator sen rep reps
    representative del delegate mayor judge justice chief executive director general gen
    colonel col captain capt lieutenant lt sergeant sgt inspector detective officer secretary
    ambassador commissioner chairman chairwoman chair king queen prince princess pope bishop
    archbishop father imam rabbi coach deputy interior foreign finance defence defense home
    health opposition leader speaker attorney prosecutor professor doctor constable
    superintendent commander admiral adm marshal former acting senior junior state federal
    assistant associate managing presiding spokesman spokeswoman spokesperson councillor
    councilman councilwoman congressman congresswoman mp mep msp mla majority minority whip
    house senate supreme sheriff treasurer comptroller controller auditor solicitor
    commissioner pastor reverend cardinal sister brother emir sultan ayatollah premier
    chairperson ceo cfo coo founder cofounder co-founder host anchor editor publisher
    correspondent columnist strategist adviser advisor aide counsel counselor lawmaker
    legislator candidate nominee hopeful frontrunner front-runner mogul billionaire star
    actor actress singer rapper author analyst economist pollster activist
    retired ret lt-gen maj
    """)
# Lower-case words allowed in a role written before a name: 'senior journalist Mazhar Abbas'.
ROLE_MODIFIERS = words("""
    former acting senior junior deputy assistant associate managing presiding chief lead head
    veteran local regional national state federal top leading independent interim general
    executive political economic foreign defence defense security industry opposition
    consumer technology health finance longtime long-time retired then-candidate
    presidential republican democratic conservative liberal progressive campaign
    """)

# Title words that are also surnames: only in front of a name are they titles.
SURNAME_LIKE_TITLES = words(
    "king queen prince princess father sister brother star host "
    "author pope bishop chair young major general marshal"
)
NAME_SUFFIXES = words("jr sr ii iii iv")
POST_NOMINALS = words("kc qc mp mep msp ms mla phd md obe mbe cbe esq")
NAME_PARTICLES = words(
    "van von der den de del della di da du la le bin bint ibn al el dos das ter ten zu af st"
)
# A party tag after a name: 'Rep. Jo Roe (D-Calif.)', 'Jo Roe, R-Ky., said'.
PARTY_TAG = r"\(?\b[DRI] ?- ?[A-Z][A-Za-z.]{0,12}(?:\s[A-Z][A-Za-z.]{1,8})?\)?"
# Nouns for someone who speaks for another: 'Gowdy spokesman Jamal Ware' speaks for Gowdy's office.
SPOKESPEOPLE = words("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen")

# Capitalised words that start sentences or name dates, never people.
NON_NAME_WORDS = words("""
    the a an but and or so yet however in at on of for from to by with during after before
    when while since although though if as this that these those there their they he she it
    dozens hundreds thousands scores almost nearly about around speaking asked
    we i you his her its our my your one two some many most all both each every no not
    three four five six seven eight nine ten eleven twelve twenty thirty fifty hundred
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december later earlier meanwhile last
    next according among referring presently once what who why how where which also then
    still even now today yesterday tomorrow instead indeed fact first second finally did
    does do is was were has have had can could would should will shall must might asked
    q a here said says yes no thanks well oh sure look like just because despite without
    under over through until unless whether whatever whoever whom whose nor neither either
    mr mrs ms dr update breaking related read watch photo video sign editor's note
    """)
# Whole-word markers of a place rather than a person or an organisation.
PLACE_WORDS = words("""
    street road avenue square city town village county state province region district
    country island islands coast valley river lake mountain mountains beach bay harbour
    harbor airport station park bridge
    """)

# -- accusations --------------------------------------------------------------------------

ACCUSATION_PATTERN = re.compile(
    r"\b(?:(?<!the\s)accus(?:e|es|ed|ing)\b|accusations?\s+(?:of|that)|"
    r"alleg(?:e|es|ed|edly|ing)\b|allegations?\s+(?:of|that)|charged\s+with|"
    r"(?<!in\s)charges?\s+of|indicted|"
    r"blam\w*\s+(?:[\w’'-]+,?\s+){1,5}for|evidence\s+of|there\s+are\s+reports|reports?\s+that|"
    r"reportedly|ties\s+(?:with|to)|links?\s+(?:with|to)|connection\s+with|implicated\s+in|"
    r"suspected\s+of|on\s+suspicion\s+of|fined|penali[sz]ed|"
    r"su(?:e|es|ed|ing)\s+(?:[\w’'-]+\s+){1,6}for|convicted\s+of|"
    r"guilty\s+of|found\s+that|banned\s+(?:for|from)|tested\s+positive|failed\s+a\s+(?:drugs?\s+)?"
    r"test|fail(?:ed|ing|s)?\s+(?:\w+\s+){0,2}(?:inspections?|audits?|checks?|safety\s+tests?)|"
    r"fail(?:ed|ing|s)?\s+to\s+(?:report|disclose|declare|tell|pay|notify|inform|comply|register|"
    r"protect|prevent|act|reveal|stop|warn)|"
    rf"(?:{LEGAL_DOCUMENTS})\b[^.;]{{0,80}}?\b(?:says|said|states|stated|claims|claimed|contends|"
    r"argues|alleges))\b",
    re.IGNORECASE,
)

# Wrongdoing vocabulary: a statement using it about someone reads as an accusation.
WRONGDOING_PATTERN = re.compile(
    r"\b(?:brib\w*|corrupt\w*|fraud\w*|launder\w*|embezzl\w*|extort\w*|violen(?:t|ce)|militant|"
    r"death\s+squads?|manhandl\w*|assault\w*|abus(?:e|ed|es|ing)|murder\w*|tortur\w*|rigg(?:ed|ing)|"
    r"smuggl\w*|stole|stolen|steal\w*|theft|cheat\w*|betray\w*|cover(?:ed|ing)?[\s-]+up|"
    r"conceal\w*|crimes?|criminal\w*|illegal\w*|unlawful\w*|misconduct|wrongdoing|bloodbath|"
    r"terroris\w*|doping|harass\w*|intimidat\w*|misled|mislead\w*|forg(?:ed|ery)|kickbacks?|"
    r"polluted|polluting|untreated\s+(?:waste|sewage|effluent)|lied|lying\s+about|liars?|"
    r"siphon\w*|misappropriat\w*|kidnap\w*|looted|looting|rape\w*|massacre\w*|scam\w*|"
    r"(?:did|done|do|say|said)\s+nothing(?!\s+wrong)|(?:was|were|been)\s+ignored|"
    r"turned\s+a\s+blind\s+eye|looked\s+the\s+other\s+way|violat\w+|in\s+breach\s+of|"
    r"breach(?:ed|ing)\s+(?:the|a|an|its|their|his|her)\s+\w+|withh(?:e|o)ld\w*|"
    r"broke\s+the\s+(?:law|rules)|hack(?:ed|ing)|deceiv\w*|deceptive|defraud\w*|"
    r"(?:a|the|outright|big|blatant|serial)\s+lies?|lies\s+(?:that|about)|falsehoods?|"
    r"untruths?|dishonest\w*|untrustworthy|con\s+(?:artist|man|job)|bilk\w*|swindl\w*|"
    r"manipulat(?:e|es|ed|ing)|evad(?:e|es|ed|ing)|evasion|railroad(?:ed|ing)|witch\s+hunt|"
    r"indiscretions?|careless(?:ly)?|not\s+(?:been\s+)?(?:completely\s+|entirely\s+)?(?:truthful|"
    r"honest)|not\s+to\s+(?:disclose|report|reveal|tell)|exposed\s+classified|"
    r"(?:above|beyond|exceed\w*)\s+(?:the\s+)?(?:legal|permitted|safe|allowed)\s+limits?|"
    r"without\s+(?:permission|consent|authori[sz]ation|a\s+licen[cs]e|a\s+warrant))\b",
    re.IGNORECASE,
)
# Wrongdoing words that often name a topic or a policy rather than someone's conduct.
TOPIC_WRONGDOING = re.compile(
    r"\billegal(?:ly)?\s+(?:immigra\w+|aliens?|entry|crossings?|drugs?)\b|\bvoter\s+fraud\b|"
    r"\bviolent\s+(?:crime|extremis\w+)\b|\bterroris[mt]s?\b|\bterror(?:ist)?\s+attacks?\b|"
    r"\bcrime\s+(?:bill|rates?|scene)\b|\bhate\s+crimes?\b|\bgun\s+violence\b|\bthe\s+liar\b",
    re.IGNORECASE,
)
# Criticism with a reason that is wrongdoing: 'knocked Cruz for not reporting loans'.
# 'for not reporting loans': an action, not a thing ('for the delay').
GERUND = re.compile(r"(?:not\s+|never\s+)?[a-z]+ing\b")
# A reason that is a failing: 'for not reporting loans', 'for lying', 'for hiding …'.
FAILING_REASON = (
    r"(?:not|never|failing|refusing|lying|hiding|covering|concealing|misleading|taking|"
    r"accepting|using|violating|breaking|abusing)\b"
)
CRITICISED_FOR = re.compile(
    r"\b(?:knock|slam|blast|criticiz|criticis|fault|rip|attack|lambast|chid|condemn|denounc|"
    r"berat|scold|rebuk|excoriat|assail)\w*\s+(?P<accused>[^,.;]{1,60}?)\s+for\s+"
    rf"(?P<claim>{FAILING_REASON}[^.;?!]*)",
    re.IGNORECASE,
)
# An investigation accuses its target: 'was the subject of a U.S. investigation'.
INVESTIGATED = re.compile(
    r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:the\s+subject\s+of\s+(?:an?\s+)?"
    r"(?P<by>[A-Z][\w.]*\s+|federal\s+|criminal\s+|congressional\s+|state\s+)*(?:investigation|"
    r"probe|inquiry|audit)|under\s+(?:(?P<by2>[A-Z][\w.]*|federal|criminal)\s+)?investigation)",
)
# Where a clause starts inside a sentence: after a comma, 'that', a colon or a quote mark.
CLAUSE_OPENERS = re.compile(r",\s+|;\s+|:\s+|\s[-—–]\s+|\bthat\s+|\bbecause\s+|[\"“]\s*|''")

# A word of every alternative of the two patterns above, as a stem ('nothing' for 'did
# nothing', 'limit' for 'above the legal limit'): a sentence with none cannot match, so
# the patterns run only on sentences that have one.
ALLEGATION_STEMS = words("""
    accus alleg charg indict blam evidenc report ties tied link connect implicat suspect
    suspicion fine penali sue sues sued suing convict guilt found ban test fail complain
    lawsuit suit petition affidavit court brib corrupt fraud launder embezzl extort violen
    militant death manhandl assault abus murder tortur rigg smuggl stole steal theft cheat
    betray cover conceal crime crimin illegal unlawful misconduct wrongdo bloodbath terroris
    doping harass intimidat misled mislead forg kickback pollut untreated lied lying liar
    siphon misappropriat kidnap loot rape massacre scam nothing ignored blind other breach
    withh broke hack deceiv decept defraud limit permission consent authori licen warrant
    violat looked sheet knock slam blast criti fault rip attack lambast chid condemn denounc
    berat scold rebuk excoriat assail investigat probe inquir subject under
    """)
# A denial or a rejection of an accusation: these are not allegations.
DENIAL_PATTERN = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|reject\w*|refut\w*|dismiss\w*|rebut\w*)\b[^.?!]{0,40}?"
    r"\b(?:allegation|accusation|claim|charge|report|wrongdoing|involvement|suggestion|"
    r"that|any|the)\w*|\bpleaded\s+not\s+guilty\b|\bnot\s+guilty\b|"
    r"\b(?:deny|denies|denied|denying)\b|\bpush(?:ed|es|ing)?\s+back\b|\bhit\s+back\s+at\b|"
    r"\b(?:rebuffed|brushed\s+off|shrugged\s+off)\b",
    re.IGNORECASE,
)
# A stance against wrongdoing accuses nobody: 'China opposed hacking', 'fighting corruption'.
STANCE_PATTERN = re.compile(
    r"\b(?:oppos\w+|condemn\w*|fight\w*\s+against|crack\w*\s+down\s+on|combat\w*|"
    r"against|prevent\w*|protect\w*\s+(?:\w+\s+)?from|victims?\s+of|accused\s+of\s+nothing)"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
NEGATION_PATTERN = re.compile(r"\b(?:never|not|no|n[o']t|nothing|without)\b", re.IGNORECASE)
CONDITION_WORDS = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)
# Phrases that point back to allegations already reported ('These allegations …').
ANAPHORIC_ALLEGATION = re.compile(
    r"^\W*(?:these|those|such|the|similar)\s+(?:allegations?|accusations?|claims?|charges?)\b",
    re.IGNORECASE,
)
# An investigation is an accusation of its target, made by the investigator.
INVESTIGATION_PATTERN = re.compile(
    r"\b(?:investigat(?:e|es|ed|ing)|prob(?:e|es|ed|ing))\s+(?P<target>[^.;,]{3,80}?)\s+"
    r"(?:for|over)\s+(?P<claim>[^.;?!]+)",
    re.IGNORECASE,
)

# -- phrase structure ------------------------------------------------------------------------

# Words that open a clause before its subject: 'But Ryder said', 'And then she added'.
LEADING_CONNECTIVES = words("""
    but and or so yet still then now meanwhile also however instead later earlier indeed
    moreover furthermore besides nonetheless nevertheless thus hence again once plus
    that because while although though whereas when as since after before if unless until
    where whether even only just perhaps maybe finally first second third lastly separately
    similarly likewise anyway otherwise
    """)
# Between a verb and what it reports: 'said on Friday in a statement to the Post that …'.
ADVERBIAL_WORDS = words("""
    to from with by about again also repeatedly publicly privately recently a an the his her
    their its interview statement morning afternoon evening night week weekend month year ago
    days hours later earlier told reporters however though too meanwhile still instead
    """)
OPENING_PREPOSITIONS = words("in on at during to after before with from via through")
# Between a verb and its quote: 'said:', 'told reporters:', 'said in a statement,'.
GAP_WORDS = words("""
    in on at to of about during after before from with a an the his her their its this that
    last reporters journalists him them us me supporters voters crowd audience later earlier
    again also then simply just once more
    """)
# Everything that may stand between a verb and the quote it introduces.
ATTRIBUTION_GAP_WORDS = TIME_WORDS | SPEECH_NOUNS | AUXILIARIES | GAP_WORDS
# Verbs whose object is the hearer, so 'X, told Y' never names Y as the speaker.
OBJECT_FIRST_LEMMAS = words("tell ask inform remind urge assure warn advise")
# Words before 'claims' or 'reports' that make it a noun: 'the claims', 'media reports'.
NON_VERB_OPENERS = words(
    "the a an his her their its our my your these those this that such many some any no news "
    "media police"
)
# Words after which a speech verb's form is an adjective or a noun: 'on repeated reports'.
NOT_BEFORE_VERB = words(
    "the a an his her their its our my your on of in at for by with from to into upon this "
    "these those such no any some every each"
)
# Verbs that end a noun phrase: 'The researcher said the team' is a clause.
FINITE_AUXILIARIES = words("is was were are has have had will would can could did does be been")
# Words after a speaker's name that the name cannot run into: 'said Jo Roe in a statement'.
PHRASE_STOPS = words(
    "in on at during while when after before as who which that to and but last this earlier "
    "later recently"
)
# Words that open a clause inside a sentence: 'The emails show that Reines asked …'.
SUBORDINATORS = words("that because although though while whether after before when since if")
# Words after a head noun that start its post-modifier: 'a spokesman for the firm'.
POSTMODIFIER_WORDS = words("""
    of for at in on from with who whom whose which that close familiar involved
    knowledgeable briefed speaking representing based near inside outside within under
    behind across among
    """)
# Prepositions that open an adverbial between a subject and its verb: 'Roe on Friday said'.
ADVERBIAL_PREPOSITIONS = words(
    "on in at during over last this late early earlier via through after before while"
)
PREPOSITIONS = words("""
    of for at in on during from with by to about after before than into over under via
    between among against toward towards around across behind beyond within without upon
    """)
# Words inside an organisation's name: 'Delmont Mining Ltd', 'the Green Party'.
ORG_NAME_WORDS = words("""
    inc ltd corp llc plc ag sa gmbh holdings group lines airways airlines motors bank party
    movement front league institute agency ministry unit office commission council records
    labs laboratories studios pictures media systems technologies industries exports
    partners foundation association university college school hospital committee
    department bureau service services network news times post journal press television
    radio channel club fund trust society union federation company corporation court
    congress senate parliament assembly administration campaign coalition alliance police
    """)

# -- allegation sentence patterns --------------------------------------------------------------

PASSIVE_ACCUSATION = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:also\s+)?"
    r"(?P<verb>accused|charged|blamed|suspected|convicted|implicated|indicted|found\s+guilty|"
    r"arrested\s+on\s+suspicion|sued|investigated)"
    r"(?:\s+by\s+(?P<agent>[^,.;]+?))?\s+(?:of|with|for|in|over)\s+(?P<claim>[^.;?!]+)",
    re.IGNORECASE,
)
_QUANTIFIER = r"(?:one|some|many|several|two|three|all|each|both|most)"
ACTIVE_ACCUSATION = re.compile(
    r"\b(?:accused|accuses|accusing|accuse|blamed|blames|blame|charged)\s+"
    rf"(?P<accused>(?:{_QUANTIFIER}\s+of\s+)?"
    r"[^,.;]{1,60}?(?:,[^,.;]{1,40},)?)\s+"  # 'blamed its chief, Jo Bloggs, for'
    r"(?:of|for|with)\s+(?P<claim>[^.;?!]+)",
    re.IGNORECASE,
)
QUANTIFIED_PHRASE = re.compile(rf"{_QUANTIFIER}\s+of\s")
# A fine or a lawsuit accuses its target of what it is for.
PENALTY = re.compile(
    r"\b(?:fined|fines|sued|sues|suing)\s+(?P<accused>[^.;]{1,140}?)\s+for\s+"
    r"(?P<claim>[^.;?!]+)",
    re.IGNORECASE,
)
# The verb, not the adjective: 'alleged that …' or 'alleges …' ('the alleged funding' is not).
ALLEGED_THAT = re.compile(
    r"\b(?:alleg(?:ed|es|e|ing)\s+that|alleges?)\s+(?P<claim>[^.;?!]+)", re.IGNORECASE
)
ACCORDING_TO_SOURCE = re.compile(r"\baccording\s+to\s+([^,.;]{3,60})", re.IGNORECASE)
DOCUMENT_PHRASE = re.compile(
    rf"\b(?:the|a|an)\s+(?:[\w-]+\s+)?(?P<document>{LEGAL_DOCUMENTS})\b"
    r"(?:[^.;]{0,40}?\bfiled\s+by\s+(?:the\s+)?(?P<filer>[^,.;]{3,60}))?",
    re.IGNORECASE,
)
POSSESSIVE_PHRASE = re.compile(r"(?:his|her|their|its)\s+\S", re.IGNORECASE)
# 'Esmeria’s coastguard', 'the Valdoran fleet': the whole short phrase names the accused.
OWNED_OR_DESCRIBED = re.compile(
    r"(?:(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*['’]s|the(?:\s+[A-Z][\w\-]*)+)"
    r"(?:\s+[a-z][\w\-]*){1,2}"
)
# A claim about a bare plural: '(alleged that) supervisors had told workers …'.
BARE_PLURAL_SUBJECT = re.compile(
    r"\W*((?!(?:they|these|those|its|this|there|was|has|is)\b)[a-z][\w\-]*s)\s+"
    r"(?:had|have|were|are|would|could|did|never|also|often|routinely|regularly)\b"
)
REPORTS_WORD = re.compile(r"\breports?\b", re.IGNORECASE)
# Who charges, arrests or investigates when the sentence does not say.
DEFAULT_ACCUSERS = {"charged": "prosecutors", "indicted": "prosecutors", "arrested": "police"}
CLAIM_BOUNDARY = re.compile(r",\s|\bthat\s|:\s|[\"“]")
