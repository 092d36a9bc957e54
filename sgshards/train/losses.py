"""Contrastive losses over sgshards batches: CLIP, NegCLIP and MosaiCLIP.

Features are L2-normalised (open_clip's ``model(image, text)`` returns them so) and
``logit_scale`` is the multiplier itself (open_clip's ``logit_scale.exp()``).  Per process:
B images, 1+P positive slots per image (slot 0: the caption), N negative slots, D features;
the masks mark the real slots (``collate.Batch``).

- ``clip_loss``: InfoNCE both ways over the captions.
- ``negclip_loss`` (NegCLIP, Yuksekgonul et al. 2023): the CLIP loss with every real negative of
  the batch appended to the text side of image-to-text only.
- ``mosaiclip_loss`` (MosaiCLIP, Singh et al. 2023, section 3): the text side holds every real
  positive and negative of the batch; image-to-text averages, over an image's own positives k,
  -log(exp(s(i, k)) / sum over all texts); text-to-image has the positives as queries (never the
  negatives) against the images; the loss is the mean of the two.

Across processes (``Distributed``) the features are gathered the way open_clip's ``ClipLoss``
gathers them: ``gather_with_grad`` uses the differentiable all-gather, otherwise the other
ranks' features come without gradient and the local ones are put back with theirs;
``local_loss`` makes each rank's queries its own images and texts against all gathered
keys, scaled so that the ranks' mean is the loss of the whole global batch.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import torch
import torch.nn.functional as F
from torch import Tensor


@dataclass(frozen=True)
class Distributed:
    """How features cross processes (a ``torch.distributed`` group must be initialised)."""
    rank: int = 0
    world_size: int = 1
    gather_with_grad: bool = False
    local_loss: bool = False

    @classmethod
    def from_env(cls, gather_with_grad: bool = False, local_loss: bool = False) -> "Distributed":
        import torch.distributed as dist
        if not (dist.is_available() and dist.is_initialized()):
            return cls()
        return cls(dist.get_rank(), dist.get_world_size(), gather_with_grad, local_loss)

    def gather(self, tensor: Tensor) -> Tensor:
        """Every rank's ``tensor`` concatenated along dim 0, in rank order (same shapes on all)."""
        if self.world_size == 1:
            return tensor
        import torch.distributed as dist
        flag = tensor.dtype == torch.bool              # gloo gathers no bool tensors
        local = tensor.to(torch.uint8) if flag else tensor
        if self.gather_with_grad:
            from torch.distributed.nn import all_gather as differentiable_all_gather
            parts = list(differentiable_all_gather(local))
        else:
            parts = [torch.zeros_like(local) for _ in range(self.world_size)]
            dist.all_gather(parts, local)
            parts[self.rank] = local                   # the local slice keeps its gradient
        out = torch.cat(parts, dim=0)
        return out.bool() if flag else out


SINGLE = Distributed()


def clip_loss(image: Tensor, text: Tensor, logit_scale: Tensor | float,
              dist: Distributed = SINGLE) -> Tensor:
    """CLIP's loss; ``image`` [B, D], ``text`` [B, D] (the captions)."""
    return negclip_loss(image, text, None, None, logit_scale, dist)


def negclip_loss(image: Tensor, caption: Tensor, negatives: Optional[Tensor], negative_mask: Optional[Tensor],
                 logit_scale: Tensor | float, dist: Distributed = SINGLE) -> Tensor:
    """NegCLIP's loss; ``caption`` [B, D], ``negatives`` [B, N, D] with ``negative_mask`` [B, N]."""
    all_images, all_captions = dist.gather(image), dist.gather(caption)
    texts = all_captions
    if negatives is not None and negatives.shape[1]:
        all_negatives, all_mask = dist.gather(negatives), dist.gather(negative_mask)
        texts = torch.cat([all_captions, all_negatives[all_mask]])
    batch = image.shape[0]
    if dist.local_loss:
        labels = torch.arange(batch, device=image.device) + dist.rank * batch
        per_image = logit_scale * image @ texts.T
        per_caption = logit_scale * caption @ all_images.T
    else:
        labels = torch.arange(all_images.shape[0], device=image.device)
        per_image = logit_scale * all_images @ texts.T
        per_caption = logit_scale * all_captions @ all_images.T
    return (F.cross_entropy(per_image, labels) + F.cross_entropy(per_caption, labels)) / 2


def mosaiclip_loss(image: Tensor, positives: Tensor, positive_mask: Tensor,
                   negatives: Optional[Tensor], negative_mask: Optional[Tensor],
                   logit_scale: Tensor | float, dist: Distributed = SINGLE) -> Tensor:
    """MosaiCLIP's loss; ``positives`` [B, 1+P, D] with ``positive_mask`` [B, 1+P],
    ``negatives`` [B, N, D] with ``negative_mask`` [B, N] (or None)."""
    all_images = dist.gather(image)
    all_positives, all_positive_mask = dist.gather(positives), dist.gather(positive_mask)
    slots = all_positive_mask.shape[1]
    owners = torch.arange(all_images.shape[0], device=image.device).repeat_interleave(slots)
    owners = owners[all_positive_mask.reshape(-1)]                 # image of each real positive
    positive_texts = all_positives[all_positive_mask]              # [T+, D], image-major order
    texts = positive_texts
    if negatives is not None and negatives.shape[1]:
        all_negatives, all_negative_mask = dist.gather(negatives), dist.gather(negative_mask)
        texts = torch.cat([positive_texts, all_negatives[all_negative_mask]])
    with_positive = all_positive_mask.any(dim=1)
    if dist.local_loss:     # this rank's queries; the sums are divided by the global count / world size
        batch = image.shape[0]
        first, last = dist.rank * batch, (dist.rank + 1) * batch
        query_images, image_ids = image, torch.arange(first, last, device=image.device)
        local = (owners >= first) & (owners < last)
        query_texts, text_owners = positive_texts[local], owners[local]
        image_count = with_positive.sum() / dist.world_size
        text_count = owners.numel() / dist.world_size
    else:
        query_images, image_ids = all_images, torch.arange(all_images.shape[0], device=image.device)
        query_texts, text_owners = positive_texts, owners
        image_count, text_count = with_positive.sum(), owners.numel()
    # image -> text: the mean over the image's own positives of -log softmax over all texts
    log_p = F.log_softmax(logit_scale * query_images @ texts.T, dim=1)[:, : owners.numel()]
    own = (owners[None, :] == image_ids[:, None]).to(log_p.dtype)
    per_image = -(log_p * own).sum(dim=1) / own.sum(dim=1).clamp(min=1)
    image_to_text = per_image.sum() / image_count
    # text -> image: each positive (never a negative) against the images
    log_q = F.log_softmax(logit_scale * query_texts @ all_images.T, dim=1)
    text_to_image = -log_q.gather(1, text_owners[:, None]).sum() / text_count
    return (image_to_text + text_to_image) / 2
