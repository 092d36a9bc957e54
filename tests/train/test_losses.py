"""The losses against naive loops over images and texts: values and gradients, with masks
and padding, and across two gloo processes as open_clip gathers features."""
import math

import pytest

torch = pytest.importorskip("torch")
import torch.nn.functional as F  # noqa: E402

from sgshards.train.losses import Distributed, clip_loss, mosaiclip_loss, negclip_loss  # noqa: E402

SCALE = 7.5


def features(*shape, seed):
    g = torch.Generator().manual_seed(seed)
    return F.normalize(torch.randn(*shape, generator=g), dim=-1)


def example(batch=4, slots=3, negatives=4, dim=8, seed=0):
    """Leaf tensors with ragged masks: one image with only its caption, one with no negative."""
    image = features(batch, dim, seed=seed).requires_grad_()
    positives = features(batch, slots, dim, seed=seed + 1).requires_grad_()
    negs = features(batch, negatives, dim, seed=seed + 2).requires_grad_()
    positive_mask = torch.ones(batch, slots, dtype=torch.bool)
    positive_mask[0, 1:] = False
    positive_mask[2, 2] = False
    negative_mask = torch.ones(batch, negatives, dtype=torch.bool)
    negative_mask[1, :] = False
    negative_mask[3, 3] = False
    return image, positives, positive_mask, negs, negative_mask


def sim(a, b):
    return SCALE * (a * b).sum()


def reference_mosaiclip(image, positives, positive_mask, negatives, negative_mask):
    """Section 3 of MosaiCLIP, written as loops."""
    texts, owners = [], []
    for b in range(image.shape[0]):
        for k in range(positives.shape[1]):
            if positive_mask[b, k]:
                texts.append(positives[b, k])
                owners.append(b)
    positive_count = len(texts)
    for b in range(image.shape[0]):
        for n in range(negatives.shape[1]):
            if negative_mask[b, n]:
                texts.append(negatives[b, n])
    i2t = []
    for b in range(image.shape[0]):
        denominator = sum(torch.exp(sim(image[b], t)) for t in texts)
        own = [-torch.log(torch.exp(sim(image[b], texts[k])) / denominator)
               for k in range(positive_count) if owners[k] == b]
        if own:
            i2t.append(sum(own) / len(own))
    t2i = []
    for k in range(positive_count):
        denominator = sum(torch.exp(sim(texts[k], image[j])) for j in range(image.shape[0]))
        t2i.append(-torch.log(torch.exp(sim(texts[k], image[owners[k]])) / denominator))
    return (sum(i2t) / len(i2t) + sum(t2i) / len(t2i)) / 2


def reference_negclip(image, caption, negatives, negative_mask):
    hard = [negatives[b, n] for b in range(negatives.shape[0]) for n in range(negatives.shape[1])
            if negative_mask[b, n]]
    batch = image.shape[0]
    i2t, t2i = [], []
    for i in range(batch):
        denominator = sum(torch.exp(sim(image[i], caption[j])) for j in range(batch)) \
            + sum((torch.exp(sim(image[i], h)) for h in hard), torch.tensor(0.0))
        i2t.append(-torch.log(torch.exp(sim(image[i], caption[i])) / denominator))
        denominator = sum(torch.exp(sim(caption[i], image[j])) for j in range(batch))
        t2i.append(-torch.log(torch.exp(sim(caption[i], image[i])) / denominator))
    return (sum(i2t) / batch + sum(t2i) / batch) / 2


def grads(loss, leaves):
    return torch.autograd.grad(loss, leaves)


def test_mosaiclip_matches_the_loops_in_value_and_gradient():
    image, positives, pmask, negs, nmask = example()
    ours = mosaiclip_loss(image, positives, pmask, negs, nmask, SCALE)
    ref = reference_mosaiclip(image, positives, pmask, negs, nmask)
    assert ours.item() == pytest.approx(ref.item(), rel=1e-5)
    for a, b in zip(grads(ours, [image, positives, negs]), grads(ref, [image, positives, negs])):
        assert torch.allclose(a, b, atol=1e-5)


def test_mosaiclip_ignores_padding_and_negatives_never_query():
    image, positives, pmask, negs, nmask = example()
    base = mosaiclip_loss(image, positives, pmask, negs, nmask, SCALE)
    noisy_p, noisy_n = positives.detach().clone(), negs.detach().clone()
    noisy_p[~pmask] = 5.0
    noisy_n[~nmask] = -3.0
    assert mosaiclip_loss(image, noisy_p, pmask, noisy_n, nmask, SCALE).item() == pytest.approx(base.item(), rel=1e-6)
    g_p, g_n = grads(base, [positives, negs])
    assert torch.all(g_p[~pmask] == 0) and torch.all(g_n[~nmask] == 0)
    # a negative is a key only: its gradient comes from image-to-text, so removing the
    # text-to-image half leaves it unchanged
    without_negatives = mosaiclip_loss(image, positives, pmask, None, None, SCALE)
    assert without_negatives.item() < base.item()


