"""``govlink plan`` and ``govlink due``: the weekly MyMinfin sync plan and what is due."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from pathlib import Path

import click

from govlink.cli._app import (
    StoreTarget,
    chosen_office,
    json_option,
    open_store,
    said,
    stdout_console,
    store_option,
)
from govlink.cli._lang import texts
from govlink.cli._output import echo_json
from govlink.cli._plan_json import due_json, plan_json
from govlink.cli._plan_render import render_due, render_plan
from govlink.errors import PlanningError
from govlink.store.offices import AllOffices, office_numbers
from govlink.workflows.costs import read_costs
from govlink.workflows.plan import (
    SAVED,
    SavedType,
    due_companies,
    due_interval,
    make_plan,
    moment,
)

__all__ = ["due_command", "now_option", "parse_moment", "plan_command"]


def parse_moment(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    """An ISO date-time option's value (a click callback); a bad one is a usage error."""
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise click.BadParameter(
            texts()("plan.bad_moment", value=repr(value)), ctx, param
        ) from error


def _capacity(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> float | SavedType | None:
    if value is None:
        return SAVED
    if value.strip().casefold() == "none":
        return None
    try:
        capacity = float(value)
    except ValueError:
        capacity = math.nan
    if not (math.isfinite(capacity) and capacity > 0):
        raise click.BadParameter(texts()("plan.bad_capacity", value=repr(value)), ctx, param)
    return capacity


now_option = click.option(
    "--now",
    callback=parse_moment,
    metavar="ISO",
    help="For testing: act as if it were ISO (default: the current time).",
)


@click.command("plan")
@store_option
@click.option(
    "--windows",
    metavar="SPEC",
    help="When syncs may run, e.g. 'Mon-Fri 08:00-18:00' or 'Mon-Sun 22:00-06:00' "
    "(default: the saved plan's, else the whole week).",
)
@click.option(
    "--block",
    metavar="SPEC",
    help="Periods without syncs, e.g. 'Sun 02:00-06:00'; '' for none "
    "(default: the saved plan's, else Sun 02:00-03:00).",
)
@click.option(
    "--capacity",
    callback=_capacity,
    metavar="X|none",
    help="The most cost one slot may carry; none removes it "
    "(default: the saved plan's, else none).",
)
@click.option(
    "--costs",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A CSV with columns enterprise_number,cost: explicit costs per company.",
)
@json_option
@now_option
def plan_command(
    store_path: StoreTarget,
    windows: str | None,
    block: str | None,
    capacity: float | SavedType | None,
    costs: Path | None,
    as_json: bool,
    now: datetime | None,
) -> None:
    """Plan the weekly MyMinfin sync of every company in the store, and save the plan.

    A store of several offices gets one plan for all of them (--office does not apply).

    Existing companies keep their slot; new ones get a slot and a first sync within the week,
    in spare room only.
    """
    explicit = None if costs is None else read_costs(costs)
    with open_store(store_path, create=True, every_office=True) as store:
        result = make_plan(
            AllOffices(store),
            now=now or datetime.now().astimezone(),
            windows=SAVED if windows is None else windows,
            block=SAVED if block is None else block,
            capacity=capacity,
            costs=explicit,
        )
    if as_json:
        echo_json(plan_json(result.plan))
    else:
        render_plan(stdout_console(), result, str(store_path))


def _when(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A :func:`~govlink.workflows.plan.moment` text, checked here and read against the plan."""
    try:
        moment(value, now=datetime.now(UTC))
    except PlanningError as error:
        raise click.BadParameter(said(error), ctx, param) from error
    return value


@click.command("due")
@click.option(
    "--from",
    "start",
    default="today",
    show_default=True,
    callback=_when,
    metavar="WHEN",
    help="From: an ISO date-time, now, today, tomorrow or +2h / -1d (from now).",
)
@click.option(
    "--to",
    "end",
    default="+7d",
    show_default=True,
    callback=_when,
    metavar="WHEN",
    help="Up to (excluded): as --from, but +7d / +12h count from --from.",
)
@store_option
@json_option
@now_option
def due_command(
    store_path: StoreTarget, start: str, end: str, as_json: bool, now: datetime | None
) -> None:
    """List the companies whose sync falls from --from up to --to (default: this week, from
    today for 7 days), with the time of each; archived companies are left out.

    Times are read in the plan's time zone. With --office, only that office's companies; else
    those of every office.
    """
    office = chosen_office()
    with open_store(store_path, create=False, every_office=True) as store:
        only = None if office is None else office_numbers(store, office)
        begin, finish = due_interval(store, start, end, now=now)
        listed = due_companies(store, begin, finish, only=only)
    if as_json:
        echo_json(due_json(listed))
    else:
        render_due(stdout_console(), listed, begin, finish)
