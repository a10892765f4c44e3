"""``govlink documents ingest`` and ``govlink alerts``."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from govlink.cli._app import (
    StoreTarget,
    json_option,
    notifying_registry,
    open_store,
    said,
    stdout_console,
    store_option,
)
from govlink.cli._documents_json import alert_json, ingest_json
from govlink.cli._documents_render import render_alerts, render_ingest
from govlink.cli._output import echo_json
from govlink.domain.documents import DocumentKind
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import InvalidEnterpriseNumber
from govlink.workflows.alerts import deliver_alerts
from govlink.workflows.ingesting import ingest_files

__all__ = ["alerts", "documents"]

_KINDS = ", ".join(kind.value for kind in DocumentKind)


def _company(ctx: click.Context, param: click.Parameter, value: str) -> EnterpriseNumber:
    try:
        return EnterpriseNumber.parse(value)
    except InvalidEnterpriseNumber as error:
        raise click.BadParameter(said(error), ctx, param) from error


@click.group()
def documents() -> None:
    """Company documents (MyMinfin): ingest them; they are stored once, alerted and queued."""


@documents.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--company", required=True, callback=_company, help="The enterprise number.")
@click.option("--kind", required=True, help=f"The document kind ({_KINDS}) or the portal's label.")
@click.option("--date", "document_date", type=click.DateTime(["%Y-%m-%d"]), help="YYYY-MM-DD.")
@click.option("--title", help="The title (default: the file name).")
@json_option
@store_option
def ingest_command(
    paths: tuple[Path, ...],
    company: EnterpriseNumber,
    kind: str,
    document_date: datetime | None,
    title: str | None,
    as_json: bool,
    store_path: StoreTarget,
) -> None:
    """Store the files at PATH... as documents of one company.

    Each is stored once (same company, same bytes = same document); a bad file is rejected with
    its reasons while the others go on. Documents that need action raise an alert; each is
    queued for every sink switched on.
    """
    day: date | None = document_date.date() if document_date else None
    with open_store(store_path, create=True) as store:
        report = ingest_files(
            paths,
            enterprise_number=company,
            kind=kind,
            store=store,
            registry=notifying_registry(store),
            title=title,
            document_date=day,
        )
    if as_json:
        echo_json(ingest_json(report))
    else:
        render_ingest(stdout_console(), report)


@click.command()
@click.option("--deliver", is_flag=True, help="First hand pending and failed alerts out again.")
@json_option
@store_option
def alerts(deliver: bool, as_json: bool, store_path: StoreTarget) -> None:
    """List the alerts with their recipient and status."""
    with open_store(store_path, create=deliver) as store:
        if deliver:
            deliver_alerts(store, notifying_registry(store))
        listed = store.alerts()
    if as_json:
        echo_json({"alerts": [alert_json(a) for a in listed]})
    else:
        render_alerts(stdout_console(), listed)
