"""A webdataset pipeline over sgshards output, with open_clip's conventions.

Two layouts (``schemas.layout``):

- augment mode: the image shards themselves carry ``{key}.sg.json``;
- sidecar mode: image shards (img2dataset's) and sidecar shards of the same names, joined in
  lockstep: the sidecar holds its records in the image shard's member order, minus the samples
  sgshards rejected, so each record is matched to the image of the same key as both streams
  advance.  A record whose key is not in the image shard at or after the current sample
  (shards from different runs, or reordered) stops the run with ``MixedShardsError``.

An image sample without a record is handled by the ``missing`` policy: ``skip`` (default: the
sample is left out; sgshards rejected it and ``dead_letters/`` says why), ``error`` (raise
``MissingRecordError``), or ``caption`` (train on it with its own caption, img2dataset's ``.txt``,
as the only text: no sub-graph positive, no negative).

Shards are split with ``split_by_node`` and ``split_by_worker`` (or resampled with replacement,
``resampled=True``, for a fixed number of samples per epoch), samples shuffled in a buffer,
decoded, and collated into ``collate.Batch`` in the workers.  ``dataset_size`` reads
``sizes.json`` (written records per shard) for the sample count.
"""
from __future__ import annotations

import io
import json
import os
import random
from typing import Callable, Iterable, Iterator, Optional, Union

import webdataset as wds
from torch.utils.data import IterableDataset
from webdataset import gopen
from webdataset.tariterators import group_by_keys, tar_file_iterator
from webdataset.utils import make_seed, pytorch_worker_seed

from ..schemas.keys import safe_key
from ..schemas.layout import IMAGE_MEMBERS, LEGACY_CAPTION_MEMBER, RECORD_MEMBER, record_bytes
from .collate import Collator, Curriculum

MISSING_POLICIES = ("skip", "error", "caption")
SIZES_FILE = "sizes.json"
Urls = Union[str, list]


class TrainDataError(ValueError):
    """Shards that cannot be read as asked (one line, names the shard)."""


class MixedShardsError(TrainDataError):
    """A sidecar shard whose records do not follow its image shard."""


class MissingRecordError(TrainDataError):
    """An image sample without a record, under ``missing="error"``."""


def expand(urls: Urls) -> list:
    """Brace patterns (``'IMG/{00000..00009}.tar'``) and ``::``-joined lists to URLs."""
    return wds.shardlists.expand_urls(urls) if isinstance(urls, str) else list(urls)


def _stem(url: str) -> str:
    return os.path.basename(url.rstrip("/")).split(".", 1)[0]


def shard_pairs(images: Urls, sidecar: Optional[Urls] = None) -> list:
    """One dict per shard: ``{"url": image shard, "sidecar": its record shard or None}``;
    the two lists pair by position and must name the same shards."""
    image_urls = expand(images)
    if not image_urls:
        raise TrainDataError(f"no image shards in {images!r}")
    if sidecar is None:
        return [{"url": url, "sidecar": None} for url in image_urls]
    sidecar_urls = expand(sidecar)
    if len(sidecar_urls) != len(image_urls):
        raise TrainDataError(f"{len(image_urls)} image shards but {len(sidecar_urls)} sidecar shards")
    for image_url, sidecar_url in zip(image_urls, sidecar_urls):
        if _stem(image_url) != _stem(sidecar_url):
            raise TrainDataError(f"image shard {image_url} paired with sidecar {sidecar_url}: names differ")
    return [{"url": i, "sidecar": s} for i, s in zip(image_urls, sidecar_urls)]


class ShardList(IterableDataset):
    """The shard pairs in order, or, ``resampled``, drawn with replacement forever (seeded by
    worker, epoch and ``seed``, as webdataset's ``ResampledShards`` with ``deterministic``)."""

    def __init__(self, pairs: list, resampled: bool = False, seed: int = 0):
        self.pairs, self.resampled, self.seed, self.epoch = pairs, resampled, seed, -1

    def __iter__(self) -> Iterator[dict]:
        if not self.resampled:
            yield from (dict(pair) for pair in self.pairs)
            return
        self.epoch += 1
        rng = random.Random(make_seed(pytorch_worker_seed(), self.epoch, self.seed))
        while True:
            yield dict(self.pairs[rng.randrange(len(self.pairs))])


