"""Control and bidi characters: recognised, escaped, and never stored by validation."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlink.domain.reasons import ReasonCode
from govlink.domain.records import RawRecord, SourceRef
from govlink.domain.text_safety import (
    MAX_CELL_CHARACTERS,
    escape_unsafe,
    escape_unsafe_json,
    has_unsafe_characters,
    is_unsafe_character,
)
from govlink.domain.validation import InvalidRecord, ValidRecord, validate

UNSAFE = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", *map(chr, range(0x202A, 0x202F))]
UNSAFE += [chr(c) for c in range(0x2066, 0x206A)]


@pytest.mark.parametrize("ch", UNSAFE, ids=lambda ch: f"U+{ord(ch):04X}")
def test_controls_and_bidi_controls_are_unsafe(ch: str) -> None:
    assert is_unsafe_character(ch)
    escape = f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
    assert escape_unsafe(f"a{ch}b") == f"a{escape}b"


@pytest.mark.parametrize("ch", ["a", "é", "\u00a0", "\u200d", "\u05d0", "€", "ß"])
def test_ordinary_text_is_safe(ch: str) -> None:
    assert not is_unsafe_character(ch)
    assert escape_unsafe(ch) == ch


@given(st.text())
def test_escaped_text_holds_no_unsafe_character(text: str) -> None:
    assert not has_unsafe_characters(escape_unsafe(text))
    assert escape_unsafe(escape_unsafe(text)) == escape_unsafe(text)


@given(st.text())
def test_escaped_json_is_the_same_value_and_safe(text: str) -> None:
    raw = json.dumps({"v": text}, ensure_ascii=False, indent=2)
    safe = escape_unsafe_json(raw)
    assert json.loads(safe) == {"v": text}
    assert not has_unsafe_characters(safe.replace("\n", ""))


def _record(**fields: object) -> RawRecord:
    return RawRecord(
        fields={"enterprise_number": "0417.497.106", "name": "Acme NV", **fields},
        ref=SourceRef(source="test", row=4),
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Acme\x1b[2J NV"),
        ("name", "Acme \u202eVN"),
        ("city", "Gent\x9b31m"),
        ("street", "Kerk\x00straat"),
        ("email", "info\x1b@acme.be"),
    ],
)
def test_a_value_with_control_characters_is_invalid_never_stored(field: str, value: str) -> None:
    result = validate(_record(**{field: value}))
    assert isinstance(result, InvalidRecord)
    [problem] = result.problems
    assert (problem.code, problem.field, problem.value) == (
        ReasonCode.VALUE_CONTROL_CHARACTERS,
        field,
        value,
    )
    assert not has_unsafe_characters(problem.message)


def test_whitespace_controls_are_collapsed_not_refused() -> None:
    result = validate(_record(name="Acme\tNV\r\n", city="Gent\x1c"))
    assert isinstance(result, ValidRecord)
    assert (result.company.name, result.company.city) == ("Acme NV", "Gent")


def test_a_value_longer_than_a_cell_is_invalid() -> None:
    result = validate(_record(street="x" * (MAX_CELL_CHARACTERS + 1)))
    assert isinstance(result, InvalidRecord)
    assert result.codes == (ReasonCode.VALUE_TOO_LONG,)
    assert "32,768 characters" in result.problems[0].message
    assert isinstance(validate(_record(street="x" * MAX_CELL_CHARACTERS)), ValidRecord)
