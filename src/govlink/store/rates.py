"""Rate limits shared by every process: the :class:`RateStore` protocol and its SQLite backend.

An API counts calls per credential, whichever process makes them. A :class:`RateStore` keeps,
per credential fingerprint (never the secret) and per limit of ``calls`` per ``per`` seconds,
``calls`` *permits*: rows with the time their last call ended. A call takes one free permit of
every limit it counts against, in one transaction (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL:
``SELECT … FOR UPDATE SKIP LOCKED``), holds it while in flight (its stamp is then ``now +
hold``, so a worker killed mid-call frees it after ``hold`` seconds) and on return stamps it with
the end of the call. A permit is free again ``per`` seconds after that stamp.

Why this holds the limit in *every* sliding window, summed over all processes: two calls on the
same permit reach the server at least ``per`` seconds apart (the second starts ``per`` after the
first *finished*), so ``calls + 1`` arrivals within less than ``per`` seconds would need two on
one permit. A token bucket (or GCRA with a burst of ``calls``) lets ``2 × calls`` through across
a window boundary, and a "next allowed time" stamped at the start of a call is broken by
latency; permits stamped at the end are not, and they let a saturated pipeline run at the full
rate.

Times are the :class:`~govlink.clock.Clock`'s wall seconds (``clock.now().timestamp()``): the
processes sharing a store need synchronised clocks (NTP); a skew of ``s`` seconds lets a
window hold the calls of ``per + s`` seconds.

>>> store = SqliteRateStore(":memory:")
>>> limit = RateWindow("documents/add@2/60", calls=2, per=60.0)
>>> first = store.take("key", (limit,), now=0.0, hold=30.0)
>>> isinstance(first, Grant)
True
>>> store.settle(first, now=1.0)
>>> store.settle(store.take("key", (limit,), now=2.0, hold=30.0), now=3.0)  # type: ignore[arg-type]
>>> store.take("key", (limit,), now=4.0, hold=30.0)  # both busy: wait until 1.0 + 60
57.0
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Final, Protocol

import attrs

from govlink.store._schema import rate_tables

__all__ = [
    "NEVER",
    "TABLE",
    "Grant",
    "Oldest",
    "RateStore",
    "RateWindow",
    "SqliteRateStore",
    "choose",
    "closing_rates",
    "new_holder",
    "permit_wait",
    "poll_interval",
]

#: The table every backend keeps its permits in.
TABLE: Final = "govlink_rate_permits"
#: The stamp of a permit never used.
NEVER: Final = -1e18
_TICK: Final = 1e-6
_BUSY_PAUSE: Final = 0.001


@attrs.frozen
class RateWindow:
    """One limit of one credential: at most ``calls`` calls in any ``per`` seconds.

    :param name: identifies the limit and its numbers (e.g. ``"documents/add@50/60"``), so
        workers configured with other numbers never share permits they count differently.
    """

    name: str
    calls: int = attrs.field(validator=attrs.validators.gt(0))
    per: float = attrs.field(validator=attrs.validators.gt(0))


@attrs.frozen
class Grant:
    """The permits one call holds: ``holder`` marks them; ``key`` is the credential's."""

    key: str
    holder: str
    names: tuple[str, ...]


class RateStore(Protocol):
    """Where the permits of shared rate limits live (see the module text)."""

    def take(
        self, key: str, windows: Sequence[RateWindow], *, now: float, hold: float
    ) -> Grant | float:
        """Take one free permit of every window at once, or none: then the seconds to wait."""
        ...

    def settle(self, grant: Grant, *, now: float) -> None:
        """The call of ``grant`` ended at ``now``: its permits are free ``per`` after that."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


@contextmanager
def closing_rates(rates: RateStore | None) -> Iterator[RateStore | None]:
    """Use ``rates`` (which may be ``None``: no sharing) and close it after."""
    try:
        yield rates
    finally:
        if rates is not None:
            rates.close()


def poll_interval(window: RateWindow) -> float:
    """How long to wait when every permit of ``window`` is in flight (it may end any moment)."""
    return window.per / window.calls


def permit_wait(window: RateWindow, stamp: float, holder: str | None, now: float) -> float:
    """Seconds until the oldest permit (``stamp``, ``holder``) of ``window`` is free (0: now)."""
    if now - stamp >= window.per:
        return 0.0
    wait = max(stamp + window.per - now, _TICK)  # never 0 while the window is not over
    return min(wait, poll_interval(window)) if holder is not None else wait


def new_holder() -> str:
    """A fresh holder mark for one call's permits."""
    return uuid.uuid4().hex


