"""Phrase structure: connectives, prepositions and the words that bound a phrase."""

from __future__ import annotations

from readerapp.core.analysis.lexicon.base import words
from readerapp.core.analysis.lexicon.speech import AUXILIARIES, SPEECH_NOUNS, TIME_WORDS

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
MODALS = words("would will could can should may might must shall")
# Words after a speaker's name that the name cannot run into: 'said Jo Roe in a statement'.
PHRASE_STOPS = words(
    "in on at during while when after before as who which that to and but last this earlier "
    "later recently"
)
# Words that open a clause inside a sentence: 'The emails show that Reines asked …'.
SUBORDINATORS = words("that because although though while whether after before when since if")
# Words that open a relative clause, which may hold a verb inside a noun phrase.
RELATIVE_WORDS = words("who whom whose which that where when")
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
# Words that cannot be the noun a verb's form follows ('and report posts', 'who say is').
NOT_NOUNS = words("""
    and or but to who which that i you we they he she it also not never will would can could
    should may might must do does did just only still then
    """)
