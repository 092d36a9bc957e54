"""A blind word-trigram model of captions: how likely a text is, knowing no picture.

Counts live in hashed uint32 tables (``tables``), one row each: targets (words and the
end-of-caption token), bigrams and trigrams.  For every bigram/trigram slot the table also keeps the
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
from typing import Iterable, NamedTuple, Optional, Sequence

import numpy as np

from . import tables
from .tables import FormatError

FORMAT_VERSION = 1
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_START = tables.token_hash("<s>")      # no word can be "<s>" / "</s>": words() keeps [a-z0-9']
_END = tables.token_hash("</s>")
_BATCH = 4096                           # captions hashed per numpy batch in add_many

# Every target's five slots are one matrix product over the columns (two back, one back,
# word); row r is ``tables.tuple_slots`` of table _TABLES[r] on the columns it uses.
UNI, BI, CTX1, TRI, CTX2 = range(5)
_TABLES = (("ngram:1", (2,)), ("ngram:2", (1, 2)), ("ngram:ctx1", (1,)),
           ("ngram:3", (0, 1, 2)), ("ngram:ctx2", (0, 1)))


def _slot_matrix() -> tuple[np.ndarray, np.ndarray]:
    mult = np.zeros((len(_TABLES), 3), dtype=np.uint64)
    for row, (table, cols) in enumerate(_TABLES):
        mult[row, list(cols)] = tables.multipliers(table, len(cols))
    return mult, np.array([[tables.salt(table)] for table, _ in _TABLES], dtype=np.uint64)


_MULT, _OFFSET = _slot_matrix()
_NGRAMS = np.array([UNI, BI, TRI])      # rows of the count tables
_CONTEXTS = np.array([CTX1, CTX1, CTX2, CTX2])   # per-context rows: c1, t1, c2, t2
_ROWS3 = np.arange(3)[:, None]
_ROWS4 = np.arange(4)[:, None]


def words(text: str) -> list[str]:
    """Lowercase word tokens of ``text``."""
    return _WORD.findall(text.lower())


class Words(NamedTuple):
    """Texts' word hashes laid end to end (uint64) and each text's number of words: what both
    blind models read of a batch, hashed once for the two."""
    hashes: np.ndarray
    counts: np.ndarray


def batch_words(texts: Sequence[str]) -> Words:
    """``words`` of each text, hashed in one pass (one array for the batch, not one per text)."""
    flat: list[str] = []
    counts: list[int] = []
    for text in texts:
        found = words(text)
        flat += found
        counts.append(len(found))
    return Words(tables.token_hashes(flat), np.array(counts, dtype=np.int64))


def pieces(values: np.ndarray, counts: Sequence[int]) -> list[np.ndarray]:
    """``values`` cut into consecutive pieces of ``counts`` (``np.split`` without its per-piece
    overhead, which dominates for thousands of small pieces)."""
    ends = np.cumsum(counts).tolist()
    return [values[e - c:e] for e, c in zip(ends, counts)]


def _padded(counted: Words) -> np.ndarray:
    """``<s> <s>``, the words and ``</s>`` of each text of ``counted``, end to end."""
    counts = counted.counts
    width = counts + 3
    starts = np.cumsum(width) - width
    seq = np.empty(int(width.sum()), dtype=np.uint64)
    seq[starts] = seq[starts + 1] = _START
    seq[starts + 2 + counts] = _END
    owner = np.repeat(np.arange(len(counts)), counts)
    seq[np.arange(len(counted.hashes)) + 2 + 3 * owner] = counted.hashes    # word j of text i: j + 3i + 2
    return seq


def _slots(columns: np.ndarray, bits: int) -> np.ndarray:
    """(5, n) int64 slots (UNI, BI, CTX1, TRI, CTX2) of n targets given (3, n) token hashes."""
    with np.errstate(over="ignore"):
        h = _MULT @ columns + _OFFSET
    return (h >> np.uint64(64 - bits)).astype(np.int64)


def _target_slots(counted: Words, bits: int) -> np.ndarray:
    """``_slots`` of every target (each word and each ``</s>``) of the texts of ``counted``."""
    seq = _padded(counted)
    width = counted.counts + 3
    starts = np.cumsum(width) - width                              # each text's <s> <s> in seq
    target = np.ones(len(seq), dtype=bool)
    target[starts] = target[starts + 1] = False
    at = np.flatnonzero(target)
    return _slots(np.stack([seq[at - 2], seq[at - 1], seq[at]]), bits)


def _caption_slots(text: str, bits: int) -> np.ndarray:
    counted = batch_words([text])
    return _target_slots(counted, bits)


def _matches(owner: np.ndarray, slots: np.ndarray, query: np.ndarray, wanted: np.ndarray, bits: int,
             weights: Sequence[np.ndarray] = ()) -> list[np.ndarray]:
    """For each (query, wanted slot), how many of the excluded (owner, slot) pairs equal it and,
    per flag array of ``weights``, how many of those are flagged: one sort of the pairs and one
    binary search among the distinct ones."""
    keys = (owner << bits) | slots
    if not len(keys):
        return [np.zeros(len(query)) for _ in range(1 + len(weights))]
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    distinct = keys[starts]
    asked = (query << bits) | wanted
    at = np.minimum(np.searchsorted(distinct, asked), len(distinct) - 1)
    found = distinct[at] == asked
    runs = [np.diff(np.append(starts, len(keys)))] + [np.add.reduceat(w[order].astype(np.int64), starts)
                                                      for w in weights]
    return [np.where(found, run[at], 0).astype(np.float64) for run in runs]


class NgramModel:
    """Hashed word-trigram counts of captions with Witten-Bell smoothing (see module doc)."""

    def __init__(self, bits: int = 21):
        if not 8 <= bits <= 32:
            raise ValueError(f"bits must be in [8, 32], got {bits}")
        self.bits = bits
        self.captions = 0
        self.total_words = 0
        self.counts = np.zeros((3, 1 << bits), dtype=np.uint32)    # targets, bigrams, trigrams
        self.owners = np.zeros((2, 1 << bits), dtype=np.uint32)    # context slot of each bi/trigram slot
        self._derived: Optional[tuple[np.ndarray, int]] = None

    # ------------------------------------------------------------------ counting

    def add(self, text: str) -> None:
        self.add_many([text])

    def add_many(self, texts: Iterable[str]) -> None:
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= _BATCH:
                self._add_batch(batch)
                batch = []
        if batch:
            self._add_batch(batch)

    def _add_batch(self, batch: list[str]) -> None:
        counted = batch_words(batch)
        slots = _target_slots(counted, self.bits)
        for row, (ngram, ctx) in enumerate(((BI, CTX1), (TRI, CTX2))):
            tables.owner_update(self.counts[row + 1], self.owners[row], slots[ngram], slots[ctx])
        for row, ngram in enumerate(_NGRAMS):
            tables.saturating_add(self.counts[row], slots[ngram])
        self.captions += len(batch)
        self.total_words += int(counted.counts.sum())
        self._derived = None

    def merge(self, other: "NgramModel") -> "NgramModel":
        """Add ``other``'s counts into this model (in place); returns ``self``."""
        if other.bits != self.bits:
            raise ValueError(f"cannot merge n-gram models of {self.bits} and {other.bits} bits")
        self.owners = tables.merge_owners(self.counts[1:], self.owners, other.counts[1:], other.owners)
        self.counts = tables.merge_tables(self.counts, other.counts)
        self.captions += other.captions
        self.total_words += other.total_words
        self._derived = None
        return self

    # ------------------------------------------------------------------ scoring

    def _context_tables(self) -> tuple[np.ndarray, int]:
        if self._derived is None:
            c1, t1 = tables.per_context(self.counts[1], self.owners[0])
            c2, t2 = tables.per_context(self.counts[2], self.owners[1])
            self._derived = (np.stack([c1, t1, c2, t2]), int(np.count_nonzero(self.counts[0])))
        return self._derived

    def logprob(self, text: str, exclude: Optional[str] = None) -> float:
        """Natural-log probability of ``text``'s words and the end of caption, after
        ``<s> <s>``; with ``exclude``, that caption's counts are taken out first."""
        return float(self.logprobs([text], exclude)[0])

    def logprobs(self, texts: Sequence[str], exclude: Optional[str] = None) -> np.ndarray:
        """``logprob`` of each text, in one pass over the tables (a record's candidates)."""
        return self.logprobs_many([(texts, exclude)])[0]

    def logprobs_many(self, queries: Sequence[tuple[Sequence[str], Optional[str]]],
                      words: Optional[Words] = None) -> list[np.ndarray]:
        """``logprobs(texts, exclude)`` of each query, all in one pass over the tables (a
        batch of records' candidates): the numpy calls are paid once per batch, not per record.
        Every text's value is computed as alone (elementwise, one sum per text).  ``words``:
        ``batch_words`` of the queries' texts in order, when the caller has them already."""
        per_context, vocab = self._context_tables()
        if not any(len(q[0]) for q in queries):
            return [np.zeros(0) for _ in queries]
        if words is None:
            words = batch_words([t for q in queries for t in q[0]])
        sizes = words.counts + 1                                       # targets per text (words + end)
        slots = _target_slots(words, self.bits)
        counts = self.counts[_ROWS3, slots[_NGRAMS]].astype(np.float64)        # target, bigram, trigram
        context = per_context[_ROWS4, slots[_CONTEXTS]].astype(np.float64)    # c1, t1, c2, t2
        per_query = np.array([len(q[0]) for q in queries])
        query = np.repeat(np.repeat(np.arange(len(queries)), per_query), sizes)   # each target's query
        tokens = np.full(len(queries), float(self.total_words + self.captions))
        types = np.full(len(queries), float(vocab))
        excluded = [(n, q[1]) for n, q in enumerate(queries) if q[1] is not None and len(q[0])]
        if excluded:
            ex, owner, emptied, ex_tokens, ex_vocab = self._exclusions([c for _, c in excluded])
            owner = np.array([n for n, _ in excluded])[owner]           # excluded slot -> its query
            hits, lost = [], []             # per row; and of the contexts, the n-grams emptied
            for row in range(5):
                flags = {CTX1: (emptied[1],), CTX2: (emptied[2],)}.get(row, ())
                found = _matches(owner, ex[row], query, slots[row], self.bits, flags)
                hits.append(found[0])
                lost += found[1:]
            hits, lost = np.stack(hits), np.stack(lost)
            counts = np.maximum(counts - hits[_NGRAMS], 0.0)
            context = np.maximum(context - np.stack([hits[CTX1], lost[0], hits[CTX2], lost[1]]), 0.0)
            at_query = np.array([n for n, _ in excluded])
            tokens[at_query] -= ex_tokens
            types[at_query] -= ex_vocab
        denominator = (np.maximum(tokens, 0.0) + np.maximum(types, 0.0) + 1.0)[query]
        p = (counts[0] + 1.0) / denominator
        # an unseen context (total 0) gets one "type" so the formula returns the lower order;
        # a seen one has at least one follower, and a collided count cannot exceed its context
        followers = np.maximum(context[[1, 3]], 1.0)
        follow = np.minimum(counts[1:], context[[0, 2]])
        for order in (0, 1):
            p = (follow[order] + followers[order] * p) / (context[2 * order] + followers[order])
        logp = np.add.reduceat(np.log(p), np.cumsum(sizes) - sizes)
        return pieces(logp, per_query.tolist())

    def _exclusions(self, captions: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                                                              np.ndarray]:
        """The excluded captions' slots (5, m) and the caption of each (m,), which of its
        distinct n-grams a caption empties (3, m: its counts are all the table has), and per
        caption its token count and the vocabulary it empties."""
        counted = batch_words(captions)
        lengths = counted.counts + 1                                  # targets per caption
        ex = _target_slots(counted, self.bits)
        owner = np.repeat(np.arange(len(captions)), lengths)
        emptied = np.zeros((3, ex.shape[1]), dtype=bool)
        for k, row in enumerate(_NGRAMS):
            keys = (owner << self.bits) | ex[row]
            _, first, inverse, repeats = np.unique(keys, return_index=True, return_inverse=True,
                                                   return_counts=True)
            once = np.zeros(len(keys), dtype=bool)
            once[first] = True                      # a caption's first occurrence of the n-gram
            emptied[k] = once & (self.counts[k, ex[row]] <= repeats[inverse])
        vocab = np.bincount(owner, weights=emptied[0], minlength=len(captions))
        return ex, owner, emptied, lengths.astype(np.float64), vocab

    # ------------------------------------------------------------------ sparse form, pickling

    def sparse(self) -> "SparseNgrams":
        """The used slots only (a shard's counts: a few thousand of the 2**bits)."""
        used = np.flatnonzero(self.counts.any(axis=0))
        return SparseNgrams(self.bits, self.captions, self.total_words, used,
                            self.counts[:, used], self.owners[:, used])

    def __getstate__(self) -> dict:
        """Only the used slots: the model travels between pipeline stages (a side input), and
        its dense tables are 40 MB of mostly zeros."""
        return {"sparse": self.sparse()}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state["sparse"].dense().__dict__)


    # ------------------------------------------------------------------ files

    def to_arrays(self, prefix: str = "") -> dict[str, np.ndarray]:
        meta = np.array([FORMAT_VERSION, self.bits, self.captions, self.total_words], dtype=np.int64)
        return {prefix + "meta": meta, prefix + "counts": self.counts, prefix + "owners": self.owners}

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
        model.counts = tables.require(arrays, prefix + "counts", np.uint32, (3, 1 << bits), source).copy()
        model.owners = tables.require(arrays, prefix + "owners", np.uint32, (2, 1 << bits), source).copy()
        if bits < 32 and int(model.owners.max(initial=0)) >> bits:
            raise FormatError(f"{where}: table {prefix + 'owners'!r} points outside its context table")
        return model

    def to_bytes(self) -> bytes:
        return tables.pack_arrays(self.to_arrays())

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "") -> "NgramModel":
        return cls.from_arrays(tables.unpack_arrays(data, source), source)


