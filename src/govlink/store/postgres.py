"""The PostgreSQL store (``govlink[postgres]``, psycopg 3): many offices, many workers.

One database holds any number of offices. An office is a schema: the default office is the
schema the connection starts in (``public``, or the ``search_path`` of the URL), office ``x`` is
the schema ``<that schema>__x``. A store object is bound to one office by its ``search_path``,
so none of its queries can see another office's tables. Only the MyMinfin portal permits are
shared by every office (the portal's load is their sum): they are the default office's. The
tables and their SQL are the SQLite store's (see :mod:`govlink.store._sql`); the schema comes
from the ``postgres`` migration files, with the same versions as SQLite's.

Writes are transactions (an apply is all or nothing); critical sections (an apply's freshness
check, saving the plan, the sync claims and portal permits) take a transaction-scoped advisory
lock; an outbox claim takes its row with ``FOR UPDATE SKIP LOCKED``, so workers never wait on
each other's claims. Companies and run changes are written with ``COPY``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Final, TypeVar

import psycopg
from psycopg import sql

from govlink.clock import SYSTEM_CLOCK, Clock
from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import StoreError
from govlink.store._company_tables import CompanyTables, read_archived, read_companies
from govlink.store._pg_connection import PgConnection
from govlink.store._schema import LATEST_VERSION, migrate, migrations, require_current
from govlink.store._schema import schema_version as _version
from govlink.store._sql import Connection, StoreBase
from govlink.store._sqlite_documents import DocumentTables
from govlink.store._sqlite_sync import SyncTables, read_sync_companies
from govlink.store.offices import DEFAULT_OFFICE, check_office
from govlink.store.pg_rates import PostgresRateStore
from govlink.store.sync import SyncCompany

__all__ = ["PostgresStore"]

_SEPARATOR: Final = "__"
_MIGRATION_LOCK: Final = "govlink.migrate"
#: Locked sections whose tables every office shares: the default office's (the portal permits:
#: the MyMinfin portal's load is the sum of every office's syncs).
_SHARED_SECTIONS: Final = frozenset({"portal"})
_T = TypeVar("_T")


def _shown(url: str) -> str:
    """``url`` without its password, for messages."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the PostgreSQL store"
    host, dbname = parts.get("host", "localhost"), parts.get("dbname", "")
    return f"postgresql://{host}/{dbname}"


