"""``govlink import``: preview a source against the store, optionally apply it and report."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import click

from govlink.cli._app import (
    StoreTarget,
    actor,
    after_commit,
    json_option,
    needs_excel,
    open_store,
    progress_bars,
    said,
    stdout_console,
    store_option,
)
from govlink.cli._json import import_json
from govlink.cli._lang import texts
from govlink.cli._limit import limit_options, shown
from govlink.cli._output import echo_json
from govlink.cli._paths import refuse_overwriting_inputs, store_files
from govlink.cli._render import render_applied, render_hint, render_plan, render_preview
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.environment import environment_settings
from govlink.errors import DomainError, InvalidEnterpriseNumber, PreviewChanged
from govlink.plugins import Registry, SourceOptions
from govlink.reconcile.policy import ALL, AllType, ApplyPlan, Selection
from govlink.reconcile.selection_text import parse_numbers, parse_overwrite
from govlink.store.rates import closing_rates
from govlink.workflows.importing import ImportPreview, ImportResult, apply_import, preview_import

__all__ = ["import_command"]


def _report(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and not value.absolute().parent.is_dir():
        raise click.BadParameter(texts()("import.no_folder", path=value), ctx, param)
    return value


def _numbers(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> AllType | frozenset[EnterpriseNumber] | None:
    if value is None:
        return None
    try:
        numbers = parse_numbers(value)
    except InvalidEnterpriseNumber as error:
        raise click.BadParameter(said(error), ctx, param) from error
    if numbers is ALL and param.name == "exclude":
        raise click.BadParameter(texts()("import.exclude_all"), ctx, param)
    return numbers


def _overwrite(
    ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[AllType | frozenset[str], dict[EnterpriseNumber | str, AllType | frozenset[str]]]:
    try:
        return parse_overwrite(value)
    except DomainError as error:
        raise click.BadParameter(error.message, ctx, param) from error


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one import (restored afterwards).

    The records, companies and diff of an import hold no reference cycles, so reference
    counting frees them all; the collector's passes over 100k live records only cost time
    (11-17 % of the CPU time of a 100k-row import; docs/performance.md).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _confirm(preview: ImportPreview, plan: ApplyPlan) -> None:
    """Show the plan and ask y/N; anything but yes aborts with nothing written."""
    render_plan(stdout_console(), plan)
    if not click.confirm(texts()("confirm.apply", token=preview.token), default=False):
        raise click.Abort


@click.command("import")
@click.argument("source")
@store_option
@click.option("--sheet", help="The sheet to read (default: the first visible one).")
@click.option("--template", help="Only the clients of this task template / taskflow (CRMs).")
@json_option
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_report,
    help="Also write the overview workbook (.xlsx).",
)
@click.option("--apply", "apply_", is_flag=True, help="Write the selected changes to the store.")
@click.option(
    "--select",
    callback=_numbers,
    metavar="all|none|NUMBER,...",
    help="The new companies to add (default: all).",
)
@click.option(
    "--exclude",
    callback=_numbers,
    metavar="NUMBER,...",
    help="Companies to leave out entirely: not added, not overwritten.",
)
@click.option(
    "--overwrite",
    multiple=True,
    callback=_overwrite,
    metavar="[NUMBER:]FIELD,...|all",
    help="The fields to overwrite on every match, or with NUMBER: on that company (repeatable).",
)
@click.option(
    "--token",
    metavar="TOKEN",
    help="With --apply: apply only if the preview still has this token.",
)
@click.option("--yes", "-y", is_flag=True, help="With --apply: do not ask for confirmation.")
@click.option(
    "--selection",
    "selection_book",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Take the choice from an overview workbook (--report) the user filled in: its 'add' "
    "and 'overwrite' columns; refused when the preview changed since it was made.",
)
@limit_options
@_without_cycle_collection()
def import_command(
    source: str,
    store_path: StoreTarget,
    sheet: str | None,
    template: str | None,
    as_json: bool,
    report: Path | None,
    apply_: bool,
    select: AllType | frozenset[EnterpriseNumber] | None,
    exclude: frozenset[EnterpriseNumber] | None,
    overwrite: tuple[
        AllType | frozenset[str], dict[EnterpriseNumber | str, AllType | frozenset[str]]
    ],
    token: str | None,
    yes: bool,
    selection_book: Path | None,
    limit: int,
    show_all: bool,
) -> None:
    """Import client companies from SOURCE (an .xlsx path or a source name).

    Without --apply it only previews: the four categories and, for --select, --exclude or
    --overwrite, exactly what would be added and overwritten; nothing is written. The preview
    prints a token: --apply --token TOKEN applies only if nothing changed since.
    """
    if token is not None and not apply_:
        raise click.UsageError(texts()("import.token_needs_apply"))
    everywhere, per_company = overwrite
    chosen = select is not None or exclude is not None or bool(everywhere) or bool(per_company)
    if chosen and selection_book is not None:
        raise click.UsageError(texts()("import.selection_alone"))
    if report is not None:
        inputs = store_files(store_path)
        inputs[texts()("paths.source", path=source)] = Path(source)
        if selection_book is not None:
            inputs[texts()("paths.selection", path=selection_book)] = selection_book
        created = (store_path,) if apply_ and isinstance(store_path, Path) else ()
        refuse_overwriting_inputs(report, inputs, param_hint="'--report'", created=created)
    ticked = None
    if selection_book is not None:
        with needs_excel("--selection"):
            from govlink.report.selection import read_selection
        ticked = read_selection(selection_book)
        selection = ticked.selection
    else:
        selection = Selection(
            add=ALL if select is None else select,
            overwrite=everywhere,
            overwrite_for=per_company,
            exclude=exclude or frozenset(),
        )
    options = SourceOptions(
        location=source, sheet=sheet, template=template, settings=environment_settings()
    )
    with (
        open_store(store_path, create=apply_) as store,
        progress_bars() as bars,
        closing_rates(store.rate_store()) as rates,
    ):
        opened = Registry().open_source(attrs.evolve(options, rates=rates))
        preview = preview_import(opened, store, location=source, progress=bars.reading())
        if ticked is not None and selection_book is not None:
            ticked.check(preview.token, selection_book, texts().language)
            token = token or ticked.token
        if token is not None and token != preview.token:  # apply_import checks it again
            raise PreviewChanged(texts()("preview.changed", token=token, current=preview.token))
        result = None
        if apply_:
            if not (yes or as_json) and sys.stdin.isatty():
                _confirm(preview, preview.plan(selection))
                token = token or preview.token
            result = apply_import(
                preview,
                store,
                selection,
                actor=actor(),
                progress=bars.writing(),
                token=token,
            )
            preview = result.preview
    if result is None:
        planned = preview.plan(selection) if chosen or ticked is not None else None
        rows = shown(limit, show_all)
        _finish(preview, None, planned, report, as_json, rows, selection_book)
        return
    with after_commit(texts()("import.applied_run", run=result.run.id)):
        _finish(preview, result, None, report, as_json, shown(limit, show_all))


def _finish(
    preview: ImportPreview,
    result: ImportResult | None,
    planned: ApplyPlan | None,
    report: Path | None,
    as_json: bool,
    rows: int | None,
    selection_book: Path | None = None,
) -> None:
    """The report and the output, after the preview (and the apply, when ``result``);
    ``selection_book`` is the workbook a preview took its choice from."""
    applied = None if result is None else result.plan
    if report is not None:
        with needs_excel("--report"):
            from govlink.report.overview import write_overview
        write_overview(
            report,
            preview.diff,
            source=preview.source,
            applied=applied,
            language=texts().language,
            location=preview.location,
            headers=preview.headers,
        )
    if as_json:
        document = import_json(preview, applied, planned=planned)
        echo_json(document)
        return
    console = stdout_console()
    render_preview(console, preview, limit=rows)
    if result is None:
        if planned is not None:
            render_plan(console, planned, limit=rows)
        book = None if selection_book is None else str(selection_book)
        render_hint(console, preview.token, book)
    else:
        render_applied(console, result.plan, result.run, limit=rows)
    if report is not None:
        console.print(texts()("report.written", path=report), markup=False)