class SparseNgrams:
    """An n-gram model's used slots: what each task of the balancing pass ships and what the
    pass's combiner adds up, cheaply, before one dense ``NgramModel`` is made of the sum.
    ``slots``: sorted, distinct; ``counts`` (3, k) and ``owners`` (2, k) as the dense tables'."""

    def __init__(self, bits: int, captions: int, total_words: int, slots: np.ndarray,
                 counts: np.ndarray, owners: np.ndarray):
        self.bits, self.captions, self.total_words = bits, captions, total_words
        self.slots, self.counts, self.owners = slots.astype(np.int64), counts, owners

    def merge(self, other: "SparseNgrams") -> "SparseNgrams":
        return SparseNgrams.total([self, other])

    @staticmethod
    def total(parts: Sequence["SparseNgrams"]) -> "SparseNgrams":
        """The counts of all ``parts`` in one pass (a new object; as ``NgramModel.merge``:
        saturating sums, the smallest owner where counted), the same in any order."""
        bits = parts[0].bits
        if any(p.bits != bits for p in parts):
            raise ValueError(f"cannot merge n-gram counts of {sorted({p.bits for p in parts})} bits")
        slots, at = np.unique(np.concatenate([p.slots for p in parts]), return_inverse=True)
        every = np.concatenate([p.counts for p in parts], axis=1).astype(np.uint64)
        counts = np.zeros((3, len(slots)), dtype=np.uint64)
        np.add.at(counts, (_ROWS3, at), every)
        counts = np.minimum(counts, tables.COUNT_MAX).astype(np.uint32)
        none = np.uint32(2**32 - 1)
        owned = np.where(every[1:] > 0, np.concatenate([p.owners for p in parts], axis=1), none)
        owners = np.full((2, len(slots)), none, dtype=np.uint32)
        np.minimum.at(owners, (_ROWS3[:2], at), owned)
        owners = np.where(counts[1:] > 0, owners, 0).astype(np.uint32)
        return SparseNgrams(bits, sum(p.captions for p in parts), sum(p.total_words for p in parts),
                            slots, counts, owners)

    def dense(self) -> NgramModel:
        model = NgramModel.__new__(NgramModel)
        model.bits, model.captions, model.total_words = self.bits, self.captions, self.total_words
        model.counts = np.zeros((3, 1 << self.bits), dtype=np.uint32)
        model.owners = np.zeros((2, 1 << self.bits), dtype=np.uint32)
        model.counts[:, self.slots] = self.counts
        model.owners[:, self.slots] = self.owners
        model._derived = None
        return model
