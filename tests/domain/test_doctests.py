"""The examples in the domain docstrings run and hold (python-stdnum style documentation)."""

import doctest
import importlib

import pytest

MODULES = [
    "govlink.domain.enterprise_number",
    "govlink.domain.normalize",
    "govlink.domain.records",
    "govlink.domain.validation",
    "govlink.testing.strategies",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
