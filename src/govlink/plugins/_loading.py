"""Loading plugins: the pluggy manager, the built-ins, the entry points, blocking, isolation.

A :class:`PluginLoader` registers the built-in plugins (:data:`BUILTIN_PLUGINS`) exactly as it
registers third-party ones, followed by the ``govlink`` entry-point group. A plugin that fails to
load is recorded in :attr:`PluginLoader.failed` (and warned about) without breaking the others.
:class:`~govlink.plugins.registry.Registry` is the typed facade on top.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final, Protocol, TypeVar

import pluggy

from govlink.environment import environment_settings
from govlink.errors import GovlinkError, PluginError
from govlink.plugins import hookspecs
from govlink.plugins._markers import PROJECT
from govlink.plugins.records import (
    DISABLE_ENV,
    FailedPlugin,
    HookCall,
    PluginLoadWarning,
    PluginOrigin,
)

__all__ = [
    "BUILTIN_PLUGINS",
    "PluginLoader",
    "Spec",
    "culprit",
    "failed_in",
    "named",
    "one_line",
    "opened",
]

#: The built-in plugins: module paths, registered like third-party plugins. A plugin's name is
#: the last component of its path (``excel``), which is also the name that blocks it.
BUILTIN_PLUGINS: Final[tuple[str, ...]] = (
    "govlink.connectors.excel",
    "govlink.connectors.adminpulse",
    "govlink.connectors.adminis",
    "govlink.connectors.myminfin",
    "govlink.notifiers.log",
    "govlink.notifiers.smtp",
)

_MAX_ERROR: Final = 200


def one_line(error: BaseException) -> str:
    """``error`` as one line of at most 200 characters, starting with its class name."""
    text = " ".join(str(error).split())
    line = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return line if len(line) <= _MAX_ERROR else line[: _MAX_ERROR - 3] + "..."


def _env_blocked() -> frozenset[str]:
    names = environment_settings().get(DISABLE_ENV, "")
    return frozenset(n.strip() for n in names.split(",") if n.strip())


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
        self._monitors: list[Callable[[HookCall], None]] = []

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
            hash(plugin)
        except TypeError:
            raise PluginError(
                f"plugin {name!r} cannot be registered: a plugin must be hashable (a module, a "
                f"class or an instance), not a {type(plugin).__name__}"
            ) from None
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

    def monitor(self, record: Callable[[HookCall], None]) -> Callable[[], None]:
        """Report every hook call to ``record``; returns the function to stop."""
        if not self._monitors:
            self.pm.add_hookcall_monitoring(lambda *_: None, self._report)
        self._monitors.append(record)

        def stop() -> None:
            if record in self._monitors:
                self._monitors.remove(record)

        return stop

    def _report(
        self,
        outcome: pluggy.Result[object],
        hook: str,
        impls: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, object],
    ) -> None:
        call = HookCall(
            hook=hook,
            kwargs=MappingProxyType(dict(kwargs)),
            plugins=tuple(impl.plugin_name for impl in reversed(impls)),
            result=None if outcome.exception is not None else outcome.get_result(),
            error=outcome.exception,
        )
        for record in list(self._monitors):
            record(call)


def culprit(caller: pluggy.HookCaller, error: BaseException) -> str:
    """The plugin whose hook implementation is on ``error``'s traceback."""
    codes: dict[object, str] = {
        getattr(impl.function, "__code__", None): impl.plugin_name
        for impl in caller.get_hookimpls()
    }
    traceback = error.__traceback__
    while traceback is not None:
        name = codes.get(traceback.tb_frame.f_code)
        if name is not None:
            return name
        traceback = traceback.tb_next
    return "unknown"


def failed_in(plugin: str, hook: str, error: BaseException) -> PluginError:
    """The :class:`PluginError` for ``plugin`` failing in ``hook`` with ``error``."""
    return PluginError(f"plugin {plugin!r} failed in {hook}: {one_line(error)}")


class _Named(Protocol):
    @property
    def name(self) -> str: ...


Spec = TypeVar("Spec", bound=_Named)


def named(known: Mapping[str, Spec], name: str, what: str) -> Spec:
    """The spec called ``name`` among ``known`` (a ``what``: sink, fetcher, ...).

    :raises PluginError: there is none; the message lists the known names.
    """
    spec = known.get(name)
    if spec is None:
        names = ", ".join(known) or "none"
        raise PluginError(f"unknown {what} {name!r}; known {what}s: {names}", code=f"plugin.{what}")
    return spec


_Opened = TypeVar("_Opened")
_Options = TypeVar("_Options")


def opened(
    name: str, what: str, open_: Callable[[_Options], _Opened], options: _Options
) -> _Opened:
    """``open_(options)``; an unexpected error becomes a :class:`PluginError` naming ``name``."""
    try:
        return open_(options)
    except GovlinkError:
        raise
    except Exception as error:
        raise PluginError(f"{what} {name!r} failed to open: {one_line(error)}") from error
