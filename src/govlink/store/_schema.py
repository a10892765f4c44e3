"""The SQLite schema as ordered migrations, and the runner that brings a store up to date.

Migrations are append-only: a released migration never changes; a new table or column is a new
entry with the next version. The runner applies the pending ones inside the caller's
transaction, so a store is either fully migrated or untouched.
"""

from __future__ import annotations

import sqlite3
from typing import Final

import attrs

from govlink.errors import StoreError
from govlink.store._sqlite_documents import DOCUMENT_TABLES, LOGGED_ALERTS
from govlink.store._sqlite_plans import PLAN_TABLES
from govlink.store._sqlite_sync import SYNC_TABLES

__all__ = [
    "LATEST_VERSION",
    "MIGRATIONS",
    "Migration",
    "migrate",
    "require_current",
    "schema_version",
]


@attrs.frozen
class Migration:
    """One schema step: its version (1, 2, ...), a description and its SQL statements."""

    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: Final = (
    Migration(
        1,
        "companies, import runs and settings",
        (
            """CREATE TABLE companies (
                enterprise_number TEXT PRIMARY KEY CHECK (length(enterprise_number) = 10),
                name TEXT NOT NULL,
                legal_form TEXT,
                email TEXT,
                language TEXT,
                street TEXT,
                house_number TEXT,
                box TEXT,
                postal_code TEXT,
                city TEXT,
                country_code TEXT,
                phone TEXT,
                responsible TEXT,
                customer_code TEXT,
                origin_source TEXT,
                origin_record_id TEXT,
                origin_row INTEGER,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            """CREATE TABLE import_runs (
                id INTEGER PRIMARY KEY,
                applied_at TEXT NOT NULL,
                source TEXT NOT NULL,
                location TEXT NOT NULL,
                actor TEXT NOT NULL,
                rows INTEGER NOT NULL,
                only_in_source INTEGER NOT NULL,
                only_in_platform INTEGER NOT NULL,
                matching INTEGER NOT NULL,
                changed INTEGER NOT NULL,
                invalid INTEGER NOT NULL,
                skipped INTEGER NOT NULL
            )""",
            """CREATE TABLE import_run_changes (
                run_id INTEGER NOT NULL REFERENCES import_runs (id),
                enterprise_number TEXT NOT NULL,
                action TEXT NOT NULL CHECK (action IN ('added', 'updated')),
                fields TEXT NOT NULL,
                before TEXT NOT NULL,
                after TEXT NOT NULL,
                PRIMARY KEY (run_id, enterprise_number)
            )""",
            """CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
        ),
    ),
    Migration(2, "documents, alerts, sink switches and the document outbox", DOCUMENT_TABLES),
    Migration(3, "the sync plan", PLAN_TABLES),
    Migration(
        4, "the MyMinfin sync: occurrences, attempts, company state, portal permits", SYNC_TABLES
    ),
    Migration(5, "alerts only the log notifier had are 'logged'", LOGGED_ALERTS),
    Migration(
        6,
        "archived companies (clients that left)",
        (
            "ALTER TABLE companies ADD COLUMN archived_at TEXT",
            "CREATE INDEX companies_archived ON companies (archived_at) "
            "WHERE archived_at IS NOT NULL",
        ),
    ),
)

#: The schema version this govlink writes.
LATEST_VERSION: Final = MIGRATIONS[-1].version

_VERSION_TABLE: Final = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


def schema_version(db: sqlite3.Connection) -> int:
    """The version of the store's schema (0 for a new, empty store)."""
    exists = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if exists is None:
        return 0
    row = db.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _refuse_newer(current: int, latest: int) -> None:
    if current > latest:
        raise StoreError(
            f"the store has schema version {current}, newer than this govlink knows ({latest}); "
            "upgrade govlink",
            code="store.version",
        )


def require_current(db: sqlite3.Connection, path: str) -> None:
    """Check, without writing, that the store needs no migration (for a read-only open).

    :raises StoreError: ``store.version`` when the schema is newer than this govlink knows,
        ``store.outdated`` when it needs a migration (which only a writing command runs).
    """
    current = schema_version(db)
    _refuse_newer(current, LATEST_VERSION)
    if current < LATEST_VERSION:
        raise StoreError(
            f"the store {path} has schema version {current} and needs migrating to "
            f"{LATEST_VERSION}; any writing command (e.g. govlink settings set) migrates it",
            code="store.outdated",
        )


def migrate(
    db: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS, *, now: str
) -> tuple[int, ...]:
    """Apply the pending ``migrations`` in order, inside the caller's open transaction.

    :param now: the :func:`~govlink.clock.utc_timestamp` recorded as each one's ``applied_at``.

    :returns: the versions applied (empty when the store was up to date).
    :raises StoreError: when the store's schema is newer than this govlink knows.
    """
    current = schema_version(db)
    latest = migrations[-1].version
    _refuse_newer(current, latest)
    db.execute(_VERSION_TABLE)
    applied: list[int] = []
    for migration in migrations:
        if migration.version <= current:
            continue
        for statement in migration.statements:
            db.execute(statement)
        db.execute(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.description, now),
        )
        applied.append(migration.version)
    return tuple(applied)
