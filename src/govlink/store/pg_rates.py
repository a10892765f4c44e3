"""The PostgreSQL backend of shared rate limits (see :mod:`govlink.store.rates`).

One transaction per call: the oldest permit of each limit that no other transaction is taking
(``SELECT … ORDER BY stamp LIMIT 1 FOR UPDATE SKIP LOCKED``), then, when all are free, one
``UPDATE`` marking them in flight. Concurrent workers lock different rows, so they never wait
on each other's transaction, and the row each decides on is the latest committed version.
Needs ``govlink[postgres]`` (psycopg 3).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Final

import psycopg

from govlink.errors import StoreError
from govlink.store._schema import rate_tables
from govlink.store.rates import (
    NEVER,
    TABLE,
    Grant,
    Oldest,
    RateWindow,
    choose,
    new_holder,
)

__all__ = ["PostgresRateStore"]

_CREATE: Final = (
    f"INSERT INTO {TABLE} (key, name, slot, stamp) "
    "SELECT %s, %s, slot, %s FROM generate_series(0, %s - 1) AS slot ON CONFLICT DO NOTHING"
)
_OLDEST: Final = (
    f"SELECT slot, stamp, holder FROM {TABLE} WHERE key = %s AND name = %s "
    "ORDER BY stamp LIMIT 1 FOR UPDATE SKIP LOCKED"
)
_TAKE: Final = (
    f"UPDATE {TABLE} SET stamp = %s, holder = %s WHERE key = %s AND name = %s AND slot = %s"
)
_SETTLE: Final = f"UPDATE {TABLE} SET stamp = %s, holder = NULL WHERE key = %s AND holder = %s"


class PostgresRateStore:
    """A :class:`~govlink.store.rates.RateStore` in a PostgreSQL database; thread-safe.

    :param url: ``postgresql://…``; every worker limiting the same credentials uses the same
        database.
    :raises StoreError: the database cannot be reached.
    """

    def __init__(self, url: str, *, connect_timeout: float = 10.0) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._ready: set[tuple[str, str]] = set()
        try:
            self._db = psycopg.connect(
                url, autocommit=True, connect_timeout=max(1, round(connect_timeout))
            )
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (TABLE,))
                for statement in rate_tables("postgres"):
                    self._db.execute(statement)
        except psycopg.Error as error:
            raise StoreError(f"the rate limits cannot be kept in PostgreSQL: {error}") from None

    def __repr__(self) -> str:
        return "PostgresRateStore()"

    def _prepare(self, key: str, windows: Sequence[RateWindow]) -> None:
        for window in windows:
            if (key, window.name) not in self._ready:
                self._db.execute(_CREATE, (key, window.name, NEVER, window.calls))
                self._ready.add((key, window.name))

    def take(
        self, key: str, windows: Sequence[RateWindow], *, now: float, hold: float
    ) -> Grant | float:
        """See :meth:`~govlink.store.rates.RateStore.take`."""
        holder = new_holder()
        with self._lock:
            self._prepare(key, windows)
            with self._db.transaction():
                oldest: list[Oldest] = []
                for window in windows:
                    row = self._db.execute(_OLDEST, (key, window.name)).fetchone()
                    oldest.append(None if row is None else (row[0], row[1], row[2]))
                wait = choose(windows, oldest, now)
                if wait > 0:
                    return wait  # the transaction ends, the locks go
                with self._db.cursor() as cursor:
                    cursor.executemany(
                        _TAKE,
                        [
                            (now + hold, holder, key, w.name, row[0])
                            for w, row in zip(windows, oldest, strict=True)
                            if row is not None
                        ],
                    )
        return Grant(key=key, holder=holder, names=tuple(w.name for w in windows))

    def settle(self, grant: Grant, *, now: float) -> None:
        """See :meth:`~govlink.store.rates.RateStore.settle`."""
        with self._lock:
            self._db.execute(_SETTLE, (now, grant.key, grant.holder))

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()
