"""Shared: img2dataset output made by the test, and sgshards run on it in both modes."""
import pytest

from sgshards.pipeline.commands import cli

from .img2dataset_shards import make_img2dataset

BLANK = (3, 17)             # empty captions: rejected by sgshards, no record in the sidecar
REJECTED = {f"{i // 12:05d}{i % 12:04d}" for i in BLANK}     # their keys (12 samples per shard)


@pytest.fixture(scope="session")
def shards(tmp_path_factory):
    """(root, keys in download order): root/IMG image shards, root/SG sidecar, root/AUG augment mode."""
    root = tmp_path_factory.mktemp("i2d")
    order = make_img2dataset(root / "IMG", blank=BLANK)
    assert cli.main(["run", "--preset", "img2dataset", "--input", str(root / "IMG" / "*.tar"),
                     "--output", str(root / "SG")]) == 0
    assert cli.main(["run", "--preset", "img2dataset", "--mode", "augment", "--input",
                     str(root / "IMG" / "*.tar"), "--output", str(root / "AUG")]) == 0
    return root, order
