"""``json_text``: one member, or one element of a member's array, a line, each written as
``json.JSONEncoder(ensure_ascii=False)`` writes it, unsafe characters as ``\\u`` escapes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.cli._output import json_text
from govlink.domain.text_safety import escape_unsafe_json

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)


def _expected(document: dict[str, Any]) -> str:
    encode = json.JSONEncoder(ensure_ascii=False).encode
    members = []
    for key, value in document.items():
        if isinstance(value, list):
            inner = ",\n    ".join(map(encode, value))
            text = f"[\n    {inner}\n  ]" if value else "[]"
        else:
            text = encode(value)
        members.append(f"{encode(key)}: {text}")
    body = ",\n  ".join(members)
    return escape_unsafe_json("{\n  " + body + "\n}" if members else "{}")


@pytest.mark.slow
@given(document=st.dictionaries(st.text(max_size=6), _VALUES, max_size=4))
def test_json_text_is_json_encoder_text(document: dict[str, Any]) -> None:
    assert json_text(document) == _expected(document)


@given(items=st.lists(st.dictionaries(st.text(max_size=4), _SCALARS, max_size=3), max_size=4))
def test_generators_are_written_as_arrays(items: list[dict[str, Any]]) -> None:
    assert json_text({"rows": (item for item in items)}) == _expected({"rows": items})
