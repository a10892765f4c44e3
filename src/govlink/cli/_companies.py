"""``govlink companies``: the companies on the platform."""

from __future__ import annotations

import json
from pathlib import Path

import click

from govlink.cli._app import open_store, stdout_console, store_option
from govlink.cli._json import company_json
from govlink.cli._render import render_companies

__all__ = ["companies"]


@click.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def companies(store_path: Path, as_json: bool) -> None:
    """List the companies on the platform (in the store)."""
    with open_store(store_path, create=False) as store:
        listed = store.companies()
    if as_json:
        document = {"companies": [company_json(c) for c in listed]}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        render_companies(stdout_console(), listed)
