"""The store protocols for company documents (:class:`DocumentArchive`), the sink switches and
the outbox (:class:`OutboxStore`) and alerts (:class:`AlertStore`); :class:`DocumentStore` is
all three, what ingest and push need. Both stores implement them.

The store decides nothing: which sinks a document is queued for is the workflow's choice
(:func:`govlink.domain.forwarding.queued_sinks`, applied by
:func:`govlink.workflows.ingesting.store_document`); the outbox transitions are the pure ones of
:mod:`govlink.domain.outbox`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol, runtime_checkable

import attrs

from govlink.domain.alerts import Alert
from govlink.domain.documents import Document
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.domain.forwarding import SinkSwitch
from govlink.domain.outbox import OutboxState, Step

__all__ = [
    "AlertStatus",
    "AlertStore",
    "DocumentArchive",
    "DocumentStore",
    "OutboxEntry",
    "OutboxStore",
    "StoredAlert",
    "StoredDocument",
]


class AlertStatus(StrEnum):
    """Where an alert stands: waiting, sent (a delivering notifier such as SMTP accepted it),
    logged (only a notifier that tells nobody, the log, had it), failed, or with nobody to tell."""

    PENDING = "pending"
    SENT = "sent"
    LOGGED = "logged"
    FAILED = "failed"
    UNDELIVERABLE = "undeliverable"


@attrs.frozen(kw_only=True)
class StoredDocument:
    """A document as stored (without its bytes), with the sinks it was queued for."""

    id: int
    document: Document
    queued_for: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class StoredAlert:
    """An alert as stored, with its delivery status and the last error (one line)."""

    id: int
    alert: Alert
    status: AlertStatus
    created_at: datetime
    error: str | None = None


@attrs.frozen(kw_only=True)
class OutboxEntry:
    """One document waiting for, or done with, one sink.

    :param attempts: delivery attempts that came to an outcome so far.
    :param not_before: a pending entry is not claimed before this time (backoff).
    :param lease_owner: the worker holding a claimed entry (``host:pid:token``).
    :param lease_until: when that claim lapses.
    :param reason: why it is held, parked, unknown, or why the last attempt failed.
    """

    id: int
    document_id: int
    sink: str
    state: OutboxState
    attempts: int
    enterprise_number: EnterpriseNumber
    file_name: str
    received_at: datetime
    updated_at: datetime
    not_before: datetime | None = None
    lease_owner: str | None = None
    lease_until: datetime | None = None
    reason: str | None = None


@runtime_checkable
class DocumentArchive(Protocol):
    """Company documents, stored once each."""

    def add_document(
        self,
        document: Document,
        content: bytes,
        alert: Alert | None = None,
        *,
        queue_for: Collection[str] = (),
    ) -> StoredDocument | None:
        """Store a document once (key: company + SHA-256), with its alert and outbox entries.

        In one transaction: the document row and its bytes, the alert when given, and one
        pending outbox entry per sink of ``queue_for`` (the workflow's choice: the forward-only
        rule, and none while the company is archived).

        :returns: the stored document, or ``None`` when it was already stored (nothing written).
        """
        ...

    def documents(self) -> list[StoredDocument]:
        """Every stored document, oldest first (without bytes)."""
        ...

    def document(self, document_id: int) -> Document:
        """One document with its bytes in ``content``.

        :raises StoreError: no such document.
        """
        ...


@runtime_checkable
class OutboxStore(Protocol):
    """The sink switches and the outbox of documents waiting for each sink."""

    def sink_switches(self) -> list[SinkSwitch]:
        """Every recorded switch, by sink."""
        ...

    def sink_switch(self, sink: str) -> SinkSwitch:
        """The sink's switch (off when never switched on)."""
        ...

    def save_sink_switch(self, switch: SinkSwitch) -> None:
        """Record a sink's switch."""
        ...

    def queue_backfill(self, sink: str, since: datetime) -> int:
        """Queue every document received at or after ``since`` that has no entry for ``sink``
        (archived companies' documents excepted).

        :returns: how many entries were added.
        """
        ...

    def reset_held(self, sink: str) -> int:
        """Make held entries pending again (a new run retries them); returns how many."""
        ...

    def release_orphans(self, sink: str, alive: Callable[[str], bool]) -> int:
        """Make claimed entries whose owner is not ``alive`` pending again; returns how many."""
        ...

    def claim(
        self, sink: str, *, owner: str, now: datetime, lease: timedelta
    ) -> OutboxEntry | None:
        """Claim the next due entry (pending and due, or claimed with a lapsed lease) of a
        company that is not archived.

        ``None`` when nothing is due now.
        """
        ...

    def finish(self, entry_id: int, *, owner: str, step: Step, now: datetime) -> bool:
        """Count an attempt and move a claimed entry on as ``step`` says, if ``owner`` holds it.

        A delivered entry is marked done even when its lease lapsed. Returns whether the entry
        was updated.
        """
        ...

    def release(self, entry_id: int, *, owner: str) -> None:
        """Give a claimed entry back (pending, no attempt counted), if ``owner`` holds it."""
        ...

    def outbox(
        self, sink: str | None = None, states: Collection[OutboxState] | None = None
    ) -> list[OutboxEntry]:
        """Outbox entries, oldest first, optionally of one sink and some states."""
        ...

    def next_due(self, sink: str) -> datetime | None:
        """The earliest time a pending entry of ``sink`` (of a company that is not archived)
        becomes due, or ``None``."""
        ...


@runtime_checkable
class AlertStore(Protocol):
    """Alerts waiting for, or done with, delivery."""

    def alerts(self, statuses: Collection[AlertStatus] | None = None) -> list[StoredAlert]:
        """Stored alerts, oldest first, optionally only those with these statuses."""
        ...

    def mark_alert(self, alert_id: int, status: AlertStatus, error: str | None = None) -> None:
        """Record the delivery status of an alert."""
        ...


@runtime_checkable
class DocumentStore(DocumentArchive, OutboxStore, AlertStore, Protocol):
    """Documents, sink switches, the outbox and alerts; every write is one transaction."""
