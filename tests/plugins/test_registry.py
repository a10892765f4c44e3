"""The Registry: loading, blocking, conflicts, dispatch, isolation of failing plugins."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from govlink import EnterpriseNumber, PluginError, UnknownSource
from govlink.domain.alerts import Alert, AlertKind
from govlink.domain.records import RawRecord, SourceRef
from govlink.plugins import (
    BUILTIN_PLUGINS,
    PROJECT,
    NotifierOptions,
    NotifierSpec,
    NotifyOutcome,
    PluginOrigin,
    Registry,
    SettingSpec,
    SinkOptions,
    SinkSpec,
    SourceOptions,
    SourceSpec,
    hookimpl,
)
from govlink.testing.fixtures import HookRecorder


class _Source:
    name = "memory"
    skipped: dict[str, int] = {}  # noqa: RUF012 - read-only here

    def records(self) -> Iterator[RawRecord]:
        yield RawRecord(fields={"name": "Acme"}, ref=SourceRef(source="memory", row=1))

    def known_colleagues(self) -> None:
        return None


#: The built-in plugins' names (the last component of each module path), sorted.
BUILTIN_NAMES = sorted(path.rsplit(".", 1)[-1] for path in BUILTIN_PLUGINS)


def _spec(name: str) -> SourceSpec:
    return SourceSpec(name=name, description=f"the {name} source", open=lambda options: _Source())


class Hooks:
    """A plugin object made of the given hook implementations (hashable, like every plugin)."""

    def __init__(self, **hooks: object) -> None:
        vars(self).update(hooks)


def _plugin(*names: str, claim: str | None = None) -> Hooks:
    """A plugin object offering sources ``names`` and claiming locations starting with ``claim``."""

    @hookimpl
    def govlink_sources() -> list[SourceSpec]:
        return [_spec(name) for name in names]

    @hookimpl
    def govlink_source_for(location: str) -> SourceSpec | None:
        return _spec(names[0]) if claim is not None and location.startswith(claim) else None

    return Hooks(govlink_sources=govlink_sources, govlink_source_for=govlink_source_for)


def _alert() -> Alert:
    return Alert(
        kind=AlertKind.GOVERNMENT_REQUEST,
        enterprise_number=EnterpriseNumber("0417497106"),
        company_name="Acme",
        recipient="an@firm.example",
        subject="Request for information",
        message="A request for information arrived.",
    )


def test_project_name_is_the_entry_point_group() -> None:
    assert PROJECT == "govlink"
    assert "govlink.connectors.excel" in BUILTIN_PLUGINS


def test_builtins_are_registered_like_plugins() -> None:
    registry = Registry(entry_points=False)
    infos = {info.name: info for info in registry.plugins()}
    assert sorted(infos) == BUILTIN_NAMES
    info, log = infos["excel"], infos["log"]
    assert (info.name, info.origin, info.sources) == ("excel", PluginOrigin.BUILTIN, ("excel",))
    assert info.notifiers == ()
    assert (log.name, log.origin, log.notifiers) == ("log", PluginOrigin.BUILTIN, ("log",))
    assert infos["smtp"].notifiers == ("smtp",)
    assert list(registry.notifiers()) == ["log", "smtp"]
    assert list(registry.sources()) == ["adminis", "adminpulse", "excel"]
    assert registry.failed == []


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_blocking_a_builtin(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "argument":
        registry = Registry(blocked=("excel",), entry_points=False)
    else:
        monkeypatch.setenv("GOVLINK_DISABLE_PLUGINS", " other , excel,")
        registry = Registry(entry_points=False)
    assert "excel" in registry.blocked
    assert [info.name for info in registry.plugins()] == [n for n in BUILTIN_NAMES if n != "excel"]
    assert registry.source_for("clients.xlsx") is None
    assert registry.register(_plugin("x"), name="excel") is None


def test_register_and_unregister(govlink_registry: Registry) -> None:
    assert govlink_registry.register(_plugin("one", "two"), name="p") == "p"
    assert list(govlink_registry.sources()) == ["one", "two"]
    [info] = govlink_registry.plugins()
    assert (info.origin, info.sources) == (PluginOrigin.REGISTERED, ("one", "two"))
    govlink_registry.unregister("p")
    assert govlink_registry.sources() == {}


def test_registering_the_same_name_twice_is_an_error(govlink_registry: Registry) -> None:
    govlink_registry.register(_plugin("one"), name="p")
    with pytest.raises(PluginError, match="'p' cannot be registered"):
        govlink_registry.register(_plugin("two"), name="p")


def test_two_plugins_offering_one_source_name_raise(govlink_registry: Registry) -> None:
    govlink_registry.register(_plugin("crm"), name="first")
    govlink_registry.register(_plugin("crm"), name="second")
    with pytest.raises(PluginError) as caught:
        govlink_registry.sources()
    message = str(caught.value)
    assert "'crm'" in message
    assert "'first'" in message
    assert "'second'" in message
    assert "\n" not in message


def test_a_third_party_source_cannot_take_the_excel_name() -> None:
    registry = Registry(entry_points=False)
    registry.register(_plugin("excel"), name="impostor")
    with pytest.raises(PluginError, match="two plugins offer the source 'excel'"):
        registry.sources()


def _sink_plugin(name: str) -> Hooks:
    @hookimpl
    def govlink_sinks() -> list[SinkSpec]:
        return [SinkSpec(name=name, description="", open=lambda options: None)]  # type: ignore[arg-type,return-value]

    return Hooks(govlink_sinks=govlink_sinks)


def test_two_sinks_with_one_name_raise(govlink_registry: Registry) -> None:
    govlink_registry.register(_sink_plugin("archive"), name="a")
    govlink_registry.register(_sink_plugin("archive"), name="b")
    with pytest.raises(PluginError, match="two plugins offer the sink 'archive': 'b' and 'a'"):
        govlink_registry.sinks()


def test_wrappers_are_refused(govlink_registry: Registry) -> None:
    @hookimpl(wrapper=True)
    def govlink_sources() -> Iterator[None]:
        return (yield)

    plugin = Hooks(govlink_sources=govlink_sources)
    with pytest.raises(PluginError, match="wraps govlink_sources; govlink hooks take no wrappers"):
        govlink_registry.register(plugin, name="w")
    assert govlink_registry.plugins() == []


def test_unknown_hook_is_refused(govlink_registry: Registry) -> None:
    @hookimpl
    def govlink_source() -> None:  # a typo of a real hook
        return None

    with pytest.raises(PluginError, match="unknown hooks govlink_source;"):
        govlink_registry.register(Hooks(govlink_source=govlink_source), name="t")
    assert govlink_registry.plugins() == []


def test_unknown_hook_argument_is_refused(govlink_registry: Registry) -> None:
    @hookimpl
    def govlink_source_for(path: str) -> None:
        return None

    plugin = Hooks(govlink_source_for=govlink_source_for)
    with pytest.raises(PluginError, match="cannot be registered"):
        govlink_registry.register(plugin, name="t")


def test_wrong_result_type_is_a_plugin_error(govlink_registry: Registry) -> None:
    @hookimpl
    def govlink_sources() -> list[str]:
        return ["excel"]

    govlink_registry.register(Hooks(govlink_sources=govlink_sources), name="bad")
    with pytest.raises(PluginError, match="plugin 'bad' gave a str from govlink_sources"):
        govlink_registry.sources()


def test_a_crashing_hook_names_the_plugin(govlink_registry: Registry) -> None:
    @hookimpl
    def govlink_sources() -> Iterator[SourceSpec]:
        raise RuntimeError("boom\nsecond line")
        yield  # a generator

    govlink_registry.register(Hooks(govlink_sources=govlink_sources), name="bad")
    with pytest.raises(PluginError) as caught:
        govlink_registry.sources()
    assert (
        str(caught.value)
        == "plugin 'bad' failed in govlink_sources: RuntimeError: boom second line"
    )


def test_source_for_first_claim_wins_and_excel_comes_last() -> None:
    registry = Registry(entry_points=False)
    assert registry.source_for("Clients.XLSX") is registry.sources()["excel"]
    assert registry.source_for("adminpulse://office") is None
    registry.register(_plugin("fancy-excel", claim="clients"), name="fancy")
    spec = registry.source_for("clients.xlsx")
    assert spec is not None
    assert spec.name == "fancy-excel"


def test_open_source_by_name_and_by_location(govlink_registry: Registry) -> None:
    govlink_registry.register(_plugin("memory", claim="mem://"), name="mem")
    by_name = govlink_registry.open_source(SourceOptions(location="memory"))
    by_location = govlink_registry.open_source(SourceOptions(location="mem://x"))
    assert [r.fields for r in by_name.records()] == [r.fields for r in by_location.records()]


def test_open_unknown_source_lists_the_known_names() -> None:
    registry = Registry(entry_points=False)
    registry.register(_plugin("mycrm"), name="mc")
    with pytest.raises(UnknownSource) as caught:
        registry.open_source(SourceOptions(location="crm"))
    assert str(caught.value) == (
        "unknown source 'crm': no plugin reads it; known sources: "
        + ", ".join(sorted(["adminis", "adminpulse", "excel", "mycrm"]))
    )


def test_a_source_failing_to_open_becomes_a_plugin_error(govlink_registry: Registry) -> None:
    def broken(options: SourceOptions) -> _Source:
        raise KeyError("token")

    spec = SourceSpec(name="broken", description="", open=broken)
    govlink_registry.register(Hooks(govlink_sources=hookimpl(lambda: [spec])))
    with pytest.raises(PluginError, match=r"^source 'broken' failed to open: KeyError: 'token'$"):
        govlink_registry.open_source(SourceOptions(location="broken"))


def test_open_sink(govlink_registry: Registry) -> None:
    opened: list[SinkOptions] = []

    def open_sink(options: SinkOptions) -> object:
        opened.append(options)
        return object()

    spec = SinkSpec(name="archive", description="", open=open_sink)  # type: ignore[arg-type]
    govlink_registry.register(Hooks(govlink_sinks=hookimpl(lambda: [spec])))
    govlink_registry.open_sink("archive", SinkOptions(settings={"KEY": "secret"}))
    assert opened == [SinkOptions(settings={"KEY": "secret"})]
    assert "secret" not in repr(opened[0])
    with pytest.raises(PluginError, match=r"^unknown sink 'nope'; known sinks: archive$"):
        govlink_registry.open_sink("nope")


class _Notifier:
    def __init__(self, name: str, outcome: NotifyOutcome, received: list[tuple[str, Alert]]):
        self.name, self._outcome, self._received = name, outcome, received

    def notify(self, alert: Alert) -> NotifyOutcome:
        self._received.append((self.name, alert))
        if self._outcome is NotifyOutcome.SKIPPED:
            raise ConnectionError("smtp down")
        return self._outcome


def _notifier_plugin(
    name: str, outcome: NotifyOutcome, received: list[tuple[str, Alert]], *, needs: str = ""
) -> Hooks:
    """A plugin offering notifier ``name``; it fails when ``outcome`` is SKIPPED, and is off
    unless its setting ``needs`` (when given) has a value."""

    def open_(options: NotifierOptions) -> _Notifier | None:
        if needs and needs not in options.settings:
            return None
        return _Notifier(name, outcome, received)

    settings = (SettingSpec(key=needs, description="", secret=True),) if needs else ()
    spec = NotifierSpec(name=name, description="", open=open_, settings=settings)
    return Hooks(govlink_notifiers=hookimpl(lambda: [spec]))


def test_notify_reaches_every_notifier_even_after_a_failure(
    govlink_registry: Registry, govlink_hooks: HookRecorder
) -> None:
    received: list[tuple[str, Alert]] = []
    for name, outcome in (
        ("mail", NotifyOutcome.DELIVERED),
        ("chat", NotifyOutcome.SKIPPED),
        ("log", NotifyOutcome.LOGGED),
    ):
        govlink_registry.register(_notifier_plugin(name, outcome, received), name=name)
    alert = _alert()
    with pytest.raises(PluginError, match=r"^plugin 'chat' failed in notify: ConnectionError"):
        govlink_registry.notify(alert)
    assert sorted(name for name, _ in received) == ["chat", "log", "mail"]
    assert all(got is alert for _, got in received)
    assert govlink_hooks.plugins("govlink_notifiers") == ["log", "chat", "mail"]
    assert [p.notifiers for p in govlink_registry.plugins()] == [("chat",), ("log",), ("mail",)]


def test_notifiers_are_opened_with_their_declared_settings(govlink_registry: Registry) -> None:
    received: list[tuple[str, Alert]] = []
    plugin = _notifier_plugin("chat", NotifyOutcome.DELIVERED, received, needs="chat_token")
    govlink_registry.register(plugin, name="chat")
    govlink_registry.register(_notifier_plugin("log", NotifyOutcome.LOGGED, received), name="log")
    stored = {"chat_token": "from-the-store"}
    assert govlink_registry.open_notifiers(stored, {}) == ("log",)
    assert govlink_registry.notify(_alert()) == {"log": NotifyOutcome.LOGGED}
    on = govlink_registry.open_notifiers(stored, {"GOVLINK_CHAT_TOKEN": "t"})
    assert on == ("chat", "log")
    assert govlink_registry.notify(_alert()) == {
        "chat": NotifyOutcome.DELIVERED,
        "log": NotifyOutcome.LOGGED,
    }


def test_hook_recorder_sees_arguments_and_results(
    govlink_registry: Registry, govlink_hooks: HookRecorder
) -> None:
    govlink_registry.register(_plugin("memory", claim="mem://"), name="mem")
    spec = govlink_registry.source_for("mem://a")
    [call] = govlink_hooks.calls_of("govlink_source_for")
    assert (call.plugins, dict(call.kwargs), call.result, call.error) == (
        ("mem",),
        {"location": "mem://a"},
        spec,
        None,
    )
    govlink_hooks.clear()
    assert govlink_hooks.calls == []


def test_nothing_is_loaded_before_first_use() -> None:
    registry = Registry(entry_points=False)
    assert "not loaded" in repr(registry)
    registry.sources()
    assert f"loaded, {len(BUILTIN_PLUGINS)} plugins" in repr(registry)


def test_importing_govlink_loads_no_plugin() -> None:
    code = (
        "import sys, govlink, govlink.plugins; govlink.plugins.Registry(); "
        "print(sorted(m for m in sys.modules if m.startswith(('govlink.connectors', 'openpyxl'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
