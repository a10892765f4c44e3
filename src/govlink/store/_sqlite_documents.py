"""The tables of :class:`~govlink.store.documents.DocumentStore`, mixed into the SQLite and
PostgreSQL stores (see :mod:`govlink.store._sql`).

Times are stored as fixed-width UTC text (``2026-05-04T09:00:00.000000Z``,
:func:`~govlink.clock.utc_timestamp`), so SQL compares them as strings. Every write runs in one
transaction of the host store; a claim locks the row it takes (``FOR UPDATE SKIP LOCKED`` on
PostgreSQL, the write lock on SQLite), so two workers never take the same entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from datetime import date, datetime, timedelta
from typing import Any, Final

import attrs

from govlink.clock import utc_timestamp
from govlink.domain.alerts import Alert, AlertKind
from govlink.domain.documents import Document, DocumentKind
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.forwarding import SinkSwitch
from govlink.domain.outbox import OutboxState, Step
from govlink.errors import StoreError
from govlink.store._sql import Connection, Host
from govlink.store.documents import AlertStatus, OutboxEntry, StoredAlert, StoredDocument

__all__ = ["DocumentTables", "insert_alert"]

_DOCUMENT_COLUMNS: Final = (
    "id, enterprise_number, sha256, kind, kind_label, title, document_date, received_at, "
    "file_name, content_type, size"
)
_ALERT_COLUMNS: Final = (
    "id, kind, enterprise_number, company_name, recipient, fallback, subject, message, "
    "document_sha256, status, error, created_at"
)
_ENTRY_SELECT: Final = (
    "SELECT o.id, o.document_id, o.sink, o.state, o.attempts, o.not_before, o.lease_owner, "
    "o.lease_until, o.reason, o.updated_at, d.enterprise_number, d.file_name, d.received_at "
    "FROM outbox o JOIN documents d ON d.id = o.document_id"
)
# The documents of archived companies are neither queued nor pushed (see CompanyArchive).
_ACTIVE: Final = (
    "d.enterprise_number NOT IN "
    "(SELECT enterprise_number FROM companies WHERE archived_at IS NOT NULL)"
)
_DUE: Final = (
    "o.sink = :sink AND ((o.state = 'pending' AND (o.not_before IS NULL OR o.not_before <= :now))"
    f" OR (o.state = 'claimed' AND o.lease_until <= :now)) AND {_ACTIVE}"
)


def _ts(moment: datetime) -> str:
    try:
        return utc_timestamp(moment)
    except ValueError as error:
        raise StoreError(str(error)) from None


def _dt(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _number(text: str) -> EnterpriseNumber:
    return EnterpriseNumber.from_trusted(text)


def _document(row: Any, content: bytes | None = None) -> Document:
    received = _dt(row["received_at"])
    assert received is not None
    return Document(
        enterprise_number=_number(row["enterprise_number"]),
        kind=DocumentKind(row["kind"]),
        kind_label=row["kind_label"],
        title=row["title"],
        document_date=None
        if row["document_date"] is None
        else date.fromisoformat(row["document_date"]),
        received_at=received,
        file_name=row["file_name"],
        content_type=row["content_type"],
        size=row["size"],
        sha256=row["sha256"],
        content=content,
    )


def _entry(row: Any) -> OutboxEntry:
    received, updated = _dt(row["received_at"]), _dt(row["updated_at"])
    assert received is not None
    assert updated is not None
    return OutboxEntry(
        id=row["id"],
        document_id=row["document_id"],
        sink=row["sink"],
        state=OutboxState(row["state"]),
        attempts=row["attempts"],
        enterprise_number=_number(row["enterprise_number"]),
        file_name=row["file_name"],
        received_at=received,
        updated_at=updated,
        not_before=_dt(row["not_before"]),
        lease_owner=row["lease_owner"],
        lease_until=_dt(row["lease_until"]),
        reason=row["reason"],
    )


def _stored_alert(row: Any) -> StoredAlert:
    created = _dt(row["created_at"])
    assert created is not None
    return StoredAlert(
        id=row["id"],
        alert=Alert(
            kind=AlertKind(row["kind"]),
            enterprise_number=_number(row["enterprise_number"]),
            company_name=row["company_name"],
            recipient=row["recipient"],
            fallback=bool(row["fallback"]),
            subject=row["subject"],
            message=row["message"],
            document_sha256=row["document_sha256"],
        ),
        status=AlertStatus(row["status"]),
        created_at=created,
        error=row["error"],
    )


def _switch(sink: str, row: Any | None) -> SinkSwitch:
    if row is None:
        return SinkSwitch.off(sink)
    return SinkSwitch(
        sink=sink,
        enabled=bool(row["enabled"]),
        enabled_at=_dt(row["enabled_at"]),
        tags=tuple(json.loads(row["tags"])),
    )


def _in(column: str, values: Collection[str] | None) -> tuple[str, tuple[str, ...]]:
    if values is None:
        return "1 = 1", ()
    return f"{column} IN ({', '.join('?' * len(values))})", tuple(values)


class DocumentTables:
    """Implements :class:`~govlink.store.documents.DocumentStore` on the host's connection
    (mixed into :class:`~govlink.store.SQLiteStore`)."""

    # documents

    def add_document(
        self: Host,
        document: Document,
        content: bytes,
        alert: Alert | None = None,
        *,
        queue_for: Collection[str] = (),
    ) -> StoredDocument | None:
        """Store a document once, with its alert and outbox entries (see DocumentArchive)."""
        now = self._now()
        with self._transaction() as db:
            inserted = db.execute(
                "INSERT INTO documents (enterprise_number, sha256, kind, kind_label, title, "
                "document_date, received_at, file_name, content_type, size) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (enterprise_number, sha256) DO NOTHING RETURNING id",
                (
                    document.enterprise_number.compact,
                    document.sha256,
                    document.kind.value,
                    document.kind_label,
                    document.title,
                    None if document.document_date is None else document.document_date.isoformat(),
                    _ts(document.received_at),
                    document.file_name,
                    document.content_type,
                    document.size,
                ),
            ).fetchone()
            if inserted is None:
                return None
            document_id = int(inserted[0])
            db.execute(
                "INSERT INTO document_contents (document_id, content) VALUES (?, ?)",
                (document_id, content),
            )
            if alert is not None:
                insert_alert(db, alert, now)
            queued = tuple(sorted(set(queue_for)))
            db.executemany(
                "INSERT INTO outbox (document_id, sink, state, queued_at, updated_at) "
                "VALUES (?, ?, 'pending', ?, ?)",
                [(document_id, sink, now, now) for sink in queued],
            )
        return StoredDocument(
            id=document_id,
            document=attrs.evolve(document, content=None, path=None),
            queued_for=queued,
        )

    def documents(self: Host) -> list[StoredDocument]:
        """Every stored document, oldest first (without bytes)."""
        with self._reading():
            rows = self._db.execute(
                f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY id"
            ).fetchall()
            queued: dict[int, list[str]] = {}
            for document_id, sink in self._db.execute(
                "SELECT document_id, sink FROM outbox ORDER BY sink"
            ):
                queued.setdefault(document_id, []).append(sink)
        return [
            StoredDocument(
                id=row["id"], document=_document(row), queued_for=tuple(queued.get(row["id"], ()))
            )
            for row in rows
        ]

    def document(self: Host, document_id: int) -> Document:
        """One document with its bytes (see DocumentStore)."""
        with self._reading():
            row = self._db.execute(
                f"SELECT {_DOCUMENT_COLUMNS}, c.content FROM documents "
                "JOIN document_contents c ON c.document_id = documents.id WHERE id = ?",
                (document_id,),
            ).fetchone()
        if row is None:
            raise StoreError(f"no document with id {document_id}", code="store.not_found")
        return _document(row, bytes(row["content"]))

    # sink switches

    def sink_switches(self: Host) -> list[SinkSwitch]:
        """Every recorded switch, by sink."""
        with self._reading():
            rows = self._db.execute("SELECT * FROM sink_switches ORDER BY sink").fetchall()
        return [_switch(row["sink"], row) for row in rows]

    def sink_switch(self: Host, sink: str) -> SinkSwitch:
        """The sink's switch (off when never switched on)."""
        with self._reading():
            row = self._db.execute("SELECT * FROM sink_switches WHERE sink = ?", (sink,)).fetchone()
        return _switch(sink, row)

    def save_sink_switch(self: Host, switch: SinkSwitch) -> None:
        """Record a sink's switch."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO sink_switches (sink, enabled, enabled_at, tags, updated_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sink) DO UPDATE SET "
                "enabled = excluded.enabled, enabled_at = excluded.enabled_at, "
                "tags = excluded.tags, updated_at = excluded.updated_at",
                (
                    switch.sink,
                    int(switch.enabled),
                    None if switch.enabled_at is None else _ts(switch.enabled_at),
                    json.dumps(list(switch.tags)),
                    self._now(),
                ),
            )

    # the outbox

    def queue_backfill(self: Host, sink: str, since: datetime) -> int:
        """Queue older documents on explicit request (see DocumentStore)."""
        now = self._now()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO outbox (document_id, sink, state, queued_at, updated_at) "
                "SELECT id, ?, 'pending', ?, ? FROM documents d WHERE received_at >= ? "
                f"AND id NOT IN (SELECT document_id FROM outbox WHERE sink = ?) AND {_ACTIVE} "
                "ORDER BY id",
                (sink, now, now, _ts(since), sink),
            )
            return cursor.rowcount

    def reset_held(self: Host, sink: str) -> int:
        """Make held entries pending again (see DocumentStore)."""
        with self._transaction() as db:
            return db.execute(
                "UPDATE outbox SET state = 'pending', not_before = NULL, updated_at = ? "
                "WHERE sink = ? AND state = 'held'",
                (self._now(), sink),
            ).rowcount

    def release_orphans(self: Host, sink: str, alive: Callable[[str], bool]) -> int:
        """Make claimed entries of dead workers pending again (see DocumentStore)."""
        with self._transaction() as db:
            owners = [
                row[0]
                for row in db.execute(
                    "SELECT DISTINCT lease_owner FROM outbox WHERE sink = ? AND state = 'claimed'",
                    (sink,),
                )
            ]
            dead = [owner for owner in owners if not alive(owner)]
            released = 0
            for owner in dead:
                released += db.execute(
                    "UPDATE outbox SET state = 'pending', lease_owner = NULL, lease_until = NULL, "
                    "updated_at = ? WHERE sink = ? AND state = 'claimed' AND lease_owner = ?",
                    (self._now(), sink, owner),
                ).rowcount
            return released

    def claim(
        self: Host, sink: str, *, owner: str, now: datetime, lease: timedelta
    ) -> OutboxEntry | None:
        """Claim the next due entry (see DocumentStore)."""
        with self._transaction() as db:
            row = db.execute(
                f"{_ENTRY_SELECT} WHERE {_DUE} ORDER BY o.id LIMIT 1{self._skip_locked('o')}",
                {"sink": sink, "now": _ts(now)},
            ).fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE outbox SET state = 'claimed', lease_owner = ?, lease_until = ?, "
                "updated_at = ? WHERE id = ?",
                (owner, _ts(now + lease), _ts(now), row["id"]),
            )
            claimed = db.execute(f"{_ENTRY_SELECT} WHERE o.id = ?", (row["id"],)).fetchone()
        return _entry(claimed)

    def finish(self: Host, entry_id: int, *, owner: str, step: Step, now: datetime) -> bool:
        """Count an attempt and move the entry on (see DocumentStore)."""
        held_by = "" if step.state is OutboxState.DONE else " AND lease_owner = ?"
        with self._transaction() as db:
            return (
                db.execute(
                    "UPDATE outbox SET state = ?, attempts = attempts + 1, reason = ?, "
                    "not_before = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? "
                    f"WHERE id = ? AND state = 'claimed'{held_by}",
                    (
                        step.state.value,
                        step.reason,
                        None if step.not_before is None else _ts(step.not_before),
                        _ts(now),
                        entry_id,
                        *(() if step.state is OutboxState.DONE else (owner,)),
                    ),
                ).rowcount
                == 1
            )

    def release(self: Host, entry_id: int, *, owner: str) -> None:
        """Give a claimed entry back without counting an attempt (see DocumentStore)."""
        with self._transaction() as db:
            db.execute(
                "UPDATE outbox SET state = 'pending', lease_owner = NULL, lease_until = NULL, "
                "updated_at = ? WHERE id = ? AND state = 'claimed' AND lease_owner = ?",
                (self._now(), entry_id, owner),
            )

    def outbox(
        self: Host, sink: str | None = None, states: Collection[OutboxState] | None = None
    ) -> list[OutboxEntry]:
        """Outbox entries, oldest first (see DocumentStore)."""
        state_filter, state_values = _in(
            "o.state", None if states is None else [s.value for s in states]
        )
        sink_filter, sink_values = _in("o.sink", None if sink is None else [sink])
        with self._reading():
            rows = self._db.execute(
                f"{_ENTRY_SELECT} WHERE {state_filter} AND {sink_filter} ORDER BY o.id",
                (*state_values, *sink_values),
            ).fetchall()
        return [_entry(row) for row in rows]

    def next_due(self: Host, sink: str) -> datetime | None:
        """The earliest time a pending entry becomes due (see DocumentStore)."""
        with self._reading():
            row = self._db.execute(
                "SELECT min(coalesce(o.not_before, o.queued_at)) FROM outbox o "
                "JOIN documents d ON d.id = o.document_id "
                f"WHERE o.sink = ? AND o.state = 'pending' AND {_ACTIVE}",
                (sink,),
            ).fetchone()
        return _dt(row[0])

    # alerts

    def alerts(self: Host, statuses: Collection[AlertStatus] | None = None) -> list[StoredAlert]:
        """Stored alerts, oldest first (see DocumentStore)."""
        where, values = _in("status", None if statuses is None else [s.value for s in statuses])
        with self._reading():
            rows = self._db.execute(
                f"SELECT {_ALERT_COLUMNS} FROM alerts WHERE {where} ORDER BY id", values
            ).fetchall()
        return [_stored_alert(row) for row in rows]

    def mark_alert(
        self: Host, alert_id: int, status: AlertStatus, error: str | None = None
    ) -> None:
        """Record the delivery status of an alert."""
        with self._transaction() as db:
            db.execute(
                "UPDATE alerts SET status = ?, error = ?, updated_at = ? WHERE id = ?",
                (status.value, error, self._now(), alert_id),
            )


def insert_alert(db: Connection, alert: Alert, now: str) -> None:
    """Insert ``alert`` as pending, inside the caller's transaction (``now``: stored UTC text)."""
    db.execute(
        "INSERT INTO alerts (kind, enterprise_number, company_name, recipient, fallback, "
        "subject, message, document_sha256, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            alert.kind.value,
            alert.enterprise_number.compact,
            alert.company_name,
            alert.recipient,
            int(alert.fallback),
            alert.subject,
            alert.message,
            alert.document_sha256,
            AlertStatus.PENDING.value,
            now,
            now,
        ),
    )
