"""The companies, import runs, settings and saved plan of a store, mixed into the SQLite and
PostgreSQL stores (see :mod:`govlink.store._sql`)."""

from __future__ import annotations

import functools
import itertools
import json
import operator
from collections.abc import Collection, Iterable, Iterator
from datetime import datetime
from json.encoder import encode_basestring_ascii
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from govlink.clock import utc_timestamp
from govlink.domain.company import COMPANY_FIELDS, Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.normalize import fold
from govlink.domain.records import SourceRef
from govlink.errors import StaleStoreError, StoreError
from govlink.reconcile.policy import ApplyPlan, Update
from govlink.store._sql import Connection, Host, qualified
from govlink.store.base import (
    AppliedChange,
    CompanyPage,
    ImportCounts,
    ImportRun,
    RunInfo,
    StoredPlan,
    WriteProgress,
)

if TYPE_CHECKING:
    from govlink.planner.result import Plan

__all__ = ["CompanyTables", "read_archived", "read_companies"]

_DATA: Final = COMPANY_FIELDS[1:]
_DATA_VALUES: Final = operator.attrgetter(*_DATA)
_ORIGIN: Final = ("origin_source", "origin_record_id", "origin_row")
_COLUMNS: Final = (*COMPANY_FIELDS, *_ORIGIN)
_SELECT_COMPANIES: Final = f"SELECT {', '.join(_COLUMNS)} FROM companies"
_INSERT_COLUMNS: Final = (*_COLUMNS, "created_at", "updated_at")
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


def _company_row(company: Company, now: str) -> tuple[object, ...]:
    """The values of :data:`_INSERT_COLUMNS` for a company added ``now``."""
    origin = company.origin
    number = company.enterprise_number.compact
    if origin is None:
        return (number, *_DATA_VALUES(company), None, None, None, now, now)
    return (number, *_DATA_VALUES(company), origin.source, origin.record_id, origin.row, now, now)


def _company(row: Any) -> Company:
    data = {name: row[name] for name in COMPANY_FIELDS}
    data["enterprise_number"] = EnterpriseNumber.from_trusted(row["enterprise_number"])
    source = row["origin_source"]
    origin = (
        None
        if source is None
        else SourceRef(source=source, record_id=row["origin_record_id"], row=row["origin_row"])
    )
    return Company(origin=origin, **data)


def _values(company: Company, fields: Iterable[str]) -> dict[str, str | None]:
    return {name: getattr(company, name) for name in fields}


def _matches(company: Company, search: str | None, responsible: str | None) -> bool:
    """Whether ``company``'s name or number contains ``search`` and its responsible colleague
    is ``responsible`` (:func:`~govlink.domain.normalize.fold` on both sides; ``None`` passes)."""
    if responsible is not None and fold(company.responsible or "") != fold(responsible):
        return False
    if search is None:
        return True
    wanted = fold(search)
    digits = "".join(ch for ch in wanted if ch.isdigit())
    return wanted in fold(company.name) or bool(
        digits and digits in company.enterprise_number.compact
    )


def read_companies(db: Connection, schema: str | None = None) -> list[Company]:
    """Every company (of the tables in ``schema``, else the connection's), by number."""
    table = qualified("companies", schema)
    rows = db.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM {table} ORDER BY enterprise_number"
    ).fetchall()
    return [_company(row) for row in rows]


def read_archived(db: Connection, schema: str | None = None) -> dict[EnterpriseNumber, datetime]:
    """The archived companies (of the tables in ``schema``, else the connection's), by number,
    with when each was archived."""
    table = qualified("companies", schema)
    rows = db.execute(
        f"SELECT enterprise_number, archived_at FROM {table} "
        "WHERE archived_at IS NOT NULL ORDER BY enterprise_number"
    ).fetchall()
    return {
        EnterpriseNumber.from_trusted(row["enterprise_number"]): datetime.fromisoformat(
            row["archived_at"]
        )
        for row in rows
    }


