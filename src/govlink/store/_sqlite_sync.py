"""The SQLite side of :class:`~govlink.store.sync.SyncStore`, mixed into SQLiteStore.

Times are fixed-width UTC text, so SQL compares them as strings. Every write runs in one
``BEGIN IMMEDIATE`` transaction of the host store, which serialises the claims and permits of
every worker on the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from typing import Final, Protocol

from govlink.domain.alerts import Alert
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.store._sqlite_documents import insert_alert
from govlink.store.sync import (
    AttemptOutcome,
    ClaimedSync,
    FetchedId,
    OccurrenceState,
    OccurrenceStep,
    PortalGrant,
    PortalLimits,
    SyncAttempt,
    SyncCompany,
    SyncOccurrence,
)

__all__ = ["SYNC_TABLES", "SyncTables"]

SYNC_TABLES: Final = (
    """CREATE TABLE sync_occurrences (
        enterprise_number TEXT NOT NULL CHECK (length(enterprise_number) = 10),
        due_at TEXT NOT NULL,
        state TEXT NOT NULL
            CHECK (state IN ('pending', 'claimed', 'done', 'gave_up', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before TEXT,
        lease_owner TEXT,
        lease_until TEXT,
        outcome TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (enterprise_number, due_at)
    )""",
    "CREATE INDEX sync_occurrences_by_state ON sync_occurrences (state, due_at)",
    """CREATE TABLE sync_attempts (
        id INTEGER PRIMARY KEY,
        enterprise_number TEXT NOT NULL,
        due_at TEXT NOT NULL,
        worker TEXT NOT NULL,
        started_at TEXT NOT NULL,
        seconds REAL NOT NULL CHECK (seconds >= 0),
        documents INTEGER NOT NULL CHECK (documents >= 0),
        outcome TEXT NOT NULL,
        message TEXT NOT NULL
    )""",
    "CREATE INDEX sync_attempts_by_start ON sync_attempts (started_at)",
    """CREATE TABLE sync_companies (
        enterprise_number TEXT PRIMARY KEY CHECK (length(enterprise_number) = 10),
        watermark TEXT,
        last_success_at TEXT,
        no_mandate_since TEXT,
        load_documents REAL,
        load_seconds REAL,
        syncs INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE sync_fetched (
        enterprise_number TEXT NOT NULL,
        portal_id TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (enterprise_number, portal_id)
    )""",
    """CREATE TABLE sync_portal_permits (
        id INTEGER PRIMARY KEY,
        owner TEXT NOT NULL,
        started_at TEXT NOT NULL,
        lease_until TEXT NOT NULL,
        finished_at TEXT
    )""",
    """CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
)

_ENQUEUED: Final = "enqueued_until"
_OCCURRENCE_COLUMNS: Final = (
    "enterprise_number, due_at, state, attempts, not_before, lease_owner, lease_until, outcome"
)
_ATTEMPT_COLUMNS: Final = (
    "enterprise_number, due_at, worker, started_at, seconds, documents, outcome, message"
)
_COMPANY_COLUMNS: Final = (
    "enterprise_number, watermark, last_success_at, no_mandate_since, load_documents, "
    "load_seconds, syncs"
)
_LIVE_CLAIMS: Final = (
    "SELECT enterprise_number FROM sync_occurrences WHERE state = 'claimed' AND lease_until > :now"
)
_CLAIMABLE: Final = (
    f"SELECT enterprise_number, due_at, attempts FROM sync_occurrences "
    f"WHERE ((state = 'pending' AND (not_before IS NULL OR not_before <= :now)) "
    f"OR (state = 'claimed' AND lease_until <= :now)) AND due_at <= :until "
    f"AND enterprise_number NOT IN ({_LIVE_CLAIMS}) "
    f"ORDER BY due_at, enterprise_number LIMIT 1"
)
_POLL: Final = 0.05


def _ts(moment: datetime) -> str:
    if moment.utcoffset() is None:
        raise ValueError(f"a stored time must be timezone-aware, got {moment!r}")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _dt(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _number(text: str) -> EnterpriseNumber:
    return EnterpriseNumber.parse(text)


def _occurrence(row: sqlite3.Row) -> SyncOccurrence:
    return SyncOccurrence(
        enterprise_number=_number(row["enterprise_number"]),
        due_at=_at(row["due_at"]),
        state=OccurrenceState(row["state"]),
        attempts=row["attempts"],
        not_before=_dt(row["not_before"]),
        lease_owner=row["lease_owner"],
        lease_until=_dt(row["lease_until"]),
        outcome=row["outcome"],
    )


def _attempt(row: sqlite3.Row) -> SyncAttempt:
    return SyncAttempt(
        enterprise_number=_number(row["enterprise_number"]),
        due_at=_at(row["due_at"]),
        worker=row["worker"],
        started_at=_at(row["started_at"]),
        seconds=row["seconds"],
        documents=row["documents"],
        outcome=AttemptOutcome(row["outcome"]),
        message=row["message"],
    )


def _company(row: sqlite3.Row) -> SyncCompany:
    return SyncCompany(
        enterprise_number=_number(row["enterprise_number"]),
        watermark=_dt(row["watermark"]),
        last_success_at=_dt(row["last_success_at"]),
        no_mandate_since=_dt(row["no_mandate_since"]),
        load_documents=row["load_documents"],
        load_seconds=row["load_seconds"],
        syncs=row["syncs"],
    )


class _Host(Protocol):
    """What the host store provides (see SQLiteStore)."""

    _db: sqlite3.Connection

    def _reading(self) -> AbstractContextManager[None]: ...

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...


def _record_attempt(
    db: sqlite3.Connection,
    attempt: SyncAttempt,
    alert: Alert | None,
    smoothing: float,
) -> None:
    number = attempt.enterprise_number.compact
    db.execute(
        f"INSERT INTO sync_attempts ({_ATTEMPT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            number,
            _ts(attempt.due_at),
            attempt.worker,
            _ts(attempt.started_at),
            attempt.seconds,
            attempt.documents,
            attempt.outcome.value,
            attempt.message,
        ),
    )
    db.execute(
        "INSERT INTO sync_companies (enterprise_number) VALUES (?) ON CONFLICT DO NOTHING",
        (number,),
    )
    if attempt.outcome.succeeded:
        db.execute(
            "UPDATE sync_companies SET "
            "last_success_at = max(coalesce(last_success_at, ''), :ended), "
            "no_mandate_since = NULL, syncs = syncs + 1, "
            "load_documents = coalesce(:a * :documents + (1 - :a) * load_documents, :documents), "
            "load_seconds = coalesce(:a * :seconds + (1 - :a) * load_seconds, :seconds) "
            "WHERE enterprise_number = :number",
            {
                "ended": _ts(attempt.started_at + timedelta(seconds=attempt.seconds)),
                "a": smoothing,
                "documents": float(attempt.documents),
                "seconds": attempt.seconds,
                "number": number,
            },
        )
    elif attempt.outcome is AttemptOutcome.NO_MANDATE:
        first = db.execute(
            "UPDATE sync_companies SET no_mandate_since = ? "
            "WHERE enterprise_number = ? AND no_mandate_since IS NULL",
            (_ts(attempt.started_at), number),
        ).rowcount
        if first and alert is not None:
            insert_alert(db, alert, _ts(attempt.started_at))


class SyncTables:
    """Implements :class:`~govlink.store.sync.SyncStore` on the host's connection."""

    def enqueued_until(self: _Host) -> datetime | None:
        """Up to when occurrences were enqueued (see SyncStore)."""
        with self._reading():
            row = self._db.execute(
                "SELECT value FROM sync_state WHERE key = ?", (_ENQUEUED,)
            ).fetchone()
        return None if row is None else _at(row[0])

    def enqueue(
        self: _Host, occurrences: Sequence[tuple[EnterpriseNumber, datetime]], *, until: datetime
    ) -> int:
        """Add occurrences and move the horizon (see SyncStore)."""
        now = _ts(datetime.now(UTC))
        with self._transaction() as db:
            before = db.total_changes
            db.executemany(
                "INSERT INTO sync_occurrences (enterprise_number, due_at, state, updated_at) "
                "VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING",
                [(number.compact, _ts(at), now) for number, at in occurrences],
            )
            added = db.total_changes - before
            db.execute(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) "
                "DO UPDATE SET value = max(value, excluded.value)",
                (_ENQUEUED, _ts(until)),
            )
        return added

    def claim_sync(
        self: _Host, *, owner: str, now: datetime, due_until: datetime, lease: timedelta
    ) -> ClaimedSync | None:
        """Claim the next due occurrence (see SyncStore)."""
        with self._transaction() as db:
            row = db.execute(_CLAIMABLE, {"now": _ts(now), "until": _ts(due_until)}).fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE sync_occurrences SET state = 'claimed', lease_owner = ?, "
                "lease_until = ?, updated_at = ? WHERE enterprise_number = ? AND due_at = ?",
                (owner, _ts(now + lease), _ts(now), row["enterprise_number"], row["due_at"]),
            )
        return ClaimedSync(
            enterprise_number=_number(row["enterprise_number"]),
            due_at=_at(row["due_at"]),
            attempts=row["attempts"],
            owner=owner,
        )

    def finish_sync(
        self: _Host,
        claim: ClaimedSync,
        *,
        step: OccurrenceStep,
        attempt: SyncAttempt | None,
        no_mandate_alert: Alert | None = None,
        smoothing: float = 0.3,
    ) -> bool:
        """Record the attempt and move the occurrence on (see SyncStore)."""
        counted = 0 if attempt is None else 1
        with self._transaction() as db:
            if attempt is not None:
                _record_attempt(db, attempt, no_mandate_alert, smoothing)
            moved = db.execute(
                "UPDATE sync_occurrences SET state = ?, attempts = attempts + ?, not_before = ?, "
                "outcome = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? "
                "WHERE enterprise_number = ? AND due_at = ? AND state = 'claimed' "
                "AND lease_owner = ?",
                (
                    step.state.value,
                    counted,
                    None if step.not_before is None else _ts(step.not_before),
                    step.outcome,
                    _ts(datetime.now(UTC)),
                    claim.enterprise_number.compact,
                    _ts(claim.due_at),
                    claim.owner,
                ),
            ).rowcount
        return moved == 1

    def release_sync(self: _Host, claim: ClaimedSync) -> None:
        """Give a claimed occurrence back (see SyncStore)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE sync_occurrences SET state = 'pending', lease_owner = NULL, "
                "lease_until = NULL, updated_at = ? WHERE enterprise_number = ? AND due_at = ? "
                "AND state = 'claimed' AND lease_owner = ?",
                (
                    _ts(datetime.now(UTC)),
                    claim.enterprise_number.compact,
                    _ts(claim.due_at),
                    claim.owner,
                ),
            )

    def next_sync_due(self: _Host, *, due_until: datetime) -> datetime | None:
        """The earliest moment a pending occurrence becomes claimable (see SyncStore)."""
        with self._reading():
            row = self._db.execute(
                "SELECT min(max(due_at, coalesce(not_before, due_at))) FROM sync_occurrences "
                "WHERE state = 'pending' AND due_at <= ?",
                (_ts(due_until),),
            ).fetchone()
        return _dt(row[0])

    def fetched_ids(self: _Host, number: EnterpriseNumber) -> frozenset[str]:
        """The portal ids handled for the company (see SyncStore)."""
        with self._reading():
            rows = self._db.execute(
                "SELECT portal_id FROM sync_fetched WHERE enterprise_number = ?",
                (number.compact,),
            ).fetchall()
        return frozenset(row[0] for row in rows)

    def record_fetched(
        self: _Host,
        number: EnterpriseNumber,
        fetched: Sequence[FetchedId],
        *,
        watermark: datetime | None,
    ) -> None:
        """Remember handled portal documents and move the watermark (see SyncStore)."""
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO sync_fetched (enterprise_number, portal_id, sha256) "
                "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(number.compact, item.portal_id, item.sha256) for item in fetched],
            )
            if watermark is not None:
                db.execute(
                    "INSERT INTO sync_companies (enterprise_number, watermark) VALUES (?, ?) "
                    "ON CONFLICT (enterprise_number) DO UPDATE SET "
                    "watermark = max(coalesce(watermark, ''), excluded.watermark)",
                    (number.compact, _ts(watermark)),
                )

    def sync_company(self: _Host, number: EnterpriseNumber) -> SyncCompany | None:
        """The company's sync state (see SyncStore)."""
        with self._reading():
            row = self._db.execute(
                f"SELECT {_COMPANY_COLUMNS} FROM sync_companies WHERE enterprise_number = ?",
                (number.compact,),
            ).fetchone()
        return None if row is None else _company(row)

    def sync_companies(self: _Host) -> list[SyncCompany]:
        """Every company's sync state (see SyncStore)."""
        with self._reading():
            rows = self._db.execute(
                f"SELECT {_COMPANY_COLUMNS} FROM sync_companies ORDER BY enterprise_number"
            ).fetchall()
        return [_company(row) for row in rows]

    def sync_attempts(self: _Host, *, since: datetime | None = None) -> list[SyncAttempt]:
        """Recorded attempts, oldest first (see SyncStore)."""
        with self._reading():
            rows = self._db.execute(
                f"SELECT {_ATTEMPT_COLUMNS} FROM sync_attempts WHERE started_at >= ? "
                "ORDER BY started_at, id",
                ("" if since is None else _ts(since),),
            ).fetchall()
        return [_attempt(row) for row in rows]

    def sync_occurrences(
        self: _Host, states: Collection[OccurrenceState] | None = None
    ) -> list[SyncOccurrence]:
        """Stored occurrences, by due time then company (see SyncStore)."""
        values = [s.value for s in OccurrenceState] if states is None else [s.value for s in states]
        with self._reading():
            rows = self._db.execute(
                f"SELECT {_OCCURRENCE_COLUMNS} FROM sync_occurrences "
                f"WHERE state IN ({', '.join('?' * len(values))}) "
                "ORDER BY due_at, enterprise_number",
                values,
            ).fetchall()
        return [_occurrence(row) for row in rows]

    def acquire_portal(
        self: _Host, *, owner: str, now: datetime, limits: PortalLimits
    ) -> PortalGrant:
        """Take a portal permit, or say how long to wait (see SyncStore)."""
        stamp = _ts(now)
        horizon = _ts(now - timedelta(seconds=limits.per))
        with self._transaction() as db:
            db.execute(
                "DELETE FROM sync_portal_permits WHERE coalesce(finished_at, lease_until) <= ?",
                (horizon,),
            )
            in_flight, counted, oldest = db.execute(
                "SELECT count(*) FILTER (WHERE finished_at IS NULL AND lease_until > :now), "
                "count(*) FILTER (WHERE finished_at > :horizon "
                "OR (finished_at IS NULL AND lease_until > :now)), "
                "min(finished_at) FILTER (WHERE finished_at > :horizon) "
                "FROM sync_portal_permits",
                {"now": stamp, "horizon": horizon},
            ).fetchone()
            if in_flight >= limits.concurrency:
                return PortalGrant(permit=None, wait=_POLL)
            if counted >= limits.calls:
                wait = limits.per / limits.calls
                if oldest is not None:
                    wait = max((_at(oldest) - now).total_seconds() + limits.per, _POLL)
                return PortalGrant(permit=None, wait=wait)
            cursor = db.execute(
                "INSERT INTO sync_portal_permits (owner, started_at, lease_until) VALUES (?, ?, ?)",
                (owner, stamp, _ts(now + limits.lease)),
            )
            assert cursor.lastrowid is not None
            return PortalGrant(permit=cursor.lastrowid)

    def release_portal(self: _Host, permit: int, *, now: datetime) -> None:
        """End a permit (see SyncStore)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE sync_portal_permits SET finished_at = ? WHERE id = ?", (_ts(now), permit)
            )
