"""The ``--json`` documents of ``govlink documents ingest``, ``alerts`` and ``push`` (schemas in
docs/documents.md), built from workflow results."""

from __future__ import annotations

from typing import Any

from govlink.store.documents import OutboxEntry, StoredAlert
from govlink.workflows.ingesting import IngestReport
from govlink.workflows.pushing import PushReport, PushStatus

__all__ = ["alert_json", "ingest_json", "push_json", "push_status_json"]


def alert_json(stored: StoredAlert) -> dict[str, Any]:
    """One stored alert: who receives it and how delivery went."""
    alert = stored.alert
    return {
        "id": stored.id,
        "kind": alert.kind.value,
        "enterprise_number": alert.enterprise_number.compact,
        "company_name": alert.company_name,
        "recipient": alert.recipient,
        "fallback": alert.fallback,
        "subject": alert.subject,
        "status": stored.status.value,
        "error": stored.error,
        "created_at": stored.created_at.isoformat(),
    }


def ingest_json(report: IngestReport) -> dict[str, Any]:
    """What an ingest stored, skipped as already stored, rejected, and the alerts it sent."""
    return {
        "stored": [
            {
                "id": s.id,
                "file_name": s.document.file_name,
                "enterprise_number": s.document.enterprise_number.compact,
                "kind": s.document.kind.value,
                "sha256": s.document.sha256,
                "needs_action": s.document.needs_action,
                "queued_for": list(s.queued_for),
            }
            for s in report.stored
        ],
        "duplicates": [{"file_name": d.file_name, "sha256": d.sha256} for d in report.duplicates],
        "rejected": [
            {
                "name": r.name,
                "reasons": [{"code": p.code.value, "message": p.message} for p in r.problems],
            }
            for r in report.rejected
        ],
        "alerts": [alert_json(a) for a in report.alerts],
    }


def _held(entry: OutboxEntry) -> dict[str, Any]:
    return {
        "document": entry.document_id,
        "file_name": entry.file_name,
        "enterprise_number": entry.enterprise_number.compact,
        "reason": entry.reason,
    }


def _failed(entry: OutboxEntry) -> dict[str, Any]:
    return {**_held(entry), "state": entry.state.value, "attempts": entry.attempts}


def push_json(report: PushReport) -> dict[str, Any]:
    """``{"pushed", "held", "failed", "pending"}`` for one push run."""
    return {
        "pushed": len(report.pushed),
        "held": [_held(e) for e in report.held],
        "failed": [_failed(e) for e in report.failed],
        "pending": report.pending,
    }


def push_status_json(status: PushStatus) -> dict[str, Any]:
    """The sink's switch, counts per outbox state, and the entries that need a look."""
    switch = status.switch
    return {
        "sink": status.sink,
        "enabled": switch.enabled,
        "enabled_at": None if switch.enabled_at is None else switch.enabled_at.isoformat(),
        "tags": list(switch.tags),
        "counts": {state.value: count for state, count in status.counts.items()},
        "held": [_held(e) for e in status.held],
        "failed": [_failed(e) for e in status.failed],
    }
