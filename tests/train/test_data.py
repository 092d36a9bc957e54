"""The loader over real sgshards output of img2dataset shards: lockstep join, the missing-record
policies, mixed shards, the old layout, collation with the curriculum, workers and sizes."""
import io
import json
import math
import tarfile

import pytest

torch = pytest.importorskip("torch")

from sgshards.schemas.layout import IMG2DATASET_MEMBERS, RECORD_MEMBER  # noqa: E402
from sgshards.schemas.record import NEGATIVE_TYPES  # noqa: E402
from sgshards.train import data  # noqa: E402
from sgshards.train.collate import Collator, Curriculum, choose  # noqa: E402

from .conftest import REJECTED  # noqa: E402


def tokenizer(texts):
    """A stand-in tokenizer: one id per word, context length 12."""
    out = torch.zeros((len(texts), 12), dtype=torch.long)
    for i, text in enumerate(texts):
        ids = [1 + (hash(w) % 1000) for w in text.split()][:12]
        out[i, : len(ids)] = torch.tensor(ids)
    return out


def names(tar_path):
    with tarfile.open(tar_path) as tar:
        return tar.getnames()


def urls(folder):
    return str(folder / "{00000..00001}.tar")


def test_sidecar_holds_only_records_in_the_image_shards_order(shards):
    root, order = shards
    sidecar = names(root / "SG" / "00000.tar") + names(root / "SG" / "00001.tar")
    assert all(n.split(".", 1)[1] == RECORD_MEMBER for n in sidecar)
    assert not {n.split(".", 1)[1] for n in sidecar} & IMG2DATASET_MEMBERS
    assert [n.split(".")[0] for n in sidecar] == [k for k in order if k not in REJECTED]
    # augment mode: the image shard's samples in their order, each with its members as they were
    # plus one record member
    augmented = names(root / "AUG" / "00000.tar")
    image = names(root / "IMG" / "00000.tar")
    assert sorted(n for n in augmented if not n.endswith(RECORD_MEMBER)) == sorted(image)
    assert list(dict.fromkeys(n.split(".")[0] for n in augmented)) == list(dict.fromkeys(n.split(".")[0] for n in image))


def test_webdataset_column_zip_of_image_and_sidecar_never_overwrites_a_member(shards):
    root, _ = shards
    images = list(data.tar_samples(str(root / "IMG" / "00000.tar")))
    records = {s["__key__"]: s for s in data.tar_samples(str(root / "SG" / "00000.tar"))}
    for image in images:
        if image["__key__"] in records:
            shared = set(image) & set(records[image["__key__"]])
            assert shared == {"__key__", "__url__"}


def joined(images, sidecar=None, missing="skip"):
    pairs = data.shard_pairs(urls(images), urls(sidecar) if sidecar else None)
    return list(data.joined_samples(pairs, missing))


def test_join_pairs_each_image_with_its_own_record(shards):
    root, order = shards
    samples = joined(root / "IMG", root / "SG")
    assert [s["__key__"] for s in samples] == [k for k in order if k not in REJECTED]
    for sample in samples:
        record = json.loads(sample[RECORD_MEMBER])
        assert record["key"] == sample["__key__"] and record["caption"] == sample["txt"].decode()
        assert "jpg" in sample


def test_missing_record_policies(shards):
    root, order = shards
    first_rejected = next(k for k in order if k in REJECTED)
    with pytest.raises(data.MissingRecordError, match=first_rejected):
        joined(root / "IMG", root / "SG", "error")
    kept = joined(root / "IMG", root / "SG", "caption")
    assert [s["__key__"] for s in kept] == order
    decoded = data.Decoder(images=False)(next(s for s in kept if s["__key__"] == first_rejected))
    assert decoded["record"]["negatives"] == [] and len(decoded["record"]["positives"]) == 1


def test_augment_mode_shards_read_alone(shards):
    root, order = shards
    samples = joined(root / "AUG")
    assert [s["__key__"] for s in samples] == [k for k in order if k not in REJECTED]
    assert len(joined(root / "AUG", missing="caption")) == len(order)


def rewrite(src, dst, change):
    """Copy tar ``src`` to ``dst`` with its members (name, bytes) list passed through ``change``."""
    with tarfile.open(src) as tar:
        members = [(m.name, tar.extractfile(m).read()) for m in tar]
    with tarfile.open(dst, "w") as tar:
        for name, payload in change(members):
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))


