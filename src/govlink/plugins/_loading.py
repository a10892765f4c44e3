"""Loading plugins: the pluggy manager, the built-ins, the entry points, blocking, isolation.

A :class:`PluginLoader` registers the built-in plugins (:data:`BUILTIN_PLUGINS`) exactly as it
registers third-party ones, followed by the ``govlink`` entry-point group. A plugin that fails to
load is recorded in :attr:`PluginLoader.failed` (and warned about) without breaking the others.
:class:`~govlink.plugins.registry.Registry` is the typed facade on top.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import warnings
from collections.abc import Iterable
from enum import StrEnum
from typing import Final

import attrs
import pluggy

from govlink.errors import PluginError
from govlink.plugins import hookspecs
from govlink.plugins._markers import PROJECT

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_ENV",
    "FailedPlugin",
    "PluginLoadWarning",
    "PluginLoader",
    "PluginOrigin",
    "one_line",
]

#: The built-in plugins: module paths, registered like third-party plugins. A plugin's name is
#: the last component of its path (``excel``), which is also the name that blocks it.
BUILTIN_PLUGINS: Final[tuple[str, ...]] = (
    "govlink.connectors.excel",
    "govlink.connectors.adminpulse",
    "govlink.connectors.adminis",
    "govlink.connectors.myminfin",
    "govlink.notifiers.log",
)

#: Environment variable with a comma-separated list of plugin names to block.
DISABLE_ENV: Final = "GOVLINK_DISABLE_PLUGINS"

_MAX_ERROR: Final = 200


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


def one_line(error: BaseException) -> str:
    """``error`` as one line of at most 200 characters, starting with its class name."""
    text = " ".join(str(error).split())
    line = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return line if len(line) <= _MAX_ERROR else line[: _MAX_ERROR - 3] + "..."


def _env_blocked() -> frozenset[str]:
    return frozenset(n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",") if n.strip())


def _distribution(entry_point: importlib.metadata.EntryPoint) -> str | None:
    dist = entry_point.dist
    return None if dist is None else f"{dist.name} {dist.version}"


class PluginLoader:
    """The pluggy manager and what was registered into it, from where, and what failed.

    :param blocked: plugin names not to load (added to ``GOVLINK_DISABLE_PLUGINS``).
    :param entry_points: load third-party plugins from the ``govlink`` entry-point group.
    :param builtins: register the built-in plugins (:data:`BUILTIN_PLUGINS`).
    """

    def __init__(
        self,
        *,
        blocked: Iterable[str] = (),
        entry_points: bool = True,
        builtins: bool = True,
    ) -> None:
        self.pm = pluggy.PluginManager(PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.blocked = frozenset(blocked) | _env_blocked()
        for name in self.blocked:
            self.pm.set_blocked(name)
        self._builtins = builtins
        self._entry_points = entry_points
        self.loaded = False
        self.origins: dict[str, tuple[PluginOrigin, str | None]] = {}
        self.failed: list[FailedPlugin] = []

    def load(self) -> None:
        """Register the built-ins, then the entry points (once; later calls do nothing)."""
        if self.loaded:
            return
        self.loaded = True
        if self._builtins:
            for path in BUILTIN_PLUGINS:
                self._load_one(path.rpartition(".")[2], PluginOrigin.BUILTIN, None, path)
        if self._entry_points:
            for entry_point in importlib.metadata.entry_points(group=PROJECT):
                self._load_one(
                    entry_point.name,
                    PluginOrigin.ENTRY_POINT,
                    _distribution(entry_point),
                    entry_point,
                )

    def _load_one(
        self,
        name: str,
        origin: PluginOrigin,
        distribution: str | None,
        target: str | importlib.metadata.EntryPoint,
    ) -> None:
        if self.pm.is_blocked(name):
            return
        try:
            if self.pm.get_plugin(name) is not None:
                raise PluginError(f"the name {name!r} is already taken by another plugin")
            plugin = importlib.import_module(target) if isinstance(target, str) else target.load()
            self.add(plugin, name, origin, distribution)
        except Exception as error:
            message = error.message if isinstance(error, PluginError) else one_line(error)
            self.failed.append(
                FailedPlugin(name=name, error=message, origin=origin, distribution=distribution)
            )
            warnings.warn(
                f"govlink plugin {name!r} failed to load: {message}",
                PluginLoadWarning,
                stacklevel=2,
            )

    def add(
        self,
        plugin: object,
        name: str,
        origin: PluginOrigin,
        distribution: str | None = None,
    ) -> str | None:
        """Register ``plugin`` as ``name``.

        :returns: the name it is registered under, or ``None`` when that name is blocked.
        :raises PluginError: the name is taken, or the plugin implements an unknown hook, a hook
            with unknown arguments, or a wrapper.
        """
        try:
            registered = self.pm.register(plugin, name=name)
        except (ValueError, pluggy.PluginValidationError) as error:
            raise PluginError(f"plugin {name!r} cannot be registered: {one_line(error)}") from error
        if registered is None:
            return None
        callers = self.pm.get_hookcallers(plugin) or []
        unknown = sorted(caller.name for caller in callers if not caller.has_spec())
        wrappers = sorted(
            caller.name
            for caller in callers
            for impl in caller.get_hookimpls()
            if impl.plugin is plugin and (impl.wrapper or impl.hookwrapper)
        )
        problem = (
            f"implements unknown hooks {', '.join(unknown)}; "
            f"the hooks are {', '.join(hookspecs.__all__)}"
            if unknown
            else f"wraps {', '.join(wrappers)}; govlink hooks take no wrappers"
        )
        if unknown or wrappers:
            self.pm.unregister(plugin)
            raise PluginError(f"plugin {name!r} {problem}")
        self.origins[registered] = (origin, distribution)
        return registered

    def unregister(self, name: str) -> None:
        """Remove the plugin registered as ``name`` (nothing happens if there is none)."""
        if self.pm.get_plugin(name) is not None:
            self.pm.unregister(name=name)
            self.origins.pop(name, None)
