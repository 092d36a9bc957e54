"""The training loader against open_clip's own webdataset pipeline on the same image shards.
Not a test; needs the [train] extra.

    python bench/loader_throughput.py [--samples 2000] [--rounds 3] [--workers 0] [--out bench/results]

Builds img2dataset-format shards (256x256 JPEGs, img2dataset's default size, drawn with shapes
and noise so they decode like photos; CC3M validation captions when ../shared is present, else
the embedded sample's), runs ``sgshards run --preset img2dataset`` on them for the sidecar, then
times, alternately in fresh processes, whole passes over the shards:

- baseline: open_clip's ``get_wds_dataset`` chain (decode ``pilrgb``, rename, the ViT-B-32
  transform, tokenise the caption, ``to_tuple``, ``batched``);
- sgshards: ``sgshards.train.data.pipeline`` over the image and sidecar shards (lockstep join,
  decode, the same transform, tokenise caption + up to 3 sub-graph positives + up to 6
  negatives, collate with masks).

Neither shuffles.  Reports samples per second (start-up excluded: the pass itself, from the
first ``next`` to the last batch) and the ratio per round; the target is >= 0.8x.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
CC3M = Path(os.environ.get("SGSHARDS_SHARED", ROOT.parent / "shared")) / "data" / "captions" / "cc3m_val.tsv"
SAMPLE = ROOT / "sgshards" / "data" / "sample_cc12m.tsv"
PER_SHARD = 500

PASS = r"""
import sys, time, json
import open_clip, webdataset as wds
kind, images, sidecar, workers, batch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
_, preprocess, _ = open_clip.create_model_and_transforms("ViT-B-32")     # random weights: only the transform
tokenizer = open_clip.get_tokenizer("ViT-B-32")
if kind == "baseline":
    pipe = wds.DataPipeline(wds.SimpleShardList(images), wds.split_by_worker, wds.tarfile_to_samples(),
        wds.decode("pilrgb"), wds.rename(image="jpg;png;jpeg;webp", text="txt"),
        wds.map_dict(image=preprocess, text=lambda text: tokenizer(text)[0]), wds.to_tuple("image", "text"),
        wds.batched(batch, partial=True))
else:
    from sgshards.train import data
    pipe = data.pipeline(images, sidecar, tokenizer=tokenizer, preprocess=preprocess, batch_size=batch,
                         shuffle=0, partial=True)
loader = wds.WebLoader(pipe, batch_size=None, shuffle=False, num_workers=workers)
stream = iter(loader)
start = time.perf_counter()
count = 0
for b in stream:
    count += len(b[0]) if kind == "baseline" else len(b.keys)
print(json.dumps({"samples": count, "seconds": time.perf_counter() - start}))
"""


def captions(n: int) -> list:
    source = CC3M if CC3M.exists() else SAMPLE
    column = 0 if source == CC3M else 1
    with open(source, encoding="utf-8") as f:
        pool = [line.rstrip("\n").split("\t")[column] for line in f if line.strip()]
    return [pool[i % len(pool)] for i in range(n)]


def photo_like(seed: int) -> bytes:
    import io
    import random

    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter
    rng = random.Random(seed)
    noise = np.random.default_rng(seed).integers(0, 256, (64, 64, 3), dtype=np.uint8)
    image = Image.fromarray(noise).resize((256, 256), Image.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(256), rng.randrange(256)
        draw.ellipse([x, y, x + rng.randrange(10, 120), y + rng.randrange(10, 120)],
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(1)).save(out, format="JPEG", quality=90)
    return out.getvalue()


def build(folder: Path, n: int) -> tuple[str, str]:
    import io
    import tarfile
    texts = captions(n)
    images = folder / "IMG"
    images.mkdir(parents=True)
    shards = (n + PER_SHARD - 1) // PER_SHARD
    for shard in range(shards):
        with tarfile.open(images / f"{shard:05d}.tar", "w") as tar:
            for i in range(shard * PER_SHARD, min(n, (shard + 1) * PER_SHARD)):
                key = f"{shard:05d}{i % PER_SHARD:04d}"
                meta = json.dumps({"key": key, "caption": texts[i], "status": "success"}).encode()
                for ext, data in (("jpg", photo_like(i)), ("txt", texts[i].encode()), ("json", meta)):
                    info = tarfile.TarInfo(f"{key}.{ext}")
                    info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
    subprocess.run([sys.executable, "-m", "sgshards", "run", "--preset", "img2dataset", "--input",
                    str(images / "*.tar"), "--output", str(folder / "SG")], check=True)
    pattern = f"{{00000..{shards - 1:05d}}}.tar"
    return str(images / pattern), str(folder / "SG" / pattern)


def one_pass(kind: str, images: str, sidecar: str, workers: int, batch: int) -> dict:
    done = subprocess.run([sys.executable, "-c", PASS, kind, images, sidecar, str(workers), str(batch)],
                          check=True, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {**result, "rate": round(result["samples"] / result["seconds"], 1)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--samples", type=int, default=2000)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--workers", type=int, default=0)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        images, sidecar = build(Path(tmp), args.samples)
        rounds = []
        for r in range(args.rounds):
            base = one_pass("baseline", images, sidecar, args.workers, args.batch_size)
            ours = one_pass("sgshards", images, sidecar, args.workers, args.batch_size)
            rounds.append({"baseline": base, "sgshards": ours, "ratio": round(ours["rate"] / base["rate"], 3)})
            print(f"round {r}: open_clip pipeline {base['rate']} samples/s ({base['samples']}), "
                  f"sgshards loader {ours['rate']} samples/s ({ours['samples']}): {rounds[-1]['ratio']}x", flush=True)
    summary = {"samples": args.samples, "workers": args.workers, "batch_size": args.batch_size,
               "captions": "cc3m_val" if CC3M.exists() else "embedded sample", "rounds": rounds,
               "median_ratio": median(r["ratio"] for r in rounds)}
    print(f"median ratio {summary['median_ratio']}x")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / f"loader_throughput_w{args.workers}.json").write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
