"""--overwrite deletes only what the previous run's manifest lists; an output that overlaps
the inputs or holds other files is refused unless the user says so (--allow-other-files),
and an output file is never an input."""
import json

import pytest

from sgshards.pipeline.commands import cli
from tests.pipeline.test_wds_inputs import make_shard

CAPTIONS = ["a red car parked next to a blue house", "a man riding an elephant",
            "two dogs lying on a green couch", "a woman holding a black umbrella in the rain",
            "a small boat on a calm lake"]


@pytest.fixture()
def tsv(tmp_path):
    path = tmp_path / "captions.tsv"
    path.write_text("".join(f"http://x/{i}.jpg\t{c}\n" for i, c in enumerate(CAPTIONS)))
    return path


def run(tsv, out, *extra, per_shard="2"):
    return cli.main(["run", "--input", str(tsv), "--caption-column", "1", "--output", str(out),
                     "--samples-per-shard", per_shard, *extra])


def snapshot(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_img2dataset_output_into_its_own_input_folder_is_refused_and_nothing_deleted(tmp_path, capsys,
                                                                                      monkeypatch):
    imgs = tmp_path / "imgs"
    imgs.mkdir()
    make_shard(imgs / "00000.tar")
    make_shard(imgs / "00001.tar")
    (imgs / "holiday_photos.tar").write_bytes(b"my holiday")
    before = snapshot(imgs)
    monkeypatch.chdir(tmp_path)
    argv = ["run", "--input", "imgs/0*.tar", "--preset", "img2dataset", "--mode", "augment",
            "--output", "imgs", "--overwrite"]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "holds files no sgshards manifest lists" in err and err.count("\n") == 1
    assert cli.main([*argv, "--allow-other-files"]) == 2       # an output file would be an input
    assert "would replace an input of this run" in capsys.readouterr().err
    assert snapshot(imgs) == before


def test_overwrite_deletes_the_previous_runs_files_and_their_temporaries_only(tsv, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(tsv, out) == 0                                 # 3 shards, with dead letters absent
    (out / "00002.tar.0123456789ab.tmp").write_bytes(b"stale")
    assert run(tsv, out, "--overwrite", per_shard="10") == 0    # 1 shard now
    names = set(snapshot(out))
    assert "00001.tar" not in names and "00002_stats.json" not in names
    assert not [n for n in names if n.endswith(".tmp")]
    reference = tmp_path / "reference"
    assert run(tsv, reference, per_shard="10") == 0
    assert snapshot(out) == snapshot(reference)


def test_other_files_are_refused_or_written_beside_and_never_deleted(tsv, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(tsv, out) == 0
    (out / "notes.txt").write_text("mine")
    (out / "00009.tar").write_bytes(b"not from sgshards")        # looks like a shard, not listed
    capsys.readouterr()
    assert run(tsv, out, "--overwrite") == 2
    err = capsys.readouterr().err
    assert "00009.tar" in err and "notes.txt" in err and "--allow-other-files" in err
    assert run(tsv, out, "--overwrite", "--allow-other-files") == 0
    assert (out / "notes.txt").read_text() == "mine"
    assert (out / "00009.tar").read_bytes() == b"not from sgshards"


def test_a_file_not_written_by_sgshards_is_never_replaced(tsv, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "00000.tar").write_bytes(b"someone else's shard")
    assert run(tsv, out, "--allow-other-files") == 2
    assert "not written by sgshards" in capsys.readouterr().err
    assert (out / "00000.tar").read_bytes() == b"someone else's shard"


def test_an_output_file_equal_to_an_input_is_refused_even_with_allow_other_files(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    table = out / "stats.json"                                     # a caption table named like a run file
    table.write_text("".join(f"http://x/{i}.jpg\t{c}\n" for i, c in enumerate(CAPTIONS)))
    assert cli.main(["run", "--input", str(table), "--input-format", "tsv", "--caption-column", "1",
                     "--output", str(out), "--allow-other-files"]) == 2
    assert "would replace an input" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["stats.json"]


def test_overwrite_never_deletes_a_file_the_run_reads(tsv, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(tsv, out, "--corpus-vocab") == 0
    vocab = (out / "vocab.json").read_bytes()
    capsys.readouterr()
    assert run(tsv, out, "--overwrite", "--vocab", str(out / "vocab.json")) == 2
    assert "--overwrite would delete vocab.json" in capsys.readouterr().err
    assert (out / "vocab.json").read_bytes() == vocab


def test_a_manifest_cannot_make_overwrite_delete_outside_the_output(tsv, tmp_path):
    out = tmp_path / "out"
    assert run(tsv, out) == 0
    victim = tmp_path / "victim.tar"
    victim.write_bytes(b"precious")
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["planned"]["stems"] = ["../victim", "00000", "00001", "00002"]
    (out / "manifest.json").write_text(json.dumps(manifest))
    assert run(tsv, out, "--overwrite") == 0
    assert victim.read_bytes() == b"precious"


def test_a_manifest_without_a_stem_list_still_names_its_shards(tsv, tmp_path):
    out = tmp_path / "out"
    assert run(tsv, out) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["planned"]["stems"] == ["00000", "00001", "00002"]
    del manifest["planned"]["stems"]                              # as written before the list was added
    (out / "manifest.json").write_text(json.dumps(manifest))
    assert run(tsv, out, "--overwrite", per_shard="10") == 0
    assert not (out / "00002.tar").exists()


def test_export_parts_inside_the_output_belong_to_the_run(tsv, tmp_path):
    out = tmp_path / "out"
    assert run(tsv, out, "--export-parquet", str(out / "export")) == 0        # 3 parts
    assert run(tsv, out, "--export-parquet", str(out / "export"), "--overwrite", per_shard="10") == 0
    assert sorted(p.name for p in (out / "export").iterdir()) == ["README.md", "part-00000.parquet"]
    assert run(tsv, out, "--export-parquet", str(out / "export"), "--resume", per_shard="10") == 0


def test_export_parts_outside_the_output_are_owned_only_by_the_run_that_wrote_them(tsv, tmp_path, capsys):
    export = tmp_path / "export"
    assert run(tsv, tmp_path / "a", "--export-parquet", str(export)) == 0        # 3 parts
    assert run(tsv, tmp_path / "a", "--export-parquet", str(export), "--overwrite", per_shard="10") == 0
    assert sorted(p.name for p in export.iterdir()) == ["README.md", "part-00000.parquet"]    # the old parts went
    capsys.readouterr()
    before = snapshot(export)
    assert run(tsv, tmp_path / "b", "--export-parquet", str(export)) == 2       # another run's parts
    assert "holds files no sgshards manifest lists" in capsys.readouterr().err
    assert run(tsv, tmp_path / "c", "--export-parquet", str(export), "--overwrite") == 2
    assert snapshot(export) == before


def test_an_export_directory_outside_the_output_is_locked_too(tsv, tmp_path, capsys):
    from sgshards.pipeline.outputs import lock

    export = tmp_path / "export"
    with lock.acquire(str(export)):
        assert run(tsv, tmp_path / "out", "--export-parquet", str(export)) == 1
    assert "locked by pid" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()                # nothing read or written before both locks
