"""`sgshards run` reading from and writing to object stores (GCS and S3 servers on loopback).

A run on a bucket must produce what a local run produces: the same shards,
index files, stats and dead letters, byte for byte except for the input
path each record carries in ``source.file``.  Compressed inputs (.gz, .zst)
must give the same records as the plain file, and ``--resume`` must work
against a bucket and refuse an input object that changed.
"""
import gzip
import hashlib
import io
import json
import tarfile

import fsspec
import pytest
from webdataset import tariterators

from sgshards.pipeline.commands import cli
from sgshards.pipeline.outputs.shards import counts_of
from sgshards.pipeline.commands.validate import validate
from sgshards.schemas.record import dumps
from tests.pipeline.servers import gcs_endpoint, gs_store, s3_endpoint, s3_store  # noqa: F401 (fixtures)

# url<TAB>caption rows of my own; one blank caption and one row without a tab become dead letters.
ROWS = ["http://x/0.jpg\ta red car parked next to a blue house",
        "http://x/1.jpg\ta man riding an elephant",
        "http://x/2.jpg\t   ",
        "http://x/3.jpg\ttwo dogs lying on a green couch",
        "a row without any tab",
        "http://x/5.jpg\ta woman holding a black umbrella in the rain",
        "http://x/6.jpg\ta small boat on a calm lake",
        "http://x/7.jpg\ta cat sleeping under a wooden table"]
CAPTIONS_TSV = "".join(row + "\n" for row in ROWS).encode()
PARTS = {"part-0.tsv": "".join(r + "\n" for r in ROWS[:5]).encode(),
         "part-1.tsv": "".join(r + "\n" for r in ROWS[5:]).encode()}
RUN_ARGS = ["--caption-column", "1", "--url-column", "0", "--samples-per-shard", "3"]
COMPRESSIONS = (".gz", ".zst")


def compress(data: bytes, suffix: str) -> bytes:
    if suffix == ".gz":
        return gzip.compress(data, mtime=0)
    zstandard = pytest.importorskip("zstandard")
    return zstandard.ZstdCompressor().compress(data)


def run(input_url: str, output: str, *extra: str) -> int:
    return cli.main(["run", "--input", input_url, "--output", output, *RUN_ARGS, *extra])


