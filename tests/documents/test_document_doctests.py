"""The examples in the docstrings of the document, alert and outbox modules run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "govlink.domain.alert_routing",
    "govlink.domain.content_type",
    "govlink.domain.document_checks",
    "govlink.domain.documents",
    "govlink.domain.forwarding",
    "govlink.domain.outbox",
    "govlink.testing.documents",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
