"""Hashed tables: stable slots, saturation, deterministic npz files."""
import hashlib
import io
import zipfile

import numpy as np
import pytest

from sgshards.augment.plausibility import tables
from sgshards.augment.plausibility.tables import FormatError


def test_slots_are_stable_and_salted():
    cols = [tables.token_hashes(["red", "dog"]), tables.token_hashes(["car", "park"])]
    a = tables.tuple_slots(cols, tables.salt("x"), 20)
    assert a.tolist() == tables.tuple_slots(cols, tables.salt("x"), 20).tolist()
    assert a.tolist() != tables.tuple_slots(cols, tables.salt("y"), 20).tolist()
    assert ((0 <= a) & (a < 1 << 20)).all()
    # blake2b, not the salted builtin hash: a fixed value across processes
    assert tables.token_hash("dog") == int.from_bytes(hashlib.blake2b(b"dog", digest_size=8).digest(), "little")


def test_counts_saturate_instead_of_wrapping():
    t = tables.new_table(8)
    t[3] = 2**32 - 2
    tables.saturating_add(t, np.array([3, 3, 3, 5]))
    assert t[3] == 2**32 - 1 and t[5] == 1
    merged = tables.merge_tables(t, t)
    assert merged[3] == 2**32 - 1 and merged[5] == 2


def test_pack_is_deterministic_and_round_trips():
    arrays = {"b": np.arange(5, dtype=np.uint32), "a": np.array([1, 2], dtype=np.int64)}
    data = tables.pack_arrays(arrays)
    assert data == tables.pack_arrays(dict(arrays))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert [i.filename for i in zf.infolist()] == ["b.npy", "a.npy"]
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
    back = tables.unpack_arrays(data)
    assert list(back) == ["b", "a"] and back["b"].tolist() == [0, 1, 2, 3, 4]
    assert np.load(io.BytesIO(data))["a"].tolist() == [1, 2]     # a plain npz


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04garbage"])
def test_bad_bytes_name_the_source(data):
    with pytest.raises(FormatError, match="stats.npz") as err:
        tables.unpack_arrays(data, source="stats.npz")
    assert "\n" not in str(err.value)


def test_require_checks_dtype_and_shape():
    arrays = {"t": np.zeros(4, dtype=np.uint32)}
    assert tables.require(arrays, "t", np.uint32, (4,), "f").shape == (4,)
    with pytest.raises(FormatError, match="f: table 't'"):
        tables.require(arrays, "t", np.uint32, (8,), "f")
    with pytest.raises(FormatError, match="missing"):
        tables.require(arrays, "u", np.uint32, (4,), "f")
