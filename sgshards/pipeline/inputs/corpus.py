"""Corpus statistics an earlier run saved, read back for ``--vocab FILE``: its vocab.json (the
counts replacements are drawn by) and, beside it, its ngram.npz (the n-gram model plausible
selection scores with).  Each comes with what the manifest records of it: path and digest."""
from __future__ import annotations

import hashlib
import json
from typing import Optional

import fsspec

from ...augment.plausibility.ngram import NgramModel
from ...augment.plausibility.tables import FormatError
from ..errors import UsageError
from ..outputs.shards import NGRAM_FILE


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
    path = f"{vocab_path.rsplit('/', 1)[0]}/{NGRAM_FILE}" if "/" in vocab_path else NGRAM_FILE
    try:
        fs, local = fsspec.core.url_to_fs(path)
        if not fs.exists(local):
            return None, None
        with fs.open(local, "rb") as f:
            data = f.read()
        model = NgramModel.from_bytes(data, path)
    except (OSError, FormatError) as exc:
        raise UsageError(f"cannot read the n-gram model beside the vocabulary: {exc}") from None
    return model, {"path": path, "sha256": hashlib.sha256(data).hexdigest()}