def test_mixed_or_reordered_sidecars_stop_the_run(shards, tmp_path):
    root, _ = shards
    image = str(root / "IMG" / "00000.tar")
    other = str(root / "SG" / "00001.tar")
    with pytest.raises(data.MixedShardsError, match="matches no image"):
        list(data.join_lockstep(data.tar_samples(image), data.tar_samples(other), image, other))
    rewrite(root / "SG" / "00000.tar", tmp_path / "00000.tar", lambda m: m[1:] + m[:1])
    with pytest.raises(data.MixedShardsError, match="different runs, or reordered"):
        list(data.join_lockstep(data.tar_samples(image), data.tar_samples(str(tmp_path / "00000.tar")),
                                image, str(tmp_path / "00000.tar")))
    with pytest.raises(data.TrainDataError, match="names differ"):
        data.shard_pairs(urls(root / "IMG"), [other, str(root / "SG" / "00000.tar")])


def test_old_layout_sidecar_still_reads(shards, tmp_path):
    """Schema 1.0 sidecar shards held {key}.json + {key}.txt."""
    root, order = shards
    legacy = tmp_path / "SG1"
    legacy.mkdir()

    def to_legacy(members):
        for name, payload in members:
            record = json.loads(payload)
            record["schema_version"] = "1.0"
            key = name.split(".")[0]
            yield f"{key}.json", json.dumps(record).encode()
            yield f"{key}.txt", record["caption"].encode()
    for stem in ("00000", "00001"):
        rewrite(root / "SG" / f"{stem}.tar", legacy / f"{stem}.tar", to_legacy)
    samples = joined(root / "IMG", legacy)
    assert [s["__key__"] for s in samples] == [k for k in order if k not in REJECTED]
    assert all(json.loads(s[RECORD_MEMBER])["scene_graph"] for s in samples)


def test_collated_batches_have_fixed_shapes_masks_and_the_curriculum(shards):
    root, _ = shards
    curriculum = Curriculum([(1, 1, 1), (0, 3, 6)])
    pipe = data.pipeline(urls(root / "IMG"), urls(root / "SG"), tokenizer=tokenizer, batch_size=5,
                         curriculum=curriculum, shuffle=0, partial=True, with_images=False)
    first = list(pipe)
    curriculum.set_epoch(1)
    second = list(pipe)
    for epoch, batches in ((0, first), (1, second)):
        assert sum(len(b.keys) for b in batches) == data.dataset_size(urls(root / "SG"))
        for batch in batches:
            size = len(batch.keys)
            assert batch.positives.shape == (size, 4, 12) and batch.negatives.shape == (size, 6, 12)
            assert batch.positive_mask[:, 0].all()
            cap_p, cap_n = (1, 1) if epoch == 0 else (3, 6)
            assert (batch.positive_mask.sum(1) <= 1 + cap_p).all() and (batch.negative_mask.sum(1) <= cap_n).all()
            assert torch.all(batch.positives[~batch.positive_mask] == 0)
            assert torch.all((batch.negative_type >= 0) == batch.negative_mask)
            assert int(batch.negative_type.max()) < len(NEGATIVE_TYPES)
            perturbed = batch.negative_positive[batch.negative_mask]
            assert (perturbed < 4).all()
    assert sum(int(b.positive_mask.sum()) for b in second) > sum(int(b.positive_mask.sum()) for b in first)
    assert sum(int(b.negative_mask.sum()) for b in second) > sum(int(b.negative_mask.sum()) for b in first)


def test_choose_keeps_each_negatives_positive_beside_it_first():
    import random
    record = {"positives": [{"text": "c", "kind": "caption"}] + [{"text": f"p{i}", "kind": "object"} for i in range(3)],
              "negatives": [{"text": f"n{i}", "type": "object_replace", "positive": i % 4} for i in range(8)]}
    for seed in range(20):
        kept, negatives = choose(record, 1, 2, random.Random(seed))
        assert kept[0] == 0 and len(kept) == 2
        assert all(n["positive"] in kept for n in negatives)


def test_collator_maps_negatives_to_their_positive_slot():
    record = {"key": "k", "positives": [{"text": "a red car", "kind": "caption"},
                                        {"text": "a car", "kind": "object"}],
              "negatives": [{"text": "a blue car", "type": "attribute_replace", "positive": 0},
                            {"text": "a bus", "type": "object_replace", "positive": 1}]}
    batch = Collator(tokenizer)([{"__key__": "k", "record": record, "image": torch.zeros(3, 2, 2)}])
    assert batch.image.shape == (1, 3, 2, 2)
    assert batch.positive_mask.tolist() == [[True, True, False, False]]
    slots = {int(t): int(p) for t, p in zip(batch.negative_type[0][:2], batch.negative_positive[0][:2])}
    assert slots == {NEGATIVE_TYPES.index("attribute_replace"): 0, NEGATIVE_TYPES.index("object_replace"): 1}
    assert torch.equal(batch.negatives[0, 0], tokenizer(["a blue car"])[0])


