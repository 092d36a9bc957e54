"""What goes with what in scene graphs: attribute|object, predicate|(subject, object) and
object|other object of the same graph, as hashed counts (``tables``).

Each is a conditional table smoothed like the n-gram model: interpolated Witten-Bell
from the pair counts down to an add-one distribution of the target alone::

    P(t | c) = (c(c, t) + T(c) * P(t)) / (c(c) + T(c)),   P(t) = (c(t) + 1) / (N + V + 1)

so an unseen pairing of familiar words ("wooden cat") scores below a seen one ("black
cat"), and an unknown word still gets a finite, small probability.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Mapping, Optional, Sequence

import numpy as np

from . import tables
from .tables import FormatError
from ...schemas.graph import SceneGraph

FORMAT_VERSION = 1
_KINDS = ("attribute", "predicate", "context")     # order of the tables and of meta's totals
_PAIRS, _OWNERS, _TARGETS = range(3)               # rows of a kind's (3, 2**bits) table


class Cooccurrence:
    """Scene-graph co-occurrence counts: attribute|object, predicate|(subject, object),
    object|other object of the same graph."""

    def __init__(self, bits: int = 19):
        if not 8 <= bits <= 32:
            raise ValueError(f"bits must be in [8, 32], got {bits}")
        self.bits = bits
        self.graphs = 0
        self.totals = {kind: 0 for kind in _KINDS}                 # pairs counted per kind
        self.tables = {kind: np.zeros((3, 1 << bits), dtype=np.uint32) for kind in _KINDS}
        self._derived: dict[str, tuple] = {}

    # ------------------------------------------------------------------ counting

    def add_graph(self, graph: SceneGraph) -> None:
        self.add_graphs([graph])

    def add_graphs(self, graphs: Iterable[SceneGraph]) -> None:
        pairs: dict[str, list[tuple[tuple[str, ...], str]]] = {kind: [] for kind in _KINDS}
        for graph in graphs:
            self.graphs += 1
            names = [o.name for o in graph.objects]
            for obj in graph.objects:
                pairs["attribute"].extend(((obj.name,), a) for a in obj.attributes)
            for rel in graph.relations:
                pairs["predicate"].append(((names[rel.subject], names[rel.object]), rel.predicate))
            distinct = sorted(set(names))
            pairs["context"].extend(((c,), t) for t in distinct for c in distinct if c != t)
        for kind, found in pairs.items():
            if found:
                self._count(kind, found)

    def _count(self, kind: str, pairs: list[tuple[tuple[str, ...], str]]) -> None:
        width = len(pairs[0][0])
        context = [tables.token_hashes(c[i] for c, _ in pairs) for i in range(width)]
        target = tables.token_hashes(t for _, t in pairs)
        pair_slots = tables.tuple_slots([*context, target], f"cooccur:{kind}:pair", self.bits)
        ctx_slots = tables.tuple_slots(context, f"cooccur:{kind}:context", self.bits)
        table = self.tables[kind]
        tables.owner_update(table[_PAIRS], table[_OWNERS], pair_slots, ctx_slots)
        tables.saturating_add(table[_PAIRS], pair_slots)
        tables.saturating_add(table[_TARGETS], tables.tuple_slots([target], f"cooccur:{kind}:target", self.bits))
        self.totals[kind] += len(pairs)
        self._derived.pop(kind, None)

    def merge(self, other: "Cooccurrence") -> "Cooccurrence":
        """Add ``other``'s counts into this one (in place); returns ``self``."""
        if other.bits != self.bits:
            raise ValueError(f"cannot merge co-occurrence tables of {self.bits} and {other.bits} bits")
        for kind in _KINDS:
            mine, theirs = self.tables[kind], other.tables[kind]
            owners = tables.merge_owners(mine[_PAIRS], mine[_OWNERS], theirs[_PAIRS], theirs[_OWNERS])
            merged = tables.merge_tables(mine, theirs)
            merged[_OWNERS] = owners
            self.tables[kind] = merged
            self.totals[kind] += other.totals[kind]
        self.graphs += other.graphs
        self._derived = {}
        return self

    # ------------------------------------------------------------------ scoring

    def _logprob(self, kind: str, context: tuple[str, ...], target: str) -> float:
        derived = self._derived.get(kind)
        table = self.tables[kind]
        if derived is None:
            derived = (*tables.per_context(table[_PAIRS], table[_OWNERS]), int(np.count_nonzero(table[_TARGETS])))
            self._derived[kind] = derived
        ctx_total, ctx_types, vocab = derived
        bits = self.bits
        alone = int(table[_TARGETS, tables.slot_of((target,), f"cooccur:{kind}:target", bits)])
        p = (alone + 1.0) / (self.totals[kind] + vocab + 1.0)
        ctx = tables.slot_of(context, f"cooccur:{kind}:context", bits)
        total = float(ctx_total[ctx])
        types = max(float(ctx_types[ctx]), 1.0)     # an unseen context (total 0) returns P(t)
        pair = min(float(table[_PAIRS, tables.slot_of((*context, target), f"cooccur:{kind}:pair", bits)]), total)
        return float(np.log((pair + types * p) / (total + types)))

    def attribute_logprob(self, attribute: str, obj: str) -> float:
        """log P(attribute | object name)."""
        return self._logprob("attribute", (obj,), attribute)

    def predicate_logprob(self, predicate: str, subject: str, obj: str) -> float:
        """log P(predicate | subject name, object name)."""
        return self._logprob("predicate", (subject, obj), predicate)

    def context_logprob(self, obj: str, context: Sequence[str]) -> float:
        """Mean over ``context`` (other objects' names) of log P(obj | other object);
        with no context, log P(obj) of an object seen beside anything."""
        if not context:
            return self._logprob("context", ("\x00none",), obj)
        return float(np.mean([self._logprob("context", (c,), obj) for c in context]))

    def pair_count(self, kind: str, context: tuple[str, ...], target: str) -> int:
        """How often ``target`` was counted with ``context`` (hash collisions aside)."""
        return int(self.tables[kind][_PAIRS, tables.slot_of((*context, target), f"cooccur:{kind}:pair", self.bits)])

    def __getstate__(self) -> dict:
        """Only the used slots: the counts travel between pipeline stages (a side input,
        each task's counts to the combiner), and the dense tables are 19 MB of mostly zeros."""
        used = {kind: np.flatnonzero(table.any(axis=0)) for kind, table in self.tables.items()}
        return {"bits": self.bits, "graphs": self.graphs, "totals": dict(self.totals),
                "used": {kind: (at, self.tables[kind][:, at]) for kind, at in used.items()}}

    def __setstate__(self, state: dict) -> None:
        self.bits, self.graphs, self.totals, self._derived = state["bits"], state["graphs"], state["totals"], {}
        self.tables = {}
        for kind in _KINDS:
            table = np.zeros((3, 1 << self.bits), dtype=np.uint32)
            at, values = state["used"][kind]
            table[:, at] = values
            self.tables[kind] = table

    # ------------------------------------------------------------------ files

    def to_arrays(self, prefix: str = "") -> dict[str, np.ndarray]:
        meta = np.array([FORMAT_VERSION, self.bits, self.graphs, *(self.totals[k] for k in _KINDS)], dtype=np.int64)
        return {prefix + "meta": meta, **{prefix + kind: self.tables[kind] for kind in _KINDS}}

    @classmethod
    def from_arrays(cls, arrays: dict, source: str = "", prefix: str = "") -> "Cooccurrence":
        where = source or "<bytes>"
        meta = tables.require(arrays, prefix + "meta", np.int64, (3 + len(_KINDS),), source)
        version, bits, graphs, *totals = (int(v) for v in meta)
        if version != FORMAT_VERSION:
            raise FormatError(f"{where}: co-occurrence format version {version}, expected {FORMAT_VERSION}")
        if not 8 <= bits <= 32 or graphs < 0 or min(totals) < 0:
            raise FormatError(f"{where}: bad co-occurrence header {meta.tolist()}")
        stats = cls.__new__(cls)
        stats.bits, stats.graphs, stats._derived = bits, graphs, {}
        stats.totals = dict(zip(_KINDS, totals))
        stats.tables = {}
        for kind in _KINDS:
            table = tables.require(arrays, prefix + kind, np.uint32, (3, 1 << bits), source).copy()
            if bits < 32 and int(table[_OWNERS].max(initial=0)) >> bits:
                raise FormatError(f"{where}: table {prefix + kind!r} points outside its context table")
            stats.tables[kind] = table
        return stats

    def to_bytes(self) -> bytes:
        return tables.pack_arrays(self.to_arrays())

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "") -> "Cooccurrence":
        return cls.from_arrays(tables.unpack_arrays(data, source), source)


