"""Accusations: the cues and sentence patterns of allegations, denials and investigations."""

from __future__ import annotations

import re

from readerapp.core.analysis.lexicon.base import words
from readerapp.core.analysis.lexicon.people import LEGAL_DOCUMENTS

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
    r"broke\s+(?:the|its|their|his|her|[\w’'\-]+['’]s)\s+(?:[\w’'\-]+\s+){0,2}?(?:law|laws|rules|"
    r"orders|code|regulations|agreement|terms)|"
    r"hid(?:e|es|den|ing)?\s+(?:the|a|an|his|her|their|its)\s+(?:[\w\-]+\s+){0,3}?from|"
    r"steer(?:ed|ing|s)?\s+(?:a\s+|the\s+)?(?:[\w\-]+\s+)?contracts?\s+to|"
    r"not\s+(?:been\s+)?(?:telling|told)\s+the\s+truth|"
    r"as\s+(?:the|its|their|his|her)\s+(?:law|contract|rules?|licen[cs]e|agreement)\s+requires?|"
    r"ignor(?:ed|ing)\s+(?:\w+\s+){0,2}?(?:requests?|warnings?|complaints?|calls|letters|"
    r"concerns|orders)|hack(?:ed|ing)|deceiv\w*|deceptive|defraud\w*|"
    r"(?:a|the|outright|big|blatant|serial)\s+lies?|lies\s+(?:that|about)|falsehoods?|"
    r"untruths?|dishonest\w*|untrustworthy|con\s+(?:artist|man|job)|bilk\w*|swindl\w*|"
    r"manipulat(?:e|es|ed|ing)|evad(?:e|es|ed|ing)|evasion|railroad(?:ed|ing)|witch\s+hunt|"
    r"indiscretions?|careless(?:ly)?|not\s+(?:been\s+)?(?:completely\s+|entirely\s+)?(?:truthful|"
    r"honest)|(?:do|does|did)(?:n['’]t|\s+not)\s+(?:think|believe)\s+(?:\w+['’]s|\w+\s+(?:is|was|"
    r"has|had|have))\s+(?:been\s+)?(?:completely\s+|entirely\s+|fully\s+|always\s+)?(?:truthful|"
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
# Criticism with a reason that is wrongdoing: 'faulted Voss for not declaring gifts'.
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
# the patterns run only on sentences that have one. 'con=' is the whole word only ('con
# artist'), not every word that starts so.
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
    berat scold rebuk excoriat assail investigat probe inquir subject under audit
    con= bilk railroad dishonest witch falsehood untruth untrust swindl manipulat evad evasion
    indiscret careless truthful honest disclos expos lie hid hide steer truth requir ignor
    """)
# A denial or a rejection of an accusation: these are not allegations.
DENIAL_PATTERN = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|reject\w*|refut\w*|dismiss\w*|rebut\w*)\b[^.?!]{0,40}?"
    r"\b(?:allegation|accusation|claim|charge|report|wrongdoing|involvement|suggestion)\w*|"
    r"\b(?:den(?:y|ies|ied|ying|ial)|reject\w*|refut\w*|rebut\w*)\b[^.?!]{0,40}?"
    r"\b(?:that|any|the)\b|\bpleaded\s+not\s+guilty\b|\bnot\s+guilty\b|"
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
    r"^\W*(?:these|those|such|the|similar)\s+(?:[a-z][\w\-]*\s+)?"
    r"(?:allegations?|accusations?|claims?|charges?)\b",
    re.IGNORECASE,
)
# An investigation is an accusation of its target, made by the investigator.
INVESTIGATION_PATTERN = re.compile(
    r"\b(?:investigat(?:e|es|ed|ing)|prob(?:e|es|ed|ing))\s+(?P<target>[^.;,]{3,80}?)\s+"
    r"(?:for|over)\s+(?P<claim>[^.;?!]+)",
    re.IGNORECASE,
)


PASSIVE_ACCUSATION = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:also\s+)?"
    r"(?P<verb>accused|charged|blamed|suspected|convicted|implicated|indicted|found\s+guilty|"
    r"arrested\s+on\s+suspicion|sued|investigated|fined|penali[sz]ed)"
    r"(?:\s+by\s+(?P<agent>[^,.;]+?))?(?:\s+(?:once|twice|again|\w+\s+times))?"
    r"\s+(?:of|with|for|in|over)\s+(?P<claim>[^.;?!]+)",
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
# A claim owned by its maker: 'Ada Voss's charge that the mayor lied …'.
POSSESSIVE_CLAIM = re.compile(
    r"(?P<owner>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)['’]s\s+(?:[a-z][\w\-]*\s+){0,2}?"
    r"(?:criticism|claims?|charges?|accusations?|allegations?|suggestion|assertion|"
    r"contention|insistence|complaints?)\s+that\s+(?P<claim>[^.;?!]+)"
)
# A filing just before the cue: 'a lawsuit filed by a former aide alleging that …'.
FILED_BY_BEFORE = re.compile(
    rf"\b(?:{LEGAL_DOCUMENTS})\s+(?:filed|brought|lodged)\s+(?:last\s+\w+\s+)?by\s+"
    r"(?P<filer>[^,.;]{3,60}?)\s*,?\s*$",
    re.IGNORECASE,
)
# A finding accuses: 'inspectors found that staff had failed to …'.
FOUND_THAT = re.compile(
    r"\b(?:found|concluded|ruled|determined|established)\s+that\s+(?P<claim>[^.;?!]+)",
    re.IGNORECASE,
)
# Where the finder's clause starts: 'rated inadequate after inspectors found that …'.
FINDER_CLAUSE = re.compile(r",\s+|\b(?:after|when|because|as|and)\s+")
# Accusations that accuse nobody in particular: what could happen to anyone ('firms that
# break the rules can be fined'), or both sides at once ('called each other liars').
HYPOTHETICAL_PENALTY = re.compile(
    r"\b(?:can|could|may|might|would|should|must)\s+(?:also\s+)?be\s+(?:fined|charged|"
    r"sued|prosecuted|penali[sz]ed|banned|jailed)\b|"
    r"\b(?:will|would)\s+(?:then\s+)?(?:accuse|brand)\s+(?:you|us|anyone|everyone)\b",
    re.IGNORECASE,
)
RECIPROCAL_ACCUSATION = re.compile(
    r"\btraded\s+(?:accusations|allegations|charges|insults)\b|"
    r"\b(?:each\s+other|one\s+another)\s+(?:of\s+)?(?:liars?|cheats?|frauds?|crooks?|lying)\b|"
    r"\baccus\w*\s+(?:each\s+other|one\s+another)\b",
    re.IGNORECASE,
)
# Blame laid on a thing: 'blamed a faulty valve for the leak' accuses nobody.
BLAMED_THING = re.compile(
    r"\bblam\w*\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,2}(?P<head>[a-z][\w\-]*)\s+for\b"
)
# A crime named as an event, its perpetrator unnamed: 'after the brutal murder of a
# priest' reports a death; it accuses nobody.
CRIME_AS_EVENT = re.compile(
    r"\bthe\s+(?:[a-z][\w\-]*\s+){0,2}(?:murder|killing|massacre|kidnapping|assault|rape)"
    r"\s+of\b",
    re.IGNORECASE,
)
# A quote that goes on about what the accused did: a verb in the past ('They knew, and
# they waited', 'It was never dealt with'), not a wish, a question or the speaker's feelings.
PAST_DEED = re.compile(
    r"\b(?:[a-z]{2,}ed|knew|saw|took|did|had|was|were|made|paid|told|kept|left|gave|got|went|"
    r"came|hid|stole|broke|sold|sent|bought|spent|ran|chose|let|put|cut|began|wrote|"
    r"(?:has|have|'ve|’ve)\s+(?:been|[a-z]+ed))\b"
)
# The speaker's own doings ('We asked them twice'); 'They had my emails' is about them.
FIRST_PERSON = re.compile(r"\b(?:I|me|we|us|I['’]m|we['’]re|I['’]ve|we['’]ve)\b", re.IGNORECASE)
# A deed in the passive hides its doer, whom the accusation just named: 'users were never
# given a choice', 'It was never dealt with'.
PASSIVE_DEED = re.compile(
    r"\b(?:was|were|been|being)\s+(?:\w+ly\s+|never\s+|not\s+)?(?:[a-z]{2,}ed|given|taken|"
    r"left|kept|told|paid|hidden|done|made|sent|shown|brought|sold|stolen)\b"
)
ADDRESSEE = re.compile(r"\b(?:you|your|you['’]ve|you['’]re)\b", re.IGNORECASE)
THIRD_PERSON = re.compile(r"\b(?:he|she|it|they|him|her|them|his|its|their)\b", re.IGNORECASE)
OPENING_CONDITION = re.compile(r"^\W*(?:if|when|unless|once|whether|as\s+long\s+as)\b", re.I)
INDEFINITE_OPENING = re.compile(r"^\W*(?:nobody|no\s+one|no-one|everyone|everybody)\b", re.I)
# A second finding or claim in one sentence: '… found that A, and that B'.
SECOND_THAT_CLAUSE = re.compile(r"(?<=\S),?\s+and\s+that\s+(?=\S)")
# A poll's figure about wrongdoing is a finding about opinion, not an accusation: '67
# percent of voters say she is not honest'.
POLL_RESULT = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%)\s+(?:of\s+)?(?:[\w\-]+\s+){0,4}?"
    r"(?:say|said|says|think|thought|believe|believed|view|viewed|consider|considered|"
    r"describe|described|call|called|rate|rated|agree|agreed)\b",
    re.IGNORECASE,
)
# Stolen property whose thief the sentence does not name accuses nobody: 'a car that had
# been reported stolen', 'a password stolen from a contractor'.
STOLEN_THING = re.compile(
    r"\b(?:reported|been)\s+stolen\b|\b(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}stolen\s+"
    r"(?:from|in|during|at)\b",
    re.IGNORECASE,
)
# A label that names wrongdoing, pinned on someone: 'called the referee a "cheat" who had
# "railroaded" him', 'called her rival a liar'.
CALLED_LABEL = re.compile(
    r"\bcall(?:ed|s|ing)?\s+(?P<accused>(?:the|his|her|their|its)\s+[\w\-]+(?:\s+[\w\-]+)?|"
    r"(?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w\-]*|him|her|them)\s+(?:a|an|the)\s+"
)
# A clause that turns against the one before: 'no charges were filed, but he called it …'.
CONTRAST = re.compile(r"[,;]\s+(?:but|yet|though)\s+", re.IGNORECASE)
# A paragraph in the editors' own voice.
EDITORS_NOTE = re.compile(r"\W*editor['’]?s['’]?\s+note\b", re.IGNORECASE)
# A main clause that starts after a quote closes: '…," he was not telling the truth'.
NEW_CLAUSE_AFTER_QUOTE = re.compile(r"\s*,?\s*(?:he|she|they|it|[A-Z][\w\-]+)\s+[a-z]")
