"""``Secret``: a string that never shows itself in ``repr``, ``str``, f-strings or logs.

>>> key = Secret("s3cr3t")
>>> key, str(key), f"{key}"
(Secret('***'), '***', '***')
>>> key.reveal()
's3cr3t'
>>> key.scrub("echo: s3cr3t")
'echo: ***'
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

__all__ = ["Secret"]

_MASK: Final = "***"


class Secret:
    """Wraps a credential (API key, token, client secret); only :meth:`reveal` returns it.

    Equality compares in constant time; :attr:`fingerprint` is a one-way digest usable as a key
    (for instance to share one rate limiter between clients that use the same credential).
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("a secret must be a non-blank string")
        self._value = value.strip()

    def reveal(self) -> str:
        """The credential itself: pass it straight to the wire, never to a log or message."""
        return self._value

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the value, hex: identifies the credential without disclosing it."""
        return hashlib.sha256(self._value.encode()).hexdigest()

    def scrub(self, text: str) -> str:
        """``text`` with every occurrence of the credential replaced by ``***``."""
        return text.replace(self._value, _MASK)

    def __repr__(self) -> str:
        return f"Secret({_MASK!r})"

    def __str__(self) -> str:
        return _MASK

    def __format__(self, spec: str) -> str:
        return _MASK

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a Secret cannot be pickled")
