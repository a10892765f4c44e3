"""The examples in the Admin-IS modules' docstrings run and hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "govlink.connectors.adminis.client",
    "govlink.connectors.adminis.filters",
    "govlink.connectors.adminis.mapping",
    "govlink.connectors.adminis.taskflows",
    "govlink.connectors.adminis._token",
    "govlink.testing.adminis",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
