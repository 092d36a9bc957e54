"""English function words: the one closed-class word list of the project.

``FUNCTION_WORDS`` is every English closed-class word any rule of the project treats as one
(articles, determiners, prepositions, particles, conjunctions, pronouns, auxiliaries, negation and
degree words, clitics).  The classes below are public so that a rule that needs a narrower set
names what it keeps or leaves out:

- ``lexicon.languages.ENGLISH_FUNCTION_WORDS`` (the ``not_english`` gate, page shapes, glued words):
  ``FUNCTION_WORDS - NOT_LANGUAGE_EVIDENCE``;
- ``lexicon.hyphens.FUNCTION_WORDS`` (phrase edges of a spaced hyphen, ``text.pretokenised``):
  ``FUNCTION_WORDS - NOT_PHRASE_EDGES``;
- ``text.yfcc`` (fillers of a file name or date title) and ``augment.realise`` (words before a
  name that do not start it) take a few classes.
"""
from __future__ import annotations

from typing import Final

ARTICLES: Final = frozenset({"a", "an", "the"})
DEMONSTRATIVES: Final = frozenset({"this", "that", "these", "those"})
POSSESSIVE_DETERMINERS: Final = frozenset({"my", "your", "his", "her", "its", "our", "their", "whose"})
OTHER_DETERMINERS: Final = frozenset("some any each every no both either neither another such".split())
# Words before a noun that make it singular ("a", "this", "each"): a plural noun after one is a misread.
SINGULAR_DETERMINERS: Final = frozenset({"a", "an", "this", "that", "one", "each", "every", "another"})
QUANTIFIERS: Final = frozenset("all other more most much many few less least".split())

# Words setting one side of a match against the other ("team vs team", "Reality vs. Expectation").
VERSUS: Final = frozenset({"vs", "vs.", "v", "v.", "versus"})

# Prepositions the hyphen rules and the language gate both know.
COMMON_PREPOSITIONS: Final = frozenset("""
of in on at by for with from to into onto over under above below behind between among through
across along around near beside besides beneath inside outside off out up down about against
during before after without within upon toward towards via per like than as
""".split())
RARE_PREPOSITIONS: Final = frozenset("amongst beyond despite except past".split())
PARTICLES: Final = frozenset({"away", "back"})

CONJUNCTIONS: Final = frozenset("""
and or but nor so yet if while when where whether because though although since until unless then
""".split())

PERSONAL_PRONOUNS: Final = frozenset("i me we us you he him she her it they them".split())
INDEPENDENT_POSSESSIVES: Final = frozenset("mine ours yours hers theirs".split())
REFLEXIVES: Final = frozenset("""
myself yourself himself herself itself ourselves themselves
""".split())
WH_WORDS: Final = frozenset("who whom whose which what how why".split())
LOCATIVES: Final = frozenset({"there", "here"})

AUXILIARIES: Final = frozenset("""
is are was were be been being am do does did doing has have had having will would shall should
can could may might must ought
""".split())
CLITICS: Final = frozenset("n't 's 're 've 'll 'm 'd".split())
ADVERBS: Final = frozenset("not very too also just only even still now ever".split())

FUNCTION_WORDS: Final = (
    ARTICLES | DEMONSTRATIVES | POSSESSIVE_DETERMINERS | OTHER_DETERMINERS | QUANTIFIERS
    | COMMON_PREPOSITIONS | RARE_PREPOSITIONS | PARTICLES | CONJUNCTIONS
    | PERSONAL_PRONOUNS | INDEPENDENT_POSSESSIVES | REFLEXIVES | WH_WORDS | LOCATIVES
    | AUXILIARIES | CLITICS | ADVERBS)

# Words the language gate does not count as signs of an English sentence: reflexives, rare
# prepositions and particles, "how"/"why", "then", "now"/"ever", "such", "ought".  They are English
# words too; the gate's counts (and so its decisions) were measured without them.
NOT_LANGUAGE_EVIDENCE: Final = REFLEXIVES | RARE_PREPOSITIONS | PARTICLES | frozenset(
    {"how", "why", "then", "now", "ever", "such", "ought"})

# Words that may sit next to a spaced hyphen inside a compound, so a dash next to one is not
# taken for a phrase edge: quantifiers begin compounds ("all - around", "many - sided",
# "less - than"), and clitics, independent possessives, "doing", "even", "still" were never
# phrase edges of the hyphen rules.
NOT_PHRASE_EDGES: Final = QUANTIFIERS | CLITICS | INDEPENDENT_POSSESSIVES | frozenset({"doing", "even", "still"})
