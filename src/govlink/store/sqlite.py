"""The embedded default store on the standard library's sqlite3.

WAL mode lets readers run beside one writer; every write takes the write lock up front
(``BEGIN IMMEDIATE``) and waits for it up to ``timeout`` seconds, so several processes can share
one file. Each apply is one transaction: an error or a crash part-way leaves the store as it was.
"""

from __future__ import annotations

import functools
import json
import operator
import os
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Final, TypeVar

import attrs

from govlink._closing import Closing
from govlink.clock import SYSTEM_CLOCK, Clock, utc_timestamp
from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.normalize import fold
from govlink.domain.records import SourceRef
from govlink.errors import StaleStoreError, StoreError
from govlink.planner.result import Plan
from govlink.reconcile.policy import ApplyPlan, Update
from govlink.store._schema import LATEST_VERSION, migrate, require_current, schema_version
from govlink.store._sqlite_documents import DocumentTables
from govlink.store._sqlite_open import FileKind, connect, is_marked, mark, refuse_foreign
from govlink.store._sqlite_plans import read_plan, write_plan
from govlink.store._sqlite_sync import SyncTables
from govlink.store.base import (
    AppliedChange,
    CompanyPage,
    ImportCounts,
    ImportRun,
    RunInfo,
    StoredPlan,
    WriteProgress,
)
from govlink.store.rates import SqliteRateStore

__all__ = ["SQLiteStore"]

_DATA: Final = COMPANY_FIELDS[1:]
_DATA_VALUES: Final = operator.attrgetter(*_DATA)
_ORIGIN: Final = ("origin_source", "origin_record_id", "origin_row")
_COLUMNS: Final = (*COMPANY_FIELDS, *_ORIGIN)
_SELECT_COMPANIES: Final = f"SELECT {', '.join(_COLUMNS)} FROM companies"
_INSERT_COMPANY: Final = (
    f"INSERT INTO companies ({', '.join(_COLUMNS)}, created_at, updated_at) "
    f"VALUES ({', '.join('?' * (len(_COLUMNS) + 2))})"
)
_COUNT_FIELDS: Final = (
    "rows",
    "only_in_source",
    "only_in_platform",
    "matching",
    "changed",
    "invalid",
    "skipped",
)
_RUN_COLUMNS: Final = ("id", "applied_at", "source", "location", "actor", *_COUNT_FIELDS)


def _company_row(company: Company) -> tuple[object, ...]:
    origin = company.origin
    values = (company.enterprise_number.compact, *_DATA_VALUES(company))
    if origin is None:
        return (*values, None, None, None)
    return (*values, origin.source, origin.record_id, origin.row)


def _company(row: sqlite3.Row) -> Company:
    data = {name: row[name] for name in COMPANY_FIELDS}
    data["enterprise_number"] = EnterpriseNumber.from_trusted(row["enterprise_number"])
    source = row["origin_source"]
    origin = (
        None
        if source is None
        else SourceRef(source=source, record_id=row["origin_record_id"], row=row["origin_row"])
    )
    return Company(origin=origin, **data)


def _folded(value: str | None) -> str:
    """``govlink_fold()`` in SQL: :func:`~govlink.domain.normalize.fold`, ``''`` for NULL."""
    return "" if value is None else fold(value)


def _page_filter(
    search: str | None, responsible: str | None, archived: bool
) -> tuple[str, list[str]]:
    """The WHERE clause (and its parameters) of :meth:`SQLiteStore.companies_page`."""
    clauses = [f"archived_at IS {'NOT ' if archived else ''}NULL"]
    params: list[str] = []
    if responsible is not None:
        clauses.append("govlink_fold(responsible) = ?")
        params.append(fold(responsible))
    if search is not None:
        wanted = fold(search)
        digits = "".join(ch for ch in wanted if ch.isdigit())
        clauses.append(
            "(instr(govlink_fold(name), ?) > 0 OR (? != '' AND instr(enterprise_number, ?) > 0))"
        )
        params += [wanted, digits, digits]
    return " WHERE " + " AND ".join(clauses), params


