"""The one clock: where govlink reads the time and how it waits, so tests can move time.

Everything that reads the time takes a :class:`Clock`: the HTTP toolkit's limiter and retries
(:meth:`Clock.monotonic`, :meth:`Clock.sleep`), token lifetimes, the sync (:meth:`Clock.now`,
aware UTC) and the stores' timestamps (:func:`utc_timestamp`, the one stored format).
:data:`SYSTEM_CLOCK` is the real one; :class:`govlink.testing.clock.ScaledClock` runs N times
faster and :class:`govlink.testing.clock.SimulatedClock` moves only when waited on.

>>> from datetime import UTC, datetime
>>> utc_timestamp(datetime(2026, 3, 2, 10, 30, tzinfo=UTC))
'2026-03-02T10:30:00.000000Z'
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Final, Protocol

__all__ = ["SYSTEM_CLOCK", "Clock", "SystemClock", "utc_timestamp"]


class Clock(Protocol):
    """Wall-clock time, a monotonic scale in seconds, and a matching sleep."""

    def now(self) -> datetime:
        """Now, timezone-aware (UTC)."""
        ...

    def monotonic(self) -> float:
        """Seconds on a monotonic scale (only differences matter)."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` on this clock's scale."""
        ...


class SystemClock:
    """The real clock: :func:`datetime.now` in UTC, :func:`time.monotonic`, :func:`time.sleep`."""

    def now(self) -> datetime:
        """Now, in UTC."""
        return datetime.now(UTC)

    def monotonic(self) -> float:
        """Seconds from :func:`time.monotonic`."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """Sleep for real."""
        if seconds > 0:
            time.sleep(seconds)


SYSTEM_CLOCK: Final = SystemClock()


def utc_timestamp(moment: datetime) -> str:
    """``moment`` as the stores keep every timestamp: ISO 8601 in UTC with microseconds and a
    ``Z``, fixed width, so text order is time order (SQL compares them as text).

    :raises ValueError: ``moment`` has no time zone.
    """
    if moment.utcoffset() is None:
        raise ValueError(f"a stored time must be timezone-aware, got {moment!r}")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
