"""The plugin registry: the one typed facade over pluggy.

No other module makes hook calls. A registry is built per instance and loads nothing until it
is first used; loading (built-ins, entry points, blocking, isolation) is
:mod:`govlink.plugins._loading`. A plugin that fails to load is listed in
:attr:`Registry.failed` (and warned about) without breaking the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

import attrs

from govlink.domain.alerts import Alert
from govlink.errors import GovlinkError, PluginError, UnknownSource
from govlink.plugins._loading import (
    DISABLE_ENV,
    FailedPlugin,
    PluginLoader,
    PluginOrigin,
    one_line,
)
from govlink.plugins.fetchers import Fetcher, FetcherOptions, FetcherSpec
from govlink.plugins.types import Sink, SinkOptions, SinkSpec, Source, SourceOptions, SourceSpec

__all__ = ["HookCall", "PluginInfo", "Registry"]


@attrs.frozen(kw_only=True)
class PluginInfo:
    """One loaded plugin, as ``govlink plugins`` lists it.

    :param name: the name it is registered (and blocked) under.
    :param origin: builtin, entry point, or registered in code.
    :param distribution: ``"name version"`` of the package that declared the entry point.
    :param sources: the names of the sources it offers.
    :param sinks: the names of the sinks it offers.
    :param notifier: whether it implements ``govlink_notify``.
    :param fetchers: the names of the document fetchers it offers.
    """

    name: str
    origin: PluginOrigin
    distribution: str | None = None
    sources: tuple[str, ...] = ()
    sinks: tuple[str, ...] = ()
    notifier: bool = False
    fetchers: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class HookCall:
    """One hook call to one plugin, as :meth:`Registry.monitor` reports it.

    ``result`` is what the plugin returned (``None`` when it raised ``error``).
    """

    hook: str
    kwargs: Mapping[str, object]
    plugin: str
    result: object = None
    error: BaseException | None = None


class _Named(Protocol):
    @property
    def name(self) -> str: ...


_Spec = TypeVar("_Spec", bound=_Named)


class Registry:
    """The plugins govlink uses: sources, sinks and notifiers.

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
        self._loader = PluginLoader(blocked=blocked, entry_points=entry_points, builtins=builtins)
        self._pm = self._loader.pm
        self._monitors: list[Callable[[HookCall], None]] = []

    def __repr__(self) -> str:
        state = "loaded" if self._loader.loaded else "not loaded"
        return (
            f"<Registry {state}, {len(self._loader.origins)} plugins, "
            f"blocked={sorted(self.blocked)}>"
        )

    # ------------------------------------------------------------ loading

    @property
    def blocked(self) -> frozenset[str]:
        """The names that are never registered."""
        return self._loader.blocked

    @property
    def failed(self) -> list[FailedPlugin]:
        """The plugins that failed to load, each with a one-line error."""
        self._loader.load()
        return list(self._loader.failed)

    def register(self, plugin: object, *, name: str | None = None) -> str | None:
        """Register a plugin module or object (for tests and services).

        :returns: the name it is registered under, or ``None`` when that name is blocked.
        :raises PluginError: the name is taken, or the plugin implements an unknown hook or a
            hook with unknown arguments.
        """
        self._loader.load()
        return self._loader.add(
            plugin, name or self._pm.get_canonical_name(plugin), PluginOrigin.REGISTERED
        )

    def unregister(self, name: str) -> None:
        """Remove the plugin registered as ``name`` (nothing happens if there is none)."""
        self._loader.unregister(name)

    # ------------------------------------------------------------ calling

    def _calls(
        self, hook: str, errors: list[PluginError] | None = None, **kwargs: object
    ) -> Iterator[tuple[str, Any]]:
        """Call ``hook`` plugin by plugin in pluggy's order, yielding ``(plugin, result)`` for
        every result that is not ``None``.

        Each implementation gets the arguments it names, as pluggy passes them. A plugin's
        unexpected exception becomes a :class:`PluginError` naming it; it is raised, or appended
        to ``errors`` and the next plugin is called. A :class:`GovlinkError` is raised as it is,
        unless ``errors`` collects it too.
        """
        self._loader.load()
        for impl in reversed(getattr(self._pm.hook, hook).get_hookimpls()):
            result: Any = None
            failure: BaseException | None = None
            try:
                result = impl.function(*(kwargs[name] for name in impl.argnames))
            except Exception as error:
                failure = error
            for record in self._monitors:
                record(
                    HookCall(
                        hook=hook,
                        kwargs=MappingProxyType(kwargs),
                        plugin=impl.plugin_name,
                        result=result,
                        error=failure,
                    )
                )
            if isinstance(failure, GovlinkError) and errors is None:
                raise failure
            if failure is not None:
                wrapped = PluginError(
                    f"plugin {impl.plugin_name!r} failed in {hook}: {one_line(failure)}"
                )
                if errors is None:
                    raise wrapped from failure
                errors.append(wrapped)
            elif result is not None:
                yield impl.plugin_name, result

    def _merged(self, hook: str, kind: type[_Spec], what: str) -> dict[str, tuple[str, _Spec]]:
        found: dict[str, tuple[str, _Spec]] = {}
        for plugin, specs in self._calls(hook):
            try:
                items = list(specs)
            except GovlinkError:
                raise
            except Exception as error:
                raise PluginError(
                    f"plugin {plugin!r} failed in {hook}: {one_line(error)}"
                ) from error
            for spec in items:
                if not isinstance(spec, kind):
                    raise PluginError(
                        f"plugin {plugin!r} gave a {type(spec).__name__} from {hook}, "
                        f"expected {kind.__name__}"
                    )
                if spec.name in found:
                    raise PluginError(
                        f"two plugins offer the {what} {spec.name!r}: {found[spec.name][0]!r} and "
                        f"{plugin!r}; block one of them with {DISABLE_ENV}"
                    )
                found[spec.name] = (plugin, spec)
        return dict(sorted(found.items()))

    def sources(self) -> Mapping[str, SourceSpec]:
        """Every source offered, by name (sorted).

        :raises PluginError: two plugins offer the same name, or a plugin misbehaves.
        """
        merged = self._merged("govlink_sources", SourceSpec, "source")
        return MappingProxyType({name: spec for name, (_, spec) in merged.items()})

    def sinks(self) -> Mapping[str, SinkSpec]:
        """Every sink offered, by name (sorted).

        :raises PluginError: two plugins offer the same name, or a plugin misbehaves.
        """
        merged = self._merged("govlink_sinks", SinkSpec, "sink")
        return MappingProxyType({name: spec for name, (_, spec) in merged.items()})

    def source_for(self, location: str) -> SourceSpec | None:
        """The source that claims ``location`` (first claim wins), or ``None``."""
        for plugin, spec in self._calls("govlink_source_for", location=location):
            if not isinstance(spec, SourceSpec):
                raise PluginError(
                    f"plugin {plugin!r} gave a {type(spec).__name__} from govlink_source_for, "
                    "expected SourceSpec"
                )
            return spec
        return None

    def open_source(self, options: SourceOptions) -> Source:
        """Open the source named ``options.location``, or the one that claims that location.

        :raises UnknownSource: no source has that name and no plugin claims the location.
        :raises SourceError: the source cannot read it (its own, typed errors).
        :raises PluginError: the source failed in an unexpected way.
        """
        known = self.sources()
        spec = known.get(options.location) or self.source_for(options.location)
        if spec is None:
            names = ", ".join(known) or "none"
            raise UnknownSource(
                f"unknown source {options.location!r}: no plugin reads it; known sources: {names}"
            )
        return _opened(spec.name, "source", spec.open, options)

    def sink(self, name: str) -> SinkSpec:
        """The sink called ``name``.

        :raises PluginError: no plugin offers it (the message lists the sinks there are).
        """
        known = self.sinks()
        spec = known.get(name)
        if spec is None:
            names = ", ".join(known) or "none"
            raise PluginError(f"unknown sink {name!r}; known sinks: {names}", code="plugin.sink")
        return spec

    def open_sink(self, name: str, options: SinkOptions | None = None) -> Sink:
        """Open the sink called ``name``.

        :raises PluginError: no such sink, or the sink failed in an unexpected way.
        """
        spec = self.sink(name)
        return _opened(spec.name, "sink", spec.open, options or SinkOptions())

    def fetchers(self) -> Mapping[str, FetcherSpec]:
        """Every document fetcher offered, by name (sorted).

        :raises PluginError: two plugins offer the same name, or a plugin misbehaves.
        """
        merged = self._merged("govlink_fetchers", FetcherSpec, "fetcher")
        return MappingProxyType({name: spec for name, (_, spec) in merged.items()})

    def open_fetcher(self, name: str, options: FetcherOptions | None = None) -> Fetcher:
        """Open the fetcher called ``name``.

        :raises PluginError: no plugin offers it (the message lists the fetchers there are),
            or it failed to open in an unexpected way.
        """
        known = self.fetchers()
        spec = known.get(name)
        if spec is None:
            names = ", ".join(known) or "none"
            raise PluginError(
                f"unknown fetcher {name!r}; known fetchers: {names}", code="plugin.fetcher"
            )
        return _opened(spec.name, "fetcher", spec.open, options or FetcherOptions())

    def notify(self, alert: Alert) -> None:
        """Hand ``alert`` to every notifier plugin.

        Every notifier is called even when one fails.

        :raises PluginError: after all were called, naming the first that failed.
        """
        errors: list[PluginError] = []
        for _ in self._calls("govlink_notify", errors, alert=alert):
            pass
        if errors:
            extra = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise PluginError(errors[0].message + extra) from errors[0]

    # ------------------------------------------------------------ introspection

    def plugins(self) -> list[PluginInfo]:
        """Every loaded plugin with what it offers, sorted by name."""
        offered: dict[str, dict[str, list[str]]] = {}
        kinds: tuple[
            tuple[str, str, type[SourceSpec] | type[SinkSpec] | type[FetcherSpec]], ...
        ] = (
            ("govlink_sources", "sources", SourceSpec),
            ("govlink_sinks", "sinks", SinkSpec),
            ("govlink_fetchers", "fetchers", FetcherSpec),
        )
        for hook, key, kind in kinds:
            for name, (plugin, _) in self._merged(hook, kind, key[:-1]).items():
                offered.setdefault(plugin, {}).setdefault(key, []).append(name)
        notifiers = {impl.plugin_name for impl in self._pm.hook.govlink_notify.get_hookimpls()}
        return [
            PluginInfo(
                name=name,
                origin=origin,
                distribution=distribution,
                sources=tuple(offered.get(name, {}).get("sources", ())),
                sinks=tuple(offered.get(name, {}).get("sinks", ())),
                fetchers=tuple(offered.get(name, {}).get("fetchers", ())),
                notifier=name in notifiers,
            )
            for name, (origin, distribution) in sorted(self._loader.origins.items())
        ]

    def monitor(self, record: Callable[[HookCall], None]) -> Callable[[], None]:
        """Report every hook call to ``record`` (tracing, tests); returns the function to stop."""
        self._monitors.append(record)

        def stop() -> None:
            if record in self._monitors:
                self._monitors.remove(record)

        return stop


_Opened = TypeVar("_Opened")
_Options = TypeVar("_Options")


def _opened(
    name: str, what: str, open_: Callable[[_Options], _Opened], options: _Options
) -> _Opened:
    try:
        return open_(options)
    except GovlinkError:
        raise
    except Exception as error:
        raise PluginError(f"{what} {name!r} failed to open: {one_line(error)}") from error
