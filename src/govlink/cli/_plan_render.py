"""Rich rendering of a sync plan (load histograms per day and per hour, balance, changes) and of
the syncs due in an interval. Values go in as :class:`rich.text.Text`, never as markup."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final

from rich.console import Console
from rich.table import Table
from rich.text import Text

from govlink.cli._render import safe_text
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.planner import Plan, SlotLoad
from govlink.planner.spec import DAY_NAMES
from govlink.workflows.plan import DueCompany, PlanResult

__all__ = ["render_due", "render_plan"]

_BAR: Final = 40
_LISTED: Final = 50


def _number(key: str) -> str:
    return EnterpriseNumber.from_trusted(key).formatted


def _histogram(
    console: Console,
    heading: str,
    labels: Sequence[str],
    loads: Sequence[SlotLoad],
    group: Callable[[SlotLoad], int],
) -> None:
    """One row per label: the companies and cost of the slots in that group, and a cost bar."""
    cost, count = [0.0] * len(labels), [0] * len(labels)
    for load in loads:
        cost[group(load)] += load.load
        count[group(load)] += load.companies
    top = max(cost, default=0.0) or 1.0
    table = Table(title=heading, title_justify="left", title_style="bold")
    for column in ("", "companies", "cost"):
        table.add_column(column, justify="left" if not column else "right")
    table.add_column("load")
    for label, total, companies in zip(labels, cost, count, strict=True):
        table.add_row(
            Text(label),
            Text(str(companies)),
            Text(f"{total:.1f}"),
            Text("█" * round(_BAR * total / top), style="cyan"),
        )
    console.print(table)


def _explained(plan: Plan) -> list[str]:
    """The balance and onboarding figures in plain words."""
    report, balance = plan.report, plan.report.balance
    per_slot = report.companies / report.allowed_slots
    if balance.floor > 1:
        reachable = (
            f"no plan can do better than {balance.floor:.2f} times here, because the largest "
            f"company alone costs {balance.floor * report.mean_cost:.4g}"
        )
    else:
        reachable = "a perfectly even plan would be 1.00 times"
    lines = [
        f"The busiest slot carries {balance.by_cost:.2f} times the cost of an average slot "
        f"({report.mean_cost:g}); {reachable}.",
        f"By number of companies the busiest slot holds {balance.by_count:.2f} times the "
        f"average of {per_slot:.1f} companies per slot.",
    ]
    if balance.by_cost > max(1 + plan.config.epsilon_hard, balance.floor + 0.01):
        lines.append(
            "It is above the best reachable because companies keep their slot: a plan only moves "
            "a company whose slot was lost or got busier, and then at most "
            f"{plan.config.max_shift_hours:g} h."
        )
    last = plan.last_first_sync
    if last is not None:
        lines.append(
            f"New companies: {len(plan.onboarding)} onboarding syncs pending, in spare room only "
            f"(no run above twice the average slot or the busiest slot); the last new company "
            f"first syncs on {last:%a %Y-%m-%d %H:%M}."
        )
    return lines


def _summary(plan: Plan) -> list[str]:
    grid, report = plan.grid, plan.report
    capacity = "none" if grid.capacity is None else f"{grid.capacity:g} per slot"
    balance = report.balance
    return [
        f"{report.companies} companies · {report.allowed_slots} allowed slots of "
        f"{grid.slot_minutes} min ({grid.timezone}) · made {plan.since.isoformat()}",
        f"windows {'; '.join(map(str, grid.windows))} · blocked "
        f"{'; '.join(map(str, grid.blocked)) or 'none'} · capacity {capacity}",
        f"total cost {report.total_cost:g} · mean per slot {report.mean_cost:g}",
        f"balance (max slot / mean): by cost {balance.by_cost:.3f} "
        f"(best reachable {balance.floor:.3f}) · by count {balance.by_count:.3f}",
        f"{report.added} added · {report.removed} removed · {report.moved} moved "
        f"(largest shift {report.max_shift_minutes} min, 99th percentile "
        f"{report.p99_shift_minutes} min, {report.moved_beyond_shift_cap} beyond "
        f"{plan.config.max_shift_hours:g} h) · {len(plan.onboarding)} onboarding syncs pending",
    ]


def render_plan(console: Console, result: PlanResult, store: str) -> None:
    """The plan's figures, its load per day and per hour, the moves, and where it was saved."""
    plan = result.plan
    console.print(Text("Sync plan", style="bold"))
    for line in _summary(plan) + _explained(plan):
        console.print(Text(line))
    console.print()
    loads = plan.slot_loads()
    _histogram(console, "Load per day", DAY_NAMES, loads, lambda s: s.slot.weekday)
    _histogram(
        console,
        "Load per hour",
        [f"{h:02d}:00" for h in range(24)],
        loads,
        lambda s: s.slot.minute // 60,
    )
    if plan.moves:
        table = Table(title=f"Moved ({len(plan.moves)})", title_justify="left", title_style="bold")
        for column in ("enterprise number", "from", "to", "shift (min)"):
            table.add_column(column)
        for move in plan.moves[:_LISTED]:
            table.add_row(
                Text(_number(move.key)),
                Text(str(move.source)),
                Text(str(move.target)),
                Text(f"{move.shift_minutes:+d}"),
            )
        console.print(table)
        if len(plan.moves) > _LISTED:
            console.print(Text(f"… and {len(plan.moves) - _LISTED} more (--json lists all)"))
    if result.unknown_costs:
        console.print(
            Text(
                f"{len(result.unknown_costs)} companies in the costs file are not in the store "
                "(ignored)",
                style="yellow",
            )
        )
    console.print(Text(f"Plan saved to {store} (revision {result.revision}).", style="green"))


def _day(moment: datetime) -> str:
    return f"{DAY_NAMES[moment.weekday()]} {moment.date().isoformat()}"


def render_due(console: Console, due: Sequence[DueCompany], start: datetime, end: datetime) -> None:
    """The syncs due from ``start`` to ``end``, in time order: the day, the time and the
    company."""
    heading = f"{len(due)} syncs due from {_day(start)} {start:%H:%M} to {_day(end)} {end:%H:%M}"
    console.print(Text(heading, style="bold"))
    table = Table()
    for column in ("day", "at", "enterprise number", "name"):
        table.add_column(column)
    for sync in due:
        table.add_row(
            Text(_day(sync.at)),
            Text(sync.at.strftime("%H:%M")),
            Text(sync.enterprise_number.formatted),
            safe_text(sync.name),
        )
    console.print(table)
