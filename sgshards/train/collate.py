"""Samples -> fixed-shape training batches: tokenised positives and negatives with masks.

A batch of B samples (``Batch``) holds, with L the tokenizer's context length:

    image              [B, 3, H, W]  float, the preprocessed images (None for text-only samples)
    positives          [B, 1+P, L]   long, slot 0 the caption, then up to P sub-graph positives
    positive_mask      [B, 1+P]      bool, real slots
    negatives          [B, N, L]     long, up to N hard negatives
    negative_mask      [B, N]        bool
    negative_type      [B, N]        long, index into schemas.record.NEGATIVE_TYPES (-1: none)
    negative_positive  [B, N]        long, the positive slot each negative perturbs (-1: none or
                                     a positive not kept in this batch)
    keys               B strings

The caps (P, N) are a ``Curriculum``'s: MosaiCLIP trains first with at most one sub-graph
positive and one negative per image, then with the full sets.  Which positives and negatives
fill the slots is drawn per (seed, epoch, key), so an epoch is reproducible and the next one
sees other sub-graphs.  Padding slots hold zeros and are masked out.
"""
from __future__ import annotations

import multiprocessing
import random
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

import torch
from torch import Tensor

from ..schemas.record import NEGATIVE_TYPES

Tokenizer = Callable[[list], Tensor]       # texts -> [n, L] token ids (open_clip's tokenizers)
TYPE_INDEX = {name: i for i, name in enumerate(NEGATIVE_TYPES)}


@dataclass
class Batch:
    image: Optional[Tensor]
    positives: Tensor
    positive_mask: Tensor
    negatives: Tensor
    negative_mask: Tensor
    negative_type: Tensor
    negative_positive: Tensor
    keys: list

    def to(self, device) -> "Batch":
        moved = {name: (value.to(device, non_blocking=True) if isinstance(value, Tensor) else value)
                 for name, value in vars(self).items()}
        return Batch(**moved)


class Curriculum:
    """The caps (P, N) and the epoch, shared with data-loader worker processes (like open_clip's
    ``SharedEpoch``), so ``set_epoch`` in the training loop reaches collation in the workers.

    ``stages``: ``[(epochs, P, N), ...]``; the last stage's caps hold after the stages end.
    ``Curriculum([(1, 1, 1), (0, 3, 6)])``: epoch 0 at most 1 sub-graph positive and
    1 negative per image, then 3 and 6 (MosaiCLIP's schedule, one epoch of warm-up).
    """

    def __init__(self, stages: Sequence[tuple[int, int, int]] = ((0, 3, 6),)):
        if not stages or any(min(stage) < 0 for stage in stages):
            raise ValueError(f"curriculum stages must be (epochs, P, N) with no negative number: {stages!r}")
        self.stages = [tuple(int(x) for x in stage) for stage in stages]
        self._epoch = multiprocessing.Value("i", 0)

    @property
    def epoch(self) -> int:
        return self._epoch.value

    def set_epoch(self, epoch: int) -> None:
        self._epoch.value = epoch

    # open_clip's SharedEpoch interface: DataInfo(loader, shared_epoch=curriculum) sets the epoch
    set_value = set_epoch

    def get_value(self) -> int:
        return self.epoch

    def caps(self, epoch: Optional[int] = None) -> tuple[int, int]:
        """(P, N) for ``epoch`` (default: the current one)."""
        epoch = self.epoch if epoch is None else epoch
        start = 0
        for epochs, positives, negatives in self.stages:
            start += epochs
            if epoch < start:
                return positives, negatives
        return self.stages[-1][1], self.stages[-1][2]

    @property
    def max_caps(self) -> tuple[int, int]:
        """The largest caps of any stage: the tensor shapes, fixed for the whole run."""
        return max(s[1] for s in self.stages), max(s[2] for s in self.stages)


