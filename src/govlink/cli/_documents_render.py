"""Rich rendering of documents, alerts and push results for people, in the command's language
(states and statuses are shown translated; ``--json`` keeps their codes)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console

from govlink.cli._lang import said_with_detail, texts
from govlink.cli._render import safe_text, section
from govlink.i18n import Translator
from govlink.store.documents import OutboxEntry, StoredAlert
from govlink.workflows.ingesting import IngestReport
from govlink.workflows.pushing import PushReport, PushStatus

__all__ = ["render_alerts", "render_ingest", "render_push", "render_push_status"]


def _entry_columns(t: Translator) -> tuple[str, ...]:
    return (
        t("column.document"),
        t("column.file"),
        t("column.number"),
        t("column.state"),
        t("column.tries"),
        t("column.why"),
    )


def _entries(t: Translator, entries: Iterable[OutboxEntry]) -> Iterable[tuple[object, ...]]:
    return (
        (
            e.document_id,
            e.file_name,
            e.enterprise_number.formatted,
            t(f"outbox.state.{e.state.value}"),
            e.attempts,
            e.reason,
        )
        for e in entries
    )


def render_alerts(console: Console, alerts: Iterable[StoredAlert]) -> None:
    """The alerts with their recipient and status."""
    t = texts()
    columns = ("id", "created", "company", "recipient", "alert_status", "subject")
    section(
        console,
        t("alerts.title"),
        tuple(t(f"column.{column}") for column in columns),
        (
            (
                a.id,
                a.created_at.isoformat(timespec="seconds"),
                a.alert.enterprise_number.formatted,
                (a.alert.recipient or t("alerts.nobody"))
                + (t("alerts.fallback") if a.alert.fallback else ""),
                t(f"alert.status.{a.status.value}") + (f": {a.error}" if a.error else ""),
                a.alert.subject,
            )
            for a in alerts
        ),
    )


def render_ingest(console: Console, report: IngestReport) -> None:
    """Stored, already stored and rejected documents, then the alerts sent."""
    t = texts()
    section(
        console,
        t("ingest.stored", count=len(report.stored)),
        (t("column.id"), t("column.file"), t("column.kind"), t("column.queued_for")),
        (
            (s.id, s.document.file_name, s.document.kind_label, ", ".join(s.queued_for))
            for s in report.stored
        ),
    )
    if report.duplicates:
        names = ", ".join(d.file_name for d in report.duplicates)
        console.print(safe_text(t("ingest.duplicates", names=names), "dim"))
    section(
        console,
        t("ingest.rejected", count=len(report.rejected)),
        (t("column.file"), t("column.why")),
        (
            (
                r.name,
                "; ".join(said_with_detail(f"document.{p.code}", p.message) for p in r.problems),
            )
            for r in report.rejected
        ),
    )
    if report.alerts:
        render_alerts(console, report.alerts)


def render_push(console: Console, report: PushReport) -> None:
    """One push run: counts, then the held and failed entries."""
    t = texts()
    summary = t(
        "push.summary",
        sink=report.sink,
        pushed=len(report.pushed),
        held=len(report.held),
        failed=len(report.failed),
        pending=report.pending,
    )
    if report.backfilled:
        summary += t("push.backfilled", count=report.backfilled)
    console.print(safe_text(summary, "bold"))
    if report.held:
        section(console, t("push.held"), _entry_columns(t), _entries(t, report.held))
    if report.failed:
        section(console, t("push.failed"), _entry_columns(t), _entries(t, report.failed))


def render_push_status(console: Console, status: PushStatus) -> None:
    """The sink's switch and outbox."""
    t = texts()
    switch = status.switch
    state = (
        t("push.on_since", since=switch.enabled_at.isoformat(timespec="seconds"))
        if switch.enabled and switch.enabled_at
        else t("push.off")
    )
    tags = t("push.tags", tags=", ".join(switch.tags)) if switch.tags else ""
    console.print(safe_text(f"{status.sink}: {state}{tags}", "bold"))
    counts = ", ".join(f"{n} {t(f'outbox.state.{s.value}')}" for s, n in status.counts.items())
    console.print(safe_text(counts))
    console.print()
    section(console, t("push.held"), _entry_columns(t), _entries(t, status.held))
    section(console, t("push.need_a_look"), _entry_columns(t), _entries(t, status.failed))
