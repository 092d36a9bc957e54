"""A real Spark standalone cluster on 127.0.0.1: a master and two workers started with the PySpark
package's own ``bin/spark-class`` (separate executor JVMs and Python workers), and
``sgshards run --engine spark --spark-master spark://...`` writing the DirectRunner's bytes."""
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")

if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark", allow_module_level=True)

SPARK_HOME = Path(pyspark.__file__).parent
CAPTIONS = ["a red car parked next to a blue house", "a brown dog sitting on a wooden bench", "",
            "two children playing with a ball on the grass", "a black cat sleeping on a white sofa",
            "a man riding a horse on the beach", "a small boat floating on a calm lake",
            "a girl in a red dress standing near a tree", "an old bridge over a narrow river",
            "a bowl of green apples on a kitchen table", "a cyclist riding past a tall building",
            "a white bird standing on a rock"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def alive_workers(ui_port: int) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{ui_port}/json/", timeout=2) as r:
            return json.load(r).get("aliveworkers", 0)
    except OSError:
        return 0


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    root = tmp_path_factory.mktemp("spark")
    env = {**os.environ, "SPARK_HOME": str(SPARK_HOME), "SPARK_LOCAL_IP": "127.0.0.1",
           "PYSPARK_PYTHON": sys.executable, "SPARK_LOG_DIR": str(root / "logs")}
    port, ui = free_port(), free_port()
    spark_class = str(SPARK_HOME / "bin" / "spark-class")
    procs = [subprocess.Popen([spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                               "--port", str(port), "--webui-port", str(ui)], env=env,
                              stdout=open(root / "master.log", "w"), stderr=subprocess.STDOUT)]
    try:
        wait_for(lambda: alive_workers(ui) == 0 and _listening(port), 60, "the master")
        for n in range(2):
            procs.append(subprocess.Popen(
                [spark_class, "org.apache.spark.deploy.worker.Worker", f"spark://127.0.0.1:{port}", "--cores", "1",
                 "--memory", "1g", "--webui-port", str(free_port()), "--work-dir", str(root / f"work{n}")],
                env=env, stdout=open(root / f"worker{n}.log", "w"), stderr=subprocess.STDOUT))
        wait_for(lambda: alive_workers(ui) == 2, 90, "two workers")
        yield f"spark://127.0.0.1:{port}", env, root
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def digests(root: Path) -> dict:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != "manifest.json"}


@pytest.fixture(scope="module")
def direct(tmp_path_factory):
    """The DirectRunner's output of the captions, the bytes every cluster run must write."""
    root = tmp_path_factory.mktemp("direct")
    src = root / "captions.txt"
    src.write_text("".join(c + "\n" for c in CAPTIONS))
    done = subprocess.run([sys.executable, "-m", "sgshards", "run", "--input", str(src), "--output", str(root / "out"),
                           "--samples-per-shard", "4", "--quiet"], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    found = digests(root / "out")
    assert {n for n in found if n.endswith(".tar")} == {"00000.tar", "00001.tar", "00002.tar"}
    return src, found


def executors_ran(root: Path) -> bool:
    """Each worker keeps an app-*/<executor> directory for every executor it started."""
    return all(any((root / f"work{n}").glob("app-*/*")) for n in range(2))


def apps(root: Path) -> int:
    return len({p.name for n in range(2) for p in (root / f"work{n}").glob("app-*")})


def test_a_standalone_cluster_writes_the_direct_runners_bytes(cluster, direct, tmp_path):
    master, env, root = cluster
    src, expected = direct
    done = subprocess.run([sys.executable, "-m", "sgshards", "run", "--input", str(src), "--output",
                           str(tmp_path / "out"), "--samples-per-shard", "4", "--progress-every", "0.5",
                           "--engine", "spark", "--spark-master", master], env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert digests(tmp_path / "out") == expected
    assert executors_ran(root), "an executor did not run on each worker"
    # the launcher's progress follows the executors' commits
    lines = [line for line in done.stderr.splitlines() if line.startswith("sgshards: progress: ")]
    assert lines and lines[-1].startswith(f"sgshards: progress: 3/3 shards, {len(CAPTIONS)}/{len(CAPTIONS)} captions")


def test_spark_submit_on_the_cluster_writes_the_same_bytes(cluster, direct, tmp_path):
    """The documented spark-submit line: the master comes from spark-submit, not from sgshards."""
    master, env, root = cluster
    src, expected = direct
    submit = Path(__file__).resolve().parents[2] / "deploy" / "spark" / "submit.py"
    before = apps(root)
    done = subprocess.run([str(SPARK_HOME / "bin" / "spark-submit"), "--master", master, str(submit), "run",
                           "--engine", "spark", "--input", str(src), "--output", str(tmp_path / "out"),
                           "--samples-per-shard", "4", "--quiet"], env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert digests(tmp_path / "out") == expected
    assert apps(root) == before + 1, "the job did not run on the cluster"
