"""``import govlink`` stays light, and the plugin listing imports no HTTP or Excel library.

Each check runs in a fresh interpreter, so what other tests imported does not count.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import govlink

#: Never loaded by ``import govlink``: the application layer, the store, the plugin system, I/O.
NOT_ON_IMPORT = (
    "govlink.workflows",
    "govlink.store",
    "govlink.plugins",
    "govlink.connectors",
    "govlink.notifiers",
    "govlink.cli",
    "govlink.planner",
    "govlink.reconcile.policy",
    "pluggy",
    "smtplib",
    "httpx",
    "openpyxl",
    "sqlite3",
    "stdnum",
    "ssl",
    "click",
    "rich",
)

#: Never loaded by listing the sources, sinks and fetchers.
NOT_ON_LISTING = ("httpx", "openpyxl", "python_calamine", "authlib", "smtplib", "sqlite3")


def modules_after(code: str) -> set[str]:
    """The modules loaded after running ``code`` in a fresh interpreter."""
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in modules))


def test_import_govlink_loads_only_the_errors_the_domain_and_the_reconciler() -> None:
    modules = modules_after("import govlink")
    assert "govlink.domain.company" in modules
    assert loaded(modules, NOT_ON_IMPORT) == []


def test_listing_the_plugins_imports_no_http_or_excel_library() -> None:
    modules = modules_after(
        "from govlink.plugins import Registry\n"
        "r = Registry(entry_points=False)\n"
        "assert {'adminis', 'adminpulse', 'excel'} <= set(r.sources())\n"
        "r.sinks(); r.fetchers(); r.plugins()"
    )
    assert "pluggy" in modules
    assert loaded(modules, NOT_ON_LISTING) == []


#: Load the CLI and the given commands, as ``govlink COMMAND`` (or ``--help``: every one) does.
_COMMANDS = (
    "import click\n"
    "from govlink.cli import main\n"
    "context = click.Context(main)\n"
    "for name in {names}:\n"
    "    main.get_command(context, name)\n"
)


def test_the_command_loads_no_database_driver_or_web_framework_it_is_not_asked_for() -> None:
    """Every ``govlink`` command starts by importing the CLI: PostgreSQL's driver and the web
    app's framework load only when a PostgreSQL URL or ``serve`` asks for them."""
    modules = modules_after(_COMMANDS.format(names="main.list_commands(context)"))
    assert "govlink.cli._sync" in modules
    assert loaded(modules, ("psycopg", "starlette", "uvicorn", "jinja2")) == []


def test_the_import_command_loads_no_other_command_or_workflow() -> None:
    modules = modules_after(_COMMANDS.format(names="['import']"))
    assert "govlink.workflows.importing" in modules
    others = ("govlink.cli._sync", "govlink.cli._documents", "govlink.sync")
    workflows = ("govlink.workflows.ingesting", "govlink.workflows.pushing")
    assert loaded(modules, (*others, *workflows, "govlink.workflows.settings")) == []


def test_opening_a_store_loads_no_planner() -> None:
    """The planner loads with the first sync plan a store reads or saves, not with the store."""
    modules = modules_after(
        _COMMANDS.format(names="['import']")
        + "\nimport govlink.store.sqlite, govlink.store.postgres, govlink.store.offices"
    )
    assert loaded(modules, ("govlink.planner",)) == []


def test_the_checker_sees_a_loaded_module() -> None:
    assert loaded(modules_after("import sqlite3.dbapi2"), ("sqlite3",)) == ["sqlite3"]


@pytest.mark.parametrize("name", sorted(govlink.__all__))
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(govlink, name) is not None
    assert name in dir(govlink)


def test_lazy_names_are_their_homes_objects() -> None:
    from govlink.domain.documents import Document
    from govlink.planner import plan
    from govlink.plugins import hookimpl
    from govlink.reconcile import reconciler
    from govlink.workflows.ingesting import ingest

    assert (govlink.ingest, govlink.hookimpl, govlink.plan) == (ingest, hookimpl, plan)
    assert govlink.Document is Document
    assert govlink.reconcile is reconciler.reconcile  # the function, not the subpackage
    from govlink.reconcile import policy

    assert (govlink.Selection, govlink.plan_apply) == (policy.Selection, policy.plan_apply)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = govlink.Nope  # type: ignore[attr-defined]