def test_mosaiclip_with_captions_only_is_clip():
    image, positives, _, _, _ = example()
    caption_only = torch.zeros(positives.shape[:2], dtype=torch.bool)
    caption_only[:, 0] = True
    assert mosaiclip_loss(image, positives, caption_only, None, None, SCALE).item() == pytest.approx(
        clip_loss(image, positives[:, 0], SCALE).item(), rel=1e-6)


def test_negclip_matches_the_loops_in_value_and_gradient():
    image, positives, _, negs, nmask = example(seed=3)
    caption = positives[:, 0]
    ours = negclip_loss(image, caption, negs, nmask, SCALE)
    ref = reference_negclip(image, caption, negs, nmask)
    assert ours.item() == pytest.approx(ref.item(), rel=1e-5)
    for a, b in zip(grads(ours, [image, positives, negs]), grads(ref, [image, positives, negs])):
        assert torch.allclose(a, b, atol=1e-5)


def test_clip_loss_of_perfect_alignment_is_small_and_of_a_shuffle_large():
    image = features(6, 16, seed=9)
    assert clip_loss(image, image, 100.0).item() < 1e-3
    assert clip_loss(image, image.roll(1, 0), 100.0).item() > math.log(6)


# ---- two processes ---------------------------------------------------------------------

WORLD = 2


def _rank_main(rank, init_file, out_dir):
    import torch.distributed as dist
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=WORLD)
    image, positives, pmask, negs, nmask = example(batch=6)
    half = slice(rank * 3, rank * 3 + 3)
    results = {}
    for with_grad in (False, True):
        for local in (False, True):
            parts = [image[half].detach().clone().requires_grad_(), positives[half].detach().clone().requires_grad_(),
                     negs[half].detach().clone().requires_grad_()]
            d = Distributed(rank, WORLD, with_grad, local)
            for name, loss in (
                    ("mosaiclip", mosaiclip_loss(parts[0], parts[1], pmask[half], parts[2], nmask[half], SCALE, d)),
                    ("negclip", negclip_loss(parts[0], parts[1][:, 0], parts[2], nmask[half], SCALE, d)),
                    ("clip", clip_loss(parts[0], parts[1][:, 0], SCALE, d))):
                g = torch.autograd.grad(loss, parts, allow_unused=True)
                results[(name, with_grad, local)] = (loss.item(), [None if x is None else x.detach() for x in g])
    torch.save(results, f"{out_dir}/rank{rank}.pt")
    dist.barrier()                 # neither rank tears gloo down while the other still talks (SIGABRT at exit)
    dist.destroy_process_group()


def test_two_gloo_processes_give_the_global_loss_and_its_gradient(tmp_path):
    import torch.multiprocessing as mp
    mp.spawn(_rank_main, args=(str(tmp_path / "init"), str(tmp_path)), nprocs=WORLD, join=True)
    ranks = [torch.load(tmp_path / f"rank{r}.pt") for r in range(WORLD)]
    image, positives, pmask, negs, nmask = example(batch=6)
    whole = {"mosaiclip": lambda: mosaiclip_loss(image, positives, pmask, negs, nmask, SCALE),
             "negclip": lambda: negclip_loss(image, positives[:, 0], negs, nmask, SCALE),
             "clip": lambda: clip_loss(image, positives[:, 0], SCALE)}
    for name, compute in whole.items():
        loss = compute()
        reference = torch.autograd.grad(loss, [image, positives, negs], allow_unused=True)
        for with_grad in (False, True):
            for local in (False, True):
                values = [ranks[r][(name, with_grad, local)][0] for r in range(WORLD)]
                if local:       # each rank its own queries; their mean is the global loss
                    assert sum(values) / WORLD == pytest.approx(loss.item(), rel=1e-5), (name, with_grad)
                else:
                    assert values == pytest.approx([loss.item()] * WORLD, rel=1e-5), (name, with_grad)
                if local and not with_grad:
                    continue    # as open_clip: without gather_with_grad a local loss's gradient is partial
                factor = WORLD if with_grad else 1      # the gathered copies' gradients are summed
                for r in range(WORLD):
                    half = slice(r * 3, r * 3 + 3)
                    for got, want in zip(ranks[r][(name, with_grad, local)][1], reference):
                        if want is None or got is None:
                            continue
                        assert torch.allclose(got, factor * want[half], atol=1e-5), (name, with_grad, local, r)
