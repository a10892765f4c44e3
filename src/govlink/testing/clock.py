"""A simulated wall clock for tests and benchmarks: a week of syncs in a second.

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

import threading
import time
from datetime import datetime, timedelta
from typing import Final

__all__ = ["SimulatedClock"]

_YIELD: Final = 0.0002


class SimulatedClock:
    """A :class:`~govlink.sync.clock.WallClock` that moves only when waited on; thread-safe.

    :param start: the first instant (timezone-aware).
    """

    def __init__(self, start: datetime) -> None:
        if start.utcoffset() is None:
            raise ValueError("start must be timezone-aware")
        self._now = start
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SimulatedClock({self.now().isoformat()})"

    def now(self) -> datetime:
        """The simulated instant."""
        with self._lock:
            return self._now

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