def tar_samples(url: str, handler: Callable = wds.reraise_exception) -> Iterator[dict]:
    """The samples of one tar as webdataset groups them (extension -> bytes, ``__key__``)."""
    stream = gopen(url)
    try:
        files = ({**f, "__url__": url} for f in tar_file_iterator(stream, handler=handler))
        yield from group_by_keys(files, handler=handler)
    finally:
        stream.close()


def join_lockstep(images: Iterable[dict], records: Iterable[dict], image_url: str, sidecar_url: str,
                  missing: str = "skip") -> Iterator[dict]:
    """Image samples with ``sg.json`` taken from the sidecar sample of the same key."""
    records = iter(records)
    pending = next(records, None)
    last = None
    for image in images:
        key = safe_key(image["__key__"])          # sgshards' key of the image's member names
        if pending is not None and pending["__key__"] == key:
            data = record_bytes(pending)
            if data is None:
                raise MixedShardsError(f"{sidecar_url}: sample {key} holds no sgshards record")
            yield {**image, RECORD_MEMBER: data}
            last, pending = key, next(records, None)
        else:
            yield from _without_record(image, missing, image_url)
    if pending is not None:
        where = f"after {last}" if last else "at its start"
        raise MixedShardsError(f"{sidecar_url}: record {pending['__key__']} matches no image of {image_url} "
                               f"{where} (shards from different runs, or reordered)")


def _without_record(image: dict, missing: str, url: str) -> Iterator[dict]:
    if missing == "error":
        raise MissingRecordError(f"{url}: sample {image['__key__']} has no sgshards record "
                                 "(see the run's dead_letters/)")
    if missing == "caption":
        yield image


def joined_samples(shards: Iterable[dict], missing: str = "skip",
                   handler: Callable = wds.reraise_exception) -> Iterator[dict]:
    """Pipeline stage: shard dicts -> samples carrying their record (``sg.json``)."""
    for shard in shards:
        images = tar_samples(shard["url"], handler)
        if shard.get("sidecar") is None:
            for image in images:
                if record_bytes(image) is not None:
                    yield image
                else:
                    yield from _without_record(image, missing, shard["url"])
        else:
            yield from join_lockstep(images, tar_samples(shard["sidecar"], handler), shard["url"],
                                     shard["sidecar"], missing)


def caption_only_record(sample: dict) -> dict:
    """The record of an image without one, under ``missing="caption"``: its own caption."""
    caption = sample.get(LEGACY_CAPTION_MEMBER)
    if caption is None:
        raise MissingRecordError(f"sample {sample['__key__']} has neither a record nor a caption")
    return {"key": sample["__key__"], "positives": [{"text": caption.decode("utf-8"), "kind": "caption"}],
            "negatives": []}


def below_scene_score(record: dict, min_scene_score: float) -> dict:
    """The record as a run with ``--min-scene-score min_scene_score`` would have written it: a caption
    scored below it keeps its caption positives alone (records without a score pass unchanged)."""
    score = record.get("scene_score")
    if score is None or score >= min_scene_score:
        return record
    return {**record, "positives": [p for p in record["positives"] if p["kind"] == "caption"], "negatives": []}


