"""The base of govlink's sentinels (``ALL``, ``SAVED``): a one-member enum, so a type checker
narrows ``value is ALL``, shown by its name.

>>> class _Every(Sentinel):
...     EVERY = "every"
>>> _Every.EVERY
EVERY
"""

from __future__ import annotations

from enum import Enum

__all__ = ["Sentinel"]


class Sentinel(Enum):
    """Subclass with one member; its ``repr`` is the member's name (``ALL``)."""

    def __repr__(self) -> str:
        return self.name