class CompanyTables:
    """Implements :class:`~govlink.store.Store` and :class:`~govlink.store.PlanStore` on the
    host's connection."""

    # companies

    def companies(self: Host) -> list[Company]:
        """Every company, sorted by enterprise number."""
        with self._reading():
            return read_companies(self._db)

    def company(self: Host, number: EnterpriseNumber) -> Company | None:
        """The company with this number, or ``None``."""
        with self._reading():
            row = self._db.execute(
                f"{_SELECT_COMPANIES} WHERE enterprise_number = ?", (number.compact,)
            ).fetchone()
        return None if row is None else _company(row)

    def companies_page(
        self: Host,
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

        Without a filter the count and the ``LIMIT`` run in SQL, so a page of a large store
        reads only that page; a filter reads the companies of that state and keeps the matches.
        """
        where = f" WHERE archived_at IS {'NOT ' if archived else ''}NULL"
        with self._reading():
            if search is not None or responsible is not None:
                rows = self._db.execute(f"{_SELECT_COMPANIES}{where} ORDER BY enterprise_number")
                found = [c for c in map(_company, rows) if _matches(c, search, responsible)]
                shown = found if limit is None else found[:limit]
                return CompanyPage(companies=tuple(shown), total=len(found))
            total = self._db.execute(f"SELECT count(*) FROM companies{where}").fetchone()[0]
            cut, params = ("", ()) if limit is None else (" LIMIT ?", (limit,))
            rows = self._db.execute(
                f"{_SELECT_COMPANIES}{where} ORDER BY enterprise_number{cut}", params
            )
            return CompanyPage(companies=tuple(map(_company, rows)), total=int(total))

    def archived(self: Host) -> dict[EnterpriseNumber, datetime]:
        """The archived companies, with when each was archived (UTC)."""
        with self._reading():
            return read_archived(self._db)

    def set_archived(
        self: Host, numbers: Collection[EnterpriseNumber], *, archived: bool
    ) -> tuple[EnterpriseNumber, ...]:
        """Archive (or restore) these companies in one transaction (see ``CompanyArchive``)."""
        wanted = sorted(set(numbers))
        if not wanted:
            return ()
        with self._transaction("companies") as db:
            state = {
                row["enterprise_number"]: row["archived_at"] is not None
                for row in db.execute(
                    "SELECT enterprise_number, archived_at FROM companies "
                    f"WHERE enterprise_number IN ({', '.join('?' * len(wanted))})",
                    [n.compact for n in wanted],
                )
            }
            missing = [n.formatted for n in wanted if n.compact not in state]
            if missing:
                raise StoreError(
                    f"not on the platform: {', '.join(missing)} (nothing was changed)",
                    code="store.not_found",
                )
            changed = [n for n in wanted if state[n.compact] is not archived]
            stamp = self._now() if archived else None
            db.executemany(
                "UPDATE companies SET archived_at = ? WHERE enterprise_number = ?",
                [(stamp, n.compact) for n in changed],
            )
        return tuple(changed)

    # import runs

    def apply(
        self: Host, plan: ApplyPlan, run: RunInfo, *, progress: WriteProgress | None = None
    ) -> ImportRun:
        """Carry out ``plan`` and record ``run`` in one transaction (see ``ImportStore.apply``).

        The run's changes are built only when read: the rows written for them come straight
        from the companies (see :func:`_added_row`)."""
        total = len(plan.add) + len(plan.update)
        now = self._now()
        added = sorted(plan.add, key=_NUMBER)
        updated = sorted(plan.update, key=_UPDATED_NUMBER)
        with self._transaction("companies") as db:
            _check_fresh(db, plan)
            run_id = _insert_run(db, run)
            rows = (_company_row(company, now) for company in added)
            self._copy(db, "companies", _INSERT_COLUMNS, _counted(rows, 1, total, progress))
            for update in _counted(updated, len(added) + 1, total, progress):
                _update_company(db, update, now)
            changes = itertools.chain(
                (_added_row(run_id, company) for company in added),
                (_change_row(run_id, _updated(update)) for update in updated),
            )
            self._copy(db, "import_run_changes", _CHANGE_COLUMNS, changes)
        # What import_runs() reads back, built from what was written instead of read again.
        stored = attrs.evolve(run, at=datetime.fromisoformat(utc_timestamp(run.at)))
        return ImportRun(
            id=run_id, info=stored, changes=functools.partial(_changes, added, updated)
        )

    def import_runs(self: Host) -> list[ImportRun]:
        """Every applied import run, newest first."""
        with self._reading():
            return _select_runs(self._db)

    # sync plan

    def load_plan(self: Host) -> StoredPlan | None:
        """The saved sync plan, or ``None`` before the first save."""
        from govlink.store._sqlite_plans import read_plan  # the planner loads with its first plan

        with self._reading():
            return read_plan(self._db)

    def save_plan(self: Host, plan: Plan, *, replaces: int | None) -> StoredPlan:
        """Replace the saved plan in one transaction (see ``PlanStore.save_plan``)."""
        from govlink.store._sqlite_plans import write_plan

        with self._transaction("plan") as db:
            return write_plan(db, plan, replaces, now=self._clock.now())

    # settings

    def get_setting(self: Host, key: str) -> str | None:
        """The value of ``key``, or ``None`` when unset."""
        with self._reading():
            row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self: Host, key: str, value: str | None) -> None:
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

    def settings(self: Host) -> dict[str, str]:
        """Every setting."""
        with self._reading():
            rows = self._db.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
        return {str(key): str(value) for key, value in rows}


_CHUNK: Final = 500  # numbers per IN (...) list, under SQLite's variable limit


def _check_fresh(db: Connection, plan: ApplyPlan) -> None:
    """Refuse the plan when a company to add exists or one to update changed since the
    preview; only the numbers, and the companies to update, are read."""
    numbers = {row[0] for row in db.execute("SELECT enterprise_number FROM companies")}
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


def _update_company(db: Connection, update: Update, now: str) -> None:
    assignments = ", ".join(f"{name} = ?" for name in update.fields)
    db.execute(
        f"UPDATE companies SET {assignments}, updated_at = ? WHERE enterprise_number = ?",
        (
            *(getattr(update.after, name) for name in update.fields),
            now,
            update.after.enterprise_number.compact,
        ),
    )


def _insert_run(db: Connection, run: RunInfo) -> int:
    counts = run.counts
    row = db.execute(
        f"INSERT INTO import_runs ({', '.join(_RUN_COLUMNS[1:])}) "
        f"VALUES ({', '.join('?' * (len(_RUN_COLUMNS) - 1))}) RETURNING id",
        (
            utc_timestamp(run.at),
            run.source,
            run.location,
            run.actor,
            *(getattr(counts, name) for name in _COUNT_FIELDS),
        ),
    ).fetchone()
    return int(row[0])


_CHANGE_COLUMNS: Final = ("run_id", "enterprise_number", "action", "fields", "before", "after")

_T = TypeVar("_T")


def _counted(
    items: Iterable[_T], start: int, total: int, progress: WriteProgress | None
) -> Iterator[_T]:
    """``items``, reporting each one done to ``progress`` (numbered from ``start``)."""
    for done, item in enumerate(items, start=start):
        yield item
        if progress is not None:
            progress(done, total)


_NUMBER: Final = operator.attrgetter("enterprise_number.compact")
_UPDATED_NUMBER: Final = operator.attrgetter("after.enterprise_number.compact")
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


def _added_row(run_id: int, company: Company) -> tuple[object, ...]:
    """``_change_row(run_id, _added(company))`` without the change and its dictionary: the
    field values (text) put in a template of the JSON :func:`json.dumps` writes (0.40 s ->
    0.24 s for 100k companies)."""
    values = _DATA_VALUES(company)
    present = tuple([value is not None for value in values])
    fields, after = _added_json(present)
    strings = map(encode_basestring_ascii, itertools.compress(values, present))
    return (run_id, company.enterprise_number.compact, "added", fields, "{}", after % (*strings,))


@functools.lru_cache(maxsize=1024)
def _added_json(present: tuple[bool, ...]) -> tuple[str, str]:
    """The JSON list of the data fields marked present, and the template of the JSON object of
    their values (a ``%s`` for each value as JSON)."""
    names = tuple(itertools.compress(_DATA, present))
    return _fields_json(names), f"{{{', '.join(f'{json.dumps(name)}: %s' for name in names)}}}"


def _changes(added: Iterable[Company], updated: Iterable[Update]) -> tuple[AppliedChange, ...]:
    """The changes of a run that added and updated these companies, in this order."""
    return (*map(_added, added), *map(_updated, updated))


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


def _select_runs(db: Connection, run_id: int | None = None) -> list[ImportRun]:
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
