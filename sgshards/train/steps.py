"""One training step's loss from an open_clip model and a ``collate.Batch``.

In open_clip's ``train_one_epoch`` the lines from ``images, texts = batch`` to ``losses =
loss(**model_out, output_dict=True)`` become ``batch = batch.to(device)`` and ``total_loss =
batch_loss(model, batch, "mosaiclip", dist)``: every real text of the batch (captions,
sub-graph positives, negatives) goes through the text tower in one call of the model.
"""
from __future__ import annotations

import torch
from torch import Tensor

from .collate import Batch
from .losses import SINGLE, Distributed, clip_loss, mosaiclip_loss, negclip_loss

LOSSES = ("mosaiclip", "negclip", "clip")


def scatter(features: Tensor, mask: Tensor) -> Tensor:
    """Features of the real slots [n, D] -> [*mask.shape, D], zeros in the padding."""
    out = features.new_zeros(*mask.shape, features.shape[-1])
    out[mask] = features
    return out


def features(model, image: Tensor, texts: Tensor) -> tuple[Tensor, Tensor, Tensor]:
    """(image features, text features, logit scale) from one call of ``model`` (an open_clip
    CLIP, or DDP around one: calling the module, not its ``encode_*``, keeps DDP's hooks)."""
    out = model(image, texts)
    if isinstance(out, dict):
        return out["image_features"], out["text_features"], out["logit_scale"]
    return out[0], out[1], out[2]


def batch_loss(model, batch: Batch, loss: str = "mosaiclip", dist: Distributed = SINGLE) -> Tensor:
    """The loss of ``batch`` under ``model`` (``features``); ``loss`` is one of ``LOSSES``.
    Only the real text slots go through the text tower."""
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {', '.join(LOSSES)}, not {loss!r}")
    positive_mask = batch.positive_mask.clone()
    if loss != "mosaiclip":                            # the captions (and, NegCLIP, the negatives)
        positive_mask[:, 1:] = False
    negative_mask = batch.negative_mask if loss != "clip" else torch.zeros_like(batch.negative_mask)
    tokens = [batch.positives[positive_mask], batch.negatives[negative_mask]]
    image, texts, scale = features(model, batch.image, torch.cat(tokens))
    positives = scatter(texts[: len(tokens[0])], positive_mask)
    negatives = scatter(texts[len(tokens[0]):], negative_mask)
    if loss == "clip":
        return clip_loss(image, positives[:, 0], scale, dist)
    if loss == "negclip":
        return negclip_loss(image, positives[:, 0], negatives, negative_mask, scale, dist)
    return mosaiclip_loss(image, positives, positive_mask, negatives, negative_mask, scale, dist)
