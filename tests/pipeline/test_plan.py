"""The shard plan: fixed ranges, shards within files, indices across files."""
import re

from sgshards.pipeline.inputs import sources
from sgshards.pipeline.engines.plan import plan, task_items, total_records


def write(path, n, start=0):
    path.write_text("".join(f"caption {start + i}\thttp://x/{start + i}\n" for i in range(n)))
    return str(path)


def test_shards_stay_within_files_and_indices_run_on(tmp_path):
    files = [write(tmp_path / "a.tsv", 5), write(tmp_path / "b.tsv", 3, start=5)]
    tasks = plan(files, sources.InputSpec("tsv", 0, 1), 2)
    assert [(t.shard, t.file_index, t.first_row, t.rows, t.first_index) for t in tasks] == [
        (0, 0, 0, 2, 0), (1, 0, 2, 2, 2), (2, 0, 4, 1, 4), (3, 1, 0, 2, 5), (4, 1, 2, 1, 7)]
    assert total_records(tasks) == 8
    items = [it for t in tasks for it in task_items(t)]
    assert [it["key"] for it in items] == [f"{i:09d}" for i in range(8)]
    assert [it["caption"] for it in items] == [f"caption {i}" for i in range(8)]
    assert items[6]["source"] == {"file": files[1], "row": 1}


SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
USER_KEYS = ["img.001", "img/002", "img_001", "猫", "犬", "a.b", "a/b", "a_b", " a_b", "000000007", "x" * 5000]


def test_user_keys_are_safe_distinct_and_kept_in_source(tmp_path):
    path = tmp_path / "k.tsv"
    path.write_text("".join(f"{k}\tcaption {i}\n" for i, k in enumerate(USER_KEYS)), encoding="utf-8")
    items = [it for t in plan([str(path)], sources.InputSpec("tsv", 1, None, 0), 4) for it in task_items(t)]
    keys = [it["key"] for it in items]
    assert all(SAFE_KEY.fullmatch(k) for k in keys) and len(set(keys)) == len(USER_KEYS)
    assert [k for k in keys if k in USER_KEYS] == ["img_001", "a_b", "000000007"]     # safe keys kept
    assert [it["source"].get("key") for it in items] == [None if k in keys else k for k in USER_KEYS]
    assert not any(it["reject"] for it in items)


def test_blank_keys_are_missing_keys_that_take_no_user_key(tmp_path):
    """A keyless row must not take the default key 000000001, which a user key holds."""
    path = tmp_path / "k.tsv"
    path.write_text("000000001\ta cat\n\ta dog\n  \ta bird\n")
    items = [it for t in plan([str(path)], sources.InputSpec("tsv", 1, None, 0), 10) for it in task_items(t)]
    assert [(it["key"], it["reject"]) for it in items] == [
        ("000000001", None), ("000000001--nokey", "missing_key"), ("000000002--nokey", "missing_key")]


def test_runs_without_keys_keep_index_keys(tmp_path):
    path = tmp_path / "k.tsv"
    path.write_text("a cat\n\n")
    items = [it for t in plan([str(path)], sources.InputSpec("tsv"), 10) for it in task_items(t)]
    assert [(it["key"], it["reject"]) for it in items] == [("000000000", None), ("000000001", "blank_row")]


def test_empty_file_plans_no_shard(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_text("")
    assert plan([str(path)], sources.InputSpec("tsv"), 10) == []