class PostgresStore(StoreBase, CompanyTables, DocumentTables, SyncTables):
    """Every store protocol of :class:`~govlink.store.SQLiteStore`, for one office of a
    PostgreSQL database.

    :param url: ``postgresql://user@host:port/db`` (libpq conninfo also works).
    :param office: the office to serve (``None``: :data:`~govlink.store.offices.DEFAULT_OFFICE`);
        a new office is created on the first writing open.
    :param read_only: no migration, no new office, and every transaction read-only.
    :raises StoreError: the database cannot be reached, the office does not exist (read-only),
        the schema is newer than this govlink (``store.version``) or, read-only, needs a
        migration (``store.outdated``).

    One object serves one thread; any number of processes may open the same database.
    """

    _engine_error = psycopg.Error
    _hides_cause = True

    def __init__(
        self,
        url: str,
        *,
        office: str | None = None,
        clock: Clock = SYSTEM_CLOCK,
        read_only: bool = False,
        connect_timeout: float = 10.0,
    ) -> None:
        self._url = url
        self._clock = clock
        self._read_only = read_only
        self._office = check_office(office)
        try:
            raw = psycopg.connect(
                url, autocommit=True, connect_timeout=max(1, round(connect_timeout))
            )
        except psycopg.Error as error:
            raise self._failed("opened", error) from None
        self._db = PgConnection(raw)
        try:
            self._root = self._starting_schema()
            self._open()
        except psycopg.Error as error:
            raw.close()
            raise self._failed("opened", error) from None
        except StoreError:
            raw.close()
            raise

    def _starting_schema(self) -> str:
        """The schema the connection starts in: the default office's."""
        row = self._db.raw.execute("SELECT current_schema()").fetchone()
        if row is None or row[0] is None:
            raise StoreError(
                f"{_shown(self._url)}: the schema of the search_path does not exist; create it",
                code="store.office",
            )
        return str(row[0])

    def _schema(self, office: str) -> str:
        return self._root if office == DEFAULT_OFFICE else f"{self._root}{_SEPARATOR}{office}"

    def _open(self) -> None:
        raw = self._db.raw
        schema = self._schema(self._office)
        exists = raw.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
        if self._read_only:
            if exists is None:
                raise StoreError(
                    f"{_shown(self._url)} has no office {self._office!r}", code="store.office"
                )
            self._use(schema)
            if _version(self._db, "postgres") == 0:
                self._empty_tables()
            require_current(self._db, _shown(self._url), "postgres")
            raw.read_only = True
            return
        with raw.transaction():
            raw.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (_MIGRATION_LOCK,))
            if exists is None:
                raw.execute(
                    sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema))
                )
            for office_schema in dict.fromkeys((self._root, schema)):  # shared tables first
                self._use(office_schema)
                if _version(self._db, "postgres") != LATEST_VERSION:
                    migrate(self._db, migrations("postgres"), now=self._now(), backend="postgres")

    def _empty_tables(self) -> None:
        """Read an office that was never written as an empty store: its tables, empty, in
        this session's temporary schema (like a missing SQLite file)."""
        raw = self._db.raw
        raw.execute("SET search_path TO pg_temp")
        with raw.transaction():
            migrate(self._db, migrations("postgres"), now=self._now(), backend="postgres")

    def _use(self, schema: str) -> None:
        self._db.raw.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))

    @property
    def office(self) -> str:
        """The office this store object reads and writes."""
        return self._office

    @property
    def schema_version(self) -> int:
        """The schema version of the open office."""
        with self._reading():
            return _version(self._db, "postgres")

    def __repr__(self) -> str:
        return f"PostgresStore({_shown(self._url)!r}, office={self._office!r})"

    def close(self) -> None:
        """Close the database connection."""
        self._db.raw.close()

    def rate_store(self) -> PostgresRateStore | None:
        """The API limits shared by every worker on this database, across offices (see
        docs/limits.md); ``None`` for a read-only store. The caller closes it."""
        if self._read_only:
            return None
        return PostgresRateStore(self._url)

    def _failed(self, action: str, error: Exception) -> StoreError:
        first = (str(error).strip().splitlines() or ["no answer"])[0]
        return StoreError(f"the store {_shown(self._url)} cannot be {action}: {first}")

    @contextmanager
    def _transaction(self, lock: str | None = None) -> Iterator[PgConnection]:
        """One transaction, rolled back on error; ``lock`` is held until it ends (a shared
        section runs on the default office's tables)."""
        if self._read_only:
            raise StoreError(
                f"the store {_shown(self._url)} cannot be written: it is open read-only"
            )
        raw = self._db.raw
        shared = lock in _SHARED_SECTIONS
        schema = self._root if shared else self._schema(self._office)
        try:
            with raw.transaction():
                if lock is not None:
                    raw.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{schema}.{lock}",))
                if shared:
                    raw.execute(
                        sql.SQL("SET LOCAL search_path TO {}").format(sql.Identifier(schema))
                    )
                yield self._db
        except psycopg.Error as error:
            raise self._failed("written", error) from None

    def _skip_locked(self, alias: str) -> str:
        return f" FOR UPDATE OF {alias} SKIP LOCKED"

    def _copy(
        self,
        db: Connection,
        table: str,
        columns: Sequence[str],
        rows: Iterable[Sequence[Any]],
    ) -> None:
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        assert isinstance(db, PgConnection)
        with db.raw.cursor().copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    # offices

    def offices(self) -> list[str]:
        """Every office in the database, sorted."""
        prefix = f"{self._root}{_SEPARATOR}"
        with self._reading():
            rows = self._db.raw.execute(
                "SELECT n.nspname FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid "
                "WHERE c.relname = 'schema_version' AND (n.nspname = %s OR "
                "left(n.nspname, %s) = %s)",
                (self._root, len(prefix), prefix),
            ).fetchall()
        names = {
            DEFAULT_OFFICE if row[0] == self._root else str(row[0])[len(prefix) :] for row in rows
        }
        return sorted(names)

    def companies_by_office(self) -> dict[str, list[Company]]:
        """Every office's companies, read in one snapshot."""
        return self._by_office(read_companies)

    def archived_by_office(self) -> dict[str, dict[EnterpriseNumber, datetime]]:
        """Every office's archived companies, read in one snapshot."""
        return self._by_office(read_archived)

    def sync_companies_by_office(self) -> dict[str, list[SyncCompany]]:
        """Every office's sync state per company, read in one snapshot."""
        return self._by_office(read_sync_companies)

    def _by_office(self, read: Callable[[Connection, str], _T]) -> dict[str, _T]:
        """``read(connection, schema)`` of every office, in one snapshot."""
        found: dict[str, _T] = {}
        with self._reading(), self._db.raw.transaction():
            self._db.raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            for office in self.offices():
                found[office] = read(self._db, self._schema(office))
        return found
