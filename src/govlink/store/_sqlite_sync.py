"""The tables of :class:`~govlink.store.sync.SyncStore`, mixed into the SQLite and PostgreSQL
stores (see :mod:`govlink.store._sql`).

Times are fixed-width UTC text, so SQL compares them as strings. Every write runs in one
transaction of the host store; claims and portal permits run as locked sections (SQLite's write
lock, a PostgreSQL advisory lock), which serialises them across every worker on the store.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from typing import Any, Final

from govlink.clock import utc_timestamp
from govlink.domain.alerts import Alert
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.store._sql import Connection, Host, qualified
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

__all__ = ["SyncTables", "read_sync_companies"]

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
_FREE: Final = (
    "((state = 'pending' AND (not_before IS NULL OR not_before <= :now)) "
    "OR (state = 'claimed' AND lease_until <= :now))"
)
_CLAIMABLE: Final = (
    f"SELECT enterprise_number, due_at, attempts FROM sync_occurrences "
    f"WHERE {_FREE} AND due_at <= :until "
    f"AND enterprise_number NOT IN ({_LIVE_CLAIMS}) "
    f"ORDER BY due_at, enterprise_number LIMIT 1"
)
#: Takes the row only if it is still free: on PostgreSQL a claim's owner may finish or renew
#: it (outside the claims' lock) between the SELECT and this UPDATE.
_TAKE: Final = (
    f"UPDATE sync_occurrences SET state = 'claimed', lease_owner = :owner, "
    f"lease_until = :until, updated_at = :now "
    f"WHERE enterprise_number = :number AND due_at = :due AND {_FREE}"
)
_HELD: Final = (
    "enterprise_number = :number AND due_at = :due AND state = 'claimed' AND lease_owner = :owner"
)
_POLL: Final = 0.05


_ts: Final = utc_timestamp


def _dt(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _number(text: str) -> EnterpriseNumber:
    return EnterpriseNumber.parse(text)


def _occurrence(row: Any) -> SyncOccurrence:
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


def _attempt(row: Any) -> SyncAttempt:
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


def _company(row: Any) -> SyncCompany:
    return SyncCompany(
        enterprise_number=_number(row["enterprise_number"]),
        watermark=_dt(row["watermark"]),
        last_success_at=_dt(row["last_success_at"]),
        no_mandate_since=_dt(row["no_mandate_since"]),
        load_documents=row["load_documents"],
        load_seconds=row["load_seconds"],
        syncs=row["syncs"],
    )


def read_sync_companies(db: Connection, schema: str | None = None) -> list[SyncCompany]:
    """Every company's sync state (of the tables in ``schema``, else the connection's)."""
    rows = db.execute(
        f"SELECT {_COMPANY_COLUMNS} FROM {qualified('sync_companies', schema)} "
        "ORDER BY enterprise_number"
    ).fetchall()
    return [_company(row) for row in rows]


def _record_attempt(
    db: Connection,
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
            "last_success_at = CASE WHEN last_success_at > :ended THEN last_success_at "
            "ELSE :ended END, "
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

    def enqueued_until(self: Host) -> datetime | None:
        """Up to when occurrences were enqueued (see SyncStore)."""
        with self._reading():
            row = self._db.execute(
                "SELECT value FROM sync_state WHERE key = ?", (_ENQUEUED,)
            ).fetchone()
        return None if row is None else _at(row[0])

    def enqueue(
        self: Host, occurrences: Sequence[tuple[EnterpriseNumber, datetime]], *, until: datetime
    ) -> int:
        """Add occurrences and move the horizon (see SyncStore)."""
        now = self._now()
        with self._transaction() as db:
            added = db.executemany(
                "INSERT INTO sync_occurrences (enterprise_number, due_at, state, updated_at) "
                "VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING",
                [(number.compact, _ts(at), now) for number, at in occurrences],
            ).rowcount
            db.execute(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) "
                "DO UPDATE SET value = CASE WHEN sync_state.value > excluded.value "
                "THEN sync_state.value ELSE excluded.value END",
                (_ENQUEUED, _ts(until)),
            )
        return added

    def claim_sync(
        self: Host, *, owner: str, now: datetime, due_until: datetime, lease: timedelta
    ) -> ClaimedSync | None:
        """Claim the next due occurrence (see SyncStore)."""
        with self._transaction("sync_claims") as db:
            while True:
                row = db.execute(_CLAIMABLE, {"now": _ts(now), "until": _ts(due_until)}).fetchone()
                if row is None:
                    return None
                taken = db.execute(
                    _TAKE,
                    {
                        "owner": owner,
                        "until": _ts(now + lease),
                        "now": _ts(now),
                        "number": row["enterprise_number"],
                        "due": row["due_at"],
                    },
                ).rowcount
                if taken:
                    break
        return ClaimedSync(
            enterprise_number=_number(row["enterprise_number"]),
            due_at=_at(row["due_at"]),
            attempts=row["attempts"],
            owner=owner,
        )

    def finish_sync(
        self: Host,
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
                    self._now(),
                    claim.enterprise_number.compact,
                    _ts(claim.due_at),
                    claim.owner,
                ),
            ).rowcount
        return moved == 1

    def release_sync(self: Host, claim: ClaimedSync) -> None:
        """Give a claimed occurrence back (see SyncStore)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE sync_occurrences SET state = 'pending', lease_owner = NULL, "
                "lease_until = NULL, updated_at = ? WHERE enterprise_number = ? AND due_at = ? "
                "AND state = 'claimed' AND lease_owner = ?",
                (
                    self._now(),
                    claim.enterprise_number.compact,
                    _ts(claim.due_at),
                    claim.owner,
                ),
            )

    def renew_sync(self: Host, claim: ClaimedSync, *, now: datetime, lease: timedelta) -> bool:
        """Extend a claim its owner still holds (see SyncStore)."""
        with self._transaction() as db:
            renewed = db.execute(
                f"UPDATE sync_occurrences SET lease_until = :until WHERE {_HELD}",
                {
                    "until": _ts(now + lease),
                    "number": claim.enterprise_number.compact,
                    "due": _ts(claim.due_at),
                    "owner": claim.owner,
                },
            ).rowcount
        return renewed == 1

    def release_sync_orphans(self: Host, alive: Callable[[str], bool], *, now: datetime) -> int:
        """Give back dead owners' claims and end their permits (see SyncStore)."""
        with self._transaction() as db:
            owners = db.execute(
                "SELECT DISTINCT lease_owner FROM sync_occurrences WHERE state = 'claimed'"
            ).fetchall()
            released = 0
            for owner in [row[0] for row in owners if not alive(row[0])]:
                released += db.execute(
                    "UPDATE sync_occurrences SET state = 'pending', lease_owner = NULL, "
                    "lease_until = NULL, updated_at = ? "
                    "WHERE state = 'claimed' AND lease_owner = ?",
                    (_ts(now), owner),
                ).rowcount
        with self._transaction("portal") as db:
            owners = db.execute(
                "SELECT DISTINCT owner FROM sync_portal_permits WHERE finished_at IS NULL"
            ).fetchall()
            for owner in [row[0] for row in owners if not alive(row[0])]:
                db.execute(
                    "UPDATE sync_portal_permits SET finished_at = ? "
                    "WHERE finished_at IS NULL AND owner = ?",
                    (_ts(now), owner),
                )
        return released

    def next_sync_due(self: Host, *, due_until: datetime) -> datetime | None:
        """The earliest moment a pending occurrence becomes claimable (see SyncStore)."""
        with self._reading():
            row = self._db.execute(
                "SELECT min(CASE WHEN not_before > due_at THEN not_before ELSE due_at END) "
                "FROM sync_occurrences "
                "WHERE state = 'pending' AND due_at <= ?",
                (_ts(due_until),),
            ).fetchone()
        return _dt(row[0])

    def fetched_ids(self: Host, number: EnterpriseNumber) -> frozenset[str]:
        """The portal ids handled for the company (see SyncStore)."""
        with self._reading():
            rows = self._db.execute(
                "SELECT portal_id FROM sync_fetched WHERE enterprise_number = ?",
                (number.compact,),
            ).fetchall()
        return frozenset(row[0] for row in rows)

    def record_fetched(
        self: Host,
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
                    "watermark = CASE WHEN sync_companies.watermark > excluded.watermark "
                    "THEN sync_companies.watermark ELSE excluded.watermark END",
                    (number.compact, _ts(watermark)),
                )

    def sync_company(self: Host, number: EnterpriseNumber) -> SyncCompany | None:
        """The company's sync state (see SyncStore)."""
        with self._reading():
            row = self._db.execute(
                f"SELECT {_COMPANY_COLUMNS} FROM sync_companies WHERE enterprise_number = ?",
                (number.compact,),
            ).fetchone()
        return None if row is None else _company(row)

    def sync_companies(self: Host) -> list[SyncCompany]:
        """Every company's sync state (see SyncStore)."""
        with self._reading():
            return read_sync_companies(self._db)

    def sync_attempts(self: Host, *, since: datetime | None = None) -> list[SyncAttempt]:
        """Recorded attempts, oldest first (see SyncStore)."""
        with self._reading():
            rows = self._db.execute(
                f"SELECT {_ATTEMPT_COLUMNS} FROM sync_attempts WHERE started_at >= ? "
                "ORDER BY started_at, id",
                ("" if since is None else _ts(since),),
            ).fetchall()
        return [_attempt(row) for row in rows]

    def sync_occurrences(
        self: Host, states: Collection[OccurrenceState] | None = None
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
        self: Host, *, owner: str, now: datetime, limits: PortalLimits
    ) -> PortalGrant:
        """Take a portal permit, or say how long to wait (see SyncStore)."""
        stamp = _ts(now)
        horizon = _ts(now - timedelta(seconds=limits.per))
        with self._transaction("portal") as db:
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
            permit = db.execute(
                "INSERT INTO sync_portal_permits (owner, started_at, lease_until) "
                "VALUES (?, ?, ?) RETURNING id",
                (owner, stamp, _ts(now + limits.lease)),
            ).fetchone()
            return PortalGrant(permit=int(permit[0]))

    def release_portal(self: Host, permit: int, *, now: datetime, used: bool = True) -> None:
        """End a permit, or drop an unused one (see SyncStore)."""
        with self._transaction("portal") as db:
            if used:
                db.execute(
                    "UPDATE sync_portal_permits SET finished_at = ? WHERE id = ?",
                    (_ts(now), permit),
                )
            else:
                db.execute("DELETE FROM sync_portal_permits WHERE id = ?", (permit,))
