"""A blind word-trigram model of captions: how likely a text is, knowing no picture.

Counts live in hashed uint32 tables (``tables``): targets (words and the end-of-caption
token), bigrams and trigrams.  For every bigram/trigram slot the table also keeps the
slot of its context (the smallest, when two contexts collide, so adding and merging in
any order give the same bytes); a context's total count and its number of distinct
followers (Witten-Bell's T) are then bincounts over those owners, computed once when
the model is first queried after a change.

Smoothing is interpolated Witten-Bell, trigram -> bigram -> add-one unigram::

    P(w | h) = (c(h, w) + T(h) * P(w | h')) / (c(h) + T(h))      (P(w | h') when c(h) = 0)
    P(w)     = (c(w) + 1) / (N + V + 1)                           (V distinct targets, +1 unseen)

``logprob(text, exclude=caption)`` subtracts the caption's own counts first (floored at
zero), so a caption of the corpus is scored by a model of the other captions.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

import numpy as np

from . import tables
from .tables import FormatError

FORMAT_VERSION = 1
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_START = tables.token_hash("<s>")      # no word can be "<s>" / "</s>": words() keeps [a-z0-9']
_END = tables.token_hash("</s>")
_SALT_UNI = tables.salt("ngram:1")
_SALT_BI = tables.salt("ngram:2")
_SALT_TRI = tables.salt("ngram:3")
_BATCH = 4096                           # captions hashed per numpy batch in add_many


def words(text: str) -> list[str]:
    """Lowercase word tokens of ``text``."""
    return _WORD.findall(text.lower())


def _sequence(toks: list[str]) -> list[int]:
    return [_START, _START, *(tables.token_hash(w) for w in toks), _END]


def _grams(seq: np.ndarray, targets: np.ndarray, bits: int):
    """Slots of every target's unigram, bigram, bigram context, trigram, trigram context.
    A context's slot is the hash chain's prefix, so contexts cost no extra hashing."""
    shift = np.uint64(64 - bits)
    with np.errstate(over="ignore"):
        word = seq[targets]
        uni = tables.mix(word ^ _SALT_UNI)
        ctx1 = tables.mix(seq[targets - 1] ^ _SALT_BI)
        bi = tables.mix(ctx1 ^ word)
        ctx2 = tables.mix(tables.mix(seq[targets - 2] ^ _SALT_TRI) ^ seq[targets - 1])
        tri = tables.mix(ctx2 ^ word)
    return tuple((h >> shift).astype(np.int64) for h in (uni, bi, ctx1, tri, ctx2))


def _owner_update(counts: np.ndarray, owner: np.ndarray, slots: np.ndarray, ctx: np.ndarray) -> None:
    """Record each slot's context as the smallest context ever counted there."""
    order = np.lexsort((ctx, slots))
    s, c = slots[order], ctx[order]
    first = np.ones(s.size, dtype=bool)
    first[1:] = s[1:] != s[:-1]
    s, c = s[first], c[first].astype(np.uint32)
    owner[s] = np.where(counts[s] > 0, np.minimum(owner[s], c), c)


