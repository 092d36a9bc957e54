"""img2dataset output made by the test: real JPEGs, ``.txt`` captions, ``.json`` metadata, the
per-shard ``.parquet`` and ``_stats.json``, samples in download-completion (not key) order."""
import io
import json
import random
import tarfile

import pyarrow as pa
import pyarrow.parquet as pq

CAPTIONS = [
    "a red car parked next to a blue house",
    "a brown dog sitting on a wooden bench",
    "a woman holding a yellow umbrella in the rain",
    "two children playing with a ball on the grass",
    "a black cat sleeping on a white sofa",
    "a man riding a horse on the beach",
    "a small boat floating on a calm lake",
    "a girl in a red dress standing near a tree",
    "an old bridge over a narrow river",
    "a bowl of green apples on a kitchen table",
    "a cyclist riding past a tall building",
    "a white bird standing on a rock",
    "a young boy eating an ice cream cone",
    "a green tractor in a large field",
    "a chef cooking in a busy kitchen",
    "a black dog running on the snow",
    "a couple walking along the shore at sunset",
    "a cup of coffee next to a laptop",
    "a train crossing a stone bridge",
    "a little girl feeding ducks at the pond",
    "a man sitting on a bench reading a newspaper",
    "a red bus driving down a city street",
    "a horse standing in a green pasture",
    "a woman with a blue hat smiling at the camera",
]


def jpeg(seed: int, size: int = 48) -> bytes:
    from PIL import Image, ImageDraw
    rng = random.Random(seed)
    image = Image.new("RGB", (size, size), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(3):
        x, y = rng.randrange(size - 8), rng.randrange(size - 8)
        draw.rectangle([x, y, x + rng.randrange(4, 20), y + rng.randrange(4, 20)],
                       fill=tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def make_img2dataset(folder, shards=2, per_shard=12, captions=CAPTIONS, blank=()):
    """``folder/{00000..}.tar`` as img2dataset writes them; ``blank``: sample numbers whose
    caption is empty (sgshards rejects them, so their sidecar record is missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    order = []
    for shard in range(shards):
        numbers = list(range(per_shard))
        rng.shuffle(numbers)                           # download-completion order
        rows, buf = [], io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w") as tar:
            for n in numbers:
                index = shard * per_shard + n
                key = f"{shard:05d}{n:04d}"
                caption = "" if index in blank else captions[index % len(captions)]
                meta = {"url": f"http://example.com/{key}.jpg", "key": key, "status": "success",
                        "caption": caption, "error_message": None, "width": 48, "height": 48,
                        "original_width": 48, "original_height": 48}
                for ext, data in (("jpg", jpeg(index)), ("txt", caption.encode()), ("json", json.dumps(meta).encode())):
                    info = tarfile.TarInfo(f"{key}.{ext}")
                    info.size, info.mtime = len(data), 1_700_000_000
                    tar.addfile(info, io.BytesIO(data))
                rows.append(meta)
                order.append(key)
        (folder / f"{shard:05d}.tar").write_bytes(buf.getvalue())
        pq.write_table(pa.Table.from_pylist(rows), folder / f"{shard:05d}.parquet")
        (folder / f"{shard:05d}_stats.json").write_text(json.dumps({"count": per_shard, "successes": per_shard}))
    return order
