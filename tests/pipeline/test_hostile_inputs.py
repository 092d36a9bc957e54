"""The hostile corpus (tests/pipeline/hostile.py; TSV, CSV, gzipped CSV, JSONL, Parquet)
through `sgshards run` and `sgshards augment`:
every generated row comes out exactly once, as a sample or as a dead letter with the
reason its kind calls for, and the output directory passes `sgshards validate`."""
import json
import re
import tarfile
import unicodedata
from collections import Counter

import pytest

from sgshards.pipeline.commands import cli
from sgshards.schemas.jsonschema import KEY_PATTERN
from sgshards.schemas.outcomes import is_known
from tests.pipeline import hostile

SAMPLES_PER_SHARD = 5            # shards start mid-corpus: inside CRLF runs, after multi-line records
SAFE_KEY = re.compile(KEY_PATTERN)

FORMATS = {
    "tsv": (hostile.write_tsv, "corpus.tsv", ["--caption-column", "0", "--url-column", "1"]),
    "csv": (hostile.write_csv, "corpus.csv", ["--caption-column", "caption", "--url-column", "url"]),
    "jsonl": (hostile.write_jsonl, "corpus.jsonl", ["--url-column", "url", "--key-column", "id"]),
    "parquet": (hostile.write_parquet, "corpus.parquet", ["--url-column", "url"]),
    "csv.gz": (hostile.gzipped(hostile.write_csv), "corpus.csv.gz",
               ["--caption-column", "caption", "--url-column", "url"]),
}


def run(src, out, *options):
    return cli.main(["run", "--input", str(src), *options, "--output", str(out),
                     "--samples-per-shard", str(SAMPLES_PER_SHARD)])


