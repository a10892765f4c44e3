"""The stable company hash: blake2b, the same in every process and on every platform.

Python's built-in ``hash()`` of a ``str`` is salted per process (PEP 456), so it must never
decide a slot.
"""

from __future__ import annotations

from hashlib import blake2b

__all__ = ["stable_hash"]


def stable_hash(key: str) -> int:
    """A 64-bit unsigned hash of ``key`` (blake2b, 8-byte digest, big endian)."""
    return int.from_bytes(blake2b(key.encode(), digest_size=8).digest(), "big")
