"""Objects: a noun head with its compound (named as FACTUAL names it), looked up through
collective and junk heads ("a group of men" -> man, quantity "group of")."""
from __future__ import annotations

from typing import Optional

from ..augment.vocab import attribute_category, object_category
from ..lexicon.lemmas import all_lemmas, is_adjective_only, noun_lemma
from ..lexicon.taxonomy import noun_classes
from ..lexicon.units import unit_spans
from ..lexicon.of_heads import ABSTRACT_HEADS, IMAGE_HEADS, OF_MATERIALS, REPRESENTATION_HEADS
from ..lexicon.words import (
    ANIMATE_CATEGORIES, BODY_PARTS, COLLECTIVE_NOUNS, CONTAINER_NOUNS, DESCRIPTIVE_COMPOUNDS,
    ENCLOSING_CONTAINERS, JUNK_BEFORE_OF, JUNK_NOUNS, LEXICAL_NAMES, PART_ADJECTIVES, PERSON_REFERENTS,
    PLURAL_COMPOUNDS, POSITION_WORDS, REGION_NOUNS, SHADES, SURFACE_CONTAINERS,
)
from ..schemas.graph import SGObject
from .attributes import collect_modifiers
from .nominals import is_hidden_gerund, is_nominal
from .state import GraphState, add_attribute, add_relation, kids_of, kids_with


# Noun classes (``taxonomy.noun_classes``) of stuff one eats or pours: a word of them written as its own
# lemma is a mass noun however the tagger numbers it ("broccoli", "spaghetti"; not "salmon", "sheep": animals).
MASS_CLASSES = frozenset({"food", "substance"})
COUNTED_CLASSES = frozenset({"animal", "person"})


def uncounted(word: str) -> bool:
    """A noun tagged plural that is a mass noun as written: no plural ending, its own lemma, food or stuff
    and no creature ("fresh raw organic broccoli in bowl" -> "the broccoli is fresh", not "are")."""
    if word.endswith("s") or noun_lemma(word) != word:
        return False
    classes = noun_classes(word)
    return bool(classes & MASS_CLASSES) and not classes & COUNTED_CLASSES


def add_object(st: GraphState, i: int) -> int:
    """Object index for noun head i, made on first sight: its name (compound, FACTUAL's
    naming, descriptive compounds as attributes), its owner ("tree branch") and modifiers."""
    if i in st.obj_of:
        return st.obj_of[i]
    doc = st.doc
    toks = compound_tokens(st, i)
    while len(toks) > 1 and not any(c.isalnum() for c in doc[toks[0]].text):
        toks.pop(0)                  # "ft. new exhibits": the parser chained the full stop in
    compound = list(toks)
    # descriptive compounds ("metal pole", "orange wall") are attributes, not part of the name
    described: list[int | tuple[int, int]] = []   # tokens, or the span of dropped words
    lexical = len(toks) == 2 and (st.low[toks[0]], noun_lemma(st.low[i])) in LEXICAL_NAMES
    while len(toks) > 1 and not lexical and st.low[toks[0]] not in POSITION_WORDS and (
            st.low[toks[0]] in DESCRIPTIVE_COMPOUNDS
            and (st.low[toks[0]] not in SHADES or doc[toks[0]].upos == "ADJ")
            or doc[toks[0]].upos == "ADJ" or doc[toks[0]].text == "-"
            or is_adjective_only(st.low[toks[0]])):
        described.append(toks.pop(0))
    span_start = toks[0]
    toks, dropped, owner = conventional_name(st, toks)
    if dropped or owner:             # "rock wall" -> wall, rock; "tree branch" -> tree, branch
        span_start = toks[0]
    if dropped:
        described.append(dropped)
    start = whole_unit_start(st, i, span_start)
    if start is not None:            # "still life", "high street", "musical instrument": one name
        toks, span_start, owner = list(range(start, i + 1)), start, []
        described = [k for k in described if not (isinstance(k, int) and start <= k < i)
                     and not (isinstance(k, tuple) and start <= k[0])]
    head = doc[i]
    name = name_of(st, toks)
    plural = head.tag in ("NNS", "NNPS") or "Number=Plur" in head.morph
    if head.upos == "VERB":
        # fragment noun tagged as a verb ("kites"): singularise like a noun
        name = noun_lemma(st.low[i])
        plural = name != st.low[i]
    elif plural and uncounted(st.low[i]):
        plural = False               # "fresh organic broccoli": tagged plural, written as a mass noun
    elif name == "guy" and plural:
        name = "people"              # FACTUAL's name for "guys" (22 of 22 tuning captions)
    elif name == "one" and st.objects and not kids_of(st, i, "prep"):
        # "a small tree next to a large one": the same kind as the last object
        name = st.objects[-1].name
    obj = SGObject(name=name, span=(span_start, i + 1), plural=plural, rule=head_shape(head.upos, st.low[i]))
    st.obj_of[i] = len(st.objects)
    st.objects.append(obj)
    for k in described:
        if isinstance(k, tuple):
            add_attribute(st, obj, k[0], k[1], rule="compound/named")   # the learned table's
        elif doc[k].text != "-" and st.low[k] not in PART_ADJECTIVES:
            add_attribute(st, obj, k, rule="compound/" + doc[k].upos)
    if owner:
        st.objects.append(SGObject(name=noun_lemma(name_of(st, owner)), span=(owner[0], owner[-1] + 1),
                                   rule="owner"))
        add_relation(st, len(st.objects) - 1, "have", st.obj_of[i], owner, rule="compound/owner")
    collect_modifiers(st, i, obj)
    for m in of_materials(st, i):
        add_attribute(st, obj, m, rule="material/of")    # "walls of glass": glass walls, not glass with walls
    for c in compound[:-1]:
        if c not in owner:
            collect_modifiers(st, c, obj)  # "black street sign", "grey metal lights": the whole noun's
    if head.dep == "compound" and head.head != i and is_hidden_gerund(st, head.head):
        collect_modifiers(st, head.head, obj)   # "a white dog swimming": white belongs to dog
    return st.obj_of[i]


