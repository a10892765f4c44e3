"""docs/plugins.md documents every hook with every argument (datasette's test, adapted)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pluggy
import pytest

from govlink.plugins import PROJECT, hookspecs

DOCS = Path(__file__).parents[2] / "docs" / "plugins.md"


def _hooks() -> dict[str, tuple[str, ...]]:
    manager = pluggy.PluginManager(PROJECT)
    manager.add_hookspecs(hookspecs)
    hooks: dict[str, tuple[str, ...]] = {}
    for name in dir(manager.hook):
        caller = getattr(manager.hook, name)
        if isinstance(caller, pluggy.HookCaller) and caller.spec is not None:
            hooks[name] = tuple(caller.spec.argnames)
    return hooks


def test_every_spec_is_public_and_prefixed() -> None:
    marked = {
        name
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, f"{PROJECT}_spec")
    }
    assert marked == set(_hooks()) == set(hookspecs.__all__)
    assert all(name.startswith("govlink_") for name in marked)
    assert len(marked) <= 6


@pytest.mark.parametrize(("hook", "args"), sorted(_hooks().items()))
def test_hook_is_documented(hook: str, args: tuple[str, ...]) -> None:
    text = DOCS.read_text(encoding="utf-8")
    signature = f"{hook}({', '.join(args)})"
    assert re.search(rf"^#+ .*`{re.escape(signature)}`", text, re.MULTILINE), (
        f"docs/plugins.md has no heading with `{signature}`"
    )


@pytest.mark.parametrize("hook", sorted(_hooks()))
def test_hook_docstring_has_params_returns_and_example(hook: str) -> None:
    function = getattr(hookspecs, hook)
    doc = inspect.getdoc(function) or ""
    for arg in inspect.signature(function).parameters:
        assert f":param {arg}:" in doc
    assert ":returns:" in doc
    assert "Example plugin::" in doc
    assert "@hookimpl" in doc
    firstresult = getattr(function, f"{PROJECT}_spec")["firstresult"]
    assert ("``firstresult``" in doc) is firstresult
