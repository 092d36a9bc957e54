"""Corpus statistics an earlier run saved, read back for ``--vocab FILE``: its vocab.json (the
counts replacements are drawn by) and, beside it, its cooccur.npz (the co-occurrences that let a
draw follow its context) and ngram.npz (the n-gram model plausible selection scores with).  Each comes with what the manifest records of it: path and digest."""
from __future__ import annotations

import hashlib
import json
from typing import Optional

import fsspec

from ...augment.plausibility.cooccur import Cooccurrence
from ...augment.plausibility.ngram import NgramModel
from ...augment.plausibility.tables import FormatError
from ..errors import UsageError
from ..outputs.shards import COOCCUR_FILE, NGRAM_FILE


def load_vocab(path: str) -> tuple[dict, dict]:
    """Counts from a vocab.json, and what the manifest records of it."""
    try:
        with fsspec.open(path, "rb") as f:
            data = f.read()
        counts = json.loads(data)
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read vocabulary {path}: {exc}") from None
    if not isinstance(counts, dict) or not all(isinstance(v, dict) for v in counts.values()):
        raise UsageError(f"{path} is not a vocab.json ({{kind: {{lemma: count}}}})")
    return counts, {"path": path, "sha256": hashlib.sha256(data).hexdigest()}


def load_corpus_model(vocab_path: str) -> tuple[Optional[NgramModel], Optional[dict]]:
    """The n-gram model saved beside ``vocab_path``, and what the manifest records of it;
    (None, None) when there is none (the run then counts its own).  A damaged file stops the run."""
    return _beside(vocab_path, NGRAM_FILE, NgramModel.from_bytes, "the n-gram model")


def load_cooccurrence(vocab_path: str) -> tuple[Optional[Cooccurrence], Optional[dict]]:
    """The co-occurrences saved beside ``vocab_path`` (a ``--corpus-vocab`` run's cooccur.npz), and
    what the manifest records of them; (None, None) when there are none (an older run: its
    vocabulary alone is used).  A damaged file stops the run."""
    return _beside(vocab_path, COOCCUR_FILE, Cooccurrence.from_bytes, "the co-occurrence counts")


def _beside(vocab_path: str, name: str, decode, what: str):
    path = f"{vocab_path.rsplit('/', 1)[0]}/{name}" if "/" in vocab_path else name
    try:
        fs, local = fsspec.core.url_to_fs(path)
        if not fs.exists(local):
            return None, None
        with fs.open(local, "rb") as f:
            data = f.read()
        found = decode(data, path)
    except (OSError, FormatError) as exc:
        raise UsageError(f"cannot read {what} beside the vocabulary: {exc}") from None
    return found, {"path": path, "sha256": hashlib.sha256(data).hexdigest()}