def whole_unit_start(st: GraphState, i: int, span_start: int) -> Optional[int]:
    """Where a fixed noun (``lexicon.units``, kind ``u``: only the whole is true) that ends at head
    i, or right before the name's span, begins: "still life", "musical instrument", "semi final
    match", "hot air balloon".  Its words must all modify the head from within; a unit of two words
    that begins with an attribute adjective, or one that begins with a participle ("high street",
    "hard hat", "whipped cream") stays split as FACTUAL splits it (``augment.guards`` keeps its
    parts out of positives and negatives).  Otherwise None."""
    units = st.units
    if units is None:
        doc = st.doc
        units = unit_spans([t.text for t in doc], [t.lemma.lower() for t in doc], [t.tag for t in doc])
        st.units = units
    for s, e, kind in units:
        if kind == "u" and s < span_start and s < i and (e == i + 1 or e == span_start) \
                and all(s <= st.doc[k].head <= i for k in range(s, e - 1)) \
                and st.doc[s].tag not in ("VBN", "VBD", "VBG") \
                and (e - s > 2 or attribute_category(st.low[s]) is None):
            return s
    return None


def head_shape(upos: str, word: str) -> str:
    """Provenance of an object by its head's tag: "noun"; "propn/common" (a capitalised
    common noun: "Warthog") or "propn/name" (a word no dictionary lists as a noun: "NCAA");
    "retagged" (a noun the parser tagged otherwise: "kites"/VERB, found by is_nominal)."""
    if upos == "NOUN":
        return "noun"
    if upos == "PROPN":
        return "propn/common" if "NOUN" in all_lemmas(word) else "propn/name"
    return "retagged"


def compound_tokens(st: GraphState, i: int) -> list[int]:
    """Compound modifiers of i (recursively), left of it and contiguous."""
    toks = [i]
    stack = [i]
    while stack:
        for k in kids_of(st, stack.pop(), "compound"):
            if k < i:
                toks.append(k)
                stack.append(k)
    toks.sort()
    doc = st.doc
    # keep the contiguous run ending at the head
    run = [i]
    for k in reversed(toks[:-1]):
        if k == run[0] - 1 or (k == run[0] - 2 and doc[k + 1].text in ("-",)):
            run.insert(0, k)
        else:
            break
    # "the birds wings": a plural first word is a possessor without "'s"
    if len(run) == 2 and doc[run[0]].tag == "NNS" and st.low[run[0]] not in PLURAL_COMPOUNDS:
        st.possessors.append((run[0], i))
        run = [i]
    prev = run[0] - 1
    if (prev >= 0 and doc[prev].head == i and doc[prev].dep in ("amod", "compound")
            and (st.low[prev] in POSITION_WORDS
                 or (st.low[prev], noun_lemma(st.low[i])) in LEXICAL_NAMES)):
        run.insert(0, prev)
    return run


def name_of(st: GraphState, toks: list[int]) -> str:
    """Surface text of the name tokens (hyphens kept: "t-shirt"), head singularised."""
    doc = st.doc
    head = doc[toks[-1]]
    hw = st.low[toks[-1]]
    if head.tag in ("NNS", "NNPS") or "Number=Plur" in head.morph:
        hw = noun_lemma(hw)
    if len(toks) == 1:
        return hw
    prefix = "".join(st.low[k] + doc[k].ws for k in range(toks[0], toks[-1]))
    return prefix + hw


