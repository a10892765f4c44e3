"""What the table code shared by the SQLite and PostgreSQL stores needs from its host store.

The tables (companies, runs, settings, plan, documents, outbox, alerts, sync) are written once,
in the SQL both engines accept, against :class:`Connection`: ``sqlite3.Connection`` is one, and
:mod:`govlink.store._pg_connection` adapts psycopg to it (``?``/``:name`` placeholders, rows read
by position or name). What differs per engine is behind :class:`Host`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, ClassVar, Protocol

from govlink._closing import Closing
from govlink.clock import Clock, utc_timestamp
from govlink.errors import StoreError

__all__ = ["Connection", "Cursor", "Host", "StoreBase", "qualified"]


def qualified(table: str, schema: str | None) -> str:
    """``table`` in ``schema`` (quoted), or unqualified (the connection's) when ``None``."""
    return table if schema is None else f'"{schema.replace(chr(34), chr(34) * 2)}".{table}'


class Cursor(Protocol):
    """The result of one statement: rows readable as ``row[0]`` and ``row["column"]``."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of ``sqlite3.Connection`` the table code uses."""

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...


class Host(Protocol):
    """What a store offers the table mixins.

    ``_transaction(lock)`` is one write transaction, rolled back on error; ``lock`` names a
    critical section that no two transactions on the store may run at once (SQLite's write
    lock already serialises every write; PostgreSQL takes an advisory lock).
    ``_skip_locked(alias)`` is appended to a claim's ``SELECT … LIMIT 1`` (``FOR UPDATE OF
    alias SKIP LOCKED`` on PostgreSQL). ``_copy`` inserts many rows at once.
    """

    @property
    def _db(self) -> Connection: ...

    @property
    def _clock(self) -> Clock: ...

    def _reading(self) -> AbstractContextManager[None]: ...

    def _transaction(self, lock: str | None = None) -> AbstractContextManager[Connection]: ...

    def _now(self) -> str: ...

    def _skip_locked(self, alias: str) -> str: ...

    def _copy(
        self, db: Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> None: ...


class StoreBase(Closing, ABC):
    """What both stores share: ``with store:`` closes it at the end of the block, and its
    timestamps come from its clock as :func:`~govlink.clock.utc_timestamp` text."""

    _clock: Clock
    _engine_error: ClassVar[type[Exception]]
    """The driver's error class (``sqlite3.Error``, ``psycopg.Error``)."""
    _hides_cause: ClassVar[bool] = False
    """Whether a :class:`StoreError` drops the driver's error from its chain."""

    def _now(self) -> str:
        return utc_timestamp(self._clock.now())

    @abstractmethod
    def _failed(self, action: str, error: Exception) -> StoreError:
        """The error for a store that cannot be ``action`` (read, written, opened)."""

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Turn a driver error raised in the block into a :class:`StoreError`."""
        try:
            yield
        except self._engine_error as error:
            raise self._failed("read", error) from (None if self._hides_cause else error)

    @abstractmethod
    def close(self) -> None:
        """Close the store's connection."""
