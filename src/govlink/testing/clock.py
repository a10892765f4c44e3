"""A simulated wall clock for tests and benchmarks: a week of syncs in a second.

:class:`SimulatedClock` starts at a given instant and only moves when its ``parties`` (the
worker threads sharing it) all wait on it: then it jumps to the earliest wake-up time among
them, like a discrete-event simulation. Idle workers therefore skip empty hours at once, while
a worker that is busy holds the time still, so rate limits, backoffs and leases are measured
on simulated time exactly. :meth:`SimulatedClock.advance_to` moves it explicitly (from a
thread that is not a party), and a party that ends calls :meth:`SimulatedClock.leave`.

>>> from datetime import UTC, datetime
>>> clock = SimulatedClock(datetime(2026, 3, 2, 9, tzinfo=UTC))
>>> clock.sleep(90)
>>> clock.now().isoformat()
'2026-03-02T09:01:30+00:00'
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Final

__all__ = ["SimulatedClock"]

_RECHECK: Final = 0.01


class SimulatedClock:
    """A :class:`~govlink.sync.clock.WallClock` that moves when all its parties wait.

    :param start: the first instant (timezone-aware).
    :param parties: how many threads share it (each worker is one); the clock advances when
        that many are waiting.
    """

    def __init__(self, start: datetime, *, parties: int = 1) -> None:
        if start.utcoffset() is None:
            raise ValueError("start must be timezone-aware")
        self._now = start
        self._parties = parties
        self._wakeups: list[datetime] = []
        self._changed = threading.Condition()

    def __repr__(self) -> str:
        return f"SimulatedClock({self.now().isoformat()}, parties={self._parties})"

    def now(self) -> datetime:
        """The simulated instant."""
        with self._changed:
            return self._now

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` of simulated time (the clock moves once every party waits)."""
        with self._changed:
            wake = self._now + timedelta(seconds=max(seconds, 0.0))
            self._wakeups.append(wake)
            try:
                while self._now < wake:
                    if len(self._wakeups) >= self._parties:
                        self._now = min(self._wakeups)
                        self._changed.notify_all()
                    else:
                        self._changed.wait(_RECHECK)
            finally:
                self._wakeups.remove(wake)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Sleep ``seconds`` (unless ``event`` is already set); returns whether it is set."""
        if not event.is_set():
            self.sleep(seconds)
        return event.is_set()

    def leave(self) -> None:
        """One party is gone (its thread ended): the others no longer wait for it."""
        with self._changed:
            self._parties -= 1
            self._changed.notify_all()

    def advance_to(self, moment: datetime) -> None:
        """Move the clock to ``moment`` (never backwards)."""
        with self._changed:
            self._now = max(self._now, moment)
            self._changed.notify_all()
