"""Hooks are dispatched through pluggy: tryfirst/trylast and firstresult work as pluggy documents,
its call monitoring sees every call, and a name clash is listed rather than raised."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from govlink.cli._render import render_plugins
from govlink.errors import PluginError
from govlink.plugins import NameClash, Registry, SourceSpec, hookimpl
from govlink.testing.fixtures import HookRecorder


class Hooks:
    """A plugin object made of the given hook implementations."""

    def __init__(self, **hooks: object) -> None:
        vars(self).update(hooks)


def _spec(name: str) -> SourceSpec:
    return SourceSpec(name=name, description=name, open=lambda options: None)  # type: ignore[arg-type,return-value]


def _claimer(name: str, *, tryfirst: bool = False) -> Hooks:
    @hookimpl(tryfirst=tryfirst)
    def govlink_source_for(location: str) -> SourceSpec:
        return _spec(name)

    return Hooks(govlink_source_for=govlink_source_for)


def _offering(*names: str) -> Hooks:
    @hookimpl
    def govlink_sources() -> list[SourceSpec]:
        return [_spec(name) for name in names]

    return Hooks(govlink_sources=govlink_sources)


def test_tryfirst_beats_the_last_registered_claim(govlink_registry: Registry) -> None:
    govlink_registry.register(_claimer("early", tryfirst=True), name="early")
    govlink_registry.register(_claimer("late"), name="late")
    spec = govlink_registry.source_for("x://1")
    assert spec is not None
    assert spec.name == "early"


def test_without_tryfirst_the_last_registered_claim_wins(govlink_registry: Registry) -> None:
    govlink_registry.register(_claimer("early"), name="early")
    govlink_registry.register(_claimer("late"), name="late")
    spec = govlink_registry.source_for("x://1")
    assert spec is not None
    assert spec.name == "late"


def test_the_monitor_sees_one_call_per_dispatch_in_pluggy_order(
    govlink_registry: Registry, govlink_hooks: HookRecorder
) -> None:
    govlink_registry.register(_offering("a"), name="one")
    govlink_registry.register(_offering("b"), name="two")
    assert list(govlink_registry.sources()) == ["a", "b"]
    [call] = govlink_hooks.calls_of("govlink_sources")
    assert call.plugins == ("two", "one")
    assert [[s.name for s in specs] for specs in call.result] == [["b"], ["a"]]  # type: ignore[attr-defined]


def test_a_name_clash_is_listed_not_raised(govlink_registry: Registry) -> None:
    govlink_registry.register(_offering("crm", "x"), name="first")
    govlink_registry.register(_offering("crm"), name="second")
    with pytest.raises(PluginError, match="two plugins offer the source 'crm'"):
        govlink_registry.sources()
    assert [(p.name, p.sources) for p in govlink_registry.plugins()] == [
        ("first", ("crm", "x")),
        ("second", ("crm",)),
    ]
    clashes = govlink_registry.clashes()
    assert clashes == [NameClash(kind="source", name="crm", plugins=("second", "first"))]
    out = io.StringIO()
    render_plugins(Console(file=out, width=200), govlink_registry.plugins(), [], clashes)
    assert "name clash: two plugins offer the source 'crm': 'second' and 'first'" in out.getvalue()


def test_no_clash_lists_nothing(govlink_registry: Registry) -> None:
    govlink_registry.register(_offering("a"), name="one")
    assert govlink_registry.clashes() == []


def test_an_unhashable_plugin_is_refused_with_one_line(govlink_registry: Registry) -> None:
    class Unhashable(Hooks):
        __hash__ = None  # type: ignore[assignment]

    with pytest.raises(PluginError, match=r"^plugin 'u' cannot be registered: .* hashable"):
        govlink_registry.register(Unhashable(), name="u")
