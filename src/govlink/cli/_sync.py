"""``govlink sync run|worker|status``: thin shells over :mod:`govlink.sync`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

import click

from govlink.cli._app import (
    StoreTarget,
    json_option,
    notifying_registry,
    open_store,
    stdout_console,
    store_option,
)
from govlink.cli._limit import limit_options, shown
from govlink.cli._output import echo_json
from govlink.cli._plan import now_option, parse_moment
from govlink.cli._sync_json import report_json, status_json
from govlink.cli._sync_render import render_report, render_status
from govlink.environment import environment_settings
from govlink.errors import PlanningError
from govlink.plugins import Registry
from govlink.plugins.fetchers import Fetcher
from govlink.store.sqlite import SQLiteStore
from govlink.sync import (
    NO_PLAN,
    SyncOptions,
    SyncReport,
    open_fetcher,
    run_due,
    stop_on_signals,
    sync_status,
    work,
)

if TYPE_CHECKING:
    from govlink.store.postgres import PostgresStore

__all__ = ["sync"]


@click.group()
def sync() -> None:
    """Run the MyMinfin sync the plan schedules, or show how it stands."""


@contextmanager
def _syncing(
    store_path: StoreTarget, **overrides: object
) -> Iterator[tuple[SQLiteStore | PostgresStore, Fetcher, SyncOptions]]:
    """The store, the fetcher (setting ``sync_fetcher``) and the options from its settings.

    :raises PlanningError: no plan is saved yet (checked before the fetcher is opened).
    """
    with open_store(store_path, create=False) as reading:
        if reading.load_plan() is None:
            raise PlanningError(NO_PLAN, code="planner.no_plan")
    with open_store(store_path, create=True) as store:
        options = SyncOptions.from_settings(store.settings(), **overrides)
        fetcher = open_fetcher(Registry(), options, environment_settings())
        try:
            yield store, fetcher, options
        finally:
            close = getattr(fetcher, "close", None)
            if callable(close):
                close()


def _echo_report(report: SyncReport, as_json: bool, *, worker: bool) -> None:
    if as_json:
        echo_json(report_json(report))
    else:
        render_report(report, worker)


@sync.command("run")
@click.option(
    "--until",
    callback=parse_moment,
    metavar="ISO",
    help="Run what is due up to ISO (default: now; without an offset: local time).",
)
@store_option
@json_option
def run_command(until: datetime | None, store_path: StoreTarget, as_json: bool) -> None:
    """Run every sync due up to now once, then stop.

    A temporary failure is retried the same day: the run waits for a retry due within 5
    minutes, and leaves later ones pending for the next run or a worker.
    """
    moment = None if until is None else until if until.tzinfo else until.astimezone()
    with _syncing(store_path) as (store, fetcher, options):
        report = run_due(store, notifying_registry(store), fetcher, options=options, until=moment)
    _echo_report(report, as_json, worker=False)


@sync.command("worker")
@click.option(
    "--poll",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds an idle worker waits before looking for due syncs again.",
)
@store_option
@json_option
def worker_command(poll: float, store_path: StoreTarget, as_json: bool) -> None:
    """Run due syncs as they fall due, until stopped.

    SIGTERM stops it after the company in hand (it is finished and recorded first). Several
    workers may share one store: each sync runs once, within the portal's shared limits.
    """
    with stop_on_signals() as stop, _syncing(store_path, poll=poll) as (store, fetcher, options):
        report = work(store, notifying_registry(store), fetcher, stop=stop, options=options)
    _echo_report(report, as_json, worker=True)


@sync.command("status")
@store_option
@json_option
@limit_options
@now_option
def status_command(
    store_path: StoreTarget, as_json: bool, limit: int, show_all: bool, now: datetime | None
) -> None:
    """Show the last and next sync per company, failures by cause, the portal's latency, the
    backlog and the companies without a mandate."""
    moment = datetime.now().astimezone() if now is None else now
    if moment.tzinfo is None:
        moment = moment.astimezone()
    with open_store(store_path, create=False) as store:
        status = sync_status(store, now=moment)
    if as_json:
        echo_json(status_json(status))
    else:
        render_status(stdout_console(), status, shown(limit, show_all))
