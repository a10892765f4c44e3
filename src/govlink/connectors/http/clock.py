"""Clocks: where the toolkit reads the time and how it waits, so tests can scale time.

The limiter and the retry policy never call :mod:`time` directly; they take a :class:`Clock`.
:data:`SYSTEM_CLOCK` is the real one; :class:`govlink.testing._loopback.ScaledClock` runs N times
faster and is shared by a simulator and the client under test.
"""

from __future__ import annotations

import time
from typing import Final, Protocol

__all__ = ["SYSTEM_CLOCK", "Clock", "SystemClock"]


class Clock(Protocol):
    """A monotonic time source in seconds and a matching sleep."""

    def now(self) -> float:
        """Seconds on a monotonic scale (only differences matter)."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` on this clock's scale."""
        ...


class SystemClock:
    """The real clock: :func:`time.monotonic` and :func:`time.sleep`."""

    def now(self) -> float:
        """Seconds from :func:`time.monotonic`."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """Sleep for real."""
        if seconds > 0:
            time.sleep(seconds)


SYSTEM_CLOCK: Final = SystemClock()