Oldest = tuple[int, float, str | None] | None
"""A window's oldest permit that nobody else is taking: (slot, stamp, holder), else ``None``."""


def choose(windows: Sequence[RateWindow], oldest: Sequence[Oldest], now: float) -> float:
    """Seconds to wait before the permits ``oldest`` (one per window) are all free (0: take
    them now); a window whose permits are all being taken by others is polled."""
    return max(
        (
            poll_interval(window) if row is None else permit_wait(window, row[1], row[2], now)
            for window, row in zip(windows, oldest, strict=True)
        ),
        default=0.0,
    )


_OLDEST: Final = (
    f"SELECT slot, stamp, holder FROM {TABLE} WHERE key = ? AND name = ? ORDER BY stamp LIMIT 1"
)


class SqliteRateStore:
    """A :class:`RateStore` in a SQLite file (a govlink store's, or its own); thread-safe.

    :param path: the database file; every process limiting the same credentials opens the same.
    :param timeout: seconds to wait for another process's write lock.
    """

    def __init__(self, path: str, *, timeout: float = 30.0) -> None:
        self.path = path
        self._timeout = timeout
        self._lock = threading.Lock()
        self._db = sqlite3.connect(
            path, timeout=timeout, isolation_level=None, check_same_thread=False
        )
        if path != ":memory:":
            self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")  # losing the last stamps only slows
        for statement in rate_tables("sqlite"):
            self._db.execute(statement)
        self._db.execute("PRAGMA busy_timeout = 0")  # see _begin

    def _begin(self) -> None:
        """``BEGIN IMMEDIATE``, retried every millisecond while another process writes.

        SQLite's own busy handler sleeps up to 100 ms between tries; a permit freed meanwhile
        would stay unused that long, and every window would lose that much of its rate.
        """
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                if time.monotonic() > deadline:
                    raise
                time.sleep(_BUSY_PAUSE)

    def __repr__(self) -> str:
        return f"SqliteRateStore({self.path!r})"

    def take(
        self, key: str, windows: Sequence[RateWindow], *, now: float, hold: float
    ) -> Grant | float:
        """See :meth:`RateStore.take`."""
        holder = new_holder()
        with self._lock:
            db = self._db
            self._begin()
            try:
                oldest: list[Oldest] = []
                for window in windows:
                    row = db.execute(_OLDEST, (key, window.name)).fetchone()
                    if row is None:
                        db.executemany(
                            f"INSERT INTO {TABLE} (key, name, slot, stamp) VALUES (?, ?, ?, ?)",
                            [(key, window.name, s, NEVER) for s in range(window.calls)],
                        )
                        row = (0, NEVER, None)
                    oldest.append((row[0], row[1], row[2]))
                wait = choose(windows, oldest, now)
                if wait > 0:
                    db.execute("ROLLBACK")
                    return wait
                db.executemany(
                    f"UPDATE {TABLE} SET stamp = ?, holder = ? WHERE key = ? AND name = ? "
                    "AND slot = ?",
                    [
                        (now + hold, holder, key, w.name, row[0])
                        for w, row in zip(windows, oldest, strict=True)
                        if row is not None
                    ],
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return Grant(key=key, holder=holder, names=tuple(w.name for w in windows))

    def settle(self, grant: Grant, *, now: float) -> None:
        """See :meth:`RateStore.settle`."""
        with self._lock:
            self._begin()
            try:
                self._db.execute(
                    f"UPDATE {TABLE} SET stamp = ?, holder = NULL WHERE key = ? AND holder = ?",
                    (now, grant.key, grant.holder),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()
