"""``RowMapping`` and ``row_record``: a table row's record is the record attrs would build."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govlink.domain.records import RawRecord, RowMapping, SourceRef, row_record

_KEYS = st.lists(st.text(min_size=1, max_size=5), unique=True, max_size=6)
_VALUES = st.lists(st.one_of(st.none(), st.text(max_size=5), st.integers()), max_size=8)


@given(keys=_KEYS, values=_VALUES, row=st.integers(1, 10**6))
def test_row_record_is_the_attrs_record(keys: list[str], values: list[Any], row: int) -> None:
    columns = {key: index for index, key in enumerate(keys)}
    fields, raw = RowMapping(columns, tuple(values)), RowMapping(dict(columns), tuple(values))
    fast = row_record("excel", row, fields, raw)
    slow = RawRecord(fields=fields, ref=SourceRef(source="excel", row=row), raw=raw)
    assert type(fast) is RawRecord
    assert type(fast.ref) is SourceRef
    assert attrs.asdict(fast, recurse=False) == attrs.asdict(slow, recurse=False)
    assert attrs.asdict(fast.ref) == attrs.asdict(slow.ref)
    assert (fast, hash(fast.ref), repr(fast)) == (slow, hash(slow.ref), repr(slow))


def test_row_record_converts_other_mappings() -> None:
    record = row_record("excel", 3, {"name": "Acme"}, {"Naam": "Acme"})
    assert record == RawRecord(
        fields={"name": "Acme"}, ref=SourceRef(source="excel", row=3), raw={"Naam": "Acme"}
    )
    assert type(record.fields) is not dict


@given(keys=_KEYS, values=_VALUES, key=st.text(max_size=5))
def test_row_mapping_get_is_mapping_get(keys: list[str], values: list[Any], key: str) -> None:
    columns = {k: index for index, k in enumerate(keys)}
    row = RowMapping(columns, tuple(values))
    assert row.get(key, "-") == dict(row).get(key, "-")


@given(keys=_KEYS, values=_VALUES)
def test_row_mapping_items_are_the_dicts(keys: list[str], values: list[Any]) -> None:
    columns = {k: index for index, k in enumerate(keys)}
    row = RowMapping(columns, tuple(values))
    assert list(row.items()) == list(dict(row).items())
    assert row.items() == dict(row).items()  # still a set-like view
    assert len(row.items()) == len(dict(row))