class InContext(Mapping):
    """word -> how often the corpus's graphs had it with one context (an object's name for
    attributes, (subject, object) names for predicates): what ``sampling.choose`` weighs a
    replacement by when the corpus's co-occurrences are known."""

    def __init__(self, stats: Cooccurrence, kind: str, context: tuple[str, ...]):
        self.stats, self.kind, self.context = stats, kind, context

    def __getitem__(self, word: str) -> int:
        return self.stats.pair_count(self.kind, self.context, word)

    def get(self, word, default=0):
        return self[word]

    def __iter__(self) -> Iterator[str]:       # a view: looked up, never listed
        return iter(())

    def __len__(self) -> int:
        return 0


class CorpusCounts(dict):
    """The corpus vocabulary pass's answer: ``{kind: {word: count}}`` (vocab.json, what
    replacements are drawn by) and the co-occurrences counted from the same graphs
    (cooccur.npz): ``in_context`` gives the counts a draw in a given context follows."""

    def __init__(self, counts: Mapping = {}, cooccurrence: Optional[Cooccurrence] = None):
        super().__init__(counts)            # (copies, e.g. dataclasses.asdict's, keep the counts alone)
        self.cooccurrence = cooccurrence

    def in_context(self, kind: str, context: tuple[str, ...]) -> Mapping:
        if self.cooccurrence is None:
            return self
        return {kind: InContext(self.cooccurrence, kind, context)}
