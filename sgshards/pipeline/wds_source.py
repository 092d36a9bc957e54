"""img2dataset WebDataset shards as input: ``{key}.jpg|png|webp``, ``{key}.txt``, ``{key}.json``.

Samples are grouped by key (the member name up to its first dot, as
webdataset does) in tar order and streamed, so a shard of images never sits
in memory.  Nothing is dropped: a sample without a caption, a caption that is
not UTF-8 (or, in the ``.json`` fallback, not a string), a URL that is not a
string, a repeated key, or the unreadable rest of a truncated or corrupt tar
(compressed or not) each comes out as a rejected sample with its reason.
"""
from __future__ import annotations

import json
import tarfile
import zlib
from dataclasses import dataclass, field
from typing import Iterator, Optional

import fsspec

from .errors import CorruptInputError
from .sources import clean_url, is_seekable, open_input

CAPTION_MEMBER = "txt"
META_MEMBER = "json"


@dataclass
class WdsSample:
    row: int                                    # position in the tar
    key: str
    members: dict = field(default_factory=dict)  # extension -> bytes, as in the input
    caption: Optional[str] = None
    url: Optional[str] = None
    reject: Optional[str] = None
    raw: Optional[str] = None


def split_name(name: str) -> tuple[str, str]:
    """"dir/000123.sg.json" -> ("dir/000123", "sg.json")."""
    directory, _, base = name.rpartition("/")
    stem, _, ext = base.partition(".")
    return (f"{directory}/{stem}" if directory else stem), ext


def _members(stream, end: list) -> Iterator[tuple[str, str, bytes]]:
    """Regular members as (key, extension, bytes); ``end`` receives the offset
    just past the last member."""
    with tarfile.open(fileobj=stream, mode="r|*") as tar:
        for info in tar:
            if not info.isreg():
                continue
            data = tar.extractfile(info).read()
            key, ext = split_name(info.name)
            if key.rsplit("/", 1)[-1].startswith("__"):   # webdataset metadata members
                continue
            yield key, ext, data
        end.append(tar.offset)


def _finish(sample: WdsSample) -> WdsSample:
    meta = {}
    if META_MEMBER in sample.members:
        try:
            meta = json.loads(sample.members[META_MEMBER])
        except ValueError:
            meta = {}
    meta = meta if isinstance(meta, dict) else {}
    url, meta_caption = meta.get("url"), meta.get("caption")
    sample.url = clean_url(url) if isinstance(url, str) else None
    text = sample.members.get(CAPTION_MEMBER)
    if text is None and isinstance(meta_caption, str):
        text = meta_caption.encode("utf-8")
    if text is None and meta_caption is not None:     # a list or number: rejected, never its repr
        sample.reject = "caption_not_text"
        sample.raw = sample.members[META_MEMBER].decode("utf-8", "replace")
        return sample
    if text is None:
        sample.reject, sample.raw = "missing_caption", json.dumps(sorted(sample.members))
        return sample
    try:
        sample.caption = text.decode("utf-8")
    except UnicodeDecodeError:
        sample.reject, sample.raw = "invalid_utf8", text.decode("utf-8", "replace")
        return sample
    if url is not None and not isinstance(url, str):
        sample.reject, sample.raw = "url_not_text", sample.members[META_MEMBER].decode("utf-8", "replace")
    return sample


def _check_end(path: str, end: list) -> None:
    """tarfile takes a tar cut at a member boundary (or inside a header) for a
    complete one; a complete tar ends with two zero blocks after its last member."""
    if not end or not is_seekable(path):
        return
    fs, fs_path = fsspec.core.url_to_fs(path)
    size = fs.size(fs_path)
    if size < end[0] + 2 * tarfile.BLOCKSIZE:
        raise tarfile.ReadError(f"no end-of-archive marker after byte {end[0]} of {size}: truncated")


def read_wds(path: str) -> Iterator[WdsSample]:
    """Samples of one tar in order; a read error ends the tar with one
    ``corrupt_tar`` sample standing for whatever could not be read."""
    current: Optional[WdsSample] = None
    seen: set[str] = set()
    row, end = 0, []
    try:
        with open_input(path) as stream:
            for key, ext, data in _members(stream, end):
                if current is not None and key != current.key:
                    yield _finish(current)
                    current = None
                if current is None:
                    current = WdsSample(row, key)
                    row += 1
                    if key in seen:
                        current.reject, current.raw = "duplicate_key", key
                    seen.add(key)
                current.members[ext] = data
        _check_end(path, end)
    except (tarfile.TarError, EOFError, OSError, zlib.error, CorruptInputError) as exc:
        if current is not None:
            yield _finish(current)
            current = None
        yield WdsSample(row, f"corrupt_{row:06d}", reject="corrupt_tar", raw=f"{type(exc).__name__}: {exc}")
        return
    if current is not None:
        yield _finish(current)
