"""Rich rendering of a sync plan (load histograms per day and per hour, balance, changes) and of
the syncs due in an interval, in the command's language. Values go in as
:class:`rich.text.Text`, never as markup."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Final

from rich.console import Console
from rich.table import Table
from rich.text import Text

from govlink.cli._lang import texts
from govlink.cli._render import safe_text
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.i18n import Translator
from govlink.planner import Plan, SlotLoad
from govlink.workflows.plan import DueCompany, PlanResult

__all__ = ["day_and_time", "render_due", "render_plan"]

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
    t = texts()
    cost, count = [0.0] * len(labels), [0] * len(labels)
    for load in loads:
        cost[group(load)] += load.load
        count[group(load)] += load.companies
    top = max(cost, default=0.0) or 1.0
    table = Table(title=heading, title_justify="left", title_style="bold")
    table.add_column("")
    for column in ("companies", "cost"):
        table.add_column(t(f"plan.column.{column}"), justify="right")
    table.add_column(t("plan.column.load"))
    for label, total, companies in zip(labels, cost, count, strict=True):
        table.add_row(
            Text(label),
            Text(str(companies)),
            Text(f"{total:.1f}"),
            Text("█" * round(_BAR * total / top), style="cyan"),
        )
    console.print(table)


def _explained(t: Translator, plan: Plan) -> list[str]:
    """The balance and onboarding figures in plain words."""
    report, balance = plan.report, plan.report.balance
    per_slot = report.companies / report.allowed_slots
    if balance.floor > 1:
        cost = f"{balance.floor * report.mean_cost:.4g}"
        reachable = t("plan.floor", floor=f"{balance.floor:.2f}", cost=cost)
    else:
        reachable = t("plan.even")
    mean = f"{report.mean_cost:g}"
    lines = [
        t("plan.by_cost", by_cost=f"{balance.by_cost:.2f}", mean=mean, reachable=reachable),
        t("plan.by_count", by_count=f"{balance.by_count:.2f}", per_slot=f"{per_slot:.1f}"),
    ]
    if balance.by_cost > max(1 + plan.config.epsilon_hard, balance.floor + 0.01):
        lines.append(t("plan.kept", cap=f"{plan.config.max_shift_hours:g}"))
    last = plan.last_first_sync
    if last is not None:
        lines.append(t("plan.onboarding", count=len(plan.onboarding), last=day_and_time(t, last)))
    return lines


def _summary(t: Translator, plan: Plan) -> list[str]:
    grid, report = plan.grid, plan.report
    capacity = (
        t("plan.none")
        if grid.capacity is None
        else t("plan.summary.capacity", capacity=f"{grid.capacity:g}")
    )
    balance = report.balance
    return [
        t(
            "plan.summary.size",
            companies=report.companies,
            slots=report.allowed_slots,
            minutes=grid.slot_minutes,
            timezone=grid.timezone,
            made=plan.since.isoformat(),
        ),
        t(
            "plan.summary.windows",
            windows="; ".join(map(str, grid.windows)),
            blocked="; ".join(map(str, grid.blocked)) or t("plan.none"),
            capacity=capacity,
        ),
        t("plan.summary.cost", total=f"{report.total_cost:g}", mean=f"{report.mean_cost:g}"),
        t(
            "plan.summary.balance",
            by_cost=f"{balance.by_cost:.3f}",
            floor=f"{balance.floor:.3f}",
            by_count=f"{balance.by_count:.3f}",
        ),
        t(
            "plan.summary.changes",
            added=report.added,
            removed=report.removed,
            moved=report.moved,
            largest=report.max_shift_minutes,
            p99=report.p99_shift_minutes,
            beyond=report.moved_beyond_shift_cap,
            cap=f"{plan.config.max_shift_hours:g}",
            onboarding=len(plan.onboarding),
        ),
    ]


def render_plan(console: Console, result: PlanResult, store: str) -> None:
    """The plan's figures, its load per day and per hour, the moves, and where it was saved."""
    t = texts()
    plan = result.plan
    console.print(Text(t("plan.title"), style="bold"))
    for line in _summary(t, plan) + _explained(t, plan):
        console.print(safe_text(line))
    console.print()
    loads = plan.slot_loads()
    _histogram(console, t("plan.per_day"), _days(t), loads, lambda s: s.slot.weekday)
    _histogram(
        console,
        t("plan.per_hour"),
        [f"{h:02d}:00" for h in range(24)],
        loads,
        lambda s: s.slot.minute // 60,
    )
    if plan.moves:
        moved = t("plan.moved", count=len(plan.moves))
        table = Table(title=moved, title_justify="left", title_style="bold")
        for column in ("column.number", "plan.column.from", "plan.column.to", "plan.column.shift"):
            table.add_column(t(column))
        for move in plan.moves[:_LISTED]:
            table.add_row(
                Text(_number(move.key)),
                Text(str(move.source)),
                Text(str(move.target)),
                Text(f"{move.shift_minutes:+d}"),
            )
        console.print(table)
        if len(plan.moves) > _LISTED:
            console.print(Text(t("plan.more_moves", count=len(plan.moves) - _LISTED)))
    if result.unknown_costs:
        unknown = t("plan.unknown_costs", count=len(result.unknown_costs))
        console.print(Text(unknown, style="yellow"))
    saved = t("plan.saved", store=store, revision=result.revision)
    console.print(safe_text(saved, "green"))


def _days(t: Translator) -> list[str]:
    """Monday to Sunday, short, in the command's language."""
    return [t(f"day.{weekday}") for weekday in range(7)]


def _day(t: Translator, moment: datetime) -> str:
    return f"{t(f'day.{moment.weekday()}')} {moment.date().isoformat()}"


def day_and_time(t: Translator, moment: datetime) -> str:
    """``moment`` as "Mon 2026-03-23 09:00", the day's name in ``t``'s language."""
    return f"{_day(t, moment)} {moment:%H:%M}"


def render_due(console: Console, due: Sequence[DueCompany], start: datetime, end: datetime) -> None:
    """The syncs due from ``start`` to ``end``, in time order: the day, the time and the
    company."""
    t = texts()
    heading = t(
        "due.heading", count=len(due), start=day_and_time(t, start), end=day_and_time(t, end)
    )
    console.print(Text(heading, style="bold"))
    table = Table()
    for column in ("due.column.day", "due.column.at", "column.number", "column.name"):
        table.add_column(t(column))
    for sync in due:
        table.add_row(
            Text(_day(t, sync.at)),
            Text(sync.at.strftime("%H:%M")),
            Text(sync.enterprise_number.formatted),
            safe_text(sync.name),
        )
    console.print(table)
