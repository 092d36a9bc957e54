"""The example trains an open_clip model on sgshards run over img2dataset shards made here."""
import math
import subprocess
import sys

import pytest

pytest.importorskip("torch")
pytest.importorskip("open_clip")

from sgshards.train import example  # noqa: E402


def losses(capsys, *argv):
    assert example.main(list(argv)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith(f"step {i} loss ") for i, line in enumerate(lines))
    return [float(line.rsplit(" ", 1)[1]) for line in lines]


def urls(folder):
    return str(folder / "{00000..00001}.tar")


@pytest.mark.parametrize("loss", ["mosaiclip", "negclip", "clip"])
def test_each_loss_trains_on_sidecar_shards(shards, capsys, loss):
    root, _ = shards
    values = losses(capsys, "--images", urls(root / "IMG"), "--sidecar", urls(root / "SG"), "--model", "tiny",
                    "--steps", "3", "--batch-size", "8", "--device", "cpu", "--loss", loss)
    assert len(values) == 3 and all(math.isfinite(v) for v in values)


def test_the_loss_on_a_fixed_batch_goes_down(shards, capsys):
    root, _ = shards
    values = losses(capsys, "--images", urls(root / "AUG"), "--steps", "6", "--batch-size", "8",
                    "--repeat-batch", "--warmup", "1,1", "--lr", "1e-3")
    assert values[-1] < values[0] - 0.3, values


def test_the_curriculum_runs_across_epochs(shards, capsys):
    """22 records make two batches of 8 per epoch: 5 steps cross into the third epoch."""
    root, _ = shards
    values = losses(capsys, "--images", urls(root / "IMG"), "--sidecar", urls(root / "SG"),
                    "--steps", "5", "--warmup", "1,1", "--warmup-epochs", "1")
    assert len(values) == 5 and all(math.isfinite(v) for v in values)


def test_command_line_errors_are_one_line(shards, tmp_path):
    root, _ = shards
    done = subprocess.run([sys.executable, "-m", "sgshards.train.example", "--images", urls(root / "IMG"),
                           "--sidecar", str(root / "SG" / "{00001..00002}.tar"), "--steps", "1"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"sgshards.train.example: error: image shard {root}/IMG/00000.tar paired with sidecar "
        f"{root}/SG/00001.tar: names differ"]
    done = subprocess.run([sys.executable, "-m", "sgshards.train.example", "--images", urls(root / "IMG"),
                           "--sidecar", urls(root / "SG"), "--missing", "error", "--steps", "1"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "has no sgshards record (see the run's dead_letters/)" in done.stderr
    done = subprocess.run([sys.executable, "-m", "sgshards.train.example", "--images", urls(root / "IMG"),
                           "--sidecar", urls(root / "SG"), "--min-scene-score", "1.5", "--steps", "1"],
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.strip().splitlines()[-1] == (
        "python -m sgshards.train.example: error: --min-scene-score must be in [0, 1), not 1.5")


def test_a_stricter_scene_gate_trains(shards, capsys):
    root, _ = shards
    assert losses(capsys, "--images", urls(root / "IMG"), "--sidecar", urls(root / "SG"), "--steps", "1",
                  "--batch-size", "2", "--min-scene-score", "0.5")