def test_two_workers_read_every_record_once_with_images(shards):
    root, _ = shards
    import numpy as np

    def preprocess(image):
        return torch.from_numpy(np.asarray(image.resize((16, 16)), dtype="float32")).permute(2, 0, 1)
    pipe = data.pipeline(urls(root / "IMG"), urls(root / "SG"), tokenizer=tokenizer, batch_size=4,
                         preprocess=preprocess, partial=True)
    keys = [k for batch in data.loader(pipe, workers=2) for k in batch.keys]
    assert sorted(keys) == sorted(s["__key__"] for s in joined(root / "IMG", root / "SG"))
    batch = next(iter(data.loader(pipe, workers=0)))
    assert batch.image.shape == (4, 3, 16, 16) and math.isfinite(float(batch.image.mean()))


def test_resampled_draws_forever_and_sizes_json_is_required(shards, tmp_path):
    root, _ = shards
    pipe = data.pipeline(urls(root / "IMG"), urls(root / "SG"), tokenizer=tokenizer, batch_size=4,
                         resampled=True, with_images=False)
    stream = iter(pipe)
    assert sum(len(next(stream).keys) for _ in range(12)) == 48      # more than the 22 records
    with pytest.raises(data.TrainDataError, match="sizes.json"):
        data.dataset_size(str(tmp_path / "00000.tar"))


def test_the_curriculum_is_open_clips_shared_epoch_and_reaches_workers(shards):
    root, _ = shards
    open_clip_data = pytest.importorskip("open_clip_train.data")
    curriculum = Curriculum([(2, 0, 1), (0, 2, 3)])
    pipe = data.pipeline(urls(root / "IMG"), urls(root / "SG"), tokenizer=tokenizer, batch_size=4,
                         curriculum=curriculum, with_images=False, partial=True)
    info = open_clip_data.DataInfo(data.loader(pipe, workers=1), shared_epoch=curriculum)
    counts = []
    for epoch in (1, 2):
        info.set_epoch(epoch)                    # open_clip's train_one_epoch does this
        batches = list(info.dataloader)          # collated in a worker process
        counts.append((max(int(b.positive_mask.sum(1).max()) for b in batches),
                       max(int(b.negative_mask.sum(1).max()) for b in batches)))
    assert counts == [(1, 1), (3, 3)]


def test_the_token_cache_gives_the_tokenizers_rows_and_stays_bounded():
    calls = []

    def counting(texts):
        calls.append(list(texts))
        return tokenizer(texts)
    collator = Collator(counting, cache_size=3)
    texts = ["a man", "the sky", "a man", "a dog", "a red car", "the sky"]
    assert torch.equal(collator.tokenize(texts), tokenizer(texts))
    assert calls == [["a man", "the sky", "a dog", "a red car"]]        # each new text once
    assert len(collator.cache) == 3
    assert torch.equal(collator.tokenize(["a red car", "a man"]), tokenizer(["a red car", "a man"]))
    assert calls[-1] == ["a man"]                                       # evicted first, asked again


def test_a_stricter_scene_gate_while_reading(shards):
    """min_scene_score: a record scored below it trains on its caption alone; unscored records pass."""
    root, order = shards
    samples = joined(root / "IMG", root / "SG")
    records = [data.Decoder(images=False)(s)["record"] for s in samples]
    scored = [r for r in records if r.get("scene_score") is not None and r["negatives"]]
    assert scored
    cut = max(r["scene_score"] for r in scored) + 0.01
    strict = [data.Decoder(images=False, min_scene_score=cut)(s)["record"] for s in samples]
    for loose, tight in zip(records, strict):
        if loose.get("scene_score") is None:
            assert tight == loose
        elif loose["scene_score"] < cut:
            assert tight["negatives"] == [] and [p["kind"] for p in tight["positives"]] == ["caption"]
            assert tight["positives"][0] == loose["positives"][0]
    with pytest.raises(data.TrainDataError, match="min_scene_score"):
        data.pipeline(urls(root / "IMG"), urls(root / "SG"), tokenizer=tokenizer, batch_size=2, min_scene_score=1.0)
