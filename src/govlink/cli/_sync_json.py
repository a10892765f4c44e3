"""The ``--json`` documents of ``govlink sync`` (schemas in docs/cli.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from govlink.sync import SyncReport, SyncStatus

__all__ = ["report_json", "status_json"]


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def report_json(report: SyncReport) -> dict[str, Any]:
    """The ``govlink sync run --json`` / ``sync worker --json`` document."""
    return {
        "worker": report.worker,
        "attempts": len(report.attempts),
        "outcomes": {outcome.value: n for outcome, n in sorted(report.outcomes.items())},
        "documents": report.documents,
        "skipped": report.skipped,
        "pending": report.pending,
    }


def status_json(status: SyncStatus) -> dict[str, Any]:
    """The ``govlink sync status --json`` document."""
    return {
        "now": status.now.isoformat(),
        "since": status.since.isoformat(),
        "attempts": status.attempts,
        "failures": {cause.value: n for cause, n in sorted(status.failures.items())},
        "latency_seconds": {f"p{rank}": value for rank, value in sorted(status.latency.items())},
        "backlog": status.backlog,
        "gave_up": status.gave_up,
        "no_mandate": [c.enterprise_number.compact for c in status.no_mandate],
        "companies": [
            {
                "enterprise_number": c.enterprise_number.compact,
                "name": c.name,
                "last_at": _iso(c.last_at),
                "last_outcome": None if c.last_outcome is None else c.last_outcome.value,
                "last_success_at": _iso(c.last_success_at),
                "next_at": _iso(c.next_at),
                "no_mandate_since": _iso(c.no_mandate_since),
            }
            for c in status.companies
        ],
    }
