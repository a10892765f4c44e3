"""``govlink template`` and ``govlink plugins``."""

from __future__ import annotations

from pathlib import Path

import click

from govlink.cli._app import StoreTarget, needs_excel, stdout_console, store_option
from govlink.cli._lang import texts
from govlink.cli._output import echo_line
from govlink.cli._paths import refuse_overwriting_inputs, store_files
from govlink.cli._render import render_plugins
from govlink.i18n import LANGUAGES, Language
from govlink.plugins import Registry

__all__ = ["plugins", "template"]


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="The language of the column headers (default: the command's language, see "
    "govlink --lang).",
)
@store_option
def template(path: Path, lang: Language | None, store_path: StoreTarget) -> None:
    """Write the Excel import template to PATH (.xlsx); PATH may not be the store."""
    refuse_overwriting_inputs(path, store_files(store_path), param_hint="'PATH'")
    t = texts()
    with needs_excel(t("cli.the_template")):
        from govlink.connectors.excel.template import write_template
    written = write_template(path, language=lang or t.language)
    echo_line(t("template.written", path=written))


@click.command()
def plugins() -> None:
    """List the plugins, what they offer, any that failed to load and any name clash."""
    registry = Registry()
    render_plugins(stdout_console(), registry.plugins(), registry.failed, registry.clashes())