def conventional_name(st: GraphState, toks: list[int]) -> tuple[list[int], Optional[tuple[int, int]], list[int]]:
    """FACTUAL's name for a noun compound: the learned table leaves out leading words
    ("chain link fence" -> fence, "wii controller" -> controller).  Returns the name
    tokens, the span of dropped words that become an attribute ("rock wall") and the
    dropped words that name an owner ("tree branch" -> (tree, have, branch)).  Otherwise
    the object's span keeps the whole compound, so rewrites treat it as a unit."""
    words = name_of(st, toks).split()
    if len(words) < 2 or len(words) != len(toks):
        return toks, None, []
    table, name = st.compound_names, " ".join(words)
    entry = table.get("names", {}).get(name)
    if entry is None and name not in table.get("keep", ()):
        entry = table.get("modifiers", {}).get(words[0])
    if ((entry is None or not entry["attribute"]) and len(toks) == 2 and words[1] in BODY_PARTS
            and is_animate(words[0])):
        return toks[1:], None, toks[:1]      # "elephant trunk", "man hand": (elephant, have, trunk)
    if entry is None or not 0 < entry["drop"] < len(toks):
        return toks, None, []
    k = entry["drop"]
    return (toks[k:], (toks[0], toks[k - 1] + 1) if entry["attribute"] else None,
            toks[:k] if entry.get("have") else [])


def is_animate(word: str) -> bool:
    """A person or an animal: it can own a body part ("elephant trunk")."""
    lemma = noun_lemma(word)
    category = object_category(lemma)
    return lemma in PERSON_REFERENTS or category is not None and category[0] in ANIMATE_CATEGORIES


def noun_object(st: GraphState, i: int) -> Optional[int]:
    """Object for noun i, looking through collective/junk heads ("a group of men", "a photo
    of a dog"); none for abstract heads ("the importance of social media") and bare materials
    after "of" ("walls of glass")."""
    lw = st.low[i]
    lemma = noun_lemma(lw)
    if lw == "up" and i >= 2 and st.low[i - 1] == "-" and st.low[i - 2] == "close":
        lemma = "closeup"             # "close - up of a cat": the image itself
    ofs = [p for p in kids_of(st, i, "prep") if st.low[p] == "of"]
    if ofs:
        pobjs = [k for k in kids_of(st, ofs[0], "pobj") if is_nominal(st, k)]
        if pobjs and (lemma in JUNK_BEFORE_OF or lemma in COLLECTIVE_NOUNS
                      or lemma in IMAGE_HEADS and heads_the_caption(st, i)):
            inner = noun_object(st, pobjs[0])
            if inner is not None and lemma in COLLECTIVE_NOUNS:
                o = st.objects[inner]
                if o.quantity is None:
                    o.quantity = lw + " of"
                st.obj_of[i] = inner
            return inner
        if pobjs and lemma in ABSTRACT_HEADS and not names_a_part(st, i):
            return None
        if pobjs and lemma in REPRESENTATION_HEADS:
            return add_object(st, i)   # "holding a photo of her son": the photo is a thing here
    if lemma in JUNK_NOUNS or material_owner(st, i) is not None:
        return None
    return add_object(st, i)


def names_a_part(st: GraphState, i: int) -> bool:
    """"the upper level of a bus": a position word makes an abstract head a part."""
    return any(st.low[k] in POSITION_WORDS for k in kids_with(st, i, "amod", "compound"))


def heads_the_caption(st: GraphState, i: int) -> bool:
    """Noun i is what the caption is ("a photo of a dog", "this is a picture of a kitchen"),
    not an argument of a verb or preposition ("holding a photo of her son")."""
    t = st.doc[i]
    if t.dep == "ROOT" or t.head == i:
        return True
    return t.dep == "attr" and any(st.doc[k].upos == "PRON" for k in kids_of(st, t.head, "nsubj"))


def material_owner(st: GraphState, k: int) -> Optional[int]:
    """The noun a bare material after "of" describes ("walls of glass" -> walls), or None
    (also for portions and containers: "a piece of wood", "a glass of ice" are their contents)."""
    doc = st.doc
    t = doc[k]
    if t.dep == "conj" and t.head != k and doc[t.head].dep == "pobj" and not st.kids[k]:
        return material_owner(st, t.head) if st.low[k] in OF_MATERIALS and t.tag == "NN" else None
    if (t.dep != "pobj" or t.tag != "NN" or t.head == k or st.low[k] not in OF_MATERIALS
            or any(doc[c].dep not in ("cc", "conj") or doc[c].dep == "conj" and st.low[c] not in OF_MATERIALS
                   for c in st.kids[k])):
        return None   # "walls of clear glass", "a house of stone and people": not bare materials only
    p = t.head
    if st.low[p] != "of" or doc[p].head == p:
        return None
    x = doc[p].head
    lemma = noun_lemma(st.low[x])
    if (not is_nominal(st, x) or lemma in COLLECTIVE_NOUNS or lemma in CONTAINER_NOUNS
            or lemma in ENCLOSING_CONTAINERS or lemma in SURFACE_CONTAINERS or lemma in REGION_NOUNS
            or lemma in JUNK_BEFORE_OF or lemma in IMAGE_HEADS or lemma in ABSTRACT_HEADS):
        return None   # "on top of wood", "a piece of wood", "a glass of ice": the stuff itself
    return x


def of_materials(st: GraphState, i: int) -> list[int]:
    """Bare materials after "of" that describe noun i ("walls of glass")."""
    return [m for p in kids_of(st, i, "prep") if st.low[p] == "of"
            for k in kids_of(st, p, "pobj") for m in [k] + kids_of(st, k, "conj") if material_owner(st, m) == i]
