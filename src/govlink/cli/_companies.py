"""``govlink companies``: list the companies on the platform, complete one, archive or restore
clients that left."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import click

from govlink.cli._app import (
    StoreTarget,
    actor,
    json_option,
    open_store,
    said,
    stdout_console,
    store_option,
)
from govlink.cli._json import company_json
from govlink.cli._lang import texts
from govlink.cli._limit import limit_options, shown
from govlink.cli._output import echo_json, echo_line
from govlink.cli._render import render_companies
from govlink.domain.company import Company
from govlink.domain.enterprise_number import EnterpriseNumber
from govlink.errors import InvalidEnterpriseNumber
from govlink.workflows.companies import (
    archive_companies,
    edit_company,
    restore_companies,
)

__all__ = ["companies"]


def _numbers(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> list[EnterpriseNumber]:
    try:
        return [EnterpriseNumber.parse(value) for value in values]
    except InvalidEnterpriseNumber as error:
        raise click.BadParameter(said(error), ctx, param) from error


def _number(ctx: click.Context, param: click.Parameter, value: str) -> EnterpriseNumber:
    return _numbers(ctx, param, (value,))[0]


@click.group()
def companies() -> None:
    """The companies on the platform: list them, complete one, archive clients that left."""


@companies.command("list")
@store_option
@json_option
@click.option("--search", help="Only companies whose name or enterprise number contains this.")
@click.option("--responsible", help="Only the companies of this responsible colleague.")
@click.option("--archived", is_flag=True, help="List the archived companies instead.")
@limit_options
def list_command(
    store_path: StoreTarget,
    as_json: bool,
    search: str | None,
    responsible: str | None,
    archived: bool,
    limit: int,
    show_all: bool,
) -> None:
    """List the companies on the platform (in the store); the table shows the first --limit.

    Archived companies (clients that left) are listed only with --archived.
    """
    rows = None if as_json else shown(limit, show_all)
    with open_store(store_path, create=False) as store:
        when = store.archived()
        page = store.companies_page(
            search=search, responsible=responsible, archived=archived, limit=rows
        )
    if as_json:
        echo_json({"companies": (_listed_json(c, when) for c in page.companies)})
    else:
        render_companies(
            stdout_console(),
            page.companies,
            archived=when if archived else None,
            hidden=page.total - len(page.companies),
        )


def _listed_json(company: Company, archived: Mapping[EnterpriseNumber, datetime]) -> dict[str, Any]:
    """A company of the listing, with when it was archived (``None``: it is not)."""
    at = archived.get(company.enterprise_number)
    stamp = None if at is None else at.isoformat(timespec="seconds")
    return {**company_json(company), "archived_at": stamp}


@companies.command("set")
@click.argument("number", callback=_number)
@click.option("--responsible", metavar="EMAIL", help="The responsible colleague; '' removes it.")
@click.option("--name", help="The company's name.")
@json_option
@store_option
def set_command(
    number: EnterpriseNumber,
    responsible: str | None,
    name: str | None,
    as_json: bool,
    store_path: StoreTarget,
) -> None:
    """Complete or correct one company on the platform: its responsible colleague or name.

    The value is checked like an imported one; a responsible that is not an e-mail address
    or not a known colleague (a responsible of another company) gets a warning.
    """
    if responsible is None and name is None:
        raise click.UsageError(texts()("companies.give_a_value"))
    with open_store(store_path, create=True) as store:
        edit = edit_company(store, number, actor=actor(), name=name, responsible=responsible)
    if as_json:
        echo_json(
            {
                "company": company_json(edit.after),
                "changed": [
                    {
                        "field": field,
                        "before": getattr(edit.before, field),
                        "after": getattr(edit.after, field),
                    }
                    for field in edit.fields
                ],
                "warnings": [{"code": w.code, "message": w.message} for w in edit.warnings],
            }
        )
        return
    t = texts()
    label = f"{edit.after.enterprise_number.formatted} {edit.after.name}"
    if not edit.fields:
        echo_line(t("companies.unchanged", company=label))
    for field in edit.fields:
        before, after = getattr(edit.before, field), getattr(edit.after, field)
        shown = t(
            "companies.changed",
            company=label,
            field=_lowered(t.field(field)),
            before=before or t("cli.none"),
            after=after or t("cli.none"),
        )
        echo_line(shown)
    for warning in edit.warnings:
        english = t.language == "en"  # the library's own sentence, with the value quoted
        sentence = warning.message if english else t.reason(warning.code, warning.params)
        echo_line(t("companies.warning", code=warning.code, message=sentence), err=True)


def _lowered(label: str) -> str:
    """A field's label inside a sentence: ``Responsible`` -> ``responsible``."""
    return label[:1].lower() + label[1:]


def _archiving(name: str, *, archived: bool, help_text: str) -> None:
    """Add the command ``name`` that archives (or restores) the companies NUMBER..., then prints
    one line per company (or the JSON document)."""
    act, done, already = (
        (archive_companies, "archived", "already_archived")
        if archived
        else (restore_companies, "restored", "not_archived")
    )

    @companies.command(name, help=help_text)
    @click.argument("numbers", nargs=-1, required=True, callback=_numbers)
    @json_option
    @store_option
    def command(numbers: list[EnterpriseNumber], as_json: bool, store_path: StoreTarget) -> None:
        with open_store(store_path, create=True) as store:
            result = act(store, numbers)
        if as_json:
            echo_json(
                {
                    done: [c.enterprise_number.compact for c in result.changed],
                    "unchanged": [c.enterprise_number.compact for c in result.unchanged],
                }
            )
            return
        t = texts()
        for what, listed in ((done, result.changed), (already, result.unchanged)):
            for company in listed:
                label = f"{company.enterprise_number.formatted} {company.name}"
                echo_line(t(f"companies.{what}", company=label))
        if archived and result.changed:
            undo = " ".join(c.enterprise_number.formatted for c in result.changed)
            echo_line(t("companies.undo", numbers=undo))


_archiving(
    "archive",
    archived=True,
    help_text="""Archive the companies NUMBER... (clients that left).

    Their data and documents stay; they are no longer synced (left out of `due` at once and of
    the plan at its next run) nor pushed, and an import no longer lists them as only on the
    platform. `govlink companies restore NUMBER...` undoes it.
    """,
)
_archiving(
    "restore",
    archived=False,
    help_text="""Restore archived companies NUMBER...: they are synced and pushed again.

    Documents stored while they were archived were not queued: `govlink push --backfill SINCE`
    queues them. A company the plan dropped meanwhile gets a slot at the next `govlink plan`.
    """,
)
