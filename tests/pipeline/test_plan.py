"""The shard plan: fixed ranges, shards within files, indices across files."""
from sgshards.pipeline import sources
from sgshards.pipeline.plan import plan, task_items, total_records


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


def test_user_keys_are_made_dot_free(tmp_path):
    path = tmp_path / "k.tsv"
    path.write_text("img.001\ta cat\nimg/002\ta dog\n\ta bird\n")
    tasks = plan([str(path)], sources.InputSpec("tsv", 1, None, 0), 10)
    assert [it["key"] for t in tasks for it in task_items(t)] == ["img_001", "img_002", "000000002"]


def test_empty_file_plans_no_shard(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_text("")
    assert plan([str(path)], sources.InputSpec("tsv"), 10) == []
