"""Rich rendering of documents, alerts and push results for people."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.text import Text

from govlink.cli._render import safe_text, section
from govlink.store.documents import OutboxEntry, StoredAlert
from govlink.workflows.ingesting import IngestReport
from govlink.workflows.pushing import PushReport, PushStatus

__all__ = ["render_alerts", "render_ingest", "render_push", "render_push_status"]

_ENTRY_COLUMNS = ("document", "file", "enterprise number", "state", "tries", "reason")


def _entries(entries: Iterable[OutboxEntry]) -> Iterable[tuple[object, ...]]:
    return (
        (
            e.document_id,
            e.file_name,
            e.enterprise_number.formatted,
            e.state.value,
            e.attempts,
            e.reason,
        )
        for e in entries
    )


def render_alerts(console: Console, alerts: Iterable[StoredAlert]) -> None:
    """The alerts with their recipient and status."""
    section(
        console,
        "Alerts",
        ("id", "created", "company", "recipient", "status", "subject"),
        (
            (
                a.id,
                a.created_at.isoformat(timespec="seconds"),
                a.alert.enterprise_number.formatted,
                (a.alert.recipient or "nobody") + (" (fallback)" if a.alert.fallback else ""),
                a.status.value + (f": {a.error}" if a.error else ""),
                a.alert.subject,
            )
            for a in alerts
        ),
    )


def render_ingest(console: Console, report: IngestReport) -> None:
    """Stored, already stored and rejected documents, then the alerts sent."""
    section(
        console,
        f"Stored ({len(report.stored)})",
        ("id", "file", "kind", "queued for"),
        (
            (s.id, s.document.file_name, s.document.kind_label, ", ".join(s.queued_for))
            for s in report.stored
        ),
    )
    if report.duplicates:
        names = ", ".join(d.file_name for d in report.duplicates)
        console.print(safe_text(f"Already stored: {names}", "dim"))
    section(
        console,
        f"Rejected ({len(report.rejected)})",
        ("file", "reason"),
        ((r.name, "; ".join(p.message for p in r.problems)) for r in report.rejected),
    )
    if report.alerts:
        render_alerts(console, report.alerts)


def render_push(console: Console, report: PushReport) -> None:
    """One push run: counts, then the held and failed entries."""
    console.print(
        Text(
            f"{report.sink}: {len(report.pushed)} pushed, {len(report.held)} held, "
            f"{len(report.failed)} failed, {report.pending} pending"
            + (f" ({report.backfilled} queued by the backfill)" if report.backfilled else ""),
            style="bold",
        )
    )
    if report.held:
        section(console, "Held (retried on the next run)", _ENTRY_COLUMNS, _entries(report.held))
    if report.failed:
        section(
            console, "Failed (see govlink push --status)", _ENTRY_COLUMNS, _entries(report.failed)
        )


def render_push_status(console: Console, status: PushStatus) -> None:
    """The sink's switch and outbox."""
    switch = status.switch
    state = (
        f"on since {switch.enabled_at.isoformat(timespec='seconds')}"
        if switch.enabled and switch.enabled_at
        else "off"
    )
    tags = f"; tags {', '.join(switch.tags)}" if switch.tags else ""
    console.print(Text(f"{status.sink}: {state}{tags}", style="bold"))
    console.print(Text(", ".join(f"{n} {s.value}" for s, n in status.counts.items())))
    console.print()
    section(console, "Held (retried on the next run)", _ENTRY_COLUMNS, _entries(status.held))
    section(console, "Parked or unknown (need a look)", _ENTRY_COLUMNS, _entries(status.failed))