def _values(company: Company, fields: Iterable[str]) -> dict[str, str | None]:
    return {name: getattr(company, name) for name in fields}


class SQLiteStore(Closing, DocumentTables, SyncTables):
    """A :class:`~govlink.store.Store`, :class:`~govlink.store.PlanStore`,
    :class:`~govlink.store.DocumentStore` and :class:`~govlink.store.SyncStore` in one SQLite
    file, created and migrated on open.

    :param path: the database file (created when missing), or ``":memory:"``.
    :param timeout: seconds to wait for another process's write lock before failing.
    :param clock: where the store's timestamps come from (:data:`~govlink.clock.SYSTEM_CLOCK`).
    :param read_only: open without the write lock and without migrating; nothing is created or
        changed, and a missing or empty file reads as an empty store. Writing through a
        read-only store raises :class:`~govlink.StoreError`.
    :raises StoreError: the file cannot be opened, is not a govlink store (``store.foreign``),
        has a newer schema (``store.version``), or, read-only, needs a migration
        (``store.outdated``).

    One object serves one thread; any number of processes may open the same file. Opening
    takes the write lock only when the file is new or needs a migration.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        timeout: float = 30.0,
        clock: Clock = SYSTEM_CLOCK,
        read_only: bool = False,
    ) -> None:
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
        self._db.create_function("govlink_fold", 1, _folded, deterministic=True)
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

    def _now(self) -> str:
        return utc_timestamp(self._clock.now())

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

    def _failed(self, action: str, error: sqlite3.Error) -> StoreError:
        return StoreError(f"the store {self._path} cannot be {action}: {error}")

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise self._failed("read", error) from error

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction holding the write lock from its start; rolled back on error."""
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

    # companies

    def companies(self) -> list[Company]:
        """Every company, sorted by enterprise number."""
        with self._reading():
            rows = self._db.execute(f"{_SELECT_COMPANIES} ORDER BY enterprise_number").fetchall()
        return [_company(row) for row in rows]

    def companies_page(
        self,
        *,
        search: str | None = None,
        responsible: str | None = None,
        archived: bool = False,
        limit: int | None = None,
    ) -> CompanyPage:
        """The companies whose name or number contains ``search`` and whose responsible
        colleague is ``responsible`` (case and spacing ignored; ``None`` matches all), sorted by
        enterprise number: the first ``limit`` (``None``: all) and how many match in all. Only
        the archived companies with ``archived``, else only those not archived.

        Filtered, counted and cut in SQL, so a page of a large store loads only that page.
        """
        where, params = _page_filter(search, responsible, archived)
        with self._reading():
            (total,) = self._db.execute(f"SELECT count(*) FROM companies{where}", params).fetchone()
            rows = self._db.execute(
                f"{_SELECT_COMPANIES}{where} ORDER BY enterprise_number LIMIT ?",
                (*params, -1 if limit is None else limit),
            ).fetchall()
        return CompanyPage(companies=tuple(map(_company, rows)), total=total)

    def company(self, number: EnterpriseNumber) -> Company | None:
        """The company with this number, or ``None``."""
        with self._reading():
            row = self._db.execute(
                f"{_SELECT_COMPANIES} WHERE enterprise_number = ?", (number.compact,)
            ).fetchone()
        return None if row is None else _company(row)

    def archived(self) -> dict[EnterpriseNumber, datetime]:
        """The archived companies, with when each was archived (UTC)."""
        with self._reading():
            rows = self._db.execute(
                "SELECT enterprise_number, archived_at FROM companies "
                "WHERE archived_at IS NOT NULL ORDER BY enterprise_number"
            ).fetchall()
        return {
            EnterpriseNumber.from_trusted(number): datetime.fromisoformat(at) for number, at in rows
        }

    def set_archived(
        self, numbers: Collection[EnterpriseNumber], *, archived: bool
    ) -> tuple[EnterpriseNumber, ...]:
        """Archive (or restore) these companies in one transaction (see ``CompanyArchive``)."""
        wanted = sorted(set(numbers))
        if not wanted:
            return ()
        with self._transaction() as db:
            state = dict(
                db.execute(
                    "SELECT enterprise_number, archived_at IS NOT NULL FROM companies "
                    f"WHERE enterprise_number IN ({', '.join('?' * len(wanted))})",
                    [n.compact for n in wanted],
                ).fetchall()
            )
            missing = [n.formatted for n in wanted if n.compact not in state]
            if missing:
                raise StoreError(
                    f"not on the platform: {', '.join(missing)} (nothing was changed)",
                    code="store.not_found",
                )
            changed = [n for n in wanted if bool(state[n.compact]) is not archived]
            stamp = self._now() if archived else None
            db.executemany(
                "UPDATE companies SET archived_at = ? WHERE enterprise_number = ?",
                [(stamp, n.compact) for n in changed],
            )
        return tuple(changed)

    # import runs

    def apply(
        self, plan: ApplyPlan, run: RunInfo, *, progress: WriteProgress | None = None
    ) -> ImportRun:
        """Carry out ``plan`` and record ``run`` in one transaction (see ``ImportStore.apply``)."""
        total = len(plan.add) + len(plan.update)
        now = self._now()
        with self._transaction() as db:
            _check_fresh(db, plan)
            run_id = _insert_run(db, run)
            added = ((*_company_row(company), now, now) for company in plan.add)
            db.executemany(_INSERT_COMPANY, _counted(added, 1, total, progress))
            for update in _counted(plan.update, len(plan.add) + 1, total, progress):
                _update_company(db, update, now)
            changes = sorted(map(_added, plan.add), key=_CHANGE_ORDER)
            changes += sorted(map(_updated, plan.update), key=_CHANGE_ORDER)
            db.executemany(_INSERT_CHANGE, (_change_row(run_id, c) for c in changes))
        # What import_runs() reads back, built from what was written instead of read again.
        stored = attrs.evolve(run, at=datetime.fromisoformat(utc_timestamp(run.at)))
        return ImportRun(id=run_id, info=stored, changes=tuple(changes))

    def import_runs(self) -> list[ImportRun]:
        """Every applied import run, newest first."""
        with self._reading():
            return _select_runs(self._db)

    # sync plan

    def load_plan(self) -> StoredPlan | None:
        """The saved sync plan, or ``None`` before the first save."""
        with self._reading():
            return read_plan(self._db)

    def save_plan(self, plan: Plan, *, replaces: int | None) -> StoredPlan:
        """Replace the saved plan in one transaction (see ``PlanStore.save_plan``)."""
        with self._transaction() as db:
            return write_plan(db, plan, replaces, now=self._clock.now())

    # settings

    def get_setting(self, key: str) -> str | None:
        """The value of ``key``, or ``None`` when unset."""
        with self._reading():
            row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str | None) -> None:
        """Set ``key`` to ``value``; ``None`` removes it."""
        with self._transaction() as db:
            if value is None:
                db.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                db.execute(
                    "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at",
                    (key, value, self._now()),
                )

    def settings(self) -> dict[str, str]:
        """Every setting."""
        with self._reading():
            rows = self._db.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
        return {str(key): str(value) for key, value in rows}


