"""``govlink settings`` and ``govlink sink``."""

from __future__ import annotations

import click

from govlink.cli._app import StoreTarget, open_store, store_option
from govlink.domain.forwarding import SinkSwitch
from govlink.plugins import Registry
from govlink.workflows.pushing import disable_sink, enable_sink
from govlink.workflows.settings import set_setting

__all__ = ["settings", "sink"]


@click.group()
def settings() -> None:
    """The firm's settings (fallback_recipient, smtp_host, ...); secrets stay in the environment."""


@settings.command("set")
@click.argument("key")
@click.argument("value")
@store_option
def set_command(key: str, value: str, store_path: StoreTarget) -> None:
    """Set KEY to VALUE."""
    with open_store(store_path, create=True) as store:
        set_setting(store, key, value)
    click.echo(f"{key} = {value.strip()}")


@settings.command("unset")
@click.argument("key")
@store_option
def unset_command(key: str, store_path: StoreTarget) -> None:
    """Remove KEY."""
    with open_store(store_path, create=True) as store:
        set_setting(store, key, None)
    click.echo(f"{key} removed")


@settings.command("get")
@click.argument("key", required=False)
@store_option
def get_command(key: str | None, store_path: StoreTarget) -> None:
    """Print KEY's value (exit status 1 when unset), or every setting as KEY = VALUE."""
    with open_store(store_path, create=False) as store:
        values = store.settings()
    if key is None:
        for name, value in values.items():
            click.echo(f"{name} = {value}")
    elif key in values:
        click.echo(values[key])
    else:
        raise click.ClickException(f"{key} is not set")


def _describe(switch: SinkSwitch) -> str:
    if not switch.enabled or switch.enabled_at is None:
        return f"{switch.sink} is off: no new documents are queued for it"
    tags = f" with tags {', '.join(switch.tags)}" if switch.tags else ""
    return (
        f"{switch.sink} is on{tags}: documents received from "
        f"{switch.enabled_at.isoformat(timespec='seconds')} on are pushed"
    )


@click.group()
def sink() -> None:
    """Switch a document sink (adminpulse) on or off."""


@sink.command("enable")
@click.argument("name")
@click.option("--tags", help="Comma-separated tag (folder) names for every pushed document.")
@store_option
def enable_command(name: str, tags: str | None, store_path: StoreTarget) -> None:
    """Switch NAME on: only documents received from now on are pushed (see push --backfill)."""
    words = None if tags is None else [t.strip() for t in tags.split(",") if t.strip()]
    with open_store(store_path, create=True) as store:
        switch = enable_sink(store, Registry(), name, tags=words)
    click.echo(_describe(switch))


@sink.command("disable")
@click.argument("name")
@store_option
def disable_command(name: str, store_path: StoreTarget) -> None:
    """Switch NAME off: no new documents are queued (queued ones are still pushed)."""
    with open_store(store_path, create=True) as store:
        switch = disable_sink(store, Registry(), name)
    click.echo(_describe(switch))
