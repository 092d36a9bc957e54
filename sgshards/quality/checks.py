"""Defect checks over finished sample records (JSON form), independent of the generator.

They re-read the written texts instead of trusting the generator's
bookkeeping, so ``sgshards audit`` can measure defect rates of any shard.
Each check returns findings ``(check_name, negative_index, detail)``.
Checks that compare against the perturbed positive only flag what the
negative *adds* (CC3M captions are written "word ." and keep it).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable, Optional

from ..augment.vocab import is_symmetric

Finding = tuple[str, int, str]

_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")           # any script: "фото" is a word too
_SPACE_PUNCT_RE = re.compile(r"\s+[,.!?;:](?=\s|$)")
_ARTICLE_RE = re.compile(r"\b(a|an)\s+([A-Za-z0-9][\w-]*)", re.IGNORECASE)

# Deliberately a separate, small article model from the generator's.
_CONSONANT_SOUND_VOWEL = ("uni", "use", "usu", "uten", "util", "eu", "one", "once", "ufo", "uk", "ewe", "ure", "uran",
                          "urin")
_VOWEL_SOUND_CONSONANT = ("hour", "honest", "honor", "honour", "heir")
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "some", "many", "several", "two",
                          "three", "four", "five", "six", "seven", "eight", "nine", "ten", "his", "her", "its",
                          "their", "my", "our", "your", "one", "both", "no"})


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def normalise(text: str) -> str:
    """Lowercased words, punctuation dropped: the equality used by all checks."""
    return " ".join(words(text))


def is_word_permutation(negative: str, positive: str) -> bool:
    """Same words in another order (swap-type negatives are; replacements are not)."""
    a, b = words(negative), words(positive)
    return a != b and Counter(a) == Counter(b)


def expected_article(word: str) -> Optional[str]:
    """'a'/'an' for a following word, None when unsure (acronyms, numbers)."""
    w = word.lower()
    if not w or w[0].isdigit() or (len(word) > 1 and word.isupper()):
        return None
    if w.startswith(_VOWEL_SOUND_CONSONANT):
        return "an"
    if w.startswith(_CONSONANT_SOUND_VOWEL) and not w.startswith(("unin", "unim", "unid")):
        return "a"
    return "an" if w[0] in "aeiou" else "a"


# After these words "a" is a letter or a stray token ("style a on ..."), not an article.
_NOT_NOUN_PHRASE = frozenset({"on", "in", "at", "of", "to", "and", "or", "with", "by", "for", "from", "the",
                              "a", "an", "is", "are", "was", "were", "as", "if", "it"})


def article_mismatches(text: str) -> list[str]:
    out = []
    for m in _ARTICLE_RE.finditer(text):
        if m.group(2).lower() in _NOT_NOUN_PHRASE:
            continue
        want = expected_article(m.group(2))
        if want is not None and want != m.group(1).lower():
            out.append(m.group(0))
    return out


def _positive_text(record: dict, neg: dict) -> str:
    pos = record.get("positives") or []
    k = neg.get("positive", 0)
    return pos[k]["text"] if 0 <= k < len(pos) else record.get("caption", "")


# --------------------------------------------------------------------------- checks

def negative_equals_positive(record: dict) -> list[Finding]:
    keys = {normalise(p["text"]): i for i, p in enumerate(record.get("positives") or [])}
    return [("negative_equals_positive", j, f"equals positive {keys[normalise(n['text'])]}")
            for j, n in enumerate(record.get("negatives") or []) if normalise(n["text"]) in keys]


def negative_equals_caption(record: dict) -> list[Finding]:
    cap = normalise(record.get("caption", ""))
    return [("negative_equals_caption", j, n["text"])
            for j, n in enumerate(record.get("negatives") or []) if normalise(n["text"]) == cap]


def duplicate_negatives(record: dict) -> list[Finding]:
    first: dict[str, int] = {}
    out = []
    for j, n in enumerate(record.get("negatives") or []):
        key = normalise(n["text"])
        if key in first:
            out.append(("duplicate_negative", j, f"same as negative {first[key]}"))
        else:
            first[key] = j
    return out


def space_before_punctuation(record: dict) -> list[Finding]:
    out = []
    for j, n in enumerate(record.get("negatives") or []):
        added = len(_SPACE_PUNCT_RE.findall(n["text"])) - len(_SPACE_PUNCT_RE.findall(_positive_text(record, n)))
        if added > 0:
            out.append(("space_before_punctuation", j, n["text"]))
    return out


def article_mismatch(record: dict) -> list[Finding]:
    out = []
    for j, n in enumerate(record.get("negatives") or []):
        bad = Counter(m.lower() for m in article_mismatches(n["text"]))
        bad.subtract(Counter(m.lower() for m in article_mismatches(_positive_text(record, n))))
        extra = sorted(m for m, c in bad.items() if c > 0)
        if extra:
            out.append(("article_mismatch", j, ", ".join(extra)))
    return out


def _mentions(phrase: list[str], name: str) -> bool:
    """The phrase is headed by the object's noun: its last word is the name's head or a
    plural of it ("designer" does not name a "design", "indicator window" not an "indicator")."""
    head, last = name.split()[-1], phrase[-1]
    return last == head or last in _plurals(head)


def _plurals(noun: str) -> set[str]:
    forms = {noun + "s", noun + "es"}
    if noun.endswith("y"):
        forms.add(noun[:-1] + "ies")
    if noun.endswith("f"):
        forms.add(noun[:-1] + "ves")
    if noun.endswith("fe"):
        forms.add(noun[:-2] + "ves")
    if noun.endswith("man"):
        forms.add(noun[:-3] + "men")
    return forms


def _is_phrase_swap(pos: list[str], neg: list[str], subj: str, obj: str, modifiers: set[str]) -> bool:
    """neg == pos with two whole noun phrases A (naming one object) and B (the other) exchanged
    around a middle M: prefix A M B suffix -> prefix B M A suffix."""
    n = len(pos)
    i = 0
    while i < n and pos[i] == neg[i]:
        i += 1
    j = 0
    while j < n - i and pos[n - 1 - j] == neg[n - 1 - j]:
        j += 1
    for a1 in range(i, max(-1, i - 4), -1):
        if a1 > 0 and (pos[a1 - 1] in modifiers or pos[a1 - 1] in _DETERMINERS):
            continue                               # A would leave a modifier or determiner behind
        for b2 in range(n - j, min(n, n - j + 4) + 1):
            for x in range(1, b2 - a1):
                for y in range(1, b2 - a1 - x):
                    A, B = pos[a1:a1 + x], pos[b2 - y:b2]
                    M = pos[a1 + x:b2 - y]
                    if not M or M[-1] in modifiers or M[-1] in _DETERMINERS or neg[a1:b2] != B + M + A:
                        continue
                    if (A[0] in _DETERMINERS) != (B[0] in _DETERMINERS):
                        continue
                    if (_mentions(A, subj) and _mentions(B, obj)) or (_mentions(A, obj) and _mentions(B, subj)):
                        return True
    return False


def symmetric_relation_swapped(record: dict) -> list[Finding]:
    """A negative that only exchanges the two noun phrases of a symmetric relation (a paraphrase)."""
    graph = record.get("scene_graph") or {}
    objects, relations = graph.get("objects") or [], graph.get("relations") or []
    def only_each_other(r: dict) -> bool:
        # a swap also moves the pair's other relations ("the dentist drills the tooth with a
        # turbine"): then it is not a paraphrase, whatever the symmetric relation
        pair = {r["subject"], r["object"]}
        return all(not ({q["subject"], q["object"]} & pair)
                   or ({q["subject"], q["object"]} == pair and is_symmetric(q["predicate"]))
                   for q in relations)

    sym = [r for r in relations if is_symmetric(r["predicate"]) and only_each_other(r)
           and 0 <= r["subject"] < len(objects) and 0 <= r["object"] < len(objects)]
    out = []
    if not sym:
        return out
    for j, n in enumerate(record.get("negatives") or []):
        pos_text = _positive_text(record, n)
        if not is_word_permutation(n["text"], pos_text):
            continue
        pw, nw = words(pos_text), words(n["text"])
        for r in sym:
            s, o = objects[r["subject"]], objects[r["object"]]
            modifiers = {w for ob in (s, o) for a in ob.get("attributes") or [] for w in words(a)}
            modifiers |= {w for ob in (s, o) for w in words(ob.get("quantity") or "")}
            if _is_phrase_swap(pw, nw, s["name"], o["name"], modifiers):
                out.append(("symmetric_relation_swapped", j, f"{s['name']} {r['predicate']} {o['name']}"))
                break
    return out


CHECKS: dict[str, Callable[[dict], list[Finding]]] = {
    "negative_equals_positive": negative_equals_positive,
    "negative_equals_caption": negative_equals_caption,
    "duplicate_negative": duplicate_negatives,
    "space_before_punctuation": space_before_punctuation,
    "article_mismatch": article_mismatch,
    "symmetric_relation_swapped": symmetric_relation_swapped,
}


def check_record(record: dict, names: Optional[Iterable[str]] = None) -> list[Finding]:
    """All (or the named) checks over one JSON-form sample record."""
    out: list[Finding] = []
    for name in (names or CHECKS):
        out.extend(CHECKS[name](record))
    return out
