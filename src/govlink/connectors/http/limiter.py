"""Client-side rate limiting: sliding windows over named buckets, shared per credential.

A :class:`RateLimiter` holds several buckets (``"all"``, ``"documents/add"``, ...), each with one
or more :class:`Rate` windows. :meth:`RateLimiter.acquire` blocks until every named bucket has
room, then returns a permit; a call holds its permit while it is in flight and, when it ends,
its stamp moves to the completion time. Counting a call from its start until one window after it
*finished* keeps the server's count (taken at arrival, somewhere in between) under the limit
whatever the network latency.

APIs count calls per credential, so every client using the same credential must share one
limiter: :func:`shared_limiter` keeps one per (credential fingerprint, limits, clock, store).
Given a :class:`~govlink.store.rates.RateStore`, the limiter keeps its windows there instead of
in memory, so every process on the same store shares them (see docs/limits.md).

>>> from govlink.testing.clock import ScaledClock
>>> limiter = RateLimiter({"all": (Rate(2, 1.0),)}, clock=ScaledClock(speed=1000))
>>> for _ in range(3):
...     with limiter.acquire("all"):
...         pass
"""

from __future__ import annotations

import math
import threading
import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Final

import attrs

from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.store.rates import Grant, RateStore, RateWindow

__all__ = ["Limits", "Rate", "RateLimiter", "shared_limiter"]

_IN_FLIGHT: Final = math.inf
#: Seconds a permit in the store counts as in flight when its holder never reports back.
DEFAULT_HOLD: Final = 300.0


@attrs.frozen
class Rate:
    """At most ``calls`` calls in any window of ``per`` seconds."""

    calls: int = attrs.field(validator=attrs.validators.gt(0))
    per: float = attrs.field(validator=attrs.validators.gt(0))


class _Window:
    __slots__ = ("rate", "stamps")

    def __init__(self, rate: Rate) -> None:
        self.rate = rate
        self.stamps: list[list[float]] = []

    def wait(self, now: float) -> float:
        """Seconds until this window has room (0 when it has); purges stale stamps."""
        horizon = now - self.rate.per
        self.stamps = [s for s in self.stamps if s[0] > horizon]
        if len(self.stamps) < self.rate.calls:
            return 0.0
        finished = sorted(s[0] for s in self.stamps if s[0] != _IN_FLIGHT)
        excess = len(self.stamps) - self.rate.calls
        if excess < len(finished):
            return finished[excess] - horizon
        return self.rate.per / self.rate.calls  # only calls in flight: poll


Limits = Mapping[str, tuple[Rate, ...]]


class RateLimiter:
    """Blocks callers so that no bucket exceeds its rates; thread-safe.

    :param limits: bucket name -> its rates, e.g. ``{"all": (Rate(480, 60),)}``.
    :param clock: where time is read and waited on (scaled in tests).
    :param store: keep the windows there, shared with every process using it (``None``: in
        this process only).
    :param key: the credential's fingerprint the store's windows are kept under.
    :param hold: seconds a call's permits count as in flight if its process dies mid-call.
    """

    def __init__(
        self,
        limits: Limits,
        *,
        clock: Clock = SYSTEM_CLOCK,
        store: RateStore | None = None,
        key: str = "",
        hold: float = DEFAULT_HOLD,
    ) -> None:
        self._windows = {name: tuple(_Window(r) for r in rates) for name, rates in limits.items()}
        self._shared = {
            name: tuple(RateWindow(f"{name}@{r.calls}/{r.per:g}", r.calls, r.per) for r in rates)
            for name, rates in limits.items()
        }
        self._clock = clock
        self._lock = threading.Lock()
        self._store = store
        self._key = key
        self._hold = hold

    @property
    def clock(self) -> Clock:
        """The clock the limiter reads and waits on."""
        return self._clock

    @contextmanager
    def acquire(self, *buckets: str) -> Iterator[None]:
        """Wait for room in every named bucket, hold it for the call, then stamp its end.

        Unknown bucket names are ignored, so a caller may name a bucket a limiter lacks.
        """
        if self._store is not None:
            with self._acquire_shared(self._store, buckets):
                yield
            return
        windows = [w for b in buckets for w in self._windows.get(b, ())]
        while True:
            with self._lock:
                now = self._clock.monotonic()
                delay = max((w.wait(now) for w in windows), default=0.0)
                if delay <= 0:
                    stamp = [_IN_FLIGHT]
                    for window in windows:
                        window.stamps.append(stamp)
                    break
            self._clock.sleep(delay)
        try:
            yield
        finally:
            with self._lock:
                stamp[0] = self._clock.monotonic()

    @contextmanager
    def _acquire_shared(self, store: RateStore, buckets: tuple[str, ...]) -> Iterator[None]:
        windows = [w for b in buckets for w in self._shared.get(b, ())]
        if not windows:
            yield
            return
        while True:
            taken = store.take(
                self._key, windows, now=self._clock.now().timestamp(), hold=self._hold
            )
            if isinstance(taken, Grant):
                break
            self._clock.sleep(taken)
        try:
            yield
        finally:
            store.settle(taken, now=self._clock.now().timestamp())


_SHARED: Final[weakref.WeakKeyDictionary[Clock, dict[object, RateLimiter]]] = (
    weakref.WeakKeyDictionary()
)
_SHARED_LOCK: Final = threading.Lock()


def shared_limiter(
    key: str, limits: Limits, *, clock: Clock = SYSTEM_CLOCK, store: RateStore | None = None
) -> RateLimiter:
    """The one limiter for ``key`` (a credential fingerprint) with these limits on this clock.

    Clients built with the same credential get the same object, so together they stay under the
    limits; never pass the credential itself as ``key`` (use :attr:`Secret.fingerprint`). With a
    ``store``, the limits hold for every process sharing it.
    """
    identity = (
        key,
        tuple(sorted((name, tuple(rates)) for name, rates in limits.items())),
        None if store is None else id(store),
    )
    with _SHARED_LOCK:
        per_clock = _SHARED.setdefault(clock, {})
        limiter = per_clock.get(identity)
        if limiter is None:
            limiter = per_clock[identity] = RateLimiter(limits, clock=clock, store=store, key=key)
        return limiter