def choose(record: dict, positives: int, negatives: int, rng: random.Random) -> tuple[list, list]:
    """The caption and up to ``positives`` sub-graph positives (record indices, caption first),
    and up to ``negatives`` record negatives, drawn with ``rng``: negatives of the kept
    positives first (each negative's positive is in the batch beside it), then the others."""
    sub_graphs = [i for i, p in enumerate(record["positives"]) if i and p["kind"] != "caption"]
    kept = [0] + sorted(rng.sample(sub_graphs, min(positives, len(sub_graphs))))
    pool = record["negatives"]
    paired = [i for i, n in enumerate(pool) if n["positive"] in kept]
    others = [i for i, n in enumerate(pool) if n["positive"] not in kept]
    rng.shuffle(paired)
    rng.shuffle(others)
    return kept, [pool[i] for i in sorted((paired + others)[:negatives])]


class Collator:
    """Samples -> ``Batch``.  A sample is a dict with ``record`` (an sgshards record), ``image``
    (a preprocessed tensor, or None) and ``__key__``; the tensor shapes are the curriculum's
    largest caps, so they never change during a run."""

    def __init__(self, tokenizer: Tokenizer, curriculum: Optional[Curriculum] = None, seed: int = 0,
                 cache_size: int = 65536):
        self.tokenizer, self.seed = tokenizer, seed
        self.curriculum = curriculum or Curriculum()
        # token rows of texts seen before: sub-graph positives and negatives ("a man", "the sky")
        # repeat across a corpus, and tokenising is most of collation's cost; oldest out first
        self.cache: dict = {}
        self.cache_size = cache_size

    def tokenize(self, texts: list) -> Tensor:
        """[len(texts), L] token rows, the tokenizer called once on the texts not in the cache."""
        if not texts:
            return torch.zeros((0, 1), dtype=torch.long)
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        new = dict(zip(missing, self.tokenizer(missing))) if missing else {}
        rows = torch.stack([new[t] if t in new else self.cache[t] for t in texts])
        for text, row in new.items() if self.cache_size > 0 else ():
            if len(self.cache) >= self.cache_size:
                del self.cache[next(iter(self.cache))]
            self.cache[text] = row.clone()           # not a view: the batch's tensor is not kept
        return rows

    def __call__(self, samples: list) -> Batch:
        slots, negative_slots = self.curriculum.max_caps
        positives_cap, negatives_cap = self.curriculum.caps()
        epoch = self.curriculum.epoch
        texts: list = []
        where: list = []              # (sample, kind, slot) of each text
        types = torch.full((len(samples), negative_slots), -1, dtype=torch.long)
        perturbed = torch.full((len(samples), negative_slots), -1, dtype=torch.long)
        for b, sample in enumerate(samples):
            record = sample["record"]
            rng = random.Random(f"{self.seed}:{epoch}:{sample['__key__']}")
            kept, negatives = choose(record, positives_cap, negatives_cap, rng)
            slot_of = {index: slot for slot, index in enumerate(kept)}
            for slot, index in enumerate(kept):
                texts.append(record["positives"][index]["text"])
                where.append((b, 0, slot))
            for slot, negative in enumerate(negatives):
                texts.append(negative["text"])
                where.append((b, 1, slot))
                types[b, slot] = TYPE_INDEX.get(negative["type"], -1)
                perturbed[b, slot] = slot_of.get(negative["positive"], -1)
        tokens = self.tokenize(texts)
        length = tokens.shape[1]
        out = [torch.zeros((len(samples), 1 + slots, length), dtype=tokens.dtype),
               torch.zeros((len(samples), negative_slots, length), dtype=tokens.dtype)]
        masks = [torch.zeros((len(samples), 1 + slots), dtype=torch.bool),
                 torch.zeros((len(samples), negative_slots), dtype=torch.bool)]
        for row, (b, kind, slot) in enumerate(where):
            out[kind][b, slot] = tokens[row]
            masks[kind][b, slot] = True
        images = [sample.get("image") for sample in samples]
        image = torch.stack(images) if images and all(i is not None for i in images) else None
        return Batch(image, out[0], masks[0], out[1], masks[1], types, perturbed,
                     [sample["__key__"] for sample in samples])
