"""People, organisations and documents: the nouns, titles and names of speakers."""

from __future__ import annotations

from readerapp.core.analysis.lexicon.base import words

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
    passengers pilot pilots year-old socialist tycoon magnate fan fans
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
# Rulings that speak for the judge who made them: 'the order said' is the judge's.
COURT_RULINGS = words("order ruling opinion judgment")
JUDGES = words("judge justice magistrate")
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
# A party tag after a name: 'Rep. Jo Roe (D-Calif.)', 'Jo Roe, R-Ky., said', 'Gov. Jo Roe (R)'.
PARTY_TAG = r"(?:\(?\b[DRI] ?- ?[A-Z][A-Za-z.]{0,12}(?:\s[A-Z][A-Za-z.]{1,8})?\)?|\([DRI]\))"
# Nouns for someone who speaks for another: 'Voss spokesman Ben Cho' speaks for Voss's office.
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
# Endings of abstract nouns ('his assumption', 'the excitement'): such a head names no
# speaker, except the few below that stand for people, bodies or documents.
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ship", "hood")
SPEAKING_ABSTRACT_NOUNS = words("""
    opposition institution investigation management leadership majority minority community
    administration government commission organisation organization association foundation
    federation publication delegation coalition congregation convention nation television
    division mission resolution declaration legislation constitution petition station
    version edition
    """)
