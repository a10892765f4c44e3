"""``govlink companies``: the companies on the platform."""

from __future__ import annotations

from pathlib import Path

import click

from govlink.cli._app import open_store, stdout_console, store_option
from govlink.cli._json import company_json
from govlink.cli._limit import limit_options, shown
from govlink.cli._output import echo_json
from govlink.cli._render import render_companies

__all__ = ["companies"]


@click.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--search", help="Only companies whose name or enterprise number contains this.")
@click.option("--responsible", help="Only the companies of this responsible colleague.")
@limit_options
def companies(
    store_path: Path,
    as_json: bool,
    search: str | None,
    responsible: str | None,
    limit: int,
    show_all: bool,
) -> None:
    """List the companies on the platform (in the store); the table shows the first --limit."""
    rows = None if as_json else shown(limit, show_all)
    with open_store(store_path, create=False) as store:
        page = store.companies_page(search=search, responsible=responsible, limit=rows)
    if as_json:
        echo_json({"companies": (company_json(c) for c in page.companies)})
    else:
        hidden = page.total - len(page.companies)
        render_companies(stdout_console(), page.companies, hidden=hidden)
