"""Local object stores for tests: a GCS emulator and moto's S3 server, on loopback only.

Each server is a subprocess on a free port, started by a session fixture,
waited for, and killed at teardown (nothing outlives the test session).
The ``store`` fixtures point fsspec's global config at the server, so plain
``gs://`` and ``s3://`` URLs work in-process - as they would for a user whose
credentials come from the environment.  They skip when the server package is
not installed (``pip install gcp-storage-emulator "moto[server]"``).
"""
from __future__ import annotations

import importlib.util
import itertools
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import pytest

# gcsfs reads this when imported; its experimental (HNS) class does not work with the emulator.
os.environ.setdefault("GCSFS_EXPERIMENTAL_ZB_HNS_SUPPORT", "false")

HOST = "127.0.0.1"
STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _wait_until_listening(port: int, proc: subprocess.Popen, log_path: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {open(log_path).read()[-2000:]}")
        try:
            with socket.create_connection((HOST, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server not listening on {HOST}:{port} after {STARTUP_SECONDS}s")


@contextmanager
def serve(module: str, args: list[str], port: int, log_dir) -> Iterator[str]:
    """Run ``python -m module args`` until the block ends; yields its endpoint URL."""
    log_path = os.path.join(str(log_dir), f"{module.replace('.', '_')}.log")
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", module, *args], stdout=log, stderr=subprocess.STDOUT,
                                cwd=str(log_dir), start_new_session=True)
    try:
        _wait_until_listening(port, proc, log_path)
        yield f"http://{HOST}:{port}"
    finally:
        proc.kill()
        proc.wait(timeout=10)


def _require(module: str, package: str) -> None:
    try:
        found = importlib.util.find_spec(module) is not None
    except ImportError:                      # the parent package is missing
        found = False
    if not found:
        pytest.skip(f"{package} not installed")


@pytest.fixture(scope="session")
def gcs_endpoint(tmp_path_factory) -> Iterator[str]:
    _require("gcp_storage_emulator.server", "gcp-storage-emulator")
    _require("gcsfs.core", "gcsfs")
    port = free_port()
    with serve("gcp_storage_emulator", ["start", "--host", HOST, "--port", str(port), "--in-memory", "--quiet"],
               port, tmp_path_factory.mktemp("gcs-emulator")) as endpoint:
        yield endpoint


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory) -> Iterator[str]:
    _require("moto.server", "moto[server]")
    _require("s3fs.core", "s3fs")
    port = free_port()
    with serve("moto.server", ["-H", HOST, "-p", str(port)], port,
               tmp_path_factory.mktemp("moto-server")) as endpoint:
        yield endpoint


@dataclass
class Store:
    """A bucket on a local server, reachable as ``{protocol}://{bucket}/...``."""
    protocol: str
    bucket: str
    fs: object                   # the fsspec filesystem plain URLs resolve to

    def url(self, *parts: str) -> str:
        return "/".join([f"{self.protocol}://{self.bucket}", *parts])

    def put(self, name: str, data: bytes) -> str:
        with self.fs.open(f"{self.bucket}/{name}", "wb") as f:
            f.write(data)
        return self.url(name)

    def files(self, prefix: str) -> dict[str, bytes]:
        """Every object under ``prefix``, by path relative to it."""
        root = f"{self.bucket}/{prefix}".rstrip("/")
        return {p[len(root) + 1:]: self.fs.cat_file(p) for p in sorted(self.fs.find(root))}


@contextmanager
def _fsspec_config(protocol: str, options: dict) -> Iterator[object]:
    """Default storage options for ``protocol`` in fsspec's global config, restored afterwards."""
    import fsspec
    import fsspec.config

    saved = fsspec.config.conf.get(protocol)
    fsspec.config.conf[protocol] = options
    try:
        yield fsspec.filesystem(protocol)
    finally:
        if saved is None:
            fsspec.config.conf.pop(protocol, None)
        else:
            fsspec.config.conf[protocol] = saved


def _use_stable_gcsfs() -> None:
    """If gcsfs was imported before this module with its experimental flag on, register its stable class."""
    import fsspec
    import gcsfs
    from gcsfs.core import GCSFileSystem

    if gcsfs.GCSFileSystem is not GCSFileSystem:
        for protocol in ("gs", "gcs"):
            fsspec.register_implementation(protocol, GCSFileSystem, clobber=True)


@pytest.fixture()
def gs_store(gcs_endpoint, request) -> Iterator[Store]:
    """A fresh bucket per test on the GCS emulator."""
    _use_stable_gcsfs()
    with _fsspec_config("gs", {"endpoint_url": gcs_endpoint, "token": "anon", "project": "test"}) as fs:
        bucket = _bucket_name(request)
        fs.mkdir(bucket)
        yield Store("gs", bucket, fs)


@pytest.fixture()
def s3_store(s3_endpoint, request) -> Iterator[Store]:
    """A fresh bucket per test on moto's S3 server (dummy credentials, no region: us-east-1)."""
    with _fsspec_config("s3", {"key": "testing", "secret": "testing",
                               "client_kwargs": {"endpoint_url": s3_endpoint}}) as fs:
        bucket = _bucket_name(request)
        fs.mkdir(bucket)
        yield Store("s3", bucket, fs)


_buckets = itertools.count()


def _bucket_name(request) -> str:
    """A new bucket per test (names: lowercase [a-z0-9-], at most 63 chars)."""
    name = "".join(c if c.isalnum() else "-" for c in request.node.name.lower())
    return f"t{next(_buckets)}-{name[:48]}".strip("-")
