"""img2dataset WebDataset shards as input: ``{key}.jpg|png|webp``, ``{key}.txt``, ``{key}.json``.

Samples are grouped by key (the member name up to its first dot, as
webdataset does) in tar order and streamed, so a shard of images never sits
in memory.  The output key is ``keys.safe_key`` of the whole stem, directories
included (``../../etc/evil`` -> ``etc_evil--<hash>``), so no path reaches an
output member name.  Nothing is dropped: a sample without a caption or a key,
a caption that is not UTF-8 (or, in the ``.json`` fallback, not a string), a
URL that is not a string, a repeated key or member, a link or device member,
or the unreadable rest of a truncated or corrupt tar (compressed or not) each
comes out as a rejected sample with its reason; only directory entries are not
samples.
"""
from __future__ import annotations

import json
import tarfile
import zlib
from dataclasses import dataclass, field
from typing import Iterator, Optional

import fsspec

from ..errors import CorruptInputError
from ...schemas.keys import recordable, reserved_key, safe_key
from ...schemas.outcomes import (
    CAPTION_NOT_TEXT, CORRUPT_TAR, DUPLICATE_KEY, DUPLICATE_MEMBER, INVALID_UTF8, MISSING_CAPTION, MISSING_KEY,
    UNSUPPORTED_MEMBER, URL_NOT_TEXT)
from .sources import clean_url, is_seekable, open_input

CAPTION_MEMBER = "txt"
META_MEMBER = "json"


@dataclass
class WdsSample:
    row: int                                    # position in the tar
    key: str                                    # safe key (keys.safe_key of ``original``)
    original: Optional[str] = None              # the member-name stem as in the input
    members: dict = field(default_factory=dict)  # extension -> bytes, as in the input
    caption: Optional[str] = None
    url: Optional[str] = None
    reject: Optional[str] = None
    raw: Optional[str] = None


def split_name(name: str) -> tuple[str, str]:
    """"dir/000123.sg.json" -> ("dir/000123", "sg.json"): the stem keeps the whole path,
    so ``safe_key`` sees it all and no path component reaches an output member name."""
    directory, _, base = name.rpartition("/")
    stem, _, ext = base.partition(".")
    return (f"{directory}/{stem}" if directory else stem), ext


def _members(stream, end: list) -> Iterator[tuple[str, str, Optional[bytes], Optional[str]]]:
    """Every member but directories, ``__``-prefixed ones included, as (stem, extension,
    bytes, problem): a link, device or fifo has no bytes of its own (its target may lie
    outside the tar) and a problem naming it.  ``end`` receives the offset just past the
    last member."""
    with tarfile.open(fileobj=stream, mode="r|*") as tar:
        for info in tar:
            if info.isdir():
                continue
            stem, ext = split_name(info.name)
            if info.isreg():
                yield stem, ext, tar.extractfile(info).read(), None
            else:
                yield stem, ext, None, _describe(info)
        end.append(tar.offset)


def _describe(info: tarfile.TarInfo) -> str:
    if info.issym() or info.islnk():
        return f"{'symlink' if info.issym() else 'hard link'} to {info.linkname}"
    return "device" if info.isdev() else f"tar member type {info.type!r}"


def _reject(sample: WdsSample, reason: str, raw: str) -> None:
    """The first reason found stands."""
    if sample.reject is None:
        sample.reject, sample.raw = reason, recordable(raw)


def _start(row: int, stem: str, seen: set) -> WdsSample:
    """A new sample.  Keys are compared as in the input, so distinct names never meet; a
    sample with no key or a repeated one takes a reserved key, so its members (kept in
    augment mode) never share a name with another sample's."""
    if not stem:                                     # ".jpg", ".hidden": no key to name it
        sample = WdsSample(row, reserved_key(row, "nokey"), stem)
        _reject(sample, MISSING_KEY, "")
    elif stem in seen:
        sample = WdsSample(row, reserved_key(row, "duplicate"), stem)
        _reject(sample, DUPLICATE_KEY, stem)
    else:
        sample = WdsSample(row, safe_key(stem), stem)
    seen.add(stem)
    return sample


def _add_member(sample: WdsSample, ext: str, data: Optional[bytes], problem: Optional[str]) -> None:
    name = f"{sample.original}.{ext}"
    if problem is not None:
        _reject(sample, UNSUPPORTED_MEMBER, f"{name}: {problem}")
    elif ext in sample.members:                      # a second "x.jpg": never overwrite the first
        _reject(sample, DUPLICATE_MEMBER, name)
    else:
        sample.members[ext] = data


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
    if sample.reject is not None:                    # the first reason found stands
        return sample
    if text is None and meta_caption is not None:     # a list or number: rejected, never its repr
        sample.reject = CAPTION_NOT_TEXT
        sample.raw = sample.members[META_MEMBER].decode("utf-8", "replace")
        return sample
    if text is None:
        sample.reject, sample.raw = MISSING_CAPTION, json.dumps(sorted(sample.members))
        return sample
    try:
        sample.caption = text.decode("utf-8")
    except UnicodeDecodeError:
        sample.reject, sample.raw = INVALID_UTF8, text.decode("utf-8", "replace")
        return sample
    if url is not None and not isinstance(url, str):
        sample.reject, sample.raw = URL_NOT_TEXT, sample.members[META_MEMBER].decode("utf-8", "replace")
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
            for stem, ext, data, problem in _members(stream, end):
                if current is not None and stem != current.original:
                    yield _finish(current)
                    current = None
                if current is None:
                    current = _start(row, stem, seen)
                    row += 1
                _add_member(current, ext, data, problem)
        _check_end(path, end)
    except (tarfile.TarError, EOFError, OSError, zlib.error, CorruptInputError) as exc:
        if current is not None:
            yield _finish(current)
            current = None
        yield WdsSample(row, reserved_key(row, "corrupt"), reject=CORRUPT_TAR, raw=f"{type(exc).__name__}: {exc}")
        return
    if current is not None:
        yield _finish(current)
