"""Every example in govlink's docstrings runs and holds (python-stdnum style documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import govlink


def _modules_with_examples() -> list[str]:
    finder = doctest.DocTestFinder()
    prefix = f"{govlink.__name__}."
    return [
        info.name
        for info in pkgutil.walk_packages(govlink.__path__, prefix=prefix)
        if not info.name.endswith(".__main__")
        and any(test.examples for test in finder.find(importlib.import_module(info.name)))
    ]


MODULES = _modules_with_examples()


def test_examples_are_found() -> None:
    assert {"govlink.domain.enterprise_number", "govlink.connectors.adminis.filters"} <= set(
        MODULES
    )


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