def _per_context(counts: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    seen = np.flatnonzero(counts)
    ctx = owner[seen]
    total = np.bincount(ctx, weights=counts[seen], minlength=counts.size)
    types = np.bincount(ctx, minlength=counts.size)
    return tables.saturating_counts(total), tables.saturating_counts(types)


def _hits(query: np.ndarray, excluded: np.ndarray) -> np.ndarray:
    """How many times each query slot occurs among the excluded slots."""
    return (query[:, None] == excluded[None, :]).sum(axis=1)


class NgramModel:
    """Hashed word-trigram counts of captions with Witten-Bell smoothing (see module doc)."""

    def __init__(self, bits: int = 21):
        if not 8 <= bits <= 32:
            raise ValueError(f"bits must be in [8, 32], got {bits}")
        self.bits = bits
        self.captions = 0
        self.total_words = 0
        self.uni = tables.new_table(bits)
        self.bi = tables.new_table(bits)
        self.bi_ctx = tables.new_table(bits)
        self.tri = tables.new_table(bits)
        self.tri_ctx = tables.new_table(bits)
        self._derived: Optional[tuple] = None

    # ------------------------------------------------------------------ counting

    def add(self, text: str) -> None:
        self.add_many([text])

    def add_many(self, texts: Iterable[str]) -> None:
        batch: list[list[str]] = []
        for text in texts:
            batch.append(words(text))
            if len(batch) >= _BATCH:
                self._add_batch(batch)
                batch = []
        if batch:
            self._add_batch(batch)

    def _add_batch(self, batch: list[list[str]]) -> None:
        seq: list[int] = []
        targets: list[int] = []
        for toks in batch:
            start = len(seq)
            seq.extend(_sequence(toks))
            targets.extend(range(start + 2, len(seq)))
        uni, bi, ctx1, tri, ctx2 = _grams(np.array(seq, dtype=np.uint64), np.array(targets, dtype=np.int64), self.bits)
        _owner_update(self.bi, self.bi_ctx, bi, ctx1)
        _owner_update(self.tri, self.tri_ctx, tri, ctx2)
        tables.saturating_add(self.uni, uni)
        tables.saturating_add(self.bi, bi)
        tables.saturating_add(self.tri, tri)
        self.captions += len(batch)
        self.total_words += len(targets) - len(batch)
        self._derived = None

    def merge(self, other: "NgramModel") -> "NgramModel":
        """Add ``other``'s counts into this model (in place); returns ``self``."""
        if other.bits != self.bits:
            raise ValueError(f"cannot merge n-gram models of {self.bits} and {other.bits} bits")
        for counts, owner in (("bi", "bi_ctx"), ("tri", "tri_ctx")):
            a, b = getattr(self, counts), getattr(other, counts)
            oa, ob = getattr(self, owner), getattr(other, owner)
            merged = np.where(a > 0, np.where(b > 0, np.minimum(oa, ob), oa), ob)
            setattr(self, owner, merged.astype(np.uint32))
        for name in ("uni", "bi", "tri"):
            setattr(self, name, tables.merge_tables(getattr(self, name), getattr(other, name)))
        self.captions += other.captions
        self.total_words += other.total_words
        self._derived = None
        return self

    # ------------------------------------------------------------------ scoring

    def _context_tables(self) -> tuple:
        if self._derived is None:
            c1, t1 = _per_context(self.bi, self.bi_ctx)
            c2, t2 = _per_context(self.tri, self.tri_ctx)
            vocab = int(np.count_nonzero(self.uni))
            self._derived = (c1, t1, c2, t2, vocab)
        return self._derived

    def logprob(self, text: str, exclude: Optional[str] = None) -> float:
        """Natural-log probability of ``text``'s words and the end of caption, after
        ``<s> <s>``; with ``exclude``, that caption's counts are taken out first."""
        c1_table, t1_table, c2_table, t2_table, vocab = self._context_tables()
        seq = np.array(_sequence(words(text)), dtype=np.uint64)
        uni, bi, ctx1, tri, ctx2 = _grams(seq, np.arange(2, seq.size), self.bits)
        cu = self.uni[uni].astype(np.float64)
        cb = self.bi[bi].astype(np.float64)
        ct = self.tri[tri].astype(np.float64)
        c1 = c1_table[ctx1].astype(np.float64)
        t1 = t1_table[ctx1].astype(np.float64)
        c2 = c2_table[ctx2].astype(np.float64)
        t2 = t2_table[ctx2].astype(np.float64)
        tokens = float(self.total_words + self.captions)
        if exclude is not None:
            eseq = np.array(_sequence(words(exclude)), dtype=np.uint64)
            ex = _grams(eseq, np.arange(2, eseq.size), self.bits)
            tokens -= ex[0].size
            vocab -= self._emptied(self.uni, ex[0], None, None)
            cu = np.maximum(cu - _hits(uni, ex[0]), 0.0)
            cb = np.maximum(cb - _hits(bi, ex[1]), 0.0)
            ct = np.maximum(ct - _hits(tri, ex[3]), 0.0)
            c1 = np.maximum(c1 - _hits(ctx1, ex[2]), 0.0)
            c2 = np.maximum(c2 - _hits(ctx2, ex[4]), 0.0)
            t1 = np.maximum(t1 - self._emptied(self.bi, ex[1], ex[2], ctx1), 0.0)
            t2 = np.maximum(t2 - self._emptied(self.tri, ex[3], ex[4], ctx2), 0.0)
        p = (cu + 1.0) / (max(tokens, 0.0) + max(vocab, 0) + 1.0)
        for count, ctx_total, ctx_types in ((cb, c1, t1), (ct, c2, t2)):
            seen = ctx_total > 0
            types = np.where(seen, np.maximum(ctx_types, 1.0), 0.0)   # a seen context has a follower
            count = np.minimum(count, ctx_total)                      # a collision cannot exceed its context
            p = np.where(seen, (count + types * p) / np.maximum(ctx_total + types, 1.0), p)
        return float(np.log(p).sum())

    @staticmethod
    def _emptied(counts: np.ndarray, slots: np.ndarray, ctx: Optional[np.ndarray], query_ctx: Optional[np.ndarray]):
        """Distinct excluded slots whose count drops to zero: in total (``ctx`` None), or
        per query context (a context loses one follower per emptied n-gram of its own)."""
        uniq, first, times = np.unique(slots, return_index=True, return_counts=True)
        emptied = counts[uniq] <= times
        if ctx is None:
            return int(np.count_nonzero(emptied))
        return _hits(query_ctx, ctx[first][emptied])

    # ------------------------------------------------------------------ files

    def to_arrays(self, prefix: str = "") -> dict[str, np.ndarray]:
        meta = np.array([FORMAT_VERSION, self.bits, self.captions, self.total_words], dtype=np.int64)
        return {prefix + "meta": meta, prefix + "uni": self.uni, prefix + "bi": self.bi,
                prefix + "bi_ctx": self.bi_ctx, prefix + "tri": self.tri, prefix + "tri_ctx": self.tri_ctx}

    @classmethod
    def from_arrays(cls, arrays: dict, source: str = "", prefix: str = "") -> "NgramModel":
        where = source or "<bytes>"
        meta = tables.require(arrays, prefix + "meta", np.int64, (4,), source)
        version, bits, captions, total_words = (int(v) for v in meta)
        if version != FORMAT_VERSION:
            raise FormatError(f"{where}: n-gram format version {version}, expected {FORMAT_VERSION}")
        if not 8 <= bits <= 32 or captions < 0 or total_words < 0:
            raise FormatError(f"{where}: bad n-gram header {meta.tolist()}")
        model = cls.__new__(cls)
        model.bits, model.captions, model.total_words, model._derived = bits, captions, total_words, None
        for name in ("uni", "bi", "bi_ctx", "tri", "tri_ctx"):
            setattr(model, name, tables.require(arrays, prefix + name, np.uint32, (1 << bits,), source).copy())
        for name in ("bi_ctx", "tri_ctx"):
            if bits < 32 and int(getattr(model, name).max(initial=0)) >> bits:
                raise FormatError(f"{where}: table {prefix + name!r} points outside its context table")
        return model

    def to_bytes(self) -> bytes:
        return tables.pack_arrays(self.to_arrays())

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "") -> "NgramModel":
        return cls.from_arrays(tables.unpack_arrays(data, source), source)
