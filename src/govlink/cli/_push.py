"""``govlink push``: drain a sink's outbox, or show it."""

from __future__ import annotations

from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

import click

from govlink.cli._app import (
    StoreTarget,
    json_option,
    open_store,
    progress_bars,
    stdout_console,
    store_option,
)
from govlink.cli._documents_json import push_json, push_status_json
from govlink.cli._documents_render import render_push, render_push_status
from govlink.cli._lang import texts
from govlink.cli._output import echo_json
from govlink.environment import environment_settings
from govlink.plugins import Registry
from govlink.store.rates import closing_rates
from govlink.workflows.pushing import PushOptions, only_sink, push, push_status

__all__ = ["push_command"]

_BRUSSELS: Final = ZoneInfo("Europe/Brussels")


@click.command("push")
@click.option("--status", is_flag=True, help="Show the outbox instead of pushing.")
@click.option(
    "--backfill",
    "since",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
    help="Also push documents received since SINCE (Brussels time) that were never queued.",
)
@click.option("--sink", "sink_name", help="The sink (default: the only one the plugins offer).")
@json_option
@store_option
def push_command(
    status: bool,
    since: datetime | None,
    sink_name: str | None,
    as_json: bool,
    store_path: StoreTarget,
) -> None:
    """Push the documents queued for the sink, each exactly once.

    Held documents (a company the sink does not know) are retried; refused ones are parked
    after a few tries and ones that may or may not have arrived are left for review: both are
    listed by --status.
    """
    registry = Registry()
    sink = sink_name or only_sink(registry)
    if status:
        with open_store(store_path, create=False) as store:
            shown = push_status(store, sink)
        if as_json:
            echo_json(push_status_json(shown))
        else:
            render_push_status(stdout_console(), shown)
        return
    backfill = None if since is None else since.replace(tzinfo=_BRUSSELS)
    with (
        open_store(store_path, create=True) as store,
        progress_bars() as bars,
        closing_rates(store.rate_store()) as rates,
    ):
        report = push(
            store,
            registry,
            sink=sink,
            settings=environment_settings(),
            backfill_since=backfill,
            options=PushOptions(rates=rates),
            progress=bars.counting(texts()("progress.pushing")),
        )
    if as_json:
        echo_json(push_json(report))
    else:
        render_push(stdout_console(), report)
