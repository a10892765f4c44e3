"""Every example in govlink's docstrings runs and holds (python-stdnum style documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import govlink


def _examples(name: str) -> list[doctest.DocTest]:
    module = importlib.import_module(name)
    return [test for test in doctest.DocTestFinder().find(module) if test.examples]


MODULES = [
    info.name
    for info in pkgutil.walk_packages(govlink.__path__, prefix=f"{govlink.__name__}.")
    if not info.name.endswith(".__main__") and _examples(info.name)
]


def test_examples_are_found() -> None:
    assert {"govlink.domain.enterprise_number", "govlink.connectors.adminis.filters"} <= set(
        MODULES
    )


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in _examples(name):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
