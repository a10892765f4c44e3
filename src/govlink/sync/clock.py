"""The sync's clock: wall-clock time (aware, UTC) and a matching sleep, injectable for tests.

The runner, the portal gate and the MyMinfin simulator read the time only through a
:class:`WallClock`; :data:`SYSTEM_WALL_CLOCK` is the real one and
:class:`govlink.testing.clock.SimulatedClock` lets a test run a week in a second.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Final, Protocol

__all__ = ["SYSTEM_WALL_CLOCK", "SystemWallClock", "WallClock"]


class WallClock(Protocol):
    """The current time (timezone-aware) and a way to wait on the same scale."""

    def now(self) -> datetime:
        """Now, timezone-aware."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` on this clock."""
        ...

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Wait ``seconds`` on this clock or until ``event`` is set; returns whether it is."""
        ...


class SystemWallClock:
    """The real clock: :func:`datetime.now` in UTC and :func:`time.sleep`."""

    def now(self) -> datetime:
        """Now, in UTC."""
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        """Sleep for real."""
        if seconds > 0:
            time.sleep(seconds)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Wait for real, waking as soon as ``event`` is set."""
        return event.wait(max(seconds, 0.0))


SYSTEM_WALL_CLOCK: Final = SystemWallClock()
