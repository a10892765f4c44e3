"""``govlink settings`` and ``govlink sink``."""

from __future__ import annotations

import click

from govlink.cli._app import StoreTarget, json_option, open_store, store_option
from govlink.cli._lang import texts
from govlink.cli._output import echo_json, echo_line
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
    """Set KEY to VALUE (a known setting; a secret one is refused: it goes in the environment)."""
    with open_store(store_path, create=True) as store:
        set_setting(store, Registry(), key, value)
    echo_line(f"{key} = {value.strip()}")


@settings.command("unset")
@click.argument("key")
@store_option
def unset_command(key: str, store_path: StoreTarget) -> None:
    """Remove KEY."""
    with open_store(store_path, create=True) as store:
        set_setting(store, Registry(), key, None)
    echo_line(texts()("settings.removed", key=key))


@settings.command("get")
@click.argument("key", required=False)
@json_option
@store_option
def get_command(key: str | None, as_json: bool, store_path: StoreTarget) -> None:
    """Print KEY's value (exit status 1 when unset), or every setting as KEY = VALUE."""
    with open_store(store_path, create=False) as store:
        values = store.settings()
    if key is not None:
        if key not in values:
            raise click.ClickException(texts()("settings.not_set", key=key))
        values = {key: values[key]}
    if as_json:
        echo_json({"settings": values})
    elif key is not None:
        echo_line(values[key])
    else:
        for name, value in values.items():
            echo_line(f"{name} = {value}")


def _describe(switch: SinkSwitch) -> str:
    t = texts()
    if not switch.enabled or switch.enabled_at is None:
        return t("sink.off", sink=switch.sink)
    tags = t("sink.tags", tags=", ".join(switch.tags)) if switch.tags else ""
    since = switch.enabled_at.isoformat(timespec="seconds")
    return t("sink.on", sink=switch.sink, tags=tags, since=since)


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
    echo_line(_describe(switch))


@sink.command("disable")
@click.argument("name")
@store_option
def disable_command(name: str, store_path: StoreTarget) -> None:
    """Switch NAME off: no new documents are queued (queued ones are still pushed)."""
    with open_store(store_path, create=True) as store:
        switch = disable_sink(store, Registry(), name)
    echo_line(_describe(switch))
