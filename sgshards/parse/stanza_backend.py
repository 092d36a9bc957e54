"""Stanza backend: Universal Dependencies parses converted into the ClearNLP view.

The graph rules read ``DepToken`` lists whose labels and tree shapes follow
spaCy's English ClearNLP scheme.  Stanza emits UD, which differs in labels and
also in structure, so ``to_view`` rewrites the tree in passes (order matters):

1. flat names      ``John <-flat- Smith``  ->  ``John -compound-> Smith`` (spaCy
                   heads a name on its last word; other dependents follow it).
2. copula          UD heads a copular clause on the predicate (``red`` in "the
                   car is red", ``cop`` = is); spaCy heads it on "be".  The
                   copula takes the predicate's head and label; the subject,
                   aux, mark, punct, advcl, negation and clausal conjuncts move
                   to it; the predicate becomes ``acomp`` (ADJ), ``attr`` (other),
                   or, with an ADP case child, a PP handled by pass 4.
3. existential     ``there are two dogs``: the ``nsubj`` of a verb with an
                   ``expl`` child becomes ``attr``.
4. case -> prep    UD hangs the preposition under its noun (``table -case-> on``);
                   spaCy puts it between: head -prep-> on -pobj-> table.  Several
                   case words and ``fixed`` parts ("out of", "next to",
                   "because of") become a chain head -> w1 -> w2 -> ... -pobj-> noun
                   (w1 is ``prep``, or ``advmod`` when it is not ADP/SCONJ, as
                   spaCy parses "next to"; later words are ``prep``).  A PP conjunct
                   ("on the table and under the chair") is re-hung on the first
                   preposition as ``conj``, as spaCy does.  "in front of X" needs
                   no special case: UD already has ``front -nmod-> X``, which
                   yields in -> front(pobj) -> of(prep) -> X(pobj), spaCy's shape.
                   ``obl:agent`` makes its "by" an ``agent``.  The possessive
                   ``'s`` (PART) stays ``case``.
5. conjunctions    UD attaches every conjunct to the first and ``cc``/commas to
                   the following conjunct; spaCy chains conjuncts (a <- b <- c) and
                   hangs ``cc`` and commas on the preceding conjunct.
6. labels          obj->dobj, iobj->dative, nsubj:pass->nsubjpass,
                   csubj:pass->csubjpass, aux:pass->auxpass, nmod:poss and
                   det:poss->poss, acl:relcl and advcl:relcl->relcl,
                   compound:prt->prt, det:predet->predet, cc:preconj->preconj,
                   obl/nmod without a preposition and their :tmod/:npmod/
                   :unmarked subtypes->npadvmod, discourse->intj,
                   vocative->npadvmod, infinitival ``mark`` "to"->aux, advmod
                   not/n't/never->neg, root->ROOT (head == self); leftover
                   fixed/flat:foreign/list/orphan/goeswith/reparandum/dislocated
                   /clf->dep.  nsubj, csubj, expl, aux, cop, mark, det, amod,
                   compound, nummod, appos, acl, advcl, advmod, xcomp, ccomp,
                   conj, cc, punct, case, parataxis, dep keep their names.

Tokens are stanza *words* (syntactic units), so a multi-word token is split;
its inner words get no trailing whitespace.
"""
from __future__ import annotations

import os
from typing import Optional, Sequence

from ..schemas.depview import DepToken, Doc
from .base import ModelNotFound

PROCESSORS = "tokenize,pos,lemma,depparse"
GET_MODELS_HINT = ("run stanza.download('{lang}', model_dir=DIR, processors='" + PROCESSORS + "') "
                   "on a machine with internet and copy DIR here (or set STANZA_RESOURCES_DIR)")

# Dependents that belong to the clause, not to the predicate word: they move to the copula.
# (A predicate's own ``cc`` is its clause's coordinator: UD hangs cc on the following conjunct.)
CLAUSE_LEVEL = {"nsubj", "nsubj:pass", "nsubj:outer", "csubj", "csubj:pass", "csubj:outer", "expl",
                "aux", "aux:pass", "cop", "mark", "punct", "advcl", "parataxis", "discourse", "vocative", "cc"}
NEGATIONS = {"not", "n't", "never"}
SUBJECT_LIKE = {"nsubj", "nsubj:pass", "nsubj:outer", "csubj", "csubj:pass", "expl", "cop"}
POSSESSIVE = {"nmod:poss", "det:poss"}
RENAMED = {
    "obj": "dobj", "iobj": "dative", "nsubj:pass": "nsubjpass", "nsubj:outer": "nsubj",
    "csubj:pass": "csubjpass", "csubj:outer": "csubj", "aux:pass": "auxpass",
    "nmod:poss": "poss", "det:poss": "poss", "acl:relcl": "relcl", "advcl:relcl": "relcl",
    "compound:prt": "prt", "det:predet": "predet", "cc:preconj": "preconj", "obl:agent": "agent",
    "obl": "npadvmod", "nmod": "npadvmod", "discourse": "intj", "vocative": "npadvmod", "root": "ROOT",
    "fixed": "dep", "flat": "compound", "flat:foreign": "dep", "list": "dep", "orphan": "dep",
    "goeswith": "dep", "reparandum": "dep", "dislocated": "dep", "clf": "dep",
}


