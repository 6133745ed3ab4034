"""Every English word and English pattern the analysis keys on, in one package.

Speech verbs and their forms, role nouns, titles, honorifics, organisation and document
nouns, pronouns, the words that never start a name, and the cue patterns of accusations,
denials and investigations. The rules read these lists and never spell English words of
their own, so a reader can see at a glance that nothing here is tied to one article: these
are general cues of English news reporting. Another language would be another lexicon.

- `base`: `words()`, `verb_forms()`, `stem()` and `is_plural()`: how the lists are written
  and English inflection;
- `speech`: verbs that report words, their forms, speech nouns, auxiliaries, time words;
- `people`: pronouns, person/organisation/document nouns, titles, honorifics, name parts;
- `accusations`: allegation, wrongdoing, denial and investigation cues and sentence patterns;
- `phrases`: connectives, prepositions, post-modifiers, words that bound a phrase;
- `clauses`: the English patterns the stages match around a word (a negation before a
  verb, an adverbial between subject and verb, a relative pronoun, a role's clause).

The stage modules keep only patterns of punctuation and capitalisation, and compare a
word with a single function word ('who', 'it') where that is the whole rule.
"""
