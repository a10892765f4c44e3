"""``govlink import``: preview a source against the store, optionally apply it and report."""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path
from typing import Final

import click

from govlink.cli._app import (
    environment_settings,
    needs_excel,
    open_store,
    progress_bars,
    stdout_console,
    store_option,
)
from govlink.cli._json import import_json
from govlink.cli._limit import limit_options, shown
from govlink.cli._render import render_applied, render_hint, render_preview
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import InvalidEnterpriseNumber
from govlink.plugins import Registry, SourceOptions
from govlink.reconcile.policy import ALL, OVERWRITABLE_FIELDS, AllType, Selection
from govlink.workflows.importing import apply_import, preview_import

__all__ = ["import_command"]

_ACTOR_ENV: Final = "GOVLINK_ACTOR"


def _words(value: str) -> list[str]:
    return [word.strip() for word in value.split(",") if word.strip()]


def _select(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> AllType | frozenset[EnterpriseNumber] | None:
    if value is None or value.strip().casefold() == "all":
        return None if value is None else ALL
    if value.strip().casefold() == "none":
        return frozenset()
    try:
        return frozenset(EnterpriseNumber.parse(word) for word in _words(value))
    except InvalidEnterpriseNumber as error:
        raise click.BadParameter(error.message, ctx, param) from error


def _overwrite(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> AllType | frozenset[str] | None:
    if value is None or value.strip().casefold() == "all":
        return None if value is None else ALL
    fields = frozenset(_words(value))
    unknown = sorted(fields - OVERWRITABLE_FIELDS)
    if unknown:
        raise click.BadParameter(
            f"cannot overwrite {', '.join(unknown)}; choose from "
            f"{', '.join(sorted(OVERWRITABLE_FIELDS))} or all",
            ctx,
            param,
        )
    return fields


def _actor() -> str:
    """Who applies: ``$GOVLINK_ACTOR``, else the login name."""
    try:
        return os.environ.get(_ACTOR_ENV) or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _report(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and not value.absolute().parent.is_dir():
        raise click.BadParameter(f"the folder of {value} does not exist", ctx, param)
    return value


@click.command("import")
@click.argument("source")
@store_option
@click.option("--sheet", help="The sheet to read (default: the first visible one).")
@click.option("--template", help="Only the clients of this task template / taskflow (CRMs).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object and nothing else.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_report,
    help="Also write the overview workbook (.xlsx).",
)
@click.option("--apply", "apply_", is_flag=True, help="Write the selected changes to the store.")
@click.option(
    "--select",
    callback=_select,
    metavar="all|none|NUMBER,...",
    help="The new companies to add with --apply (default: all).",
)
@click.option(
    "--overwrite",
    callback=_overwrite,
    metavar="FIELD,...|all",
    help="The fields to overwrite on matching companies with --apply (default: none).",
)
@limit_options
def import_command(
    source: str,
    store_path: Path,
    sheet: str | None,
    template: str | None,
    as_json: bool,
    report: Path | None,
    apply_: bool,
    select: AllType | frozenset[EnterpriseNumber] | None,
    overwrite: AllType | frozenset[str] | None,
    limit: int,
    show_all: bool,
) -> None:
    """Import client companies from SOURCE (an .xlsx path or a source name).

    Without --apply it only previews: the four categories, nothing written.
    """
    if not apply_ and (select is not None or overwrite is not None):
        raise click.UsageError("--select and --overwrite need --apply")
    options = SourceOptions(
        location=source, sheet=sheet, template=template, settings=environment_settings()
    )
    with open_store(store_path, create=apply_) as store, progress_bars() as bars:
        opened = Registry().open_source(options)
        preview = preview_import(opened, store, location=source, progress=bars.reading())
        result = None
        if apply_:
            selection = Selection(
                add=ALL if select is None else select,
                overwrite=frozenset() if overwrite is None else overwrite,
            )
            result = apply_import(
                preview, store, selection, actor=_actor(), progress=bars.writing()
            )
            preview = result.preview
    applied = None if result is None else result.plan
    if report is not None:
        with needs_excel("--report"):
            from govlink.report.overview import write_overview
        write_overview(report, preview.diff, source=preview.source, applied=applied)
    if as_json:
        click.echo(json.dumps(import_json(preview, applied), ensure_ascii=False, indent=2))
        return
    console = stdout_console()
    rows = shown(limit, show_all)
    render_preview(console, preview, limit=rows)
    if result is None:
        render_hint(console)
    else:
        render_applied(console, result.plan, result.run, limit=rows)
    if report is not None:
        console.print(f"Overview workbook written to {report}", markup=False)
