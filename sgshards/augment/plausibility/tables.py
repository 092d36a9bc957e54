"""Hashed count tables for corpus statistics: slots, saturating counts, deterministic files.

Tokens are hashed with blake2b (stable across processes, unlike ``hash()``); a tuple of
tokens is the top bits of a fixed linear combination of its tokens' hashes (per-table
multipliers and offset, see ``tuple_slots``), so a table's slot for ("red", "car") is the
same on every worker and every run, and scoring a caption costs a few numpy operations
instead of one blake2b call per n-gram.

Counts are uint32 and saturate at 2**32-1 instead of wrapping, so a huge corpus makes a
frequent n-gram "very frequent", never rare.

Files are npz (readable with ``np.load``) written member by member in the caller's order
with a fixed zip timestamp, so the same tables give the same bytes.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from functools import lru_cache
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
    cache = _TOKEN_CACHE
    return np.array([cache[t] if t in cache else token_hash(t) for t in tokens], dtype=np.uint64)


def multipliers(table: str, width: int) -> np.ndarray:
    """Odd uint64 multipliers of a table's tuple positions, derived from its name."""
    return np.array([token_hash(f"\x00{table}:{i}") | 1 for i in range(width)], dtype=np.uint64)


def salt(table: str) -> np.uint64:
    """A table's offset from its name, so two tables never share slots by construction."""
    return np.uint64(token_hash(f"\x00{table}"))


def tuple_slots(columns: list[np.ndarray], table: str, bits: int) -> np.ndarray:
    """Slots (int64 in [0, 2**bits)) of the tuples whose i-th tokens' hashes are ``columns[i]``:
    the top bits of ``salt + sum(hash_i * K_i)`` mod 2**64.  Token hashes are already uniform
    (blake2b), so this linear combination spreads distinct tuples uniformly, and an n-gram
    model can compute all its tables' slots with one integer matrix product."""
    k = multipliers(table, len(columns))
    h = np.full(columns[0].shape, salt(table), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for col, mult in zip(columns, k):
            h = h + col * mult
    return (h >> np.uint64(64 - bits)).astype(np.int64)


def slot_of(tokens: tuple[str, ...], table: str, bits: int) -> int:
    """``tuple_slots`` of one tuple in plain integers (faster than numpy for a single slot)."""
    h = int(salt(table))
    for tok, mult in zip(tokens, _multipliers(table, len(tokens))):
        h += token_hash(tok) * mult
    return (h & _MASK64) >> (64 - bits)


@lru_cache(maxsize=None)
def _multipliers(table: str, width: int) -> tuple[int, ...]:
    return tuple(int(m) for m in multipliers(table, width))


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


def owner_update(counts: np.ndarray, owner: np.ndarray, slots: np.ndarray, ctx: np.ndarray) -> None:
    """Before ``counts`` takes ``slots``: record each slot's context as the smallest context
    ever counted there, so adding and merging in any order give the same owners."""
    order = np.lexsort((ctx, slots))
    s, c = slots[order], ctx[order]
    first = np.ones(s.size, dtype=bool)
    first[1:] = s[1:] != s[:-1]
    s, c = s[first], c[first].astype(np.uint32)
    owner[s] = np.where(counts[s] > 0, np.minimum(owner[s], c), c)


def merge_owners(counts_a: np.ndarray, owner_a: np.ndarray, counts_b: np.ndarray, owner_b: np.ndarray) -> np.ndarray:
    """Owners of the merged tables: the smaller where both counted, else the one that did."""
    both = np.minimum(owner_a, owner_b)
    return np.where(counts_a > 0, np.where(counts_b > 0, both, owner_a), owner_b).astype(np.uint32)


def per_context(counts: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each context's total count and number of distinct followers (Witten-Bell's T),
    from the pair table and its owners (exact but for hash collisions)."""
    seen = np.flatnonzero(counts)
    ctx = owner[seen]
    total = np.bincount(ctx, weights=counts[seen], minlength=counts.size)
    types = np.bincount(ctx, minlength=counts.size)
    return saturating_counts(total), saturating_counts(types)


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
