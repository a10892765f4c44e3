"""Rich rendering of ``govlink sync run|worker|status`` in the command's language. Values go in
as text, never as markup; ``--json`` keeps the outcome codes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from rich.console import Console
from rich.text import Text

from govlink.cli._lang import texts
from govlink.cli._output import echo_line
from govlink.cli._plan_render import day_and_time
from govlink.cli._render import section
from govlink.i18n import Translator
from govlink.store.sync import AttemptOutcome
from govlink.sync import SyncReport, SyncStatus

__all__ = ["render_report", "render_status"]


def _when(t: Translator, moment: datetime | None, now: datetime) -> str:
    return "-" if moment is None else day_and_time(t, moment.astimezone(now.tzinfo))


def _counts(t: Translator, counts: Mapping[AttemptOutcome, int]) -> str:
    """``2 no mandate, 1 error`` (outcomes in code order), or "none"."""
    listed = (f"{n} {t(f'sync.outcome.{outcome}')}" for outcome, n in sorted(counts.items()))
    return ", ".join(listed) or t("sync.none")


def render_report(report: SyncReport, worker: bool) -> None:
    """One line: the syncs by outcome, new documents, skipped and still due."""
    t = texts()
    what = t("sync.what.worker" if worker else "sync.what.run")
    echo_line(
        t(
            "sync.report",
            what=what,
            attempts=len(report.attempts),
            outcomes=_counts(t, report.outcomes),
            documents=report.documents,
            skipped=report.skipped,
            pending=report.pending,
        )
    )


def render_status(console: Console, status: SyncStatus, limit: int | None) -> None:
    """The summary (attempts, failures by cause, latency, backlog), the companies without a
    mandate, then every company's last and next sync (at most ``limit`` rows per table)."""
    t = texts()
    now = status.now
    latency = ", ".join(f"p{rank} {value:.1f} s" for rank, value in sorted(status.latency.items()))
    console.print(Text(t("sync.status.title", when=_when(t, now, now)), style="bold"))
    for line in (
        t(
            "sync.status.attempts",
            days=(now - status.since).days,
            attempts=status.attempts,
            failures=_counts(t, status.failures),
            gave_up=status.gave_up,
        ),
        t("sync.status.latency", latency=latency or t("sync.status.no_latency")),
        t("sync.status.backlog", backlog=status.backlog),
    ):
        console.print(Text(line))
    console.print()
    section(
        console,
        t("sync.status.no_mandate", count=len(status.no_mandate)),
        (t("column.number"), t("column.name"), t("column.since")),
        (
            (c.enterprise_number.formatted, c.name, _when(t, c.no_mandate_since, now))
            for c in status.no_mandate
        ),
        limit=limit,
        more=t("section.more.all"),
    )
    section(
        console,
        t("sync.status.companies", count=len(status.companies)),
        (
            t("column.number"),
            t("column.name"),
            t("column.last_sync"),
            t("column.outcome"),
            t("column.next_sync"),
        ),
        (
            (
                c.enterprise_number.formatted,
                c.name,
                _when(t, c.last_at, now),
                "-" if c.last_outcome is None else t(f"sync.outcome.{c.last_outcome}"),
                _when(t, c.next_at, now),
            )
            for c in status.companies
        ),
        limit=limit,
        more=t("section.more.all"),
    )
