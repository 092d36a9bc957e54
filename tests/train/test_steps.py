"""batch_loss: one model call on the real text slots, the same value as the loss on every slot."""
import pytest

torch = pytest.importorskip("torch")
import torch.nn.functional as F  # noqa: E402

from sgshards.train.collate import Batch  # noqa: E402
from sgshards.train.losses import clip_loss, mosaiclip_loss, negclip_loss  # noqa: E402
from sgshards.train.steps import batch_loss  # noqa: E402


class Toy(torch.nn.Module):
    """open_clip's forward contract: normalised features and the scale (tuple or dict)."""

    def __init__(self, as_dict=False):
        super().__init__()
        torch.manual_seed(0)
        self.image = torch.nn.Linear(12, 8)
        self.words = torch.nn.Embedding(50, 8)
        self.as_dict, self.calls = as_dict, []

    def encode_text(self, text):
        return F.normalize(self.words(text).mean(1), dim=-1)

    def forward(self, image, text):
        self.calls.append(text.shape[0])
        out = (F.normalize(self.image(image.flatten(1)), dim=-1), self.encode_text(text), torch.tensor(10.0))
        return dict(zip(("image_features", "text_features", "logit_scale"), out)) if self.as_dict else out


def toy_batch():
    g = torch.Generator().manual_seed(1)
    positive_mask = torch.tensor([[True, True, False], [True, False, False], [True, True, True]])
    negative_mask = torch.tensor([[True, False], [False, False], [True, True]])
    return Batch(torch.randn(3, 3, 2, 2, generator=g), torch.randint(1, 50, (3, 3, 5), generator=g), positive_mask,
                 torch.randint(1, 50, (3, 2, 5), generator=g), negative_mask, torch.zeros(3, 2, dtype=torch.long),
                 torch.zeros(3, 2, dtype=torch.long), ["a", "b", "c"])


@pytest.mark.parametrize("as_dict", [False, True])
def test_batch_loss_encodes_real_slots_once_and_equals_the_loss(as_dict):
    batch, model = toy_batch(), Toy(as_dict)
    image = F.normalize(model.image(batch.image.flatten(1)), dim=-1)
    every_positive = model.encode_text(batch.positives.flatten(0, 1)).view(3, 3, 8)
    every_negative = model.encode_text(batch.negatives.flatten(0, 1)).view(3, 2, 8)
    expected = {
        "mosaiclip": mosaiclip_loss(image, every_positive, batch.positive_mask, every_negative, batch.negative_mask, 10.0),
        "negclip": negclip_loss(image, every_positive[:, 0], every_negative, batch.negative_mask, 10.0),
        "clip": clip_loss(image, every_positive[:, 0], 10.0)}
    texts = {"mosaiclip": 6 + 3, "negclip": 3 + 3, "clip": 3}
    for name, value in expected.items():
        model.calls.clear()
        assert batch_loss(model, batch, name).item() == pytest.approx(value.item(), rel=1e-6)
        assert model.calls == [texts[name]]
    with pytest.raises(ValueError, match="loss must be one of"):
        batch_loss(model, batch, "triplet")
