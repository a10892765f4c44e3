"""The plugin system's records: where a plugin came from, what failed, what each offers, the
hook calls a monitor sees, and name clashes."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Final

import attrs

__all__ = [
    "DISABLE_ENV",
    "FailedPlugin",
    "HookCall",
    "NameClash",
    "PluginInfo",
    "PluginLoadWarning",
    "PluginOrigin",
]

#: Environment variable with a comma-separated list of plugin names to block.
DISABLE_ENV: Final = "GOVLINK_DISABLE_PLUGINS"


class PluginLoadWarning(UserWarning):
    """Warned once for every plugin that failed to load (see :attr:`Registry.failed`)."""


class PluginOrigin(StrEnum):
    """Where a plugin came from."""

    BUILTIN = "builtin"
    ENTRY_POINT = "entry point"
    REGISTERED = "registered"


@attrs.frozen(kw_only=True)
class FailedPlugin:
    """A plugin that could not be loaded: its name, one line of error, where it came from."""

    name: str
    error: str
    origin: PluginOrigin
    distribution: str | None = None


@attrs.frozen(kw_only=True)
class PluginInfo:
    """One loaded plugin, as ``govlink plugins`` lists it.

    :param name: the name it is registered (and blocked) under.
    :param origin: builtin, entry point, or registered in code.
    :param distribution: ``"name version"`` of the package that declared the entry point.
    :param sources: the names of the sources it offers.
    :param sinks: the names of the sinks it offers.
    :param fetchers: the names of the document fetchers it offers.
    :param notifiers: the names of the notifiers it offers.
    """

    name: str
    origin: PluginOrigin
    distribution: str | None = None
    sources: tuple[str, ...] = ()
    sinks: tuple[str, ...] = ()
    fetchers: tuple[str, ...] = ()
    notifiers: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class HookCall:
    """One hook call, as :meth:`Registry.monitor` reports it (from pluggy's call monitoring).

    ``plugins`` are the implementations in call order (a ``firstresult`` hook stops at the first
    answer); ``result`` is the hook's result (``None`` when it raised ``error``).
    """

    hook: str
    kwargs: Mapping[str, object]
    plugins: tuple[str, ...]
    result: object = None
    error: BaseException | None = None


@attrs.frozen(kw_only=True)
class NameClash:
    """Two or more plugins offering the same name: ``kind`` (``source``, ...), ``name``, who."""

    kind: str
    name: str
    plugins: tuple[str, ...]

    def __str__(self) -> str:
        offered = " and ".join(repr(plugin) for plugin in self.plugins)
        return (
            f"two plugins offer the {self.kind} {self.name!r}: {offered}; "
            f"block one of them with {DISABLE_ENV}"
        )
