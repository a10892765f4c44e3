"""The schema as versioned SQL files per backend, and the runner that brings a store up to date.

``migrations/<backend>/NNNN_name.sql`` holds version NNNN for that backend (``sqlite``,
``postgres``); both backends have the same versions with the same meaning. Migrations are
append-only: a released file never changes; a new table or column is a new file with the next
version, in every backend's folder. The runner applies the pending ones inside the caller's
transaction, so a store is either fully migrated or untouched.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Final, Literal

import attrs

from govlink.errors import StoreError
from govlink.store._sql import Connection

__all__ = [
    "LATEST_VERSION",
    "MIGRATIONS",
    "Backend",
    "Migration",
    "migrate",
    "migrations",
    "rate_tables",
    "require_current",
    "schema_version",
]

Backend = Literal["sqlite", "postgres"]
_FILE: Final = re.compile(r"(\d{4})_(\w+)\.sql")


@attrs.frozen
class Migration:
    """One schema step: its version (1, 2, ...), a description and its SQL statements."""

    version: int
    description: str
    statements: tuple[str, ...]


def _parse(version: int, text: str) -> Migration:
    """A migration file: a ``-- description`` first line, then statements ending in ``;``."""
    first, _, body = text.partition("\n")
    statements = tuple(s.strip() for s in body.split(";\n") if s.strip())
    return Migration(version, first.removeprefix("--").strip(), statements)


@functools.cache
def migrations(backend: Backend) -> tuple[Migration, ...]:
    """The migrations of ``backend``, in version order."""
    folder = resources.files("govlink.store").joinpath("migrations", backend)
    found = sorted(
        (int(match[1]), entry)
        for entry in folder.iterdir()
        if (match := _FILE.fullmatch(entry.name)) is not None
    )
    if [version for version, _ in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"the {backend} migrations are not numbered 1..n")  # a packaging bug
    return tuple(_parse(version, entry.read_text("utf-8")) for version, entry in found)


_RATE_PERMITS: Final = 5


def rate_tables(backend: Backend) -> tuple[str, ...]:
    """The idempotent statements of the rate permits migration, which a rate store run on a
    database that is not a govlink store (a file or schema of its own) runs itself."""
    return migrations(backend)[_RATE_PERMITS - 1].statements


#: The SQLite migrations (kept under this name for code that reads them).
MIGRATIONS: Final = migrations("sqlite")

#: The schema version this govlink writes.
LATEST_VERSION: Final = MIGRATIONS[-1].version

_VERSION_TABLE: Final = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

_HAS_VERSION_TABLE: Final[dict[Backend, str]] = {
    "sqlite": "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
    "postgres": "SELECT 1 FROM information_schema.tables "
    "WHERE table_schema = current_schema() AND table_name = 'schema_version'",
}


def schema_version(db: Connection, backend: Backend = "sqlite") -> int:
    """The version of the store's schema (0 for a new, empty store)."""
    if db.execute(_HAS_VERSION_TABLE[backend]).fetchone() is None:
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


def require_current(db: Connection, path: str, backend: Backend = "sqlite") -> None:
    """Check, without writing, that the store needs no migration (for a read-only open).

    :raises StoreError: ``store.version`` when the schema is newer than this govlink knows,
        ``store.outdated`` when it needs a migration (which only a writing command runs).
    """
    current = schema_version(db, backend)
    _refuse_newer(current, LATEST_VERSION)
    if current < LATEST_VERSION:
        raise StoreError(
            f"the store {path} has schema version {current} and needs migrating to "
            f"{LATEST_VERSION}; any writing command (e.g. govlink settings set) migrates it",
            code="store.outdated",
        )


def migrate(
    db: Connection,
    steps: tuple[Migration, ...] = MIGRATIONS,
    *,
    now: str,
    backend: Backend = "sqlite",
) -> tuple[int, ...]:
    """Apply the pending ``steps`` in order, inside the caller's open transaction.

    :param now: the :func:`~govlink.clock.utc_timestamp` recorded as each one's ``applied_at``.

    :returns: the versions applied (empty when the store was up to date).
    :raises StoreError: when the store's schema is newer than this govlink knows.
    """
    current = schema_version(db, backend)
    latest = steps[-1].version
    _refuse_newer(current, latest)
    db.execute(_VERSION_TABLE)
    applied: list[int] = []
    for migration in steps:
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