# ---------------------------------------------------------------- loading

def resources_dir(model_dir: Optional[str] = None) -> str:
    """Where stanza models are looked for: the argument, $STANZA_RESOURCES_DIR, stanza's default."""
    if model_dir:
        return model_dir
    from stanza.resources.common import DEFAULT_MODEL_DIR
    return os.environ.get("STANZA_RESOURCES_DIR") or DEFAULT_MODEL_DIR


def load_stanza(model_dir: Optional[str] = None, lang: str = "en", **kwargs):
    """A stanza Pipeline (tokenize, pos, lemma, depparse) from local models only; never downloads.

    Extra keyword arguments go to ``stanza.Pipeline`` (e.g. ``use_gpu``, ``depparse_batch_size``).
    """
    try:
        import stanza
    except ImportError as e:
        raise ModelNotFound("stanza is not installed: pip install stanza (pin torch to the CPU build)") from e

    directory = resources_dir(model_dir)
    missing = ModelNotFound(f"stanza {lang!r} models not found in {directory}: "
                            + GET_MODELS_HINT.format(lang=lang))
    if not os.path.isfile(os.path.join(directory, "resources.json")):
        raise missing
    try:
        return stanza.Pipeline(lang, dir=directory, processors=PROCESSORS, download_method=None,
                               logging_level="WARN", **kwargs)
    except (FileNotFoundError, ValueError) as e:  # stanza's "not downloaded" errors subclass these
        raise ModelNotFound(f"{missing} ({type(e).__name__}: {e})".replace("\n", " ")) from e


# ---------------------------------------------------------------- conversion

class _Tree:
    """Mutable heads/labels over the words of one document, with UD lookups."""

    def __init__(self, words):
        self.w = words
        self.head = [w["head"] for w in words]
        self.dep = [w["deprel"] for w in words]

    def children(self, i: int, *deps: str) -> list[int]:
        return [j for j in range(len(self.w))
                if j != i and self.head[j] == i and (not deps or self.dep[j] in deps)]

    def attach(self, j: int, head: int, dep: Optional[str] = None) -> None:
        self.head[j] = head
        if dep is not None:
            self.dep[j] = dep

    def take_place_of(self, new: int, old: int) -> None:
        """``new`` gets ``old``'s head and label (a root stays a root on the new word)."""
        self.head[new] = new if self.head[old] == old else self.head[old]
        self.dep[new] = self.dep[old]

    def upos(self, i: int) -> str:
        return self.w[i]["upos"]

    def lower(self, i: int) -> str:
        return self.w[i]["text"].lower()


def _flat_names(t: _Tree) -> None:
    for h in range(len(t.w)):
        parts = t.children(h, "flat")
        if not parts:
            continue
        last = parts[-1]
        t.take_place_of(last, h)
        for j in t.children(h):
            t.attach(j, last, "compound" if t.dep[j] == "flat" else None)
        t.attach(h, last, "compound")


def _is_clause(t: _Tree, i: int) -> bool:
    return t.upos(i) in ("VERB", "AUX") or bool(t.children(i, *SUBJECT_LIKE))


def _raise_copulas(t: _Tree) -> None:
    for pred in range(len(t.w)):
        cops = t.children(pred, "cop")
        if not cops:
            continue
        cop = cops[0]
        t.take_place_of(cop, pred)
        for j in t.children(pred):
            d = t.dep[j]
            if (d in CLAUSE_LEVEL or (d == "advmod" and t.lower(j) in NEGATIONS)
                    or (d == "conj" and _is_clause(t, j))):
                t.attach(j, cop)
        has_prep = bool(_prepositions_of(t, pred))
        kind = "obl" if has_prep else ("acomp" if t.upos(pred) == "ADJ" else "attr")
        t.attach(pred, cop, kind)


def _existential_attrs(t: _Tree) -> None:
    for v in range(len(t.w)):
        if t.children(v, "expl"):
            for s in t.children(v, "nsubj"):
                t.dep[s] = "attr"


def _prepositions_of(t: _Tree, noun: int) -> list[int]:
    """Case markers other than the possessive 's (PART), e.g. "on", "next" (of "next to")."""
    return [c for c in t.children(noun, "case") if t.upos(c) != "PART"]


