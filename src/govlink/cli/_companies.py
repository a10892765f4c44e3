"""``govlink companies``: the companies on the platform."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import click

from govlink.cli._app import StoreTarget, open_store, stdout_console, store_option
from govlink.cli._json import company_json
from govlink.cli._limit import limit_options, shown
from govlink.cli._output import echo_json
from govlink.cli._render import render_companies
from govlink.domain.company import Company

__all__ = ["companies"]


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _filtered(
    companies: Iterable[Company], search: str | None, responsible: str | None
) -> Iterator[Company]:
    """The companies whose name or number contains ``search`` and whose responsible is
    ``responsible`` (both case- and spacing-insensitive; ``None`` matches all)."""
    wanted = _folded(search)
    digits = "".join(ch for ch in wanted if ch.isdigit())
    person = _folded(responsible)
    for company in companies:
        if responsible is not None and _folded(company.responsible) != person:
            continue
        if search is not None and not (
            wanted in _folded(company.name)
            or (digits and digits in company.enterprise_number.compact)
        ):
            continue
        yield company


@click.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--search", help="Only companies whose name or enterprise number contains this.")
@click.option("--responsible", help="Only the companies of this responsible colleague.")
@limit_options
def companies(
    store_path: StoreTarget,
    as_json: bool,
    search: str | None,
    responsible: str | None,
    limit: int,
    show_all: bool,
) -> None:
    """List the companies on the platform (in the store); the table shows the first --limit."""
    with open_store(store_path, create=False) as store:
        listed = _filtered(store.companies(), search, responsible)
        if as_json:
            document = {"companies": [company_json(c) for c in listed]}
            echo_json(document)
        else:
            render_companies(stdout_console(), listed, limit=shown(limit, show_all))