_CHUNK: Final = 500  # numbers per IN (...) list, under SQLite's variable limit


def _check_fresh(db: sqlite3.Connection, plan: ApplyPlan) -> None:
    """Refuse the plan when a company to add exists or one to update changed since the
    preview; only the numbers, and the companies to update, are read."""
    numbers = {number for (number,) in db.execute("SELECT enterprise_number FROM companies")}
    stale = [c.enterprise_number for c in plan.add if c.enterprise_number.compact in numbers]
    before = {u.before.enterprise_number.compact: u.before for u in plan.update}
    wanted = list(before)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = db.execute(
            f"{_SELECT_COMPANIES} WHERE enterprise_number IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        current = {row["enterprise_number"]: _company(row) for row in rows}
        stale += [before[n].enterprise_number for n in chunk if current.get(n) != before[n]]
    if stale:
        shown = ", ".join(n.formatted for n in sorted(stale)[:3])
        raise StaleStoreError(
            f"the store changed since the preview ({shown}); nothing was written, preview again"
        )


def _update_company(db: sqlite3.Connection, update: Update, now: str) -> None:
    assignments = ", ".join(f"{name} = ?" for name in update.fields)
    db.execute(
        f"UPDATE companies SET {assignments}, updated_at = ? WHERE enterprise_number = ?",
        (
            *(getattr(update.after, name) for name in update.fields),
            now,
            update.after.enterprise_number.compact,
        ),
    )


def _insert_run(db: sqlite3.Connection, run: RunInfo) -> int:
    counts = run.counts
    cursor = db.execute(
        f"INSERT INTO import_runs ({', '.join(_RUN_COLUMNS[1:])}) "
        f"VALUES ({', '.join('?' * (len(_RUN_COLUMNS) - 1))})",
        (
            utc_timestamp(run.at),
            run.source,
            run.location,
            run.actor,
            *(getattr(counts, name) for name in _COUNT_FIELDS),
        ),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


_INSERT_CHANGE: Final = (
    "INSERT INTO import_run_changes (run_id, enterprise_number, action, fields, before, after) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)

_T = TypeVar("_T")


def _counted(
    items: Iterable[_T], start: int, total: int, progress: WriteProgress | None
) -> Iterator[_T]:
    """``items``, reporting each one done to ``progress`` (numbered from ``start``)."""
    for done, item in enumerate(items, start=start):
        yield item
        if progress is not None:
            progress(done, total)


_CHANGE_ORDER: Final = operator.attrgetter("enterprise_number.compact")
# The few distinct field lists of the changes, as JSON.
_fields_json: Final = functools.lru_cache(maxsize=1024)(json.dumps)


def _change_row(run_id: int, change: AppliedChange) -> tuple[object, ...]:
    return (
        run_id,
        change.enterprise_number.compact,
        change.action,
        _fields_json(change.fields),
        json.dumps(change.before) if change.before else "{}",
        json.dumps(change.after),
    )


def _added(company: Company) -> AppliedChange:
    after = {n: v for n, v in zip(_DATA, _DATA_VALUES(company), strict=True) if v is not None}
    return AppliedChange(
        enterprise_number=company.enterprise_number,
        action="added",
        fields=tuple(after),
        before={},
        after=after,
    )


def _updated(update: Update) -> AppliedChange:
    return AppliedChange(
        enterprise_number=update.after.enterprise_number,
        action="updated",
        fields=update.fields,
        before=_values(update.before, update.fields),
        after=_values(update.after, update.fields),
    )


def _select_runs(db: sqlite3.Connection, run_id: int | None = None) -> list[ImportRun]:
    """The runs (all, or the one with ``run_id``) with their changes, newest first."""
    where, params = ("", ()) if run_id is None else ("WHERE id = ?", (run_id,))
    runs = db.execute(
        f"SELECT {', '.join(_RUN_COLUMNS)} FROM import_runs {where} ORDER BY id DESC", params
    ).fetchall()
    changes: dict[int, list[AppliedChange]] = {}
    for row in db.execute(
        "SELECT run_id, enterprise_number, action, fields, before, after "
        f"FROM import_run_changes {where.replace('id', 'run_id')} "
        "ORDER BY run_id, action, enterprise_number",
        params,
    ):
        changes.setdefault(row["run_id"], []).append(
            AppliedChange(
                enterprise_number=EnterpriseNumber.from_trusted(row["enterprise_number"]),
                action=row["action"],
                fields=tuple(json.loads(row["fields"])),
                before=json.loads(row["before"]),
                after=json.loads(row["after"]),
            )
        )
    return [
        ImportRun(
            id=row["id"],
            info=RunInfo(
                at=datetime.fromisoformat(row["applied_at"]),
                source=row["source"],
                location=row["location"],
                actor=row["actor"],
                counts=ImportCounts(**{name: row[name] for name in _COUNT_FIELDS}),
            ),
            changes=tuple(changes.get(row["id"], ())),
        )
        for row in runs
    ]
