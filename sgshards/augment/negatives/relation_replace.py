"""relation_replace: replace a predicate word by a contrasting one
("a cat on a table" -> "a cat under a table", "holding" -> "dropping")."""
from __future__ import annotations

import random
from typing import Optional

from ...schemas.graph import Span
from ...lexicon.lemmas import verb_lemma
from ..realise import Replacement, Surface, fresh, verb_form
from ..sampling import Frequencies, below, shuffle
from ..vocab import PREP_CONTRAST_MAX, PREP_CONTRASTS, PREP_INNER_OK, VERB_CONTRASTS, object_category
from .shared import PER_TYPE, Candidate, make_candidate


def relation_replace(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                     limit: int = PER_TYPE) -> list[Candidate]:
    """Up to ``limit`` replacements, predicate words in random order, each replaced once
    (``counts``: unused, contrasts are curated). Eager: it draws while it searches."""
    options = [(k, span, alts) for k in surface.relations for span, alts in _relation_options(surface, k)]
    shuffle(rng, options)
    out = []
    seen: set[Span] = set()
    for k, span, alts in options:
        if span in seen:                           # relations sharing a predicate ("sit on" twice)
            continue
        seen.add(span)
        new = alts[below(rng, len(alts))]
        cand = make_candidate(surface, "relation_replace", [Replacement(span, fresh(surface, new, span))])
        if cand:
            out.append(cand)
        if len(out) >= limit:
            break
    return out


def _lowered(surface: Surface) -> list[str]:
    """The surface's token texts, lowercased (once per surface)."""
    lower = surface.memo.get("lower")
    if lower is None:
        lower = surface.memo["lower"] = [t.text.lower() for t in surface.tokens]
    return lower


def _relation_options(surface: Surface, k: int) -> list[tuple[Span, list[str]]]:
    """(token span, contrasting replacements) inside relation k's predicate span."""
    g = surface.graph
    span = surface.preds.get(k)
    if span is None:
        return []
    toks = surface.tokens
    lower = _lowered(surface)
    obj_cat = object_category(g.objects[g.relations[k].object].name)
    opts = []
    i = span[0]
    while i < span[1]:
        hit = None
        for n in range(min(PREP_CONTRAST_MAX, span[1] - i), 0, -1):
            key = tuple(lower[i:i + n])
            if key in PREP_CONTRASTS:
                hit = (key, n)
                break
        t = toks[i]
        if hit:
            key, n = hit
            # "a woman in a dress" is wearing, not location; "on" alone in "on the side of" is not the relation
            if key in PREP_INNER_OK:                # never "from right to left" -> "from right to right"
                words = set(lower[span[0]:span[1]])
                inner = any(w in words for w in PREP_CONTRASTS[key])
            else:
                inner = i + n < span[1]
            if not inner and not (key == ("in",) and obj_cat is not None and obj_cat[0] == "clothing"):
                opts.append(((i, i + n), list(PREP_CONTRASTS[key])))
            i += n
            continue
        lemma = verb_lemma(t.text.lower()) if t.tag.startswith("VB") else ""
        if t.upos in ("VERB", "ADP") and lemma in VERB_CONTRASTS:
            opts.append(((i, i + 1), [verb_form(v, t.tag) for v in VERB_CONTRASTS[lemma]]))
        i += 1
    return opts
