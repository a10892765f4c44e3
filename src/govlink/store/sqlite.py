"""The embedded default store on the standard library's sqlite3.

WAL mode lets readers run beside one writer; every write takes the write lock up front
(``BEGIN IMMEDIATE``) and waits for it up to ``timeout`` seconds, so several processes can share
one file. Each apply is one transaction: an error or a crash part-way leaves the store as it was.
The file is one office (:data:`~govlink.store.offices.DEFAULT_OFFICE`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import StoreError
from govlink.store._company_tables import CompanyTables
from govlink.store._schema import LATEST_VERSION, migrate, require_current, schema_version
from govlink.store._sql import Connection, StoreBase
from govlink.store._sqlite_copy import copy_rows
from govlink.store._sqlite_documents import DocumentTables
from govlink.store._sqlite_open import FileKind, connect, is_marked, mark, refuse_foreign
from govlink.store._sqlite_sync import SyncTables
from govlink.store.offices import DEFAULT_OFFICE, check_office
from govlink.store.rates import SqliteRateStore
from govlink.store.sync import SyncCompany

__all__ = ["SQLiteStore"]


class SQLiteStore(StoreBase, CompanyTables, DocumentTables, SyncTables):
    """A :class:`~govlink.store.Store`, :class:`~govlink.store.PlanStore`,
    :class:`~govlink.store.DocumentStore` and :class:`~govlink.store.SyncStore` in one SQLite
    file, created and migrated on open.

    :param path: the database file (created when missing), or ``":memory:"``.
    :param timeout: seconds to wait for another process's write lock before failing.
    :param clock: where the store's timestamps come from (:data:`~govlink.clock.SYSTEM_CLOCK`).
    :param read_only: open without the write lock and without migrating; nothing is created or
        changed, and a missing or empty file reads as an empty store. Writing through a
        read-only store raises :class:`~govlink.StoreError`.
    :param office: must be ``None`` or :data:`~govlink.store.offices.DEFAULT_OFFICE`.
    :raises StoreError: the file cannot be opened, is not a govlink store (``store.foreign``),
        has a newer schema (``store.version``), or, read-only, needs a migration
        (``store.outdated``).

    One object serves one thread; any number of processes may open the same file. Opening
    takes the write lock only when the file is new or needs a migration.
    """

    _engine_error = sqlite3.Error

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        timeout: float = 30.0,
        clock: Clock = SYSTEM_CLOCK,
        read_only: bool = False,
        office: str | None = None,
    ) -> None:
        if check_office(office) != DEFAULT_OFFICE:
            raise StoreError(
                f"an SQLite store holds one office ({DEFAULT_OFFICE!r}), not {office!r}; "
                "keep several offices in PostgreSQL",
                code="store.office",
            )
        self._path = os.fspath(path)
        self._clock = clock
        self._read_only = read_only
        missing = self._path == ":memory:" or not os.path.exists(self._path)
        try:
            if read_only and missing:
                self._db = connect(":memory:", read_only=False, timeout=timeout)
            else:
                self._db = connect(self._path, read_only=read_only, timeout=timeout)
        except sqlite3.Error as error:
            raise self._failed("opened", error) from error
        self._db.row_factory = sqlite3.Row
        try:
            self._open(read_only=read_only and not missing)
        except sqlite3.Error as error:
            self._db.close()
            raise self._failed("opened", error) from error
        except StoreError:
            self._db.close()
            raise

    def _open(self, *, read_only: bool) -> None:
        db = self._db
        kind = refuse_foreign(db, self._path)
        if read_only:
            if kind is FileKind.STORE:
                require_current(db, self._path)
                return
            db.close()  # an empty file reads as an empty store
            self._db = db = connect(":memory:", read_only=False, timeout=0)
            db.row_factory = sqlite3.Row
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        if is_marked(db) and schema_version(db) == LATEST_VERSION:
            return
        with self._transaction() as db:
            refuse_foreign(db, self._path)
            migrate(db, now=self._now())
            mark(db)

    @property
    def path(self) -> str:
        """The database file."""
        return self._path

    @property
    def schema_version(self) -> int:
        """The schema version of the open store."""
        with self._reading():
            return schema_version(self._db)

    def __repr__(self) -> str:
        return f"SQLiteStore({self._path!r})"

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def rate_store(self) -> SqliteRateStore | None:
        """The API limits shared by every process opening this file (see docs/limits.md);
        ``None`` for a read-only or in-memory store. The caller closes it."""
        if self._read_only or self._path == ":memory:":
            return None
        return SqliteRateStore(self._path)

    def _failed(self, action: str, error: Exception) -> StoreError:
        return StoreError(f"the store {self._path} cannot be {action}: {error}")

    @contextmanager
    def _transaction(self, lock: str | None = None) -> Iterator[sqlite3.Connection]:
        """One write transaction holding the write lock from its start; rolled back on error
        (the write lock serialises every ``lock`` section too)."""
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._failed("written", error) from error
        try:
            yield db
            db.execute("COMMIT")
        except BaseException as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise self._failed("written", error) from error
            raise

    def _skip_locked(self, alias: str) -> str:
        return ""  # the write lock is held: no other claim runs meanwhile

    def _copy(
        self,
        db: Connection,
        table: str,
        columns: Sequence[str],
        rows: Iterable[Sequence[Any]],
    ) -> None:
        copy_rows(db, table, columns, rows)

    # offices

    @property
    def office(self) -> str:
        """The office this store serves: an SQLite file holds one."""
        return DEFAULT_OFFICE

    def offices(self) -> list[str]:
        """The offices in the store: the one of the file."""
        return [DEFAULT_OFFICE]

    def companies_by_office(self) -> dict[str, list[Company]]:
        """Every office's companies (see :class:`~govlink.store.OfficeDirectory`)."""
        return {DEFAULT_OFFICE: self.companies()}

    def archived_by_office(self) -> dict[str, dict[EnterpriseNumber, datetime]]:
        """Every office's archived companies (see :class:`~govlink.store.OfficeDirectory`)."""
        return {DEFAULT_OFFICE: self.archived()}

    def sync_companies_by_office(self) -> dict[str, list[SyncCompany]]:
        """Every office's sync state per company (see ``offices.SyncDirectory``)."""
        return {DEFAULT_OFFICE: self.sync_companies()}
