"""The plugin registry: the one typed facade over pluggy.

No other module makes hook calls. A registry is built per instance and loads nothing until it
is first used; loading (built-ins, entry points, blocking, isolation) is
:mod:`govlink.plugins._loading`. A plugin that fails to load is listed in
:attr:`Registry.failed` (and warned about) without breaking the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from pluggy import HookCaller

from govlink.domain.alerts import Alert
from govlink.errors import GovlinkError, PluginError, UnknownSource
from govlink.plugins._loading import PluginLoader, Spec, culprit, failed_in, named, opened
from govlink.plugins.fetchers import Fetcher, FetcherOptions, FetcherSpec
from govlink.plugins.notifiers import Notifier, NotifierSpec, NotifyOutcome
from govlink.plugins.records import FailedPlugin, HookCall, NameClash, PluginInfo, PluginOrigin
from govlink.plugins.types import Sink, SinkOptions, SinkSpec, Source, SourceOptions, SourceSpec

__all__ = ["Registry"]


class Registry:
    """The plugins govlink uses: sources, sinks, fetchers and notifiers.

    :param blocked: plugin names not to load (added to ``GOVLINK_DISABLE_PLUGINS``).
    :param entry_points: load third-party plugins from the ``govlink`` entry-point group.
    :param builtins: register the built-in plugins (:data:`BUILTIN_PLUGINS`).
    """

    def __init__(
        self, *, blocked: Iterable[str] = (), entry_points: bool = True, builtins: bool = True
    ) -> None:
        self._loader = PluginLoader(blocked=blocked, entry_points=entry_points, builtins=builtins)
        self._pm = self._loader.pm
        self._notifiers: dict[str, Notifier | None] | None = None

    def __repr__(self) -> str:
        state = "loaded" if self._loader.loaded else "not loaded"
        plugins = len(self._loader.origins)
        return f"<Registry {state}, {plugins} plugins, blocked={sorted(self.blocked)}>"

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
        :raises PluginError: the name is taken, the plugin is not hashable, or it implements an
            unknown hook, a hook with unknown arguments, or a wrapper.
        """
        self._loader.load()
        return self._loader.add(
            plugin, name or self._pm.get_canonical_name(plugin), PluginOrigin.REGISTERED
        )

    def unregister(self, name: str) -> None:
        """Remove the plugin registered as ``name`` (nothing happens if there is none)."""
        self._loader.unregister(name)

    def _call(
        self, hook: str, plugin: str | None = None, *, flat: bool = False, **kwargs: object
    ) -> Any:
        """Call ``hook`` through pluggy, only ``plugin``'s implementation when given; ``flat``
        flattens a list hook's results (running the generators an implementation returns).

        A plugin's unexpected exception becomes a :class:`PluginError` naming it; a
        :class:`GovlinkError` is raised as it is.
        """
        self._loader.load()
        caller: HookCaller = getattr(self._pm.hook, hook)
        if plugin is not None:
            others = [i.plugin for i in caller.get_hookimpls() if i.plugin_name != plugin]
            caller = self._pm.subset_hook_caller(hook, others)
        try:
            result = caller(**kwargs)
            return [item for items in result for item in items] if flat else result
        except GovlinkError:
            raise
        except Exception as error:
            raise failed_in(plugin or culprit(caller, error), hook, error) from error

    def _specs(self, hook: str, kind: type[Spec], plugin: str | None = None) -> list[Spec]:
        """Every spec the hook's implementations return, flattened, each checked to be ``kind``."""
        specs: list[Spec] = self._call(hook, plugin, flat=True)
        for spec in specs:
            if not isinstance(spec, kind):
                owner = plugin or next(
                    p for p in self._implementers(hook) if spec in self._call(hook, p, flat=True)
                )
                raise PluginError(
                    f"plugin {owner!r} gave a {type(spec).__name__} from {hook}, "
                    f"expected {kind.__name__}"
                )
        return specs

    def _implementers(self, hook: str) -> list[str]:
        self._loader.load()
        return [i.plugin_name for i in reversed(getattr(self._pm.hook, hook).get_hookimpls())]

    def _offered(self, hook: str, kind: type[Spec]) -> dict[str, list[str]]:
        """Spec name -> the plugins offering it, in call order."""
        offered: dict[str, list[str]] = {}
        for plugin in self._implementers(hook):
            for spec in self._specs(hook, kind, plugin):
                offered.setdefault(spec.name, []).append(plugin)
        return offered

    def _merged(self, hook: str, kind: type[Spec], what: str) -> Mapping[str, Spec]:
        found: dict[str, Spec] = {}
        for spec in self._specs(hook, kind):
            if spec.name in found:
                owners = self._offered(hook, kind)[spec.name]
                raise PluginError(str(NameClash(kind=what, name=spec.name, plugins=tuple(owners))))
            found[spec.name] = spec
        return MappingProxyType(dict(sorted(found.items())))

    def sources(self) -> Mapping[str, SourceSpec]:
        """Every source offered, by name (sorted).

        :raises PluginError: two plugins offer the same name, or a plugin misbehaves.
        """
        return self._merged("govlink_sources", SourceSpec, "source")

    def sinks(self) -> Mapping[str, SinkSpec]:
        """Every sink offered, by name (sorted); raises like :meth:`sources`."""
        return self._merged("govlink_sinks", SinkSpec, "sink")

    def source_for(self, location: str) -> SourceSpec | None:
        """The source that claims ``location`` (``firstresult``: the first claim wins), or ``None``.

        :raises PluginError: a plugin failed, or gave something that is not a ``SourceSpec``.
        """
        spec = self._call("govlink_source_for", location=location)
        if spec is not None and not isinstance(spec, SourceSpec):
            kind = type(spec).__name__
            raise PluginError(
                f"a plugin gave a {kind} from govlink_source_for, expected SourceSpec"
            )
        return spec

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
        return opened(spec.name, "source", spec.open, options)

    def sink(self, name: str) -> SinkSpec:
        """The sink called ``name``.

        :raises PluginError: no plugin offers it (the message lists the sinks there are).
        """
        return named(self.sinks(), name, "sink")

    def open_sink(self, name: str, options: SinkOptions | None = None) -> Sink:
        """Open the sink called ``name``.

        :raises PluginError: no such sink, or the sink failed in an unexpected way.
        """
        spec = self.sink(name)
        return opened(spec.name, "sink", spec.open, options or SinkOptions())

    def fetchers(self) -> Mapping[str, FetcherSpec]:
        """Every document fetcher offered, by name (sorted); raises like :meth:`sources`."""
        return self._merged("govlink_fetchers", FetcherSpec, "fetcher")

    def open_fetcher(self, name: str, options: FetcherOptions | None = None) -> Fetcher:
        """Open the fetcher called ``name``.

        :raises PluginError: no plugin offers it (the message lists the fetchers there are),
            or it failed to open in an unexpected way.
        """
        spec = named(self.fetchers(), name, "fetcher")
        return opened(spec.name, "fetcher", spec.open, options or FetcherOptions())

    def notifiers(self) -> Mapping[str, NotifierSpec]:
        """Every notifier offered, by name (sorted); raises like :meth:`sources`."""
        return self._merged("govlink_notifiers", NotifierSpec, "notifier")

    def open_notifiers(
        self, settings: Mapping[str, str], environment: Mapping[str, str]
    ) -> tuple[str, ...]:
        """Open every notifier with its declared settings (:meth:`NotifierSpec.options`: secret
        ones from ``environment``, the others from ``settings``); :meth:`notify` uses them.

        :returns: the names of the notifiers that are on (the others' settings leave them off).
        :raises ConfigurationError: a notifier's settings are incomplete or unusable.
        :raises PluginError: a notifier failed to open in an unexpected way.
        """
        self._notifiers = {
            name: opened(name, "notifier", spec.open, spec.options(settings, environment))
            for name, spec in self.notifiers().items()
        }
        return tuple(name for name, notifier in self._notifiers.items() if notifier is not None)

    def notify(self, alert: Alert) -> dict[str, NotifyOutcome]:
        """Hand ``alert`` to every notifier that is on (opened without settings when
        :meth:`open_notifiers` was not called); every one is called even when one fails.

        :returns: what each notifier did, by name.
        :raises PluginError: after all were called, naming the first that failed.
        """
        if self._notifiers is None:
            self.open_notifiers({}, {})
        outcomes: dict[str, NotifyOutcome] = {}
        errors: list[PluginError] = []
        for name, notifier in (self._notifiers or {}).items():
            try:
                if notifier is not None:
                    outcomes[name] = NotifyOutcome(notifier.notify(alert))
            except PluginError as error:
                errors.append(error)
            except Exception as error:
                errors.append(failed_in(name, "notify", error))
        if errors:
            extra = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise PluginError(errors[0].message + extra) from errors[0]
        return outcomes

    def _offers(self) -> dict[str, dict[str, list[str]]]:
        """Kind (``sources``, ...) -> spec name -> the plugins offering it."""
        return {
            "sources": self._offered("govlink_sources", SourceSpec),
            "sinks": self._offered("govlink_sinks", SinkSpec),
            "fetchers": self._offered("govlink_fetchers", FetcherSpec),
            "notifiers": self._offered("govlink_notifiers", NotifierSpec),
        }

    def plugins(self) -> list[PluginInfo]:
        """Every loaded plugin with what it offers, sorted by name (a name clash is listed by
        :meth:`clashes`, not raised)."""
        offers = self._offers()

        def names(kind: str, plugin: str) -> tuple[str, ...]:
            return tuple(sorted(n for n, by in offers[kind].items() if plugin in by))

        return [
            PluginInfo(
                name=name,
                origin=origin,
                distribution=distribution,
                sources=names("sources", name),
                sinks=names("sinks", name),
                fetchers=names("fetchers", name),
                notifiers=names("notifiers", name),
            )
            for name, (origin, distribution) in sorted(self._loader.origins.items())
        ]

    def clashes(self) -> list[NameClash]:
        """The names two or more plugins offer (each makes the lookup of its kind fail)."""
        return [
            NameClash(kind=kind[:-1], name=name, plugins=tuple(by))
            for kind, offered in self._offers().items()
            for name, by in sorted(offered.items())
            if len(by) > 1
        ]

    def monitor(self, record: Callable[[HookCall], None]) -> Callable[[], None]:
        """Report every hook call to ``record`` (tracing, tests); returns the function to stop.

        Built on pluggy's :meth:`~pluggy.PluginManager.add_hookcall_monitoring`.
        """
        return self._loader.monitor(record)