def _prepositions(t: _Tree) -> None:
    for noun in range(len(t.w)):
        if t.dep[noun] in POSSESSIVE:
            continue
        markers = _prepositions_of(t, noun)
        if not markers:
            continue
        chain = sorted(markers + [f for m in markers for f in t.children(m, "fixed")])
        first = chain[0]
        head = t.head[noun]
        if t.dep[noun] == "conj" and t.dep[head] == "pobj":
            # "on the table and under the chair": conjoin the prepositions, as spaCy does
            first_prep = t.head[head]
            t.attach(first, first_prep, "conj")
            for j in t.children(noun, "cc", "punct"):
                if j < first:
                    t.attach(j, first)
        else:
            t.take_place_of(first, noun)
            if t.head[first] != first:
                if t.dep[noun] == "obl:agent":
                    t.dep[first] = "agent"
                else:
                    t.dep[first] = "prep" if t.upos(first) in ("ADP", "SCONJ") else "advmod"
        for prev, nxt in zip(chain, chain[1:]):
            t.attach(nxt, prev, "prep")
        t.attach(noun, chain[-1], "pobj")


def _chain_conjuncts(t: _Tree) -> None:
    for h in range(len(t.w)):
        conjuncts = t.children(h, "conj")
        for prev, c in zip([h] + conjuncts, conjuncts):
            t.attach(c, prev)
            for j in t.children(c, "cc", "punct"):
                if j < c:
                    t.attach(j, prev)


def _rename(t: _Tree, i: int) -> str:
    dep, w = t.dep[i], t.w[i]
    if dep == "mark" and (w["xpos"] == "TO" or w["text"].lower() == "to") and t.upos(t.head[i]) in ("VERB", "AUX"):
        return "aux"
    if dep == "advmod" and w["text"].lower() in NEGATIONS:
        return "neg"
    if dep in RENAMED:
        return RENAMED[dep]
    base, _, sub = dep.partition(":")
    if base in ("obl", "nmod") and sub in ("tmod", "npmod", "unmarked"):
        return "npadvmod"
    return RENAMED.get(base, base)


def _words(doc) -> list[dict]:
    """Flatten a stanza Document into word dicts with absolute 0-based heads (root -> self)."""
    tokens, offset = [], 0
    for s_idx, sent in enumerate(doc.sentences):
        tokens += [(s_idx, offset, tok) for tok in sent.tokens]
        offset += len(sent.words)
    rows = []
    for k, (s_idx, offset, tok) in enumerate(tokens):
        nxt = tokens[k + 1][2] if k + 1 < len(tokens) else None
        ws = _space_after(doc.text, tok, nxt)
        for n, w in enumerate(tok.words):
            i = offset + w.id - 1
            rows.append({
                "i": i, "text": w.text, "ws": ws if n + 1 == len(tok.words) else "",
                "lemma": w.lemma if w.lemma is not None else w.text, "upos": w.upos or "X",
                "xpos": w.xpos or "", "head": offset + w.head - 1 if w.head else i,
                "deprel": w.deprel or "dep", "feats": w.feats or "", "sent": s_idx,
            })
    return rows


def _space_after(text: Optional[str], tok, nxt) -> str:
    """" " or "" like spaCy: from character offsets when the text is known, else SpaceAfter=No."""
    if text and tok.end_char is not None:
        end = nxt.start_char if nxt is not None and nxt.start_char is not None else len(text)
        return " " if text[tok.end_char:end] else ""
    if nxt is None:
        return ""
    return " " if tok.spaces_after else ""


def to_view(doc) -> Doc:
    """stanza Document (one caption, possibly several sentences) -> DepToken list in ClearNLP shape."""
    words = _words(doc)
    t = _Tree(words)
    for rewrite in (_flat_names, _raise_copulas, _existential_attrs, _prepositions, _chain_conjuncts):
        rewrite(t)
    deps = [_rename(t, i) for i in range(len(words))]
    return [
        DepToken(w["i"], w["text"], w["ws"], w["lemma"], w["upos"], w["xpos"],
                 w["i"] if deps[w["i"]] == "ROOT" else t.head[w["i"]], deps[w["i"]], w["feats"], w["sent"])
        for w in words
    ]


def parse_batch(pipeline, captions: Sequence[str], batch_size: int = 64) -> list[Doc]:
    """Parse captions as separate stanza Documents, ``batch_size`` per bulk call; one view each, in order.

    Blank captions give an empty view without reaching stanza (its tokenizer rejects them).
    """
    import stanza

    views: list[Doc] = [[] for _ in captions]
    todo = [k for k, c in enumerate(captions) if c.strip()]
    for start in range(0, len(todo), batch_size):
        chunk = todo[start:start + batch_size]
        docs = pipeline.bulk_process([stanza.Document([], text=captions[k]) for k in chunk])
        for k, doc in zip(chunk, docs):
            views[k] = to_view(doc)
    return views


class StanzaParser:
    """The stanza backend behind ``--parser stanza``: ``parse(captions) -> list[Doc]``.
    ``model`` is the stanza resources directory (default: $STANZA_RESOURCES_DIR)."""

    backend = "stanza"

    def __init__(self, model: Optional[str] = None, batch_size: int = 64):
        self.pipeline = load_stanza(model)
        self.batch_size = batch_size
        self.label = f"stanza:{resources_dir(model)}"

    def parse(self, captions: Sequence[str]) -> list[Doc]:
        return parse_batch(self.pipeline, captions, self.batch_size)
