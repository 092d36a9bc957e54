"""Sample keys: the one door from a source's key to a tar member stem.

Every key that names output members (a ``--key-column`` value, a YFCC photo id,
an img2dataset member name) goes through ``safe_key``, which maps distinct
originals to distinct keys made of ``[A-Za-z0-9_-]`` only:

- a key that is already safe is kept as it is: it starts with a letter or digit
  (so never ``__``, a webdataset metadata name, nor ``-``), holds no ``--``, and
  has at most ``MAX_KEY`` characters; ordinary keys (``000000123``, ``img_7``) are
  unchanged;
- any other key is encoded as ``{readable}--{hash}``: a readable safe part made
  from the original, then ``--`` and the first 16 hex digits of the sha256 of the
  original's UTF-8 bytes.  Kept keys never contain ``--`` and encoded keys always
  do, so the two kinds cannot meet, and distinct encoded originals differ in
  their hash (a 64-bit digest: a collision needs ~2^32 distinct unsafe keys).

Keys are at most ``MAX_KEY`` characters, so ``{key}.sg.json`` fits tar's
100-byte name field.  Records that have no key of their own get a
``reserved_key``, which neither kind of key can equal.
"""
from __future__ import annotations

import hashlib
import re
from typing import Optional

MAX_KEY = 64
HASH_DIGITS = 16
_SEPARATOR = "--"
_READABLE_MAX = MAX_KEY - len(_SEPARATOR) - HASH_DIGITS
_KEPT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9_-]+")
_DASH_RUN = re.compile(r"-{2,}")
_HEX = re.compile(r"[0-9a-f]+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
READABLE_WHEN_EMPTY = "key"       # readable part of a key with no ASCII letter or digit (``猫``)


def default_key(index: int) -> str:
    """The key of a record in a run without keys: its dataset index."""
    return f"{index:09d}"


def is_kept(key: str) -> bool:
    """True when ``safe_key`` keeps ``key`` unchanged."""
    return len(key) <= MAX_KEY and _SEPARATOR not in key and _KEPT.fullmatch(key) is not None


def safe_key(original: str) -> str:
    """``original`` as a safe, bounded member stem; distinct originals give distinct keys."""
    if is_kept(original):
        return original
    digest = hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_DIGITS]
    return f"{_readable(original)}{_SEPARATOR}{digest}"


def _readable(original: str) -> str:
    """A safe hint of the original: unsafe runs -> ``_``, no ``--``, starts and ends
    with a letter or digit, at most ``_READABLE_MAX`` characters."""
    text = _DASH_RUN.sub("-", _UNSAFE_RUN.sub("_", original))
    text = text.strip("_-")[:_READABLE_MAX].rstrip("_-")
    return text or READABLE_WHEN_EMPTY


def reserved_key(index: int, label: str) -> str:
    """The key of a record that has none (a missing key in a keyed run, the unreadable
    rest of a tar): ``{index:09d}--{label}``.  It contains ``--``, so it is never a kept
    key, and its ``label`` is not a 16-digit hex hash, so it is never an encoded one."""
    if len(label) == HASH_DIGITS and _HEX.fullmatch(label):
        raise ValueError(f"a reserved key label must not look like a key hash: {label!r}")
    return f"{index:09d}{_SEPARATOR}{label}"


def recordable(text: str) -> str:
    """``text`` as UTF-8 output can hold it: a lone surrogate (tarfile's stand-in for an
    undecodable name byte, or a JSON ``\\ud800``) becomes U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def source_with_key(source: dict, original: Optional[str], key: str) -> dict:
    """A record's ``source``, with the user's own key as ``source["key"]`` when the
    written key differs from it (so the original can always be joined back)."""
    if original is None or original == key:
        return source
    return {**source, "key": recordable(original)}
