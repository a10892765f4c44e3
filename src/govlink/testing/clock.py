"""Test clocks (:class:`govlink.clock.Clock`) for tests and benchmarks.

:class:`ScaledClock` runs N times faster than real time; a simulator and the client under test
share one, so a minute-long rate-limit window passes in a fraction of a second.

:class:`SimulatedClock` starts at a given instant and only moves when someone waits on it:
``sleep(s)`` moves it to at least ``s`` seconds after the moment the sleeper started waiting
(several threads waiting at once move it once, to the latest of their wake-up times), and
:meth:`SimulatedClock.advance_to` moves it explicitly. Workers that poll while idle therefore
skip empty hours at once, while rate limits and backoffs are still measured on simulated time.

>>> from datetime import UTC, datetime
>>> clock = SimulatedClock(datetime(2026, 3, 2, 9, tzinfo=UTC))
>>> clock.sleep(90)
>>> clock.now().isoformat()
'2026-03-02T09:01:30+00:00'
"""

from __future__ import annotations

import argparse
import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Final

__all__ = ["ScaledClock", "SimulatedClock"]

_YIELD: Final = 0.0002


class SimulatedClock:
    """A :class:`~govlink.clock.Clock` that moves only when waited on; thread-safe.

    :param start: the first instant (timezone-aware).
    """

    def __init__(self, start: datetime) -> None:
        if start.utcoffset() is None:
            raise ValueError("start must be timezone-aware")
        self._start = start
        self._now = start
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SimulatedClock({self.now().isoformat()})"

    def now(self) -> datetime:
        """The simulated instant."""
        with self._lock:
            return self._now

    def monotonic(self) -> float:
        """Simulated seconds since ``start``."""
        return (self.now() - self._start).total_seconds()

    def sleep(self, seconds: float) -> None:
        """Move the clock to at least ``seconds`` after now, and let other threads run."""
        with self._lock:
            target = self._now + timedelta(seconds=max(seconds, 0.0))
            self._now = max(self._now, target)
        time.sleep(_YIELD)

    def advance_to(self, moment: datetime) -> None:
        """Move the clock to ``moment`` (never backwards)."""
        with self._lock:
            self._now = max(self._now, moment)


class ScaledClock:
    """Simulated time running ``speed`` times faster than the real monotonic clock.

    It satisfies :class:`govlink.clock.Clock`; its wall-clock time starts at the real now.
    Processes on one machine share one simulated time by passing :attr:`origin` on:
    ``ScaledClock(speed, origin=parent.origin)`` (``time.monotonic`` is machine-wide).

    :param origin: the real ``time.monotonic()`` and the wall-clock instant simulated time
        starts at (default: now).
    """

    def __init__(self, speed: float = 1.0, *, origin: tuple[float, datetime] | None = None) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._start, self._wall_start = origin or (time.monotonic(), datetime.now(UTC))

    @property
    def origin(self) -> tuple[float, datetime]:
        """Where simulated time starts: the real ``time.monotonic()`` and the wall instant."""
        return self._start, self._wall_start

    def options(self) -> list[str]:
        """The command-line options that hand this clock to a worker process, which reads them
        back with :meth:`add_options` and :meth:`from_options`."""
        return [
            f"--speed={self.speed}",
            f"--origin={self._start!r}",
            f"--wall={self._wall_start.isoformat()}",
        ]

    @staticmethod
    def add_options(parser: argparse.ArgumentParser) -> None:
        """Add the options :meth:`options` gives to a worker's ``parser``."""
        parser.add_argument("--speed", type=float, required=True)
        parser.add_argument("--origin", type=float, required=True)
        parser.add_argument("--wall", type=datetime.fromisoformat, required=True)

    @classmethod
    def from_options(cls, args: argparse.Namespace) -> ScaledClock:
        """The clock the parsed options of :meth:`add_options` stand for."""
        return cls(speed=args.speed, origin=(args.origin, args.wall))

    def __repr__(self) -> str:
        return f"ScaledClock(speed={self.speed})"

    def now(self) -> datetime:
        """The simulated instant: the real start plus the simulated seconds since."""
        return self._wall_start + timedelta(seconds=self.monotonic())

    def monotonic(self) -> float:
        """Simulated seconds since the clock was made."""
        return (time.monotonic() - self._start) * self.speed

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` of simulated time (``seconds / speed`` for real)."""
        if seconds > 0:
            time.sleep(seconds / self.speed)
