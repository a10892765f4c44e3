"""pytest fixtures for plugin authors: an empty registry and a hook recorder.

Opt in from your ``conftest.py``::

    pytest_plugins = ["govlink.testing.fixtures"]

    def test_my_source(govlink_registry, govlink_hooks):
        govlink_registry.register(my_plugin, name="mine")
        assert "mycrm" in govlink_registry.sources()
        assert govlink_hooks.plugins("govlink_sources") == ["mine"]
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from govlink.plugins import HookCall, Registry

__all__ = ["HookRecorder", "govlink_hooks", "govlink_registry"]


class HookRecorder:
    """Records every hook call a registry makes, one :class:`~govlink.plugins.HookCall` each."""

    def __init__(self) -> None:
        self.calls: list[HookCall] = []

    def __call__(self, call: HookCall) -> None:
        self.calls.append(call)

    def calls_of(self, hook: str) -> list[HookCall]:
        """The calls of one hook, in order."""
        return [call for call in self.calls if call.hook == hook]

    def plugins(self, hook: str) -> list[str]:
        """The plugins called for one hook, in call order."""
        return [plugin for call in self.calls_of(hook) for plugin in call.plugins]

    def clear(self) -> None:
        """Forget the calls recorded so far."""
        self.calls.clear()


@pytest.fixture
def govlink_registry() -> Registry:
    """A registry with no plugins at all: no built-ins, no entry points."""
    return Registry(builtins=False, entry_points=False)


@pytest.fixture
def govlink_hooks(govlink_registry: Registry) -> Iterator[HookRecorder]:
    """A :class:`HookRecorder` on ``govlink_registry``."""
    recorder = HookRecorder()
    stop = govlink_registry.monitor(recorder)
    yield recorder
    stop()