def local_files(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def placeholder(input_path: str) -> bytes:
    """``<name>`` for an input path or URL, without a compression suffix."""
    name = input_path.rsplit("/", 1)[-1]
    for suffix in COMPRESSIONS:
        name = name.removesuffix(suffix)
    return f"<{name}>".encode()


def comparable(files: dict[str, bytes], inputs: list[str]) -> dict:
    """Output files with each input's location replaced by ``<file name>``.

    Tar shards become their member lists (name, header fields, data), since a
    different path length changes member sizes (and so the checksums the shard
    markers record, which are left out); every other file is compared as bytes.
    The manifest is left out (it names and fingerprints the inputs).
    """
    def swap(data: bytes) -> bytes:
        for path in inputs:
            data = data.replace(path.encode(), placeholder(path))
        return data

    out = {}
    for name, data in files.items():
        if name == "manifest.json":
            continue
        if name.endswith(".tar"):
            with tarfile.open(fileobj=io.BytesIO(data)) as tar:
                out[name] = [(m.name, m.mode, m.mtime, m.uid, m.gid, m.uname, m.gname,
                              swap(tar.extractfile(m).read())) for m in tar.getmembers()]
        elif name.endswith("_stats.json"):
            out[name] = swap(dumps(counts_of(json.loads(data))).encode())
        else:
            out[name] = swap(data)
    return out


def read_back(shard_urls: list[str]) -> list[dict]:
    """Samples from tar shards opened through fsspec and grouped by webdataset."""
    def streams():
        for url in shard_urls:
            with fsspec.open(url, "rb") as stream:
                yield {"url": url, "stream": stream}
    samples = tariterators.group_by_keys(tariterators.tar_file_expander(streams()))
    return [{"key": s["__key__"], "json": json.loads(s["sg.json"])} for s in samples]


@pytest.fixture(scope="module")
def local_runs(tmp_path_factory):
    """Reference runs on local files: the whole table, and the two parts by glob."""
    src = tmp_path_factory.mktemp("local-input")
    (src / "captions.tsv").write_bytes(CAPTIONS_TSV)
    for name, data in PARTS.items():
        (src / name).write_bytes(data)
    outs = tmp_path_factory.mktemp("local-output")
    runs = {}
    for name, pattern, inputs in (("single", "captions.tsv", ["captions.tsv"]), ("glob", "part-*.tsv", PARTS)):
        assert run(str(src / pattern), str(outs / name)) == 0
        runs[name] = comparable(local_files(outs / name), [str(src / i) for i in inputs])
    return runs


@pytest.fixture(params=["gs", "s3"])
def store(request):
    return request.getfixturevalue(f"{request.param}_store")


def test_local_reference_has_shards_and_dead_letters(local_runs):
    single = local_runs["single"]
    assert sorted(single) == ["00000.tar", "00000_index.parquet", "00000_stats.json",
                              "00001.tar", "00001_index.parquet", "00001_stats.json",
                              "00002.tar", "00002_index.parquet", "00002_stats.json", "blind_models.bin",
                              "dead_letters/00000.jsonl", "dead_letters/00001.jsonl",
                              "ngram.npz", "sizes.json", "stats.json"]
    dead = [json.loads(line) for line in single["dead_letters/00001.jsonl"].splitlines()]
    assert [(d["index"], d["reason"], d["source"]) for d in dead] == [
        (4, "malformed_row", {"file": "<captions.tsv>", "row": 4})]


@pytest.mark.parametrize("layout", ["single", "glob"])
def test_run_on_a_bucket_equals_the_local_run(store, local_runs, layout, capsys):
    """One plain object, or a glob over compressed parts (.gz and .zst) compared with plain local parts."""
    if layout == "single":
        inputs = [store.put("in/captions.tsv", CAPTIONS_TSV)]
        input_url = inputs[0]
    else:
        inputs = [store.put(f"in/{name}{suffix}", compress(data, suffix))
                  for (name, data), suffix in zip(PARTS.items(), COMPRESSIONS)]
        input_url = store.url("in/part-*.tsv.*")
    output = store.url("out")
    assert run(input_url, output) == 0
    assert "input 8 = written 6 + rejected 2" in capsys.readouterr().err

    files = store.files("out")
    assert "manifest.json" in files and not [n for n in files if n.endswith(".tmp")]
    assert comparable(files, inputs) == local_runs[layout]
    manifest = json.loads(files["manifest.json"])
    assert [i["path"] for i in manifest["inputs"]] == inputs
    assert all(i["marker"] for i in manifest["inputs"])           # md5 / etag recorded

    samples = read_back([store.url("out", n) for n in sorted(files) if n.endswith(".tar")])
    captions = [row.split("\t")[1] for row in ROWS if "\t" in row and row.split("\t")[1].strip()]
    assert [s["json"]["caption"] for s in samples] == captions
    assert samples[0]["json"]["source"] == {"file": inputs[0], "row": 0}
    assert {o["name"] for o in samples[0]["json"]["scene_graph"]["objects"]} == {"car", "house"}


@pytest.mark.parametrize("suffix", COMPRESSIONS)
def test_compressed_local_input_gives_the_plain_file_records(suffix, local_runs, tmp_path):
    path = tmp_path / f"captions.tsv{suffix}"
    path.write_bytes(compress(CAPTIONS_TSV, suffix))
    assert run(str(path), str(tmp_path / "out")) == 0
    # three shards from one compressed stream: shards 1 and 2 are reached by skipping records
    assert comparable(local_files(tmp_path / "out"), [str(path)]) == local_runs["single"]


def test_resume_on_a_bucket_redoes_only_uncommitted_shards_and_refuses_a_changed_input(store, capsys):
    input_url = store.put("in/captions.tsv", CAPTIONS_TSV)
    output = store.url("out")
    assert run(input_url, output) == 0
    before = store.files("out")
    kept = store.fs.info(f"{store.bucket}/out/00000.tar")

    store.fs.rm(f"{store.bucket}/out/00001_stats.json")      # as if killed before shard 1 committed
    store.put("out/00001.tar", b"truncated")
    store.fs.rm(f"{store.bucket}/out/stats.json")
    assert run(input_url, output, "--resume") == 0
    assert store.files("out") == before
    if "generation" in kept:                                  # GCS: shard 0 was not rewritten
        assert store.fs.info(f"{store.bucket}/out/00000.tar")["generation"] == kept["generation"]

    # same size, different content: only the store's md5/etag can tell
    changed = CAPTIONS_TSV.replace(b"red car", b"tan car")
    assert len(changed) == len(CAPTIONS_TSV)
    store.put("in/captions.tsv", changed)
    capsys.readouterr()
    assert run(input_url, output, "--resume") == 2
    assert "inputs changed" in capsys.readouterr().err
    assert store.files("out") == before


def test_resume_and_validate_on_a_bucket_check_the_recorded_checksums(store, capsys):
    input_url = store.put("in/captions.tsv", CAPTIONS_TSV)
    output = store.url("out")
    assert run(input_url, output) == 0
    before = store.files("out")
    assert validate(output).ok
    manifest = json.loads(before["manifest.json"])
    assert manifest["inputs"][0]["sha256"] == hashlib.sha256(b"%d\n" % len(CAPTIONS_TSV) + CAPTIONS_TSV).hexdigest()
    flipped = bytearray(before["00002.tar"])
    flipped[700] ^= 1
    store.put("out/00002.tar", bytes(flipped))
    store.put("out/00001.tar.0123456789ab.tmp", b"partial")
    assert "00002.tar: sha256 differs" in validate(output).format()
    store.fs.rm(f"{store.bucket}/out/stats.json")
    assert run(input_url, output, "--resume") == 0
    assert store.files("out") == before                        # redone, stale .tmp removed
    assert validate(output).ok
