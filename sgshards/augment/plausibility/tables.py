"""Hashed count tables for corpus statistics: slots, saturating counts, deterministic files.

Tokens are hashed with blake2b (stable across processes, unlike ``hash()``); a tuple of
tokens is the splitmix64 chain of its tokens' hashes under a per-table salt, so a table's
slot for ("red", "car") is the same on every worker and every run.  Chaining numbers
instead of re-hashing joined strings keeps scoring a caption to a few numpy operations.

Counts are uint32 and saturate at 2**32-1 instead of wrapping, so a huge corpus makes a
frequent n-gram "very frequent", never rare.

Files are npz (readable with ``np.load``) written member by member in the caller's order
with a fixed zip timestamp, so the same tables give the same bytes.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from typing import Iterable, Mapping

import numpy as np

COUNT_MAX = np.uint64(2**32 - 1)
_MASK64 = (1 << 64) - 1
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# word -> 64-bit hash; bounded so a long-running worker does not grow without limit
_TOKEN_CACHE: dict[str, int] = {}
_TOKEN_CACHE_MAX = 1 << 20


class FormatError(ValueError):
    """Bytes that are not a statistics file of the expected kind (one-line message)."""


def token_hash(token: str) -> int:
    """Stable 64-bit hash of one token."""
    h = _TOKEN_CACHE.get(token)
    if h is None:
        h = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_TOKEN_CACHE) >= _TOKEN_CACHE_MAX:
            _TOKEN_CACHE.clear()
        _TOKEN_CACHE[token] = h
    return h


def token_hashes(tokens: Iterable[str]) -> np.ndarray:
    """uint64 hashes of ``tokens`` in order."""
    return np.fromiter((token_hash(t) for t in tokens), dtype=np.uint64)


def mix(x: np.ndarray) -> np.ndarray:
    # splitmix64 finaliser: every input bit reaches every output bit
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def salt(name: str) -> np.uint64:
    """A table's salt from its name, so two tables never share slots by construction."""
    return np.uint64(token_hash("\x00table:" + name))


def tuple_slots(columns: list[np.ndarray], table_salt: np.uint64, bits: int) -> np.ndarray:
    """Slots (int64 in [0, 2**bits)) of the tuples whose i-th tokens' hashes are ``columns[i]``."""
    with np.errstate(over="ignore"):
        h = mix(columns[0] ^ table_salt)
        for col in columns[1:]:
            h = mix(h ^ col)
    return (h >> np.uint64(64 - bits)).astype(np.int64)


def new_table(bits: int) -> np.ndarray:
    return np.zeros(1 << bits, dtype=np.uint32)


def saturating_add(table: np.ndarray, slots: np.ndarray, amounts: np.ndarray | None = None) -> None:
    """``table[slot] += amount`` for every slot (repeats add up), capped at 2**32-1."""
    if slots.size == 0:
        return
    if amounts is None:
        uniq, counts = np.unique(slots, return_counts=True)
        add = counts.astype(np.uint64)
    else:
        uniq, inverse = np.unique(slots, return_inverse=True)
        add = np.bincount(inverse, weights=amounts, minlength=uniq.size).astype(np.uint64)
    table[uniq] = np.minimum(table[uniq].astype(np.uint64) + add, COUNT_MAX).astype(np.uint32)


def merge_tables(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Elementwise saturating sum of two count tables (a new array)."""
    return np.minimum(a.astype(np.uint64) + b, COUNT_MAX).astype(np.uint32)


def saturating_counts(values: np.ndarray) -> np.ndarray:
    """int64 counts (e.g. from bincount) as uint32 capped at 2**32-1."""
    return np.minimum(values, int(COUNT_MAX)).astype(np.uint32)


def pack_arrays(arrays: Mapping[str, np.ndarray]) -> bytes:
    """A deterministic npz of ``arrays`` (members in the mapping's order, fixed timestamps)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, arr in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arr), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, member.getvalue(), compresslevel=6)
    return out.getvalue()


def unpack_arrays(data: bytes, source: str = "") -> dict[str, np.ndarray]:
    """Arrays of an npz made by ``pack_arrays``; ``FormatError`` naming ``source`` otherwise."""
    where = source or "<bytes>"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            arrays = {}
            for info in zf.infolist():
                if not info.filename.endswith(".npy"):
                    raise ValueError(f"unexpected member {info.filename!r}")
                with zf.open(info) as fh:
                    arrays[info.filename[:-4]] = np.lib.format.read_array(fh, allow_pickle=False)
            return arrays
    except FormatError:
        raise
    except Exception as exc:  # zipfile, zlib and numpy raise many kinds for bad bytes
        raise FormatError(f"{where}: not a statistics file ({type(exc).__name__}: {exc})".splitlines()[0]) from None


def require(arrays: Mapping[str, np.ndarray], name: str, dtype, shape: tuple | None, source: str) -> np.ndarray:
    """``arrays[name]`` checked for dtype and shape, or ``FormatError`` naming ``source``."""
    where = source or "<bytes>"
    arr = arrays.get(name)
    if arr is None:
        raise FormatError(f"{where}: missing table {name!r}")
    if arr.dtype != np.dtype(dtype) or (shape is not None and arr.shape != shape):
        raise FormatError(f"{where}: table {name!r} is {arr.dtype}{list(arr.shape)}, expected {np.dtype(dtype)}{list(shape or ())}")
    return arr