class Decoder:
    """A joined sample -> ``{"__key__", "image", "record"}``: the image decoded with PIL and
    passed through ``preprocess`` (open_clip's transform), the record parsed (and, with
    ``min_scene_score``, stripped to its caption when its scene score is below it)."""

    def __init__(self, preprocess: Optional[Callable] = None, images: bool = True, min_scene_score: float = 0.0):
        self.preprocess, self.images, self.min_scene_score = preprocess, images, min_scene_score

    def __call__(self, sample: dict) -> dict:
        data = record_bytes(sample)
        record = json.loads(data) if data is not None else caption_only_record(sample)
        if self.min_scene_score > 0.0:
            record = below_scene_score(record, self.min_scene_score)
        image = None
        if self.images:
            member = next((m for m in IMAGE_MEMBERS if m in sample), None)
            if member is None:
                raise TrainDataError(f"{sample.get('__url__')}: sample {sample['__key__']} has no image "
                                     f"({', '.join(IMAGE_MEMBERS)})")
            from PIL import Image
            with Image.open(io.BytesIO(sample[member])) as opened:
                image = opened.convert("RGB")
            if self.preprocess is not None:
                image = self.preprocess(image)
        return {"__key__": record.get("key", sample["__key__"]), "image": image, "record": record}


def pipeline(images: Urls, sidecar: Optional[Urls] = None, *, tokenizer: Callable, batch_size: int,
             preprocess: Optional[Callable] = None, curriculum: Optional[Curriculum] = None,
             seed: int = 0, resampled: bool = False, shuffle: int = 1000, missing: str = "skip",
             partial: bool = False, handler: Callable = wds.reraise_exception,
             with_images: bool = True, min_scene_score: float = 0.0) -> wds.DataPipeline:
    """The training pipeline: shards -> joined samples -> shuffled -> decoded -> ``Batch``es of
    ``batch_size`` (the last partial batch only with ``partial``).  ``handler`` is the error
    policy of webdataset's stages (``wds.warn_and_continue`` to skip a bad sample).
    ``min_scene_score``: a stricter scene gate than the run's, applied while reading (records whose
    ``scene_score`` is below it train on their caption alone; ``sgshards audit`` shows the shares)."""
    if missing not in MISSING_POLICIES:
        raise TrainDataError(f"missing must be one of {', '.join(MISSING_POLICIES)}, not {missing!r}")
    if not 0.0 <= min_scene_score < 1.0:
        raise TrainDataError(f"min_scene_score must be in [0, 1), not {min_scene_score!r}")
    stages: list = [ShardList(shard_pairs(images, sidecar), resampled, seed)]
    if not resampled:
        if shuffle:
            stages.append(wds.detshuffle(bufsize=len(stages[0].pairs), seed=seed))
        stages += [wds.split_by_node, wds.split_by_worker]
    stages.append(wds.pipelinefilter(joined_samples)(missing, handler))
    if shuffle:
        stages.append(wds.shuffle(shuffle, initial=min(shuffle, 100), seed=seed))
    stages += [wds.map(Decoder(preprocess, with_images, min_scene_score), handler=handler),
               wds.batched(batch_size, collation_fn=Collator(tokenizer, curriculum, seed), partial=partial)]
    return wds.DataPipeline(*stages)


def loader(data: wds.DataPipeline, workers: int = 0) -> wds.WebLoader:
    """A ``WebLoader`` over the already batched pipeline (open_clip's ``batch_size=None``)."""
    return wds.WebLoader(data, batch_size=None, shuffle=False, num_workers=workers,
                         persistent_workers=workers > 0)


def dataset_size(records: Urls) -> int:
    """The records in the given record shards (sidecar shards, or augment-mode image shards),
    from the ``sizes.json`` of their directories; ``TrainDataError`` when one is missing."""
    total, cache = 0, {}
    for url in expand(records):
        directory, name = url.rsplit("/", 1) if "/" in url else (".", url)
        if directory not in cache:
            path = f"{directory}/{SIZES_FILE}"
            try:
                with gopen(path) as f:
                    cache[directory] = json.load(f)
            except (OSError, ValueError) as exc:
                raise TrainDataError(f"cannot read {path} ({exc})") from None
        if name not in cache[directory]:
            raise TrainDataError(f"{directory}/{SIZES_FILE} does not list {name}")
        total += int(cache[directory][name])
    return total