def outcomes(out):
    """index -> ("written", caption, key) or (reason, stage, raw), read from shards and dead letters."""
    found: dict[int, list] = {}
    for tar_path in sorted(out.glob("*.tar")):
        with tarfile.open(tar_path) as tar:
            for member in tar:
                if member.name.endswith(".json"):
                    record = json.loads(tar.extractfile(member).read())
                    found.setdefault(record["source"]["row"], []).append(
                        (hostile.WRITTEN, record["caption"], record["key"]))
    for path in sorted((out / "dead_letters").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            letter = json.loads(line)
            found.setdefault(letter["index"], []).append((letter["reason"], letter["stage"], letter["raw"]))
    return found


def mismatches(rows, found):
    """Rows whose outcome is not the expected one, as readable tuples."""
    bad = []
    for i, row in enumerate(rows):
        got = found.get(i, [])
        if len(got) != 1:
            bad.append((i, row.kind, row.expect, f"{len(got)} outcomes"))
        elif got[0][0] != row.expect:
            bad.append((i, row.kind, row.expect, got[0][0]))
        elif row.expect == hostile.WRITTEN and row.check and not row.check(got[0][1]):
            bad.append((i, row.kind, row.check, got[0][1][:80]))
    extra = sorted(set(found) - set(range(len(rows))))
    return bad + [(i, "unexpected index", None, found[i]) for i in extra]


def assert_run_accounts_for(rows, out):
    stats = json.loads((out / "stats.json").read_text())
    expected_rejections = Counter(r.expect for r in rows if r.expect != hostile.WRITTEN)
    assert stats["input_records"] == len(rows)
    assert stats["written"] + stats["rejected_total"] == len(rows) and stats["conserved"]
    assert stats["rejected"] == dict(expected_rejections)
    found = outcomes(out)
    assert mismatches(rows, found) == []
    keys = [o[0][2] for o in found.values() if o[0][0] == hostile.WRITTEN]
    assert len(keys) == len(set(keys)) == stats["written"]
    assert all(SAFE_KEY.match(k) for k in keys), keys
    letters = [o[0] for o in found.values() if o[0][0] != hostile.WRITTEN]
    assert all(raw is not None and stage for _, stage, raw in letters)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """fmt -> (rows, output dir): each format's corpus is run once per module."""
    done = {}

    def get(fmt):
        if fmt not in done:
            write, name, options = FORMATS[fmt]
            base = tmp_path_factory.mktemp(fmt)
            rows = write(base / name)
            assert run(base / name, base / "out", *options) == 0
            done[fmt] = rows, base / "out"
        return done[fmt]
    return get


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_hostile_row_is_written_or_dead_lettered_with_its_reason(fmt, hostile_run):
    rows, out = hostile_run(fmt)
    assert_run_accounts_for(rows, out)
    assert len(list(out.glob("*.tar"))) == -(-len(rows) // SAMPLES_PER_SHARD)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_hostile_output_passes_validate(fmt, hostile_run, capsys):
    _, out = hostile_run(fmt)
    capsys.readouterr()
    assert cli.main(["validate", str(out)]) == 0, capsys.readouterr().out


def control_characters(value, where="", allowed=""):
    """(where, character) for every control character in a JSON-like value's strings."""
    if isinstance(value, dict):
        return [c for k, v in value.items() for c in control_characters(v, f"{where}.{k}", allowed)]
    if isinstance(value, list):
        return [c for i, v in enumerate(value) for c in control_characters(v, f"{where}[{i}]", allowed)]
    if isinstance(value, str):
        return [(where, ch) for ch in value if unicodedata.category(ch) == "Cc" and ch not in allowed]
    return []


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_control_character_reaches_an_output_field(fmt, hostile_run):
    """Captions are cleaned, URLs lose control characters, a dead letter's raw escapes
    them (tabs and line ends, which structure the record, stay)."""
    _, out = hostile_run(fmt)
    found = []
    for tar_path in sorted(out.glob("*.tar")):
        with tarfile.open(tar_path) as tar:
            for member in tar:
                text = tar.extractfile(member).read().decode("utf-8")
                value = json.loads(text) if member.name.endswith(".json") else text
                found += control_characters(value, f"{tar_path.name}:{member.name}")
    for path in sorted((out / "dead_letters").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            letter = json.loads(line)
            raw = letter.pop("raw")
            found += control_characters(letter, path.name) + control_characters(raw, path.name, "\t\r\n")
    assert found == []


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_emitted_reason_is_in_the_catalogue(fmt, hostile_run):
    """Dead letters, index rows and stats.json name only catalogued (stage, reason) pairs."""
    import pyarrow.parquet as pq

    _, out = hostile_run(fmt)
    letters = {(d["stage"], d["reason"]) for path in (out / "dead_letters").glob("*.jsonl")
               for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    index = {(r["stage"], r["reason"]) for path in out.glob("*_index.parquet")
             for r in pq.read_table(path).to_pylist() if r["status"] == "rejected"}
    assert letters and index == letters
    assert sorted(pair for pair in letters if not is_known(*pair)) == []
    assert set(json.loads((out / "stats.json").read_text())["rejected"]) == {reason for _, reason in letters}


def test_dead_letters_keep_the_raw_record(hostile_run):
    rows, out = hostile_run("tsv")
    found = outcomes(out)
    by_kind = {row.kind: found[i][0] for i, row in enumerate(rows)}
    assert by_kind["too_many_columns"] == ("malformed_row", "read", "a dog on a beach\thttp://x/1.jpg\textra")
    assert by_kind["invalid_utf8"] == ("invalid_utf8", "read", "a caf\ufffd on a street\thttp://x/2.jpg")
    assert by_kind["blank_last_line"] == ("blank_row", "read", "")
    reason, stage, raw = by_kind["100kb"]
    assert (reason, stage) == ("caption_too_long", "normalize") and raw.startswith(hostile.LONG_100KB + "\t")


def test_augment_gives_one_line_per_input_line(tmp_path, capsys):
    src = tmp_path / "captions.txt"
    rows = hostile.write_augment_input(src)
    assert src.read_bytes().count(b"\n") == len(rows)
    capsys.readouterr()
    assert cli.main(["augment", "--input", str(src)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == len(rows)
    assert [line["key"] for line in lines] == [f"{i:09d}" for i in range(len(rows))]
    unknown = [(line["stage"], line["rejected"]) for line in lines
               if "rejected" in line and not is_known(line["stage"], line["rejected"])]
    assert unknown == []
    bad = []
    for row, line in zip(rows, lines):
        got = line.get("rejected", hostile.WRITTEN)
        if got != row.expect or (got == hostile.WRITTEN and row.check and not row.check(line["caption"])):
            bad.append((row.kind, row.expect, got, line.get("caption", "")[:60]))
    assert bad == []


# -- known bugs: each a minimal corpus of its own ----------------------------------------

def test_csv_quote_inside_unquoted_field_keeps_following_rows(tmp_path):
    rows = hostile.write_stray_quote_csv(tmp_path / "stray.csv")
    out = tmp_path / "out"
    assert run(tmp_path / "stray.csv", out, "--caption-column", "caption") == 0
    assert_run_accounts_for(rows, out)


def test_malformed_first_row_does_not_set_the_table_width(tmp_path):
    rows = hostile.write_bad_first_row_tsv(tmp_path / "first.tsv")
    out = tmp_path / "out"
    assert run(tmp_path / "first.tsv", out, "--caption-column", "0") == 0
    assert_run_accounts_for(rows, out)


def test_jsonl_bom_at_file_start(tmp_path):
    rows = hostile.write_bom_jsonl(tmp_path / "bom.jsonl")
    out = tmp_path / "out"
    assert run(tmp_path / "bom.jsonl", out, "--key-column", "id") == 0
    assert_run_accounts_for(rows, out)


def test_parquet_binary_caption_column(tmp_path):
    rows = hostile.write_binary_parquet(tmp_path / "binary.parquet")
    out = tmp_path / "out"
    assert run(tmp_path / "binary.parquet", out) == 0
    assert_run_accounts_for(rows, out)


def test_augment_bare_carriage_return_stays_one_line(tmp_path, capsys):
    src = tmp_path / "captions.txt"
    src.write_bytes(b"a dog\ron a beach\na cat on a mat\n")
    capsys.readouterr()
    assert cli.main(["augment", "--input", str(src)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["caption"] for line in lines] == ["a dog on a beach", "a cat on a mat"]
