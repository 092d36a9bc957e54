"""Train an open_clip model on sgshards shards: the loader, the losses and the curriculum in
one loop, printing ``step N loss X`` per step.

    python -m sgshards.train.example --images 'IMG/{00000..00001}.tar' \\
        --sidecar 'SG/{00000..00001}.tar' --model tiny --steps 3 --batch-size 8 --device cpu

``--model tiny`` is a small CLIP with random weights that trains on a CPU; any open_clip model
name (``ViT-B-32``, with ``--pretrained openai`` to start from released weights) runs the same
way on a GPU.  Without ``--sidecar`` the image shards are augment-mode output carrying
``{key}.sg.json``.  ``--repeat-batch`` trains on the first batch again and again (the loss
must go down: a check that the pieces fit).
"""
from __future__ import annotations

import argparse
import sys
from typing import Optional

import torch

from .collate import Curriculum
from .data import MISSING_POLICIES, TrainDataError, loader, pipeline
from .steps import LOSSES, batch_loss

TINY_IMAGE_SIZE = 64


def tiny_model():
    """A CLIP small enough for a CPU (two-layer towers, 64 wide, 64-pixel images)."""
    from open_clip.model import CLIP, CLIPTextCfg, CLIPVisionCfg
    vision = CLIPVisionCfg(layers=2, width=64, head_width=32, patch_size=16, image_size=TINY_IMAGE_SIZE)
    text = CLIPTextCfg(context_length=77, vocab_size=49408, width=64, heads=2, layers=2)
    return CLIP(embed_dim=32, vision_cfg=vision, text_cfg=text)


def model_and_transforms(name: str, pretrained: Optional[str]):
    """(model, training transform, tokenizer) for ``tiny`` or an open_clip model name."""
    import open_clip
    if name == "tiny":
        return (tiny_model(), open_clip.image_transform(TINY_IMAGE_SIZE, is_train=True),
                open_clip.get_tokenizer("ViT-B-32"))
    model, preprocess, _ = open_clip.create_model_and_transforms(name, pretrained=pretrained)
    return model, preprocess, open_clip.get_tokenizer(name)


def caps(text: str) -> tuple[int, int]:
    try:
        positives, negatives = (int(x) for x in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected P,N (two whole numbers), got {text!r}") from None
    return positives, negatives


def parse_args(argv) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m sgshards.train.example", description=__doc__.split("\n\n")[0])
    p.add_argument("--images", required=True, help="image shards, e.g. 'IMG/{00000..00009}.tar'")
    p.add_argument("--sidecar", default=None, help="sidecar shards of the same names (sidecar mode)")
    p.add_argument("--model", default="tiny", help="tiny (random weights, CPU) or an open_clip model name")
    p.add_argument("--pretrained", default=None, help="open_clip pretrained tag (not for tiny)")
    p.add_argument("--loss", choices=LOSSES, default="mosaiclip")
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--device", default="cpu")
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--caps", type=caps, default=(3, 6), metavar="P,N",
                   help="sub-graph positives and negatives per image (default 3,6, as MosaiCLIP)")
    p.add_argument("--warmup", type=caps, default=None, metavar="P,N",
                   help="caps for the first --warmup-epochs epochs (MosaiCLIP's curriculum: 1,1)")
    p.add_argument("--warmup-epochs", type=int, default=1)
    p.add_argument("--missing", choices=MISSING_POLICIES, default="skip",
                   help="an image without a record: skip it, stop, or train on its caption only")
    p.add_argument("--min-scene-score", type=float, default=0.0, metavar="P",
                   help="train on the caption alone of records whose scene_score is below P (default 0: as written)")
    p.add_argument("--workers", type=int, default=0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--repeat-batch", action="store_true", help="train on the first batch only")
    args = p.parse_args(argv)
    if args.steps < 1 or args.batch_size < 1:
        p.error("--steps and --batch-size must be at least 1")
    if not 0.0 <= args.min_scene_score < 1.0:
        p.error(f"--min-scene-score must be in [0, 1), not {args.min_scene_score}")
    return args


def batches(args, data_loader, curriculum: Curriculum):
    """Batches for ``args.steps`` steps, epoch after epoch (the curriculum follows the epoch)."""
    epoch = 0
    while True:
        curriculum.set_epoch(epoch)
        seen = False
        for batch in data_loader:
            seen = True
            yield batch
        if not seen:
            raise TrainDataError(f"no full batch of {args.batch_size} samples with a record in {args.images}")
        epoch += 1


def main(argv=None) -> int:
    args = parse_args(argv)
    torch.manual_seed(args.seed)
    model, preprocess, tokenizer = model_and_transforms(args.model, args.pretrained)
    model = model.to(args.device).train()
    stages = ([(args.warmup_epochs, *args.warmup)] if args.warmup else []) + [(0, *args.caps)]
    curriculum = Curriculum(stages)
    data = pipeline(args.images, args.sidecar, tokenizer=tokenizer, preprocess=preprocess,
                    batch_size=args.batch_size, curriculum=curriculum, seed=args.seed,
                    missing=args.missing, shuffle=0 if args.repeat_batch else 1000,
                    min_scene_score=args.min_scene_score)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.0)
    stream = batches(args, loader(data, args.workers), curriculum)
    first = None
    for step in range(args.steps):
        batch = first if first is not None else next(stream).to(args.device)
        if args.repeat_batch:
            first = batch
        loss = batch_loss(model, batch, args.loss)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(f"step {step} loss {loss.item():.4f}", flush=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except TrainDataError as exc:
        print(f"sgshards.train.example: error: {exc}", file=sys.stderr)
        sys.exit(2)
