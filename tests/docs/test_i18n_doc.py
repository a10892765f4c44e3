"""docs/i18n.md documents the whole public `govlink.i18n` API, and its examples hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import govlink.i18n
from govlink.i18n import negotiate, translator

PAGE = (Path(__file__).parents[2] / "docs" / "i18n.md").read_text(encoding="utf-8")
BLOCK = re.search(r"```python\n(.*?)\n```", PAGE, re.S)
#: ``expression  # 'result'`` lines of the example block.
EXAMPLES = re.findall(r"^(\S.*?)\s+# '(.*?)'", BLOCK.group(1) if BLOCK else "", re.M)


@pytest.mark.parametrize("name", govlink.i18n.__all__)
def test_every_public_name_is_documented(name: str) -> None:
    assert f"`{name}" in PAGE


def test_the_examples_are_found() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize(("expression", "result"), EXAMPLES)
def test_each_example_gives_what_the_page_says(expression: str, result: str) -> None:
    names = {"t": translator("nl"), "negotiate": negotiate}
    assert eval(expression, names) == result  # the page's own examples, nothing else
