"""Rich rendering of ``govlink sync status``. Values go in as text, never as markup."""

from __future__ import annotations

from datetime import datetime

from rich.console import Console
from rich.text import Text

from govlink.cli._render import section
from govlink.sync import SyncStatus

__all__ = ["render_status"]


def _when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "-"
    return moment.astimezone(now.tzinfo).strftime("%a %Y-%m-%d %H:%M")


def render_status(console: Console, status: SyncStatus, limit: int | None) -> None:
    """The summary (attempts, failures by cause, latency, backlog), the companies without a
    mandate, then every company's last and next sync (at most ``limit`` rows per table)."""
    now = status.now
    failures = ", ".join(f"{n} {cause}" for cause, n in sorted(status.failures.items()))
    latency = ", ".join(f"p{rank} {value:.1f} s" for rank, value in sorted(status.latency.items()))
    console.print(Text(f"MyMinfin sync at {_when(now, now)}", style="bold"))
    for line in (
        f"last {(now - status.since).days} days: {status.attempts} attempts; "
        f"failures: {failures or 'none'}; gave up: {status.gave_up}",
        f"portal latency: {latency or 'no sync yet'}",
        f"backlog: {status.backlog} due and not run yet",
    ):
        console.print(Text(line))
    console.print()
    section(
        console,
        f"No mandate ({len(status.no_mandate)})",
        ("enterprise number", "name", "since"),
        (
            (c.enterprise_number.formatted, c.name, _when(c.no_mandate_since, now))
            for c in status.no_mandate
        ),
        limit=limit,
        more="--all or --json shows them",
    )
    section(
        console,
        f"Companies ({len(status.companies)})",
        ("enterprise number", "name", "last sync", "outcome", "next sync"),
        (
            (
                c.enterprise_number.formatted,
                c.name,
                _when(c.last_at, now),
                "-" if c.last_outcome is None else c.last_outcome.value,
                _when(c.next_at, now),
            )
            for c in status.companies
        ),
        limit=limit,
        more="--all or --json shows them",
    )
